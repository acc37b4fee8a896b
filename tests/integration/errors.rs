//! Every kind of error message, pinned: one folder per kind under `tests/fixtures/errors/`
//! holding the input files, `args` (the command line, one argument per line), an optional
//! `env` (`KEY=VALUE` lines), and the exact `stderr` and exit `code` expected. The folder
//! is copied to a temporary directory and the command runs there, so paths in messages are
//! relative; `$FIXTURES` in `args` and `stderr` stands for `tests/fixtures`. Adding a case
//! is adding a folder.

use crate::util::{self, root};
use std::path::Path;

/// The files of a case folder that describe the case rather than being its input.
const CASE_FILES: [&str; 4] = ["args", "env", "stderr", "code"];

fn copy_inputs(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if from.join("args").exists() && CASE_FILES.iter().any(|c| name == *c) {
            continue;
        }
        let target = to.join(&name);
        if entry.path().is_dir() {
            util::copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn every_error_message_is_the_pinned_one() {
    let fixtures = root().join("tests/fixtures");
    let fx = fixtures.display().to_string();
    let mut cases: Vec<_> = std::fs::read_dir(fixtures.join("errors"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "the error fixtures are missing");
    let mut failures = Vec::new();
    for case in &cases {
        let read = |f: &str| std::fs::read_to_string(case.join(f)).unwrap_or_default();
        let work = tempfile::tempdir().unwrap();
        copy_inputs(case, work.path());
        let mut cmd = util::command(work.path());
        cmd.args(read("args").lines().map(|a| a.replace("$FIXTURES", &fx)));
        for line in read("env").lines() {
            let (k, v) = line.split_once('=').expect("env lines are KEY=VALUE");
            cmd.env(k, v);
        }
        let run = util::run(cmd);
        let got = run.stderr().replace(&fx, "$FIXTURES");
        let code: i32 = read("code")
            .trim()
            .parse()
            .expect("code holds the exit code");
        if got != read("stderr") || run.code() != code {
            failures.push(format!(
                "case {}\nexpected exit {code}, stderr:\n{}\n{}",
                case.file_name().unwrap().to_string_lossy(),
                read("stderr"),
                run.describe()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
