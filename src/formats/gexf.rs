//! GEXF 1.3, Gephi's native format, with its timeline.
//!
//! Written, in this order:
//! - `<gexf version="1.3">` with the GEXF and `viz` namespaces, and `<meta>` with
//!   `<creator>newsgraph</creator>` and a `<description>` counting documents;
//! - one `<graph>`: `defaultedgetype="undirected"` when every edge is undirected, else
//!   `"directed"`; when any document has a date, `mode="dynamic" timeformat="date"
//!   timerepresentation="interval"`, else `mode="static"`;
//! - `<attributes class="node" mode="static">` declaring `type` (string), `mentions`
//!   (integer), `documents` (integer), `first_seen` and `last_seen` (string), then one
//!   string attribute per extra node attribute; `<attributes class="edge" mode="static">`
//!   declaring `relation` (string), `evidence` (integer), `first_date`, `last_date`
//!   (string) and the extra edge attributes. Attribute ids equal their titles; extra names
//!   are cleaned by [`super::style::extra_columns`];
//! - `<nodes count>`: `<node id label [start end]>` with `<attvalues>`, `<viz:color r g b>`
//!   (by type, or the node's `color` attribute) and `<viz:size value>` (by mentions);
//! - `<edges count>`: `<edge id="eN" source target type label weight kind [start end]>`:
//!   `type` is `directed` or `undirected` per relation, `label` and `kind` are the relation
//!   (Gephi keeps parallel edges of different kinds apart), `weight` the supporting
//!   sentences; then `<attvalues>`, `<viz:thickness value>` (by weight) and `<viz:color>`
//!   when the edge has a `color` attribute.
//!
//! Time: `start`/`end` are the first and last dates an entity was mentioned or an edge had
//! evidence, so Gephi's timeline replays the corpus. Dates come from the documents: the
//! `date` field of a JSON Lines record, else a `YYYY-MM-DD` in the file name, else a date
//! line among a text file's first lines (see [`crate::corpus`]). Undated nodes and edges
//! carry no `start`/`end` and stay visible throughout.
//!
//! Text is XML-escaped as in GraphML. As with GraphML, networkx reads graphs whose edges
//! are all directed or all undirected and refuses mixed ones (`build --edges
//! directed|undirected` writes one kind); graphology reads the mixed graph as it is.
//! networkx 3.3 and older know GEXF 1.1 and 1.2 only.

use super::graphml::xml_escape;
use super::record::Records;
use super::style::extra_columns;
use crate::graph::Graph;
use std::fmt::Write;

const NODE_ATTRS: &[(&str, &str)] = &[
    ("type", "string"),
    ("mentions", "integer"),
    ("documents", "integer"),
    ("first_seen", "string"),
    ("last_seen", "string"),
];

const EDGE_ATTRS: &[(&str, &str)] = &[
    ("relation", "string"),
    ("evidence", "integer"),
    ("first_date", "string"),
    ("last_date", "string"),
];

/// Names an extra attribute may not take: the declared ones and the XML attributes of
/// `<node>`/`<edge>`, which networkx puts in the same dictionary.
const RESERVED: &[&str] = &[
    "type",
    "mentions",
    "documents",
    "first_seen",
    "last_seen",
    "relation",
    "evidence",
    "first_date",
    "last_date",
    "id",
    "label",
    "weight",
    "start",
    "end",
    "viz",
    "kind",
];

fn attvalue(s: &mut String, id: &str, value: &str) {
    let _ = writeln!(
        s,
        "          <attvalue for=\"{}\" value=\"{}\"/>",
        xml_escape(id),
        xml_escape(value)
    );
}

fn spell(start: Option<&str>, end: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(d) = start {
        let _ = write!(out, " start=\"{d}\"");
    }
    if let Some(d) = end {
        let _ = write!(out, " end=\"{d}\"");
    }
    out
}

