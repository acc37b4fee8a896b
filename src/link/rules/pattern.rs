//! Rule patterns: the text of a rule → a tree of [`Node`]s over sentence tokens.
//!
//! Grammar (see `gazetteer/RULES.md`):
//!
//! ```text
//! pattern  = alt ( " | " alt )*          alternatives of whole sequences
//! alt      = item+
//! item     = atom "?"?                    `?` makes it optional
//! atom     = "(" pattern ")" | word("|"word)* | ~family | $macro | slot | binding | gap | not
//! slot     = X | Y | X+ | Y+ , optionally ":type,type,..."
//! binding  = X=host | Y=host | Y=role
//! not      = !word("|"word)* | !~family   the next token is none of these (zero-width)
//! gap      = ..N (words and punctuation) | ...N (anything, mentions too)
//! ```

use super::vocab::Vocab;
use crate::gazetteer::EntityType;
use std::collections::BTreeMap;

/// Which side of the relation a slot fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// The source (`X`).
    X,
    /// The target (`Y`).
    Y,
}

/// What a slot accepts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accept {
    /// Entity types; empty means any type.
    pub types: Vec<EntityType>,
    /// Words one of which the entity's canonical name must contain (`=embassy`).
    pub named: Vec<String>,
    /// Words none of which the entity's canonical name may contain (`!=province`).
    pub unnamed: Vec<String>,
    /// Whether a demonym word (`Iraqi`) fills the slot with its state.
    pub demonym: bool,
    /// Whether an anaphoric noun (`the city`) fills the slot with the entity it stands for.
    pub anaphor: bool,
    /// Whether a state (a government with no parent body) is refused (`!state`).
    pub not_state: bool,
}

impl Accept {
    /// True when no type or name restricts the slot (`X:anaphor` alone takes only anaphors).
    pub fn any(&self) -> bool {
        self.types.is_empty()
            && self.named.is_empty()
            && self.unnamed.is_empty()
            && !self.anaphor
            && !self.demonym
            && !self.not_state
    }
}

/// An implicit filler of a side, computed instead of read from the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implicit {
    /// The state the document is mostly about (other than the other side).
    Host,
    /// The organisation of the source person's role named by the matched title.
    Role,
    /// The source's `parent` body (not a state), when the match names it as a possessor
    /// (`the IRGC's Quds Force`).
    Parent,
    /// The target of the last attack the document reported before (`claimed responsibility
    /// for the attack.`).
    Target,
    /// The attacker of the last attack the document reported before (`condemned the
    /// strikes`).
    Attacker,
}

/// One element of a compiled pattern.
#[derive(Debug, Clone)]
pub enum Node {
    /// One token whose word is any of these vocabulary ids.
    Word(Vec<u32>),
    /// A mention (or pronoun, or demonym) filling a side; `list` takes `A, B and C`.
    Slot {
        side: Side,
        list: bool,
        accept: Accept,
        modifier_ok: bool,
        /// Whether it may take a possessor (`Iraq` in `Iraq's capital`): only when `'s`
        /// follows in the pattern.
        possessor_ok: bool,
    },
    /// A side filled without reading a token.
    Bind { side: Side, how: Implicit },
    /// Up to `max` tokens; mentions only when `mentions`.
    Gap {
        max: usize,
        mentions: bool,
        /// Words the gap does not pass (`..3^prep`), sorted.
        except: Vec<u32>,
    },
    /// Alternative sequences.
    Group(Vec<Vec<Node>>),
    /// An optional sequence.
    Opt(Vec<Node>),
    /// Zero-width: the next token is not one of these words (`!a|the`).
    Not(Vec<u32>),
}

/// What a pattern may refer to: families, classes and macros by name.
#[derive(Debug, Default)]
pub struct Env {
    /// `family` declarations: name → words.
    pub families: BTreeMap<String, Vec<String>>,
    /// `class` declarations: name → types and `=word` names.
    pub classes: BTreeMap<String, Vec<String>>,
    /// `macro` declarations: name → pattern text.
    pub macros: BTreeMap<String, String>,
}

