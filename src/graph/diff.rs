//! Differences between two graphs of the same corpus at two moments (`newsgraph diff`).
//!
//! Entities are matched by id, relations by (source, target, relation). Both graphs are
//! cut by the same [`Filter`] first, so a diff can be narrowed like `neighbors`.
//! [`diff_graphs`] returns a [`GraphDiff`] value; [`union_graph`] returns the union of
//! both graphs with a `change` attribute (`added`, `removed`, `changed`, `same`) and a
//! `color` on every node and edge, for Graphviz and Gephi.
//!
//! What counts as a change:
//! - an entity is *changed* when its type, canonical name or mention count differs, or
//!   the set of documents that mention it does;
//! - a relation is *changed* when its weight differs or the set of documents that
//!   support it does; its evidence is compared per document (distinct sentences).
//!
//! [`DiffOptions::min_change`] drops changed relations whose weight moved by less than N,
//! and changed entities whose only change is a mention count that moved by less than N;
//! [`DiffOptions::only`] keeps one kind of change. The value serializes (serde) to the
//! `entities`/`relations`/`documents` part of the `diff --format json` wire format
//! documented in the CLI; swapping the two graphs swaps `added` with `removed` and `old`
//! with `new` everywhere ([`GraphDiff::mirror`]).

use super::{DocInfo, Edge, Filter, Graph, Node};
use crate::gazetteer::EntityType;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How an item of the union graph moved between the two graphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Only in the new graph.
    Added,
    /// Only in the old graph.
    Removed,
    /// In both, with a difference.
    Changed,
    /// In both, alike (or its difference was below the thresholds).
    Same,
}

impl Change {
    /// The lower-case name written in files and accepted by `--only`.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Changed => "changed",
            Change::Same => "same",
        }
    }

    /// The colour (`#rrggbb`) the union graph gives this kind of change.
    pub fn color(self) -> &'static str {
        match self {
            Change::Added => "#2ca02c",
            Change::Removed => "#d62728",
            Change::Changed => "#ff7f0e",
            Change::Same => "#bdbdbd",
        }
    }
}

/// Thresholds on what a diff reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiffOptions {
    /// Ignore weight (and mention count) changes smaller than this; 0 keeps every change.
    pub min_change: u64,
    /// Report only this kind of change (`Same` is not a useful value here).
    pub only: Option<Change>,
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OldNew<T> {
    /// In the old graph.
    pub old: T,
    /// In the new graph.
    pub new: T,
}

impl<T: Clone> OldNew<T> {
    fn swapped(&self) -> OldNew<T> {
        OldNew {
            old: self.new.clone(),
            new: self.old.clone(),
        }
    }
}

impl<T: PartialEq> OldNew<T> {
    /// True when the value differs.
    pub fn differs(&self) -> bool {
        self.old != self.new
    }
}

/// Ids that appeared and disappeared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AddedRemoved {
    /// Only in the new graph.
    pub added: Vec<String>,
    /// Only in the old graph.
    pub removed: Vec<String>,
}

impl AddedRemoved {
    fn between<'a>(
        old: impl IntoIterator<Item = &'a str>,
        new: impl IntoIterator<Item = &'a str>,
    ) -> AddedRemoved {
        let old: BTreeSet<&str> = old.into_iter().collect();
        let new: BTreeSet<&str> = new.into_iter().collect();
        AddedRemoved {
            added: new.difference(&old).map(|s| s.to_string()).collect(),
            removed: old.difference(&new).map(|s| s.to_string()).collect(),
        }
    }

    fn swapped(&self) -> AddedRemoved {
        AddedRemoved {
            added: self.removed.clone(),
            removed: self.added.clone(),
        }
    }

    /// True when nothing appeared or disappeared.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty()
    }
}

/// An entity found in one graph only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityEntry {
    /// Entity id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Mention count.
    pub mentions: u64,
    /// Documents that mention it.
    pub documents: Vec<String>,
}

impl EntityEntry {
    fn of(n: &Node) -> EntityEntry {
        EntityEntry {
            id: n.id.clone(),
            label: n.label.clone(),
            kind: n.kind,
            mentions: n.mentions,
            documents: n.documents.clone(),
        }
    }
}

