//! The `newsgraph` command line. All the work is in the library; this binary parses
//! arguments, prints, and chooses the exit code.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