/// Words a pattern may quote as punctuation.
pub const PUNCTUATION: &[&str] = &[",", ";", ":", "-", "--", "'s", "."];

#[derive(Debug, Clone, PartialEq)]
enum Lex {
    Open,
    Close,
    Bar,
    Atom(String),
}

fn lex(text: &str) -> Vec<Lex> {
    let mut out = Vec::new();
    for piece in text.split_whitespace() {
        if piece == "|" {
            out.push(Lex::Bar);
            continue;
        }
        let mut rest = piece;
        while let Some(r) = rest.strip_prefix('(') {
            out.push(Lex::Open);
            rest = r;
        }
        let mut closes = Vec::new();
        loop {
            if let Some(r) = rest.strip_suffix(")?") {
                closes.push(Lex::Atom(")?".into()));
                rest = r;
            } else if let Some(r) = rest.strip_suffix(')') {
                closes.push(Lex::Close);
                rest = r;
            } else {
                break;
            }
        }
        if !rest.is_empty() {
            out.push(Lex::Atom(rest.to_string()));
        }
        out.extend(closes.into_iter().rev());
    }
    out
}

/// How deeply `( )` may nest in a pattern, macros expanded (each macro adds one level).
/// The parser and the matcher recurse over the nesting, so it is bounded here, at
/// compile time, with a message, instead of by the stack at run time.
pub const MAX_NESTING: usize = 32;
/// How many elements (words, slots, gaps, brackets) a pattern may have, macros expanded:
/// the matcher recurses once per element.
pub const MAX_ELEMENTS: usize = 2_000;
/// How long a pattern may grow when its macros are expanded, in bytes.
pub const MAX_EXPANDED: usize = 100_000;

/// Compiles pattern text.
pub fn compile(text: &str, env: &Env, vocab: &mut Vocab) -> Result<Vec<Node>, String> {
    let expanded = expand(text, env, 0)?;
    let toks = lex(&expanded);
    let mut depth = 0usize;
    for t in &toks {
        match t {
            Lex::Open => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Err(format!(
                        "`( )` nest more than {MAX_NESTING} levels deep, macros expanded (the limit): flatten the pattern"
                    ));
                }
            }
            Lex::Close => depth = depth.saturating_sub(1),
            Lex::Atom(a) if a == ")?" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if toks.len() > MAX_ELEMENTS {
        return Err(format!(
            "the pattern has {} elements, macros expanded; the limit is {MAX_ELEMENTS}: split the rule",
            toks.len()
        ));
    }
    let mut pos = 0;
    let alts = parse_alts(&toks, &mut pos, env, vocab)?;
    if pos < toks.len() {
        return Err("unbalanced `)`: no `(` opens it".into());
    }
    let mut nodes = if alts.len() == 1 {
        alts.into_iter().next().unwrap()
    } else {
        vec![Node::Group(alts)]
    };
    mark_modifiers(&mut nodes, vocab);
    merge_words(&mut nodes);
    Ok(nodes)
}

/// Merges neighbouring alternatives that are one word each (`( attack | ~strike | shelled
/// )`) into one [`Node::Word`], so that the matcher looks the token up once instead of
/// trying each alternative. Matches are unchanged: such alternatives all continue after
/// the same token. Runs after [`mark_modifiers`], which reads the written structure.
fn merge_words(seq: &mut [Node]) {
    for node in seq.iter_mut() {
        match node {
            Node::Group(alts) => {
                alts.iter_mut().for_each(|a| merge_words(a));
                let mut merged: Vec<Vec<Node>> = Vec::with_capacity(alts.len());
                for alt in alts.drain(..) {
                    match (merged.last_mut().map(Vec::as_mut_slice), alt.as_slice()) {
                        (Some([Node::Word(ids)]), [Node::Word(more)]) => {
                            ids.extend(more);
                            ids.sort_unstable();
                            ids.dedup();
                        }
                        _ => merged.push(alt),
                    }
                }
                *alts = merged;
                if let [alt] = alts.as_mut_slice()
                    && let [Node::Word(ids)] = alt.as_mut_slice()
                {
                    *node = Node::Word(std::mem::take(ids));
                }
            }
            Node::Opt(inner) => merge_words(inner),
            _ => {}
        }
    }
}