/// An entity found in both graphs, with a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityChange {
    /// Entity id.
    pub id: String,
    /// Canonical name.
    pub label: OldNew<String>,
    /// Entity type.
    #[serde(rename = "type")]
    pub kind: OldNew<EntityType>,
    /// Mention count.
    pub mentions: OldNew<u64>,
    /// Documents that mention it only in the new graph, or only in the old.
    pub documents: AddedRemoved,
}

impl EntityChange {
    fn swapped(&self) -> EntityChange {
        EntityChange {
            id: self.id.clone(),
            label: self.label.swapped(),
            kind: self.kind.swapped(),
            mentions: self.mentions.swapped(),
            documents: self.documents.swapped(),
        }
    }
}

/// A relation found in one graph only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelationEntry {
    /// Source entity id.
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// Relation type.
    pub relation: String,
    /// Whether the relation has a direction.
    pub directed: bool,
    /// Number of supporting sentences.
    pub weight: u64,
    /// Documents that support it.
    pub documents: Vec<String>,
}

impl RelationEntry {
    fn of(e: &Edge) -> RelationEntry {
        RelationEntry {
            source: e.source.clone(),
            target: e.target.clone(),
            relation: e.relation.clone(),
            directed: e.directed,
            weight: e.weight,
            documents: sentences_per_doc(e)
                .into_keys()
                .map(str::to_string)
                .collect(),
        }
    }
}

/// The number of supporting sentences one document gives a relation, before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocEvidence {
    /// Document id.
    pub doc: String,
    /// Supporting sentences in the old graph (0: none).
    pub old: u64,
    /// Supporting sentences in the new graph.
    pub new: u64,
}

/// A relation found in both graphs, with a difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelationChange {
    /// Source entity id.
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// Relation type.
    pub relation: String,
    /// Whether the relation has a direction.
    pub directed: bool,
    /// Weight (supporting sentences).
    pub weight: OldNew<u64>,
    /// Documents that support it only in the new graph, or only in the old.
    pub documents: AddedRemoved,
    /// Every document whose number of supporting sentences differs, sorted by id.
    pub evidence: Vec<DocEvidence>,
}

impl RelationChange {
    /// How far the weight moved.
    pub fn weight_change(&self) -> u64 {
        self.weight.old.abs_diff(self.weight.new)
    }

    fn swapped(&self) -> RelationChange {
        RelationChange {
            source: self.source.clone(),
            target: self.target.clone(),
            relation: self.relation.clone(),
            directed: self.directed,
            weight: self.weight.swapped(),
            documents: self.documents.swapped(),
            evidence: self
                .evidence
                .iter()
                .map(|d| DocEvidence {
                    doc: d.doc.clone(),
                    old: d.new,
                    new: d.old,
                })
                .collect(),
        }
    }
}

/// Added, removed and changed items of one kind, each list sorted by key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section<E, C> {
    /// Only in the new graph.
    pub added: Vec<E>,
    /// Only in the old graph.
    pub removed: Vec<E>,
    /// In both, with a difference.
    pub changed: Vec<C>,
}

impl<E, C> Default for Section<E, C> {
    fn default() -> Self {
        Section {
            added: Vec::new(),
            removed: Vec::new(),
            changed: Vec::new(),
        }
    }
}

impl<E, C> Section<E, C> {
    /// True when nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// What differs between an old and a new graph.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct GraphDiff {
    /// Corpus documents only in the new graph, or only in the old (context: not counted
    /// as a difference of the graph by [`GraphDiff::is_empty`]).
    pub documents: AddedRemoved,
    /// Entities, sorted by id.
    pub entities: Section<EntityEntry, EntityChange>,
    /// Relations, sorted by (source, target, relation).
    pub relations: Section<RelationEntry, RelationChange>,
}

