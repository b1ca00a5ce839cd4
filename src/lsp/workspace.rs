//! The open documents and the project each belongs to.
//!
//! A document's project is found by the same rule as on the command line
//! ([`source::project_root`]: the nearest directory holding a `flowc.toml`,
//! else the file's directory); its files are read from disk and every open
//! document under the root replaces its file's text, so unsaved edits are
//! what is checked.
//!
//! What an edit leaves alone is kept: the project's files as read from
//! disk (read again only when files change on disk; lent to the model, not
//! copied), each file's parse, keyed by its path and a hash of its text,
//! each file's processes and names ([`model::KeptModel`], [`KeptNames`])
//! and each process's findings, so an edit parses, builds and checks again
//! what it changed. The model and the names (a [`Snapshot`]) are made
//! before the rules run, so hover and completion need not wait for them
//! (see `docs/editors.md`, *Incremental analysis*).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use lsp_types::Uri;
use rayon::prelude::*;

use crate::analysis::{self, Checking, Prepared};
use crate::check::incremental::KeptFindings;
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::model::KeptModel;
use crate::model::calendar::Calendar;
use crate::model::names::{KeptNames, NameIndex};
use crate::model::{self, Project};
use crate::source::{self, ProjectSources, SourceFile};
use crate::span::FileId;
use crate::syntax::Parsed;

use super::position::{Encoding, Lines, path_to_uri, uri_to_path};

/// An open document.
#[derive(Debug, Clone)]
pub struct Document {
    /// Its URI, as the client names it.
    pub uri: Uri,
    /// The text in the editor.
    pub text: String,
}

/// One project's model with the open documents laid over its files: what
/// hover, go to definition and completion read, made without running the
/// rules.
#[derive(Debug)]
pub struct Snapshot {
    /// The model.
    pub project: Project,
    /// What checking the model needs besides it.
    checking: Checking,
    /// Every name of the project.
    pub names: NameIndex,
    /// The working calendar of the project.
    pub calendar: Calendar,
    /// For each file, its URI.
    pub uris: Vec<Uri>,
    /// For each file, a hash of its text.
    text_hashes: Vec<u64>,
    /// The language the project writes in: `lang` of its `flowc.toml`,
    /// else the locale the editor started the server in, else English;
    /// found once per analysis, not per diagnostic.
    lang: Lang,
}

impl Snapshot {
    /// The file a URI names, if it is in the project.
    pub(crate) fn file_of(&self, uri: &Uri) -> Option<FileId> {
        self.uris.iter().position(|known| known == uri).map(FileId)
    }

    /// The language the project writes in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of a file.
    pub fn text(&self, file: FileId) -> &str {
        &self.project.files[file.0].text
    }

    /// A hash of a file's text.
    pub(crate) fn text_hash(&self, file: FileId) -> u64 {
        self.text_hashes.get(file.0).copied().unwrap_or_default()
    }

    /// The line index of a file.
    pub fn lines(&self, file: FileId, encoding: Encoding) -> Lines<'_> {
        Lines::new(self.text(file), encoding)
    }
}

/// A project's snapshot with the diagnostics of every file.
#[derive(Debug)]
pub struct Checked {
    /// The model they were found in.
    pub snapshot: Rc<Snapshot>,
    /// The diagnostics, sorted by place.
    pub diagnostics: Vec<Diagnostic>,
}

impl std::ops::Deref for Checked {
    type Target = Snapshot;

    fn deref(&self) -> &Snapshot {
        &self.snapshot
    }
}

/// What the server knows: the open documents and the last analyses.
#[derive(Debug)]
pub struct Workspace {
    /// How positions are counted.
    pub encoding: Encoding,
    documents: BTreeMap<PathBuf, Document>,
    /// Models by project root, dropped whenever a document changes.
    snapshots: BTreeMap<PathBuf, Rc<Snapshot>>,
    /// Their diagnostics, dropped with them.
    checked: BTreeMap<PathBuf, Rc<Checked>>,
    /// The files of each project as read from disk (absolute paths), the
    /// open documents' texts in place of their files' once an analysis
    /// has had them; dropped when files change on disk. While a snapshot
    /// holds a project's files they are lent to it (the project's root is
    /// in `lent`), not copied, and they come back when it is forgotten.
    disk: BTreeMap<PathBuf, ProjectSources>,
    /// The roots whose files a snapshot holds.
    lent: BTreeSet<PathBuf>,
    /// Each file's last parse, by path.
    parses: HashMap<PathBuf, KeptParse>,
    /// Each project's findings per process, kept between analyses.
    findings: BTreeMap<PathBuf, KeptFindings>,
    /// Each project's model and name index per file, kept between analyses.
    models: BTreeMap<PathBuf, (KeptModel, KeptNames)>,
}

