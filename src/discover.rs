//! Names a corpus uses that the gazetteer lacks: the report behind `newsgraph unknown`,
//! the step of the curation loop between building a graph and adding entities.
//!
//! Each document is tagged as usual; then, outside the mentions found, runs of
//! capitalised words (`Saraya Awliya al-Dam`, `Abu Fadak`, `bin Laden`, `Ministry of
//! Oil`: `al-`, `Abu`, `bin`, `ibn`, `of`, `the` and hyphens are kept inside a name) are
//! candidates. Photo credits, bylines and datelines (`Photo: NAME/AFP`, `By NAME`,
//! `NAME / AFP`, `BAGHDAD (Reuters) -`) are left out. Each candidate gets a suggested
//! type from the evidence around it (a head word such as `Brigades`, `Ministry` or
//! `Square`; a title or role before it: `commander X`, `President X`; a locative before it:
//! `in X`; a role after it: `X, the leader of`), the known entities it shares sentences
//! with, the relation cues of those sentences, and evidence sentences. The spellings of
//! one name (articles dropped, spaces squeezed: [`loose_key`]) and a person's surname
//! written alone are counted together. A candidate whose folded form is within a small
//! edit distance of a known alias, or whose words are all words of one, is reported as a
//! likely spelling of that entity, to add as an alias rather than as a new entity.

use crate::corpus::Document;
use crate::gazetteer::{Entity, EntityType, Gazetteer, loose_key};
use crate::pipeline::Analysis;
use crate::text::{Span, fold_key};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// A known entity a candidate may be a spelling of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The entity's id.
    pub entity: String,
    /// The alias of the entity the candidate is closest to.
    pub alias: String,
    /// Why: `edit distance N on folded forms` or `every word is a word of 'ALIAS'`.
    pub why: String,
}

/// One sentence a candidate was seen in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evidence {
    /// The document id.
    pub doc: String,
    /// The sentence's bytes in the document.
    pub span: Span,
    /// The sentence.
    pub text: String,
}

/// A name the gazetteer lacks.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The most frequent spelling.
    pub name: String,
    /// An id for it, the name folded into lower snake case.
    pub id: String,
    /// Every spelling seen, most frequent first (the name included).
    pub spellings: Vec<String>,
    /// The suggested type, when the evidence suggests one.
    pub kind: Option<EntityType>,
    /// The evidence for the type, strongest first (`head word 'Brigades'`, `after 'commander'`).
    pub why: Vec<String>,
    /// Number of documents that use the name.
    pub docs: usize,
    /// Number of times it is used.
    pub mentions: usize,
    /// Known entities named in the same sentences, with the number of sentences, most first.
    pub cooccurs: Vec<(String, usize)>,
    /// Relation cues in its sentences (`claimed responsibility`, `backed by`), most first.
    pub cues: Vec<(String, usize)>,
    /// A known entity it is probably a spelling of.
    pub likely: Option<Match>,
    /// The first sentences it was seen in (at most three).
    pub evidence: Vec<Evidence>,
}

/// Words that are connectors inside a name: kept between capitalised words, never at an end.
const INNER: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "of", "the", "for", "and", "de", "ul",
];
/// Connectors kept inside a name only after a word that heads a body (`Ministry of Oil`,
/// `League of the Righteous`); elsewhere `of` ends the name (`Anise Basri of the ...`).
const BODY_CONNECTORS: &[&str] = &["of", "the", "for", "and"];
/// Words that may head a body before `of`, besides the head words of each type.
const BODY_WORDS: &[&str] = &[
    "league",
    "body",
    "party",
    "union",
    "army",
    "forces",
    "organization",
    "organisation",
    "coalition",
    "alliance",
    "bureau",
    "republic",
    "kingdom",
    "people",
    "sons",
    "soldiers",
    "men",
    "guardians",
    "partisans",
    "supporters",
    "army",
    "islamic",
    "state",
    "federation",
];

