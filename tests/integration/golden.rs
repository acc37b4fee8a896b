//! Golden files: `newsgraph build` on the export fixture corpus (`tests/fixtures/export/`)
//! must write exactly the bytes kept in `tests/golden/export/`, in every text format.
//!
//! After an intended change of output, regenerate the goldens with
//!
//! ```sh
//! NEWSGRAPH_BLESS=1 cargo test --test integration golden
//! ```
//!
//! and review the diff (`git diff tests/golden`) before committing it.

use std::path::PathBuf;

const FILES: &[&str] = &[
    "graph.json",
    "graph.graphml",
    "graph.gexf",
    "graph.dot",
    "graph.nodelink.json",
    "nodes.csv",
    "edges.csv",
];

fn build_into(dir: &std::path::Path) {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let fixture = repo.join("tests/fixtures/export");
    // Relative paths, so document ids and messages do not depend on where the repo is.
    let mut cmd = crate::util::command(&fixture);
    cmd.args(["build", "corpus", "-g", "gazetteer"]);
    for f in [
        "graph.json",
        "graph.graphml",
        "graph.gexf",
        "graph.dot",
        "graph.nodelink.json",
        "graph.csv",
    ] {
        cmd.arg("-o").arg(dir.join(f));
    }
    crate::util::run(cmd).ok();
}

#[test]
fn exports_match_the_golden_files_byte_for_byte() {
    let golden = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export");
    let tmp = tempfile::tempdir().unwrap();
    build_into(tmp.path());
    let bless = std::env::var_os("NEWSGRAPH_BLESS").is_some();
    let mut stale = Vec::new();
    for f in FILES {
        let got = std::fs::read(tmp.path().join(f)).unwrap();
        let path = golden.join(f);
        if bless {
            std::fs::create_dir_all(&golden).unwrap();
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read(&path).unwrap_or_default();
        if got != want {
            let (g, w) = (
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&want),
            );
            let line = g
                .lines()
                .zip(w.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(g.lines().count().min(w.lines().count()));
            stale.push(format!(
                "{}: differs at line {}\n  expected: {:?}\n  got:      {:?}",
                path.display(),
                line + 1,
                w.lines().nth(line).unwrap_or("<end of file>"),
                g.lines().nth(line).unwrap_or("<end of file>")
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nIf the change is intended: NEWSGRAPH_BLESS=1 cargo test --test integration golden",
        stale.join("\n")
    );
}

#[test]
fn building_twice_writes_the_same_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build_into(a.path());
    build_into(b.path());
    for f in FILES {
        assert_eq!(
            std::fs::read(a.path().join(f)).unwrap(),
            std::fs::read(b.path().join(f)).unwrap(),
            "{f} differs between two builds"
        );
    }
}
