//! `newsgraph who TITLE [ORG] [--at DATE]`: who held an office, from the roles of the
//! gazetteer (`role = title | org | from | to`): one line a term, in order of start date,
//! as `NAME (id): title of ORG, FROM to TO`. ORG is an id, a name or an alias; DATE is
//! `YYYY-MM-DD`. Exit 0 when someone is found, 1 when nobody is.

use super::output::emit;
use clap::Args;
use newsgraph::gazetteer::{holders, load_dir};
use newsgraph::text::{fold_key, parse_iso_date};
use newsgraph::{Error, Result};
use std::fmt::Write;
use std::path::PathBuf;

/// Arguments of `who`.
#[derive(Args, Debug)]
pub struct WhoArgs {
    /// The office's title, as in the gazetteer's roles (`prime minister`)
    #[arg(value_name = "TITLE")]
    title: String,
    /// The organisation or state: id, name or alias [default: any]
    #[arg(value_name = "ORG")]
    org: Option<String>,
    /// Only who held it on this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    at: Option<String>,
    /// Gazetteer folder (*.gaz files)
    #[arg(
        short = 'g',
        long = "gazetteer",
        value_name = "DIR",
        default_value = "gazetteer"
    )]
    gazetteer: PathBuf,
}

/// Runs `who`.
pub fn run(args: WhoArgs) -> Result<i32> {
    let at =
        match &args.at {
            None => None,
            Some(d) => Some(parse_iso_date(d).ok_or_else(|| {
                Error::Usage(format!("--at '{d}' is not a date: write YYYY-MM-DD"))
            })?),
        };
    let g = load_dir(&args.gazetteer)?;
    let org = match &args.org {
        None => None,
        Some(o) => {
            let key = fold_key(o);
            let found = g.get(o).or_else(|| {
                g.entities().find(|e| {
                    e.id == key.replace(' ', "_") || e.names().any(|n| fold_key(n) == key)
                })
            });
            match found {
                Some(e) => Some(e.id.clone()),
                None => {
                    return Err(Error::Usage(format!(
                        "'{o}' names no entity of the gazetteer {}",
                        args.gazetteer.display()
                    )));
                }
            }
        }
    };
    let list = holders(&g, &args.title, org.as_deref(), at.as_deref());
    let mut out = String::new();
    for (e, r) in &list {
        let org = g.get(&r.org).map_or(r.org.as_str(), |o| o.name.as_str());
        let dates = match (&r.from, &r.to) {
            (Some(f), Some(t)) => format!(", {f} to {t}"),
            (Some(f), None) => format!(", since {f}"),
            (None, Some(t)) => format!(", until {t}"),
            (None, None) => String::new(),
        };
        let _ = writeln!(out, "{} ({}): {} of {org}{dates}", e.name, e.id, r.title);
    }
    emit(&out)?;
    if list.is_empty() {
        eprintln!(
            "newsgraph: nobody in the gazetteer held '{}'{}{}",
            args.title,
            args.org
                .as_ref()
                .map_or(String::new(), |o| format!(" of {o}")),
            at.as_ref().map_or(String::new(), |d| format!(" on {d}"))
        );
        return Ok(1);
    }
    Ok(0)
}
