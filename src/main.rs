//! The `newsgraph` command line. All the work is in the library; this binary parses
//! arguments, prints, and chooses the exit code.

mod cli;

/// mimalloc: loading a large graph.json allocates millions of small strings, and this
/// allocator does that about a third faster than the system one (tests/bench/load.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
