//! The warnings of `newsgraph gazetteer check`: what a gazetteer that loads may still get
//! wrong, for an editor to look at. Aliases of two entities that become the same once
//! folded further than the loader compares them (articles dropped, spaces squeezed), an
//! alias that is a common English word, a one-word person alias that is a common given
//! name, two holders of one office on overlapping dates, `parent` / `located_in`
//! chains that come back to where they started, and names two entities share (homonyms). The word lists are data
//! (`check.words`, see [`CheckWords`]).

use super::{Entity, EntityType, Gazetteer};
use crate::error::{Diagnostic, Error, Result};
use crate::text::fold_key;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// The word lists shipped with newsgraph, used when the folder has no [`CHECK_WORDS_FILE`].
pub const BUILTIN_CHECK_WORDS: &str = include_str!("../../gazetteer/check.words");

/// The check's word lists' file name in a gazetteer folder.
pub const CHECK_WORDS_FILE: &str = "check.words";

/// The kinds of warning, each with a stable name used in the JSON output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WarningKind {
    /// Two entities' aliases are the same once articles are dropped and spaces squeezed.
    AliasCollision,
    /// A one-word alias that is a common English word.
    CommonWord,
    /// A one-word alias of a person that is a common given name.
    GivenName,
    /// Two roles for the same office (title and organisation) on overlapping dates.
    RoleOverlap,
    /// A `parent` or `located_in` chain that comes back to its start.
    Cycle,
    /// Two entities share a name exactly once folded (a homonym, resolved by context).
    SharedAlias,
}

impl WarningKind {
    /// Every kind, in the order they are documented.
    pub const ALL: [WarningKind; 6] = [
        WarningKind::AliasCollision,
        WarningKind::CommonWord,
        WarningKind::GivenName,
        WarningKind::RoleOverlap,
        WarningKind::Cycle,
        WarningKind::SharedAlias,
    ];

    /// The kind's name: `alias-collision`, `common-word`, `given-name`, `role-overlap`, `cycle`, `shared-alias`.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::AliasCollision => "alias-collision",
            WarningKind::CommonWord => "common-word",
            WarningKind::GivenName => "given-name",
            WarningKind::RoleOverlap => "role-overlap",
            WarningKind::Cycle => "cycle",
            WarningKind::SharedAlias => "shared-alias",
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One warning, at the entity it is about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// The file of the entity.
    pub path: PathBuf,
    /// The line of the entity's `[id]` header.
    pub line: usize,
    /// What kind of warning.
    pub kind: WarningKind,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: warning: {} [{}]",
            self.path.display(),
            self.line,
            self.message,
            self.kind
        )
    }
}

/// The word lists the warnings use.
#[derive(Debug, Clone, Default)]
pub struct CheckWords {
    /// Common English words, lower case.
    pub common_words: HashSet<String>,
    /// Common given names, lower case.
    pub given_names: HashSet<String>,
}

impl CheckWords {
    /// The built-in lists.
    pub fn builtin() -> CheckWords {
        CheckWords::parse(Path::new("<built-in>/check.words"), BUILTIN_CHECK_WORDS)
            .expect("the built-in check lists parse")
    }

    /// The folder's `check.words`, or the built-in lists.
    pub fn load(dir: &Path) -> Result<CheckWords> {
        let path = dir.join(CHECK_WORDS_FILE);
        if !path.exists() {
            return Ok(CheckWords::builtin());
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
        CheckWords::parse(&path, &text)
    }

    /// Parses the lists' text as the file `path`; every bad line is reported.
    pub fn parse(path: &Path, text: &str) -> Result<CheckWords> {
        let mut words = CheckWords::default();
        let mut errors = Vec::new();
        let mut current: Option<bool> = None; // Some(true): common words, Some(false): given names
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = match name.trim() {
                    "common_words" => Some(true),
                    "given_names" => Some(false),
                    other => {
                        errors.push(Diagnostic::at(
                            path,
                            i + 1,
                            format!(
                                "unknown list [{other}]; the lists are common_words, given_names"
                            ),
                        ));
                        None
                    }
                };
                continue;
            }
            let set = match current {
                Some(true) => &mut words.common_words,
                Some(false) => &mut words.given_names,
                None => {
                    errors.push(Diagnostic::at(
                        path,
                        i + 1,
                        "words outside a known [list]: start the list with [common_words] or [given_names]",
                    ));
                    continue;
                }
            };
            set.extend(line.split_whitespace().map(|w| w.to_lowercase()));
        }
        if errors.is_empty() {
            Ok(words)
        } else {
            Err(Error::Invalid(errors))
        }
    }
}

/// Every warning for a gazetteer that loaded, sorted by file, line and kind.
pub fn lint(gazetteer: &Gazetteer, words: &CheckWords) -> Vec<Warning> {
    let mut out = Vec::new();
    alias_collisions(gazetteer, &mut out);
    word_aliases(gazetteer, words, &mut out);
    role_overlaps(gazetteer, &mut out);
    cycles(gazetteer, &mut out);
    out.sort();
    out.dedup();
    out
}

