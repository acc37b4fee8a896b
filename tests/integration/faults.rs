//! The fault table of issue 13, one test per row: hostile or unlucky input to the real
//! binary must give a clean error (exit 2, `path:line`), or exit 1 with the rest
//! processed, or a correct result; never an abort, never a hang (every run is killed
//! after [`LIMIT`] and fails the test), and a failed run changes no existing output.

use crate::util::{Run, command, root};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long one run may take before it counts as a hang.
const LIMIT: Duration = Duration::from_secs(10);

/// Runs `newsgraph ARGS` in `dir`, killed after [`LIMIT`]; an abort (a signal) or a
/// panic fails the test with the whole story.
fn timed(dir: &Path, args: &[&str]) -> Run {
    let mut cmd = command(dir);
    cmd.args(args);
    timed_cmd(cmd)
}

fn timed_cmd(mut cmd: Command) -> Run {
    let shown = format!(
        "(cd {} && newsgraph {})",
        cmd.get_current_dir().unwrap_or(Path::new(".")).display(),
        cmd.get_args()
            .map(|a| a.to_string_lossy().chars().take(80).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the newsgraph binary runs");
    // Drain the pipes in threads so that a large output cannot block the child.
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let so = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut so, &mut v).ok();
        v
    });
    let se = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut se, &mut v).ok();
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > LIMIT {
            child.kill().ok();
            child.wait().ok();
            panic!("hang: {shown} ran longer than {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = std::process::Output {
        status,
        stdout: so.join().unwrap(),
        stderr: se.join().unwrap(),
    };
    let run = Run { cmd: shown, out };
    assert!(
        run.out.status.code().is_some(),
        "abort: killed by a signal\n{}",
        run.describe()
    );
    assert!(
        !run.stderr().contains("panicked at"),
        "the binary panicked\n{}",
        run.describe()
    );
    run
}

fn gazetteer() -> String {
    root().join("gazetteer").display().to_string()
}

/// A temp folder with `c/a.txt`, a short article naming entities.
fn workspace() -> tempfile::TempDir {
    let ws = tempfile::tempdir().unwrap();
    std::fs::create_dir(ws.path().join("c")).unwrap();
    std::fs::write(ws.path().join("c/a.txt"), ARTICLE).unwrap();
    ws
}

const ARTICLE: &str = "January 5, 2020\n\nThe United States blamed Kataib Hezbollah for the attack in Baghdad. Iran condemned the strikes.\n";

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
}

/// A copy of the gazetteer folder, to spoil.
fn gazetteer_copy(ws: &Path) -> PathBuf {
    let g = ws.join("gaz");
    crate::util::copy_dir(&root().join("gazetteer"), &g);
    g
}

fn rules_error(rules: &str, needle: &str) {
    let ws = workspace();
    std::fs::write(ws.path().join("x.rules"), rules).unwrap();
    timed(
        ws.path(),
        &["extract", "c", "-g", &gazetteer(), "-r", "x.rules"],
    )
    .expect_code(2)
    .expect_stderr(needle);
}

#[test]
fn rules_nested_20000_deep_is_an_error_naming_the_limit() {
    let rule = format!(
        "rule t.deep attacked: {}X attacked Y{}\n",
        "( ".repeat(20_000),
        " )".repeat(20_000)
    );
    rules_error(
        &rule,
        "x.rules:1: rule `t.deep`: `( )` nest more than 32 levels deep",
    );
}

#[test]
fn rule_of_50000_optional_words_is_an_error_naming_the_limit() {
    let rule = format!(
        "rule t.long attacked: X {}attacked Y\n",
        "the? ".repeat(50_000)
    );
    rules_error(
        &rule,
        "x.rules:1: rule `t.long`: the pattern is longer than 100000 bytes, macros expanded (the limit)",
    );
    let rule = format!(
        "rule t.long attacked: X {}attacked Y\n",
        "the? ".repeat(2_000)
    );
    rules_error(
        &rule,
        "x.rules:1: rule `t.long`: the pattern has 2003 elements, macros expanded; the limit is 2000",
    );
}

