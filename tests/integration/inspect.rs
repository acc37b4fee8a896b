//! The inspection commands (`neighbors`, `show`, `path`, `stats`) on a hand-written graph,
//! `tests/fixtures/inspect/graph.json` (two short made-up documents: Qais al-Khazali leads
//! Asaib Ahl al-Haq, Kataib Hezbollah and Asaib Ahl al-Haq are backed by Iran, two people
//! called Abu Ali, Mosul on its own), with the names of `tests/fixtures/inspect/gaz/`.

use crate::util::{self, Run};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inspect")
        .join(name)
}

/// Runs `newsgraph ARGS` in an empty temporary folder,
/// with the fixture graph as `GRAPH` wherever that word appears.
fn newsgraph(args: &[&str]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let graph = fixture("graph.json").display().to_string();
    let args: Vec<String> = args
        .iter()
        .map(|a| {
            if *a == "GRAPH" {
                graph.clone()
            } else {
                a.to_string()
            }
        })
        .collect();
    let mut cmd = util::command(dir.path());
    cmd.args(&args).env_remove("NO_COLOR").env_remove("COLUMNS");
    util::run(cmd)
}

/// The table row (a line of stdout) that starts with `name`.
fn row(run: &Run, name: &str, relation: &str) -> String {
    run.stdout()
        .lines()
        .find(|l| l.trim_start().starts_with(name) && l.split_whitespace().any(|w| w == relation))
        .unwrap_or_else(|| panic!("no row for {name} with {relation}\n{}", run.describe()))
        .to_string()
}

#[test]
fn neighbors_of_khazali_lists_the_group_he_leads() {
    let run = newsgraph(&["neighbors", "GRAPH", "khazali"]);
    run.expect_code(0)
        .expect_stdout("Qais al-Khazali (person, qais_al_khazali): 2 neighbours, 3 edges");
    let leads = row(&run, "Asaib Ahl al-Haq", "leads");
    assert!(
        leads.contains("militia")
            && leads.contains(" → ")
            && leads.contains("Qais al-Khazali, who leads"),
        "{leads}"
    );
    // Heaviest neighbour first, typed relation before co-occurrence.
    let stdout = run.stdout();
    let lines: Vec<&str> = stdout
        .lines()
        .skip(2)
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    assert_eq!(
        lines,
        ["Asaib Ahl al-Haq", "Asaib Ahl al-Haq", "Baghdad"],
        "{}",
        run.describe()
    );
}

#[test]
fn neighbors_by_relation_shows_who_is_backed() {
    let run = newsgraph(&["neighbors", "GRAPH", "Iran", "--relation", "backed_by"]);
    run.expect_code(0);
    let kh = row(&run, "Kataib Hezbollah", "backed_by");
    assert!(
        kh.contains(" ← ") && kh.contains(" 2 "),
        "{kh}\n{}",
        run.describe()
    );
    row(&run, "Asaib Ahl al-Haq", "backed_by");
    assert!(!run.stdout().contains("co_occurs"), "{}", run.describe());
}

#[test]
fn lookup_ignores_case_apostrophes_and_takes_ids_and_aliases() {
    for q in [
        "kataib hezbollah",
        "Kata’ib Hezbollah",
        "KATAIB_HEZBOLLAH",
        "kataib_hezbollah",
    ] {
        newsgraph(&["neighbors", "GRAPH", q])
            .expect_code(0)
            .expect_stdout("Kataib Hezbollah (militia, kataib_hezbollah)");
    }
    // A gazetteer alias that the text never used resolves with -g.
    let gaz = fixture("gaz").display().to_string();
    newsgraph(&["neighbors", "GRAPH", "KH", "-g", &gaz])
        .expect_code(0)
        .expect_stdout("(militia, kataib_hezbollah)");
    // Without -g the built-in gazetteer gives its aliases too.
    newsgraph(&["neighbors", "GRAPH", "KH"])
        .expect_code(0)
        .expect_stdout("(militia, kataib_hezbollah)");
}

#[test]
fn misspelling_gets_a_suggestion_and_exit_2() {
    let run = newsgraph(&["neighbors", "GRAPH", "kataib hezbolah"]);
    run.expect_code(2);
    assert_eq!(run.stdout(), "", "{}", run.describe());
    run.expect_stderr("no entity named 'kataib hezbolah' in ")
        .expect_stderr("graph.json; did you mean Kataib Hezbollah (militia, kataib_hezbollah)?\n");
    assert_eq!(run.stderr().lines().count(), 1, "{}", run.describe());
}

#[test]
fn unknown_name_exits_2_with_one_line() {
    let run = newsgraph(&["neighbors", "GRAPH", "Zorgblatt"]);
    run.expect_code(2)
        .expect_stderr("no entity named 'Zorgblatt' in ");
    assert!(
        run.stderr().starts_with("newsgraph: "),
        "{}",
        run.describe()
    );
    assert_eq!(run.stderr().lines().count(), 1, "{}", run.describe());
}

