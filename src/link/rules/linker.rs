//! Applying a rule set to one document: tokens per sentence, matches, refusals, findings.
//!
//! Besides the tokens, two fillers come from the gazetteer and the document: `Y=role` is
//! the organisation of the source person's role whose title the match names (`Prime
//! Minister X` → the `org` of X's `prime minister` role, titles widened by `title`
//! declarations), and `=host` is the state the document mentions most, other than the
//! other side (`X threatened to close its embassy` → the host country).

use super::clause::{self, ClauseWords};
use super::matcher::{Bound, Joiners, Scratch, Words, match_at};
use super::pattern::{Accept, Implicit, Side};
use super::tokens::{Context, Demonyms, Filler, Known, Span, Token, Via, tokenize};
use super::vocab::{Fnv, Vocab};
use super::{RuleSet, negation};
use crate::gazetteer::{EntityType, Gazetteer};
use crate::link::{Finding, Reference, Resolution};
use crate::tag::Mention;
use crate::text::{self, fold};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// One match of a rule in a document (see [`Linker::link_traced`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The rule's index in [`RuleSet::rules`].
    pub rule: usize,
    /// The sentence's index in the document.
    pub sentence: usize,
    /// For a rule made from a frame, the vocabulary id of the cue word that matched.
    pub cue: Option<u32>,
    /// Whether the match gave a relation no earlier match in the sentence gave.
    pub added: bool,
}

/// An attack the document has reported: who attacked whom, for `Y=target` and
/// `=attacker` (`claimed responsibility for the attack.`, `condemned the strikes`).
#[derive(Debug, Clone, Copy)]
struct Event {
    attacker: Option<u32>,
    target: Option<u32>,
    /// Where it was named.
    span: (usize, usize),
    /// Its sentence's number.
    sentence: usize,
}

/// How far back (in sentences) an event is still what `the attack` means.
const EVENT_REACH: usize = 4;

/// What the rules know of the document beyond the clause they read.
#[derive(Debug, Default)]
struct DocState {
    /// The document's states, the one it is most about first (for `=host`).
    hosts: Vec<u32>,
    /// The attacks reported so far, in order.
    events: Vec<Event>,
    /// The number of the sentence being read.
    sentence: usize,
}

impl DocState {
    /// The attacker (or target) of the attack that `the attack` in the current sentence
    /// means: the last one reported, in this sentence or a few before.
    fn last_event(&self, target: bool) -> Option<(u32, (usize, usize))> {
        let ev = self
            .events
            .iter()
            .rev()
            .take_while(|e| self.sentence - e.sentence <= EVENT_REACH)
            .find(|e| {
                if target {
                    e.target.is_some()
                } else {
                    e.attacker.is_some()
                }
            })?;
        Some((if target { ev.target } else { ev.attacker }?, ev.span))
    }
}

/// Buffers reused from clause to clause, so that matching allocates little.
#[derive(Debug, Default)]
struct Buffers {
    /// By required set (see [`Linker::sets_of`]): one past the last position of one of
    /// its words in the clause (0: absent).
    last: Vec<usize>,
    /// The rules that can match the clause, with the position their match starts before.
    active: Vec<(usize, usize)>,
    scratch: Scratch,
    /// Fillers from each position to the end.
    after: Vec<usize>,
    /// By rule: the first position of its first required word in the clause, plus one (0:
    /// none yet).
    first_lead: Vec<usize>,
    /// By rule: the last position of its first required word in the clause, plus one.
    last_lead: Vec<usize>,
    /// The (start, rule) pairs a clause tries.
    cands: Vec<(usize, usize)>,
    /// The positions of the clause's fillers.
    slots: Vec<usize>,
}

#[derive(Debug, Clone)]
struct Entity {
    id: String,
    /// A state: a government with no parent body.
    state: bool,
    /// Folded words of the canonical name.
    name_words: Vec<String>,
    /// (vocabulary ids that name the title, organisation index).
    roles: Vec<(Vec<u32>, u32)>,
    /// Bodies it belongs to: its country, its parents, the organisations of its roles.
    home: Vec<u32>,
    /// Its gazetteer `parent` body.
    parent: Option<u32>,
}