#[test]
fn macros_that_multiply_are_an_error_naming_the_limit() {
    let mut rules = String::from("macro m1: the? the? the? the? the? the? the? the? the? the?\n");
    for i in 2..=8 {
        rules.push_str(&format!(
            "macro m{i}: {}\n",
            format!("$m{} ", i - 1).repeat(10)
        ));
    }
    rules.push_str("rule t.big attacked: X $m8 attacked Y\n");
    rules_error(
        &rules,
        "x.rules:9: rule `t.big`: the pattern is longer than 100000 bytes",
    );
}

#[test]
fn fifo_in_the_corpus_is_reported_and_skipped() {
    let ws = workspace();
    mkfifo(&ws.path().join("c/p.txt"));
    timed(
        ws.path(),
        &["build", "c", "-g", &gazetteer(), "-o", "g.json"],
    )
    .expect_code(1)
    .expect_stderr("c/p.txt: is a FIFO (named pipe), not a regular file; skipped")
    .expect_stderr("1 documents");
}

#[test]
fn fifo_in_the_gazetteer_is_an_error() {
    let ws = workspace();
    let g = gazetteer_copy(ws.path());
    mkfifo(&g.join("b.gaz"));
    timed(ws.path(), &["extract", "c", "-g", "gaz"])
        .expect_code(2)
        .expect_stderr(
            "gaz/b.gaz: is a FIFO (named pipe), not a regular file; only regular files are read",
        );
}

#[test]
fn link_to_dev_zero_is_reported_and_skipped() {
    let ws = workspace();
    symlink("/dev/zero", ws.path().join("c/z.txt")).unwrap();
    timed(
        ws.path(),
        &["build", "c", "-g", &gazetteer(), "-o", "g.json"],
    )
    .expect_code(1)
    .expect_stderr("c/z.txt: is a device, not a regular file; skipped")
    .expect_stderr("1 documents");
}

#[test]
fn links_back_to_the_folder_are_read_once() {
    let ws = workspace();
    symlink(".", ws.path().join("c/self")).unwrap();
    symlink("..", ws.path().join("c/up")).unwrap();
    std::fs::create_dir(ws.path().join("c/sub")).unwrap();
    symlink("..", ws.path().join("c/sub/back")).unwrap();
    let run = timed(
        ws.path(),
        &["build", "c", "-g", &gazetteer(), "-o", "g.json"],
    );
    run.expect_code(1)
        .expect_stderr("c/self: a symbolic link to a folder that is read already")
        .expect_stderr("c/sub/back: a symbolic link to a folder that is read already")
        .expect_stderr("newsgraph: 1 documents");
    // `c/up` leads out of the corpus to the workspace, whose `c` is read already.
    run.expect_stderr("c/up/c: a symbolic link to a folder that is read already");
}

#[test]
fn a_file_2100_folders_deep_is_reported() {
    let ws = workspace();
    // Made with *at calls: the path is longer than PATH_MAX.
    let c = std::ffi::CString::new(ws.path().join("c").to_str().unwrap()).unwrap();
    let d = std::ffi::CString::new("d").unwrap();
    let mut fd = unsafe { libc::open(c.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY) };
    for _ in 0..2100 {
        assert_eq!(unsafe { libc::mkdirat(fd, d.as_ptr(), 0o755) }, 0);
        let next = unsafe { libc::openat(fd, d.as_ptr(), libc::O_DIRECTORY | libc::O_RDONLY) };
        unsafe { libc::close(fd) };
        fd = next;
    }
    let f = std::ffi::CString::new("deep.txt").unwrap();
    let file = unsafe { libc::openat(fd, f.as_ptr(), libc::O_CREAT | libc::O_WRONLY, 0o644) };
    assert!(file >= 0);
    unsafe {
        libc::close(file);
        libc::close(fd);
    }
    let run = timed(
        ws.path(),
        &["build", "c", "-g", &gazetteer(), "-o", "g.json"],
    );
    // GNU rm removes trees deeper than the open-file limit.
    let _ = Command::new("rm")
        .arg("-rf")
        .arg(ws.path().join("c/d"))
        .status();
    run.expect_code(1)
        .expect_stderr("folders nest deeper than 256 levels here (the limit); skipped")
        .expect_stderr("1 documents");
}

#[test]
fn dangling_and_looping_links_are_reported_and_the_rest_read() {
    let ws = workspace();
    symlink("nothing.txt", ws.path().join("c/d.txt")).unwrap();
    symlink("l.txt", ws.path().join("c/l.txt")).unwrap();
    timed(
        ws.path(),
        &["build", "c", "-g", &gazetteer(), "-o", "g.json"],
    )
    .expect_code(1)
    .expect_stderr("c/d.txt: a symbolic link that leads nowhere")
    .expect_stderr("c/l.txt: a symbolic link that leads nowhere")
    .expect_stderr("1 documents");
    assert!(ws.path().join("g.json").is_file());
}

