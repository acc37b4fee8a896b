//! The pipeline: document → sentences → mentions → findings, and findings → graph.

use crate::corpus::{Document, split_sentences};
use crate::gazetteer::Gazetteer;
use crate::graph::{DocInfo, Graph, GraphBuilder};
use crate::link::rules::Hit;
use crate::link::rules::stats::{CorpusStats, Tally};
use crate::link::{Finding, Linker, RuleSet, cooccurrences};
use crate::tag::{Mention, Tagger};
use crate::text::Span;
use rayon::prelude::*;

/// What the pipeline found in one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The document's id and date.
    pub doc: DocInfo,
    /// Sentence byte ranges.
    pub sentences: Vec<Span>,
    /// Entity mentions, sorted by position.
    pub mentions: Vec<Mention>,
    /// Co-occurrences and typed relations.
    pub findings: Vec<Finding>,
}

/// The tagger and linker, built once and shared by every document (and thread).
#[derive(Debug, Clone)]
pub struct Pipeline {
    tagger: Tagger,
    linker: Linker,
}

impl Pipeline {
    /// Builds the pipeline for a gazetteer, with the built-in relation rules.
    pub fn new(gazetteer: &Gazetteer) -> Pipeline {
        Pipeline::with_rules(gazetteer, RuleSet::builtin())
    }

    /// Builds the pipeline for a gazetteer and a rule set.
    pub fn with_rules(gazetteer: &Gazetteer, rules: RuleSet) -> Pipeline {
        Pipeline {
            tagger: Tagger::new(gazetteer),
            linker: Linker::new(gazetteer, rules),
        }
    }

    /// The relation linker.
    pub fn linker(&self) -> &Linker {
        &self.linker
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Analyses one document.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let sentences = split_sentences(&doc.text);
        let mentions = self.tagger.tag(&doc.text);
        let mut findings = cooccurrences(&sentences, &mentions);
        findings.extend(self.linker.link(&doc.text, &sentences, &mentions));
        Analysis {
            doc: DocInfo {
                id: doc.id.clone(),
                date: doc.date.clone(),
            },
            sentences,
            mentions,
            findings,
        }
    }

    /// On how many sentences and documents of `docs` (the corpus named `corpus`) each
    /// rule, frame and cue fired.
    pub fn rule_stats(&self, corpus: &str, docs: &[Document]) -> CorpusStats {
        let hits: Vec<(usize, Vec<Hit>)> = docs
            .par_iter()
            .map(|d| {
                let sentences = split_sentences(&d.text);
                let mentions = self.tagger.tag(&d.text);
                let (_, hits) = self.linker.link_traced(&d.text, &sentences, &mentions);
                (sentences.len(), hits)
            })
            .collect();
        let mut tally = Tally::default();
        for (i, (sentences, hits)) in hits.iter().enumerate() {
            tally.add(&self.linker, i, *sentences, hits);
        }
        tally.finish(corpus, self.linker.rules())
    }

    /// Analyses documents in parallel; the result keeps the input order.
    pub fn analyze_all(&self, docs: &[Document]) -> Vec<Analysis> {
        docs.par_iter().map(|d| self.analyze(d)).collect()
    }

    /// [`Pipeline::analyze_all`], calling `done` with each document's byte length once
    /// it is analysed (from any thread), for a progress display.
    pub fn analyze_all_with(
        &self,
        docs: &[Document],
        done: &(dyn Fn(u64) + Sync),
    ) -> Vec<Analysis> {
        docs.par_iter()
            .map(|d| {
                let a = self.analyze(d);
                done(d.text.len() as u64);
                a
            })
            .collect()
    }
}

/// Builds the graph of analysed documents (`docs` and `analyses` in the same order).
pub fn build_graph(gazetteer: &Gazetteer, docs: &[Document], analyses: &[Analysis]) -> Graph {
    let mut builder = GraphBuilder::new(gazetteer);
    for (doc, a) in docs.iter().zip(analyses) {
        builder.add_document(&a.doc, &doc.text, &a.mentions, &a.findings);
    }
    builder.finish()
}
