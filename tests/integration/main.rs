//! The integration tests, one binary (`autotests = false` in Cargo.toml): each module
//! runs one command or one concern through the real binary or the library; [`util`] is
//! the one helper that runs the binary. See `tests/README.md` for what each module holds.

mod build;
mod builtin;
mod cli;
mod consumers;
mod diff;
mod errors;
mod export;
mod faults;
mod gazetteer;
mod golden;
mod homonyms;
mod inspect;
mod inspect_corpus;
mod props;
mod readme;
mod relations;
mod robustness;
mod rules;
mod sample_gold;
mod tagging;
mod unknown;
mod util;
mod who;
