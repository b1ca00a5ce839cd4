//! Emitters: artifacts built from a checked project.
//!
//! Each emitter takes a [`CheckedProject`](crate::check::CheckedProject),
//! never raw text, and returns the artifact's bytes; writing files is the
//! caller's business ([`write_atomically`], [`write_all_atomically`]).

pub(crate) mod arranged;
pub mod bpmn;
pub mod channels;
pub mod diagram;
pub mod doc;
pub mod dot;
pub(crate) mod dot_text;
pub(crate) mod geometry;
pub mod labels;
pub mod lanes;
pub mod marks;
pub mod orgchart;
pub mod render;
pub mod svg;

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `contents` to `path` through a temporary file in the same
/// directory, synced, then renamed into place: the file is either the old
/// one or the whole new one, never half-written, even after a power loss
/// (what it writes, a formatted source file for one, may be the only copy).
pub(crate) fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let failed = |error| WriteError {
        path: path.to_path_buf(),
        error,
    };
    check_destinations([path])?;
    let staged = stage(path, contents).map_err(failed)?;
    staged.persist(path).map_err(|error| failed(error.error))
}

/// Rewrites `path` with `contents` in the file itself, so that every hard
/// link to it sees the new text (replacing it by a new file, as
/// [`write_atomically`] does, would leave the other links with the old
/// text). The new text is first written in full, and synced, to a temporary
/// file beside it: if the rewrite is interrupted, that `.flowc-*.tmp` file
/// holds the whole new text, so nothing is lost.
pub(crate) fn rewrite_in_place(path: &Path, contents: &[u8]) -> Result<(), WriteError> {
    let failed = |error| WriteError {
        path: path.to_path_buf(),
        error,
    };
    let staged = stage(path, contents).map_err(failed)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(failed)?;
    file.set_len(0).map_err(failed)?;
    file.write_all(contents).map_err(failed)?;
    file.sync_all().map_err(failed)?;
    drop(staged);
    Ok(())
}

/// A file that could not be written, and why.
#[derive(Debug)]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// What the system said.
    pub error: std::io::Error,
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot write {}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for WriteError {}

/// Writes several files so that a failure leaves the old ones untouched:
/// every new file is first written completely into a staging folder
/// (`.flowc-stage-XXXXXX`, one per staging thread) inside its
/// destination's folder; only when all are written are they renamed into
/// place. If writing any of them fails, no destination has been touched
/// and the staging folders are removed. Before anything is staged every
/// destination is checked (see [`check_destinations`]); then each output
/// folder is locked (so concurrent builds into one folder take turns),
/// what an interrupted earlier run left there is removed, and a
/// destination that already holds its file's bytes is left as it is
/// ([`change_of`]).
///
/// The files are not synced: they are derived outputs (a build, a
/// handbook, a diff report) that the next build rewrites, and syncing them
/// waited for the whole disk (see docs/diagrams-and-handbook.md, "What an
/// interruption can leave").
pub(crate) fn write_all_atomically(files: &[(PathBuf, Vec<u8>)]) -> Result<(), WriteError> {
    check_destinations(files.iter().map(|(path, _)| path.as_path()))?;
    let folders: std::collections::BTreeSet<&Path> =
        files.iter().map(|(path, _)| folder_of(path)).collect();
    let mut locks = Vec::with_capacity(folders.len());
    for folder in folders {
        locks.push(lock_folder(folder)?);
        remove_leftovers(folder);
    }
    let changes = changes(files);
    // Each thread stages into its own staging folder: a file is created
    // under its folder's lock, which would otherwise let one thread create
    // at a time.
    let threads = staging_threads(changes.len());
    let mut staging = std::collections::BTreeMap::new();
    for change in &changes {
        let folder = folder_of(change.path);
        if !staging.contains_key(folder) {
            let folders = (0..threads)
                .map(|_| staging_folder(folder))
                .collect::<Result<Vec<_>, _>>()?;
            staging.insert(folder, folders);
        }
    }
    let staged: Vec<PathBuf> = changes
        .iter()
        .enumerate()
        .map(|(index, change)| staged_path(&staging, change.path, index % threads))
        .collect();
    let failed = |path: &Path, error| WriteError {
        path: path.to_path_buf(),
        error,
    };
    for (result, change) in stage_all(&changes, &staged).into_iter().zip(&changes) {
        result.map_err(|error| failed(change.path, error))?;
    }
    // Every file is staged: the renames may go in any order (each output
    // is old or new whatever the order), so they go several at once too.
    let moves: Vec<_> = staged.iter().zip(&changes).collect();
    let renamed = several_at_once(&moves, |(from, change)| std::fs::rename(from, change.path));
    for (result, change) in renamed.into_iter().zip(&changes) {
        result.map_err(|error| failed(change.path, error))?;
    }
    Ok(())
}

