//! Colours, shapes and sizes shared by every visual format: colours and shapes by entity
//! type, node size by mentions, edge width by weight, and the extra attributes
//! ([`Node::attrs`], [`Edge::attrs`]) every exporter writes.

use crate::gazetteer::EntityType;
use crate::graph::{Edge, Graph, Node};
use std::collections::BTreeSet;

/// RGB colour of an entity type.
pub fn color_of(kind: EntityType) -> (u8, u8, u8) {
    match kind {
        EntityType::Person => (66, 133, 244),
        EntityType::Militia => (219, 68, 55),
        EntityType::Government => (15, 157, 88),
        EntityType::Place => (244, 180, 0),
        EntityType::Organization => (171, 71, 188),
        EntityType::Media => (120, 144, 156),
        EntityType::Event => (255, 112, 67),
    }
}

/// Graphviz node shape of an entity type.
pub fn shape_of(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "ellipse",
        EntityType::Militia => "diamond",
        EntityType::Government => "box",
        EntityType::Place => "house",
        EntityType::Organization => "hexagon",
        EntityType::Media => "note",
        EntityType::Event => "octagon",
    }
}

/// Parses `#rrggbb`.
pub fn parse_hex_color(s: &str) -> Option<(u8, u8, u8)> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    Some((c(0)?, c(2)?, c(4)?))
}

/// `#rrggbb` of a colour.
pub fn hex(rgb: (u8, u8, u8)) -> String {
    format!("#{:02x}{:02x}{:02x}", rgb.0, rgb.1, rgb.2)
}

/// A node's colour: its `color` attribute (`#rrggbb`) when it has one, else its type's.
pub fn node_color(node: &Node) -> (u8, u8, u8) {
    node.attrs
        .get("color")
        .and_then(|c| parse_hex_color(c))
        .unwrap_or_else(|| color_of(node.kind))
}

/// An edge's colour, when its `color` attribute sets one.
pub fn edge_color(edge: &Edge) -> Option<(u8, u8, u8)> {
    edge.attrs.get("color").and_then(|c| parse_hex_color(c))
}

/// A node's size: 10 for one mention, growing with the square root of mentions
/// (100 mentions → 46), so hubs stand out without swallowing the picture.
pub fn node_size(mentions: u64) -> f64 {
    let s = 10.0 + 4.0 * ((mentions.max(1) - 1) as f64).sqrt();
    (s * 100.0).round() / 100.0
}

/// An edge's width: 1 for weight 1, plus the natural log of the weight (weight 20 → 4).
pub fn edge_width(weight: u64) -> f64 {
    let w = 1.0 + (weight.max(1) as f64).ln();
    (w * 100.0).round() / 100.0
}

/// The names of the extra node attributes in the graph, sorted.
pub fn node_attr_names(graph: &Graph) -> Vec<String> {
    let names: BTreeSet<&String> = graph.nodes().flat_map(|n| n.attrs.keys()).collect();
    names.into_iter().cloned().collect()
}

/// The names of the extra edge attributes in the graph, sorted.
pub fn edge_attr_names(graph: &Graph) -> Vec<String> {
    let names: BTreeSet<&String> = graph.edges().flat_map(|e| e.attrs.keys()).collect();
    names.into_iter().cloned().collect()
}

/// The name an extra attribute is written under: white space and characters outside
/// letters, digits, `_`, `-` and `.` become `_`, and a name a format already uses for one
/// of its own attributes (`reserved`) gets the prefix `attr_`.
pub fn extra_name(name: &str, reserved: &[&str]) -> String {
    let mut clean: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if clean.is_empty() || !clean.starts_with(|c: char| c.is_alphabetic() || c == '_') {
        clean.insert(0, '_');
    }
    if reserved.contains(&clean.as_str()) {
        format!("attr_{clean}")
    } else {
        clean
    }
}

/// The extra attributes as (name written, name in the graph) pairs: names cleaned by
/// [`extra_name`], made unique with a `_2`, `_3`... suffix when two clean to the same.
pub fn extra_columns(names: Vec<String>, reserved: &[&str]) -> Vec<(String, String)> {
    let mut used: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::new();
    for name in names {
        let base = extra_name(&name, reserved);
        let mut written = base.clone();
        let mut i = 2;
        while !used.insert(written.clone()) {
            written = format!("{base}_{i}");
            i += 1;
        }
        out.push((written, name));
    }
    out
}

/// True when every edge is undirected (an empty graph counts as undirected). Exporters
/// declare such graphs undirected as a whole; only mixed graphs mark edges one by one.
pub fn all_undirected(graph: &Graph) -> bool {
    graph.edges().all(|e| !e.directed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_widths_on_a_sane_scale() {
        assert_eq!(node_size(1), 10.0);
        assert_eq!(node_size(101), 50.0);
        assert_eq!(edge_width(1), 1.0);
        assert_eq!(edge_width(20), 4.0);
    }

    #[test]
    fn hex_colours_and_extra_names() {
        assert_eq!(parse_hex_color("#ff0080"), Some((255, 0, 128)));
        assert_eq!(parse_hex_color("red"), None);
        assert_eq!(hex((255, 0, 128)), "#ff0080");
        assert_eq!(extra_name("old weight", &[]), "old_weight");
        assert_eq!(extra_name("label", &["label"]), "attr_label");
        assert_eq!(extra_name("1st", &[]), "_1st");
        let cols = extra_columns(vec!["a b".into(), "a_b".into()], &[]);
        assert_eq!(
            cols,
            [
                ("a_b".to_string(), "a b".to_string()),
                ("a_b_2".to_string(), "a_b".to_string())
            ]
        );
    }
}