/// A file's parse and the hash of the text it was made from.
#[derive(Debug)]
struct KeptParse {
    hash: u64,
    parsed: Arc<Parsed>,
}

impl Workspace {
    /// An empty workspace.
    pub fn new(encoding: Encoding) -> Self {
        Workspace {
            encoding,
            documents: BTreeMap::new(),
            snapshots: BTreeMap::new(),
            checked: BTreeMap::new(),
            disk: BTreeMap::new(),
            lent: BTreeSet::new(),
            parses: HashMap::new(),
            findings: BTreeMap::new(),
            models: BTreeMap::new(),
        }
    }

    /// Opens or replaces a document; returns its project root.
    pub fn set(&mut self, uri: Uri, text: String) -> Option<PathBuf> {
        let path = uri_path(&uri)?;
        self.documents.insert(path.clone(), Document { uri, text });
        self.forget_analyses();
        Some(root_of(&path))
    }

    /// Closes a document (its file on disk counts again).
    pub fn close(&mut self, uri: &Uri) -> Option<PathBuf> {
        let path = uri_path(uri)?;
        self.documents.remove(&path);
        self.forget_analyses();
        let root = root_of(&path);
        if let Some(sources) = self.disk.get_mut(&root) {
            read_again(sources, &path);
        }
        Some(root)
    }

    /// Forgets every analysis and what was read from disk (files changed
    /// on disk); the parses stay, as they are keyed by their text.
    pub(crate) fn invalidate(&mut self) {
        self.forget_analyses();
        self.disk.clear();
        self.lent.clear();
    }

    /// Forgets everything kept (after a panic, which may have left any of
    /// it half made).
    pub(crate) fn reset(&mut self) {
        self.invalidate();
        self.parses.clear();
        self.findings.clear();
        self.models.clear();
    }

    /// Drops every analysis. A project's model is large (hundreds of
    /// thousands of allocations in a repository of a thousand files), so
    /// it is freed on a thread of its own, not while the next edit waits.
    fn forget_analyses(&mut self) {
        let diagnostics: Vec<Vec<Diagnostic>> = std::mem::take(&mut self.checked)
            .into_values()
            .filter_map(|checked| Rc::try_unwrap(checked).ok())
            .map(|checked| checked.diagnostics)
            .collect();
        let mut unshared: Vec<Snapshot> = Vec::new();
        for (root, snapshot) in std::mem::take(&mut self.snapshots) {
            let Ok(mut snapshot) = Rc::try_unwrap(snapshot) else {
                continue;
            };
            let lent = self.lent.remove(&root);
            if let (true, Some(sources)) = (lent, self.disk.get_mut(&root)) {
                sources.files = std::mem::take(&mut snapshot.project.files);
            }
            unshared.push(snapshot);
        }
        // Files lent to a snapshot still shared cannot come back: read again.
        for root in std::mem::take(&mut self.lent) {
            self.disk.remove(&root);
        }
        if !unshared.is_empty() || !diagnostics.is_empty() {
            std::thread::spawn(move || drop((unshared, diagnostics)));
        }
    }

    /// The open document at `uri`.
    pub fn document(&self, uri: &Uri) -> Option<&Document> {
        self.documents.get(&uri_path(uri)?)
    }

    /// The project roots of the open documents.
    pub(crate) fn open_roots(&self) -> Vec<PathBuf> {
        let mut roots: Vec<PathBuf> = self.documents.keys().map(|path| root_of(path)).collect();
        roots.sort();
        roots.dedup();
        roots
    }

