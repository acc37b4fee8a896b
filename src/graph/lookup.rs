//! Finding an entity of a graph by what a user typed: its id, its canonical name, or any
//! alias, shared by every inspection command.
//!
//! Names are compared folded ([`fold_key`]: case, diacritics, apostrophes, dashes and
//! underscores do not matter, so `kataib hezbollah`, `Kata’ib Hezbollah` and
//! `kataib_hezbollah` are one name). The query is tried against ever looser keys and the
//! first tier that matches decides:
//!
//! 1. the exact id;
//! 2. the folded id or canonical name (of the graph node, or of the gazetteer entity);
//! 3. an alias: a surface form seen in the text, or a gazetteer alias (`KH`);
//! 4. the same keys with the Arabic article and `the` left out (`Qais Khazali`);
//! 5. the query's words as a run of words in a name or alias (`khazali`).
//!
//! One entity at the first matching tier is [`Resolution::Found`]; several are
//! [`Resolution::Ambiguous`]. When nothing matches, [`Resolution::NotFound`] carries
//! suggestions by edit distance (`kataib hizbollah` → Kataib Hezbollah). A gazetteer
//! entity that matches but is not in the graph is [`Resolution::NotInGraph`].

use super::Graph;
use crate::gazetteer::{EntityType, Gazetteer};
use crate::text::fold_key;

/// An entity a query could mean.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    /// Entity id.
    pub id: String,
    /// Canonical name.
    pub label: String,
    /// Entity type.
    pub kind: EntityType,
    /// Mentions in the graph (0 for an entity that is only in the gazetteer).
    pub mentions: u64,
}

/// What a query resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one entity of the graph: its id.
    Found(String),
    /// Several entities of the graph match equally well, sorted by id.
    Ambiguous(Vec<Candidate>),
    /// Gazetteer entities match, but none of them is in the graph.
    NotInGraph(Vec<Candidate>),
    /// Nothing matches; the nearest names by edit distance, best first (maybe none).
    NotFound(Vec<Candidate>),
}

/// At most this many suggestions are returned.
pub const MAX_SUGGESTIONS: usize = 5;

const ARTICLES: &[&str] = &["al", "el", "the"];

fn strip_articles(key: &str) -> String {
    key.split(' ')
        .filter(|w| !w.is_empty() && !ARTICLES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn contains_words(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let h: Vec<&str> = haystack.split(' ').collect();
    let n: Vec<&str> = needle.split(' ').collect();
    h.windows(n.len()).any(|w| w == n.as_slice())
}

/// Levenshtein distance on characters, giving up (returning `limit + 1`) beyond `limit`.
fn edit_distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut best = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j - 1] + cost).min(prev[j] + 1).min(cur[j - 1] + 1);
            best = best.min(cur[j]);
        }
        if best > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// How far a misspelling may be from a name to be suggested.
fn typo_limit(len: usize) -> usize {
    match len {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    }
}

/// The names of one entity as written: (id and canonical names, aliases).
struct Entry<'a> {
    id: &'a str,
    label: &'a str,
    kind: EntityType,
    mentions: u64,
    in_graph: bool,
    primary: Vec<&'a str>,
    aliases: Vec<&'a str>,
}

impl Entry<'_> {
    fn candidate(&self) -> Candidate {
        Candidate {
            id: self.id.to_string(),
            label: self.label.to_string(),
            kind: self.kind,
            mentions: self.mentions,
        }
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.primary.iter().chain(&self.aliases).copied()
    }
}

/// Graph nodes (sorted by id) then gazetteer entities that are not in the graph; a
/// gazetteer entity in the graph adds its names to the node's.
fn entries<'a>(graph: &'a Graph, gazetteer: Option<&'a Gazetteer>) -> Vec<Entry<'a>> {
    let mut out: Vec<Entry<'a>> = graph
        .nodes()
        .map(|n| Entry {
            id: &n.id,
            label: &n.label,
            kind: n.kind,
            mentions: n.mentions,
            in_graph: true,
            primary: vec![&n.id, &n.label],
            aliases: n.aliases.keys().map(String::as_str).collect(),
        })
        .collect();
    let in_graph = out.len();
    for e in gazetteer.into_iter().flat_map(Gazetteer::entities) {
        let aliases = e.aliases.iter().map(String::as_str);
        match out[..in_graph].binary_search_by(|x| x.id.cmp(&e.id)) {
            Ok(i) => {
                out[i].primary.push(&e.name);
                out[i].aliases.extend(aliases);
            }
            Err(_) => out.push(Entry {
                id: &e.id,
                label: &e.name,
                kind: e.kind,
                mentions: 0,
                in_graph: false,
                primary: vec![&e.id, &e.name],
                aliases: aliases.collect(),
            }),
        }
    }
    out
}

