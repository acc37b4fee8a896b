//! The linking stage: relations between the entities mentioned in a document.
//!
//! Co-occurrence ([`cooccurrences`]) links every two entities named in one sentence.
//! Typed relations come from pattern rules ([`rules`]): a [`RuleSet`] read from rules
//! files, joined to the gazetteer in a [`Linker`].

mod cooccur;
pub mod rules;

pub use cooccur::cooccurrences;
pub use rules::{Linker, RuleSet};

use crate::text::Span;
use serde::{Deserialize, Serialize};

/// The relation type of a co-occurrence edge.
pub const CO_OCCURS: &str = "co_occurs";

/// How a [`Reference`] was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// `he`, `him`, `she`: the last person named.
    Pronoun,
    /// `we`, `us`, `I` in a quote: its speaker (`"...", X said`).
    Speaker,
    /// `the group`, `the militia`, `it`: the last entity of that kind named.
    Anaphor,
    /// `the attack` in `claimed responsibility for the attack`: the target of the attack
    /// reported before.
    AttackTarget,
    /// `the strikes` in `condemned the strikes`: the attacker of the attack reported before.
    Attacker,
    /// `the Iraqi prime minister`: who held that office on the document's date, by the
    /// gazetteer's dated roles.
    Role,
}

/// A word that stands for an entity named elsewhere, as the linker resolved it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Reference {
    /// Byte range of the referring word (`he`, `group`, `attack`).
    pub span: Span,
    /// The entity it stands for.
    pub entity: String,
    /// How it was resolved.
    pub how: Resolution,
}

/// One relation found in one sentence.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Finding {
    /// Relation type (`co_occurs`, `blamed`, ...).
    pub relation: String,
    /// Source entity id (for undirected relations, the smaller id).
    pub source: String,
    /// Target entity id.
    pub target: String,
    /// Whether the relation has a direction.
    pub directed: bool,
    /// Byte range of the sentence.
    pub sentence: Span,
    /// Byte range of the source mention.
    pub source_span: Span,
    /// Byte range of the target mention.
    pub target_span: Span,
    /// Id of the rule that fired (`None` for co-occurrence).
    pub rule: Option<String>,
}
