//! `newsgraph path GRAPH A B`: the shortest paths between two entities (direction is
//! ignored), each hop with its relation and one supporting sentence.
//!
//! For each hop the relation shown is a typed one before `co_occurs`, then the heaviest;
//! the other relations between the same two entities are counted. The filters work as in
//! `build`. Exit code 1 when the two entities are not connected (with these filters).
//! `--format json` prints `{"from", "to", "paths": [{"entities": [ids],
//! "hops": [{"from", "to", "edge": {as in `show`}}]}]}`, `paths` empty with exit 1.

use super::args::{FilterArgs, GraphArgs, relation_types};
use super::output::{self, ReportFormat, Style, arrow, emit, one_line};
use clap::Args;
use newsgraph::Result;
use newsgraph::graph::Edge;
use newsgraph::link::RuleSet;
use std::fmt::Write;

/// Arguments of `path`.
#[derive(Args, Debug)]
pub struct PathArgs {
    #[command(flatten)]
    graph: GraphArgs,
    /// Entity to start from (id, name or alias)
    #[arg(value_name = "A")]
    from: String,
    /// Entity to reach
    #[arg(value_name = "B")]
    to: String,
    /// Show at most this many paths
    #[arg(long = "max", value_name = "N", default_value_t = 10)]
    max: usize,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

/// Runs `path`.
pub fn run(args: PathArgs) -> Result<i32> {
    let filter = args.filter.to_filter()?;
    let loaded = args.graph.load()?;
    args.filter
        .check_relations(relation_types(&RuleSet::builtin(), &[&loaded.graph]))?;
    let a = loaded.entity(&args.from)?;
    let b = loaded.entity(&args.to)?;
    let graph = filter.apply(&loaded.graph);
    let style = Style::stdout();
    let (la, lb) = (loaded.label(&a), loaded.label(&b));
    let paths = graph.shortest_paths(&a, &b, args.max.max(1));
    if args.format == ReportFormat::Json {
        let list: Vec<serde_json::Value> = paths
            .iter()
            .map(|path| {
                let hops: Vec<serde_json::Value> = path
                    .windows(2)
                    .map(|w| {
                        let edges = graph.edges_between(&w[0], &w[1]);
                        let e =
                            Edge::best(&edges).expect("consecutive path entities share an edge");
                        serde_json::json!({"from": w[0], "to": w[1], "edge": output::edge_json(e)})
                    })
                    .collect();
                serde_json::json!({"entities": path, "hops": hops})
            })
            .collect();
        output::emit_json(&serde_json::json!({"from": a, "to": b, "paths": list}))?;
        return Ok(if paths.is_empty() { 1 } else { 0 });
    }
    let mut s = String::new();
    if paths.is_empty() {
        let how = if filter.is_empty() {
            ""
        } else {
            " with these filters"
        };
        let _ = writeln!(s, "no path between {la} and {lb}{how}");
        emit(&s)?;
        return Ok(1);
    }
    let hops = paths[0].len() - 1;
    let more = if paths.len() >= args.max.max(1) {
        " (limit reached; raise --max for more)"
    } else {
        ""
    };
    let _ = writeln!(
        s,
        "{la} to {lb}: {} shortest path{} of {hops} hop{}{more}",
        paths.len(),
        if paths.len() == 1 { "" } else { "s" },
        if hops == 1 { "" } else { "s" }
    );
    for (i, path) in paths.iter().enumerate() {
        let _ = writeln!(s);
        let number = format!("{}.", i + 1);
        for (k, id) in path.iter().enumerate() {
            let lead = if k == 0 {
                format!("{number:<4}")
            } else {
                "    ".to_string()
            };
            let node = graph.node(id).expect("path ends are nodes");
            let _ = writeln!(s, "{lead}{} ({})", style.bold(&node.label), node.kind);
            let Some(next) = path.get(k + 1) else {
                continue;
            };
            let edges = graph.edges_between(id, next);
            let e = Edge::best(&edges).expect("consecutive path entities share an edge");
            let arrow = arrow(e, id);
            let others = match edges.len() - 1 {
                0 => String::new(),
                1 => ", +1 other relation".to_string(),
                n => format!(", +{n} other relations"),
            };
            let _ = writeln!(
                s,
                "      {arrow} {} (weight {}{others})",
                style.relation(&e.relation),
                e.weight
            );
            if let Some(ev) = e.evidence.first() {
                let _ = writeln!(
                    s,
                    "        {} {}",
                    style.dim(&format!(
                        "[{}:{}-{}]",
                        ev.doc, ev.sentence.start, ev.sentence.end
                    )),
                    one_line(&ev.text)
                );
            }
        }
    }
    emit(&s)?;
    Ok(0)
}
