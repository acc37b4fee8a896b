//! `newsgraph neighbors GRAPH ENTITY`: the ego network of an entity.
//!
//! The walk ignores direction and goes `--depth` hops (default 1). The filters work as in
//! `build`, with two differences: `--type` limits the neighbours (the entity itself is
//! always shown), and `--top N` keeps the N neighbours with the heaviest edges in the
//! neighbourhood.
//!
//! Rows: one per edge from an entity at distance d to one at distance d + 1, listed as a
//! tree (deeper rows indented under the neighbour they were reached from); neighbours of
//! one entity come heaviest first (sum of weights of the edges to it), then by name.
//!
//! # `--format json`
//!
//! One pretty-printed object (stable: fields are only ever added):
//!
//! ```json
//! {
//!   "center": {"id": "qais_al_khazali", "label": "Qais al-Khazali", "type": "person"},
//!   "depth": 1,
//!   "neighbors": [
//!     {"id": "asaib_ahl_al_haq", "label": "Asaib Ahl al-Haq", "type": "militia",
//!      "distance": 1, "via": "qais_al_khazali",
//!      "relation": "leads", "direction": "out", "weight": 3,
//!      "evidence": [{"doc": "a.txt", "date": "2020-01-05", "sentence": [120, 245],
//!                    "source_span": [120, 135], "target_span": [146, 162],
//!                    "rule": "leads-who-heads", "text": "..."}]}
//!   ]
//! }
//! ```
//!
//! With `--at DATE`, the table ends with the roles in effect that day (the offices the
//! entity held, or who held offices in it, from the gazetteer), and the JSON object gets
//! `"roles_at": {"date", "roles": [{"person", "label", "title", "org", "from", "to"}]}`.
//!
//! `neighbors` are the table's rows in the table's order. `via` is the entity the
//! neighbour was reached from (the centre at distance 1); `direction` is the edge's
//! direction seen from `via`: `out` (via → neighbour), `in` (neighbour → via) or `none`
//! (an undirected relation such as `co_occurs`). `weight` is the number of supporting
//! sentences. `evidence` holds the first supporting sentence, or all of them with
//! `--evidence`; `date` and `rule` are left out when unknown; offsets are byte ranges in
//! the document. The other formats (`dot`, `graphml`, `gexf`, `nodelink`: the graph
//! formats of [`newsgraph::formats::FORMATS`] written as one text file) write the
//! neighbourhood subgraph (every edge between two shown entities) as `build` would.

use super::args::{FilterArgs, GraphArgs, format_values, graph_text, relation_types};
use super::output::{self, Style, emit, one_line, pad, snippet, truncate, width};
use clap::Args;
use newsgraph::Result;
use newsgraph::graph::{Edge, Evidence, Graph, Node};
use newsgraph::link::RuleSet;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// The formats of `neighbors` itself; the graph formats of the table follow.
const OWN_FORMATS: &[(&str, &str)] = &[
    ("table", "An aligned table for people"),
    (
        "json",
        "JSON: {center, depth, neighbors: [{id, label, type, distance, via, relation, direction, weight, evidence}]}",
    ),
];

fn formats() -> clap::builder::PossibleValuesParser {
    format_values(OWN_FORMATS, |f| format!("The neighbourhood as {}", f.about))
}

/// Arguments of `neighbors`.
#[derive(Args, Debug)]
pub struct NeighborsArgs {
    #[command(flatten)]
    graph: GraphArgs,
    /// Entity id, name or alias
    #[arg(value_name = "ENTITY")]
    entity: String,
    /// How many hops to walk
    #[arg(long, value_name = "N", default_value_t = 1)]
    depth: usize,
    #[command(flatten)]
    filter: FilterArgs,
    /// Print every supporting sentence, with its document and byte offsets
    #[arg(long)]
    evidence: bool,
    /// Output format
    #[arg(long, value_parser = formats(), default_value = "table")]
    format: String,
    /// Also list the roles in effect on this day (YYYY-MM-DD), from the gazetteer: the
    /// offices the entity held, or who held offices in it
    #[arg(long, value_name = "DATE")]
    at: Option<String>,
}

/// Direction of an edge seen from the entity a row hangs from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
enum Direction {
    Out,
    In,
    None,
}

impl Direction {
    fn of(edge: &Edge, from: &str) -> Direction {
        if !edge.directed {
            Direction::None
        } else if edge.source == from {
            Direction::Out
        } else {
            Direction::In
        }
    }

    fn arrow(self) -> &'static str {
        match self {
            Direction::Out => output::OUT,
            Direction::In => output::IN,
            Direction::None => output::UNDIRECTED,
        }
    }
}

/// One row: an edge from `via` (at distance `distance - 1`) to `node`.
struct Row<'a> {
    distance: usize,
    via: &'a str,
    node: &'a Node,
    edge: &'a Edge,
    direction: Direction,
}

