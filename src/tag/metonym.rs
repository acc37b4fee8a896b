//! Capitals named as actors: `Washington said` is the United States, `in Washington` the
//! city (see `gazetteer/README.md`, *Metonyms*; the cue words are the gazetteer folder's
//! `tagging.words`).

use super::Tagger;
use crate::gazetteer::EntityType;
use crate::text::{Folded, Span};

impl Tagger {
    /// A capital stays the city after a locative word or a determiner, at a dateline,
    /// before a possessive place, or as a noun modifier (`the Erbil attack`, `Baghdad
    /// residents`); otherwise it stands for its state (`Washington said`, `upsetting
    /// Tehran`, `Baghdad and Erbil agreed`).
    pub(super) fn resolve_metonym(
        &self,
        folded: &Folded,
        text: &str,
        s: usize,
        e: usize,
        entity: u32,
        previous: Option<(usize, bool)>,
    ) -> u32 {
        let Some(state) = self.targets[entity as usize].capital_of else {
            return entity;
        };
        let f = &folded.text;
        let before = &f[..s];
        let mut words = before.trim_end().rsplit(|c: char| !c.is_alphanumeric());
        let prev_word = words.next().unwrap_or("");
        if self.words.locative_before.contains(prev_word)
            || self.words.determiners.contains(prev_word)
        {
            return entity;
        }
        // `travelled to Baghdad`, `flew to Tehran`, `march on Baghdad`: a destination.
        if matches!(prev_word, "to" | "on" | "toward" | "towards") {
            let trimmed = before.trim_end();
            let verb = trimmed[..trimmed.len() - prev_word.len()]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if self.words.motion_verbs.contains(verb) {
                return entity;
            }
        }
        // A place in a list of places: `at Ain al-Asad and Erbil`.
        if let Some((end, true)) = previous {
            let between = f[end..s].trim();
            if matches!(between, "and" | "or" | "," | ", and" | ", or") {
                return entity;
            }
        }
        // Dateline: `BAGHDAD — ...`, `ERBIL, Kurdistan Region — ...`, `BAGHDAD/ANKARA
        // (Reuters) -`: a capitalised place at the start of a line, after other ones.
        let Span { start: os, end: oe } = folded.original(s, e);
        let capitals = |t: &str| !t.chars().any(char::is_lowercase);
        let dateline_like = |t: &str| {
            capitals(t)
                && t.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '/' | ' ' | ',' | '-'))
        };
        // The line start is looked for near the mention first: on a long line, searching
        // back to it for every mention made tagging quadratic. A line whose last bytes
        // before the mention cannot be a dateline is not one, wherever it starts.
        let mut near = before.len().saturating_sub(256);
        while !before.is_char_boundary(near) {
            near -= 1;
        }
        let line_start = match before[near..].rfind('\n') {
            Some(p) => Some(near + p + 1),
            None if near == 0 => Some(0),
            None => {
                let near_os = folded.original(near, near + 1).start;
                dateline_like(&text[near_os..os]).then(|| before.rfind('\n').map_or(0, |p| p + 1))
            }
        };
        if let Some(line_start) = line_start {
            let line_os = if line_start < s {
                folded.original(line_start, line_start + 1).start
            } else {
                os
            };
            let prefix = &text[line_os..os];
            if capitals(&text[os..oe]) && dateline_like(prefix) {
                return entity;
            }
        }
        let after = &f[e..];
        if let Some(rest) = after
            .strip_prefix("'s ")
            .or_else(|| after.strip_prefix("' "))
        {
            // A possessive followed by a place name: `Baghdad's Green Zone`.
            let start = e + (after.len() - rest.len());
            if let Some(m) = self.matcher.find(&f[start..]) {
                let kind = self.targets[self.patterns[m.pattern().as_usize()].entity as usize].kind;
                if m.start() == 0 && kind == EntityType::Place {
                    return entity;
                }
            }
            return state;
        }
        // A noun modifier: the next word is a lower-case word that is neither a verb of
        // saying or acting nor a function word.
        let next_word: String = text[oe..]
            .strip_prefix(' ')
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        if self.words.place_next.contains(next_word.as_str()) {
            return entity;
        }
        state
    }
}
