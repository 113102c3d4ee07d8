//! Confinement: a build reads nothing outside the site root.
//!
//! Content comes from many hands, and a symbolic link is an easy way to
//! smuggle `/etc/passwd` or a CI runner's secrets into a public site. Every
//! folder walk and every single-file read of a build goes through this
//! module: a link whose target lies outside the site root is an error that
//! names the link, and its target is never opened, copied or quoted (not
//! even its path, which may itself say too much). Links that stay inside
//! the site are followed.

use std::path::{Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use crate::diagnostics::{Diagnostic, Span};
use crate::msg;

/// The site root, resolved once, against which every path is checked.
#[derive(Debug, Clone)]
pub struct SiteRoot {
    /// As the build was given it (diagnostics name files relative to it).
    given: PathBuf,
    /// With every symbolic link resolved.
    resolved: PathBuf,
}

impl SiteRoot {
    /// The root of the site at `root`.
    pub fn new(root: &Path) -> SiteRoot {
        SiteRoot {
            given: root.to_path_buf(),
            resolved: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
        }
    }

    /// Whether `path` (which exists) resolves to a place inside the site.
    /// A path that cannot be resolved (a dangling link) is not inside.
    pub fn contains(&self, path: &Path) -> bool {
        path.canonicalize()
            .is_ok_and(|target| target.starts_with(&self.resolved))
    }

    /// Checks one file before it is read: `Ok` when it is missing (the
    /// caller reports that in its own words) or inside the site.
    pub fn check(&self, path: &Path) -> Result<(), Diagnostic> {
        if path.symlink_metadata().is_err() || self.contains(path) {
            return Ok(());
        }
        Err(self.escape(path))
    }

    /// The error for a path that leads out of the site.
    fn escape(&self, path: &Path) -> Diagnostic {
        let display = self.display(path);
        let dangling = path.metadata().is_err();
        let message = if dangling {
            msg!("link-dangling")
        } else {
            msg!("link-outside-site")
        };
        Diagnostic::error(message)
            .at(Span::file(&display))
            .hint(msg!("link-outside-site-hint"))
    }

    /// The path diagnostics show: relative to the site root when possible.
    pub fn display(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.given).unwrap_or(path).to_path_buf()
    }

    /// Every file under `base`, in file-name order, following links that
    /// stay inside the site. Names for which `keep(name, is_folder)` is
    /// false are skipped with everything below them. Links out of the site, link loops and
    /// unreadable folders are reported, not followed.
    pub fn files(&self, base: &Path, keep: impl Fn(&str, bool) -> bool) -> Walk {
        let mut walk = Walk::default();
        if !base.exists() && base.symlink_metadata().is_err() {
            return walk;
        }
        let mut items = WalkDir::new(base)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        while let Some(item) = items.next() {
            let item = match item {
                Ok(item) => item,
                Err(e) => {
                    walk.problems.push(self.walk_error(&e));
                    continue;
                }
            };
            let is_dir = item.file_type().is_dir();
            if item.depth() > 0 && !keep(&item.file_name().to_string_lossy(), is_dir) {
                if item.file_type().is_dir() {
                    items.skip_current_dir();
                }
                continue;
            }
            // The base itself is checked whole: a parent folder may be a link.
            if (item.depth() == 0 || item.path_is_symlink()) && !self.contains(item.path()) {
                if item.file_type().is_dir() {
                    items.skip_current_dir();
                }
                walk.problems.push(self.escape(item.path()));
                continue;
            }
            if item.file_type().is_file() {
                walk.files.push(item);
            }
        }
        walk
    }

    fn walk_error(&self, error: &walkdir::Error) -> Diagnostic {
        let path = error.path().map(|p| self.display(p)).unwrap_or_default();
        if error.loop_ancestor().is_some() {
            return Diagnostic::error(msg!("link-loop"))
                .at(Span::file(&path))
                .hint(msg!("link-loop-hint"));
        }
        if error.path().is_some_and(|p| !self.contains(p)) {
            return self.escape(error.path().unwrap_or(Path::new("")));
        }
        Diagnostic::error(msg!("path-unreadable"))
            .at(Span::file(&path))
            .hint(msg!("path-unreadable-hint"))
    }
}