/// A rule set joined to a gazetteer, ready to link documents (`Send + Sync`).
#[derive(Debug, Clone)]
pub struct Linker {
    rules: RuleSet,
    vocab: Vocab,
    entities: Vec<Entity>,
    index: HashMap<String, u32, BuildHasherDefault<Fnv>>,
    demonyms: Demonyms,
    known: Known,
    joiners: Joiners,
    /// Rules without such a word, tried in every sentence with enough fillers.
    unanchored: Vec<usize>,
    /// Rules by the words of their first required word (by vocabulary id).
    by_lead: Vec<Vec<usize>>,
    /// By rule: its other required sets of words, as indexes into the distinct sets.
    required: Vec<Vec<usize>>,
    /// By vocabulary id: the distinct required sets that hold the word.
    sets_of: Vec<Vec<usize>>,
    /// How many distinct required sets there are.
    sets: usize,
    /// The refusal classes each word cues (by vocabulary id).
    cues: Vec<Vec<usize>>,
    /// By rule, then by refusal class: whether the rule ignores the class.
    ignored: Vec<Vec<bool>>,
    /// The clause layer's words.
    clause: ClauseWords,
    /// The first words of the `attacked` cues (sorted vocabulary ids), for the attacks a
    /// sentence names.
    attack_words: Vec<u32>,
    /// Dated roles by title (vocabulary ids of its words, in order): (organisation, holder,
    /// from, to), for `the Iraqi prime minister` on the document's date.
    offices: HashMap<Vec<u32>, Vec<Office>, BuildHasherDefault<Fnv>>,
    /// The longest title, in words.
    longest_title: usize,
    /// `the`, `'s`, `of`, `country`.
    the: u32,
    possessive: u32,
    of: u32,
    country: u32,
}

/// One holder of an office.
#[derive(Debug, Clone)]
struct Office {
    org: u32,
    holder: u32,
    from: Option<String>,
    to: Option<String>,
}

/// Whether `date` (`YYYY-MM-DD`) falls in [from, to]; a bound given to the year or month
/// compares on that prefix, an open bound always holds.
fn held_on(date: &str, from: Option<&str>, to: Option<&str>) -> bool {
    let after = from.is_none_or(|f| date.get(..f.len()).is_some_and(|d| d >= f));
    let before = to.is_none_or(|t| date.get(..t.len()).is_some_and(|d| d <= t));
    after && before
}

