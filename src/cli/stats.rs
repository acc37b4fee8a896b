//! `newsgraph stats GRAPH`: entities by type, edges by relation, the top entities by
//! degree, weighted degree and PageRank, and the connected components.
//!
//! The measures are defined in the library (`newsgraph::graph`, module `stats`): degree
//! counts distinct neighbours, weighted degree sums edge weights, PageRank is a fixed 50
//! iterations with damping 0.85 (printed with 4 decimals). Ties rank by id.
//!
//! `--format json` prints `{"entities", "edges", "documents", "by_type": {type: n},
//! "by_relation": {relation: {"edges", "sentences"}}, "top_degree", "top_weighted_degree",
//! "top_pagerank": [{"id", "value"}], "components": [sizes, largest first]}`.

use super::args::GraphArgs;
use super::output::{self, ReportFormat, Style, emit, pad, truncate};
use clap::Args;
use newsgraph::Result;
use newsgraph::graph::{Centrality, Graph};
use std::fmt::Write;

/// Arguments of `stats`.
#[derive(Args, Debug)]
pub struct StatsArgs {
    #[command(flatten)]
    graph: GraphArgs,
    /// How many entities to list in each ranking
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,
    /// Output format
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

fn ranking(
    s: &mut String,
    graph: &Graph,
    title: &str,
    all: &[Centrality],
    top: usize,
    key: impl Fn(&Centrality) -> (f64, String),
    style: Style,
) {
    let mut sorted: Vec<&Centrality> = all.iter().collect();
    sorted.sort_by(|a, b| {
        let (ka, kb) = (key(a), key(b));
        kb.0.partial_cmp(&ka.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.id.cmp(&b.id))
    });
    let _ = writeln!(s, "\n{}", style.bold(title));
    for (i, c) in sorted.iter().take(top).enumerate() {
        let node = graph.node(&c.id).expect("ranked ids are nodes");
        let _ = writeln!(
            s,
            "  {:>3}  {}  {}  {:>10}",
            i + 1,
            pad(&truncate(&node.label, 32), 32),
            pad(node.kind.as_str(), 12),
            key(c).1
        );
    }
}

/// Runs `stats`.
pub fn run(args: StatsArgs) -> Result<i32> {
    let loaded = args.graph.load()?;
    let graph = &loaded.graph;
    if args.format == ReportFormat::Json {
        let all = graph.centrality();
        let rank = |key: &dyn Fn(&Centrality) -> f64| -> Vec<serde_json::Value> {
            let mut v: Vec<&Centrality> = all.iter().collect();
            v.sort_by(|a, b| key(b).total_cmp(&key(a)).then(a.id.cmp(&b.id)));
            v.into_iter()
                .take(args.top)
                .map(|c| serde_json::json!({"id": c.id, "value": key(c)}))
                .collect()
        };
        let types: serde_json::Map<String, serde_json::Value> = graph
            .count_by_type()
            .into_iter()
            .map(|(k, n)| (k.as_str().to_string(), n.into()))
            .collect();
        let relations: serde_json::Map<String, serde_json::Value> = graph
            .count_by_relation()
            .into_iter()
            .map(|(r, (n, w))| (r, serde_json::json!({"edges": n, "sentences": w})))
            .collect();
        let components: Vec<usize> = graph.components().iter().map(Vec::len).collect();
        return output::emit_json(&serde_json::json!({
            "entities": graph.node_count(),
            "edges": graph.edge_count(),
            "documents": graph.documents().len(),
            "by_type": types,
            "by_relation": relations,
            "top_degree": rank(&|c| c.degree as f64),
            "top_weighted_degree": rank(&|c| c.weighted_degree as f64),
            "top_pagerank": rank(&|c| c.pagerank),
            "components": components,
        }))
        .map(|_| 0);
    }
    let style = Style::stdout();
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{}: {} entities, {} edges, {} documents",
        style.bold(&loaded.path.display().to_string()),
        graph.node_count(),
        graph.edge_count(),
        graph.documents().len()
    );
    let _ = writeln!(s, "\n{}", style.bold("entities by type"));
    for (kind, n) in graph.count_by_type() {
        let _ = writeln!(s, "  {}  {n:>8}", pad(kind.as_str(), 22));
    }
    let _ = writeln!(
        s,
        "\n{}",
        style.bold(&format!(
            "{}  {:>8}  {:>9}",
            pad("edges by relation", 24),
            "edges",
            "sentences"
        ))
    );
    for (relation, (n, w)) in graph.count_by_relation() {
        let _ = writeln!(s, "  {}  {n:>8}  {w:>9}", pad(&relation, 22));
    }
    let all = graph.centrality();
    let top = args.top;
    ranking(
        &mut s,
        graph,
        "top by degree",
        &all,
        top,
        |c| (c.degree as f64, c.degree.to_string()),
        style,
    );
    ranking(
        &mut s,
        graph,
        "top by weighted degree",
        &all,
        top,
        |c| (c.weighted_degree as f64, c.weighted_degree.to_string()),
        style,
    );
    ranking(
        &mut s,
        graph,
        "top by PageRank",
        &all,
        top,
        |c| (c.pagerank, format!("{:.4}", c.pagerank)),
        style,
    );
    let components = graph.components();
    let sizes: Vec<String> = components
        .iter()
        .take(10)
        .map(|c| c.len().to_string())
        .collect();
    let more = if components.len() > 10 { ", …" } else { "" };
    let _ = writeln!(s, "\n{}", style.bold("connected components"));
    let _ = writeln!(
        s,
        "  {} (sizes {}{more})",
        components.len(),
        sizes.join(", ")
    );
    if let Some(largest) = components.first().filter(|c| c.len() > 1) {
        let _ = writeln!(
            s,
            "  largest: {} of {} entities",
            largest.len(),
            graph.node_count()
        );
    }
    emit(&s)?;
    Ok(0)
}
