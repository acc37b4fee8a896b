//! The arguments several commands share: the corpus and gazetteer ([`InputArgs`],
//! [`GazetteerArgs`]), the
//! rules files ([`RulesArgs`]), the graph filters ([`FilterArgs`]), the graph to inspect
//! ([`GraphArgs`]) and the `--format` values taken from the format table.

mod filter;
mod gazetteer;
mod graph;
mod rules;

pub use filter::{FilterArgs, relation_types};
pub use gazetteer::GazetteerArgs;
pub use graph::GraphArgs;
pub use rules::RulesArgs;

use clap::Args;
use clap::builder::{PossibleValue, PossibleValuesParser};
use newsgraph::corpus::{Corpus, read_corpus, read_stream};
use newsgraph::formats::Format;
use newsgraph::gazetteer::Gazetteer;
use newsgraph::{Error, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where the corpus and the gazetteer come from, shared by the commands that read text.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Corpus folders (recursive: *.txt, *.jsonl), text files or .jsonl files, or - for
    /// standard input (one text, or JSON Lines records) [default: data/]
    #[arg(value_name = "CORPUS")]
    pub corpus: Vec<PathBuf>,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

impl InputArgs {
    /// Loads the gazetteer, then the corpus: everything is checked before any work.
    pub fn load(&self) -> Result<(Gazetteer, Corpus)> {
        let gazetteer = self.gazetteer.load()?;
        let corpus_paths = if self.corpus.is_empty() {
            vec![PathBuf::from("data")]
        } else {
            self.corpus.clone()
        };
        let stdin = Path::new("-");
        let corpus = if corpus_paths.iter().any(|p| p == stdin) {
            if corpus_paths.len() > 1 {
                return Err(Error::Usage(
                    "'-' (standard input) is the whole corpus: give it alone".into(),
                ));
            }
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| Error::io(stdin, e))?;
            read_stream("-", bytes)?
        } else {
            read_corpus(&corpus_paths)?
        };
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
