//! The README stays true: its first lines are the two commands a newcomer runs, the
//! test command is the one CI runs, and the tour's `build` line is what `build` prints.

mod util;

use util::{copy_dir, newsgraph, root};

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
        .split("$ cargo run --release -- build\n")
        .nth(1)
        .expect("the tour runs build")
        .lines()
        .next()
        .unwrap();
    let ws = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &ws.path().join("data"));
    copy_dir(&root().join("gazetteer"), &ws.path().join("gazetteer"));
    let run = newsgraph(ws.path(), &["build"]);
    run.ok();
    assert_eq!(
        run.stderr().trim(),
        shown,
        "the README tour is out of date: regenerate its outputs with the release binary"
    );
}
