//! Reading rules files: lines → declarations, each remembering the line it came from.
//!
//! The format is documented in `gazetteer/RULES.md`. This module only splits a file into
//! declarations and checks their outer shape; patterns are compiled later
//! ([`super::pattern`]), once every file has been read, so that a rule may use a family
//! or macro declared in another file.

use crate::error::Diagnostic;
pub use crate::text::Origin;
use std::path::Path;

/// One declaration of a rules file.
#[derive(Debug, Clone)]
pub enum Decl {
    /// `family NAME: word word ...`
    Family { name: String, words: Vec<String> },
    /// `class NAME: type type ...`
    Class { name: String, members: Vec<String> },
    /// `demonym ENTITY: Word Word ...`
    Demonym { entity: String, words: Vec<String> },
    /// `macro NAME: pattern`
    Macro { name: String, body: String },
    /// `title ROLE TITLE: word word ...`
    Title { title: String, words: Vec<String> },
    /// `refuse CLASS WINDOW: word word ...`
    Refuse {
        class: String,
        window: usize,
        words: Vec<String>,
    },
    /// `symmetric RELATION ...`
    Symmetric { relations: Vec<String> },
    /// `clausal: RELATION ...` (relations whose slots refuse unnamed obliques)
    Clausal { relations: Vec<String> },
    /// `anaphor WORD ...: TYPE ...` (nouns that stand for an entity named before)
    Anaphor {
        words: Vec<String>,
        types: Vec<String>,
        origin: Origin,
    },
    /// `stop: word ...` (words a `..N` gap does not pass)
    Stop { words: Vec<String> },
    /// `frame NAME: pattern` (a construction that cue words of any relation can take)
    Frame {
        name: String,
        body: String,
        origin: Origin,
    },
    /// `cue RELATION GROUP [inverse] FRAME ...: entry ...` (cue words and the frames they take)
    Cue {
        relation: String,
        group: String,
        frames: Vec<String>,
        inverse: bool,
        entries: Vec<String>,
        origin: Origin,
    },
    /// `rule ID RELATION [ignore=CLASS,...]: pattern`
    Rule {
        id: String,
        relation: String,
        ignore: Vec<String>,
        pattern: String,
        origin: Origin,
    },
}

const KEYWORDS: &str = "family, class, demonym, anaphor, macro, title, refuse, symmetric, clausal, stop, frame, cue or rule";

/// Splits `text` (the file `path`) into declarations; every malformed line is reported.
pub fn parse_file(path: &Path, text: &str) -> (Vec<Decl>, Vec<Diagnostic>) {
    let mut decls = Vec::new();
    let mut errors = Vec::new();
    for (line, body) in logical_lines(text) {
        let origin = Origin {
            path: path.to_path_buf(),
            line,
        };
        match parse_decl(&body, origin.clone()) {
            Ok(d) => decls.push(d),
            Err(msg) => errors.push(origin.error(msg)),
        }
    }
    (decls, errors)
}

/// Comment-free logical lines: a line that starts with white space continues the previous one.
fn logical_lines(text: &str) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let continues = line.starts_with([' ', '\t']);
        match out.last_mut() {
            Some(last) if continues => {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            _ => out.push((i + 1, line.trim().to_string())),
        }
    }
    out
}

/// A comment runs from `#` to the end of the line.
fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) => &line[..i],
        None => line,
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '.' || c == '-'
        })
        && s.chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
}

