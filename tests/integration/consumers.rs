//! Real consumers read what the exporters write.
//!
//! For (a) the export fixture corpus (`tests/fixtures/export/`), (b) the development corpus
//! (`<repo>/../shared/corpus`, with the repository's `gazetteer/` once it holds `*.gaz`
//! files, else the fixture gazetteer) and (c) graphs built through the library with names
//! no gazetteer can hold (line breaks), mixed directed/undirected and parallel edges and
//! extra attributes, this test writes graph.json, GraphML, GEXF, node-link JSON, CSV and
//! DOT, then:
//! - validates the GraphML and GEXF with `<repo>/../shared/schemas/validate` (xmllint);
//! - renders the DOT with `dot -Tsvg` and requires an empty stderr;
//! - runs `tests/consumers/check_graph.py` (python3 -W error, networkx), which reads every
//!   file back and compares node and edge counts and attribute values with graph.json.
//!
//! Graphviz, xmllint (libxml2-utils) and networkx must be installed (`bash tests/run.sh`
//! installs them); a missing one fails the test with a message saying so.

use newsgraph::gazetteer::EntityType;
use newsgraph::graph::{DocInfo, Edge, Evidence, Graph, Node};
use newsgraph::text::Span;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FILES: &[&str] = &[
    "graph.json",
    "graph.graphml",
    "graph.gexf",
    "graph.nodelink.json",
    "graph.csv",
    "graph.dot",
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn shared() -> PathBuf {
    let dir = repo().join("../shared");
    assert!(
        dir.join("schemas/validate").is_file(),
        "{} is missing: the consumer tests need the shared folder (schemas, development corpus) beside the repository",
        dir.display()
    );
    dir
}

fn show(cmd: &str, out: &Output) -> String {
    format!(
        "command: {cmd}\nexit: {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn run(cmd: &mut Command) -> Output {
    let text = format!("{cmd:?}");
    cmd.output().unwrap_or_else(|e| {
        panic!("could not run {text}: {e}; install it (bash tests/run.sh installs graphviz, libxml2-utils and networkx)")
    })
}

fn require_tools() {
    let dot = run(Command::new("dot").arg("-V"));
    assert!(
        dot.status.success(),
        "Graphviz 'dot' does not run: {}",
        show("dot -V", &dot)
    );
    let xmllint = run(Command::new("xmllint").arg("--version"));
    assert!(
        xmllint.status.success(),
        "xmllint does not run (package libxml2-utils): {}",
        show("xmllint --version", &xmllint)
    );
    let nx = run(Command::new("python3").args(["-c", "import networkx"]));
    assert!(
        nx.status.success(),
        "python3 cannot import networkx (python3 -m pip install networkx): {}",
        show("python3 -c 'import networkx'", &nx)
    );
}

/// Validates, renders and reads back every file in `dir`.
fn check_consumers(dir: &Path) {
    let validate = shared().join("schemas/validate");
    let out = run(Command::new("bash")
        .arg(&validate)
        .arg(dir.join("graph.graphml"))
        .arg(dir.join("graph.gexf")));
    assert!(
        out.status.success(),
        "schema validation failed:\n{}",
        show("validate graph.graphml graph.gexf", &out)
    );

    let out = run(Command::new("dot").arg("-Tsvg").arg(dir.join("graph.dot")));
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "dot -Tsvg is not clean:\n{}",
        show("dot -Tsvg graph.dot", &out)
    );
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("<svg"),
        "dot -Tsvg wrote no SVG"
    );

    let script = repo().join("tests/consumers/check_graph.py");
    let out = run(Command::new("python3")
        .arg("-W")
        .arg("error")
        .arg(&script)
        .arg(dir));
    assert!(
        out.status.success(),
        "consumers disagree with graph.json:\n{}",
        show("python3 -W error tests/consumers/check_graph.py DIR", &out)
    );
    eprint!("{}", String::from_utf8_lossy(&out.stdout));
}

/// Runs `newsgraph build` on a corpus into `dir`, every format.
fn build(corpus: &Path, gazetteer: &Path, dir: &Path, extra: &[&str]) {
    let mut cmd = crate::util::command(Path::new("."));
    cmd.arg("build")
        .arg(corpus)
        .arg("-g")
        .arg(gazetteer)
        .args(extra);
    for f in FILES {
        cmd.arg("-o").arg(dir.join(f));
    }
    crate::util::run(cmd).ok();
}

