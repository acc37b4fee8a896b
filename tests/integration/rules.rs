//! Relation rules through the real binary: graph edges with their evidence, `extract`
//! relation lines, `-r FILE` adding and replacing rules, and bad rules files refused with
//! every bad line as `path:line: message` and exit code 2.

use crate::util::{newsgraph, root};
use serde_json::Value;
use std::path::Path;

fn fixture() -> String {
    root()
        .join("tests/fixtures/relations")
        .display()
        .to_string()
}

fn corpus() -> String {
    root()
        .join("tests/fixtures/relations/corpus")
        .display()
        .to_string()
}

fn edges(path: &Path) -> Vec<Value> {
    let g: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    g["edges"].as_array().unwrap().clone()
}

fn edge<'a>(edges: &'a [Value], relation: &str, source: &str, target: &str) -> &'a Value {
    edges
        .iter()
        .find(|e| e["relation"] == relation && e["source"] == source && e["target"] == target)
        .unwrap_or_else(|| panic!("no {relation} edge {source} -> {target} in {edges:#?}"))
}

#[test]
fn graph_edges_carry_every_evidence_record_and_a_sentence_weight() {
    let dir = tempfile::tempdir().unwrap();
    newsgraph(
        dir.path(),
        &["build", "-g", &fixture(), &corpus(), "-o", "g.json"],
    )
    .ok();
    let all = edges(&dir.path().join("g.json"));
    let threat = edge(&all, "threatened", "kataib_hezbollah", "united_states");
    assert_eq!(threat["directed"], true);
    assert_eq!(threat["weight"], 2, "two sentences say it: {threat:#}");
    let ev = threat["evidence"].as_array().unwrap();
    assert_eq!(ev.len(), 2);
    assert_eq!(ev[0]["doc"], "2020-03-02-warning.txt");
    assert_eq!(ev[0]["rule"], "threatened.verb.active");
    assert_eq!(ev[0]["date"], "2020-03-02");
    let text = std::fs::read_to_string(
        root().join("tests/fixtures/relations/corpus/2020-03-02-warning.txt"),
    )
    .unwrap();
    let span = |v: &Value| {
        (
            v[0].as_u64().unwrap() as usize,
            v[1].as_u64().unwrap() as usize,
        )
    };
    let (s, e) = span(&ev[0]["sentence"]);
    assert!(text[s..e].starts_with("Kataib Hezbollah threatened the United States on Monday"));
    let (s, e) = span(&ev[0]["source_span"]);
    assert_eq!(&text[s..e], "Kataib Hezbollah");
    let (s, e) = span(&ev[0]["target_span"]);
    assert_eq!(&text[s..e], "United States");
    for (relation, source, target, rule) in [
        (
            "blamed",
            "united_states",
            "kataib_hezbollah",
            "blamed.verb_on.blame_on",
        ),
        (
            "backed_by",
            "kataib_hezbollah",
            "iran",
            "backed_by.verb_adj.premod",
        ),
        (
            "leads",
            "qais_al_khazali",
            "asaib_ahl_al_haq",
            "leads.noun_head.appos_the_of",
        ),
        ("located_in", "green_zone", "baghdad", "located.in"),
    ] {
        let e = edge(&all, relation, source, target);
        assert_eq!(e["evidence"][0]["rule"], rule, "{e:#}");
        assert_eq!(e["weight"], 1);
    }
    assert!(
        !all.iter()
            .any(|e| e["relation"] == "claimed_responsibility"),
        "`No group claimed responsibility` yields nothing"
    );
}

#[test]
fn extract_writes_one_relation_line_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    let run = newsgraph(dir.path(), &["extract", "-g", &fixture(), &corpus()]);
    run.ok();
    let relations: Vec<Value> = run
        .stdout()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["kind"] == "relation")
        .collect();
    let threats: Vec<&Value> = relations
        .iter()
        .filter(|r| r["type"] == "threatened")
        .collect();
    assert_eq!(threats.len(), 2, "{relations:#?}");
    assert_eq!(threats[0]["source"], "kataib_hezbollah");
    assert_eq!(threats[0]["rule"], "threatened.verb.active");
    assert!(relations.iter().all(|r| r["type"] != "co_occurs"));
}

