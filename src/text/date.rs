//! Publication dates: from JSON Lines `date` fields, file names and date lines.

use once_cell::sync::Lazy;
use regex::Regex;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Checks a `YYYY-MM-DD` date and returns it, or `None` when it is not a real date.
pub fn parse_iso_date(s: &str) -> Option<String> {
    static ISO: Lazy<Regex> = Lazy::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})$").unwrap());
    let c = ISO.captures(s.trim())?;
    let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    valid(y, m, d)
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d == 0 || d > days[(m - 1) as usize] || !(1000..=9999).contains(&y)
    {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

fn month(name: &str) -> Option<u32> {
    let name = name.to_ascii_lowercase();
    let name = name.trim_end_matches('.');
    if name.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(name) && (name.len() == 3 || *m == name || name == "sept"))
        .map(|i| i as u32 + 1)
}

/// A `YYYY-MM-DD` date in a file name or document id (`2020-01-05-embassy.txt`).
pub fn date_from_name(name: &str) -> Option<String> {
    static IN_NAME: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})(?:[^0-9]|$)").unwrap());
    let c = IN_NAME.captures(name)?;
    valid(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
}

/// A date line among the first eight non-blank lines of a text: a line that is only a
/// date, perhaps with a weekday, a `Published:`/`Updated:` label, or a time after it.
pub fn date_from_text(text: &str) -> Option<String> {
    static LINE: Lazy<Regex> = Lazy::new(|| {
        Regex::new(
            r"(?ix)^\s*(?:(?:published|updated|posted|date)\s*:?\s*)?
              (?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?
              (?:
                 (?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})
               | (?P<m1>[a-z]{3,9}\.?)\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})
               | (?P<d2>\d{1,2})\s+(?P<m2>[a-z]{3,9}\.?),?\s+(?P<y2>\d{4})
              )
              (?:\s*(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$",
        )
        .unwrap()
    });
    // The first lines that carry text (blank lines before a dateline do not push it out);
    // lone CR line ends (old Mac files) end a line too.
    for line in text
        .lines()
        .flat_map(|l| l.split('\r'))
        .filter(|l| !l.trim().is_empty())
        .take(8)
    {
        let Some(c) = LINE.captures(line) else {
            continue;
        };
        let date = if let Some(y) = c.name("iy") {
            valid(
                y.as_str().parse().ok()?,
                c["im"].parse().ok()?,
                c["id"].parse().ok()?,
            )
        } else if let Some(m) = c.name("m1") {
            valid(
                c["y1"].parse().ok()?,
                month(m.as_str())?,
                c["d1"].parse().ok()?,
            )
        } else {
            let m = c.name("m2")?;
            valid(
                c["y2"].parse().ok()?,
                month(m.as_str())?,
                c["d2"].parse().ok()?,
            )
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_lines_in_news_forms() {
        assert_eq!(
            date_from_text("Headline\nJanuary 5, 2020\n\nBody."),
            Some("2020-01-05".into())
        );
        assert_eq!(
            date_from_text("Wednesday, May 22, 2024\n"),
            Some("2024-05-22".into())
        );
        assert_eq!(
            date_from_text("x\nNovember 18, 2020 at 1:24 pm\n"),
            Some("2020-11-18".into())
        );
        assert_eq!(
            date_from_text("Published: 3 Feb. 2021\n"),
            Some("2021-02-03".into())
        );
        assert_eq!(date_from_text("Sept 9, 2019"), Some("2019-09-09".into()));
        assert_eq!(date_from_text("He came on May 5, 2020 to Baghdad."), None);
        assert_eq!(date_from_text("February 30, 2020"), None);
    }

    #[test]
    fn dates_in_names_and_iso() {
        assert_eq!(
            date_from_name("2020-01-05-embassy.txt"),
            Some("2020-01-05".into())
        );
        assert_eq!(
            date_from_name("sub/2021-02-15.txt"),
            Some("2021-02-15".into())
        );
        assert_eq!(date_from_name("12020-01-05.txt"), None);
        assert_eq!(parse_iso_date("2020-02-29"), Some("2020-02-29".into()));
        assert_eq!(parse_iso_date("2021-02-29"), None);
    }
}

#[cfg(test)]
mod dateline_tests {
    use super::*;

    #[test]
    fn a_dateline_after_blank_lines_is_still_the_date() {
        let text = "Title\n\n\n\n\n\n\n\nJanuary 5, 2020\nBody.\n";
        assert_eq!(date_from_text(text).as_deref(), Some("2020-01-05"));
        let late = "a\nb\nc\nd\ne\nf\ng\nh\n2020-01-05\n";
        assert_eq!(date_from_text(late), None);
    }
}
