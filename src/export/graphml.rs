//! GraphML for Gephi, yEd, networkx and igraph.
//!
//! Written: `<graphml>` with typed `<key>`s; one `<graph edgedefault="directed">`;
//! nodes with `label`, `type`, `mentions` (int), `documents` (int), `r`/`g`/`b` (int, by
//! type) and `size` (double, by mentions); edges with an `id`, `directed="false"` for
//! undirected relations, and `label`, `relation`, `weight` (double), `evidence` (int),
//! `first_date`/`last_date` (where dates are known). Parallel edges of different
//! relations stay apart. Text is XML-escaped.

use super::style::color_of;
use crate::graph::Graph;
use std::fmt::Write;

/// Escapes text for XML content and attribute values.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

const KEYS: &[(&str, &str, &str, &str)] = &[
    ("d0", "node", "label", "string"),
    ("d1", "node", "type", "string"),
    ("d2", "node", "mentions", "int"),
    ("d3", "node", "documents", "int"),
    ("d4", "node", "r", "int"),
    ("d5", "node", "g", "int"),
    ("d6", "node", "b", "int"),
    ("d7", "node", "size", "double"),
    ("e0", "edge", "label", "string"),
    ("e1", "edge", "relation", "string"),
    ("e2", "edge", "weight", "double"),
    ("e3", "edge", "evidence", "int"),
    ("e4", "edge", "first_date", "string"),
    ("e5", "edge", "last_date", "string"),
];

/// The graph as GraphML.
pub fn to_graphml(graph: &Graph) -> String {
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (id, domain, name, ty) in KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    s.push_str("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n");
    for n in graph.nodes() {
        let (r, g, b) = color_of(n.kind);
        let size = 10.0 + 4.0 * (n.mentions as f64).sqrt();
        let _ = writeln!(s, "    <node id=\"{}\">", xml_escape(&n.id));
        let _ = writeln!(s, "      <data key=\"d0\">{}</data>", xml_escape(&n.label));
        let _ = writeln!(s, "      <data key=\"d1\">{}</data>", n.kind);
        let _ = writeln!(s, "      <data key=\"d2\">{}</data>", n.mentions);
        let _ = writeln!(s, "      <data key=\"d3\">{}</data>", n.documents.len());
        let _ = writeln!(
            s,
            "      <data key=\"d4\">{r}</data>\n      <data key=\"d5\">{g}</data>\n      <data key=\"d6\">{b}</data>"
        );
        let _ = writeln!(s, "      <data key=\"d7\">{size:.2}</data>");
        s.push_str("    </node>\n");
    }
    for (i, e) in graph.edges().enumerate() {
        let directed = if e.directed {
            ""
        } else {
            " directed=\"false\""
        };
        let _ = writeln!(
            s,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\"{directed}>",
            xml_escape(&e.source),
            xml_escape(&e.target)
        );
        let _ = writeln!(
            s,
            "      <data key=\"e0\">{}</data>",
            xml_escape(&e.relation)
        );
        let _ = writeln!(
            s,
            "      <data key=\"e1\">{}</data>",
            xml_escape(&e.relation)
        );
        let _ = writeln!(s, "      <data key=\"e2\">{}</data>", e.weight as f64);
        let _ = writeln!(s, "      <data key=\"e3\">{}</data>", e.evidence.len());
        if let Some(d) = e.first_date() {
            let _ = writeln!(s, "      <data key=\"e4\">{d}</data>");
        }
        if let Some(d) = e.last_date() {
            let _ = writeln!(s, "      <data key=\"e5\">{d}</data>");
        }
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}
