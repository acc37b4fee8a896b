//! The clause layer between tagging and rules: which mention heads which phrase.
//!
//! Rules and frames read a sentence as tokens; this module marks and rearranges them so
//! that a slot is filled by the head of a phrase in the right role, never by a mention
//! buried in another phrase:
//!
//! - **Obliques.** A mention after a preposition (`in Iraq`, `of the PMF`, `near Erbil`,
//!   with articles, possessive pronouns, compass words and demonyms between) is the object
//!   of that preposition, and so are the items of a list begun there (`in Iraq and Syria`).
//!   The matcher lets such a mention fill a slot only right after a word the pattern
//!   itself names (`attack on Y`, `Y in X`): `Militias in Iraq and Syria have targeted US
//!   bases` makes neither Iraq nor Syria an attacker.
//! - **Relative clauses and appositions.** `X, which is backed by Iran, attacked Y`,
//!   `X, the leader of Y, criticised Z` and `X, backed by Iran, attacked Y` are read as
//!   several clauses: the main clause without the inserted phrase (`X attacked Y`, `X
//!   criticised Z`), and the inserted phrase with its antecedent as its subject (`X is
//!   backed by Iran`, `X , the leader of Y`). Rules run on each clause.
//! - **Reported speech.** In `"We will strike back," the group said` and `X said: we will
//!   ...`, the first-person pronouns of the quote stand for the speaker.

use super::tokens::{Filler, Token, Via};
use super::vocab::Vocab;
use crate::gazetteer::EntityType;

/// Prepositions whose object is not a clause's subject.
pub const PREPOSITIONS: &[&str] = &[
    "in",
    "inside",
    "into",
    "within",
    "across",
    "throughout",
    "near",
    "around",
    "outside",
    "from",
    "at",
    "of",
    "to",
    "toward",
    "towards",
    "with",
    "for",
    "against",
    "on",
    "over",
    "under",
    "between",
    "among",
    "amid",
    "during",
    "about",
    "via",
    "through",
    "beyond",
    "along",
    "by",
    "than",
    "upon",
];

/// Words a preposition may stand before its object with (`in the northern city of`).
const BETWEEN: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "neighbouring",
    "neighboring",
    "nearby",
    "restive",
    "oil-rich",
    "capital",
];

/// Words that open an apposition after a name (`X, the leader of Y,`, `X, part of Y,`).
const APPOSITION_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "leader",
    "head",
    "chief",
    "commander",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "founder",
    "secretary",
    "minister",
    "president",
    "deputy",
    "member",
    "part",
    "one",
    "former",
    "now",
    "once",
    "itself",
    "also",
    "home",
    "chairman",
    "director",
    "governor",
    "mayor",
];

/// Participles that open a reduced relative clause (`X, backed by Iran,`).
const PARTICIPLES: &[&str] = &[
    "backed",
    "supported",
    "armed",
    "funded",
    "financed",
    "sponsored",
    "trained",
    "equipped",
    "led",
    "headed",
    "founded",
    "created",
    "formed",
    "based",
    "allied",
    "aligned",
    "affiliated",
    "loyal",
    "close",
    "known",
    "described",
    "designated",
    "blamed",
    "accused",
];

