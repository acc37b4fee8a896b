//! Writing graphs to files, one module per format, chosen by the file's extension or by
//! name:
//!
//! | format | extension | module |
//! |---|---|---|
//! | `json` (newsgraph `graph.json`, lossless) | `.json` | [`crate::graph`] |
//! | `nodelink` (networkx / d3 node-link JSON) | `.nodelink.json` | [`nodelink`](to_node_link) |
//! | `graphml` | `.graphml` | [`graphml`](to_graphml) |
//! | `gexf` (GEXF 1.3, Gephi) | `.gexf` | [`gexf`](to_gexf) |
//! | `dot` (Graphviz) | `.dot`, `.gv` | [`dot`](to_dot) |
//! | `csv` (two tables) | `.csv`: `-o out/graph.csv` writes `out/nodes.csv` and `out/edges.csv` | [`csv`](nodes_csv) |
//! | `svg`, `png` (pictures, rendered by Graphviz's `dot`) | `.svg`, `.png` | `render` |
//!
//! Every file is written to a temporary file beside it and renamed, so a failure never
//! leaves a half-written or clobbered file.

mod csv;
mod dot;
mod gexf;
mod graphml;
mod nodelink;
mod render;
mod style;

pub use csv::{edges_csv, nodes_csv};
pub use dot::to_dot;
pub use gexf::to_gexf;
pub use graphml::to_graphml;
pub use nodelink::to_node_link;
pub use render::check_dot;
pub use style::{color_of, edge_width, node_size, shape_of};

use crate::error::{Error, Result};
use crate::graph::Graph;
use std::io::Write;
use std::path::{Path, PathBuf};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `graph.json`, lossless; read back by the other commands.
    Json,
    /// Node-link JSON, for networkx and d3.
    NodeLink,
    /// GraphML, for Gephi, yEd, networkx, igraph.
    GraphMl,
    /// GEXF 1.3, Gephi's own format, with a timeline.
    Gexf,
    /// Graphviz DOT.
    Dot,
    /// `nodes.csv` and `edges.csv`.
    Csv,
    /// An SVG picture, rendered by Graphviz.
    Svg,
    /// A PNG picture, rendered by Graphviz.
    Png,
}

const EXTENSIONS: &str = ".json, .nodelink.json, .graphml, .gexf, .dot, .gv, .csv, .svg or .png";

impl Format {
    /// Every format.
    pub const ALL: [Format; 8] = [
        Format::Json,
        Format::NodeLink,
        Format::GraphMl,
        Format::Gexf,
        Format::Dot,
        Format::Csv,
        Format::Svg,
        Format::Png,
    ];

    /// The format's name, as [`Format::from_name`] takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::NodeLink => "nodelink",
            Format::GraphMl => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
            Format::Csv => "csv",
            Format::Svg => "svg",
            Format::Png => "png",
        }
    }

    /// The format with this name (any case; `gv` and `node-link` are accepted too).
    pub fn from_name(name: &str) -> Result<Format> {
        let lower = name.to_ascii_lowercase();
        let lower = match lower.as_str() {
            "gv" => "dot",
            "node-link" | "node_link" => "nodelink",
            other => other,
        };
        Format::ALL
            .into_iter()
            .find(|f| f.name() == lower)
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                Error::Usage(format!(
                    "unknown format '{name}'; use one of {}",
                    names.join(", ")
                ))
            })
    }

    /// The format for a file name, from its extension (`.nodelink.json` before `.json`).
    pub fn from_path(path: &Path) -> Result<Format> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if name.ends_with(".nodelink.json") {
            return Ok(Format::NodeLink);
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("json") => Ok(Format::Json),
            Some("graphml") => Ok(Format::GraphMl),
            Some("gexf") => Ok(Format::Gexf),
            Some("dot" | "gv") => Ok(Format::Dot),
            Some("csv") => Ok(Format::Csv),
            Some("svg") => Ok(Format::Svg),
            Some("png") => Ok(Format::Png),
            _ => Err(Error::Usage(format!(
                "{}: unknown output format; use a file name ending in {EXTENSIONS}",
                path.display()
            ))),
        }
    }

    /// Checks that the format can be written here: pictures need Graphviz's `dot`.
    /// Call it before any work, with the output path for the message.
    pub fn check_available(self, path: &Path) -> Result<()> {
        match self {
            Format::Svg | Format::Png => check_dot(&path.display().to_string()),
            _ => Ok(()),
        }
    }

    /// The files a write to `path` produces: `path` itself, or for CSV the pair
    /// `nodes.csv` and `edges.csv` in `path`'s folder.
    pub fn files(self, path: &Path) -> Vec<PathBuf> {
        match self {
            Format::Csv => {
                let dir = path.parent().unwrap_or(Path::new(""));
                vec![dir.join("nodes.csv"), dir.join("edges.csv")]
            }
            _ => vec![path.to_path_buf()],
        }
    }

    /// The graph in this format, as one file's bytes. CSV is two files: it is rendered as
    /// the nodes table, a blank line, then the edges table (use [`write_graph`] for the pair).
    pub fn render(self, graph: &Graph) -> Result<Vec<u8>> {
        Ok(match self {
            Format::Json => graph.to_json().into_bytes(),
            Format::NodeLink => to_node_link(graph).into_bytes(),
            Format::GraphMl => to_graphml(graph).into_bytes(),
            Format::Gexf => to_gexf(graph).into_bytes(),
            Format::Dot => to_dot(graph).into_bytes(),
            Format::Csv => format!("{}\n{}", nodes_csv(graph), edges_csv(graph)).into_bytes(),
            Format::Svg => render::render_dot(&to_dot(graph), "svg", "svg picture")?,
            Format::Png => render::render_dot(&to_dot(graph), "png", "png picture")?,
        })
    }
}

