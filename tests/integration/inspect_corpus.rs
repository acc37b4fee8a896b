//! The inspection commands on the graph of the development corpus (`../shared/corpus`),
//! built with the repository's gazetteer, as an analyst would use them.
//!
//! The `leads` and `backed_by` tests need the typed-relation stage; everything else only
//! needs co-occurrence.

use crate::util::{newsgraph, root, shared};
use std::path::PathBuf;
use std::sync::OnceLock;

/// The corpus graph, built once per test run into a folder that lives as long as the tests.
fn corpus_graph() -> &'static (tempfile::TempDir, PathBuf) {
    static GRAPH: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let corpus = shared().join("corpus");
        let dir = tempfile::tempdir().unwrap();
        let graph = dir.path().join("graph.json");
        let gazetteer = root().join("gazetteer");
        newsgraph(
            dir.path(),
            &[
                "build",
                corpus.to_str().unwrap(),
                "-g",
                gazetteer.to_str().unwrap(),
                "-o",
                graph.to_str().unwrap(),
            ],
        )
        .ok();
        (dir, graph)
    })
}

/// Runs `newsgraph COMMAND GRAPH ARGS...` on the corpus graph, with the repository's
/// gazetteer for names, from the repository root.
fn inspect(command: &str, args: &[&str]) -> crate::util::Run {
    let graph = corpus_graph().1.to_str().unwrap().to_string();
    let mut all = vec![command, graph.as_str()];
    all.extend_from_slice(args);
    newsgraph(&root(), &all)
}

/// The row of a `neighbors` table for `name` with `relation`.
fn has_row(run: &crate::util::Run, name: &str, relation: &str) -> bool {
    run.stdout().lines().any(|l| {
        let cols: Vec<&str> = l
            .split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        cols.first() == Some(&name) && l.split_whitespace().any(|w| w == relation)
    })
}

#[test]
fn khazali_leads_asaib_ahl_al_haq() {
    let run = inspect("neighbors", &["khazali"]);
    run.ok();
    assert!(
        has_row(&run, "Asaib Ahl al-Haq", "leads"),
        "no 'Asaib Ahl al-Haq … leads' row (needs the relation stage)\n{}",
        run.stdout()
    );
}

#[test]
fn iran_backs_kataib_hezbollah() {
    let run = inspect("neighbors", &["Iran", "--relation", "backed_by"]);
    run.ok();
    assert!(
        has_row(&run, "Kataib Hezbollah", "backed_by"),
        "no 'Kataib Hezbollah … backed_by' row (needs the relation stage)\n{}",
        run.stdout()
    );
}

#[test]
fn names_resolve_in_any_spelling() {
    for q in [
        "kataib hezbollah",
        "Kata’ib Hezbollah",
        "KH",
        "kataib_hezbollah",
    ] {
        let run = inspect("neighbors", &[q]);
        run.ok();
        assert!(
            run.stdout()
                .starts_with("Kataib Hezbollah (militia, kataib_hezbollah)"),
            "{q}: {}",
            run.stdout()
        );
    }
}

#[test]
fn misspelling_gets_a_suggestion() {
    let run = inspect("neighbors", &["kataib hizbolah"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .contains("did you mean Kataib Hezbollah (militia, kataib_hezbollah)"),
        "{}",
        run.stderr()
    );
}

#[test]
fn unknown_name_exits_2_without_panic() {
    let run = inspect("neighbors", &["Zorgblatt Brigades"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .starts_with("newsgraph: no entity named 'Zorgblatt Brigades'"),
        "{}",
        run.stderr()
    );
    assert!(!run.stderr().contains("panicked"));
}

#[test]
fn json_parses_and_dot_renders() {
    let run = inspect("neighbors", &["Iran", "--format", "json", "--depth", "2"]);
    run.ok();
    let v: serde_json::Value = serde_json::from_str(&run.stdout()).expect("--format json parses");
    assert_eq!(v["center"]["id"], "iran");
    assert!(!v["neighbors"].as_array().unwrap().is_empty());

    let run = inspect("neighbors", &["Iran", "--format", "dot"]);
    run.ok();
    let dir = tempfile::tempdir().unwrap();
    let dot = dir.path().join("iran.dot");
    std::fs::write(&dot, &run.out.stdout).unwrap();
    let out = std::process::Command::new("dot")
        .arg("-Tsvg")
        .arg(&dot)
        .output()
        .expect("Graphviz 'dot' must be installed for this test (apt-get install graphviz)");
    assert!(
        out.status.success(),
        "dot rejects the output: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn show_path_and_stats_run() {
    let run = inspect("show", &["Qais al-Khazali"]);
    run.ok();
    assert!(
        run.stdout().contains("  type       person"),
        "{}",
        run.stdout()
    );
    let run = inspect("path", &["khazali", "Kataib Hezbollah"]);
    run.ok();
    assert!(
        run.stdout()
            .starts_with("Qais al-Khazali to Kataib Hezbollah: "),
        "{}",
        run.stdout()
    );
    let run = inspect("stats", &["--top", "5"]);
    run.ok();
    for heading in [
        "entities by type",
        "top by PageRank",
        "connected components",
    ] {
        assert!(run.stdout().contains(heading), "{}", run.stdout());
    }
}