    /// The model of the project `uri` belongs to.
    pub(crate) fn snapshot_for(&mut self, uri: &Uri) -> Result<Rc<Snapshot>, String> {
        let path = uri_path(uri).ok_or_else(|| format!("{}: not a file URI", uri.as_str()))?;
        self.snapshot(&root_of(&path))
    }

    /// The model of the project `uri` belongs to, with its diagnostics.
    pub(crate) fn checked_for(&mut self, uri: &Uri) -> Result<Rc<Checked>, String> {
        let path = uri_path(uri).ok_or_else(|| format!("{}: not a file URI", uri.as_str()))?;
        let checked = self.checked_unless(&root_of(&path), &|| false)?;
        // Never stopped, so always made.
        Ok(checked.expect("an analysis that is never stopped ends"))
    }

    /// The model of the project at `root` (the rules are not run).
    pub fn snapshot(&mut self, root: &Path) -> Result<Rc<Snapshot>, String> {
        if let Some(snapshot) = self.snapshots.get(root) {
            return Ok(Rc::clone(snapshot));
        }
        let snapshot = Rc::new(self.model(root)?);
        self.snapshots
            .insert(root.to_path_buf(), Rc::clone(&snapshot));
        Ok(snapshot)
    }

    /// The model of the project at `root` with its diagnostics, given up
    /// (`None`) when `stop` says so before the rules or before one of them
    /// (the model is kept).
    pub(crate) fn checked_unless(
        &mut self,
        root: &Path,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Result<Option<Rc<Checked>>, String> {
        if let Some(checked) = self.checked.get(root) {
            return Ok(Some(Rc::clone(checked)));
        }
        let snapshot = self.snapshot(root)?;
        // An editor shows what is true today: overdue reviews by the local date.
        let today = chrono::Local::now().date_naive();
        let kept = self.findings.entry(root.to_path_buf()).or_default();
        let found = snapshot
            .checking
            .diagnose(&snapshot.project, today, Some(kept), stop);
        let Some(diagnostics) = found else {
            return Ok(None);
        };
        let checked = Rc::new(Checked {
            snapshot,
            diagnostics,
        });
        self.checked.insert(root.to_path_buf(), Rc::clone(&checked));
        Ok(Some(checked))
    }

    /// Builds the model of the project at `root` from the kept parses,
    /// reusing each file's processes and names that no edit changed.
    fn model(&mut self, root: &Path) -> Result<Snapshot, String> {
        let mut sources = self.sources(root)?;
        let mut uris = Vec::with_capacity(sources.files.len());
        for file in &sources.files {
            let uri = self
                .documents
                .get(&file.path)
                .map(|document| document.uri.clone())
                .or_else(|| path_to_uri(&file.path))
                .ok_or_else(|| format!("{}: cannot make a URI", file.path.display()))?;
            uris.push(uri);
        }
        sources.selected = vec![true; sources.files.len()];
        let Prepared { files, checking } =
            analysis::prepare(sources).map_err(|error| error.to_string())?;
        let (mut kept_model, mut kept_names) = self.models.remove(root).unwrap_or_default();
        let (parses, text_hashes) = self.parses_of(&files);
        let project = model::build_kept(files, &parses, &mut kept_model);
        let borrowed: Vec<&Parsed> = parses.iter().map(Arc::as_ref).collect();
        let names = NameIndex::build_kept(&project, &borrowed, &kept_model, &mut kept_names);
        self.models
            .insert(root.to_path_buf(), (kept_model, kept_names));
        checking
            .check_participants(&project)
            .map_err(|error| error.to_string())?;
        let lang = Lang::choose(None, checking.lang());
        Ok(Snapshot {
            calendar: checking.calendar().clone(),
            project,
            checking,
            names,
            uris,
            text_hashes,
            lang,
        })
    }

    /// The parse of each file: the kept one when its text is unchanged,
    /// else a new one (made in parallel, and kept).
    fn parses_of(&mut self, files: &[SourceFile]) -> (Vec<Arc<Parsed>>, Vec<u64>) {
        let kept = &self.parses;
        let parses: Vec<(u64, Arc<Parsed>, bool)> = files
            .par_iter()
            .map(|file| {
                let hash = text_hash(file);
                match kept.get(&file.path) {
                    Some(parse) if parse.hash == hash && file.problem.is_none() => {
                        (hash, Arc::clone(&parse.parsed), false)
                    }
                    _ => (hash, Arc::new(model::parse(file)), true),
                }
            })
            .collect();
        for (file, (hash, parsed, new)) in files.iter().zip(&parses) {
            if *new {
                let parsed = Arc::clone(parsed);
                self.parses.insert(
                    file.path.clone(),
                    KeptParse {
                        hash: *hash,
                        parsed,
                    },
                );
            }
        }
        parses
            .into_iter()
            .map(|(hash, parsed, _)| (parsed, hash))
            .unzip()
    }

    /// The files under `root` with absolute paths, open documents laid over
    /// them (and added when not saved yet).
    fn sources(&mut self, root: &Path) -> Result<ProjectSources, String> {
        if !self.disk.contains_key(root) || self.lent.contains(root) {
            self.disk.insert(root.to_path_buf(), read_disk(root)?);
        }
        let Some(kept) = self.disk.get_mut(root) else {
            return Err(format!("{}: not read", root.display()));
        };
        // The files are lent to the snapshot made from them, not copied.
        self.lent.insert(root.to_path_buf());
        let mut sources = ProjectSources {
            root: kept.root.clone(),
            files: std::mem::take(&mut kept.files),
            selected: Vec::new(),
            config: kept.config.clone(),
            outside: kept.outside.clone(),
        };
        for (path, document) in self.documents.range(root.to_path_buf()..) {
            if !path.starts_with(root) {
                break;
            }
            match sources.files.iter_mut().find(|file| &file.path == path) {
                Some(file) => {
                    file.text = document.text.clone();
                    file.problem = None;
                }
                None => {
                    let mut file = SourceFile::from_text(path.clone(), document.text.clone());
                    file.relative = relative(root, path);
                    sources.files.push(file);
                }
            }
        }
        sources.files.sort_by(|a, b| a.path.cmp(&b.path));
        sources.selected = vec![true; sources.files.len()];
        Ok(sources)
    }
}

/// Puts the text of `path` on disk back in `sources` (a document closed),
/// or leaves the file out when it is not on disk.
fn read_again(sources: &mut ProjectSources, path: &Path) {
    let Some(at) = sources.files.iter().position(|file| file.path == path) else {
        return;
    };
    match std::fs::read(path) {
        Ok(bytes) => {
            let relative = std::mem::take(&mut sources.files[at].relative);
            sources.files[at] = SourceFile::from_bytes(path.to_path_buf(), relative, bytes);
        }
        Err(_) => {
            sources.files.remove(at);
        }
    }
}

/// The files under `root` on disk, with absolute paths.
fn read_disk(root: &Path) -> Result<ProjectSources, String> {
    let mut sources = if root.is_dir() {
        let mut projects = source::load(&[root.to_path_buf()]).map_err(|e| e.to_string())?;
        projects.pop().ok_or("no project")?
    } else {
        ProjectSources {
            root: root.to_path_buf(),
            files: Vec::new(),
            selected: Vec::new(),
            config: None,
            outside: Vec::new(),
        }
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    for file in &mut sources.files {
        file.path = cwd.join(&file.path);
    }
    Ok(sources)
}

/// A hash of a file's text, which keys its kept parse.
fn text_hash(file: &SourceFile) -> u64 {
    foldhash::quality::FixedState::with_seed(0).hash_one(file.text.as_str())
}

/// The path of a document: a `file:` URI's path, else the URI itself as a
/// path of its own (an unsaved buffer is a project of one file).
fn uri_path(uri: &Uri) -> Option<PathBuf> {
    uri_to_path(uri).or_else(|| Some(PathBuf::from(format!("/<unsaved>/{}", uri.as_str()))))
}

fn root_of(path: &Path) -> PathBuf {
    if path.exists() || path.parent().is_some_and(Path::is_dir) {
        source::project_root(path)
    } else {
        path.parent().unwrap_or(path).to_path_buf()
    }
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
