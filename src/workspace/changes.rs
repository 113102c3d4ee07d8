//! Which stages a set of changed files touches.

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

/// What changed since the last run, by stage.
#[derive(Debug, Default, Clone)]
pub(crate) struct Changes {
    /// Run every stage (the first run).
    pub(crate) everything: bool,
    /// `site.toml`: every stage, from a fresh configuration.
    pub(crate) config: bool,
    /// Template files (the site's or a theme's).
    pub(crate) templates: bool,
    /// Interface words (`i18n/`, the site's or a theme's).
    pub(crate) i18n: bool,
    /// `assets/` or a theme's `static/`.
    pub(crate) statics: bool,
    /// A file under `content/` that may be a file beside an entry.
    pub(crate) content_files: bool,
    /// Paths under `content/` that changed (files or whole folders).
    content: HashSet<PathBuf>,
}

impl Changes {
    /// Everything, as for a first build.
    pub(crate) fn everything() -> Changes {
        Changes {
            everything: true,
            ..Changes::default()
        }
    }

    /// Sorts the changed `paths` (absolute, or relative to the current
    /// folder) of the site at `root` (with links resolved) by stage.
    /// Paths outside the site, in the output or in hidden folders, and
    /// editors' backup files, are not changes.
    pub(crate) fn of(root: &Path, paths: &[PathBuf]) -> Changes {
        let mut changes = Changes::default();
        for path in paths {
            let absolute = resolve(path);
            let Ok(relative) = absolute.strip_prefix(root) else {
                continue;
            };
            let parts: Vec<String> = relative
                .components()
                .filter_map(|c| match c {
                    Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                    _ => None,
                })
                .collect();
            let Some(name) = parts.last() else {
                continue;
            };
            if is_backup(name) {
                continue;
            }
            let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
            match parts.as_slice() {
                ["site.toml"] => changes.config = true,
                ["content", ..] => {
                    changes.content.insert(absolute.clone());
                    if !is_content_file(name) {
                        changes.content_files = true;
                    }
                }
                ["assets", ..] | ["themes", _, "static", ..] => changes.statics = true,
                ["templates", ..] | ["themes", _, "templates", ..] => changes.templates = true,
                ["i18n", ..] | ["themes", _, "i18n", ..] => changes.i18n = true,
                _ => {}
            }
        }
        changes
    }

    /// The changed paths under `content/`.
    pub(crate) fn content_paths(&self) -> Vec<&PathBuf> {
        self.content.iter().collect()
    }

    /// Whether the content file at `path` (absolute, links resolved) may
    /// have changed: it, or a folder above it, is among the changes.
    pub(crate) fn touches(&self, path: &Path) -> bool {
        !self.content.is_empty() && path.ancestors().any(|p| self.content.contains(p))
    }
}

/// The absolute form of `path` with links resolved, for a path that may no
/// longer exist (a deleted file: its folder is resolved instead).
fn resolve(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => resolve(parent).join(name),
        _ => std::env::current_dir().unwrap_or_default().join(path),
    }
}

fn is_content_file(name: &str) -> bool {
    name.ends_with(".md") || name.ends_with(".yaml") || name.ends_with(".yml")
}

/// Editors' temporary and backup files: never a change to the site.
fn is_backup(name: &str) -> bool {
    name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.starts_with(".#")
        || (name.starts_with('#') && name.ends_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_sorted_by_stage() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("root");
        let changes = Changes::of(
            &root,
            &[
                root.join("content/news/a.md"),
                root.join("themes/campus/templates/base.html"),
                root.join("themes/campus/static/css/campus.css"),
                root.join("i18n/fr.toml"),
            ],
        );
        assert!(!changes.config && !changes.everything);
        assert!(changes.templates && changes.statics && changes.i18n);
        assert!(!changes.content_files);
        assert!(changes.touches(&root.join("content/news/a.md")));
        assert!(!changes.touches(&root.join("content/news/b.md")));
        let folder = Changes::of(&root, &[root.join("content/news")]);
        assert!(folder.touches(&root.join("content/news/b.md")));
        assert!(folder.content_files, "a folder may hold files to copy");
    }

    #[test]
    fn backups_and_outside_paths_are_not_changes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().canonicalize().expect("root");
        let changes = Changes::of(
            &root,
            &[
                root.join("content/news/a.md~"),
                root.join("content/news/.#a.md"),
                root.join("content/news/#a.md#"),
                PathBuf::from("/elsewhere/site.toml"),
            ],
        );
        assert!(!changes.touches(&root.join("content/news/a.md")));
        assert!(!changes.config);
    }
}
