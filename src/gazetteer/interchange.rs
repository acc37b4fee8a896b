//! Lists of entities in other shapes, to and from `.gaz`: JSON Lines and CSV as users bring
//! them, and Wikidata entities (one JSON object a line, as `wbgetentities` or a dump filter
//! gives them). Every input is read whole and checked before anything is written: every
//! problem is reported as `path:line: message`. Values are trimmed, as the `.gaz` reader
//! trims them.
//!
//! JSON Lines, one entity a line: `{"id", "type", "name", "aliases": [...], "parent",
//! "country", "affiliations": [...], "capital_of", "located_in", "roles": [{"title",
//! "org", "from", "to"}], "founded", "note", "prior"}`; `id` may be left out (the name folded is
//! used), and `names` (a list whose first item is the name) may stand for `name` and
//! `aliases`. [`to_jsonl`] writes that form, keys in that order, absent keys left out.
//!
//! CSV: a header row naming the same columns (`roles` holds `title | org | from | to`
//! items separated by `;`, `aliases` and `affiliations` items separated by `|`), then one
//! entity a row; RFC 4180 quoting.
//!
//! Wikidata: the English label (`en`, else `en-gb`, `en-us`, `mul`) is the name, the
//! English aliases are aliases; the type comes from `instance of` (P31: human → person,
//! country or state → government, city, town, village, settlement or region → place,
//! armed group → militia, agency → government, organisation or party → organization), or
//! the default given; the id is the label folded, with the Q-number added when two
//! labels fold alike, and `note = wikidata Q…` keeps the source.
//!
//! [`to_gaz`] writes the canonical `.gaz` form: one block a record in input order, keys in
//! the order of the README's table, a blank line between blocks. A canonical `.gaz` file
//! read, written as JSON Lines and imported again comes back byte for byte.

use super::parse::{valid_id, valid_partial_date};
use super::{EntityType, Gazetteer};
use crate::error::{Diagnostic, Error, Result};
use crate::text::fold_key;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;

/// One role of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct RoleRecord {
    /// The title.
    pub title: String,
    /// The organisation's id.
    pub org: String,
    /// Start date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// End date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// One entity as the interchange formats carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Record {
    /// Id (lower snake case).
    pub id: String,
    /// Type name.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Other names.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// `parent` id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// `country` id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// `affiliations` ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<String>,
    /// `capital_of` id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capital_of: Option<String>,
    /// `located_in` id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub located_in: Option<String>,
    /// Roles.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleRecord>,
    /// `founded`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub founded: Option<String>,
    /// `note`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `prior`: how likely the entity is meant when its name is shared (a population).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub prior: Option<String>,
}

/// The keys a JSON Lines record or a CSV header may use.
const KEYS: &[&str] = &[
    "id",
    "type",
    "name",
    "names",
    "aliases",
    "parent",
    "country",
    "affiliations",
    "capital_of",
    "located_in",
    "roles",
    "founded",
    "note",
    "prior",
];

/// `Saraya Awliya al-Dam` -> `saraya_awliya_al_dam`.
pub fn id_from_name(name: &str) -> String {
    let mut id = String::new();
    for c in fold_key(name).chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if (c == ' ' || c == '-' || c == '_') && !id.ends_with('_') {
            id.push('_');
        }
    }
    id.trim_matches('_').to_string()
}

/// Collects the problems of one input line.
struct Problems<'a> {
    path: &'a Path,
    line: usize,
    out: &'a mut Vec<Diagnostic>,
}

impl Problems<'_> {
    fn push(&mut self, message: impl Into<String>) {
        self.out.push(Diagnostic::at(self.path, self.line, message));
    }
}

