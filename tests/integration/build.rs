//! The `build` and `extract` commands, run as a user runs them.

use crate::util::{copy_dir, newsgraph, root};

fn sample_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data"), &dir.path().join("data"));
    copy_dir(&root().join("gazetteer"), &dir.path().join("gazetteer"));
    dir
}

#[test]
fn build_without_arguments_writes_three_files_byte_identical_twice() {
    let ws = sample_workspace();
    let run = newsgraph(ws.path(), &["build"]);
    run.ok();
    let names = ["graph.json", "graph.graphml", "graph.gexf", "graph.dot"];
    let first: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(ws.path().join("output").join(n)).unwrap())
        .collect();
    assert!(run.stderr().contains("documents"), "{}", run.stderr());
    newsgraph(ws.path(), &["build"]).ok();
    for (n, before) in names.iter().zip(&first) {
        let after = std::fs::read(ws.path().join("output").join(n)).unwrap();
        assert!(
            after == *before,
            "output/{n} differs between two builds of the same input"
        );
    }
    let graph: serde_json::Value = serde_json::from_slice(&first[0]).unwrap();
    assert!(
        graph["nodes"].as_array().unwrap().len() > 20,
        "the sample graph has few nodes"
    );
    assert!(
        graph["edges"].as_array().unwrap().len() > 20,
        "the sample graph has few edges"
    );
    let leftovers: Vec<_> = std::fs::read_dir(ws.path().join("output"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn missing_corpus_exits_2_names_the_path_and_writes_nothing() {
    let ws = sample_workspace();
    let run = newsgraph(ws.path(), &["build", "/no/such/dir", "-o", "x.json"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr().trim(),
        "newsgraph: /no/such/dir: no such file or directory"
    );
    assert!(!ws.path().join("x.json").exists());
    assert!(!run.stderr().contains("panicked"));
}

#[test]
fn unknown_output_format_is_refused_before_any_work() {
    let ws = sample_workspace();
    let run = newsgraph(ws.path(), &["build", "-o", "graph.xlsx", "-o", "g.json"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("graph.xlsx: unknown output format"),
        "{}",
        run.stderr()
    );
    assert!(!ws.path().join("g.json").exists());
}

#[test]
fn broken_gazetteer_reports_every_problem_with_file_and_line() {
    let ws = sample_workspace();
    let gaz = ws.path().join("bad-gaz");
    std::fs::create_dir(&gaz).unwrap();
    std::fs::write(
        gaz.join("a.gaz"),
        "[iraq]\ntype = government\nname = Iraq\n\n[iraq]\ntype = country\nname = Iraq Again\nparent = nowhere\n",
    )
    .unwrap();
    std::fs::write(gaz.join("b.gaz"), "[babylon]\ntype = place\nname = Iraq\n").unwrap();
    let run = newsgraph(
        ws.path(),
        &["build", "data", "-g", "bad-gaz", "-o", "out.json"],
    );
    run.expect_code(2);
    let err = run.stderr();
    for want in [
        "newsgraph: bad-gaz/a.gaz:5: duplicate id 'iraq': already defined at bad-gaz/a.gaz:1",
        "newsgraph: bad-gaz/a.gaz:6: unknown type 'country'",
        "newsgraph: bad-gaz/a.gaz:8: parent 'nowhere' is not the id of any entity in the gazetteer",
    ] {
        assert!(err.contains(want), "missing {want:?} in:\n{err}");
    }
    assert!(!ws.path().join("out.json").exists());
}

#[test]
fn undecodable_document_is_reported_and_the_rest_is_built() {
    let ws = sample_workspace();
    let corpus = ws.path().join("mixed");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(
        corpus.join("good.txt"),
        "Kataib Hezbollah fired rockets at Baghdad airport.\n",
    )
    .unwrap();
    std::fs::write(corpus.join("latin1.txt"), b"Caf\xe9 in Baghdad\n").unwrap();
    let run = newsgraph(ws.path(), &["build", "mixed", "-o", "g.json"]);
    run.expect_code(1);
    assert!(
        run.stderr().contains("mixed/latin1.txt: not valid UTF-8"),
        "{}",
        run.stderr()
    );
    let graph: serde_json::Value =
        serde_json::from_slice(&std::fs::read(ws.path().join("g.json")).unwrap()).unwrap();
    let ids: Vec<&str> = graph["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"kataib_hezbollah"), "{ids:?}");
    assert_eq!(graph["documents"].as_array().unwrap().len(), 1);
}

#[test]
fn extract_writes_guideline_jsonl_with_byte_offsets() {
    let ws = sample_workspace();
    let corpus = ws.path().join("c");
    std::fs::create_dir(&corpus).unwrap();
    let text =
        "“Kata’ib Hezbollah” denied it. Iraq’s army said the US Embassy in Baghdad was hit.\n";
    std::fs::write(corpus.join("one.txt"), text).unwrap();
    let run = newsgraph(ws.path(), &["extract", "c"]);
    run.ok();
    let mut seen = Vec::new();
    for line in run.stdout().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        if v["kind"] != "mention" {
            continue;
        }
        assert_eq!(v["doc"], "one.txt");
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], v["text"].as_str().unwrap());
        seen.push((
            v["text"].as_str().unwrap().to_string(),
            v["entity"].as_str().unwrap().to_string(),
        ));
    }
    let expect = [
        ("Kata’ib Hezbollah", "kataib_hezbollah"),
        ("Iraq", "iraq"),
        ("US Embassy", "us_embassy"),
        ("Baghdad", "baghdad"),
    ];
    for (t, id) in expect {
        assert!(
            seen.contains(&(t.to_string(), id.to_string())),
            "{t} -> {id} missing from {seen:?}"
        );
    }
}

#[test]
fn jsonl_corpus_uses_record_ids_and_dates() {
    let ws = sample_workspace();
    std::fs::write(
        ws.path().join("docs.jsonl"),
        "{\"id\": \"b-2\", \"text\": \"Iran backed the Houthis.\", \"date\": \"2021-03-04\"}\n{\"id\": \"a-1\", \"text\": \"Syria and Iraq met.\"}\n",
    )
    .unwrap();
    newsgraph(ws.path(), &["build", "docs.jsonl", "-o", "g.json"]).ok();
    let graph: serde_json::Value =
        serde_json::from_slice(&std::fs::read(ws.path().join("g.json")).unwrap()).unwrap();
    assert_eq!(graph["documents"][0]["id"], "a-1");
    assert_eq!(graph["documents"][1]["date"], "2021-03-04");
    let bad = ws.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\": \"x\", \"text\": \"fine\"}\nnot json\n").unwrap();
    let run = newsgraph(ws.path(), &["extract", "bad.jsonl"]);
    run.expect_code(2);
    assert!(
        run.stderr()
            .starts_with("newsgraph: bad.jsonl:2: not a document record"),
        "{}",
        run.stderr()
    );
}

#[test]
fn missing_gazetteer_folder_is_named() {
    let ws = sample_workspace();
    let run = newsgraph(ws.path(), &["extract", "data", "-g", "nowhere"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr().trim(),
        "newsgraph: nowhere: no such file or directory"
    );
}

/// Runs `newsgraph ARGS` in `dir` with the file `input` as standard input.
fn newsgraph_stdin(
    dir: &std::path::Path,
    input: &std::path::Path,
    args: &[&str],
) -> crate::util::Run {
    let mut cmd = crate::util::command(dir);
    cmd.args(args).stdin(std::fs::File::open(input).unwrap());
    crate::util::run(cmd)
}

#[test]
fn dash_reads_the_corpus_from_standard_input_as_text_or_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let article = root().join("data/2020-01-01-embassy-siege.txt");
    let from_file = newsgraph(dir.path(), &["extract", article.to_str().unwrap()]);
    from_file.ok();
    let piped = newsgraph_stdin(dir.path(), &article, &["extract", "-"]);
    piped.ok();
    // The same findings; the document is called '-'.
    let name = "\"doc\":\"2020-01-01-embassy-siege.txt\"";
    assert_eq!(
        piped.stdout(),
        from_file.stdout().replace(name, "\"doc\":\"-\"")
    );
    let jsonl = dir.path().join("docs.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\": \"one\", \"text\": \"Kataib Hezbollah is backed by Iran.\", \"date\": \"2020-01-05\"}\n",
    )
    .unwrap();
    let run = newsgraph_stdin(dir.path(), &jsonl, &["build", "-", "-o", "g.json"]);
    run.ok().expect_stderr("1 documents");
    let g: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("g.json")).unwrap()).unwrap();
    assert_eq!(g["documents"][0]["id"], "one");
}

