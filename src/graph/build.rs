//! Accumulating per-document results into a [`Graph`].

use super::{DocInfo, Edge, Evidence, Graph, Node};
use crate::gazetteer::Gazetteer;
use crate::link::Finding;
use crate::tag::Mention;
use crate::text::Span;
use std::collections::{BTreeMap, BTreeSet};

/// Collects mentions and findings document by document, then builds the graph.
#[derive(Debug)]
pub struct GraphBuilder<'g> {
    gazetteer: &'g Gazetteer,
    nodes: BTreeMap<String, Node>,
    docs_of: BTreeMap<String, BTreeSet<String>>,
    edges: BTreeMap<(String, String, String), (bool, BTreeSet<Evidence>)>,
    documents: Vec<DocInfo>,
}

impl<'g> GraphBuilder<'g> {
    /// A builder that takes labels and types from `gazetteer`.
    pub fn new(gazetteer: &'g Gazetteer) -> GraphBuilder<'g> {
        GraphBuilder {
            gazetteer,
            nodes: BTreeMap::new(),
            docs_of: BTreeMap::new(),
            edges: BTreeMap::new(),
            documents: Vec::new(),
        }
    }

    /// Adds one document's mentions and findings.
    pub fn add_document(
        &mut self,
        doc: &DocInfo,
        text: &str,
        mentions: &[Mention],
        findings: &[Finding],
    ) {
        self.documents.push(doc.clone());
        for m in mentions {
            let node = self.nodes.entry(m.entity.clone()).or_insert_with(|| {
                let (label, kind) = match self.gazetteer.get(&m.entity) {
                    Some(e) => (e.name.clone(), e.kind),
                    None => (m.entity.clone(), m.kind),
                };
                Node::new(m.entity.clone(), label, kind)
            });
            node.mentions += 1;
            *node.aliases.entry(m.span.of(text).to_string()).or_insert(0) += 1;
            if let Some(d) = &doc.date {
                if node.first_seen.as_ref().is_none_or(|f| d < f) {
                    node.first_seen = Some(d.clone());
                }
                if node.last_seen.as_ref().is_none_or(|l| d > l) {
                    node.last_seen = Some(d.clone());
                }
            }
            self.docs_of
                .entry(m.entity.clone())
                .or_default()
                .insert(doc.id.clone());
        }
        for f in findings {
            let (source, target, ss, ts) = if !f.directed && f.source > f.target {
                (&f.target, &f.source, f.target_span, f.source_span)
            } else {
                (&f.source, &f.target, f.source_span, f.target_span)
            };
            let entry = self
                .edges
                .entry((source.clone(), target.clone(), f.relation.clone()))
                .or_insert_with(|| (f.directed, BTreeSet::new()));
            entry.1.insert(Evidence {
                doc: doc.id.clone(),
                sentence: f.sentence,
                source_span: ss,
                target_span: ts,
                rule: f.rule.clone(),
                date: doc.date.clone(),
                text: evidence_text(text, f.sentence, ss, ts),
            });
        }
    }

    /// The finished graph.
    pub fn finish(self) -> Graph {
        let mut docs_of = self.docs_of;
        let nodes = self
            .nodes
            .into_values()
            .map(|mut n| {
                n.documents = docs_of
                    .remove(&n.id)
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                n
            })
            .collect();
        let edges = self
            .edges
            .into_iter()
            .map(|((source, target, relation), (directed, evidence))| {
                Edge::new(
                    source,
                    target,
                    relation,
                    directed,
                    evidence.into_iter().collect(),
                )
            })
            .collect();
        Graph::from_parts(nodes, edges, self.documents)
    }
}

/// Sentences longer than this many bytes are not copied whole into each piece of
/// evidence (a 50 MB line naming entities was copied into every edge): the evidence
/// holds an excerpt around its two mentions instead, so output grows linearly with input.
pub const MAX_EVIDENCE_SENTENCE: usize = 2_000;

/// The text of a piece of evidence: the sentence, or for a sentence longer than
/// [`MAX_EVIDENCE_SENTENCE`] an excerpt that starts at the earlier mention and holds
/// both (with `…` where text is left out). An excerpt is told from a whole sentence by
/// its length, which differs from the sentence's.
pub fn evidence_text(text: &str, sentence: Span, a: Span, b: Span) -> String {
    if sentence.end - sentence.start <= MAX_EVIDENCE_SENTENCE {
        return sentence.of(text).to_string();
    }
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    let end = first.end.max(second.end);
    let cut = |i: usize| {
        let mut i = i.min(sentence.end);
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let mut out = String::new();
    if end - first.start <= 1_000 {
        let stop = cut(end + 100);
        out.push_str(&text[first.start..stop]);
        if stop < sentence.end {
            out.push('…');
        }
    } else {
        out.push_str(&text[first.start..cut(first.end.max(first.start + 300))]);
        out.push_str(" … ");
        let from = cut(second.start.saturating_sub(200).max(first.end));
        let stop = cut(second.end + 100);
        out.push_str(&text[from..stop]);
        if stop < sentence.end {
            out.push('…');
        }
    }
    // The excerpt must not happen to be as long as the sentence.
    if out.len() == sentence.end - sentence.start {
        out.push('…');
    }
    out
}
