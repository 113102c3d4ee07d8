//! Lists at real size, with the campus theme: a list in a language shows
//! the entries not translated into it, in their original language and
//! marked so (unless the collection turns it off), without adding pages to
//! the sitemap or alternates; a collection's `filters` count the values of
//! the whole list, agree with the term pages, and `cards.js` holds every
//! card of the list with its values.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestSite;
use scraper::{Html, Selector};

/// The relations fixture with declared sector terms and filters on startups.
fn site(startups_extra: &str) -> TestSite {
    let site = TestSite::from_fixture("relations").with_theme("campus");
    let config = site
        .read("site.toml")
        .replace(
            "sectors = { title = { fr = \"Secteurs\", en = \"Sectors\" } }",
            "sectors = { title = { fr = \"Secteurs\", en = \"Sectors\" }, path = { fr = \"secteurs\", en = \"sectors\" }, terms = { \
             imagerie-medicale = { fr = \"Imagerie médicale\", en = \"Medical imaging\" }, \
             dispositifs-medicaux = { fr = \"Dispositifs médicaux\", en = \"Medical devices\" } } }",
        )
        .replace(
            "title = { fr = \"Start-ups\", en = \"Startups\" }\n",
            &format!("title = {{ fr = \"Start-ups\", en = \"Startups\" }}\n{startups_extra}"),
        );
    site.write("site.toml", config);
    site.build();
    site
}

/// (title, link, `lang` of the title) of each card of a page.
fn cards(html: &str) -> Vec<(String, String, Option<String>)> {
    let doc = Html::parse_document(html);
    let link = Selector::parse("article.card a.card__link").unwrap();
    doc.select(&link)
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.value().attr("href").unwrap().to_string(),
                a.value().attr("lang").map(str::to_string),
            )
        })
        .collect()
}

/// The options of a select of the filter: (value, text).
fn options(html: &str, field: &str) -> Vec<(String, String)> {
    let doc = Html::parse_document(html);
    let option = Selector::parse(&format!("select[name={field}] option")).unwrap();
    doc.select(&option)
        .map(|o| {
            let value = o.value().attr("value").unwrap().to_string();
            (value, o.text().collect::<String>())
        })
        .collect()
}

#[test]
fn english_lists_show_the_entries_not_translated_in_french() {
    let site = site("");
    let english = site.output("en/startups/index.html");
    assert_eq!(
        cards(&english),
        [
            (
                "Alpha Optics".into(),
                "../../en/startups/alpha/".into(),
                None
            ),
            (
                "Bêta Photon".into(),
                "../../start-ups/beta/".into(),
                Some("fr".into())
            ),
            (
                "Gamma Hors Sujet".into(),
                "../../start-ups/gamma/".into(),
                Some("fr".into())
            ),
        ]
    );
    assert_eq!(english.matches(">In French</p>").count(), 2, "{english}");
    // No English page is made for them: the sitemap and alternates stay exact.
    let sitemap = site.output("sitemap.xml");
    assert!(!sitemap.contains("en/startups/beta"), "{sitemap}");
    let beta = site.output("start-ups/beta/index.html");
    assert!(!beta.contains("hreflang=\"en\" href="), "{beta}");
    // The French list is as it was.
    let titles: Vec<String> = cards(&site.output("start-ups/index.html"))
        .into_iter()
        .map(|c| c.0)
        .collect();
    assert_eq!(titles, ["Alpha Optique", "Bêta Photon", "Gamma Hors Sujet"]);
}

#[test]
fn a_collection_can_keep_its_lists_to_its_translations() {
    let site = site("show_untranslated = false\n");
    let english = cards(&site.output("en/startups/index.html"));
    assert_eq!(
        english,
        [(
            "Alpha Optics".into(),
            "../../en/startups/alpha/".into(),
            None
        )]
    );
}

