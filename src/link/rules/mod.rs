//! Relation rules: typed, directed relations read off tagged sentences by patterns that
//! live in a rules file (`gazetteer/relations.rules`, format in `gazetteer/RULES.md`).
//!
//! [`RuleSet::compile`] reads any number of rules files in order (a later rule with the
//! same id replaces an earlier one; later families, classes, macros and refusal classes
//! replace earlier ones of the same name) and reports every bad line as `path:line:
//! message`. A [`Linker`] joins a rule set to a gazetteer and finds the relations of one
//! document.

mod clause;
mod lexicon;
mod linker;
mod matcher;
mod negation;
mod parse;
mod pattern;
pub mod stats;
mod tokens;
mod vocab;

pub use linker::{Hit, Linker};

use crate::error::{Diagnostic, Error, Result};
use negation::Refusal;
use parse::{Decl, Origin, parse_file};
use pattern::{Accept, Env, First, Node, accept_of, anchors, compile, first, min_slots, sides};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use vocab::Vocab;

/// The rules shipped with newsgraph, used when the gazetteer folder has no `relations.rules`.
pub const BUILTIN_RULES: &str = include_str!("../../../gazetteer/relations.rules");

/// The frames shipped with newsgraph, used when the gazetteer folder has no `frames.rules`.
pub const BUILTIN_FRAMES: &str = include_str!("../../../gazetteer/frames.rules");

/// The cue lexicon shipped with newsgraph, used when the gazetteer folder has no `cues.rules`.
pub const BUILTIN_CUES: &str = include_str!("../../../gazetteer/cues.rules");

/// The file name of the rules in a gazetteer folder.
pub const RULES_FILE: &str = "relations.rules";

/// The rules files of a gazetteer folder, in the order they are read, with the built-in
/// copy used for a file the folder lacks.
pub const RULES_FILES: &[(&str, &str)] = &[
    ("frames.rules", BUILTIN_FRAMES),
    ("cues.rules", BUILTIN_CUES),
    (RULES_FILE, BUILTIN_RULES),
];

/// One compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Stable id, recorded on every finding it produces.
    pub id: String,
    /// The relation type it yields.
    pub relation: String,
    /// Refusal classes this rule does not apply.
    ignore: Vec<String>,
    pattern: Vec<Node>,
    /// Every required word set (the anchor first).
    anchors: Vec<Vec<u32>>,
    /// What the first matched token can be.
    first: First,
    /// The fewest slot-filling tokens a match needs.
    min_slots: usize,
    /// The first required word (sorted ids) and the most tokens a match takes before it.
    lead: Option<(usize, Vec<u32>)>,
    /// For a rule made from a cue group and a frame: the vocabulary ids of the cues' first
    /// words (sorted), to tell which cue fired.
    cue_words: Vec<u32>,
    /// Whether its slots refuse obliques the pattern does not introduce (its relation or,
    /// for a rule made from a frame, its frame is declared `clausal`).
    clausal: bool,
    /// Where it was written.
    pub origin: Origin,
}

impl Rule {
    /// For a rule made from a cue group and a frame, the vocabulary ids of its cues' first
    /// words (sorted); empty for a hand-written rule.
    pub fn cue_words(&self) -> &[u32] {
        &self.cue_words
    }

    /// Whether its slots refuse obliques the pattern does not introduce.
    pub fn is_clausal(&self) -> bool {
        self.clausal
    }

    /// Whether the rule was made from a cue group and a frame.
    pub fn is_frame(&self) -> bool {
        !self.cue_words.is_empty()
    }

    /// For a rule made from a frame (id `RELATION.GROUP.FRAME`), the frame's name.
    pub fn frame(&self) -> Option<&str> {
        self.is_frame()
            .then(|| self.id.rsplit('.').next())
            .flatten()
    }

