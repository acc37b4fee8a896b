//! The gazetteer tagger: finds entity mentions in text.
//!
//! Built once from a [`Gazetteer`] and shared across threads (`Send + Sync`). Aliases and
//! text are folded alike ([`crate::text::fold()`]); every whole-word occurrence of a folded alias is a
//! candidate, candidates are checked (short capitalised aliases must be capitals in the
//! text) and then chosen leftmost-longest. Capitals named as actors (`Washington said`)
//! are resolved to the state they stand for (see `gazetteer/README.md`, *Metonyms*).
//!
//! Here the matcher is built from the gazetteer; `variants` makes the spelling variants
//! of each alias, `scan` finds and checks the mentions in a text, `metonym` decides
//! between a capital and its state, and `organs` reads `Turkey's foreign ministry`.

mod homonym;
mod metonym;
mod organs;
mod scan;
mod variants;

pub use homonym::Unresolved;

use crate::gazetteer::{EntityType, Gazetteer, Words};
use crate::text::Span;
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeMap;

/// One mention of an entity in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Its bytes in the original text.
    pub span: Span,
    /// Id of the entity it resolves to.
    pub entity: String,
    /// Type of that entity.
    pub kind: EntityType,
}

#[derive(Debug, Clone)]
struct Pattern {
    entity: u32,
    case_sensitive: bool,
    /// A one-word name of a person (`Sadr`): not a mention when it ends another
    /// person's full name (`Haidar Hamadani` is not `Hossein Hamadani`).
    surname: bool,
    /// A one-word name: it must not start in lower case in the text, since one-word
    /// names are often also words (`Hashed`, `hashed out`; `Bush`, `bush`).
    proper: bool,
}

#[derive(Debug, Clone)]
struct Target {
    id: String,
    kind: EntityType,
    /// For capitals: the state entity it stands for when it acts.
    capital_of: Option<u32>,
}

/// The dictionary matcher built from a gazetteer.
#[derive(Debug, Clone)]
pub struct Tagger {
    matcher: AhoCorasick,
    patterns: Vec<Pattern>,
    targets: Vec<Target>,
    organs: organs::Organs,
    /// The word lists of the gazetteer folder (metonym cues, titles before surnames).
    words: Words,
    /// The names several entities share, and what tells them apart.
    homonyms: homonym::Homonyms,
    /// Entity index -> its `located_in`, `country` and `parent` (only with homonyms).
    parents: Vec<Vec<u32>>,
}

