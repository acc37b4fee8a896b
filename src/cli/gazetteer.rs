//! `newsgraph gazetteer dump DIR`: writes the gazetteer built into the binary (the
//! `*.gaz` files, `tagging.words`, the rules files and their documentation) into a
//! folder, to edit and pass back with `-g DIR`.

use super::output::note;
use clap::{Args, Subcommand};
use newsgraph::Result;
use newsgraph::gazetteer::dump;
use std::path::PathBuf;

/// Arguments of `gazetteer`.
#[derive(Args, Debug)]
pub struct GazetteerCommandArgs {
    #[command(subcommand)]
    command: GazetteerCommand,
}

#[derive(Subcommand, Debug)]
enum GazetteerCommand {
    /// Write the built-in gazetteer and rules files into DIR, for editing and `-g DIR`.
    Dump(DumpArgs),
}

/// Arguments of `gazetteer dump`.
#[derive(Args, Debug)]
pub struct DumpArgs {
    /// Folder to write into (created if missing)
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Replace files that already exist
    #[arg(long)]
    force: bool,
}

/// Runs `gazetteer`.
pub fn run(args: GazetteerCommandArgs) -> Result<i32> {
    match args.command {
        GazetteerCommand::Dump(a) => {
            let written = dump(&a.dir, a.force)?;
            note(&format!(
                "newsgraph: {} files -> {}",
                written.len(),
                a.dir.display()
            ));
            Ok(0)
        }
    }
}
