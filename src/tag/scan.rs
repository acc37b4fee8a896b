//! The scan: every whole-word occurrence of a folded alias in the folded text, the
//! checks a candidate must pass (capitals where the alias is short and capitalised, no
//! lower-case one-word names, no surname taken from someone else's full name), then the
//! leftmost-longest choice, with organs after a state's possessive and `X in PLACE` names
//! split in two.

use super::{Mention, Tagger};
use crate::gazetteer::EntityType;
use crate::text::{Folded, Span, fold};
use std::collections::HashSet;

impl Tagger {
    /// Finds every mention in `text`, in order of position, not overlapping; a name
    /// several entities share is given to the first of them (see [`super::homonym`]).
    pub(super) fn tag_all(&self, text: &str) -> Vec<Mention> {
        let folded = fold(text);
        let mut candidates: Vec<(usize, usize, u32)> = Vec::new();
        for m in self.matcher.find_overlapping_iter(&folded.text) {
            let (s, e) = (m.start(), m.end());
            if !word_boundary_before(&folded.text, s) || !word_boundary_after(&folded.text, e) {
                continue;
            }
            let pattern = &self.patterns[m.pattern().as_usize()];
            let Span { start: os, end: oe } = folded.original(s, e);
            if pattern.case_sensitive && text[os..oe].chars().any(char::is_lowercase) {
                continue;
            }
            if pattern.proper && text[os..oe].starts_with(char::is_lowercase) {
                continue;
            }
            if pattern.surname
                && follows_unknown_given_name(&text[..os], &self.words.not_given_names)
            {
                continue;
            }
            candidates.push((s, e, pattern.entity));
        }
        // Leftmost-longest, without overlaps.
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut mentions: Vec<Mention> = Vec::new();
        let mut last_end = 0;
        // The previous mention: where it ends in the folded text, and whether it is a place.
        let mut previous: Option<(usize, bool)> = None;
        let mut organ: Option<(usize, usize, u32)> = None;
        for (s, e, entity) in candidates {
            if s < last_end {
                continue;
            }
            if let Some((os, oe, o)) = organ.take() {
                // `Turkey's foreign ministry`, unless a gazetteer name starts inside it.
                if s >= oe {
                    self.push(&folded, &mut mentions, os, oe, o);
                }
            }
            last_end = e;
            let entity = self.resolve_metonym(&folded, text, s, e, entity, previous);
            let after = &folded.text[e..];
            if let Some(rest) = after
                .strip_prefix("'s ")
                .or_else(|| after.strip_prefix("' "))
            {
                let at = e + (after.len() - rest.len());
                organ = self
                    .organs
                    .find(entity, rest)
                    .map(|(o, len)| (at, at + len, o));
            }
            previous = Some((e, self.targets[entity as usize].kind == EntityType::Place));
            // `Iranian Consulate in Karbala`: the shortest span names each entity.
            if let Some((head_end, place, tail)) = self.split_in_place(&folded.text, s, e) {
                self.push(&folded, &mut mentions, s, head_end, entity);
                self.push(&folded, &mut mentions, tail, e, place);
                continue;
            }
            self.push(&folded, &mut mentions, s, e, entity);
        }
        if let Some((os, oe, o)) = organ {
            self.push(&folded, &mut mentions, os, oe, o);
        }
        mentions
    }

    /// For a name `X in Y` whose `Y` is a place name on its own: where `X` ends, the
    /// place, and where it starts.
    fn split_in_place(&self, f: &str, s: usize, e: usize) -> Option<(usize, u32, usize)> {
        let at = f[s..e].rfind(" in ")? + s;
        let tail = at + " in ".len();
        let m = self
            .matcher
            .find_overlapping_iter(&f[tail..e])
            .find(|m| m.start() == 0 && m.end() == e - tail)?;
        let place = self.patterns[m.pattern().as_usize()].entity;
        (self.targets[place as usize].kind == EntityType::Place).then_some((at, place, tail))
    }

    /// Adds the mention of `entity` at the folded range `s..e`.
    fn push(&self, folded: &Folded, mentions: &mut Vec<Mention>, s: usize, e: usize, entity: u32) {
        let target = &self.targets[entity as usize];
        mentions.push(Mention {
            span: folded.original(s, e),
            entity: target.id.clone(),
            kind: target.kind,
        });
    }
}

/// True when `before` ends in `Given ` — a capitalised word that is not a title or a
/// function word, directly before the surname.
fn follows_unknown_given_name(before: &str, not_given_names: &HashSet<String>) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let start = rest
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '.')
        .last()
        .map_or(rest.len(), |(i, _)| i);
    let word = rest[start..].trim_end_matches('.');
    if word.is_empty()
        || rest[..start].ends_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '’')
    {
        return false;
    }
    word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && word.chars().count() > 1
        && !not_given_names.contains(word)
}

fn word_boundary_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric())
}

fn word_boundary_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
}
