//! Errors of the library: every one names the file (and line, where there is one)
//! and says what to do, so the command line can print it as it is.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem found in an input file, reported as `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub path: PathBuf,
    /// 1-based line number, when the problem has a line.
    pub line: Option<usize>,
    /// What is wrong and what is expected.
    pub message: String,
}

impl Diagnostic {
    /// A problem at `path:line`.
    pub fn at(path: &Path, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            line: Some(line),
            message: message.into(),
        }
    }

    /// A problem with a whole file.
    pub fn file(path: &Path, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path.display(), line, self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Everything that can stop the pipeline.
#[derive(Debug)]
pub enum Error {
    /// One or more problems in input files (gazetteer, rules, corpus, graph files).
    Invalid(Vec<Diagnostic>),
    /// An operating-system error on a path.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A problem with what was asked rather than with a file.
    Usage(String),
}

impl Error {
    /// A single diagnostic as an error.
    pub fn invalid(d: Diagnostic) -> Error {
        Error::Invalid(vec![d])
    }

    /// An I/O error on `path`.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Invalid(diags) => {
                for (i, d) in diags.iter().enumerate() {
                    if i > 0 {
                        writeln!(f)?;
                    }
                    write!(f, "{d}")?;
                }
                Ok(())
            }
            Error::Io { path, source } => {
                let what = match source.kind() {
                    std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    _ => {
                        // `No space left on device (os error 28)` -> `no space left on device`
                        let text = source.to_string();
                        let text = text.split(" (os error").next().unwrap_or(&text).to_string();
                        let mut chars = text.chars();
                        match chars.next() {
                            Some(c) => c.to_lowercase().chain(chars).collect(),
                            None => text,
                        }
                    }
                };
                write!(f, "{}: {}", path.display(), what)
            }
            Error::Usage(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for Error {}

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
