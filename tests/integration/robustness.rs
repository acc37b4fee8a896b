//! No panic on any text: random documents built from the pieces that stress folding,
//! offsets and the rules (multi-byte letters, combining marks, curly quotes, possessives,
//! dashes, dotted acronyms, line breaks, gazetteer names) go through the whole pipeline,
//! and every offset it returns must be a character boundary inside the text.

use crate::util::root;
use newsgraph::corpus::Document;
use newsgraph::gazetteer::load_dir;
use newsgraph::pipeline::Pipeline;
use newsgraph::text::Span;

const PIECES: &[&str] = &[
    "Kata’ib Hezbollah",
    "Iraq",
    "Iran’s",
    "U.S.",
    "US",
    "us",
    "Baghdad",
    "BAGHDAD/ANKARA (Reuters) -",
    "Washington",
    "Sadr",
    "Mustafa al-Kadhemi",
    "the",
    "said",
    "blamed",
    "threatened",
    "denied",
    "not",
    "backed",
    "-backed",
    "pro-",
    "’s",
    "'s",
    "’",
    "'",
    "“",
    "”",
    "\"",
    ".",
    ",",
    ";",
    "?",
    "!",
    "…",
    "—",
    "–",
    "-",
    " ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "İ",
    "ß",
    "ﬁ",
    "Ḥ",
    "é",
    "e\u{301}",
    "\u{301}",
    "ا",
    "لعراق",
    "🙂",
    "\u{200b}",
    "\u{feff}",
    "$2",
    "3,000",
    "Gen.",
    "Dr.",
    "(",
    ")",
    "[",
    "]",
    "in",
    "of",
    "and",
    "Prime Minister",
    "President",
    "Erbil",
    "Green Zone",
    "Revolutionary Guards",
    "Turkey's foreign ministry",
    "Iranian Consulate in Karbala",
    "he",
    "the group",
    "Islamic State",
    "IS",
    "is",
    "KH",
    "PMF",
];

/// xorshift64*: a fixed seed, so a failure is reproducible.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n as u64) as usize
    }
}

#[test]
fn random_texts_never_panic_and_offsets_are_boundaries() {
    let gazetteer = load_dir(&root().join("gazetteer")).unwrap();
    let pipeline = Pipeline::new(&gazetteer);
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    for n in 0..3000 {
        let len = 1 + rng.below(40);
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                text.push(' ');
            }
        }
        let doc = Document {
            id: format!("r{n}"),
            text: text.clone(),
            date: None,
        };
        let a = pipeline.analyze(&doc);
        let ok = |at: usize| at <= text.len() && text.is_char_boundary(at);
        for &Span { start: s, end: e } in &a.sentences {
            assert!(s < e && ok(s) && ok(e), "sentence {s}..{e} in {text:?}");
        }
        for m in &a.mentions {
            assert!(
                m.span.start < m.span.end && ok(m.span.start) && ok(m.span.end),
                "mention {m:?} in {text:?}"
            );
        }
        for f in &a.findings {
            for Span { start: s, end: e } in [f.sentence, f.source_span, f.target_span] {
                assert!(s <= e && ok(s) && ok(e), "finding {f:?} in {text:?}");
            }
        }
    }
}

/// Random lines in the shape of gazetteer and rules files: every one is parsed to a
/// result (a value or `path:line` errors), never a panic.
#[test]
fn random_gazetteer_and_rules_files_never_panic() {
    use newsgraph::gazetteer::parse_str;
    use newsgraph::link::RuleSet;
    use std::path::{Path, PathBuf};
    const LINES: &[&str] = &[
        "[a]",
        "[b]",
        "[a",
        "[Bad Id]",
        "[]",
        "type = person",
        "type = militia",
        "type = nope",
        "type =",
        "name = A",
        "name = Kata’ib",
        "aliases = X | Y",
        "aliases = | |",
        "aliases = US",
        "parent = b",
        "parent = a",
        "country = zz",
        "role = chief | b | 2020 | 2021-02-30",
        "role = | | |",
        "role = x",
        "capital_of = b",
        "located_in = a",
        "# comment",
        "",
        "= value",
        "key = = value",
        "note = ü ’ 🙂",
        "family f: a b c",
        "family : ",
        "class c: person",
        "rule r.1 blamed: X:actor ~f Y:actor",
        "rule r.2 met: X:actor ( a | b Y:actor",
        "rule r.3 x: X Y",
        "rule r.4 blamed: ..3",
        "macro m: ( x",
        "refuse negation 5: not",
        "refuse x: y",
        "stop: and",
        "symmetric: met",
        "demonym a: Aish",
        "anaphor the: place",
        "title t: u",
        "rule r.5 leads: $m X:person Y=role",
        "rule",
        "rule r.6 a: ~",
    ];
    let mut rng = Rng(0xfeed_0000_0000_0042);
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..rng.below(20) {
            text.push_str(LINES[rng.below(LINES.len())]);
            text.push('\n');
        }
        let _ = parse_str(Path::new("fuzz.gaz"), &text);
        let _ = RuleSet::compile(&[(PathBuf::from("fuzz.rules"), text)]);
    }
}
