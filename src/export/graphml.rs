//! GraphML for Gephi, yEd, networkx and igraph.
//!
//! Written, in this order:
//! - `<?xml ...?>` and `<graphml>` with the GraphML namespace and schema location;
//! - typed `<key>`s (`attr.type` is `int`, `double` or `string`; `attr.name` has no spaces).
//!   Node keys: `label`, `type`, `mentions` (int), `documents` (int, how many documents
//!   mention it), `first_seen`/`last_seen` (string, `YYYY-MM-DD`), `r`/`g`/`b` (int, the
//!   type's colour, or the node's `color` attribute), `size` (double, by mentions). Edge
//!   keys: `label` (the relation), `relation`, `weight` (double, supporting sentences),
//!   `evidence` (int, evidence records), `first_date`/`last_date` (string). Key ids are
//!   `n_<name>` and `e_<name>`. Gephi maps `label`, `weight`, `r`/`g`/`b` and `size` onto
//!   its own properties;
//! - one string key per extra attribute ([`crate::graph::Node::attrs`],
//!   [`crate::graph::Edge::attrs`]), ids `nx_<name>` / `ex_<name>`, its name cleaned by
//!   [`super::style::extra_columns`];
//! - one `<graph id="newsgraph">`, `edgedefault="undirected"` when every edge is undirected
//!   and `"directed"` otherwise;
//! - `<node id="entity_id">` with one `<data>` per known value;
//! - `<edge id="eN" source target>` (N counts edges in (source, target, relation) order), with
//!   `directed="false"` on undirected relations (`co_occurs`, `met`), and its `<data>`.
//!   Parallel edges of different relations are separate `<edge>`s.
//!
//! Text is XML-escaped (`& < > " '`, and line breaks and tabs as character references,
//! so they survive attribute-value normalisation); other control characters, which XML
//! 1.0 cannot carry, are dropped. Node ids are gazetteer ids (lower snake case), which
//! are valid `NMTOKEN`s as the schema requires.
//!
//! networkx holds a graph as either directed or undirected: it reads graphs whose edges
//! are all undirected (co-occurrence only) or all directed, and refuses a mixed graph
//! (`directed=false edge found in directed graph`). Gephi reads both. For scripts over a
//! mixed graph, use the node-link JSON.

use super::style::{
    all_undirected, edge_attr_names, extra_columns, node_attr_names, node_color, node_size,
};
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
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

const NODE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("type", "string"),
    ("mentions", "int"),
    ("documents", "int"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("r", "int"),
    ("g", "int"),
    ("b", "int"),
    ("size", "double"),
];

const EDGE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("relation", "string"),
    ("weight", "double"),
    ("evidence", "int"),
    ("first_date", "string"),
    ("last_date", "string"),
];

/// Built-in key names plus `id`, which networkx gives edges of a simple graph.
fn names(keys: &[(&'static str, &str)]) -> Vec<&'static str> {
    keys.iter().map(|k| k.0).chain(["id"]).collect()
}

fn data(s: &mut String, key: &str, value: &str) {
    let _ = writeln!(s, "      <data key=\"{key}\">{}</data>", xml_escape(value));
}

/// The graph as GraphML.
pub fn to_graphml(graph: &Graph) -> String {
    let node_extras = extra_columns(node_attr_names(graph), &names(NODE_KEYS));
    let edge_extras = extra_columns(edge_attr_names(graph), &names(EDGE_KEYS));
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (name, ty) in NODE_KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"n_{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    for (name, _) in &node_extras {
        let n = xml_escape(name);
        let _ = writeln!(
            s,
            "  <key id=\"nx_{n}\" for=\"node\" attr.name=\"{n}\" attr.type=\"string\"/>"
        );
    }
    for (name, ty) in EDGE_KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"e_{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    for (name, _) in &edge_extras {
        let n = xml_escape(name);
        let _ = writeln!(
            s,
            "  <key id=\"ex_{n}\" for=\"edge\" attr.name=\"{n}\" attr.type=\"string\"/>"
        );
    }
    let default = if all_undirected(graph) {
        "undirected"
    } else {
        "directed"
    };
    let _ = writeln!(s, "  <graph id=\"newsgraph\" edgedefault=\"{default}\">");
    for n in graph.nodes() {
        let (r, g, b) = node_color(n);
        let _ = writeln!(s, "    <node id=\"{}\">", xml_escape(&n.id));
        data(&mut s, "n_label", &n.label);
        data(&mut s, "n_type", n.kind.as_str());
        data(&mut s, "n_mentions", &n.mentions.to_string());
        data(&mut s, "n_documents", &n.documents.len().to_string());
        if let Some(d) = &n.first_seen {
            data(&mut s, "n_first_seen", d);
        }
        if let Some(d) = &n.last_seen {
            data(&mut s, "n_last_seen", d);
        }
        data(&mut s, "n_r", &r.to_string());
        data(&mut s, "n_g", &g.to_string());
        data(&mut s, "n_b", &b.to_string());
        data(&mut s, "n_size", &format!("{:?}", node_size(n.mentions)));
        for (name, attr) in &node_extras {
            if let Some(v) = n.attrs.get(attr) {
                data(&mut s, &format!("nx_{}", xml_escape(name)), v);
            }
        }
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
        data(&mut s, "e_label", &e.relation);
        data(&mut s, "e_relation", &e.relation);
        data(&mut s, "e_weight", &format!("{:?}", e.weight as f64));
        data(&mut s, "e_evidence", &e.evidence.len().to_string());
        if let Some(d) = e.first_date() {
            data(&mut s, "e_first_date", d);
        }
        if let Some(d) = e.last_date() {
            data(&mut s, "e_last_date", d);
        }
        for (name, attr) in &edge_extras {
            if let Some(v) = e.attrs.get(attr) {
                data(&mut s, &format!("ex_{}", xml_escape(name)), v);
            }
        }
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_keeps_line_breaks_and_drops_what_xml_cannot_carry() {
        assert_eq!(
            xml_escape("A & <B> \"C\" 'D' \\"),
            "A &amp; &lt;B&gt; &quot;C&quot; &apos;D&apos; \\"
        );
        assert_eq!(xml_escape("one\ntwo\tthree\r"), "one&#10;two&#9;three&#13;");
        assert_eq!(xml_escape("bell\u{7}سرايا"), "bellسرايا");
    }
}