#[test]
fn ambiguous_name_lists_candidates_with_types() {
    let run = newsgraph(&["show", "GRAPH", "abu ali"]);
    run.expect_code(2)
        .expect_stderr("'abu ali' is ambiguous")
        .expect_stderr("Abu Ali al-Askari (person, abu_ali_al_askari), Abu Ali al-Basri (person, abu_ali_al_basri)");
}

#[test]
fn gazetteer_entity_missing_from_graph_says_so() {
    let gaz = fixture("gaz").display().to_string();
    newsgraph(&["show", "GRAPH", "Lebanese Hezbollah", "-g", &gaz])
        .expect_code(2)
        .expect_stderr(
            "'Lebanese Hezbollah' is Hezbollah (militia, hezbollah) in the gazetteer, but not in",
        );
}

#[test]
fn missing_or_broken_graph_file_exits_2() {
    newsgraph(&["neighbors", "/no/such/graph.json", "Iran"])
        .expect_code(2)
        .expect_stderr("newsgraph: /no/such/graph.json: no such file or directory");
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"nodes\": [").unwrap();
    newsgraph(&["stats", bad.to_str().unwrap()])
        .expect_code(2)
        .expect_stderr("not a newsgraph graph.json");
}

#[test]
fn table_fits_80_columns_without_colour_when_piped() {
    for args in [
        &["neighbors", "GRAPH", "Iran", "--depth", "2"][..],
        &["neighbors", "GRAPH", "kataib hezbollah", "--evidence"][..],
    ] {
        let run = newsgraph(args);
        run.expect_code(0);
        assert!(
            !run.stdout().contains('\x1b'),
            "colour escape in piped output\n{}",
            run.describe()
        );
        if !args.contains(&"--evidence") {
            for line in run.stdout().lines() {
                assert!(
                    line.chars().count() <= 80,
                    "line longer than 80: {line:?}\n{}",
                    run.describe()
                );
            }
        }
    }
}

#[test]
fn depth_two_indents_second_hop_under_its_neighbour() {
    let run = newsgraph(&[
        "neighbors",
        "GRAPH",
        "khazali",
        "--depth",
        "2",
        "--no-cooccurrence",
    ]);
    run.expect_code(0);
    let stdout = run.stdout();
    let lines: Vec<&str> = stdout.lines().skip(2).collect();
    assert!(
        lines[0].starts_with("Asaib Ahl al-Haq") && lines[0].contains("leads"),
        "{}",
        run.describe()
    );
    assert!(
        lines[1].starts_with("  Iran") && lines[1].contains("backed_by"),
        "{}",
        run.describe()
    );
}

#[test]
fn evidence_flag_prints_every_sentence_with_document_and_offsets() {
    let run = newsgraph(&[
        "neighbors",
        "GRAPH",
        "Iran",
        "--relation",
        "backed_by",
        "--evidence",
    ]);
    run.expect_code(0)
        .expect_stdout("    a.txt 2020-01-05:121-180  Kataib Hezbollah, backed by Iran, warned the United States.")
        .expect_stdout("    b.txt 2020-02-10:0-64  Officials in Washington said Kata'ib Hezbollah is armed by Iran.");
}

#[test]
fn type_and_date_filters_apply_to_neighbours() {
    let run = newsgraph(&[
        "neighbors",
        "GRAPH",
        "kataib hezbollah",
        "--type",
        "government",
        "--since",
        "2020-02-01",
    ]);
    run.expect_code(0);
    row(&run, "Iran", "backed_by");
    assert!(!run.stdout().contains("Asaib"), "{}", run.describe());
    assert!(
        row(&run, "Iran", "backed_by").contains(" 1 "),
        "weight counts only evidence after --since"
    );
    newsgraph(&["neighbors", "GRAPH", "Iran", "--since", "yesterday"])
        .expect_code(2)
        .expect_stderr("--since 'yesterday'");
}

#[test]
fn json_output_is_documented_shape() {
    let run = newsgraph(&["neighbors", "GRAPH", "khazali", "--format", "json"]);
    run.expect_code(0);
    let v: serde_json::Value =
        serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}\n{}", run.describe()));
    assert_eq!(v["center"]["id"], "qais_al_khazali");
    assert_eq!(v["depth"], 1);
    let first = &v["neighbors"][0];
    assert_eq!(first["id"], "asaib_ahl_al_haq");
    assert_eq!(first["relation"], "leads");
    assert_eq!(first["direction"], "out");
    assert_eq!(first["via"], "qais_al_khazali");
    assert_eq!(first["distance"], 1);
    assert_eq!(first["type"], "militia");
    assert_eq!(first["evidence"].as_array().unwrap().len(), 1);
    assert_eq!(first["evidence"][0]["doc"], "a.txt");
    let all = newsgraph(&[
        "neighbors",
        "GRAPH",
        "kataib hezbollah",
        "--format",
        "json",
        "--evidence",
    ]);
    let v: serde_json::Value = serde_json::from_str(&all.stdout()).unwrap();
    let iran = v["neighbors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["relation"] == "backed_by")
        .unwrap();
    assert_eq!(iran["evidence"].as_array().unwrap().len(), 2);
}