/// Nouns a mention may qualify (`the Erbil attack`, `US forces`, `Iraqi bases`).
const NOUNS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "bombing",
    "bombings",
    "raid",
    "raids",
    "assault",
    "offensive",
    "operation",
    "operations",
    "shelling",
    "ambush",
    "forces",
    "force",
    "troops",
    "army",
    "military",
    "officials",
    "official",
    "fighters",
    "militants",
    "gunmen",
    "militiamen",
    "soldiers",
    "personnel",
    "base",
    "bases",
    "embassy",
    "consulate",
    "convoy",
    "convoys",
    "position",
    "positions",
    "facility",
    "facilities",
    "headquarters",
    "office",
    "offices",
    "interests",
    "targets",
    "sites",
    "site",
    "camp",
    "camps",
    "compound",
    "residence",
    "leader",
    "leaders",
    "commander",
    "commanders",
    "members",
    "member",
    "commander",
    "leader",
    "officer",
    "official",
    "officials",
    "fighter",
    "drones",
    "drone",
    "missiles",
    "missile",
    "rockets",
    "rocket",
    "ships",
    "ship",
    "vessels",
    "vessel",
    "jets",
    "warplanes",
    "aircraft",
    "government",
    "authorities",
    "cell",
    "cells",
    "unit",
    "units",
    "faction",
    "factions",
    "proxies",
    "allies",
    "delegation",
    "envoy",
    "ambassador",
    "minister",
    "spokesman",
    "embassies",
    "patrol",
    "patrols",
    "checkpoint",
    "checkpoints",
    "outpost",
    "airport",
    "port",
];

/// Nouns after which `of X` means X itself (`members of X`; `by the name of X` too).
const PARTITIVES: &[&str] = &[
    "members",
    "member",
    "commander",
    "leader",
    "officer",
    "official",
    "officials",
    "fighter",
    "fighters",
    "soldiers",
    "troops",
    "commanders",
    "leaders",
    "officers",
    "personnel",
    "militants",
    "elements",
    "units",
    "dozens",
    "hundreds",
    "thousands",
    "scores",
    "some",
    "many",
    "several",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "most",
    "all",
    "remnants",
    "positions",
];

/// Words that show a phrase after a comma is a clause of its own, not an apposition.
const FINITE: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "announced",
    "warned",
    "claimed",
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "did",
    "does",
    "do",
    "can",
    "could",
];

/// Verbs of saying for a reporting clause (`..., the group said.`).
const SAY: &[&str] = &[
    "said",
    "says",
    "added",
    "stated",
    "warned",
    "declared",
    "announced",
    "told",
    "wrote",
    "insisted",
    "vowed",
    "tweeted",
    "posted",
];

/// Nouns that name an attack (`the attack on Y`), for the attack a later sentence means.
const EVENTS: &[&str] = &[
    "attack",
    "attacks",
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "bombing",
    "bombings",
    "raid",
    "raids",
    "assault",
    "shelling",
    "ambush",
    "assassination",
    "killing",
    "barrage",
    "bombardment",
];

/// Words between an attacker's name and the attack noun (`a US drone strike`).
const WEAPONS: &[&str] = &[
    "drone",
    "air",
    "missile",
    "rocket",
    "artillery",
    "mortar",
    "suicide",
    "car",
    "truck",
    "naval",
    "ground",
    "cross-border",
    "retaliatory",
];

/// Prepositions that name an attack's target after its noun.
const EVENT_ON: &[&str] = &["on", "against", "targeting", "at"];

/// First-person pronouns that stand for the speaker of a quote.
const WE: &[&str] = &["we", "us", "i", "me"];

/// The words every rule set must know for the clause layer.
pub fn words() -> impl Iterator<Item = &'static str> {
    PREPOSITIONS
        .iter()
        .chain(BETWEEN)
        .chain(APPOSITION_OPENERS)
        .chain(PARTICIPLES)
        .chain(FINITE)
        .chain(SAY)
        .chain(WE)
        .chain(NOUNS)
        .chain(PARTITIVES)
        .chain(EVENTS)
        .chain(WEAPONS)
        .chain(EVENT_ON)
        .chain(&[
            "which", "who", "whose", ",", ";", "--", ".", ":", "and", "or", "'s",
        ])
        .copied()
}

