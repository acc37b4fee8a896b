//! Neo4j: CSV files for the bulk importer (`neo4j-admin database import full`) and a
//! Cypher script that loads the same files into a running server with `LOAD CSV`.
//!
//! `-o DIR/anything.neo4j` writes, in `DIR`:
//! - `neo4j-entities.csv`, one node per entity:
//!   `id:ID(Entity),name,type,mentions:int,documents:int,first_seen:date,last_seen:date,color,:LABEL`,
//!   then one string column per extra node attribute; `:LABEL` is `Entity;` and the type
//!   capitalised (`Entity;Militia`);
//! - `neo4j-relations.csv`, one relationship per edge:
//!   `:START_ID(Entity),:END_ID(Entity),:TYPE,id,relation,directed:boolean,weight:int,evidence:int,first_date:date,last_date:date`,
//!   then one string column per extra edge attribute; `:TYPE` is the relation in capitals
//!   (`BLAMED`, `CO_OCCURS`), `id` the `eN` of the other formats. Neo4j relationships
//!   always have a direction: an undirected edge (co-occurrence, `met`) is stored once,
//!   from the smaller id, with `directed` false; match it without an arrow
//!   (`(a)-[:CO_OCCURS]-(b)`);
//! - `neo4j-evidence.csv`, one node per supporting sentence:
//!   `id:ID(Evidence),relation_id,source,target,relation,document,date:date,sentence,sentence_start:int,sentence_end:int,rule,:LABEL`,
//!   with `:LABEL` `Evidence`, `relation_id` the relationship's `id` and
//!   `sentence_start`/`sentence_end` the sentence's byte range in the document; an edge's
//!   evidence is `MATCH ()-[r]->() MATCH (v:Evidence {relation_id: r.id})`;
//! - `neo4j-load.cypher`, the `LOAD CSV` statements for a running server (files in its
//!   import folder): constraints, entities, their type labels, one statement per
//!   relation type in the graph (Cypher cannot take a relationship type from a value),
//!   evidence.
//!
//! Fields are quoted as RFC 4180 says (the importer's default quote `"`); sentences may
//! hold line breaks, hence `--multiline-fields=true` in the import command (README).
//! Empty `date` fields are missing properties.

use super::csv::field;
use super::record::Records;
use super::style::extra_columns;
use crate::graph::Graph;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The header of `neo4j-entities.csv`, before the extra attribute columns.
pub const ENTITY_HEADER: &[&str] = &[
    "id:ID(Entity)",
    "name",
    "type",
    "mentions:int",
    "documents:int",
    "first_seen:date",
    "last_seen:date",
    "color",
    ":LABEL",
];

/// The header of `neo4j-relations.csv`, before the extra attribute columns.
pub const RELATION_HEADER: &[&str] = &[
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    "id",
    "relation",
    "directed:boolean",
    "weight:int",
    "evidence:int",
    "first_date:date",
    "last_date:date",
];

/// The header of `neo4j-evidence.csv`.
pub const EVIDENCE_HEADER: &[&str] = &[
    "id:ID(Evidence)",
    "relation_id",
    "source",
    "target",
    "relation",
    "document",
    "date:date",
    "sentence",
    "sentence_start:int",
    "sentence_end:int",
    "rule",
    ":LABEL",
];

fn row(out: &mut String, fields: &[String]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push('\n');
}

/// Extra attribute columns: cleaned names, never one with a `:` (a Neo4j type).
fn extras(names: Vec<String>, reserved: &[&str]) -> Vec<(String, String)> {
    let reserved: Vec<String> = reserved
        .iter()
        .map(|h| h.split(':').next().unwrap_or("").to_string())
        .filter(|h| !h.is_empty())
        .collect();
    let reserved: Vec<&str> = reserved.iter().map(String::as_str).collect();
    extra_columns(names, &reserved)
}

