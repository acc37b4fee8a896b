//! Property tests (proptest, bounded case counts so that `cargo test` stays fast): the
//! corpus reader, the sentence splitter, folding and its offset map, the gazetteer and
//! rules parsers and the graph readers never panic on any input, and what they return
//! stays inside the input. `PROPTEST_CASES=N` runs N cases of each instead (the soak
//! command in the README).

use newsgraph::corpus::{read_corpus, split_sentences};
use newsgraph::gazetteer::parse_str;
use newsgraph::graph::Graph;
use newsgraph::link::RuleSet;
use newsgraph::text::fold;
use proptest::prelude::*;
use std::path::Path;

/// The cases of each property: `PROPTEST_CASES` when set, else a small number.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text made of pieces that stress the readers: multi-byte letters, marks, line ends of
/// every kind, BOMs, quotes, brackets, keywords of the file formats.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Kata’ib Hezbollah".to_string()),
        Just("Iraq".to_string()),
        Just("U.S.".to_string()),
        Just("\u{feff}".to_string()),
        Just("\r".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        Just("e\u{301}".to_string()),
        Just("İ".to_string()),
        Just("ﬁ".to_string()),
        Just("( ".to_string()),
        Just(" )".to_string()),
        Just(" | ".to_string()),
        Just("$m".to_string()),
        Just("~fam".to_string()),
        Just("X ".to_string()),
        Just("Y ".to_string()),
        Just("..3 ".to_string()),
        Just("[a]\n".to_string()),
        Just("type = person\n".to_string()),
        Just("name = ".to_string()),
        Just("aliases = ".to_string()),
        Just("rule r.x attacked: ".to_string()),
        Just("macro m: ".to_string()),
        Just("family fam: ".to_string()),
        Just("January 5, 2020\n".to_string()),
        Just("{\"id\":\"a\",\"text\":\"".to_string()),
        Just("\"}".to_string()),
        Just("<node id=\"a\">".to_string()),
        Just("</node>".to_string()),
        "[a-zA-Z ,.;:'\"?!-]{0,12}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn sentences_are_ordered_ranges_on_character_boundaries(text in tricky_text()) {
        let spans = split_sentences(&text);
        let mut last = 0;
        for s in spans {
            prop_assert!(s.start >= last && s.start <= s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            last = s.end;
        }
    }

    #[test]
    fn folding_maps_back_inside_the_text(text in tricky_text()) {
        let f = fold(&text);
        for start in 0..f.text.len() {
            if !f.text.is_char_boundary(start) {
                continue;
            }
            let end = (start + 1..=f.text.len()).find(|&e| f.text.is_char_boundary(e)).unwrap();
            let o = f.original(start, end);
            prop_assert!(o.start <= o.end && o.end <= text.len(), "{o:?}");
            prop_assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end));
        }
    }

    #[test]
    fn gazetteer_parser_never_panics(text in tricky_text()) {
        let _ = parse_str(Path::new("p.gaz"), &text);
    }

    #[test]
    fn rules_parser_never_panics(text in tricky_text()) {
        let _ = RuleSet::compile(&[("p.rules".into(), text)]);
    }

    #[test]
    fn graph_readers_never_panic(text in tricky_text()) {
        let _ = Graph::from_json(Path::new("g.json"), &text);
        let _ = Graph::from_graphml(Path::new("g.graphml"), &text);
    }
}

proptest! {
    #![proptest_config(config(16))]

    #[test]
    fn corpus_reader_reads_any_bytes_without_panic(
        files in proptest::collection::vec(
            (prop_oneof![Just("txt"), Just("jsonl"), Just("md")], proptest::collection::vec(any::<u8>(), 0..200), tricky_text()),
            1..6,
        )
    ) {
        let dir = tempfile::tempdir().unwrap();
        for (i, (ext, bytes, text)) in files.iter().enumerate() {
            let mut content = bytes.clone();
            content.extend(text.as_bytes());
            std::fs::write(dir.path().join(format!("f{i}.{ext}")), content).unwrap();
        }
        if let Ok(corpus) = read_corpus(&[dir.path().to_path_buf()]) {
            for d in &corpus.documents {
                prop_assert!(!d.id.is_empty());
            }
        }
    }

    #[test]
    fn a_graph_written_reads_back_after_any_single_byte_change(at in 0usize..10_000, byte in any::<u8>()) {
        let text = std::fs::read_to_string(crate::util::root().join("tests/golden/export/graph.json")).unwrap();
        let mut bytes = text.into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = Graph::from_json(Path::new("g.json"), text);
        }
        let graphml = std::fs::read_to_string(crate::util::root().join("tests/golden/export/graph.graphml")).unwrap();
        let mut bytes = graphml.into_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = Graph::from_graphml(Path::new("g.graphml"), text);
        }
    }
}
