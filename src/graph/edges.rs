//! One kind of edge per file, for the readers that hold a graph as either directed or
//! undirected (networkx, igraph, graphology's GraphML reader): [`EdgeMode`] and
//! [`Graph::with_edges`].
//!
//! A newsgraph graph is mixed: typed relations have a direction (`blamed`, `leads`),
//! co-occurrence and `met` do not. Such readers refuse a mixed file or read every edge
//! as directed without a word. The modes give each of them a graph it reads as meant:
//! - [`EdgeMode::Mixed`], the graph as it is (Gephi, graphology's GEXF reader);
//! - [`EdgeMode::Directed`], every edge directed: a directed relation as it is, an
//!   undirected one as a reciprocal pair (`a → b` and `b → a`, same relation, weight and
//!   evidence), and every edge carries the extra attribute `reciprocal` = `true` for the
//!   two halves of a pair and `false` otherwise, so that a pair can be told from two
//!   relations that happen to point both ways;
//! - [`EdgeMode::Undirected`], only the undirected edges (the co-occurrence and `met`
//!   network), declared undirected; the directed relations are left out.

use super::{Edge, Graph};

/// Which edges a file holds, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EdgeMode {
    /// Directed and undirected edges together, as in the graph.
    #[default]
    Mixed,
    /// Every edge directed; each undirected edge as a reciprocal pair.
    Directed,
    /// Only the undirected edges.
    Undirected,
}

/// The extra edge attribute that marks the halves of a reciprocal pair.
pub const RECIPROCAL: &str = "reciprocal";

impl Graph {
    /// The graph with its edges as `mode` says (see the module documentation); nodes and
    /// documents are kept.
    pub fn with_edges(&self, mode: EdgeMode) -> Graph {
        let edges: Vec<Edge> = match mode {
            EdgeMode::Mixed => return self.clone(),
            EdgeMode::Undirected => self.edges().filter(|e| !e.directed).cloned().collect(),
            EdgeMode::Directed => {
                let mut out = Vec::with_capacity(self.edge_count() * 2);
                for e in self.edges() {
                    let mut e = e.clone();
                    let pair = !e.directed;
                    e.directed = true;
                    e.attrs.insert(RECIPROCAL.into(), pair.to_string());
                    if pair && e.source != e.target {
                        let mut back = e.clone();
                        std::mem::swap(&mut back.source, &mut back.target);
                        for ev in &mut back.evidence {
                            std::mem::swap(&mut ev.source_span, &mut ev.target_span);
                        }
                        out.push(back);
                    }
                    out.push(e);
                }
                out
            }
        };
        Graph::from_parts(
            self.nodes().cloned().collect(),
            edges,
            self.documents().to_vec(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityType;
    use crate::graph::Node;

    fn graph() -> Graph {
        let n = |id: &str| Node::new(id, id, EntityType::Militia);
        Graph::from_parts(
            vec![n("a"), n("b"), n("c")],
            vec![
                Edge::new("a", "b", "co_occurs", false, vec![]),
                Edge::new("a", "b", "backed_by", true, vec![]),
                Edge::new("c", "a", "blamed", true, vec![]),
            ],
            vec![],
        )
    }

    fn keys(g: &Graph) -> Vec<(String, String, String, bool, String)> {
        g.edges()
            .map(|e| {
                (
                    e.source.clone(),
                    e.target.clone(),
                    e.relation.clone(),
                    e.directed,
                    e.attrs.get(RECIPROCAL).cloned().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn directed_writes_an_undirected_edge_as_a_marked_reciprocal_pair() {
        let k = |s: &str, t: &str, r: &str, p: &str| {
            (s.into(), t.into(), r.into(), true, p.to_string())
        };
        assert_eq!(
            keys(&graph().with_edges(EdgeMode::Directed)),
            [
                k("a", "b", "backed_by", "false"),
                k("a", "b", "co_occurs", "true"),
                k("b", "a", "co_occurs", "true"),
                k("c", "a", "blamed", "false"),
            ]
        );
    }

    #[test]
    fn undirected_keeps_only_the_undirected_edges_and_every_node() {
        let g = graph().with_edges(EdgeMode::Undirected);
        assert_eq!(g.node_count(), 3);
        assert_eq!(
            keys(&g),
            [(
                "a".into(),
                "b".into(),
                "co_occurs".into(),
                false,
                String::new()
            )]
        );
    }
}
