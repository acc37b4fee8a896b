//! Helpers shared by the integration tests: run the real binary and explain failures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared development material beside the repository (corpus, gold, schemas).
pub fn shared() -> PathBuf {
    let p = root().join("../shared");
    assert!(
        p.join("corpus").is_dir(),
        "{} is missing: the tests need ../shared beside the repository",
        p.display()
    );
    p
}

/// The result of one run of the binary.
pub struct Run {
    pub cmd: String,
    pub out: Output,
}

impl Run {
    pub fn code(&self) -> i32 {
        self.out.status.code().unwrap_or(-1)
    }
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.out.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.out.stderr).into_owned()
    }
    /// Panics with the whole story unless the exit code is `code`.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code(),
            code,
            "command: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.cmd,
            self.stdout(),
            self.stderr()
        );
        self
    }
    pub fn ok(&self) -> &Run {
        self.expect_code(0)
    }
}

/// Runs `newsgraph ARGS` in `dir`.
pub fn newsgraph(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the newsgraph binary runs");
    Run {
        cmd: format!("(cd {} && newsgraph {})", dir.display(), args.join(" ")),
        out,
    }
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
