//! The `extract` wire format: JSON Lines, one object per mention or relation, as read by
//! the evaluation scorer (`shared/eval/GUIDELINES.md` §4).
//!
//! ```json
//! {"kind":"mention","doc":"a.txt","start":10,"end":14,"text":"Iraq","entity":"iraq","type":"government"}
//! {"kind":"relation","doc":"a.txt","type":"blamed","source":"united_states","target":"iran","sentence":[0,80],"rule":"blamed.active"}
//! {"kind":"reference","doc":"a.txt","start":120,"end":125,"text":"group","entity":"kataib_hezbollah","how":"anaphor"}
//! {"kind":"candidates","doc":"a.txt","start":30,"end":35,"text":"Paris","candidates":[{"entity":"paris","type":"place"},{"entity":"paris_texas","type":"place"}]}
//! ```
//! A `candidates` line is a name several entities of the gazetteer share that the
//! document does not decide between; it comes after the document's mentions.
//! Documents come in sorted id order; within one, mentions by position, then relations by
//! sentence, then references by position. Co-occurrences are graph edges, not relations,
//! and are not written here. A reference is a word the linker read as standing for an
//! entity named elsewhere; `how` is `pronoun` (`he`), `speaker` (`we` in a quote),
//! `anaphor` (`the group`, `it`), `attack_target` (`the attack` in `claimed responsibility
//! for the attack`) or `attacker` (`the strikes` in `condemned the strikes`). The scorer
//! ignores references; relations that use them are scored as usual.

use crate::corpus::Document;
use crate::link::CO_OCCURS;
use crate::pipeline::Analysis;
use serde_json::json;

/// The JSON Lines text for analysed documents (`docs` and `analyses` in the same order).
pub fn to_jsonl(docs: &[Document], analyses: &[Analysis]) -> String {
    let mut out = String::new();
    for (doc, a) in docs.iter().zip(analyses) {
        for m in &a.mentions {
            let line = json!({
                "kind": "mention",
                "doc": doc.id,
                "start": m.span.start,
                "end": m.span.end,
                "text": m.span.of(&doc.text),
                "entity": m.entity,
                "type": m.kind.as_str(),
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        for u in &a.unresolved {
            let candidates: Vec<_> = u
                .candidates
                .iter()
                .map(|(e, t)| json!({"entity": e, "type": t.as_str()}))
                .collect();
            let line = json!({
                "kind": "candidates",
                "doc": doc.id,
                "start": u.span.start,
                "end": u.span.end,
                "text": u.span.of(&doc.text),
                "candidates": candidates,
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        let mut relations: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.relation != CO_OCCURS)
            .collect();
        relations.sort_by_key(|f| {
            (
                f.sentence,
                f.relation.clone(),
                f.source.clone(),
                f.target.clone(),
            )
        });
        for f in relations {
            let line = json!({
                "kind": "relation",
                "doc": doc.id,
                "type": f.relation,
                "source": f.source,
                "target": f.target,
                "sentence": f.sentence,
                "source_span": f.source_span,
                "target_span": f.target_span,
                "rule": f.rule,
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
        for r in &a.references {
            let line = json!({
                "kind": "reference",
                "doc": doc.id,
                "start": r.span.start,
                "end": r.span.end,
                "text": r.span.of(&doc.text),
                "entity": r.entity,
                "how": r.how,
            });
            out.push_str(&line.to_string());
            out.push('\n');
        }
    }
    out
}
