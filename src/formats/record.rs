//! What every graph format writes about each node and edge, computed once per write:
//! the writers serialise these records, each under its own names and layout, instead of
//! each keeping its own list of values to work out.
//!
//! A node record holds the id, label, type, mention and document counts, first and last
//! dates, colour (the `color` attribute when it is `#rrggbb`, else the type's), shape,
//! size and the extra attributes; an edge record its id (`eN`, N counting edges in
//! (source, target, relation) order, the same in every format), ends, relation,
//! direction, weight, number of evidence records, first and last evidence dates, colour
//! (from its `color` attribute only), width and extra attributes. The extra attributes'
//! names are listed once for the whole graph, sorted; each format cleans them for itself
//! ([`super::style::extra_columns`]), since each reserves different names.

use super::style::{
    all_undirected, edge_attr_names, edge_color, edge_width, hex, node_attr_names, node_color,
    node_size, shape_of,
};
use crate::graph::{Evidence, Graph};
use std::collections::BTreeMap;

/// One node, as every format writes it.
#[derive(Debug, Clone)]
pub struct NodeRecord<'g> {
    /// Entity id.
    pub id: &'g str,
    /// Canonical name.
    pub label: &'g str,
    /// Entity type name (`person`, ...).
    pub kind: &'static str,
    /// Number of mentions.
    pub mentions: u64,
    /// Number of documents that mention it.
    pub documents: usize,
    /// Earliest document date.
    pub first_seen: Option<&'g str>,
    /// Latest document date.
    pub last_seen: Option<&'g str>,
    /// Fill colour.
    pub color: (u8, u8, u8),
    /// The colour as `#rrggbb`.
    pub color_hex: String,
    /// Graphviz shape, by type.
    pub shape: &'static str,
    /// Size, by mentions.
    pub size: f64,
    /// Extra attributes by name in the graph.
    pub attrs: &'g BTreeMap<String, String>,
}

/// One edge, as every format writes it.
#[derive(Debug, Clone)]
pub struct EdgeRecord<'g> {
    /// `eN`.
    pub id: String,
    /// Source entity id.
    pub source: &'g str,
    /// Target entity id.
    pub target: &'g str,
    /// Relation type.
    pub relation: &'g str,
    /// Whether it has a direction.
    pub directed: bool,
    /// Supporting sentences.
    pub weight: u64,
    /// Number of evidence records.
    pub evidence: usize,
    /// The evidence records themselves (document, date, sentence), for the formats that
    /// carry them.
    pub sentences: &'g [Evidence],
    /// Earliest evidence date.
    pub first_date: Option<&'g str>,
    /// Latest evidence date.
    pub last_date: Option<&'g str>,
    /// Line colour, when its `color` attribute sets one.
    pub color: Option<(u8, u8, u8)>,
    /// Line width, by weight.
    pub width: f64,
    /// Extra attributes by name in the graph.
    pub attrs: &'g BTreeMap<String, String>,
}

/// The records of a whole graph.
#[derive(Debug, Clone)]
pub struct Records<'g> {
    /// Nodes, sorted by id.
    pub nodes: Vec<NodeRecord<'g>>,
    /// Edges, sorted by (source, target, relation).
    pub edges: Vec<EdgeRecord<'g>>,
    /// Names of the extra node attributes, sorted.
    pub node_attrs: Vec<String>,
    /// Names of the extra edge attributes, sorted.
    pub edge_attrs: Vec<String>,
    /// False when every edge is undirected (an empty graph too): formats then declare the
    /// graph undirected as a whole.
    pub directed: bool,
    /// Number of documents the graph was built from.
    pub documents: usize,
    /// True when any of those documents has a date.
    pub dated: bool,
}

impl<'g> Records<'g> {
    /// Works out every record of `graph`.
    pub fn of(graph: &'g Graph) -> Records<'g> {
        let nodes = graph
            .nodes()
            .map(|n| {
                let color = node_color(n);
                NodeRecord {
                    id: &n.id,
                    label: &n.label,
                    kind: n.kind.as_str(),
                    mentions: n.mentions,
                    documents: n.documents.len(),
                    first_seen: n.first_seen.as_deref(),
                    last_seen: n.last_seen.as_deref(),
                    color,
                    color_hex: hex(color),
                    shape: shape_of(n.kind),
                    size: node_size(n.mentions),
                    attrs: &n.attrs,
                }
            })
            .collect();
        let edges = graph
            .edges()
            .enumerate()
            .map(|(i, e)| EdgeRecord {
                id: format!("e{i}"),
                source: &e.source,
                target: &e.target,
                relation: &e.relation,
                directed: e.directed,
                weight: e.weight,
                evidence: e.evidence.len(),
                sentences: &e.evidence,
                first_date: e.first_date(),
                last_date: e.last_date(),
                color: edge_color(e),
                width: edge_width(e.weight),
                attrs: &e.attrs,
            })
            .collect();
        Records {
            nodes,
            edges,
            node_attrs: node_attr_names(graph),
            edge_attrs: edge_attr_names(graph),
            directed: !all_undirected(graph),
            documents: graph.documents().len(),
            dated: graph.documents().iter().any(|d| d.date.is_some()),
        }
    }
}
