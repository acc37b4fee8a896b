//! The tagged sentence that rules read: words, punctuation and entity fillers.
//!
//! A mention becomes one token that fills a slot. Words are folded (lower case, no
//! diacritics, no inner apostrophes) and numbered by the rules' vocabulary. A possessive
//! `'s` and `n't` (read as `not`) are tokens of their own; quotation marks are dropped; a
//! hyphen between two words is `-` and a free-standing dash is `--`. A demonym (`Iraqi`)
//! and a personal pronoun (`he`, `him`, `she`) are words that may also fill a slot, with
//! the demonym's state or the last person named before the pronoun. A parenthesis that
//! only repeats the name before it or names nothing (`Popular Mobilisation Forces (PMF)`)
//! is dropped. A mention glued to a hyphen (`Iran-backed`, `pro-Iran`) is a *modifier*.

use super::vocab::{Fnv, UNKNOWN, Vocab};
use crate::gazetteer::EntityType;
use crate::text::fold;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Folded demonym → state entity index.
pub type Demonyms = HashMap<String, u32, BuildHasherDefault<Fnv>>;

/// How a token fills a slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// A gazetteer mention.
    Mention,
    /// A pronoun standing for the last person named.
    Pronoun,
    /// A demonym standing for its state.
    Demonym,
    /// A noun (`the city`, `Department`) standing for an entity named before.
    Anaphor,
    /// A title (`the Iraqi prime minister`) standing for who held it on the document's date.
    Role,
}

/// An entity a token stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filler {
    /// Index of the entity in the linker's table.
    pub entity: u32,
    /// The entity's type.
    pub kind: EntityType,
    /// How the token names it.
    pub via: Via,
}

/// One token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the token in the document.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Vocabulary id of the folded word or punctuation ([`UNKNOWN`] for mentions).
    pub word: u32,
    /// The entity the token stands for, if any.
    pub ent: Option<Filler>,
    /// A mention used as a modifier (`Iran-backed`).
    pub modifier: bool,
    /// A mention followed by a possessive `'s` (`Iraq` in `Iraq's capital`).
    pub possessor: bool,
    /// A mention that is the object of a preposition (`in Iraq`, `of the PMF`): only a
    /// slot written right after a word of the pattern takes it (see [`super::clause`]).
    pub oblique: bool,
}

/// A mention of the sentence, resolved to the linker's entity index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// Byte after the last.
    pub end: usize,
    /// Entity index.
    pub entity: u32,
    /// Entity type.
    pub kind: EntityType,
}

/// Vocabulary ids the tokenizer needs for every sentence, looked up once.
#[derive(Debug, Clone)]
pub struct Known {
    /// By ASCII byte: the id of the one-character word.
    ascii: [u32; 128],
    /// `-`, `--`, `'s`, `not`.
    hyphen: u32,
    dash: u32,
    possessive: u32,
    not: u32,
}

impl Known {
    /// Looks the tokenizer's fixed words up in `vocab`.
    pub fn new(vocab: &Vocab) -> Known {
        let mut ascii = [UNKNOWN; 128];
        for (b, id) in ascii.iter_mut().enumerate() {
            *id = vocab.get(char::from(b as u8).encode_utf8(&mut [0; 4]));
        }
        Known {
            ascii,
            hyphen: vocab.get("-"),
            dash: vocab.get("--"),
            possessive: vocab.get("'s"),
            not: vocab.get("not"),
        }
    }
}

/// What the tokenizer needs besides the text.
pub struct Context<'a> {
    /// The rules' vocabulary.
    pub vocab: &'a Vocab,
    /// Ids of its fixed words.
    pub known: &'a Known,
    /// Folded demonym → state entity index.
    pub demonyms: &'a Demonyms,
    /// The last person named before a byte offset, for pronouns.
    pub person_before: &'a dyn Fn(usize) -> Option<u32>,
    /// The entity an anaphoric noun at a byte offset stands for, if the word is one.
    pub anaphor: &'a dyn Fn(u32, usize) -> Option<Filler>,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '″')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => text.get(i..).and_then(|s| s.chars().next()),
        None => None,
    }
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text[..i].chars().next_back()
}

/// Folds a word into `out` (cleared first).
fn fold_word(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
        // Words are short: a byte loop, not a memchr call.
        if w.bytes().any(|b| b == b'\'') {
            out.retain(|c| c != '\'');
        }
    } else {
        out.extend(fold(w).text.chars().filter(|c| c.is_alphanumeric()));
    }
}

