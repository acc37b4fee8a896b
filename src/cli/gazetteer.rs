//! `newsgraph gazetteer ...`: the commands that work on a gazetteer folder itself rather
//! than on a corpus.
//!
//! `gazetteer check DIR` loads the folder as every other command does (the same errors,
//! nothing tagged) and adds the warnings of [`newsgraph::gazetteer::lint`]. Exit 0 when
//! it loads (warnings or not), 2 when it has errors.
//!
//! Text output, one problem a line on standard output, sorted by file and line:
//! `path:line: error: message` and `path:line: warning: message [kind]`; a summary line on
//! standard error. `--format json` writes JSON Lines instead, one object a problem:
//! `{"severity": "error"|"warning", "kind": KIND, "path": PATH, "line": N|null,
//! "message": TEXT}`, where KIND is `error` for an error and for a warning one of
//! `alias-collision`, `common-word`, `given-name`, `role-overlap`, `cycle`.

use super::output::emit;
use clap::{Args, Subcommand, ValueEnum};
use newsgraph::gazetteer::{CheckWords, Warning, lint, load_dir};
use newsgraph::{Diagnostic, Error, Result};
use std::fmt::Write;
use std::path::PathBuf;

/// Arguments of `gazetteer`.
#[derive(Args, Debug)]
pub struct GazetteerCommandArgs {
    #[command(subcommand)]
    command: GazetteerCommand,
}

#[derive(Subcommand, Debug)]
enum GazetteerCommand {
    /// Check a gazetteer folder without building anything: its errors, and warnings an editor should look at.
    Check(CheckArgs),
}

/// How problems are printed.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ProblemFormat {
    /// `path:line: error|warning: message`, one a line.
    Text,
    /// JSON Lines: one object a problem (severity, kind, path, line, message).
    Json,
}

/// Arguments of `gazetteer check`.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Gazetteer folder (*.gaz files)
    #[arg(value_name = "DIR", default_value = "gazetteer")]
    dir: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: ProblemFormat,
}

/// Runs `gazetteer`.
pub fn run(args: GazetteerCommandArgs) -> Result<i32> {
    match args.command {
        GazetteerCommand::Check(args) => check(args),
    }
}

fn check(args: CheckArgs) -> Result<i32> {
    let (loaded, words) = (load_dir(&args.dir), CheckWords::load(&args.dir));
    let mut errors: Vec<Diagnostic> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let mut entities = 0;
    let is_io = |r: &Result<_>| matches!(r, Err(e) if !matches!(e, Error::Invalid(_)));
    // A folder that cannot be read at all is not a list of problems.
    if is_io(&loaded.as_ref().map(|_| ()).map_err(clone_io)) {
        return loaded.map(|_| 2);
    }
    if is_io(&words.as_ref().map(|_| ()).map_err(clone_io)) {
        return words.map(|_| 2);
    }
    for r in [loaded.as_ref().err(), words.as_ref().err()]
        .into_iter()
        .flatten()
    {
        if let Error::Invalid(d) = r {
            errors.extend(d.iter().cloned());
        }
    }
    if let (Ok(g), Ok(w)) = (&loaded, &words) {
        entities = g.len();
        warnings = lint(g, w);
    }
    let mut out = String::new();
    match args.format {
        ProblemFormat::Text => {
            for e in &errors {
                match e.line {
                    Some(l) => writeln!(out, "{}:{l}: error: {}", e.path.display(), e.message),
                    None => writeln!(out, "{}: error: {}", e.path.display(), e.message),
                }
                .expect("writing to a string");
            }
            for w in &warnings {
                writeln!(out, "{w}").expect("writing to a string");
            }
        }
        ProblemFormat::Json => {
            let line = |severity: &str, kind: &str, path: &std::path::Path, line, message: &str| {
                serde_json::json!({
                    "severity": severity,
                    "kind": kind,
                    "path": path.display().to_string(),
                    "line": line,
                    "message": message,
                })
                .to_string()
            };
            for e in &errors {
                out.push_str(&line("error", "error", &e.path, e.line, &e.message));
                out.push('\n');
            }
            for w in &warnings {
                let l = line(
                    "warning",
                    w.kind.as_str(),
                    &w.path,
                    Some(w.line),
                    &w.message,
                );
                out.push_str(&l);
                out.push('\n');
            }
        }
    }
    emit(&out)?;
    let plural = |n: usize, s: &str| format!("{n} {s}{}", if n == 1 { "" } else { "s" });
    if errors.is_empty() {
        eprintln!(
            "newsgraph: {}: {}, {}",
            args.dir.display(),
            plural(entities, "entity").replace("entitys", "entities"),
            plural(warnings.len(), "warning")
        );
        Ok(0)
    } else {
        eprintln!(
            "newsgraph: {}: {}, {}",
            args.dir.display(),
            plural(errors.len(), "error"),
            plural(warnings.len(), "warning")
        );
        Ok(2)
    }
}

/// A stand-in for an error, enough to tell an I/O error from a list of problems.
fn clone_io(e: &Error) -> Error {
    match e {
        Error::Invalid(_) => Error::Invalid(Vec::new()),
        _ => Error::Usage(String::new()),
    }
}