/// Checks a record as the `.gaz` reader would, and that its values can be written there.
fn check_record(r: &Record, p: &mut Problems) {
    if !valid_id(&r.id) {
        p.push(format!(
            "id '{}' must be lower snake case: a-z, 0-9 and '_' (e.g. kataib_hezbollah)",
            r.id
        ));
    }
    if EntityType::parse(&r.kind).is_none() {
        let known: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
        p.push(format!(
            "unknown type '{}'; known types: {}",
            r.kind,
            known.join(", ")
        ));
    }
    let writable = |what: &str, v: &str, list: bool, p: &mut Problems| {
        if v.trim().is_empty() {
            p.push(format!("empty {what}"));
        } else if v.contains(['\n', '\r']) {
            p.push(format!("{what} '{}' holds a line break", v.trim()));
        } else if v.starts_with('#') || v.contains(" #") || v.contains("\t#") {
            p.push(format!(
                "{what} '{v}' holds ' #', which starts a comment in a .gaz file"
            ));
        } else if list && v.contains('|') {
            p.push(format!(
                "{what} '{v}' holds '|', which separates the items of a .gaz list"
            ));
        }
    };
    if r.name.is_empty() {
        p.push("no name: every entity needs 'name' (or 'names')");
    } else {
        writable("name", &r.name, true, p);
    }
    for a in &r.aliases {
        writable("alias", a, true, p);
    }
    let refs = [
        ("parent", &r.parent),
        ("country", &r.country),
        ("capital_of", &r.capital_of),
        ("located_in", &r.located_in),
    ];
    for (key, v) in refs {
        if let Some(v) = v
            && !valid_id(v)
        {
            p.push(format!("{key} '{v}' is not an id (lower snake case)"));
        }
    }
    for v in &r.affiliations {
        if !valid_id(v) {
            p.push(format!("affiliation '{v}' is not an id (lower snake case)"));
        }
    }
    for role in &r.roles {
        writable("role title", &role.title, true, p);
        if !valid_id(&role.org) {
            p.push(format!(
                "role organisation '{}' is not an id (lower snake case)",
                role.org
            ));
        }
        for d in [&role.from, &role.to].into_iter().flatten() {
            if !valid_partial_date(d) {
                p.push(format!(
                    "role date '{d}' must be YYYY, YYYY-MM or YYYY-MM-DD"
                ));
            }
        }
    }
    for (key, v) in [
        ("founded", &r.founded),
        ("note", &r.note),
        ("prior", &r.prior),
    ] {
        if let Some(v) = v {
            writable(key, v, false, p);
        }
    }
}

fn string(v: &Value, key: &str, p: &mut Problems) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) if key == "founded" || key == "prior" => Some(n.to_string()),
        _ => {
            p.push(format!("'{key}' must be a string"));
            None
        }
    }
}

fn strings(v: &Value, key: &str, p: &mut Problems) -> Vec<String> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(items) => {
            let mut out = Vec::new();
            for item in items {
                match item {
                    Value::String(s) => out.push(s.trim().to_string()),
                    _ => p.push(format!("'{key}' must be a list of strings")),
                }
            }
            out
        }
        Value::String(s) => s.split('|').map(|s| s.trim().to_string()).collect(),
        _ => {
            p.push(format!("'{key}' must be a list of strings"));
            Vec::new()
        }
    }
}

fn role_from_text(text: &str, p: &mut Problems) -> Option<RoleRecord> {
    let fields: Vec<&str> = text.split('|').map(str::trim).collect();
    if fields.len() < 2 || fields.len() > 4 || fields[0].is_empty() || fields[1].is_empty() {
        p.push(format!(
            "role '{text}' must be 'title | organisation id | from | to' (dates may be empty)"
        ));
        return None;
    }
    let date = |i: usize| {
        fields
            .get(i)
            .filter(|s| !s.is_empty())
            .map(|s| s.to_string())
    };
    Some(RoleRecord {
        title: fields[0].to_string(),
        org: fields[1].to_string(),
        from: date(2),
        to: date(3),
    })
}

