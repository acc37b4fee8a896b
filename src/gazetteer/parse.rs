//! Reading `.gaz` files: lines into entity drafts, each value remembering its line, with
//! the checks one line allows (keys, types, ids, dates). The checks that need every file
//! (duplicate ids, aliases claimed twice, references to other entities) are in
//! [`super::check`]. Every problem in every file is collected and reported together as
//! `path:line: message`.

use super::{EntityType, Gazetteer, Role};
use crate::error::{Diagnostic, Error, Result};
use crate::text::Origin;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Loads and checks every `*.gaz` file in `dir`, in sorted name order.
pub fn load_dir(dir: &Path) -> Result<Gazetteer> {
    load(Some(dir), &[])
}

/// Loads the gazetteer of the folder `base` (every `*.gaz` file and its
/// `tagging.words`), or the built-in one when `base` is `None`, then adds the `*.gaz`
/// files of every folder of `add`. All files are checked together, as one gazetteer.
pub fn load(base: Option<&Path>, add: &[PathBuf]) -> Result<Gazetteer> {
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    let words = match base {
        Some(dir) => match gaz_files(dir) {
            Ok(files) => {
                sources.extend(files);
                super::Words::load(dir)
            }
            Err(e) => return Err(e),
        },
        None => {
            sources.extend(super::builtin::gaz_sources());
            Ok(super::Words::builtin())
        }
    };
    for dir in add {
        sources.extend(gaz_files(dir)?);
    }
    // Every problem at once: the entities' and the word lists'.
    match (parse_sources(&sources), words) {
        (Ok(mut gazetteer), Ok(words)) => {
            gazetteer.words = words;
            Ok(gazetteer)
        }
        (Err(Error::Invalid(a)), Err(Error::Invalid(b))) => {
            errors.extend(a);
            errors.extend(b);
            Err(Error::Invalid(errors))
        }
        (Err(e), _) | (_, Err(e)) => Err(e),
    }
}

/// The `*.gaz` files of a folder with their text, in sorted name order.
fn gaz_files(dir: &Path) -> Result<Vec<(PathBuf, String)>> {
    if dir.is_file() {
        return Err(Error::invalid(Diagnostic::file(
            dir,
            "is a file; the gazetteer is the folder that holds the *.gaz files",
        )));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.extension().and_then(|e| e.to_str()) == Some("gaz") {
            files.push(path);
        }
    }
    files.sort();
    if files.is_empty() {
        return Err(Error::invalid(Diagnostic::file(
            dir,
            "no gazetteer here: a gazetteer folder holds *.gaz files (see gazetteer/README.md)",
        )));
    }
    let mut sources = Vec::new();
    for path in files {
        let text = crate::text::read_text(&path).map_err(|e| Error::io(&path, e))?;
        sources.push((path, text));
    }
    Ok(sources)
}

/// Parses and checks gazetteer text as if it were the file `path` (for tests and tools).
pub fn parse_str(path: &Path, text: &str) -> Result<Gazetteer> {
    parse_sources(&[(path.to_path_buf(), text.to_string())])
}

const KEYS: &[&str] = &[
    "type",
    "name",
    "aliases",
    "parent",
    "country",
    "affiliations",
    "capital_of",
    "located_in",
    "role",
    "founded",
    "note",
    "prior",
];

/// An entity while it is read: values keep the line they came from for the checks
/// across files ([`super::check`]).
pub(super) struct Draft {
    pub(super) id: String,
    pub(super) origin: Origin,
    pub(super) kind: Option<EntityType>,
    pub(super) name: Option<(String, usize)>,
    pub(super) aliases: Vec<(String, usize)>,
    pub(super) refs: Vec<(&'static str, String, usize)>,
    pub(super) roles: Vec<(Role, usize)>,
    pub(super) attributes: BTreeMap<String, String>,
}

fn parse_sources(sources: &[(PathBuf, String)]) -> Result<Gazetteer> {
    let mut errors = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    for (path, text) in sources {
        parse_file(path, text, &mut drafts, &mut errors);
    }

    super::check::check(drafts, errors)
}

fn strip_comment(line: &str) -> &str {
    let mut prev_ws = true;
    for (i, c) in line.char_indices() {
        if c == '#' && prev_ws {
            return &line[..i];
        }
        prev_ws = c.is_whitespace();
    }
    line
}

pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

pub(super) fn valid_partial_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            crate::text::parse_iso_date(s).is_some() && digits(y, 4) && digits(m, 2) && digits(d, 2)
        }
        _ => false,
    }
}

/// The longest name or alias, in bytes: news names are a few words, and a bound keeps
/// the matcher and the variants of a name small whatever a file holds.
pub const MAX_NAME_BYTES: usize = 200;

