//! The data-driven tagging table `tests/tagging.tsv`, run against the shipped gazetteer.

use crate::util::root;
use newsgraph::gazetteer::load_dir;
use newsgraph::tag::Tagger;

#[test]
fn tagging_table() {
    let gazetteer = load_dir(&root().join("gazetteer")).expect("the shipped gazetteer loads");
    let tagger = Tagger::new(&gazetteer);
    let table = std::fs::read_to_string(root().join("tests/tagging.tsv")).unwrap();
    let mut failures = Vec::new();
    let mut rows = 0;
    for (i, line) in table.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        rows += 1;
        let (sentence, expected) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("tagging.tsv:{}: no TAB", i + 1));
        let want: Vec<String> = match expected.trim() {
            "-" => Vec::new(),
            e => e.split(" ; ").map(|s| s.trim().to_string()).collect(),
        };
        let got: Vec<String> = tagger
            .tag(sentence)
            .into_iter()
            .map(|m| format!("{}={}", m.span.of(sentence), m.entity))
            .collect();
        if got != want {
            failures.push(format!(
                "tagging.tsv:{}: {sentence}\n  want: {want:?}\n  got:  {got:?}",
                i + 1
            ));
        }
    }
    assert!(rows >= 25, "the table has only {rows} rows");
    assert!(
        failures.is_empty(),
        "{} of {rows} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The word lists are data in the gazetteer folder: a folder's own `tagging.words` is the
/// one used (here without `in`, so `in Baghdad` no longer keeps Baghdad the city).
#[test]
fn a_gazetteer_folders_word_lists_replace_the_built_in_ones() {
    let sentence = "Protesters gathered in Baghdad on Friday.";
    let tags = |dir: &std::path::Path| -> Vec<String> {
        let gazetteer = load_dir(dir).unwrap();
        Tagger::new(&gazetteer)
            .tag(sentence)
            .iter()
            .map(|m| m.entity.clone())
            .collect()
    };
    assert_eq!(tags(&root().join("gazetteer")), ["baghdad"]);
    let dir = tempfile::tempdir().unwrap();
    crate::util::copy_dir(&root().join("gazetteer"), dir.path());
    let words = std::fs::read_to_string(dir.path().join("tagging.words")).unwrap();
    let words = words.replace("\nin within", "\nwithin");
    assert!(
        words.contains("\nwithin"),
        "tagging.words changed its layout"
    );
    std::fs::write(dir.path().join("tagging.words"), words).unwrap();
    assert_eq!(tags(dir.path()), ["iraq"]);
}
