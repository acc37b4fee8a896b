//! Cue lexicons and frames: one cue word, written once, works in every construction
//! (frame) its group takes.
//!
//! A `cue RELATION GROUP FRAME...: entry...` line lists cue words of one word class (the
//! group name starts with `verb`, `noun` or `phrase`); a verb entry `attack` stands for
//! `attack attacks attacked attacking`, a noun entry `strike` for `strike strikes`, and
//! irregular forms follow a slash (`strike/struck/struck`, `militia/militias`). Words of a
//! multi-word entry are joined by `_` and may be any pattern atoms (`claim_responsibility_for`,
//! `fire_..4_at`): only the first is inflected. A `frame NAME: pattern` is written once
//! for every relation, with `@cue` (any form of the group's cues), `@pp` (their past
//! participles), `@ing` (their `-ing` forms), `@src` and `@tgt` (the relation's slot
//! classes `RELATION.source` and `RELATION.target`). For each cue group and each frame it
//! names, [`expand`] writes the rule `RELATION.GROUP.FRAME`; `inverse` swaps the sides,
//! for cues whose subject is the relation's target (`Iran backs X` is `backed_by(X, Iran)`).

/// The inflected forms of one cue group: every form, past participles, `-ing` forms.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Forms {
    /// Every form, each as pattern text.
    pub all: Vec<String>,
    /// Past participles (verbs); every form otherwise.
    pub pp: Vec<String>,
    /// `-ing` forms (verbs); every form otherwise.
    pub ing: Vec<String>,
}

/// The word class of a cue group, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Verb,
    Noun,
    Phrase,
}

