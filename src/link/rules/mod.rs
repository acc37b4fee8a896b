//! Relation rules: typed, directed relations read off tagged sentences by patterns that
//! live in a rules file (`gazetteer/relations.rules`, format in `gazetteer/RULES.md`).
//!
//! [`RuleSet::compile`] reads any number of rules files in order (a later rule with the
//! same id replaces an earlier one; later families, classes, macros and refusal classes
//! replace earlier ones of the same name) and reports every bad line as `path:line:
//! message`. A [`Linker`] joins a rule set to a gazetteer and finds the relations of one
//! document.

mod linker;
mod matcher;
mod negation;
mod parse;
mod pattern;
mod tokens;
mod vocab;

pub use linker::Linker;

use crate::error::{Diagnostic, Error, Result};
use negation::Refusal;
use parse::{Decl, Origin, parse_file};
use pattern::{
    Accept, Env, First, Node, accept_of, anchor, anchors, compile, first, min_slots, sides,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use vocab::Vocab;

/// The rules shipped with newsgraph, used when the gazetteer folder has no `relations.rules`.
pub const BUILTIN_RULES: &str = include_str!("../../../gazetteer/relations.rules");

/// The file name of the rules in a gazetteer folder.
pub const RULES_FILE: &str = "relations.rules";

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
    /// Vocabulary ids one of which a sentence must hold for the rule to be tried.
    anchor: Option<Vec<u32>>,
    /// Every required word set (the anchor first).
    anchors: Vec<Vec<u32>>,
    /// What the first matched token can be.
    first: First,
    /// The fewest slot-filling tokens a match needs.
    min_slots: usize,
    /// Where it was written.
    pub origin: Origin,
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
        RuleSet::compile(&[(
            PathBuf::from("<built-in>/relations.rules"),
            BUILTIN_RULES.to_string(),
        )])
        .expect("the built-in rules compile (checked by a test)")
    }

    /// Loads the rules of a gazetteer folder (its `relations.rules`, or the built-in
    /// rules when it has none), then every file of `extra` in order.
    pub fn load(gazetteer_dir: &Path, extra: &[PathBuf]) -> Result<RuleSet> {
        let mut sources = Vec::new();
        let own = gazetteer_dir.join(RULES_FILE);
        if own.is_file() {
            let text = std::fs::read_to_string(&own).map_err(|e| Error::io(&own, e))?;
            sources.push((own, text));
        } else {
            sources.push((
                PathBuf::from("<built-in>/relations.rules"),
                BUILTIN_RULES.to_string(),
            ));
        }
        for path in extra {
            let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
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
        let mut stops: BTreeSet<String> = BTreeSet::new();
        let mut anaphor_decls: BTreeMap<String, (Vec<String>, Origin)> = BTreeMap::new();
        let mut rules: BTreeMap<String, (usize, String, Vec<String>, String, Origin)> =
            BTreeMap::new();
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
        let mut vocab = Vocab::default();
        for w in BASE_WORDS {
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
            let anchor = anchor(&pattern);
            let anchors = anchors(&pattern);
            let first = first(&pattern);
            let min_slots = min_slots(&pattern);
            compiled.push(Rule {
                id,
                relation,
                ignore,
                pattern,
                anchor,
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
        let r = RuleSet::compile(&[(PathBuf::from("relations.rules"), BUILTIN_RULES.to_string())]);
        if let Err(e) = &r {
            panic!("{e}");
        }
        assert!(r.unwrap().len() > 20);
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