/// The rows of the neighbourhood `ego` of `center`, as a tree.
fn rows<'a>(ego: &'a Graph, center: &'a str, dist: &BTreeMap<String, usize>) -> Vec<Row<'a>> {
    let mut out = Vec::new();
    let mut expanded = BTreeSet::new();
    expand(ego, center, dist, &mut expanded, &mut out);
    out
}

fn expand<'a>(
    ego: &'a Graph,
    near: &'a str,
    dist: &BTreeMap<String, usize>,
    expanded: &mut BTreeSet<&'a str>,
    out: &mut Vec<Row<'a>>,
) {
    expanded.insert(near);
    let d = dist[near];
    let mut groups: BTreeMap<&str, Vec<&Edge>> = BTreeMap::new();
    for e in ego.edges_of(near) {
        let far = if e.source == near {
            e.target.as_str()
        } else {
            e.source.as_str()
        };
        if dist.get(far) == Some(&(d + 1)) {
            groups.entry(far).or_default().push(e);
        }
    }
    let mut groups: Vec<(&Node, Vec<&Edge>)> = groups
        .into_iter()
        .map(|(far, edges)| (ego.node(far).expect("edge end is a node"), edges))
        .collect();
    groups.sort_by(|(a, ea), (b, eb)| {
        let wa: u64 = ea.iter().map(|e| e.weight).sum();
        let wb: u64 = eb.iter().map(|e| e.weight).sum();
        wb.cmp(&wa)
            .then_with(|| a.label.cmp(&b.label))
            .then_with(|| a.id.cmp(&b.id))
    });
    for (node, mut edges) in groups {
        edges.sort_by(|a, b| a.rank().cmp(&b.rank()));
        for edge in edges {
            out.push(Row {
                distance: d + 1,
                via: near,
                node,
                edge,
                direction: Direction::of(edge, near),
            });
        }
        if !expanded.contains(node.id.as_str()) {
            expand(ego, &node.id, dist, expanded, out);
        }
    }
}

#[derive(Serialize)]
struct JsonEntity<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    distance: usize,
    via: &'a str,
    relation: &'a str,
    direction: Direction,
    weight: u64,
    evidence: &'a [Evidence],
}

#[derive(Serialize)]
struct JsonOut<'a> {
    center: JsonEntity<'a>,
    depth: usize,
    neighbors: Vec<JsonRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles_at: Option<RolesAt>,
}

/// The roles in effect on a day that involve the centre (`--at`).
#[derive(Serialize, Clone)]
struct RolesAt {
    date: String,
    roles: Vec<RoleAt>,
}

#[derive(Serialize, Clone)]
struct RoleAt {
    person: String,
    label: String,
    title: String,
    org: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<String>,
}

/// The roles in effect on `date` held by `center`, or held in `center`.
fn roles_at(g: &newsgraph::gazetteer::Gazetteer, center: &str, date: &str) -> RolesAt {
    let mut roles = Vec::new();
    for e in g.entities() {
        for r in &e.roles {
            if (e.id == center || r.org == center) && r.held_on(date) {
                roles.push(RoleAt {
                    person: e.id.clone(),
                    label: e.name.clone(),
                    title: r.title.clone(),
                    org: r.org.clone(),
                    from: r.from.clone(),
                    to: r.to.clone(),
                });
            }
        }
    }
    roles.sort_by(|a, b| (&a.from, &a.person).cmp(&(&b.from, &b.person)));
    RolesAt {
        date: date.to_string(),
        roles,
    }
}

fn roles_table(roles: &RolesAt, g: &newsgraph::gazetteer::Gazetteer) -> String {
    let mut s = format!("On {}, from the gazetteer's roles:\n", roles.date);
    if roles.roles.is_empty() {
        s.push_str("  no role in effect\n");
    }
    for r in &roles.roles {
        let org = g.get(&r.org).map_or(r.org.as_str(), |o| o.name.as_str());
        let dates = match (&r.from, &r.to) {
            (Some(f), Some(t)) => format!(", {f} to {t}"),
            (Some(f), None) => format!(", since {f}"),
            _ => String::new(),
        };
        s.push_str(&format!(
            "  {} ({}): {} of {org}{dates}\n",
            r.label, r.person, r.title
        ));
    }
    s
}

fn to_json(
    center: &Node,
    depth: usize,
    rows: &[Row],
    all_evidence: bool,
    roles_at: Option<RolesAt>,
) -> String {
    let neighbors = rows
        .iter()
        .map(|r| JsonRow {
            id: &r.node.id,
            label: &r.node.label,
            kind: r.node.kind.as_str(),
            distance: r.distance,
            via: r.via,
            relation: &r.edge.relation,
            direction: r.direction,
            weight: r.edge.weight,
            evidence: if all_evidence {
                &r.edge.evidence
            } else {
                &r.edge.evidence[..r.edge.evidence.len().min(1)]
            },
        })
        .collect();
    let out = JsonOut {
        center: JsonEntity {
            id: &center.id,
            label: &center.label,
            kind: center.kind.as_str(),
        },
        roles_at,
        depth,
        neighbors,
    };
    let mut s = serde_json::to_string_pretty(&out).expect("rows serialize");
    s.push('\n');
    s
}

