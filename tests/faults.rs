#![allow(clippy::unwrap_used)]
//! Faults a build must survive without losing the published site:
//!
//! - killed (SIGKILL) at random moments, build after build: the output
//!   folder is always the whole previous site or the whole new one, never
//!   a mix and never missing, and the next build removes what the killed
//!   one left behind;
//! - a full disk while writing (a small tmpfs where the test may mount one,
//!   and everywhere the `PARVIS_TEST_FAIL_WRITES_AFTER` test hook of
//!   `src/output/writer.rs`): the previous output stays as it was, and the
//!   error says so;
//! - files and folders it may not read: an error naming each, never a
//!   panic.
#![cfg(unix)]

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{snapshot_tree, TestSite};

type Tree = BTreeMap<String, Vec<u8>>;

/// `count` news entries saying `version`; version `b` also drops the
/// first tenth of them and adds as many of its own, so the two sites
/// differ in their files as well as in their bytes.
fn write_news(folder: &Path, count: usize, version: &str) {
    fs::create_dir_all(folder).unwrap();
    fs::write(folder.join("_index.md"), "---\ntitle: Actualités\n---\n").unwrap();
    let skip = if version == "b" { count / 10 } else { 0 };
    for i in skip..count + skip {
        let text = format!(
            "---\ntitle: Nouvelle {i} ({version})\ndate: 2024-01-{day:02}\ntags: [t{tag}]\n---\n\
             Version {version} de la nouvelle {i}. Texte, *emphase* et [lien](/a-propos/).\n\n\
             ## Partie\n\nSuite du texte de la version {version}.\n",
            day = 1 + i % 28,
            tag = i % 40,
        );
        fs::write(folder.join(format!("n{i}.md")), text).unwrap();
    }
}

/// A fixture with a few thousand entries, so that a build takes long
/// enough to be killed in the middle; the news of version `b` wait
/// beside the site.
struct TwoVersions {
    site: TestSite,
    /// Where the other version's news wait.
    other: PathBuf,
    /// The version in `content/news`.
    current: char,
}

impl TwoVersions {
    fn new(count: usize) -> TwoVersions {
        let site = TestSite::from_fixture("basic");
        let news = site.path("content/news");
        fs::remove_dir_all(&news).unwrap();
        write_news(&news, count, "a");
        let other = site.root.parent().unwrap().join("news-waiting");
        write_news(&other, count, "b");
        TwoVersions {
            site,
            other,
            current: 'a',
        }
    }

    /// Puts version `version`'s news in place.
    fn switch_to(&mut self, version: char) {
        if self.current == version {
            return;
        }
        let news = self.site.path("content/news");
        let parked = self.other.with_extension("parked");
        fs::rename(&news, &parked).unwrap();
        fs::rename(&self.other, &news).unwrap();
        fs::rename(&parked, &self.other).unwrap();
        self.current = version;
    }
}

