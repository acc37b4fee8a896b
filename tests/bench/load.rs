//! Benchmark of the inspection path: load a large `graph.json`, resolve an entity, answer a
//! `neighbors` query, and check the answer.
//!
//! Run: `cargo bench --bench load [-- NODES EDGES [EVIDENCE]]` (default
//! 100,000 nodes, 1,000,000 edges and 1 evidence sentence per edge; 0 writes edges without
//! evidence, to see how much of the load is the sentences). It writes a random graph (fixed
//! seed, co-occurrence and typed relations) to a temporary folder, then reports each
//! step and, as baselines measured in the same run, the time to read the file's bytes and
//! to parse them into an untyped `serde_json::Value`.

use newsgraph::gazetteer::EntityType;
use newsgraph::graph::{DocInfo, Edge, Evidence, Filter, Graph, Node, Resolution, resolve};
use newsgraph::text::Span;
use std::collections::BTreeMap;
use std::time::Instant;

/// The allocator the `newsgraph` binary uses, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// xorshift64*: a fixed-seed generator, so every run builds the same graph.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const RELATIONS: [&str; 6] = [
    "co_occurs",
    "co_occurs",
    "co_occurs",
    "backed_by",
    "leads",
    "attacked",
];

fn generate(nodes: usize, edges: usize, evidence: usize) -> Graph {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let docs: Vec<DocInfo> = (0..1000)
        .map(|i| DocInfo {
            id: format!("doc{i:04}.txt"),
            date: Some(format!("2020-{:02}-{:02}", i % 12 + 1, i % 28 + 1)),
        })
        .collect();
    let id = |i: usize| format!("entity_{i:06}");
    let node_list: Vec<Node> = (0..nodes)
        .map(|i| Node {
            id: id(i),
            label: format!("Entity {i}"),
            kind: EntityType::ALL[i % EntityType::ALL.len()],
            mentions: 1 + (i % 17) as u64,
            documents: vec![docs[i % docs.len()].id.clone()],
            aliases: BTreeMap::from([(format!("Entity {i}"), 1 + (i % 17) as u64)]),
            first_seen: docs[i % docs.len()].date.clone(),
            last_seen: docs[i % docs.len()].date.clone(),
            attrs: BTreeMap::new(),
        })
        .collect();
    let mut edge_list = Vec::with_capacity(edges);
    let mut seen = std::collections::HashSet::with_capacity(edges);
    while edge_list.len() < edges {
        // Skewed ends: a few entities are hubs, as in news.
        let a = rng.below(nodes).min(rng.below(nodes));
        let b = rng.below(nodes);
        let relation = RELATIONS[rng.below(RELATIONS.len())];
        let directed = relation != "co_occurs";
        let (s, t) = if !directed && a > b { (b, a) } else { (a, b) };
        if s == t || !seen.insert((s, t, relation)) {
            continue;
        }
        let doc = &docs[rng.below(docs.len())];
        let at = rng.below(5000);
        let text = format!(
            "Entity {s} and Entity {t} were named together in this report about events in the region."
        );
        edge_list.push(Edge {
            source: id(s),
            target: id(t),
            relation: relation.to_string(),
            directed,
            weight: evidence.min(1) as u64,
            evidence: std::iter::repeat_n(
                Evidence {
                    doc: doc.id.clone(),
                    sentence: Span::new(at, at + text.len()),
                    source_span: Span::new(at, at + 13),
                    target_span: Span::new(at + 18, at + 31),
                    rule: (relation != "co_occurs").then(|| format!("{relation}-1")),
                    date: doc.date.clone(),
                    text,
                },
                evidence,
            )
            .collect(),
            attrs: BTreeMap::new(),
        });
    }
    Graph::from_parts(node_list, edge_list, docs)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (n_nodes, n_edges) = (
        args.first().copied().unwrap_or(100_000),
        args.get(1).copied().unwrap_or(1_000_000),
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("graph.json");

    let t = Instant::now();
    let per_edge = args.get(2).copied().unwrap_or(1);
    let big = generate(n_nodes, n_edges, per_edge);
    let text = big.to_json();
    newsgraph::formats::write_atomic(&path, text.as_bytes()).expect("write graph.json");
    println!(
        "generated {} nodes, {} edges, {:.1} MB graph.json in {:.0} ms",
        big.node_count(),
        big.edge_count(),
        text.len() as f64 / 1e6,
        ms(t)
    );
    // The entity with the most edges, as a heavy query.
    let hub = big
        .nodes()
        .map(|n| (big.edges_of(&n.id).len(), n.id.clone()))
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .unwrap();
    let expected = big.neighborhood(&hub.1, 1, &[]).len() - 1;
    drop((big, text));

    // Baselines.
    let t = Instant::now();
    let bytes = std::fs::read(&path).unwrap();
    let read_ms = ms(t);
    let t = Instant::now();
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let value_ms = ms(t);
    drop(value);

    // What `newsgraph neighbors graph.json "Entity N"` does.
    let total = Instant::now();
    let t = Instant::now();
    let bytes = std::fs::read(&path).unwrap();
    let text = std::str::from_utf8(&bytes).unwrap();
    let graph = Graph::from_json(&path, text).expect("graph.json loads");
    let load_ms = ms(t);
    let t = Instant::now();
    let label = graph.node(&hub.1).unwrap().label.clone();
    let Resolution::Found(id) = resolve(&graph, None, &label) else {
        panic!("'{label}' does not resolve")
    };
    let resolve_ms = ms(t);
    let t = Instant::now();
    let (ego, dist) = graph.ego(&id, 1, &Filter::default());
    let query_ms = ms(t);
    let total_ms = ms(total);
    assert_eq!(id, hub.1);
    assert_eq!(dist.len() - 1, expected, "neighbour count");
    assert!(ego.edge_count() >= expected);
    let t = Instant::now();
    let (_, dist2) = graph.ego(&id, 2, &Filter::default());
    let depth2_ms = ms(t);

    println!("baseline: read bytes {read_ms:.0} ms, parse to serde_json::Value {value_ms:.0} ms");
    println!(
        "load graph.json (parse + index)        {load_ms:>7.0} ms  ({:.2}x the Value parse)",
        load_ms / value_ms
    );
    println!("resolve '{label}' by name (no exact id)  {resolve_ms:>7.1} ms");
    println!(
        "neighbors, depth 1: {:>5} neighbours    {query_ms:>7.1} ms",
        dist.len() - 1
    );
    println!(
        "neighbourhood, depth 2: {:>6} entities  {depth2_ms:>7.1} ms",
        dist2.len() - 1
    );
    let t = Instant::now();
    let word = label.split(' ').next_back().unwrap().to_string();
    let by_word = resolve(&graph, None, &format!("entity {word}"));
    let exact_ms = ms(t);
    let t = Instant::now();
    let miss = resolve(&graph, None, "Entiti 12345x");
    let miss_ms = ms(t);
    assert!(matches!(by_word, Resolution::Found(_)));
    assert!(matches!(miss, Resolution::NotFound(_)));
    println!(
        "resolve lower-case name {exact_ms:>7.1} ms; a miss with suggestions {miss_ms:>7.1} ms"
    );
    println!("total load + resolve + query          {total_ms:>7.0} ms");
}