/// Head words that make a group an armed group, with the evidence they give.
const MILITIA_HEADS: &[&str] = &[
    "brigades",
    "brigade",
    "battalion",
    "battalions",
    "front",
    "movement",
    "saraya",
    "harakat",
    "kataib",
    "kataeb",
    "asaib",
    "asaeb",
    "jaish",
    "liwa",
    "ansar",
    "hezbollah",
    "hizbullah",
    "militia",
    "faction",
    "squad",
    "squads",
    "guards",
    "resistance",
    "mujahideen",
    "jihad",
    "companions",
    "martyrs",
    "knights",
    "lions",
    "ahl",
    "sarayat",
    "usbat",
    "fasail",
];
/// Head words that make a body an organ of a state.
const GOVERNMENT_HEADS: &[&str] = &[
    "ministry",
    "ministries",
    "council",
    "parliament",
    "department",
    "agency",
    "directorate",
    "commission",
    "service",
    "command",
    "court",
    "office",
    "cabinet",
    "government",
    "authority",
    "embassy",
    "police",
];
/// Head words that make a name a place.
const PLACE_HEADS: &[&str] = &[
    "zone",
    "square",
    "district",
    "street",
    "city",
    "province",
    "governorate",
    "airport",
    "base",
    "bridge",
    "camp",
    "neighborhood",
    "neighbourhood",
    "village",
    "town",
    "valley",
    "mountain",
    "mountains",
    "river",
    "desert",
    "road",
    "highway",
    "port",
    "border",
    "crossing",
    "island",
    "region",
    "quarter",
    "market",
    "palace",
    "compound",
    "field",
    "hospital",
    "mosque",
    "shrine",
    "university",
];
/// Words before a name that make it a person (titles and roles).
const PERSON_BEFORE: &[&str] = &[
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chief",
    "president",
    "minister",
    "premier",
    "sheikh",
    "shaikh",
    "cleric",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "lieutenant",
    "brigadier",
    "captain",
    "mr",
    "mrs",
    "ms",
    "dr",
    "secretary",
    "ambassador",
    "envoy",
    "official",
    "deputy",
    "lawmaker",
    "mp",
    "judge",
    "governor",
    "ayatollah",
    "imam",
    "prime",
    "senator",
    "head",
    "founder",
    "emir",
    "sayyed",
    "sayyid",
    "analyst",
    "researcher",
    "journalist",
    "activist",
    "director",
    "adviser",
    "advisor",
    "representative",
];
/// Roles after a name and a comma that make it a person (`X, the leader of`).
const PERSON_AFTER: &[&str] = &[
    "leader",
    "head",
    "commander",
    "spokesman",
    "chief",
    "founder",
    "secretary",
    "secretary-general",
    "minister",
    "president",
    "deputy",
    "member",
    "who",
];
/// Words before a name that make it a place.
const LOCATIVES: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "inside",
    "into",
    "across",
    "toward",
    "towards",
    "around",
    "within",
    "throughout",
    "reached",
];
/// Words before a name that make it an armed group.
const MILITIA_BEFORE: &[&str] = &[
    "militia", "group", "faction", "groups", "militias", "factions", "outfit",
];
/// The relation cues reported beside a candidate, as folded phrases.
const CUES: &[&str] = &[
    "claimed responsibility",
    "claim of responsibility",
    "backed by",
    "-backed",
    "pro-iran",
    "allied with",
    "affiliated with",
    "loyal to",
    "leader of",
    "head of",
    "commander of",
    "spokesman for",
    "spokesman of",
    "member of",
    "attacked",
    "attack on",
    "attacks on",
    "struck",
    "targeted",
    "threatened",
    "warned",
    "blamed",
    "accused",
    "condemned",
    "met",
    "sanctioned",
    "killed",
    "launched",
    "fired",
];
/// Capitalised words that start sentences or name times, not entities.
const NOT_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr",
    "mrs",
    "ms",
    "dr",
    "however",
    "meanwhile",
    "read",
    "according",
    "earlier",
    "later",
    "last",
    "since",
    "despite",
    "while",
    "although",
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "there",
    "their",
    "his",
    "her",
    "its",
    "our",
    "in",
    "on",
    "at",
    "as",
    "but",
    "and",
    "or",
    "if",
    "when",
    "after",
    "before",
    "a",
    "an",
    "the",
    "some",
    "many",
    "one",
    "two",
    "three",
    "several",
    "other",
    "others",
    "sources",
    "officials",
    "experts",
    "shiite",
    "shia",
    "sunni",
    "muslim",
    "muslims",
    "islamic",
    "arab",
    "arabs",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "twitter",
    "facebook",
    "telegram",
    "instagram",
    "youtube",
    "whatsapp",
    "covid",
    "coronavirus",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "zionist",
    "zionists",
    "english",
    "arabic",
    "persian",
];
/// Demonyms and adjectives of place: never a name of their own.
const DEMONYMS: &[&str] = &[
    "iraqi",
    "iraqis",
    "iranian",
    "iranians",
    "american",
    "americans",
    "kurdish",
    "kurd",
    "kurds",
    "syrian",
    "syrians",
    "turkish",
    "israeli",
    "israelis",
    "lebanese",
    "saudi",
    "saudis",
    "british",
    "french",
    "german",
    "russian",
    "russians",
    "chinese",
    "qatari",
    "emirati",
    "jordanian",
    "egyptian",
    "yemeni",
    "palestinian",
    "palestinians",
    "european",
    "yazidi",
    "yazidis",
    "christian",
    "christians",
    "turkmen",
    "sadrist",
    "sadrists",
    "pro-iranian",
    "pro-iran",
    "us-led",
    "iran-backed",
    "iran-aligned",
    "baathist",
];

