//! `newsgraph diff OLD NEW`: what changed between two graphs built by `build`.
//!
//! Entities are matched by id, relations by (source, target, relation); both graphs are
//! cut by the same filter flags as `neighbors` first. Exit codes follow diff(1): 0 no
//! difference, 1 differences, 2 trouble (message on stderr). Documents that appear in one
//! corpus only are reported, but alone are no difference: the graph is what is compared.
//!
//! OLD and NEW are graph.json files; GraphML written by `build` is read too, but keeps no
//! documents or evidence, so a diff of GraphML files names no documents (and when one side
//! is GraphML, documents are left out of both sides).
//!
//! `--format text` (default): a summary line of counts, then one section per kind of
//! change (`Documents added`, `Entities added`, `Entities removed`, `Entities changed`,
//! `Relations added`, ...), each sorted by id; empty sections are left out. Lines start
//! with `+` (added), `-` (removed) or `~` (changed); colour only when stdout is a terminal
//! and `NO_COLOR` is unset.
//!
//! `--format json`: one object (keys in this order, lists sorted by id or by
//! (source, target, relation)):
//!
//! ```json
//! {"format": "newsgraph-diff", "version": 1, "old": "v1/graph.json", "new": "v2/graph.json",
//!  "summary": {"documents": {"added": 2, "removed": 0},
//!              "entities": {"added": 1, "removed": 0, "changed": 3},
//!              "relations": {"added": 4, "removed": 0, "changed": 2}},
//!  "documents": {"added": ["g.txt", "h.txt"], "removed": []},
//!  "entities": {
//!    "added":   [{"id": "x", "label": "X", "type": "person", "mentions": 2, "documents": ["g.txt"]}],
//!    "removed": [],
//!    "changed": [{"id": "y", "label": {"old": "Y", "new": "Y"},
//!                 "type": {"old": "militia", "new": "militia"}, "mentions": {"old": 3, "new": 5},
//!                 "documents": {"added": ["g.txt"], "removed": []}}]},
//!  "relations": {
//!    "added":   [{"source": "x", "target": "y", "relation": "co_occurs", "directed": false,
//!                 "weight": 1, "documents": ["g.txt"]}],
//!    "removed": [],
//!    "changed": [{"source": "y", "target": "z", "relation": "co_occurs", "directed": false,
//!                 "weight": {"old": 1, "new": 3}, "documents": {"added": ["g.txt"], "removed": []},
//!                 "evidence": [{"doc": "g.txt", "old": 0, "new": 2}]}]}}
//! ```
//!
//! `documents` of an added or removed item are those that mention it (entities) or hold a
//! supporting sentence (relations); in a changed item, the documents that do so only in
//! the new graph (`added`) or only in the old (`removed`); `evidence` lists every document
//! whose number of supporting sentences differs. Swapping OLD and NEW swaps every `added`
//! with `removed` and every `old` with `new`, and nothing else.
//!
//! `--format dot|graphml|gexf|nodelink` (the graph formats of
//! [`newsgraph::formats::FORMATS`] written as one text file): the union graph, every node and edge with a `change`
//! attribute (`added`, `removed`, `changed`, `same`) and coloured by it (see
//! [`newsgraph::graph::diff::union_graph`]).

use super::args::{FilterArgs, format_values, graph_text, relation_types};
use super::output::{Style, color_enabled, emit};
use clap::{Args, ValueEnum};
use newsgraph::Result;
use newsgraph::formats::{check_output, read_graph, write_atomic};
use newsgraph::graph::diff::{Change, DiffOptions, GraphDiff, diff_graphs, union_graph};
use newsgraph::graph::{Edge, Graph, Node};
use newsgraph::link::RuleSet;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The formats of `diff` itself; the graph formats of the table follow.
const OWN_FORMATS: &[(&str, &str)] = &[
    ("text", "Summary line and sections, for people"),
    ("json", "The documented JSON structure"),
];

fn formats() -> clap::builder::PossibleValuesParser {
    format_values(OWN_FORMATS, |f| {
        format!(
            "Union graph as {}, coloured and with a `change` attribute",
            f.about
        )
    })
}

/// Kinds of change `--only` keeps.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum OnlyArg {
    /// Entities and relations only in NEW
    Added,
    /// Entities and relations only in OLD
    Removed,
    /// Entities and relations in both, with a difference
    Changed,
}

/// Arguments of `diff`.
#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The older graph (graph.json written by build; GraphML is read too, without documents)
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The newer graph
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// Output format (a union graph has a `change` attribute on every node and edge, and
    /// colours by it, in the formats that write attributes and colours)
    #[arg(long, value_parser = formats(), default_value = "text")]
    format: String,
    /// Ignore weight (and mention count) changes smaller than N
    #[arg(long = "min-change", value_name = "N", default_value_t = 0)]
    min_change: u64,
    /// Report only this kind of change
    #[arg(long, value_enum)]
    only: Option<OnlyArg>,
    /// Write to FILE instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
}