/// Replaces `$name` by the macro's text, in parentheses.
pub fn expand(text: &str, env: &Env, depth: usize) -> Result<String, String> {
    if depth > 8 {
        return Err("macros nest too deeply (a macro that uses itself?)".into());
    }
    let mut out = Vec::new();
    let mut len = 0usize;
    for piece in text.split_whitespace() {
        let core = piece.trim_start_matches('(');
        let lead = &piece[..piece.len() - core.len()];
        let name_end = core.find([')', '?']).unwrap_or(core.len());
        if let Some(name) = core[..name_end].strip_prefix('$') {
            let body = env.macros.get(name).ok_or_else(|| {
                format!("unknown macro `${name}`: declare it with `macro {name}: ...`")
            })?;
            let body = expand(body, env, depth + 1)?;
            len += body.len() + lead.len() + 6;
            out.push(format!("{lead}( {body} ){}", &core[name_end..]));
        } else {
            len += piece.len() + 1;
            out.push(piece.to_string());
        }
        if len > MAX_EXPANDED {
            return Err(format!(
                "the pattern is longer than {MAX_EXPANDED} bytes, macros expanded (the limit): split the rule, or use fewer copies of a macro"
            ));
        }
    }
    Ok(out.join(" "))
}

fn parse_alts(
    toks: &[Lex],
    pos: &mut usize,
    env: &Env,
    vocab: &mut Vocab,
) -> Result<Vec<Vec<Node>>, String> {
    let mut alts = vec![Vec::new()];
    while *pos < toks.len() {
        match &toks[*pos] {
            Lex::Close => break,
            Lex::Atom(a) if a == ")?" => break,
            Lex::Bar => {
                if alts.last().unwrap().is_empty() {
                    return Err("empty alternative before `|`".into());
                }
                alts.push(Vec::new());
                *pos += 1;
            }
            Lex::Open => {
                *pos += 1;
                let inner = parse_alts(toks, pos, env, vocab)?;
                let optional = match toks.get(*pos) {
                    Some(Lex::Close) => false,
                    Some(Lex::Atom(a)) if a == ")?" => true,
                    _ => return Err("unbalanced `(`: no `)` closes it".into()),
                };
                *pos += 1;
                if inner.iter().any(Vec::is_empty) {
                    return Err("empty group or alternative in `( )`".into());
                }
                let node = match (optional, inner.len()) {
                    (true, 1) => Node::Opt(inner.into_iter().next().unwrap()),
                    (true, _) => Node::Opt(vec![Node::Group(inner)]),
                    (false, _) => Node::Group(inner),
                };
                alts.last_mut().unwrap().push(node);
            }
            Lex::Atom(a) => {
                let (core, optional) = match a.strip_suffix('?') {
                    Some(c) if !c.is_empty() => (c, true),
                    _ => (a.as_str(), false),
                };
                let node = atom(core, env, vocab)?;
                if optional {
                    if matches!(node, Node::Slot { .. } | Node::Bind { .. }) {
                        return Err(format!("`{a}`: a slot cannot be optional"));
                    }
                    alts.last_mut().unwrap().push(Node::Opt(vec![node]));
                } else {
                    alts.last_mut().unwrap().push(node);
                }
                *pos += 1;
            }
        }
    }
    if alts.last().unwrap().is_empty() {
        return Err(if alts.len() > 1 {
            "empty alternative after `|`".into()
        } else {
            "empty pattern".into()
        });
    }
    Ok(alts)
}