fn class_of(group: &str) -> Class {
    if group.starts_with("verb") {
        Class::Verb
    } else if group.starts_with("noun") {
        Class::Noun
    } else {
        Class::Phrase
    }
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Short consonant-vowel-consonant words double their last letter (`ban` → `banned`).
fn doubles(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    (3..=4).contains(&n)
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn sibilant(w: &str) -> bool {
    ["s", "x", "z", "ch", "sh"].iter().any(|e| w.ends_with(e))
}

fn consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !is_vowel(b[b.len() - 2])
}

/// `attack` → `attacks`; `carry` → `carries`; `push` → `pushes`.
fn third_person(w: &str) -> String {
    if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if sibilant(w) || w.ends_with('o') {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// `attack` → `attacked`; `blame` → `blamed`; `ban` → `banned`; `carry` → `carried`.
fn past(w: &str) -> String {
    if w.ends_with('e') {
        format!("{w}d")
    } else if consonant_y(w) {
        format!("{}ied", &w[..w.len() - 1])
    } else if doubles(w) {
        format!("{w}{}ed", &w[w.len() - 1..])
    } else {
        format!("{w}ed")
    }
}

/// `attack` → `attacking`; `blame` → `blaming`; `ban` → `banning`.
fn gerund(w: &str) -> String {
    if let Some(stem) = w.strip_suffix("ie") {
        format!("{stem}ying")
    } else if w.ends_with('e') && !w.ends_with("ee") && w.len() > 2 {
        format!("{}ing", &w[..w.len() - 1])
    } else if doubles(w) {
        format!("{w}{}ing", &w[w.len() - 1..])
    } else {
        format!("{w}ing")
    }
}

/// `strike` → `strikes`; `militia` → `militias`; `party` → `parties`.
fn plural(w: &str) -> String {
    if consonant_y(w) {
        format!("{}ies", &w[..w.len() - 1])
    } else if sibilant(w) {
        format!("{w}es")
    } else {
        format!("{w}s")
    }
}

/// The forms of a cue group's entries, or what is wrong with one of them.
pub fn forms(group: &str, entries: &[String]) -> Result<Forms, String> {
    let class = class_of(group);
    let mut out = Forms::default();
    for entry in entries {
        let mut words = entry.split('_');
        let head = words.next().unwrap_or("");
        let tail: Vec<&str> = words.collect();
        if head.is_empty() || tail.iter().any(|w| w.is_empty()) {
            return Err(format!(
                "cue `{entry}`: empty word (a doubled or trailing `_`)"
            ));
        }
        let parts: Vec<&str> = head.split('/').collect();
        if parts
            .iter()
            .any(|p| p.is_empty() || !super::pattern::is_word(p))
        {
            return Err(format!(
                "cue `{entry}`: `{head}` is not a word (irregular forms go `lemma/past/participle`)"
            ));
        }
        let with = |w: &str| {
            let mut s = w.to_string();
            for t in &tail {
                s.push(' ');
                s.push_str(t);
            }
            s
        };
        let (all, pp, ing): (Vec<String>, Vec<String>, Vec<String>) = match (
            class,
            parts.as_slice(),
        ) {
            (Class::Verb, &[w]) => {
                let p = past(w);
                (
                    vec![w.into(), third_person(w), p.clone(), gerund(w)],
                    vec![p],
                    vec![gerund(w)],
                )
            }
            (Class::Verb, &[w, p, pp]) => (
                vec![w.into(), third_person(w), p.into(), pp.into(), gerund(w)],
                vec![pp.into()],
                vec![gerund(w)],
            ),
            (Class::Verb, _) => {
                return Err(format!(
                    "cue `{entry}`: a verb has one form (`attack`) or three (`strike/struck/struck`)"
                ));
            }
            (Class::Noun, &[w]) => (vec![w.into(), plural(w)], vec![], vec![]),
            (Class::Noun, &[w, p]) => (vec![w.into(), p.into()], vec![], vec![]),
            (Class::Noun, _) => {
                return Err(format!(
                    "cue `{entry}`: a noun has one form (`raid`) or two (`militia/militias`)"
                ));
            }
            (Class::Phrase, &[w]) => (vec![w.into()], vec![], vec![]),
            (Class::Phrase, _) => {
                return Err(format!(
                    "cue `{entry}`: a phrase is written as it is, with no `/` forms"
                ));
            }
        };
        let push = |v: &mut Vec<String>, from: Vec<String>| {
            for w in from {
                let s = with(&w);
                if !v.contains(&s) {
                    v.push(s);
                }
            }
        };
        push(&mut out.all, all);
        push(&mut out.pp, pp);
        push(&mut out.ing, ing);
    }
    if class != Class::Verb {
        out.pp = out.all.clone();
        out.ing = out.all.clone();
    }
    Ok(out)
}

/// Pattern text for a list of forms: one-word forms first, so that the compiler merges
/// them into one word test.
pub fn alternation(forms: &[String]) -> String {
    let (one, many): (Vec<&String>, Vec<&String>) = forms.iter().partition(|f| !f.contains(' '));
    let alts: Vec<&str> = one.into_iter().chain(many).map(String::as_str).collect();
    alts.join(" | ")
}

/// The macro names of a cue group's forms (`cue.attacked.verb`, `.pp`, `.ing`).
pub fn macro_names(relation: &str, group: &str) -> [String; 3] {
    let base = format!("cue.{relation}.{group}");
    [base.clone(), format!("{base}.pp"), format!("{base}.ing")]
}

/// The rule text a frame gives for one cue group.
pub fn expand(frame: &str, relation: &str, group: &str, inverse: bool) -> String {
    let [all, pp, ing] = macro_names(relation, group);
    let src = format!("{relation}.source");
    let tgt = format!("{relation}.target");
    frame
        .split_whitespace()
        .map(|piece| {
            let core = piece.trim_start_matches('(');
            let lead = &piece[..piece.len() - core.len()];
            let mut core = core.to_string();
            if inverse {
                core = swap_sides(&core);
            }
            let core = core
                .replace("@cue", &format!("${all}"))
                .replace("@pp", &format!("${pp}"))
                .replace("@ing", &format!("${ing}"))
                .replace("@src", &src)
                .replace("@tgt", &tgt);
            format!("{lead}{core}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `X+:@src` ↔ `Y+:@tgt`: the other side of a slot, for inverse cues.
fn swap_sides(atom: &str) -> String {
    let mut chars = atom.chars();
    let first = chars.next();
    let rest: String = chars.collect();
    let slot = rest.is_empty() || rest.starts_with(['+', ':', '=', ')', '?']);
    let side = match first {
        Some('X') if slot => "Y",
        Some('Y') if slot => "X",
        _ => return atom.to_string(),
    };
    let rest = rest
        .replace("@src", "\u{1}")
        .replace("@tgt", "@src")
        .replace('\u{1}', "@tgt");
    format!("{side}{rest}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn verbs_are_inflected_regularly_or_as_written() {
        let f = forms(
            "verb",
            &words(&["attack", "blame", "ban", "carry", "strike/struck/struck"]),
        )
        .unwrap();
        for w in [
            "attack",
            "attacks",
            "attacked",
            "attacking",
            "blamed",
            "blames",
            "blaming",
            "banned",
            "banning",
            "carries",
            "carried",
            "struck",
            "striking",
        ] {
            assert!(f.all.iter().any(|x| x == w), "{w} missing from {:?}", f.all);
        }
        assert!(f.pp.contains(&"struck".to_string()) && !f.pp.contains(&"strike".to_string()));
    }

    #[test]
    fn multi_word_cues_inflect_their_first_word() {
        let f = forms("verb", &words(&["claim_responsibility_for"])).unwrap();
        assert!(f.all.contains(&"claimed responsibility for".to_string()));
        let n = forms("noun_on", &words(&["raid", "militia/militias"])).unwrap();
        assert_eq!(n.all, words(&["raid", "raids", "militia", "militias"]));
    }

    #[test]
    fn bad_entries_are_explained() {
        assert!(
            forms("verb", &words(&["a/b"]))
                .unwrap_err()
                .contains("one form")
        );
        assert!(
            forms("phrase", &words(&["x__y"]))
                .unwrap_err()
                .contains("empty word")
        );
    }

    #[test]
    fn inverse_frames_swap_sides_and_classes() {
        let t = expand("( X+:@src | the X ) @cue Y:@tgt", "backed_by", "verb", true);
        assert_eq!(
            t,
            "( Y+:backed_by.target | the Y ) $cue.backed_by.verb X:backed_by.source"
        );
    }
}
