//! What the rest of the web reads (docs/publishing.md): feeds parsed by a real feed
//! parser, the sitemap checked as XML against the sitemaps.org protocol,
//! open data read back by serde_json and the csv crate, `_redirects` and
//! `robots.txt`, all with `base_url` or its `--base-url` override.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::TestSite;
use feed_rs::model::Feed;
use serde_json::Value;
use walkdir::WalkDir;

const BASE: &str = "https://example.org/";
const ATOM_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The fixture with more news: a translated one with links and an image in
/// its text and an `updated` date, and one with a time and an author.
fn site_with_news() -> TestSite {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/news/2024-06-10-rentree.md",
        "---\ntitle: Rentrée\nupdated: 2024-06-20\nimage: img/logo.svg\nimage_alt: Logo\n---\n\
         Voir [Acmé](../startups/acme.md), [l'institut](/instituts/inst-a/) \
         et ![le logo](/img/logo.svg).\n",
    );
    site.write(
        "content/news/2024-06-10-rentree.en.md",
        "---\ntitle: Back to campus\n---\nSee [Acme](../startups/acme.md).\n",
    );
    site.write(
        "content/news/soiree.md",
        "---\ntitle: Soirée\ndate: 2024-06-01T19:30:00+02:00\nauthor: Comité\n---\nUne soirée.\n",
    );
    site
}

fn parse_feed(site: &TestSite, path: &str) -> Feed {
    feed_rs::parser::parse(site.output(path).as_bytes())
        .unwrap_or_else(|e| panic!("{path} is not a valid feed: {e}"))
}

fn titles(feed: &Feed) -> Vec<String> {
    feed.entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.clone())
        .collect()
}

#[test]
fn feeds_are_valid_newest_first_with_absolute_urls() {
    let site = site_with_news();
    site.build();
    for path in ["actualites/atom.xml", "actualites/feed.json"] {
        let feed = parse_feed(&site, path);
        assert_eq!(
            titles(&feed),
            ["Rentrée", "Soirée", "Lancement du campus"],
            "{path}: newest first"
        );
        if path.ends_with(".xml") {
            // JSON Feed has no date of its own.
            assert_eq!(
                feed.updated.map(|d| d.to_rfc3339()).as_deref(),
                Some("2024-06-20T00:00:00+00:00"),
                "{path}: the newest date of its entries, not the build time"
            );
        }
        let [rentree, soiree, lancement] = &feed.entries[..] else {
            panic!("three entries");
        };
        assert_eq!(rentree.links[0].href, format!("{BASE}actualites/rentree/"));
        assert_eq!(
            rentree.published.unwrap().to_rfc3339(),
            "2024-06-10T00:00:00+00:00"
        );
        assert_eq!(
            rentree.updated.unwrap().to_rfc3339(),
            "2024-06-20T00:00:00+00:00"
        );
        assert_eq!(
            soiree.published.unwrap().to_rfc3339(),
            "2024-06-01T17:30:00+00:00",
            "{path}: a written time keeps its offset"
        );
        let authors = |e: &feed_rs::model::Entry| e.authors[0].name.clone().unwrap_or_default();
        assert_eq!(authors(rentree), "Campus de test", "{path}: site title");
        assert_eq!(authors(soiree), "Comité", "{path}: the author field");
        assert_eq!(authors(lancement), "Équipe");
        let content = rentree.content.as_ref().unwrap().body.clone().unwrap();
        for absolute in [
            "href=\"https://example.org/start-ups/acme/\"",
            "href=\"https://example.org/instituts/inst-a/\"",
            "src=\"https://example.org/img/logo.svg\"",
        ] {
            assert!(
                content.contains(absolute),
                "{path}: {absolute} in {content}"
            );
        }
        assert!(!content.contains("\"../"), "{path}: no relative link left");
    }
    let english = parse_feed(&site, "en/news/atom.xml");
    assert_eq!(titles(&english), ["Back to campus"]);
    assert_eq!(english.language.as_deref(), Some("en"));
    let body = english.entries[0].content.as_ref().unwrap().body.clone();
    assert!(body
        .unwrap()
        .contains("href=\"https://example.org/start-ups/acme/\""));
    assert_eq!(
        english.entries[0].authors[0].name.as_deref(),
        Some("Test campus"),
        "the site title in the entry's language"
    );
}