fn atom(a: &str, env: &Env, vocab: &mut Vocab) -> Result<Node, String> {
    if let Some(words) = a.strip_prefix('!') {
        return match atom(words, env, vocab)? {
            Node::Word(ids) => Ok(Node::Not(ids)),
            _ => Err(format!("`{a}`: `!` goes before words or ~families only")),
        };
    }
    if let Some(rest) = a.strip_prefix("..") {
        let (mentions, rest) = match rest.strip_prefix('.') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let dots = if mentions { "..." } else { ".." };
        let (n, family) = match rest.split_once('^') {
            Some((n, f)) => (n, Some(f)),
            None => (rest, None),
        };
        let max = n.parse().map_err(|_| {
            format!("bad gap `{a}`: expected `{dots}N` with a number, or `{dots}N^family`")
        })?;
        let mut except: Vec<u32> = match family {
            Some(f) => env
                .families
                .get(f)
                .ok_or_else(|| {
                    format!("unknown family `{f}` in `{a}`: declare it with `family {f}: ...`")
                })?
                .iter()
                .map(|w| vocab.intern(w))
                .collect(),
            None => Vec::new(),
        };
        except.sort_unstable();
        except.dedup();
        return Ok(Node::Gap {
            max,
            mentions,
            except,
        });
    }
    let side = match a.as_bytes()[0] {
        b'X' => Some(Side::X),
        b'Y' => Some(Side::Y),
        _ => None,
    };
    if let Some(side) = side {
        return slot(a, side, env);
    }
    let mut ids = Vec::new();
    for alt in a.split('|') {
        if let Some(fam) = alt.strip_prefix('~') {
            let words = env.families.get(fam).ok_or_else(|| {
                format!("unknown family `~{fam}`: declare it with `family {fam}: ...`")
            })?;
            ids.extend(words.iter().map(|w| vocab.intern(w)));
        } else if PUNCTUATION.contains(&alt) || is_word(alt) {
            ids.push(vocab.intern(&alt.to_lowercase()));
        } else {
            return Err(format!(
                "bad word `{alt}` in `{a}`: expected a word, ~family, $macro, X, Y, ..N or one of {}",
                PUNCTUATION.join(" ")
            ));
        }
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(Node::Word(ids))
}

/// A literal word: letters and digits, with inner apostrophes or dots.
pub fn is_word(w: &str) -> bool {
    !w.is_empty()
        && w.chars().next().is_some_and(char::is_alphanumeric)
        && w.chars()
            .all(|c| c.is_alphanumeric() || c == '\'' || c == '.')
}

fn slot(a: &str, side: Side, env: &Env) -> Result<Node, String> {
    let (head, rest) = match a.find([':', '=']) {
        Some(i) => (&a[..i], &a[i..]),
        None => (a, ""),
    };
    let list = match &head[1..] {
        "" => false,
        "+" => true,
        _ => return Err(format!("bad slot `{a}`: expected X, Y, X+ or Y+")),
    };
    if let Some(how) = rest.strip_prefix('=') {
        let how = match how {
            "host" => Implicit::Host,
            "role" if side == Side::Y => Implicit::Role,
            "role" => return Err("`=role` fills the target: write `Y=role`".into()),
            "parent" if side == Side::Y => Implicit::Parent,
            "parent" => return Err("`=parent` fills the target: write `Y=parent`".into()),
            "target" => Implicit::Target,
            "attacker" => Implicit::Attacker,
            other => {
                return Err(format!(
                    "unknown implicit filler `={other}`: expected `=host`, `=role`, `=parent`, `=target` or `=attacker`"
                ));
            }
        };
        if list {
            return Err(format!("`{a}`: an implicit filler cannot be a list"));
        }
        return Ok(Node::Bind { side, how });
    }
    let mut accept = Accept::default();
    if let Some(types) = rest.strip_prefix(':') {
        for t in types.split(',') {
            add_type(t, env, &mut accept, 0).map_err(|e| format!("in slot `{a}`: {e}"))?;
        }
    }
    Ok(Node::Slot {
        side,
        list,
        accept,
        modifier_ok: false,
        possessor_ok: false,
    })
}

/// What a list of slot types accepts (as in `X:TYPE,TYPE`).
pub fn accept_of(types: &[String], env: &Env) -> Result<Accept, String> {
    let mut accept = Accept::default();
    for t in types {
        add_type(t, env, &mut accept, 0)?;
    }
    Ok(accept)
}

fn add_type(t: &str, env: &Env, accept: &mut Accept, depth: usize) -> Result<(), String> {
    if let Some(word) = t.strip_prefix("!=") {
        if !is_word(word) {
            return Err(format!("bad name word `!={word}`"));
        }
        accept.unnamed.push(word.to_lowercase());
    } else if let Some(word) = t.strip_prefix('=') {
        if !is_word(word) {
            return Err(format!("bad name word `={word}`"));
        }
        accept.named.push(word.to_lowercase());
    } else if t == "!state" {
        accept.not_state = true;
    } else if t == "demonym" {
        accept.demonym = true;
    } else if t == "anaphor" {
        accept.anaphor = true;
    } else if let Some(ty) = EntityType::parse(t) {
        if !accept.types.contains(&ty) {
            accept.types.push(ty);
        }
    } else if let Some(members) = env.classes.get(t) {
        if depth > 8 {
            return Err("classes nest too deeply".into());
        }
        for m in members {
            add_type(m, env, accept, depth + 1)?;
        }
    } else {
        let types: Vec<&str> = EntityType::ALL.iter().map(|t| t.as_str()).collect();
        return Err(format!(
            "unknown type `{t}`: expected {}, demonym, anaphor, !state, =word, !=word or a declared class",
            types.join(", ")
        ));
    }
    Ok(())
}

/// A slot next to a literal `-` may take a mention used as a modifier (`Iran-backed`,
/// `pro-Iran`); every other slot refuses those. Likewise a slot followed by `'s` takes a
/// possessor (`Iraq` in `Iraq's capital`), and no other slot does: in `blamed the attack
/// on Iran's proxies` Iran is not the one blamed.
fn mark_modifiers(seq: &mut [Node], vocab: &mut Vocab) {
    let dash = vocab.intern("-");
    let poss = vocab.intern("'s");
    let is_dash = |n: Option<&Node>| matches!(n, Some(Node::Word(ids)) if ids.contains(&dash));
    let is_poss = |n: Option<&Node>| match n {
        Some(Node::Word(ids)) => ids.contains(&poss),
        Some(Node::Opt(inner)) => {
            matches!(inner.first(), Some(Node::Word(ids)) if ids.contains(&poss))
        }
        _ => false,
    };
    for i in 0..seq.len() {
        let near = is_dash(i.checked_sub(1).and_then(|j| seq.get(j))) || is_dash(seq.get(i + 1));
        let before_poss = is_poss(seq.get(i + 1));
        match &mut seq[i] {
            Node::Slot {
                modifier_ok,
                possessor_ok,
                ..
            } => {
                *modifier_ok = near;
                *possessor_ok = before_poss;
            }
            Node::Group(alts) => alts.iter_mut().for_each(|a| mark_modifiers(a, vocab)),
            Node::Opt(inner) => mark_modifiers(inner, vocab),
            _ => {}
        }
    }
}

/// Counts the slots and bindings of each side, anywhere in the pattern.
pub fn sides(seq: &[Node], counts: &mut [usize; 2]) {
    for n in seq {
        match n {
            Node::Slot { side, .. } | Node::Bind { side, .. } => counts[*side as usize] += 1,
            Node::Group(alts) => alts.iter().for_each(|a| sides(a, counts)),
            Node::Opt(inner) => sides(inner, counts),
            _ => {}
        }
    }
}

/// What the first token of a match can be.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct First {
    /// Any token (the pattern may start with a gap or a binding).
    pub any: bool,
    /// A token that fills a slot.
    pub slot: bool,
    /// A word with one of these vocabulary ids (sorted).
    pub words: Vec<u32>,
}

