//! The invariants of the stages that read what editors write, one function
//! per entry point, each taking any input. The property tests
//! (`tests/properties.rs`) call them on generated input, the fuzz targets
//! (`fuzz/fuzz_targets/`) on what libFuzzer makes, and
//! `tests/fuzz_regressions.rs` on the inputs the fuzzers once found, so the
//! three always check the same thing.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;

use parvis::content::frontmatter::{self, Body};
use parvis::content::Format;
use parvis::markdown::{self, LinkKind, LinkResolver, LinkTarget, Options, Rendered};
use parvis::messages::Lang;
use parvis::search::normalize;
use parvis::{slug, yaml};

use super::html_checks::{assert_inert, is_safe_url, Inertness};

/// A fuzz target: decodes its bytes and checks one entry point.
pub type Target = fn(&[u8]);

/// The fuzz targets, by name.
pub const TARGETS: &[(&str, Target)] = &[
    ("front_matter", fuzz_front_matter),
    ("yaml", fuzz_yaml),
    ("slug", fuzz_slug),
    ("markdown", fuzz_markdown),
    ("html_filter", fuzz_html_filter),
    ("search_words", fuzz_search_words),
];

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The bytes as a content file, in each format (Markdown, YAML).
pub fn fuzz_front_matter(data: &[u8]) {
    front_matter(data.to_vec(), Format::Markdown);
    front_matter(data.to_vec(), Format::Yaml);
}

/// The bytes as YAML text.
pub fn fuzz_yaml(data: &[u8]) {
    yaml_text(&text(data));
}

/// The bytes as text to slugify.
pub fn fuzz_slug(data: &[u8]) {
    slug_of(&text(data));
}

/// The bytes as a Markdown body: structure only (no HTML parsing).
pub fn fuzz_markdown(data: &[u8]) {
    markdown_structure(&text(data));
}

/// The bytes as a Markdown body whose HTML a browser parses (html5ever):
/// nothing active may survive.
pub fn fuzz_html_filter(data: &[u8]) {
    html_filter(&text(data));
}

/// The bytes as text in each language: French, English, and one without
/// stop words or stemmer of its own.
pub fn fuzz_search_words(data: &[u8]) {
    let text = text(data);
    for lang in ["fr", "en", "de"] {
        search_words(&text, lang);
    }
}

/// Any bytes: a document or a diagnostic that can be shown, placed inside
/// the file.
pub fn front_matter(bytes: Vec<u8>, format: Format) {
    let lossy = String::from_utf8_lossy(&bytes).into_owned();
    let lines = lossy.lines().count() + 1;
    match frontmatter::parse(Path::new("content/a.md"), bytes, format) {
        Ok(doc) => {
            if let Body::Tail(start) = doc.body {
                assert!(doc.text.is_char_boundary(start), "body at {start}");
            }
            for (key, (_, line)) in &doc.fields {
                assert!(
                    (1..=lines).contains(line),
                    "{key} on line {line} of {lines}"
                );
            }
            assert!(
                !doc.text.contains('\u{e000}'),
                "the root mark must not pass"
            );
        }
        Err(diagnostic) => {
            for lang in [Lang::Fr, Lang::En] {
                assert!(!diagnostic.render(lang, false).is_empty());
            }
            if let Some(span) = &diagnostic.span {
                assert!(span.line <= lines, "line {} of {lines}", span.line);
            }
        }
    }
}

/// Any text: a mapping whose keys are on lines of the text, or an error
/// placed inside it.
pub fn yaml_text(source: &str) {
    match yaml::parse_mapping(source) {
        Ok(mapping) => {
            let lines = source.lines().count().max(1);
            for (key, (_, line)) in &mapping {
                assert!((1..=lines).contains(line), "{key} on line {line}");
            }
        }
        Err(e) => assert!(e.offset <= source.len(), "{e:?}"),
    }
}

