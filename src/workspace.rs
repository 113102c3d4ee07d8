//! A long-lived build, for `serve`: takes the source files that changed
//! and brings its output folder up to date, reporting which output files
//! changed so open pages can reload.
//!
//! A failed rebuild leaves the output folder as it was (the last good
//! site keeps being served) and returns the problems.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use crate::build::{build, BuildRequest};
use crate::diagnostics::Diagnostics;

/// What one update did to the output folder.
#[derive(Debug, Default)]
pub struct Update {
    /// Errors (the output was left as it was) and warnings.
    pub problems: Diagnostics,
    /// Output files written with new bytes, as site paths (`news/x/index.html`).
    pub changed: Vec<String>,
    /// Output files that no longer exist, as site paths.
    pub removed: Vec<String>,
}

impl Update {
    /// Whether the site had errors, so nothing was written.
    pub fn failed(&self) -> bool {
        self.problems.has_errors()
    }
}

/// A site kept built in one output folder.
#[derive(Debug)]
pub struct Workspace {
    request: BuildRequest,
    out: PathBuf,
    /// Digest of each output file, by site path.
    files: HashMap<String, [u8; 32]>,
}

impl Workspace {
    /// A workspace for the site of `request`, writing into `out` (a folder
    /// of its own: it is made and replaced as needed).
    pub fn new(mut request: BuildRequest, out: &Path) -> Workspace {
        request.out = Some(out.to_path_buf());
        Workspace {
            request,
            out: out.to_path_buf(),
            files: HashMap::new(),
        }
    }

    /// The output folder.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// Brings the output up to date after `changed` source files (any
    /// path under the site root; empty for the first build) were written,
    /// created, renamed or deleted.
    pub fn update(&mut self, _changed: &[PathBuf]) -> Update {
        match build(&self.request) {
            Ok(summary) => {
                let now = digests(&self.out);
                let mut changed: Vec<String> = now
                    .iter()
                    .filter(|(path, digest)| self.files.get(*path) != Some(digest))
                    .map(|(path, _)| path.clone())
                    .collect();
                let mut removed: Vec<String> = self
                    .files
                    .keys()
                    .filter(|path| !now.contains_key(*path))
                    .cloned()
                    .collect();
                changed.sort();
                removed.sort();
                self.files = now;
                Update {
                    problems: summary.warnings,
                    changed,
                    removed,
                }
            }
            Err(problems) => Update {
                problems,
                ..Update::default()
            },
        }
    }
}

fn digests(out: &Path) -> HashMap<String, [u8; 32]> {
    WalkDir::new(out)
        .into_iter()
        .flatten()
        .filter(|item| item.file_type().is_file())
        .filter_map(|item| {
            let relative = item.path().strip_prefix(out).ok()?;
            let bytes = std::fs::read(item.path()).ok()?;
            Some((
                relative.to_string_lossy().replace('\\', "/"),
                Sha256::digest(&bytes).into(),
            ))
        })
        .collect()
}
