//! Checks on a graph read from a file, before it is used: every edge end is a node, ids
//! are non-empty and free of control characters, and weights and mention counts stay
//! below [`MAX_COUNT`], so that sums over them (degrees, totals by relation) cannot
//! overflow in any graph that fits in memory. Each problem is a `path:line` error where
//! the reader knows the line.

use crate::error::{Diagnostic, Error, Result};
use crate::graph::{Edge, Node};
use std::collections::HashSet;
use std::path::Path;

/// The largest weight or mention count read from a graph file: 2^48, so that the sum of
/// 65,536 of them still fits in 64 bits (and sums saturate beyond).
pub const MAX_COUNT: u64 = 1 << 48;

/// At most this many problems are reported.
const MAX_REPORTED: usize = 50;

fn bad_id(id: &str) -> Option<&'static str> {
    if id.is_empty() {
        Some("is empty")
    } else if id.chars().any(char::is_control) {
        Some("holds a control character")
    } else {
        None
    }
}

/// Checks nodes and edges read from `path`; `node_line(i)` and `edge_line(i)` give the
/// line of the i-th node or edge, when known.
pub fn check_parts(
    path: &Path,
    nodes: &[Node],
    node_line: &dyn Fn(usize) -> Option<usize>,
    edges: &[Edge],
    edge_line: &dyn Fn(usize) -> Option<usize>,
) -> Result<()> {
    let mut errors = Vec::new();
    let at = |line: Option<usize>, message: String| match line {
        Some(l) => Diagnostic::at(path, l, message),
        None => Diagnostic::file(path, message),
    };
    let show = |id: &str| format!("{:?}", id.chars().take(60).collect::<String>());
    let mut ids: HashSet<&str> = HashSet::with_capacity(nodes.len());
    for (i, n) in nodes.iter().enumerate() {
        if let Some(why) = bad_id(&n.id) {
            errors.push(at(
                node_line(i),
                format!(
                    "node id {} {why}; ids are names without control characters",
                    show(&n.id)
                ),
            ));
        }
        if n.mentions > MAX_COUNT {
            errors.push(at(
                node_line(i),
                format!(
                    "node {} has {} mentions, more than the limit {MAX_COUNT}",
                    show(&n.id),
                    n.mentions
                ),
            ));
        }
        ids.insert(&n.id);
    }
    for (i, e) in edges.iter().enumerate() {
        for (end, id) in [("source", &e.source), ("target", &e.target)] {
            if !ids.contains(id.as_str()) {
                errors.push(at(
                    edge_line(i),
                    format!(
                        "edge {} -> {} ({}): its {end} {} is not a node of the graph",
                        show(&e.source),
                        show(&e.target),
                        e.relation,
                        show(id)
                    ),
                ));
            }
        }
        if e.weight > MAX_COUNT {
            errors.push(at(
                edge_line(i),
                format!(
                    "edge {} -> {} ({}) has weight {}, more than the limit {MAX_COUNT}",
                    show(&e.source),
                    show(&e.target),
                    e.relation,
                    e.weight
                ),
            ));
        }
        if errors.len() >= MAX_REPORTED {
            break;
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        errors.truncate(MAX_REPORTED);
        Err(Error::Invalid(errors))
    }
}