/// The lower-case ASCII letters and digits of `s`. Folding keeps every one of them and
/// makes no new ones out of ASCII, so for an ASCII name they must agree with the key's
/// before the (slower) folding is worth doing.
fn ascii_alnum(s: &str) -> impl Iterator<Item = u8> + '_ {
    s.bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| b.to_ascii_lowercase())
}

/// Whether `name` folds to `key`.
fn same_key(name: &str, key: &str) -> bool {
    if name.is_ascii() && !ascii_alnum(name).eq(ascii_alnum(key)) {
        return false;
    }
    fold_key(name) == key
}

/// Whether `name` may contain the word `probe` (ASCII letters and digits) once folded.
fn may_contain(name: &str, probe: &[u8]) -> bool {
    if !name.is_ascii() || probe.is_empty() {
        return true;
    }
    let letters: Vec<u8> = ascii_alnum(name).collect();
    letters.windows(probe.len()).any(|w| w == probe)
}

fn decide(matches: Vec<&Entry>) -> Option<Resolution> {
    if matches.is_empty() {
        return None;
    }
    let (inside, outside): (Vec<&Entry>, Vec<&Entry>) =
        matches.into_iter().partition(|k| k.in_graph);
    Some(match inside.as_slice() {
        [one] => Resolution::Found(one.id.to_string()),
        [] => Resolution::NotInGraph(outside.iter().map(|k| k.candidate()).collect()),
        many => Resolution::Ambiguous(many.iter().map(|k| k.candidate()).collect()),
    })
}

/// Resolves what a user typed to an entity of `graph`; gazetteer names and aliases also
/// count when a gazetteer is given (see the module documentation).
pub fn resolve(graph: &Graph, gazetteer: Option<&Gazetteer>, query: &str) -> Resolution {
    let query = query.trim();
    if graph.node(query).is_some() {
        return Resolution::Found(query.to_string());
    }
    let key = fold_key(query);
    if key.is_empty() {
        return Resolution::NotFound(Vec::new());
    }
    let all = entries(graph, gazetteer);
    let tier = |pred: &dyn Fn(&Entry) -> bool| decide(all.iter().filter(|k| pred(k)).collect());
    if let Some(r) = tier(&|k| k.primary.iter().any(|n| same_key(n, &key))) {
        return r;
    }
    if let Some(r) = tier(&|k| k.aliases.iter().any(|n| same_key(n, &key))) {
        return r;
    }
    let bare = strip_articles(&key);
    if !bare.is_empty() {
        let longest = bare.split(' ').max_by_key(|w| w.len()).unwrap_or("");
        let probe: Vec<u8> = ascii_alnum(longest).collect();
        let bare_names = |k: &Entry| -> Vec<String> {
            k.names()
                .filter(|n| may_contain(n, &probe))
                .map(|n| strip_articles(&fold_key(n)))
                .collect()
        };
        if let Some(r) = tier(&|k| bare_names(k).contains(&bare)) {
            return r;
        }
        if bare.len() >= 3
            && let Some(r) = tier(&|k| bare_names(k).iter().any(|n| contains_words(n, &bare)))
        {
            return r;
        }
    }
    Resolution::NotFound(suggest(&all, &key))
}