/// Writes `graph` to `path` in the format its extension names (see [`Format::files`] for
/// what CSV writes). Each file is written atomically.
pub fn write_graph(graph: &Graph, path: &Path) -> Result<()> {
    let format = Format::from_path(path)?;
    write_format(graph, format, path)
}

/// Writes `graph` to `path` in `format`, whatever the extension.
pub fn write_format(graph: &Graph, format: Format, path: &Path) -> Result<()> {
    match format {
        Format::Csv => {
            let files = format.files(path);
            write_atomic(&files[0], nodes_csv(graph).as_bytes())?;
            write_atomic(&files[1], edges_csv(graph).as_bytes())
        }
        Format::Svg | Format::Png => {
            let what = path.display().to_string();
            let bytes = render::render_dot(&to_dot(graph), format.name(), &what)?;
            write_atomic(path, &bytes)
        }
        _ => write_atomic(path, &format.render(graph)?),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
/// Missing parent folders are created.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    // A device or pipe (`/dev/stdout`, a FIFO) is written in place: renaming over it
    // would replace it. A symbolic link is followed, so the link stays a link.
    let mut target = path.to_path_buf();
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_dir() {
            return Err(Error::Usage(format!(
                "{}: is a folder; give a file name for the output",
                path.display()
            )));
        }
        if !meta.is_file() {
            return std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .and_then(|mut f| f.write_all(bytes).and_then(|_| f.flush()))
                .map_err(|e| Error::io(path, e));
        }
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            target = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
        }
    }
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
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
    fn devices_are_written_in_place_and_links_stay_links() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
        // A full device reports the error instead of being replaced by a file.
        let err = write_atomic(Path::new("/dev/full"), b"x")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("/dev/full: "), "{err}");
        assert!(!std::fs::metadata("/dev/full").unwrap().is_file());
        let err = write_atomic(dir.path(), b"x").unwrap_err().to_string();
        assert!(
            err.ends_with("is a folder; give a file name for the output"),
            "{err}"
        );
    }

    #[test]
    fn format_by_extension() {
        assert_eq!(
            Format::from_path(Path::new("a/g.JSON")).unwrap(),
            Format::Json
        );
        assert_eq!(
            Format::from_path(Path::new("a/g.NodeLink.json")).unwrap(),
            Format::NodeLink
        );
        assert_eq!(
            Format::from_path(Path::new("g.graphml")).unwrap(),
            Format::GraphMl
        );
        assert_eq!(
            Format::from_path(Path::new("g.gexf")).unwrap(),
            Format::Gexf
        );
        assert_eq!(Format::from_path(Path::new("g.gv")).unwrap(), Format::Dot);
        assert_eq!(Format::from_path(Path::new("g.csv")).unwrap(), Format::Csv);
        assert_eq!(Format::from_path(Path::new("g.svg")).unwrap(), Format::Svg);
        let err = Format::from_path(Path::new("g.xlsx"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "g.xlsx: unknown output format; use a file name ending in .json, .nodelink.json, .graphml, .gexf, .dot, .gv, .csv, .svg or .png"
        );
    }

    #[test]
    fn format_by_name() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()).unwrap(), f);
        }
        assert_eq!(Format::from_name("GV").unwrap(), Format::Dot);
        let err = Format::from_name("xls").unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown format 'xls'; use one of json, nodelink, graphml, gexf, dot, csv, svg, png"
        );
    }

    #[test]
    fn csv_writes_a_pair_beside_the_path() {
        let files = Format::Csv.files(Path::new("out/graph.csv"));
        assert_eq!(
            files,
            [
                PathBuf::from("out/nodes.csv"),
                PathBuf::from("out/edges.csv")
            ]
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
