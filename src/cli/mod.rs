//! Command-line interface: one file per subcommand; the arguments they share in
//! [`args`], and everything they print through in [`output`].
//!
//! Exit codes: 0 done; 1 done, but some documents were skipped (each is named on
//! stderr); 2 nothing was done because of a bad argument or input (message on stderr).

mod args;
mod build;
mod completions;
mod diff;
mod extract;
mod gazetteer;
mod neighbors;
mod output;
mod path;
mod rules;
mod show;
mod stats;
mod unknown;
mod who;

use clap::{CommandFactory, Parser, Subcommand};
use newsgraph::Error;
use newsgraph::corpus::Corpus;

/// Turn a corpus of news text into an entity-and-relation knowledge graph.
#[derive(Parser, Debug)]
#[command(name = "newsgraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour the output: auto (a terminal, and NO_COLOR unset or empty), always, never
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value = "auto"
    )]
    color: output::ColorChoice,
    /// Print nothing on stderr but errors (no build summary, no warnings)
    #[arg(short = 'q', long, global = true)]
    quiet: bool,
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
    /// Find the shortest paths between two entities, with evidence for each hop (exit 1: not connected).
    Path(path::PathArgs),
    /// Count entities and relations; rank entities by degree and PageRank.
    Stats(stats::StatsArgs),
    /// Report on the relation rules: `rules stats CORPUS...` counts what each rule, frame and cue fired on.
    Rules(rules::RulesCommandArgs),
    /// List the names a corpus uses that the gazetteer lacks, with a suggested type, evidence and likely spellings of known entities.
    Unknown(unknown::UnknownArgs),
    /// Who held an office (from the gazetteer's roles), on a date with --at.
    Who(who::WhoArgs),
    /// Work on a gazetteer: `check` a folder's errors and warnings, `import` lists into .gaz, `export` it as JSON Lines, `dump` the built-in one.
    Gazetteer(gazetteer::GazetteerCommandArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(completions::CompletionsArgs),
    /// Print the man page (roff): `newsgraph man > newsgraph.1`.
    Man,
}

/// Prints the documents that were skipped; returns the exit code they call for.
pub fn report_skipped(corpus: &Corpus) -> i32 {
    for d in &corpus.skipped {
        output::note(&format!("newsgraph: warning: {d}"));
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
    output::set_global(cli.color, cli.quiet);
    let result = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Neighbors(args) => neighbors::run(args),
        Command::Show(args) => show::run(args),
        Command::Path(args) => path::run(args),
        Command::Stats(args) => stats::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Gazetteer(args) => gazetteer::run(args),
        Command::Unknown(args) => unknown::run(args),
        Command::Who(args) => who::run(args),
        Command::Completions(args) => completions::run(args, Cli::command()),
        Command::Man => completions::man(Cli::command()),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            report_error(&err);
            2
        }
    }
}