    /// For a rule made from a frame, its cue group (`RELATION.GROUP`).
    pub fn cue_group(&self) -> Option<&str> {
        self.is_frame()
            .then(|| self.id.rsplit_once('.').map(|(g, _)| g))
            .flatten()
    }
}

/// A cue group as read: the frames it takes and its entries, from every file.
#[derive(Debug)]
struct CueGroup {
    /// The frames it takes, each with the line that named it.
    frames: Vec<(String, Origin)>,
    inverse: bool,
    entries: Vec<String>,
    origin: Origin,
}

/// A compiled set of rules, with the word lists they use.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    vocab: Vocab,
    demonyms: BTreeMap<String, String>,
    titles: BTreeMap<String, Vec<String>>,
    refusals: Vec<Refusal>,
    breaks: Vec<u32>,
    stops: Vec<u32>,
    /// Anaphoric nouns by vocabulary id.
    anaphors: BTreeMap<u32, Accept>,
    symmetric: BTreeSet<String>,
}

/// Words every rule set knows, whether or not a rule uses them.
const BASE_WORDS: &[&str] = &[",", "and", "or", "-", "--", "'s", "not", ";", ":", "."];

/// Tokens a refusal window does not look past.
const BREAKS: &[&str] = &[",", ";", ":", "--", "."];

impl RuleSet {
    /// The built-in rules ([`BUILTIN_RULES`]).
    pub fn builtin() -> RuleSet {
        let sources: Vec<(PathBuf, String)> = RULES_FILES
            .iter()
            .map(|(name, text)| {
                (
                    PathBuf::from(format!("<built-in>/{name}")),
                    text.to_string(),
                )
            })
            .collect();
        RuleSet::compile(&sources).expect("the built-in rules compile (checked by a test)")
    }

    /// Loads the rules of a gazetteer folder (its `relations.rules`, or the built-in
    /// rules when it has none; all built-in with no folder), then every file of `extra`
    /// in order.
    pub fn load(gazetteer_dir: Option<&Path>, extra: &[PathBuf]) -> Result<RuleSet> {
        let mut sources = Vec::new();
        for (name, builtin) in RULES_FILES {
            let own = gazetteer_dir.map(|d| d.join(name));
            if let Some(own) = own.filter(|p| p.is_file()) {
                let text = crate::text::read_text(&own).map_err(|e| Error::io(&own, e))?;
                sources.push((own, text));
            } else {
                sources.push((
                    PathBuf::from(format!("<built-in>/{name}")),
                    builtin.to_string(),
                ));
            }
        }
        for path in extra {
            let text = crate::text::read_text(path).map_err(|e| Error::io(path, e))?;
            sources.push((path.clone(), text));
        }
        RuleSet::compile(&sources)
    }

