#![allow(clippy::unwrap_used)]
//! Resource limits: files far larger or deeper than any editor writes
//! build within a stated time and memory, or fail with an error naming the
//! file; none hangs or crashes. Slow (a few minutes in all), so behind
//! `--ignored`:
//!
//! ```sh
//! cargo test --release --test resources -- --ignored --nocapture --test-threads 1
//! ```
//!
//! Each case prints its time and peak memory (measured by `/usr/bin/time`
//! where it is installed). The bounds are two to five times what a release
//! build needed on two shared cores (docs/guarantees.md lists the
//! measures); a debug build (`.ci/run`'s `cargo test -- --ignored`) gets
//! ten times the time, and 10,000 tiny entries instead of 100,000.
#![cfg(unix)]

mod common;

use std::fmt::Write as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::TestSite;

/// What a case may take at most.
struct Bound {
    seconds: u64,
    megabytes: u64,
}

/// Builds `site` (killed after the bound's time), checks the outcome and
/// prints a line of the table.
fn build_within(case: &str, site: &TestSite, bound: Bound, file: &str) {
    let binary = env!("CARGO_BIN_EXE_parvis");
    let time = std::path::Path::new("/usr/bin/time");
    let mut command = if time.is_file() {
        let mut c = Command::new(time);
        c.args(["-f", "PEAK-KB %M"]).arg(binary);
        c
    } else {
        Command::new(binary)
    };
    command
        .args(["build", "--quiet", "--messages", "en"])
        .current_dir(&site.root)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = command.spawn().unwrap();
    let slower = if cfg!(debug_assertions) { 10 } else { 1 };
    let limit = Duration::from_secs(bound.seconds * slower);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("{case}: still building after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let took = started.elapsed();
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    let peak_kb: Option<u64> = stderr
        .lines()
        .find_map(|l| l.strip_prefix("PEAK-KB "))
        .and_then(|n| n.trim().parse().ok());
    let outcome = match status.code() {
        Some(0) => "built".to_string(),
        Some(1) => {
            assert!(
                stderr.contains(file),
                "{case}: the error does not name {file}:\n{stderr:.2000}"
            );
            let first = stderr.lines().next().unwrap_or("");
            format!("refused: {first}")
        }
        other => panic!("{case}: exit {other:?}\n{stderr:.2000}"),
    };
    assert!(
        !stderr.contains("panicked"),
        "{case}: panicked\n{stderr:.2000}"
    );
    let mut line = format!("{case}: {outcome}, {:.1} s", took.as_secs_f64());
    if let Some(kb) = peak_kb {
        let _ = write!(line, ", peak {} MB", kb / 1024);
        assert!(
            kb / 1024 <= bound.megabytes,
            "{case}: {} MB over the {} MB bound",
            kb / 1024,
            bound.megabytes
        );
    }
    println!("{line}");
}

fn news(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: 2024-01-01\n---\n{body}")
}

#[test]
#[ignore = "slow: cargo test --release --test resources -- --ignored"]
fn a_20_mb_markdown_file() {
    let site = TestSite::from_fixture("basic");
    let mut body = String::with_capacity(21 << 20);
    let mut i = 0;
    while body.len() < 20 << 20 {
        let _ = write!(
            body,
            "## Partie {i}\n\nUn paragraphe avec *emphase*, `code` et un [lien](https://example.org/{i}).\n\n- un\n- deux\n\n"
        );
        i += 1;
    }
    site.write("content/news/grand.md", news("Grand", &body));
    build_within(
        "20 MB Markdown file",
        &site,
        Bound {
            seconds: 120,
            megabytes: 2500,
        },
        "content/news/grand.md",
    );
}

#[test]
#[ignore = "slow: cargo test --release --test resources -- --ignored"]
fn nesting_10_000_deep() {
    let site = TestSite::from_fixture("basic");
    let depth = 10_000;
    let quotes = format!("{} profond\n", "> ".repeat(depth));
    site.write("content/news/citations.md", news("Citations", &quotes));
    let mut list = String::new();
    for level in 0..depth {
        let _ = writeln!(list, "{}- niveau {level}", "  ".repeat(level));
    }
    site.write("content/news/liste.md", news("Liste", &list));
    let html = format!("{}x{}\n", "<div>".repeat(depth), "</div>".repeat(depth));
    site.write("content/news/html.md", news("HTML", &html));
    let brackets = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    site.write(
        "content/news/yaml.md",
        format!("---\ntitle: YAML\ndate: 2024-01-01\ntags: {brackets}\n---\nx\n"),
    );
    build_within(
        "10,000-deep nesting",
        &site,
        Bound {
            seconds: 60,
            megabytes: 500,
        },
        "content/news/yaml.md",
    );
}

#[test]
#[ignore = "slow: cargo test --release --test resources -- --ignored"]
fn a_10_mb_front_matter() {
    let site = TestSite::from_fixture("basic");
    let mut head = String::from("title: Champs\ndate: 2024-01-01\nsummary: >\n");
    while head.len() < 10 << 20 {
        head.push_str("  Une ligne de résumé qui se répète, encore et encore.\n");
    }
    site.write("content/news/champs.md", format!("---\n{head}---\nx\n"));
    build_within(
        "10 MB front matter",
        &site,
        Bound {
            seconds: 60,
            megabytes: 500,
        },
        "content/news/champs.md",
    );
}

#[test]
#[ignore = "slow: cargo test --release --test resources -- --ignored"]
fn a_5_mb_line() {
    let site = TestSite::from_fixture("basic");
    let line = "mot ".repeat(5 << 18);
    site.write("content/news/ligne.md", news("Ligne", &format!("{line}\n")));
    build_within(
        "5 MB line",
        &site,
        Bound {
            seconds: 60,
            megabytes: 500,
        },
        "content/news/ligne.md",
    );
}

#[test]
#[ignore = "slow: cargo test --release --test resources -- --ignored"]
fn many_tiny_entries() {
    let count: usize = std::env::var("RESOURCES_ENTRIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            10_000
        } else {
            100_000
        });
    let site = TestSite::from_fixture("basic");
    for i in 0..count {
        site.write(
            &format!("content/news/n{i}.md"),
            news(&format!("N{i}"), "x\n"),
        );
    }
    build_within(
        &format!("{count} tiny entries"),
        &site,
        Bound {
            seconds: 200,
            megabytes: 2000,
        },
        "content/news",
    );
}

