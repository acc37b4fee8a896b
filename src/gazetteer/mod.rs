//! The gazetteer: the entities newsgraph knows, their names, aliases and attributes,
//! read from the `*.gaz` files of a folder (format: `gazetteer/README.md`), and the word
//! lists the tagger reads names in context with (`tagging.words`, see [`Words`]); a copy
//! of the repository's `gazetteer/` folder is built in ([`load`] with no folder, [`dump`]).

mod builtin;
mod check;
pub mod interchange;
mod lint;
mod parse;
mod words;

pub use builtin::{BUILTIN_FILES, builtin_path, dump};
pub use lint::{
    BUILTIN_CHECK_WORDS, CHECK_WORDS_FILE, CheckWords, Warning, WarningKind, lint, loose_key,
};
pub use parse::{load, load_dir, parse_str};
pub use words::{BUILTIN_WORDS, WORDS_FILE, Words};

use crate::text::Origin;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The kind of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityType {
    /// A named individual.
    Person,
    /// A non-state armed group, faction or alliance.
    Militia,
    /// A state or an organ of a state.
    Government,
    /// A named location.
    Place,
    /// Any other organisation (UN, EU, NATO, companies).
    Organization,
    /// A news outlet or agency.
    Media,
    /// A named event.
    Event,
}

impl EntityType {
    /// Every type, in the order they are documented.
    pub const ALL: [EntityType; 7] = [
        EntityType::Person,
        EntityType::Militia,
        EntityType::Government,
        EntityType::Place,
        EntityType::Organization,
        EntityType::Media,
        EntityType::Event,
    ];

    /// The lower-case name used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Militia => "militia",
            EntityType::Government => "government",
            EntityType::Place => "place",
            EntityType::Organization => "organization",
            EntityType::Media => "media",
            EntityType::Event => "event",
        }
    }

    /// Parses a lower-case type name.
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role held by a person: a title in an organisation, between two dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The title, such as `prime minister`.
    pub title: String,
    /// Id of the organisation or state.
    pub org: String,
    /// Start date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), when known.
    pub from: Option<String>,
    /// End date, when the role has ended and the date is known.
    pub to: Option<String>,
}

impl Role {
    /// True when the role may have been held on `date` (`YYYY-MM-DD`): a partial date
    /// covers its whole year or month, a missing end means the role is held still, and
    /// a missing start means it is not known to be held.
    pub fn held_on(&self, date: &str) -> bool {
        let Some(from) = &self.from else {
            return false;
        };
        let start = match from.len() {
            4 => format!("{from}-01-01"),
            7 => format!("{from}-01"),
            _ => from.clone(),
        };
        let ends_after = match &self.to {
            None => true,
            Some(to) => {
                let end = match to.len() {
                    4 => format!("{to}-12-31"),
                    7 => format!("{to}-31"),
                    _ => to.clone(),
                };
                date <= end.as_str()
            }
        };
        start.as_str() <= date && ends_after
    }
}

/// The people who held the office `title` (compared folded) in the organisation `org`
/// (an id; any organisation when `None`), on `at` when given, in order of start date.
pub fn holders<'a>(
    gazetteer: &'a Gazetteer,
    title: &str,
    org: Option<&str>,
    at: Option<&str>,
) -> Vec<(&'a Entity, &'a Role)> {
    let title = crate::text::fold_key(title);
    let mut out: Vec<(&Entity, &Role)> = gazetteer
        .entities()
        .flat_map(|e| e.roles.iter().map(move |r| (e, r)))
        .filter(|(_, r)| crate::text::fold_key(&r.title) == title)
        .filter(|(_, r)| org.is_none_or(|o| r.org == o))
        .filter(|(_, r)| at.is_none_or(|d| r.held_on(d)))
        .collect();
    out.sort_by(|a, b| (&a.1.from, &a.0.id).cmp(&(&b.1.from, &b.0.id)));
    out
}

/// One entity of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable id (lower snake case).
    pub id: String,
    /// Its type.
    pub kind: EntityType,
    /// Canonical name.
    pub name: String,
    /// Other names, as written in the file.
    pub aliases: Vec<String>,
    /// The body it belongs to (an organ's state, a faction's alliance).
    pub parent: Option<String>,
    /// The country it belongs to.
    pub country: Option<String>,
    /// Alliances, fronts, backers.
    pub affiliations: Vec<String>,
    /// For a capital: the state it stands for when it acts (`Washington said`).
    pub capital_of: Option<String>,
    /// For a place: the larger place it lies in.
    pub located_in: Option<String>,
    /// Roles held, for people.
    pub roles: Vec<Role>,
    /// Free attributes (`founded`, `note`).
    pub attributes: BTreeMap<String, String>,
    /// Where it is defined.
    pub origin: Origin,
}

impl Entity {
    /// The canonical name followed by every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// All entities, by id.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: BTreeMap<String, Entity>,
    words: Words,
}

impl Gazetteer {
    /// Builds a gazetteer from entities already checked (see [`load_dir`]).
    pub(crate) fn from_entities(entities: BTreeMap<String, Entity>) -> Gazetteer {
        Gazetteer {
            entities,
            words: Words::builtin(),
        }
    }

    /// The tagger's word lists (the folder's `tagging.words`, or the built-in ones).
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.get(id)
    }

    /// Every entity, sorted by id.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.entities.values()
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there is no entity.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}
