//! `-g DIR` and `--gazetteer-add DIR`: which gazetteer a command reads. With neither, the
//! gazetteer built into the binary (a copy of the repository's `gazetteer/`), so every
//! command works from any folder.

use clap::Args;
use newsgraph::Result;
use newsgraph::gazetteer::{Gazetteer, load};
use std::path::{Path, PathBuf};

/// Where the gazetteer comes from.
#[derive(Args, Debug, Clone, Default)]
pub struct GazetteerArgs {
    /// Gazetteer folder (*.gaz files, tagging.words and rules files) replacing the
    /// built-in one (`newsgraph gazetteer dump DIR` writes it out for editing)
    #[arg(short = 'g', long = "gazetteer", value_name = "DIR")]
    pub gazetteer: Option<PathBuf>,
    /// Folder whose *.gaz files are added to the gazetteer (the built-in one, or -g's);
    /// repeatable
    #[arg(long = "gazetteer-add", value_name = "DIR")]
    pub add: Vec<PathBuf>,
}

impl GazetteerArgs {
    /// Loads and checks the gazetteer; every bad line of every file is reported.
    pub fn load(&self) -> Result<Gazetteer> {
        load(self.gazetteer.as_deref(), &self.add)
    }

    /// The folder given with `-g`, whose rules files replace the built-in ones.
    pub fn dir(&self) -> Option<&Path> {
        self.gazetteer.as_deref()
    }
}
