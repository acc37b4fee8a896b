//! Every file format newsgraph writes or reads, one module each, and the one table that
//! names them ([`FORMATS`]): `build -o` picks the format by extension from it, `neighbors`
//! and `diff --format` offer the formats it marks as one text file, the help texts list
//! it, and [`read_graph`] reads back every format that has a reader.
//!
//! | format | extensions | writes | reads back | module |
//! |---|---|---|---|---|
//! | `json` (newsgraph `graph.json`, lossless) | `.json` | the file | yes | [`json`] |
//! | `nodelink` (networkx / d3 node-link JSON) | `.nodelink.json` | the file | no | [`nodelink`] |
//! | `graphml` | `.graphml` | the file | yes, without evidence | [`graphml`] |
//! | `gexf` (GEXF 1.3, Gephi) | `.gexf` | the file | no | [`gexf`] |
//! | `dot` (Graphviz) | `.dot`, `.gv` | the file | no | [`dot`] |
//! | `tsv` (edge list) | `.tsv` | the file | no | [`tsv`] |
//! | `csv` (two tables) | `.csv` | `nodes.csv` and `edges.csv` in the file's folder | no | [`csv`] |
//! | `cyjs` (Cytoscape JSON, with evidence) | `.cyjs` | the file | no | [`cyjs`] |
//! | `graphology` (graphology JSON, with evidence) | `.graphology.json` | the file | no | [`graphology`] |
//! | `neo4j` (bulk-import CSV and a `LOAD CSV` script, with evidence) | `.neo4j` | `neo4j-entities.csv`, `neo4j-relations.csv`, `neo4j-evidence.csv`, `neo4j-load.cypher` in the file's folder | no | [`neo4j`] |
//! | `svg`, `png` (pictures, rendered by Graphviz's `dot`) | `.svg`, `.png` | the file | no | [`render`] |
//!
//! The `extract` command's JSON Lines ([`jsonl`]) describe a corpus, not a graph, and are
//! not in the table. Every file is written to a temporary file beside it and renamed, all
//! of a run's files together once all are written ([`Staged`]), so a failure never leaves
//! a half-written or clobbered file.

pub mod check;
pub mod csv;
pub mod cyjs;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod graphology;
pub mod json;
pub mod jsonl;
pub mod neo4j;
pub mod nodelink;
pub mod record;
pub mod render;
pub mod staged;
pub mod style;
pub mod tsv;

pub use csv::{edges_csv, nodes_csv};
pub use dot::to_dot;
pub use gexf::to_gexf;
pub use graphml::to_graphml;
pub use json::FORMAT_VERSION;
pub use jsonl::to_jsonl;
pub use nodelink::to_node_link;
pub use render::check_dot;
pub use staged::{Staged, check_output};
pub use style::{color_of, edge_width, node_size, shape_of};

use crate::error::{Diagnostic, Error, Result};
use crate::graph::Graph;
use std::path::{Path, PathBuf};

/// A writer of one text file.
pub type TextWriter = fn(&Graph) -> String;

/// How a format writes a graph.
#[derive(Debug, Clone, Copy)]
pub enum Writer {
    /// One text file.
    Text(TextWriter),
    /// Several text files with fixed names in the output's folder: (file name, writer).
    Tables(&'static [(&'static str, TextWriter)]),
    /// A picture: the DOT text rendered by Graphviz (`dot -T<format name>`).
    Picture,
}

/// How a format is read back into a graph.
#[derive(Debug, Clone, Copy)]
pub struct Reader {
    /// Parses the text of the file `path` (the path is for error messages).
    pub read: fn(&Path, &str) -> Result<Graph>,
    /// True when a text looks like this format, whatever the file is called.
    pub sniff: fn(&str) -> bool,
    /// True when documents and evidence survive the round trip.
    pub lossless: bool,
}