/// Runs `diff`: 0 when the graphs do not differ, 1 when they do.
pub fn run(args: DiffArgs) -> Result<i32> {
    if let Some(path) = &args.output {
        check_output(path)?;
    }
    let filter = args.filter.to_filter()?;
    let options = DiffOptions {
        min_change: args.min_change,
        only: args.only.map(|o| match o {
            OnlyArg::Added => Change::Added,
            OnlyArg::Removed => Change::Removed,
            OnlyArg::Changed => Change::Changed,
        }),
    };
    let (mut old, old_format) = read_graph(&args.old)?;
    let (mut new, new_format) = read_graph(&args.new)?;
    args.filter
        .check_relations(relation_types(&RuleSet::builtin(), &[&old, &new]))?;
    if old_format.is_lossless() != new_format.is_lossless() {
        (old, new) = (without_documents(&old), without_documents(&new));
    }
    let diff = diff_graphs(&old, &new, &filter, &options);
    let (old_name, new_name) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let text = match args.format.as_str() {
        "text" => {
            let color = args.output.is_none() && color_enabled();
            to_text(&diff, &old_name, &new_name, color)
        }
        "json" => to_json(&diff, &old_name, &new_name),
        graph_format => graph_text(graph_format, &union_graph(&old, &new, &filter, &diff))?,
    };
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())?,
        None => emit(&text)?,
    }
    Ok(if diff.is_empty() { 0 } else { 1 })
}

/// The graph without what GraphML does not keep (documents, evidence), so a graph.json
/// compared with a GraphML file does not differ in those alone.
fn without_documents(g: &Graph) -> Graph {
    let nodes = g
        .nodes()
        .map(|n| Node {
            documents: Vec::new(),
            ..n.clone()
        })
        .collect();
    let edges = g
        .edges()
        .map(|e| Edge {
            evidence: Vec::new(),
            ..e.clone()
        })
        .collect();
    Graph::from_parts(nodes, edges, Vec::new())
}

/// `" in a.txt, b.txt"`, or nothing when the documents are not known (GraphML input).
fn in_documents(docs: &[String]) -> String {
    if docs.is_empty() {
        String::new()
    } else {
        format!(" in {}", docs.join(", "))
    }
}

#[derive(Serialize)]
struct Counts {
    added: usize,
    removed: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    changed: Option<usize>,
}

#[derive(Serialize)]
struct Summary {
    documents: Counts,
    entities: Counts,
    relations: Counts,
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    format: &'static str,
    version: u32,
    old: &'a str,
    new: &'a str,
    summary: Summary,
    #[serde(flatten)]
    diff: &'a GraphDiff,
}

fn summary(d: &GraphDiff) -> Summary {
    Summary {
        documents: Counts {
            added: d.documents.added.len(),
            removed: d.documents.removed.len(),
            changed: None,
        },
        entities: Counts {
            added: d.entities.added.len(),
            removed: d.entities.removed.len(),
            changed: Some(d.entities.changed.len()),
        },
        relations: Counts {
            added: d.relations.added.len(),
            removed: d.relations.removed.len(),
            changed: Some(d.relations.changed.len()),
        },
    }
}

fn to_json(d: &GraphDiff, old: &str, new: &str) -> String {
    let doc = JsonDiff {
        format: "newsgraph-diff",
        version: 1,
        old,
        new,
        summary: summary(d),
        diff: d,
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("diff serializes");
    s.push('\n');
    s
}

fn arrow(directed: bool) -> &'static str {
    if directed { "->" } else { "--" }
}

fn signed(old: u64, new: u64) -> String {
    if new >= old {
        format!("+{}", new - old)
    } else {
        format!("-{}", old - new)
    }
}

