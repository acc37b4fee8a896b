//! CSV for spreadsheets and Gephi's spreadsheet import: a nodes table and an edges table.
//!
//! `nodes.csv`: `Id,Label,type,mentions,documents,first_seen,last_seen,color,size`, then one
//! column per extra node attribute. `edges.csv`:
//! `Id,Source,Target,Type,Label,Weight,relation,evidence,first_date,last_date`, then one
//! column per extra edge attribute. The capitalised headers are the ones Gephi's import
//! recognises: `Type` is `Directed` or `Undirected`, `Label` the relation, `Weight` the
//! supporting sentences, `Id` the same `eN` as in GraphML and GEXF. `color` is `#rrggbb`
//! (the type's colour or the node's `color` attribute), `size` the node size used by the
//! other formats; dates are `YYYY-MM-DD` or empty.
//!
//! Fields are quoted as RFC 4180 says (when they hold `,`, `"`, a line break, or white
//! space at either end; `"` doubled); lines end in `\n`; the text is UTF-8 without a BOM.
//! Extra attribute names are cleaned by [`super::style::extra_columns`].
//!
//! A cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return, and not a number) gets a `'` in front ([`neutralised`]), unless
//! `build --csv-formulas` asks for the cells as they are.
//!
//! Output `-o DIR/anything.csv` writes the pair `DIR/nodes.csv` and `DIR/edges.csv`.

use super::record::Records;
use super::style::extra_columns;
use crate::graph::Graph;
use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

const NODE_HEADER: &[&str] = &[
    "Id",
    "Label",
    "type",
    "mentions",
    "documents",
    "first_seen",
    "last_seen",
    "color",
    "size",
];
const EDGE_HEADER: &[&str] = &[
    "Id",
    "Source",
    "Target",
    "Type",
    "Label",
    "Weight",
    "relation",
    "evidence",
    "first_date",
    "last_date",
];
/// Header names, lower-cased, that an extra attribute may not take (Gephi matches them
/// without regard to case).
const NODE_RESERVED: &[&str] = &[
    "id",
    "label",
    "type",
    "mentions",
    "documents",
    "first_seen",
    "last_seen",
    "color",
    "size",
    "interval",
    "timeset",
    "start",
    "end",
];
/// As `NODE_RESERVED`, for the edges table.
const EDGE_RESERVED: &[&str] = &[
    "id",
    "source",
    "target",
    "type",
    "label",
    "weight",
    "relation",
    "evidence",
    "first_date",
    "last_date",
    "kind",
    "interval",
    "timeset",
    "start",
    "end",
];

/// One CSV field.
pub(crate) fn field(s: &str) -> String {
    let needs = s.contains([',', '"', '\n', '\r'])
        || s.starts_with(char::is_whitespace)
        || s.ends_with(char::is_whitespace);
    if needs {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

static KEEP_FORMULAS: AtomicBool = AtomicBool::new(false);

/// Whether cells that a spreadsheet would run as a formula are written as they are
/// (`build --csv-formulas`). By default they are neutralised ([`neutralised`]).
pub fn keep_formulas(keep: bool) {
    KEEP_FORMULAS.store(keep, Ordering::Relaxed);
}

/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (and is not a
/// number) with a `'` in front, as OWASP advises against CSV injection: a spreadsheet
/// shows `'=HYPERLINK(...)` as text instead of running it.
pub fn neutralised(s: &str) -> Cow<'_, str> {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err();
    if formula && !KEEP_FORMULAS.load(Ordering::Relaxed) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(&neutralised(f))).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

/// The extra attribute columns, `attr_`-prefixed where a name would take a reserved header.
fn renamed_extras(names: Vec<String>, reserved: &[&str]) -> Vec<(String, String)> {
    let mut extras = extra_columns(names, &[]);
    for (written, _) in &mut extras {
        if reserved.contains(&written.to_ascii_lowercase().as_str()) {
            *written = format!("attr_{written}");
        }
    }
    extras
}

/// The nodes table.
pub fn nodes_csv(graph: &Graph) -> String {
    let records = Records::of(graph);
    let extras = renamed_extras(records.node_attrs, NODE_RESERVED);
    let mut s = String::new();
    let header: Vec<String> = NODE_HEADER
        .iter()
        .map(|h| h.to_string())
        .chain(extras.iter().map(|e| e.0.clone()))
        .collect();
    row(&mut s, &header);
    for n in &records.nodes {
        let mut f = vec![
            n.id.to_string(),
            n.label.to_string(),
            n.kind.to_string(),
            n.mentions.to_string(),
            n.documents.to_string(),
            n.first_seen.unwrap_or_default().to_string(),
            n.last_seen.unwrap_or_default().to_string(),
            n.color_hex.clone(),
            format!("{:?}", n.size),
        ];
        f.extend(
            extras
                .iter()
                .map(|(_, a)| n.attrs.get(a).cloned().unwrap_or_default()),
        );
        row(&mut s, &f);
    }
    s
}

/// The edges table.
pub fn edges_csv(graph: &Graph) -> String {
    let records = Records::of(graph);
    let extras = renamed_extras(records.edge_attrs, EDGE_RESERVED);
    let mut s = String::new();
    let header: Vec<String> = EDGE_HEADER
        .iter()
        .map(|h| h.to_string())
        .chain(extras.iter().map(|e| e.0.clone()))
        .collect();
    row(&mut s, &header);
    for e in &records.edges {
        let mut f = vec![
            e.id.clone(),
            e.source.to_string(),
            e.target.to_string(),
            if e.directed { "Directed" } else { "Undirected" }.to_string(),
            e.relation.to_string(),
            e.weight.to_string(),
            e.relation.to_string(),
            e.evidence.to_string(),
            e.first_date.unwrap_or_default().to_string(),
            e.last_date.unwrap_or_default().to_string(),
        ];
        f.extend(
            extras
                .iter()
                .map(|(_, a)| e.attrs.get(a).cloned().unwrap_or_default()),
        );
        row(&mut s, &f);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_quoted_as_rfc_4180_says() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" pad"), "\" pad\"");
        assert_eq!(field("A & B <C> 'D' \\ حزب"), "A & B <C> 'D' \\ حزب");
    }

    #[test]
    fn formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(neutralised("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralised("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralised("-1.5"), "-1.5");
        assert_eq!(neutralised("al-Sadr"), "al-Sadr");
    }
}