impl First {
    /// Whether a match can start at a token with vocabulary id `word`, filling a slot or not.
    pub fn admits(&self, word: u32, fills: bool) -> bool {
        self.any || (self.slot && fills) || self.words.binary_search(&word).is_ok()
    }
}

/// The tokens a match of `seq` can start with.
pub fn first(seq: &[Node]) -> First {
    let mut f = First::default();
    if first_into(seq, &mut f) {
        f.any = true;
    }
    f.words.sort_unstable();
    f.words.dedup();
    f
}

/// Adds the possible first tokens of `seq` to `f`; true when `seq` can match no token.
fn first_into(seq: &[Node], f: &mut First) -> bool {
    for n in seq {
        let nullable = match n {
            Node::Word(ids) => {
                f.words.extend(ids);
                false
            }
            Node::Slot { .. } => {
                f.slot = true;
                false
            }
            Node::Bind { .. } | Node::Not(_) => true,
            Node::Gap { .. } => {
                f.any = true;
                true
            }
            Node::Group(alts) => {
                let mut any_nullable = false;
                for a in alts {
                    any_nullable |= first_into(a, f);
                }
                any_nullable
            }
            Node::Opt(inner) => {
                first_into(inner, f);
                true
            }
        };
        if !nullable {
            return false;
        }
    }
    true
}

