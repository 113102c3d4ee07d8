#![allow(clippy::unwrap_used)]
//! Every kind of bad input (content, site.toml, templates, interface words)
//! and every field-type mismatch: the build exits with 1, names the right
//! file and line, shows a reviewed message in French (the fixture's
//! language) and in English (snapshots `@fr` and `@en`), and leaves the
//! previous output byte for byte as it was.

mod common;

use common::{snapshot_tree, TestSite};

/// What a failed build printed, in each language.
struct Failure {
    fr: String,
    en: String,
}

/// Builds the `basic` fixture once, applies `change`, builds again in
/// French then in English and checks both failures.
fn fails_with(change: impl FnOnce(&TestSite), expected_place: &str) -> Failure {
    let site = TestSite::from_fixture("basic");
    site.build();
    change(&site);
    fails_again(&site, &[], expected_place)
}

/// Builds `site` (already built once, then broken) with `args` in both
/// languages; each build must fail with exit code 1, name
/// `expected_place` and leave the previous output as it was.
fn fails_again(site: &TestSite, args: &[&str], expected_place: &str) -> Failure {
    let before = snapshot_tree(&site.path("public"));
    let run = |extra: &[&str]| {
        let all: Vec<&str> = ["build"].iter().chain(args).chain(extra).copied().collect();
        let run = site.run(&all);
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
    };
    Failure {
        fr: run(&[]),
        en: run(&["--messages", "en"]),
    }
}

/// Snapshots `name@fr` and `name@en`.
fn assert_snapshots(name: &str, failure: &Failure) {
    insta::with_settings!({snapshot_suffix => "fr"}, {
        insta::assert_snapshot!(name, failure.fr);
    });
    insta::with_settings!({snapshot_suffix => "en"}, {
        insta::assert_snapshot!(name, failure.en);
    });
}

fn entry(front: &str) -> String {
    format!("---\ntitle: Essai\n{front}\n---\nCorps du texte.\n")
}

