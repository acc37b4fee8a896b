//! A sentence splitter for news text.
//!
//! A line break always ends a sentence (headlines, bylines and datelines carry no final
//! period). Inside a line, `.`, `!`, `?` and `…` end a sentence when white space follows
//! (after any closing quotes or brackets) and the next word does not start in lower case,
//! unless the period closes an abbreviation (`Dr.`, `Gen.`, `Feb.`), an initial (`W.`) or
//! a dotted acronym (`U.S.`) that is not followed by a typical sentence opener.

use crate::text::Span;

/// Titles and other abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm",
    "cmdr", "gov", "sen", "rep", "pres", "amb", "st", "jr", "sr", "rev", "hon", "brig", "pvt",
    "cpl", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "nos", "vs", "inc", "co", "corp", "ltd", "mt", "ft", "approx", "est", "fig", "vol", "pp",
    "al", "mm",
];

/// Words that start a new sentence after a dotted acronym (`... to the U.S. The next day`).
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "However",
    "Meanwhile",
    "Its",
    "His",
    "Her",
    "Their",
    "There",
    "After",
    "Since",
    "When",
    "While",
    "Although",
    "Some",
    "Many",
    "Officials",
];

/// Splits `text` into sentences, returned as byte ranges into `text`, without
/// surrounding white space. Empty lines give no sentence.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        split_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len();
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The character at byte `at` of `s` (which must be a character boundary), if any.
fn char_at(s: &str, at: usize) -> Option<char> {
    s[at..].chars().next()
}

/// The byte offset of the next terminator in `line` at or after `from`.
fn next_terminator(line: &str, from: usize) -> Option<usize> {
    /// The bytes that may start a terminator.
    static STARTS: [bool; 256] = {
        let mut t = [false; 256];
        t[b'.' as usize] = true;
        t[b'!' as usize] = true;
        t[b'?' as usize] = true;
        t[0xE2] = true;
        t
    };
    let bytes = line.as_bytes();
    let mut i = from;
    while let Some(off) = bytes[i..].iter().position(|&b| STARTS[b as usize]) {
        let at = i + off;
        // 0xE2 starts `…` (E2 80 A6) and many other characters.
        if bytes[at] != 0xE2 || line[at..].starts_with('…') {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

fn split_line(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let line = &text[start..end];
    let mut sent_start = 0;
    let mut i = 0;
    while let Some(dot) = next_terminator(line, i) {
        let term = char_at(line, dot).unwrap_or('.');
        // Take the whole run of terminators and closers: `?!`, `...`, `."`, `.”)`.
        let mut j = dot + term.len_utf8();
        while let Some(c) = char_at(line, j).filter(|&c| is_terminator(c) || is_closer(c)) {
            j += c.len_utf8();
        }
        let mut next = j;
        while let Some(c) = char_at(line, next).filter(|c| c.is_whitespace()) {
            next += c.len_utf8();
        }
        let followed_by_space = next > j && next < line.len();
        if followed_by_space && ends_sentence(line, dot, term, next) {
            push_trimmed(text, start + sent_start, start + j, out);
            sent_start = j;
        }
        i = j;
    }
    push_trimmed(text, start + sent_start, end, out);
}

/// Whether the terminator `term` at byte `dot` of `line` ends a sentence, given that the
/// next word starts at byte `next`.
fn ends_sentence(line: &str, dot: usize, term: char, next: usize) -> bool {
    let next_char = char_at(line, next).unwrap_or(' ');
    if next_char.is_lowercase() {
        return false;
    }
    if term != '.' {
        return true;
    }
    // The word before the period, back to white space or an opening bracket or quote.
    let word_start = line[..dot]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘' | '['))
        .map(|p| p + line[p..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let word = &line[word_start..dot];
    if word.is_empty() {
        return true;
    }
    let abbreviation = if word.is_ascii() {
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    };
    if abbreviation {
        return false;
    }
    // An initial: `George W. Bush`.
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next())
        && first.is_uppercase()
    {
        return false;
    }
    // A dotted acronym: `U.S.`, `U.N.`, `a.m.`: ends a sentence only before an opener.
    if word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2) {
        let rest = &line[next..];
        let len = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        return OPENERS.contains(&&rest[..len]);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| s.of(text))
            .collect()
    }

    #[test]
    fn headline_lines_end_without_period() {
        assert_eq!(
            split(
                "Rockets hit Green Zone\nJanuary 5, 2020\n\nThree rockets fell. Nobody was hurt."
            ),
            [
                "Rockets hit Green Zone",
                "January 5, 2020",
                "Three rockets fell.",
                "Nobody was hurt."
            ]
        );
    }

    #[test]
    fn abbreviations_initials_and_acronyms_do_not_split() {
        assert_eq!(
            split(
                "Gen. Kenneth McKenzie met Dr. Saleh on Feb. 3 in the U.S. capital. George W. Bush spoke."
            ),
            [
                "Gen. Kenneth McKenzie met Dr. Saleh on Feb. 3 in the U.S. capital.",
                "George W. Bush spoke."
            ]
        );
        assert_eq!(
            split("Troops returned to the U.S. The base closed."),
            ["Troops returned to the U.S.", "The base closed."]
        );
        assert_eq!(
            split("The U.K. Foreign Office said so."),
            ["The U.K. Foreign Office said so."]
        );
    }

    #[test]
    fn quotes_and_curly_quotes_close_sentences() {
        assert_eq!(
            split("He said: “The honeymoon is over.” The army agreed. \"Really?\" she asked."),
            [
                "He said: “The honeymoon is over.”",
                "The army agreed.",
                "\"Really?\" she asked."
            ]
        );
    }

    #[test]
    fn numbers_and_money_do_not_split() {
        assert_eq!(
            split("About 3,000 troops and $2.5 billion stayed. It cost $2 more."),
            [
                "About 3,000 troops and $2.5 billion stayed.",
                "It cost $2 more."
            ]
        );
    }

    #[test]
    fn offsets_are_bytes_of_the_original() {
        let text = "Kata’ib Hezbollah fired. Iran’s allies waited.";
        let spans = split_sentences(text);
        assert_eq!(spans, vec![Span::new(0, 26), Span::new(27, text.len())]);
    }
}
