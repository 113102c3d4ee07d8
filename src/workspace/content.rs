//! The content stage of a run: files read and validated again only when
//! they changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::Changes;
use crate::config::Config;
use crate::content::{self, discover, Document, Loaded, Outcome};
use crate::diagnostics::Diagnostic;

/// Every content file's outcome, kept between runs.
#[derive(Debug, Default)]
pub(super) struct Sources {
    /// By path on disk, in file order (the order discovery walks).
    outcomes: BTreeMap<PathBuf, Outcome>,
    /// Files under `content/` that are not content, relative to it.
    files: Vec<PathBuf>,
    /// Problems of discovery (misplaced files, links out of the site).
    problems: Vec<Diagnostic>,
    /// Whether a discovery has been made.
    discovered: bool,
}

/// What the content stage did.
pub(super) enum Delta {
    /// The whole tree was walked again.
    Rediscovered,
    /// Only these known files changed, each from its old to its new outcome.
    Modified(Vec<(Outcome, Outcome)>),
}

impl Sources {
    /// Brings the outcomes up to date with `changes`: when the changed
    /// paths are all files already known, only they are read again;
    /// otherwise (new, deleted or renamed files, folders, or `everything`)
    /// the tree is walked again and unchanged files keep their outcome.
    pub(super) fn refresh(
        &mut self,
        root: &Path,
        config: &Config,
        changes: &Changes,
        everything: bool,
    ) -> Delta {
        let modified = changes.content_paths();
        let known = !everything
            && self.discovered
            && !changes.content_files
            && modified
                .iter()
                .all(|p| p.is_file() && self.outcomes.contains_key(*p));
        if known {
            let sources: Vec<content::SourceFile> = modified
                .iter()
                .filter_map(|path| discover::discover_file(root, config, path))
                .collect();
            if sources.len() == modified.len() {
                let reloaded: Vec<(PathBuf, Outcome)> = sources
                    .into_par_iter()
                    .map(|source| {
                        (
                            source.path.clone(),
                            content::load_source(root, config, source),
                        )
                    })
                    .collect();
                let pairs = reloaded
                    .into_iter()
                    .filter_map(|(path, new)| {
                        let old = self.outcomes.insert(path, new.clone())?;
                        Some((old, new))
                    })
                    .collect();
                return Delta::Modified(pairs);
            }
        }
        let found = discover::discover(root, config);
        let cached = &self.outcomes;
        let outcomes: Vec<(PathBuf, Outcome)> = found
            .sources
            .into_par_iter()
            .map(|source| {
                let path = source.path.clone();
                let reuse = !everything && !changes.touches(&path);
                match cached.get(&path).filter(|_| reuse) {
                    Some(outcome) => (path, outcome.clone()),
                    None => (path, content::load_source(root, config, source)),
                }
            })
            .collect();
        self.outcomes = outcomes.into_iter().collect();
        self.files = found.files;
        self.problems = found.problems;
        self.discovered = true;
        Delta::Rediscovered
    }

    /// The content stage's outcome, as the site stage takes it.
    pub(super) fn loaded(&self) -> Loaded {
        let mut loaded = Loaded {
            files: self.files.clone(),
            problems: self.problems.clone(),
            ..Loaded::default()
        };
        loaded.add(self.outcomes.values().cloned());
        loaded
    }
}

/// When every change of `delta` is a document whose front matter stayed
/// the same, the new documents: only their bodies changed.
pub(super) fn bodies_only(delta: &Delta) -> Option<Vec<Arc<Document>>> {
    let Delta::Modified(pairs) = delta else {
        return None;
    };
    pairs
        .iter()
        .map(|pair| match pair {
            (Outcome::Document { document: old, .. }, Outcome::Document { document: new, .. })
                if old.front_matter() == new.front_matter() =>
            {
                Some(new.clone())
            }
            _ => None,
        })
        .collect()
}