static TOKEN: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*[\p{L}\p{N}]|[\p{L}\p{N}]").unwrap());
static DATELINE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[A-Z][A-Z .,'-]{2,40}(\([A-Za-z .]+\))?\s*[-–—:]\s").unwrap());
static CREDIT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(photo|photograph|picture|image|credit|file photo)s?\s*:|/\s*(afp|reuters|ap|getty|epa|xinhua)\b").unwrap()
});
static BYLINE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^\s*(By|BY|Written by|Reporting by)\s+\p{Lu}").unwrap());
static AGENCY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b(AFP|Reuters|AP|Getty Images|EPA|Xinhua|News Desk)\b").unwrap());

/// The byte ranges of a text that are credits, bylines and datelines: no name there counts.
fn boilerplate(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let body = line.trim_end();
        if BYLINE.is_match(body) {
            out.push((start, end));
        } else if let Some(m) = CREDIT.find(body) {
            // A labelled credit runs from its label to the end of the line (`... 2020.
            // Photo: NAME/ AFP`); an unlabelled one (`NAME / AFP`) from the sentence start.
            let from = if m.as_str().starts_with('/') {
                body[..m.start()].rfind(['.', '|']).map_or(0, |p| p + 1)
            } else {
                m.start()
            };
            out.push((start + from, end));
        } else if let Some(m) = DATELINE.find(body) {
            out.push((start, start + m.end()));
        } else if body.len() < 80 && AGENCY.is_match(body) {
            out.push((start, end));
        }
        start = end;
    }
    out
}

fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `al-Haq`, `el-Dam`, `bin-Laden`: a connector glued to a capitalised word.
fn is_glued_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    [
        "al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-",
    ]
    .iter()
    .any(|p| {
        lower.starts_with(p)
            && word[p.len()..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    })
}

/// A word folded, without a possessive `'s`.
fn lower(w: &str) -> String {
    let k = fold_key(w);
    k.strip_suffix("'s").map(String::from).unwrap_or(k)
}

fn heads_a_body(w: &str) -> bool {
    BODY_WORDS.contains(&w)
        || MILITIA_HEADS.contains(&w)
        || GOVERNMENT_HEADS.contains(&w)
        || BODY_CONNECTORS.contains(&w)
}

/// A headline or a title-case line: most of its longer words are capitalised.
fn is_title_case(s: &str) -> bool {
    let words: Vec<&str> = TOKEN
        .find_iter(s)
        .map(|m| m.as_str())
        .filter(|w| w.len() > 3)
        .collect();
    let caps = words.iter().filter(|w| is_capitalised(w)).count();
    words.len() >= 3 && caps * 10 >= words.len() * 7
}

/// A name made only of titles, roles and ordinary words (`Prime Minister`, `State`).
fn only_ordinary_words(name: &str, common: &HashSet<String>) -> bool {
    fold_key(name)
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .all(|w| {
            PERSON_BEFORE.contains(&w)
                || NOT_NAMES.contains(&w)
                || DEMONYMS.contains(&w)
                || INNER.contains(&w)
                || common.contains(w)
                || ORDINARY.contains(&w)
        })
}

