//! The entity-and-relation graph, on petgraph.
//!
//! Nodes are keyed by entity id, edges by (source, target, relation). The graph is built
//! in sorted order, so node and edge order (and every file written from it) depends only
//! on the input. `graph.json` ([`Graph::to_json`], [`Graph::from_json`], in
//! [`crate::formats::json`]) is the lossless form that the inspection and diff commands
//! read back.

mod build;
pub mod diff;
mod edges;
mod filter;
mod lookup;
mod neighborhood;
mod stats;

pub use build::GraphBuilder;
pub use edges::{EdgeMode, RECIPROCAL};
pub use filter::Filter;
pub use lookup::{Candidate, Resolution, resolve};
pub use stats::{Centrality, PAGERANK_DAMPING, PAGERANK_ITERATIONS, weighted_degrees};

use crate::gazetteer::EntityType;
use crate::text::Span;
use petgraph::graph::{DiGraph, NodeIndex};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A document of the corpus the graph was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// Document id.
    pub id: String,
    /// Publication date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// An entity in the graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// Entity id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Number of mentions in the corpus.
    pub mentions: u64,
    /// Ids of the documents that mention it, sorted.
    pub documents: Vec<String>,
    /// Surface forms seen in the text, with their counts.
    pub aliases: BTreeMap<String, u64>,
    /// Earliest document date, when dates are known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    /// Latest document date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
    /// Extra string attributes (such as `change` in a diff graph), written by every
    /// exporter as additional attributes; `color` (`#rrggbb`) overrides the type colour.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
}

impl Node {
    /// A node with no mentions, documents, dates or extra attributes yet.
    pub fn new(id: impl Into<String>, label: impl Into<String>, kind: EntityType) -> Node {
        Node {
            id: id.into(),
            label: label.into(),
            kind,
            mentions: 0,
            documents: Vec::new(),
            aliases: BTreeMap::new(),
            first_seen: None,
            last_seen: None,
            attrs: BTreeMap::new(),
        }
    }
}

/// One sentence that supports an edge.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Byte range of the sentence in the document.
    pub sentence: Span,
    /// Byte range of the source entity's mention.
    pub source_span: Span,
    /// Byte range of the target entity's mention.
    pub target_span: Span,
    /// Id of the rule that produced it (none for co-occurrence).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Document date, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The sentence text.
    pub text: String,
}

/// A relation between two entities, with all its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// Source entity id (for undirected edges, the smaller id).
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// Relation type.
    pub relation: String,
    /// Whether the relation has a direction (`co_occurs` and `met` do not).
    pub directed: bool,
    /// Number of distinct sentences that support it.
    pub weight: u64,
    /// Supporting sentences, sorted by document and position.
    pub evidence: Vec<Evidence>,
    /// Extra string attributes, as on [`Node::attrs`].
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
}

impl Edge {
    /// An edge supported by `evidence`; its weight is the number of distinct sentences.
    pub fn new(
        source: impl Into<String>,
        target: impl Into<String>,
        relation: impl Into<String>,
        directed: bool,
        evidence: Vec<Evidence>,
    ) -> Edge {
        let mut edge = Edge {
            source: source.into(),
            target: target.into(),
            relation: relation.into(),
            directed,
            weight: 0,
            evidence,
            attrs: BTreeMap::new(),
        };
        edge.weight = edge.sentence_count();
        edge
    }

    /// Number of distinct (document, sentence) pairs among the evidence.
    pub fn sentence_count(&self) -> u64 {
        let sentences: std::collections::BTreeSet<(&str, Span)> = self
            .evidence
            .iter()
            .map(|e| (e.doc.as_str(), e.sentence))
            .collect();
        sentences.len() as u64
    }

    /// True for a co-occurrence edge (`co_occurs`), false for a typed relation.
    pub fn is_cooccurrence(&self) -> bool {
        self.relation == crate::link::CO_OCCURS
    }

    /// The order in which to show the edges between two entities, best first: typed
    /// relations before co-occurrence, then the heaviest, then by relation name.
    pub fn rank(&self) -> (bool, std::cmp::Reverse<u64>, &str) {
        (
            self.is_cooccurrence(),
            std::cmp::Reverse(self.weight),
            &self.relation,
        )
    }

    /// The edge to show for a pair of entities (a hop of a path, a neighbour): the first
    /// in [`Edge::rank`] order.
    pub fn best<'a>(edges: &[&'a Edge]) -> Option<&'a Edge> {
        edges.iter().copied().min_by(|a, b| a.rank().cmp(&b.rank()))
    }

    /// The edge's key: (source, target, relation).
    pub fn key(&self) -> (&str, &str, &str) {
        (&self.source, &self.target, &self.relation)
    }

    /// Earliest evidence date.
    pub fn first_date(&self) -> Option<&str> {
        self.evidence.iter().filter_map(|e| e.date.as_deref()).min()
    }

    /// Latest evidence date.
    pub fn last_date(&self) -> Option<&str> {
        self.evidence.iter().filter_map(|e| e.date.as_deref()).max()
    }
}

