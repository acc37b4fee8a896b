//! Roles with dates: `who TITLE ORG --at DATE` names who held an office on a date, and
//! `show` prints an entity's roles with their dates.

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