    /// Compiles rules files given as `(path, text)`, in order; every problem is reported.
    pub fn compile(sources: &[(PathBuf, String)]) -> Result<RuleSet> {
        let mut errors: Vec<Diagnostic> = Vec::new();
        let mut env = Env::default();
        let mut demonyms = BTreeMap::new();
        let mut titles: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut refuse: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
        let mut symmetric = BTreeSet::new();
        let mut clausal = BTreeSet::new();
        let mut stops: BTreeSet<String> = BTreeSet::new();
        let mut anaphor_decls: BTreeMap<String, (Vec<String>, Origin)> = BTreeMap::new();
        let mut rules: BTreeMap<String, (usize, String, Vec<String>, String, Origin)> =
            BTreeMap::new();
        let mut frames: BTreeMap<String, (String, Origin)> = BTreeMap::new();
        let mut cues: BTreeMap<(String, String), CueGroup> = BTreeMap::new();
        let mut order = 0;
        for (path, text) in sources {
            let (decls, errs) = parse_file(path, text);
            errors.extend(errs);
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            for d in decls {
                match d {
                    Decl::Family { name, words, .. } => {
                        env.families
                            .insert(name, words.iter().map(|w| fold_rule_word(w)).collect());
                    }
                    Decl::Class { name, members, .. } => {
                        env.classes.insert(name, members);
                    }
                    Decl::Macro { name, body, .. } => {
                        env.macros.insert(name, body);
                    }
                    Decl::Demonym { entity, words, .. } => {
                        for w in words {
                            demonyms.insert(fold_rule_word(&w), entity.clone());
                        }
                    }
                    Decl::Title { title, words, .. } => {
                        titles
                            .entry(title)
                            .or_default()
                            .extend(words.iter().map(|w| fold_rule_word(w)));
                    }
                    Decl::Refuse {
                        class,
                        window,
                        words,
                        ..
                    } => {
                        refuse.insert(
                            class,
                            (window, words.iter().map(|w| fold_rule_word(w)).collect()),
                        );
                    }
                    Decl::Symmetric { relations, .. } => symmetric.extend(relations),
                    Decl::Clausal { relations } => clausal.extend(relations),
                    Decl::Anaphor {
                        words,
                        types,
                        origin,
                    } => {
                        for w in words {
                            anaphor_decls.insert(w, (types.clone(), origin.clone()));
                        }
                    }
                    Decl::Stop { words } => stops.extend(words.iter().map(|w| fold_rule_word(w))),
                    Decl::Frame { name, body, origin } => {
                        frames.insert(name, (body, origin));
                    }
                    Decl::Cue {
                        relation,
                        group,
                        frames: names,
                        inverse,
                        entries,
                        origin,
                    } => {
                        let g = cues.entry((relation, group)).or_insert_with(|| CueGroup {
                            frames: Vec::new(),
                            inverse,
                            entries: Vec::new(),
                            origin: origin.clone(),
                        });
                        if g.inverse != inverse {
                            errors.push(origin.error(format!(
                                "this cue group is {} at {}:{}; a group is inverse or not",
                                if g.inverse { "inverse" } else { "not inverse" },
                                g.origin.path.display(),
                                g.origin.line
                            )));
                        }
                        for f in names {
                            if !g.frames.iter().any(|(n, _)| *n == f) {
                                g.frames.push((f, origin.clone()));
                            }
                        }
                        g.entries.extend(entries);
                    }
                    Decl::Rule {
                        id,
                        relation,
                        ignore,
                        pattern,
                        origin,
                    } => {
                        if let Some(first) = seen.insert(id.clone(), origin.line) {
                            errors.push(origin.error(format!(
                                "duplicate rule id `{id}` (first at line {first})"
                            )));
                            continue;
                        }
                        order += 1;
                        let keep = rules.get(&id).map_or(order, |r| r.0);
                        rules.insert(id, (keep, relation, ignore, pattern, origin));
                    }
                }
            }
        }
        // Cue groups × frames → macros of the cues' forms and one rule per frame, tried
        // before the hand-written rules (which then only add what no frame finds).
        let mut cue_words: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for ((relation, group), g) in &cues {
            let forms = match lexicon::forms(group, &g.entries) {
                Ok(f) => f,
                Err(msg) => {
                    errors.push(g.origin.error(msg));
                    continue;
                }
            };
            let missing: Vec<String> = ["source", "target"]
                .iter()
                .map(|side| format!("{relation}.{side}"))
                .filter(|class| !env.classes.contains_key(class))
                .collect();
            if !missing.is_empty() {
                let decls: Vec<String> = missing
                    .iter()
                    .map(|c| format!("`class {c}: TYPE ...`"))
                    .collect();
                errors.push(g.origin.error(format!(
                    "relation `{relation}` has no slot classes for its cues: declare {}",
                    decls.join(" and ")
                )));
                continue;
            }
            let [all, pp, ing] = lexicon::macro_names(relation, group);
            let heads: Vec<String> = forms
                .all
                .iter()
                .filter_map(|f| f.split(' ').next().map(fold_rule_word))
                .collect();
            for (name, list) in [(all, &forms.all), (pp, &forms.pp), (ing, &forms.ing)] {
                let body = if list.is_empty() {
                    lexicon::alternation(&forms.all)
                } else {
                    lexicon::alternation(list)
                };
                env.macros.insert(name, body);
            }
            for (f, named_at) in &g.frames {
                let Some((body, _)) = frames.get(f) else {
                    errors.push(named_at.error(format!(
                        "cue group `{relation} {group}` names the frame `{f}`, which no `frame {f}: ...` declares"
                    )));
                    continue;
                };
                let id = format!("{relation}.{group}.{f}");
                cue_words.insert(id.clone(), heads.clone());
                let body = match pattern::expand(body, &env, 0) {
                    Ok(b) => b,
                    Err(msg) => {
                        errors.push(g.origin.error(format!("frame `{f}`: {msg}")));
                        continue;
                    }
                };
                let text = lexicon::expand(&body, relation, group, g.inverse);
                rules.entry(id).or_insert((
                    0,
                    relation.clone(),
                    Vec::new(),
                    text,
                    g.origin.clone(),
                ));
            }
        }
        let mut vocab = Vocab::default();
        for w in BASE_WORDS.iter().copied().chain(clause::words()) {
            vocab.intern(w);
        }
        // Every demonym word is also the family `~demonym`.
        env.families
            .entry("demonym".into())
            .or_insert_with(|| demonyms.keys().cloned().collect());
        let mut anaphors: BTreeMap<String, Accept> = BTreeMap::new();
        for (word, (types, origin)) in anaphor_decls {
            match accept_of(&types, &env) {
                Ok(a) if a.demonym || a.anaphor => errors.push(origin.error(
                    "an anaphor stands for a mention: `demonym` and `anaphor` are not types here",
                )),
                Ok(a) => {
                    anaphors.insert(fold_rule_word(&word), a);
                }
                Err(msg) => errors.push(origin.error(format!("anaphor `{word}`: {msg}"))),
            }
        }
        let mut compiled = Vec::new();
        let mut by_order: Vec<_> = rules.into_iter().collect();
        by_order.sort_by_key(|(_, r)| r.0);
        for (id, (_, relation, ignore, text, origin)) in by_order {
            let pattern = match compile(&text, &env, &mut vocab) {
                Ok(p) => p,
                Err(msg) => {
                    errors.push(origin.error(format!("rule `{id}`: {msg}")));
                    continue;
                }
            };
            let mut counts = [0, 0];
            sides(&pattern, &mut counts);
            if counts[0] == 0 || counts[1] == 0 {
                let missing = if counts[0] == 0 {
                    "X (the source)"
                } else {
                    "Y (the target)"
                };
                errors.push(origin.error(format!("rule `{id}`: the pattern has no {missing}")));
                continue;
            }
            if let Some(bad) = ignore.iter().find(|c| !refuse.contains_key(*c)) {
                errors.push(origin.error(format!(
                    "rule `{id}`: `ignore={bad}` names no refusal class (declare it with `refuse {bad} N: ...`)"
                )));
                continue;
            }
            let anchors = anchors(&pattern);
            let first = first(&pattern);
            let min_slots = min_slots(&pattern);
            let lead = pattern::lead(&pattern);
            let mut cue_ids: Vec<u32> = cue_words
                .get(&id)
                .map(|ws| ws.iter().map(|w| vocab.intern(w)).collect())
                .unwrap_or_default();
            cue_ids.sort_unstable();
            cue_ids.dedup();
            let frame = cue_words
                .contains_key(&id)
                .then(|| id.rsplit('.').next())
                .flatten();
            let clausal = clausal.contains(&relation) || frame.is_some_and(|f| clausal.contains(f));
            compiled.push(Rule {
                lead,
                clausal,
                cue_words: cue_ids,
                id,
                relation,
                ignore,
                pattern,
                anchors,
                first,
                min_slots,
                origin,
            });
        }
        if !errors.is_empty() {
            errors.sort();
            errors.dedup();
            return Err(Error::Invalid(errors));
        }
        let refusals = refuse
            .into_iter()
            .map(|(class, (window, words))| {
                let mut ids: Vec<u32> = words.iter().map(|w| vocab.intern(w)).collect();
                ids.sort_unstable();
                Refusal {
                    class,
                    window,
                    words: ids,
                }
            })
            .collect();
        let mut breaks: Vec<u32> = BREAKS.iter().map(|w| vocab.get(w)).collect();
        breaks.sort_unstable();
        let anaphors = anaphors
            .into_iter()
            .map(|(w, a)| (vocab.intern(&w), a))
            .collect();
        let mut stops: Vec<u32> = stops.iter().map(|w| vocab.intern(w)).collect();
        stops.sort_unstable();
        Ok(RuleSet {
            rules: compiled,
            vocab,
            demonyms,
            titles,
            refusals,
            breaks,
            stops,
            anaphors,
            symmetric,
        })
    }

