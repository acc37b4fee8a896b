//! `newsgraph completions SHELL` and `newsgraph man`: a shell completion script
//! (clap_complete) and the man page (clap_mangen), both generated from the same clap
//! definition as `--help`, printed to standard output.

use super::output::emit_bytes;
use clap::Args;
use clap_complete::Shell;
use newsgraph::{Error, Result};

/// Arguments of `completions`.
#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell (e.g. `newsgraph completions bash
    /// > ~/.local/share/bash-completion/completions/newsgraph`)
    #[arg(value_enum, value_name = "SHELL")]
    shell: Shell,
}

/// Prints the completion script.
pub fn run(args: CompletionsArgs, mut cmd: clap::Command) -> Result<i32> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "newsgraph", &mut out);
    emit_bytes(&out)?;
    Ok(0)
}

/// Prints the man page.
pub fn man(cmd: clap::Command) -> Result<i32> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| Error::Usage(format!("man page: {e}")))?;
    emit_bytes(&out)?;
    Ok(0)
}