#[test]
fn alias_of_100000_letters_is_an_error_at_its_line() {
    let ws = workspace();
    let g = gazetteer_copy(ws.path());
    let mut text = std::fs::read_to_string(g.join("people.gaz")).unwrap();
    let line = text.lines().count() + 5;
    text.push_str(&format!(
        "\n[zz_long]\ntype = person\nname = Zed Long\naliases = {}\n",
        "a".repeat(100_000)
    ));
    std::fs::write(g.join("people.gaz"), text).unwrap();
    let start = Instant::now();
    timed(ws.path(), &["extract", "c", "-g", "gaz"])
        .expect_code(2)
        .expect_stderr(&format!(
            "gaz/people.gaz:{line}: alias 'aaaaaaaaaaaaaaaaaaaa...' is 100000 bytes long; the limit is 200"
        ));
    assert!(start.elapsed() < Duration::from_secs(2));
}

#[test]
fn byte_order_marks_are_accepted_in_jsonl_gaz_and_graph_json() {
    let ws = workspace();
    let g = gazetteer_copy(ws.path());
    let places = std::fs::read_to_string(g.join("places.gaz")).unwrap();
    std::fs::write(g.join("places.gaz"), format!("\u{feff}{places}")).unwrap();
    let record = serde_json::json!({"id": "a.txt", "text": ARTICLE}).to_string();
    std::fs::write(ws.path().join("d.jsonl"), format!("\u{feff}{record}\n")).unwrap();
    let with_bom = timed(
        ws.path(),
        &["build", "d.jsonl", "-g", "gaz", "-o", "g.json"],
    );
    with_bom.ok();
    let plain = timed(
        ws.path(),
        &["build", "c", "-g", &gazetteer(), "-o", "h.json"],
    );
    plain.ok();
    let read = |f: &str| std::fs::read_to_string(ws.path().join(f)).unwrap();
    assert_eq!(read("g.json"), read("h.json"));
    std::fs::write(
        ws.path().join("b.json"),
        format!("\u{feff}{}", read("g.json")),
    )
    .unwrap();
    timed(ws.path(), &["stats", "b.json"]).ok();
}

#[test]
fn a_bad_jsonl_line_skips_that_record_only() {
    let ws = workspace();
    let good = serde_json::json!({"id": "good", "text": ARTICLE}).to_string();
    let mut bytes = b"{\"id\": \"bad\", \"text\": \"caf\xe9\"}\n".to_vec();
    bytes.extend(good.as_bytes());
    bytes.push(b'\n');
    std::fs::write(ws.path().join("d.jsonl"), bytes).unwrap();
    timed(
        ws.path(),
        &["build", "d.jsonl", "-g", &gazetteer(), "-o", "g.json"],
    )
    .expect_code(1)
    .expect_stderr("d.jsonl:1: not valid UTF-8 (first bad byte at column 27); this record skipped")
    .expect_stderr("1 documents");
}

#[test]
fn lone_cr_text_and_jsonl_without_date_find_the_date() {
    let ws = workspace();
    std::fs::write(ws.path().join("cr.txt"), ARTICLE.replace('\n', "\r")).unwrap();
    let record = serde_json::json!({"id": "j", "text": ARTICLE}).to_string();
    std::fs::write(ws.path().join("d.jsonl"), format!("{record}\n")).unwrap();
    for input in ["cr.txt", "d.jsonl"] {
        timed(
            ws.path(),
            &["build", input, "-g", &gazetteer(), "-o", "g.json"],
        )
        .ok();
        let graph = std::fs::read_to_string(ws.path().join("g.json")).unwrap();
        assert!(
            graph.contains("\"date\":\"2020-01-05\""),
            "{input}: no date in {graph}"
        );
    }
}

#[test]
fn duplicate_ids_name_both_places() {
    let ws = workspace();
    let record = serde_json::json!({"id": "a.txt", "text": "one"}).to_string();
    std::fs::write(ws.path().join("c/d.jsonl"), format!("\n{record}\n")).unwrap();
    // The folder's a.txt has the id a.txt too.
    timed(ws.path(), &["extract", "c", "-g", &gazetteer()])
        .expect_code(2)
        .expect_stderr(
            "c/d.jsonl:2: document id 'a.txt' occurs twice in the corpus, first at c/a.txt",
        );
}