/// The fewest tokens filling slots that a match of `seq` needs.
pub fn min_slots(seq: &[Node]) -> usize {
    seq.iter()
        .map(|n| match n {
            Node::Slot { .. } => 1,
            Node::Group(alts) => alts.iter().map(|a| min_slots(a)).min().unwrap_or(0),
            _ => 0,
        })
        .sum()
}

/// Every set of vocabulary ids one of which a match must contain, one set per required
/// word (or group of alternatives that each require one).
pub fn anchors(seq: &[Node]) -> Vec<Vec<u32>> {
    seq.iter()
        .filter(|n| matches!(n, Node::Word(_) | Node::Group(_)))
        .filter_map(|n| anchor(std::slice::from_ref(n)))
        .collect()
}

/// The most tokens a list slot is counted as taking when bounding a rule's reach (eight
/// or so items with their joiners); a longer list before a rule's first required word is not read.
const LIST_REACH: usize = 16;

/// The most tokens `node` can match, lists counted as [`LIST_REACH`].
fn max_len(node: &Node) -> usize {
    match node {
        Node::Word(_) => 1,
        // A possessor the slot passes over for its head: `Iran 's Revolutionary Guards`.
        Node::Slot { list: false, .. } => 3,
        Node::Slot { list: true, .. } => LIST_REACH,
        Node::Gap { max, .. } => *max,
        Node::Group(alts) => alts
            .iter()
            .map(|a| a.iter().map(max_len).sum())
            .max()
            .unwrap_or(0),
        Node::Opt(inner) => inner.iter().map(max_len).sum(),
        Node::Not(_) | Node::Bind { .. } => 0,
    }
}

/// The first required word of a pattern (its vocabulary ids) and the most tokens a match
/// can take before it: a match can only start that close before one of those words.
pub fn lead(seq: &[Node]) -> Option<(usize, Vec<u32>)> {
    let mut before = 0;
    for n in seq {
        match n {
            Node::Word(ids) => return Some((before, ids.clone())),
            Node::Group(alts) => {
                let leads: Option<Vec<(usize, Vec<u32>)>> = alts.iter().map(|a| lead(a)).collect();
                if let Some(leads) = leads {
                    let most = leads.iter().map(|l| l.0).max().unwrap_or(0);
                    let mut ids: Vec<u32> = leads.into_iter().flat_map(|l| l.1).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    return Some((before + most, ids));
                }
                before += max_len(n);
            }
            other => before += max_len(other),
        }
    }
    None
}

