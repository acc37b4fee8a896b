//! Organs named through their state's possessive: `Turkey's foreign ministry`, `Iraq's
//! interior ministry`, `Iran's army`. News writes these in lower case and without the
//! adjective the gazetteer lists (`Turkish Foreign Ministry`), so they are found from the
//! state's mention: the words after `X's` are matched against the ends of the names of
//! the organs whose `country` is X.

use crate::gazetteer::{EntityType, Gazetteer};
use crate::text::fold_key;
use std::collections::{BTreeMap, HashMap};

/// Last words of a name that make it an organ phrase.
const ORGAN_NOUNS: &[&str] = &[
    "ministry",
    "army",
    "military",
    "police",
    "intelligence",
    "parliament",
    "navy",
    "presidency",
    "cabinet",
    "judiciary",
    "embassy",
    "consulate",
    "guard",
    "guards",
];

/// Organ phrases that may stand as one word (`Iraq's army`); others need two or three
/// (`foreign ministry`), since `Iraq's ministry` names none.
const ONE_WORD: &[&str] = &[
    "army",
    "military",
    "police",
    "parliament",
    "navy",
    "presidency",
    "cabinet",
    "judiciary",
];

/// (state, folded phrase) → organ, or `None` when two organs of the state end that way.
#[derive(Debug, Clone, Default)]
pub(super) struct Organs {
    by_state: HashMap<(u32, String), Option<u32>>,
}

impl Organs {
    /// The organ phrases of every government entity that has a `country`.
    pub(super) fn new(gazetteer: &Gazetteer, index: &BTreeMap<&str, u32>) -> Organs {
        let mut by_state: HashMap<(u32, String), Option<u32>> = HashMap::new();
        for e in gazetteer.entities() {
            let Some(country) = e.country.as_deref().and_then(|c| index.get(c)) else {
                continue;
            };
            if e.kind != EntityType::Government || e.country.as_deref() == Some(e.id.as_str()) {
                continue;
            }
            let me = index[e.id.as_str()];
            let mut phrases: Vec<String> = Vec::new();
            for name in e.names() {
                let key = fold_key(name);
                let words: Vec<&str> = key.split(' ').collect();
                let Some(last) = words.last() else { continue };
                if !ORGAN_NOUNS.contains(last) {
                    continue;
                }
                for k in 1..=words.len().min(3) {
                    if k == 1 && !ONE_WORD.contains(last) {
                        continue;
                    }
                    phrases.push(words[words.len() - k..].join(" "));
                }
            }
            phrases.sort();
            phrases.dedup();
            for p in phrases {
                by_state
                    .entry((*country, p))
                    .and_modify(|owner| {
                        if *owner != Some(me) {
                            *owner = None;
                        }
                    })
                    .or_insert(Some(me));
            }
        }
        Organs { by_state }
    }

    /// The organ of `state` that `rest` (folded text after `X's `) starts with, and the
    /// folded length of its phrase: the longest phrase of up to three words wins.
    pub(super) fn find(&self, state: u32, rest: &str) -> Option<(u32, usize)> {
        if self.by_state.is_empty() {
            return None;
        }
        let mut ends = Vec::new();
        for (i, c) in rest.char_indices() {
            if !(c.is_alphanumeric()) {
                ends.push(i);
                if c != ' ' || ends.len() == 3 {
                    break;
                }
            }
        }
        if ends.len() < 3 && rest.chars().all(|c| c.is_alphanumeric() || c == ' ') {
            ends.push(rest.len());
        }
        ends.iter().rev().find_map(|&end| {
            let phrase = &rest[..end];
            match self.by_state.get(&(state, phrase.to_string())) {
                Some(Some(organ)) => Some((*organ, end)),
                _ => None,
            }
        })
    }
}