fn fixture() -> PathBuf {
    repo().join("tests/fixtures/export")
}

#[test]
fn fixture_corpus_is_read_back_by_every_consumer() {
    require_tools();
    let tmp = tempfile::tempdir().unwrap();
    build(
        &fixture().join("corpus"),
        &fixture().join("gazetteer"),
        tmp.path(),
        &[],
    );
    check_consumers(tmp.path());
}

#[test]
fn filtered_fixture_exports_are_read_back_by_every_consumer() {
    require_tools();
    for flags in [
        &["--min-weight", "2"][..],
        &["--types", "person,militia,place"],
        &["--top", "3"],
        &["--no-cooccurrence"],
    ] {
        let tmp = tempfile::tempdir().unwrap();
        build(
            &fixture().join("corpus"),
            &fixture().join("gazetteer"),
            tmp.path(),
            flags,
        );
        check_consumers(tmp.path());
    }
}

#[test]
fn development_corpus_is_read_back_by_every_consumer() {
    require_tools();
    let corpus = shared().join("corpus");
    assert!(
        corpus.is_dir(),
        "{} is missing: the development corpus belongs beside the repository",
        corpus.display()
    );
    let gazetteer = repo().join("gazetteer");
    let tmp = tempfile::tempdir().unwrap();
    build(&corpus, &gazetteer, tmp.path(), &[]);
    check_consumers(tmp.path());
    // networkx cannot hold a graph that mixes directed and undirected edges, so the full
    // graph's GraphML and GEXF are compared through ElementTree above; these two halves
    // of it are read by networkx itself, GEXF timeline included.
    let directed = "blamed,threatened,claimed_responsibility,attacked,backed_by,leads,criticized,member_of,located_in,denied";
    for flags in [
        &["--relations", "co_occurs"][..],
        &["--relations", directed],
    ] {
        let tmp = tempfile::tempdir().unwrap();
        build(&corpus, &gazetteer, tmp.path(), flags);
        check_consumers(tmp.path());
    }
}

/// A name holding everything the exporters must escape, a line break included.
const NASTY: &str = "Saraya \"al-Fajr\" & <Sons> 'X' \\ back\\slash\nline two سرايا الفجر";

fn node(
    id: &str,
    label: &str,
    kind: EntityType,
    mentions: u64,
    seen: Option<(&str, &str)>,
) -> Node {
    Node {
        id: id.into(),
        label: label.into(),
        kind,
        mentions,
        documents: vec!["d1".into(), "d2".into()],
        aliases: BTreeMap::new(),
        first_seen: seen.map(|s| s.0.to_string()),
        last_seen: seen.map(|s| s.1.to_string()),
        attrs: BTreeMap::new(),
    }
}

fn edge(
    source: &str,
    target: &str,
    relation: &str,
    directed: bool,
    dates: &[Option<&str>],
) -> Edge {
    let evidence: Vec<Evidence> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| Evidence {
            doc: format!("d{}", i + 1),
            sentence: Span::new(0, 10),
            source_span: Span::new(0, 2),
            target_span: Span::new(4, 6),
            rule: None,
            date: d.map(str::to_string),
            text: "A sentence with \"quotes\" & <tags>\nand a break.".into(),
        })
        .collect();
    Edge {
        source: source.into(),
        target: target.into(),
        relation: relation.into(),
        directed,
        weight: evidence.len() as u64,
        evidence,
        attrs: BTreeMap::new(),
    }
}