impl GraphDiff {
    /// True when no entity or relation differs.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.relations.is_empty()
    }

    /// The diff of the two graphs taken the other way round.
    pub fn mirror(&self) -> GraphDiff {
        GraphDiff {
            documents: self.documents.swapped(),
            entities: Section {
                added: self.entities.removed.clone(),
                removed: self.entities.added.clone(),
                changed: self
                    .entities
                    .changed
                    .iter()
                    .map(EntityChange::swapped)
                    .collect(),
            },
            relations: Section {
                added: self.relations.removed.clone(),
                removed: self.relations.added.clone(),
                changed: self
                    .relations
                    .changed
                    .iter()
                    .map(RelationChange::swapped)
                    .collect(),
            },
        }
    }

    /// How an entity moved, as listed in this diff.
    pub fn entity_change(&self, id: &str) -> Change {
        let listed = |v: &[EntityEntry]| v.binary_search_by(|e| e.id.as_str().cmp(id)).is_ok();
        if listed(&self.entities.added) {
            Change::Added
        } else if listed(&self.entities.removed) {
            Change::Removed
        } else if self
            .entities
            .changed
            .binary_search_by(|e| e.id.as_str().cmp(id))
            .is_ok()
        {
            Change::Changed
        } else {
            Change::Same
        }
    }

    /// How a relation moved, as listed in this diff.
    pub fn relation_change(&self, source: &str, target: &str, relation: &str) -> Change {
        let key = (source, target, relation);
        let listed = |v: &[RelationEntry]| {
            v.binary_search_by(|e| {
                (e.source.as_str(), e.target.as_str(), e.relation.as_str()).cmp(&key)
            })
            .is_ok()
        };
        if listed(&self.relations.added) {
            Change::Added
        } else if listed(&self.relations.removed) {
            Change::Removed
        } else if self
            .relations
            .changed
            .binary_search_by(|e| {
                (e.source.as_str(), e.target.as_str(), e.relation.as_str()).cmp(&key)
            })
            .is_ok()
        {
            Change::Changed
        } else {
            Change::Same
        }
    }
}

/// Distinct supporting sentences per document.
fn sentences_per_doc(e: &Edge) -> BTreeMap<&str, u64> {
    let mut sentences: BTreeMap<&str, BTreeSet<crate::text::Span>> = BTreeMap::new();
    for ev in &e.evidence {
        sentences
            .entry(ev.doc.as_str())
            .or_default()
            .insert(ev.sentence);
    }
    sentences
        .into_iter()
        .map(|(d, s)| (d, s.len() as u64))
        .collect()
}

fn entity_change(old: &Node, new: &Node) -> Option<EntityChange> {
    let c = EntityChange {
        id: new.id.clone(),
        label: OldNew {
            old: old.label.clone(),
            new: new.label.clone(),
        },
        kind: OldNew {
            old: old.kind,
            new: new.kind,
        },
        mentions: OldNew {
            old: old.mentions,
            new: new.mentions,
        },
        documents: AddedRemoved::between(
            old.documents.iter().map(String::as_str),
            new.documents.iter().map(String::as_str),
        ),
    };
    (c.label.differs() || c.kind.differs() || c.mentions.differs() || !c.documents.is_empty())
        .then_some(c)
}

fn relation_change(old: &Edge, new: &Edge) -> Option<RelationChange> {
    let old_docs = sentences_per_doc(old);
    let new_docs = sentences_per_doc(new);
    let docs: BTreeSet<&str> = old_docs.keys().chain(new_docs.keys()).copied().collect();
    let evidence: Vec<DocEvidence> = docs
        .into_iter()
        .map(|d| DocEvidence {
            doc: d.to_string(),
            old: old_docs.get(d).copied().unwrap_or(0),
            new: new_docs.get(d).copied().unwrap_or(0),
        })
        .filter(|d| d.old != d.new)
        .collect();
    let c = RelationChange {
        source: new.source.clone(),
        target: new.target.clone(),
        relation: new.relation.clone(),
        directed: new.directed,
        weight: OldNew {
            old: old.weight,
            new: new.weight,
        },
        documents: AddedRemoved::between(old_docs.keys().copied(), new_docs.keys().copied()),
        evidence,
    };
    (c.weight.differs() || !c.documents.is_empty()).then_some(c)
}