/// One row of the format table.
#[derive(Debug)]
pub struct Format {
    /// The name `--format` takes.
    pub name: &'static str,
    /// Other names accepted for it.
    pub aliases: &'static [&'static str],
    /// File name endings that choose it for `-o`, with the dot, lower case.
    pub extensions: &'static [&'static str],
    /// What it is, in a few words (help texts).
    pub about: &'static str,
    /// A note shown after the extensions in `build --help`; consecutive formats with the
    /// same note are listed together (`.svg/.png (rendered by Graphviz's dot)`).
    pub note: Option<&'static str>,
    /// How it is written.
    pub writer: Writer,
    /// How it is read back, when it is.
    pub reader: Option<Reader>,
}

/// Every graph format, in the order help texts and messages list them.
pub static FORMATS: &[Format] = &[
    Format {
        name: "json",
        aliases: &[],
        extensions: &[".json"],
        about: "newsgraph graph.json (lossless)",
        note: Some("graph.json"),
        writer: Writer::Text(Graph::to_json),
        reader: Some(Reader {
            read: Graph::from_json,
            sniff: json::sniff,
            lossless: true,
        }),
    },
    Format {
        name: "nodelink",
        aliases: &["node-link", "node_link"],
        extensions: &[".nodelink.json"],
        about: "node-link JSON (networkx, d3)",
        note: Some("networkx"),
        writer: Writer::Text(to_node_link),
        reader: None,
    },
    Format {
        name: "graphml",
        aliases: &[],
        extensions: &[".graphml"],
        about: "GraphML",
        note: None,
        writer: Writer::Text(to_graphml),
        reader: Some(Reader {
            read: Graph::from_graphml,
            sniff: graphml::sniff,
            lossless: false,
        }),
    },
    Format {
        name: "gexf",
        aliases: &[],
        extensions: &[".gexf"],
        about: "GEXF (Gephi)",
        note: None,
        writer: Writer::Text(to_gexf),
        reader: None,
    },
    Format {
        name: "dot",
        aliases: &["gv"],
        extensions: &[".dot", ".gv"],
        about: "Graphviz DOT",
        note: None,
        writer: Writer::Text(to_dot),
        reader: None,
    },
    Format {
        name: "tsv",
        aliases: &[],
        extensions: &[".tsv"],
        about: "a TSV edge list",
        note: Some("edge list"),
        writer: Writer::Text(tsv::to_tsv),
        reader: None,
    },
    Format {
        name: "csv",
        aliases: &[],
        extensions: &[".csv"],
        about: "CSV tables (nodes.csv, edges.csv)",
        note: Some("writes nodes.csv and edges.csv in its folder"),
        writer: Writer::Tables(&[("nodes.csv", nodes_csv), ("edges.csv", edges_csv)]),
        reader: None,
    },
    Format {
        name: "cyjs",
        aliases: &["cytoscape"],
        extensions: &[".cyjs"],
        about: "Cytoscape JSON (Cytoscape.js, Cytoscape desktop), with evidence",
        note: Some("Cytoscape"),
        writer: Writer::Text(cyjs::to_cyjs),
        reader: None,
    },
    Format {
        name: "graphology",
        aliases: &[],
        extensions: &[".graphology.json"],
        about: "graphology JSON (Graph.from), with evidence",
        note: Some("graphology"),
        writer: Writer::Text(graphology::to_graphology),
        reader: None,
    },
    Format {
        name: "neo4j",
        aliases: &[],
        extensions: &[".neo4j"],
        about: "Neo4j import CSV and LOAD CSV script",
        note: Some("writes neo4j-*.csv and neo4j-load.cypher in its folder"),
        writer: Writer::Tables(&[
            ("neo4j-entities.csv", neo4j::entities_csv),
            ("neo4j-relations.csv", neo4j::relations_csv),
            ("neo4j-evidence.csv", neo4j::evidence_csv),
            ("neo4j-load.cypher", neo4j::load_cypher),
        ]),
        reader: None,
    },
    Format {
        name: "svg",
        aliases: &[],
        extensions: &[".svg"],
        about: "an SVG picture (Graphviz)",
        note: Some("rendered by Graphviz's dot"),
        writer: Writer::Picture,
        reader: None,
    },
    Format {
        name: "png",
        aliases: &[],
        extensions: &[".png"],
        about: "a PNG picture (Graphviz)",
        note: Some("rendered by Graphviz's dot"),
        writer: Writer::Picture,
        reader: None,
    },
];