fn to_text(d: &GraphDiff, old: &str, new: &str, color: bool) -> String {
    let p = Style::new(color);
    let mut s = String::new();
    if d.is_empty() {
        // Documents alone are no difference: name them on the summary line only.
        let _ = write!(s, "{old} -> {new}: no differences");
        if !d.documents.is_empty() {
            let _ = write!(
                s,
                " (documents {} added, {} removed)",
                d.documents.added.len(),
                d.documents.removed.len()
            );
        }
        s.push('\n');
        return s;
    }
    let _ = writeln!(
        s,
        "{old} -> {new}: entities {} added, {} removed, {} changed; relations {} added, {} removed, {} changed; documents {} added, {} removed",
        d.entities.added.len(),
        d.entities.removed.len(),
        d.entities.changed.len(),
        d.relations.added.len(),
        d.relations.removed.len(),
        d.relations.changed.len(),
        d.documents.added.len(),
        d.documents.removed.len(),
    );
    let mut section = |title: &str, lines: Vec<String>| {
        if lines.is_empty() {
            return;
        }
        let _ = writeln!(
            s,
            "\n{}",
            p.paint("1", &format!("{title} ({})", lines.len()))
        );
        for l in lines {
            let _ = writeln!(s, "  {l}");
        }
    };
    let (plus, minus, tilde) = (p.paint("32", "+"), p.paint("31", "-"), p.paint("33", "~"));
    section(
        "Documents added",
        d.documents
            .added
            .iter()
            .map(|id| format!("{plus} {id}"))
            .collect(),
    );
    section(
        "Documents removed",
        d.documents
            .removed
            .iter()
            .map(|id| format!("{minus} {id}"))
            .collect(),
    );
    let entity = |mark: &str, e: &newsgraph::graph::diff::EntityEntry| {
        format!(
            "{mark} {} ({}, {}): {} mention{}{}",
            e.id,
            e.label,
            e.kind.as_str(),
            e.mentions,
            if e.mentions == 1 { "" } else { "s" },
            in_documents(&e.documents)
        )
    };
    section(
        "Entities added",
        d.entities.added.iter().map(|e| entity(&plus, e)).collect(),
    );
    section(
        "Entities removed",
        d.entities
            .removed
            .iter()
            .map(|e| entity(&minus, e))
            .collect(),
    );
    section(
        "Entities changed",
        d.entities
            .changed
            .iter()
            .map(|c| {
                let mut parts = Vec::new();
                if c.label.differs() {
                    parts.push(format!("name \"{}\" -> \"{}\"", c.label.old, c.label.new));
                }
                if c.kind.differs() {
                    parts.push(format!(
                        "type {} -> {}",
                        c.kind.old.as_str(),
                        c.kind.new.as_str()
                    ));
                }
                if c.mentions.differs() {
                    parts.push(format!(
                        "mentions {} -> {} ({})",
                        c.mentions.old,
                        c.mentions.new,
                        signed(c.mentions.old, c.mentions.new)
                    ));
                }
                if !c.documents.added.is_empty() {
                    parts.push(format!("now also in {}", c.documents.added.join(", ")));
                }
                if !c.documents.removed.is_empty() {
                    parts.push(format!("no longer in {}", c.documents.removed.join(", ")));
                }
                format!("{tilde} {} ({}): {}", c.id, c.label.new, parts.join("; "))
            })
            .collect(),
    );
    let relation = |mark: &str, r: &newsgraph::graph::diff::RelationEntry| {
        format!(
            "{mark} {} {} {} {}: weight {}{}",
            r.source,
            arrow(r.directed),
            r.target,
            r.relation,
            r.weight,
            in_documents(&r.documents)
        )
    };
    section(
        "Relations added",
        d.relations
            .added
            .iter()
            .map(|r| relation(&plus, r))
            .collect(),
    );
    section(
        "Relations removed",
        d.relations
            .removed
            .iter()
            .map(|r| relation(&minus, r))
            .collect(),
    );
    section(
        "Relations changed",
        d.relations
            .changed
            .iter()
            .map(|c| {
                let evidence: Vec<String> = c
                    .evidence
                    .iter()
                    .map(|e| format!("{} {}", e.doc, signed(e.old, e.new)))
                    .collect();
                format!(
                    "{tilde} {} {} {} {}: weight {} -> {} ({}){}",
                    c.source,
                    arrow(c.directed),
                    c.target,
                    c.relation,
                    c.weight.old,
                    c.weight.new,
                    signed(c.weight.old, c.weight.new),
                    if evidence.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", evidence.join(", "))
                    }
                )
            })
            .collect(),
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsgraph::graph::diff::AddedRemoved;

    fn sample() -> GraphDiff {
        GraphDiff {
            documents: AddedRemoved {
                added: vec!["n.txt".into()],
                removed: vec![],
            },
            entities: newsgraph::graph::diff::Section {
                added: vec![newsgraph::graph::diff::EntityEntry {
                    id: "x".into(),
                    label: "X".into(),
                    kind: newsgraph::gazetteer::EntityType::Person,
                    mentions: 1,
                    documents: vec!["n.txt".into()],
                }],
                ..Default::default()
            },
            ..GraphDiff::default()
        }
    }

    #[test]
    fn colour_only_when_asked() {
        let plain = to_text(&sample(), "a", "b", false);
        assert!(!plain.contains('\x1b'));
        assert_eq!(
            plain,
            "a -> b: entities 1 added, 0 removed, 0 changed; relations 0 added, 0 removed, 0 changed; documents 1 added, 0 removed\n\
             \nDocuments added (1)\n  + n.txt\n\nEntities added (1)\n  + x (X, person): 1 mention in n.txt\n"
        );
        let coloured = to_text(&sample(), "a", "b", true);
        assert!(
            coloured.contains("\x1b[32m+\x1b[0m x (X, person)"),
            "{coloured:?}"
        );
        assert!(
            coloured.contains("\x1b[1mEntities added (1)\x1b[0m"),
            "{coloured:?}"
        );
    }

    #[test]
    fn json_summary_counts_each_list() {
        let v: serde_json::Value = serde_json::from_str(&to_json(&sample(), "a", "b")).unwrap();
        assert_eq!(
            v["summary"]["entities"],
            serde_json::json!({"added": 1, "removed": 0, "changed": 0})
        );
        assert_eq!(
            v["summary"]["documents"],
            serde_json::json!({"added": 1, "removed": 0})
        );
        assert_eq!(
            v["relations"],
            serde_json::json!({"added": [], "removed": [], "changed": []})
        );
    }
}
