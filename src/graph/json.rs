//! `graph.json`: the lossless form of a graph, read back by `neighbors`, `show`, `path`,
//! `stats` and `diff`.
//!
//! ```json
//! {"format": "newsgraph", "version": 1,
//!  "documents": [{"id": "a.txt", "date": "2020-01-05"}],
//!  "nodes": [{"id": "iraq", "label": "Iraq", "type": "government", "mentions": 3,
//!             "documents": ["a.txt"], "aliases": {"Iraq": 3}, "first_seen": "2020-01-05"}],
//!  "edges": [{"source": "iran", "target": "iraq", "relation": "co_occurs", "directed": false,
//!             "weight": 1, "evidence": [{"doc": "a.txt", "sentence": [0, 40],
//!             "source_span": [0, 4], "target_span": [10, 14], "text": "..."}]}]}
//! ```
//! Nodes are sorted by id, edges by (source, target, relation), evidence by document and
//! position.

use super::{DocInfo, Edge, Graph, Node};
use crate::error::{Diagnostic, Error, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The `version` written into and expected in `graph.json`.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct File {
    format: String,
    version: u32,
    documents: Vec<DocInfo>,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
}

impl Graph {
    /// The graph as `graph.json` text (pretty, deterministic, ending in a newline).
    pub fn to_json(&self) -> String {
        let file = File {
            format: "newsgraph".into(),
            version: FORMAT_VERSION,
            documents: self.documents().to_vec(),
            nodes: self.nodes().cloned().collect(),
            edges: self.edges().cloned().collect(),
        };
        let mut s = serde_json::to_string_pretty(&file).expect("graph serializes");
        s.push('\n');
        s
    }

    /// Reads `graph.json` text; `path` is used in error messages.
    pub fn from_json(path: &Path, text: &str) -> Result<Graph> {
        let file: File = serde_json::from_str(text).map_err(|e| {
            Error::invalid(Diagnostic::at(
                path,
                e.line(),
                format!("not a newsgraph graph.json ({e}); write one with 'newsgraph build -o graph.json'"),
            ))
        })?;
        if file.format != "newsgraph" || file.version != FORMAT_VERSION {
            return Err(Error::invalid(Diagnostic::file(
                path,
                format!(
                    "graph format '{}' version {} is not supported (expected newsgraph version {FORMAT_VERSION})",
                    file.format, file.version
                ),
            )));
        }
        Ok(Graph::from_parts(file.nodes, file.edges, file.documents))
    }
}
