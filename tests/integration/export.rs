//! `newsgraph build` output options end to end: export filters, pictures through
//! Graphviz, the message when Graphviz is missing, and bad output names.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export")
}

fn newsgraph(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> (Output, String) {
    let mut cmd = crate::util::command(dir);
    cmd.arg("build")
        .arg(fixture().join("corpus"))
        .arg("-g")
        .arg(fixture().join("gazetteer"))
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let run = crate::util::run(cmd);
    let text = run.describe();
    (run.out, text)
}

fn graph(args: &[&str]) -> Value {
    let tmp = tempfile::tempdir().unwrap();
    let mut all = args.to_vec();
    all.extend(["-o", "g.json"]);
    let (out, text) = newsgraph(&all, tmp.path(), &[]);
    assert!(out.status.success(), "{text}");
    serde_json::from_str(&std::fs::read_to_string(tmp.path().join("g.json")).unwrap()).unwrap()
}

fn edges(g: &Value) -> &Vec<Value> {
    g["edges"].as_array().unwrap()
}

fn nodes(g: &Value) -> &Vec<Value> {
    g["nodes"].as_array().unwrap()
}

#[test]
fn min_weight_keeps_only_heavy_edges_and_their_ends() {
    let all = graph(&[]);
    let g = graph(&["--min-weight", "2"]);
    let heavy = edges(&all)
        .iter()
        .filter(|e| e["weight"].as_u64().unwrap() >= 2)
        .count();
    assert!(
        heavy > 0 && heavy < edges(&all).len(),
        "the fixture must have light and heavy edges"
    );
    assert_eq!(edges(&g).len(), heavy);
    for n in nodes(&g) {
        let id = n["id"].as_str().unwrap();
        assert!(
            edges(&g)
                .iter()
                .any(|e| e["source"] == id || e["target"] == id),
            "{id} has no kept edge"
        );
    }
}

#[test]
fn relations_and_no_cooccurrence_filter_edges_by_type() {
    let g = graph(&["--relations", "co_occurs"]);
    assert!(!edges(&g).is_empty());
    assert!(edges(&g).iter().all(|e| e["relation"] == "co_occurs"));
    let g = graph(&["--no-cooccurrence"]);
    assert!(edges(&g).iter().all(|e| e["relation"] != "co_occurs"));
}

#[test]
fn types_keep_only_those_entities() {
    let g = graph(&["--types", "person,militia"]);
    let types: Vec<&str> = nodes(&g)
        .iter()
        .map(|n| n["type"].as_str().unwrap())
        .collect();
    assert_eq!(types, ["person", "militia"]);
    let kept: Vec<&str> = edges(&g)
        .iter()
        .map(|e| e["relation"].as_str().unwrap())
        .collect();
    assert_eq!(
        kept,
        ["co_occurs", "leads"],
        "only the edges between ali_hassan and fajr_brigades are left"
    );
}

#[test]
fn top_keeps_the_entities_of_highest_weighted_degree() {
    let all = graph(&[]);
    let mut degree: BTreeMap<String, u64> = BTreeMap::new();
    for e in edges(&all) {
        for end in ["source", "target"] {
            *degree
                .entry(e[end].as_str().unwrap().to_string())
                .or_default() += e["weight"].as_u64().unwrap();
        }
    }
    let mut ranked: Vec<(String, u64)> = degree.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut want: Vec<String> = ranked.into_iter().take(3).map(|r| r.0).collect();
    want.sort();
    let g = graph(&["--top", "3"]);
    let got: Vec<&str> = nodes(&g)
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(got, want);
}

#[test]
fn svg_and_png_are_rendered_by_graphviz() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, text) = newsgraph(
        &["-o", "pics/graph.svg", "-o", "pics/graph.png"],
        tmp.path(),
        &[],
    );
    assert!(out.status.success(), "{text}");
    let svg = std::fs::read_to_string(tmp.path().join("pics/graph.svg")).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("سرايا الفجر") && svg.contains("&amp;"),
        "{svg}"
    );
    let png = std::fs::read(tmp.path().join("pics/graph.png")).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let names: Vec<String> = std::fs::read_dir(tmp.path().join("pics"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), 2, "temporary files left: {names:?}");
}

#[test]
fn missing_graphviz_stops_before_any_work_and_names_the_package() {
    let tmp = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let path = empty.path().to_str().unwrap();
    let (out, text) = newsgraph(
        &["-o", "graph.json", "-o", "graph.svg"],
        tmp.path(),
        &[("PATH", path)],
    );
    assert_eq!(out.status.code(), Some(2), "{text}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        "newsgraph: writing graph.svg needs Graphviz's 'dot', which was not found: install the graphviz package (apt-get install graphviz), or write a .dot file and render it elsewhere\n",
        "{text}"
    );
    assert!(
        !tmp.path().join("graph.json").exists(),
        "graph.json was written before the check"
    );
}

#[test]
fn csv_output_writes_nodes_and_edges_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, text) = newsgraph(&["-o", "out/graph.csv"], tmp.path(), &[]);
    assert!(out.status.success(), "{text}");
    let nodes = std::fs::read_to_string(tmp.path().join("out/nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(tmp.path().join("out/edges.csv")).unwrap();
    assert!(nodes.starts_with("Id,Label,"), "{nodes}");
    assert!(
        edges.starts_with("Id,Source,Target,Type,Label,Weight,"),
        "{edges}"
    );
    assert!(!tmp.path().join("out/graph.csv").exists());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("out/nodes.csv, out/edges.csv"),
        "{text}"
    );
}

#[test]
fn unknown_output_extension_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, text) = newsgraph(&["-o", "graph.xlsx"], tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "newsgraph: graph.xlsx: unknown output format; use a file name ending in .json, .nodelink.json, .graphml, .gexf, .dot, .gv, .tsv, .csv, .cyjs, .graphology.json, .neo4j, .svg or .png\n"
    );
}

#[test]
fn layout_picks_the_graphviz_engine_of_a_picture() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, text) = newsgraph(&["-o", "d.svg"], tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let (out, text) = newsgraph(&["-o", "s.svg", "--layout", "sfdp"], tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{text}");
    let d = std::fs::read_to_string(tmp.path().join("d.svg")).unwrap();
    let s = std::fs::read_to_string(tmp.path().join("s.svg")).unwrap();
    assert!(d.contains("<svg") && s.contains("<svg"));
    assert_ne!(d, s, "sfdp lays the graph out differently from dot");
    let (out, text) = newsgraph(&["-o", "x.svg", "--layout", "spring"], tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(2), "{text}");
}