/// A relation as a relationship type: capitals, anything but letters and digits as `_`.
pub fn relationship_type(relation: &str) -> String {
    relation
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// An entity type as a label: `militia` → `Militia`.
fn label(kind: &str) -> String {
    let mut c = kind.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `neo4j-entities.csv`.
pub fn entities_csv(graph: &Graph) -> String {
    let records = Records::of(graph);
    let extras = extras(records.node_attrs, ENTITY_HEADER);
    let mut s = String::new();
    let header: Vec<String> = ENTITY_HEADER
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
            format!("Entity;{}", label(n.kind)),
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

/// `neo4j-relations.csv`.
pub fn relations_csv(graph: &Graph) -> String {
    let records = Records::of(graph);
    let extras = extras(records.edge_attrs, RELATION_HEADER);
    let mut s = String::new();
    let header: Vec<String> = RELATION_HEADER
        .iter()
        .map(|h| h.to_string())
        .chain(extras.iter().map(|e| e.0.clone()))
        .collect();
    row(&mut s, &header);
    for e in &records.edges {
        let mut f = vec![
            e.source.to_string(),
            e.target.to_string(),
            relationship_type(e.relation),
            e.id.clone(),
            e.relation.to_string(),
            e.directed.to_string(),
            e.weight.to_string(),
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

/// `neo4j-evidence.csv`.
pub fn evidence_csv(graph: &Graph) -> String {
    let records = Records::of(graph);
    let mut s = String::new();
    let header: Vec<String> = EVIDENCE_HEADER.iter().map(|h| h.to_string()).collect();
    row(&mut s, &header);
    for e in &records.edges {
        for (i, ev) in e.sentences.iter().enumerate() {
            row(
                &mut s,
                &[
                    format!("{}.{i}", e.id),
                    e.id.clone(),
                    e.source.to_string(),
                    e.target.to_string(),
                    e.relation.to_string(),
                    ev.doc.clone(),
                    ev.date.clone().unwrap_or_default(),
                    ev.text.clone(),
                    ev.sentence.start.to_string(),
                    ev.sentence.end.to_string(),
                    ev.rule.clone().unwrap_or_default(),
                    "Evidence".to_string(),
                ],
            );
        }
    }
    s
}

/// A CSV column in a `LOAD CSV` row.
fn col(name: &str) -> String {
    format!("row.`{name}`")
}

fn date(name: &str) -> String {
    let c = col(name);
    format!("CASE WHEN coalesce({c}, '') = '' THEN null ELSE date({c}) END")
}

/// `neo4j-load.cypher`.
pub fn load_cypher(graph: &Graph) -> String {
    let records = Records::of(graph);
    let mut s = String::new();
    s.push_str(
        "// newsgraph: loads neo4j-entities.csv, neo4j-relations.csv and neo4j-evidence.csv\n\
         // into a running Neo4j server. Copy the three files into the server's import folder,\n\
         // then: cypher-shell -u neo4j -p PASSWORD -f neo4j-load.cypher\n",
    );
    s.push_str(
        "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;\n\
         CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (v:Evidence) REQUIRE v.id IS UNIQUE;\n",
    );
    let _ = writeln!(
        s,
        "LOAD CSV WITH HEADERS FROM 'file:///neo4j-entities.csv' AS row\n\
         MERGE (e:Entity {{id: {}}})\n\
         SET e.name = row.name, e.type = row.type, e.mentions = toInteger({}), \
         e.documents = toInteger({}), e.first_seen = {}, e.last_seen = {}, e.color = row.color;",
        col("id:ID(Entity)"),
        col("mentions:int"),
        col("documents:int"),
        date("first_seen:date"),
        date("last_seen:date"),
    );
    let kinds: BTreeSet<&str> = records.nodes.iter().map(|n| n.kind).collect();
    for k in kinds {
        let _ = writeln!(s, "MATCH (e:Entity {{type: '{k}'}}) SET e:{};", label(k));
    }
    let types: BTreeSet<String> = records
        .edges
        .iter()
        .map(|e| relationship_type(e.relation))
        .collect();
    for t in types {
        let _ = writeln!(
            s,
            "LOAD CSV WITH HEADERS FROM 'file:///neo4j-relations.csv' AS row\n\
             WITH row WHERE row.`:TYPE` = '{t}'\n\
             MATCH (a:Entity {{id: {}}}), (b:Entity {{id: {}}})\n\
             MERGE (a)-[r:`{t}` {{id: row.id}}]->(b)\n\
             SET r.relation = row.relation, r.directed = ({} = 'true'), \
             r.weight = toInteger({}), r.evidence = toInteger({}), r.first_date = {}, r.last_date = {};",
            col(":START_ID(Entity)"),
            col(":END_ID(Entity)"),
            col("directed:boolean"),
            col("weight:int"),
            col("evidence:int"),
            date("first_date:date"),
            date("last_date:date"),
        );
    }
    let _ = writeln!(
        s,
        "LOAD CSV WITH HEADERS FROM 'file:///neo4j-evidence.csv' AS row\n\
         MERGE (v:Evidence {{id: {}}})\n\
         SET v.relation_id = row.relation_id, v.source = row.source, v.target = row.target, \
         v.relation = row.relation, v.document = row.document, v.date = {}, \
         v.sentence = row.sentence, v.sentence_start = toInteger({}), \
         v.sentence_end = toInteger({}), v.rule = row.rule;",
        col("id:ID(Evidence)"),
        date("date:date"),
        col("sentence_start:int"),
        col("sentence_end:int"),
    );
    s
}