/// An output its destination does not already hold, to stage.
struct Change<'a> {
    /// Where it goes.
    path: &'a Path,
    /// Its bytes.
    contents: &'a [u8],
    /// The permissions it takes: those of the file it replaces, if any
    /// ([`existing_permissions`]).
    permissions: Option<std::fs::Permissions>,
}

/// The outputs of `files` whose destination does not already hold their
/// bytes ([`change_of`]), looked at several at once; in the order of
/// `files`.
fn changes(files: &[(PathBuf, Vec<u8>)]) -> Vec<Change<'_>> {
    several_at_once(files, |(path, contents)| change_of(path, contents))
        .into_iter()
        .flatten()
        .collect()
}

/// `path` and `contents` as a change to stage, or nothing when `path` is
/// a regular file (not a link to one) that holds exactly `contents`: such
/// an output is left as it is, as make-like tools do, instead of being
/// staged and renamed over with the same bytes. Creating a file is the
/// dearest part of writing one on most file systems (see
/// docs/performance.md), and the untouched file keeps its time, so what
/// depends on it is not made again for nothing. The one look at the
/// destination also gives the permissions a replacement keeps.
fn change_of<'a>(path: &'a Path, contents: &'a [u8]) -> Option<Change<'a>> {
    let change = |permissions| {
        Some(Change {
            path,
            contents,
            permissions,
        })
    };
    let Ok(metadata) = std::fs::symlink_metadata(path) else {
        return change(None);
    };
    if metadata.is_symlink() {
        return change(existing_permissions(path));
    }
    let same_size = u64::try_from(contents.len()).is_ok_and(|len| len == metadata.len());
    if metadata.is_file() && same_size && reads_as(path, contents) {
        return None;
    }
    change(Some(metadata.permissions()))
}

/// Whether `path` holds exactly `contents` ([`change_of`] finds nothing
/// to stage).
#[cfg(test)]
fn holds_already(path: &Path, contents: &[u8]) -> bool {
    change_of(path, contents).is_none()
}

/// Whether reading `path` gives exactly `contents`, compared a block at a
/// time (nothing the size of the file is held). On Unix the file is
/// opened without following a link and without waiting (a FIFO put there
/// since it was looked at does not block the build).
fn reads_as(path: &Path, contents: &[u8]) -> bool {
    use std::io::Read as _;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(
            (rustix::fs::OFlags::NOFOLLOW | rustix::fs::OFlags::NONBLOCK).bits() as i32,
        );
    }
    let Ok(mut file) = options.open(path) else {
        return false;
    };
    if !file.metadata().is_ok_and(|metadata| metadata.is_file()) {
        return false;
    }
    let mut block = vec![0; COMPARED_BLOCK.min(contents.len() + 1)];
    let mut rest = contents;
    loop {
        match file.read(&mut block) {
            Ok(0) => return rest.is_empty(),
            Ok(read) if rest.starts_with(&block[..read]) => rest = &rest[read..],
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Ok(_) | Err(_) => return false,
        }
    }
}

/// How many bytes of an existing output are read at a time to compare it.
const COMPARED_BLOCK: usize = 256 * 1024;

/// `text` with every character `replacement` gives words for replaced by
/// them (by nothing: dropped); the runs of characters in between are
/// copied whole (the escapers of the DOT, SVG and HTML outputs pushed
/// each character on its own).
pub(crate) fn replace_chars(
    text: &str,
    replacement: impl Fn(char) -> Option<&'static str>,
) -> String {
    let mut replaced = String::with_capacity(text.len());
    let mut copied_to = 0;
    for (at, c) in text.char_indices() {
        if let Some(words) = replacement(c) {
            replaced.push_str(&text[copied_to..at]);
            replaced.push_str(words);
            copied_to = at + c.len_utf8();
        }
    }
    replaced.push_str(&text[copied_to..]);
    replaced
}