/// Builds a record from a JSON object (JSON Lines) or a CSV row made into one.
fn record_from(obj: &serde_json::Map<String, Value>, p: &mut Problems) -> Record {
    let mut r = Record::default();
    for (key, v) in obj {
        match key.as_str() {
            "id" => r.id = string(v, key, p).unwrap_or_default(),
            "type" => r.kind = string(v, key, p).unwrap_or_default(),
            "name" => r.name = string(v, key, p).unwrap_or_default(),
            "names" => {
                let mut names = strings(v, key, p).into_iter();
                if r.name.is_empty() {
                    r.name = names.next().unwrap_or_default();
                } else {
                    names.next();
                }
                r.aliases.splice(0..0, names);
            }
            "aliases" => r.aliases.extend(strings(v, key, p)),
            "parent" => r.parent = string(v, key, p),
            "country" => r.country = string(v, key, p),
            "capital_of" => r.capital_of = string(v, key, p),
            "located_in" => r.located_in = string(v, key, p),
            "affiliations" => r.affiliations = strings(v, key, p),
            "founded" => r.founded = string(v, key, p),
            "note" => r.note = string(v, key, p),
            "prior" => r.prior = string(v, key, p),
            "roles" => match v {
                Value::Array(items) => {
                    for item in items {
                        match item {
                            Value::Object(o) => {
                                let get = |k: &str, p: &mut Problems| {
                                    o.get(k).and_then(|v| string(v, k, p))
                                };
                                let role = RoleRecord {
                                    title: get("title", p).unwrap_or_default(),
                                    org: get("org", p).unwrap_or_default(),
                                    from: get("from", p).filter(|s| !s.is_empty()),
                                    to: get("to", p).filter(|s| !s.is_empty()),
                                };
                                r.roles.push(role);
                            }
                            Value::String(s) => r.roles.extend(role_from_text(s, p)),
                            _ => p.push(
                                "'roles' items are {\"title\", \"org\", \"from\", \"to\"} objects",
                            ),
                        }
                    }
                }
                Value::String(s) => {
                    for item in s.split(';').map(str::trim).filter(|s| !s.is_empty()) {
                        r.roles.extend(role_from_text(item, p));
                    }
                }
                Value::Null => {}
                _ => p.push("'roles' must be a list"),
            },
            other => p.push(format!(
                "unknown key '{other}'; known keys: {}",
                KEYS.join(", ")
            )),
        }
    }
    r.aliases.retain(|a| !a.is_empty());
    r.affiliations.retain(|a| !a.is_empty());
    if r.id.is_empty() {
        r.id = id_from_name(&r.name);
    }
    r
}

/// Reads JSON Lines records (blank lines are skipped).
pub fn read_jsonl(path: &Path, text: &str) -> Result<Vec<Record>> {
    let mut errors = Vec::new();
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut p = Problems {
            path,
            line: i + 1,
            out: &mut errors,
        };
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(obj)) => {
                let r = record_from(&obj, &mut p);
                check_record(&r, &mut p);
                records.push((i + 1, r));
            }
            Ok(_) => p.push("expected one JSON object a line"),
            Err(e) => p.push(format!("not JSON: {e}")),
        }
    }
    finish(path, records, errors)
}

/// Splits CSV text into rows of fields, with the line each row starts on.
fn csv_rows(path: &Path, text: &str, errors: &mut Vec<Diagnostic>) -> Vec<(usize, Vec<String>)> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let (mut line, mut row_line) = (1, 1);
    let mut quoted = false;
    let mut at_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            ',' => {
                row.push(std::mem::take(&mut field));
                at_start = true;
            }
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                if !(row.len() == 1 && row[0].is_empty()) {
                    rows.push((row_line, std::mem::take(&mut row)));
                }
                row.clear();
                line += 1;
                row_line = line;
                at_start = true;
            }
            _ => {
                field.push(c);
                at_start = false;
            }
        }
    }
    if quoted {
        errors.push(Diagnostic::at(
            path,
            row_line,
            "a quoted field is not closed",
        ));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push((row_line, row));
    }
    rows
}

/// Reads CSV records: a header row naming the columns, then one entity a row.
pub fn read_csv(path: &Path, text: &str) -> Result<Vec<Record>> {
    let mut errors = Vec::new();
    let rows = csv_rows(
        path,
        text.strip_prefix('\u{feff}').unwrap_or(text),
        &mut errors,
    );
    let mut rows = rows.into_iter();
    let Some((header_line, header)) = rows.next() else {
        return Err(Error::invalid(Diagnostic::file(
            path,
            "empty: a CSV gazetteer starts with a header row (id,type,name,aliases,...)",
        )));
    };
    let header: Vec<String> = header
        .iter()
        .map(|h| {
            let h = h.trim().to_lowercase();
            if h == "role" { "roles".to_string() } else { h }
        })
        .collect();
    for h in &header {
        if !KEYS.contains(&h.as_str()) {
            errors.push(Diagnostic::at(
                path,
                header_line,
                format!("unknown column '{h}'; known columns: {}", KEYS.join(", ")),
            ));
        }
    }
    let mut records = Vec::new();
    for (line, fields) in rows {
        let mut p = Problems {
            path,
            line,
            out: &mut errors,
        };
        if fields.len() != header.len() {
            p.push(format!(
                "{} fields where the header has {}",
                fields.len(),
                header.len()
            ));
            continue;
        }
        let mut obj = serde_json::Map::new();
        for (h, f) in header.iter().zip(fields) {
            if KEYS.contains(&h.as_str()) && !f.trim().is_empty() {
                obj.insert(h.clone(), Value::String(f.trim().to_string()));
            }
        }
        let r = record_from(&obj, &mut p);
        check_record(&r, &mut p);
        records.push((line, r));
    }
    finish(path, records, errors)
}