#[test]
fn dot_output_renders_with_graphviz() {
    let run = newsgraph(&["neighbors", "GRAPH", "Iran", "--format", "dot"]);
    run.expect_code(0).expect_stdout("digraph");
    let dir = tempfile::tempdir().unwrap();
    let dot = dir.path().join("n.dot");
    std::fs::write(&dot, run.out.stdout.as_slice()).unwrap();
    let out = Command::new("dot")
        .args(["-Tsvg", "-o"])
        .arg(dir.path().join("n.svg"))
        .arg(&dot)
        .output()
        .expect("Graphviz 'dot' must be installed to run this test (apt-get install graphviz)");
    assert!(
        out.status.success(),
        "dot failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        run.describe()
    );
    let svg = std::fs::read_to_string(dir.path().join("n.svg")).unwrap();
    assert!(
        svg.contains("Kataib Hezbollah"),
        "rendered graph lacks a neighbour"
    );
}

#[test]
fn graphml_output_is_the_neighbourhood() {
    let run = newsgraph(&["neighbors", "GRAPH", "khazali", "--format", "graphml"]);
    run.expect_code(0)
        .expect_stdout("<graphml")
        .expect_stdout("asaib_ahl_al_haq");
    assert!(
        !run.stdout().contains("kataib_hezbollah"),
        "a non-neighbour is in the subgraph\n{}",
        run.describe()
    );
}

#[test]
fn show_prints_an_entity_card() {
    let run = newsgraph(&["show", "GRAPH", "Kata'ib Hezbollah"]);
    run.expect_code(0)
        .expect_stdout("Kataib Hezbollah\n  id         kataib_hezbollah\n  type       militia\n")
        .expect_stdout("  aliases    Kata'ib Hezbollah (1), Kataib Hezbollah (1)\n")
        .expect_stdout("  mentions   2 in 2 documents, 2020-01-05 to 2020-02-10\n")
        .expect_stdout("  relations  4 edges with 2 entities\n")
        .expect_stdout("    → backed_by (1)       Iran (2)\n")
        .expect_stdout("    — co_occurs (2)       Iran (2), United States (2)\n");
}

#[test]
fn path_shows_each_hop_with_evidence() {
    let run = newsgraph(&[
        "path",
        "GRAPH",
        "khazali",
        "Kataib Hezbollah",
        "--no-cooccurrence",
    ]);
    run.expect_code(0)
        .expect_stdout("Qais al-Khazali to Kataib Hezbollah: 1 shortest path of 3 hops")
        .expect_stdout("      → leads (weight 1)\n        [a.txt:0-72] Qais al-Khazali, who leads Asaib Ahl al-Haq")
        .expect_stdout("      ← backed_by (weight 2)");
    let all = newsgraph(&["path", "GRAPH", "khazali", "Iran"]);
    all.expect_code(0)
        .expect_stdout("Qais al-Khazali to Iran: 1 shortest path of 2 hops");
    newsgraph(&["path", "GRAPH", "khazali", "Mosul"])
        .expect_code(1)
        .expect_stdout("no path between Qais al-Khazali and Mosul");
}

#[test]
fn stats_counts_ranks_and_components_deterministically() {
    let run = newsgraph(&["stats", "GRAPH", "--top", "3"]);
    run.expect_code(0)
        .expect_stdout("10 entities, 16 edges, 2 documents")
        .expect_stdout("  backed_by                      2          3\n")
        .expect_stdout("top by PageRank\n    1  Iran ")
        .expect_stdout("top by weighted degree\n    1  Iran ")
        .expect_stdout("  2 (sizes 9, 1)\n");
    assert_eq!(
        run.stdout(),
        newsgraph(&["stats", "GRAPH", "--top", "3"]).stdout()
    );
}

#[test]
fn graphml_input_is_read_without_evidence() {
    let run = newsgraph(&[
        "neighbors",
        "GRAPH",
        "Iran",
        "--depth",
        "5",
        "--format",
        "graphml",
    ]);
    run.expect_code(0);
    let dir = tempfile::tempdir().unwrap();
    let graphml = dir.path().join("component.graphml");
    std::fs::write(&graphml, &run.out.stdout).unwrap();
    let run = newsgraph(&["neighbors", graphml.to_str().unwrap(), "khazali"]);
    run.expect_code(0);
    let leads = row(&run, "Asaib Ahl al-Haq", "leads");
    assert!(
        leads.trim_end().ends_with(" 1"),
        "no evidence column from GraphML: {leads}"
    );
}

#[test]
fn unknown_relation_filter_is_an_error_with_suggestions_not_an_empty_table() {
    let run = newsgraph(&["neighbors", "GRAPH", "iran", "--relation", "backed"]);
    run.expect_code(2).expect_stderr(
        "newsgraph: --relation 'backed' is not a relation type; did you mean backed_by?\n",
    );
    assert_eq!(run.stdout(), "", "{}", run.describe());
    newsgraph(&["path", "GRAPH", "iran", "khazali", "--relation", "leds"])
        .expect_code(2)
        .expect_stderr("did you mean leads?");
}
