//! Graph filter flags shared by every command that writes or shows a graph.

use clap::Args;
use newsgraph::gazetteer::EntityType;
use newsgraph::graph::Filter;
use newsgraph::text::parse_iso_date;
use newsgraph::{Error, Result};

/// `--relation`, `--type`, `--min-weight`, `--since`, `--until`, `--no-cooccurrence`, `--top`.
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Keep only these relation types (repeat, or separate with commas)
    #[arg(
        long = "relation",
        visible_alias = "relations",
        value_name = "TYPE",
        value_delimiter = ','
    )]
    pub relations: Vec<String>,
    /// Keep only entities of these types (repeat, or separate with commas)
    #[arg(
        long = "type",
        visible_alias = "types",
        value_name = "TYPE",
        value_delimiter = ','
    )]
    pub types: Vec<String>,
    /// Keep only edges supported by at least N sentences
    #[arg(long = "min-weight", value_name = "N", default_value_t = 0)]
    pub min_weight: u64,
    /// Keep only evidence dated on or after this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Keep only evidence dated on or before this day (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// Leave out co-occurrence edges
    #[arg(long = "no-cooccurrence")]
    pub no_cooccurrence: bool,
    /// Keep only the N entities of highest weighted degree
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

impl FilterArgs {
    /// The library filter, with every value checked.
    pub fn to_filter(&self) -> Result<Filter> {
        let mut types = Vec::new();
        for t in &self.types {
            match EntityType::parse(&t.to_ascii_lowercase()) {
                Some(t) => types.push(t),
                None => {
                    let known: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
                    return Err(Error::Usage(format!(
                        "--type '{t}' is not an entity type; use one of {}",
                        known.join(", ")
                    )));
                }
            }
        }
        let date = |flag: &str, v: &Option<String>| -> Result<Option<String>> {
            match v {
                None => Ok(None),
                Some(d) => parse_iso_date(d).map(Some).ok_or_else(|| {
                    Error::Usage(format!("--{flag} '{d}' is not a date; write YYYY-MM-DD"))
                }),
            }
        };
        Ok(Filter {
            relations: self
                .relations
                .iter()
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty())
                .collect(),
            types,
            min_weight: self.min_weight,
            since: date("since", &self.since)?,
            until: date("until", &self.until)?,
            no_cooccurrence: self.no_cooccurrence,
            top: self.top,
        })
    }
}
