//! Writing graphs to files, one module per format. The format is chosen by the file's
//! extension, and every file is written to a temporary file beside it and renamed, so a
//! failure never leaves a half-written or clobbered file.

mod dot;
mod graphml;
mod style;

pub use dot::to_dot;
pub use graphml::to_graphml;
pub use style::{color_of, shape_of};

use crate::error::{Error, Result};
use crate::graph::Graph;
use std::io::Write;
use std::path::Path;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `graph.json`, lossless.
    Json,
    /// GraphML, for Gephi, yEd, networkx.
    GraphMl,
    /// Graphviz DOT.
    Dot,
}

impl Format {
    /// The format for a file name, from its extension.
    pub fn from_path(path: &Path) -> Result<Format> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("json") => Ok(Format::Json),
            Some("graphml") => Ok(Format::GraphMl),
            Some("dot" | "gv") => Ok(Format::Dot),
            _ => Err(Error::Usage(format!(
                "{}: unknown output format; use a file name ending in .json, .graphml or .dot",
                path.display()
            ))),
        }
    }

    /// The graph in this format.
    pub fn render(self, graph: &Graph) -> String {
        match self {
            Format::Json => graph.to_json(),
            Format::GraphMl => to_graphml(graph),
            Format::Dot => to_dot(graph),
        }
    }
}

/// Writes `graph` to `path` in the format its extension names.
pub fn write_graph(graph: &Graph, path: &Path) -> Result<()> {
    let format = Format::from_path(path)?;
    write_atomic(path, format.render(graph).as_bytes())
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
/// Missing parent folders are created.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension() {
        assert_eq!(
            Format::from_path(Path::new("a/g.JSON")).unwrap(),
            Format::Json
        );
        assert_eq!(
            Format::from_path(Path::new("g.graphml")).unwrap(),
            Format::GraphMl
        );
        assert_eq!(Format::from_path(Path::new("g.gv")).unwrap(), Format::Dot);
        let err = Format::from_path(Path::new("g.xlsx"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "g.xlsx: unknown output format; use a file name ending in .json, .graphml or .dot"
        );
    }

    #[test]
    fn atomic_write_leaves_no_temporary_and_keeps_old_file_on_failure() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/out.json");
        write_atomic(&p, b"one").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"one");
        assert_eq!(std::fs::read_dir(p.parent().unwrap()).unwrap().count(), 1);
        // A folder in the way of the rename: the write fails, nothing is left behind.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir(&blocked).unwrap();
        std::fs::write(blocked.join("keep"), "x").unwrap();
        assert!(write_atomic(&blocked, b"two").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }
}
