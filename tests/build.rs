//! Building fixture sites end to end: every content form, every field
//! type, the command-line flags, the output's safety rules, determinism,
//! and snapshots of representative pages.
#![allow(clippy::unwrap_used)]

mod common;

use common::{snapshot_tree, TestSite};

#[test]
fn builds_every_content_form() {
    let site = TestSite::from_fixture("basic");
    let run = site.build();
    assert!(
        run.stdout.starts_with("Site construit : "),
        "one-line summary expected, in the site's language: {}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 1);
    for page in [
        "index.html",                      // content/_index.md
        "en/index.html",                   // content/_index.en.md
        "a-propos/index.html",             // stand-alone page
        "en/about/index.html",             // its translation, with its own slug
        "start-ups/acme/index.html",       // Markdown entry
        "start-ups/bio-ex/index.html",     // YAML entry
        "actualites/lancement/index.html", // date-prefixed name
        "en/operators/op-one/index.html",  // translated entry
        "start-ups/index.html",            // list
        "start-ups/page/2/index.html",     // its second page
        "tags/index.html",                 // taxonomy index
        "sectors/imagerie/index.html",     // term of a taxonomy fed by a field
        "qui-sommes-nous/index.html",      // alias
        "404.html",
        "startups/acme.png", // file next to an entry
        "img/logo.svg",      // assets/
    ] {
        assert!(site.path("public").join(page).is_file(), "missing {page}");
    }
    let date_prefixed = site.output("actualites/lancement/index.html");
    assert!(
        date_prefixed.contains("<time>2024-05-01</time>"),
        "date from the file name"
    );
    assert!(
        site.output("actualites/index.html")
            .contains("Les nouvelles du campus."),
        "list intro from _index.md"
    );
}

#[test]
fn ignores_hidden_private_and_backup_files() {
    let site = TestSite::from_fixture("basic");
    let broken = "---\ntitle: [\n";
    for name in [
        ".cache.md",
        "_brouillon.md",
        "acme.md~",
        "#acme.md#",
        ".acme.md.swp",
    ] {
        site.write(&format!("content/startups/{name}"), broken);
    }
    site.write("content/_prive/x.md", broken);
    site.build();
    assert!(!site.path("public/start-ups/brouillon").exists());
}

#[test]
fn accepts_bom_and_crlf() {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/startups/crlf.md",
        "\u{feff}---\r\ntitle: Fin de ligne\r\nfounded: 2020\r\n---\r\nTexte.\r\n",
    );
    site.build();
    assert!(site
        .output("start-ups/crlf/index.html")
        .contains("<dd>2020</dd>"));
}

#[test]
fn every_field_type_is_shown() {
    let site = TestSite::from_fixture("basic");
    site.build();
    let acme = site.output("start-ups/acme/index.html");
    for shown in [
        "<dt>website</dt><dd>https://acme.example</dd>", // url
        "<dt>contact</dt><dd>bonjour@acme.example</dd>", // email
        "<dt>founded</dt><dd>2021</dd>",                 // year
        "<dt>employees</dt><dd>12</dd>",                 // int
        "<dt>listed</dt><dd>false</dd>",                 // bool
        "<dt>incorporated</dt><dd>2021-03-04</dd>",      // date
        "<dt>stage</dt><dd>croissance</dd>",             // enum
        "<dt>sectors</dt><dd>IA Imagerie </dd>",         // list
        "<a href=\"../../instituts/inst-a/\">Institut A</a>", // ref
        "<img src=\"../../startups/acme.png\" alt=\"Logo d&#39;Acmé\">", // asset beside the entry
    ] {
        assert!(acme.contains(shown), "missing {shown} in\n{acme}");
    }
    let op = site.output("operateurs/op-one/index.html");
    assert!(
        op.contains("Coordonne la <strong>recherche</strong>"),
        "markdown field rendered:\n{op}"
    );
    assert!(
        op.contains("href=\"../../instituts/inst-a/\""),
        "link in a markdown field rewritten:\n{op}"
    );
    let inst = site.output("instituts/inst-a/index.html");
    assert!(
        inst.contains("<a href=\"../../operateurs/op-one/\">Opérateur Un</a>"),
        "refs:\n{inst}"
    );
}

#[test]
fn relations_are_shown_both_ways() {
    let site = TestSite::from_fixture("basic");
    site.build();
    let inst = site.output("instituts/inst-a/index.html");
    assert!(
        inst.contains("(institute)"),
        "startups pointing at the institute:\n{inst}"
    );
    assert!(inst.contains("../../start-ups/acme/") && inst.contains("../../start-ups/bio-ex/"));
    assert!(
        inst.contains("(related)") && inst.contains("../../actualites/lancement/"),
        "news mentioning it"
    );
    let op = site.output("en/operators/op-one/index.html");
    assert!(
        op.contains("../../../instituts/inst-a/"),
        "an English page falls back on the French referrer:\n{op}"
    );
}

#[test]
fn drafts_and_scheduled_entries_are_left_out_unless_asked() {
    let site = TestSite::from_fixture("basic");
    site.build();
    assert!(!site.path("public/start-ups/cardio").exists());
    assert!(!site.path("public/actualites/futur").exists());
    site.run(&["build", "--drafts"]);
    assert!(site.path("public/start-ups/cardio/index.html").exists());
    assert!(
        !site.path("public/actualites/futur").exists(),
        "scheduled stays out even with --drafts"
    );
}

