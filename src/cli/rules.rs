//! `newsgraph rules stats`: on how many sentences and documents of each corpus every
//! rule, frame and cue fired (dead and single-use rules show as zeros).

use super::args::{GazetteerArgs, RulesArgs};
use super::output::emit;
use clap::{Args, Subcommand, ValueEnum};
use newsgraph::Result;
use newsgraph::corpus::read_corpus;
use newsgraph::formats::write_atomic;
use newsgraph::link::rules::stats::{CorpusStats, Counts};
use newsgraph::pipeline::Pipeline;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::PathBuf;

/// Arguments of `rules`.
#[derive(Args, Debug)]
pub struct RulesCommandArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(Subcommand, Debug)]
enum RulesCommand {
    /// For every rule, frame and cue: the sentences and documents of each corpus it fired on.
    Stats(StatsArgs),
}

/// How the report is printed.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ReportFormat {
    /// Aligned columns, one corpus after another.
    Table,
    /// One JSON document: a list of corpora with their rules, frames and cues.
    Json,
}

/// Arguments of `rules stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    /// Corpora, each counted on its own (folders, text files or .jsonl files) [default: data/]
    #[arg(value_name = "CORPUS")]
    corpus: Vec<PathBuf>,
    #[command(flatten)]
    gazetteer: GazetteerArgs,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "table")]
    format: ReportFormat,
    /// Output file [default: standard output]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `rules`.
pub fn run(args: RulesCommandArgs) -> Result<i32> {
    match args.command {
        RulesCommand::Stats(a) => stats(a),
    }
}

fn stats(args: StatsArgs) -> Result<i32> {
    let rules = args.rules.load(args.gazetteer.dir())?;
    let gazetteer = args.gazetteer.load()?;
    let paths = if args.corpus.is_empty() {
        vec![PathBuf::from("data")]
    } else {
        args.corpus.clone()
    };
    // Every corpus is read before any is analysed.
    let corpora = paths
        .iter()
        .map(|p| read_corpus(std::slice::from_ref(p)).map(|c| (p, c)))
        .collect::<Result<Vec<_>>>()?;
    let pipeline = Pipeline::with_rules(&gazetteer, rules);
    let mut code = 0;
    let reports: Vec<CorpusStats> = corpora
        .iter()
        .map(|(path, corpus)| {
            code = code.max(super::report_skipped(corpus));
            pipeline.rule_stats(&path.display().to_string(), &corpus.documents)
        })
        .collect();
    let text = match args.format {
        ReportFormat::Table => table(&reports),
        ReportFormat::Json => {
            let mut s = serde_json::to_string_pretty(&reports).expect("reports serialise");
            s.push('\n');
            s
        }
    };
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => emit(&text)?,
    }
    Ok(code)
}

/// `sentences/documents/added`, or `-` when it never fired.
fn cell(c: &Counts, added: bool) -> String {
    match (c.sentences, added) {
        (0, _) => "-".to_string(),
        (_, true) => format!("{}/{}/{}", c.sentences, c.documents, c.added),
        (_, false) => format!("{}/{}", c.sentences, c.documents),
    }
}

fn table(reports: &[CorpusStats]) -> String {
    let mut out = String::new();
    for r in reports {
        let _ = writeln!(
            out,
            "corpus {}: {} documents, {} sentences",
            r.corpus, r.documents, r.sentences
        );
    }
    let names: Vec<String> = (1..=reports.len()).map(|i| format!("[{i}]")).collect();
    let _ = writeln!(
        out,
        "\ncells: sentences/documents/added (added: sentences where the rule gave a relation no earlier rule gave), per corpus {}",
        names.join(" ")
    );
    let Some(first) = reports.first() else {
        return out;
    };
    let width = first
        .rules
        .iter()
        .map(|l| l.id.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let _ = write!(out, "\n{:width$}  {:5}", "RULE", "KIND");
    for n in &names {
        let _ = write!(out, "  {n:>11}");
    }
    out.push('\n');
    let mut dead = Vec::new();
    let mut single = Vec::new();
    for (i, line) in first.rules.iter().enumerate() {
        let kind = if line.frame.is_some() {
            "frame"
        } else {
            "rule"
        };
        let _ = write!(out, "{:width$}  {kind:5}", line.id);
        let mut fired_on = 0;
        for r in reports {
            let c = &r.rules[i].counts;
            fired_on += usize::from(c.sentences > 0);
            let _ = write!(out, "  {:>11}", cell(c, true));
        }
        out.push('\n');
        match fired_on {
            0 => dead.push(line.id.as_str()),
            1 if reports.len() > 1 => single.push(line.id.as_str()),
            _ => {}
        }
    }
    let mut section = |title: &str, get: &dyn Fn(&CorpusStats) -> &BTreeMap<String, Counts>| {
        let keys: BTreeSet<&String> = reports.iter().flat_map(|r| get(r).keys()).collect();
        let w = keys
            .iter()
            .map(|k| k.len())
            .max()
            .unwrap_or(4)
            .max(title.len());
        let _ = write!(out, "\n{title:w$}");
        for n in &names {
            let _ = write!(out, "  {n:>9}");
        }
        out.push('\n');
        for k in keys {
            let _ = write!(out, "{k:w$}");
            for r in reports {
                let c = get(r).get(k).cloned().unwrap_or_default();
                let _ = write!(out, "  {:>9}", cell(&c, false));
            }
            out.push('\n');
        }
    };
    section("FRAME", &|r: &CorpusStats| &r.frames);
    section("CUE", &|r: &CorpusStats| &r.cues);
    let _ = writeln!(
        out,
        "\n{} of {} rules fired on no corpus: {}",
        dead.len(),
        first.rules.len(),
        if dead.is_empty() {
            "-".to_string()
        } else {
            dead.join(" ")
        }
    );
    if reports.len() > 1 {
        let _ = writeln!(
            out,
            "{} fired on one corpus only: {}",
            single.len(),
            if single.is_empty() {
                "-".to_string()
            } else {
                single.join(" ")
            }
        );
    }
    out
}
