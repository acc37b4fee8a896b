//! Graphviz DOT.
//!
//! Written: a `digraph` (never `strict`, which would merge parallel edges) with node
//! attributes `label`, `shape` and `fillcolor` by type, and edges labelled by relation with
//! `penwidth` by weight; undirected relations are drawn `dir=none, style=dashed`. Every ID
//! and label is a quoted string with `"` and `\` escaped, so keywords, leading digits and
//! non-ASCII need nothing more.

use super::style::{color_of, shape_of};
use crate::graph::Graph;
use std::fmt::Write;

/// A DOT quoted string.
pub(crate) fn dot_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The graph as DOT.
pub fn to_dot(graph: &Graph) -> String {
    let mut s = String::new();
    s.push_str("digraph newsgraph {\n");
    s.push_str("  graph [overlap=false, splines=true];\n");
    s.push_str("  node [style=filled, fontname=\"Helvetica\"];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for n in graph.nodes() {
        let (r, g, b) = color_of(n.kind);
        let _ = writeln!(
            s,
            "  {} [label={}, shape={}, fillcolor=\"#{r:02x}{g:02x}{b:02x}\", type={}, mentions={}];",
            dot_quote(&n.id),
            dot_quote(&n.label),
            shape_of(n.kind),
            dot_quote(n.kind.as_str()),
            n.mentions
        );
    }
    for e in graph.edges() {
        let pen = 1.0 + (e.weight as f64).ln();
        let style = if e.directed {
            String::new()
        } else {
            ", dir=none, style=dashed".to_string()
        };
        let _ = writeln!(
            s,
            "  {} -> {} [label={}, relation={}, weight={}, penwidth={pen:.2}{style}];",
            dot_quote(&e.source),
            dot_quote(&e.target),
            dot_quote(&e.relation),
            dot_quote(&e.relation),
            e.weight
        );
    }
    s.push_str("}\n");
    s
}