impl Linker {
    /// Joins `rules` to `gazetteer`. Demonyms of states the gazetteer lacks are dropped.
    pub fn new(gazetteer: &Gazetteer, rules: RuleSet) -> Linker {
        let index: HashMap<String, u32, BuildHasherDefault<Fnv>> = gazetteer
            .entities()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i as u32))
            .collect();
        let mut vocab = rules.vocab.clone();
        let entities = gazetteer
            .entities()
            .map(|e| {
                let roles = e
                    .roles
                    .iter()
                    .filter_map(|r| {
                        let org = *index.get(&r.org)?;
                        let title = fold(&r.title).text;
                        let mut words: Vec<u32> =
                            title.split_whitespace().map(|w| vocab.intern(w)).collect();
                        if let Some(more) = rules.titles.get(title.trim()) {
                            words.extend(more.iter().map(|w| vocab.intern(w)));
                        }
                        words.sort_unstable();
                        Some((words, org))
                    })
                    .collect();
                let mut home: Vec<u32> = e
                    .country
                    .iter()
                    .filter_map(|c| index.get(c).copied())
                    .collect();
                let mut parent = e.parent.as_deref();
                while let Some(p) = parent {
                    let Some(&pi) = index.get(p) else { break };
                    if home.contains(&pi) {
                        break;
                    }
                    home.push(pi);
                    parent = gazetteer.get(p).and_then(|pe| pe.parent.as_deref());
                }
                home.extend(e.roles.iter().filter_map(|r| index.get(&r.org).copied()));
                Entity {
                    home,
                    parent: e.parent.as_ref().and_then(|p| index.get(p).copied()),
                    id: e.id.clone(),
                    state: e.kind == EntityType::Government && e.parent.is_none(),
                    name_words: fold(&e.name)
                        .text
                        .split(|c: char| !c.is_alphanumeric())
                        .map(str::to_string)
                        .collect(),
                    roles,
                }
            })
            .collect();
        let demonyms = rules
            .demonyms
            .iter()
            .filter_map(|(w, id)| Some((w.clone(), *index.get(id)?)))
            .collect();
        let joiners = Joiners {
            comma: vocab.get(","),
            and: vocab.get("and"),
            or: vocab.get("or"),
        };
        let unanchored: Vec<usize> = (0..rules.rules.len())
            .filter(|&i| rules.rules[i].lead.is_none())
            .collect();
        let mut by_lead = vec![Vec::new(); vocab.len()];
        for (i, r) in rules.rules.iter().enumerate() {
            if let Some((_, words)) = &r.lead {
                words.iter().for_each(|&w| by_lead[w as usize].push(i));
            }
        }
        // The required sets after the first, numbered once however many rules share them.
        let mut numbered: HashMap<&[u32], usize> = HashMap::new();
        let mut sets_of = vec![Vec::new(); vocab.len()];
        let required = rules
            .rules
            .iter()
            .map(|r| {
                let skip = usize::from(r.lead.is_some());
                r.anchors
                    .iter()
                    .skip(skip)
                    .map(|set| {
                        let next = numbered.len();
                        *numbered.entry(set.as_slice()).or_insert_with(|| {
                            set.iter().for_each(|&w| sets_of[w as usize].push(next));
                            next
                        })
                    })
                    .collect()
            })
            .collect();
        let sets = numbered.len();
        let cues = negation::cue_index(&rules.refusals, vocab.len());
        let ignored = rules
            .rules
            .iter()
            .map(|r| {
                let ignores = |c: &negation::Refusal| r.ignore.contains(&c.class);
                rules.refusals.iter().map(ignores).collect()
            })
            .collect();
        let known = Known::new(&vocab);
        let clause = ClauseWords::new(&vocab);
        let mut attack_words: Vec<u32> = rules
            .rules
            .iter()
            .filter(|r| r.relation == "attacked")
            .flat_map(|r| r.cue_words().iter().copied())
            .collect();
        attack_words.sort_unstable();
        attack_words.dedup();
        let mut offices: HashMap<Vec<u32>, Vec<Office>, BuildHasherDefault<Fnv>> =
            HashMap::default();
        for (holder, e) in gazetteer.entities().enumerate() {
            for r in &e.roles {
                let Some(&org) = index.get(&r.org) else {
                    continue;
                };
                let title = fold(&r.title).text;
                let mut names = vec![title.trim().to_string()];
                if let Some(more) = rules.titles.get(title.trim()) {
                    names.extend(more.iter().cloned());
                }
                for name in names {
                    let words: Vec<u32> =
                        name.split_whitespace().map(|w| vocab.intern(w)).collect();
                    offices.entry(words).or_default().push(Office {
                        org,
                        holder: holder as u32,
                        from: r.from.clone(),
                        to: r.to.clone(),
                    });
                }
            }
        }
        let longest_title = offices.keys().map(Vec::len).max().unwrap_or(0).min(8);
        let the = vocab.intern("the");
        let possessive = vocab.intern("'s");
        let of = vocab.intern("of");
        let country = vocab.intern("country");
        Linker {
            by_lead,
            required,
            sets_of,
            sets,
            offices,
            longest_title,
            the,
            possessive,
            of,
            country,
            attack_words,
            clause,
            known,
            unanchored,
            cues,
            ignored,
            rules,
            vocab,
            entities,
            index,
            demonyms,
            joiners,
        }
    }

    /// The word a vocabulary id stands for (for reports).
    pub fn word(&self, id: u32) -> Option<&str> {
        self.vocab.word(id)
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    fn accepts(&self, f: &Filler, a: &Accept) -> bool {
        if a.any() {
            return true;
        }
        let e = &self.entities[f.entity as usize];
        if a.unnamed.iter().any(|w| e.name_words.contains(w)) || (a.not_state && e.state) {
            return false;
        }
        if a.types.is_empty() && a.named.is_empty() && !a.anaphor && !a.demonym {
            return true;
        }
        if a.types.is_empty() && a.named.is_empty() {
            // `X:anaphor` alone takes an anaphor, not a name.
            return !(a.anaphor || a.demonym) || matches!(f.via, Via::Anaphor | Via::Demonym);
        }
        a.types.contains(&f.kind) || a.named.iter().any(|w| e.name_words.contains(w))
    }

    /// Mentions of the document as entity spans (the tagger has already split a name
    /// `X in PLACE` into two mentions).
    fn spans(&self, mentions: &[Mention]) -> Vec<Span> {
        mentions
            .iter()
            .filter_map(|m| {
                let &entity = self.index.get(&m.entity)?;
                Some(Span {
                    start: m.span.start,
                    end: m.span.end,
                    entity,
                    kind: m.kind,
                })
            })
            .collect()
    }

    /// The typed relations of one document, given its sentences and mentions (sorted).
    pub fn link(&self, text: &str, sentences: &[text::Span], mentions: &[Mention]) -> Vec<Finding> {
        self.run(text, sentences, mentions, None, &mut None, &mut Vec::new())
    }

    /// The typed relations of one document dated `date` (`YYYY-MM-DD`, for titles used as
    /// names) and the references resolved on the way (pronouns, `the group`, `the attack`,
    /// `the prime minister`), each reference once, in text order.
    pub fn link_with_references(
        &self,
        text: &str,
        sentences: &[text::Span],
        mentions: &[Mention],
        date: Option<&str>,
    ) -> (Vec<Finding>, Vec<Reference>) {
        let mut refs = Vec::new();
        let out = self.run(text, sentences, mentions, date, &mut None, &mut refs);
        refs.sort();
        refs.dedup_by(|a, b| a.span == b.span);
        (out, refs)
    }

    /// The typed relations of one document, and every match of a rule that resolved to at
    /// least one pair of entities (for `rules stats`).
    pub fn link_traced(
        &self,
        text: &str,
        sentences: &[text::Span],
        mentions: &[Mention],
    ) -> (Vec<Finding>, Vec<Hit>) {
        let mut trace = Some(Vec::new());
        let out = self.run(text, sentences, mentions, None, &mut trace, &mut Vec::new());
        (out, trace.unwrap_or_default())
    }

    fn run(
        &self,
        text: &str,
        sentences: &[text::Span],
        mentions: &[Mention],
        date: Option<&str>,
        trace: &mut Option<Vec<Hit>>,
        refs: &mut Vec<Reference>,
    ) -> Vec<Finding> {
        let spans = self.spans(mentions);
        if spans.is_empty() {
            return Vec::new();
        }
        let persons: Vec<(usize, u32)> = spans
            .iter()
            .filter(|s| s.kind == EntityType::Person)
            .map(|s| (s.start, s.entity))
            .collect();
        let sentence_starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        // A pronoun stands for the last person named in its sentence or the two before,
        // unless a name the gazetteer lacks comes between (`Friends of Hashimi said he`).
        let person_before = |at: usize| {
            let k = persons.partition_point(|p| p.0 < at);
            let (start, entity) = *persons.get(k.checked_sub(1)?)?;
            let si = sentence_starts.partition_point(|&s| s <= at);
            let sj = sentence_starts.partition_point(|&s| s <= start);
            (si - sj <= 2 && !unknown_speaker(text, &spans, start, at)).then_some(entity)
        };
        let mut doc = DocState {
            hosts: self.hosts(&spans),
            ..DocState::default()
        };
        // An anaphoric noun stands for the last entity it fits named before it in its
        // sentence; failing that, for the first one it fits in the nearest of the two
        // sentences before (the subject of `Badr, the largest group in the PMF, ...`,
        // not the body named in passing).
        let anaphor = |word: u32, at: usize| {
            let accept = self.rules.anaphors.get(&word)?;
            let fits = |s: &Span| {
                let f = Filler {
                    entity: s.entity,
                    kind: s.kind,
                    via: Via::Anaphor,
                };
                self.accepts(&f, accept).then_some(f)
            };
            let sentence_of = |at: usize| sentence_starts.partition_point(|&s| s <= at);
            let k = spans.partition_point(|s| s.start < at);
            let si = sentence_of(at);
            let last = spans[..k].iter().rposition(|s| fits(s).is_some())?;
            let sj = sentence_of(spans[last].start);
            if si - sj > 2 {
                return None;
            }
            if sj == si {
                return fits(&spans[last]);
            }
            spans[..=last]
                .iter()
                .rev()
                .take_while(|s| sentence_of(s.start) == sj)
                .filter_map(fits)
                .last()
        };
        let cx = Context {
            vocab: &self.vocab,
            known: &self.known,
            demonyms: &self.demonyms,
            person_before: &person_before,
            anaphor: &anaphor,
        };
        let mut bufs = Buffers {
            last: vec![0usize; self.sets],
            first_lead: vec![0; self.rules.rules.len()],
            last_lead: vec![0; self.rules.rules.len()],
            ..Buffers::default()
        };
        let mut seen = Vec::new();
        let mut toks = Vec::new();
        let mut main = Vec::new();
        let mut subs = Vec::new();
        let mut folded = String::new();
        let mut out = Vec::new();
        let mut m = 0;
        let mut last_named: Option<usize> = None;
        for (n, &text::Span { start: s, end: e }) in sentences.iter().enumerate() {
            doc.sentence = n;
            while m < spans.len() && spans[m].start < s {
                m += 1;
            }
            let mut k = m;
            while k < spans.len() && spans[k].start < e {
                k += 1;
            }
            // A sentence that names nobody can still hold a relation through a reference
            // (`It claimed the attack.`) while an entity was named a few sentences before.
            if k > m {
                last_named = Some(n);
            } else if last_named.is_none_or(|l| n - l > EVENT_REACH) {
                continue;
            }
            tokenize(text, (s, e), &spans[m..k], &cx, &mut toks, &mut folded);
            m = k;
            if let Some(date) = date {
                self.mark_offices(&mut toks, date, &doc.hosts);
            }
            clause::mark_obliques(&mut toks, &self.clause);
            clause::fill_speaker(&mut toks, &self.clause);
            for (i, t) in toks.iter().enumerate() {
                let Some(f) = t.ent else { continue };
                // `the group`, `this militia`, `it`: not `militia` in `Iran-backed militia X`.
                let word = &text[t.start..t.end];
                let determined = i > 0 && {
                    let before = &text[toks[i - 1].start..toks[i - 1].end];
                    ["the", "this", "that"]
                        .iter()
                        .any(|d| before.eq_ignore_ascii_case(d))
                };
                if f.via == Via::Anaphor && !determined && !word.eq_ignore_ascii_case("it") {
                    continue;
                }
                let how = match f.via {
                    Via::Pronoun if matches!(word, "he" | "He" | "him" | "she" | "She") => {
                        Resolution::Pronoun
                    }
                    Via::Pronoun => Resolution::Speaker,
                    Via::Anaphor => Resolution::Anaphor,
                    Via::Role => Resolution::Role,
                    Via::Mention | Via::Demonym => continue,
                };
                refs.push(Reference {
                    span: text::Span::new(t.start, t.end),
                    entity: self.entities[f.entity as usize].id.clone(),
                    how,
                });
            }
            seen.clear();
            let before = out.len();
            if clause::split(text, &toks, &self.clause, &mut main, &mut subs) {
                for view in std::iter::once(&main).chain(subs.iter()) {
                    self.match_clause(
                        view,
                        (s, e),
                        &doc,
                        &mut bufs,
                        trace,
                        refs,
                        &mut seen,
                        &mut out,
                    );
                }
            } else {
                self.match_clause(
                    &toks,
                    (s, e),
                    &doc,
                    &mut bufs,
                    trace,
                    refs,
                    &mut seen,
                    &mut out,
                );
            }
            // The attacks this sentence names, for `the attack` in the sentences after it.
            let entity = |i: Option<usize>| i.and_then(|i| toks[i].ent).map(|f| f.entity);
            let mut named: Vec<Event> = clause::attacks(&toks, &self.clause, &self.attack_words)
                .into_iter()
                .filter_map(|a| {
                    let at = a.target.or(a.attacker)?;
                    Some(Event {
                        attacker: entity(a.attacker),
                        target: entity(a.target),
                        span: (toks[at].start, toks[at].end),
                        sentence: n,
                    })
                })
                .collect();
            for f in out[before..].iter().filter(|f| f.relation == "attacked") {
                let (Some(&a), Some(&t)) = (self.index.get(&f.source), self.index.get(&f.target))
                else {
                    continue;
                };
                named.retain(|ev| ev.target != Some(t) && ev.attacker != Some(a));
                named.push(Event {
                    attacker: Some(a),
                    target: Some(t),
                    span: (f.target_span.start, f.target_span.end),
                    sentence: n,
                });
            }
            named.sort_by_key(|ev| ev.span);
            doc.events.extend(named);
        }
        out
    }

    /// Runs the rules that can match over one clause's tokens, adding their findings to
    /// `out`.
    #[allow(clippy::too_many_arguments)]
    fn match_clause<'r>(
        &'r self,
        toks: &[Token],
        sentence: (usize, usize),
        doc: &DocState,
        bufs: &mut Buffers,
        trace: &mut Option<Vec<Hit>>,
        refs: &mut Vec<Reference>,
        seen: &mut Vec<(&'r str, u32, u32)>,
        out: &mut Vec<Finding>,
    ) {
        let ok = |f: &Filler, a: &Accept| self.accepts(f, a);
        let Buffers {
            last,
            active,
            scratch,
            after,
            first_lead,
            last_lead,
            cands,
            slots,
        } = bufs;
        // Fillers from each position to the end: every slot takes one of its own.
        after.clear();
        after.resize(toks.len() + 1, 0);
        for (p, t) in toks.iter().enumerate().rev() {
            after[p] = after[p + 1] + usize::from(t.ent.is_some());
        }
        let fillers = after[0];
        slots.clear();
        slots.extend((0..toks.len()).filter(|&p| toks[p].ent.is_some()));
        // By required set: one past the last position of one of its words in the clause
        // (0: absent). Every word a rule requires is matched at or after the match's
        // start, so a rule cannot match starting after the last of them.
        for (p, t) in toks.iter().enumerate() {
            for &set in self.sets_of.get(t.word as usize).into_iter().flatten() {
                last[set] = p + 1;
            }
        }
        // A rule can match when the clause holds its first required word (from one index
        // of words to rules: where that word first and last occurs), has enough fillers,
        // and holds one word of each of its other required sets.
        active.clear();
        for (p, t) in toks.iter().enumerate() {
            for &i in self.by_lead.get(t.word as usize).into_iter().flatten() {
                if first_lead[i] == 0 {
                    first_lead[i] = p + 1;
                    active.push((i, 0));
                }
                last_lead[i] = p + 1;
            }
        }
        active.extend(self.unanchored.iter().map(|&i| (i, 0)));
        active.retain_mut(|(i, limit)| {
            let rule = &self.rules.rules[*i];
            if rule.min_slots > fillers {
                return false;
            }
            *limit = if rule.lead.is_some() {
                last_lead[*i]
            } else {
                toks.len()
            };
            // The other required sets bound the match's start too.
            for &set in &self.required[*i] {
                *limit = (*limit).min(last[set]);
            }
            *limit > 0
        });
        active.sort_unstable();
        // The (start, rule) pairs to try, in the order of starts, then rules: each rule only
        // within its window, from its reach before its first required word to the last
        // position its required words allow.
        cands.clear();
        for &(i, limit) in active.iter() {
            let rule = &self.rules.rules[i];
            let lo = match &rule.lead {
                Some(_) if first_lead[i] == 0 => continue,
                Some((reach, _)) => (first_lead[i] - 1).saturating_sub(*reach),
                None => 0,
            };
            if rule.first.slot && !rule.first.any && rule.first.words.is_empty() {
                // A rule that starts with a slot starts only at a filler.
                let from = slots.partition_point(|&p| p < lo);
                for &start in slots[from..].iter().take_while(|&&p| p < limit) {
                    if after[start] >= rule.min_slots {
                        cands.push((start, i));
                    }
                }
                continue;
            }
            for (start, t) in toks.iter().enumerate().take(limit).skip(lo) {
                if after[start] >= rule.min_slots && rule.first.admits(t.word, t.ent.is_some()) {
                    cands.push((start, i));
                }
            }
        }
        cands.sort_unstable();
        for &(start, i) in cands.iter() {
            {
                let rule = &self.rules.rules[i];
                let words = Words {
                    joiners: self.joiners,
                    stops: &self.rules.stops,
                    clausal: rule.is_clausal(),
                };
                let Some(found) = match_at(&rule.pattern, toks, start, words, &ok, scratch) else {
                    continue;
                };
                let refused = negation::refused(
                    toks,
                    found.start,
                    found.end,
                    &self.rules.refusals,
                    &self.cues,
                    &self.rules.breaks,
                    &self.ignored[i],
                );
                if refused.is_some() {
                    continue;
                }
                let (pairs, added) = self.emit(
                    rule,
                    found.bound,
                    &toks[found.start..found.end],
                    sentence,
                    doc,
                    refs,
                    seen,
                    out,
                );
                if pairs > 0
                    && let Some(trace) = trace.as_mut()
                {
                    let cue = toks[found.start..found.end]
                        .iter()
                        .find(|t| rule.cue_words().binary_search(&t.word).is_ok())
                        .map(|t| t.word);
                    trace.push(Hit {
                        rule: i,
                        sentence: doc.sentence,
                        cue,
                        added: added > 0,
                    });
                }
            }
        }
        for t in toks {
            for &set in self.sets_of.get(t.word as usize).into_iter().flatten() {
                last[set] = 0;
            }
            for &i in self.by_lead.get(t.word as usize).into_iter().flatten() {
                first_lead[i] = 0;
                last_lead[i] = 0;
            }
        }
    }

    /// States of the document, the one whose places are named most first, then by
    /// mentions of the state itself (ties: first named first): where the story happens.
    fn hosts(&self, spans: &[Span]) -> Vec<u32> {
        // (state, (places named, own mentions, first span)): a document names few states.
        let mut v: Vec<(u32, (usize, usize, usize))> = Vec::new();
        fn entry(
            v: &mut Vec<(u32, (usize, usize, usize))>,
            state: u32,
            i: usize,
        ) -> &mut (usize, usize, usize) {
            let at = v.iter().position(|c| c.0 == state).unwrap_or_else(|| {
                v.push((state, (0, 0, i)));
                v.len() - 1
            });
            &mut v[at].1
        }
        for (i, s) in spans.iter().enumerate() {
            let e = &self.entities[s.entity as usize];
            if e.state {
                entry(&mut v, s.entity, i).1 += 1;
            } else if s.kind == EntityType::Place
                && let Some(state) = e
                    .home
                    .iter()
                    .copied()
                    .find(|&h| self.entities[h as usize].state)
            {
                entry(&mut v, state, i).0 += 1;
            }
        }
        v.sort_by_key(|(_, (places, own, first))| {
            (std::cmp::Reverse(*places), std::cmp::Reverse(*own), *first)
        });
        v.into_iter().map(|(e, _)| e).collect()
    }

    /// Adds the findings of one match to `out`, each relation between two entities once
    /// per sentence (`seen`).
    #[allow(clippy::too_many_arguments)]
    fn emit<'r>(
        &self,
        rule: &'r super::Rule,
        bound: &[Bound],
        matched: &[Token],
        sentence: (usize, usize),
        doc: &DocState,
        refs: &mut Vec<Reference>,
        seen: &mut Vec<(&'r str, u32, u32)>,
        out: &mut Vec<Finding>,
    ) -> (usize, usize) {
        let hosts = &doc.hosts;
        let whole = (
            matched.first().map_or(sentence.0, |t| t.start),
            matched.last().map_or(sentence.0, |t| t.end),
        );
        let mut xs: Vec<(u32, (usize, usize))> = Vec::new();
        let mut ys: Vec<(u32, (usize, usize))> = Vec::new();
        let mut implicit: Vec<(Side, Implicit)> = Vec::new();
        for b in bound {
            match *b {
                Bound::Token {
                    side: Side::X,
                    filler,
                    span,
                } => xs.push((filler.entity, span)),
                Bound::Token {
                    side: Side::Y,
                    filler,
                    span,
                } => ys.push((filler.entity, span)),
                Bound::Implicit { side, how } => implicit.push((side, how)),
            }
        }
        for (side, how) in implicit {
            match (side, how) {
                (Side::Y, Implicit::Role) => {
                    for &(x, _) in &xs {
                        for (words, org) in &self.entities[x as usize].roles {
                            if matched.iter().any(|t| words.binary_search(&t.word).is_ok()) {
                                ys.push((*org, whole));
                            }
                        }
                    }
                }
                (_, Implicit::Host) => {
                    let other: Vec<u32> = if side == Side::X { &ys } else { &xs }
                        .iter()
                        .map(|p| p.0)
                        .collect();
                    let excluded = |h: &u32| {
                        other.contains(h) || other.iter().any(|o| self.belongs_to(*o, *h))
                    };
                    if let Some(&h) = hosts.iter().find(|h| !excluded(h)) {
                        if side == Side::X { &mut xs } else { &mut ys }.push((h, whole));
                    }
                }
                (Side::Y, Implicit::Parent) => {
                    for &(x, _) in &xs {
                        let Some(p) = self.entities[x as usize].parent else {
                            continue;
                        };
                        if self.entities[p as usize].state {
                            continue;
                        }
                        let named = matched
                            .iter()
                            .find(|t| t.possessor && t.ent.is_some_and(|f| f.entity == p));
                        if let Some(t) = named {
                            ys.push((p, (t.start, t.end)));
                        }
                    }
                }
                (_, Implicit::Target | Implicit::Attacker) => {
                    if let Some(found) = doc.last_event(how == Implicit::Target) {
                        if side == Side::X { &mut xs } else { &mut ys }.push(found);
                        // The attack noun is the match's last token (`... the attack`).
                        if let Some(t) = matched.last() {
                            refs.push(Reference {
                                span: text::Span::new(t.start, t.end),
                                entity: self.entities[found.0 as usize].id.clone(),
                                how: if how == Implicit::Target {
                                    Resolution::AttackTarget
                                } else {
                                    Resolution::Attacker
                                },
                            });
                        }
                    }
                }
                (Side::X, Implicit::Role | Implicit::Parent) => {}
            }
        }
        let directed = !self.rules.is_symmetric(&rule.relation);
        let (mut pairs, mut added) = (0, 0);
        for &(x, xspan) in &xs {
            for &(y, yspan) in &ys {
                if x == y {
                    continue;
                }
                let (mut a, mut b, mut aspan, mut bspan) = (x, y, xspan, yspan);
                if !directed && self.entities[a as usize].id > self.entities[b as usize].id {
                    std::mem::swap(&mut a, &mut b);
                    std::mem::swap(&mut aspan, &mut bspan);
                }
                let key = (rule.relation.as_str(), a, b);
                pairs += 1;
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                added += 1;
                out.push(Finding {
                    relation: rule.relation.clone(),
                    source: self.entities[a as usize].id.clone(),
                    target: self.entities[b as usize].id.clone(),
                    directed,
                    sentence: sentence.into(),
                    source_span: aspan.into(),
                    target_span: bspan.into(),
                    rule: Some(rule.id.clone()),
                });
            }
        }
        (pairs, added)
    }

    /// Marks titles used as names (`the Iraqi prime minister`, `Iraq's president`, `the
    /// country's prime minister`, `the prime minister of Iraq`) with who held the office on
    /// `date`: the state named with the title, else the state the document is about. A
    /// title before a name (`Prime Minister X`) is left to the rules.
    fn mark_offices(&self, toks: &mut [Token], date: &str, hosts: &[u32]) {
        if self.offices.is_empty() {
            return;
        }
        let mut i = 0;
        while i < toks.len() {
            // `the`, then a state's adjective, `Iraq 's` or `the country 's`; or `Iraq 's`.
            let mut j = i + 1;
            let mut org = None;
            if toks[i].possessor
                && toks[i].ent.is_some_and(|f| {
                    f.via == Via::Mention && self.entities[f.entity as usize].state
                })
            {
                org = toks[i].ent.map(|f| f.entity);
                j = i + 2;
            } else if toks[i].word != self.the {
                i += 1;
                continue;
            }
            match toks.get(j).filter(|_| org.is_none()) {
                Some(t) if t.ent.is_some_and(|f| f.via == Via::Demonym) => {
                    org = t.ent.map(|f| f.entity);
                    j += 1;
                }
                Some(t)
                    if t.word == self.country
                        && toks.get(j + 1).is_some_and(|p| p.word == self.possessive) =>
                {
                    org = hosts.first().copied();
                    j += 2;
                }
                _ => {}
            }
            let found = (1..=self.longest_title.min(toks.len().saturating_sub(j)))
                .rev()
                .find_map(|n| {
                    if toks[j..j + n].iter().any(|t| t.ent.is_some()) {
                        return None;
                    }
                    let mut words = [0u32; 8];
                    for (w, t) in words.iter_mut().zip(&toks[j..j + n]) {
                        *w = t.word;
                    }
                    self.offices.get(&words[..n.min(8)]).map(|o| (n, o))
                });
            let Some((n, holders)) = found else {
                i += 1;
                continue;
            };
            let end = j + n;
            let next = toks.get(end);
            // `the prime minister, Mustafa al-Kadhimi` / `Prime Minister X`: a title before a name.
            let named = next.is_some_and(|t| t.ent.is_some_and(|f| f.kind == EntityType::Person))
                || (next.is_some_and(|t| t.word == self.joiners.comma)
                    && toks
                        .get(end + 1)
                        .is_some_and(|t| t.ent.is_some_and(|f| f.kind == EntityType::Person)));
            if named {
                i = end;
                continue;
            }
            if org.is_none()
                && next.is_some_and(|t| t.word == self.of)
                && let Some(f) = toks.get(end + 1).and_then(|t| t.ent)
            {
                org = Some(f.entity);
            }
            let org = org.or_else(|| hosts.first().copied());
            let mut held = holders
                .iter()
                .filter(|o| Some(o.org) == org && held_on(date, o.from.as_deref(), o.to.as_deref()))
                .map(|o| o.holder);
            if let (Some(holder), None) = (held.next(), held.next()) {
                let last = &mut toks[end - 1];
                last.ent = Some(Filler {
                    entity: holder,
                    kind: EntityType::Person,
                    via: Via::Role,
                });
            }
            i = end;
        }
    }

    /// Whether entity `e` is an organ of state `state` (by `parent` chain, or a person
    /// whose role is in it).
    fn belongs_to(&self, e: u32, state: u32) -> bool {
        let home = &self.entities[e as usize].home;
        home.contains(&state)
            || home
                .iter()
                .any(|&h| self.entities[h as usize].home.contains(&state))
    }
}

