//! newsgraph: turns a corpus of news text into an entity-and-relation knowledge graph.
//!
//! The pipeline, one module per stage, each using only those before it: [`text`] (spans,
//! folding, dates: the layer under every stage) → [`corpus`] (documents, sentences) →
//! [`gazetteer`] (entities and aliases) → [`tag`] (mentions) → [`link`] (co-occurrence
//! and typed relations) → [`graph`] (the model) → [`formats`] (files
//! written and read back, one module per format). The library never
//! prints and never exits; the `newsgraph` binary does.

pub mod corpus;
pub mod error;
pub mod formats;
pub mod gazetteer;
pub mod graph;
pub mod link;
pub mod pipeline;
pub mod tag;
pub mod text;

pub use error::{Diagnostic, Error, Result};
