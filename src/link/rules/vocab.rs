//! The words rules mention, numbered, so that tokens and patterns compare numbers.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: words are short, and SipHash's protection is not needed for rule words.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Id of a token whose word no rule mentions.
pub const UNKNOWN: u32 = u32::MAX;

/// Word → id, for every word, family member and punctuation mark the rules use.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<String, u32, BuildHasherDefault<Fnv>>,
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

    /// The word of an id (a linear search: for reports, not for matching).
    pub fn word(&self, id: u32) -> Option<&str> {
        self.ids
            .iter()
            .find(|(_, v)| **v == id)
            .map(|(k, _)| k.as_str())
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.ids.len()
    }
}