/// `a, b, c or d`.
fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

impl PartialEq for Format {
    fn eq(&self, other: &Format) -> bool {
        self.name == other.name
    }
}

impl Eq for Format {}

impl Format {
    /// The format with this name or alias (any case).
    pub fn named(name: &str) -> Result<&'static Format> {
        let lower = name.to_ascii_lowercase();
        FORMATS
            .iter()
            .find(|f| f.name == lower || f.aliases.contains(&lower.as_str()))
            .ok_or_else(|| {
                let names: Vec<&str> = FORMATS.iter().map(|f| f.name).collect();
                Error::Usage(format!(
                    "unknown format '{name}'; use one of {}",
                    names.join(", ")
                ))
            })
    }

    /// The format for a file name: the longest extension in the table that the name ends
    /// with, in any case (`.nodelink.json` before `.json`).
    pub fn for_path(path: &Path) -> Result<&'static Format> {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        FORMATS
            .iter()
            .flat_map(|f| f.extensions.iter().map(move |e| (e, f)))
            .filter(|(e, _)| name.len() > e.len() && name.ends_with(*e))
            .max_by_key(|(e, _)| e.len())
            .map(|(_, f)| f)
            .ok_or_else(|| {
                let all: Vec<String> = FORMATS
                    .iter()
                    .flat_map(|f| f.extensions.iter().map(|e| e.to_string()))
                    .collect();
                Error::Usage(format!(
                    "{}: unknown output format; use a file name ending in {}",
                    path.display(),
                    or_list(&all)
                ))
            })
    }

    /// The formats written as one text file, which a command can print to standard output.
    pub fn text_formats() -> impl Iterator<Item = &'static Format> {
        FORMATS
            .iter()
            .filter(|f| matches!(f.writer, Writer::Text(_)))
    }

    /// The extensions with their notes, for `build --help`: `.json (graph.json), ...,
    /// .dot/.gv, ..., .svg/.png (rendered by Graphviz's dot)`.
    pub fn extensions_help() -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut last_note: Option<&str> = None;
        for f in FORMATS {
            let exts = f.extensions.join("/");
            match (f.note, last_note) {
                (Some(n), Some(l)) if n == l => {
                    let prev = parts.pop().expect("a note follows a part");
                    let cut = prev.len() - n.len() - 3;
                    parts.push(format!("{}/{exts} ({n})", &prev[..cut]));
                }
                (Some(n), _) => parts.push(format!("{exts} ({n})")),
                (None, _) => parts.push(exts),
            }
            last_note = f.note;
        }
        parts.join(", ")
    }

    /// Checks that the format can be written here: pictures need Graphviz's `dot`.
    /// Call it before any work, with the output path for the message.
    pub fn check_available(&self, path: &Path) -> Result<()> {
        match self.writer {
            Writer::Picture => check_dot(&path.display().to_string()),
            _ => Ok(()),
        }
    }

    /// The files a write to `path` produces: `path` itself, or for CSV the pair
    /// `nodes.csv` and `edges.csv` in `path`'s folder.
    pub fn files(&self, path: &Path) -> Vec<PathBuf> {
        match self.writer {
            Writer::Tables(tables) => {
                let dir = path.parent().unwrap_or(Path::new(""));
                tables.iter().map(|(name, _)| dir.join(name)).collect()
            }
            _ => vec![path.to_path_buf()],
        }
    }

    /// The graph in this format, as one file's bytes. Several tables are joined with a
    /// blank line between them (use [`Format::write`] for the separate files).
    pub fn render(&self, graph: &Graph) -> Result<Vec<u8>> {
        self.render_with(graph, None)
    }

    /// [`Format::render`], a picture laid out by `layout` (or by size, see
    /// [`render::layout_for`]).
    pub fn render_with(&self, graph: &Graph, layout: Option<&'static str>) -> Result<Vec<u8>> {
        Ok(match self.writer {
            Writer::Text(write) => write(graph).into_bytes(),
            Writer::Tables(tables) => {
                let texts: Vec<String> = tables.iter().map(|(_, write)| write(graph)).collect();
                texts.join("\n").into_bytes()
            }
            Writer::Picture => render::render_dot_with(
                &to_dot(graph),
                self.name,
                &format!("{} picture", self.name),
                render::layout_for(graph, layout),
            )?,
        })
    }

    /// Writes `graph` to `path` in this format, whatever the extension (see
    /// [`Format::files`] for what several tables write), atomically.
    pub fn write(&self, graph: &Graph, path: &Path) -> Result<()> {
        let mut staged = Staged::default();
        self.stage(graph, path, None, &mut staged)?;
        staged.commit()
    }

    /// Writes `graph` for `path` into `staged`, to be renamed into place with the other
    /// files of the run by [`Staged::commit`]; a picture is laid out by `layout` (or by
    /// size, see [`render::layout_for`]).
    pub fn stage(
        &self,
        graph: &Graph,
        path: &Path,
        layout: Option<&'static str>,
        staged: &mut Staged,
    ) -> Result<()> {
        match self.writer {
            Writer::Text(write) => staged.write(path, write(graph).as_bytes()),
            Writer::Tables(tables) => {
                for ((_, write), file) in tables.iter().zip(self.files(path)) {
                    staged.write(&file, write(graph).as_bytes())?;
                }
                Ok(())
            }
            Writer::Picture => {
                let what = path.display().to_string();
                let bytes = render::render_dot_with(
                    &to_dot(graph),
                    self.name,
                    &what,
                    render::layout_for(graph, layout),
                )?;
                staged.write(path, &bytes)
            }
        }
    }

    /// The graph as text, for formats written as one text file.
    pub fn to_text(&self, graph: &Graph) -> Option<String> {
        match self.writer {
            Writer::Text(write) => Some(write(graph)),
            _ => None,
        }
    }

    /// True when a graph read back from this format keeps its documents and evidence.
    pub fn is_lossless(&self) -> bool {
        self.reader.is_some_and(|r| r.lossless)
    }
}