#[test]
fn dash_output_with_format_writes_to_standard_output_for_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let data = root().join("data").display().to_string();
    let run = newsgraph(dir.path(), &["build", &data, "-o", "-", "--format", "dot"]);
    run.ok().expect_stderr("-> standard output");
    assert!(run.stdout().starts_with("digraph"), "{}", run.describe());
    newsgraph(dir.path(), &["build", &data, "-o", "g.dot"]).ok();
    assert_eq!(
        run.stdout(),
        std::fs::read_to_string(dir.path().join("g.dot")).unwrap()
    );
    // `newsgraph build DIR -o - --format dot | dot -Tsvg`.
    let mut dot = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("Graphviz dot runs (bash tests/run.sh installs it)");
    use std::io::Write;
    dot.stdin
        .take()
        .unwrap()
        .write_all(run.out.stdout.as_slice())
        .unwrap();
    let svg = dot.wait_with_output().unwrap();
    assert!(svg.status.success() && String::from_utf8_lossy(&svg.stdout).contains("<svg"));
    // --format also overrides the extension of a named file.
    newsgraph(
        dir.path(),
        &["build", &data, "-o", "graph.txt", "--format", "tsv"],
    )
    .ok();
    assert!(
        std::fs::read_to_string(dir.path().join("graph.txt"))
            .unwrap()
            .contains('\t')
    );
}

#[test]
fn a_dateline_after_blank_lines_on_line_nine_is_the_document_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("page.txt"),
        "clear\n\nCreating new perspectives\n\nUS embassy targeted\n\nThe US embassy was hit.\n\nNovember 18, 2020 at 1:24 pm\n\nKataib Hezbollah was blamed.\n",
    )
    .unwrap();
    newsgraph(dir.path(), &["build", "page.txt", "-o", "g.json"]).ok();
    let g: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("g.json")).unwrap()).unwrap();
    assert_eq!(g["documents"][0]["date"], "2020-11-18");
}