macro_rules! fault {
    ($name:ident, $file:expr, $content:expr, $place:expr) => {
        #[test]
        fn $name() {
            let failure = fails_with(
                |s| {
                    s.write($file, $content);
                },
                $place,
            );
            assert_snapshots(stringify!($name), &failure);
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

// Taxonomy terms: the fixture's `sectors` declares its terms.
fault!(
    unknown_term,
    "content/startups/x.md",
    entry("sectors: [IA, Imagerie medicale]"),
    "content/startups/x.md:3:"
);
fault!(
    terms_in_one_string,
    "content/startups/x.md",
    entry("sectors: IA, Imagerie"),
    "content/startups/x.md:3:"
);

// Values are trimmed, and one still wrong is quoted, even long.
fault!(
    url_still_wrong_after_trimming,
    "content/startups/x.md",
    entry(
        "website: \"  www.acme.example/une-adresse-assez-longue/pour-depasser-quarante-signes \""
    ),
    "content/startups/x.md:3:"
);

// Suggestions of the same kind only.
fault!(
    field_suggestion_follows_the_value,
    "content/startups/x.md",
    entry("site: https://acme.example"),
    "content/startups/x.md:3:"
);
fault!(
    asset_path_written_from_assets,
    "content/startups/x.md",
    entry("image: assets/img/logo.svg\nimage_alt: Logo"),
    "content/startups/x.md:3:"
);

// YAML that would cost too much to read says so.
fault!(
    yaml_alias_bomb,
    "content/startups/x.md",
    alias_bomb(),
    "content/startups/x.md:"
);
fault!(
    yaml_nested_too_deep,
    "content/startups/x.md",
    format!(
        "---\ntitle: Essai\nsummary: {}{}\n---\n",
        "[".repeat(200),
        "]".repeat(200)
    ),
    "content/startups/x.md:3:"
);

/// A "billion laughs" front matter: each line repeats the previous ten times.
fn alias_bomb() -> String {
    let mut text = String::from("---\ntitle: Essai\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h"];
    for pair in names.windows(2) {
        let items = vec![format!("*{}", pair[0]); 10].join(", ");
        text.push_str(&format!("{}: &{} [{items}]\n", pair[1], pair[1]));
    }
    text.push_str("---\n");
    text
}

#[test]
fn a_term_written_two_ways_names_both_files() {
    // The news fixture has `tags: [ia, événement]`; tags are an open taxonomy.
    let failure = fails_with(
        |s| {
            s.write("content/startups/x.md", entry("tags: [Evenement]"));
        },
        "content/startups/x.md:3:",
    );
    assert!(
        failure.fr.contains("content/news/2024-05-01-lancement.md"),
        "{}",
        failure.fr
    );
    assert_snapshots("a_term_written_two_ways_names_both_files", &failure);
}

#[test]
fn declared_terms_need_a_label_in_every_language() {
    let failure = fails_with(
        |s| {
            let config = s
                .read("site.toml")
                .replace("biotech = \"Biotech\"", "biotech = { fr = \"Biotech\" }");
            s.write("site.toml", config);
        },
        "site.toml:",
    );
    assert_snapshots("declared_terms_need_a_label_in_every_language", &failure);
}

#[test]
fn more_languages_than_a_build_can_hold() {
    let failure = fails_with(
        |s| {
            let languages: String = (0..99)
                .map(|i| format!("[languages.l{i:02}]\ntitle = \"Campus {i}\"\n"))
                .collect();
            let config = s
                .read("site.toml")
                .replace("[taxonomies]", &format!("{languages}\n[taxonomies]"));
            s.write("site.toml", config);
        },
        // fr, en, then l00 to l98: the 101st is l98.
        "site.toml:207:1",
    );
    assert_snapshots("more_languages_than_a_build_can_hold", &failure);
}

#[test]
fn base_url_flag_is_checked_like_site_toml() {
    let site = TestSite::from_fixture("basic");
    site.build();
    let before = snapshot_tree(&site.path("public"));
    let run = |extra: &[&str]| {
        let mut args = vec!["build", "--base-url", "example.org/portail"];
        args.extend(extra);
        let run = site.run(&args);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(before == snapshot_tree(&site.path("public")));
        run.stderr
    };
    let failure = Failure {
        fr: run(&[]),
        en: run(&["--messages", "en"]),
    };
    assert!(failure.en.contains("`--base-url`"), "{}", failure.en);
    assert_snapshots("base_url_flag_is_checked_like_site_toml", &failure);
    // The same check as `base_url` in site.toml, with the same words.
    let config = site
        .read("site.toml")
        .replace("https://example.org/", "example.org/portail");
    site.write("site.toml", config);
    let from_toml = site.run(&["build"]);
    assert_eq!(from_toml.code, 1);
    assert!(
        from_toml.stderr.contains("`example.org/portail`"),
        "{}",
        from_toml.stderr
    );
}

#[test]
fn duplicate_slugs_name_both_files() {
    let failure = fails_with(
        |s| {
            s.write("content/startups/autre.md", entry("slug: acme"));
        },
        "content/startups/autre.md",
    );
    assert!(
        failure.fr.contains("content/startups/acme.md"),
        "{}",
        failure.fr
    );
    assert_snapshots("duplicate_slugs_name_both_files", &failure);
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let failure = fails_with(
        |s| {
            s.write("content/startups/x.md", entry("founded: deux mille"));
            s.write("content/startups/y.md", entry("stage: croisance"));
            s.write("content/news/z.md", "---\ntitle: [\n---\n");
        },
        "content/startups/x.md",
    );
    for (stderr, summary) in [
        (&failure.fr, "le site a 3 erreurs"),
        (&failure.en, "the site has 3 errors"),
    ] {
        for place in ["content/startups/y.md", "content/news/z.md", summary] {
            assert!(stderr.contains(place), "missing {place}:\n{stderr}");
        }
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_errors() {
    let failure = fails_with(
        |s| {
            std::os::unix::fs::symlink("..", s.path("content/news/boucle")).unwrap();
        },
        "content/news/boucle",
    );
    assert!(failure.fr.contains("boucle de liens"), "{}", failure.fr);
    assert!(failure.en.contains("loop"), "{}", failure.en);
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
    assert_eq!(first["code"], "expected-year");
    assert_eq!(first["span"]["file"], "content/startups/x.md");
    assert_eq!(first["span"]["line"], 3);
    assert_eq!(first["span"]["column"], 1);
    let message = first["message"].as_str().unwrap();
    assert!(message.contains("attend une année"), "{message}");
    assert!(first["hint"].as_str().unwrap().contains("2021"));
    let english = site.run(&["build", "--format", "json", "--messages", "en"]);
    let value: serde_json::Value = serde_json::from_str(&english.stdout).unwrap();
    let message = value["diagnostics"][0]["message"].as_str().unwrap();
    assert!(message.contains("expected a year"), "{message}");
}

#[test]
fn a_root_without_a_site_is_named_in_the_editors_words() {
    let site = TestSite::from_fixture("basic");
    site.write("vide/lisez-moi.txt", "pas un site");
    for (name, root) in [
        ("root_folder_missing", "sit"),
        ("root_without_site_toml", "vide"),
    ] {
        let run = |extra: &[&str]| {
            let mut args = vec!["build", "--root", root];
            args.extend(extra);
            let run = site.run(&args);
            assert_eq!(run.code, 1, "{}", run.stderr);
            assert!(!run.stderr.contains("os error"), "{}", run.stderr);
            run.stderr
        };
        let failure = Failure {
            fr: run(&[]),
            en: run(&["--messages", "en"]),
        };
        assert_snapshots(name, &failure);
    }
    assert!(!site.path("sit").exists() && !site.path("vide/public").exists());
}
