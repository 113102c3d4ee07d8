//! Micro-benchmarks of the build's hot stages (`cargo bench`): a body
//! through the Markdown pipeline, words through the search tokenizer, slugs,
//! a whole build of the portal, and the incremental update `serve` makes
//! after one saved entry. Whole-build figures on the 10,000-entry corpus
//! come from `bench/build.sh` and `bench/serve.sh`.
#![allow(missing_docs, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use parvis::build::{build, BuildRequest};
use parvis::markdown::{self, LinkKind, LinkResolver, LinkTarget};
use parvis::workspace::Workspace;

fn main() {
    divan::main();
}

/// A body of the portal, with links, a table and code.
fn sample() -> String {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut text = String::new();
    for entry in [
        "content/news/quatre-instituts.md",
        "content/operators/inserm.md",
    ] {
        text.push_str(&std::fs::read_to_string(repo.join(entry)).unwrap());
        text.push_str(
            "\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```rust\nfn main() { println!(\"x\"); }\n```\n",
        );
    }
    text.repeat(4)
}

struct Keep;
impl LinkResolver for Keep {
    fn resolve(&self, _dest: &str, _kind: LinkKind) -> LinkTarget {
        LinkTarget::Keep
    }
}

#[divan::bench]
fn markdown_body(bencher: divan::Bencher) {
    let text = sample();
    let options = markdown::Options::default();
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| markdown::render(divan::black_box(&text), &options, &Keep));
}

#[divan::bench]
fn search_words(bencher: divan::Bencher) {
    let text = sample();
    bencher
        .counter(divan::counter::BytesCount::of_str(&text))
        .bench(|| parvis::search::normalize::words(divan::black_box(&text), "fr"));
}

#[divan::bench]
fn slugs(bencher: divan::Bencher) {
    let titles = [
        "Données de santé : la confiance d'abord",
        "Œuvres & Santé — Île-de-France",
        "Acmé Santé",
    ];
    bencher.bench(|| {
        for t in titles {
            divan::black_box(parvis::slug::slugify(divan::black_box(t)));
        }
    });
}

/// A copy of the portal in a temporary folder.
fn portal() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["content", "themes", "assets", "site.toml"] {
        copy(&repo.join(part), &root.join(part));
    }
    (dir, root)
}

fn copy(from: &Path, to: &Path) {
    if from.is_file() {
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(from, to).unwrap();
        return;
    }
    for entry in std::fs::read_dir(from).into_iter().flatten().flatten() {
        copy(&entry.path(), &to.join(entry.file_name()));
    }
}

#[divan::bench(sample_count = 10)]
fn build_portal(bencher: divan::Bencher) {
    let (dir, root) = portal();
    let out = dir.path().join("public");
    let request = BuildRequest {
        root,
        out: Some(out),
        ..BuildRequest::default()
    };
    bencher.bench(|| build(&request).unwrap());
}

#[divan::bench(sample_count = 20)]
fn serve_update_after_a_body_edit(bencher: divan::Bencher) {
    let (dir, root) = portal();
    let entry = root.join("content/news/quatre-instituts.md");
    let original = std::fs::read_to_string(&entry).unwrap();
    let request = BuildRequest {
        root,
        ..BuildRequest::default()
    };
    let mut workspace = Workspace::new(request, &dir.path().join("out"));
    workspace.update(&[]);
    let mut n = 0;
    bencher.bench_local(|| {
        n += 1;
        std::fs::write(&entry, format!("{original}\nÉdition {n}.\n")).unwrap();
        let update = workspace.update(std::slice::from_ref(&entry));
        assert!(!update.failed());
    });
}