impl Tagger {
    /// Builds the matcher for every name and alias of the gazetteer, with the spelling
    /// variants described in `gazetteer/README.md`.
    pub fn new(gazetteer: &Gazetteer) -> Tagger {
        let index: BTreeMap<&str, u32> = gazetteer
            .entities()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i as u32))
            .collect();
        let targets: Vec<Target> = gazetteer
            .entities()
            .map(|e| Target {
                id: e.id.clone(),
                kind: e.kind,
                capital_of: e.capital_of.as_deref().and_then(|c| index.get(c).copied()),
            })
            .collect();
        let table = variants::alias_table(
            gazetteer
                .entities()
                .map(|e| (index[e.id.as_str()], e.names())),
        );
        let mut keys = Vec::with_capacity(table.len());
        let mut patterns = Vec::with_capacity(table.len());
        for (key, (entity, case_sensitive)) in table {
            let one_word = !key.contains(' ');
            let surname = one_word && targets[entity as usize].kind == EntityType::Person;
            keys.push(key);
            patterns.push(Pattern {
                entity,
                case_sensitive,
                surname,
                proper: one_word,
            });
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .expect("gazetteer patterns fit in an automaton");
        let organs = organs::Organs::new(gazetteer, &index);
        let homonyms = homonym::Homonyms::new(gazetteer, &index);
        let parents = if homonyms.is_empty() {
            Vec::new()
        } else {
            gazetteer
                .entities()
                .map(|e| {
                    [&e.located_in, &e.country, &e.parent]
                        .into_iter()
                        .flatten()
                        .filter_map(|r| index.get(r.as_str()).copied())
                        .collect()
                })
                .collect()
        };
        Tagger {
            matcher,
            patterns,
            targets,
            organs,
            words: gazetteer.words().clone(),
            homonyms,
            parents,
        }
    }

    /// Finds every mention in `text`, in order of position, not overlapping. A name
    /// several entities share is given to the one the document points to, and left out
    /// when nothing decides (see [`Tagger::tag_with_homonyms`]).
    pub fn tag(&self, text: &str) -> Vec<Mention> {
        self.tag_with_homonyms(text).0
    }

    /// Number of distinct folded alias forms the matcher looks for.
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::parse_str;
    use std::path::Path;

    const GAZ: &str = "\
[iraq]
type = government
name = Iraq
aliases = Iraqi government
[united_states]
type = government
name = United States
aliases = US | U.S.
[iran]
type = government
name = Iran
[washington_dc]
type = place
name = Washington, D.C.
aliases = Washington
capital_of = united_states
[baghdad]
type = place
name = Baghdad
capital_of = iraq
[green_zone]
type = place
name = Green Zone
[sam]
type = person
name = Sam
[samwise]
type = person
name = Samwise Gamgee
aliases = Samwise
[kataib_hezbollah]
type = militia
name = Kataib Hezbollah
aliases = KH
[asaib_ahl_al_haq]
type = militia
name = Asaib Ahl al-Haq
[hashed_al_shaabi]
type = militia
name = Hashed al-Shaabi
[al_salam]
type = place
name = al-Salam
";

    fn tagger() -> Tagger {
        Tagger::new(&parse_str(Path::new("t.gaz"), GAZ).unwrap())
    }

    fn tags(text: &str) -> Vec<(String, String)> {
        tagger()
            .tag(text)
            .into_iter()
            .map(|m| (m.span.of(text).to_string(), m.entity))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn longest_match_wins_sam_samwise() {
        assert_eq!(
            tags("Samwise met Sam."),
            pairs(&[("Samwise", "samwise"), ("Sam", "sam")])
        );
        assert_eq!(
            tags("Samwise Gamgee left"),
            pairs(&[("Samwise Gamgee", "samwise")])
        );
    }

    #[test]
    fn whole_words_only_and_demonyms_are_not_mentions() {
        assert_eq!(tags("Iraqi children and Iranian gas"), pairs(&[]));
        assert_eq!(
            tags("the Iraqi government said"),
            pairs(&[("Iraqi government", "iraq")])
        );
        assert_eq!(tags("Samsung"), pairs(&[]));
    }

    #[test]
    fn possessive_is_outside_the_span() {
        assert_eq!(
            tags("Iraq's army and Iran’s allies"),
            pairs(&[("Iraq", "iraq"), ("Iran", "iran")])
        );
    }

    #[test]
    fn short_capital_aliases_are_case_sensitive() {
        assert_eq!(
            tags("let us go to the US"),
            pairs(&[("US", "united_states")])
        );
        assert_eq!(
            tags("the U.S. embassy, anti-US"),
            pairs(&[("U.S.", "united_states"), ("US", "united_states")])
        );
        assert_eq!(tags("kh and KH"), pairs(&[("KH", "kataib_hezbollah")]));
    }

    #[test]
    fn spelling_variants_match() {
        assert_eq!(
            tags("Kata’ib Hezbollah, KATAIB HEZBOLLAH, Asaib Ahl el-Haq and Hashed Shaabi"),
            pairs(&[
                ("Kata’ib Hezbollah", "kataib_hezbollah"),
                ("KATAIB HEZBOLLAH", "kataib_hezbollah"),
                ("Asaib Ahl el-Haq", "asaib_ahl_al_haq"),
                ("Hashed Shaabi", "hashed_al_shaabi"),
            ])
        );
        // The article stays when dropping it would leave one word.
        assert_eq!(
            tags("Salam and al Salam"),
            pairs(&[("al Salam", "al_salam")])
        );
    }

    #[test]
    fn capitals_as_actors_or_places() {
        assert_eq!(
            tags("Washington threatened Baghdad."),
            pairs(&[("Washington", "united_states"), ("Baghdad", "iraq")])
        );
        assert_eq!(
            tags("the embassy in Baghdad"),
            pairs(&[("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("Baghdad’s Green Zone"),
            pairs(&[("Baghdad", "baghdad"), ("Green Zone", "green_zone")])
        );
        assert_eq!(
            tags("BAGHDAD — Rockets fell"),
            pairs(&[("BAGHDAD", "baghdad")])
        );
        assert_eq!(
            tags("Intro\nWASHINGTON/BAGHDAD (Reuters) - Rockets fell"),
            pairs(&[("WASHINGTON", "washington_dc"), ("BAGHDAD", "baghdad")])
        );
        assert_eq!(
            tags("fighters to march on Baghdad."),
            pairs(&[("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("a strike on the Baghdad consulate"),
            pairs(&[("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("strike on Baghdad consulate"),
            pairs(&[("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("after the Baghdad attack"),
            pairs(&[("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("Baghdad residents fled"),
            pairs(&[("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("Washington says it will act"),
            pairs(&[("Washington", "united_states")])
        );
        assert_eq!(
            tags("for fear of upsetting Washington."),
            pairs(&[("Washington", "united_states")])
        );
        assert_eq!(tags("Baghdad’s decision"), pairs(&[("Baghdad", "iraq")]));
        assert_eq!(
            tags("on his Baghdad residence"),
            pairs(&[("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("He travelled to Baghdad"),
            pairs(&[("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("push Tehran to Baghdad"),
            pairs(&[("Baghdad", "iraq")])
        );
        assert_eq!(
            tags("missiles hit the Green Zone and Baghdad"),
            pairs(&[("Green Zone", "green_zone"), ("Baghdad", "baghdad")])
        );
        assert_eq!(
            tags("Washington and Baghdad agreed"),
            pairs(&[("Washington", "united_states"), ("Baghdad", "iraq")])
        );
    }

    #[test]
    fn surname_alone_is_not_taken_from_another_full_name() {
        let gaz = parse_str(
            Path::new("t.gaz"),
            "[hossein_hamadani]\ntype = person\nname = Hossein Hamadani\naliases = Hamadani\n",
        )
        .unwrap();
        let t = Tagger::new(&gaz);
        let ids = |text: &str| {
            t.tag(text)
                .into_iter()
                .map(|m| m.span.of(text).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids("Photo: Haidar Hamadani/AFP"), Vec::<String>::new());
        assert_eq!(
            ids("Gen. Hamadani said. But Hamadani left. Iran's Hamadani"),
            ["Hamadani", "Hamadani", "Hamadani"]
        );
        assert_eq!(
            ids("Hossein Hamadani and Hamadani"),
            ["Hossein Hamadani", "Hamadani"]
        );
    }

    #[test]
    fn a_name_with_in_place_is_two_mentions() {
        let gaz = parse_str(
            Path::new("t.gaz"),
            "[karbala]\ntype = place\nname = Karbala\n\
             [iranian_consulate_in_karbala]\ntype = government\nname = Iranian Consulate in Karbala\n",
        )
        .unwrap();
        let t = Tagger::new(&gaz);
        let text = "protesters stormed the Iranian consulate in Karbala.";
        let got: Vec<String> = t
            .tag(text)
            .into_iter()
            .map(|m| format!("{}={}", m.span.of(text), m.entity))
            .collect();
        assert_eq!(
            got,
            [
                "Iranian consulate=iranian_consulate_in_karbala",
                "Karbala=karbala"
            ]
        );
    }

    #[test]
    fn organs_after_a_state_possessive() {
        let gaz = parse_str(
            Path::new("t.gaz"),
            "[turkey]\ntype = government\nname = Turkey\n\
             [turkish_foreign_ministry]\ntype = government\nname = Turkish Foreign Ministry\ncountry = turkey\n\
             [turkish_armed_forces]\ntype = government\nname = Turkish Armed Forces\naliases = Turkish army\ncountry = turkey\n\
             [ankara]\ntype = place\nname = Ankara\n",
        )
        .unwrap();
        let t = Tagger::new(&gaz);
        let ids = |text: &str| {
            t.tag(text)
                .into_iter()
                .map(|m| format!("{}={}", m.span.of(text), m.entity))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids("Turkey's foreign ministry said"),
            ["Turkey=turkey", "foreign ministry=turkish_foreign_ministry"]
        );
        assert_eq!(
            ids("Turkey’s army and Turkey's ministry"),
            [
                "Turkey=turkey",
                "army=turkish_armed_forces",
                "Turkey=turkey"
            ]
        );
        assert_eq!(ids("Turkey's Ankara"), ["Turkey=turkey", "Ankara=ankara"]);
    }

    #[test]
    fn offsets_are_bytes_of_the_original_text() {
        let text = "“Kata’ib Hezbollah” — in Baghdad";
        let m = tagger().tag(text);
        assert_eq!(m[0].span.of(text), "Kata’ib Hezbollah");
        assert_eq!(m[1].span.of(text), "Baghdad");
    }

    #[test]
    fn no_match_across_a_line_break() {
        assert_eq!(tags("Green\nZone"), pairs(&[]));
    }

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }
}