/// Folders beside the output that a build left behind.
fn leftovers(site: &TestSite) -> Vec<String> {
    fs::read_dir(&site.root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public.staging-"))
        .collect()
}

/// A small random generator (xorshift), seeded from the clock; the seed is
/// printed so that a failure can be replayed with `FAULTS_SEED`.
struct Random(u64);

impl Random {
    fn new() -> Random {
        let seed = std::env::var("FAULTS_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
                now.as_nanos() as u64 | 1
            });
        println!("FAULTS_SEED={seed}");
        Random(seed)
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn timed_build(site: &TestSite) -> Duration {
    let started = Instant::now();
    site.build();
    started.elapsed()
}

/// About four minutes on two shared cores: run by `.ci/run`, not by a
/// plain `cargo test`.
#[test]
#[ignore = "slow (60 builds of 1,500 entries); cargo test -- --ignored"]
fn killed_builds_leave_the_old_site_or_the_new_one() {
    let mut sites = TwoVersions::new(1500);
    let took_a = timed_build(&sites.site);
    let tree_a = snapshot_tree(&sites.site.path("public"));
    sites.switch_to('b');
    let took_b = timed_build(&sites.site);
    let tree_b = snapshot_tree(&sites.site.path("public"));
    assert!(tree_a != tree_b);
    let build = took_a.max(took_b);
    println!("a build takes {build:?}");
    let trees = [('a', &tree_a), ('b', &tree_b)];
    let mut random = Random::new();
    let (mut published, mut kept, mut swapped) = ('b', 0, 0);
    for round in 0..60 {
        let next = if published == 'a' { 'b' } else { 'a' };
        sites.switch_to(next);
        let delay = build.mul_f64(0.1 + 1.2 * random.unit());
        let mut child = Command::new(env!("CARGO_BIN_EXE_parvis"))
            .args(["build", "--quiet"])
            .current_dir(&sites.site.root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let out = sites.site.path("public");
        assert!(out.is_dir(), "round {round}: the output folder is missing");
        let tree: Tree = snapshot_tree(&out);
        let Some((version, _)) = trees.iter().find(|(_, t)| **t == tree) else {
            panic!("round {round}: killed after {delay:?}, the output is neither site");
        };
        if *version == published {
            kept += 1;
        } else {
            assert_eq!(*version, next, "round {round}");
            swapped += 1;
            published = next;
        }
        let left = leftovers(&sites.site);
        assert!(left.len() <= 2, "round {round}: {left:?} piled up");
    }
    println!("60 builds killed: {kept} kept the old site, {swapped} had swapped in the new one");
    assert!(kept > 5, "the kills should land before the swap");
    sites.site.build();
    assert!(
        leftovers(&sites.site).is_empty(),
        "{:?}",
        leftovers(&sites.site)
    );
}

/// The size a tmpfs needs for the files of `tree` (a page per file).
fn pages(tree: &Tree) -> usize {
    tree.values()
        .map(|bytes| bytes.len().div_ceil(4096).max(1) * 4096)
        .sum()
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs(tempfile::TempDir);

impl Tmpfs {
    /// `None` (and a message saying why) where the test may not mount one.
    fn mount(bytes: usize) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={bytes}"), "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::piped())
            .output();
        match mounted {
            Ok(out) if out.status.success() => Some(Tmpfs(dir)),
            Ok(out) => {
                let why = String::from_utf8_lossy(&out.stderr);
                eprintln!("skipped: cannot mount a tmpfs here ({}); the full disk is still tested through PARVIS_TEST_FAIL_WRITES_AFTER", why.trim());
                None
            }
            Err(e) => {
                eprintln!("skipped: no mount command ({e}); the full disk is still tested through PARVIS_TEST_FAIL_WRITES_AFTER");
                None
            }
        }
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.0.path()).status();
    }
}

/// Checks that a failed build said the disk was full and that it kept the
/// previous site, which is still there, and left nothing behind.
fn kept_after_full_disk(run: &common::Run, out: &Path, before: &Tree) {
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.stderr.contains("no space left on device")
            || run.stderr.contains("No space left on device"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("the previous output was left as it was"),
        "{}",
        run.stderr
    );
    assert!(*before == snapshot_tree(out), "the previous output changed");
    let parent = out.parent().unwrap();
    let left: Vec<_> = fs::read_dir(parent)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".staging-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_full_disk_leaves_the_previous_output_as_it_was() {
    let sites = TwoVersions::new(200);
    sites.site.build();
    let size = pages(&snapshot_tree(&sites.site.path("public")));
    // Room for the published site and half of a new one.
    let Some(disk) = Tmpfs::mount(size * 3 / 2) else {
        return;
    };
    let out = disk.0.path().join("public");
    let out_arg = out.to_string_lossy().into_owned();
    let first = sites.site.run(&["build", "--out", &out_arg]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let before = snapshot_tree(&out);
    sites.site.write(
        "content/a-propos.md",
        "---\ntitle: Nouveau\n---\nNouveau texte.\n",
    );
    let run = sites
        .site
        .run(&["build", "--out", &out_arg, "--messages", "en"]);
    kept_after_full_disk(&run, &out, &before);
}

#[test]
fn a_write_that_fails_leaves_the_previous_output_as_it_was() {
    let site = TestSite::from_fixture("basic");
    site.build();
    let out = site.path("public");
    let before = snapshot_tree(&out);
    site.write(
        "content/a-propos.md",
        "---\ntitle: Nouveau\n---\nNouveau texte.\n",
    );
    for after in [0, 3, 10] {
        let output = Command::new(env!("CARGO_BIN_EXE_parvis"))
            .args(["build", "--messages", "en"])
            .current_dir(&site.root)
            .env("PARVIS_TEST_FAIL_WRITES_AFTER", after.to_string())
            .output()
            .unwrap();
        let run = common::Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        kept_after_full_disk(&run, &out, &before);
    }
}

/// Whether this process runs as root, whom permissions do not stop.
fn is_root() -> bool {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1))
        == Some("0")
}

/// Runs `parvis build` on the site; as root, as the unprivileged `nobody`
/// (65534), whom `chmod 000` stops, with the rest of the site open to it.
fn build_without_privileges(site: &TestSite) -> common::Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_parvis"));
    command
        .args(["build", "--messages", "en"])
        .current_dir(&site.root);
    if is_root() {
        let temp = site.root.parent().unwrap();
        fs::set_permissions(temp, fs::Permissions::from_mode(0o777)).unwrap();
        for entry in walkdir::WalkDir::new(&site.root).into_iter().flatten() {
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            if mode != 0 {
                let open = if entry.file_type().is_dir() {
                    0o777
                } else {
                    0o666
                };
                fs::set_permissions(entry.path(), fs::Permissions::from_mode(open)).unwrap();
            }
        }
        command.uid(65534).gid(65534);
    }
    let output = command.output().unwrap();
    common::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn unreadable_files_are_errors_naming_them() {
    let site = TestSite::from_fixture("basic");
    site.write("content/news/secret.md", "---\ntitle: Secret\n---\nx\n");
    site.write("assets/img/secret.svg", "<svg/>");
    site.write("content/startups/fermé/a.md", "---\ntitle: A\n---\nx\n");
    site.write("templates/partials/secret.html", "x");
    for (path, mode) in [
        ("content/news/secret.md", 0o000),
        ("assets/img/secret.svg", 0o000),
        ("templates/partials/secret.html", 0o000),
        ("content/startups/fermé", 0o000),
    ] {
        fs::set_permissions(site.path(path), fs::Permissions::from_mode(mode)).unwrap();
    }
    let run = build_without_privileges(&site);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    for named in [
        "content/news/secret.md",
        "assets/img/secret.svg",
        "templates/partials/secret.html",
        "content/startups/fermé",
    ] {
        assert!(
            run.stderr.contains(named),
            "{named} not named:\n{}",
            run.stderr
        );
    }
    assert!(!site.path("public").exists(), "nothing is published");
}