fn declare(s: &mut String, class: &str, attrs: &[(&str, &str)], extras: &[(String, String)]) {
    let _ = writeln!(s, "    <attributes class=\"{class}\" mode=\"static\">");
    for (id, ty) in attrs {
        let _ = writeln!(
            s,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{ty}\"/>"
        );
    }
    for (name, _) in extras {
        let n = xml_escape(name);
        let _ = writeln!(
            s,
            "      <attribute id=\"{n}\" title=\"{n}\" type=\"string\"/>"
        );
    }
    s.push_str("    </attributes>\n");
}

/// The graph as GEXF 1.3.
pub fn to_gexf(graph: &Graph) -> String {
    let records = Records::of(graph);
    let node_extras = extra_columns(records.node_attrs.clone(), RESERVED);
    let edge_extras = extra_columns(records.edge_attrs.clone(), RESERVED);
    let dated = records.dated;
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n");
    s.push_str("  <meta>\n    <creator>newsgraph</creator>\n");
    let _ = writeln!(
        s,
        "    <description>Entities and relations found in {} documents</description>\n  </meta>",
        records.documents
    );
    let default = if records.directed {
        "directed"
    } else {
        "undirected"
    };
    let mode = if dated {
        "mode=\"dynamic\" timeformat=\"date\" timerepresentation=\"interval\""
    } else {
        "mode=\"static\""
    };
    let _ = writeln!(s, "  <graph defaultedgetype=\"{default}\" {mode}>");
    declare(&mut s, "node", NODE_ATTRS, &node_extras);
    declare(&mut s, "edge", EDGE_ATTRS, &edge_extras);
    let _ = writeln!(s, "    <nodes count=\"{}\">", records.nodes.len());
    for n in &records.nodes {
        let (r, g, b) = n.color;
        let time = spell(n.first_seen, n.last_seen);
        let _ = writeln!(
            s,
            "      <node id=\"{}\" label=\"{}\"{time}>",
            xml_escape(n.id),
            xml_escape(n.label)
        );
        s.push_str("        <attvalues>\n");
        attvalue(&mut s, "type", n.kind);
        attvalue(&mut s, "mentions", &n.mentions.to_string());
        attvalue(&mut s, "documents", &n.documents.to_string());
        if let Some(d) = n.first_seen {
            attvalue(&mut s, "first_seen", d);
        }
        if let Some(d) = n.last_seen {
            attvalue(&mut s, "last_seen", d);
        }
        for (name, attr) in &node_extras {
            if let Some(v) = n.attrs.get(attr) {
                attvalue(&mut s, name, v);
            }
        }
        s.push_str("        </attvalues>\n");
        let _ = writeln!(s, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        let _ = writeln!(s, "        <viz:size value=\"{:?}\"/>", n.size);
        s.push_str("      </node>\n");
    }
    s.push_str("    </nodes>\n");
    let _ = writeln!(s, "    <edges count=\"{}\">", records.edges.len());
    for e in &records.edges {
        let kind = if e.directed { "directed" } else { "undirected" };
        let time = spell(e.first_date, e.last_date);
        let rel = xml_escape(e.relation);
        let _ = writeln!(
            s,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\" type=\"{kind}\" label=\"{rel}\" weight=\"{:?}\" kind=\"{rel}\"{time}>",
            e.id,
            xml_escape(e.source),
            xml_escape(e.target),
            e.weight as f64,
        );
        s.push_str("        <attvalues>\n");
        attvalue(&mut s, "relation", e.relation);
        attvalue(&mut s, "evidence", &e.evidence.to_string());
        if let Some(d) = e.first_date {
            attvalue(&mut s, "first_date", d);
        }
        if let Some(d) = e.last_date {
            attvalue(&mut s, "last_date", d);
        }
        for (name, attr) in &edge_extras {
            if let Some(v) = e.attrs.get(attr) {
                attvalue(&mut s, name, v);
            }
        }
        s.push_str("        </attvalues>\n");
        let _ = writeln!(s, "        <viz:thickness value=\"{:?}\"/>", e.width);
        if let Some((r, g, b)) = e.color {
            let _ = writeln!(s, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
        }
        s.push_str("      </edge>\n");
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}
