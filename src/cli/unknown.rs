//! `newsgraph unknown CORPUS...`: the names the corpus uses that the gazetteer lacks,
//! ranked by documents then mentions (see [`newsgraph::discover`]).
//!
//! `--format table` (default): one row a name (`--evidence`: its first sentences under it). `--format jsonl`: one JSON object a name,
//! with the fields `name`, `id`, `type` (null when nothing suggests one), `why` (list),
//! `docs`, `mentions`, `spellings` (list), `likely` (null or `{"entity", "alias", "why"}`),
//! `cooccurs` (list of `{"entity", "sentences"}`), `cues` (list of `{"cue", "sentences"}`)
//! and `evidence` (list of `{"doc", "span": [start, end], "text"}`). `--format gaz`:
//! blocks to append to a `.gaz` file: a new entity for each name with a suggested type and
//! no likely match; as comments, the alias to add to an entity for a likely spelling, and
//! the names without a suggested type.

use super::args::InputArgs;
use super::output::{emit, pad, truncate, width};
use super::report_skipped;
use clap::{Args, ValueEnum};
use newsgraph::Result;
use newsgraph::discover::{Candidate, unknown_names};
use newsgraph::formats::write_atomic;
use newsgraph::pipeline::Pipeline;
use std::fmt::Write;
use std::path::PathBuf;

/// How the report is printed.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum UnknownFormat {
    /// Aligned columns, one name a row.
    Table,
    /// JSON Lines: one object a name.
    Jsonl,
    /// Ready-to-paste .gaz blocks (likely spellings and untyped names as comments).
    Gaz,
}

/// Arguments of `unknown`.
#[derive(Args, Debug)]
pub struct UnknownArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    format: UnknownFormat,
    /// Only the first N names
    #[arg(long, value_name = "N")]
    top: Option<usize>,
    /// Print the evidence sentences under each row of the table
    #[arg(long)]
    evidence: bool,
    /// Only names used in at least N documents
    #[arg(long, value_name = "N", default_value_t = 1)]
    min_docs: usize,
    /// Output file [default: standard output]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `unknown`.
pub fn run(args: UnknownArgs) -> Result<i32> {
    let (gazetteer, corpus) = args.input.load()?;
    let pipeline = Pipeline::new(&gazetteer);
    let analyses = pipeline.analyze_all(&corpus.documents);
    let mut names = unknown_names(&gazetteer, &corpus.documents, &analyses);
    names.retain(|c| c.docs >= args.min_docs);
    if let Some(n) = args.top {
        names.truncate(n);
    }
    let text = match args.format {
        UnknownFormat::Table => table(&names, args.evidence),
        UnknownFormat::Jsonl => jsonl(&names),
        UnknownFormat::Gaz => gaz(&names, |id| gazetteer.get(id).is_some()),
    };
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => emit(&text)?,
    }
    Ok(report_skipped(&corpus))
}

fn kind(c: &Candidate) -> &'static str {
    c.kind.map_or("?", |k| k.as_str())
}

fn table(names: &[Candidate], evidence: bool) -> String {
    let mut out = String::new();
    let name_w = names
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 32);
    let rest = width().saturating_sub(name_w + 34).max(20);
    writeln!(
        out,
        "{}  {}  DOCS  MENTIONS  WHY / LIKELY / WITH",
        pad("NAME", name_w),
        pad("TYPE", 12),
    )
    .expect("string");
    for c in names {
        let mut why = c.why.join(", ");
        if let Some(m) = &c.likely {
            why = format!("alias of {}? ({}) {why}", m.entity, m.why);
        }
        if let Some((e, _)) = c.cooccurs.first() {
            why = format!("{why}; with {e}");
        }
        writeln!(
            out,
            "{}  {}  {:>4}  {:>8}  {}",
            pad(&truncate(&c.name, name_w), name_w),
            pad(kind(c), 12),
            c.docs,
            c.mentions,
            truncate(&why, rest)
        )
        .expect("string");
        if evidence {
            for e in &c.evidence {
                let line = format!("    {}: {}", e.doc, e.text);
                writeln!(out, "{}", truncate(&line, width().max(40))).expect("string");
            }
        }
    }
    out
}

fn jsonl(names: &[Candidate]) -> String {
    let mut out = String::new();
    for c in names {
        let v = serde_json::json!({
            "name": c.name,
            "id": c.id,
            "type": c.kind.map(|k| k.as_str()),
            "why": c.why,
            "docs": c.docs,
            "mentions": c.mentions,
            "spellings": c.spellings,
            "likely": c.likely.as_ref().map(|m| serde_json::json!({
                "entity": m.entity, "alias": m.alias, "why": m.why,
            })),
            "cooccurs": c.cooccurs.iter().map(|(e, n)| serde_json::json!({"entity": e, "sentences": n})).collect::<Vec<_>>(),
            "cues": c.cues.iter().map(|(e, n)| serde_json::json!({"cue": e, "sentences": n})).collect::<Vec<_>>(),
            "evidence": c.evidence.iter().map(|e| serde_json::json!({
                "doc": e.doc, "span": [e.span.start, e.span.end], "text": e.text,
            })).collect::<Vec<_>>(),
        });
        out.push_str(&v.to_string());
        out.push('\n');
    }
    out
}

fn gaz(names: &[Candidate], taken: impl Fn(&str) -> bool) -> String {
    let mut out =
        String::from("# newsgraph unknown: names the corpus uses that the gazetteer lacks\n");
    for c in names {
        let seen = format!(
            "{} document{}, {} mention{}",
            c.docs,
            if c.docs == 1 { "" } else { "s" },
            c.mentions,
            if c.mentions == 1 { "" } else { "s" }
        );
        out.push('\n');
        if let Some(m) = &c.likely {
            writeln!(
                out,
                "# '{}' ({seen}) is likely a spelling of [{}] ('{}': {}): add to its aliases\n# aliases = {}",
                c.name,
                m.entity,
                m.alias,
                m.why,
                c.spellings.join(" | ")
            )
            .expect("string");
            continue;
        }
        let aliases: Vec<&String> = c.spellings.iter().filter(|s| **s != c.name).collect();
        let why = if c.why.is_empty() {
            "no evidence of a type".to_string()
        } else {
            c.why.join(", ")
        };
        let mut block = String::new();
        writeln!(block, "[{}]", c.id).expect("string");
        writeln!(block, "type = {}", kind(c)).expect("string");
        writeln!(block, "name = {}", c.name).expect("string");
        if !aliases.is_empty() {
            let list: Vec<&str> = aliases.iter().map(|s| s.as_str()).collect();
            writeln!(block, "aliases = {}", list.join(" | ")).expect("string");
        }
        writeln!(out, "# {seen}; {why}").expect("string");
        if c.kind.is_none() || taken(&c.id) || c.id.is_empty() {
            if taken(&c.id) {
                writeln!(out, "# the id '{}' is taken: choose another", c.id).expect("string");
            }
            for line in block.lines() {
                writeln!(out, "# {line}").expect("string");
            }
        } else {
            out.push_str(&block);
        }
    }
    out
}
