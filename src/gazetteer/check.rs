//! The checks across every `.gaz` file of a gazetteer, once all are read: duplicate ids,
//! names without letters, and references
//! (`parent`, `country`, ...) to ids that do not exist or to the entity itself; then the
//! drafts become [`Entity`] values.

use super::parse::Draft;
use super::{Entity, Gazetteer};
use crate::error::{Diagnostic, Error, Result};
use crate::text::{Origin, fold_key};
use std::collections::BTreeMap;

/// Checks the drafts of every file together, adding to the problems the files had.
pub(super) fn check(drafts: Vec<Draft>, mut errors: Vec<Diagnostic>) -> Result<Gazetteer> {
    // Duplicate ids.
    let mut first: BTreeMap<&str, &Origin> = BTreeMap::new();
    for d in &drafts {
        if let Some(prev) = first.get(d.id.as_str()) {
            errors.push(Diagnostic::at(
                &d.origin.path,
                d.origin.line,
                format!(
                    "duplicate id '{}': already defined at {}:{}",
                    d.id,
                    prev.path.display(),
                    prev.line
                ),
            ));
        } else {
            first.insert(&d.id, &d.origin);
        }
    }

    // Names with no letters or digits. Two entities may share an alias (homonyms:
    // `Paris` in France and in Texas); the tagger chooses by context, and `gazetteer
    // check` lists them.
    for d in &drafts {
        for (alias, line) in d.name.iter().chain(d.aliases.iter()) {
            if fold_key(alias).is_empty() {
                errors.push(Diagnostic::at(
                    &d.origin.path,
                    *line,
                    format!("alias '{alias}' has no letters or digits"),
                ));
            }
        }
    }

    // References to other entities.
    for d in &drafts {
        let refs = d
            .refs
            .iter()
            .map(|(k, v, l)| (*k, v, *l))
            .chain(d.roles.iter().map(|(r, l)| ("role", &r.org, *l)));
        for (key, target, line) in refs {
            if !first.contains_key(target.as_str()) {
                errors.push(Diagnostic::at(
                    &d.origin.path,
                    line,
                    format!("{key} '{target}' is not the id of any entity in the gazetteer"),
                ));
            } else if target == &d.id {
                errors.push(Diagnostic::at(
                    &d.origin.path,
                    line,
                    format!("{key} of '{}' is the entity itself", d.id),
                ));
            }
        }
    }

    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        errors.dedup();
        return Err(Error::Invalid(errors));
    }

    let mut entities = BTreeMap::new();
    for d in drafts {
        let mut e = Entity {
            id: d.id.clone(),
            kind: d.kind.expect("checked above"),
            name: d.name.expect("checked above").0,
            aliases: d.aliases.into_iter().map(|(a, _)| a).collect(),
            parent: None,
            country: None,
            affiliations: Vec::new(),
            capital_of: None,
            located_in: None,
            roles: d.roles.into_iter().map(|(r, _)| r).collect(),
            attributes: d.attributes,
            origin: d.origin,
        };
        for (key, value, _) in d.refs {
            match key {
                "parent" => e.parent = Some(value),
                "country" => e.country = Some(value),
                "capital_of" => e.capital_of = Some(value),
                "located_in" => e.located_in = Some(value),
                _ => e.affiliations.push(value),
            }
        }
        entities.insert(e.id.clone(), e);
    }
    Ok(Gazetteer::from_entities(entities))
}