fn warn(e: &Entity, kind: WarningKind, message: String) -> Warning {
    Warning {
        path: e.origin.path.clone(),
        line: e.origin.line,
        kind,
        message,
    }
}

/// A name folded further than the tagger does: articles dropped (while two words remain)
/// and spaces squeezed out, so `Hashd al-Shaabi`, `Hashd Shaabi` and `HashdShaabi` meet.
pub fn loose_key(name: &str) -> String {
    let key = fold_key(name).replace(['\'', '"', '.', ','], "");
    let words: Vec<&str> = key.split_whitespace().collect();
    let kept: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "al" | "el" | "the"))
        .collect();
    if kept.len() >= 2 {
        kept.concat()
    } else {
        words.concat()
    }
}

/// True for an alias the tagger matches only in capitals (`US`, `KH`).
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase())
}

fn alias_collisions(g: &Gazetteer, out: &mut Vec<Warning>) {
    // loose key -> (entity id, alias) of every name, first alias per entity.
    let mut by_key: BTreeMap<String, Vec<(&Entity, &str)>> = BTreeMap::new();
    for e in g.entities() {
        for name in e.names() {
            if is_acronym(name) {
                continue;
            }
            let key = loose_key(name);
            if key.is_empty() {
                continue;
            }
            let list = by_key.entry(key).or_default();
            if !list.iter().any(|(o, _)| o.id == e.id) {
                list.push((e, name));
            }
        }
    }
    for (key, list) in &by_key {
        let (a, a_alias) = list[0];
        for (b, b_alias) in &list[1..] {
            if fold_key(a_alias) == fold_key(b_alias) {
                out.push(warn(
                    b,
                    WarningKind::SharedAlias,
                    format!(
                        "alias '{b_alias}' of '{}' also names '{}' ({}:{}): a homonym, which the tagger resolves by the document (located_in, country, parent named nearby; prior) or leaves undecided",
                        b.id,
                        a.id,
                        a.origin.path.display(),
                        a.origin.line
                    ),
                ));
                continue;
            }
            out.push(warn(
                b,
                WarningKind::AliasCollision,
                format!(
                    "alias '{b_alias}' of '{}' and alias '{a_alias}' of '{}' ({}:{}) are the same once folded ('{key}'): the tagger gives such a mention to one of them; rename one or give it to one entity",
                    b.id,
                    a.id,
                    a.origin.path.display(),
                    a.origin.line
                ),
            ));
        }
    }
}

fn word_aliases(g: &Gazetteer, words: &CheckWords, out: &mut Vec<Warning>) {
    for e in g.entities() {
        let mut seen = BTreeSet::new();
        for name in e.names() {
            if is_acronym(name) {
                continue;
            }
            let key = fold_key(name);
            if key.contains(' ') || !seen.insert(key.clone()) {
                continue;
            }
            if words.common_words.contains(&key) {
                out.push(warn(
                    e,
                    WarningKind::CommonWord,
                    format!(
                        "alias '{name}' of '{}' is a common English word: it will tag ordinary text that starts a sentence or a headline with it; prefer a longer name",
                        e.id
                    ),
                ));
            } else if e.kind == EntityType::Person && words.given_names.contains(&key) {
                out.push(warn(
                    e,
                    WarningKind::GivenName,
                    format!(
                        "alias '{name}' of person '{}' is a common given name: every other '{name}' in the text would be tagged as this person; prefer the surname or the full name",
                        e.id
                    ),
                ));
            }
        }
    }
}

/// A partial date as a range of days written `YYYY-MM-DD`: the earliest and latest it may be.
fn date_bounds(d: &str) -> (String, String) {
    match d.len() {
        4 => (format!("{d}-01-01"), format!("{d}-12-31")),
        7 => (format!("{d}-01"), format!("{d}-31")),
        _ => (d.to_string(), d.to_string()),
    }
}

fn role_overlaps(g: &Gazetteer, out: &mut Vec<Warning>) {
    // Office (title folded, organisation) -> (holder, from, to as written).
    type Term<'a> = (&'a Entity, &'a str, Option<&'a str>);
    let mut offices: BTreeMap<(String, &str), Vec<Term>> = BTreeMap::new();
    for e in g.entities() {
        for r in &e.roles {
            // A role with no start date cannot be placed in time.
            if let Some(from) = &r.from {
                offices
                    .entry((fold_key(&r.title), r.org.as_str()))
                    .or_default()
                    .push((e, from, r.to.as_deref()));
            }
        }
    }
    for ((title, org), terms) in &offices {
        for (i, (a, a_from, a_to)) in terms.iter().enumerate() {
            for (b, b_from, b_to) in &terms[i + 1..] {
                if a.id == b.id {
                    continue;
                }
                // Only overlaps that are certain: the latest start before the earliest end.
                let starts_before = |from: &str, to: Option<&str>| match to {
                    None => true,
                    Some(to) => date_bounds(from).1 < date_bounds(to).0,
                };
                if starts_before(a_from, *b_to) && starts_before(b_from, *a_to) {
                    let span = |f: &str, t: Option<&str>| format!("{f} to {}", t.unwrap_or("now"));
                    out.push(warn(
                        b,
                        WarningKind::RoleOverlap,
                        format!(
                            "'{}' holds '{title}' of '{org}' ({}) while '{}' ({}:{}) holds it too ({}): check the dates",
                            b.id,
                            span(b_from, *b_to),
                            a.id,
                            a.origin.path.display(),
                            a.origin.line,
                            span(a_from, *a_to)
                        ),
                    ));
                }
            }
        }
    }
}

