//! Files caught while being written. Some editors and synchronisation
//! tools save in pieces (truncate, then several writes): a rebuild that
//! reads between two pieces would serve half a page. `serve` reads the
//! files of a batch once they have been quiet for a moment, and does not
//! publish a pass during which one of them was written again.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// How long a file must be quiet before the watcher reports its change and
/// before a rebuild reads it: enough to gather a save made of several
/// writes and a rename, short enough not to be felt. One constant for both,
/// so they cannot drift apart.
pub(crate) const QUIET: Duration = Duration::from_millis(20);

/// The longest a rebuild waits for its files to be quiet: a file written
/// without pause is read as it is then.
const PATIENCE: Duration = Duration::from_millis(600);

/// How many times a pass is built again because a file changed under it,
/// before the update gives way to the watcher's next batch.
pub(crate) const RETRIES: usize = 3;

/// The length and last write of each file (`None`: missing or unreadable).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamps(Vec<Option<(u64, SystemTime)>>);

impl Stamps {
    /// The stamps of `paths` now.
    pub(crate) fn of(paths: &[PathBuf]) -> Stamps {
        Stamps(
            paths
                .iter()
                .map(|path| {
                    let meta = std::fs::metadata(path).ok()?;
                    Some((meta.len(), meta.modified().ok()?))
                })
                .collect(),
        )
    }

    /// How long to wait until the last write is `quiet` old (zero if it
    /// already is; clocks that disagree count as quiet).
    fn wait_for(&self, now: SystemTime, quiet: Duration) -> Duration {
        self.0
            .iter()
            .flatten()
            .filter_map(|(_, written)| now.duration_since(*written).ok())
            .filter(|age| *age < quiet)
            .map(|age| quiet - age)
            .max()
            .unwrap_or(Duration::ZERO)
    }
}

/// Waits until none of `paths` was written during the last `quiet` (at
/// most [`PATIENCE`] in all) and returns their stamps then.
pub(crate) fn quiet_stamps(paths: &[PathBuf], quiet: Duration) -> Stamps {
    let started = std::time::Instant::now();
    loop {
        let stamps = Stamps::of(paths);
        let wait = stamps.wait_for(SystemTime::now(), quiet);
        if wait.is_zero() || started.elapsed() >= PATIENCE {
            return stamps;
        }
        std::thread::sleep(wait);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_just_written_is_waited_for() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.md");
        std::fs::write(&path, "---\ntitle: A\n").expect("write");
        let paths = [path.clone()];
        let stamps = Stamps::of(&paths);
        let written = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime");
        let wait = stamps.wait_for(written + Duration::from_millis(10), QUIET);
        assert_eq!(wait, QUIET - Duration::from_millis(10));
        assert_eq!(stamps.wait_for(written + QUIET, QUIET), Duration::ZERO);
        // A write after the stamps were taken is seen.
        std::fs::write(&path, "---\ntitle: A\n---\nTexte.\n").expect("write");
        assert_ne!(Stamps::of(&paths), stamps);
        // Quiet once read: the stamps are those of the whole file.
        let settled = quiet_stamps(&paths, QUIET);
        assert_eq!(settled, Stamps::of(&paths));
        let now = SystemTime::now();
        assert_eq!(settled.wait_for(now, QUIET), Duration::ZERO);
    }

    #[test]
    fn missing_files_and_future_times_do_not_wait() {
        let stamps = Stamps::of(&[PathBuf::from("/nonexistent/parvis/a.md")]);
        assert_eq!(stamps, Stamps(vec![None]));
        assert_eq!(stamps.wait_for(SystemTime::now(), QUIET), Duration::ZERO);
        let future = Stamps(vec![Some((1, SystemTime::now() + Duration::from_secs(60)))]);
        assert_eq!(future.wait_for(SystemTime::now(), QUIET), Duration::ZERO);
    }
}