/// Special names, extras, a colour override, parallel edges of different relations;
/// mixed directed and undirected edges unless `directed_only`.
fn escaping_graph(directed_only: bool) -> Graph {
    let mut fajr = node(
        "fajr_brigades",
        NASTY,
        EntityType::Militia,
        7,
        Some(("2021-03-01", "2021-04-10")),
    );
    fajr.attrs.insert("change".into(), "added".into());
    fajr.attrs.insert("color".into(), "#00ff7f".into());
    fajr.attrs.insert(
        "note text".into(),
        "a \"quoted\", comma & <b>\nbreak".into(),
    );
    let hassan = node(
        "ali_hassan",
        "علي حسن \\ Ali \"Abu\" Hassan",
        EntityType::Person,
        1,
        None,
    );
    let node_kw = node(
        "node",
        "node",
        EntityType::Place,
        2,
        Some(("2021-03-05", "2021-03-05")),
    );
    let digits = node(
        "1st_division",
        "1st Division's 'men'",
        EntityType::Government,
        3,
        None,
    );
    let mut leads = edge(
        "ali_hassan",
        "fajr_brigades",
        "leads",
        true,
        &[Some("2021-03-01"), None],
    );
    leads.attrs.insert("change".into(), "weight 1 -> 2".into());
    leads.attrs.insert("color".into(), "#ff0000".into());
    let mut edges = vec![
        leads,
        edge("ali_hassan", "fajr_brigades", "funds", true, &[None]),
        edge(
            "fajr_brigades",
            "node",
            "attacked",
            true,
            &[Some("2021-03-05")],
        ),
        edge(
            "1st_division",
            "node",
            "located_in",
            true,
            &[None, None, None],
        ),
    ];
    if !directed_only {
        edges.push(edge(
            "ali_hassan",
            "fajr_brigades",
            "co_occurs",
            false,
            &[Some("2021-03-01"), Some("2021-04-10")],
        ));
        edges.push(edge("1st_division", "ali_hassan", "met", false, &[None]));
    }
    let docs = vec![
        DocInfo {
            id: "d1".into(),
            date: Some("2021-03-01".into()),
        },
        DocInfo {
            id: "d2".into(),
            date: None,
        },
    ];
    Graph::from_parts(vec![fajr, hassan, node_kw, digits], edges, docs)
}

fn write_all(graph: &Graph, dir: &Path) {
    for f in FILES {
        newsgraph::formats::write_graph(graph, &dir.join(f)).unwrap();
    }
}

#[test]
fn escaping_graph_round_trips_through_every_consumer() {
    require_tools();
    for directed_only in [false, true] {
        let tmp = tempfile::tempdir().unwrap();
        write_all(&escaping_graph(directed_only), tmp.path());
        check_consumers(tmp.path());
    }
}

/// The reader matrix: for the sample corpus and the development corpus, `build --edges
/// mixed|directed|undirected` writes graph.json, GraphML, GEXF and node-link JSON, and
/// every reader loads every file the README's table "Which file for which tool" lists
/// for it, with the node and edge counts and each edge's direction of graph.json:
/// networkx (the installed release, and 3.3 from `tests/consumers/networkx-3.3`) and
/// python-igraph through `tests/consumers/check_readers.py`, graphology and Cytoscape.js
/// (`.graphology.json`, `.cyjs`, with their evidence) through
/// `tests/consumers/js/check.mjs`. `bash tests/run.sh` installs them all.
#[test]
fn every_reader_loads_the_files_listed_for_it_as_meant() {
    let nx33 = repo().join("tests/consumers/networkx-3.3");
    let js = repo().join("tests/consumers/js");
    assert!(
        nx33.join("networkx").is_dir() && js.join("node_modules/graphology").is_dir(),
        "networkx 3.3 or the node packages are not installed under tests/consumers/ (bash tests/run.sh installs them)"
    );
    for corpus in [repo().join("data"), shared().join("corpus")] {
        let dir = tempfile::tempdir().unwrap();
        for mode in ["mixed", "directed", "undirected"] {
            let mut cmd = crate::util::command(dir.path());
            cmd.arg("build").arg(&corpus).args(["--edges", mode]);
            for f in [
                "graph.json",
                "graph.graphml",
                "graph.gexf",
                "graph.nodelink.json",
            ] {
                cmd.arg("-o").arg(format!("{mode}/{f}"));
            }
            if mode == "mixed" {
                cmd.args([
                    "-o",
                    "mixed/graph.cyjs",
                    "-o",
                    "mixed/graph.graphology.json",
                ]);
            }
            crate::util::run(cmd).ok();
        }
        let script = repo().join("tests/consumers/check_readers.py");
        let python = |reader: &str, path: Option<&Path>| {
            let mut cmd = Command::new("python3");
            cmd.args(["-W", "error"])
                .arg(&script)
                .arg(reader)
                .arg(dir.path());
            if let Some(p) = path {
                cmd.env("PYTHONPATH", p);
            }
            cmd
        };
        for (what, mut cmd) in [
            ("networkx", python("networkx", None)),
            ("networkx 3.3", python("networkx-3.3", Some(&nx33))),
            ("igraph", python("igraph", None)),
            ("graphology and Cytoscape.js", {
                let mut c = Command::new("node");
                c.arg(js.join("check.mjs")).arg(dir.path());
                c
            }),
        ] {
            let out = run(&mut cmd);
            assert!(
                out.status.success(),
                "{what} does not read {} as graph.json says:\n{}",
                corpus.display(),
                show(&format!("{cmd:?}"), &out)
            );
            eprint!("{}", String::from_utf8_lossy(&out.stdout));
        }
    }
}

