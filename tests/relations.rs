//! Relations are shown both ways by the campus theme: an institute's page
//! lists the startups whose `institute` names it and the news whose
//! `related` mention it, in both languages; the startups and the news link
//! back to the institute.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestSite;
use scraper::{Html, Selector};

fn built() -> TestSite {
    let site = TestSite::from_fixture("relations").with_theme("campus");
    site.build();
    site
}

/// The cards of the back-reference sections of a page: (section heading,
/// card title, card link, card `lang` attribute).
fn backref_cards(html: &str) -> Vec<(String, String, String, Option<String>)> {
    let doc = Html::parse_document(html);
    let section = Selector::parse("section.backrefs").unwrap();
    let heading = Selector::parse("h2").unwrap();
    let card = Selector::parse("article.card").unwrap();
    let link = Selector::parse("a.card__link").unwrap();
    let mut out = Vec::new();
    for s in doc.select(&section) {
        let title: String = s.select(&heading).next().unwrap().text().collect();
        for c in s.select(&card) {
            let a = c.select(&link).next().unwrap();
            out.push((
                title.trim().to_string(),
                a.text().collect::<String>().trim().to_string(),
                a.value().attr("href").unwrap().to_string(),
                c.value().attr("lang").map(str::to_string),
            ));
        }
    }
    out
}

fn titles(cards: &[(String, String, String, Option<String>)]) -> Vec<&str> {
    cards.iter().map(|c| c.1.as_str()).collect()
}

#[test]
fn the_institute_page_lists_its_startups_and_the_news_about_it() {
    let site = built();
    let cards = backref_cards(&site.output("instituts/labo/index.html"));
    assert_eq!(
        titles(&cards),
        [
            "Alpha Optique",
            "Bêta Photon",
            "Le laboratoire ouvre ses portes"
        ],
        "startups first (by title), then news: {cards:?}"
    );
    assert_eq!(cards[0].0, "Start-ups rattachées à cet institut");
    assert_eq!(cards[2].0, "Actualités liées");
    assert_eq!(cards[0].2, "../../start-ups/alpha/");
    assert_eq!(cards[2].2, "../../actualites/ouverture/");
    assert!(
        cards.iter().all(|c| c.3.is_none()),
        "all in the page's language"
    );
}

#[test]
fn the_english_institute_page_lists_them_too_with_the_french_ones_marked() {
    let site = built();
    let cards = backref_cards(&site.output("en/institutes/labo/index.html"));
    assert_eq!(
        titles(&cards),
        [
            "Alpha Optics",
            "Bêta Photon",
            "Le laboratoire ouvre ses portes"
        ],
        "{cards:?}"
    );
    assert_eq!(cards[0].0, "Startups linked to this institute");
    assert_eq!(cards[2].0, "Related news");
    assert_eq!(cards[0].2, "../../../en/startups/alpha/");
    assert_eq!(cards[0].3, None, "Alpha has an English version");
    // Untranslated entries are shown in French, and say so for screen readers.
    assert_eq!(cards[1].3.as_deref(), Some("fr"));
    assert_eq!(cards[1].2, "../../../start-ups/beta/");
    assert_eq!(cards[2].3.as_deref(), Some("fr"));
}

#[test]
fn an_unrelated_startup_is_not_listed() {
    let site = built();
    for page in ["instituts/labo/index.html", "en/institutes/labo/index.html"] {
        assert!(!site.output(page).contains("Gamma"), "{page}");
    }
}

#[test]
fn startups_and_news_link_back_to_the_institute() {
    let site = built();
    let startup = site.output("start-ups/alpha/index.html");
    assert!(
        startup.contains(r#"<a href="../../instituts/labo/">Laboratoire Lumière</a>"#),
        "{startup}"
    );
    let english = site.output("en/startups/alpha/index.html");
    assert!(
        english.contains(r#"<a href="../../institutes/labo/">Light Laboratory</a>"#),
        "{english}"
    );
    let news = site.output("actualites/ouverture/index.html");
    assert!(
        news.contains(r#"<a href="../../instituts/labo/">Laboratoire Lumière</a>"#),
        "{news}"
    );
}
