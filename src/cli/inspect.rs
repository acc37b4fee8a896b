//! What the inspection commands (`neighbors`, `show`, `path`, `stats`) share: reading the
//! graph file, the optional gazetteer for names, resolving what the user typed to an
//! entity, terminal styling and writing to standard output.

use clap::Args;
use newsgraph::formats::read_graph;
use newsgraph::gazetteer::{Gazetteer, load_dir};
use newsgraph::graph::{Candidate, Edge, Evidence, Graph, Resolution, resolve};
use newsgraph::{Error, Result};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// The graph file to read and where extra names come from.
#[derive(Args, Debug)]
pub struct GraphArgs {
    /// Graph written by `newsgraph build` (graph.json, or .graphml without evidence)
    #[arg(value_name = "GRAPH")]
    pub graph: PathBuf,
    /// Gazetteer folder whose aliases also name entities [default: gazetteer/ if it exists]
    #[arg(short = 'g', long = "gazetteer", value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
}

/// A graph read from disk, with the gazetteer used to resolve names (if any).
pub struct Loaded {
    /// The graph.
    pub graph: Graph,
    /// The gazetteer, when one was given or found.
    pub gazetteer: Option<Gazetteer>,
    /// The graph file, for messages.
    pub path: PathBuf,
}

impl GraphArgs {
    /// Reads the graph file and the gazetteer. An explicit `-g` must load; the default
    /// `gazetteer/` is used only when it exists and loads (otherwise a warning is printed).
    pub fn load(&self) -> Result<Loaded> {
        let (graph, _) = read_graph(&self.graph)?;
        let gazetteer = match &self.gazetteer {
            Some(dir) => Some(load_dir(dir)?),
            None => {
                let dir = Path::new("gazetteer");
                if has_gaz_files(dir) {
                    match load_dir(dir) {
                        Ok(g) => Some(g),
                        Err(e) => {
                            let n = e.to_string().lines().count();
                            eprintln!(
                                "newsgraph: warning: gazetteer/ does not load ({n} problem{}; see 'newsgraph build'), names are resolved from the graph only",
                                if n == 1 { "" } else { "s" }
                            );
                            None
                        }
                    }
                } else {
                    None
                }
            }
        };
        Ok(Loaded {
            graph,
            gazetteer,
            path: self.graph.clone(),
        })
    }
}

fn has_gaz_files(dir: &Path) -> bool {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.path().extension().is_some_and(|x| x == "gaz"))
        })
        .unwrap_or(false)
}

fn describe(c: &Candidate) -> String {
    format!("{} ({}, {})", c.label, c.kind, c.id)
}

impl Loaded {
    /// The id of the entity `query` names, or a usage error that says what to type instead.
    pub fn entity(&self, query: &str) -> Result<String> {
        let graph = self.path.display();
        match resolve(&self.graph, self.gazetteer.as_ref(), query) {
            Resolution::Found(id) => Ok(id),
            Resolution::Ambiguous(c) => {
                let list: Vec<String> = c.iter().map(describe).collect();
                Err(Error::Usage(format!(
                    "'{query}' is ambiguous in {graph}: {}; give one of these ids",
                    list.join(", ")
                )))
            }
            Resolution::NotInGraph(c) => {
                let list: Vec<String> = c.iter().map(describe).collect();
                Err(Error::Usage(format!(
                    "'{query}' is {} in the gazetteer, but not in {graph} (never mentioned in its corpus)",
                    list.join(" or ")
                )))
            }
            Resolution::NotFound(s) if s.is_empty() => Err(Error::Usage(format!(
                "no entity named '{query}' in {graph}; try an id, a name or an alias"
            ))),
            Resolution::NotFound(s) => {
                let list: Vec<String> = s.iter().map(describe).collect();
                Err(Error::Usage(format!(
                    "no entity named '{query}' in {graph}; did you mean {}?",
                    list.join(", ")
                )))
            }
        }
    }

    /// The canonical name of an entity (its id if unknown).
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.graph.node(id).map_or(id, |n| n.label.as_str())
    }
}

/// ANSI styling, switched on only when standard output is a terminal and `NO_COLOR` is
/// unset or empty.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    /// The style for standard output.
    pub fn stdout() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            on: std::io::stdout().is_terminal() && !no_color,
        }
    }

    fn wrap(self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// Bold text.
    pub fn bold(self, s: &str) -> String {
        self.wrap("1", s)
    }

    /// Faint text.
    pub fn dim(self, s: &str) -> String {
        self.wrap("2", s)
    }

    /// A relation name: typed relations stand out, co-occurrence is faint.
    pub fn relation(self, s: &str) -> String {
        if s == newsgraph::link::CO_OCCURS {
            self.dim(s)
        } else {
            self.wrap("36", s)
        }
    }
}

/// The width to fit: `COLUMNS` when set to a sensible number, else 80.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(80)
}

/// Runs of white space as single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to at most `max` characters, with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `s` padded with spaces to `width` characters.
pub fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// The part of an evidence sentence that matters: from the first of the two mentions
/// (with `…` in front when that is not the start of the sentence), on one line.
pub fn snippet(ev: &Evidence) -> String {
    let first = ev.source_span.start.min(ev.target_span.start);
    let offset = first.saturating_sub(ev.sentence.start);
    match ev.text.get(offset..) {
        Some(rest) if offset > 0 && !rest.is_empty() => format!("…{}", one_line(rest)),
        _ => one_line(&ev.text),
    }
}

/// The edge to show for a hop or a neighbour: typed relations before co-occurrence, then
/// the heaviest, then by relation name.
pub fn best_edge<'a>(edges: &[&'a Edge]) -> Option<&'a Edge> {
    edges.iter().copied().min_by(|a, b| {
        (
            a.relation == newsgraph::link::CO_OCCURS,
            std::cmp::Reverse(a.weight),
            &a.relation,
        )
            .cmp(&(
                b.relation == newsgraph::link::CO_OCCURS,
                std::cmp::Reverse(b.weight),
                &b.relation,
            ))
    })
}

/// Writes `text` to standard output; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Usage(format!("standard output: {e}")))
        }
        _ => Ok(()),
    }
}