#[test]
fn filters_count_the_whole_list_and_agree_with_the_term_pages() {
    let site = site("paginate = 1\nfilters = [\"sectors\", \"institute\"]\n");
    // Page 1 shows one card, but counts the three.
    let english = site.output("en/startups/index.html");
    assert_eq!(cards(&english).len(), 1);
    assert_eq!(
        options(&english, "sectors"),
        [
            ("".into(), "All (3)".into()),
            ("dispositifs-medicaux".into(), "Medical devices (2)".into()),
            ("imagerie-medicale".into(), "Medical imaging (1)".into()),
        ]
    );
    assert_eq!(
        options(&english, "institute"),
        [
            ("".into(), "All (3)".into()),
            ("labo".into(), "Light Laboratory (2)".into()),
        ]
    );
    // The sector's English page lists the French entries filed under it.
    let term = cards(&site.output("en/sectors/medical-devices/index.html"));
    let titles: Vec<&str> = term.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(titles, ["Bêta Photon", "Gamma Hors Sujet"]);
    assert!(english.contains(r#"<a class="tag" href="../sectors/medical-devices/">Medical devices <span class="tag__count">2<"#));
    // And the English cards of French entries name their sectors in English.
    assert!(site
        .output("en/sectors/medical-devices/index.html")
        .contains(r#"<li class="badge">Medical devices</li>"#));
}

#[test]
fn cards_js_holds_every_card_with_its_values() {
    let site = site("paginate = 1\nfilters = [\"sectors\", \"institute\"]\n");
    let script = site.output("en/startups/cards.js");
    let json = script
        .strip_prefix("parvisCards(")
        .and_then(|s| s.strip_suffix(");\n"))
        .unwrap();
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let cards = data["cards"].as_array().unwrap();
    assert_eq!(cards.len(), 3);
    assert_eq!(
        cards[1]["values"],
        serde_json::json!({"sectors": ["dispositifs-medicaux"], "institute": ["labo"]})
    );
    let html = cards[1]["html"].as_str().unwrap();
    assert!(
        html.contains("href=\"\u{e000}start-ups/beta/\" lang=\"fr\" hreflang=\"fr\""),
        "links start from the site root mark: {html}"
    );
    // No cards.js for a collection without filters, and none in the sitemap.
    assert!(!site.path("public/en/news/cards.js").exists());
    assert!(!site.output("sitemap.xml").contains("cards.js"));
}

#[test]
fn a_filter_must_name_a_declared_field_with_short_values() {
    let site = TestSite::from_fixture("relations");
    let config = site.read("site.toml").replace(
        "title = { fr = \"Start-ups\", en = \"Startups\" }\n",
        "title = { fr = \"Start-ups\", en = \"Startups\" }\nfilters = [\"sector\"]\n",
    );
    site.write("site.toml", config);
    let run = site.run(&["build", "--messages", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`filters` names `sector`, which is not a declared field of the collection"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("`sectors`"),
        "did you mean: {}",
        run.stderr
    );
}

#[test]
fn filters_need_the_theme_s_card_template() {
    let site = TestSite::from_fixture("basic");
    site.remove("themes/mini/templates/partials/card.html");
    let config = site
        .read("site.toml")
        .replace("paginate = 2\n", "paginate = 2\nfilters = [\"sectors\"]\n");
    site.write("site.toml", config);
    let run = site.run(&["build", "--messages", "en"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "the list of `startups` has `filters`, which need the theme's template `partials/card.html`"
        ),
        "{}",
        run.stderr
    );
}

/// The HTML written from `start` to the first `end` after it, both
/// included, as the build wrote it (not re-serialized: attributes keep their
/// order).
fn written<'h>(html: &'h str, start: &str, end: &str) -> &'h str {
    let from = html.find(start).unwrap();
    let to = from + html[from..].find(end).unwrap() + end.len();
    &html[from..to]
}

#[test]
fn the_filter_and_an_untranslated_card_as_written() {
    // What visitors and assistive technologies get: the sector links (the
    // control without JavaScript) and the selects (with it), counted over
    // the whole list; a French card with its text marked `lang="fr"` and a
    // visible "In French", its interface words in English.
    let site = site("paginate = 2\nfilters = [\"sectors\", \"institute\"]\n");
    let english = site.output("en/startups/index.html");
    insta::assert_snapshot!(
        "english_filter",
        written(&english, "<div class=\"filter\"", "</form>\n  </div>")
    );
    let french_card = english.find("Bêta Photon").unwrap();
    let card_start = english[..french_card].rfind("<article").unwrap();
    insta::assert_snapshot!(
        "english_card_of_a_french_entry",
        written(&english[card_start..], "<article", "</article>")
    );
}