/// The differences from `old` to `new`, after cutting both with `filter`.
pub fn diff_graphs(old: &Graph, new: &Graph, filter: &Filter, options: &DiffOptions) -> GraphDiff {
    let old = filter.apply(old);
    let new = filter.apply(new);
    let mut d = GraphDiff {
        documents: AddedRemoved::between(
            old.documents().iter().map(|d| d.id.as_str()),
            new.documents().iter().map(|d| d.id.as_str()),
        ),
        ..GraphDiff::default()
    };
    // Both iterators are sorted by id, so every list comes out sorted.
    for n in new.nodes() {
        match old.node(&n.id) {
            None => d.entities.added.push(EntityEntry::of(n)),
            Some(o) => d.entities.changed.extend(entity_change(o, n)),
        }
    }
    d.entities.removed = old
        .nodes()
        .filter(|n| new.node(&n.id).is_none())
        .map(EntityEntry::of)
        .collect();
    for e in new.edges() {
        match old.edge(&e.source, &e.target, &e.relation) {
            None => d.relations.added.push(RelationEntry::of(e)),
            Some(o) => d.relations.changed.extend(relation_change(o, e)),
        }
    }
    d.relations.removed = old
        .edges()
        .filter(|e| new.edge(&e.source, &e.target, &e.relation).is_none())
        .map(RelationEntry::of)
        .collect();

    let min = options.min_change;
    d.relations.changed.retain(|c| c.weight_change() >= min);
    d.entities.changed.retain(|c| {
        c.label.differs() || c.kind.differs() || c.mentions.old.abs_diff(c.mentions.new) >= min
    });
    if let Some(only) = options.only {
        if only != Change::Added {
            d.entities.added.clear();
            d.relations.added.clear();
        }
        if only != Change::Removed {
            d.entities.removed.clear();
            d.relations.removed.clear();
        }
        if only != Change::Changed {
            d.entities.changed.clear();
            d.relations.changed.clear();
        }
    }
    d
}