#[test]
fn every_page_head_links_its_language_feeds() {
    let site = site_with_news();
    site.build();
    for (page, prefix) in [
        ("index.html", ""),
        ("start-ups/acme/index.html", "../../"),
        ("404.html", "/"),
    ] {
        let html = site.output(page);
        for (kind, file) in [
            ("application/atom+xml", "atom.xml"),
            ("application/feed+json", "feed.json"),
        ] {
            let link = format!(
                "<link rel=\"alternate\" type=\"{kind}\" title=\"Actualités · Campus de test\" href=\"{prefix}actualites/{file}\">"
            );
            assert!(html.contains(&link), "{page} lacks {link}");
        }
    }
    let english = site.output("en/operators/op-one/index.html");
    assert!(
        english.contains("type=\"application/atom+xml\" title=\"News · Test campus\" href=\"../../news/atom.xml\""),
        "{english}"
    );
}

#[test]
fn feed_count_and_collections_come_from_site_toml() {
    let site = site_with_news();
    let config = site.read("site.toml");
    site.write("site.toml", format!("{config}\n[feeds]\ncount = 2\n"));
    site.build();
    let feed = parse_feed(&site, "actualites/atom.xml");
    assert_eq!(titles(&feed), ["Rentrée", "Soirée"]);

    site.write(
        "site.toml",
        format!("{config}\n[feeds]\ncollections = []\n"),
    );
    site.build();
    assert!(!site.path("public/actualites/atom.xml").exists());
    assert!(!site.output("index.html").contains("application/atom+xml"));

    site.write("site.toml", format!("{config}\n[feeds]\ncolections = []\n"));
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("vouliez-vous dire `collections` ?"),
        "{}",
        run.stderr
    );
}

/// One `<url>` of a sitemap.
#[derive(Debug)]
struct SitemapUrl {
    loc: String,
    lastmod: Option<String>,
    /// hreflang → href.
    alternates: BTreeMap<String, String>,
}

/// Parses a `<urlset>`, checking its namespace.
fn parse_urlset(text: &str) -> Vec<SitemapUrl> {
    let doc = roxmltree::Document::parse(text).expect("the sitemap is well-formed XML");
    let root = doc.root_element();
    assert!(
        root.has_tag_name((ATOM_NS, "urlset")),
        "{:?}",
        root.tag_name()
    );
    root.children()
        .filter(|n| n.is_element())
        .map(|url| {
            assert!(url.has_tag_name((ATOM_NS, "url")));
            let child = |name: &str| {
                url.children()
                    .find(|n| n.has_tag_name((ATOM_NS, name)))
                    .and_then(|n| n.text())
                    .map(str::to_string)
            };
            let alternates = url
                .children()
                .filter(|n| n.has_tag_name((XHTML_NS, "link")))
                .map(|n| {
                    assert_eq!(n.attribute("rel"), Some("alternate"));
                    let lang = n.attribute("hreflang").unwrap().to_string();
                    (lang, n.attribute("href").unwrap().to_string())
                })
                .collect();
            SitemapUrl {
                loc: child("loc").expect("every url has a loc"),
                lastmod: child("lastmod"),
                alternates,
            }
        })
        .collect()
}

fn is_w3c_date(text: &str) -> bool {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok()
        || chrono::DateTime::parse_from_rfc3339(text).is_ok()
}

