//! The one helper that runs the real binary, shared by every module: it sets
//! `NO_COLOR`, fails any run whose stderr shows a panic, and on any failed expectation
//! prints the command, its exit code, stdout and stderr.
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
    /// The command, its exit code, stdout and stderr, for failure messages.
    pub fn describe(&self) -> String {
        format!(
            "command: {}\nexit: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.cmd,
            self.code(),
            self.stdout(),
            self.stderr()
        )
    }
    /// Panics with the whole story unless the exit code is `code`.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(self.code(), code, "{}", self.describe());
        self
    }
    /// Panics with the whole story unless stdout contains `needle`.
    pub fn expect_stdout(&self, needle: &str) -> &Run {
        assert!(
            self.stdout().contains(needle),
            "stdout lacks {needle:?}\n{}",
            self.describe()
        );
        self
    }
    /// Panics with the whole story unless stderr contains `needle`.
    pub fn expect_stderr(&self, needle: &str) -> &Run {
        assert!(
            self.stderr().contains(needle),
            "stderr lacks {needle:?}\n{}",
            self.describe()
        );
        self
    }
    pub fn ok(&self) -> &Run {
        self.expect_code(0)
    }
}

/// The binary as a command to run in `dir`, with `NO_COLOR=1`; add arguments and
/// environment, then [`run`] it.
pub fn command(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_newsgraph"));
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// Runs a command made by [`command`]. A panic of the binary fails the test here,
/// whatever its exit code, with the whole story.
pub fn run(mut cmd: Command) -> Run {
    let dir = cmd
        .get_current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_else(|| ".".into());
    let args: Vec<String> = cmd
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let envs: Vec<String> = cmd
        .get_envs()
        .map(|(k, v)| match v {
            Some(v) => format!("{}={} ", k.to_string_lossy(), v.to_string_lossy()),
            None => format!("-u {} ", k.to_string_lossy()),
        })
        .collect();
    let out = cmd.output().expect("the newsgraph binary runs");
    let run = Run {
        cmd: format!(
            "(cd {dir} && {}newsgraph {})",
            envs.concat(),
            args.join(" ")
        ),
        out,
    };
    assert!(
        !run.stderr().contains("panicked at"),
        "the binary panicked\n{}",
        run.describe()
    );
    run
}

/// Runs `newsgraph ARGS` in `dir`.
pub fn newsgraph(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = command(dir);
    cmd.args(args);
    run(cmd)
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
