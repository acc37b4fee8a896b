//! `newsgraph extract`: corpus → JSON Lines of mentions and relations.

use super::args::{InputArgs, RulesArgs};
use super::output::emit;
use super::report_skipped;
use clap::Args;
use newsgraph::Result;
use newsgraph::formats::{check_output, to_jsonl, write_atomic};
use newsgraph::pipeline::Pipeline;
use std::path::PathBuf;

/// Arguments of `extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output file, or - for standard output [default: standard output]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `extract`.
pub fn run(args: ExtractArgs) -> Result<i32> {
    if let Some(path) = args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        check_output(path)?;
    }
    let rules = args.rules.load(args.input.gazetteer.dir())?;
    let (gazetteer, corpus) = args.input.load()?;
    let pipeline = Pipeline::with_rules(&gazetteer, rules);
    let analyses = pipeline.analyze_all(&corpus.documents);
    let text = to_jsonl(&corpus.documents, &analyses);
    match &args.output {
        Some(path) if path.as_os_str() != "-" => write_atomic(path, text.as_bytes())?,
        _ => emit(&text)?,
    }
    Ok(report_skipped(&corpus))
}