/// Every page of the output as its absolute URL, alias redirects and the
/// search pages (results of a query, not content) left out.
fn public_pages(out: &Path) -> BTreeSet<String> {
    WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_name() == "index.html")
        .filter(|e| !e.path().parent().unwrap().ends_with("search"))
        .filter(|e| {
            !std::fs::read_to_string(e.path())
                .unwrap()
                .contains("http-equiv=\"refresh\"")
        })
        .map(|e| {
            let dir = e.path().parent().unwrap().strip_prefix(out).unwrap();
            let dir = dir.to_string_lossy();
            if dir.is_empty() {
                BASE.to_string()
            } else {
                format!("{BASE}{dir}/")
            }
        })
        .collect()
}

#[test]
fn sitemap_lists_every_public_page_as_the_protocol_requires() {
    let site = site_with_news();
    site.build();
    let urls = parse_urlset(&site.output("sitemap.xml"));
    let locs: BTreeSet<String> = urls.iter().map(|u| u.loc.clone()).collect();
    assert_eq!(locs.len(), urls.len(), "no address twice");
    assert_eq!(locs, public_pages(&site.path("public")));
    assert!(!locs
        .iter()
        .any(|l| l.contains("qui-sommes-nous") || l.contains("404")));
    for url in &urls {
        assert!(url.loc.starts_with(BASE) && url.loc.len() < 2048, "{url:?}");
        if let Some(lastmod) = &url.lastmod {
            assert!(is_w3c_date(lastmod), "{url:?}");
        }
    }
    let by_loc: BTreeMap<&str, &SitemapUrl> = urls.iter().map(|u| (u.loc.as_str(), u)).collect();
    let rentree = by_loc[&*format!("{BASE}actualites/rentree/")];
    assert_eq!(rentree.lastmod.as_deref(), Some("2024-06-20"));
    let soiree = by_loc[&*format!("{BASE}actualites/soiree/")];
    assert_eq!(soiree.lastmod.as_deref(), Some("2024-06-01T19:30:00+02:00"));
    assert_eq!(
        rentree.alternates.get("en").map(String::as_str),
        Some(&*format!("{BASE}en/news/rentree/"))
    );
    check_alternates_are_reciprocal(&urls, &by_loc);
}

/// Each alternate is listed itself and points back; `x-default` is the
/// French version.
fn check_alternates_are_reciprocal(urls: &[SitemapUrl], by_loc: &BTreeMap<&str, &SitemapUrl>) {
    let mut checked = 0;
    for url in urls.iter().filter(|u| !u.alternates.is_empty()) {
        let own_lang = url
            .alternates
            .iter()
            .find(|(lang, href)| *href == &url.loc && *lang != "x-default")
            .map(|(lang, _)| lang.clone())
            .unwrap_or_else(|| panic!("{} does not list itself", url.loc));
        assert_eq!(url.alternates.get("x-default"), url.alternates.get("fr"));
        for (lang, href) in url.alternates.iter().filter(|(l, _)| *l != "x-default") {
            let other = by_loc
                .get(href.as_str())
                .unwrap_or_else(|| panic!("{href} ({lang}) is not in the sitemap"));
            assert_eq!(
                other.alternates.get(&own_lang),
                Some(&url.loc),
                "{href} does not point back to {}",
                url.loc
            );
            checked += 1;
        }
    }
    assert!(checked > 10, "alternates were checked ({checked})");
}