/// The type a Wikidata `instance of` (P31) value gives.
fn wikidata_type(q: &str) -> Option<EntityType> {
    Some(match q {
        "Q5" => EntityType::Person,
        "Q6256" | "Q3624078" | "Q7275" | "Q3024240" => EntityType::Government,
        "Q327333" | "Q2659904" | "Q192350" | "Q35798" => EntityType::Government,
        "Q515" | "Q1549591" | "Q486972" | "Q5119" | "Q3957" | "Q532" | "Q1637706" | "Q82794"
        | "Q10864048" | "Q13220204" | "Q123705" | "Q2514025" | "Q15284" => EntityType::Place,
        "Q176799" | "Q17149090" | "Q2001305" | "Q1335818" => EntityType::Militia,
        "Q43229" | "Q7278" | "Q4830453" | "Q163740" | "Q484652" => EntityType::Organization,
        "Q1193236" | "Q11032" | "Q1110794" => EntityType::Media,
        _ => return None,
    })
}

/// Reads Wikidata entities, one JSON object a line (a `wbgetentities` answer's
/// `entities` values, or a dump filtered to one entity a line; a trailing `,` and the
/// `[`/`]` lines of a dump are accepted).
pub fn read_wikidata(path: &Path, text: &str, default: Option<EntityType>) -> Result<Vec<Record>> {
    const ENGLISH: [&str; 4] = ["en", "en-gb", "en-us", "mul"];
    let mut errors = Vec::new();
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let body = line.trim().trim_end_matches(',');
        if body.is_empty() || body == "[" || body == "]" {
            continue;
        }
        let mut p = Problems {
            path,
            line: i + 1,
            out: &mut errors,
        };
        let v: Value = match serde_json::from_str(body) {
            Ok(v @ Value::Object(_)) => v,
            Ok(_) => {
                p.push("expected one Wikidata entity (a JSON object) a line");
                continue;
            }
            Err(e) => {
                p.push(format!("not JSON: {e}"));
                continue;
            }
        };
        let qid = v["id"].as_str().unwrap_or("").to_string();
        let label = ENGLISH
            .iter()
            .find_map(|l| v["labels"][l]["value"].as_str())
            .map(|s| s.trim().to_string());
        let Some(name) = label else {
            p.push(format!("{qid}: no English label"));
            continue;
        };
        let mut aliases: Vec<String> = Vec::new();
        for l in ENGLISH {
            if let Some(list) = v["aliases"][l].as_array() {
                for a in list {
                    if let Some(s) = a["value"].as_str().map(str::trim)
                        && s != name
                        && !aliases.iter().any(|x| x == s)
                    {
                        aliases.push(s.to_string());
                    }
                }
            }
        }
        let kind = v["claims"]["P31"]
            .as_array()
            .into_iter()
            .flatten()
            .find_map(|c| {
                c["mainsnak"]["datavalue"]["value"]["id"]
                    .as_str()
                    .and_then(wikidata_type)
            })
            .or(default);
        let Some(kind) = kind else {
            p.push(format!(
                "{qid} ({name}): no type from 'instance of' (P31): give one with --type"
            ));
            continue;
        };
        // Names holding '|' or ' #' cannot be .gaz aliases: such aliases are left out.
        aliases.retain(|a| !a.contains('|') && !a.contains(" #") && !a.contains('\n'));
        let r = Record {
            id: id_from_name(&name),
            kind: kind.as_str().to_string(),
            name,
            aliases,
            note: (!qid.is_empty()).then(|| format!("wikidata {qid}")),
            ..Record::default()
        };
        check_record(&r, &mut p);
        records.push((i + 1, r));
    }
    // Two labels that fold alike: the Q-number tells them apart.
    let mut count: HashMap<String, usize> = HashMap::new();
    for (_, r) in &records {
        *count.entry(r.id.clone()).or_default() += 1;
    }
    for (_, r) in &mut records {
        if count[&r.id] > 1
            && let Some(q) = r.note.as_deref().and_then(|n| n.strip_prefix("wikidata "))
        {
            r.id = format!("{}_{}", r.id, q.to_lowercase());
        }
    }
    finish(path, records, errors)
}

