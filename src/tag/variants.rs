//! Spelling variants of aliases and the table of folded patterns.
//!
//! Each name is folded; the Arabic article inside it (`al`, `el`) may then be written
//! either way or left out, as long as two words remain. A name written by hand always
//! wins over a generated variant of another entity; two generated variants of different
//! entities that collide are both dropped, since neither can be trusted.

use crate::text::fold_key;
use std::collections::BTreeMap;

/// Articles that may be swapped or dropped.
const ARTICLES: [&str; 2] = ["al", "el"];
/// At most this many articles in one name are varied (3 articles give 27 forms).
const MAX_ARTICLES: usize = 3;

fn is_case_sensitive(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase())
}

/// Every folded form of a folded name, itself included.
fn article_variants(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let slots: Vec<usize> = (0..words.len().saturating_sub(1))
        .filter(|&i| ARTICLES.contains(&words[i]))
        .take(MAX_ARTICLES)
        .collect();
    let mut out = vec![Vec::<&str>::new()];
    for (i, w) in words.iter().enumerate() {
        if slots.contains(&i) {
            let mut next = Vec::new();
            for prefix in &out {
                for choice in ["al", "el", ""] {
                    let mut p = prefix.clone();
                    if !choice.is_empty() {
                        p.push(choice);
                    }
                    next.push(p);
                }
            }
            out = next;
        } else {
            for prefix in &mut out {
                prefix.push(w);
            }
        }
    }
    let mut forms: Vec<String> = out
        .into_iter()
        .filter(|ws| ws.len() >= 2 || words.len() < 2)
        .map(|ws| ws.join(" "))
        .collect();
    forms.sort();
    forms.dedup();
    forms
}

/// Folded pattern → (entity, case-sensitive) for every name of every entity.
pub(super) fn alias_table<'a, I, N>(entities: I) -> BTreeMap<String, (u32, bool)>
where
    I: Iterator<Item = (u32, N)>,
    N: Iterator<Item = &'a str>,
{
    let mut explicit: BTreeMap<String, (u32, bool)> = BTreeMap::new();
    let mut generated: BTreeMap<String, Option<(u32, bool)>> = BTreeMap::new();
    for (entity, names) in entities {
        for name in names {
            let key = fold_key(name);
            if key.is_empty() {
                continue;
            }
            let cs = is_case_sensitive(name);
            // The loader already refused the same alias on two entities.
            explicit.entry(key.clone()).or_insert((entity, cs));
            for form in article_variants(&key) {
                if form == key {
                    continue;
                }
                generated
                    .entry(form)
                    .and_modify(|v| {
                        if v.is_some_and(|(e, _)| e != entity) {
                            *v = None;
                        }
                    })
                    .or_insert(Some((entity, cs)));
            }
        }
    }
    for (form, owner) in generated {
        if let Some(owner) = owner {
            explicit.entry(form).or_insert(owner);
        }
    }
    explicit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_forms() {
        assert_eq!(
            article_variants("asaib ahl al haq"),
            ["asaib ahl al haq", "asaib ahl el haq", "asaib ahl haq"]
        );
        assert_eq!(article_variants("al salam"), ["al salam", "el salam"]);
        assert_eq!(article_variants("iraq"), ["iraq"]);
    }

    #[test]
    fn case_sensitivity_rule() {
        assert!(is_case_sensitive("US"));
        assert!(is_case_sensitive("U.S."));
        assert!(is_case_sensitive("IRGC"));
        assert!(!is_case_sensitive("Daesh"));
        assert!(!is_case_sensitive("HEZBOLLAH"));
    }

    #[test]
    fn hand_written_alias_beats_generated_variant() {
        let a = ["Hashed al-Shaabi"];
        let b = ["Hashed Shaabi"];
        let t = alias_table([(0u32, a.iter().copied()), (1u32, b.iter().copied())].into_iter());
        assert_eq!(t["hashed shaabi"], (1, false));
        assert_eq!(t["hashed el shaabi"], (0, false));
    }
}
