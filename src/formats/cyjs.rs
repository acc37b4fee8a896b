//! Cytoscape JSON (`.cyjs`): what Cytoscape.js's `cy.json(...)` and Cytoscape desktop's
//! File → Import → Network from File read.
//!
//! ```json
//! {"format_version": "1.0", "generated_by": "newsgraph",
//!  "target_cytoscapejs_version": "~3.0",
//!  "data": {"name": "newsgraph", "documents": 5},
//!  "elements": {
//!   "nodes": [{"data": {"id": "iraq", "name": "Iraq", "label": "Iraq",
//!              "type": "government", "mentions": 3, "documents": 2,
//!              "first_seen": "2020-01-05", "last_seen": "2020-02-01",
//!              "color": "#0f9d58", "size": 15.66}}],
//!   "edges": [{"data": {"id": "e0", "source": "iran", "target": "iraq",
//!              "interaction": "co_occurs", "relation": "co_occurs", "directed": false,
//!              "weight": 2, "first_date": "2020-01-05", "last_date": "2020-02-01",
//!              "evidence": [{"document": "a.txt", "date": "2020-01-05",
//!                            "sentence": "..."}]}}]}}
//! ```
//! `name` and `interaction` are the columns Cytoscape desktop shows as node name and edge
//! interaction. Every edge is one element; `directed` says whether the relation has a
//! direction (Cytoscape draws every edge from source to target: style undirected ones by
//! `edge[!directed]`). `evidence` lists every supporting sentence with its document and
//! date (left out when unknown). Dates are left out where none is known; extra attributes
//! are string members under their cleaned names ([`super::style::extra_columns`]). Keys
//! are sorted; the text is pretty printed and ends in a newline.

use super::record::{EdgeRecord, Records};
use super::style::extra_columns;
use crate::graph::Graph;
use serde_json::{Map, Value, json};

const NODE_RESERVED: &[&str] = &[
    "id",
    "name",
    "label",
    "type",
    "mentions",
    "documents",
    "first_seen",
    "last_seen",
    "color",
    "size",
];

const EDGE_RESERVED: &[&str] = &[
    "id",
    "source",
    "target",
    "interaction",
    "relation",
    "directed",
    "weight",
    "first_date",
    "last_date",
    "evidence",
];

fn put_opt(m: &mut Map<String, Value>, key: &str, v: Option<&str>) {
    if let Some(v) = v {
        m.insert(key.into(), Value::String(v.into()));
    }
}

/// The evidence of an edge as `[{"document", "date", "sentence"}]`, shared by the JSON
/// formats that carry it.
pub(crate) fn evidence_list(e: &EdgeRecord) -> Value {
    Value::Array(
        e.sentences
            .iter()
            .map(|ev| {
                let mut m = Map::new();
                m.insert("document".into(), json!(ev.doc));
                put_opt(&mut m, "date", ev.date.as_deref());
                m.insert("sentence".into(), json!(ev.text));
                Value::Object(m)
            })
            .collect(),
    )
}

/// The graph as Cytoscape JSON.
pub fn to_cyjs(graph: &Graph) -> String {
    let records = Records::of(graph);
    let mut node_extras = extra_columns(records.node_attrs.clone(), NODE_RESERVED);
    node_extras.retain(|(_, name)| name != "color");
    let edge_extras = extra_columns(records.edge_attrs.clone(), EDGE_RESERVED);
    let nodes: Vec<Value> = records
        .nodes
        .iter()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".into(), json!(n.id));
            m.insert("name".into(), json!(n.label));
            m.insert("label".into(), json!(n.label));
            m.insert("type".into(), json!(n.kind));
            m.insert("mentions".into(), json!(n.mentions));
            m.insert("documents".into(), json!(n.documents));
            put_opt(&mut m, "first_seen", n.first_seen);
            put_opt(&mut m, "last_seen", n.last_seen);
            m.insert("color".into(), json!(n.color_hex));
            m.insert("size".into(), json!(n.size));
            for (name, attr) in &node_extras {
                put_opt(&mut m, name, n.attrs.get(attr).map(String::as_str));
            }
            json!({ "data": m })
        })
        .collect();
    let edges: Vec<Value> = records
        .edges
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("id".into(), json!(e.id));
            m.insert("source".into(), json!(e.source));
            m.insert("target".into(), json!(e.target));
            m.insert("interaction".into(), json!(e.relation));
            m.insert("relation".into(), json!(e.relation));
            m.insert("directed".into(), json!(e.directed));
            m.insert("weight".into(), json!(e.weight));
            put_opt(&mut m, "first_date", e.first_date);
            put_opt(&mut m, "last_date", e.last_date);
            m.insert("evidence".into(), evidence_list(e));
            for (name, attr) in &edge_extras {
                put_opt(&mut m, name, e.attrs.get(attr).map(String::as_str));
            }
            json!({ "data": m })
        })
        .collect();
    let doc = json!({
        "format_version": "1.0",
        "generated_by": "newsgraph",
        "target_cytoscapejs_version": "~3.0",
        "data": {"name": "newsgraph", "documents": records.documents},
        "elements": {"nodes": nodes, "edges": edges},
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    s.push('\n');
    s
}