/// The entities of the graph whose names are nearest to `key` by edit distance: whole
/// names, or (for a one-word query) single words of a name.
fn suggest(all: &[Entry], key: &str) -> Vec<Candidate> {
    let limit = typo_limit(key.chars().count());
    let one_word = !key.contains(' ');
    let mut scored: Vec<(usize, bool, u64, &Entry)> = Vec::new();
    // Only entities of the graph: one the gazetteer knows but the graph lacks cannot be
    // looked at, so offering it would lead to a second error.
    for k in all.iter().filter(|k| k.in_graph) {
        let mut best = limit + 1;
        for name in k.names().map(fold_key) {
            best = best.min(edit_distance(key, &name, limit));
            if one_word {
                for word in name.split(' ').filter(|w| w.chars().count() >= 4) {
                    best = best.min(edit_distance(key, word, limit));
                }
            }
        }
        if best <= limit {
            scored.push((best, !k.in_graph, u64::MAX - k.mentions, k));
        }
    }
    scored.sort_by(|a, b| (a.0, a.1, a.2, a.3.id).cmp(&(b.0, b.1, b.2, b.3.id)));
    scored
        .into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|s| s.3.candidate())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::parse_str;
    use crate::graph::Node;
    use std::collections::BTreeMap;
    use std::path::Path;

    fn node(id: &str, label: &str, kind: EntityType, aliases: &[&str]) -> Node {
        Node {
            id: id.into(),
            label: label.into(),
            kind,
            mentions: 2,
            documents: vec![],
            aliases: aliases.iter().map(|a| (a.to_string(), 1)).collect(),
            first_seen: None,
            last_seen: None,
            attrs: BTreeMap::new(),
        }
    }

    fn graph() -> Graph {
        Graph::from_parts(
            vec![
                node(
                    "kataib_hezbollah",
                    "Kataib Hezbollah",
                    EntityType::Militia,
                    &["Kata'ib Hezbollah"],
                ),
                node(
                    "qais_al_khazali",
                    "Qais al-Khazali",
                    EntityType::Person,
                    &["Qais al-Khazali"],
                ),
                node(
                    "abu_ali_one",
                    "Abu Ali al-Basri",
                    EntityType::Person,
                    &["Abu Ali"],
                ),
                node(
                    "abu_ali_two",
                    "Abu Ali al-Askari",
                    EntityType::Person,
                    &["Abu Ali"],
                ),
                node(
                    "washington",
                    "Washington",
                    EntityType::Place,
                    &["Washington"],
                ),
                node(
                    "united_states",
                    "United States",
                    EntityType::Government,
                    &["Washington", "US"],
                ),
            ],
            vec![],
            vec![],
        )
    }

    fn found(q: &str) -> Resolution {
        resolve(&graph(), None, q)
    }

    #[test]
    fn id_name_and_alias_in_any_case_and_spelling() {
        for q in [
            "kataib_hezbollah",
            "kataib hezbollah",
            "Kata’ib Hezbollah",
            "KATAIB-HEZBOLLAH",
            " Kataib Hezbollah ",
        ] {
            assert_eq!(
                found(q),
                Resolution::Found("kataib_hezbollah".into()),
                "query {q:?}"
            );
        }
        assert_eq!(found("us"), Resolution::Found("united_states".into()));
    }

    #[test]
    fn canonical_name_beats_alias() {
        assert_eq!(found("washington"), Resolution::Found("washington".into()));
    }

    #[test]
    fn article_and_single_word() {
        assert_eq!(
            found("Qais Khazali"),
            Resolution::Found("qais_al_khazali".into())
        );
        assert_eq!(
            found("khazali"),
            Resolution::Found("qais_al_khazali".into())
        );
    }

    #[test]
    fn ambiguous_alias_lists_candidates() {
        let Resolution::Ambiguous(c) = found("abu ali") else {
            panic!("{:?}", found("abu ali"))
        };
        assert_eq!(
            c.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            ["abu_ali_one", "abu_ali_two"]
        );
    }

    #[test]
    fn misspelling_gets_suggestions() {
        let Resolution::NotFound(s) = found("kataib hizbollah") else {
            panic!()
        };
        assert_eq!(s[0].id, "kataib_hezbollah");
        let Resolution::NotFound(s) = found("khazaly") else {
            panic!()
        };
        assert_eq!(s[0].id, "qais_al_khazali");
        assert_eq!(found("zzzzzzzz"), Resolution::NotFound(vec![]));
        assert_eq!(found(""), Resolution::NotFound(vec![]));
    }

    #[test]
    fn suggestions_offer_only_entities_of_the_graph() {
        let gaz = parse_str(
            Path::new("t.gaz"),
            "[laith_al_khazali]\ntype = person\nname = Laith al-Khazali\n",
        )
        .unwrap();
        let Resolution::NotFound(s) = resolve(&graph(), Some(&gaz), "khazaly") else {
            panic!()
        };
        assert!(!s.is_empty());
        assert!(s.iter().all(|c| c.id != "laith_al_khazali"), "{s:?}");
    }

    #[test]
    fn gazetteer_aliases_resolve() {
        let gaz = parse_str(
            Path::new("t.gaz"),
            "[kataib_hezbollah]\ntype = militia\nname = Kataib Hezbollah\naliases = KH\n\n[iran]\ntype = government\nname = Iran\n",
        )
        .unwrap();
        let g = graph();
        assert_eq!(
            resolve(&g, Some(&gaz), "KH"),
            Resolution::Found("kataib_hezbollah".into())
        );
        assert_eq!(resolve(&g, None, "KH"), Resolution::NotFound(vec![]));
        let Resolution::NotInGraph(c) = resolve(&g, Some(&gaz), "iran") else {
            panic!()
        };
        assert_eq!(c[0].id, "iran");
    }

    #[test]
    fn bounded_edit_distance() {
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("kitten", "sitting", 2), 3);
        assert_eq!(edit_distance("", "abc", 3), 3);
    }
}