/// The graph: petgraph storage plus an index of nodes by id. Edges are stored in key
/// order (petgraph keeps insertion order and nothing is ever removed), so iterating them
/// is sorted and finding one is a binary search, with no second copy of the keys.
#[derive(Debug, Clone, Default)]
pub struct Graph {
    inner: DiGraph<Node, Edge>,
    nodes: BTreeMap<String, NodeIndex>,
    documents: Vec<DocInfo>,
}

impl Graph {
    /// Builds a graph from nodes and edges in any order; they are sorted here.
    /// Edges whose ends are not nodes are dropped.
    pub fn from_parts(
        mut nodes: Vec<Node>,
        mut edges: Vec<Edge>,
        mut documents: Vec<DocInfo>,
    ) -> Graph {
        if !nodes.is_sorted_by(|a, b| a.id <= b.id) {
            nodes.sort_by(|a, b| a.id.cmp(&b.id));
        }
        nodes.dedup_by(|a, b| a.id == b.id);
        if !edges.is_sorted_by(|a, b| a.key() <= b.key()) {
            edges.sort_by(|a, b| a.key().cmp(&b.key()));
        }
        documents.sort_by(|a, b| a.id.cmp(&b.id));
        // Sorted input: duplicates are adjacent (the first one given wins, as the sort is
        // stable), and edges go into petgraph in key order.
        edges.dedup_by(|a, b| a.key() == b.key());
        let mut inner = DiGraph::with_capacity(nodes.len(), edges.len());
        let mut ids: Vec<(String, NodeIndex)> = Vec::with_capacity(nodes.len());
        for n in nodes {
            let id = n.id.clone();
            ids.push((id, inner.add_node(n)));
        }
        // Edges come sorted by source: the source is looked up once per run of edges;
        // chunks of edges are resolved in parallel.
        let index: std::collections::HashMap<&str, NodeIndex> =
            ids.iter().map(|(id, ix)| (id.as_str(), *ix)).collect();
        let ends: Vec<Option<(NodeIndex, NodeIndex)>> = {
            use rayon::prelude::*;
            let index = &index;
            edges
                .par_chunks(16 * 1024)
                .flat_map_iter(|chunk| {
                    let mut last: Option<(&str, Option<NodeIndex>)> = None;
                    chunk.iter().map(move |e| {
                        let s = match last {
                            Some((id, ix)) if id == e.source => ix,
                            _ => {
                                let ix = index.get(e.source.as_str()).copied();
                                last = Some((&e.source, ix));
                                ix
                            }
                        };
                        s.zip(index.get(e.target.as_str()).copied())
                    })
                })
                .collect()
        };
        drop(index);
        for (e, ends) in edges.into_iter().zip(ends) {
            if let Some((s, t)) = ends {
                inner.add_edge(s, t, e);
            }
        }
        let nodes: BTreeMap<String, NodeIndex> = ids.into_iter().collect();
        Graph {
            inner,
            nodes,
            documents,
        }
    }

    /// Nodes sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> + '_ {
        self.nodes.values().map(|&ix| &self.inner[ix])
    }

    /// Edges sorted by (source, target, relation).
    pub fn edges(&self) -> impl Iterator<Item = &Edge> + '_ {
        self.inner.edge_weights()
    }

    /// The node with this entity id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.get(id).map(|&ix| &self.inner[ix])
    }

    /// The edge with this key.
    pub fn edge(&self, source: &str, target: &str, relation: &str) -> Option<&Edge> {
        let edges = self.inner.raw_edges();
        edges
            .binary_search_by(|e| {
                let w = &e.weight;
                (w.source.as_str(), w.target.as_str(), w.relation.as_str())
                    .cmp(&(source, target, relation))
            })
            .ok()
            .map(|i| &edges[i].weight)
    }

    /// Edges that touch `id`, sorted by key.
    pub fn edges_of<'a>(&'a self, id: &str) -> Vec<&'a Edge> {
        let Some(&ix) = self.nodes.get(id) else {
            return Vec::new();
        };
        let mut out: Vec<&Edge> = self
            .inner
            .edges_directed(ix, petgraph::Direction::Outgoing)
            .chain(self.inner.edges_directed(ix, petgraph::Direction::Incoming))
            .map(|e| e.weight())
            .collect();
        out.sort_by(|a, b| {
            (&a.source, &a.target, &a.relation).cmp(&(&b.source, &b.target, &b.relation))
        });
        out.dedup_by(|a, b| {
            (&a.source, &a.target, &a.relation) == (&b.source, &b.target, &b.relation)
        });
        out
    }

    /// The documents the graph was built from, sorted by id.
    pub fn documents(&self) -> &[DocInfo] {
        &self.documents
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.inner.edge_count()
    }

    /// The underlying petgraph graph (node and edge indices follow the sorted order).
    pub fn petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.inner
    }
}
