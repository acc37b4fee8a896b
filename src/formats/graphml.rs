//! GraphML for Gephi, yEd, networkx and igraph.
//!
//! Written, in this order:
//! - `<?xml ...?>` and `<graphml>` with the GraphML namespace and schema location;
//! - typed `<key>`s (`attr.type` is `int`, `double` or `string`; `attr.name` has no spaces).
//!   Node keys: `label`, `type`, `mentions` (int), `documents` (int, how many documents
//!   mention it), `first_seen`/`last_seen` (string, `YYYY-MM-DD`), `r`/`g`/`b` (int, the
//!   type's colour, or the node's `color` attribute), `size` (double, by mentions). Edge
//!   keys: `label` (the relation), `relation`, `weight` (double, supporting sentences),
//!   `evidence` (int, evidence records), `first_date`/`last_date` (string). Key ids are
//!   `n_<name>` and `e_<name>`. Gephi maps `label`, `weight`, `r`/`g`/`b` and `size` onto
//!   its own properties;
//! - one string key per extra attribute ([`crate::graph::Node::attrs`],
//!   [`crate::graph::Edge::attrs`]), ids `nx_<name>` / `ex_<name>`, its name cleaned by
//!   [`super::style::extra_columns`];
//! - one `<graph id="newsgraph">`, `edgedefault="undirected"` when every edge is undirected
//!   and `"directed"` otherwise;
//! - `<node id="entity_id">` with one `<data>` per known value (an id that is not an
//!   `xs:NMTOKEN` of plain ASCII is written with `_xHEX_` escapes, see `xml_id`);
//! - `<edge id="eN" source target>` (N counts edges in (source, target, relation) order), with
//!   `directed="false"` on undirected relations (`co_occurs`, `met`), and its `<data>`.
//!   Parallel edges of different relations are separate `<edge>`s.
//!
//! Text is XML-escaped (`& < > " '`, and line breaks and tabs as character references,
//! so they survive attribute-value normalisation); other control characters, which XML
//! 1.0 cannot carry, are dropped. Node ids are gazetteer ids (lower snake case), which
//! are valid `NMTOKEN`s as the schema requires.
//!
//! networkx holds a graph as either directed or undirected: it reads graphs whose edges
//! are all undirected (co-occurrence only) or all directed, and refuses a mixed graph
//! (`directed=false edge found in directed graph`), and igraph and graphology read every
//! edge of a mixed file as directed. Gephi reads both. For those readers `build --edges
//! directed|undirected` writes a graph of one kind ([`crate::graph::EdgeMode`]).
//!
//! # Reading back
//!
//! [`Graph::from_graphml`] reads GraphML written by `newsgraph build` (or any GraphML whose
//! nodes carry `label`/`type`/`mentions` and edges `relation`/`weight` data keys).
//!
//! GraphML keeps less than `graph.json`: no evidence sentences, no list of documents, no
//! aliases. A graph read from it has nodes with their label, type and mention count and
//! edges with their relation, direction and weight; `documents`, `aliases` and `evidence`
//! are empty. Data keys are matched by their `attr.name`, so key ids do not matter;
//! unknown keys are ignored.

use super::record::Records;
use super::style::extra_columns;
use crate::error::{Diagnostic, Error, Result};
use crate::gazetteer::EntityType;
use crate::graph::{Edge, Graph, Node};
use quick_xml::events::{BytesStart, Event};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// True when `text` looks like XML (its first non-blank character opens a tag), which
/// is how `diff` has always told GraphML from graph.json.
pub fn sniff(text: &str) -> bool {
    text.trim_start().starts_with('<')
}

/// Escapes text for XML content and attribute values.
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

const NODE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("type", "string"),
    ("mentions", "int"),
    ("documents", "int"),
    ("first_seen", "string"),
    ("last_seen", "string"),
    ("r", "int"),
    ("g", "int"),
    ("b", "int"),
    ("size", "double"),
];

const EDGE_KEYS: &[(&str, &str)] = &[
    ("label", "string"),
    ("relation", "string"),
    ("weight", "double"),
    ("evidence", "int"),
    ("first_date", "string"),
    ("last_date", "string"),
];