/// What [`SiteRoot::files`] found.
#[derive(Debug, Default)]
pub struct Walk {
    /// The files, each named by its path under the walked folder (a link
    /// keeps its own name, not its target's).
    pub files: Vec<DirEntry>,
    /// Links out of the site, loops, unreadable folders.
    pub problems: Vec<Diagnostic>,
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn site() -> (tempfile::TempDir, tempfile::TempDir) {
        let inside = tempfile::tempdir().expect("temp dir");
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(inside.path().join("assets/img")).expect("mkdir");
        std::fs::write(inside.path().join("assets/img/logo.svg"), "<svg/>").expect("write");
        std::fs::write(outside.path().join("secret.txt"), "root:x:0:0").expect("write");
        std::fs::create_dir(outside.path().join("ssl")).expect("mkdir");
        std::fs::write(outside.path().join("ssl/key.pem"), "KEY").expect("write");
        (inside, outside)
    }

    fn names(walk: &Walk, base: &Path) -> Vec<String> {
        walk.files
            .iter()
            .map(|f| {
                f.path()
                    .strip_prefix(base)
                    .unwrap_or(f.path())
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    }

    #[test]
    fn links_out_of_the_site_are_reported_not_followed() {
        let (inside, outside) = site();
        let assets = inside.path().join("assets");
        symlink(outside.path().join("secret.txt"), assets.join("passwd.txt")).expect("link");
        symlink(outside.path().join("ssl"), assets.join("etc")).expect("link");
        let root = SiteRoot::new(inside.path());
        let walk = root.files(&assets, |_, _| true);
        assert_eq!(names(&walk, &assets), ["img/logo.svg"]);
        let named: Vec<String> = walk
            .problems
            .iter()
            .map(|d| {
                let span = d.span.as_deref().map(|s| s.file.display().to_string());
                span.unwrap_or_default()
            })
            .collect();
        assert_eq!(named, ["assets/etc", "assets/passwd.txt"]);
        for problem in &walk.problems {
            let text = problem.render(crate::messages::Lang::En, false);
            let target = outside.path().display().to_string();
            assert!(
                !text.contains("root:x") && !text.contains(&target),
                "{text}"
            );
        }
    }

    #[test]
    fn links_inside_the_site_are_followed() {
        let (inside, _outside) = site();
        let assets = inside.path().join("assets");
        symlink(assets.join("img/logo.svg"), assets.join("logo.svg")).expect("link");
        symlink(Path::new("img"), assets.join("images")).expect("link");
        let walk = SiteRoot::new(inside.path()).files(&assets, |_, _| true);
        assert!(walk.problems.is_empty(), "{:?}", walk.problems);
        assert_eq!(
            names(&walk, &assets),
            ["images/logo.svg", "img/logo.svg", "logo.svg"]
        );
    }

    #[test]
    fn a_walked_folder_that_is_itself_a_link_out_is_refused() {
        let (inside, outside) = site();
        symlink(outside.path().join("ssl"), inside.path().join("content")).expect("link");
        let root = SiteRoot::new(inside.path());
        let walk = root.files(&inside.path().join("content"), |_, _| true);
        assert!(walk.files.is_empty());
        assert_eq!(walk.problems.len(), 1);
    }

    #[test]
    fn single_files_are_checked_before_reading() {
        let (inside, outside) = site();
        let link = inside.path().join("site.toml");
        symlink(outside.path().join("secret.txt"), &link).expect("link");
        let root = SiteRoot::new(inside.path());
        assert!(root.check(&link).is_err());
        assert!(root
            .check(&inside.path().join("assets/img/logo.svg"))
            .is_ok());
        assert!(root.check(&inside.path().join("missing.toml")).is_ok());
        let dangling = inside.path().join("assets/gone.png");
        symlink(inside.path().join("nowhere.png"), &dangling).expect("link");
        assert!(root.check(&dangling).is_err());
    }
}
