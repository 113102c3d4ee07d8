//! Where a build's files go: a [`Sink`].
//!
//! `parvis build` writes a fresh staging folder and swaps it in
//! ([`Staging`]): every file is new, written as soon as it is made. `serve`
//! keeps one folder up to date ([`InPlace`]): an update's files are held
//! until the whole update succeeded, then only those whose bytes changed
//! are written and those that no longer exist are deleted, so a failed
//! update leaves the folder, and the pages a browser shows, as they were.
//! `check` writes nowhere ([`Discard`]).

use std::collections::HashMap;
use std::fs;
use std::hash::Hasher;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::writer::Staging;

/// Receives the files of a build, by site path.
pub trait Sink: Sync {
    /// Makes the folders of many files at once, before parallel writes.
    fn prepare_folders(&self, files: &mut dyn Iterator<Item = &str>) -> io::Result<()>;
    /// Writes a file.
    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()>;
    /// Copies a file from the site.
    fn copy(&self, path: &str, from: &Path) -> io::Result<()>;
}

impl Sink for Staging {
    fn prepare_folders(&self, files: &mut dyn Iterator<Item = &str>) -> io::Result<()> {
        Staging::prepare_folders(self, files)
    }

    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.write_prepared(path, bytes)
    }

    fn copy(&self, path: &str, from: &Path) -> io::Result<()> {
        Staging::copy(self, path, from)
    }
}

/// A sink that keeps nothing: `parvis check` runs the whole build into it,
/// so it reports exactly what a build would and writes no file.
#[derive(Debug, Default)]
pub struct Discard;

impl Sink for Discard {
    fn prepare_folders(&self, _files: &mut dyn Iterator<Item = &str>) -> io::Result<()> {
        Ok(())
    }

    fn write(&self, _path: &str, _bytes: &[u8]) -> io::Result<()> {
        Ok(())
    }

    fn copy(&self, _path: &str, _from: &Path) -> io::Result<()> {
        Ok(())
    }
}

/// A 64-bit digest of a file's bytes: equal digests mean nothing to write.
/// Every body goes through it, so it is a fast multiply-mix hash rather
/// than SipHash: it tells edits apart, and an attacker who forged a
/// collision could only leave a preview stale.
pub fn digest(bytes: &[u8]) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// A file waiting for the end of an update.
#[derive(Debug)]
enum Pending {
    Bytes(Vec<u8>),
    Copy(PathBuf),
}

/// One folder kept up to date in place.
#[derive(Debug)]
pub struct InPlace {
    dir: PathBuf,
    /// The digest of every file in the folder, by site path.
    digests: HashMap<String, u64>,
    pending: Mutex<Vec<(String, u64, Pending)>>,
}

/// What [`InPlace::apply`] changed, as site paths.
#[derive(Debug, Default)]
pub struct Applied {
    /// Files written with new bytes.
    pub changed: Vec<String>,
    /// Files deleted.
    pub removed: Vec<String>,
}