#[test]
fn base_url_flag_overrides_site_toml() {
    let site = TestSite::from_fixture("basic");
    let run = site.run(&["build", "--base-url", "https://preview.example/pr-7/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = site.output("start-ups/acme/index.html");
    assert!(
        page.contains(
            "<link rel=\"canonical\" href=\"https://preview.example/pr-7/start-ups/acme/\">"
        ),
        "{page}"
    );
}

#[test]
fn quiet_verbose_and_json() {
    let site = TestSite::from_fixture("basic");
    let quiet = site.run(&["build", "--quiet"]);
    assert_eq!(
        (quiet.code, quiet.stdout.as_str(), quiet.stderr.as_str()),
        (0, "", "")
    );
    let verbose = site.run(&["build", "--verbose"]);
    assert!(
        verbose.stderr.contains("render + write"),
        "{}",
        verbose.stderr
    );
    let json = site.run(&["build", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["ok"], true);
    assert!(value["pages"].as_u64().unwrap() > 20);
    let usage = site.run(&["build", "--no-such-flag"]);
    assert_eq!(usage.code, 2, "bad usage exits with 2");
    let english = site.run(&["build", "--messages", "en"]);
    assert!(english.stdout.starts_with("Built "), "{}", english.stdout);
}

#[test]
fn out_flag_and_refusals() {
    let site = TestSite::from_fixture("basic");
    let elsewhere = site.root.parent().unwrap().join("ailleurs");
    let run = site.run(&["build", "--out", elsewhere.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(elsewhere.join("index.html").is_file());
    assert!(!site.path("public").exists());

    for bad in ["content", ".", "content/news"] {
        let run = site.run(&["build", "--out", bad]);
        assert_eq!(run.code, 1, "--out {bad} must be refused");
        assert!(run.stderr.contains("refuse d'écrire"), "{}", run.stderr);
    }
    site.write("themes-copie/keep.txt", "précieux");
    let run = site.run(&["build", "--out", "themes-copie"]);
    assert_eq!(
        run.code, 1,
        "a non-empty folder without the marker is refused"
    );
    assert_eq!(site.read("themes-copie/keep.txt"), "précieux");
    assert!(site.path("content/startups/acme.md").is_file());
}

#[test]
fn output_is_byte_identical_across_builds() {
    let a = TestSite::from_fixture("basic");
    a.build();
    let first = snapshot_tree(&a.path("public"));
    for published in [
        "actualites/atom.xml",
        "actualites/feed.json",
        "sitemap.xml",
        "robots.txt",
        "data/startups.json",
        "data/startups.csv",
        "data/operators.en.json",
        "_redirects",
    ] {
        assert!(first.contains_key(published), "{published} is compared too");
    }
    a.build();
    assert!(
        first == snapshot_tree(&a.path("public")),
        "a rebuild changed the output"
    );
    let b = TestSite::from_fixture("basic");
    b.build();
    assert!(
        first == snapshot_tree(&b.path("public")),
        "another folder gave other bytes"
    );
}

#[test]
fn files_links_style_names_index_html() {
    let site = TestSite::from_fixture("basic");
    let config = site
        .read("site.toml")
        .replace("theme = \"mini\"", "theme = \"mini\"\nlinks = \"files\"");
    site.write("site.toml", config);
    site.build();
    let page = site.output("start-ups/acme/index.html");
    assert!(
        page.contains("href=\"../../instituts/inst-a/index.html\""),
        "{page}"
    );
    assert!(page.contains("href=\"../../index.html\""), "{page}");
    assert!(!page.contains("href=\"../\""), "{page}");
}

#[test]
fn raw_html_is_sanitized_unless_allowed() {
    let site = TestSite::from_fixture("basic");
    let body = "---\ntitle: HTML\n---\n<div onclick=\"alert(1)\">ok</div>\n\n<script>alert(2)</script>\n\n<a href=\"javascript:alert(3)\">x</a>\n";
    site.write("content/startups/html.md", body);
    site.build();
    let page = site.output("start-ups/html/index.html");
    let content = &page[page.find("<main>").unwrap()..];
    for bad in ["onclick", "<script>alert", "javascript:"] {
        assert!(!content.contains(bad), "{bad} survived:\n{content}");
    }
    let config = site
        .read("site.toml")
        .replace("theme = \"mini\"", "theme = \"mini\"\nunsafe_html = true");
    site.write("site.toml", config);
    site.build();
    assert!(site
        .output("start-ups/html/index.html")
        .contains("<script>alert(2)</script>"));
}

#[test]
fn snapshots_of_representative_pages() {
    let site = TestSite::from_fixture("basic");
    site.build();
    for (name, page) in [
        ("entry", "start-ups/acme/index.html"),
        ("entry_with_backrefs", "instituts/inst-a/index.html"),
        ("news_with_code", "actualites/lancement/index.html"),
        ("english_entry", "en/operators/op-one/index.html"),
        ("home", "index.html"),
        ("list_page_2", "start-ups/page/2/index.html"),
        ("taxonomy", "sectors/index.html"),
        ("term", "tags/ia/index.html"),
        ("alias", "qui-sommes-nous/index.html"),
        ("not_found", "404.html"),
    ] {
        insta::assert_snapshot!(name, site.output(page));
    }
}

#[test]
fn list_pages_link_the_terms_their_entries_use() {
    let site = TestSite::portal();
    site.build();
    let list = site.output("start-ups/index.html");
    let html = scraper::Html::parse_document(&list);
    let selector = scraper::Selector::parse(".filter__terms a").unwrap();
    let links: Vec<String> = html
        .select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    assert!(
        links.len() >= 3,
        "sector links on the startup list: {links:?}"
    );
    for link in &links {
        assert!(link.starts_with("../secteurs/"), "{link}");
        assert!(
            site.path("public/start-ups")
                .join(link)
                .join("index.html")
                .is_file(),
            "{link} exists"
        );
    }
}