/// Duplicate ids, then the records or every problem.
fn finish(
    path: &Path,
    records: Vec<(usize, Record)>,
    mut errors: Vec<Diagnostic>,
) -> Result<Vec<Record>> {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(records.len());
    for (line, r) in &records {
        if r.id.is_empty() {
            continue;
        }
        if let Some(prev) = first.get(r.id.as_str()) {
            errors.push(Diagnostic::at(
                path,
                *line,
                format!(
                    "duplicate id '{}': already used at {}:{prev}",
                    r.id,
                    path.display()
                ),
            ));
        } else {
            first.insert(&r.id, *line);
        }
    }
    if errors.is_empty() {
        Ok(records.into_iter().map(|(_, r)| r).collect())
    } else {
        errors.sort();
        errors.dedup();
        Err(Error::Invalid(errors))
    }
}

/// The records in canonical `.gaz` form.
pub fn to_gaz(records: &[Record]) -> String {
    let mut out = String::with_capacity(records.len() * 80);
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "[{}]\ntype = {}\nname = {}", r.id, r.kind, r.name);
        if !r.aliases.is_empty() {
            let _ = writeln!(out, "aliases = {}", r.aliases.join(" | "));
        }
        for (key, v) in [("parent", &r.parent), ("country", &r.country)] {
            if let Some(v) = v {
                let _ = writeln!(out, "{key} = {v}");
            }
        }
        if !r.affiliations.is_empty() {
            let _ = writeln!(out, "affiliations = {}", r.affiliations.join(" | "));
        }
        for (key, v) in [("capital_of", &r.capital_of), ("located_in", &r.located_in)] {
            if let Some(v) = v {
                let _ = writeln!(out, "{key} = {v}");
            }
        }
        for role in &r.roles {
            let _ = writeln!(
                out,
                "role = {} | {} | {} | {}",
                role.title,
                role.org,
                role.from.as_deref().unwrap_or(""),
                role.to.as_deref().unwrap_or("")
            );
        }
        for (key, v) in [
            ("founded", &r.founded),
            ("note", &r.note),
            ("prior", &r.prior),
        ] {
            if let Some(v) = v {
                let _ = writeln!(out, "{key} = {v}");
            }
        }
    }
    out
}

/// The entities of a gazetteer as records, in the order of their files and lines.
pub fn records_of(g: &Gazetteer) -> Vec<Record> {
    let mut entities: Vec<_> = g.entities().collect();
    entities.sort_by(|a, b| (&a.origin.path, a.origin.line).cmp(&(&b.origin.path, b.origin.line)));
    entities
        .into_iter()
        .map(|e| Record {
            id: e.id.clone(),
            kind: e.kind.as_str().to_string(),
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            parent: e.parent.clone(),
            country: e.country.clone(),
            affiliations: e.affiliations.clone(),
            capital_of: e.capital_of.clone(),
            located_in: e.located_in.clone(),
            roles: e
                .roles
                .iter()
                .map(|r| RoleRecord {
                    title: r.title.clone(),
                    org: r.org.clone(),
                    from: r.from.clone(),
                    to: r.to.clone(),
                })
                .collect(),
            founded: e.attributes.get("founded").cloned(),
            note: e.attributes.get("note").cloned(),
            prior: e.attributes.get("prior").cloned(),
        })
        .collect()
}