#[test]
fn sitemap_becomes_an_index_past_the_limit() {
    use parvis::output::sitemap::{sitemaps, MAX_URLS};
    let site = site_with_news();
    let root = site.root.canonicalize().unwrap();
    let config = parvis::config::Config::load(&root).unwrap();
    let loaded = parvis::content::load(&root, &config);
    let options = parvis::site::BuildOptions {
        drafts: false,
        scheduled: false,
        today: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
    };
    let (model, problems) =
        parvis::site::Site::assemble(config, &root, &loaded, Default::default(), &options);
    assert!(!problems.iter().any(|p| p.is_error()), "{problems:?}");

    let whole = sitemaps(&model, MAX_URLS);
    assert_eq!(whole.len(), 1);
    let all: Vec<String> = parse_urlset(std::str::from_utf8(&whole[0].bytes).unwrap())
        .into_iter()
        .map(|u| u.loc)
        .collect();

    let split = sitemaps(&model, 5);
    assert_eq!(split[0].path, "sitemap.xml");
    let index_text = std::str::from_utf8(&split[0].bytes).unwrap();
    let index = roxmltree::Document::parse(index_text).unwrap();
    assert!(index.root_element().has_tag_name((ATOM_NS, "sitemapindex")));
    let parts: Vec<&str> = index
        .descendants()
        .filter(|n| n.has_tag_name((ATOM_NS, "loc")))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(parts.len(), all.len().div_ceil(5));
    assert_eq!(split.len(), parts.len() + 1);
    let mut joined = Vec::new();
    for (n, (loc, file)) in parts.iter().zip(&split[1..]).enumerate() {
        assert_eq!(*loc, format!("{BASE}sitemap-{}.xml", n + 1));
        assert_eq!(file.path, format!("sitemap-{}.xml", n + 1));
        let urls = parse_urlset(std::str::from_utf8(&file.bytes).unwrap());
        assert!(!urls.is_empty() && urls.len() <= 5);
        joined.extend(urls.into_iter().map(|u| u.loc));
    }
    assert_eq!(joined, all, "the parts hold every address once, in order");
}

