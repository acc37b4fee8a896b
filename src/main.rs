//! The `newsgraph` command line. All the work is in the library; this binary parses
//! arguments, prints, and chooses the exit code.

mod cli;

/// mimalloc: loading a large graph.json allocates millions of small strings, and this
/// allocator does that about a third faster than the system one (tests/bench/load.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // Past a file-size limit (`ulimit -f`) a write fails with an error the run reports,
    // instead of the signal killing the process.
    unsafe { libc::signal(libc::SIGXFSZ, libc::SIG_IGN) };
    std::process::exit(cli::run());
}