/// Capitalised words of titles and headlines that are not names on their own.
const ORDINARY: &[&str] = &[
    "prime",
    "spokeswoman",
    "populist",
    "radical",
    "following",
    "beheading",
    "crisis",
    "continues",
    "continue",
    "blocking",
    "crack",
    "recovery",
    "package",
    "humanitarian",
    "foreign",
    "defense",
    "interior",
    "affairs",
    "national",
    "international",
    "gulf",
    "kingdom",
    "regime",
    "division",
];

/// One sighting of a candidate name.
struct Sighting {
    name: String,
    doc: usize,
    sentence: Span,
    before: Vec<String>,
    after: String,
}

/// Every name of the corpus the gazetteer lacks, ranked by documents, then mentions.
pub fn unknown_names(
    gazetteer: &Gazetteer,
    docs: &[Document],
    analyses: &[Analysis],
) -> Vec<Candidate> {
    let common = crate::gazetteer::CheckWords::builtin().common_words;
    let mut sightings: Vec<Sighting> = Vec::new();
    for (di, (doc, analysis)) in docs.iter().zip(analyses).enumerate() {
        let text = doc.text.as_str();
        let skip = boilerplate(text);
        let covered = |s: usize, e: usize| {
            analysis
                .mentions
                .iter()
                .any(|m| m.span.start < e && s < m.span.end)
                || skip.iter().any(|&(a, b)| a < e && s < b)
        };
        for sentence in &analysis.sentences {
            let stext = sentence.of(text);
            if is_title_case(stext) {
                continue;
            }
            let tokens: Vec<(usize, usize)> = TOKEN
                .find_iter(stext)
                .map(|m| (sentence.start + m.start(), sentence.start + m.end()))
                .collect();
            let word = |i: usize| &text[tokens[i].0..tokens[i].1];
            let mut i = 0;
            while i < tokens.len() {
                let w = word(i);
                let starts =
                    (is_capitalised(w) || is_glued_name(w)) && !covered(tokens[i].0, tokens[i].1);
                if !starts {
                    i += 1;
                    continue;
                }
                // Extend over capitalised words and inner connectors followed by one.
                let mut j = i + 1;
                let mut last = i;
                while j < tokens.len() {
                    let gap = &text[tokens[j - 1].1..tokens[j].0];
                    if !(gap == " " || gap == "-") || covered(tokens[j].0, tokens[j].1) {
                        break;
                    }
                    let wj = word(j);
                    if is_capitalised(wj) || is_glued_name(wj) {
                        last = j;
                        j += 1;
                    } else if INNER.contains(&lower(wj).as_str())
                        && (!BODY_CONNECTORS.contains(&lower(wj).as_str())
                            || heads_a_body(&lower(word(j - 1))))
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let mut first = i;
                // Leading function words, titles and times are context, not the name.
                while first <= last {
                    let l = lower(word(first));
                    if NOT_NAMES.contains(&l.as_str())
                        || PERSON_BEFORE.contains(&l.as_str())
                        || DEMONYMS.contains(&l.as_str())
                        || INNER.contains(&l.as_str())
                    {
                        first += 1;
                    } else {
                        break;
                    }
                }
                while last > first && DEMONYMS.contains(&lower(word(last)).as_str()) {
                    last -= 1;
                }
                if first <= last {
                    let mut name = text[tokens[first].0..tokens[last].1].to_string();
                    for p in ["'s", "’s"] {
                        if let Some(n) = name.strip_suffix(p) {
                            name = n.to_string();
                        }
                    }
                    let sentence_initial = first == 0;
                    let single = first == last;
                    let l = lower(&name);
                    let plausible = !(single
                        && (sentence_initial
                            || NOT_NAMES.contains(&l.as_str())
                            || DEMONYMS.contains(&l.as_str())
                            || l.chars().count() < 3
                            || name.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())))
                        && !name.chars().all(|c| c.is_ascii_digit())
                        && !only_ordinary_words(&name, &common)
                        // `Department Spokeswoman`: a name does not end in a title.
                        && !PERSON_BEFORE.contains(&lower(word(last)).as_str());
                    if plausible {
                        let before: Vec<String> = (first.saturating_sub(3)..first)
                            .map(|k| lower(word(k)))
                            .collect();
                        let after: String = text[tokens[last].1..sentence.end]
                            .chars()
                            .take(40)
                            .collect::<String>()
                            .to_lowercase();
                        sightings.push(Sighting {
                            name,
                            doc: di,
                            sentence: *sentence,
                            before,
                            after,
                        });
                    }
                }
                i = j.max(i + 1);
            }
        }
    }
    group(gazetteer, docs, analyses, sightings)
}

