//! `newsgraph extract`: corpus → JSON Lines of mentions and relations.

use super::{InputArgs, RulesArgs, report_skipped};
use clap::Args;
use newsgraph::Result;
use newsgraph::formats::{to_jsonl, write_atomic};
use newsgraph::pipeline::Pipeline;
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `extract`.
#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output file [default: standard output]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `extract`.
pub fn run(args: ExtractArgs) -> Result<i32> {
    let rules = args.rules.load(&args.input.gazetteer)?;
    let (gazetteer, corpus) = args.input.load()?;
    let pipeline = Pipeline::with_rules(&gazetteer, rules);
    let analyses = pipeline.analyze_all(&corpus.documents);
    let text = to_jsonl(&corpus.documents, &analyses);
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(newsgraph::Error::Usage(format!("standard output: {e}")));
            }
        }
    }
    Ok(report_skipped(&corpus))
}
