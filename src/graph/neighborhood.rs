//! Neighbourhoods and paths: who is within N hops of an entity, the subgraph they form,
//! and the shortest paths between two entities.
//!
//! Every walk ignores edge direction (an analyst asking who is around an actor means
//! both who it acts on and who acts on it) and visits neighbours in id order, so every
//! result depends only on the graph.

use super::{Edge, Filter, Graph, Node};
use crate::gazetteer::EntityType;
use petgraph::graph::NodeIndex;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

impl Graph {
    fn index_of(&self, id: &str) -> Option<NodeIndex> {
        self.nodes.get(id).copied()
    }

    /// Ids of the entities linked to `ix` by any edge, sorted, without duplicates.
    pub(super) fn neighbor_ids(&self, ix: NodeIndex) -> BTreeSet<&str> {
        self.inner
            .neighbors_undirected(ix)
            .map(|n| self.inner[n].id.as_str())
            .filter(|n| *n != self.inner[ix].id)
            .collect()
    }

    /// The edges between `a` and `b` in either direction, sorted by key.
    pub fn edges_between<'a>(&'a self, a: &str, b: &str) -> Vec<&'a Edge> {
        let (Some(ia), Some(ib)) = (self.index_of(a), self.index_of(b)) else {
            return Vec::new();
        };
        let mut out: Vec<&Edge> = self
            .inner
            .edges_connecting(ia, ib)
            .chain(self.inner.edges_connecting(ib, ia))
            .map(|e| e.weight())
            .collect();
        out.sort_by(|x, y| {
            (&x.source, &x.target, &x.relation).cmp(&(&y.source, &y.target, &y.relation))
        });
        out.dedup_by(|x, y| {
            (&x.source, &x.target, &x.relation) == (&y.source, &y.target, &y.relation)
        });
        out
    }

    /// The entities within `depth` hops of `center`, with their distance (the centre at
    /// 0). With `types` non-empty, the walk only enters entities of those types (the
    /// centre is always kept). Empty when `center` is not in the graph.
    pub fn neighborhood(
        &self,
        center: &str,
        depth: usize,
        types: &[EntityType],
    ) -> BTreeMap<String, usize> {
        let mut dist = BTreeMap::new();
        let Some(ix) = self.index_of(center) else {
            return dist;
        };
        dist.insert(center.to_string(), 0);
        let mut frontier = vec![ix];
        for d in 1..=depth {
            let mut next = BTreeSet::new();
            for &ix in &frontier {
                for n in self.neighbor_ids(ix) {
                    if dist.contains_key(n) {
                        continue;
                    }
                    let node = self.node(n).expect("neighbour is a node");
                    if types.is_empty() || types.contains(&node.kind) {
                        next.insert(n);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next.iter().map(|n| self.nodes[*n]).collect();
            for n in next {
                dist.insert(n.to_string(), d);
            }
        }
        dist
    }

    /// The ego network of `center`: the entities within `depth` hops over the edges
    /// `filter` keeps (as [`Filter::edge`] cuts them), entered only when of one of
    /// `filter.types` (if any; the centre is always kept), and every kept edge between
    /// two of them; with the distance of each entity. `filter.top` is ignored. Only the
    /// edges around the neighbourhood are looked at, so this is fast on large graphs.
    /// Empty when `center` is not in the graph.
    pub fn ego(
        &self,
        center: &str,
        depth: usize,
        filter: &Filter,
    ) -> (Graph, BTreeMap<String, usize>) {
        let mut dist: BTreeMap<String, usize> = BTreeMap::new();
        if self.index_of(center).is_none() {
            return (
                Graph::from_parts(Vec::new(), Vec::new(), self.documents.clone()),
                dist,
            );
        }
        let mut kept: BTreeMap<(&str, &str, &str), Option<Edge>> = BTreeMap::new();
        dist.insert(center.to_string(), 0);
        let mut frontier: Vec<String> = vec![center.to_string()];
        for d in 1..=depth {
            let mut next: BTreeSet<&str> = BTreeSet::new();
            for id in &frontier {
                for e in self.edges_of(id) {
                    let far = if e.source == *id {
                        e.target.as_str()
                    } else {
                        e.source.as_str()
                    };
                    if dist.contains_key(far) || next.contains(far) {
                        continue;
                    }
                    let node = self.node(far).expect("edge ends are nodes");
                    if !(filter.types.is_empty() || filter.types.contains(&node.kind)) {
                        continue;
                    }
                    let kept_edge = kept
                        .entry((e.source.as_str(), e.target.as_str(), e.relation.as_str()))
                        .or_insert_with(|| filter.edge(e));
                    if kept_edge.is_some() {
                        next.insert(far);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            frontier = next.iter().map(|n| n.to_string()).collect();
            for n in next {
                dist.insert(n.to_string(), d);
            }
        }
        let mut edges = Vec::new();
        for id in dist.keys() {
            for e in self.edges_of(id) {
                if e.source == *id && dist.contains_key(&e.target) {
                    let key = (e.source.as_str(), e.target.as_str(), e.relation.as_str());
                    let kept_edge = match kept.remove(&key) {
                        Some(k) => k,
                        None => filter.edge(e),
                    };
                    edges.extend(kept_edge);
                }
            }
        }
        let nodes: Vec<Node> = dist
            .keys()
            .filter_map(|id| self.node(id))
            .cloned()
            .collect();
        (
            Graph::from_parts(nodes, edges, self.documents.clone()),
            dist,
        )
    }

    /// The neighbourhood `neighbors` shows: the [`Graph::ego`] network of `center`, and
    /// with `filter.top` only the N neighbours of highest weighted degree within it
    /// (ties by id), re-walked from the centre so every entity kept is still reachable.
    pub fn ego_top(
        &self,
        center: &str,
        depth: usize,
        filter: &Filter,
    ) -> (Graph, BTreeMap<String, usize>) {
        let (ego, dist) = self.ego(center, depth, filter);
        let Some(top) = filter.top else {
            return (ego, dist);
        };
        let mut ranked: Vec<(&str, u64)> = super::weighted_degrees(ego.edges())
            .into_iter()
            .filter(|(id, _)| *id != center)
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let keep: Vec<&str> = std::iter::once(center)
            .chain(ranked.into_iter().take(top).map(|r| r.0))
            .collect();
        let trimmed = ego.subgraph(keep);
        let dist = trimmed.neighborhood(center, depth, &[]);
        let ego = trimmed.subgraph(dist.keys().map(String::as_str));
        (ego, dist)
    }

    /// The subgraph of these entities and every edge between two of them.
    pub fn subgraph<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Graph {
        let keep: BTreeSet<&str> = ids
            .into_iter()
            .filter(|id| self.nodes.contains_key(*id))
            .collect();
        let nodes: Vec<Node> = keep
            .iter()
            .filter_map(|id| self.node(id))
            .cloned()
            .collect();
        let mut edges: Vec<Edge> = Vec::new();
        for id in &keep {
            for e in self.edges_of(id) {
                // Each edge once: from its source's side (a self-loop also has source == id).
                if e.source == *id && keep.contains(e.target.as_str()) {
                    edges.push(e.clone());
                }
            }
        }
        Graph::from_parts(nodes, edges, self.documents.clone())
    }

    /// Every shortest path from `a` to `b` (as entity ids, both ends included), at most
    /// `limit` of them, in lexicographic order of their ids. Empty when there is none;
    /// `[a]` when `a == b`.
    pub fn shortest_paths(&self, a: &str, b: &str, limit: usize) -> Vec<Vec<String>> {
        let (Some(ia), Some(ib)) = (self.index_of(a), self.index_of(b)) else {
            return Vec::new();
        };
        if ia == ib {
            return vec![vec![a.to_string()]];
        }
        // Breadth-first from `b`, so that the distances to `b` then guide a walk from `a`
        // that yields paths in lexicographic order.
        let mut dist: BTreeMap<NodeIndex, usize> = BTreeMap::from([(ib, 0)]);
        let mut queue = VecDeque::from([ib]);
        while let Some(ix) = queue.pop_front() {
            if ix == ia {
                break;
            }
            let d = dist[&ix];
            for n in self.neighbor_ids(ix) {
                let nix = self.nodes[n];
                if let std::collections::btree_map::Entry::Vacant(v) = dist.entry(nix) {
                    v.insert(d + 1);
                    queue.push_back(nix);
                }
            }
        }
        if !dist.contains_key(&ia) {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut path = vec![ia];
        self.walk_down(&dist, &mut path, limit, &mut out);
        out
    }

    fn walk_down(
        &self,
        dist: &BTreeMap<NodeIndex, usize>,
        path: &mut Vec<NodeIndex>,
        limit: usize,
        out: &mut Vec<Vec<String>>,
    ) {
        if out.len() >= limit {
            return;
        }
        let here = *path.last().expect("path starts at a");
        let d = dist[&here];
        if d == 0 {
            out.push(path.iter().map(|ix| self.inner[*ix].id.clone()).collect());
            return;
        }
        for n in self.neighbor_ids(here) {
            let nix = self.nodes[n];
            if dist.get(&nix) == Some(&(d - 1)) {
                path.push(nix);
                self.walk_down(dist, path, limit, out);
                path.pop();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Evidence;
    use crate::text::Span;

    fn node(id: &str, kind: EntityType) -> Node {
        Node {
            mentions: 1,
            ..Node::new(id, id.to_uppercase(), kind)
        }
    }

    fn edge(s: &str, t: &str, rel: &str) -> Edge {
        Edge {
            source: s.into(),
            target: t.into(),
            relation: rel.into(),
            directed: rel != "co_occurs",
            weight: 1,
            evidence: vec![Evidence {
                doc: "d".into(),
                sentence: Span::new(0, 1),
                source_span: Span::new(0, 1),
                target_span: Span::new(0, 1),
                rule: None,
                date: None,
                text: "x".into(),
            }],
            attrs: BTreeMap::new(),
        }
    }

    /// a - b - d, a - c - d, d - e; f alone.
    fn sample() -> Graph {
        let p = EntityType::Person;
        Graph::from_parts(
            vec![
                node("a", p),
                node("b", EntityType::Place),
                node("c", p),
                node("d", p),
                node("e", p),
                node("f", p),
            ],
            vec![
                edge("a", "b", "co_occurs"),
                edge("c", "a", "leads"),
                edge("b", "d", "co_occurs"),
                edge("c", "d", "co_occurs"),
                edge("d", "e", "co_occurs"),
            ],
            vec![],
        )
    }

    #[test]
    fn neighborhood_by_depth_and_type() {
        let g = sample();
        let n = g.neighborhood("a", 1, &[]);
        assert_eq!(
            n.into_iter().collect::<Vec<_>>(),
            [("a".into(), 0), ("b".into(), 1), ("c".into(), 1)]
        );
        let n = g.neighborhood("a", 2, &[]);
        assert_eq!(n.get("d"), Some(&2));
        assert_eq!(n.get("e"), None);
        let n = g.neighborhood("a", 3, &[EntityType::Person]);
        assert_eq!(
            n.keys().map(String::as_str).collect::<Vec<_>>(),
            ["a", "c", "d", "e"]
        );
        assert!(g.neighborhood("zz", 1, &[]).is_empty());
    }

    #[test]
    fn ego_walks_only_kept_edges() {
        let g = sample();
        let f = Filter {
            relations: vec!["co_occurs".into()],
            ..Filter::default()
        };
        let (ego, dist) = g.ego("a", 2, &f);
        assert_eq!(
            dist.keys().map(String::as_str).collect::<Vec<_>>(),
            ["a", "b", "d"]
        );
        assert_eq!(ego.edge_count(), 2);
        let (ego, dist) = g.ego("a", 1, &Filter::default());
        assert_eq!((ego.node_count(), ego.edge_count(), dist.len()), (3, 2, 3));
        let f = Filter {
            types: vec![EntityType::Place],
            ..Filter::default()
        };
        assert_eq!(g.ego("a", 3, &f).1.len(), 2);
        assert!(g.ego("zz", 1, &f).1.is_empty());
    }

    #[test]
    fn subgraph_keeps_edges_among_kept_nodes() {
        let g = sample().subgraph(["a", "b", "c", "d"]);
        assert_eq!((g.node_count(), g.edge_count()), (4, 4));
    }

    #[test]
    fn all_shortest_paths_in_order() {
        let g = sample();
        assert_eq!(
            g.shortest_paths("a", "e", 10),
            [vec!["a", "b", "d", "e"], vec!["a", "c", "d", "e"]]
        );
        assert_eq!(g.shortest_paths("a", "e", 1).len(), 1);
        assert!(g.shortest_paths("a", "f", 10).is_empty());
        assert_eq!(g.shortest_paths("a", "a", 10), [vec!["a"]]);
        assert_eq!(g.edges_between("a", "c")[0].relation, "leads");
    }
}