fn cycles(g: &Gazetteer, out: &mut Vec<Warning>) {
    for key in ["parent", "located_in"] {
        let next = |e: &Entity| -> Option<String> {
            if key == "parent" {
                e.parent.clone()
            } else {
                e.located_in.clone()
            }
        };
        let mut reported: BTreeSet<String> = BTreeSet::new();
        for start in g.entities() {
            let mut chain = vec![start.id.clone()];
            let mut cur = next(start);
            while let Some(id) = cur {
                if let Some(pos) = chain.iter().position(|c| *c == id) {
                    let cycle = &chain[pos..];
                    // Report each cycle once, at its smallest id.
                    let least = cycle.iter().min().expect("a cycle has members").clone();
                    if reported.insert(least.clone()) {
                        let at = cycle.iter().position(|c| *c == least).expect("member");
                        let mut ids: Vec<&str> = cycle[at..]
                            .iter()
                            .chain(&cycle[..at])
                            .map(String::as_str)
                            .collect();
                        ids.push(least.as_str());
                        let e = g.get(&least).expect("ids in chains exist");
                        out.push(warn(
                            e,
                            WarningKind::Cycle,
                            format!(
                                "'{key}' goes round in a circle: {}; one of them must stop",
                                ids.join(" -> ")
                            ),
                        ));
                    }
                    break;
                }
                chain.push(id.clone());
                cur = g.get(&id).and_then(next);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::parse_str;

    fn kinds(text: &str) -> Vec<String> {
        let g = parse_str(Path::new("g.gaz"), text).unwrap();
        lint(&g, &CheckWords::builtin())
            .iter()
            .map(|w| format!("{}:{}", w.line, w.kind))
            .collect()
    }

    #[test]
    fn loose_keys_drop_articles_and_spaces() {
        assert_eq!(loose_key("Hashd al-Shaabi"), "hashdshaabi");
        assert_eq!(loose_key("Hashd Shaabi"), "hashdshaabi");
        assert_eq!(loose_key("al-Salam"), "alsalam");
        assert_eq!(loose_key("Kata'ib Hezbollah"), "kataibhezbollah");
    }

    #[test]
    fn each_kind_is_found() {
        let text = "\
[a]\ntype = militia\nname = Hashd al-Shaabi\n\
[b]\ntype = militia\nname = Hashd Shaabi Front\naliases = HashdShaabi\n\
[c]\ntype = militia\nname = Rally\n\
[d]\ntype = person\nname = Ali Mahdi\naliases = Ali\n\
[e]\ntype = government\nname = E State\n\
[p1]\ntype = person\nname = P One\nrole = prime minister | e | 2019 | 2021-03\n\
[p2]\ntype = person\nname = P Two\nrole = Prime Minister | e | 2020-06-01 |\n\
[x]\ntype = place\nname = X Town\nlocated_in = y\n\
[y]\ntype = place\nname = Y Town\nlocated_in = x\n";
        assert_eq!(
            kinds(text),
            [
                "4:alias-collision",
                "8:common-word",
                "11:given-name",
                "22:role-overlap",
                "26:cycle"
            ]
        );
    }

    #[test]
    fn handovers_and_uncertain_dates_are_not_overlaps() {
        let text = "\
[e]\ntype = government\nname = E State\n\
[p1]\ntype = person\nname = P One\nrole = president | e | 2014 | 2018-10-02\n\
[p2]\ntype = person\nname = P Two\nrole = president | e | 2018-10-02 | 2022\n\
[p3]\ntype = person\nname = P Three\nrole = president | e | 2022 |\n";
        assert!(kinds(text).is_empty(), "{:?}", kinds(text));
    }

    #[test]
    fn builtin_lists_parse_and_bad_lists_are_reported() {
        assert!(CheckWords::builtin().common_words.contains("hope"));
        assert!(CheckWords::builtin().given_names.contains("ali"));
        let err = CheckWords::parse(Path::new("c.words"), "hope\n[names]\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "c.words:1: words outside a known [list]: start the list with [common_words] or [given_names]\n\
             c.words:2: unknown list [names]; the lists are common_words, given_names"
        );
    }
}
