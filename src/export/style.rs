//! Colours and shapes by entity type, shared by every visual format.

use crate::gazetteer::EntityType;

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
