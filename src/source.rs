//! Source files: finding a project's root and reading its `.flow` files.
//!
//! A project is every `.flow` file under a root: the nearest ancestor
//! directory holding a `flowc.toml`, else the directory given (or the
//! directory of the file given). Files are read in path order so that
//! everything downstream is deterministic.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::i18n::{Lang, Text};
use crate::text;

/// The name of the project configuration file.
pub const CONFIG_FILE: &str = "flowc.toml";

/// One source file of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as shown to the user (relative to the working directory
    /// when the file is under it).
    pub path: PathBuf,
    /// The path relative to the project root, with `/` separators; this is
    /// what artifacts record, so they do not depend on the machine.
    pub relative: String,
    /// The file's text (invalid UTF-8 sequences replaced).
    pub text: String,
    /// Why the text cannot be parsed, if it cannot.
    pub problem: Option<FileProblem>,
}

/// Why a file's text cannot be parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// Not UTF-8: the byte offset of the first invalid sequence.
    InvalidUtf8 {
        /// Where the first invalid byte is.
        offset: usize,
    },
    /// Larger than [`MAX_FILE_BYTES`]; its text is not kept.
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
}

/// The largest file flowc reads, in bytes.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

impl SourceFile {
    /// A file made from text in memory (tests, editors, stdin).
    pub fn from_text(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        let path = path.into();
        SourceFile {
            relative: path.to_string_lossy().replace('\\', "/"),
            path,
            text: text.into(),
            problem: None,
        }
    }

    /// A file made from bytes read from disk (or from a git revision).
    pub(crate) fn from_bytes(path: PathBuf, relative: String, bytes: Vec<u8>) -> Self {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return SourceFile {
                path,
                relative,
                text: String::new(),
                problem: Some(FileProblem::TooLarge {
                    bytes: bytes.len() as u64,
                }),
            };
        }
        match String::from_utf8(bytes) {
            Ok(text) => SourceFile {
                path,
                relative,
                text,
                problem: None,
            },
            Err(error) => {
                let at = error.utf8_error().valid_up_to();
                SourceFile {
                    path,
                    relative,
                    text: String::from_utf8_lossy(error.as_bytes()).into_owned(),
                    problem: Some(FileProblem::InvalidUtf8 { offset: at }),
                }
            }
        }
    }
}

/// The files of one project and which of them the user asked about.
#[derive(Debug, Clone)]
pub struct ProjectSources {
    /// The project root, as shown to the user.
    pub root: PathBuf,
    /// Every `.flow` file under the root, in path order.
    pub files: Vec<SourceFile>,
    /// For each file, whether the user asked about it.
    pub selected: Vec<bool>,
    /// The text of `flowc.toml`, with its path, when the root has one.
    pub config: Option<(PathBuf, String)>,
    /// Symbolic links under the root whose target lies outside it: not
    /// followed, not read (as shown to the user, in path order).
    pub outside: Vec<PathBuf>,
}

/// Why the sources could not be read.
#[derive(Debug)]
pub enum LoadError {
    /// A path given does not exist.
    NotFound(PathBuf),
    /// A file or directory could not be read.
    Unreadable {
        /// Which.
        path: PathBuf,
        /// Why, as the system said.
        reason: String,
    },
}

impl LoadError {
    /// What could not be read, in the reader's language (the system's
    /// reason as it said it).
    pub fn text(&self) -> Text {
        match self {
            LoadError::NotFound(path) => {
                text!("cli-load-not-found", path = path.display().to_string())
            }
            LoadError::Unreadable { path, reason } => text!(
                "cli-load-unreadable",
                path = path.display().to_string(),
                reason = reason.as_str()
            ),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text().render(Lang::En))
    }
}

impl std::error::Error for LoadError {}

/// Finds the projects the given paths belong to and reads their files.
pub fn load(paths: &[PathBuf]) -> Result<Vec<ProjectSources>, LoadError> {
    let cwd = std::env::current_dir().map_err(|error| LoadError::Unreadable {
        path: PathBuf::from("."),
        reason: error.to_string(),
    })?;
    let mut roots: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for path in paths {
        let absolute = cwd.join(path);
        if !absolute.exists() {
            return Err(LoadError::NotFound(path.clone()));
        }
        roots
            .entry(project_root(&absolute))
            .or_default()
            .push(absolute);
    }
    roots
        .into_iter()
        .map(|(root, requested)| load_project(&cwd, &root, &requested))
        .collect()
}