fn too_long(path: &Path, line: usize, what: &str, value: &str) -> Diagnostic {
    let start: String = value.chars().take(20).collect();
    Diagnostic::at(
        path,
        line,
        format!(
            "{what} '{start}...' is {} bytes long; the limit is {MAX_NAME_BYTES}: a name is a few words",
            value.len()
        ),
    )
}

fn parse_file(path: &Path, text: &str, drafts: &mut Vec<Draft>, errors: &mut Vec<Diagnostic>) {
    let start = drafts.len();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let content = strip_comment(raw).trim();
        if content.is_empty() {
            continue;
        }
        if let Some(rest) = content.strip_prefix('[') {
            let Some(id) = rest.strip_suffix(']') else {
                errors.push(Diagnostic::at(
                    path,
                    line,
                    "an entity header is written [id], with the closing ']'",
                ));
                continue;
            };
            let id = id.trim();
            if !valid_id(id) {
                errors.push(Diagnostic::at(
                    path,
                    line,
                    format!("id '{id}' must be lower snake case: a-z, 0-9 and '_' (e.g. kataib_hezbollah)"),
                ));
            }
            drafts.push(Draft {
                id: id.to_string(),
                origin: Origin {
                    path: path.to_path_buf(),
                    line,
                },
                kind: None,
                name: None,
                aliases: Vec::new(),
                refs: Vec::new(),
                roles: Vec::new(),
                attributes: BTreeMap::new(),
            });
            continue;
        }
        let Some((key, value)) = content.split_once('=') else {
            errors.push(Diagnostic::at(
                path,
                line,
                format!("expected 'key = value' or '[id]', found '{content}'"),
            ));
            continue;
        };
        let (key, value) = (key.trim(), value.trim());
        if drafts.len() == start {
            errors.push(Diagnostic::at(
                path,
                line,
                format!("'{key}' comes before any [id] header: start the entity with [id]"),
            ));
            continue;
        }
        let d = drafts.last_mut().expect("checked above");
        if !KEYS.contains(&key) {
            errors.push(Diagnostic::at(
                path,
                line,
                format!("unknown key '{key}'; known keys: {}", KEYS.join(", ")),
            ));
            continue;
        }
        if value.is_empty() {
            errors.push(Diagnostic::at(path, line, format!("'{key}' has no value")));
            continue;
        }
        match key {
            "type" => {
                if d.kind.is_some() {
                    errors.push(Diagnostic::at(
                        path,
                        line,
                        format!("'{}' has a second 'type'", d.id),
                    ));
                }
                match EntityType::parse(value) {
                    Some(t) => d.kind = Some(t),
                    None => {
                        let known: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
                        errors.push(Diagnostic::at(
                            path,
                            line,
                            format!("unknown type '{value}'; known types: {}", known.join(", ")),
                        ))
                    }
                }
            }
            "name" => {
                if d.name.is_some() {
                    errors.push(Diagnostic::at(
                        path,
                        line,
                        format!(
                            "'{}' has a second 'name': put other names in 'aliases'",
                            d.id
                        ),
                    ));
                }
                if value.len() > MAX_NAME_BYTES {
                    errors.push(too_long(path, line, "name", value));
                }
                d.name = Some((value.to_string(), line));
            }
            "aliases" => {
                for alias in value.split('|') {
                    let alias = alias.trim();
                    if alias.is_empty() {
                        errors.push(Diagnostic::at(
                            path,
                            line,
                            "empty alias: aliases are separated by single '|'",
                        ));
                    } else if alias.len() > MAX_NAME_BYTES {
                        errors.push(too_long(path, line, "alias", alias));
                    } else {
                        d.aliases.push((alias.to_string(), line));
                    }
                }
            }
            "parent" | "country" | "capital_of" | "located_in" => {
                let key: &'static str = KEYS.iter().find(|k| **k == key).expect("known key");
                if d.refs.iter().any(|(k, _, _)| *k == key) {
                    errors.push(Diagnostic::at(
                        path,
                        line,
                        format!("'{}' has a second '{key}'", d.id),
                    ));
                }
                d.refs.push((key, value.to_string(), line));
            }
            "affiliations" => {
                for id in value.split('|').map(str::trim) {
                    d.refs.push(("affiliations", id.to_string(), line));
                }
            }
            "role" => match parse_role(value) {
                Ok(role) => d.roles.push((role, line)),
                Err(msg) => errors.push(Diagnostic::at(path, line, msg)),
            },
            _ => {
                d.attributes.insert(key.to_string(), value.to_string());
            }
        }
    }
    for d in &drafts[start..] {
        if d.kind.is_none() {
            errors.push(Diagnostic::at(
                path,
                d.origin.line,
                format!("'{}' has no 'type'", d.id),
            ));
        }
        if d.name.is_none() {
            errors.push(Diagnostic::at(
                path,
                d.origin.line,
                format!("'{}' has no 'name'", d.id),
            ));
        }
    }
}