#[test]
fn extra_rules_add_and_replace_by_id() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mine.rules"),
        "# threats become warnings (the frame's rule and the hand-written one, by id); a new\n\
         # rule reads denials of a charge\n\
         rule threatened.verb.active warned: X:militia threatened the? Y:government\n\
         rule threatened.verb warned: X:militia threatened the? Y:government\n\
         rule denied.charge denied ignore=denial: X:militia ~deny the charge Y=host\n",
    )
    .unwrap();
    let run = newsgraph(
        dir.path(),
        &["extract", "-g", &fixture(), "-r", "mine.rules", &corpus()],
    );
    run.ok();
    let out = run.stdout();
    assert!(out.contains(r#""type":"warned""#), "{out}");
    assert!(
        !out.contains(r#""type":"threatened""#),
        "the rule was replaced: {out}"
    );
    assert!(out.contains(r#""rule":"denied.charge""#), "{out}");
    assert!(
        out.contains(r#""type":"blamed""#),
        "the other default rules stay: {out}"
    );
}

#[test]
fn bad_rules_files_exit_2_naming_every_bad_line_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.rules"),
        "rule ok.one blamed: X blamed Y\n\
         rule broken threatened X threatened Y\n\
         rule two blamed: X ~nosuchfamily Y\n\
         \n\
         rule three blamed: X:actress blamed Y\n\
         refuse negation many: not\n\
         rule ok.one blamed: X accused Y\n",
    )
    .unwrap();
    let run = newsgraph(
        dir.path(),
        &[
            "build",
            "-g",
            &fixture(),
            "-r",
            "bad.rules",
            &corpus(),
            "-o",
            "g.json",
        ],
    );
    run.expect_code(2);
    let lines: Vec<String> = run.stderr().lines().map(str::to_string).collect();
    let expected = [
        "newsgraph: bad.rules:2: expected `KEYWORD ...: ...`",
        "newsgraph: bad.rules:3: rule `two`: unknown family `~nosuchfamily`: declare it with `family nosuchfamily: ...`",
        "newsgraph: bad.rules:5: rule `three`: in slot `X:actress`: unknown type `actress`",
        "newsgraph: bad.rules:6: bad window `many`: expected a number of words",
        "newsgraph: bad.rules:7: duplicate rule id `ok.one` (first at line 1)",
    ];
    assert_eq!(lines.len(), expected.len(), "stderr:\n{}", run.stderr());
    for (line, want) in lines.iter().zip(expected) {
        assert!(
            line.starts_with(want),
            "expected a line starting with\n  {want}\ngot\n  {line}\nstderr:\n{}",
            run.stderr()
        );
    }
    assert!(!dir.path().join("g.json").exists(), "nothing is written");

    // A bad relations.rules in the gazetteer folder is refused the same way.
    let gaz = dir.path().join("gaz");
    std::fs::create_dir(&gaz).unwrap();
    std::fs::copy(
        root().join("tests/fixtures/relations/entities.gaz"),
        gaz.join("entities.gaz"),
    )
    .unwrap();
    std::fs::write(
        gaz.join("relations.rules"),
        "family: x\nrule a blamed: ( X Y\n",
    )
    .unwrap();
    let run = newsgraph(dir.path(), &["extract", "-g", "gaz", &corpus()]);
    run.expect_code(2);
    let err = run.stderr();
    assert!(
        err.contains("gaz/relations.rules:1: expected `family NAME: ...` with one family name"),
        "{err}"
    );
    assert!(
        err.contains("gaz/relations.rules:2: rule `a`: unbalanced `(`: no `)` closes it"),
        "{err}"
    );
    assert_eq!(run.stdout(), "", "nothing is written");
}

#[test]
fn missing_rules_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let run = newsgraph(
        dir.path(),
        &["extract", "-g", &fixture(), "-r", "nope.rules", &corpus()],
    );
    run.expect_code(2);
    assert_eq!(
        run.stderr().trim(),
        "newsgraph: nope.rules: no such file or directory"
    );
}

#[test]
fn rules_stats_on_the_sample_prints_every_rule_with_its_counts() {
    let dir = tempfile::tempdir().unwrap();
    let data = root().join("data").display().to_string();
    let gaz = root().join("gazetteer").display().to_string();
    let run = newsgraph(dir.path(), &["rules", "stats", "-g", &gaz, &data]);
    run.ok();
    let out = run.stdout();
    let rules = newsgraph::link::RuleSet::load(Some(&root().join("gazetteer")), &[]).unwrap();
    for r in rules.rules() {
        assert!(
            out.lines()
                .any(|l| l.split_whitespace().next() == Some(r.id.as_str())),
            "rule {} missing from the report:\n{out}",
            r.id
        );
    }
    assert!(out.starts_with("corpus "), "{out}");
    assert!(out.contains("\nFRAME") && out.contains("\nCUE"), "{out}");
    // The frame rule that reads `X threatened Y` fired on the sample.
    let line = out
        .lines()
        .find(|l| l.starts_with("threatened.verb.active "))
        .unwrap();
    assert!(!line.trim_end().ends_with('-'), "{line}");
}

#[test]
fn rules_stats_json_counts_sentences_and_documents_per_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let run = newsgraph(
        dir.path(),
        &[
            "rules",
            "stats",
            "-g",
            &fixture(),
            &corpus(),
            &corpus(),
            "--format",
            "json",
        ],
    );
    run.ok();
    let v: Value = serde_json::from_str(&run.stdout()).unwrap();
    let corpora = v.as_array().unwrap();
    assert_eq!(corpora.len(), 2);
    assert_eq!(
        corpora[0]["rules"], corpora[1]["rules"],
        "the same corpus twice"
    );
    let threat = corpora[0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "threatened.verb.active")
        .unwrap();
    assert_eq!(threat["frame"], "active");
    assert!(
        threat["counts"]["sentences"].as_u64().unwrap() >= 2,
        "{threat}"
    );
    assert!(
        threat["counts"]["documents"].as_u64().unwrap()
            <= threat["counts"]["sentences"].as_u64().unwrap()
    );
}

#[test]
fn extract_writes_the_references_it_resolved() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Rockets hit Erbil on Monday. Saraya Awlia al-Dam claimed responsibility for the attack. \
         Kataib Hezbollah is a powerful faction. The group has threatened US forces. \
         Qais al-Khazali spoke in Baghdad. He accused Washington of lying.\n",
    )
    .unwrap();
    let run = newsgraph(dir.path(), &["extract", "-g", &fixture(), "a.txt"]);
    run.ok();
    let lines: Vec<Value> = run
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let refs: Vec<(String, String, String)> = lines
        .iter()
        .filter(|v| v["kind"] == "reference")
        .map(|v| {
            (
                v["text"].as_str().unwrap().to_string(),
                v["entity"].as_str().unwrap().to_string(),
                v["how"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = |t: &str, e: &str, h: &str| (t.to_string(), e.to_string(), h.to_string());
    assert_eq!(
        refs,
        vec![
            want("attack", "erbil", "attack_target"),
            want("group", "kataib_hezbollah", "anaphor"),
            want("He", "qais_al_khazali", "pronoun"),
        ],
        "{}",
        run.stdout()
    );
    let rel = |ty: &str, s: &str, t: &str| {
        lines.iter().any(|v| {
            v["kind"] == "relation" && v["type"] == ty && v["source"] == s && v["target"] == t
        })
    };
    assert!(rel(
        "claimed_responsibility",
        "saraya_awlia_al_dam",
        "erbil"
    ));
    assert!(rel("threatened", "kataib_hezbollah", "united_states"));
    assert!(rel("blamed", "qais_al_khazali", "united_states"));
}

#[test]
fn a_title_used_as_a_name_is_who_held_the_office_on_the_documents_date() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let text = "Talks\n\nThe Iraqi prime minister met Joe Biden on Monday. \
                Iraq's president criticized Turkey.\n";
    std::fs::write(corpus.join("2021-07-26-talks.txt"), text).unwrap();
    // Before Kadhimi's and Saleh's terms: the titles name nobody the gazetteer knows.
    std::fs::write(corpus.join("2017-07-26-talks.txt"), text).unwrap();
    let run = newsgraph(dir.path(), &["extract", "-g", &fixture(), "corpus"]);
    run.ok();
    let lines: Vec<Value> = run
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let has = |doc: &str, kind: &str, f: &dyn Fn(&Value) -> bool| {
        lines
            .iter()
            .any(|v| v["doc"] == doc && v["kind"] == kind && f(v))
    };
    let d21 = "2021-07-26-talks.txt";
    assert!(has(d21, "relation", &|v| v["type"] == "met"
        && v["source"] == "joe_biden"
        && v["target"] == "mustafa_al_kadhimi"));
    assert!(has(d21, "relation", &|v| v["type"] == "criticized"
        && v["source"] == "barham_saleh"
        && v["target"] == "turkey"));
    assert!(has(d21, "reference", &|v| v["how"] == "role"
        && v["text"] == "minister"
        && v["entity"] == "mustafa_al_kadhimi"));
    let d17 = "2017-07-26-talks.txt";
    assert!(
        !has(d17, "relation", &|v| v["type"] == "met"),
        "{}",
        run.stdout()
    );
    assert!(!has(d17, "reference", &|_| true), "{}", run.stdout());
}
