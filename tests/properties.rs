#![allow(clippy::unwrap_used)]
//! Properties of the stages that read what editors write, checked on
//! generated input (proptest): the front matter splitter, the YAML layer,
//! slugs, the Markdown pipeline (links, heading ids, summaries, the raw-HTML
//! filter) and the search tokenizer. Arbitrary bytes never panic, and what
//! comes out keeps its invariants. Each property runs a few hundred cases
//! so that `cargo test` stays fast; the fuzz targets (`fuzz/`) run the same
//! entry points for longer.

use std::collections::HashSet;
use std::path::Path;

use parvis::content::frontmatter::{self, Body};
use parvis::content::Format;
use parvis::messages::Lang;
use parvis::slug;
use parvis::yaml::{self, YamlErrorKind};
use proptest::prelude::*;
use serde_json::Value;

mod common;

use common::invariants;

/// Pieces of Markdown, raw HTML and attacks, joined at random below: far
/// more likely than uniform characters to reach the interesting states.
#[rustfmt::skip]
const PIECES: &[&str] = &[
    "\n", "\n\n", " ", "    ", "\t", "- ", "1. ", "> ", "# ", "## ", "###### ", "`", "```\n",
    "~~~", "*", "_", "**", "~~", "[", "]", "(", ")", "!", "<", ">", "&", ";", "\"", "'", "=",
    "|", "---\n", "| a | b |\n|---|---|\n", "[^n]", "\n[^n]: note", "{#", "}", " {#x}",
    " {.c}", " {onclick=x}", "[l](/a/)", "[l](../b.md)", "[l](#x)", "![i](/img/a.png)",
    "[r]", "\n[r]: /ref/\n", "<https://x.org>", "<a@b.fr>", "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))", "[x](java\tscript:x)", "![x](data:text/html,x)",
    "[x](vbscript:x)", "[x](&#106;avascript:x)", "<script>", "</script>", "alert(1)",
    "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">", "<a href='jav&#x09;ascript:x'>",
    "</a>", "<svg onload=x>", "</svg>", "<math>", "</math>", "<iframe srcdoc=x>", "</iframe>",
    "<style>", "</style>", "<!--", "-->", "<!-- more -->", "<![CDATA[", "]]>", "<div class=\"a\">",
    "</div>", "<b>", "</b>", "&#106;", "&colon;", "&#x3C;", "&lt;", "javascript:", "<p onclick=",
    "<form><button formaction=javascript:x>", "<object data=x>", "<br/>", "<!DOCTYPE x>", "/>",
    "<span style=\"x:expression(1)\">", "<textarea>", "</textarea>", "<details open>",
    "<a href=\"&#0000106avascript:x\">", "<img src=`x`onerror=y>", "<title>", "</title>",
    "<noscript>", "<template>", "<table><tr><td>", "</td></tr></table>", "é", "Œuvre", "日本",
    "\u{0}", "\u{feff}", "\r\n", "\u{e000}", "🙂", "\u{301}", "ﬁ", "İ", "ẞ", "\u{fdfa}",
];

/// A text made of `PIECES`.
fn pieces(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..max).prop_map(|p| p.concat())
}

/// Arbitrary text: any characters, or pieces that mean something.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter),
        pieces(max),
    ]
}

/// `cases` per property, unless `PROPTEST_CASES` asks for more (a longer
/// run: `PROPTEST_CASES=20000 cargo test --release --test properties`).
fn config(cases: u32) -> ProptestConfig {
    let asked = std::env::var("PROPTEST_CASES").ok();
    ProptestConfig {
        cases: asked.and_then(|n| n.parse().ok()).unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ---- Front matter ----

/// A key of a generated front matter.
fn key() -> impl Strategy<Value = String> {
    "[a-z][a-z0-9_]{0,10}"
}

/// A value YAML reads back as the same text: printable characters
/// (`\PC`: no control, format, private-use or unassigned ones, which YAML
/// streams may not hold), written as a double-quoted scalar (JSON escapes
/// are YAML escapes).
fn yaml_text() -> impl Strategy<Value = String> {
    "\\PC{0,40}"
}

proptest! {
    #![proptest_config(config(300))]

    /// Any bytes, in either format: a document or a diagnostic that can be
    /// shown, placed inside the file.
    #[test]
    fn front_matter_of_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600), yaml in any::<bool>()) {
        let format = if yaml { Format::Yaml } else { Format::Markdown };
        invariants::front_matter(bytes, format);
    }

    /// Text that looks like a content file, with its fences and keys mangled.
    #[test]
    fn front_matter_of_near_documents(body in pieces(30), head in text(60), yaml in any::<bool>()) {
        let format = if yaml { Format::Yaml } else { Format::Markdown };
        let source = format!("---\n{head}\n---\n{body}");
        invariants::front_matter(source.into_bytes(), format);
    }

    /// A well-formed file gives back its fields, with their lines, and its body.
    #[test]
    fn front_matter_round_trip(
        fields in prop::collection::btree_map(key(), yaml_text(), 0..8),
        body in "[^\r]{0,200}",
        crlf in any::<bool>(),
    ) {
        let mut source = String::from("---\n");
        for (key, value) in &fields {
            source.push_str(&format!("{key}: {}\n", serde_json::to_string(value).unwrap()));
        }
        source.push_str("---\n");
        source.push_str(&body);
        let source = if crlf { source.replace('\n', "\r\n") } else { source };
        let doc = frontmatter::parse(Path::new("a.md"), source.into_bytes(), Format::Markdown);
        if body.trim().is_empty() && fields.is_empty() {
            // `---\n---\n` then blanks: a valid, empty document, or "empty".
            return Ok(());
        }
        let doc = doc.map_err(|d| TestCaseError::fail(d.render(Lang::En, false)))?;
        prop_assert_eq!(doc.fields.len(), fields.len());
        for (line, (key, value)) in fields.iter().enumerate() {
            prop_assert_eq!(&doc.fields[key], &(Value::from(value.as_str()), line + 2));
        }
        let Body::Tail(start) = doc.body else { panic!("a Markdown file has a tail body") };
        prop_assert_eq!(&doc.text[start..], body.as_str());
    }
}

