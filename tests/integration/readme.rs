//! The README stays true: its first lines are the two commands a newcomer runs, the
//! test command is the one CI runs, and the tour's `build` line is what `build` prints.

use crate::util::{newsgraph, root};
use newsgraph::formats::{FORMATS, Format};

#[test]
fn readme_first_commands_are_the_build_and_the_test_command() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let block: Vec<&str> = readme
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap()
        .lines()
        .collect();
    assert!(
        block[0].starts_with("cargo run --release -- build "),
        "{block:?}"
    );
    assert!(block[1].starts_with("bash tests/run.sh "), "{block:?}");
    let ci = std::fs::read_to_string(root().join(".ci/run")).unwrap();
    assert!(
        ci.contains("bash tests/run.sh"),
        ".ci/run must run the README's test command"
    );
}

#[test]
fn readme_tour_shows_what_build_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let shown = readme
        .split("$ newsgraph build ~/newsgraph/data\n")
        .nth(1)
        .expect("the tour runs build")
        .lines()
        .next()
        .unwrap();
    // From a folder with no gazetteer/ and no data/: the tour runs anywhere.
    let ws = tempfile::tempdir().unwrap();
    let data = root().join("data").display().to_string();
    let run = newsgraph(ws.path(), &["build", &data]);
    run.ok();
    assert_eq!(
        run.stderr().trim(),
        shown,
        "the README tour is out of date: regenerate its outputs with the release binary"
    );
}

/// The README's row for `command` in the table of commands.
fn command_row(readme: &str, command: &str) -> String {
    let start = format!("| `newsgraph {command} ");
    readme
        .lines()
        .find(|l| l.starts_with(&start))
        .unwrap_or_else(|| panic!("no README row for {command}"))
        .to_string()
}

#[test]
fn readme_lists_the_formats_of_the_format_table() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let build = command_row(&readme, "build");
    let listed: Vec<&str> = build
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| w.starts_with('.') && w.len() > 1)
        .collect();
    let table: Vec<&str> = FORMATS
        .iter()
        .flat_map(|f| f.extensions.iter().copied())
        .collect();
    assert_eq!(listed, table, "README build row: {build}");
    for (command, own) in [("neighbors", "table|json"), ("diff", "text|json")] {
        let row = command_row(&readme, command);
        let mut values = vec![own.to_string()];
        values.extend(
            Format::text_formats()
                .filter(|f| f.name != "json")
                .map(|f| f.name.to_string()),
        );
        let expected = format!("[--format {}]", values.join("|").replace('|', "\\|"));
        assert!(
            row.contains(&expected),
            "README {command} row should hold {expected}: {row}"
        );
    }
}