fn parse_decl(line: &str, origin: Origin) -> Result<Decl, String> {
    let Some((head, body)) = line.split_once(':') else {
        return Err(format!(
            "expected `KEYWORD ...: ...` ({KEYWORDS}), got `{}`",
            line.chars().take(40).collect::<String>()
        ));
    };
    let mut words = head.split_whitespace();
    let keyword = words.next().unwrap_or("");
    let args: Vec<&str> = words.collect();
    let body = body.trim();
    let list = || {
        body.split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    let one_name = |what: &str| -> Result<String, String> {
        match args.as_slice() {
            [name] if is_name(name) => Ok(name.to_string()),
            [name] => Err(format!(
                "bad {what} name `{name}`: use lower case letters, digits and `_`"
            )),
            _ => Err(format!(
                "expected `{keyword} NAME: ...` with one {what} name"
            )),
        }
    };
    let nonempty = |v: Vec<String>, what: &str| -> Result<Vec<String>, String> {
        if v.is_empty() {
            Err(format!("`{keyword}` needs at least one {what} after `:`"))
        } else {
            Ok(v)
        }
    };
    match keyword {
        "family" => {
            let name = one_name("family")?;
            Ok(Decl::Family {
                name,
                words: nonempty(list(), "word")?,
            })
        }
        "class" => {
            let name = one_name("class")?;
            Ok(Decl::Class {
                name,
                members: nonempty(list(), "type")?,
            })
        }
        "demonym" => {
            let entity = one_name("entity")?;
            Ok(Decl::Demonym {
                entity,
                words: nonempty(list(), "word")?,
            })
        }
        "macro" => {
            let name = one_name("macro")?;
            if body.is_empty() {
                return Err("`macro` needs a pattern after `:`".into());
            }
            Ok(Decl::Macro {
                name,
                body: body.to_string(),
            })
        }
        "title" => {
            if args.is_empty() {
                return Err(
                    "expected `title ROLE TITLE: word ...`, e.g. `title prime minister: premier`"
                        .into(),
                );
            }
            let title = args
                .iter()
                .map(|w| w.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            Ok(Decl::Title {
                title,
                words: nonempty(list(), "word")?,
            })
        }
        "refuse" => {
            let [class, window] = args.as_slice() else {
                return Err(
                    "expected `refuse CLASS WINDOW: word ...`, e.g. `refuse negation 4: not never`"
                        .into(),
                );
            };
            if !is_name(class) {
                return Err(format!("bad refusal class name `{class}`"));
            }
            let window = window
                .parse::<usize>()
                .map_err(|_| format!("bad window `{window}`: expected a number of words"))?;
            Ok(Decl::Refuse {
                class: class.to_string(),
                window,
                words: nonempty(list(), "word")?,
            })
        }
        "anaphor" => {
            if args.is_empty() {
                return Err(
                    "expected `anaphor WORD ...: TYPE ...`, e.g. `anaphor city town: place`".into(),
                );
            }
            let words = args.iter().map(|w| w.to_lowercase()).collect();
            let types = body
                .split([',', ' '])
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
            Ok(Decl::Anaphor {
                words,
                types: nonempty(types, "type")?,
                origin,
            })
        }
        "stop" => {
            if !args.is_empty() {
                return Err("expected `stop: word ...` (no name before `:`)".into());
            }
            Ok(Decl::Stop {
                words: nonempty(list(), "word")?,
            })
        }
        "symmetric" | "clausal" => {
            if body.is_empty() && args.is_empty() {
                return Err(format!("expected `{keyword}: RELATION ...`"));
            }
            let relations: Vec<String> = args.iter().map(|s| s.to_string()).chain(list()).collect();
            if let Some(bad) = relations.iter().find(|r| !is_name(r)) {
                return Err(format!("bad relation name `{bad}`"));
            }
            Ok(if keyword == "symmetric" {
                Decl::Symmetric { relations }
            } else {
                Decl::Clausal { relations }
            })
        }
        "frame" => {
            let name = one_name("frame")?;
            if body.is_empty() {
                return Err("`frame` needs a pattern after `:`".into());
            }
            Ok(Decl::Frame {
                name,
                body: body.to_string(),
                origin,
            })
        }
        "cue" => {
            let (relation, group, rest) = match args.as_slice() {
                [relation, group, rest @ ..] if !rest.is_empty() => (*relation, *group, rest),
                _ => return Err("expected `cue RELATION GROUP FRAME ...: word ...`, e.g. `cue attacked verb active passive: attack shell`".into()),
            };
            if !is_name(relation) || relation.contains(['.', '-']) {
                return Err(format!(
                    "bad relation name `{relation}`: use lower snake case"
                ));
            }
            if !is_name(group) || group.contains('.') {
                return Err(format!(
                    "bad cue group `{group}`: use lower snake case starting with `verb`, `noun` or `phrase`"
                ));
            }
            if !["verb", "noun", "phrase"]
                .iter()
                .any(|k| group.starts_with(k))
            {
                return Err(format!(
                    "cue group `{group}` must start with its word class: `verb` (inflected as a verb), `noun` (with a plural) or `phrase` (as written)"
                ));
            }
            let inverse = rest.contains(&"inverse");
            let frames: Vec<String> = rest
                .iter()
                .filter(|f| **f != "inverse")
                .map(|f| f.to_string())
                .collect();
            if let Some(bad) = frames.iter().find(|f| !is_name(f)) {
                return Err(format!("bad frame name `{bad}`"));
            }
            if frames.is_empty() {
                return Err(format!("cue group `{group}` names no frame"));
            }
            Ok(Decl::Cue {
                relation: relation.to_string(),
                group: group.to_string(),
                frames,
                inverse,
                entries: nonempty(list(), "cue word")?,
                origin,
            })
        }
        "rule" => {
            let (id, relation, rest) = match args.as_slice() {
                [id, relation, rest @ ..] => (*id, *relation, rest),
                _ => return Err("expected `rule ID RELATION: pattern`, e.g. `rule threat.verb threatened: X ~threaten Y`".into()),
            };
            if !is_name(id) {
                return Err(format!(
                    "bad rule id `{id}`: use lower case letters, digits, `_`, `.` and `-`"
                ));
            }
            if !is_name(relation) || relation.contains(['.', '-']) {
                return Err(format!(
                    "bad relation name `{relation}`: use lower snake case"
                ));
            }
            let mut ignore = Vec::new();
            for opt in rest {
                match opt.strip_prefix("ignore=") {
                    Some(list) => ignore.extend(
                        list.split(',')
                            .filter(|s| !s.is_empty())
                            .map(str::to_string),
                    ),
                    None => {
                        return Err(format!(
                            "unknown rule option `{opt}`: the only option is `ignore=CLASS,...`"
                        ));
                    }
                }
            }
            if body.is_empty() {
                return Err(format!("rule `{id}` has no pattern after `:`"));
            }
            Ok(Decl::Rule {
                id: id.to_string(),
                relation: relation.to_string(),
                ignore,
                pattern: body.to_string(),
                origin,
            })
        }
        "" => Err(format!("expected a keyword before `:` ({KEYWORDS})")),
        other => Err(format!("unknown keyword `{other}`: expected {KEYWORDS}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Vec<Decl>, Vec<String>) {
        let (d, e) = parse_file(Path::new("r.rules"), text);
        (d, e.into_iter().map(|d| d.to_string()).collect())
    }

    #[test]
    fn continuation_lines_and_comments() {
        let (d, e) =
            parse("# c\nrule a.b blamed: X ~blame # why\n   Y\n\nfamily blame: blame blamed\n");
        assert!(e.is_empty(), "{e:?}");
        match &d[0] {
            Decl::Rule {
                id,
                pattern,
                origin,
                ..
            } => {
                assert_eq!(
                    (id.as_str(), pattern.as_str(), origin.line),
                    ("a.b", "X ~blame Y", 2)
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn every_bad_line_is_reported() {
        let (_, e) = parse("rule x: X Y\nbogus a: b\nrefuse neg x: not\nno colon here\n");
        assert_eq!(e.len(), 4, "{e:?}");
        assert!(
            e[0].starts_with("r.rules:1: expected `rule ID RELATION: pattern`"),
            "{e:?}"
        );
        assert!(
            e[1].starts_with("r.rules:2: unknown keyword `bogus`"),
            "{e:?}"
        );
        assert!(e[2].starts_with("r.rules:3: bad window `x`"), "{e:?}");
        assert!(
            e[3].starts_with("r.rules:4: expected `KEYWORD ...: ...`"),
            "{e:?}"
        );
    }
}