/// The `basic` fixture in `count` more languages, each with its interface
/// words and a translation of the about page.
fn translated(count: usize) -> TestSite {
    let site = TestSite::from_fixture("basic");
    let languages: String = (0..count)
        .map(|i| format!("[languages.l{i:04}]\ntitle = \"Campus {i}\"\n"))
        .collect();
    let config = site
        .read("site.toml")
        .replace("[taxonomies]", &format!("{languages}\n[taxonomies]"))
        .replace(
            "imagerie-medicale = { fr = \"Imagerie médicale\", en = \"Medical imaging\" }",
            "imagerie-medicale = \"Imagerie médicale\"",
        );
    site.write("site.toml", config);
    let words = site.read("themes/mini/i18n/fr.toml");
    for i in 0..count {
        site.write(&format!("themes/mini/i18n/l{i:04}.toml"), &words);
        site.write(
            &format!("content/a-propos.l{i:04}.md"),
            format!("---\ntitle: À propos {i}\n---\nTraduction {i}, [l'original](a-propos.md).\n"),
        );
    }
    site
}

#[test]
#[ignore = "slow: cargo test --release --test resources -- --ignored"]
fn a_page_in_the_most_languages_a_site_may_declare() {
    // fr and en, and 98 more: parvis::config::MAX_LANGUAGES.
    let site = translated(98);
    build_within(
        "one page in 100 languages",
        &site,
        Bound {
            seconds: 20,
            megabytes: 500,
        },
        "site.toml",
    );
    assert!(site.path("public/l0097/a-propos/index.html").is_file());
}

#[test]
#[ignore = "slow: cargo test --release --test resources -- --ignored"]
fn a_thousand_translations_of_one_page() {
    build_within(
        "1,000 translations of one page",
        &translated(1000),
        Bound {
            seconds: 20,
            megabytes: 500,
        },
        "site.toml",
    );
}