fn to_table(center: &Node, rows: &[Row], all_evidence: bool, style: Style) -> String {
    let total = width();
    let names: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{}{}",
                "  ".repeat(r.distance.saturating_sub(1)),
                r.node.label
            )
        })
        .collect();
    let name_w = names
        .iter()
        .map(|n| output::display_width(n))
        .max()
        .unwrap_or(0)
        .clamp(6, 22);
    let type_w = rows
        .iter()
        .map(|r| r.node.kind.as_str().len())
        .max()
        .unwrap_or(0)
        .max(4);
    let rel_w = rows
        .iter()
        .map(|r| output::display_width(&r.edge.relation))
        .max()
        .unwrap_or(0)
        .clamp(8, 16);
    let weight_w = rows
        .iter()
        .map(|r| r.edge.weight.to_string().len())
        .max()
        .unwrap_or(0)
        .max(1);
    // name, type, relation, direction, weight, evidence: two spaces between columns, one
    // around the direction arrow.
    let used = name_w + type_w + rel_w + 1 + weight_w + 2 * 3 + 2;
    let ev_w = total.saturating_sub(used).max(12);
    let neighbours: BTreeSet<&str> = rows.iter().map(|r| r.node.id.as_str()).collect();
    let mut s = format!(
        "{} ({}, {}): {} neighbour{}, {} edge{}\n",
        style.bold(&center.label),
        center.kind,
        center.id,
        neighbours.len(),
        if neighbours.len() == 1 { "" } else { "s" },
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    );
    if rows.is_empty() {
        return s;
    }
    let header = format!(
        "{}  {}  {} {} {:>weight_w$}  {}",
        pad("NAME", name_w),
        pad("TYPE", type_w),
        pad("RELATION", rel_w),
        " ",
        "W",
        "EVIDENCE"
    );
    s.push_str(&style.bold(header.trim_end()));
    s.push('\n');
    for (r, name) in rows.iter().zip(&names) {
        let ev = r.edge.evidence.first().map(snippet).unwrap_or_default();
        let line = format!(
            "{}  {}  {} {} {:>weight_w$}  {}",
            pad(&truncate(name, name_w), name_w),
            pad(r.node.kind.as_str(), type_w),
            style.relation(&pad(&truncate(&r.edge.relation, rel_w), rel_w)),
            r.direction.arrow(),
            r.edge.weight,
            style.dim(&truncate(&ev, ev_w))
        );
        s.push_str(line.trim_end());
        s.push('\n');
        if all_evidence {
            for ev in &r.edge.evidence {
                let date = ev
                    .date
                    .as_deref()
                    .map(|d| format!(" {d}"))
                    .unwrap_or_default();
                s.push_str(&format!(
                    "    {}{}:{}-{}  {}\n",
                    style.dim(&ev.doc),
                    date,
                    ev.sentence.start,
                    ev.sentence.end,
                    one_line(&ev.text)
                ));
            }
        }
    }
    s
}

/// Runs `neighbors`.
pub fn run(args: NeighborsArgs) -> Result<i32> {
    args.filter.to_filter()?;
    let at = match &args.at {
        None => None,
        Some(d) => Some(newsgraph::text::parse_iso_date(d).ok_or_else(|| {
            newsgraph::Error::Usage(format!("--at '{d}' is not a date: write YYYY-MM-DD"))
        })?),
    };
    if at.is_some() && !matches!(args.format.as_str(), "table" | "json") {
        return Err(newsgraph::Error::Usage(
            "--at lists roles in the table and json formats only".into(),
        ));
    }
    let loaded = args.graph.load()?;
    args.filter
        .check_relations(relation_types(&RuleSet::builtin(), &[&loaded.graph]))?;
    let center = loaded.entity(&args.entity)?;
    let roles = match (&at, &loaded.gazetteer) {
        (None, _) => None,
        (Some(d), Some(g)) => Some(roles_at(g, &center, d)),
        (Some(_), None) => {
            return Err(newsgraph::Error::Usage(
                "--at needs the gazetteer's roles: give the gazetteer folder with -g DIR".into(),
            ));
        }
    };
    let (ego, dist) = loaded
        .graph
        .ego_top(&center, args.depth, &args.filter.to_filter()?);
    let center_node = ego
        .node(&center)
        .expect("the centre is in its neighbourhood");
    let text = match args.format.as_str() {
        "table" => {
            let mut t = to_table(
                center_node,
                &rows(&ego, &center, &dist),
                args.evidence,
                Style::stdout(),
            );
            if let (Some(r), Some(g)) = (&roles, &loaded.gazetteer) {
                t.push_str(&roles_table(r, g));
            }
            t
        }
        "json" => to_json(
            center_node,
            args.depth,
            &rows(&ego, &center, &dist),
            args.evidence,
            roles,
        ),
        graph_format => graph_text(graph_format, &ego)?,
    };
    emit(&text)?;
    Ok(0)
}
