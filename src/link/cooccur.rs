//! Sentence co-occurrence: an undirected `co_occurs` finding for every pair of distinct
//! entities mentioned in the same sentence.

use super::{CO_OCCURS, Finding};
use crate::tag::Mention;
use crate::text::Span;

/// Co-occurrence findings of one document, given its sentences (sorted byte ranges)
/// and mentions (sorted by position). Each pair appears once per sentence, with the first
/// mention of each entity in that sentence as its span.
pub fn cooccurrences(sentences: &[Span], mentions: &[Mention]) -> Vec<Finding> {
    let mut out = Vec::new();
    // The entities of one sentence with their first mention, sorted by id.
    let mut ents: Vec<(&str, Span)> = Vec::new();
    // The same, for the membership test: a long sentence has many mentions.
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut m = 0;
    for &sentence in sentences {
        let Span { start: s, end: e } = sentence;
        while m < mentions.len() && mentions[m].span.start < s {
            m += 1;
        }
        ents.clear();
        seen.clear();
        let mut k = m;
        while k < mentions.len() && mentions[k].span.start < e {
            let id = mentions[k].entity.as_str();
            if seen.insert(id) {
                ents.push((id, mentions[k].span));
            }
            k += 1;
        }
        ents.sort_unstable_by_key(|(id, _)| *id);
        for i in 0..ents.len() {
            for j in i + 1..ents.len() {
                out.push(Finding {
                    relation: CO_OCCURS.to_string(),
                    source: ents[i].0.to_string(),
                    target: ents[j].0.to_string(),
                    directed: false,
                    sentence,
                    source_span: ents[i].1,
                    target_span: ents[j].1,
                    rule: None,
                });
            }
        }
        m = k;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::EntityType;

    fn m(start: usize, entity: &str) -> Mention {
        Mention {
            span: Span::new(start, start + 2),
            entity: entity.into(),
            kind: EntityType::Place,
        }
    }

    #[test]
    fn pairs_within_sentences_only() {
        let sentences = [Span::new(0, 10), Span::new(11, 20)];
        let mentions = [m(0, "b"), m(3, "a"), m(6, "b"), m(12, "c")];
        let f = cooccurrences(&sentences, &mentions);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].source.as_str(), f[0].target.as_str()), ("a", "b"));
        assert_eq!(f[0].source_span, Span::new(3, 5));
        assert_eq!(f[0].target_span, Span::new(0, 2));
    }
}