/// The folder `path` is written in.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// A new, empty staging folder in `folder`, removed with what it holds
/// when dropped.
fn staging_folder(folder: &Path) -> Result<tempfile::TempDir, WriteError> {
    tempfile::Builder::new()
        .prefix(STAGING_PREFIX)
        .tempdir_in(folder)
        .map_err(|error| WriteError {
            path: folder.to_path_buf(),
            error,
        })
}

/// The name of every staging folder starts with this.
const STAGING_PREFIX: &str = ".flowc-stage-";

/// Where `path` is staged: under its own name in the staging folder of
/// its folder that the thread `thread` of [`several_at_once`] stages into
/// (names are unique in a folder, [`check_destinations`]).
fn staged_path(
    staging: &std::collections::BTreeMap<&Path, Vec<tempfile::TempDir>>,
    path: &Path,
    thread: usize,
) -> PathBuf {
    let name = path.file_name().unwrap_or(path.as_os_str());
    staging
        .get(folder_of(path))
        .and_then(|folders| folders.get(thread))
        .map_or_else(
            || path.with_file_name(name),
            |folder| folder.path().join(name),
        )
}

/// Takes the exclusive lock of `folder`, waiting for another flowc that
/// holds it; the lock goes with the returned file (and with the process).
/// On Unix the folder itself is locked (`flock`), so no file is added to
/// the output; elsewhere a `.flowc.lock` file in it is.
fn lock_folder(folder: &Path) -> Result<std::fs::File, WriteError> {
    use fs4::fs_std::FileExt as _;
    #[cfg(unix)]
    let path = folder.to_path_buf();
    #[cfg(not(unix))]
    let path = folder.join(".flowc.lock");
    let failed = |error| WriteError {
        path: path.clone(),
        error,
    };
    #[cfg(unix)]
    let file = std::fs::File::open(&path).map_err(failed)?;
    #[cfg(not(unix))]
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(failed)?;
    file.lock_exclusive().map_err(failed)?;
    Ok(file)
}

/// Removes what an interrupted run left in `folder`: `.flowc-*.tmp` files
/// and `.flowc-stage-*` folders (called with the folder's lock held, so
/// no run is writing them).
fn remove_leftovers(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(STAGING_PREFIX) {
            let _ = std::fs::remove_dir_all(entry.path());
        } else if name.starts_with(".flowc-") && name.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// How many files are staged (or renamed) at once: as many as the processor has
/// cores, since nothing waits for the disk (the files are not synced);
/// more threads only contend for the output folder, where the renames go.
fn staging_threads(files: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(files)
        .max(1)
}

/// The longest file name (in bytes) common file systems hold.
const MAX_NAME_BYTES: usize = 255;

/// Checks, before anything is written, that every destination can take a
/// file: no two differ only in case (they are one file on macOS and
/// Windows), none is a directory, no file name is longer than file
/// systems hold.
pub(crate) fn check_destinations<'a>(
    paths: impl IntoIterator<Item = &'a Path>,
) -> Result<(), WriteError> {
    let refuse = |path: &Path, reason: String| WriteError {
        path: path.to_path_buf(),
        error: std::io::Error::other(reason),
    };
    let mut seen: std::collections::BTreeMap<String, &Path> = std::collections::BTreeMap::new();
    for path in paths {
        let folded = path.to_string_lossy().to_lowercase();
        if let Some(other) = seen.insert(folded, path) {
            return Err(refuse(
                path,
                format!(
                    "it is the same file as {} where case is ignored (macOS, Windows)",
                    other.display()
                ),
            ));
        }
        if path.is_dir() {
            return Err(refuse(path, "a directory is in the way".to_string()));
        }
        let name_bytes = path.file_name().map_or(0, |name| name.len());
        if name_bytes > MAX_NAME_BYTES {
            return Err(refuse(
                path,
                format!(
                    "the file name is {name_bytes} bytes long; file systems hold {MAX_NAME_BYTES}"
                ),
            ));
        }
    }
    Ok(())
}