fn parse_role(value: &str) -> std::result::Result<Role, String> {
    let fields: Vec<&str> = value.split('|').map(str::trim).collect();
    if fields.len() < 2 || fields.len() > 4 || fields[0].is_empty() || fields[1].is_empty() {
        return Err(format!(
            "role '{value}' must be 'title | organisation id | from | to' (dates may be empty)"
        ));
    }
    let date = |i: usize| -> std::result::Result<Option<String>, String> {
        match fields.get(i).copied().filter(|s| !s.is_empty()) {
            None => Ok(None),
            Some(d) if valid_partial_date(d) => Ok(Some(d.to_string())),
            Some(d) => Err(format!(
                "role date '{d}' must be YYYY, YYYY-MM or YYYY-MM-DD"
            )),
        }
    };
    Ok(Role {
        title: fields[0].to_string(),
        org: fields[1].to_string(),
        from: date(2)?,
        to: date(3)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        match parse_str(Path::new("g.gaz"), text) {
            Ok(_) => Vec::new(),
            Err(e) => e.to_string().lines().map(String::from).collect(),
        }
    }

    const GOOD: &str = "\
# states
[iraq]
type = government   # the state
name = Iraq
aliases = Republic of Iraq | Iraqi government

[mustafa_al_kadhimi]
type = person
name = Mustafa al-Kadhimi
aliases = Kadhimi | Kadhemi
aliases = Khadimi
country = iraq
role = prime minister | iraq | 2020-05-07 | 2022-10-27
";

    #[test]
    fn reads_a_good_file() {
        let g = parse_str(Path::new("g.gaz"), GOOD).unwrap();
        assert_eq!(g.len(), 2);
        let k = g.get("mustafa_al_kadhimi").unwrap();
        assert_eq!(k.kind, EntityType::Person);
        assert_eq!(k.aliases, ["Kadhimi", "Kadhemi", "Khadimi"]);
        assert_eq!(k.country.as_deref(), Some("iraq"));
        assert_eq!(k.roles[0].to.as_deref(), Some("2022-10-27"));
        assert_eq!(k.origin.line, 7);
    }

    #[test]
    fn duplicate_id_names_both_places() {
        let text = format!("{GOOD}\n[iraq]\ntype = place\nname = Mesopotamia\n");
        assert_eq!(
            errors(&text),
            ["g.gaz:15: duplicate id 'iraq': already defined at g.gaz:2"]
        );
    }

    #[test]
    fn an_alias_may_name_two_entities() {
        let text = format!(
            "{GOOD}\n[kadhimi_tribe]\ntype = militia\nname = Kadhimi Tribe\naliases = Kadhemi\n"
        );
        let g = parse_str(Path::new("g.gaz"), &text).unwrap();
        assert_eq!(g.get("kadhimi_tribe").unwrap().aliases, ["Kadhemi"]);
    }

    #[test]
    fn unknown_parent_and_type_are_reported_together() {
        let text =
            "[x]\ntype = faction\nname = X\n[y]\ntype = militia\nname = Y\nparent = nowhere\n";
        assert_eq!(
            errors(text),
            [
                "g.gaz:1: 'x' has no 'type'",
                "g.gaz:2: unknown type 'faction'; known types: person, militia, government, place, organization, media, event",
                "g.gaz:7: parent 'nowhere' is not the id of any entity in the gazetteer",
            ]
        );
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let text = "name = orphan\n[Bad Id]\ntype = person\nname = A\ncolour = red\nrole = leader\n[ok]\ntype = person\nname = B\naliases = C || D\n";
        assert_eq!(
            errors(text),
            [
                "g.gaz:1: 'name' comes before any [id] header: start the entity with [id]",
                "g.gaz:2: id 'Bad Id' must be lower snake case: a-z, 0-9 and '_' (e.g. kataib_hezbollah)",
                "g.gaz:5: unknown key 'colour'; known keys: type, name, aliases, parent, country, affiliations, capital_of, located_in, role, founded, note, prior",
                "g.gaz:6: role 'leader' must be 'title | organisation id | from | to' (dates may be empty)",
                "g.gaz:10: empty alias: aliases are separated by single '|'",
            ]
        );
    }

    #[test]
    fn bad_role_dates() {
        let text = "[a]\ntype = government\nname = A\n[p]\ntype = person\nname = P\nrole = chief | a | 2020-13 | \n";
        assert_eq!(
            errors(text),
            ["g.gaz:7: role date '2020-13' must be YYYY, YYYY-MM or YYYY-MM-DD"]
        );
    }
}
