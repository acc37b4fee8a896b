//! The corpus: documents read from folders, text files and JSON Lines files, each with a
//! stable id and, where one can be found, a publication date.
//!
//! Where a text file's date comes from, in order: a `YYYY-MM-DD` in its file name, then a
//! date line among its first eight non-blank lines (`2020-01-05`, `January 5, 2020`, `5 January 2020`,
//! with an optional weekday or `Published:` in front). JSON Lines documents carry theirs
//! in the `date` field, else a date line of their text counts, as in a text file.

mod sentence;
mod stream;

pub use sentence::split_sentences;
pub use stream::read_stream;

use crate::error::{Diagnostic, Error, Result};
use crate::text::{date_from_name, date_from_text, parse_iso_date};
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::os::unix::fs::MetadataExt;
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

/// How deeply folders may nest under a corpus folder; a folder deeper is reported and
/// left out (never silently: a path past the system's limit cannot be opened).
pub const MAX_FOLDER_DEPTH: usize = 256;

/// Reads every document under `inputs`: folders (recursively, `*.txt` and `*.jsonl`),
/// single `.txt` files and `.jsonl` files.
///
/// A missing path, a malformed JSON Lines record or two documents with the same id stop
/// the whole read with every problem found. What cannot be read is skipped and listed in
/// [`Corpus::skipped`]: a file that is not UTF-8 (for a `.jsonl`, the bad line only), one
/// that is not a regular file (a FIFO, a device, a socket), a symbolic link that leads
/// nowhere or back to a folder being read, a folder that cannot be entered or is nested
/// too deeply. Symbolic links are followed; each folder is read once, told by its
/// (device, inode).
pub fn read_corpus(inputs: &[PathBuf]) -> Result<Corpus> {
    let mut reader = Reader::default();
    for input in inputs {
        let meta = match std::fs::metadata(input) {
            Ok(m) => m,
            Err(e) => return Err(Error::io(input, e)),
        };
        if meta.is_dir() {
            let mut files = Vec::new();
            let skipped_before = reader.corpus.skipped.len();
            let entries = std::fs::read_dir(input).map_err(|e| Error::io(input, e))?;
            reader.visited.insert((meta.dev(), meta.ino()));
            reader.collect_files(input, entries, 1, &mut files);
            if files.is_empty() && reader.corpus.skipped.len() == skipped_before {
                reader.errors.push(Diagnostic::file(
                    input,
                    "no documents here: a corpus folder holds *.txt or *.jsonl files",
                ));
            }
            for file in files {
                reader.read_file(&file, input);
            }
        } else if let Some(why) = crate::text::not_regular(&meta) {
            reader
                .corpus
                .skipped
                .push(Diagnostic::file(input, format!("{why}; skipped")));
        } else {
            reader.read_file(input, input.parent().unwrap_or(Path::new("")));
        }
    }
    let Reader {
        mut corpus,
        origins,
        mut errors,
        ..
    } = reader;
    let mut seen: BTreeMap<&str, &Origin> = BTreeMap::new();
    for (doc, origin) in corpus.documents.iter().zip(&origins) {
        if let Some(first) = seen.insert(&doc.id, origin) {
            errors.push(origin.diagnostic(format!(
                "document id '{}' occurs twice in the corpus, first at {}: give each document its own id",
                doc.id,
                first.place()
            )));
            seen.insert(&doc.id, first);
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

/// Where a document was read: a file, and the line of a JSON Lines record.
struct Origin {
    path: PathBuf,
    line: Option<usize>,
}

impl Origin {
    fn place(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }

    fn diagnostic(&self, message: String) -> Diagnostic {
        match self.line {
            Some(l) => Diagnostic::at(&self.path, l, message),
            None => Diagnostic::file(&self.path, message),
        }
    }
}

#[derive(Default)]
struct Reader {
    corpus: Corpus,
    /// Where each document of `corpus.documents` came from, in the same order.
    origins: Vec<Origin>,
    errors: Vec<Diagnostic>,
    /// The folders entered, by (device, inode).
    visited: HashSet<(u64, u64)>,
}

/// The records of JSON Lines text read from `path` (a stream): the corpus, with undecodable
/// lines in its `skipped`, and the bad records as errors.
pub(crate) fn read_jsonl(
    path: &Path,
    text: &str,
    corpus: &mut Corpus,
    errors: &mut Vec<Diagnostic>,
) {
    let mut reader = Reader {
        corpus: std::mem::take(corpus),
        origins: Vec::new(),
        errors: Vec::new(),
        visited: HashSet::new(),
    };
    reader.read_jsonl(path, text.as_bytes());
    *corpus = reader.corpus;
    errors.extend(reader.errors);
}

impl Reader {
    fn skip(&mut self, path: &Path, message: impl Into<String>) {
        self.corpus.skipped.push(Diagnostic::file(path, message));
    }

    fn collect_files(
        &mut self,
        dir: &Path,
        entries: std::fs::ReadDir,
        depth: usize,
        out: &mut Vec<PathBuf>,
    ) {
        let mut paths: Vec<PathBuf> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => paths.push(entry.path()),
                Err(e) => {
                    let e = Error::io(dir, e).to_string();
                    self.skip(
                        dir,
                        format!("cannot be read to the end ({e}); the rest of it is skipped"),
                    );
                    break;
                }
            }
        }
        paths.sort();
        for path in paths {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            let link = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            let meta = match std::fs::metadata(&path) {
                Ok(m) => m,
                Err(_) if link => {
                    self.skip(&path, "a symbolic link that leads nowhere (its target is missing, or links loop); skipped");
                    continue;
                }
                Err(e) => {
                    let e = Error::io(&path, e).to_string();
                    self.skip(&path, format!("cannot be read ({e}); skipped"));
                    continue;
                }
            };
            if meta.is_dir() {
                if !self.visited.insert((meta.dev(), meta.ino())) {
                    self.skip(&path, "a symbolic link to a folder that is read already (a loop, or a second way in); skipped");
                    continue;
                }
                if depth >= MAX_FOLDER_DEPTH {
                    self.skip(
                        &path,
                        format!("folders nest deeper than {MAX_FOLDER_DEPTH} levels here (the limit); skipped"),
                    );
                    continue;
                }
                match std::fs::read_dir(&path) {
                    Ok(entries) => self.collect_files(&path, entries, depth + 1, out),
                    Err(e) => {
                        let e = Error::io(&path, e).to_string();
                        self.skip(&path, format!("folder cannot be read ({e}); skipped"));
                    }
                }
            } else if matches!(extension(&path).as_deref(), Some("txt" | "jsonl")) {
                match crate::text::not_regular(&meta) {
                    Some(why) => self.skip(&path, format!("{why}; skipped")),
                    None => out.push(path),
                }
            }
        }
    }

    fn read_file(&mut self, path: &Path, base: &Path) {
        let bytes = match crate::text::read_bytes(path, crate::text::MAX_FILE_BYTES) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                self.skip(
                    path,
                    "larger than 4 GiB; skipped: split it into smaller documents",
                );
                return;
            }
            Err(e) => {
                let e = Error::io(path, e).to_string();
                let e = e
                    .strip_prefix(&format!("{}: ", path.display()))
                    .unwrap_or(&e);
                self.skip(path, format!("{e}; skipped"));
                return;
            }
        };
        if extension(path).as_deref() == Some("jsonl") {
            self.read_jsonl(path, &bytes);
            return;
        }
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                self.skip(
                    path,
                    format!("not valid UTF-8 (first bad byte at offset {at}); skipped: convert it with iconv -t UTF-8"),
                );
                return;
            }
        };
        let id = relative_id(path, base);
        let date = date_from_name(&id).or_else(|| date_from_text(&text));
        self.corpus.documents.push(Document { id, text, date });
        self.origins.push(Origin {
            path: path.to_path_buf(),
            line: None,
        });
    }

    fn read_jsonl(&mut self, path: &Path, bytes: &[u8]) {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let lineno = i + 1;
            let line = match std::str::from_utf8(line) {
                Ok(l) => l.strip_suffix('\r').unwrap_or(l),
                Err(e) => {
                    let at = e.valid_up_to();
                    self.corpus.skipped.push(Diagnostic::at(
                        path,
                        lineno,
                        format!("not valid UTF-8 (first bad byte at column {}); this record skipped: convert the file with iconv -t UTF-8", at + 1),
                    ));
                    continue;
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            let errors = &mut self.errors;
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
                // Like a text file's: a date line near the top of the text.
                None => date_from_text(&rec.text),
            };
            self.corpus.documents.push(Document {
                id,
                text: rec.text,
                date,
            });
            self.origins.push(Origin {
                path: path.to_path_buf(),
                line: Some(lineno),
            });
        }
    }
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
