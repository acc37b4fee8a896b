//! Whole-graph measures: counts by type, degree, weighted degree, PageRank and
//! connected components.
//!
//! Definitions: the *degree* of an entity is the number of distinct entities it shares
//! an edge with; its *weighted degree* is the sum of the weights (supporting sentences)
//! of its edges. *PageRank* runs on the edges as they point (an undirected edge counts
//! both ways), each edge weighted by its weight, with damping 0.85 and a fixed
//! [`PAGERANK_ITERATIONS`], the rank of entities without out-edges spread evenly; ranks
//! sum to 1. *Components* ignore direction.

use super::{Edge, Graph};
use crate::gazetteer::EntityType;
use std::collections::BTreeMap;

/// The weighted degree of every entity at the end of one of `edges`: the sum of the
/// weights of the edges that touch it (an edge from an entity to itself counts once).
/// The one definition behind `stats`, `--top` and `neighbors --top`.
pub fn weighted_degrees<'a>(edges: impl IntoIterator<Item = &'a Edge>) -> BTreeMap<&'a str, u64> {
    let mut degree: BTreeMap<&str, u64> = BTreeMap::new();
    for e in edges {
        let d = degree.entry(e.source.as_str()).or_default();
        *d = d.saturating_add(e.weight);
        if e.target != e.source {
            let d = degree.entry(e.target.as_str()).or_default();
            *d = d.saturating_add(e.weight);
        }
    }
    degree
}

/// Damping factor of [`Graph::page_rank`].
pub const PAGERANK_DAMPING: f64 = 0.85;
/// Number of power iterations of [`Graph::page_rank`] (fixed, so results are reproducible).
pub const PAGERANK_ITERATIONS: usize = 50;

/// Per-entity measures.
#[derive(Debug, Clone, PartialEq)]
pub struct Centrality {
    /// Entity id.
    pub id: String,
    /// Distinct neighbours.
    pub degree: usize,
    /// Sum of the weights of its edges.
    pub weighted_degree: u64,
    /// PageRank.
    pub pagerank: f64,
}

impl Graph {
    /// Number of entities of each type.
    pub fn count_by_type(&self) -> BTreeMap<EntityType, usize> {
        let mut out = BTreeMap::new();
        for n in self.nodes() {
            *out.entry(n.kind).or_insert(0) += 1;
        }
        out
    }

    /// Number of edges and their total weight for each relation type.
    pub fn count_by_relation(&self) -> BTreeMap<String, (usize, u64)> {
        let mut out: BTreeMap<String, (usize, u64)> = BTreeMap::new();
        for e in self.edges() {
            let c = out.entry(e.relation.clone()).or_default();
            c.0 += 1;
            c.1 = c.1.saturating_add(e.weight);
        }
        out
    }

    /// PageRank of every entity, indexed like [`Graph::nodes`] (sorted by id).
    pub fn page_rank(&self) -> Vec<f64> {
        let n = self.inner.node_count();
        if n == 0 {
            return Vec::new();
        }
        let mut out_links: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
        for e in self.inner.raw_edges() {
            let (s, t, w) = (
                e.source().index(),
                e.target().index(),
                e.weight.weight as f64,
            );
            out_links[s].push((t, w));
            if !e.weight.directed {
                out_links[t].push((s, w));
            }
        }
        let out_weight: Vec<f64> = out_links
            .iter()
            .map(|l| l.iter().map(|x| x.1).sum())
            .collect();
        let mut rank = vec![1.0 / n as f64; n];
        let mut next = vec![0.0; n];
        for _ in 0..PAGERANK_ITERATIONS {
            let dangling: f64 = (0..n)
                .filter(|&i| out_weight[i] <= 0.0)
                .map(|i| rank[i])
                .sum();
            let base = (1.0 - PAGERANK_DAMPING) / n as f64 + PAGERANK_DAMPING * dangling / n as f64;
            next.iter_mut().for_each(|x| *x = base);
            for (i, links) in out_links.iter().enumerate() {
                if out_weight[i] > 0.0 {
                    let share = PAGERANK_DAMPING * rank[i] / out_weight[i];
                    for &(t, w) in links {
                        next[t] += share * w;
                    }
                }
            }
            std::mem::swap(&mut rank, &mut next);
        }
        // Node indices follow the sorted id order, so this is already in `nodes()` order.
        rank
    }

    /// Degree, weighted degree and PageRank of every entity, sorted by id.
    pub fn centrality(&self) -> Vec<Centrality> {
        let ranks = self.page_rank();
        let weighted = weighted_degrees(self.edges());
        self.nodes()
            .zip(ranks)
            .map(|(n, pagerank)| {
                let ix = self.nodes[&n.id];
                Centrality {
                    id: n.id.clone(),
                    degree: self.neighbor_ids(ix).len(),
                    weighted_degree: weighted.get(n.id.as_str()).copied().unwrap_or(0),
                    pagerank,
                }
            })
            .collect()
    }

    /// Connected components (ignoring direction), each sorted by id; largest first, ties
    /// by smallest id.
    pub fn components(&self) -> Vec<Vec<String>> {
        let n = self.inner.node_count();
        let mut parent: Vec<usize> = (0..n).collect();
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for e in self.inner.raw_edges() {
            let (a, b) = (
                find(&mut parent, e.source().index()),
                find(&mut parent, e.target().index()),
            );
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
        let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for (i, node) in self.nodes().enumerate() {
            let root = find(&mut parent, i);
            groups.entry(root).or_default().push(node.id.clone());
        }
        let mut out: Vec<Vec<String>> = groups.into_values().collect();
        out.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a[0].cmp(&b[0])));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Edge, Node};

    fn node(id: &str) -> Node {
        Node {
            mentions: 1,
            ..Node::new(id, id, EntityType::Person)
        }
    }

    fn edge(s: &str, t: &str, rel: &str, weight: u64) -> Edge {
        Edge {
            source: s.into(),
            target: t.into(),
            relation: rel.into(),
            directed: rel != "co_occurs",
            weight,
            evidence: vec![],
            attrs: BTreeMap::new(),
        }
    }

    fn sample() -> Graph {
        Graph::from_parts(
            vec![node("a"), node("b"), node("c"), node("d"), node("e")],
            vec![
                edge("a", "b", "co_occurs", 2),
                edge("a", "b", "leads", 1),
                edge("c", "b", "backed_by", 3),
                edge("d", "e", "co_occurs", 1),
            ],
            vec![],
        )
    }

    #[test]
    fn degrees_and_counts() {
        let g = sample();
        let c = g.centrality();
        let b = c.iter().find(|c| c.id == "b").unwrap();
        assert_eq!((b.degree, b.weighted_degree), (2, 6));
        assert_eq!(g.count_by_relation()["co_occurs"], (2, 3));
        assert_eq!(g.count_by_type()[&EntityType::Person], 5);
    }

    #[test]
    fn pagerank_sums_to_one_and_favours_the_pointed_at() {
        let g = sample();
        let r = g.page_rank();
        assert!((r.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let top = (0..r.len())
            .max_by(|&i, &j| r[i].partial_cmp(&r[j]).unwrap())
            .unwrap();
        assert_eq!(top, 1, "b is the most pointed-at: {r:?}");
    }

    #[test]
    fn components_largest_first() {
        assert_eq!(sample().components(), [vec!["a", "b", "c"], vec!["d", "e"]]);
    }
}
