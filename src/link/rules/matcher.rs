//! Matching a compiled pattern against a token sequence, by backtracking.
//!
//! Gaps are lazy (the shortest gap is tried first), lists are greedy (`X+` takes the
//! longest `A, B and C` first), and an optional element is tried before it is skipped.
//! The first complete match from a start position wins.

use super::pattern::{Accept, Implicit, Node, Side};
use super::tokens::{Filler, Token, Via};

/// A side filled by a match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// By a token: the filler and its byte span.
    Token {
        side: Side,
        filler: Filler,
        span: (usize, usize),
    },
    /// Implicitly.
    Implicit { side: Side, how: Implicit },
}

/// The tokens that join list items.
#[derive(Debug, Clone, Copy)]
pub struct Joiners {
    /// `,`
    pub comma: u32,
    /// `and`, `or`
    pub and: u32,
    /// `or`
    pub or: u32,
}

/// What the matcher needs besides the pattern and tokens.
#[derive(Debug, Clone, Copy)]
pub struct Words<'a> {
    /// List joiners.
    pub joiners: Joiners,
    /// Words a `..N` gap does not pass (sorted).
    pub stops: &'a [u32],
    /// Whether slots refuse obliques the pattern does not introduce (relations a clause
    /// states of its subject: `attacked`, `blamed`; not `located_in`).
    pub clausal: bool,
}

/// One match: the token range and what filled the sides.
#[derive(Debug, Clone)]
pub struct Found<'s> {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The fillers, in pattern order.
    pub bound: &'s [Bound],
}

/// Buffers reused from match to match, so that trying a rule allocates nothing.
#[derive(Debug, Default)]
pub struct Scratch {
    bound: Vec<Bound>,
    items: Vec<(usize, Filler)>,
}

struct State<'a> {
    toks: &'a [Token],
    ok: &'a dyn Fn(&Filler, &Accept) -> bool,
    joiners: Joiners,
    stops: &'a [u32],
    /// The sides filled so far (a stack: backtracking truncates it).
    bound: Vec<Bound>,
    /// The items of the lists being tried (a stack: each slot truncates to where it began).
    items: Vec<(usize, Filler)>,
    /// One past the last token a word of the pattern matched: an oblique mention (`in
    /// Iraq`) fills a slot only there, where the pattern names its preposition.
    lit: usize,
    clausal: bool,
}

