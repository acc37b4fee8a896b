//! Byte ranges in a text and lines in a file: the two ways newsgraph points at its input.

use crate::error::Diagnostic;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::path::PathBuf;

/// A byte range `start..end` in a document's text: a sentence, a mention, a match.
///
/// Written to and read from JSON as a two-number array `[start, end]`, the form
/// `graph.json` and the `extract` JSON Lines have always used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
}

impl Span {
    /// The range `start..end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The bytes of `text` this span covers (it must lie on character boundaries).
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `offset` lies inside the span.
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Span {
        Span { start, end }
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(deserializer)?;
        Ok(Span { start, end })
    }
}

/// Where something was written in an input file (a gazetteer entry, a rules declaration):
/// the file and the 1-based line, for `path:line: message` errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file.
    pub path: PathBuf,
    /// 1-based line of the first line of the item.
    pub line: usize,
}

impl Origin {
    /// A diagnostic at this origin.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::at(&self.path, self.line, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_json_pairs() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        assert_eq!(serde_json::from_str::<Span>("[3,9]").unwrap(), s);
        assert!(serde_json::from_str::<Span>("[3]").is_err());
        assert_eq!(s.of("0123456789abc"), "345678");
        assert_eq!(
            (s.len(), s.is_empty(), s.contains(8), s.contains(9)),
            (6, false, true, false)
        );
    }
}
