//! A corpus read from one stream (standard input for `-`): JSON Lines when its first
//! non-blank line is a JSON object, else one text document.

use super::{Corpus, Document, read_jsonl};
use crate::error::{Diagnostic, Error, Result};
use crate::text::date_from_text;
use std::path::Path;

/// Reads the bytes of a stream called `name` (in messages, and the id of a text
/// document): JSON Lines records (`{"id": ..., "text": ..., "date": ...}`, every bad
/// line reported as `name:line: message`) when the first non-blank line is a JSON
/// object, else one document whose date is found as a text file's is.
pub fn read_stream(name: &str, bytes: Vec<u8>) -> Result<Corpus> {
    let path = Path::new(name);
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::invalid(Diagnostic::file(
            path,
            format!(
                "not valid UTF-8 (first bad byte at offset {at}): convert it with iconv -t UTF-8"
            ),
        ))
    })?;
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let jsonl = first.trim_start().starts_with('{')
        && serde_json::from_str::<serde_json::Value>(first).is_ok_and(|v| v.is_object());
    let mut corpus = Corpus::default();
    if jsonl {
        let mut errors = Vec::new();
        read_jsonl(path, &text, &mut corpus, &mut errors);
        let mut seen = std::collections::BTreeSet::new();
        for d in &corpus.documents {
            if !seen.insert(d.id.as_str()) {
                errors.push(Diagnostic::file(
                    path,
                    format!(
                        "document id '{}' occurs twice in the corpus: give each document its own id",
                        d.id
                    ),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        corpus.documents.sort_by(|a, b| a.id.cmp(&b.id));
    } else if text.trim().is_empty() {
        return Err(Error::invalid(Diagnostic::file(
            path,
            "no text: give a document or JSON Lines records",
        )));
    } else {
        let date = date_from_text(&text);
        corpus.documents.push(Document {
            id: name.to_string(),
            text,
            date,
        });
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_one_document_and_json_lines_are_records() {
        let c = read_stream("-", b"January 5, 2020\nKataib Hezbollah said.\n".to_vec()).unwrap();
        assert_eq!(c.documents.len(), 1);
        assert_eq!(c.documents[0].id, "-");
        assert_eq!(c.documents[0].date.as_deref(), Some("2020-01-05"));
        let c = read_stream(
            "-",
            b"{\"id\": \"b\", \"text\": \"B\"}\n\n{\"id\": \"a\", \"text\": \"A\", \"date\": \"2020-01-05\"}\n"
                .to_vec(),
        )
        .unwrap();
        let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let err = read_stream("-", b"{\"id\": \"a\", \"text\": \"A\"}\n{oops\n".to_vec())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("-:2: not a document record"), "{err}");
        assert!(read_stream("-", b"  \n".to_vec()).is_err());
    }
}