/// Writes `graph` to `path` in the format its extension names (see [`Format::files`] for
/// what CSV writes). Each file is written atomically.
pub fn write_graph(graph: &Graph, path: &Path) -> Result<()> {
    Format::for_path(path)?.write(graph, path)
}

/// Reads a graph file written by `newsgraph build`, in any format with a reader. The
/// format is told by the content first (a GraphML file may be called `g.xml`), then by
/// the extension, and is otherwise taken to be `graph.json`, whose parser then says what
/// is wrong. Returns the format too: GraphML keeps no documents or evidence.
pub fn read_graph(path: &Path) -> Result<(Graph, &'static Format)> {
    let bytes = crate::text::read_bytes(path, crate::text::MAX_FILE_BYTES)
        .map_err(|e| Error::io(path, e))?;
    let text = std::str::from_utf8(&bytes).map_err(|_| {
        Error::invalid(Diagnostic::file(
            path,
            "not UTF-8 text; expected a graph.json written by 'newsgraph build'",
        ))
    })?;
    let text = crate::text::strip_bom(text);
    let readable = || FORMATS.iter().filter(|f| f.reader.is_some());
    let format = readable()
        .find(|f| f.reader.is_some_and(|r| (r.sniff)(text)))
        .or_else(|| Format::for_path(path).ok().filter(|f| f.reader.is_some()))
        .unwrap_or_else(|| readable().next().expect("graph.json has a reader"));
    let reader = format.reader.expect("chosen among readable formats");
    Ok(((reader.read)(path, text)?, format))
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename
/// ([`Staged`] with one file). Missing parent folders are created.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut staged = Staged::default();
    staged.write(path, bytes)?;
    staged.commit()
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
        let name = |p: &str| Format::for_path(Path::new(p)).unwrap().name;
        assert_eq!(name("a/g.JSON"), "json");
        assert_eq!(name("a/g.NodeLink.json"), "nodelink");
        assert_eq!(name("g.graphml"), "graphml");
        assert_eq!(name("g.gexf"), "gexf");
        assert_eq!(name("g.gv"), "dot");
        assert_eq!(name("g.csv"), "csv");
        assert_eq!(name("g.cyjs"), "cyjs");
        assert_eq!(name("a/g.graphology.json"), "graphology");
        assert_eq!(name("import/graph.neo4j"), "neo4j");
        assert_eq!(name("g.svg"), "svg");
        assert!(Format::for_path(Path::new(".json")).is_err());
        let err = Format::for_path(Path::new("g.xlsx"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "g.xlsx: unknown output format; use a file name ending in .json, .nodelink.json, .graphml, .gexf, .dot, .gv, .tsv, .csv, .cyjs, .graphology.json, .neo4j, .svg or .png"
        );
    }

    #[test]
    fn format_by_name() {
        for f in FORMATS {
            assert_eq!(Format::named(f.name).unwrap(), f);
        }
        assert_eq!(Format::named("GV").unwrap().name, "dot");
        assert_eq!(Format::named("Node-Link").unwrap().name, "nodelink");
        let err = Format::named("xls").unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown format 'xls'; use one of json, nodelink, graphml, gexf, dot, tsv, csv, cyjs, graphology, neo4j, svg, png"
        );
    }

    #[test]
    fn build_help_lists_every_extension() {
        assert_eq!(
            Format::extensions_help(),
            ".json (graph.json), .nodelink.json (networkx), .graphml, .gexf, .dot/.gv, \
             .tsv (edge list), .csv (writes nodes.csv and edges.csv in its folder), .cyjs (Cytoscape), \
             .graphology.json (graphology), .neo4j (writes neo4j-*.csv and neo4j-load.cypher in its folder), \
             .svg/.png (rendered by Graphviz's dot)"
        );
    }

    #[test]
    fn read_graph_tells_the_format_by_content_then_extension() {
        let dir = tempfile::tempdir().unwrap();
        let graph = Graph::from_parts(Vec::new(), Vec::new(), Vec::new());
        let xml = dir.path().join("g.xml");
        std::fs::write(&xml, to_graphml(&graph)).unwrap();
        assert_eq!(read_graph(&xml).unwrap().1.name, "graphml");
        let json = dir.path().join("g.graphml");
        std::fs::write(&json, graph.to_json()).unwrap();
        let (_, format) = read_graph(&json).unwrap();
        assert_eq!((format.name, format.is_lossless()), ("json", true));
        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, "not json").unwrap();
        let err = read_graph(&bad).unwrap_err().to_string();
        assert!(
            err.contains("bad.txt:1: not a newsgraph graph.json"),
            "{err}"
        );
        std::fs::write(&bad, b"caf\xe9").unwrap();
        let err = read_graph(&bad).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "bad.txt: not UTF-8 text; expected a graph.json written by 'newsgraph build'"
            ),
            "{err}"
        );
    }

    #[test]
    fn csv_writes_a_pair_beside_the_path() {
        let files = Format::named("csv")
            .unwrap()
            .files(Path::new("out/graph.csv"));
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