/// Vocabulary ids one of which every match must contain (the first required word).
pub fn anchor(seq: &[Node]) -> Option<Vec<u32>> {
    seq.iter().find_map(|n| match n {
        Node::Word(ids) => Some(ids.clone()),
        Node::Group(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(anchor(a)?);
            }
            all.sort_unstable();
            all.dedup();
            Some(all)
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> Env {
        let mut env = Env::default();
        env.families.insert(
            "threaten".into(),
            vec!["threatened".into(), "threat".into()],
        );
        env.classes
            .insert("actor".into(), vec!["person".into(), "militia".into()]);
        env.macros
            .insert("title".into(), "president | prime minister".into());
        env
    }

    #[test]
    fn parent_fills_only_the_target() {
        let mut v = Vocab::default();
        let p = compile("...1 's X Y=parent", &env(), &mut v).unwrap();
        assert!(matches!(
            p.last(),
            Some(Node::Bind {
                side: Side::Y,
                how: Implicit::Parent
            })
        ));
        let e = compile("X=parent 's Y", &env(), &mut v).unwrap_err();
        assert_eq!(e, "`=parent` fills the target: write `Y=parent`");
        let e = compile("X Y=boss", &env(), &mut v).unwrap_err();
        assert_eq!(
            e,
            "unknown implicit filler `=boss`: expected `=host`, `=role`, `=parent`, `=target` or `=attacker`"
        );
    }

    #[test]
    fn compiles_groups_options_and_slots() {
        let mut v = Vocab::default();
        let p = compile(
            "X+:actor ..2 ~threaten ( to | against )? Y:place,=embassy",
            &env(),
            &mut v,
        )
        .unwrap();
        assert_eq!(p.len(), 5);
        assert!(
            matches!(&p[0], Node::Slot { side: Side::X, list: true, accept, .. } if accept.types.len() == 2)
        );
        assert!(matches!(
            &p[1],
            Node::Gap {
                max: 2,
                mentions: false,
                ..
            }
        ));
        assert!(matches!(&p[3], Node::Opt(_)));
        assert!(matches!(&p[4], Node::Slot { accept, .. } if accept.named == ["embassy"]));
        let p = compile("$title X Y=role", &env(), &mut v).unwrap();
        assert!(matches!(&p[0], Node::Group(alts) if alts.len() == 2));
        let p = compile("Y - backed X", &env(), &mut v).unwrap();
        assert!(matches!(
            &p[0],
            Node::Slot {
                modifier_ok: true,
                ..
            }
        ));
        assert!(matches!(
            &p[3],
            Node::Slot {
                modifier_ok: false,
                ..
            }
        ));
    }

    #[test]
    fn neighbouring_one_word_alternatives_are_merged() {
        let mut v = Vocab::default();
        let p = compile("X ( a | b | c d | e | ~threaten ) Y", &env(), &mut v).unwrap();
        let Node::Group(alts) = &p[1] else {
            panic!("expected a group: {p:?}")
        };
        let w = |s: &str| v.get(s);
        let mut ab = vec![w("a"), w("b")];
        ab.sort_unstable();
        let mut rest = vec![w("e"), w("threatened"), w("threat")];
        rest.sort_unstable();
        assert!(matches!(&alts[0][..], [Node::Word(ids)] if *ids == ab));
        assert!(matches!(&alts[1][..], [Node::Word(_), Node::Word(_)]));
        assert!(matches!(&alts[2][..], [Node::Word(ids)] if *ids == rest));
        assert_eq!(alts.len(), 3);
        let p = compile("X ( a | b )? ( c | d ) Y", &env(), &mut v).unwrap();
        assert!(
            matches!(&p[1], Node::Opt(inner) if matches!(&inner[..], [Node::Word(ids)] if ids.len() == 2))
        );
        assert!(matches!(&p[2], Node::Word(ids) if ids.len() == 2));
    }

    #[test]
    fn reports_what_is_wrong() {
        let mut v = Vocab::default();
        let err = |p: &str| compile(p, &env(), &mut v.clone()).unwrap_err();
        assert_eq!(
            err("X ~threat Y"),
            "unknown family `~threat`: declare it with `family threat: ...`"
        );
        assert_eq!(
            err("X $lead Y"),
            "unknown macro `$lead`: declare it with `macro lead: ...`"
        );
        assert!(err("X:actress Y").starts_with("in slot `X:actress`: unknown type `actress`"));
        assert_eq!(err("( X Y"), "unbalanced `(`: no `)` closes it");
        assert_eq!(err("X Y )"), "unbalanced `)`: no `(` opens it");
        assert_eq!(
            err("X ..x Y"),
            "bad gap `..x`: expected `..N` with a number, or `..N^family`"
        );
        let _ = &mut v;
    }
}
