//! The corpus: documents read from folders, text files and JSON Lines files, each with a
//! stable id and, where one can be found, a publication date.
//!
//! Where a text file's date comes from, in order: a `YYYY-MM-DD` in its file name, then a
//! date line among its first eight non-blank lines (`2020-01-05`, `January 5, 2020`, `5 January 2020`,
//! with an optional weekday or `Published:` in front). JSON Lines documents carry theirs
//! in the `date` field.

mod sentence;
mod stream;

pub use sentence::split_sentences;
pub use stream::read_stream;

use crate::error::{Diagnostic, Error, Result};
use crate::text::{date_from_name, date_from_text, parse_iso_date};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One news document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Stable id: the path relative to the folder given (with `/`), the file name of a
    /// single file, or the `id` field of a JSON Lines record.
    pub id: String,
    /// The text, exactly as read: all offsets are bytes into it.
    pub text: String,
    /// Publication date as `YYYY-MM-DD`, when known.
    pub date: Option<String>,
}

/// The documents of a corpus, in sorted id order, and what had to be skipped.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Documents sorted by id.
    pub documents: Vec<Document>,
    /// Documents that could not be read (not UTF-8, ...), reported and left out.
    pub skipped: Vec<Diagnostic>,
}

/// Reads every document under `inputs`: folders (recursively, `*.txt` and `*.jsonl`),
/// single `.txt` files and `.jsonl` files.
///
/// A missing path, a malformed JSON Lines record or two documents with the same id stop
/// the whole read with every problem found; a text file that is not UTF-8 is skipped and
/// listed in [`Corpus::skipped`].
pub fn read_corpus(inputs: &[PathBuf]) -> Result<Corpus> {
    let mut errors = Vec::new();
    let mut corpus = Corpus::default();
    let mut seen: BTreeMap<String, PathBuf> = BTreeMap::new();
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => return Err(Error::io(input, e)),
        };
        let mut files = Vec::new();
        if meta.is_dir() {
            collect_files(input, &mut files)?;
            if files.is_empty() {
                errors.push(Diagnostic::file(
                    input,
                    "no documents here: a corpus folder holds *.txt or *.jsonl files",
                ));
            }
        } else {
            files.push(input.clone());
        }
        for file in files {
            let base = if meta.is_dir() {
                input.as_path()
            } else {
                file.parent().unwrap_or(Path::new(""))
            };
            read_file(&file, base, &mut corpus, &mut errors);
        }
    }
    for doc in &corpus.documents {
        if let Some(first) = seen.insert(doc.id.clone(), PathBuf::from(&doc.id)) {
            errors.push(Diagnostic::file(
                &first,
                format!(
                    "document id '{}' occurs twice in the corpus: give each document its own id",
                    doc.id
                ),
            ));
        }
    }
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(Error::Invalid(errors));
    }
    corpus.documents.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(corpus)
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        paths.push(entry.path());
    }
    paths.sort();
    for path in paths {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if matches!(extension(&path).as_deref(), Some("txt" | "jsonl")) {
            out.push(path);
        }
    }
    Ok(())
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
}

fn relative_id(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_file(path: &Path, base: &Path, corpus: &mut Corpus, errors: &mut Vec<Diagnostic>) {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            errors.push(Diagnostic::file(path, Error::io(path, e).to_string()));
            return;
        }
    };
    if bytes.len() > u32::MAX as usize {
        corpus.skipped.push(Diagnostic::file(
            path,
            "larger than 4 GiB; skipped: split it into smaller documents",
        ));
        return;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            corpus.skipped.push(Diagnostic::file(
                path,
                format!("not valid UTF-8 (first bad byte at offset {at}); skipped: convert it with iconv -t UTF-8"),
            ));
            return;
        }
    };
    if extension(path).as_deref() == Some("jsonl") {
        read_jsonl(path, &text, corpus, errors);
    } else {
        let id = relative_id(path, base);
        let date = date_from_name(&id).or_else(|| date_from_text(&text));
        corpus.documents.push(Document { id, text, date });
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonDoc {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    title: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    url: Option<String>,
}

fn read_jsonl(path: &Path, text: &str, corpus: &mut Corpus, errors: &mut Vec<Diagnostic>) {
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let rec: JsonDoc = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                errors.push(Diagnostic::at(
                    path,
                    lineno,
                    format!("not a document record ({e}); expected {{\"id\": ..., \"text\": ..., \"date\": \"YYYY-MM-DD\"}}"),
                ));
                continue;
            }
        };
        let id = match rec.id {
            serde_json::Value::String(s) if !s.is_empty() => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                errors.push(Diagnostic::at(
                    path,
                    lineno,
                    "\"id\" must be a non-empty string or a number",
                ));
                continue;
            }
        };
        let date = match rec.date {
            Some(d) => match parse_iso_date(&d) {
                Some(d) => Some(d),
                None => {
                    errors.push(Diagnostic::at(
                        path,
                        lineno,
                        format!("\"date\" is '{d}'; expected YYYY-MM-DD"),
                    ));
                    continue;
                }
            },
            None => None,
        };
        corpus.documents.push(Document {
            id,
            text: rec.text,
            date,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_ids_are_relative_and_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/b.txt"), "B text").unwrap();
        std::fs::write(dir.path().join("a.txt"), "A text").unwrap();
        std::fs::write(dir.path().join("notes.md"), "ignored").unwrap();
        let c = read_corpus(&[dir.path().to_path_buf()]).unwrap();
        let ids: Vec<_> = c.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["a.txt", "sub/b.txt"]);
    }

    #[test]
    fn jsonl_records_and_their_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("docs.jsonl");
        std::fs::write(&p, "{\"id\":\"x\",\"text\":\"hi\",\"date\":\"2020-01-05\"}\n\n{\"id\":7,\"text\":\"yo\"}\n").unwrap();
        let c = read_corpus(std::slice::from_ref(&p)).unwrap();
        assert_eq!(c.documents.len(), 2);
        assert_eq!(c.documents[0].id, "7");
        assert_eq!(c.documents[1].date.as_deref(), Some("2020-01-05"));

        std::fs::write(
            &p,
            "{\"id\":\"x\"}\n{\"id\":\"y\",\"text\":\"t\",\"date\":\"5 May\"}\n",
        )
        .unwrap();
        let err = read_corpus(std::slice::from_ref(&p))
            .unwrap_err()
            .to_string();
        assert!(err.contains("docs.jsonl:1: not a document record"), "{err}");
        assert!(
            err.contains("docs.jsonl:2: \"date\" is '5 May'; expected YYYY-MM-DD"),
            "{err}"
        );
    }

    #[test]
    fn non_utf8_file_is_skipped_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("bad.txt"), b"caf\xe9").unwrap();
        std::fs::write(dir.path().join("good.txt"), "fine").unwrap();
        let c = read_corpus(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(c.documents.len(), 1);
        assert_eq!(c.skipped.len(), 1);
        assert!(
            c.skipped[0]
                .to_string()
                .contains("bad.txt: not valid UTF-8")
        );
    }

    #[test]
    fn missing_path_is_an_error_naming_it() {
        let err = read_corpus(&[PathBuf::from("/no/such/dir")])
            .unwrap_err()
            .to_string();
        assert_eq!(err, "/no/such/dir: no such file or directory");
    }
}