/// The root of the project `path` belongs to.
pub(crate) fn project_root(path: &Path) -> PathBuf {
    let start = if path.is_dir() {
        path
    } else {
        path.parent().unwrap_or(path)
    };
    start
        .ancestors()
        .find(|dir| dir.join(CONFIG_FILE).is_file())
        .unwrap_or(start)
        .to_path_buf()
}

fn load_project(
    cwd: &Path,
    root: &Path,
    requested: &[PathBuf],
) -> Result<ProjectSources, LoadError> {
    let FlowFiles {
        files: mut paths,
        mut outside,
    } = flow_files(root)?;
    let inside = Containment::of(root);
    for path in requested.iter().filter(|path| path.is_file()) {
        if !inside.holds(path) {
            if !outside.contains(path) {
                outside.push(path.clone());
            }
        } else if !paths.contains(path) {
            paths.push(path.clone());
        }
    }
    outside.sort();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    let mut selected = Vec::with_capacity(paths.len());
    for path in paths {
        selected.push(requested.iter().any(|asked| path.starts_with(asked)));
        files.push(read_source(cwd, root, &path)?);
    }
    let config_path = root.join(CONFIG_FILE);
    let config = if config_path.is_file() {
        let text =
            std::fs::read_to_string(&config_path).map_err(|error| LoadError::Unreadable {
                path: shown(cwd, &config_path),
                reason: error.to_string(),
            })?;
        Some((shown(cwd, &config_path), text))
    } else {
        None
    };
    Ok(ProjectSources {
        root: shown(cwd, root),
        files,
        selected,
        config,
        outside: outside.iter().map(|path| shown(cwd, path)).collect(),
    })
}

/// Reads one source file; a file over the size limit is not read at all,
/// and anything but a regular file (a device, a FIFO) is never read.
fn read_source(cwd: &Path, root: &Path, path: &Path) -> Result<SourceFile, LoadError> {
    let unreadable = |error: std::io::Error| LoadError::Unreadable {
        path: shown(cwd, path),
        reason: error.to_string(),
    };
    let relative = relative_to_root(root, path);
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if !metadata.is_file() {
        return Err(unreadable(std::io::Error::other(
            "not a regular file (a device, a FIFO or a socket is never read)",
        )));
    }
    let bytes = metadata.len();
    if bytes > MAX_FILE_BYTES {
        return Ok(SourceFile {
            path: shown(cwd, path),
            relative,
            text: String::new(),
            problem: Some(FileProblem::TooLarge { bytes }),
        });
    }
    let mut contents = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| {
            use std::io::Read;
            file.take(MAX_FILE_BYTES + 1).read_to_end(&mut contents)
        })
        .map_err(unreadable)?;
    Ok(SourceFile::from_bytes(shown(cwd, path), relative, contents))
}

/// What [`flow_files`] finds under a root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlowFiles {
    /// Every `.flow` file under the root, in path order.
    pub files: Vec<PathBuf>,
    /// Symbolic links under the root whose target lies outside it, in path
    /// order: neither followed nor read.
    pub outside: Vec<PathBuf>,
}

/// Whether paths lie under a root once every symbolic link is resolved.
#[derive(Debug, Clone)]
pub struct Containment {
    root: Option<PathBuf>,
}

impl Containment {
    /// The containment test for `root`.
    pub fn of(root: &Path) -> Self {
        Containment {
            root: root.canonicalize().ok(),
        }
    }

    /// Whether `path`, its links resolved, lies under the root (a path
    /// that cannot be resolved does not).
    pub fn holds(&self, path: &Path) -> bool {
        match (&self.root, path.canonicalize()) {
            (Some(root), Ok(target)) => target.starts_with(root),
            _ => false,
        }
    }
}

