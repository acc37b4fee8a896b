//! Everything the commands print through: standard output (a closed pipe is not an
//! error), colour (one rule: only on a terminal, and not when `NO_COLOR` is set to
//! anything but the empty string), the terminal width, text fitting and arrows.

use newsgraph::graph::{Edge, Evidence};
use newsgraph::{Error, Result};
use std::io::{IsTerminal, Write};

/// True when standard output should be coloured: it is a terminal and `NO_COLOR` is
/// unset or empty (<https://no-color.org>).
pub fn color_enabled() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    std::io::stdout().is_terminal() && !no_color
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

/// The width to fit: `COLUMNS` when set to a sensible number, else 80.
pub fn width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&w: &usize| w >= 40)
        .unwrap_or(80)
}

/// Runs of white space as single spaces.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to at most `max` characters, with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `s` padded with spaces to `width` characters.
pub fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
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