/// Whether `slug` is `[a-z0-9]+` words joined by single dashes.
pub fn is_clean_slug(slug: &str) -> bool {
    slug.split('-').all(|w| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// A slug is empty or clean, valid, and its own slug.
pub fn slug_of(source: &str) {
    let slug = slug::slugify(source);
    assert!(
        slug.is_empty() || is_clean_slug(&slug),
        "{source:?} → {slug:?}"
    );
    assert!(slug.is_empty() || slug::is_valid(&slug), "{slug:?}");
    assert_eq!(slug::slugify(&slug), slug, "not idempotent");
}

/// Resolves like a small site, and remembers what it was asked.
#[derive(Default)]
pub struct TestResolver {
    asked: Mutex<Vec<String>>,
}

impl LinkResolver for TestResolver {
    fn resolve(&self, dest: &str, _kind: LinkKind) -> LinkTarget {
        if let Ok(mut asked) = self.asked.lock() {
            asked.push(dest.to_string());
        }
        if dest.contains("missing") {
            return LinkTarget::Broken {
                message: parvis::msg!("link-not-a-content-file", written = dest),
                hint: None,
            };
        }
        match dest.strip_prefix('/') {
            Some(path) => LinkTarget::Rewrite(format!("../../{path}")),
            None => LinkTarget::Keep,
        }
    }
}

/// Renders `source` as a site would (raw HTML filtered); also returns
/// what the resolver was asked.
pub fn render(source: &str) -> (Rendered, Vec<String>) {
    let resolver = TestResolver::default();
    let out = markdown::render(source, &Options::default(), &resolver);
    let asked = resolver.asked.into_inner().unwrap_or_default();
    (out, asked)
}

/// Heading ids unique and non-empty, problems and fragments placed inside
/// the source, nothing dangerous handed to the resolver, plain texts on
/// one line.
pub fn markdown_structure(source: &str) -> Rendered {
    let (out, asked) = render(source);
    let ids: HashSet<&str> = out.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids.len(), out.headings.len(), "{:?}", out.headings);
    assert!(out.headings.iter().all(|h| !h.id.is_empty()));
    for problem in &out.problems {
        let end = problem.offset + problem.len;
        assert!(end <= source.len(), "{problem:?} out of {}", source.len());
    }
    for fragment in &out.fragments {
        assert!(
            fragment.offset + fragment.len <= source.len(),
            "{fragment:?}"
        );
    }
    for dest in asked {
        assert!(is_safe_url(&dest), "{dest:?} reached the resolver");
    }
    assert!(!out.summary_text.contains('\n') && !out.text.contains('\n'));
    out
}

/// [`markdown_structure`], and the body and summary are inert for a
/// browser and stay inside the element a template puts them in.
pub fn html_filter(source: &str) {
    let out = markdown_structure(source);
    assert_inert(&out.html, source, Inertness::Body);
    assert_inert(&out.summary_html, source, Inertness::Body);
    assert_contained(&out.html, source);
    assert_contained(&out.summary_html, source);
}

/// Whether `fragment`, put between two elements of a page, stays between
/// them: a body or summary that leaves an element open, or closes one of
/// the page's, would swallow or break the rest of the page.
pub fn assert_contained(fragment: &str, source: &str) {
    let page = format!(
        "<div id=\"before\"></div><main id=\"probe\">{fragment}</main><p id=\"after\">x</p>"
    );
    let parsed = scraper::Html::parse_document(&page);
    let found = |css: &str| {
        scraper::Selector::parse(css)
            .ok()
            .is_some_and(|s| parsed.select(&s).next().is_some())
    };
    assert!(
        found("body > p#after") && found("body > main#probe"),
        "the HTML is not contained: {fragment:?} from {source:?}"
    );
}

/// Words are folded, at least two letters or digits, not stop words, and
/// folding them again changes nothing (the browser folds queries); the
/// stemmer takes each of them.
pub fn search_words(source: &str, lang: &str) {
    let french = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::French);
    let english = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    for word in normalize::words(source, lang) {
        assert!(word.folded.chars().count() >= 2, "{word:?}");
        assert!(word.folded.chars().all(char::is_alphanumeric), "{word:?}");
        assert!(!normalize::stop_words(lang).contains(&word.folded.as_str()));
        assert_eq!(normalize::fold(&word.folded), word.folded, "{word:?}");
        assert_eq!(normalize::fold(&word.lower), word.folded, "{word:?}");
        let stemmer = if lang == "en" { &english } else { &french };
        let _ = normalize::fold(&stemmer.stem(&word.lower));
    }
}
