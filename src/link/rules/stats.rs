//! Rule statistics: on how many sentences and documents of a corpus each rule, frame and
//! cue fired, so that dead and single-use rules are visible (`newsgraph rules stats`).
//!
//! A rule *fires* on a sentence when one of its matches survives the refusals and names
//! two entities; it *adds* when one of those relations was not given by a rule that fired
//! before it in the sentence (rules run frames first, then the hand-written rules, so a
//! hand-written rule that never adds only repeats what frames find).

use super::linker::Hit;
use super::{Linker, RuleSet};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The counts of one rule on one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Sentences it fired on.
    pub sentences: usize,
    /// Documents it fired on.
    pub documents: usize,
    /// Sentences where it gave a relation no earlier rule gave.
    pub added: usize,
}

/// One rule's line of the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleLine {
    /// The rule's id.
    pub id: String,
    /// The relation it gives.
    pub relation: String,
    /// Its frame, for a rule made from a cue group and a frame.
    pub frame: Option<String>,
    /// Where it was written (`path:line`).
    pub origin: String,
    /// Its counts.
    pub counts: Counts,
}

/// What the rules did on one corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CorpusStats {
    /// The corpus as named on the command line.
    pub corpus: String,
    /// Documents read.
    pub documents: usize,
    /// Sentences read.
    pub sentences: usize,
    /// Every rule, in rule order.
    pub rules: Vec<RuleLine>,
    /// By frame: its rules' counts together (sentences and documents counted once).
    pub frames: BTreeMap<String, Counts>,
    /// By cue (`relation.group word`): the sentences and documents it fired on.
    pub cues: BTreeMap<String, Counts>,
}

/// (document, sentence) pairs.
type Places = BTreeSet<(usize, usize)>;

/// Folds the hits of documents into counts.
#[derive(Debug, Default)]
pub struct Tally {
    documents: usize,
    sentences: usize,
    /// By rule: (document, sentence) fired, (document, sentence) added.
    rules: BTreeMap<usize, (Places, Places)>,
    frames: BTreeMap<String, Places>,
    cues: BTreeMap<String, Places>,
}

impl Tally {
    /// Adds one document's hits (`doc` numbers the document, `sentences` its sentence count).
    pub fn add(&mut self, linker: &Linker, doc: usize, sentences: usize, hits: &[Hit]) {
        self.documents += 1;
        self.sentences += sentences;
        let rules = linker.rules().rules();
        for h in hits {
            let at = (doc, h.sentence);
            let entry = self.rules.entry(h.rule).or_default();
            entry.0.insert(at);
            if h.added {
                entry.1.insert(at);
            }
            let rule = &rules[h.rule];
            if let Some(frame) = rule.frame() {
                self.frames.entry(frame.to_string()).or_default().insert(at);
            }
            if let (Some(cue), Some(group)) = (h.cue, rule.cue_group()) {
                let word = linker.word(cue).unwrap_or("?");
                self.cues
                    .entry(format!("{group} {word}"))
                    .or_default()
                    .insert(at);
            }
        }
    }

    /// The report of a corpus named `corpus`, with every rule of `rules`.
    pub fn finish(self, corpus: &str, rules: &RuleSet) -> CorpusStats {
        let counts = |set: &BTreeSet<(usize, usize)>, added: usize| Counts {
            sentences: set.len(),
            documents: set.iter().map(|a| a.0).collect::<BTreeSet<_>>().len(),
            added,
        };
        let empty = (BTreeSet::new(), BTreeSet::new());
        let lines = rules
            .rules()
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (fired, added) = self.rules.get(&i).unwrap_or(&empty);
                RuleLine {
                    id: r.id.clone(),
                    relation: r.relation.clone(),
                    frame: r.frame().map(str::to_string),
                    origin: format!("{}:{}", r.origin.path.display(), r.origin.line),
                    counts: counts(fired, added.len()),
                }
            })
            .collect();
        CorpusStats {
            corpus: corpus.to_string(),
            documents: self.documents,
            sentences: self.sentences,
            rules: lines,
            frames: self
                .frames
                .iter()
                .map(|(k, v)| (k.clone(), counts(v, 0)))
                .collect(),
            cues: self
                .cues
                .iter()
                .map(|(k, v)| (k.clone(), counts(v, 0)))
                .collect(),
        }
    }
}