fn read_json(site: &TestSite, path: &str) -> Value {
    serde_json::from_str(&site.output(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The CSV as header + records, read by the csv crate.
fn read_csv(site: &TestSite, path: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = site.output(path);
    assert!(text.ends_with("\r\n"), "{path}: CRLF line ends (RFC 4180)");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn open_data_matches_the_content_without_private_fields() {
    let site = TestSite::from_fixture("basic");
    let config = site.read("site.toml").replace(
        "contact = { type = \"email\" }",
        "contact = { type = \"email\", private = true }",
    );
    site.write("site.toml", config);
    site.build();

    let json = read_json(&site, "data/startups.json");
    assert_eq!(json["collection"], "startups");
    assert_eq!(json["language"], "fr");
    let names: Vec<&str> = json["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    for expected in [
        "slug",
        "lang",
        "title",
        "url",
        "date",
        "website",
        "sectors",
        "institute",
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
    assert!(!names.contains(&"contact"), "a private field stays out");
    let entries = json["entries"].as_array().unwrap();
    let slugs: Vec<&str> = entries
        .iter()
        .map(|e| e["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["acme", "bio-ex", "delta"], "drafts stay out");
    let acme = &entries[0];
    assert_eq!(acme["title"], "Acmé Santé");
    assert_eq!(acme["url"], format!("{BASE}start-ups/acme/"));
    assert_eq!(acme["website"], "https://acme.example");
    assert_eq!(acme["sectors"], serde_json::json!(["IA", "Imagerie"]));
    assert_eq!(acme["founded"], 2021);
    assert_eq!(acme["listed"], false);
    assert_eq!(acme["incorporated"], "2021-03-04");
    assert_eq!(acme["institute"], "inst-a", "refs as slugs");
    assert!(acme.get("contact").is_none());
    assert_eq!(entries[2]["website"], Value::Null);

    let (header, rows) = read_csv(&site, "data/startups.csv");
    assert_eq!(header, names, "CSV and JSON have the same columns");
    assert_eq!(rows.len(), entries.len());
    let cell =
        |row: &Vec<String>, name: &str| row[header.iter().position(|h| h == name).unwrap()].clone();
    assert_eq!(cell(&rows[0], "title"), "Acmé Santé");
    assert_eq!(cell(&rows[0], "sectors"), "IA|Imagerie");
    assert_eq!(cell(&rows[0], "employees"), "12");
    assert_eq!(cell(&rows[2], "institute"), "");
    for file in ["startups.json", "startups.csv"] {
        assert!(!site
            .output(&format!("data/{file}"))
            .contains("bonjour@acme.example"));
    }

    let news = read_json(&site, "data/news.json");
    assert_eq!(
        news["entries"][0]["related"],
        serde_json::json!(["startups/acme", "institutes/inst-a"]),
        "refs without `to` name their collection"
    );
    let operators = read_json(&site, "data/operators.en.json");
    assert_eq!(operators["language"], "en");
    assert_eq!(operators["entries"][0]["title"], "Operator One");
    assert_eq!(operators["entries"][0]["lang"], "en");
    let (_, english_rows) = read_csv(&site, "data/operators.en.csv");
    assert_eq!(english_rows.len(), 1);
    assert!(
        !site.path("public/data/startups.en.json").exists(),
        "no English file without English entries"
    );
}

#[test]
fn base_url_override_reaches_redirects_robots_sitemap_feeds_and_data() {
    let site = site_with_news();
    let run = site.run(&["build", "--base-url", "https://preview.example/portail/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let base = "https://preview.example/portail/";

    let redirects = site.output("_redirects");
    let rules: Vec<&str> = redirects
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .collect();
    assert_eq!(rules, ["/portail/qui-sommes-nous/ /portail/a-propos/ 301"]);
    assert_eq!(
        site.output("robots.txt"),
        format!("User-agent: *\nDisallow:\n\nSitemap: {base}sitemap.xml\n")
    );
    for url in parse_urlset(&site.output("sitemap.xml")) {
        assert!(url.loc.starts_with(base), "{}", url.loc);
        assert!(url.alternates.values().all(|h| h.starts_with(base)));
    }
    let feed = parse_feed(&site, "actualites/atom.xml");
    assert!(feed.entries[0].links[0].href.starts_with(base));
    let content = feed.entries[0].content.as_ref().unwrap().body.clone();
    assert!(content
        .unwrap()
        .contains(&format!("href=\"{base}start-ups/acme/\"")));
    let data = read_json(&site, "data/startups.json");
    assert_eq!(data["entries"][0]["url"], format!("{base}start-ups/acme/"));
}

#[test]
fn a_site_file_is_kept_over_a_generated_one_with_a_warning() {
    let site = TestSite::from_fixture("basic");
    site.write(
        "assets/robots.txt",
        "User-agent: *\nDisallow: /brouillons/\n",
    );
    let run = site.build();
    assert_eq!(
        site.output("robots.txt"),
        "User-agent: *\nDisallow: /brouillons/\n"
    );
    assert!(
        run.stderr
            .contains("`/robots.txt` : le site a son propre fichier à cet endroit"),
        "{}",
        run.stderr
    );
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralized() {
    let site = TestSite::from_fixture("basic");
    let title = "=HYPERLINK(\"http://x.example\",\"Cliquez ici\")";
    site.write(
        "content/startups/formule.md",
        format!("---\ntitle: '{title}'\nsectors: [IA]\nwebsite: https://formule.example\n---\n"),
    );
    site.write(
        "content/startups/moins.md",
        "---\ntitle: \"-2+3\"\nemployees: -4\n---\n",
    );
    site.build();
    let (header, rows) = read_csv(&site, "data/startups.csv");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |slug: &str| rows.iter().find(|r| r[0] == slug).unwrap().clone();
    assert_eq!(row("formule")[column("title")], format!("'{title}"));
    assert_eq!(row("moins")[column("title")], "'-2+3");
    assert_eq!(
        row("moins")[column("employees")],
        "-4",
        "numbers stay numbers"
    );
    let json = read_json(&site, "data/startups.json");
    let entries = json["entries"].as_array().unwrap();
    let formule = entries.iter().find(|e| e["slug"] == "formule").unwrap();
    assert_eq!(formule["title"], title, "JSON keeps the exact value");
}