/// Built-in key names plus `id`, which networkx gives edges of a simple graph.
fn names(keys: &[(&'static str, &str)]) -> Vec<&'static str> {
    keys.iter().map(|k| k.0).chain(["id"]).collect()
}

fn data(s: &mut String, key: &str, value: &str) {
    let _ = writeln!(s, "      <data key=\"{key}\">{}</data>", xml_escape(value));
}

/// The graph as GraphML.
pub fn to_graphml(graph: &Graph) -> String {
    let records = Records::of(graph);
    let node_extras = extra_columns(records.node_attrs.clone(), &names(NODE_KEYS));
    let edge_extras = extra_columns(records.edge_attrs.clone(), &names(EDGE_KEYS));
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (name, ty) in NODE_KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"n_{name}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    for (name, _) in &node_extras {
        let n = xml_escape(name);
        let _ = writeln!(
            s,
            "  <key id=\"nx_{n}\" for=\"node\" attr.name=\"{n}\" attr.type=\"string\"/>"
        );
    }
    for (name, ty) in EDGE_KEYS {
        let _ = writeln!(
            s,
            "  <key id=\"e_{name}\" for=\"edge\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    for (name, _) in &edge_extras {
        let n = xml_escape(name);
        let _ = writeln!(
            s,
            "  <key id=\"ex_{n}\" for=\"edge\" attr.name=\"{n}\" attr.type=\"string\"/>"
        );
    }
    let default = if records.directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(s, "  <graph id=\"newsgraph\" edgedefault=\"{default}\">");
    for n in &records.nodes {
        let (r, g, b) = n.color;
        let _ = writeln!(s, "    <node id=\"{}\">", xml_id(n.id));
        data(&mut s, "n_label", n.label);
        data(&mut s, "n_type", n.kind);
        data(&mut s, "n_mentions", &n.mentions.to_string());
        data(&mut s, "n_documents", &n.documents.to_string());
        if let Some(d) = n.first_seen {
            data(&mut s, "n_first_seen", d);
        }
        if let Some(d) = n.last_seen {
            data(&mut s, "n_last_seen", d);
        }
        data(&mut s, "n_r", &r.to_string());
        data(&mut s, "n_g", &g.to_string());
        data(&mut s, "n_b", &b.to_string());
        data(&mut s, "n_size", &format!("{:?}", n.size));
        for (name, attr) in &node_extras {
            if let Some(v) = n.attrs.get(attr) {
                data(&mut s, &format!("nx_{}", xml_escape(name)), v);
            }
        }
        s.push_str("    </node>\n");
    }
    for e in &records.edges {
        let directed = if e.directed {
            ""
        } else {
            " directed=\"false\""
        };
        let _ = writeln!(
            s,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\"{directed}>",
            e.id,
            xml_id(e.source),
            xml_id(e.target)
        );
        data(&mut s, "e_label", e.relation);
        data(&mut s, "e_relation", e.relation);
        data(&mut s, "e_weight", &format!("{:?}", e.weight as f64));
        data(&mut s, "e_evidence", &e.evidence.to_string());
        if let Some(d) = e.first_date {
            data(&mut s, "e_first_date", d);
        }
        if let Some(d) = e.last_date {
            data(&mut s, "e_last_date", d);
        }
        for (name, attr) in &edge_extras {
            if let Some(v) = e.attrs.get(attr) {
                data(&mut s, &format!("ex_{}", xml_escape(name)), v);
            }
        }
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// What is being read when a `<data>` element opens.
enum Owner {
    Node(usize),
    Edge(usize),
    Other,
}

struct RawNode {
    id: String,
    line: usize,
    data: BTreeMap<String, String>,
}

struct RawEdge {
    source: String,
    target: String,
    directed: Option<bool>,
    line: usize,
    data: BTreeMap<String, String>,
}

/// Line numbers of byte offsets, counted on from the last offset asked for: the reader's
/// offsets only grow, so a whole file costs one pass (counting from the start for every
/// element made reading quadratic).
struct Lines<'t> {
    text: &'t [u8],
    offset: usize,
    line: usize,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Lines<'t> {
        Lines {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn at(&mut self, offset: u64) -> usize {
        let end = (offset as usize).min(self.text.len());
        if end < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        self.line += self.text[self.offset..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = end;
        self.line
    }
}

/// The GraphML id of an entity id: ids are `xs:NMTOKEN`s, so an id that is not plain
/// ASCII letters, digits, `.`, `-` and `_` (or that holds `_x`) is written with each other
/// character (and `_`) as `_xHEX_`. Gazetteer ids are plain and written as they are; the
/// encoding is one to one (plain ids never hold `_x`, encoded ones always do), and
/// [`id_of_xml`] reverses it.
pub(crate) fn xml_id(id: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_');
    if !id.is_empty() && id.chars().all(plain) && !id.contains("_x") {
        return std::borrow::Cow::Borrowed(id);
    }
    let mut out = String::with_capacity(id.len() + 8);
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '-') {
            out.push(c);
        } else {
            let _ = write!(out, "_x{:X}_", c as u32);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The entity id of a GraphML id written by [`xml_id`].
fn id_of_xml(id: String) -> String {
    if !id.contains("_x") {
        return id;
    }
    let mut out = String::with_capacity(id.len());
    let mut rest = id.as_str();
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let decoded = after.split_once('_').and_then(|(hex, tail)| {
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)?;
            (!hex.is_empty() && hex.len() <= 6).then_some((c, tail))
        });
        match decoded {
            Some((c, tail)) => {
                out.push(c);
                rest = tail;
            }
            None => {
                out.push_str("_x");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

impl Graph {
    /// Reads GraphML text (see the module doc for what survives); `path` is used in error
    /// messages, which name the line.
    pub fn from_graphml(path: &Path, text: &str) -> Result<Graph> {
        let bad = |line: usize, msg: String| Error::invalid(Diagnostic::at(path, line, msg));
        let mut reader = quick_xml::Reader::from_str(text);
        // key id -> attribute name
        let mut keys: BTreeMap<String, String> = BTreeMap::new();
        let mut nodes: Vec<RawNode> = Vec::new();
        let mut edges: Vec<RawEdge> = Vec::new();
        let mut edge_default = true;
        let mut owner = Owner::Other;
        // The open `<data key=...>`, and its text so far.
        let mut data: Option<(String, String)> = None;
        let mut seen_graphml = false;
        let mut lines = Lines::new(text);
        loop {
            let at = reader.buffer_position();
            let event = reader.read_event().map_err(|e| {
                bad(
                    lines.at(reader.error_position()),
                    format!("not well-formed XML ({e}); expected GraphML"),
                )
            })?;
            let line = lines.at(at);
            match event {
                Event::Start(_) | Event::Empty(_) if data.is_some() => {}
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(event, Event::Empty(_));
                    match e.local_name().as_ref() {
                        "graphml" => seen_graphml = true,
                        "key" => {
                            if let (Some(id), Some(name)) = (attr(e, "id"), attr(e, "attr.name")) {
                                keys.insert(id, name);
                            }
                        }
                        "graph" => {
                            edge_default = attr(e, "edgedefault").as_deref() != Some("undirected")
                        }
                        "node" => {
                            let id = attr(e, "id")
                                .map(id_of_xml)
                                .ok_or_else(|| bad(line, "<node> without an id".into()))?;
                            nodes.push(RawNode {
                                id,
                                line,
                                data: BTreeMap::new(),
                            });
                            owner = if empty {
                                Owner::Other
                            } else {
                                Owner::Node(nodes.len() - 1)
                            };
                        }
                        "edge" => {
                            let (Some(source), Some(target)) = (
                                attr(e, "source").map(id_of_xml),
                                attr(e, "target").map(id_of_xml),
                            ) else {
                                return Err(bad(line, "<edge> without source and target".into()));
                            };
                            let directed = attr(e, "directed").map(|d| d == "true");
                            edges.push(RawEdge {
                                source,
                                target,
                                directed,
                                line,
                                data: BTreeMap::new(),
                            });
                            owner = if empty {
                                Owner::Other
                            } else {
                                Owner::Edge(edges.len() - 1)
                            };
                        }
                        "data" if !empty => {
                            let key = attr(e, "key")
                                .ok_or_else(|| bad(line, "<data> without a key".into()))?;
                            data = Some((key, String::new()));
                        }
                        _ => {}
                    }
                }
                Event::Text(t) => {
                    if let Some((_, s)) = data.as_mut() {
                        s.push_str(&t.xml10_content());
                    }
                }
                Event::CData(t) => {
                    if let Some((_, s)) = data.as_mut() {
                        s.push_str(&t);
                    }
                }
                Event::GeneralRef(r) => {
                    if let Some((_, s)) = data.as_mut() {
                        let raw = format!("&{};", &*r);
                        let resolved = quick_xml::escape::unescape(&raw).map_err(|e| {
                            bad(line, format!("bad character reference {raw} ({e})"))
                        })?;
                        s.push_str(&resolved);
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "data" => {
                        if let Some((key, value)) = data.take() {
                            let name = keys.get(&key).cloned().unwrap_or(key);
                            match owner {
                                Owner::Node(i) => {
                                    nodes[i].data.insert(name, value);
                                }
                                Owner::Edge(i) => {
                                    edges[i].data.insert(name, value);
                                }
                                Owner::Other => {}
                            }
                        }
                    }
                    "node" | "edge" => owner = Owner::Other,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        if !seen_graphml {
            return Err(bad(1, "no <graphml> element: not a GraphML file".into()));
        }
        let node_lines: Vec<usize> = nodes.iter().map(|n| n.line).collect();
        let mut out_nodes = Vec::with_capacity(nodes.len());
        for n in nodes {
            let kind_name = n.data.get("type").map(String::as_str).unwrap_or("");
            let kind = EntityType::parse(kind_name).ok_or_else(|| {
                bad(
                    n.line,
                    format!("node '{}' has type '{kind_name}', not an entity type", n.id),
                )
            })?;
            let mentions = match n.data.get("mentions") {
                None => 0,
                Some(m) => m.trim().parse::<u64>().map_err(|_| {
                    bad(
                        n.line,
                        format!("node '{}' has mentions '{m}', not a whole number", n.id),
                    )
                })?,
            };
            out_nodes.push(Node {
                label: n.data.get("label").cloned().unwrap_or_else(|| n.id.clone()),
                id: n.id,
                kind,
                mentions,
                documents: Vec::new(),
                aliases: BTreeMap::new(),
                first_seen: None,
                last_seen: None,
                attrs: BTreeMap::new(),
            });
        }
        let mut out_edges = Vec::with_capacity(edges.len());
        let edge_lines: Vec<usize> = edges.iter().map(|e| e.line).collect();
        for e in edges {
            let relation = e
                .data
                .get("relation")
                .or_else(|| e.data.get("label"))
                .cloned()
                .ok_or_else(|| {
                    bad(
                        e.line,
                        format!("edge {} -> {} has no relation", e.source, e.target),
                    )
                })?;
            let weight = match e.data.get("weight") {
                None => 1,
                Some(w) => match w.trim().parse::<f64>() {
                    Ok(w) if w >= 0.0 && w.is_finite() => w.round() as u64,
                    _ => {
                        return Err(bad(
                            e.line,
                            format!(
                                "edge {} -> {} has weight '{w}', not a number",
                                e.source, e.target
                            ),
                        ));
                    }
                },
            };
            out_edges.push(Edge {
                source: e.source,
                target: e.target,
                relation,
                directed: e.directed.unwrap_or(edge_default),
                weight,
                evidence: Vec::new(),
                attrs: BTreeMap::new(),
            });
        }
        super::check::check_parts(
            path,
            &out_nodes,
            &|i| node_lines.get(i).copied(),
            &out_edges,
            &|i| edge_lines.get(i).copied(),
        )?;
        Ok(Graph::from_parts(out_nodes, out_edges, Vec::new()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{DocInfo, Evidence};
    use crate::text::Span;

    fn sample() -> Graph {
        let node = |id: &str, label: &str, kind, mentions| Node {
            id: id.into(),
            label: label.into(),
            kind,
            mentions,
            documents: vec!["d.txt".into()],
            aliases: BTreeMap::new(),
            first_seen: None,
            last_seen: None,
            attrs: BTreeMap::new(),
        };
        let ev = Evidence {
            doc: "d.txt".into(),
            sentence: Span::new(0, 5),
            source_span: Span::new(0, 1),
            target_span: Span::new(2, 3),
            rule: None,
            date: None,
            text: "x".into(),
        };
        let edge = |s: &str, t: &str, rel: &str, directed, n: usize| Edge {
            source: s.into(),
            target: t.into(),
            relation: rel.into(),
            directed,
            weight: n as u64,
            evidence: vec![ev.clone(); n],
            attrs: BTreeMap::new(),
        };
        Graph::from_parts(
            vec![
                node("a", "Al-\"Q\" <&> Kādhimī", EntityType::Person, 3),
                node("b", "B", EntityType::Militia, 1),
            ],
            vec![
                edge("a", "b", "co_occurs", false, 2),
                edge("a", "b", "leads", true, 1),
            ],
            vec![DocInfo {
                id: "d.txt".into(),
                date: None,
            }],
        )
    }

    #[test]
    fn reads_back_what_the_graphml_writer_keeps() {
        let g = sample();
        let back = Graph::from_graphml(Path::new("g.graphml"), &to_graphml(&g)).unwrap();
        let a = back.node("a").unwrap();
        assert_eq!(
            (a.label.as_str(), a.kind, a.mentions),
            ("Al-\"Q\" <&> Kādhimī", EntityType::Person, 3)
        );
        let co = back.edge("a", "b", "co_occurs").unwrap();
        assert_eq!((co.weight, co.directed), (2, false));
        let leads = back.edge("a", "b", "leads").unwrap();
        assert_eq!((leads.weight, leads.directed), (1, true));
        assert_eq!((back.node_count(), back.edge_count()), (2, 2));
    }

    #[test]
    fn ids_are_nmtokens_one_to_one_and_read_back() {
        let ids = [
            "kataib_hezbollah",
            "a b",
            "a_x20_b",
            "a/b",
            "a:b",
            "حزب",
            "a_x",
            "x_",
        ];
        let written: Vec<String> = ids.iter().map(|i| xml_id(i).into_owned()).collect();
        for (id, w) in ids.iter().zip(&written) {
            assert!(
                w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')),
                "{w}"
            );
            assert_eq!(id_of_xml(w.clone()), *id);
        }
        let mut distinct = written.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), ids.len());
        assert_eq!(written[0], "kataib_hezbollah");
    }

    #[test]
    fn errors_name_the_line() {
        let err = Graph::from_graphml(
            Path::new("g.graphml"),
            "<graphml>\n<graph>\n<node id=\"a\"></graph>",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("g.graphml:3: not well-formed XML"), "{err}");
        let text = "<graphml>\n<key id=\"t\" for=\"node\" attr.name=\"type\"/>\n<graph>\n<node id=\"a\"><data key=\"t\">dragon</data></node>\n</graph></graphml>";
        let err = Graph::from_graphml(Path::new("g.graphml"), text)
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "g.graphml:4: node 'a' has type 'dragon', not an entity type"
        );
        let err = Graph::from_graphml(Path::new("g.graphml"), "{}")
            .unwrap_err()
            .to_string();
        assert_eq!(err, "g.graphml:1: no <graphml> element: not a GraphML file");
    }

    #[test]
    fn xml_escaping_keeps_line_breaks_and_drops_what_xml_cannot_carry() {
        assert_eq!(
            xml_escape("A & <B> \"C\" 'D' \\"),
            "A &amp; &lt;B&gt; &quot;C&quot; &apos;D&apos; \\"
        );
        assert_eq!(xml_escape("one\ntwo\tthree\r"), "one&#10;two&#9;three&#13;");
        assert_eq!(xml_escape("bell\u{7}سرايا"), "bellسرايا");
    }
}
