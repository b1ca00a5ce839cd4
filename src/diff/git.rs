//! Reading a project as it was at a git revision, without a checkout.
//!
//! `git ls-tree` lists the revision's files and `git cat-file --batch`
//! reads them, all through the object database: the working tree and the
//! index are never touched (and `GIT_OPTIONAL_LOCKS=0` keeps git from
//! refreshing the index on the side). The project root is found as on disk:
//! the nearest directory above the path that holds a `flowc.toml` in that
//! revision, else the path itself (or the directory of a file).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use crate::source::{CONFIG_FILE, ProjectSources, SourceFile};

/// Why a revision could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitError(pub String);

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GitError {}

/// A git repository, seen from a working directory in it.
#[derive(Debug, Clone)]
pub struct Repository {
    /// The directory git runs in.
    cwd: PathBuf,
    /// The working directory relative to the top of the repository, with
    /// `/` separators and a trailing `/` (empty at the top).
    prefix: String,
}

impl Repository {
    /// The repository `cwd` is in.
    pub(crate) fn discover(cwd: &Path) -> Result<Repository, GitError> {
        let mut repository = Repository {
            cwd: cwd.to_path_buf(),
            prefix: String::new(),
        };
        let prefix = repository
            .run(&["rev-parse", "--show-prefix"])
            .map_err(|_| {
                GitError(format!(
                    "{} is not in a git repository; `--git` compares with a revision of the repository the current directory is in",
                    cwd.display()
                ))
            })?;
        repository.prefix = String::from_utf8_lossy(&prefix).trim_end().to_string();
        Ok(repository)
    }

    /// The commit `revision` names, or an error naming it.
    pub fn verify(&self, revision: &str) -> Result<(), GitError> {
        if revision.starts_with('-') {
            return Err(GitError(format!("`{revision}` is not a revision")));
        }
        self.run(&[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{revision}^{{commit}}"),
        ])
        .map(|_| ())
        .map_err(|_| {
            GitError(format!(
                "unknown revision `{revision}`: name a commit, branch or tag (for a remote branch, fetch it first: `git fetch origin main`)"
            ))
        })
    }