/// Every `.flow` file under `root`, skipping hidden directories, in path
/// order. A symbolic link is followed only when its target lies under
/// `root`; the others are listed in [`FlowFiles::outside`]. Only regular
/// files are listed: devices, FIFOs and sockets are never opened.
pub fn flow_files(root: &Path) -> Result<FlowFiles, LoadError> {
    let mut found = FlowFiles::default();
    let inside = Containment::of(root);
    let mut walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    while let Some(entry) = walker.next() {
        let entry = entry.map_err(|error| LoadError::Unreadable {
            path: error.path().unwrap_or(root).to_path_buf(),
            reason: walk_error_reason(&error),
        })?;
        if entry.path_is_symlink() && !inside.holds(entry.path()) {
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            found.outside.push(entry.into_path());
        } else if entry.file_type().is_file()
            && entry.path().extension().is_some_and(|ext| ext == "flow")
        {
            found.files.push(entry.into_path());
        }
    }
    Ok(found)
}

fn walk_error_reason(error: &walkdir::Error) -> String {
    match error.loop_ancestor() {
        Some(ancestor) => format!(
            "a symbolic link loops back to {}; remove the link or move it out of the project",
            ancestor.display()
        ),
        None => error
            .io_error()
            .map_or_else(|| error.to_string(), ToString::to_string),
    }
}

/// `path` as shown to the user: relative to the working directory when it
/// is under it.
fn shown(cwd: &Path, path: &Path) -> PathBuf {
    match path.strip_prefix(cwd) {
        Ok(relative) if relative.as_os_str().is_empty() => PathBuf::from("."),
        Ok(relative) => relative.to_path_buf(),
        Err(_) => path.to_path_buf(),
    }
}

/// `path` relative to `root`, with `/` separators.
fn relative_to_root(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

// ------------------------------------------------------------------------
// What a first run should be told: files that look like process files but
// are not read, and project roots nested inside a project. Kept apart from
// the reading above: `load` reads a project, `survey` only looks around it.

/// What [`survey`] finds under a project root.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Survey {
    /// Files that look like process files but are not read: `*.flow.txt`
    /// (as Notepad saves them), `*.FLOW` and other cases, `*.flow~` and
    /// other backups. Paths as shown to the user, in path order.
    pub look_alikes: Vec<PathBuf>,
    /// Folders under the root that hold a `flowc.toml` of their own, as
    /// shown to the user, in path order.
    pub nested_roots: Vec<PathBuf>,
}

/// Looks under the project root `root` (as [`ProjectSources::root`] shows
/// it, relative to the working directory) for look-alike files and nested
/// project roots. Hidden folders are skipped, as [`flow_files`] skips
/// them; symbolic links are not followed. Unreadable entries are left to
/// [`load`], which reports them.
pub(crate) fn survey(root: &Path) -> Survey {
    let mut survey = Survey::default();
    let walker = WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        });
    for entry in walker.flatten() {
        let name = entry.file_name().to_string_lossy();
        if entry.file_type().is_dir() {
            if entry.depth() > 0 && entry.path().join(CONFIG_FILE).is_file() {
                survey.nested_roots.push(entry.path().to_path_buf());
            }
        } else if entry.file_type().is_file() && is_look_alike(&name) {
            survey.look_alikes.push(entry.path().to_path_buf());
        }
    }
    survey
}

/// Whether a file called `name` looks like a process file that flowc does
/// not read: a name ending in `.flow` in another case (`.FLOW`, `.Flow`),
/// or with `.flow` followed by another extension (`.flow.txt`) or a backup
/// mark (`.flow~`, `.flow.bak`, `.flow.orig`).
pub(crate) fn is_look_alike(name: &str) -> bool {
    if name.ends_with(".flow") {
        return false;
    }
    flow_mark(name).is_some_and(|at| {
        let rest = &name[at + 5..];
        at > 0 && (rest.is_empty() || rest == "~" || rest.starts_with('.'))
    })
}

/// Where the last `.flow` (in any case) starts in `name`.
fn flow_mark(name: &str) -> Option<usize> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(4))
        .rev()
        .find(|&at| bytes[at..at + 5].eq_ignore_ascii_case(b".flow"))
}

/// The name a look-alike file should have: its name up to `.flow`, then
/// `.flow` (`請假.flow.txt` -> `請假.flow`, `LEAVE.FLOW` -> `LEAVE.flow`).
pub(crate) fn intended_name(name: &str) -> String {
    let end = flow_mark(name).unwrap_or(name.len());
    format!("{}.flow", &name[..end])
}
