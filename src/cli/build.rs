//! `newsgraph build`: corpus → graph files, in every format [`newsgraph::export`] writes.

use super::{FilterArgs, InputArgs, RulesArgs, report_skipped};
use clap::Args;
use newsgraph::Result;
use newsgraph::export::{Format, write_graph};
use newsgraph::pipeline::{Pipeline, build_graph};
use std::path::PathBuf;

/// Arguments of `build`.
#[derive(Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    rules: RulesArgs,
    /// Output file, format by extension: .json (graph.json), .nodelink.json (networkx),
    /// .graphml, .gexf, .dot/.gv, .csv (writes nodes.csv and edges.csv in its folder),
    /// .svg/.png (rendered by Graphviz's dot); repeatable
    /// [default: output/graph.json, output/graph.graphml, output/graph.gexf, output/graph.dot]
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Vec<PathBuf>,
    #[command(flatten)]
    filter: FilterArgs,
}

/// Runs `build`.
pub fn run(args: BuildArgs) -> Result<i32> {
    let outputs = if args.output.is_empty() {
        ["graph.json", "graph.graphml", "graph.gexf", "graph.dot"]
            .iter()
            .map(|f| PathBuf::from("output").join(f))
            .collect()
    } else {
        args.output
    };
    let mut written = Vec::new();
    for o in &outputs {
        let format = Format::from_path(o)?;
        format.check_available(o)?;
        written.extend(format.files(o));
    }
    let filter = args.filter.to_filter()?;
    let rules = args.rules.load(&args.input.gazetteer)?;
    let (gazetteer, corpus) = args.input.load()?;
    let pipeline = Pipeline::with_rules(&gazetteer, rules);
    let analyses = pipeline.analyze_all(&corpus.documents);
    let graph = filter.apply(&build_graph(&gazetteer, &corpus.documents, &analyses));
    for o in &outputs {
        write_graph(&graph, o)?;
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
