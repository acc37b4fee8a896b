//! The gazetteer built into the binary: every file of the repository's `gazetteer/`
//! folder (the `*.gaz` files, `tagging.words`, the rules files and their documentation),
//! embedded at build time by `build.rs`, so that newsgraph works from any folder with no
//! `-g`. [`dump`] writes the files out again for editing.

use crate::error::{Diagnostic, Error, Result};
use std::path::{Path, PathBuf};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/builtin_gazetteer.rs"));
}

/// Every built-in file as `(name, text)`, sorted by name.
pub const BUILTIN_FILES: &[(&str, &str)] = generated::FILES;

/// The path diagnostics give a built-in file.
pub fn builtin_path(name: &str) -> PathBuf {
    PathBuf::from(format!("<built-in>/{name}"))
}

/// The built-in `*.gaz` files as `(path, text)`, in sorted name order.
pub(super) fn gaz_sources() -> Vec<(PathBuf, String)> {
    BUILTIN_FILES
        .iter()
        .filter(|(name, _)| name.ends_with(".gaz"))
        .map(|(name, text)| (builtin_path(name), text.to_string()))
        .collect()
}

/// Writes every built-in file into `dir` (created if missing) and returns the paths
/// written. Nothing is written when a file would be replaced, unless `force`.
pub fn dump(dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    if dir.is_file() {
        return Err(Error::invalid(Diagnostic::file(
            dir,
            "is a file; give the folder to write the gazetteer into",
        )));
    }
    let paths: Vec<PathBuf> = BUILTIN_FILES.iter().map(|(n, _)| dir.join(n)).collect();
    if !force {
        let existing: Vec<Diagnostic> = paths
            .iter()
            .filter(|p| p.exists())
            .map(|p| Diagnostic::file(p, "exists; not replaced (use --force to overwrite)"))
            .collect();
        if !existing.is_empty() {
            return Err(Error::Invalid(existing));
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    for ((_, text), path) in BUILTIN_FILES.iter().zip(&paths) {
        std::fs::write(path, text).map_err(|e| Error::io(path, e))?;
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_of_the_gazetteer_folder_is_built_in_as_it_is() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_file())
            .map(|e| e.file_name().into_string().unwrap())
            .filter(|n| !n.starts_with('.'))
            .collect();
        on_disk.sort();
        let names: Vec<&str> = BUILTIN_FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, on_disk);
        for (name, text) in BUILTIN_FILES {
            assert_eq!(
                *text,
                std::fs::read_to_string(dir.join(name)).unwrap(),
                "{name}"
            );
        }
    }

    #[test]
    fn the_built_in_gazetteer_loads_like_the_folder() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("gazetteer");
        let builtin = super::super::load(None, &[]).unwrap();
        let folder = super::super::load_dir(&dir).unwrap();
        let ids =
            |g: &super::super::Gazetteer| g.entities().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&builtin), ids(&folder));
        assert_eq!(builtin.words(), folder.words());
    }
}
