//! Names two entities share: `Paris` in France and `Paris` in Texas resolve by the
//! document (a chain entity named beside or elsewhere), a `prior` decides a tie, and with
//! nothing to decide `extract` lists the candidates instead of guessing.

use crate::util::newsgraph;
use std::path::Path;

const GAZ: &str = "\
[france]
type = government
name = France

[united_states]
type = government
name = United States

[texas]
type = place
name = Texas
country = united_states

[paris]
type = place
name = Paris
country = france

[paris_texas]
type = place
name = Paris
located_in = texas
";

const DOCS: &[(&str, &str)] = &[
    (
        "a.txt",
        "The mayor of Paris, Texas said the storm had passed.\n",
    ),
    (
        "b.txt",
        "Protesters marched in Paris as France debated the pension law.\n",
    ),
    ("c.txt", "Paris was quiet on Sunday.\n"),
];

fn setup(dir: &Path, gaz: &str) {
    std::fs::create_dir_all(dir.join("g")).unwrap();
    std::fs::write(dir.join("g/g.gaz"), gaz).unwrap();
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    for (name, text) in DOCS {
        std::fs::write(dir.join("docs").join(name), text).unwrap();
    }
}

/// (doc, text, entity or candidates) of every mention and candidates line.
fn paris_lines(out: &str) -> Vec<(String, String)> {
    out.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["text"] == "Paris")
        .map(|v| {
            let what = if v["kind"] == "candidates" {
                let c: Vec<&str> = v["candidates"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["entity"].as_str().unwrap())
                    .collect();
                format!("candidates {}", c.join(" "))
            } else {
                v["entity"].as_str().unwrap().to_string()
            };
            (v["doc"].as_str().unwrap().to_string(), what)
        })
        .collect()
}

#[test]
fn paris_texas_and_paris_france_resolve_by_context() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path(), GAZ);
    let run = newsgraph(dir.path(), &["extract", "docs", "-g", "g"]);
    run.ok();
    assert_eq!(
        paris_lines(&run.stdout()),
        [
            ("a.txt".to_string(), "paris_texas".to_string()),
            ("b.txt".to_string(), "paris".to_string()),
            (
                "c.txt".to_string(),
                "candidates paris paris_texas".to_string()
            ),
        ],
        "{}",
        run.describe()
    );
    // The undecided mention is not in the graph.
    newsgraph(dir.path(), &["build", "docs", "-g", "g", "-o", "g.json"]).ok();
    let graph = std::fs::read_to_string(dir.path().join("g.json")).unwrap();
    assert!(graph.contains("\"paris_texas\""), "{graph}");
    // `gazetteer check` names the shared alias.
    newsgraph(dir.path(), &["gazetteer", "check", "g"])
        .ok()
        .expect_stdout("alias 'Paris' of 'paris_texas' also names 'paris'")
        .expect_stdout("[shared-alias]");
}

#[test]
fn a_prior_decides_when_the_document_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let gaz = GAZ
        .replace("country = france\n", "country = france\nprior = 2100000\n")
        .replace(
            "located_in = texas\n",
            "located_in = texas\nprior = 25000\n",
        );
    setup(dir.path(), &gaz);
    let run = newsgraph(dir.path(), &["extract", "docs", "-g", "g"]);
    run.ok();
    let got = paris_lines(&run.stdout());
    assert_eq!(got[0].1, "paris_texas", "the context beats the prior");
    assert_eq!(got[2], ("c.txt".to_string(), "paris".to_string()));
}