/// The Neo4j files follow `neo4j-admin database import full`'s header format, as the
/// README documents it: the exact headers, every relationship's ends among the entity
/// ids, typed columns that parse, one evidence row per supporting sentence of graph.json.
#[test]
fn neo4j_files_have_the_documented_import_headers() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = crate::util::command(dir.path());
    cmd.arg("build")
        .arg(repo().join("data"))
        .args(["-o", "graph.json", "-o", "out/graph.neo4j"]);
    crate::util::run(cmd).ok();
    let read = |f: &str| std::fs::read_to_string(dir.path().join("out").join(f)).unwrap();
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let entities = read("neo4j-entities.csv");
    let relations = read("neo4j-relations.csv");
    let evidence = read("neo4j-evidence.csv");
    for (file, text) in [
        ("neo4j-entities.csv", &entities),
        ("neo4j-relations.csv", &relations),
        ("neo4j-evidence.csv", &evidence),
    ] {
        let header = text.lines().next().unwrap();
        assert!(
            readme.contains(&format!("`{header}`")),
            "README does not document the header of {file}: {header}"
        );
    }
    assert_eq!(
        entities.lines().next().unwrap(),
        "id:ID(Entity),name,type,mentions:int,documents:int,first_seen:date,last_seen:date,color,:LABEL"
    );
    assert_eq!(
        relations.lines().next().unwrap(),
        ":START_ID(Entity),:END_ID(Entity),:TYPE,id,relation,directed:boolean,weight:int,evidence:int,first_date:date,last_date:date"
    );
    assert_eq!(
        evidence.lines().next().unwrap(),
        "id:ID(Evidence),relation_id,source,target,relation,document,date:date,sentence,sentence_start:int,sentence_end:int,rule,:LABEL"
    );
    let graph: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("graph.json")).unwrap()).unwrap();
    let ids: std::collections::BTreeSet<&str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    // No field of these two tables is quoted (ids, names of the sample, numbers, dates).
    let rows = |t: &str| -> Vec<Vec<String>> {
        t.lines()
            .skip(1)
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    };
    let date = |s: &str| s.is_empty() || newsgraph::text::parse_iso_date(s).is_some();
    for r in rows(&relations) {
        assert!(
            ids.contains(r[0].as_str()) && ids.contains(r[1].as_str()),
            "{r:?}"
        );
        assert!(
            r[2].chars().all(|c| c.is_ascii_uppercase() || c == '_'),
            "{r:?}"
        );
        assert!(r[5] == "true" || r[5] == "false", "{r:?}");
        assert!(
            r[6].parse::<u64>().is_ok() && r[7].parse::<u64>().is_ok(),
            "{r:?}"
        );
        assert!(date(&r[8]) && date(&r[9]), "{r:?}");
    }
    let edges = graph["edges"].as_array().unwrap();
    assert_eq!(rows(&relations).len(), edges.len());
    for r in rows(&entities).iter().filter(|r| r.len() == 9) {
        assert!(r[8].starts_with("Entity;"), "{r:?}");
        assert!(
            r[3].parse::<u64>().is_ok() && date(&r[5]) && date(&r[6]),
            "{r:?}"
        );
    }
    let sentences: usize = edges
        .iter()
        .map(|e| e["evidence"].as_array().unwrap().len())
        .sum();
    let evidence_rows = evidence
        .lines()
        .filter(|l| l.starts_with('e') && l.contains(",e"))
        .count();
    assert_eq!(
        evidence_rows, sentences,
        "one evidence row per supporting sentence"
    );
    assert!(readme.contains("neo4j-admin database import full"));
}
