//! The bottom layer every stage shares: byte ranges ([`Span`]), places in input files
//! ([`Origin`]), folding text for matching with a map back to the original bytes
//! ([`fold()`]), reading input files ([`read_text`]), and dates ([`parse_iso_date`], [`date_from_name`], [`date_from_text`]).
//!
//! Nothing here knows about entities, relations or graphs; every other module may use it.

mod date;
mod file;
mod fold;
mod span;

pub use date::{date_from_name, date_from_text, parse_iso_date};
pub use file::{MAX_FILE_BYTES, not_regular, read_bytes, read_text, strip_bom};
pub use fold::{Folded, fold, fold_key};
pub use span::{Origin, Span};
