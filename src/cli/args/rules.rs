//! `-r FILE`: relation rules added to those of the gazetteer folder, shared by the
//! commands that link text (`build`, `extract`).

use clap::Args;
use newsgraph::Result;
use newsgraph::link::RuleSet;
use std::path::{Path, PathBuf};

/// Where the relation rules come from.
#[derive(Args, Debug)]
pub struct RulesArgs {
    /// Relation rules file added after <gazetteer>/relations.rules (or the built-in
    /// rules); a rule with the same id replaces the earlier one; repeatable
    #[arg(short = 'r', long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
}

impl RulesArgs {
    /// Reads and compiles every rules file; all bad lines are reported together.
    pub fn load(&self, gazetteer_dir: Option<&Path>) -> Result<RuleSet> {
        RuleSet::load(gazetteer_dir, &self.rules)
    }
}
