//! newsgraph: turns a corpus of news text into an entity-and-relation knowledge graph.
//!
//! The pipeline, one module per stage, each using only those before it: [`text`] (spans,
//! folding, dates: the layer under every stage) → [`corpus`] (documents, sentences) →
//! [`gazetteer`] (entities and aliases) → [`tag`] (mentions) → [`link`] (co-occurrence
//! and typed relations) → [`graph`] (the model) → [`formats`] (files
//! written and read back, one module per format). The library never
//! prints and never exits; the `newsgraph` binary does.
//!
//! A graph from a gazetteer and a text, both as strings:
//!
//! ```
//! use newsgraph::{corpus::Document, gazetteer::parse_str, pipeline::{Pipeline, build_graph}};
//! let gazetteer = parse_str("a.gaz".as_ref(), "[iran]\ntype = government\nname = Iran\n\n[iraq]\ntype = government\nname = Iraq\n")?;
//! let docs = [Document { id: "a.txt".into(), text: "Iran and Iraq signed a deal.".into(), date: None }];
//! let graph = build_graph(&gazetteer, &docs, &Pipeline::new(&gazetteer).analyze_all(&docs));
//! assert_eq!(graph.edge("iran", "iraq", "co_occurs").map(|e| e.weight), Some(1));
//! # Ok::<(), newsgraph::Error>(())
//! ```

#![deny(missing_docs)]

pub mod corpus;
pub mod discover;
pub mod error;
pub mod formats;
pub mod gazetteer;
pub mod graph;
pub mod link;
pub mod pipeline;
pub mod tag;
pub mod text;

pub use error::{Diagnostic, Error, Result};