    /// The project `path` (relative to the working directory) belongs to,
    /// as it was at `revision`.
    pub(crate) fn project_at(
        &self,
        revision: &str,
        path: &Path,
    ) -> Result<ProjectSources, GitError> {
        self.verify(revision)?;
        let wanted = self.repository_path(path)?;
        let listing = self.run(&["ls-tree", "-r", "-z", "--full-tree", revision])?;
        let blobs = parse_tree(&listing);
        let is_file = blobs.iter().any(|(_, file)| *file == wanted);
        let is_dir = wanted.is_empty()
            || blobs
                .iter()
                .any(|(_, file)| file.starts_with(&format!("{wanted}/")));
        if !is_file && !is_dir {
            return Err(GitError(format!(
                "{}: not in revision `{revision}`",
                path.display()
            )));
        }
        let start = if is_file {
            parent(&wanted)
        } else {
            wanted.clone()
        };
        let configs: BTreeSet<&str> = blobs
            .iter()
            .filter_map(|(_, file)| file.strip_suffix(CONFIG_FILE))
            .filter(|dir| dir.is_empty() || dir.ends_with('/'))
            .map(|dir| dir.trim_end_matches('/'))
            .collect();
        let root = ancestors(&start)
            .into_iter()
            .find(|dir| configs.contains(dir.as_str()))
            .unwrap_or(start);
        let under_root = |file: &str| -> Option<String> {
            let relative = if root.is_empty() {
                file
            } else {
                file.strip_prefix(&format!("{root}/"))?
            };
            Some(relative.to_string())
        };
        let mut chosen: Vec<(String, String, String)> = blobs
            .iter()
            .filter_map(|(object, file)| {
                let relative = under_root(file)?;
                let hidden = relative.split('/').any(|part| part.starts_with('.'));
                (!hidden && relative.ends_with(".flow"))
                    .then(|| (object.clone(), file.clone(), relative))
            })
            .collect();
        chosen.sort_by(|a, b| a.2.cmp(&b.2));
        let config_path = if root.is_empty() {
            CONFIG_FILE.to_string()
        } else {
            format!("{root}/{CONFIG_FILE}")
        };
        let config_object = blobs
            .iter()
            .find(|(_, file)| *file == config_path)
            .map(|(object, _)| object.clone());
        let mut objects: Vec<String> = chosen.iter().map(|(object, _, _)| object.clone()).collect();
        objects.extend(config_object.iter().cloned());
        let mut contents = self.read_objects(&objects)?.into_iter();
        let mut files = Vec::new();
        let mut selected = Vec::new();
        for (_, file, relative) in &chosen {
            let bytes = contents.next().unwrap_or_default();
            selected.push(
                is_dir && (wanted.is_empty() || file.starts_with(&format!("{wanted}/")))
                    || *file == wanted,
            );
            files.push(SourceFile::from_bytes(
                PathBuf::from(format!("{revision}:{file}")),
                relative.clone(),
                bytes,
            ));
        }
        let config = config_object.map(|_| {
            let bytes = contents.next().unwrap_or_default();
            (
                PathBuf::from(format!("{revision}:{config_path}")),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        });
        Ok(ProjectSources {
            root: PathBuf::from(format!("{revision}:{root}")),
            files,
            selected,
            config,
            outside: Vec::new(),
        })
    }

    /// `path` (relative to the working directory) relative to the top of
    /// the repository, `.` and `..` resolved by name.
    fn repository_path(&self, path: &Path) -> Result<String, GitError> {
        let mut parts: Vec<String> = self
            .prefix
            .split('/')
            .filter(|part| !part.is_empty())
            .map(str::to_string)
            .collect();
        for component in path.components() {
            match component {
                Component::CurDir => {}
                Component::ParentDir => {
                    if parts.pop().is_none() {
                        return Err(GitError(format!(
                            "{}: outside the git repository",
                            path.display()
                        )));
                    }
                }
                Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
                Component::RootDir | Component::Prefix(_) => {
                    return Err(GitError(format!(
                        "{}: give a path relative to the current directory with `--git`",
                        path.display()
                    )));
                }
            }
        }
        Ok(parts.join("/"))
    }

    /// The contents of blobs, in order, through one `git cat-file --batch`.
    fn read_objects(&self, objects: &[String]) -> Result<Vec<Vec<u8>>, GitError> {
        if objects.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = self
            .command(&["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(cannot_run)?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| GitError("git: no input pipe".into()))?;
        let request: String = objects.iter().map(|object| format!("{object}\n")).collect();
        let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| GitError("git: no output pipe".into()))?;
        let mut reader = BufReader::new(stdout);
        let mut contents = Vec::with_capacity(objects.len());
        for object in objects {
            let mut header = String::new();
            reader.read_line(&mut header).map_err(cannot_run)?;
            let size: usize = header
                .split_whitespace()
                .nth(2)
                .and_then(|size| size.parse().ok())
                .ok_or_else(|| {
                    GitError(format!(
                        "git cat-file: cannot read object {object}: {}",
                        header.trim()
                    ))
                })?;
            let mut bytes = vec![0; size];
            reader.read_exact(&mut bytes).map_err(cannot_run)?;
            let mut newline = [0u8; 1];
            reader.read_exact(&mut newline).map_err(cannot_run)?;
            contents.push(bytes);
        }
        let _ = writer.join();
        let _ = child.wait();
        Ok(contents)
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("git");
        command
            .args(args)
            .current_dir(&self.cwd)
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        command
    }

    /// Runs git and returns its standard output, or its complaint.
    fn run(&self, args: &[&str]) -> Result<Vec<u8>, GitError> {
        let output = self
            .command(args)
            .stdin(Stdio::null())
            .output()
            .map_err(cannot_run)?;
        if output.status.success() {
            Ok(output.stdout)
        } else {
            Err(GitError(format!(
                "git {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&output.stderr).trim()
            )))
        }
    }
}

fn cannot_run(error: std::io::Error) -> GitError {
    GitError(format!(
        "cannot run git: {error}; `--git` needs the `git` command on PATH"
    ))
}

/// `(object, path)` of every blob in `git ls-tree -r -z` output.
fn parse_tree(listing: &[u8]) -> Vec<(String, String)> {
    listing
        .split(|byte| *byte == 0)
        .filter_map(|entry| {
            let entry = String::from_utf8_lossy(entry);
            let (meta, path) = entry.split_once('\t')?;
            let mut fields = meta.split(' ');
            let (_mode, kind, object) = (fields.next()?, fields.next()?, fields.next()?);
            (kind == "blob").then(|| (object.to_string(), path.to_string()))
        })
        .collect()
}

/// The directory of a repository path ("" at the top).
fn parent(path: &str) -> String {
    path.rsplit_once('/')
        .map_or_else(String::new, |(dir, _)| dir.to_string())
}

/// `dir` and every directory above it, nearest first, ending with "".
fn ancestors(dir: &str) -> Vec<String> {
    let mut all = Vec::new();
    let mut current = dir.to_string();
    loop {
        all.push(current.clone());
        if current.is_empty() {
            break;
        }
        current = parent(&current);
    }
    all
}