impl InPlace {
    /// A sink writing into `dir` (made if missing).
    pub fn new(dir: &Path) -> io::Result<InPlace> {
        fs::create_dir_all(dir)?;
        Ok(InPlace {
            dir: dir.to_path_buf(),
            digests: HashMap::new(),
            pending: Mutex::default(),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Forgets what the current update wrote (it failed).
    pub fn discard(&mut self) {
        self.pending_mut().clear();
    }

    /// Writes the update's files whose bytes changed and deletes the files
    /// of the folder for which `keep` is false (`keep` says whether a site
    /// path is a file of the site after this update). Returns what changed.
    pub fn apply(&mut self, keep: impl Fn(&str) -> bool) -> io::Result<Applied> {
        let mut applied = Applied::default();
        let pending = std::mem::take(self.pending_mut());
        for (path, digest, file) in pending {
            if self.digests.get(&path) == Some(&digest) {
                continue;
            }
            let target = self.dir.join(&path);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            // Write beside, then rename: a server never sends half a file.
            let partial = partial_name(&target);
            match file {
                Pending::Bytes(bytes) => fs::write(&partial, bytes)?,
                Pending::Copy(from) => fs::copy(from, &partial).map(|_| ())?,
            }
            fs::rename(&partial, &target)?;
            self.digests.insert(path.clone(), digest);
            applied.changed.push(path);
        }
        let gone: Vec<String> = self
            .digests
            .keys()
            .filter(|path| !keep(path))
            .cloned()
            .collect();
        for path in gone {
            let target = self.dir.join(&path);
            match fs::remove_file(&target) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
            remove_empty_parents(&self.dir, &target);
            self.digests.remove(&path);
            applied.removed.push(path);
        }
        applied.changed.sort();
        applied.removed.sort();
        Ok(applied)
    }

    fn pending_mut(&mut self) -> &mut Vec<(String, u64, Pending)> {
        self.pending
            .get_mut()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn push(&self, path: &str, digest: u64, file: Pending) {
        let mut pending = self
            .pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        pending.push((path.to_string(), digest, file));
    }
}

impl Sink for InPlace {
    fn prepare_folders(&self, _files: &mut dyn Iterator<Item = &str>) -> io::Result<()> {
        Ok(())
    }

    fn write(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        let digest = digest(bytes);
        if self.digests.get(path) != Some(&digest) {
            self.push(path, digest, Pending::Bytes(bytes.to_vec()));
        }
        Ok(())
    }

    fn copy(&self, path: &str, from: &Path) -> io::Result<()> {
        let digest = digest(&fs::read(from)?);
        if self.digests.get(path) != Some(&digest) {
            self.push(path, digest, Pending::Copy(from.to_path_buf()));
        }
        Ok(())
    }
}

fn partial_name(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    target.with_file_name(format!(".{name}.parvis-partial"))
}

/// Removes the folders left empty by a deletion, up to `dir`.
fn remove_empty_parents(dir: &Path, file: &Path) {
    let mut folder = file.parent();
    while let Some(f) = folder {
        if f == dir || !f.starts_with(dir) || fs::remove_dir(f).is_err() {
            break;
        }
        folder = f.parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keep<'a>(paths: &'a [&'a str]) -> impl Fn(&str) -> bool + 'a {
        move |p| paths.contains(&p)
    }

    #[test]
    fn writes_only_changed_bytes_and_deletes_what_is_gone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut sink = InPlace::new(dir.path()).expect("sink");
        sink.write("a/index.html", b"one").expect("write");
        sink.write("b/index.html", b"two").expect("write");
        let first = sink
            .apply(keep(&["a/index.html", "b/index.html"]))
            .expect("apply");
        assert_eq!(first.changed, ["a/index.html", "b/index.html"]);
        sink.write("a/index.html", b"one").expect("write");
        sink.write("c/x/index.html", b"three").expect("write");
        let second = sink
            .apply(keep(&["a/index.html", "c/x/index.html"]))
            .expect("apply");
        assert_eq!(second.changed, ["c/x/index.html"]);
        assert_eq!(second.removed, ["b/index.html"]);
        assert!(!dir.path().join("b").exists(), "empty folder removed");
        assert_eq!(
            fs::read(dir.path().join("c/x/index.html")).ok(),
            Some(b"three".to_vec())
        );
    }

    #[test]
    fn a_discarded_update_writes_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut sink = InPlace::new(dir.path()).expect("sink");
        sink.write("a.html", b"one").expect("write");
        sink.apply(keep(&["a.html"])).expect("apply");
        sink.write("a.html", b"two").expect("write");
        sink.discard();
        let applied = sink.apply(keep(&["a.html"])).expect("apply");
        assert!(applied.changed.is_empty());
        assert_eq!(
            fs::read(dir.path().join("a.html")).ok(),
            Some(b"one".to_vec())
        );
    }
}
