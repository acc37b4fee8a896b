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

/// The class that refuses the match `toks[start..end]`, if any; `breaks` are the
/// vocabulary ids of clause breaks (sorted) and `ignore` the classes the rule ignores.
pub fn refused<'r>(
    toks: &[Token],
    start: usize,
    end: usize,
    refusals: &'r [Refusal],
    breaks: &[u32],
    ignore: &[String],
) -> Option<&'r str> {
    for r in refusals {
        if ignore.contains(&r.class) {
            continue;
        }
        let cue = |t: &Token| r.words.binary_search(&t.word).is_ok();
        if toks[start..end].iter().any(cue) {
            return Some(&r.class);
        }
        for t in toks[..start].iter().rev().take(r.window) {
            if breaks.binary_search(&t.word).is_ok() {
                break;
            }
            if cue(t) {
                return Some(&r.class);
            }
        }
    }
    None
}