// ---- YAML ----

/// A YAML value that reads back as itself.
fn yaml_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        yaml_text().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(key(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config(300))]

    /// Any text: a mapping or a located error, never a panic.
    #[test]
    fn yaml_of_any_text(source in text(200)) {
        invariants::yaml_text(&source);
    }

    /// Generated values, written by the YAML crate, read back the same.
    #[test]
    fn yaml_round_trip(fields in prop::collection::btree_map(key(), yaml_value(), 0..6)) {
        let document = Value::Object(fields.clone().into_iter().collect());
        let written = serde_yaml::to_string(&document).unwrap();
        let mapping = yaml::parse_mapping(&written)
            .map_err(|e| TestCaseError::fail(format!("{e:?} in\n{written}")))?;
        let read: Vec<(&String, &Value)> = mapping.iter().map(|(k, (v, _))| (k, v)).collect();
        let expected: Vec<(&String, &Value)> = fields.iter().collect();
        prop_assert_eq!(read, expected, "{}", written);
    }
}

proptest! {
    // Few cases: each parses up to 3,000 levels, and the property is about
    // one number, the depth (300 cases took 22 s of a debug `cargo test`).
    #![proptest_config(config(40))]

    /// However deep, nesting is refused with its own message, not a crash.
    #[test]
    fn yaml_nesting_is_bounded(depth in 1usize..3000, flow in any::<bool>()) {
        let source = if flow {
            format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth))
        } else {
            let mut s = String::from("a:\n");
            for level in 1..=depth.min(400) {
                s.push_str(&" ".repeat(level));
                s.push_str("- \n");
            }
            s
        };
        match yaml::parse_mapping(&source) {
            Ok(_) => prop_assert!(depth < 1000),
            Err(e) => prop_assert!(
                matches!(e.kind, YamlErrorKind::TooDeep | YamlErrorKind::Syntax(_)),
                "{e:?}"
            ),
        }
    }
}

// ---- Slugs ----

proptest! {
    #![proptest_config(config(500))]

    #[test]
    fn slugs_are_clean_and_stable(source in text(80)) {
        invariants::slug_of(&source);
    }

    #[test]
    fn valid_slugs_cannot_leave_their_folder(source in "\\PC{0,20}") {
        if slug::is_valid(&source) {
            prop_assert!(source.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
        }
    }
}

// ---- Markdown ----

/// Ids an editor might write, few enough to collide with each other, with
/// generated ids and with their numbered forms.
const ID: &str = "(a|b|a-1|note|section|section-1|x|[a-z0-9-]{1,4})";

proptest! {
    #![proptest_config(config(400))]

    /// Whatever the body, the HTML is inert once parsed by a browser, ids
    /// are unique, problems are placed inside the source, and nothing
    /// dangerous reached the link resolver.
    #[test]
    fn markdown_of_any_text(source in text(120)) {
        invariants::html_filter(&source);
    }

    #[test]
    fn markdown_of_markdown_and_html(source in pieces(60)) {
        invariants::html_filter(&source);
    }

    /// Headings and footnotes: every id of the page is unique, explicit
    /// ones and footnote names included.
    #[test]
    fn heading_ids_are_unique(
        titles in prop::collection::vec((text(12), prop::option::of(ID), 1u8..=6), 0..30),
        notes in prop::collection::btree_set(ID, 0..4),
    ) {
        let mut source = String::new();
        for (title, id, level) in &titles {
            let title = title.replace(['\n', '\r', '{', '}', '#', '\\'], " ");
            source.push_str(&"#".repeat(usize::from(*level)));
            source.push(' ');
            source.push_str(&title);
            if let Some(id) = id {
                source.push_str(&format!(" {{#{id}}}"));
            }
            source.push_str("\n\n");
        }
        for note in &notes {
            source.push_str(&format!("Voir[^{note}].\n\n"));
        }
        for note in &notes {
            source.push_str(&format!("[^{note}]: Note {note}.\n\n"));
        }
        let (out, _) = invariants::render(&source);
        let ids: HashSet<&str> = out.headings.iter().map(|h| h.id.as_str()).collect();
        prop_assert_eq!(ids.len(), out.headings.len(), "{:?}", out.headings);
        for heading in &out.headings {
            prop_assert!(!heading.id.is_empty());
        }
        let parsed = scraper::Html::parse_fragment(&out.html);
        let mut seen = HashSet::new();
        for element in parsed.select(&scraper::Selector::parse("[id]").unwrap()) {
            let id = element.value().id().unwrap_or_default();
            prop_assert!(seen.insert(id.to_string()), "id {:?} twice in {}", id, out.html);
        }
    }
}

// ---- Search tokenizer ----

proptest! {
    #![proptest_config(config(400))]

    /// Words are folded, at least two letters or digits, not stop words,
    /// and folding them again changes nothing (the browser folds queries).
    #[test]
    fn search_words_are_folded(source in text(120), lang in prop::sample::select(&["fr", "en", "de"][..])) {
        invariants::search_words(&source, lang);
    }
}
