//! Watching the site's sources: `content/`, `assets/`, `templates/`,
//! `themes/`, `i18n/` and `site.toml`.
//!
//! Events are debounced (editors save through temporary files and renames,
//! and one save is several events) and come as batches; a batch names the
//! sources that changed, without editors' temporary and backup files. A
//! watched folder created while `serve` runs is watched from then on, and
//! a folder that appears (made, or moved in) is named with all its files.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::Receiver;

use notify_debouncer_full::notify::event::{EventKind, ModifyKind};
use notify_debouncer_full::notify::{self, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use crate::workspace::QUIET;

/// The folders of a site that hold sources.
const FOLDERS: [&str; 5] = ["content", "assets", "templates", "themes", "i18n"];

/// A watch on one site's sources.
pub struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    out: PathBuf,
    watched: BTreeSet<&'static str>,
}

impl std::fmt::Debug for Watcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Watcher")
            .field("root", &self.root)
            .field("watched", &self.watched)
            .finish_non_exhaustive()
    }
}

impl Watcher {
    /// Starts watching the site at `root` (canonical); `out` (the output
    /// folder) is never reported. Batches of events arrive on the receiver.
    pub fn start(
        root: &Path,
        out: &Path,
    ) -> notify::Result<(Watcher, Receiver<DebounceEventResult>)> {
        let (sender, receiver) = std::sync::mpsc::channel();
        let tick = QUIET / 3;
        let mut debouncer = new_debouncer(QUIET, Some(tick), sender)?;
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let mut watcher = Watcher {
            debouncer,
            root: root.to_path_buf(),
            out: out.to_path_buf(),
            watched: BTreeSet::new(),
        };
        watcher.watch_new_folders()?;
        Ok((watcher, receiver))
    }

    /// The sources a batch of events names, sorted, each once. Also starts
    /// watching source folders that were just created.
    pub fn sources(&mut self, batch: DebounceEventResult) -> notify::Result<Vec<PathBuf>> {
        let events = batch.map_err(|mut errors| {
            errors
                .pop()
                .unwrap_or_else(|| notify::Error::generic("unknown watch error"))
        })?;
        let mut sources = BTreeSet::new();
        let mut new_folder = false;
        for event in &events {
            if matches!(
                event.kind,
                EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
            ) {
                continue;
            }
            for path in &event.paths {
                if self.is_source(path) {
                    sources.insert(path.clone());
                    // A folder moved or created in one go: its files may
                    // have come before the watch on it, so name them all.
                    if path.is_dir() {
                        sources.extend(self.files_under(path));
                    }
                }
                new_folder |= path.parent() == Some(&self.root);
            }
        }
        if new_folder {
            self.watch_new_folders()?;
        }
        Ok(sources.into_iter().collect())
    }

    fn files_under(&self, folder: &Path) -> Vec<PathBuf> {
        walkdir::WalkDir::new(folder)
            .into_iter()
            .flatten()
            .filter(|item| item.file_type().is_file() && self.is_source(item.path()))
            .map(walkdir::DirEntry::into_path)
            .collect()
    }

    fn watch_new_folders(&mut self) -> notify::Result<()> {
        for folder in FOLDERS {
            let path = self.root.join(folder);
            if !self.watched.contains(folder) && path.is_dir() {
                self.debouncer.watch(&path, RecursiveMode::Recursive)?;
                self.watched.insert(folder);
            }
        }
        Ok(())
    }

    /// Whether a changed path is one of the site's sources.
    fn is_source(&self, path: &Path) -> bool {
        if path.starts_with(&self.out) {
            return false;
        }
        let Ok(relative) = path.strip_prefix(&self.root) else {
            return false;
        };
        let first = match relative.components().next() {
            Some(Component::Normal(name)) => name.to_str().unwrap_or(""),
            _ => "",
        };
        let names_kept = relative.components().all(|c| match c {
            Component::Normal(name) => !is_editor_file(&name.to_string_lossy()),
            _ => false,
        });
        names_kept && (FOLDERS.contains(&first) || relative == Path::new("site.toml"))
    }
}

/// Hidden files, editors' temporary, swap, lock and backup files.
fn is_editor_file(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swo")
        || name.ends_with(".swx")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        // Vim's check that a folder is writable.
        || name == "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_files_are_not_sources() {
        for name in [
            "a.md~",
            ".a.md.swp",
            "a.md.swp",
            "#a.md#",
            ".#a.md",
            ".goutputstream-X1",
            "4913",
            "a.md___jb_tmp___",
        ] {
            assert!(is_editor_file(name), "{name}");
        }
        for name in ["a.md", "_index.md", "site.toml", "campus.css", "fr.toml"] {
            assert!(!is_editor_file(name), "{name}");
        }
    }

    #[test]
    fn sources_are_the_watched_folders_and_site_toml() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("canonical");
        std::fs::create_dir_all(root.join("content")).expect("mkdir");
        let out = root.join("out");
        let (watcher, _receiver) = Watcher::start(&root, &out).expect("watch");
        assert!(watcher.is_source(&root.join("content/news/a.md")));
        assert!(watcher.is_source(&root.join("themes/campus/static/css/campus.css")));
        assert!(watcher.is_source(&root.join("site.toml")));
        assert!(!watcher.is_source(&root.join("README.md")));
        assert!(!watcher.is_source(&root.join("public/index.html")));
        assert!(!watcher.is_source(&out.join("index.html")));
        assert!(!watcher.is_source(&root.join("content/.git/index")));
        assert!(!watcher.is_source(&root.join("content/news/a.md~")));
        assert!(!watcher.is_source(Path::new("/elsewhere/content/a.md")));
    }
}
