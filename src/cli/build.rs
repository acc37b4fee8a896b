//! `newsgraph build`: corpus → graph files, in every format of [`newsgraph::formats::FORMATS`].

use super::args::{FilterArgs, InputArgs, RulesArgs};
use super::report_skipped;
use clap::{Args, ValueEnum};
use newsgraph::Result;
use newsgraph::formats::Format;
use newsgraph::graph::EdgeMode;
use newsgraph::pipeline::{Pipeline, build_graph};
use std::path::PathBuf;

/// Arguments of `build`.
#[derive(Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output file, format by extension (from the format table); repeatable
    #[arg(short = 'o', long = "output", value_name = "FILE", help = output_help())]
    output: Vec<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
    /// Edges of every output but graph.json: mixed (as built: Gephi), directed (an
    /// undirected edge as a reciprocal pair marked reciprocal=true: networkx, igraph),
    /// undirected (only co-occurrence and met)
    #[arg(long, value_enum, value_name = "KIND", default_value = "mixed")]
    edges: Edges,
}

/// `--edges`: see [`EdgeMode`].
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Edges {
    /// Directed and undirected edges together, as built (Gephi, graphology's GEXF reader)
    Mixed,
    /// Every edge directed, an undirected one as a reciprocal pair (reciprocal=true)
    Directed,
    /// Only the undirected edges (co-occurrence, met), as an undirected graph
    Undirected,
}

/// The graph files `build` writes when no `-o` is given.
const DEFAULT_OUTPUTS: [&str; 4] = ["graph.json", "graph.graphml", "graph.gexf", "graph.dot"];

/// The `-o` help, with the extensions of the format table.
fn output_help() -> String {
    let defaults: Vec<String> = DEFAULT_OUTPUTS
        .iter()
        .map(|f| format!("output/{f}"))
        .collect();
    format!(
        "Output file, format by extension: {}; repeatable [default: {}]",
        Format::extensions_help(),
        defaults.join(", ")
    )
}

/// Runs `build`.
pub fn run(args: BuildArgs) -> Result<i32> {
    let outputs = if args.output.is_empty() {
        DEFAULT_OUTPUTS
            .iter()
            .map(|f| PathBuf::from("output").join(f))
            .collect()
    } else {
        args.output
    };
    let mut written = Vec::new();
    let mut formats = Vec::new();
    for o in &outputs {
        let format = Format::for_path(o)?;
        format.check_available(o)?;
        written.extend(format.files(o));
        formats.push(format);
    }
    let filter = args.filter.to_filter()?;
    let rules = args.rules.load(args.input.gazetteer.dir())?;
    let (gazetteer, corpus) = args.input.load()?;
    let pipeline = Pipeline::with_rules(&gazetteer, rules);
    let analyses = pipeline.analyze_all(&corpus.documents);
    let graph = filter.apply(&build_graph(&gazetteer, &corpus.documents, &analyses));
    let mode = match args.edges {
        Edges::Mixed => EdgeMode::Mixed,
        Edges::Directed => EdgeMode::Directed,
        Edges::Undirected => EdgeMode::Undirected,
    };
    // graph.json stays the graph as built: it is what the other commands read back.
    let shaped = graph.with_edges(mode);
    for (o, format) in outputs.iter().zip(formats) {
        let g = if format.name == "json" {
            &graph
        } else {
            &shaped
        };
        format.write(g, o)?;
    }
    let code = report_skipped(&corpus);
    let names: Vec<String> = written.iter().map(|o| o.display().to_string()).collect();
    eprintln!(
        "newsgraph: {} documents, {} entities, {} edges -> {}",
        corpus.documents.len(),
        graph.node_count(),
        graph.edge_count(),
        names.join(", ")
    );
    Ok(code)
}
