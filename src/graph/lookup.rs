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
use crate::tag::fold_key;
use std::collections::{BTreeMap, BTreeSet};

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
    key.split(' ').filter(|w| !w.is_empty() && !ARTICLES.contains(w)).collect::<Vec<_>>().join(" ")
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

/// The names of one entity, folded: (id and canonical names, aliases).
struct Keys {
    candidate: Candidate,
    in_graph: bool,
    primary: BTreeSet<String>,
    aliases: BTreeSet<String>,
}

fn collect_keys(graph: &Graph, gazetteer: Option<&Gazetteer>) -> Vec<Keys> {
    let mut keys: BTreeMap<String, Keys> = BTreeMap::new();
    for n in graph.nodes() {
        keys.insert(
            n.id.clone(),
            Keys {
                candidate: Candidate { id: n.id.clone(), label: n.label.clone(), kind: n.kind, mentions: n.mentions },
                in_graph: true,
                primary: [fold_key(&n.id), fold_key(&n.label)].into_iter().collect(),
                aliases: n.aliases.keys().map(|a| fold_key(a)).collect(),
            },
        );
    }
    for e in gazetteer.into_iter().flat_map(Gazetteer::entities) {
        let k = keys.entry(e.id.clone()).or_insert_with(|| Keys {
            candidate: Candidate { id: e.id.clone(), label: e.name.clone(), kind: e.kind, mentions: 0 },
            in_graph: false,
            primary: [fold_key(&e.id)].into_iter().collect(),
            aliases: BTreeSet::new(),
        });
        k.primary.insert(fold_key(&e.name));
        k.aliases.extend(e.aliases.iter().map(|a| fold_key(a)));
    }
    keys.into_values().collect()
}

fn decide(matches: Vec<&Keys>) -> Option<Resolution> {
    if matches.is_empty() {
        return None;
    }
    let (inside, outside): (Vec<&Keys>, Vec<&Keys>) = matches.into_iter().partition(|k| k.in_graph);
    Some(match inside.as_slice() {
        [one] => Resolution::Found(one.candidate.id.clone()),
        [] => Resolution::NotInGraph(outside.iter().map(|k| k.candidate.clone()).collect()),
        many => Resolution::Ambiguous(many.iter().map(|k| k.candidate.clone()).collect()),
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
    let all = collect_keys(graph, gazetteer);
    let tier = |pred: &dyn Fn(&Keys) -> bool| decide(all.iter().filter(|k| pred(k)).collect());
    if key.is_empty() {
        return Resolution::NotFound(Vec::new());
    }
    if let Some(r) = tier(&|k| k.primary.contains(&key)) {
        return r;
    }
    if let Some(r) = tier(&|k| k.aliases.contains(&key)) {
        return r;
    }
    let bare = strip_articles(&key);
    if !bare.is_empty() {
        let names =
            |k: &Keys| -> Vec<String> { k.primary.iter().chain(&k.aliases).map(|n| strip_articles(n)).collect() };
        if let Some(r) = tier(&|k| names(k).contains(&bare)) {
            return r;
        }
        if bare.len() >= 3
            && let Some(r) = tier(&|k| names(k).iter().any(|n| contains_words(n, &bare)))
        {
            return r;
        }
    }
    Resolution::NotFound(suggest(&all, &key))
}

/// The entities whose names are nearest to `key` by edit distance: whole names, or (for a
/// one-word query) single words of a name.
fn suggest(all: &[Keys], key: &str) -> Vec<Candidate> {
    let limit = typo_limit(key.chars().count());
    let one_word = !key.contains(' ');
    let mut scored: Vec<(usize, bool, u64, &Candidate)> = Vec::new();
    for k in all {
        let mut best = limit + 1;
        for name in k.primary.iter().chain(&k.aliases) {
            best = best.min(edit_distance(key, name, limit));
            if one_word {
                for word in name.split(' ').filter(|w| w.chars().count() >= 4) {
                    best = best.min(edit_distance(key, word, limit));
                }
            }
        }
        if best <= limit {
            scored.push((best, !k.in_graph, u64::MAX - k.candidate.mentions, &k.candidate));
        }
    }
    scored.sort_by(|a, b| (a.0, a.1, a.2, &a.3.id).cmp(&(b.0, b.1, b.2, &b.3.id)));
    scored.into_iter().take(MAX_SUGGESTIONS).map(|s| s.3.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::parse_str;
    use crate::graph::Node;
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
                node("kataib_hezbollah", "Kataib Hezbollah", EntityType::Militia, &["Kata'ib Hezbollah"]),
                node("qais_al_khazali", "Qais al-Khazali", EntityType::Person, &["Qais al-Khazali"]),
                node("abu_ali_one", "Abu Ali al-Basri", EntityType::Person, &["Abu Ali"]),
                node("abu_ali_two", "Abu Ali al-Askari", EntityType::Person, &["Abu Ali"]),
                node("washington", "Washington", EntityType::Place, &["Washington"]),
                node("united_states", "United States", EntityType::Government, &["Washington", "US"]),
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
        for q in ["kataib_hezbollah", "kataib hezbollah", "Kata’ib Hezbollah", "KATAIB-HEZBOLLAH", " Kataib Hezbollah "]
        {
            assert_eq!(found(q), Resolution::Found("kataib_hezbollah".into()), "query {q:?}");
        }
        assert_eq!(found("us"), Resolution::Found("united_states".into()));
    }

    #[test]
    fn canonical_name_beats_alias() {
        assert_eq!(found("washington"), Resolution::Found("washington".into()));
    }

    #[test]
    fn article_and_single_word() {
        assert_eq!(found("Qais Khazali"), Resolution::Found("qais_al_khazali".into()));
        assert_eq!(found("khazali"), Resolution::Found("qais_al_khazali".into()));
    }

    #[test]
    fn ambiguous_alias_lists_candidates() {
        let Resolution::Ambiguous(c) = found("abu ali") else { panic!("{:?}", found("abu ali")) };
        assert_eq!(c.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["abu_ali_one", "abu_ali_two"]);
    }

    #[test]
    fn misspelling_gets_suggestions() {
        let Resolution::NotFound(s) = found("kataib hizbollah") else { panic!() };
        assert_eq!(s[0].id, "kataib_hezbollah");
        let Resolution::NotFound(s) = found("khazaly") else { panic!() };
        assert_eq!(s[0].id, "qais_al_khazali");
        assert_eq!(found("zzzzzzzz"), Resolution::NotFound(vec![]));
        assert_eq!(found(""), Resolution::NotFound(vec![]));
    }

    #[test]
    fn gazetteer_aliases_resolve() {
        let gaz = parse_str(
            Path::new("t.gaz"),
            "[kataib_hezbollah]\ntype = militia\nname = Kataib Hezbollah\naliases = KH\n\n[iran]\ntype = government\nname = Iran\n",
        )
        .unwrap();
        let g = graph();
        assert_eq!(resolve(&g, Some(&gaz), "KH"), Resolution::Found("kataib_hezbollah".into()));
        assert_eq!(resolve(&g, None, "KH"), Resolution::NotFound(vec![]));
        let Resolution::NotInGraph(c) = resolve(&g, Some(&gaz), "iran") else { panic!() };
        assert_eq!(c[0].id, "iran");
    }

    #[test]
    fn bounded_edit_distance() {
        assert_eq!(edit_distance("kitten", "sitting", 5), 3);
        assert_eq!(edit_distance("kitten", "sitting", 2), 3);
        assert_eq!(edit_distance("", "abc", 3), 3);
    }
}
