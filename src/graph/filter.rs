//! Filters that cut a graph down to what a user asked for; shared by `build` (export
//! filters), `neighbors` and `diff`.

use super::{Edge, Graph, Node, weighted_degrees};
use crate::gazetteer::EntityType;
use std::collections::{BTreeMap, BTreeSet};

/// What to keep of a graph. The default keeps everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep only edges of these relation types (empty: all).
    pub relations: Vec<String>,
    /// Keep only nodes of these types (empty: all), and edges between kept nodes.
    pub types: Vec<EntityType>,
    /// Keep only edges of at least this weight (after the date window).
    pub min_weight: u64,
    /// Keep only evidence dated on or after this `YYYY-MM-DD` (undated evidence is dropped
    /// when a window is set).
    pub since: Option<String>,
    /// Keep only evidence dated on or before this date.
    pub until: Option<String>,
    /// Drop `co_occurs` edges.
    pub no_cooccurrence: bool,
    /// Keep only the N nodes of highest weighted degree (ties by id), after the other filters.
    pub top: Option<usize>,
}

impl Filter {
    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    fn keeps_edge(&self, e: &Edge) -> bool {
        (self.relations.is_empty() || self.relations.contains(&e.relation))
            && !(self.no_cooccurrence && e.is_cooccurrence())
    }

    fn dated(&self, e: &Edge) -> Option<Edge> {
        if self.since.is_none() && self.until.is_none() {
            return Some(e.clone());
        }
        let mut e = e.clone();
        e.evidence.retain(|ev| match &ev.date {
            None => false,
            Some(d) => {
                self.since.as_ref().is_none_or(|s| d >= s)
                    && self.until.as_ref().is_none_or(|u| d <= u)
            }
        });
        e.weight = e.sentence_count();
        (e.weight > 0).then_some(e)
    }

    /// One edge as this filter keeps it (evidence cut to the date window, weight
    /// recomputed), or `None`; the node filters (`types`, `top`) are not applied.
    pub fn edge(&self, e: &Edge) -> Option<Edge> {
        if !self.keeps_edge(e) {
            return None;
        }
        self.dated(e).filter(|e| e.weight >= self.min_weight)
    }

    /// The filtered graph. Nodes left without edges are kept only when no edge filter is
    /// set (so a type filter alone still lists isolated entities).
    pub fn apply(&self, graph: &Graph) -> Graph {
        if self.is_empty() {
            return graph.clone();
        }
        let node_ok = |n: &Node| self.types.is_empty() || self.types.contains(&n.kind);
        let mut nodes: BTreeMap<&str, &Node> = graph
            .nodes()
            .filter(|n| node_ok(n))
            .map(|n| (n.id.as_str(), n))
            .collect();
        let mut edges: Vec<Edge> = graph
            .edges()
            .filter(|e| {
                self.keeps_edge(e)
                    && nodes.contains_key(e.source.as_str())
                    && nodes.contains_key(e.target.as_str())
            })
            .filter_map(|e| self.dated(e))
            .filter(|e| e.weight >= self.min_weight)
            .collect();
        let edge_filter = !self.relations.is_empty()
            || self.min_weight > 0
            || self.since.is_some()
            || self.until.is_some()
            || self.no_cooccurrence;
        if edge_filter {
            let touched: BTreeSet<&str> = edges
                .iter()
                .flat_map(|e| [e.source.as_str(), e.target.as_str()])
                .collect();
            nodes.retain(|id, _| touched.contains(id));
        }
        if let Some(top) = self.top {
            let mut degree: BTreeMap<&str, u64> = nodes.keys().map(|id| (*id, 0)).collect();
            for (id, d) in weighted_degrees(&edges) {
                if let Some(slot) = degree.get_mut(id) {
                    *slot = d;
                }
            }
            let mut ranked: Vec<(&str, u64)> = degree.into_iter().collect();
            ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let keep: BTreeSet<String> = ranked
                .into_iter()
                .take(top)
                .map(|(id, _)| id.to_string())
                .collect();
            nodes.retain(|id, _| keep.contains(*id));
            edges.retain(|e| keep.contains(e.source.as_str()) && keep.contains(e.target.as_str()));
        }
        let nodes: Vec<Node> = nodes.into_values().cloned().collect();
        Graph::from_parts(nodes, edges, graph.documents().to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{DocInfo, Evidence};
    use crate::link::CO_OCCURS;
    use crate::text::Span;

    fn node(id: &str, kind: EntityType) -> Node {
        Node {
            mentions: 1,
            ..Node::new(id, id, kind)
        }
    }

    fn edge(s: &str, t: &str, rel: &str, dates: &[&str]) -> Edge {
        let evidence: Vec<Evidence> = dates
            .iter()
            .enumerate()
            .map(|(i, d)| Evidence {
                doc: format!("d{i}"),
                sentence: Span::new(0, 1),
                source_span: Span::new(0, 1),
                target_span: Span::new(0, 1),
                rule: None,
                date: Some(d.to_string()),
                text: String::new(),
            })
            .collect();
        Edge::new(s, t, rel, rel != CO_OCCURS, evidence)
    }

    fn sample() -> Graph {
        Graph::from_parts(
            vec![
                node("a", EntityType::Person),
                node("b", EntityType::Militia),
                node("c", EntityType::Place),
            ],
            vec![
                edge("a", "b", "leads", &["2020-01-01", "2021-01-01"]),
                edge("a", "b", CO_OCCURS, &["2020-01-01"]),
                edge("b", "c", CO_OCCURS, &["2022-01-01"]),
            ],
            vec![DocInfo {
                id: "d0".into(),
                date: None,
            }],
        )
    }

    #[test]
    fn relation_and_cooccurrence_filters() {
        let g = Filter {
            relations: vec!["leads".into()],
            ..Filter::default()
        }
        .apply(&sample());
        assert_eq!((g.node_count(), g.edge_count()), (2, 1));
        let g = Filter {
            no_cooccurrence: true,
            ..Filter::default()
        }
        .apply(&sample());
        assert_eq!(
            g.edges().map(|e| e.relation.as_str()).collect::<Vec<_>>(),
            ["leads"]
        );
    }

    #[test]
    fn date_window_recomputes_weight() {
        let g = Filter {
            since: Some("2020-06-01".into()),
            ..Filter::default()
        }
        .apply(&sample());
        assert_eq!(g.edge("a", "b", "leads").unwrap().weight, 1);
        assert!(g.edge("a", "b", CO_OCCURS).is_none());
        let g = Filter {
            until: Some("2020-12-31".into()),
            min_weight: 1,
            ..Filter::default()
        }
        .apply(&sample());
        assert_eq!(g.edge_count(), 2);
    }

    #[test]
    fn types_and_top() {
        let g = Filter {
            types: vec![EntityType::Person, EntityType::Militia],
            ..Filter::default()
        }
        .apply(&sample());
        assert_eq!((g.node_count(), g.edge_count()), (2, 2));
        let g = Filter {
            top: Some(2),
            ..Filter::default()
        }
        .apply(&sample());
        assert_eq!(
            g.nodes().map(|n| n.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
    }
}
