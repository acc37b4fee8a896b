//! graphology's serialization format (`.graphology.json`): what `Graph.from(json)` and
//! `graph.import(json)` read in JavaScript, a mixed multigraph as newsgraph builds it.
//!
//! ```json
//! {"attributes": {"name": "newsgraph", "documents": 5},
//!  "options": {"type": "mixed", "multi": true, "allowSelfLoops": true},
//!  "nodes": [{"key": "iraq", "attributes": {"label": "Iraq", "type": "government",
//!             "mentions": 3, "documents": 2, "first_seen": "2020-01-05",
//!             "last_seen": "2020-02-01", "color": "#0f9d58", "size": 15.66}}],
//!  "edges": [{"key": "e0", "source": "iran", "target": "iraq", "undirected": true,
//!             "attributes": {"relation": "co_occurs", "label": "co_occurs",
//!                            "weight": 2, "first_date": "2020-01-05",
//!                            "last_date": "2020-02-01",
//!                            "evidence": [{"document": "a.txt", "date": "2020-01-05",
//!                                          "sentence": "..."}]}}]}
//! ```
//! `undirected` is true for co-occurrence and `met`, so graphology keeps each edge's
//! meaning; `options.type` is `mixed`, or `directed`/`undirected` when every edge is of
//! one kind. `evidence` lists every supporting sentence with its document and date.
//! Dates are left out where none is known; extra attributes are string members of
//! `attributes` under their cleaned names ([`super::style::extra_columns`]). Keys are
//! sorted; the text is pretty printed and ends in a newline.

use super::cyjs::evidence_list;
use super::record::Records;
use super::style::extra_columns;
use crate::graph::Graph;
use serde_json::{Map, Value, json};

const NODE_RESERVED: &[&str] = &[
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
    "relation",
    "label",
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

/// The graph in graphology's serialization format.
pub fn to_graphology(graph: &Graph) -> String {
    let records = Records::of(graph);
    let mut node_extras = extra_columns(records.node_attrs.clone(), NODE_RESERVED);
    node_extras.retain(|(_, name)| name != "color");
    let edge_extras = extra_columns(records.edge_attrs.clone(), EDGE_RESERVED);
    let nodes: Vec<Value> = records
        .nodes
        .iter()
        .map(|n| {
            let mut m = Map::new();
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
            json!({"key": n.id, "attributes": m})
        })
        .collect();
    let edges: Vec<Value> = records
        .edges
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("relation".into(), json!(e.relation));
            m.insert("label".into(), json!(e.relation));
            m.insert("weight".into(), json!(e.weight));
            put_opt(&mut m, "first_date", e.first_date);
            put_opt(&mut m, "last_date", e.last_date);
            m.insert("evidence".into(), evidence_list(e));
            for (name, attr) in &edge_extras {
                put_opt(&mut m, name, e.attrs.get(attr).map(String::as_str));
            }
            json!({
                "key": e.id,
                "source": e.source,
                "target": e.target,
                "undirected": !e.directed,
                "attributes": m,
            })
        })
        .collect();
    let kinds = (
        records.edges.iter().any(|e| e.directed),
        records.edges.iter().any(|e| !e.directed),
    );
    let kind = match kinds {
        (true, true) => "mixed",
        (true, false) => "directed",
        (false, true) => "undirected",
        (false, false) => "mixed",
    };
    let doc = json!({
        "attributes": {"name": "newsgraph", "documents": records.documents},
        "options": {"type": kind, "multi": true, "allowSelfLoops": true},
        "nodes": nodes,
        "edges": edges,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    s.push('\n');
    s
}
