//! The pipeline: document → sentences → mentions → findings, and findings → graph.

use crate::corpus::{Document, split_sentences};
use crate::gazetteer::Gazetteer;
use crate::graph::{DocInfo, Graph, GraphBuilder};
use crate::link::rules::Hit;
use crate::link::rules::stats::{CorpusStats, Tally};
use crate::link::{Finding, Linker, Reference, RuleSet, cooccurrences};
use crate::tag::{Mention, Tagger, Unresolved};
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
    /// Names several entities share that the document does not decide between (not in
    /// the mentions, the relations or the graph; `extract` lists them).
    pub unresolved: Vec<Unresolved>,
    /// Co-occurrences and typed relations.
    pub findings: Vec<Finding>,
    /// The references the linker resolved (pronouns, `the group`, `the attack`).
    pub references: Vec<Reference>,
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
        // A text over the tagging window is tagged in windows (no homonym choice there).
        let (mentions, unresolved) = if doc.text.len() <= TAG_WINDOW {
            self.tagger.tag_with_homonyms(&doc.text)
        } else {
            (tag_in_windows(&self.tagger, &doc.text), Vec::new())
        };
        let mut findings = cooccurrences(&sentences, &mentions);
        let pieces = rule_pieces(&doc.text, &sentences, &mentions);
        let (typed, references) =
            self.linker
                .link_with_references(&doc.text, &pieces, &mentions, doc.date.as_deref());
        findings.extend(typed);
        Analysis {
            doc: DocInfo {
                id: doc.id.clone(),
                date: doc.date.clone(),
            },
            sentences,
            mentions,
            unresolved,
            findings,
            references,
        }
    }

    /// On how many sentences and documents of `docs` (the corpus named `corpus`) each
    /// rule, frame and cue fired.
    pub fn rule_stats(&self, corpus: &str, docs: &[Document]) -> CorpusStats {
        let hits: Vec<(usize, Vec<Hit>)> = docs
            .par_iter()
            .map(|d| {
                let sentences = split_sentences(&d.text);
                let mentions = tag_in_windows(&self.tagger, &d.text);
                let pieces = rule_pieces(&d.text, &sentences, &mentions);
                let (_, hits) = self.linker.link_traced(&d.text, &pieces, &mentions);
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

/// The longest stretch of text the relation rules read as one sentence, in bytes.
pub const MAX_RULE_SENTENCE: usize = 65_536;

/// The sentences as the relation rules read them: a sentence longer than
/// [`MAX_RULE_SENTENCE`] (no news sentence is; a file without sentence ends can be) is
/// read in pieces of about that size, cut at white space outside mentions, so that the
/// rules' tokens of one sentence stay small (a 50 MB line took over 1 GB for them).
/// Shorter sentences are returned as they are.
pub fn rule_pieces(text: &str, sentences: &[Span], mentions: &[Mention]) -> Vec<Span> {
    if sentences
        .iter()
        .all(|s| s.end - s.start <= MAX_RULE_SENTENCE)
    {
        return sentences.to_vec();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(sentences.len());
    for &sentence in sentences {
        let mut start = sentence.start;
        while sentence.end - start > MAX_RULE_SENTENCE {
            let mut cut = start + MAX_RULE_SENTENCE;
            loop {
                while cut < sentence.end && !bytes[cut].is_ascii_whitespace() {
                    cut += 1;
                }
                // Inside a mention: cut after it instead.
                let i = mentions.partition_point(|m| m.span.start < cut);
                match i.checked_sub(1).map(|i| mentions[i].span) {
                    Some(m) if m.end > cut => cut = m.end,
                    _ => break,
                }
            }
            if cut >= sentence.end {
                break;
            }
            out.push(Span::new(start, cut));
            start = cut;
        }
        out.push(Span::new(start, sentence.end));
    }
    out
}

/// Texts longer than this are tagged in windows of this size (see [`tag_in_windows`]).
pub const TAG_WINDOW: usize = 1 << 22;
/// The text on either side of a window that its tagging also reads, for context.
const TAG_CONTEXT: usize = 4_096;

/// The mentions of `text`, tagged whole when it is at most [`TAG_WINDOW`] bytes (every
/// news article), else window by window with `TAG_CONTEXT` bytes of text read on either
/// side: a window keeps the mentions that start in it. Folding a 50 MB text at once took
/// half a gigabyte for its offset map alone.
pub fn tag_in_windows(tagger: &Tagger, text: &str) -> Vec<Mention> {
    if text.len() <= TAG_WINDOW {
        return tagger.tag(text);
    }
    // A cut at white space, so that folding sees the same words.
    let cut = |mut i: usize| {
        i = i.min(text.len());
        while i < text.len() && !text.as_bytes()[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let back = |mut i: usize| {
        while i > 0 && !text.as_bytes()[i].is_ascii_whitespace() {
            i -= 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let end = cut(start + TAG_WINDOW);
        let from = if start > TAG_CONTEXT {
            back(start - TAG_CONTEXT)
        } else {
            0
        };
        let to = cut(end + TAG_CONTEXT);
        for mut m in tagger.tag(&text[from..to]) {
            m.span = Span::new(m.span.start + from, m.span.end + from);
            if m.span.start >= start && m.span.start < end {
                out.push(m);
            }
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityType;

    #[test]
    fn long_sentences_are_cut_for_the_rules_at_white_space_outside_mentions() {
        let text = "Kataib Hezbollah said ".repeat(10_000);
        let whole = Span::new(0, text.len());
        let mentions: Vec<Mention> = text
            .match_indices("Kataib Hezbollah")
            .map(|(i, m)| Mention {
                span: Span::new(i, i + m.len()),
                entity: "kataib_hezbollah".into(),
                kind: EntityType::Militia,
            })
            .collect();
        let pieces = rule_pieces(&text, &[whole], &mentions);
        assert!(pieces.len() > 1);
        assert_eq!(
            (pieces[0].start, pieces.last().unwrap().end),
            (0, text.len())
        );
        for w in pieces.windows(2) {
            assert_eq!(w[0].end, w[1].start);
            assert!(w[0].end - w[0].start <= MAX_RULE_SENTENCE + 100);
            assert!(
                !mentions
                    .iter()
                    .any(|m| m.span.start < w[0].end && w[0].end < m.span.end)
            );
        }
        let short = [Span::new(0, 10)];
        assert_eq!(rule_pieces(&text, &short, &mentions), short);
    }
}
