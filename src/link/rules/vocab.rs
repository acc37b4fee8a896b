//! The words rules mention, numbered, so that tokens and patterns compare numbers.

use std::collections::HashMap;

/// Id of a token whose word no rule mentions.
pub const UNKNOWN: u32 = u32::MAX;

/// Word → id, for every word, family member and punctuation mark the rules use.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    /// The id of `word`, adding it when new.
    pub fn intern(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word.to_string()).or_insert(next)
    }

    /// The id of `word`, or [`UNKNOWN`].
    pub fn get(&self, word: &str) -> u32 {
        self.ids.get(word).copied().unwrap_or(UNKNOWN)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ids.len()
    }
}
