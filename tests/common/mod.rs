//! A small builder for integration tests: copy a fixture site from
//! `tests/sites/<name>` into a temporary folder, change it, run the real
//! `parvis` binary on it and ask about the result.
#![allow(dead_code, unreachable_pub, missing_docs, clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use walkdir::WalkDir;

pub mod html_checks;
pub mod invariants;
pub mod server;

pub struct TestSite {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
}

/// The outcome of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl TestSite {
    /// A copy of `tests/sites/<name>`.
    pub fn from_fixture(name: &str) -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/sites")
            .join(name);
        copy_tree(&fixture, &root);
        TestSite { _dir: dir, root }
    }

    /// A copy of the repository's own portal (content, theme, site.toml).
    pub fn portal() -> TestSite {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for part in [
            "content",
            "themes",
            "assets",
            "site.toml",
            "i18n",
            "templates",
        ] {
            let from = repo.join(part);
            if from.is_dir() {
                copy_tree(&from, &root.join(part));
            } else if from.is_file() {
                fs::create_dir_all(&root).unwrap();
                fs::copy(&from, root.join(part)).unwrap();
            }
        }
        TestSite { _dir: dir, root }
    }

    /// Copies the repository's theme `themes/<name>` into the site, so a
    /// fixture is built with the real portal theme.
    pub fn with_theme(self, name: &str) -> TestSite {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes")
            .join(name);
        copy_tree(&from, &self.root.join("themes").join(name));
        self
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    /// Writes (or overwrites) a file of the site.
    pub fn write(&self, relative: &str, content: impl AsRef<[u8]>) -> &Self {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    pub fn remove(&self, relative: &str) -> &Self {
        fs::remove_file(self.path(relative)).unwrap();
        self
    }

    /// Runs `parvis <args>` with the site as working directory (and no
    /// `PARVIS_MESSAGES` from the caller's environment: messages follow
    /// the site's language unless `args` say otherwise).
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_parvis"))
            .args(args)
            .current_dir(&self.root)
            .env_remove("PARVIS_MESSAGES")
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// `parvis build` into `public/`; panics with the diagnostics on failure.
    pub fn build(&self) -> Run {
        let run = self.run(&["build"]);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// The output file at `relative` under `public/`.
    pub fn output(&self, relative: &str) -> String {
        self.read(&format!("public/{relative}"))
    }
}

/// Every file under `dir` with its bytes, by relative path.
pub fn snapshot_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (relative, fs::read(e.path()).unwrap())
        })
        .collect()
}

pub fn copy_tree(from: &Path, to: &Path) {
    for entry in WalkDir::new(from).into_iter().map(Result::unwrap) {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}