/// Records as JSON Lines (keys in the order of [`Record`], absent ones left out).
pub fn to_jsonl(records: &[Record]) -> String {
    let mut out = String::with_capacity(records.len() * 100);
    for r in records {
        out.push_str(&serde_json::to_string(r).expect("records serialise"));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::parse_str;

    const CANONICAL: &str = "\
[iraq]
type = government
name = Iraq
aliases = Republic of Iraq | Iraqi government

[mustafa_al_kadhimi]
type = person
name = Mustafa al-Kadhimi
aliases = Kadhimi | Kadhemi
country = iraq
affiliations = iraq
role = prime minister | iraq | 2020-05-07 | 2022-10-27
role = director | iraq | 2016 | 
founded = 1967
note = a \"quoted\" note, with commas
";

    #[test]
    fn canonical_gaz_round_trips_through_json_lines() {
        let g = parse_str(Path::new("g.gaz"), CANONICAL).unwrap();
        let jsonl = to_jsonl(&records_of(&g));
        let back = read_jsonl(Path::new("g.jsonl"), &jsonl).unwrap();
        assert_eq!(to_gaz(&back), CANONICAL);
        assert_eq!(to_jsonl(&back), jsonl);
    }

    #[test]
    fn csv_rows_become_records() {
        let csv = "id,type,name,aliases,roles,note\n\
                   ,militia,Saraya Awliya al-Dam,\"Awliya al-Dam | Guardians of Blood\",,\"a, b\"\n\
                   hadi_al_amiri,person,Hadi al-Amiri,Amiri,leader | badr | 2003 |; minister | iraq | 2010 | 2014,\n";
        let r = read_csv(Path::new("l.csv"), csv).unwrap();
        assert_eq!(r[0].id, "saraya_awliya_al_dam");
        assert_eq!(r[0].aliases, ["Awliya al-Dam", "Guardians of Blood"]);
        assert_eq!(r[0].note.as_deref(), Some("a, b"));
        assert_eq!(r[1].roles.len(), 2);
        assert_eq!(r[1].roles[1].to.as_deref(), Some("2014"));
    }

    #[test]
    fn every_problem_is_reported_with_its_line() {
        let text = "{\"id\": \"a\", \"type\": \"militia\", \"name\": \"A\"}\n\
                    {\"id\": \"Bad Id\", \"type\": \"faction\", \"name\": \"B | C\"}\n\
                    not json\n\
                    {\"id\": \"a\", \"type\": \"place\", \"name\": \"A2\", \"colour\": 1}\n";
        let err = read_jsonl(Path::new("l.jsonl"), text)
            .unwrap_err()
            .to_string();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 6, "{err}");
        assert!(lines[0].starts_with("l.jsonl:2: id 'Bad Id' must be lower snake case"));
        assert!(err.contains("l.jsonl:2: name 'B | C' holds '|'"));
        assert!(err.contains("l.jsonl:2: unknown type 'faction'"));
        assert!(err.contains("l.jsonl:3: not JSON: "));
        assert!(err.contains("l.jsonl:4: duplicate id 'a': already used at l.jsonl:1"));
        assert!(err.contains("l.jsonl:4: unknown key 'colour'"));
    }

    #[test]
    fn wikidata_labels_aliases_and_types() {
        let text = r#"[
{"id":"Q90","labels":{"en":{"language":"en","value":"Paris"}},"aliases":{"en":[{"language":"en","value":"City of Light"},{"language":"en","value":"Paname"}]},"claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"id":"Q515"}}}}]}},
{"id":"Q16858","labels":{"en":{"language":"en","value":"Paris"}},"claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"id":"Q1093829"}}}}]}},
{"id":"Q42","labels":{"fr":{"language":"fr","value":"Douglas Adams"}}}
]"#;
        let err = read_wikidata(Path::new("w.json"), text, None)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "w.json:3: Q16858 (Paris): no type from 'instance of' (P31): give one with --type\nw.json:4: Q42: no English label"
        );
        let ok: String = text.lines().take(3).collect::<Vec<_>>().join("\n");
        let r = read_wikidata(Path::new("w.json"), &ok, Some(EntityType::Place)).unwrap();
        assert_eq!(r[0].id, "paris_q90");
        assert_eq!(r[1].id, "paris_q16858");
        assert_eq!(r[0].aliases, ["City of Light", "Paname"]);
        assert_eq!(r[0].note.as_deref(), Some("wikidata Q90"));
    }
}