fn ids(vocab: &Vocab, words: &[&str]) -> Vec<u32> {
    let mut v: Vec<u32> = words.iter().map(|w| vocab.get(w)).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The clause layer's words, by vocabulary id.
#[derive(Debug, Clone)]
pub struct ClauseWords {
    preps: Vec<u32>,
    between: Vec<u32>,
    openers: Vec<u32>,
    articles: Vec<u32>,
    participles: Vec<u32>,
    finite: Vec<u32>,
    say: Vec<u32>,
    we: Vec<u32>,
    nouns: Vec<u32>,
    partitives: Vec<u32>,
    events: Vec<u32>,
    weapons: Vec<u32>,
    event_on: Vec<u32>,
    /// `,` `;` `--` `.`
    ends: Vec<u32>,
    joiners: Vec<u32>,
    comma: u32,
    colon: u32,
    of: u32,
    name: u32,
    by: u32,
    which: u32,
    who: u32,
    whose: u32,
    possessive: u32,
}

impl ClauseWords {
    /// Looks the clause words up in `vocab` (which [`words`] was interned into).
    pub fn new(vocab: &Vocab) -> ClauseWords {
        ClauseWords {
            preps: ids(vocab, PREPOSITIONS),
            between: ids(vocab, BETWEEN),
            openers: ids(vocab, APPOSITION_OPENERS),
            articles: ids(vocab, &["the", "a", "an"]),
            participles: ids(vocab, PARTICIPLES),
            finite: ids(vocab, FINITE),
            say: ids(vocab, SAY),
            we: ids(vocab, WE),
            nouns: ids(vocab, NOUNS),
            partitives: ids(vocab, PARTITIVES),
            events: ids(vocab, EVENTS),
            weapons: ids(vocab, WEAPONS),
            event_on: ids(vocab, EVENT_ON),
            ends: ids(vocab, &[",", ";", "--", "."]),
            joiners: ids(vocab, &[",", "and", "or"]),
            comma: vocab.get(","),
            colon: vocab.get(":"),
            of: vocab.get("of"),
            name: vocab.get("name"),
            by: vocab.get("by"),
            which: vocab.get("which"),
            who: vocab.get("who"),
            whose: vocab.get("whose"),
            possessive: vocab.get("'s"),
        }
    }
}

fn has(set: &[u32], w: u32) -> bool {
    set.binary_search(&w).is_ok()
}

/// A token that names an entity as a noun phrase head (not `Iran-` in `Iran-backed`, not
/// a demonym).
fn head(t: &Token) -> bool {
    !t.modifier && t.ent.is_some_and(|f| f.via != Via::Demonym)
}

/// Marks the mentions that are objects of a preposition ([`Token::oblique`]). A mention
/// before a noun (`for the Erbil attack`, `at US bases`) qualifies that noun, which is the
/// preposition's object: it is not marked.
pub fn mark_obliques(toks: &mut [Token], cw: &ClauseWords) {
    for i in 0..toks.len() {
        if !head(&toks[i]) || toks[i].ent.is_some_and(|f| f.via == Via::Pronoun) {
            continue;
        }
        if toks.get(i + 1).is_some_and(|n| has(&cw.nouns, n.word)) {
            continue;
        }
        let mut j = i;
        let mut oblique = false;
        while j > 0 {
            j -= 1;
            let t = &toks[j];
            if has(&cw.preps, t.word) {
                // `a group by the name of X`: X names the group, the phrase's head; in
                // `members of the Iraqi army`, `dozens of X`, X is who is meant.
                let by_name = j >= 3 && toks[j - 1].word == cw.name && toks[j - 3].word == cw.by;
                oblique = !(t.word == cw.of
                    && j > 0
                    && (has(&cw.partitives, toks[j - 1].word) || by_name));
                break;
            }
            let skippable = has(&cw.between, t.word)
                || t.ent.is_some_and(|f| f.via == Via::Demonym)
                || t.modifier
                || (t.word == cw.possessive && j > 0);
            if !skippable {
                // `in Iraq, Syria and Lebanon`: the next items of a list begun after a
                // preposition (by a comma only where the list goes on: `in Baghdad, Thamer
                // al-Sabhan, criticized` names the ambassador).
                let list_goes_on = t.word != cw.comma
                    || toks.get(i + 1).is_some_and(|n| has(&cw.joiners, n.word))
                        && toks
                            .get(i + 2)
                            .is_some_and(|n| head(n) || has(&cw.joiners, n.word));
                if has(&cw.joiners, t.word)
                    && j > 0
                    && toks[j - 1].oblique
                    && head(&toks[j - 1])
                    && list_goes_on
                {
                    oblique = true;
                }
                break;
            }
        }
        toks[i].oblique = oblique;
    }
}

/// Where the phrase inserted after the name at `i` ends (the index of its closing
/// punctuation, or the sentence's end), and where its own words begin.
fn inserted(
    text: &str,
    toks: &[Token],
    i: usize,
    cw: &ClauseWords,
) -> Option<(usize, usize, Kind)> {
    if !head(&toks[i]) || toks.get(i + 1)?.word != cw.comma {
        return None;
    }
    let open = toks.get(i + 2)?;
    let next = toks.get(i + 3);
    let kind = if open.word == cw.which || open.word == cw.who {
        // `, which Iraq has protested`, `, which President Erdogan has called`: the pronoun
        // is the object; the clause is read whole.
        let capital = |t: &Token| {
            text[t.start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        };
        if next.is_some_and(|n| head(n) || capital(n)) {
            return None;
        }
        Kind::Relative
    } else if open.word == cw.whose {
        Kind::Whose
    } else if has(&cw.participles, open.word) && open.ent.is_none() {
        Kind::Participle
    } else if head(open) && open.possessor {
        Kind::Apposition
    } else if has(&cw.articles, open.word) {
        // `X, the leader of Y`, `X, a Kataib Hezbollah commander`; not the list `X, the PUK and Y`.
        let n = next?;
        if head(n) {
            let after = toks.get(i + 4)?;
            if after.ent.is_some()
                || has(&cw.joiners, after.word)
                || has(&cw.ends, after.word)
                || has(&cw.preps, after.word)
            {
                return None;
            }
        }
        Kind::Apposition
    } else if has(&cw.openers, open.word) && open.ent.is_none() {
        Kind::Apposition
    } else {
        return None;
    };
    let from = i + 2;
    let mut end = from + 1;
    loop {
        while end < toks.len() && !has(&cw.ends, toks[end].word) {
            end += 1;
        }
        // `a banner used by X, Y and other groups,`: a list inside the phrase goes on.
        // `which gets money, training and arms from Y`: so does a list of words.
        let word = |k: usize| {
            toks.get(k)
                .filter(|t| t.ent.is_none() && !has(&cw.ends, t.word))
        };
        let joins = |k: usize| toks.get(k).is_some_and(|t| has(&cw.joiners, t.word));
        let list_goes_on = end < toks.len()
            && toks[end].word == cw.comma
            && ((head(&toks[end - 1]) && toks.get(end + 1).is_some_and(head))
                || (word(end - 1).is_some()
                    && word(end + 1).is_some()
                    && (joins(end + 2) || (word(end + 2).is_some() && joins(end + 3)))));
        if !list_goes_on {
            break;
        }
        end += 1;
    }
    if kind == Kind::Apposition && toks[from..end].iter().any(|t| has(&cw.finite, t.word)) {
        return None;
    }
    Some((from, end, kind))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `, which ...` / `, who ...`
    Relative,
    /// `, whose ...`
    Whose,
    /// `, backed by ...`
    Participle,
    /// `, the leader of ...`
    Apposition,
}

/// Splits a sentence's tokens into clauses: `main` gets the sentence without the phrases
/// inserted after a name, `subs` one clause per inserted phrase with the name as its
/// subject. Returns false (and leaves both empty) when nothing is inserted.
pub fn split(
    text: &str,
    toks: &[Token],
    cw: &ClauseWords,
    main: &mut Vec<Token>,
    subs: &mut Vec<Vec<Token>>,
) -> bool {
    main.clear();
    subs.clear();
    let mut i = 0;
    let mut copied = 0;
    while i < toks.len() {
        let Some((from, end, kind)) = inserted(text, toks, i, cw) else {
            i += 1;
            continue;
        };
        main.extend_from_slice(&toks[copied..=i]);
        let (mut from, mut end, mut kind, mut at) = (from, end, kind, i);
        loop {
            // The antecedent with the words of its noun phrase (`The Iran-aligned group`).
            let np = noun_phrase_start(toks, at, cw);
            let mut sub = toks[np..=at].to_vec();
            match kind {
                Kind::Relative => sub.extend_from_slice(&toks[from + 1..end]),
                Kind::Whose => {
                    let w = toks[from];
                    sub.push(Token {
                        word: cw.possessive,
                        ent: None,
                        ..w
                    });
                    sub.extend_from_slice(&toks[from + 1..end]);
                }
                Kind::Participle => sub.extend_from_slice(&toks[from..end]),
                Kind::Apposition => sub.extend_from_slice(&toks[from - 1..end]),
            }
            subs.push(sub);
            // `X, the commander of Y, the largest group in Z,`: a phrase inserted after
            // the last name of the phrase before.
            match inserted(text, toks, end - 1, cw) {
                Some((f, e, k)) if end > from && head(&toks[end - 1]) => {
                    (from, end, kind, at) = (f, e, k, end - 1);
                }
                _ => break,
            }
        }
        // The main clause goes on after the closing comma (kept if a list or a second verb
        // goes on: `X, the leader of Y, and Z`), or at the sentence's end.
        let and_follows = toks
            .get(end + 1)
            .is_some_and(|t| has(&cw.joiners, t.word) && t.word != cw.comma);
        copied = if end < toks.len() && toks[end].word == cw.comma && !and_follows {
            end + 1
        } else {
            end
        };
        i = end;
    }
    if subs.is_empty() {
        return false;
    }
    main.extend_from_slice(&toks[copied.min(toks.len())..]);
    true
}

/// Where the noun phrase whose head is at `i` begins: articles, modifiers (`Iran-`,
/// `-aligned`), demonyms and plain words before it, up to four tokens, not past
/// punctuation, a verb, a preposition or another name.
fn noun_phrase_start(toks: &[Token], i: usize, cw: &ClauseWords) -> usize {
    let mut j = i;
    while j > 0 && i - j < 4 {
        let t = &toks[j - 1];
        let stop = head(t)
            || has(&cw.ends, t.word)
            || t.word == cw.colon
            || has(&cw.finite, t.word)
            || has(&cw.preps, t.word)
            || has(&cw.say, t.word)
            || has(&cw.joiners, t.word);
        if stop {
            break;
        }
        j -= 1;
    }
    j
}

/// The speaker of a sentence of reported speech: `..., X said.`, `..., said X.`, `X said:
/// ...`; first-person pronouns of the rest then stand for the speaker.
pub fn fill_speaker(toks: &mut [Token], cw: &ClauseWords) {
    if !toks.iter().any(|t| has(&cw.we, t.word)) {
        return;
    }
    let speaker = trailing_speaker(toks, cw).or_else(|| leading_speaker(toks, cw));
    let Some((filler, from, to)) = speaker else {
        return;
    };
    for t in &mut toks[from..to] {
        if has(&cw.we, t.word) && t.ent.is_none() {
            t.ent = Some(Filler {
                via: Via::Pronoun,
                ..filler
            });
        }
    }
}

/// `..., X said (in a statement).` / `..., said X.`: the speaker and the quote's range.
fn trailing_speaker(toks: &[Token], cw: &ClauseWords) -> Option<(Filler, usize, usize)> {
    let comma = toks.iter().rposition(|t| t.word == cw.comma)?;
    let rest = &toks[comma + 1..];
    let say = rest.iter().position(|t| has(&cw.say, t.word))?;
    let speaker = if say > 0 {
        // `, the group said`, `, Iraq's foreign ministry said`: the last head before the verb.
        rest[..say]
            .iter()
            .rev()
            .find(|t| head(t))
            .filter(|_| say <= 6)?
    } else {
        rest[1..].iter().take(6).find(|t| head(t))?
    };
    Some((speaker.ent?, 0, comma))
}

/// `X said: ...` / `X said, ...`: the speaker and the quote's range.
fn leading_speaker(toks: &[Token], cw: &ClauseWords) -> Option<(Filler, usize, usize)> {
    let say = toks.iter().take(10).position(|t| has(&cw.say, t.word))?;
    let punct = toks.get(say + 1)?;
    if punct.word != cw.colon && punct.word != cw.comma {
        return None;
    }
    let speaker = toks[..say].iter().rev().find(|t| head(t))?;
    Some((speaker.ent?, say + 2, toks.len()))
}

/// An attack a sentence names: the tokens of its attacker and of its target, where named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attack {
    /// The attacker's token.
    pub attacker: Option<usize>,
    /// The target's token.
    pub target: Option<usize>,
}

/// The attacks a sentence names, in order: an attack noun (`the attack on Erbil airport`,
/// `a US strike`, `Israeli strikes`, `a rocket attack hit X`) or an attack verb (`verbs`,
/// from the cue lexicon) with the names around it (`US forces struck five sites`).
pub fn attacks(toks: &[Token], cw: &ClauseWords, verbs: &[u32]) -> Vec<Attack> {
    let mut out = Vec::new();
    let named = |t: &Token| head(t) && !t.oblique && t.ent.is_some();
    for p in 0..toks.len() {
        let noun = has(&cw.events, toks[p].word);
        if !noun && !has(verbs, toks[p].word) {
            continue;
        }
        // The target: after `on`, `against`, ...; after a verb the noun hits with; or the
        // object of the verb.
        let mut target = None;
        let mut j = p + 1;
        if toks.get(j).is_some_and(|t| has(&cw.event_on, t.word)) {
            j += 1;
            while j < toks.len()
                && j < p + 6
                && (has(&cw.between, toks[j].word) || toks[j].modifier)
            {
                j += 1;
            }
            target = toks.get(j).filter(|t| head(t)).map(|_| j);
        } else {
            let from = if noun {
                toks[p + 1..]
                    .iter()
                    .take(3)
                    .position(|t| has(verbs, t.word))
                    .map(|k| p + 2 + k)
            } else {
                Some(p + 1)
            };
            if let Some(from) = from {
                target = (from..toks.len().min(from + 4))
                    .take_while(|&k| !has(&cw.ends, toks[k].word))
                    .find(|&k| named(&toks[k]));
            }
        }
        // The attacker: a name or a state's adjective just before the noun (`a US drone
        // strike`; a place there is the target: `the Erbil attack`), or the nearest name
        // before the verb in the same phrase.
        let mut attacker = None;
        if noun {
            let k = match p.checked_sub(1) {
                Some(k) if has(&cw.weapons, toks[k].word) => k.checked_sub(1),
                k => k,
            };
            if let Some(k) = k {
                let t = &toks[k];
                let premod =
                    (head(t) && !t.possessor) || t.ent.is_some_and(|f| f.via == Via::Demonym);
                if premod && t.ent.is_some_and(|f| f.kind == EntityType::Place) {
                    target = target.or(Some(k));
                } else if premod {
                    attacker = Some(k);
                }
            }
        } else {
            attacker = (p.saturating_sub(6)..p)
                .rev()
                .take_while(|&k| !has(&cw.ends, toks[k].word) && !has(&cw.preps, toks[k].word))
                .find(|&k| named(&toks[k]) && !toks[k].possessor);
        }
        if attacker.is_some() || target.is_some() {
            out.push(Attack { attacker, target });
        }
    }
    out
}
