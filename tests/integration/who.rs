//! Roles with dates: `who TITLE ORG --at DATE` names who held an office on a date, and
//! `show` prints an entity's roles with their dates, and `neighbors --at DATE` the roles in
//! effect that day.

use crate::util::{newsgraph, root};

#[test]
fn who_held_an_office_on_a_date() {
    let dir = root();
    newsgraph(&dir, &["who", "prime minister", "iraq", "--at", "2021-03-01"])
        .ok()
        .expect_stdout(
            "Mustafa al-Kadhimi (mustafa_al_kadhimi): prime minister of Iraq, 2020-05-07 to 2022-10-27\n",
        );
    // A handover day belongs to both terms; the organisation may be a name.
    let run = newsgraph(
        &dir,
        &[
            "who",
            "Prime Minister",
            "Republic of Iraq",
            "--at",
            "2020-05-07",
        ],
    );
    run.ok();
    assert_eq!(run.stdout().lines().count(), 2, "{}", run.describe());
    newsgraph(
        &dir,
        &["who", "prime minister", "iraq", "--at", "1900-01-01"],
    )
    .expect_code(1)
    .expect_stderr("nobody in the gazetteer held 'prime minister' of iraq on 1900-01-01");
    newsgraph(
        &dir,
        &["who", "prime minister", "iraq", "--at", "2021-13-01"],
    )
    .expect_code(2)
    .expect_stderr("--at '2021-13-01' is not a date: write YYYY-MM-DD");
}

#[test]
fn show_prints_roles_with_dates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Prime Minister Mustafa al-Kadhimi met Iraqi officials in Baghdad.\n",
    )
    .unwrap();
    let gaz = root().join("gazetteer").display().to_string();
    newsgraph(dir.path(), &["build", "a.txt", "-g", &gaz, "-o", "g.json"]).ok();
    newsgraph(dir.path(), &["show", "g.json", "kadhimi", "-g", &gaz])
        .ok()
        .expect_stdout(
            "  roles      director of Iraqi Intelligence, 2016-06 to 2020-05-07\n             prime minister of Iraq, 2020-05-07 to 2022-10-27\n",
        );
}

#[test]
fn neighbors_at_a_date_lists_the_roles_in_effect() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Prime Minister Mustafa al-Kadhimi met Iraqi officials in Baghdad. Iraq and Iran signed a deal.\n",
    )
    .unwrap();
    let gaz = root().join("gazetteer").display().to_string();
    newsgraph(dir.path(), &["build", "a.txt", "-g", &gaz, "-o", "g.json"]).ok();
    let g = ["-g", gaz.as_str()];
    let args = |extra: &[&str]| {
        let mut a = vec!["neighbors", "g.json", "kadhimi", "--at"];
        a.extend_from_slice(extra);
        a.extend_from_slice(&g);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        newsgraph(dir.path(), &a)
    };
    run(args(&["2021-03-01"])).ok().expect_stdout(
        "On 2021-03-01, from the gazetteer's roles:\n  Mustafa al-Kadhimi (mustafa_al_kadhimi): prime minister of Iraq, 2020-05-07 to 2022-10-27\n",
    );
    run(args(&["2018-01-01"])).ok().expect_stdout(
        "  Mustafa al-Kadhimi (mustafa_al_kadhimi): director of Iraqi Intelligence, 2016-06 to 2020-05-07\n",
    );
    let json = run(args(&["2021-03-01", "--format", "json"]));
    json.ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout()).unwrap();
    assert_eq!(v["roles_at"]["roles"][0]["title"], "prime minister");
    run(args(&["2021-03-01", "--format", "dot"]))
        .expect_code(2)
        .expect_stderr("--at lists roles in the table and json formats only");
}
