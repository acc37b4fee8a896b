//! A tab-separated edge list, for `cut`, `sort`, `awk` and `join`.
//!
//! Written: the header `source`, `target`, `relation`, `directed`, `weight` (separated by
//! tabs), then one line per edge in (source, target, relation) order: the two entity ids, the relation, `true` or `false`,
//! and the number of supporting sentences. Lines end in `\n`. A field never holds a raw
//! tab or line break: `\` is written `\\`, a tab `\t`, a line feed `\n` and a carriage
//! return `\r` (the "linear TSV" convention). Nodes without edges do not appear.

use super::record::Records;
use crate::graph::Graph;

/// `s` with `\`, tab, line feed and carriage return escaped.
fn field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// The graph's edges as a TSV edge list.
pub fn to_tsv(graph: &Graph) -> String {
    let mut s = String::from("source\ttarget\trelation\tdirected\tweight\n");
    for e in &Records::of(graph).edges {
        s.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            field(e.source),
            field(e.target),
            field(e.relation),
            e.directed,
            e.weight
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityType;
    use crate::graph::{Edge, Node};

    #[test]
    fn one_line_per_edge_with_tabs_and_breaks_escaped() {
        let nodes = vec![
            Node::new("a\tb", "A", EntityType::Person),
            Node::new("c\\d\ne", "C", EntityType::Place),
            Node::new("lonely", "L", EntityType::Place),
        ];
        let edges = vec![
            Edge::new("a\tb", "c\\d\ne", "co_occurs", false, Vec::new()),
            Edge::new("a\tb", "c\\d\ne", "leads", true, Vec::new()),
        ];
        let g = Graph::from_parts(nodes, edges, Vec::new());
        assert_eq!(
            to_tsv(&g),
            "source\ttarget\trelation\tdirected\tweight\n\
             a\\tb\tc\\\\d\\ne\tco_occurs\tfalse\t0\n\
             a\\tb\tc\\\\d\\ne\tleads\ttrue\t0\n"
        );
    }
}
