//! Embeds the repository's `gazetteer/` folder in the binary: every file of the folder
//! (the `*.gaz` files, `tagging.words`, the rules files and their documentation) becomes
//! one `(name, include_str!(path))` row of `$OUT_DIR/builtin_gazetteer.rs`, read by
//! `src/gazetteer/builtin.rs`. The folder stays the one source of truth: adding a file to
//! it adds it to the binary, with no list to keep in step.

use std::fmt::Write;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("gazetteer");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("gazetteer/ is beside Cargo.toml")
        .map(|e| e.expect("gazetteer/ can be listed"))
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .map(|e| {
            e.file_name()
                .into_string()
                .expect("file names in gazetteer/ are UTF-8")
        })
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let mut code =
        String::from("/// Every file of the repository's `gazetteer/`, by name, sorted.\n");
    code.push_str("pub const FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("builtin_gazetteer.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
