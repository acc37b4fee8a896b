//! Graph filter flags shared by every command that writes or shows a graph.

use clap::Args;
use newsgraph::gazetteer::EntityType;
use newsgraph::graph::{Filter, Graph};
use newsgraph::link::{CO_OCCURS, RuleSet};
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

/// The relation types a filter may name: co-occurrence, every rule's, and every one in
/// `graphs` (a graph built with other rules).
pub fn relation_types(rules: &RuleSet, graphs: &[&Graph]) -> Vec<String> {
    let mut out: Vec<String> = vec![CO_OCCURS.to_string()];
    out.extend(rules.rules().iter().map(|r| r.relation.clone()));
    for g in graphs {
        out.extend(g.edges().map(|e| e.relation.clone()));
    }
    out.sort();
    out.dedup();
    out
}

/// Edit distance between two short words (for "did you mean").
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The known names nearest to `name` (at most three, within a third of its length).
fn nearest<'a>(name: &str, known: &'a [String]) -> Vec<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    let mut scored: Vec<(usize, &str)> = known
        .iter()
        .map(|k| (distance(name, k), k.as_str()))
        .filter(|(d, k)| *d <= limit || k.starts_with(name))
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, k)| k).collect()
}

impl FilterArgs {
    /// Checks every `--relation` against the relation types `known` (the rules' and the
    /// graph's): an unknown one is a usage error with the nearest names, so that a typo
    /// never gives an empty graph without a word.
    pub fn check_relations(&self, known: impl IntoIterator<Item = String>) -> Result<()> {
        let mut known: Vec<String> = known.into_iter().collect();
        known.sort();
        known.dedup();
        for r in self
            .relations
            .iter()
            .map(|r| r.trim())
            .filter(|r| !r.is_empty())
        {
            if known.iter().any(|k| k == r) {
                continue;
            }
            let near = nearest(r, &known);
            let hint = if near.is_empty() {
                format!("use one of {}", known.join(", "))
            } else {
                format!("did you mean {}?", near.join(", "))
            };
            return Err(Error::Usage(format!(
                "--relation '{r}' is not a relation type; {hint}"
            )));
        }
        Ok(())
    }

    /// The library filter, with every value checked.
    pub fn to_filter(&self) -> Result<Filter> {
        let mut types = Vec::new();
        for t in &self.types {
            match EntityType::parse(&t.to_ascii_lowercase()) {
                Some(t) => types.push(t),
                None => {
                    let known: Vec<String> = EntityType::ALL
                        .iter()
                        .map(|t| t.as_str().to_string())
                        .collect();
                    let near = nearest(&t.to_ascii_lowercase(), &known);
                    let hint = if near.is_empty() {
                        String::new()
                    } else {
                        format!("did you mean {}? ", near.join(", "))
                    };
                    return Err(Error::Usage(format!(
                        "--type '{t}' is not an entity type; {hint}use one of {}",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_relation_gets_the_nearest_names() {
        let known: Vec<String> = ["blamed", "backed_by", "attacked", "co_occurs"]
            .map(String::from)
            .to_vec();
        assert_eq!(nearest("blamd", &known), ["blamed"]);
        assert_eq!(nearest("backed", &known), ["backed_by"]);
        assert!(nearest("zzzzzz", &known).is_empty());
    }
}
