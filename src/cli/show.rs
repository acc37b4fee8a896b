//! `newsgraph show GRAPH ENTITY`: an entity card — canonical name, id, type, its roles with
//! their dates (from the gazetteer, when one is given or found), the aliases
//! seen in the text with their counts, mentions, documents and dates, and the entity's
//! relations grouped by relation type and direction, with the entities at the other end;
//! the filters of `build` choose the relations shown. `--format json` prints
//! `{"id", "label", "type", "aliases": {alias: count}, "mentions", "documents": [...],
//! "first_seen", "last_seen", "relations": [{"source", "target", "relation", "directed",
//! "weight", "evidence": [{"document", "date", "sentence", "span"}]}]}`.

use super::args::{FilterArgs, GraphArgs, relation_types};
use super::output::{self, ReportFormat, Style, arrow, emit};
use clap::Args;
use newsgraph::Result;
use newsgraph::graph::Edge;
use newsgraph::link::RuleSet;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Arguments of `show`.
#[derive(Args, Debug)]
pub struct ShowArgs {
    #[command(flatten)]
    graph: GraphArgs,
    /// Entity id, name or alias
    #[arg(value_name = "ENTITY")]
    entity: String,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

/// A group of relations on the card: co-occurrence last, then by relation and arrow.
type GroupKey = (bool, String, &'static str);

/// `items` joined with ", " and wrapped to `width`, continuation lines indented by `indent`.
fn wrap(items: &[String], indent: usize, first: usize, width: usize) -> String {
    let mut out = String::new();
    let mut col = first;
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.clone()
        };
        let len = output::display_width(&piece);
        if i > 0 {
            if col + 1 + len > width {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                col = indent;
            } else {
                out.push(' ');
                col += 1;
            }
        }
        out.push_str(&piece);
        col += len;
    }
    out
}

/// Runs `show`.
pub fn run(args: ShowArgs) -> Result<i32> {
    let filter = args.filter.to_filter()?;
    let loaded = args.graph.load()?;
    args.filter
        .check_relations(relation_types(&RuleSet::builtin(), &[&loaded.graph]))?;
    let id = loaded.entity(&args.entity)?;
    let node = loaded.graph.node(&id).expect("resolved entities are nodes");
    // The card is the entity's; its relations are those the filters keep.
    let filtered = filter.apply(&loaded.graph);
    if args.format == ReportFormat::Json {
        let edges: Vec<serde_json::Value> = filtered
            .edges_of(&id)
            .into_iter()
            .map(output::edge_json)
            .collect();
        return output::emit_json(&serde_json::json!({
            "id": node.id,
            "label": node.label,
            "type": node.kind,
            "aliases": node.aliases,
            "mentions": node.mentions,
            "documents": node.documents,
            "first_seen": node.first_seen,
            "last_seen": node.last_seen,
            "relations": edges,
        }))
        .map(|_| 0);
    }
    let style = Style::stdout();
    let width = output::width();
    const INDENT: usize = 13;
    let field = |name: &str| format!("  {name:<10} ");
    let mut s = String::new();
    let _ = writeln!(s, "{}", style.bold(&node.label));
    let _ = writeln!(s, "{}{}", field("id"), node.id);
    let _ = writeln!(s, "{}{}", field("type"), node.kind);
    // Roles with their dates, from the gazetteer (the graph does not carry them).
    let entity = loaded
        .gazetteer
        .as_ref()
        .and_then(|g| g.get(&id).map(|e| (g, e)));
    if let Some((g, e)) = entity {
        for (i, r) in e.roles.iter().enumerate() {
            let org = g.get(&r.org).map_or(r.org.as_str(), |o| o.name.as_str());
            let dates = match (&r.from, &r.to) {
                (Some(f), Some(t)) => format!(", {f} to {t}"),
                (Some(f), None) => format!(", since {f}"),
                (None, Some(t)) => format!(", until {t}"),
                (None, None) => String::new(),
            };
            let label = if i == 0 {
                field("roles")
            } else {
                " ".repeat(INDENT)
            };
            let _ = writeln!(s, "{label}{} of {org}{dates}", r.title);
        }
    }
    let mut aliases: Vec<(&String, &u64)> = node.aliases.iter().collect();
    aliases.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let aliases: Vec<String> = aliases.iter().map(|(a, n)| format!("{a} ({n})")).collect();
    let _ = writeln!(
        s,
        "{}{}",
        field("aliases"),
        wrap(&aliases, INDENT, INDENT, width)
    );
    let dates = match (&node.first_seen, &node.last_seen) {
        (Some(f), Some(l)) if f != l => format!(", {f} to {l}"),
        (Some(f), _) => format!(", {f}"),
        _ => String::new(),
    };
    let docs = node.documents.len();
    let _ = writeln!(
        s,
        "{}{} in {} document{}{}",
        field("mentions"),
        node.mentions,
        docs,
        if docs == 1 { "" } else { "s" },
        dates
    );
    let _ = writeln!(
        s,
        "{}{}",
        field("documents"),
        wrap(&node.documents, INDENT, INDENT, width)
    );

    // (co-occurrence last, relation, arrow) -> [(edge, other end's name)]
    let mut groups: BTreeMap<GroupKey, Vec<(&Edge, &str)>> = BTreeMap::new();
    let edges = filtered.edges_of(&id);
    for e in &edges {
        let other = if e.source == id { &e.target } else { &e.source };
        let arrow = arrow(e, &id);
        groups
            .entry((e.is_cooccurrence(), e.relation.clone(), arrow))
            .or_default()
            .push((e, loaded.label(other)));
    }
    let partners: std::collections::BTreeSet<&str> = edges
        .iter()
        .map(|e| {
            if e.source == id {
                e.target.as_str()
            } else {
                e.source.as_str()
            }
        })
        .collect();
    let _ = writeln!(
        s,
        "{}{} edge{} with {} entit{}",
        field("relations"),
        edges.len(),
        if edges.len() == 1 { "" } else { "s" },
        partners.len(),
        if partners.len() == 1 { "y" } else { "ies" }
    );
    for ((_, relation, arrow), mut list) in groups {
        list.sort_by(|a, b| b.0.weight.cmp(&a.0.weight).then(a.1.cmp(b.1)));
        let head = format!("    {arrow} {relation} ({})", list.len());
        let items: Vec<String> = list
            .iter()
            .map(|(e, name)| format!("{name} ({})", e.weight))
            .collect();
        let pad = head.chars().count().max(24);
        let _ = writeln!(
            s,
            "{}{}  {}",
            style.relation(&head),
            " ".repeat(pad - head.chars().count()),
            wrap(&items, pad + 2, pad + 2, width)
        );
    }
    emit(&s)?;
    Ok(0)
}
