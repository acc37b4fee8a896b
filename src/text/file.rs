//! Reading input files without surprises: only regular files are read (a FIFO would
//! block for ever, `/dev/zero` never ends), the size is checked before reading and the
//! read is bounded, and a UTF-8 byte order mark is dropped from text formats.

use std::io::{self, Read};
use std::path::Path;

/// The largest input file read: offsets are kept in 32 bits.
pub const MAX_FILE_BYTES: u64 = u32::MAX as u64;

/// Why a path that is not a regular file cannot be read, or `None` for a regular file.
pub fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_file() {
        None
    } else if t.is_dir() {
        Some("is a folder")
    } else if t.is_fifo() {
        Some("is a FIFO (named pipe), not a regular file")
    } else if t.is_socket() {
        Some("is a socket, not a regular file")
    } else if t.is_char_device() || t.is_block_device() {
        Some("is a device, not a regular file")
    } else {
        Some("is not a regular file")
    }
}

/// The bytes of the regular file `path`, at most `limit` of them (more is an error of
/// kind `InvalidData`). The file is opened without blocking, so a FIFO put in its place
/// is refused instead of waited on.
pub fn read_bytes(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)?;
    let meta = file.metadata()?;
    if let Some(why) = not_regular(&meta) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{why}; only regular files are read"),
        ));
    }
    let too_large = || {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {limit} bytes, the limit"),
        )
    };
    if meta.len() > limit {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large());
    }
    Ok(bytes)
}

/// The text of the regular file `path` (see [`read_bytes`]), without a leading byte order
/// mark; not UTF-8 is an error of kind `InvalidData`, as with [`std::fs::read_to_string`].
pub fn read_text(path: &Path) -> io::Result<String> {
    let bytes = read_bytes(path, MAX_FILE_BYTES)?;
    let mut text = String::from_utf8(bytes).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    Ok(text)
}

/// `text` without a leading byte order mark.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_fifo_and_bounds_a_device() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
        let err = read_bytes(&fifo, 10).unwrap_err();
        assert!(err.to_string().contains("FIFO"), "{err}");
        let err = read_bytes(Path::new("/dev/zero"), 10).unwrap_err();
        assert!(err.to_string().contains("device"), "{err}");
    }

    #[test]
    fn drops_a_byte_order_mark() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.gaz");
        std::fs::write(&p, "\u{feff}[a]\n").unwrap();
        assert_eq!(read_text(&p).unwrap(), "[a]\n");
        std::fs::write(&p, b"ab").unwrap();
        assert!(read_bytes(&p, 1).is_err());
    }
}