fn group(
    gazetteer: &Gazetteer,
    docs: &[Document],
    analyses: &[Analysis],
    sightings: Vec<Sighting>,
) -> Vec<Candidate> {
    // Spellings that meet once folded loosely are one name.
    let mut groups: BTreeMap<String, Vec<&Sighting>> = BTreeMap::new();
    for s in &sightings {
        groups.entry(loose_key(&s.name)).or_default().push(s);
    }
    // A one-word name that is the last word of a multi-word name is its surname
    // (`Khazali` after `Qais al-Khazali`), when exactly one such name exists.
    let mut surnames: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (key, list) in &groups {
        let words: Vec<String> = fold_key(&list[0].name)
            .split(' ')
            .filter(|w| !INNER.contains(w))
            .map(String::from)
            .collect();
        if words.len() >= 2 {
            let last = words.last().expect("two words").replace(['-', '\''], "");
            surnames.entry(last).or_default().push(key.clone());
        }
    }
    let singles: Vec<String> = groups
        .keys()
        .filter(|k| surnames.get(*k).is_some_and(|v| v.len() == 1))
        .cloned()
        .collect();
    for k in singles {
        let target = surnames[&k][0].clone();
        if target != k {
            let moved = groups.remove(&k).expect("present");
            groups.get_mut(&target).expect("present").extend(moved);
        }
    }

    let given = crate::gazetteer::CheckWords::builtin().given_names;
    let known_aliases: Vec<(&Entity, &str, String)> = gazetteer
        .entities()
        .flat_map(|e| e.names().map(move |n| (e, n, loose_key(n))))
        .filter(|(_, _, k)| !k.is_empty())
        .collect();

    let mut out = Vec::new();
    for list in groups.values() {
        let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
        for s in list {
            *spellings.entry(s.name.as_str()).or_default() += 1;
        }
        let mut spellings: Vec<(&str, usize)> = spellings.into_iter().collect();
        // Most used first; among equals the longest (the full name before the surname).
        spellings.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then(b.0.len().cmp(&a.0.len()))
                .then(a.0.cmp(b.0))
        });
        let name = longest_of_most_used(&spellings);
        let doc_set: BTreeSet<usize> = list.iter().map(|s| s.doc).collect();
        let (kind, why) = suggest_type(&name, list, &given);
        let mut co: BTreeMap<String, usize> = BTreeMap::new();
        let mut cues: BTreeMap<&str, usize> = BTreeMap::new();
        let mut seen_sentences: BTreeSet<(usize, Span)> = BTreeSet::new();
        let mut evidence = Vec::new();
        for s in list {
            if !seen_sentences.insert((s.doc, s.sentence)) {
                continue;
            }
            let text = &docs[s.doc].text;
            let stext = s.sentence.of(text);
            let mut ids: BTreeSet<&str> = BTreeSet::new();
            for m in &analyses[s.doc].mentions {
                if s.sentence.start <= m.span.start && m.span.end <= s.sentence.end {
                    ids.insert(&m.entity);
                }
            }
            for id in ids {
                *co.entry(id.to_string()).or_default() += 1;
            }
            let folded = stext.to_lowercase();
            for cue in CUES {
                if folded.contains(cue) {
                    *cues.entry(cue).or_default() += 1;
                }
            }
            if evidence.len() < 3 {
                evidence.push(Evidence {
                    doc: docs[s.doc].id.clone(),
                    span: s.sentence,
                    text: stext.split_whitespace().collect::<Vec<_>>().join(" "),
                });
            }
        }
        let mut cooccurs: Vec<(String, usize)> = co.into_iter().collect();
        cooccurs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        cooccurs.truncate(5);
        let mut cues: Vec<(String, usize)> =
            cues.into_iter().map(|(c, n)| (c.to_string(), n)).collect();
        cues.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let likely = spellings
            .iter()
            .find_map(|(sp, _)| likely_match(sp, kind, &known_aliases));
        let (mut kind, mut why) = (kind, why);
        if let (None, Some(m)) = (kind, &likely) {
            kind = gazetteer.get(&m.entity).map(|e| e.kind);
            why.push(format!("the type of '{}'", m.entity));
        }
        out.push(Candidate {
            id: id_of(&name),
            spellings: spellings.iter().map(|(s, _)| s.to_string()).collect(),
            name,
            kind,
            why,
            docs: doc_set.len(),
            mentions: list.len(),
            cooccurs,
            cues,
            likely,
            evidence,
        });
    }
    out.sort_by(|a, b| {
        b.docs
            .cmp(&a.docs)
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    out
}

/// The name to give: the most used spelling of two words or more if there is one.
fn longest_of_most_used(spellings: &[(&str, usize)]) -> String {
    spellings
        .iter()
        .find(|(s, _)| s.contains([' ', '-']))
        .or(spellings.first())
        .map(|(s, _)| s.to_string())
        .unwrap_or_default()
}

/// `Saraya Awliya al-Dam` -> `saraya_awliya_al_dam`.
pub fn id_of(name: &str) -> String {
    let mut id = String::new();
    for c in fold_key(name).chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if (c == ' ' || c == '-') && !id.ends_with('_') {
            id.push('_');
        }
    }
    id.trim_matches('_').to_string()
}