type Cont<'c, 'a> = dyn FnMut(&mut State<'a>, usize) -> bool + 'c;

/// The filler at `pos`, with the position it was read at: a possessor the slot may not
/// take is passed over for the head it qualifies (`Iran's Revolutionary Guards`).
fn fills(
    toks: &[Token],
    ok: &dyn Fn(&Filler, &Accept) -> bool,
    pos: usize,
    accept: &Accept,
    modifier_ok: bool,
    possessor_ok: bool,
) -> Option<(usize, Filler)> {
    // A loop, not a recursion: a sentence can chain any number of possessors.
    let mut pos = pos;
    let (t, f) = loop {
        let t = toks.get(pos)?;
        let f = t.ent?;
        if t.possessor && !possessor_ok {
            pos += 2;
            continue;
        }
        break (t, f);
    };
    if t.modifier && !modifier_ok {
        return None;
    }
    if (f.via == Via::Demonym && !accept.demonym) || (f.via == Via::Anaphor && !accept.anaphor) {
        return None;
    }
    if f.via != Via::Demonym && !ok(&f, accept) {
        return None;
    }
    Some((pos, f))
}

impl<'a> State<'a> {
    fn fills(
        &self,
        pos: usize,
        accept: &Accept,
        modifier_ok: bool,
        possessor_ok: bool,
    ) -> Option<(usize, Filler)> {
        fills(self.toks, self.ok, pos, accept, modifier_ok, possessor_ok)
    }

    fn seq(&mut self, seq: &[Node], pos: usize, k: &mut Cont<'_, 'a>) -> bool {
        let Some((first, rest)) = seq.split_first() else {
            return k(self, pos);
        };
        match first {
            Node::Word(ids) => {
                if pos >= self.toks.len() || ids.binary_search(&self.toks[pos].word).is_err() {
                    return false;
                }
                let lit = std::mem::replace(&mut self.lit, pos + 1);
                if self.seq(rest, pos + 1, k) {
                    return true;
                }
                self.lit = lit;
                false
            }
            Node::Gap {
                max,
                mentions,
                except,
            } => {
                for g in 0..=*max {
                    if g > 0 {
                        let Some(t) = self.toks.get(pos + g - 1) else {
                            return false;
                        };
                        if except.binary_search(&t.word).is_ok() {
                            return false;
                        }
                        let head = !t.modifier && t.ent.is_some_and(|f| f.via == Via::Mention);
                        if !mentions && (head || self.stops.binary_search(&t.word).is_ok()) {
                            return false;
                        }
                    }
                    if self.seq(rest, pos + g, k) {
                        return true;
                    }
                }
                false
            }
            Node::Group(alts) => {
                for alt in alts {
                    if self.seq(alt, pos, &mut |st: &mut State<'a>, p| st.seq(rest, p, k)) {
                        return true;
                    }
                }
                false
            }
            Node::Opt(inner) => {
                self.seq(inner, pos, &mut |st: &mut State<'a>, p| st.seq(rest, p, k))
                    || self.seq(rest, pos, k)
            }
            Node::Not(ids) => {
                let next = self.toks.get(pos).map(|t| t.word);
                next.is_none_or(|w| ids.binary_search(&w).is_err()) && self.seq(rest, pos, k)
            }
            Node::Bind { side, how } => {
                self.bound.push(Bound::Implicit {
                    side: *side,
                    how: *how,
                });
                if self.seq(rest, pos, k) {
                    return true;
                }
                self.bound.pop();
                false
            }
            Node::Slot {
                side,
                list,
                accept,
                modifier_ok,
                possessor_ok,
            } => {
                let Some((at, f)) = self.fills(pos, accept, *modifier_ok, *possessor_ok) else {
                    return false;
                };
                if self.clausal && self.toks[at].oblique && self.lit != pos {
                    return false;
                }
                let base = self.items.len();
                self.items.push((at, f));
                if *list {
                    let j = self.joiners;
                    let word = |p: usize| self.toks.get(p).map(|t| t.word);
                    let mut p = at + 1;
                    loop {
                        let w = word(p);
                        let next = if w == Some(j.comma)
                            && matches!(word(p + 1), Some(x) if x == j.and || x == j.or)
                        {
                            p + 2
                        } else if w == Some(j.comma) || w == Some(j.and) || w == Some(j.or) {
                            p + 1
                        } else {
                            break;
                        };
                        let Some((at, f)) = self.fills(next, accept, *modifier_ok, *possessor_ok)
                        else {
                            break;
                        };
                        self.items.push((at, f));
                        let last = w != Some(j.comma) || next == p + 2;
                        p = at + 1;
                        if last {
                            break;
                        }
                    }
                }
                let before = self.bound.len();
                for n in (1..=self.items.len() - base).rev() {
                    for i in base..base + n {
                        let (p, f) = self.items[i];
                        let t = &self.toks[p];
                        self.bound.push(Bound::Token {
                            side: *side,
                            filler: f,
                            span: (t.start, t.end),
                        });
                    }
                    if self.seq(rest, self.items[base + n - 1].0 + 1, k) {
                        return true;
                    }
                    self.bound.truncate(before);
                }
                self.items.truncate(base);
                false
            }
        }
    }
}

/// Whether no match of `seq` can start at `start`, judged by its first element alone (a
/// word, a slot, or alternatives that each begin with one): a quick test before matching.
fn cannot_start(
    seq: &[Node],
    toks: &[Token],
    start: usize,
    clausal: bool,
    ok: &dyn Fn(&Filler, &Accept) -> bool,
) -> bool {
    let Some(first) = seq.first() else {
        return false;
    };
    match first {
        Node::Word(ids) => toks
            .get(start)
            .is_none_or(|t| ids.binary_search(&t.word).is_err()),
        Node::Slot {
            accept,
            modifier_ok,
            possessor_ok,
            ..
        } => match fills(toks, ok, start, accept, *modifier_ok, *possessor_ok) {
            None => true,
            // A clausal slot at the start takes no oblique: no word of the pattern precedes it.
            Some((at, _)) => clausal && toks[at].oblique,
        },
        Node::Group(alts) => alts
            .iter()
            .all(|a| cannot_start(a, toks, start, clausal, ok)),
        _ => false,
    }
}

/// The first match of `pattern` starting at token `start`; its fillers live in `scratch`
/// until the next call.
pub fn match_at<'s>(
    pattern: &[Node],
    toks: &[Token],
    start: usize,
    words: Words<'_>,
    ok: &dyn Fn(&Filler, &Accept) -> bool,
    scratch: &'s mut Scratch,
) -> Option<Found<'s>> {
    // Most tries fail at the first element: check it before setting the matcher up.
    if cannot_start(pattern, toks, start, words.clausal, ok) {
        return None;
    }
    let mut st = State {
        toks,
        ok,
        joiners: words.joiners,
        stops: words.stops,
        bound: std::mem::take(&mut scratch.bound),
        items: std::mem::take(&mut scratch.items),
        lit: usize::MAX,
        clausal: words.clausal,
    };
    st.bound.clear();
    st.items.clear();
    let mut end = None;
    st.seq(pattern, start, &mut |_: &mut State<'_>, at| {
        end = Some(at);
        true
    });
    // On success every step returned at once, so `bound` holds the match's fillers.
    scratch.bound = st.bound;
    scratch.items = st.items;
    Some(Found {
        start,
        end: end?,
        bound: &scratch.bound,
    })
}
