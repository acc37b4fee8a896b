//! Everything the commands print through: standard output (a closed pipe is not an
//! error), colour (one rule: only on a terminal, and not when `NO_COLOR` is set to
//! anything but the empty string), the terminal width, text fitting and arrows.

use newsgraph::graph::{Edge, Evidence};
use newsgraph::{Error, Result};
use std::io::{IsTerminal, Write};

/// `--color`: when to colour standard output.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set to anything but the empty string
    #[default]
    Auto,
    /// Always, even in a pipe or with NO_COLOR
    Always,
    /// Never
    Never,
}

/// The settings every command shares (`--color`, `--quiet`), set once by [`set_global`].
#[derive(Clone, Copy, Debug, Default)]
struct Global {
    color: ColorChoice,
    quiet: bool,
}

static GLOBAL: std::sync::OnceLock<Global> = std::sync::OnceLock::new();

/// Records `--color` and `--quiet` for the whole run (before any output).
pub fn set_global(color: ColorChoice, quiet: bool) {
    let _ = GLOBAL.set(Global { color, quiet });
}

/// True under `--quiet`: no summary and no warnings on stderr, only errors.
pub fn quiet() -> bool {
    GLOBAL.get().is_some_and(|g| g.quiet)
}

/// True when standard output should be coloured. The one rule: `--color always` or
/// `never` decide; with `auto` (the default) colour is on when standard output is a
/// terminal and `NO_COLOR` is unset or empty (<https://no-color.org>).
pub fn color_enabled() -> bool {
    match GLOBAL.get().map(|g| g.color).unwrap_or_default() {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            std::io::stdout().is_terminal() && !no_color
        }
    }
}

/// A progress bar on stderr for a long run over `total` bytes: drawn only when stderr is
/// a terminal, `--quiet` is off, and the run has taken more than a second (a short run or
/// a pipe never sees it). Call [`Progress::advance`] from any thread, then
/// [`Progress::finish`].
pub struct Progress {
    bar: indicatif::ProgressBar,
    start: std::time::Instant,
    wanted: bool,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    /// A hidden bar over `total` bytes, `what` being done.
    pub fn new(total: u64, what: &str) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {bytes}/{total_bytes} {eta} left",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        Progress {
            bar,
            start: std::time::Instant::now(),
            wanted: !quiet() && std::io::stderr().is_terminal(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// `bytes` more are done.
    pub fn advance(&self, bytes: u64) {
        use std::sync::atomic::Ordering;
        self.bar.inc(bytes);
        if self.wanted
            && self.start.elapsed() > std::time::Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    /// Removes the bar (when it was shown) before the summary is printed.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A note on stderr (the build summary, warnings), left out under `--quiet`.
pub fn note(line: &str) {
    if !quiet() {
        eprintln!("{line}");
    }
}

/// ANSI styling, on or off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Styling on or off, as asked.
    pub fn new(on: bool) -> Style {
        Style { on }
    }

    /// The style for standard output ([`color_enabled`]).
    pub fn stdout() -> Style {
        Style::new(color_enabled())
    }

    /// `s` in the SGR style `code` (`1` bold, `32` green...), when on.
    pub fn paint(self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    /// Bold text.
    pub fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }

    /// Faint text.
    pub fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }

    /// A relation name: typed relations stand out, co-occurrence is faint.
    pub fn relation(self, s: &str) -> String {
        if s == newsgraph::link::CO_OCCURS {
            self.dim(s)
        } else {
            self.paint("36", s)
        }
    }
}

/// The width to fit: `COLUMNS` when set to a sensible number, else the terminal's width
/// when standard output is one, else 80.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .or_else(|| {
            std::io::stdout()
                .is_terminal()
                .then(|| terminal_size::terminal_size().map(|(w, _)| w.0 as usize))
                .flatten()
        })
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(80)
}

/// The columns `s` takes in a terminal: wide (CJK) characters two, combining marks none.
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Runs of white space as single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to at most `max` terminal columns, with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if display_width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` padded with spaces to `width` terminal columns.
pub fn pad(s: &str, width: usize) -> String {
    let n = display_width(s);
    if n >= width {
        s.to_string()
    } else {
        format!("{s}{}", " ".repeat(width - n))
    }
}

/// The part of an evidence sentence that matters: from the first of the two mentions
/// (with `…` in front when that is not the start of the sentence), on one line.
pub fn snippet(ev: &Evidence) -> String {
    let first = ev.source_span.start.min(ev.target_span.start);
    let offset = first.saturating_sub(ev.sentence.start);
    // An excerpt of a long sentence starts at the first mention already.
    if ev.text.len() != ev.sentence.end - ev.sentence.start {
        return one_line(&ev.text);
    }
    match ev.text.get(offset..) {
        Some(rest) if offset > 0 && !rest.is_empty() => format!("…{}", one_line(rest)),
        _ => one_line(&ev.text),
    }
}

/// The arrow for `edge` seen from the entity `from`: `→` when it points away, `←` when
/// it points at `from`, `—` when it is undirected.
pub fn arrow(edge: &Edge, from: &str) -> &'static str {
    if !edge.directed {
        UNDIRECTED
    } else if edge.source == from {
        OUT
    } else {
        IN
    }
}

/// The arrow of an edge that points away from the entity a line is about.
pub const OUT: &str = "→";
/// The arrow of an edge that points at the entity a line is about.
pub const IN: &str = "←";
/// The mark of an undirected edge.
pub const UNDIRECTED: &str = "—";

/// An edge as `--format json` prints it (`show`, `path`): its ends, relation,
/// direction, weight and every evidence sentence with its document and date.
pub fn edge_json(e: &Edge) -> serde_json::Value {
    let evidence: Vec<serde_json::Value> = e
        .evidence
        .iter()
        .map(|ev| {
            serde_json::json!({
                "document": ev.doc,
                "date": ev.date,
                "sentence": ev.text,
                "span": [ev.sentence.start, ev.sentence.end],
            })
        })
        .collect();
    serde_json::json!({
        "source": e.source,
        "target": e.target,
        "relation": e.relation,
        "directed": e.directed,
        "weight": e.weight,
        "evidence": evidence,
    })
}

/// Prints a JSON value, pretty, with a final newline.
pub fn emit_json(v: &serde_json::Value) -> Result<()> {
    let mut s = serde_json::to_string_pretty(v).expect("JSON values serialize");
    s.push('\n');
    emit(&s)
}

/// `--format` of the commands that print a report: aligned text or one JSON document.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ReportFormat {
    /// Text for people
    #[default]
    Text,
    /// One JSON document (fields in the command's module documentation)
    Json,
}

/// Writes `text` to standard output; a closed pipe (`| head`) is not an error.
pub fn emit(text: &str) -> Result<()> {
    emit_bytes(text.as_bytes())
}

/// Writes bytes (a picture, say) to standard output, as [`emit`] does text.
pub fn emit_bytes(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Usage(format!("standard output: {e}")))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod width_tests {
    use super::*;

    #[test]
    fn wide_and_combining_characters_take_their_terminal_columns() {
        // 北京 is four columns wide; the combining acute accent takes none.
        assert_eq!(pad("北京", 6), "北京  ");
        assert_eq!(pad("e\u{301}", 3), "e\u{301}  ");
        assert_eq!(truncate("北京北京", 5), "北京…");
        assert_eq!(display_width(&truncate("北京北京", 5)), 5);
    }
}
