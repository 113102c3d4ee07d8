#![allow(clippy::unwrap_used)]
//! Every kind of bad input (content, site.toml, templates, interface words)
//! and every field-type mismatch: the
//! build exits with 1, names the right file and line, shows a reviewed
//! message (snapshot), and leaves the previous output byte for byte as it was.

mod common;

use common::{snapshot_tree, TestSite};

/// Builds the `basic` fixture once, applies `change`, builds again and
/// checks the failure. Returns stderr for a snapshot.
fn fails_with(change: impl FnOnce(&TestSite), expected_place: &str) -> String {
    let site = TestSite::from_fixture("basic");
    site.build();
    let before = snapshot_tree(&site.path("public"));
    change(&site);
    let run = site.run(&["build"]);
    assert_eq!(
        run.code, 1,
        "expected exit code 1, got {}:\n{}",
        run.code, run.stderr
    );
    assert!(
        run.stderr.contains(expected_place),
        "expected the diagnostics to name `{expected_place}`:\n{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let after = snapshot_tree(&site.path("public"));
    assert!(
        before == after,
        "the previous output changed after a failed build"
    );
    run.stderr
}

fn entry(front: &str) -> String {
    format!("---\ntitle: Essai\n{front}\n---\nCorps du texte.\n")
}

macro_rules! fault {
    ($name:ident, $file:expr, $content:expr, $place:expr) => {
        #[test]
        fn $name() {
            let stderr = fails_with(
                |s| {
                    s.write($file, $content);
                },
                $place,
            );
            insta::assert_snapshot!(stringify!($name), stderr);
        }
    };
}

fault!(
    invalid_yaml,
    "content/startups/x.md",
    "---\ntitle: Essai\nsummary: a: b\n---\n",
    "content/startups/x.md:3:"
);
fault!(
    unclosed_front_matter,
    "content/startups/x.md",
    "---\ntitle: Essai\n\nCorps.\n",
    "content/startups/x.md:1:"
);
fault!(
    missing_front_matter,
    "content/startups/x.md",
    "Juste du texte.\n",
    "content/startups/x.md:1:"
);
fault!(
    empty_file,
    "content/startups/x.md",
    "",
    "content/startups/x.md"
);
fault!(
    blank_file,
    "content/startups/x.md",
    "\n  \n",
    "content/startups/x.md"
);
fault!(
    invalid_utf8,
    "content/startups/x.md",
    b"---\ntitle: Caf\xe9\n---\n",
    "content/startups/x.md:2:"
);
fault!(
    unknown_field,
    "content/startups/x.md",
    entry("websit: https://a.fr"),
    "content/startups/x.md:3:"
);
fault!(
    missing_required_field,
    "content/operators/x.md",
    entry("acronym: X"),
    "content/operators/x.md:1:"
);
fault!(
    missing_title,
    "content/startups/x.md",
    "---\nsummary: Sans titre\n---\n",
    "content/startups/x.md:1:"
);
fault!(
    missing_date_in_news,
    "content/news/sans-date.md",
    entry("author: A"),
    "content/news/sans-date.md:1:"
);
fault!(
    bad_date,
    "content/news/x.md",
    entry("date: 2024-02-30"),
    "content/news/x.md:3:"
);
fault!(
    bad_datetime,
    "content/news/x.md",
    entry("date: 2024-02-01 25:00"),
    "content/news/x.md:3:"
);
fault!(
    string_given_a_list,
    "content/startups/x.md",
    "---\ntitle: [a, b]\n---\n",
    "content/startups/x.md:2:"
);
fault!(
    int_given_text,
    "content/startups/x.md",
    entry("employees: douze"),
    "content/startups/x.md:3:"
);
fault!(
    year_given_text,
    "content/startups/x.md",
    entry("founded: deux mille"),
    "content/startups/x.md:3:"
);
fault!(
    bool_given_text,
    "content/startups/x.md",
    entry("listed: peut-être"),
    "content/startups/x.md:3:"
);
fault!(
    date_field_given_text,
    "content/startups/x.md",
    entry("incorporated: hier"),
    "content/startups/x.md:3:"
);
fault!(
    url_without_scheme,
    "content/startups/x.md",
    entry("website: www.acme.example"),
    "content/startups/x.md:3:"
);
fault!(
    bad_email,
    "content/startups/x.md",
    entry("contact: bonjour-at-acme"),
    "content/startups/x.md:3:"
);
fault!(
    enum_typo,
    "content/startups/x.md",
    entry("stage: croisance"),
    "content/startups/x.md:3:"
);
fault!(
    list_given_a_map,
    "content/startups/x.md",
    entry("sectors: {a: b}"),
    "content/startups/x.md:3:"
);
fault!(
    missing_asset,
    "content/startups/x.md",
    entry("image: absent.png\nimage_alt: Rien"),
    "content/startups/x.md:3:"
);
fault!(
    image_without_alt,
    "content/startups/x.md",
    entry("image: acme.png"),
    "content/startups/x.md:3:"
);
fault!(
    markdown_field_given_a_list,
    "content/operators/x.md",
    entry("acronym: X\nwebsite: https://x.fr\nrole: [a]"),
    "content/operators/x.md:5:"
);
fault!(
    dangling_ref,
    "content/startups/x.md",
    entry("institute: inst-b"),
    "content/startups/x.md:3:"
);
fault!(
    dangling_refs,
    "content/institutes/x.md",
    entry("operators: [op-one, op-deux]"),
    "content/institutes/x.md:3:"
);
fault!(
    ref_without_collection,
    "content/news/x.md",
    entry("date: 2024-01-01\nrelated: [acme]"),
    "content/news/x.md:4:"
);
fault!(
    path_traversal_slug,
    "content/startups/x.md",
    entry("slug: ../../etc"),
    "content/startups/x.md:3:"
);
fault!(
    slash_in_slug,
    "content/startups/x.md",
    entry("slug: a/b"),
    "content/startups/x.md:3:"
);
fault!(
    bad_alias,
    "content/startups/x.md",
    entry("aliases: [\"../x\"]"),
    "content/startups/x.md:3:"
);
fault!(
    broken_content_link,
    "content/startups/x.md",
    "---\ntitle: Essai\n---\nVoir [rien](../operators/absent.md).\n",
    "content/startups/x.md:4:"
);
fault!(
    broken_site_link,
    "content/startups/x.md",
    "---\ntitle: Essai\n---\n\nVoir [rien](/start-ups/absent/).\n",
    "content/startups/x.md:5:"
);
fault!(
    unknown_collection_folder,
    "content/startup/x.md",
    entry(""),
    "content/startup/x.md"
);
fault!(
    too_deep,
    "content/news/2024/x.md",
    entry("date: 2024-01-01"),
    "content/news/2024/x.md"
);
fault!(
    template_syntax_error,
    "themes/mini/templates/page.html",
    "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title \n{% endblock %}\n",
    "themes/mini/templates/page.html"
);
fault!(
    template_unknown_variable,
    "themes/mini/templates/page.html",
    "{% extends \"base.html\" %}\n{% block main %}{{ page.nothing_here }}{% endblock %}\n",
    "themes/mini/templates/page.html"
);
fault!(
    missing_i18n_key,
    "themes/mini/i18n/en.toml",
    "home = \"Home\"\n",
    "themes/mini/i18n/en.toml"
);
fault!(
    unknown_site_key,
    "site.toml",
    "titel = \"x\"\nbase_url = \"https://example.org\"\n",
    "site.toml:1:"
);

#[test]
fn duplicate_slugs_name_both_files() {
    let stderr = fails_with(
        |s| {
            s.write("content/startups/autre.md", entry("slug: acme"));
        },
        "content/startups/autre.md",
    );
    assert!(stderr.contains("content/startups/acme.md"), "{stderr}");
    insta::assert_snapshot!(stderr);
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let stderr = fails_with(
        |s| {
            s.write("content/startups/x.md", entry("founded: deux mille"));
            s.write("content/startups/y.md", entry("stage: croisance"));
            s.write("content/news/z.md", "---\ntitle: [\n---\n");
        },
        "content/startups/x.md",
    );
    for place in [
        "content/startups/y.md",
        "content/news/z.md",
        "the site has 3 errors",
    ] {
        assert!(stderr.contains(place), "missing {place}:\n{stderr}");
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_errors() {
    let stderr = fails_with(
        |s| {
            std::os::unix::fs::symlink("..", s.path("content/news/boucle")).unwrap();
        },
        "content/news/boucle",
    );
    assert!(stderr.contains("loop"), "{stderr}");
}

#[test]
fn json_format_lists_diagnostics_for_ci() {
    let site = TestSite::from_fixture("basic");
    site.write("content/startups/x.md", entry("founded: deux mille"));
    let run = site.run(&["build", "--format", "json"]);
    assert_eq!(run.code, 1);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["ok"], false);
    let first = &value["diagnostics"][0];
    assert_eq!(first["severity"], "error");
    assert_eq!(first["span"]["file"], "content/startups/x.md");
    assert_eq!(first["span"]["line"], 3);
    assert_eq!(first["span"]["column"], 1);
}
