//! The graph argument of the inspection commands (`neighbors`, `show`, `path`, `stats`):
//! reading the graph file, the optional gazetteer for names, and resolving what the user
//! typed to an entity.

use super::GazetteerArgs;
use clap::Args;
use newsgraph::formats::read_graph;
use newsgraph::gazetteer::Gazetteer;
use newsgraph::graph::{Candidate, Graph, Resolution, resolve};
use newsgraph::{Error, Result};
use std::path::PathBuf;

/// The graph file to read and where extra names come from.
#[derive(Args, Debug)]
pub struct GraphArgs {
    /// Graph written by `newsgraph build` (graph.json, or .graphml without evidence)
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    #[command(flatten)]
    pub gazetteer: GazetteerArgs,
}

/// A graph read from disk, with the gazetteer used to resolve names (if any).
pub struct Loaded {
    /// The graph.
    pub graph: Graph,
    /// The gazetteer, when one was given or found.
    pub gazetteer: Option<Gazetteer>,
    /// The graph file, for messages.
    pub path: PathBuf,
}

impl GraphArgs {
    /// Reads the graph file and the gazetteer (`-g`'s, or the built-in one), whose aliases
    /// also name entities.
    pub fn load(&self) -> Result<Loaded> {
        let (graph, _) = read_graph(&self.graph)?;
        let gazetteer = Some(self.gazetteer.load()?);
        Ok(Loaded {
            graph,
            gazetteer,
            path: self.graph.clone(),
        })
    }
}

fn describe(c: &Candidate) -> String {
    format!("{} ({}, {})", c.label, c.kind, c.id)
}

impl Loaded {
    /// The id of the entity `query` names, or a usage error that says what to type instead.
    pub fn entity(&self, query: &str) -> Result<String> {
        let graph = self.path.display();
        match resolve(&self.graph, self.gazetteer.as_ref(), query) {
            Resolution::Found(id) => Ok(id),
            Resolution::Ambiguous(c) => {
                let list: Vec<String> = c.iter().map(describe).collect();
                Err(Error::Usage(format!(
                    "'{query}' is ambiguous in {graph}: {}; give one of these ids",
                    list.join(", ")
                )))
            }
            Resolution::NotInGraph(c) => {
                let list: Vec<String> = c.iter().map(describe).collect();
                Err(Error::Usage(format!(
                    "'{query}' is {} in the gazetteer, but not in {graph} (never mentioned in its corpus)",
                    list.join(" or ")
                )))
            }
            Resolution::NotFound(s) if s.is_empty() => Err(Error::Usage(format!(
                "no entity named '{query}' in {graph}; try an id, a name or an alias"
            ))),
            Resolution::NotFound(s) => {
                let list: Vec<String> = s.iter().map(describe).collect();
                Err(Error::Usage(format!(
                    "no entity named '{query}' in {graph}; did you mean {}?",
                    list.join(", ")
                )))
            }
        }
    }

    /// The canonical name of an entity (its id if unknown).
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.graph.node(id).map_or(id, |n| n.label.as_str())
    }
}