fn marked<T>(attrs: &mut BTreeMap<String, String>, change: Change, extra: T)
where
    T: IntoIterator<Item = (&'static str, String)>,
{
    attrs.insert("change".into(), change.as_str().into());
    attrs.insert("color".into(), change.color().into());
    for (k, v) in extra {
        attrs.insert(k.into(), v);
    }
}

/// The union of `old` and `new` (both cut by `filter`) as `diff` reported it: what is in
/// both graphs, plus the entities and relations `diff` lists as added or removed. Every
/// node and edge carries `attrs["change"]` (`added`, `removed`, `changed`, `same`) and
/// `attrs["color"]` (`#rrggbb` by change); changed edges also carry `old_weight` and
/// `new_weight`, changed nodes `old_mentions` and `new_mentions`. Items in both graphs
/// take their values from `new`; removed ones from `old`.
pub fn union_graph(old: &Graph, new: &Graph, filter: &Filter, diff: &GraphDiff) -> Graph {
    let old = filter.apply(old);
    let new = filter.apply(new);
    let mut nodes: Vec<Node> = Vec::new();
    for n in new.nodes() {
        let change = diff.entity_change(&n.id);
        let in_old = old.node(&n.id);
        if in_old.is_none() && change != Change::Added {
            continue;
        }
        let mut n = n.clone();
        let extra = match (change, in_old) {
            (Change::Changed, Some(o)) => {
                vec![
                    ("old_mentions", o.mentions.to_string()),
                    ("new_mentions", n.mentions.to_string()),
                ]
            }
            _ => Vec::new(),
        };
        marked(&mut n.attrs, change, extra);
        nodes.push(n);
    }
    for n in old.nodes() {
        if new.node(&n.id).is_none() && diff.entity_change(&n.id) == Change::Removed {
            let mut n = n.clone();
            marked(&mut n.attrs, Change::Removed, []);
            nodes.push(n);
        }
    }
    let mut edges: Vec<Edge> = Vec::new();
    for e in new.edges() {
        let change = diff.relation_change(&e.source, &e.target, &e.relation);
        let in_old = old.edge(&e.source, &e.target, &e.relation);
        if in_old.is_none() && change != Change::Added {
            continue;
        }
        let mut e = e.clone();
        let extra = match (change, in_old) {
            (Change::Changed, Some(o)) => {
                vec![
                    ("old_weight", o.weight.to_string()),
                    ("new_weight", e.weight.to_string()),
                ]
            }
            _ => Vec::new(),
        };
        marked(&mut e.attrs, change, extra);
        edges.push(e);
    }
    for e in old.edges() {
        if new.edge(&e.source, &e.target, &e.relation).is_none()
            && diff.relation_change(&e.source, &e.target, &e.relation) == Change::Removed
        {
            let mut e = e.clone();
            marked(&mut e.attrs, Change::Removed, []);
            edges.push(e);
        }
    }
    let mut documents: BTreeMap<&str, &DocInfo> =
        old.documents().iter().map(|d| (d.id.as_str(), d)).collect();
    documents.extend(new.documents().iter().map(|d| (d.id.as_str(), d)));
    let documents: Vec<DocInfo> = documents.into_values().cloned().collect();
    Graph::from_parts(nodes, edges, documents)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Evidence;
    use crate::link::CO_OCCURS;
    use crate::text::Span;

    fn node(id: &str, kind: EntityType, mentions: u64, docs: &[&str]) -> Node {
        Node {
            id: id.into(),
            label: id.to_uppercase(),
            kind,
            mentions,
            documents: docs.iter().map(|d| d.to_string()).collect(),
            aliases: BTreeMap::new(),
            first_seen: None,
            last_seen: None,
            attrs: BTreeMap::new(),
        }
    }

    /// An edge with one evidence sentence per (doc, sentence start).
    fn edge(s: &str, t: &str, rel: &str, evidence: &[(&str, usize)]) -> Edge {
        let evidence: Vec<Evidence> = evidence
            .iter()
            .map(|(d, at)| Evidence {
                doc: d.to_string(),
                sentence: Span::new(*at, at + 10),
                source_span: Span::new(*at, at + 1),
                target_span: Span::new(at + 2, at + 3),
                rule: None,
                date: None,
                text: String::new(),
            })
            .collect();
        Edge::new(s, t, rel, rel != CO_OCCURS, evidence)
    }

    fn docs(ids: &[&str]) -> Vec<DocInfo> {
        ids.iter()
            .map(|d| DocInfo {
                id: d.to_string(),
                date: None,
            })
            .collect()
    }

    fn old() -> Graph {
        Graph::from_parts(
            vec![
                node("a", EntityType::Person, 2, &["d1"]),
                node("b", EntityType::Militia, 2, &["d1", "d2"]),
                node("gone", EntityType::Place, 1, &["d2"]),
            ],
            vec![
                edge("a", "b", CO_OCCURS, &[("d1", 0)]),
                edge("b", "gone", CO_OCCURS, &[("d2", 0)]),
            ],
            docs(&["d1", "d2"]),
        )
    }

    fn new() -> Graph {
        Graph::from_parts(
            vec![
                node("a", EntityType::Person, 4, &["d1", "d3"]),
                node("b", EntityType::Government, 4, &["d1", "d3"]),
                node("c", EntityType::Place, 1, &["d3"]),
            ],
            vec![
                edge("a", "b", CO_OCCURS, &[("d1", 0), ("d3", 0), ("d3", 20)]),
                edge("a", "b", "leads", &[("d3", 0)]),
                edge("b", "c", CO_OCCURS, &[("d3", 20)]),
            ],
            docs(&["d1", "d3"]),
        )
    }

    #[test]
    fn a_graph_against_itself_has_no_difference() {
        let d = diff_graphs(&new(), &new(), &Filter::default(), &DiffOptions::default());
        assert!(d.is_empty());
        assert_eq!(d, GraphDiff::default());
    }

    #[test]
    fn lists_added_removed_and_changed_with_their_documents() {
        let d = diff_graphs(&old(), &new(), &Filter::default(), &DiffOptions::default());
        assert_eq!(
            d.documents,
            AddedRemoved {
                added: vec!["d3".into()],
                removed: vec!["d2".into()]
            }
        );
        let ids = |v: &[EntityEntry]| v.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&d.entities.added), ["c"]);
        assert_eq!(ids(&d.entities.removed), ["gone"]);
        let b = &d.entities.changed[1];
        assert_eq!(
            (b.id.as_str(), b.kind.old, b.kind.new),
            ("b", EntityType::Militia, EntityType::Government)
        );
        assert_eq!(
            b.documents,
            AddedRemoved {
                added: vec!["d3".into()],
                removed: vec!["d2".into()]
            }
        );
        let rel = |v: &[RelationEntry]| {
            v.iter()
                .map(|e| format!("{}-{}-{}", e.source, e.target, e.relation))
                .collect::<Vec<_>>()
        };
        assert_eq!(rel(&d.relations.added), ["a-b-leads", "b-c-co_occurs"]);
        assert_eq!(d.relations.added[0].documents, ["d3"]);
        assert_eq!(rel(&d.relations.removed), ["b-gone-co_occurs"]);
        let ab = &d.relations.changed[0];
        assert_eq!((ab.weight.old, ab.weight.new), (1, 3));
        assert_eq!(ab.documents.added, ["d3"]);
        assert_eq!(
            ab.evidence,
            [DocEvidence {
                doc: "d3".into(),
                old: 0,
                new: 2
            }]
        );
    }

    #[test]
    fn swapping_the_graphs_mirrors_the_diff() {
        let o = DiffOptions::default();
        let ab = diff_graphs(&old(), &new(), &Filter::default(), &o);
        let ba = diff_graphs(&new(), &old(), &Filter::default(), &o);
        assert_eq!(ba, ab.mirror());
        assert_eq!(ba.mirror(), ab);
    }

    #[test]
    fn thresholds_keep_what_matters() {
        let d = diff_graphs(
            &old(),
            &new(),
            &Filter::default(),
            &DiffOptions {
                min_change: 3,
                only: None,
            },
        );
        assert!(d.relations.changed.is_empty());
        // The type change of `b` is kept; `a` only gained two mentions.
        assert_eq!(
            d.entities
                .changed
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            ["b"]
        );
        let d = diff_graphs(
            &old(),
            &new(),
            &Filter::default(),
            &DiffOptions {
                min_change: 0,
                only: Some(Change::Removed),
            },
        );
        assert!(
            d.entities.added.is_empty()
                && d.entities.changed.is_empty()
                && d.relations.added.is_empty()
        );
        assert_eq!(d.relations.removed.len(), 1);
    }

    #[test]
    fn filters_apply_to_both_graphs() {
        let f = Filter {
            relations: vec!["leads".into()],
            ..Filter::default()
        };
        let d = diff_graphs(&old(), &new(), &f, &DiffOptions::default());
        assert_eq!(d.relations.added.len(), 1);
        assert!(d.relations.removed.is_empty() && d.relations.changed.is_empty());
    }

    #[test]
    fn union_graph_marks_every_node_and_edge() {
        let (o, n, f) = (old(), new(), Filter::default());
        let d = diff_graphs(&o, &n, &f, &DiffOptions::default());
        let u = union_graph(&o, &n, &f, &d);
        let marks: Vec<(String, &str, &str)> = u
            .nodes()
            .map(|n| {
                (
                    n.id.clone(),
                    n.attrs["change"].as_str(),
                    n.attrs["color"].as_str(),
                )
            })
            .collect();
        assert_eq!(
            marks,
            [
                ("a".to_string(), "changed", "#ff7f0e"),
                ("b".to_string(), "changed", "#ff7f0e"),
                ("c".to_string(), "added", "#2ca02c"),
                ("gone".to_string(), "removed", "#d62728"),
            ]
        );
        let marks: Vec<String> = u
            .edges()
            .map(|e| {
                format!(
                    "{}-{}-{}:{}",
                    e.source, e.target, e.relation, e.attrs["change"]
                )
            })
            .collect();
        assert_eq!(
            marks,
            [
                "a-b-co_occurs:changed",
                "a-b-leads:added",
                "b-c-co_occurs:added",
                "b-gone-co_occurs:removed"
            ]
        );
        let ab = u.edge("a", "b", CO_OCCURS).unwrap();
        assert_eq!(
            (
                ab.attrs["old_weight"].as_str(),
                ab.attrs["new_weight"].as_str()
            ),
            ("1", "3")
        );
        assert_eq!(u.documents().len(), 3);
        // With --only added, removed items leave the picture and changed ones read `same`.
        let d = diff_graphs(
            &o,
            &n,
            &f,
            &DiffOptions {
                min_change: 0,
                only: Some(Change::Added),
            },
        );
        let u = union_graph(&o, &n, &f, &d);
        assert!(u.node("gone").is_none());
        assert_eq!(u.node("a").unwrap().attrs["change"], "same");
    }
}
