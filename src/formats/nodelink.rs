//! Node-link JSON for scripts: what networkx's `node_link_graph` reads (networkx 3.4 and
//! later, `edges="edges"`; d3 and most JavaScript graph libraries read the same shape).
//!
//! ```json
//! {"directed": false, "multigraph": true,
//!  "graph": {"name": "newsgraph", "documents": 5},
//!  "nodes": [{"id": "iraq", "label": "Iraq", "type": "government", "mentions": 3,
//!             "documents": 2, "first_seen": "2020-01-05", "last_seen": "2020-02-01",
//!             "color": "#0f9d58", "size": 15.66}],
//!  "edges": [{"source": "iran", "target": "iraq", "key": "co_occurs",
//!             "relation": "co_occurs", "label": "co_occurs", "directed": false,
//!             "weight": 2, "evidence": 2, "first_date": "2020-01-05",
//!             "last_date": "2020-02-01", "width": 1.69}]}
//! ```
//! `directed` is false when every edge is undirected; in a mixed graph it is true and each
//! edge's own `directed` says which relations have no direction. The graph is a
//! multigraph keyed by relation, so parallel edges of different relations stay apart.
//! `documents` counts the documents that mention the node; `color` is the type's colour
//! or the node's `color` attribute; `first_seen`/`last_seen`/`first_date`/`last_date` are
//! left out where no date is known. Extra attributes are string members under their
//! cleaned names ([`super::style::extra_columns`]). Keys are sorted; the text is pretty
//! printed and ends in a newline.

use super::record::Records;
use super::style::extra_columns;
use crate::graph::Graph;
use serde_json::{Map, Value, json};

const NODE_RESERVED: &[&str] = &[
    "id",
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
    "source",
    "target",
    "key",
    "relation",
    "label",
    "directed",
    "weight",
    "evidence",
    "first_date",
    "last_date",
    "width",
];

fn put_opt(m: &mut Map<String, Value>, key: &str, v: Option<&str>) {
    if let Some(v) = v {
        m.insert(key.into(), Value::String(v.into()));
    }
}

/// The graph as node-link JSON.
pub fn to_node_link(graph: &Graph) -> String {
    let records = Records::of(graph);
    let mut node_extras = extra_columns(records.node_attrs.clone(), NODE_RESERVED);
    let edge_extras = extra_columns(records.edge_attrs.clone(), EDGE_RESERVED);
    // `color` is written from the node's colour already.
    node_extras.retain(|(_, name)| name != "color");
    let nodes: Vec<Value> = records
        .nodes
        .iter()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".into(), json!(n.id));
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
            Value::Object(m)
        })
        .collect();
    let edges: Vec<Value> = records
        .edges
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("source".into(), json!(e.source));
            m.insert("target".into(), json!(e.target));
            m.insert("key".into(), json!(e.relation));
            m.insert("relation".into(), json!(e.relation));
            m.insert("label".into(), json!(e.relation));
            m.insert("directed".into(), json!(e.directed));
            m.insert("weight".into(), json!(e.weight));
            m.insert("evidence".into(), json!(e.evidence));
            put_opt(&mut m, "first_date", e.first_date);
            put_opt(&mut m, "last_date", e.last_date);
            m.insert("width".into(), json!(e.width));
            for (name, attr) in &edge_extras {
                put_opt(&mut m, name, e.attrs.get(attr).map(String::as_str));
            }
            Value::Object(m)
        })
        .collect();
    let doc = json!({
        "directed": records.directed,
        "multigraph": true,
        "graph": {"name": "newsgraph", "documents": records.documents},
        "nodes": nodes,
        "edges": edges,
    });
    let mut s = serde_json::to_string_pretty(&doc).expect("JSON values serialize");
    s.push('\n');
    s
}
