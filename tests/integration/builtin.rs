//! The gazetteer built into the binary: every command works from a folder that holds no
//! `gazetteer/` and is given no `-g`; `-g DIR` replaces the built-in gazetteer,
//! `--gazetteer-add DIR` extends it, and `gazetteer dump DIR` writes it out.

use crate::util::{newsgraph, root};
use std::path::Path;

fn read(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn build_from_any_folder_needs_no_gazetteer_argument() {
    let elsewhere = tempfile::tempdir().unwrap();
    let data = root().join("data").display().to_string();
    let gaz = root().join("gazetteer").display().to_string();
    newsgraph(
        elsewhere.path(),
        &["build", &data, "-o", "g.graphml", "-o", "g.json"],
    )
    .ok();
    newsgraph(
        elsewhere.path(),
        &[
            "build",
            &data,
            "-g",
            &gaz,
            "-o",
            "f.graphml",
            "-o",
            "f.json",
        ],
    )
    .ok();
    let p = elsewhere.path();
    assert!(read(&p.join("g.graphml")) == read(&p.join("f.graphml")));
    assert!(read(&p.join("g.json")) == read(&p.join("f.json")));
    // extract too, and the inspection commands resolve the built-in aliases.
    let a = newsgraph(p, &["extract", &data]);
    a.ok();
    let b = newsgraph(p, &["extract", &data, "-g", &gaz]);
    assert_eq!(a.stdout(), b.stdout());
    newsgraph(p, &["show", "g.json", "PMF"])
        .ok()
        .expect_stdout("id         hashed_al_shaabi");
}

#[test]
fn a_gazetteer_folder_in_the_working_directory_is_not_read_without_g() {
    let ws = tempfile::tempdir().unwrap();
    std::fs::create_dir(ws.path().join("gazetteer")).unwrap();
    std::fs::write(ws.path().join("gazetteer/bad.gaz"), "not a gazetteer\n").unwrap();
    std::fs::write(
        ws.path().join("a.txt"),
        "Kataib Hezbollah was backed by Iran.\n",
    )
    .unwrap();
    newsgraph(ws.path(), &["build", "a.txt", "-o", "g.json"]).ok();
}

#[test]
fn gazetteer_dump_writes_the_built_in_files_and_refuses_to_overwrite() {
    let ws = tempfile::tempdir().unwrap();
    let run = newsgraph(ws.path(), &["gazetteer", "dump", "mine"]);
    run.ok().expect_stderr(" files -> mine");
    let mut names: Vec<String> = std::fs::read_dir(root().join("gazetteer"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().into_string().unwrap())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    for n in &names {
        assert!(
            read(&ws.path().join("mine").join(n)) == read(&root().join("gazetteer").join(n)),
            "mine/{n} differs from gazetteer/{n}"
        );
    }
    newsgraph(ws.path(), &["gazetteer", "dump", "mine"])
        .expect_code(2)
        .expect_stderr(
            "newsgraph: mine/people.gaz: exists; not replaced (use --force to overwrite)\n",
        );
    newsgraph(ws.path(), &["gazetteer", "dump", "mine", "--force"]).ok();
}

#[test]
fn g_replaces_the_built_in_gazetteer_and_gazetteer_add_extends_it() {
    let ws = tempfile::tempdir().unwrap();
    let p = ws.path();
    std::fs::write(
        p.join("a.txt"),
        "Kataib Hezbollah praised the Zorgblatt Front.\n",
    )
    .unwrap();
    std::fs::create_dir(p.join("extra")).unwrap();
    std::fs::write(
        p.join("extra/mine.gaz"),
        "[zorgblatt_front]\ntype = militia\nname = Zorgblatt Front\n",
    )
    .unwrap();
    let ids = |args: &[&str]| -> Vec<String> {
        let run = newsgraph(p, args);
        run.ok();
        let mut ids: Vec<String> = run
            .stdout()
            .lines()
            .filter(|l| l.contains("\"kind\":\"mention\""))
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                v["entity"].as_str().unwrap().to_string()
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    assert_eq!(ids(&["extract", "a.txt"]), ["kataib_hezbollah"]);
    assert_eq!(
        ids(&["extract", "a.txt", "--gazetteer-add", "extra"]),
        ["kataib_hezbollah", "zorgblatt_front"]
    );
    assert_eq!(
        ids(&["extract", "a.txt", "-g", "extra"]),
        ["zorgblatt_front"]
    );
}
