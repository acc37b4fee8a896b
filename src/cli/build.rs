//! `newsgraph build`: corpus → graph files, in every format of [`newsgraph::formats::FORMATS`].

use super::args::{FilterArgs, InputArgs, RulesArgs, relation_types};
use super::output::{Progress, emit_bytes, note};
use super::report_skipped;
use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Args, ValueEnum};
use newsgraph::formats::render::LAYOUTS;
use newsgraph::formats::{FORMATS, Format, Staged, check_output};
use newsgraph::graph::EdgeMode;
use newsgraph::pipeline::{Pipeline, build_graph};
use newsgraph::{Error, Result};
use std::path::{Component, Path, PathBuf};

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
    /// Format of every -o instead of its extension; needed for -o - (standard output)
    #[arg(long, value_name = "FORMAT", value_parser = all_formats())]
    format: Option<String>,
    #[command(flatten)]
    filter: FilterArgs,
    /// Write CSV cells that start with = + - @ as they are (by default they get a leading
    /// ' so that a spreadsheet shows them instead of running them as formulas)
    #[arg(long = "csv-formulas")]
    csv_formulas: bool,
    /// Edges of every output but graph.json: mixed (as built: Gephi), directed (an
    /// undirected edge as a reciprocal pair marked reciprocal=true: networkx, igraph),
    /// undirected (only co-occurrence and met)
    #[arg(long, value_enum, value_name = "KIND", default_value = "mixed")]
    edges: Edges,
    /// The summary line on stderr: text, or json ({"documents", "skipped", "entities",
    /// "edges", "outputs"}, printed even with --quiet)
    #[arg(long, value_enum, value_name = "FORMAT", default_value = "text")]
    summary: Summary,
    /// Graphviz layout of .svg/.png: dot, neato, fdp, sfdp, circo, twopi [default: dot up
    /// to 500 entities and 2000 edges, sfdp beyond]
    #[arg(long, value_name = "ENGINE", value_parser = PossibleValuesParser::new(LAYOUTS))]
    layout: Option<String>,
}

/// `--summary`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Summary {
    /// `newsgraph: N documents, N entities, N edges -> files`
    Text,
    /// One JSON object
    Json,
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

/// Every format of the table, for `--format`.
fn all_formats() -> PossibleValuesParser {
    PossibleValuesParser::new(
        FORMATS
            .iter()
            .map(|f| PossibleValue::new(f.name).help(f.about)),
    )
}

/// `-o -`: standard output.
fn is_stdout(path: &Path) -> bool {
    path == Path::new("-")
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
        let format = match &args.format {
            Some(name) => Format::named(name)?,
            None if is_stdout(o) => {
                return Err(Error::Usage(
                    "-o - writes to standard output: say in which format with --format FORMAT"
                        .into(),
                ));
            }
            None => Format::for_path(o)?,
        };
        format.check_available(o)?;
        if is_stdout(o) {
            written.push(PathBuf::from("standard output"));
        } else {
            written.extend(format.files(o));
        }
        formats.push(format);
    }
    // Two outputs into one file: the second would silently replace the first.
    let same = |a: &Path, b: &Path| {
        a == b
            || (a.parent() == b.parent() && a.file_name() == b.file_name())
            || match (std::path::absolute(a), std::path::absolute(b)) {
                (Ok(x), Ok(y)) => normalize(&x) == normalize(&y),
                _ => false,
            }
    };
    for (i, w) in written.iter().enumerate() {
        if written[..i].iter().any(|v| same(v, w)) {
            return Err(Error::Usage(format!(
                "{} would be written twice: give each -o its own file",
                w.display()
            )));
        }
    }
    for file in written.iter().filter(|f| !is_stdout(f)) {
        check_output(file)?;
    }
    newsgraph::formats::csv::keep_formulas(args.csv_formulas);
    let filter = args.filter.to_filter()?;
    let rules = args.rules.load(args.input.gazetteer.dir())?;
    args.filter.check_relations(relation_types(&rules, &[]))?;
    let (gazetteer, corpus) = args.input.load()?;
    let pipeline = Pipeline::with_rules(&gazetteer, rules);
    let total = corpus.documents.iter().map(|d| d.text.len() as u64).sum();
    let progress = Progress::new(total, "newsgraph: reading");
    let analyses = pipeline.analyze_all_with(&corpus.documents, &|n| progress.advance(n));
    progress.finish();
    let graph = filter.apply(&build_graph(&gazetteer, &corpus.documents, &analyses));
    let mode = match args.edges {
        Edges::Mixed => EdgeMode::Mixed,
        Edges::Directed => EdgeMode::Directed,
        Edges::Undirected => EdgeMode::Undirected,
    };
    let layout: Option<&'static str> = args
        .layout
        .as_deref()
        .and_then(|l| LAYOUTS.iter().copied().find(|x| *x == l));
    // graph.json stays the graph as built: it is what the other commands read back.
    let shaped = graph.with_edges(mode);
    // All or nothing: no file is replaced unless every one could be written.
    let mut staged = Staged::default();
    for (o, format) in outputs.iter().zip(formats) {
        let g = if format.name == "json" {
            &graph
        } else {
            &shaped
        };
        if is_stdout(o) {
            emit_bytes(&format.render_with(g, layout)?)?;
        } else {
            format.stage(g, o, layout, &mut staged)?;
        }
    }
    staged.commit()?;
    let code = report_skipped(&corpus);
    let names: Vec<String> = written.iter().map(|o| o.display().to_string()).collect();
    match args.summary {
        Summary::Text => note(&format!(
            "newsgraph: {} documents, {} entities, {} edges -> {}",
            corpus.documents.len(),
            graph.node_count(),
            graph.edge_count(),
            names.join(", ")
        )),
        // The wire format of `--summary json`: one object on stderr, even under --quiet.
        Summary::Json => eprintln!(
            "{}",
            serde_json::json!({
                "documents": corpus.documents.len(),
                "skipped": corpus.skipped.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
                "entities": graph.node_count(),
                "edges": graph.edge_count(),
                "outputs": names,
            })
        ),
    }
    Ok(code)
}

/// A path with `.` left out and `..` taken back, without touching the file system.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}
