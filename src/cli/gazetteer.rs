//! `newsgraph gazetteer ...`: the commands that work on a gazetteer folder itself rather
//! than on a corpus. `gazetteer dump DIR` writes the gazetteer built into the binary (the
//! `*.gaz` files, the word lists, the rules files and their documentation) into a folder,
//! to edit and pass back with `-g DIR`.
//!
//! `gazetteer import FILE... [-o OUT.gaz]` reads entity lists (JSON Lines, CSV, Wikidata
//! JSON; formats in [`newsgraph::gazetteer::interchange`]) and writes one canonical
//! `.gaz` file, or nothing when any line has a problem (each is named as `path:line`).
//! `gazetteer export DIR` writes a folder's entities as JSON Lines, the form import reads.
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
//! `alias-collision`, `common-word`, `given-name`, `role-overlap`, `cycle`, `shared-alias`.

use super::output::{emit, note};
use clap::{Args, Subcommand, ValueEnum};
use newsgraph::formats::write_atomic;
use newsgraph::gazetteer::{CheckWords, EntityType, Warning, dump, interchange, lint, load_dir};
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
    /// Import entity lists (JSON Lines, CSV, Wikidata JSON) into one .gaz file; nothing is written on any problem.
    Import(ImportArgs),
    /// Write a gazetteer folder's entities as JSON Lines (the form `import` reads).
    Export(ExportArgs),
    /// Write the built-in gazetteer and rules files into DIR, for editing and `-g DIR`.
    Dump(DumpArgs),
}

/// Arguments of `gazetteer dump`.
#[derive(Args, Debug)]
pub struct DumpArgs {
    /// Folder to write into (created if missing)
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Replace files that already exist
    #[arg(long)]
    force: bool,
}

/// The formats `gazetteer import` reads.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ImportFormat {
    /// One JSON object an entity (id, type, name, aliases, ... or names).
    Jsonl,
    /// A header row, then one entity a row.
    Csv,
    /// Wikidata entities, one JSON object a line: English labels and aliases.
    Wikidata,
}

/// Arguments of `gazetteer import`.
#[derive(Args, Debug)]
pub struct ImportArgs {
    /// Entity lists (*.jsonl, *.csv, or Wikidata JSON with --from wikidata)
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Input format [default: from each file's extension: .csv is CSV, else JSON Lines]
    #[arg(long, value_enum)]
    from: Option<ImportFormat>,
    /// For Wikidata entities whose 'instance of' gives no type: this type
    #[arg(long = "type", value_name = "TYPE")]
    kind: Option<String>,
    /// The .gaz file to write [default: standard output]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Arguments of `gazetteer export`.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Gazetteer folder (*.gaz files)
    #[arg(value_name = "DIR", default_value = "gazetteer")]
    dir: PathBuf,
    /// Output file [default: standard output]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
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
        GazetteerCommand::Import(args) => import(args),
        GazetteerCommand::Export(args) => export(args),
        GazetteerCommand::Dump(a) => {
            let written = dump(&a.dir, a.force)?;
            note(&format!(
                "newsgraph: {} files -> {}",
                written.len(),
                a.dir.display()
            ));
            Ok(0)
        }
    }
}

fn import(args: ImportArgs) -> Result<i32> {
    let default = match &args.kind {
        None => None,
        Some(k) => Some(EntityType::parse(k).ok_or_else(|| {
            let known: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
            Error::Usage(format!(
                "--type '{k}' is not a type; known types: {}",
                known.join(", ")
            ))
        })?),
    };
    let mut records = Vec::new();
    let mut errors = Vec::new();
    for path in &args.files {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let format = args
            .from
            .unwrap_or_else(|| match path.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("csv") => ImportFormat::Csv,
                _ => ImportFormat::Jsonl,
            });
        let read = match format {
            ImportFormat::Jsonl => interchange::read_jsonl(path, &text),
            ImportFormat::Csv => interchange::read_csv(path, &text),
            ImportFormat::Wikidata => interchange::read_wikidata(path, &text, default),
        };
        match read {
            Ok(r) => records.push((path, r)),
            Err(Error::Invalid(d)) => errors.extend(d),
            Err(e) => return Err(e),
        }
    }
    // Ids used by two files.
    let mut first: std::collections::HashMap<&str, &std::path::Path> = Default::default();
    for (path, list) in &records {
        for r in list {
            match first.get(r.id.as_str()) {
                Some(prev) if prev != path => errors.push(Diagnostic::file(
                    path,
                    format!("id '{}' is also used in {}", r.id, prev.display()),
                )),
                _ => {
                    first.insert(&r.id, path);
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let all: Vec<_> = records.into_iter().flat_map(|(_, r)| r).collect();
    let text = interchange::to_gaz(&all);
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => emit(&text)?,
    }
    if let Some(path) = &args.output {
        eprintln!("newsgraph: {} entities -> {}", all.len(), path.display());
    }
    Ok(0)
}

fn export(args: ExportArgs) -> Result<i32> {
    let g = load_dir(&args.dir)?;
    let text = interchange::to_jsonl(&interchange::records_of(&g));
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => emit(&text)?,
    }
    Ok(0)
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