fn suggest_type(
    name: &str,
    list: &[&Sighting],
    given: &HashSet<String>,
) -> (Option<EntityType>, Vec<String>) {
    let words: Vec<String> = fold_key(name)
        .split([' ', '-'])
        .map(String::from)
        .filter(|w| !w.is_empty())
        .collect();
    let mut score: BTreeMap<EntityType, (usize, Vec<String>)> = BTreeMap::new();
    let mut add = |t: EntityType, weight: usize, why: String| {
        let e = score.entry(t).or_default();
        e.0 += weight;
        if !e.1.contains(&why) {
            e.1.push(why);
        }
    };
    let (head, first) = (words.last().cloned().unwrap_or_default(), words[0].clone());
    if name.starts_with("Ministry of") || name.starts_with("Ministry") {
        add(EntityType::Government, 10, "head word 'Ministry'".into());
    }
    for (w, weight) in [(&head, 6), (&first, 6)] {
        if MILITIA_HEADS.contains(&w.as_str()) {
            add(EntityType::Militia, weight, format!("head word '{w}'"));
        }
        if GOVERNMENT_HEADS.contains(&w.as_str()) {
            add(
                EntityType::Government,
                weight - 1,
                format!("head word '{w}'"),
            );
        }
    }
    if PLACE_HEADS.contains(&head.as_str()) {
        add(EntityType::Place, 6, format!("head word '{head}'"));
    }
    if words.len() >= 2 && given.contains(&first) {
        add(EntityType::Person, 2, format!("given name '{first}'"));
    } else if words.len() == 1 && given.contains(&first) {
        add(EntityType::Person, 1, format!("given name '{first}'"));
    }
    if first == "abu" || words.iter().any(|w| w == "bin" || w == "ibn") {
        add(
            EntityType::Person,
            3,
            format!("name part '{}'", if first == "abu" { "Abu" } else { "bin" }),
        );
    }
    for s in list {
        let prev = s.before.last().map(String::as_str).unwrap_or("");
        let prev2 = s
            .before
            .iter()
            .rev()
            .nth(1)
            .map(String::as_str)
            .unwrap_or("");
        if PERSON_BEFORE.contains(&prev) {
            add(EntityType::Person, 3, format!("after '{prev}'"));
        }
        if LOCATIVES.contains(&prev) || (prev == "the" && LOCATIVES.contains(&prev2)) {
            add(
                EntityType::Place,
                2,
                format!("after '{}'", if prev == "the" { prev2 } else { prev }),
            );
        }
        if MILITIA_BEFORE.contains(&prev) {
            add(EntityType::Militia, 3, format!("after '{prev}'"));
        }
        let after = s.after.trim_start_matches(['"', '”', '’', '\'']);
        if let Some(rest) = after.strip_prefix(", ") {
            let next = rest
                .trim_start_matches("the ")
                .split([' ', ','])
                .next()
                .unwrap_or("");
            if PERSON_AFTER.contains(&next) && !next.is_empty() {
                add(EntityType::Person, 3, format!("', {next}' after it"));
            }
        }
        for (cue, t) in [
            (" said", EntityType::Person),
            (" told", EntityType::Person),
            (" tweeted", EntityType::Person),
            (" militia", EntityType::Militia),
            (" group", EntityType::Militia),
            (" claimed", EntityType::Militia),
            (" neighborhood", EntityType::Place),
            (" neighbourhood", EntityType::Place),
            (" district", EntityType::Place),
            (" province", EntityType::Place),
        ] {
            if after.starts_with(cue) {
                add(t, 1, format!("'{}' after it", cue.trim()));
            }
        }
    }
    let best = score
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.0.cmp(&a.0)));
    match best {
        Some((t, (_, why))) => (Some(t), why),
        None => (None, Vec::new()),
    }
}

