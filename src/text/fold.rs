//! Text folding with a map back to the original bytes.
//!
//! The tagger matches aliases against folded text, in which case, compatibility forms
//! (NFKC), diacritics, curly quotes, dashes and runs of white space no longer differ,
//! and an apostrophe between two letters is gone (`Kata’ib` → `kataib`), except in a
//! possessive `'s`. Every folded byte remembers the original character it came from, so
//! a match in folded text maps back to exact byte offsets of the original.

use super::Span;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folded text and, for each of its bytes, the original character's byte range.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Folded {
    /// The original byte range of the folded byte range `start..end` (`start < end`).
    pub fn original(&self, start: usize, end: usize) -> Span {
        Span::new(self.starts[start] as usize, self.ends[end - 1] as usize)
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | '′')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '_')
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '″')
}

struct Writer {
    out: Folded,
}

impl Writer {
    fn push(&mut self, c: char, start: usize, end: usize) {
        if c == ' ' && matches!(self.out.text.as_bytes().last(), None | Some(b' ' | b'\n')) {
            return;
        }
        let before = self.out.text.len();
        self.out.text.push(c);
        for _ in before..self.out.text.len() {
            self.out.starts.push(start as u32);
            self.out.ends.push(end as u32);
        }
    }
}

/// Folds `text` for matching (see the module documentation). Offsets are kept as
/// 32-bit numbers: a document may not exceed 4 GiB.
pub fn fold(text: &str) -> Folded {
    let mut w = Writer {
        out: Folded {
            text: String::with_capacity(text.len()),
            starts: Vec::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len()),
        },
    };
    let mut prev: Option<char> = None;
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        let before = prev;
        prev = Some(c);
        if c.is_ascii_alphanumeric() {
            w.push(c.to_ascii_lowercase(), start, end);
        } else if c == '\n' || c == '\r' {
            w.push('\n', start, end);
        } else if c.is_whitespace() || is_dash(c) {
            w.push(' ', start, end);
        } else if is_apostrophe(c) {
            let prev_letter = before.is_some_and(char::is_alphabetic);
            let mut ahead = text[end..].chars();
            let next = ahead.next();
            let after = ahead.next();
            let possessive =
                matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric);
            let inside_word = prev_letter && next.is_some_and(char::is_alphabetic);
            if possessive || !inside_word {
                w.push('\'', start, end);
            }
        } else if is_double_quote(c) {
            w.push('"', start, end);
        } else if c.is_ascii() {
            w.push(c, start, end);
        } else {
            for d in std::iter::once(c).nfkd() {
                if is_combining_mark(d) {
                    continue;
                }
                for l in d.to_lowercase() {
                    if is_combining_mark(l) {
                        continue;
                    }
                    let l = if l.is_whitespace() || is_dash(l) {
                        ' '
                    } else if is_apostrophe(l) {
                        '\''
                    } else if is_double_quote(l) {
                        '"'
                    } else {
                        l
                    };
                    w.push(l, start, end);
                }
            }
        }
    }
    w.out
}

/// The folded form of a name, trimmed: two names with the same key match the same text.
pub fn fold_key(name: &str) -> String {
    fold(name).text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_dashes_and_diacritics() {
        assert_eq!(fold("Kata’ib  Hezbollah").text, "kataib hezbollah");
        assert_eq!(fold("Hashd al–Sha'bi").text, "hashd al shabi");
        assert_eq!(fold("Kādhimī").text, "kadhimi");
        assert_eq!(fold("“Quote”").text, "\"quote\"");
        assert_eq!(fold("ＩＲＧＣ").text, "irgc");
        assert_eq!(fold("İstanbul").text, "istanbul");
    }

    #[test]
    fn possessive_apostrophe_is_kept() {
        assert_eq!(fold("Iraq’s capital").text, "iraq's capital");
        assert_eq!(fold("the Americans' base").text, "the americans' base");
    }

    #[test]
    fn offsets_map_back_to_original_bytes() {
        let text = "Le Kata’ib — Ḥizb";
        let f = fold(text);
        let at = f.text.find("kataib").unwrap();
        let Span { start: s, end: e } = f.original(at, at + "kataib".len());
        assert_eq!(&text[s..e], "Kata’ib");
        let at = f.text.find("hizb").unwrap();
        let Span { start: s, end: e } = f.original(at, at + 4);
        assert_eq!(&text[s..e], "Ḥizb");
    }

    #[test]
    fn keeps_line_breaks_apart_from_spaces() {
        assert_eq!(fold("Baghdad\r\nAirport").text, "baghdad\n\nairport");
        assert_eq!(fold("a \t b").text, "a b");
    }
}