/// Whether a capitalised word that no mention covers stands, mid-sentence, as the subject
/// of a verb of saying or an auxiliary between `from` and `to` (`of Hashimi said`): the
/// name of a person the gazetteer lacks, whom a following pronoun may mean.
fn unknown_speaker(text: &str, spans: &[Span], from: usize, to: usize) -> bool {
    const VERBS: &[&str] = &["said", "says", "told", "had", "has", "was", "is", "who"];
    let covered = |i: usize| {
        let k = spans.partition_point(|s| s.end <= i);
        spans.get(k).is_some_and(|s| s.start <= i)
    };
    let mut words = text[from..to]
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .peekable();
    // Whether the previous word is part of a capitalised run begun after a lower-case word.
    // Words are joined by spaces only within a clause (not `family. He`).
    let (mut after_lower, mut in_name, mut prev_end) = (false, false, from);
    while let Some((i, w)) = words.next() {
        let upper = w.chars().next().is_some_and(char::is_uppercase);
        let joined = text[prev_end..i].trim().is_empty();
        in_name = upper && joined && !covered(i) && (in_name || after_lower);
        if in_name && words.peek().is_some_and(|(_, n)| VERBS.contains(n)) {
            return true;
        }
        after_lower = !upper;
        prev_end = i + w.len();
    }
    false
}
