//! Command-line interface: one file per subcommand.
//!
//! Exit codes: 0 done; 1 done, but some documents were skipped (each is named on
//! stderr); 2 nothing was done because of a bad argument or input (message on stderr).

mod build;
mod diff;
mod extract;
mod filter;
mod inspect;
mod neighbors;
mod path;
mod rules;
mod show;
mod stats;

pub use filter::FilterArgs;
pub use rules::RulesArgs;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, Parser, Subcommand};
use newsgraph::corpus::{Corpus, read_corpus};
use newsgraph::formats::Format;
use newsgraph::gazetteer::{Gazetteer, load_dir};
use newsgraph::{Error, Result};
use std::path::PathBuf;

/// Turn a corpus of news text into an entity-and-relation knowledge graph.
#[derive(Parser, Debug)]
#[command(name = "newsgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build the graph of a corpus and write it as JSON, GraphML, GEXF, DOT, CSV, SVG...
    Build(build::BuildArgs),
    /// Write the mentions and relations of a corpus as JSON Lines.
    Extract(extract::ExtractArgs),
    /// Compare two graphs: entities and relations added, removed or changed (exit 1 when they differ).
    Diff(diff::DiffArgs),
    /// List the entities around one entity, with relations and evidence.
    Neighbors(neighbors::NeighborsArgs),
    /// Show an entity card: names, mentions, documents and relations.
    Show(show::ShowArgs),
    /// Find the shortest paths between two entities, with evidence for each hop.
    Path(path::PathArgs),
    /// Count entities and relations; rank entities by degree and PageRank.
    Stats(stats::StatsArgs),
}

/// Where the corpus and the gazetteer come from, shared by the commands that read text.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Corpus folders (recursive: *.txt, *.jsonl), text files or .jsonl files [default: data/]
    #[arg(value_name = "CORPUS")]
    pub corpus: Vec<PathBuf>,
    /// Gazetteer folder (*.gaz files)
    #[arg(
        short = 'g',
        long = "gazetteer",
        value_name = "DIR",
        default_value = "gazetteer"
    )]
    pub gazetteer: PathBuf,
}

impl InputArgs {
    /// Loads the gazetteer, then the corpus: everything is checked before any work.
    pub fn load(&self) -> Result<(Gazetteer, Corpus)> {
        let gazetteer = load_dir(&self.gazetteer)?;
        let corpus_paths = if self.corpus.is_empty() {
            vec![PathBuf::from("data")]
        } else {
            self.corpus.clone()
        };
        let corpus = read_corpus(&corpus_paths)?;
        Ok((gazetteer, corpus))
    }
}

/// The `--format` values of a command that prints a graph: its own formats (name, help),
/// then every format of the table written as one text file whose name is not taken,
/// described by `about`.
pub fn format_values(
    own: &[(&'static str, &'static str)],
    about: impl Fn(&Format) -> String,
) -> PossibleValuesParser {
    let mut values: Vec<PossibleValue> = own
        .iter()
        .map(|&(name, help)| PossibleValue::new(name).help(help))
        .collect();
    for f in Format::text_formats() {
        if !own.iter().any(|(name, _)| *name == f.name) {
            values.push(PossibleValue::new(f.name).help(about(f)));
        }
    }
    PossibleValuesParser::new(values)
}

/// The graph in the text format named `name` (one of [`format_values`]).
pub fn graph_text(name: &str, graph: &newsgraph::graph::Graph) -> Result<String> {
    Format::named(name)?
        .to_text(graph)
        .ok_or_else(|| Error::Usage(format!("--format {name} does not write text")))
}

/// Prints the documents that were skipped; returns the exit code they call for.
pub fn report_skipped(corpus: &Corpus) -> i32 {
    for d in &corpus.skipped {
        eprintln!("newsgraph: warning: {d}");
    }
    if corpus.skipped.is_empty() { 0 } else { 1 }
}

/// Prints an error as `newsgraph: path:line: message` lines.
pub fn report_error(err: &Error) {
    for line in err.to_string().lines() {
        eprintln!("newsgraph: {line}");
    }
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Neighbors(args) => neighbors::run(args),
        Command::Show(args) => show::run(args),
        Command::Path(args) => path::run(args),
        Command::Stats(args) => stats::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            report_error(&err);
            2
        }
    }
}
