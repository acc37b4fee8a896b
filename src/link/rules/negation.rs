//! Refusals: negation, denial, hypotheticals and reported doubt cancel a match.
//!
//! Each `refuse CLASS WINDOW: words` declaration names cue words. A match is refused when
//! a cue of any class the rule does not ignore occurs inside the matched tokens, or
//! among the `WINDOW` tokens before them, without crossing a clause break (`,` `;` `:`
//! `--` `.`): `X did not threaten Y`, `X denied attacking Y`, `if X attacks Y`.

use super::tokens::Token;

/// One class of cue words.
#[derive(Debug, Clone)]
pub struct Refusal {
    /// Class name (`negation`, `hypothetical`, ...).
    pub class: String,
    /// How many tokens before the match are searched.
    pub window: usize,
    /// Vocabulary ids of the cue words, sorted.
    pub words: Vec<u32>,
}

/// The refusal classes (indices into the rule set's refusals) that each word cues, by
/// vocabulary id.
pub fn cue_index(refusals: &[Refusal], vocab_len: usize) -> Vec<Vec<usize>> {
    let mut cues = vec![Vec::new(); vocab_len];
    for (c, r) in refusals.iter().enumerate() {
        for &w in &r.words {
            cues[w as usize].push(c);
        }
    }
    cues
}

/// The first class (in declaration order) that refuses the match `toks[start..end]`, if
/// any; `cues` is the [`cue_index`] of `refusals`, `breaks` the vocabulary ids of clause
/// breaks (sorted) and `ignored` tells, by class, whether the rule ignores it.
pub fn refused<'r>(
    toks: &[Token],
    start: usize,
    end: usize,
    refusals: &'r [Refusal],
    cues: &[Vec<usize>],
    breaks: &[u32],
    ignored: &[bool],
) -> Option<&'r str> {
    let cued = |t: &Token| cues.get(t.word as usize).into_iter().flatten();
    let mut first = usize::MAX;
    for t in &toks[start..end] {
        for &c in cued(t) {
            if !ignored[c] {
                first = first.min(c);
            }
        }
    }
    let window = refusals.iter().map(|r| r.window).max().unwrap_or(0);
    for (d, t) in toks[..start].iter().rev().take(window).enumerate() {
        if breaks.binary_search(&t.word).is_ok() {
            break;
        }
        for &c in cued(t) {
            if !ignored[c] && d < refusals[c].window {
                first = first.min(c);
            }
        }
    }
    refusals.get(first).map(|r| r.class.as_str())
}