/// Stages each of `changes` at its path in `staged` ([`stage_in`]),
/// several at once; the results in the order of `changes`.
fn stage_all(changes: &[Change], staged: &[PathBuf]) -> Vec<std::io::Result<()>> {
    let pairs: Vec<_> = changes.iter().zip(staged).collect();
    several_at_once(&pairs, |(change, to)| stage_in(to, change))
}

/// `work` done on each of `items` on [`staging_threads`] threads, the
/// item at index `i` on thread `i % threads` ([`staged_path`] counts on
/// it); the results in the order of `items`.
fn several_at_once<'a, T: Sync, R: Send>(
    items: &'a [T],
    work: impl Fn(&'a T) -> R + Sync,
) -> Vec<R> {
    let threads = staging_threads(items.len());
    let work = &work;
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                scope.spawn(move || {
                    items
                        .iter()
                        .enumerate()
                        .skip(first)
                        .step_by(threads)
                        .map(|(index, item)| (index, work(item)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Writes the bytes of `change` to the new file `staged`, with the
/// permissions its destination keeps, and closes it (a build of 20,000
/// files would otherwise hold 20,000 open files, over the usual limit).
fn stage_in(staged: &Path, change: &Change) -> std::io::Result<()> {
    let existing = change.permissions.as_ref();
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(existing.map_or(NEW_FILE_MODE, |permissions| permissions.mode()));
    }
    let mut file = options.open(staged)?;
    file.write_all(change.contents)?;
    #[cfg(not(unix))]
    if let Some(permissions) = existing {
        file.set_permissions(permissions.clone())?;
    }
    Ok(())
}

/// The permissions of the file at `path`, if there is one. A file
/// replaced keeps its mode (a formatted 0751 file stays 0751); a new one
/// is like any new file ([`NEW_FILE_MODE`]).
fn existing_permissions(path: &Path) -> Option<std::fs::Permissions> {
    std::fs::metadata(path)
        .ok()
        .map(|metadata| metadata.permissions())
}

/// The mode a new file is created with, less the umask: readable by
/// others unless the umask says no (a temporary file would otherwise stay
/// owner-only, and a handbook put on a web server could not be read).
#[cfg(unix)]
const NEW_FILE_MODE: u32 = 0o666;

/// Writes `contents` to a temporary file in `path`'s directory, synced,
/// and closed; the file is removed when the returned path is dropped
/// without being persisted.
fn stage(path: &Path, contents: &[u8]) -> std::io::Result<tempfile::TempPath> {
    let directory = folder_of(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".flowc-").suffix(".tmp");
    if let Some(existing) = existing_permissions(path) {
        builder.permissions(existing);
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(NEW_FILE_MODE));
        }
    }
    let mut temporary = builder.tempfile_in(directory)?;
    temporary.write_all(contents)?;
    temporary.as_file().sync_all()?;
    Ok(temporary.into_temp_path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_that_differ_only_in_case_are_refused_before_writing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let files = [
            (dir.path().join("Claim.json"), b"1".to_vec()),
            (dir.path().join("claim.json"), b"2".to_vec()),
        ];
        let error = write_all_atomically(&files).expect_err("a collision");
        assert!(error.to_string().contains("Claim.json"), "{error}");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    }

    #[test]
    fn leftovers_of_an_interrupted_run_are_removed_under_the_lock() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(".flowc-AbC123.tmp"), "half").expect("leftover");
        let stage = dir.path().join(".flowc-stage-XyZ789");
        std::fs::create_dir(&stage).expect("leftover folder");
        std::fs::write(stage.join("a.json"), "half").expect("leftover staged");
        std::fs::write(dir.path().join("keep.tmp"), "mine").expect("other");
        write_all_atomically(&[(dir.path().join("a.json"), b"1".to_vec())]).expect("written");
        assert!(!dir.path().join(".flowc-AbC123.tmp").exists());
        assert!(!stage.exists());
        assert_eq!(std::fs::read(dir.path().join("a.json")).expect("a"), b"1");
        assert!(dir.path().join("keep.tmp").exists());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .flatten()
            .map(|entry| entry.file_name())
            .collect();
        assert_eq!(
            left.len(),
            2,
            "no lock file or staging folder is left: {left:?}"
        );
    }

    /// The names in `folder`, sorted.
    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(folder)
            .expect("dir")
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[cfg(unix)]
    #[test]
    fn an_output_that_already_holds_its_bytes_is_left_as_it_is() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let inode = |name: &str| {
            std::fs::metadata(dir.path().join(name))
                .expect("metadata")
                .ino()
        };
        for (name, bytes) in [
            ("same.json", "1"),
            ("other.json", "old"),
            ("stale.json", "s"),
        ] {
            std::fs::write(dir.path().join(name), bytes).expect("previous");
        }
        let (same, other, stale) = (inode("same.json"), inode("other.json"), inode("stale.json"));
        write_all_atomically(&[
            (dir.path().join("same.json"), b"1".to_vec()),
            (dir.path().join("other.json"), b"new".to_vec()),
        ])
        .expect("written");
        assert_eq!(inode("same.json"), same, "not rewritten");
        assert_ne!(
            inode("other.json"),
            other,
            "same length, other bytes: replaced"
        );
        assert_eq!(inode("stale.json"), stale, "not an output: untouched");
        assert_eq!(
            std::fs::read(dir.path().join("other.json")).expect("o"),
            b"new"
        );
        assert_eq!(
            names_in(dir.path()),
            ["other.json", "same.json", "stale.json"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_the_same_bytes_or_a_longer_file_is_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("target.txt");
        std::fs::write(&target, "1").expect("target");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).expect("link");
        std::fs::write(dir.path().join("longer.json"), "12").expect("longer");
        write_all_atomically(&[
            (link.clone(), b"1".to_vec()),
            (dir.path().join("longer.json"), b"1".to_vec()),
        ])
        .expect("written");
        let link_now = std::fs::symlink_metadata(&link).expect("link");
        assert!(link_now.is_file(), "the link is replaced by the output");
        assert_eq!(
            std::fs::read(dir.path().join("longer.json")).expect("l"),
            b"1"
        );
        assert_eq!(std::fs::read(&target).expect("t"), b"1");
    }

    #[test]
    fn holds_already_compares_every_byte_across_blocks() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.json");
        let contents: Vec<u8> = (0..COMPARED_BLOCK * 2 + 7).map(|at| at as u8).collect();
        std::fs::write(&path, &contents).expect("big");
        assert!(holds_already(&path, &contents));
        let mut last = contents.clone();
        *last.last_mut().expect("bytes") ^= 1;
        assert!(!holds_already(&path, &last));
        let mut second_block = contents.clone();
        second_block[COMPARED_BLOCK + 1] ^= 1;
        assert!(!holds_already(&path, &second_block));
        assert!(!holds_already(&dir.path().join("missing.json"), b""));
        assert!(!holds_already(dir.path(), b""), "a folder is not an output");
        std::fs::write(&path, "").expect("empty");
        assert!(holds_already(&path, b""));
    }

    #[test]
    fn concurrent_writes_into_one_folder_are_never_mixed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let names: Vec<PathBuf> = (0..20)
            .map(|index| dir.path().join(format!("{index}.txt")))
            .collect();
        std::thread::scope(|scope| {
            for writer in 0..8u8 {
                let names = &names;
                scope.spawn(move || {
                    let files: Vec<_> = names
                        .iter()
                        .map(|name| (name.clone(), vec![writer; 4096]))
                        .collect();
                    write_all_atomically(&files).expect("written");
                });
            }
        });
        let contents: Vec<Vec<u8>> = names
            .iter()
            .map(|name| std::fs::read(name).expect("read"))
            .collect();
        assert!(
            contents.iter().all(|one| one == &contents[0]),
            "one writer's set"
        );
        assert_eq!(names_in(dir.path()).len(), 20, "no staging folder is left");
    }

    #[test]
    fn a_directory_in_the_way_or_a_name_too_long_is_refused_before_writing() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join("b.json")).expect("dir");
        let long = format!("{}.json", "報".repeat(90));
        for blocked in ["b.json", long.as_str()] {
            let files = [
                (dir.path().join("a.json"), b"1".to_vec()),
                (dir.path().join(blocked), b"2".to_vec()),
            ];
            assert!(write_all_atomically(&files).is_err(), "{blocked}");
            assert!(!dir.path().join("a.json").exists(), "{blocked}");
        }
    }
}
