//! The search index a build writes: split files the browser client reads,
//! words folded and stemmed, filters as ranges, and a switch to turn it off.
#![allow(clippy::unwrap_used)]

mod common;

use common::TestSite;
use serde_json::Value;

/// The JSON inside `parvisSearch.<kind>(…);` (after the leading arguments).
fn payload(script: &str, kind: &str) -> Value {
    let inner = script
        .trim()
        .strip_prefix(&format!("parvisSearch.{kind}("))
        .and_then(|s| s.strip_suffix(");"))
        .unwrap_or_else(|| panic!("not a {kind} script: {script}"));
    let json = match kind {
        "meta" => inner,
        // `"ac",{…}` or `3,[…]`: the data follows the first comma.
        _ => inner.split_once(',').map(|(_, rest)| rest).unwrap(),
    };
    serde_json::from_str(json).unwrap()
}

#[test]
fn index_is_split_and_covers_entries_and_pages() {
    let site = TestSite::from_fixture("basic");
    site.build();
    let meta = payload(&site.output("search/meta.js"), "meta");
    // 7 published entries and 2 stand-alone pages (drafts and scheduled left out).
    assert_eq!(meta["n"], 9, "{meta}");
    assert_eq!(meta["langs"], serde_json::json!(["fr", "en"]));
    assert!(meta["stop"]["fr"]
        .as_array()
        .unwrap()
        .contains(&Value::from("la")));
    let ranges = meta["ranges"].as_array().unwrap();
    let covered: u64 = ranges
        .iter()
        .map(|r| r[3].as_u64().unwrap() - r[2].as_u64().unwrap())
        .sum();
    assert_eq!(covered, 9, "ranges cover every document once: {ranges:?}");

    // "Acmé Santé": folded words, in the shard of their first two letters.
    let words = payload(&site.output("search/w/ac.js"), "words");
    let acme = &words["acme"];
    assert!(acme.is_array(), "{words}");
    let sante = payload(&site.output("search/w/sa.js"), "words");
    assert!(sante.get("sante").is_some() && sante.get("santé").is_none());

    // The document files hold title, link, collection and language.
    let docs = payload(&site.output("search/d/0.js"), "docs");
    let first = &docs[0];
    assert!(first[0].as_str().unwrap().ends_with('/'));
    assert!(first[1].is_string() && first[2].is_number() && first[3].is_number());
}

#[test]
fn stems_group_inflected_forms() {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/startups/imagerie.md",
        "---\ntitle: Imageries médicales\n---\nUne imagerie médicale.\n",
    );
    site.build();
    let words = payload(&site.output("search/w/im.js"), "words");
    assert_eq!(
        words["imageries"][0], words["imagerie"][0],
        "same stem: {words}"
    );
    let me = payload(&site.output("search/w/me.js"), "words");
    assert_eq!(me["medicales"][0], me["medicale"][0], "same stem: {me}");
}

#[test]
fn search_can_be_turned_off() {
    let site = TestSite::from_fixture("basic");
    let config = site.read("site.toml") + "\n[search]\nenabled = false\n";
    site.write("site.toml", config);
    site.build();
    assert!(!site.path("public/search/meta.js").exists());
    assert!(
        site.path("public/search/index.html").exists(),
        "the page still offers the A–Z lists"
    );
}
