//! `graph.json`: the lossless form of a graph, read back by `neighbors`, `show`, `path`,
//! `stats` and `diff`.
//!
//! One document, node or edge per line:
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
//! position. An evidence `text` is its sentence, except for a sentence longer than 2,000
//! bytes: then it is an excerpt that starts at the earlier mention, holds both and ends in
//! `…` (its length differs from the sentence range's; see
//! `evidence_text` in `src/graph/build.rs`).

use super::check::check_parts;
use crate::error::{Diagnostic, Error, Result};
use crate::graph::{DocInfo, Edge, Graph, Node};
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
    /// The graph as `graph.json` text: one document, node or edge per line (compact JSON,
    /// so large graphs stay small and fast to read, yet a line-based diff of two files is
    /// still meaningful); deterministic, ending in a newline.
    pub fn to_json(&self) -> String {
        fn section<T: Serialize>(
            out: &mut String,
            name: &str,
            items: impl Iterator<Item = T>,
            last: bool,
        ) {
            out.push_str(&format!("\"{name}\":["));
            let mut first = true;
            for item in items {
                out.push_str(if first { "\n" } else { ",\n" });
                first = false;
                out.push_str(&serde_json::to_string(&item).expect("graph serializes"));
            }
            out.push_str(if first { "]" } else { "\n]" });
            out.push_str(if last { "\n" } else { ",\n" });
        }
        let mut s = format!("{{\"format\":\"newsgraph\",\"version\":{FORMAT_VERSION},\n");
        section(&mut s, "documents", self.documents().iter(), false);
        section(&mut s, "nodes", self.nodes(), false);
        section(&mut s, "edges", self.edges(), true);
        s.push_str("}\n");
        s
    }

    /// Reads `graph.json` text; `path` is used in error messages.
    pub fn from_json(path: &Path, text: &str) -> Result<Graph> {
        if let Some(parts) = from_json_lines(text) {
            let Parts {
                documents,
                nodes,
                edges,
                node_lines,
                edge_lines,
            } = parts;
            check_parts(
                path,
                &nodes,
                &|i| node_lines.get(i).copied(),
                &edges,
                &|i| edge_lines.get(i).copied(),
            )?;
            return Ok(Graph::from_parts(nodes, edges, documents));
        }
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
        check_parts(path, &file.nodes, &|_| None, &file.edges, &|_| None)?;
        Ok(Graph::from_parts(file.nodes, file.edges, file.documents))
    }
}

/// True when `text` looks like JSON (its first non-blank character opens an object).
pub fn sniff(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

/// The fast path for files in the layout [`Graph::to_json`] writes: every document, node
/// and edge is parsed from its own line, in parallel. `None` when the text is laid out
/// otherwise or a line does not parse; the caller then parses the whole text, which also
/// gives a precise error.
/// What the fast path read, with the line of every node and edge.
struct Parts {
    documents: Vec<DocInfo>,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    node_lines: Vec<usize>,
    edge_lines: Vec<usize>,
}

fn from_json_lines(text: &str) -> Option<Parts> {
    use rayon::prelude::*;

    let header = format!("{{\"format\":\"newsgraph\",\"version\":{FORMAT_VERSION},");
    let mut lines = text.lines().zip(1..);
    if lines.next()?.0 != header {
        return None;
    }
    let mut sections: Vec<Vec<&str>> = Vec::new();
    let mut numbers: Vec<Vec<usize>> = Vec::new();
    for name in ["documents", "nodes", "edges"] {
        let open = lines.next()?.0;
        let rest = open.strip_prefix(&format!("\"{name}\":["))?;
        let mut items = Vec::new();
        let mut at = Vec::new();
        if rest.is_empty() {
            loop {
                let (line, n) = lines.next()?;
                if line == "]," || line == "]" {
                    break;
                }
                items.push(line.strip_suffix(',').unwrap_or(line));
                at.push(n);
            }
        } else if rest != "]," && rest != "]" {
            return None;
        }
        sections.push(items);
        numbers.push(at);
    }
    if lines.next()?.0 != "}" || lines.next().is_some() {
        return None;
    }
    fn parse<T: serde::de::DeserializeOwned + Send>(items: &[&str]) -> Option<Vec<T>> {
        items
            .par_iter()
            .map(|l| serde_json::from_str(l).ok())
            .collect()
    }
    let documents: Vec<DocInfo> = parse(&sections[0])?;
    let nodes: Vec<Node> = parse(&sections[1])?;
    let edges: Vec<Edge> = parse(&sections[2])?;
    let edge_lines = numbers.pop()?;
    let node_lines = numbers.pop()?;
    Some(Parts {
        documents,
        nodes,
        edges,
        node_lines,
        edge_lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_through_both_parsers() {
        let text = "{\"format\":\"newsgraph\",\"version\":1,\n\"documents\":[\n{\"id\":\"a.txt\",\"date\":\"2020-01-05\"}\n],\n\"nodes\":[\n{\"id\":\"iraq\",\"label\":\"Iraq\",\"type\":\"government\",\"mentions\":1,\"documents\":[\"a.txt\"],\"aliases\":{\"Iraq\":1}}\n],\n\"edges\":[]\n}\n";
        let fast = from_json_lines(text).expect("the written layout takes the fast path");
        assert_eq!((fast.node_lines, fast.edge_lines), (vec![6], vec![]));
        let fast = Graph::from_json(Path::new("g.json"), text).unwrap();
        assert_eq!(fast.to_json(), text);
        let pretty: serde_json::Value = serde_json::from_str(text).unwrap();
        let pretty = serde_json::to_string_pretty(&pretty).unwrap();
        assert!(from_json_lines(&pretty).is_none());
        let slow = Graph::from_json(Path::new("g.json"), &pretty).unwrap();
        assert_eq!(slow.to_json(), text);
    }

    #[test]
    fn errors_name_the_line() {
        let text = "{\"format\":\"newsgraph\",\"version\":1,\n\"documents\":[\n{\"id\":3}\n],\n\"nodes\":[],\n\"edges\":[]\n}\n";
        let err = Graph::from_json(Path::new("g.json"), text)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("g.json:3: not a newsgraph graph.json"),
            "{err}"
        );
    }
}