/// The tokens of the sentence `range` of `text`, whose mentions are `spans` (sorted), in
/// `toks` (cleared first); `folded` is a buffer for words.
pub fn tokenize(
    text: &str,
    range: (usize, usize),
    spans: &[Span],
    cx: &Context,
    toks: &mut Vec<Token>,
    folded: &mut String,
) {
    let (s, e) = range;
    toks.clear();
    let known = cx.known;
    let word = |w: &str| cx.vocab.get(w);
    let mut m = 0;
    let mut i = s;
    while i < e {
        while m < spans.len() && spans[m].start < i {
            m += 1;
        }
        if m < spans.len() && spans[m].start == i {
            let sp = spans[m];
            let ent = Filler {
                entity: sp.entity,
                kind: sp.kind,
                via: Via::Mention,
            };
            toks.push(Token {
                start: sp.start,
                end: sp.end,
                word: UNKNOWN,
                ent: Some(ent),
                modifier: false,
                possessor: false,
                oblique: false,
            });
            i = sp.end;
            m += 1;
            continue;
        }
        let next_mention = spans.get(m).map_or(e, |sp| sp.start.min(e));
        let Some(c) = char_at(text, i) else { break };
        let len = c.len_utf8();
        if c.is_whitespace() || is_quote(c) {
            i += len;
        } else if c.is_alphanumeric() {
            let mut j = i;
            let bytes = text.as_bytes();
            while j < next_mention {
                // ASCII letters and digits, a byte at a time (most of any news text).
                if bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                let Some(d) = char_at(text, j) else { break };
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                } else if is_apostrophe(d) {
                    let a = char_at(text, j + d.len_utf8());
                    let b = a.and_then(|a| char_at(text, j + d.len_utf8() + a.len_utf8()));
                    let ends = !b.is_some_and(char::is_alphanumeric);
                    if a.is_some_and(|a| a == 's' || a == 'S') && ends {
                        break; // possessive
                    }
                    if a == Some('t') && ends && text[i..j].ends_with(['n', 'N']) {
                        break; // n't
                    }
                    if a.is_some_and(char::is_alphabetic) {
                        j += d.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let raw = &text[i..j];
            let after = char_at(text, j);
            let negated = after.is_some_and(is_apostrophe)
                && char_at(text, j + after.unwrap().len_utf8()) == Some('t')
                && raw.ends_with(['n', 'N']);
            let core = if negated { &raw[..raw.len() - 1] } else { raw };
            fold_word(core, folded);
            let mut ent = None;
            if c.is_uppercase()
                && let Some(&state) = cx.demonyms.get(folded.as_str())
            {
                ent = Some(Filler {
                    entity: state,
                    kind: EntityType::Government,
                    via: Via::Demonym,
                });
            }
            let id = word(folded);
            if ent.is_none() && id != UNKNOWN {
                ent = (cx.anaphor)(id, i);
            }
            if matches!(folded.as_str(), "he" | "him" | "she") {
                ent = (cx.person_before)(i).map(|p| Filler {
                    entity: p,
                    kind: EntityType::Person,
                    via: Via::Pronoun,
                });
            }
            if !core.is_empty() {
                toks.push(Token {
                    start: i,
                    end: i + core.len(),
                    word: id,
                    ent,
                    modifier: false,
                    possessor: false,
                    oblique: false,
                });
            }
            if negated {
                let t_end = j + after.unwrap().len_utf8() + 1;
                toks.push(Token {
                    start: i + core.len(),
                    end: t_end,
                    word: known.not,
                    ent: None,
                    modifier: false,
                    possessor: false,
                    oblique: false,
                });
                j = t_end;
            }
            i = j;
        } else if is_apostrophe(c) {
            let a = char_at(text, i + len);
            let after_s = a.and_then(|a| char_at(text, i + len + a.len_utf8()));
            if a.is_some_and(|a| a == 's' || a == 'S')
                && !after_s.is_some_and(char::is_alphanumeric)
            {
                toks.push(Token {
                    start: i,
                    end: i + len + 1,
                    word: known.possessive,
                    ent: None,
                    modifier: false,
                    possessor: false,
                    oblique: false,
                });
                i += len + 1;
            } else if char_before(text, i).is_some_and(|p| p == 's' || p == 'S')
                && !a.is_some_and(char::is_alphanumeric)
            {
                // `the United States' support`, `the Houthis' leader`: a plural possessive.
                toks.push(Token {
                    start: i,
                    end: i + len,
                    word: known.possessive,
                    ent: None,
                    modifier: false,
                    possessor: false,
                    oblique: false,
                });
                i += len;
            } else {
                i += len;
            }
        } else if is_dash(c) {
            let glued = matches!(c, '-' | '‐' | '‑')
                && char_before(text, i).is_some_and(|p| !p.is_whitespace())
                && char_at(text, i + len).is_some_and(|n| !n.is_whitespace());
            toks.push(Token {
                start: i,
                end: i + len,
                word: if glued { known.hyphen } else { known.dash },
                ent: None,
                modifier: false,
                possessor: false,
                oblique: false,
            });
            i += len;
        } else {
            let id = match known.ascii.get(c as usize) {
                Some(&id) => id,
                None => word(c.encode_utf8(&mut [0; 4])),
            };
            toks.push(Token {
                start: i,
                end: i + len,
                word: id,
                ent: None,
                modifier: false,
                possessor: false,
                oblique: false,
            });
            i += len;
        }
    }
    drop_parentheses(text, toks);
    mark_modifiers(toks, known.hyphen, known.possessive);
}

/// Drops `( ... )` when it names nothing new; otherwise only the brackets go.
fn drop_parentheses(text: &str, toks: &mut Vec<Token>) {
    let is = |t: &Token, c: u8| t.end == t.start + 1 && text.as_bytes()[t.start] == c;
    if !toks.iter().any(|t| is(t, b'(')) {
        return;
    }
    // Compacts in place: `out` tokens are written at `w`, never past the one being read.
    let mut w: usize = 0;
    let mut i = 0;
    while i < toks.len() {
        if is(&toks[i], b'(')
            && let Some(len) = toks[i + 1..]
                .iter()
                .take(16)
                .position(|t| is(t, b')') || is(t, b'('))
            && is(&toks[i + 1 + len], b')')
        {
            let close = i + 1 + len;
            let before = w.checked_sub(1).and_then(|p| toks[p].ent).map(|f| f.entity);
            let new_name = toks[i + 1..close].iter().any(|t| {
                t.ent
                    .is_some_and(|f| f.via == Via::Mention && Some(f.entity) != before)
            });
            if new_name {
                toks.copy_within(i + 1..close, w);
                w += close - (i + 1);
            }
            i = close + 1;
            continue;
        }
        toks[w] = toks[i];
        w += 1;
        i += 1;
    }
    toks.truncate(w);
}

fn mark_modifiers(toks: &mut [Token], dash: u32, poss: u32) {
    for i in 0..toks.len() {
        if toks[i].ent.is_none_or(|f| f.via != Via::Mention) {
            continue;
        }
        let before = i > 0 && toks[i - 1].word == dash && toks[i - 1].end == toks[i].start;
        let after =
            i + 1 < toks.len() && toks[i + 1].word == dash && toks[i + 1].start == toks[i].end;
        toks[i].modifier = before || after;
        toks[i].possessor = i + 1 < toks.len() && toks[i + 1].word == poss;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, spans: &[Span]) -> Vec<String> {
        let mut v = Vocab::default();
        for w in ["-", "--", "'s", "not", ","] {
            v.intern(w);
        }
        let mut dem = Demonyms::default();
        dem.insert("iraqi".to_string(), 7);
        let none = |_: usize| Some(9);
        let no_anaphor = |_: u32, _: usize| None;
        let cx = Context {
            vocab: &v,
            known: &Known::new(&v),
            demonyms: &dem,
            person_before: &none,
            anaphor: &no_anaphor,
        };
        let mut toks = Vec::new();
        tokenize(
            text,
            (0, text.len()),
            spans,
            &cx,
            &mut toks,
            &mut String::new(),
        );
        toks.into_iter()
            .map(|t| {
                let s = text[t.start..t.end].to_string();
                match t.ent {
                    Some(f) if t.modifier => format!("<{}~>", f.entity),
                    Some(f) => format!("<{}:{s}>", f.entity),
                    None => s,
                }
            })
            .collect()
    }

    fn sp(text: &str, name: &str, entity: u32) -> Span {
        let start = text.find(name).unwrap();
        Span {
            start,
            end: start + name.len(),
            entity,
            kind: EntityType::Militia,
        }
    }

    #[test]
    fn splits_possessives_negations_hyphens_and_quotes() {
        let t = "Iran’s “allies” didn't act — Iran-backed, pro-Iran";
        let at = |i: usize| Span {
            start: i,
            end: i + 4,
            entity: 1,
            kind: EntityType::Government,
        };
        let spans = [
            at(0),
            at(t.find("Iran-").unwrap()),
            at(t.rfind("Iran").unwrap()),
        ];
        assert_eq!(
            words(t, &spans),
            [
                "<1:Iran>", "’s", "allies", "did", "n't", "act", "—", "<1~>", "-", "backed", ",",
                "pro", "-", "<1~>"
            ]
        );
    }

    #[test]
    fn a_parenthesis_naming_someone_new_keeps_its_words() {
        let t = "KH (and Iran) met (in the end) Iran (KH) today";
        let spans = [
            sp(t, "KH", 4),
            sp(t, "Iran", 5),
            Span {
                start: t.rfind("Iran").unwrap(),
                end: t.rfind("Iran").unwrap() + 4,
                entity: 5,
                kind: EntityType::Government,
            },
            Span {
                start: t.rfind("KH").unwrap(),
                end: t.rfind("KH").unwrap() + 2,
                entity: 4,
                kind: EntityType::Militia,
            },
        ];
        assert_eq!(
            words(t, &spans),
            [
                "<4:KH>", "and", "<5:Iran>", "met", "<5:Iran>", "<4:KH>", "today"
            ]
        );
    }

    #[test]
    fn demonyms_pronouns_and_parentheses() {
        let t = "He met Iraqi leaders of Popular Forces (PMF) and KH (Kataib)";
        let spans = [sp(t, "Popular Forces", 3), sp(t, "PMF", 3), sp(t, "KH", 4)];
        assert_eq!(
            words(t, &spans),
            [
                "<9:He>",
                "met",
                "<7:Iraqi>",
                "leaders",
                "of",
                "<3:Popular Forces>",
                "and",
                "<4:KH>"
            ]
        );
    }
}
