//! Graphviz DOT.
//!
//! Written: `digraph newsgraph {` (never `strict`, which would merge parallel edges);
//! graph defaults `overlap=false, splines=true`; node defaults `style=filled,
//! fontname="Helvetica"`; edge defaults `fontname="Helvetica", fontsize=10`. Then one line
//! per node: `"id" [label, shape (by type), fillcolor (by type, or the node's `color`
//! attribute), type, mentions, documents, extras]`, and one per edge:
//! `"source" -> "target" [label (the relation), relation, weight (supporting sentences),
//! penwidth (by weight), extras]`, with `dir=none, style=dashed` for undirected relations
//! (`co_occurs`, `met`), so co-occurrence looks undirected. Parallel edges of different
//! relations are separate lines.
//!
//! Every ID, attribute name and value is written as a DOT quoted string: `"` and `\` are
//! escaped, a line break becomes `\n` (a line break in a label), a carriage return is
//! dropped, so keywords (`node`, `edge`, `graph`, `strict`...), leading digits and
//! non-ASCII need nothing more. Extra attributes are written under their cleaned name
//! ([`super::style::extra_columns`]); a name that Graphviz would act on (`shape`,
//! `style`, ...) gets the prefix `attr_`, except `color` with a `#rrggbb` value, which
//! colours the node's border or the edge's line.

use super::record::Records;
use super::style::{extra_columns, parse_hex_color};
use crate::graph::Graph;
use std::collections::BTreeMap;
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

/// Attribute names Graphviz acts on or that this writer sets itself.
const RESERVED: &[&str] = &[
    "label",
    "xlabel",
    "shape",
    "fillcolor",
    "fontcolor",
    "fontname",
    "fontsize",
    "style",
    "dir",
    "penwidth",
    "weight",
    "type",
    "mentions",
    "documents",
    "relation",
    "pos",
    "width",
    "height",
    "id",
    "tooltip",
    "URL",
    "href",
    "group",
    "rank",
    "arrowhead",
    "arrowtail",
    "image",
    "peripheries",
    "sides",
    "len",
    "constraint",
    "headport",
    "tailport",
    "lhead",
    "ltail",
    "samehead",
    "sametail",
    "minlen",
    "root",
    "pin",
    "fixedsize",
];

fn extras(out: &mut String, cols: &[(String, String)], attrs: &BTreeMap<String, String>) {
    for (name, attr) in cols {
        let Some(v) = attrs.get(attr) else { continue };
        let name = if name == "color" && parse_hex_color(v).is_none() {
            "attr_color"
        } else {
            name.as_str()
        };
        let _ = write!(out, ", {}={}", dot_quote(name), dot_quote(v));
    }
}

/// The graph as DOT.
pub fn to_dot(graph: &Graph) -> String {
    let records = Records::of(graph);
    let node_extras = extra_columns(records.node_attrs, RESERVED);
    let edge_extras = extra_columns(records.edge_attrs, RESERVED);
    let mut s = String::new();
    s.push_str("digraph newsgraph {\n");
    s.push_str("  graph [overlap=false, splines=true];\n");
    s.push_str("  node [style=filled, fontname=\"Helvetica\"];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for n in &records.nodes {
        let _ = write!(
            s,
            "  {} [label={}, shape={}, fillcolor=\"{}\", type={}, mentions={}, documents={}",
            dot_quote(n.id),
            dot_quote(n.label),
            n.shape,
            n.color_hex,
            dot_quote(n.kind),
            n.mentions,
            n.documents
        );
        extras(&mut s, &node_extras, n.attrs);
        s.push_str("];\n");
    }
    for e in &records.edges {
        let style = if e.directed {
            ""
        } else {
            ", dir=none, style=dashed"
        };
        let _ = write!(
            s,
            "  {} -> {} [label={}, relation={}, weight={}, penwidth={:?}{style}",
            dot_quote(e.source),
            dot_quote(e.target),
            dot_quote(e.relation),
            dot_quote(e.relation),
            e.weight,
            e.width
        );
        extras(&mut s, &edge_extras, e.attrs);
        s.push_str("];\n");
    }
    s.push_str("}\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_by_the_dot_grammar() {
        assert_eq!(dot_quote("node"), "\"node\"");
        assert_eq!(dot_quote("1st"), "\"1st\"");
        assert_eq!(dot_quote("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(dot_quote("two\r\nlines"), "\"two\\nlines\"");
        assert_eq!(dot_quote("كتائب حزب الله"), "\"كتائب حزب الله\"");
        // A trailing backslash must not escape the closing quote.
        assert_eq!(dot_quote("a\\"), "\"a\\\\\"");
    }
}
