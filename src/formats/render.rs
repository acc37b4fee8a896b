//! Pictures (SVG, PNG) rendered by Graphviz's `dot` from the DOT this crate writes.
//!
//! `dot` is looked up on `PATH` (or taken from the `NEWSGRAPH_DOT` environment variable)
//! before any work is done ([`check_dot`]), so a missing Graphviz stops a command with a
//! message naming the package rather than after the corpus has been read.
//!
//! The layout engine (`dot -K`) follows the graph's size unless one is asked for
//! ([`layout_for`]): `dot`'s ranked layout up to 500 entities and 2,000 edges, `sfdp`
//! (force-directed, multiscale, made for large graphs) beyond, where `dot` takes minutes
//! and draws a hairball.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The `dot` program to run.
fn dot_program() -> PathBuf {
    std::env::var_os("NEWSGRAPH_DOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("dot"))
}

fn missing(what: &str) -> Error {
    Error::Usage(format!(
        "writing {what} needs Graphviz's 'dot', which was not found: install the graphviz package \
         (apt-get install graphviz), or write a .dot file and render it elsewhere"
    ))
}

/// Checks that `dot` can be run; `what` names the output in the message (`graph.svg`).
pub fn check_dot(what: &str) -> Result<()> {
    match Command::new(dot_program())
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(s) if s.success() => Ok(()),
        _ => Err(missing(what)),
    }
}

/// The Graphviz layout engines `--layout` takes.
pub const LAYOUTS: &[&str] = &["dot", "neato", "fdp", "sfdp", "circo", "twopi"];

/// Above this many entities (or [`LARGE_EDGES`] edges) a picture is laid out by `sfdp`.
pub const LARGE_NODES: usize = 500;
/// Above this many edges a picture is laid out by `sfdp`.
pub const LARGE_EDGES: usize = 2000;

/// The layout engine for a picture of `graph`: `layout` when given, else `dot` for a
/// graph of up to [`LARGE_NODES`] entities and [`LARGE_EDGES`] edges, else `sfdp`.
pub fn layout_for(graph: &crate::graph::Graph, layout: Option<&'static str>) -> &'static str {
    layout.unwrap_or(
        if graph.node_count() > LARGE_NODES || graph.edge_count() > LARGE_EDGES {
            "sfdp"
        } else {
            "dot"
        },
    )
}

/// Renders DOT text with `dot -T<format>` and returns the picture.
pub fn render_dot(dot: &str, format: &str, what: &str) -> Result<Vec<u8>> {
    render_dot_with(dot, format, what, "dot")
}

/// Renders DOT text with `dot -K<layout> -T<format>` and returns the picture.
pub fn render_dot_with(dot: &str, format: &str, what: &str, layout: &str) -> Result<Vec<u8>> {
    let mut child = Command::new(dot_program())
        .arg(format!("-K{layout}"))
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| missing(what))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let text = dot.as_bytes().to_vec();
    // Write from another thread: dot may fill its output pipe before reading all input.
    let writer = std::thread::spawn(move || stdin.write_all(&text));
    let out = child
        .wait_with_output()
        .map_err(|e| Error::Usage(format!("{what}: running dot failed: {e}")))?;
    let _ = writer.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Usage(format!(
            "{what}: dot -K{layout} -T{format} failed: {}",
            err.trim()
        )));
    }
    Ok(out.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityType;
    use crate::graph::{Graph, Node};

    fn nodes(n: usize) -> Graph {
        let nodes = (0..n)
            .map(|i| Node::new(format!("n{i:04}"), "x", EntityType::Place))
            .collect();
        Graph::from_parts(nodes, vec![], vec![])
    }

    #[test]
    fn large_graphs_are_laid_out_by_sfdp_unless_a_layout_is_asked_for() {
        assert_eq!(layout_for(&nodes(LARGE_NODES), None), "dot");
        assert_eq!(layout_for(&nodes(LARGE_NODES + 1), None), "sfdp");
        assert_eq!(layout_for(&nodes(LARGE_NODES + 1), Some("neato")), "neato");
    }
}
