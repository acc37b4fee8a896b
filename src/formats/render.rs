//! Pictures (SVG, PNG) rendered by Graphviz's `dot` from the DOT this crate writes.
//!
//! `dot` is looked up on `PATH` (or taken from the `NEWSGRAPH_DOT` environment variable)
//! before any work is done ([`check_dot`]), so a missing Graphviz stops a command with a
//! message naming the package rather than after the corpus has been read.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// The `dot` program to run.
fn dot_program() -> PathBuf {
    std::env::var_os("NEWSGRAPH_DOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("dot"))
}

fn missing(what: &str) -> Error {
    Error::Usage(format!(
        "writing {what} needs Graphviz's 'dot', which was not found: install the graphviz package \
         (apt-get install graphviz), or write a .dot file and render it elsewhere"
    ))
}

/// Checks that `dot` can be run; `what` names the output in the message (`graph.svg`).
pub fn check_dot(what: &str) -> Result<()> {
    match Command::new(dot_program())
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
    {
        Ok(s) if s.success() => Ok(()),
        _ => Err(missing(what)),
    }
}

/// Renders DOT text with `dot -T<format>` and returns the picture.
pub fn render_dot(dot: &str, format: &str, what: &str) -> Result<Vec<u8>> {
    let mut child = Command::new(dot_program())
        .arg(format!("-T{format}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| missing(what))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let text = dot.as_bytes().to_vec();
    // Write from another thread: dot may fill its output pipe before reading all input.
    let writer = std::thread::spawn(move || stdin.write_all(&text));
    let out = child
        .wait_with_output()
        .map_err(|e| Error::Usage(format!("{what}: running dot failed: {e}")))?;
    let _ = writer.join();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(Error::Usage(format!(
            "{what}: dot -T{format} failed: {}",
            err.trim()
        )));
    }
    Ok(out.stdout)
}
