//! Throughput benchmark: the sample corpus repeated to about 50 MB, tagged single-threaded.
//!
//! Run with `cargo bench --bench throughput` (release build). Figures are MB/s and, since
//! machines differ, ratios against baselines measured in the same run on the same text:
//! - `fold`: Unicode folding with the offset map alone (the floor for any tagging);
//! - `raw-ac`: a bare ASCII case-insensitive Aho-Corasick scan over the raw text with
//!   the same names (no folding, no word checks, no variants): what a naive tagger costs;
//! - `tag`: the real tagger; `tag+split+link`: the whole per-document pipeline.
//!
//! The benchmark checks that every repetition gives the same mention count.

use aho_corasick::{AhoCorasick, MatchKind};
use newsgraph::corpus::read_corpus;
use newsgraph::gazetteer::load_dir;
use newsgraph::pipeline::Pipeline;
use newsgraph::text::fold;
use std::path::PathBuf;
use std::time::Instant;

/// The allocator the `newsgraph` binary uses, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const TARGET_BYTES: usize = 50 * 1024 * 1024;

fn mb_per_s(bytes: usize, secs: f64) -> f64 {
    bytes as f64 / 1e6 / secs
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let gazetteer = load_dir(&root.join("gazetteer")).expect("gazetteer loads");
    let corpus = read_corpus(&[root.join("data")]).expect("sample corpus loads");
    let pipeline = Pipeline::new(&gazetteer);
    let sample: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
    let sample_bytes: usize = sample.iter().map(|t| t.len()).sum();
    let reps = TARGET_BYTES.div_ceil(sample_bytes);
    let total = sample_bytes * reps;
    let per_rep: usize = sample.iter().map(|t| pipeline.tagger().tag(t).len()).sum();
    println!(
        "corpus: {} documents, {sample_bytes} bytes, repeated {reps} times = {:.1} MB; {} entities, {} patterns",
        sample.len(),
        total as f64 / 1e6,
        gazetteer.len(),
        pipeline.tagger().pattern_count()
    );

    let t = Instant::now();
    let mut folded = 0usize;
    for _ in 0..reps {
        for text in &sample {
            folded += fold(text).text.len();
        }
    }
    let fold_s = t.elapsed().as_secs_f64();
    assert!(folded > 0);

    let names: Vec<&str> = gazetteer.entities().flat_map(|e| e.names()).collect();
    let raw = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
        .unwrap();
    let t = Instant::now();
    let mut raw_hits = 0usize;
    for _ in 0..reps {
        for text in &sample {
            raw_hits += raw.find_iter(text).count();
        }
    }
    let raw_s = t.elapsed().as_secs_f64();
    assert!(raw_hits > 0);

    let t = Instant::now();
    let mut mentions = 0usize;
    for _ in 0..reps {
        for text in &sample {
            mentions += pipeline.tagger().tag(text).len();
        }
    }
    let tag_s = t.elapsed().as_secs_f64();
    assert_eq!(
        mentions,
        per_rep * reps,
        "every repetition tags the same mentions"
    );

    let t = Instant::now();
    let mut findings = 0usize;
    for _ in 0..reps {
        for doc in &corpus.documents {
            findings += pipeline.analyze(doc).findings.len();
        }
    }
    let all_s = t.elapsed().as_secs_f64();
    assert!(findings > 0);

    let row = |name: &str, secs: f64| {
        println!(
            "{name:<16} {:>8.1} MB/s  {:>6.2} s  x{:.2} of fold  x{:.2} of raw-ac",
            mb_per_s(total, secs),
            secs,
            fold_s / secs,
            raw_s / secs
        );
    };
    row("fold", fold_s);
    row("raw-ac", raw_s);
    row("tag", tag_s);
    row("tag+split+link", all_s);
    println!(
        "tag+split+link takes x{:.2} the time of tag alone",
        all_s / tag_s
    );
}
