//! The word lists the tagger reads names in context with (`tagging.words` in the
//! gazetteer folder, or the copy built in): which words make a capital a place rather
//! than its state, and which capitalised words before a surname are not given names. The
//! file's format is described at its top.

use crate::error::{Diagnostic, Error, Result};
use std::collections::HashSet;
use std::path::Path;

/// The word lists shipped with newsgraph, used when the gazetteer folder has no
/// [`WORDS_FILE`].
pub const BUILTIN_WORDS: &str = include_str!("../../gazetteer/tagging.words");

/// The word lists' file name in a gazetteer folder.
pub const WORDS_FILE: &str = "tagging.words";

/// The lists, by the name of their `[section]`.
const LISTS: [&str; 5] = [
    "locative_before",
    "determiners",
    "motion_verbs",
    "place_next",
    "not_given_names",
];

/// The tagger's word lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// Words before a capital that make it a location (`in`, `near`, `capital`).
    pub locative_before: HashSet<String>,
    /// Determiners after which a capital is a modifier or a location (`the`, `his`).
    pub determiners: HashSet<String>,
    /// Verbs of motion before `to`: what follows is a destination (`travelled`).
    pub motion_verbs: HashSet<String>,
    /// Nouns after a capital that make it a place (`residents`, `airport`).
    pub place_next: HashSet<String>,
    /// Capitalised words that may precede a surname without being a given name
    /// (`President`, `The`); matched as written.
    pub not_given_names: HashSet<String>,
}

impl Words {
    /// The built-in lists.
    pub fn builtin() -> Words {
        Words::parse(Path::new("<built-in>/tagging.words"), BUILTIN_WORDS)
            .expect("the built-in word lists parse")
    }

    /// The lists of a gazetteer folder: its `tagging.words`, or the built-in ones.
    pub fn load(dir: &Path) -> Result<Words> {
        let path = dir.join(WORDS_FILE);
        if !path.exists() {
            return Ok(Words::builtin());
        }
        let text = crate::text::read_text(&path).map_err(|e| Error::io(&path, e))?;
        Words::parse(&path, &text)
    }

    /// Parses word-list text as the file `path`; every bad line is reported.
    pub fn parse(path: &Path, text: &str) -> Result<Words> {
        let mut words = Words::default();
        let mut errors = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        let mut current: Option<&str> = None;
        for (i, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let name = name.trim();
                match LISTS.iter().find(|l| **l == name) {
                    Some(l) if seen.contains(l) => {
                        errors.push(Diagnostic::at(
                            path,
                            i + 1,
                            format!("list [{name}] comes twice: give its words once"),
                        ));
                        current = None;
                    }
                    Some(l) => {
                        seen.push(l);
                        current = Some(l);
                    }
                    None => {
                        errors.push(Diagnostic::at(
                            path,
                            i + 1,
                            format!("unknown list [{name}]; the lists are {}", LISTS.join(", ")),
                        ));
                        current = None;
                    }
                }
                continue;
            }
            let Some(list) = current else {
                if seen.is_empty() {
                    errors.push(Diagnostic::at(
                        path,
                        i + 1,
                        "words before any [list] header: start the list with [name]",
                    ));
                }
                continue;
            };
            let set = words.list_mut(list);
            set.extend(line.split_whitespace().map(str::to_string));
        }
        for l in LISTS {
            if !seen.contains(&l) {
                errors.push(Diagnostic::file(
                    path,
                    format!("no [{l}] list: every list of the built-in tagging.words is needed"),
                ));
            }
        }
        if errors.is_empty() {
            Ok(words)
        } else {
            Err(Error::Invalid(errors))
        }
    }

    fn list_mut(&mut self, name: &str) -> &mut HashSet<String> {
        match name {
            "locative_before" => &mut self.locative_before,
            "determiners" => &mut self.determiners,
            "motion_verbs" => &mut self.motion_verbs,
            "place_next" => &mut self.place_next,
            _ => &mut self.not_given_names,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_hold_the_words() {
        let w = Words::builtin();
        assert!(w.locative_before.contains("outskirts"));
        assert!(w.determiners.contains("their"));
        assert!(w.motion_verbs.contains("advancing"));
        assert!(w.place_next.contains("airport"));
        assert!(w.not_given_names.contains("President"));
        assert!(!w.not_given_names.contains("president"));
    }

    #[test]
    fn every_bad_line_is_reported() {
        let err = Words::parse(
            Path::new("t.words"),
            "stray words\n[locative_before]\nin\n[colours]\nred\n[locative_before]\n",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "t.words:1: words before any [list] header: start the list with [name]\n\
             t.words:4: unknown list [colours]; the lists are locative_before, determiners, motion_verbs, place_next, not_given_names\n\
             t.words:6: list [locative_before] comes twice: give its words once\n\
             t.words: no [determiners] list: every list of the built-in tagging.words is needed\n\
             t.words: no [motion_verbs] list: every list of the built-in tagging.words is needed\n\
             t.words: no [place_next] list: every list of the built-in tagging.words is needed\n\
             t.words: no [not_given_names] list: every list of the built-in tagging.words is needed"
        );
    }
}
