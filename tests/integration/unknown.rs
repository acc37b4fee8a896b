//! `newsgraph unknown`: entities removed from a copy of the gazetteer come back from the
//! development corpus with the right type, and the `--format gaz` blocks put back make
//! `extract` score as with the full gazetteer; spellings of known entities are offered as
//! aliases; credits and bylines are left out.

use crate::util::{copy_dir, newsgraph, root};
use std::path::Path;
use std::process::Command;

/// One militia, one person, one place of the shipped gazetteer.
const REMOVED: [(&str, &str); 3] = [
    ("asaib_ahl_al_haq", "militia"),
    ("qais_al_khazali", "person"),
    ("green_zone", "place"),
];

/// Copies the shipped gazetteer into `to` without the entities `drop` and the references
/// to them.
fn gazetteer_without(to: &Path, drop: &[&str]) {
    copy_dir(&root().join("gazetteer"), to);
    for entry in std::fs::read_dir(to).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "gaz") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut out = String::new();
        let mut skip = false;
        for line in text.lines() {
            if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                skip = drop.contains(&id);
            }
            if skip {
                continue;
            }
            let mut line = line.to_string();
            if let Some(value) = line.strip_prefix("affiliations = ") {
                let kept: Vec<&str> = value.split(" | ").filter(|v| !drop.contains(v)).collect();
                if kept.is_empty() {
                    continue;
                }
                line = format!("affiliations = {}", kept.join(" | "));
            }
            if line.starts_with("located_in = ") || line.starts_with("parent = ") {
                let value = line.split(" = ").nth(1).unwrap().trim();
                if drop.contains(&value) {
                    continue;
                }
            }
            out.push_str(&line);
            out.push('\n');
        }
        std::fs::write(&path, out).unwrap();
    }
}

fn score(pred: &Path) -> serde_json::Value {
    let shared = root().join("../shared");
    let out = Command::new("python3")
        .arg(shared.join("eval/score.py"))
        .arg("--gold")
        .arg(shared.join("eval/gold"))
        .arg("--pred")
        .arg(pred)
        .arg("--json")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["summary"].clone()
}

#[test]
fn removed_entities_come_back_and_score_as_before() {
    let shared = root().join("../shared");
    if !shared.join("corpus").is_dir() || !shared.join("eval/score.py").is_file() {
        eprintln!("skipped: ../shared/corpus or ../shared/eval is missing");
        return;
    }
    if Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 is missing");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path();
    let drop: Vec<&str> = REMOVED.iter().map(|(id, _)| *id).collect();
    gazetteer_without(&work.join("g"), &drop);
    let corpus = shared.join("corpus").display().to_string();

    let run = newsgraph(
        work,
        &[
            "unknown", &corpus, "-g", "g", "--format", "jsonl", "--top", "15",
        ],
    );
    run.ok();
    let found: Vec<(String, String)> = run
        .stdout()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["id"].as_str().unwrap().to_string(),
                v["type"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect();
    for (id, kind) in REMOVED {
        assert!(
            found.iter().any(|(i, k)| i == id && k == kind),
            "{id} ({kind}) is not in the top 15: {found:?}\n{}",
            run.describe()
        );
    }

    // The gaz blocks appended to the copy: extract scores as with the full gazetteer.
    let gaz = newsgraph(
        work,
        &[
            "unknown", &corpus, "-g", "g", "--format", "gaz", "--top", "15",
        ],
    );
    gaz.ok();
    let mut text = std::fs::read_to_string(work.join("g/places.gaz")).unwrap();
    text.push_str(&gaz.stdout());
    std::fs::write(work.join("g/places.gaz"), text).unwrap();
    newsgraph(work, &["extract", &corpus, "-g", "g", "-o", "back.jsonl"]).ok();
    let gazetteer = root().join("gazetteer").display().to_string();
    newsgraph(
        work,
        &["extract", &corpus, "-g", &gazetteer, "-o", "full.jsonl"],
    )
    .ok();
    let (back, full) = (
        score(&work.join("back.jsonl")),
        score(&work.join("full.jsonl")),
    );
    for key in ["mentions_f1", "linking_f1", "relations_f1"] {
        let (b, f) = (back[key].as_f64().unwrap(), full[key].as_f64().unwrap());
        assert!(
            b >= f - 0.005,
            "{key}: {b} with the blocks put back, {f} with the full gazetteer"
        );
    }
}

const VARIANTS_GAZ: &str = "\
[qais_al_khazali]
type = person
name = Qais al-Khazali

[kataib_hezbollah]
type = militia
name = Kataib Hezbollah

[abu_fadak_al_mohammadawi]
type = person
name = Abu Fadak al-Mohammadawi

[iraq]
type = government
name = Iraq
";

const VARIANTS_TEXT: &str = "\
By Jane Roeburn
The rally was addressed by Qais al-Khazaly in Baghdad, Iraq.
A Kataib Hizbollah statement claimed responsibility for the attack in Iraq.
Militia commander Abu Fadak said the group would not disarm.
The new Saraya Thar al-Muhandis group said it fired the rockets. Photo: Karim Sahib/AFP
";

#[test]
fn spelling_variants_are_offered_as_aliases() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path();
    std::fs::create_dir(work.join("g")).unwrap();
    std::fs::write(work.join("g/g.gaz"), VARIANTS_GAZ).unwrap();
    std::fs::write(work.join("news.txt"), VARIANTS_TEXT).unwrap();
    let run = newsgraph(
        work,
        &["unknown", "news.txt", "-g", "g", "--format", "jsonl"],
    );
    run.ok();
    let rows: Vec<serde_json::Value> = run
        .stdout()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let likely = |name: &str| -> String {
        let row = rows
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} is not reported\n{}", run.describe()));
        row["likely"]["entity"]
            .as_str()
            .unwrap_or("none")
            .to_string()
    };
    assert_eq!(likely("Qais al-Khazaly"), "qais_al_khazali");
    assert_eq!(likely("Kataib Hizbollah"), "kataib_hezbollah");
    assert_eq!(likely("Abu Fadak"), "abu_fadak_al_mohammadawi");
    let new = rows
        .iter()
        .find(|r| r["name"] == "Saraya Thar al-Muhandis")
        .unwrap();
    assert_eq!(new["type"], "militia", "{new}");
    assert_eq!(new["likely"], serde_json::Value::Null);
    // Bylines and photo credits are not names to add.
    for credit in ["Jane Roeburn", "Karim Sahib"] {
        assert!(
            !run.stdout().contains(credit),
            "{credit} is reported\n{}",
            run.describe()
        );
    }

    // In .gaz form the spellings are comments naming the entity, the new group a block.
    let gaz = newsgraph(work, &["unknown", "news.txt", "-g", "g", "--format", "gaz"]);
    gaz.ok()
        .expect_stdout("is likely a spelling of [qais_al_khazali]")
        .expect_stdout("# aliases = Qais al-Khazaly\n")
        .expect_stdout(
            "[saraya_thar_al_muhandis]\ntype = militia\nname = Saraya Thar al-Muhandis\n",
        );
    assert!(
        !gaz.stdout().contains("\n[qais_al_khazaly]"),
        "{}",
        gaz.describe()
    );
    // The table names the same.
    newsgraph(work, &["unknown", "news.txt", "-g", "g"])
        .ok()
        .expect_stdout("alias of kataib_hezbol");
    newsgraph(work, &["unknown", "news.txt", "-g", "g", "--evidence"])
        .ok()
        .expect_stdout(
            "    news.txt: Militia commander Abu Fadak said the group would not disarm.\n",
        );
}