/// Levenshtein distance over characters, giving up past `max`.
fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        let mut best = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            best = best.min(cur[j + 1]);
        }
        if best > max {
            return None;
        }
        prev = cur;
    }
    Some(prev[b.len()]).filter(|d| *d <= max)
}

fn likely_match(
    spelling: &str,
    kind: Option<EntityType>,
    known: &[(&Entity, &str, String)],
) -> Option<Match> {
    let key = loose_key(spelling);
    let len = key.chars().count();
    let words: HashSet<String> = fold_key(spelling)
        .split([' ', '-'])
        .filter(|w| !INNER.contains(w) && !w.is_empty())
        .map(String::from)
        .collect();
    // Short names are too easily one letter from another name.
    let max = match len {
        0..=5 => 0,
        6..=9 => 1,
        10..=15 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &Entity, &str)> = None;
    for (e, alias, k) in known {
        if kind.is_some_and(|t| t != e.kind) {
            continue;
        }
        if let Some(d) = edit_distance(&key, k, max)
            && best.is_none_or(|(bd, _, _)| d < bd)
        {
            best = Some((d, e, alias));
        }
    }
    if let Some((d, e, alias)) = best {
        return Some(Match {
            entity: e.id.clone(),
            alias: alias.to_string(),
            why: if d == 0 {
                "the same name once articles, spaces and punctuation are dropped".into()
            } else {
                format!("edit distance {d} on folded forms")
            },
        });
    }
    if words.len() >= 2 {
        for (e, alias, _) in known {
            if kind.is_some_and(|t| t != e.kind) {
                continue;
            }
            let theirs: HashSet<String> = fold_key(alias)
                .split([' ', '-'])
                .filter(|w| !INNER.contains(w) && !w.is_empty())
                .map(String::from)
                .collect();
            if words.is_subset(&theirs) && theirs.len() <= words.len() + 1 {
                return Some(Match {
                    entity: e.id.clone(),
                    alias: alias.to_string(),
                    why: format!("every word is a word of '{alias}'"),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_distances() {
        assert_eq!(id_of("Saraya Awliya al-Dam"), "saraya_awliya_al_dam");
        assert_eq!(edit_distance("qaiskhazaly", "qaiskhazali", 2), Some(1));
        assert_eq!(edit_distance("abc", "xyz", 1), None);
    }

    #[test]
    fn credits_bylines_and_datelines_are_boilerplate() {
        let text = "BAGHDAD (Reuters) - Rockets fell.\nBy John Smith\nNajaf, 2020. Photo: Haidar Hamadani/ AFP\nMaya GEBEILY / AFP\n";
        let b = boilerplate(text);
        let cut: Vec<&str> = b.iter().map(|&(s, e)| text[s..e].trim()).collect();
        assert_eq!(
            cut,
            [
                "BAGHDAD (Reuters) -",
                "By John Smith",
                "Photo: Haidar Hamadani/ AFP",
                "Maya GEBEILY / AFP"
            ]
        );
    }
}