    /// The rules, in the order they were first declared.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when there is no rule.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Whether `relation` has no direction (`met`).
    pub fn is_symmetric(&self, relation: &str) -> bool {
        self.symmetric.contains(relation)
    }
}

/// Rule words are matched against folded text: lower case, no inner apostrophe.
fn fold_rule_word(w: &str) -> String {
    if w == "'s" || w == "n't" {
        return if w == "n't" { "not".into() } else { w.into() };
    }
    crate::text::fold(w)
        .text
        .chars()
        .filter(|c| *c != '\'')
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_rules_compile() {
        let sources: Vec<(PathBuf, String)> = RULES_FILES
            .iter()
            .map(|(name, text)| (PathBuf::from(name), text.to_string()))
            .collect();
        let r = RuleSet::compile(&sources);
        if let Err(e) = &r {
            panic!("{e}");
        }
        let r = r.unwrap();
        assert!(r.len() > 100);
        assert!(
            r.rules()
                .iter()
                .any(|r| r.id == "attacked.verb.passive" && r.is_frame())
        );
    }

    #[test]
    fn later_rules_replace_earlier_ones_by_id() {
        let a = "family t: threatened\nrule a threatened: X ~t Y\nrule b blamed: X blamed Y\n";
        let b = "rule a warned: X warned Y\n";
        let r = RuleSet::compile(&[("a.rules".into(), a.into()), ("b.rules".into(), b.into())])
            .unwrap();
        let ids: Vec<(&str, &str)> = r
            .rules()
            .iter()
            .map(|r| (r.id.as_str(), r.relation.as_str()))
            .collect();
        assert_eq!(ids, [("a", "warned"), ("b", "blamed")]);
    }

    #[test]
    fn all_errors_of_all_files_are_collected() {
        let a = "rule a threatened: X ~nope Y\nrule a2 blamed: X blamed\nrule a3 blamed ignore=zz: X blamed Y\n";
        let b = "rule b blamed: X ( Y\nrule b blamed: X Y\n";
        let err = RuleSet::compile(&[("a.rules".into(), a.into()), ("b.rules".into(), b.into())])
            .unwrap_err();
        let lines: Vec<String> = err.to_string().lines().map(str::to_string).collect();
        assert_eq!(
            lines,
            [
                "a.rules:1: rule `a`: unknown family `~nope`: declare it with `family nope: ...`",
                "a.rules:2: rule `a2`: the pattern has no Y (the target)",
                "a.rules:3: rule `a3`: `ignore=zz` names no refusal class (declare it with `refuse zz N: ...`)",
                "b.rules:1: rule `b`: unbalanced `(`: no `)` closes it",
                "b.rules:2: duplicate rule id `b` (first at line 1)",
            ]
        );
    }
}
