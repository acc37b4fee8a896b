//! The relation rules on the sentence table `tests/relations.txt`: every case is analysed as
//! a document of its own with the default rules and the fixture gazetteer
//! `tests/fixtures/relations/`; each `+` relation must be found and each `-` must not.
//! All failing cases are listed at once, with what was found.

use newsgraph::corpus::Document;
use newsgraph::gazetteer::load_dir;
use newsgraph::link::CO_OCCURS;
use newsgraph::pipeline::Pipeline;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

struct Case {
    line: usize,
    sentence: String,
    must: Vec<[String; 3]>,
    must_not: Vec<[String; 3]>,
}

fn cases() -> Vec<Case> {
    let path = Path::new(ROOT).join("tests/relations.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut out: Vec<Case> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if let Some(s) = line.strip_prefix("> ") {
            out.push(Case {
                line: line_no,
                sentence: s.to_string(),
                must: vec![],
                must_not: vec![],
            });
        } else if let Some(rest) = line.strip_prefix("+ ").or_else(|| line.strip_prefix("- ")) {
            let parts: Vec<String> = rest.split_whitespace().map(str::to_string).collect();
            let triple: [String; 3] = parts.try_into().unwrap_or_else(|p| {
                panic!("relations.txt:{line_no}: expected TYPE SOURCE TARGET, got {p:?}")
            });
            let case = out
                .last_mut()
                .unwrap_or_else(|| panic!("relations.txt:{line_no}: no `>` sentence before"));
            if line.starts_with('+') {
                case.must.push(triple)
            } else {
                case.must_not.push(triple)
            }
        } else if !(line.trim().is_empty() || line.starts_with('#')) {
            panic!(
                "relations.txt:{line_no}: expected `> sentence`, `+ ...`, `- ...` or `# comment`"
            );
        }
    }
    out
}

fn fits(pattern: &[String; 3], found: &(String, String, String), symmetric: bool) -> bool {
    let eq = |p: &String, v: &String| p == "*" || p == v;
    let (t, s, o) = found;
    eq(&pattern[0], t)
        && ((eq(&pattern[1], s) && eq(&pattern[2], o))
            || (symmetric && eq(&pattern[1], o) && eq(&pattern[2], s)))
}

#[test]
fn sentence_table() {
    let gazetteer = load_dir(&Path::new(ROOT).join("tests/fixtures/relations")).unwrap();
    let pipeline = Pipeline::new(&gazetteer);
    let cases = cases();
    assert!(
        cases.len() >= 80,
        "the table must hold at least 80 sentences, has {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let doc = Document {
            id: format!("line{}", case.line),
            date: None,
            text: case.sentence.clone(),
        };
        let found: Vec<(String, String, String)> = pipeline
            .analyze(&doc)
            .findings
            .into_iter()
            .filter(|f| f.relation != CO_OCCURS)
            .map(|f| (f.relation, f.source, f.target))
            .collect();
        let symmetric = |t: &str| pipeline.linker().rules().is_symmetric(t);
        let mut problems = Vec::new();
        for m in &case.must {
            if !found.iter().any(|f| fits(m, f, symmetric(&m[0]))) {
                problems.push(format!("missing  + {}", m.join(" ")));
            }
        }
        for m in &case.must_not {
            if let Some(f) = found.iter().find(|f| fits(m, f, symmetric(&m[0]))) {
                problems.push(format!(
                    "unwanted - {}  (found {} {} {})",
                    m.join(" "),
                    f.0,
                    f.1,
                    f.2
                ));
            }
        }
        if !problems.is_empty() {
            let got: Vec<String> = found
                .iter()
                .map(|f| format!("{} {} {}", f.0, f.1, f.2))
                .collect();
            failures.push(format!(
                "relations.txt:{}: {}\n    {}\n    found: [{}]",
                case.line,
                case.sentence,
                problems.join("\n    "),
                got.join(", ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
