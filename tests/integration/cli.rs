//! Command-line habits shared by every command: `--quiet`, `--color` with its one
//! `NO_COLOR` rule, no progress bar in a pipe, `--summary json` of `build`, `--format json` of `show`, `path` and
//! `stats`, the filters of `show`, shell completions and the man page.

use crate::util::{self, Run, root};
use std::path::Path;

fn graph() -> String {
    root()
        .join("tests/fixtures/inspect/graph.json")
        .display()
        .to_string()
}

fn run_env(dir: &Path, args: &[&str], no_color: Option<&str>) -> Run {
    let mut cmd = util::command(dir);
    cmd.args(args);
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    util::run(cmd)
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout()).unwrap_or_else(|e| panic!("{e}\n{}", run.describe()))
}

#[test]
fn quiet_leaves_only_errors_on_stderr_and_summary_json_is_one_object() {
    let dir = tempfile::tempdir().unwrap();
    let data = root().join("data").display().to_string();
    let run = util::newsgraph(dir.path(), &["build", &data, "-o", "g.json", "--quiet"]);
    run.ok();
    assert_eq!(run.stderr(), "", "{}", run.describe());
    let run = util::newsgraph(
        dir.path(),
        &["build", &data, "-o", "g.json", "--summary", "json"],
    );
    run.ok();
    let v: serde_json::Value = serde_json::from_str(run.stderr().trim()).unwrap();
    assert_eq!(v["documents"], 16);
    assert_eq!(v["outputs"], serde_json::json!(["g.json"]));
    assert!(v["entities"].as_u64().unwrap() > 100 && v["edges"].as_u64().unwrap() > 100);
    // An error still shows under --quiet.
    util::newsgraph(dir.path(), &["build", "/no/such", "-q"])
        .expect_code(2)
        .expect_stderr("/no/such");
}

#[test]
fn color_always_and_never_decide_and_no_color_only_rules_auto() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let args = |c: &'static str| vec!["show", g.as_str(), "khazali", "--color", c];
    // A pipe: auto is off.
    let auto = run_env(dir.path(), &args("auto"), None);
    assert!(!auto.stdout().contains('\x1b'), "{}", auto.describe());
    let always = run_env(dir.path(), &args("always"), Some("1"));
    assert!(always.stdout().contains("\x1b[1m"), "{}", always.describe());
    let never = run_env(dir.path(), &args("never"), None);
    assert!(!never.stdout().contains('\x1b'));
    assert_eq!(never.stdout(), auto.stdout());
}

#[test]
fn show_path_and_stats_print_json_and_show_takes_the_filters() {
    let dir = tempfile::tempdir().unwrap();
    let g = graph();
    let all = util::newsgraph(dir.path(), &["show", &g, "khazali", "--format", "json"]);
    let all = json(all.ok());
    assert_eq!(all["id"], "qais_al_khazali");
    let rels = all["relations"].as_array().unwrap();
    assert!(rels.iter().any(|r| r["relation"] == "co_occurs"));
    assert!(
        rels.iter()
            .all(|r| r["evidence"][0]["sentence"].is_string())
    );
    let typed = util::newsgraph(
        dir.path(),
        &[
            "show",
            &g,
            "khazali",
            "--format",
            "json",
            "--no-cooccurrence",
        ],
    );
    let typed = json(typed.ok());
    let rels = typed["relations"].as_array().unwrap();
    assert!(!rels.is_empty() && rels.iter().all(|r| r["relation"] != "co_occurs"));
    let text = util::newsgraph(dir.path(), &["show", &g, "khazali", "--no-cooccurrence"]);
    assert!(
        !text.ok().stdout().contains("co_occurs"),
        "{}",
        text.describe()
    );

    let path = util::newsgraph(
        dir.path(),
        &["path", &g, "khazali", "iran", "--format", "json"],
    );
    let p = json(path.ok());
    let first = &p["paths"][0];
    assert_eq!(first["entities"][0], "qais_al_khazali");
    assert!(first["hops"][0]["edge"]["relation"].is_string());
    // Not connected: an empty list and exit 1, as documented.
    let none = util::newsgraph(
        dir.path(),
        &["path", &g, "khazali", "mosul", "--format", "json"],
    );
    none.expect_code(1);
    assert_eq!(json(&none)["paths"], serde_json::json!([]));

    let stats = util::newsgraph(dir.path(), &["stats", &g, "--format", "json", "--top", "2"]);
    let s = json(stats.ok());
    assert!(s["entities"].as_u64().unwrap() > 0);
    assert_eq!(s["top_degree"].as_array().unwrap().len(), 2);
    assert!(s["by_relation"]["co_occurs"]["edges"].as_u64().unwrap() > 0);
}

#[test]
fn completions_and_man_page_are_generated() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let run = util::newsgraph(dir.path(), &["completions", shell]);
        run.ok().expect_stdout("newsgraph");
        assert!(run.stdout().contains("gazetteer"), "{}", run.describe());
    }
    util::newsgraph(dir.path(), &["man"])
        .ok()
        .expect_stdout(".TH newsgraph 1");
    util::newsgraph(dir.path(), &["completions", "tcsh"]).expect_code(2);
}

#[test]
fn a_long_build_in_a_pipe_prints_no_progress_bar() {
    // About 300 documents: more than a second in a debug build, so only the is-a-terminal
    // check keeps the bar off stderr here.
    let dir = tempfile::tempdir().unwrap();
    let texts: Vec<String> = std::fs::read_dir(root().join("data"))
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    let mut corpus = String::new();
    for i in 0..300 {
        let rec = serde_json::json!({"id": i.to_string(), "text": texts[i % texts.len()]});
        corpus.push_str(&rec.to_string());
        corpus.push('\n');
    }
    std::fs::write(dir.path().join("big.jsonl"), corpus).unwrap();
    let run = util::newsgraph(dir.path(), &["build", "big.jsonl", "-o", "g.json"]);
    run.ok();
    assert!(
        run.stderr().starts_with("newsgraph: 300 documents") && run.stderr().lines().count() == 1,
        "{}",
        run.describe()
    );
}