/// A workspace with `out/` holding old outputs, to see that a failed run keeps them.
fn with_old_outputs(names: &[&str]) -> tempfile::TempDir {
    let ws = workspace();
    std::fs::create_dir(ws.path().join("out")).unwrap();
    for n in names {
        std::fs::write(ws.path().join("out").join(n), format!("old {n}")).unwrap();
    }
    ws
}

/// The entries of `out/`, each with its content.
fn outputs(ws: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<_> = std::fs::read_dir(ws.join("out"))
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap_or_default();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    v.sort();
    v
}

#[test]
fn a_folder_among_the_outputs_changes_nothing() {
    let ws = with_old_outputs(&["a.json", "a.dot"]);
    std::fs::create_dir(ws.path().join("out/dir.graphml")).unwrap();
    let before = outputs(ws.path());
    timed(
        ws.path(),
        &[
            "build",
            "c",
            "-g",
            &gazetteer(),
            "-o",
            "out/a.json",
            "-o",
            "out/dir.graphml",
            "-o",
            "out/a.dot",
        ],
    )
    .expect_code(2)
    .expect_stderr("out/dir.graphml: is a folder; give a file name for the output");
    assert_eq!(outputs(ws.path()), before);
}

#[test]
fn dot_failing_for_a_picture_changes_nothing() {
    let ws = with_old_outputs(&["a.json", "x.svg"]);
    let dot = ws.path().join("fake-dot");
    std::fs::write(
        &dot,
        "#!/bin/sh\n[ \"$1\" = -V ] && exit 0\necho 'dot: broken' >&2\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&dot, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let before = outputs(ws.path());
    let mut cmd = command(ws.path());
    cmd.env("NEWSGRAPH_DOT", &dot).args([
        "build",
        "c",
        "-g",
        &gazetteer(),
        "-o",
        "out/a.json",
        "-o",
        "out/x.svg",
    ]);
    timed_cmd(cmd).expect_code(2);
    assert_eq!(outputs(ws.path()), before);
}

#[test]
fn a_file_size_limit_on_the_second_output_changes_nothing_and_leaves_nothing() {
    let ws = with_old_outputs(&["a.tsv", "b.json"]);
    let before = outputs(ws.path());
    let mut cmd = Command::new("bash");
    cmd.current_dir(ws.path()).env("NO_COLOR", "1").args([
        "-c",
        "ulimit -f 64; exec \"$0\" \"$@\"",
        env!("CARGO_BIN_EXE_newsgraph"),
        "build",
        &root().join("data").display().to_string(),
        "-g",
        &gazetteer(),
        "-o",
        "out/a.tsv",
        "-o",
        "out/b.json",
    ]);
    timed_cmd(cmd)
        .expect_code(2)
        .expect_stderr("out/b.json: file too large");
    assert_eq!(outputs(ws.path()), before);
}

#[test]
fn interrupted_or_killed_runs_leave_no_temporary_file() {
    let ws = with_old_outputs(&[]);
    let data = root().join("data").display().to_string();
    for (signal, after_ms) in [
        (libc::SIGINT, 100),
        (libc::SIGINT, 300),
        (libc::SIGKILL, 200),
        (libc::SIGTERM, 400),
    ] {
        let mut cmd = command(ws.path());
        cmd.args([
            "build",
            &data,
            "-g",
            &gazetteer(),
            "-o",
            "out/g.json",
            "-o",
            "out/g.graphml",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        let mut child = cmd.spawn().unwrap();
        std::thread::sleep(Duration::from_millis(after_ms));
        unsafe { libc::kill(child.id() as i32, signal) };
        child.wait().unwrap();
        let names: Vec<String> = outputs(ws.path()).into_iter().map(|(n, _)| n).collect();
        assert!(
            names.iter().all(|n| n == "g.json" || n == "g.graphml"),
            "signal {signal} after {after_ms} ms left {names:?}"
        );
    }
}

#[test]
fn stale_temporary_files_of_dead_runs_are_removed() {
    let ws = with_old_outputs(&[".g.json.99999999.tmp"]);
    timed(
        ws.path(),
        &["build", "c", "-g", &gazetteer(), "-o", "out/g.json"],
    )
    .ok();
    let names: Vec<String> = outputs(ws.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["g.json"]);
}

/// `g.json` built from the workspace corpus, as lines.
fn built_graph(ws: &Path) -> Vec<String> {
    timed(ws, &["build", "c", "-g", &gazetteer(), "-o", "g.json"]).ok();
    std::fs::read_to_string(ws.join("g.json"))
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

/// The line number (1-based) of the first edge of a graph.json.
fn first_edge(lines: &[String]) -> usize {
    lines.iter().position(|l| l == "\"edges\":[").unwrap() + 2
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

#[test]
fn weights_near_u64_max_are_an_error_at_their_line() {
    let ws = workspace();
    let mut lines = built_graph(ws.path());
    let n = first_edge(&lines);
    let re = regex::Regex::new(r#""weight":\d+"#).unwrap();
    lines[n - 1] = re
        .replace(&lines[n - 1], "\"weight\":18446744073709551615")
        .into_owned();
    write_lines(&ws.path().join("b.json"), &lines);
    timed(ws.path(), &["stats", "b.json"])
        .expect_code(2)
        .expect_stderr(&format!("b.json:{n}: edge "))
        .expect_stderr("has weight 18446744073709551615, more than the limit 281474976710656");
}

#[test]
fn an_edge_whose_end_is_not_a_node_is_an_error_at_its_line() {
    let ws = workspace();
    let mut lines = built_graph(ws.path());
    let n = first_edge(&lines);
    let re = regex::Regex::new(r#""target":"[^"]*""#).unwrap();
    lines[n - 1] = re
        .replace(&lines[n - 1], "\"target\":\"nobody\"")
        .into_owned();
    write_lines(&ws.path().join("b.json"), &lines);
    timed(ws.path(), &["stats", "b.json"])
        .expect_code(2)
        .expect_stderr(&format!("b.json:{n}: edge "))
        .expect_stderr("its target \"nobody\" is not a node of the graph");
}

#[test]
fn ids_with_control_characters_are_an_error_at_their_line() {
    let ws = workspace();
    let lines = built_graph(ws.path());
    let n = lines.iter().position(|l| l == "\"nodes\":[").unwrap() + 2;
    let id = serde_json::from_str::<serde_json::Value>(lines[n - 1].trim_end_matches(',')).unwrap()
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let spoilt: Vec<String> = lines
        .iter()
        .map(|l| l.replace(&format!("\"{id}\""), &format!("\"{id}\\u0007\"")))
        .collect();
    write_lines(&ws.path().join("b.json"), &spoilt);
    for format in ["graphml", "gexf", "dot"] {
        timed(ws.path(), &["neighbors", "b.json", &id, "--format", format])
            .expect_code(2)
            .expect_stderr(&format!(
                "b.json:{n}: node id \"{id}\\u{{7}}\" holds a control character"
            ));
    }
}

#[test]
fn graphml_of_10_mb_reads_in_linear_time() {
    let ws = workspace();
    let mut text = String::from(
        "<?xml version=\"1.0\"?>\n<graphml>\n<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n<key id=\"r\" for=\"edge\" attr.name=\"relation\"/>\n<graph edgedefault=\"directed\">\n",
    );
    let mut i = 0;
    while text.len() < 10_000_000 {
        text.push_str(&format!(
            "<node id=\"n{i}\"><data key=\"t\">person</data></node>\n<edge source=\"n{i}\" target=\"n0\"><data key=\"r\">met</data></edge>\n"
        ));
        i += 1;
    }
    text.push_str("</graph>\n</graphml>\n");
    std::fs::write(ws.path().join("g.graphml"), text).unwrap();
    timed(ws.path(), &["stats", "g.graphml"]).ok();
}

#[test]
fn csv_cells_that_spreadsheets_would_run_are_neutralised_unless_asked() {
    let ws = workspace();
    let g = gazetteer_copy(ws.path());
    let mut people = std::fs::read_to_string(g.join("people.gaz")).unwrap();
    people.push_str("\n[zz_link]\ntype = person\nname = =HYPERLINK(\"http://x.example/?a=1\")\naliases = Zed Evil\n");
    std::fs::write(g.join("people.gaz"), people).unwrap();
    std::fs::write(
        ws.path().join("ev.txt"),
        "Zed Evil met Iran officials in Baghdad.\n",
    )
    .unwrap();
    let nodes = |dir: &str, extra: &[&str]| {
        let out = format!("{dir}/g.csv");
        let mut args = vec!["build", "ev.txt", "-g", "gaz", "-o", &out];
        args.extend(extra);
        timed(ws.path(), &args).ok();
        std::fs::read_to_string(ws.path().join(dir).join("nodes.csv")).unwrap()
    };
    assert!(
        nodes("safe", &[])
            .contains("zz_link,\"'=HYPERLINK(\"\"http://x.example/?a=1\"\")\",person")
    );
    assert!(
        nodes("raw", &["--csv-formulas"])
            .contains("zz_link,\"=HYPERLINK(\"\"http://x.example/?a=1\"\")\",person")
    );
}

#[test]
fn a_one_megabyte_sentence_is_not_copied_into_every_edge() {
    let ws = workspace();
    let names = [
        "Iran",
        "Iraq",
        "Baghdad",
        "Kataib Hezbollah",
        "Mosul",
        "Erbil",
        "Basra",
        "Turkey",
    ];
    let mut line = String::new();
    let mut i = 0;
    while line.len() < 1_000_000 {
        line.push_str(names[i % names.len()]);
        line.push_str(" officials said that the talks with ");
        i += 1;
    }
    std::fs::write(ws.path().join("long.txt"), line + "\n").unwrap();
    timed(
        ws.path(),
        &["build", "long.txt", "-g", &gazetteer(), "-o", "g.json"],
    )
    .ok();
    let graph = std::fs::read_to_string(ws.path().join("g.json")).unwrap();
    assert!(graph.len() < 200_000, "graph.json is {} bytes", graph.len());
    let graph: serde_json::Value = serde_json::from_str(&graph).unwrap();
    let edges = graph["edges"].as_array().unwrap();
    assert!(edges.len() > 10);
    for e in edges {
        for ev in e["evidence"].as_array().unwrap() {
            let text = ev["text"].as_str().unwrap();
            assert!(text.len() < 1_500 && text.ends_with('…'), "{text}");
        }
    }
}

#[test]
fn ids_that_are_not_xml_names_are_exported_valid_and_distinct() {
    let ws = workspace();
    let lines = built_graph(ws.path());
    let n = lines.iter().position(|l| l == "\"nodes\":[").unwrap() + 2;
    let first = serde_json::from_str::<serde_json::Value>(lines[n - 1].trim_end_matches(','))
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // `a b` and `a_x20_b` would both be `a_x20_b` under a naive escape.
    let spoilt: Vec<String> = lines
        .iter()
        .map(|l| l.replace(&format!("\"{first}\""), "\"a b/ḥ\""))
        .collect();
    write_lines(&ws.path().join("b.json"), &spoilt);
    timed(ws.path(), &["stats", "b.json"]).ok();
    let mut cmd = command(ws.path());
    cmd.args(["build", "c", "-g", &gazetteer(), "-o", "g.graphml"]);
    timed_cmd(cmd).ok();
    // Re-export through `diff`, which writes GraphML from graph.json input.
    let run = timed(
        ws.path(),
        &[
            "diff",
            "g.json",
            "b.json",
            "--format",
            "graphml",
            "-o",
            "d.graphml",
        ],
    );
    assert_eq!(run.code(), 1, "{}", run.describe());
    let text = std::fs::read_to_string(ws.path().join("d.graphml")).unwrap();
    assert!(text.contains("id=\"a_x20_b_x2F__x1E25_\""), "{text}");
    let validate = root().join("../shared/schemas/validate");
    if validate.is_file() {
        let out = Command::new(&validate)
            .arg(ws.path().join("d.graphml"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_file_over_4_gib_is_skipped_without_reading_it() {
    let ws = workspace();
    // Sparse: no disk space, but a size past the limit, seen before any byte is read.
    let f = std::fs::File::create(ws.path().join("c/huge.txt")).unwrap();
    f.set_len((4 << 30) + 1).unwrap();
    timed(
        ws.path(),
        &["build", "c", "-g", &gazetteer(), "-o", "g.json"],
    )
    .expect_code(1)
    .expect_stderr("c/huge.txt: larger than 4 GiB; skipped")
    .expect_stderr("1 documents");
}
