//! Names several entities share (`Paris` in France and in Texas): which one a mention
//! means, by the document. A candidate scores for each entity of its chain (`located_in`,
//! `country`, `parent`, `capital_of`, followed up to four steps) named in the document,
//! more when it is named right beside the mention (`Paris, Texas`), and for each entity
//! found in the document that shares an entity of that chain with it. The best score
//! wins; on a tie a larger `prior` wins; otherwise the mention stays undecided, with its
//! candidates ([`Unresolved`]), rather than being guessed.
//!
//! With no shared name in the gazetteer none of this runs: the tagger's results are those
//! it had before homonyms were allowed.

use super::{Mention, Tagger};
use crate::gazetteer::{EntityType, Gazetteer};
use crate::text::{Span, fold_key};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// A mention whose name several entities share, and nothing in the document decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    /// Its bytes in the original text.
    pub span: Span,
    /// The entities it may name (id and type), in id order.
    pub candidates: Vec<(String, EntityType)>,
}

/// The shared names of a gazetteer and what each candidate's chain is.
#[derive(Debug, Clone, Default)]
pub(super) struct Homonyms {
    /// Folded name -> every entity (index) that has it, in id order.
    by_key: BTreeMap<String, Vec<u32>>,
    /// Entity index -> the entities of its chain.
    chain: BTreeMap<u32, BTreeSet<u32>>,
    /// Entity index -> its prior.
    prior: BTreeMap<u32, f64>,
    /// Entity id -> its index (built once: a 100,000-entity map per document was most
    /// of the tagging time with a large gazetteer).
    index: HashMap<String, u32>,
}

/// How far a mention of a chain entity counts as `beside` the name, in bytes.
const BESIDE: usize = 40;

impl Homonyms {
    pub(super) fn new(gazetteer: &Gazetteer, index: &BTreeMap<&str, u32>) -> Homonyms {
        let mut owners: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for e in gazetteer.entities() {
            let i = index[e.id.as_str()];
            for name in e.names() {
                let list = owners.entry(fold_key(name)).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        owners.retain(|_, v| v.len() > 1);
        let mut h = Homonyms {
            by_key: owners,
            ..Homonyms::default()
        };
        if h.by_key.is_empty() {
            return h;
        }
        let ids: Vec<&str> = gazetteer.entities().map(|e| e.id.as_str()).collect();
        h.index = index.iter().map(|(id, &i)| (id.to_string(), i)).collect();
        for list in h.by_key.values() {
            for &i in list {
                let mut chain = BTreeSet::new();
                let mut frontier = vec![ids[i as usize]];
                for _ in 0..4 {
                    let mut next = Vec::new();
                    for id in frontier {
                        let Some(e) = gazetteer.get(id) else { continue };
                        for r in [&e.located_in, &e.country, &e.parent, &e.capital_of]
                            .into_iter()
                            .flatten()
                        {
                            if let Some(&j) = index.get(r.as_str())
                                && j != i
                                && chain.insert(j)
                            {
                                next.push(r.as_str());
                            }
                        }
                    }
                    frontier = next;
                }
                h.chain.insert(i, chain);
                if let Some(p) = gazetteer
                    .get(ids[i as usize])
                    .and_then(|e| e.attributes.get("prior"))
                    .and_then(|p| p.trim().parse::<f64>().ok())
                {
                    h.prior.insert(i, p);
                }
            }
        }
        h
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_key.is_empty()
    }
}

impl Tagger {
    /// Finds every mention in `text` like [`Tagger::tag`], and decides the names several
    /// entities share by the document: the decided ones are mentions, the others are
    /// returned apart with their candidates.
    pub fn tag_with_homonyms(&self, text: &str) -> (Vec<Mention>, Vec<Unresolved>) {
        let mut mentions = self.tag_all(text);
        if self.homonyms.is_empty() {
            return (mentions, Vec::new());
        }
        let h = &self.homonyms;
        let index_of = &h.index;
        // Which mentions are shared names, and their candidates.
        let shared: Vec<Option<&Vec<u32>>> = mentions
            .iter()
            .map(|m| {
                h.by_key
                    .get(&fold_key(m.span.of(text)))
                    .filter(|c| c.iter().any(|&i| self.targets[i as usize].id == m.entity))
            })
            .collect();
        // The entities found without doubt, with where.
        let known: Vec<(u32, Span)> = mentions
            .iter()
            .zip(&shared)
            .filter(|(_, s)| s.is_none())
            .filter_map(|(m, _)| index_of.get(m.entity.as_str()).map(|&i| (i, m.span)))
            .collect();
        let mut unresolved = Vec::new();
        let mut keep = vec![true; mentions.len()];
        for (k, candidates) in shared.iter().enumerate() {
            let Some(candidates) = candidates else {
                continue;
            };
            let at = mentions[k].span;
            let mut scores: Vec<(u32, usize)> = Vec::new();
            for &c in *candidates {
                let chain = &h.chain[&c];
                let mut score = 0;
                for (e, span) in &known {
                    if chain.contains(e) {
                        let beside = span.start >= at.end && span.start - at.end <= BESIDE
                            || at.start >= span.end && at.start - span.end <= BESIDE;
                        score += if beside { 3 } else { 1 };
                    } else if h
                        .chain
                        .get(e)
                        .map_or_else(|| self.shares_chain(*e, chain), |ec| !ec.is_disjoint(chain))
                    {
                        score += 1;
                    }
                }
                scores.push((c, score));
            }
            let best = scores.iter().map(|s| s.1).max().unwrap_or(0);
            let top: Vec<u32> = scores.iter().filter(|s| s.1 == best).map(|s| s.0).collect();
            let chosen = if top.len() == 1 && best > 0 {
                Some(top[0])
            } else {
                // A tie: the larger prior, when the tied candidates have different ones.
                let priors: Vec<(u32, f64)> = top
                    .iter()
                    .filter_map(|c| h.prior.get(c).map(|p| (*c, *p)))
                    .collect();
                let max = priors.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
                let winners: Vec<u32> = priors.iter().filter(|p| p.1 == max).map(|p| p.0).collect();
                (winners.len() == 1).then(|| winners[0])
            };
            match chosen {
                Some(c) => {
                    let t = &self.targets[c as usize];
                    mentions[k].entity = t.id.clone();
                    mentions[k].kind = t.kind;
                }
                None => {
                    keep[k] = false;
                    let mut list: Vec<(String, EntityType)> = candidates
                        .iter()
                        .map(|&c| {
                            let t = &self.targets[c as usize];
                            (t.id.clone(), t.kind)
                        })
                        .collect();
                    list.sort();
                    unresolved.push(Unresolved {
                        span: at,
                        candidates: list,
                    });
                }
            }
        }
        let mut k = 0;
        mentions.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        (mentions, unresolved)
    }

    /// True when entity `e`'s own `located_in` / `country` / `parent` is in `chain`
    /// (`Dallas` shares Texas with `Paris, Texas`), or `e` itself is.
    fn shares_chain(&self, e: u32, chain: &BTreeSet<u32>) -> bool {
        chain.contains(&e)
            || self
                .parents
                .get(e as usize)
                .is_some_and(|p| p.iter().any(|x| chain.contains(x)))
    }
}
