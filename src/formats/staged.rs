//! All or nothing on output: every file of a run is written first to a temporary file in
//! its target's folder, and only when all of them are written are they renamed over
//! their targets ([`Staged::commit`]); dropped before that, nothing is renamed and the
//! temporary files are removed.
//!
//! On Linux a temporary file is anonymous (`O_TMPFILE`): it has no name until the commit
//! links it in, so a run killed by SIGINT, SIGKILL or a file-size limit leaves nothing
//! behind. Where a filesystem cannot make anonymous files, the temporary file is named
//! `.NAME.PID.tmp` beside the target; such files of processes that are gone are removed
//! by the next write to the same target.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::{Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// Files written and waiting for [`Staged::commit`].
#[derive(Debug, Default)]
pub struct Staged {
    pending: Vec<Pending>,
    /// Named temporary files that exist now (removed on drop unless renamed).
    named: Vec<PathBuf>,
}

#[derive(Debug)]
enum Pending {
    /// A file with no name yet, in `dir`, for `target`.
    Anonymous {
        file: File,
        target: PathBuf,
        shown: PathBuf,
    },
    /// A named temporary file, for `target`.
    Named {
        tmp: PathBuf,
        target: PathBuf,
        shown: PathBuf,
    },
    /// A device or a pipe (`/dev/stdout`, a FIFO): written in place at the commit, since
    /// renaming over it would replace it.
    InPlace { path: PathBuf, bytes: Vec<u8> },
}

/// Checks, before any work, that `path` can be an output: not a folder, and no part of
/// its folder is a file.
pub fn check_output(path: &Path) -> Result<()> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(is_a_folder(path));
    }
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d.as_os_str().is_empty() {
            break;
        }
        if let Ok(meta) = std::fs::metadata(d) {
            if !meta.is_dir() {
                return Err(Error::Usage(format!(
                    "{}: {} is not a folder; give another output path",
                    path.display(),
                    d.display()
                )));
            }
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

fn is_a_folder(path: &Path) -> Error {
    Error::Usage(format!(
        "{}: is a folder; give a file name for the output",
        path.display()
    ))
}

impl Staged {
    /// Writes `bytes` for `path` to a temporary file (see the module doc). A symbolic
    /// link is followed, so the link stays a link. Missing parent folders are created.
    pub fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<()> {
        let mut target = path.to_path_buf();
        if let Ok(meta) = std::fs::metadata(path) {
            if meta.is_dir() {
                return Err(is_a_folder(path));
            }
            if !meta.is_file() {
                self.pending.push(Pending::InPlace {
                    path: path.to_path_buf(),
                    bytes: bytes.to_vec(),
                });
                return Ok(());
            }
            let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            if is_link {
                target = std::fs::canonicalize(path).map_err(|e| Error::io(path, e))?;
            }
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let name = target
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("out")
            .to_string();
        remove_stale_temps(&dir, &name);
        let anonymous = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_TMPFILE)
            .mode(0o666)
            .open(&dir);
        match anonymous {
            Ok(mut file) => {
                file.write_all(bytes)
                    .and_then(|_| file.sync_all())
                    .map_err(|e| Error::io(path, e))?;
                self.pending.push(Pending::Anonymous {
                    file,
                    target,
                    shown: path.to_path_buf(),
                });
            }
            Err(_) => {
                let tmp = self.temp_name(&dir, &name);
                self.named.push(tmp.clone());
                let mut file = File::create(&tmp).map_err(|e| Error::io(path, e))?;
                file.write_all(bytes)
                    .and_then(|_| file.sync_all())
                    .map_err(|e| Error::io(path, e))?;
                self.pending.push(Pending::Named {
                    tmp,
                    target,
                    shown: path.to_path_buf(),
                });
            }
        }
        Ok(())
    }

    fn temp_name(&self, dir: &Path, name: &str) -> PathBuf {
        let n = self.named.len();
        let pid = std::process::id();
        dir.join(if n == 0 {
            format!(".{name}.{pid}.tmp")
        } else {
            format!(".{name}.{pid}.{n}.tmp")
        })
    }

    /// Gives every file its name: the anonymous ones are linked in under a temporary
    /// name, devices are written, and only then is everything renamed over its target.
    pub fn commit(mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        let mut renames = Vec::new();
        for p in pending {
            match p {
                Pending::Anonymous {
                    mut file,
                    target,
                    shown,
                } => {
                    let dir = target.parent().unwrap_or(Path::new("."));
                    let dir = if dir.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        dir
                    };
                    let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("out");
                    let tmp = self.temp_name(dir, name);
                    self.named.push(tmp.clone());
                    if link_in(&file, &tmp).is_err() {
                        // No /proc: copy the anonymous file into a named one.
                        let copied = File::create(&tmp).and_then(|mut out| {
                            file.rewind()?;
                            std::io::copy(&mut file, &mut out)?;
                            out.sync_all()
                        });
                        copied.map_err(|e| Error::io(&shown, e))?;
                    }
                    renames.push((tmp, target, shown));
                }
                Pending::Named { tmp, target, shown } => renames.push((tmp, target, shown)),
                Pending::InPlace { path, bytes } => std::fs::OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .and_then(|mut f| f.write_all(&bytes).and_then(|_| f.flush()))
                    .map_err(|e| Error::io(&path, e))?,
            }
        }
        for (tmp, target, shown) in renames {
            std::fs::rename(&tmp, &target).map_err(|e| Error::io(&shown, e))?;
            self.named.retain(|t| *t != tmp);
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        for tmp in &self.named {
            let _ = std::fs::remove_file(tmp);
        }
    }
}

/// Links the anonymous `file` in as `name`, through its `/proc/self/fd` entry.
fn link_in(file: &File, name: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::io::AsRawFd;
    let from = std::ffi::CString::new(format!("/proc/self/fd/{}", file.as_raw_fd()))?;
    let to = std::ffi::CString::new(name.as_os_str().as_bytes())?;
    let rc = unsafe {
        libc::linkat(
            libc::AT_FDCWD,
            from.as_ptr(),
            libc::AT_FDCWD,
            to.as_ptr(),
            libc::AT_SYMLINK_FOLLOW,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Removes `.NAME.PID.tmp` (and `.NAME.PID.N.tmp`) in `dir` whose process is gone.
fn remove_stale_temps(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(rest) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|r| r.strip_suffix(".tmp"))
        else {
            continue;
        };
        let Some(Ok(pid)) = rest.split('.').next().map(str::parse::<i32>) else {
            continue;
        };
        if pid <= 0 || pid as u32 == std::process::id() {
            continue;
        }
        let gone = unsafe { libc::kill(pid, 0) } != 0
            && std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
        if gone {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_renamed_until_the_commit_and_nothing_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, "old").unwrap();
        let mut staged = Staged::default();
        staged.write(&a, b"new").unwrap();
        staged.write(&dir.path().join("b.json"), b"b").unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"old");
        drop(staged);
        assert_eq!(std::fs::read(&a).unwrap(), b"old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let mut staged = Staged::default();
        staged.write(&a, b"new").unwrap();
        staged.write(&dir.path().join("b.json"), b"b").unwrap();
        staged.commit().unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn stale_temps_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // pid_max is at most 2^22: this process cannot exist.
        let stale = dir.path().join(".a.json.99999999.tmp");
        std::fs::write(&stale, "left by a killed run").unwrap();
        let mut staged = Staged::default();
        staged.write(&dir.path().join("a.json"), b"new").unwrap();
        staged.commit().unwrap();
        assert!(!stale.exists());
    }
}
