//! Feeds: Atom 1.0 and JSON Feed 1.1 of a collection's newest entries, per
//! language (docs/publishing.md), made in the output stage once the pages are written.
//!
//! Feeds leave the site: readers show them anywhere, so every URL in them,
//! links and images inside the content included, is absolute (from
//! `base_url`): each entry's body, as its page shows it, with its links made
//! absolute.
//! A feed's `updated` is its newest entry's date, never the time of the
//! build, so the same input gives the same bytes. Entries without a date
//! are left out: a feed orders by date.

use std::collections::HashSet;

use serde_json::{json, Value};

use super::{escape_xml, GeneratedFile};
use crate::bodies::{rebase_links, Bodies};
use crate::config::SortBy;
use crate::content::{Document, EntryDate, FieldValue};
use crate::site::feeds::{folder, title, with_feeds, ATOM_FILE, ATOM_TYPE, JSON_FILE};
use crate::site::{EntryId, Site};
use crate::urls;

/// Every feed of the site: for each language and each collection with
/// feeds that has dated entries in it, `atom.xml` and `feed.json`.
pub fn render(site: &Site, bodies: &Bodies) -> Vec<GeneratedFile> {
    let mut files = Vec::new();
    for lang in site.config.language_codes() {
        for collection in with_feeds(site, lang) {
            let items: Vec<Item> = newest(site, collection, lang)
                .into_iter()
                .filter_map(|id| item(site, bodies, id))
                .collect();
            let Some(meta) = meta(site, collection, lang, &items) else {
                continue;
            };
            let folder = folder(site, collection, lang);
            files.push(GeneratedFile::text(
                format!("{folder}{ATOM_FILE}"),
                atom(&meta, &items),
            ));
            files.push(GeneratedFile::text(
                format!("{folder}{JSON_FILE}"),
                json_feed(&meta, &items),
            ));
        }
    }
    files
}

/// Every document whose body some feed shows.
pub fn entries(site: &Site) -> HashSet<EntryId> {
    let mut ids = HashSet::new();
    for lang in site.config.language_codes() {
        for collection in with_feeds(site, lang) {
            ids.extend(newest(site, collection, lang));
        }
    }
    ids
}

/// The dated entries of a collection in `lang`, newest first, as many as
/// `[feeds] count` says.
fn newest(site: &Site, collection: &str, lang: &str) -> Vec<EntryId> {
    let mut ids: Vec<EntryId> = site
        .lists
        .get(collection)
        .and_then(|per_lang| per_lang.get(lang))
        .into_iter()
        .flatten()
        .copied()
        .filter(|&id| site.documents[id].date.is_some())
        .collect();
    site.sort(&mut ids, SortBy::Date);
    ids.truncate(site.config.feeds.count);
    ids
}

/// What a feed says about itself.
struct Meta {
    lang: String,
    title: String,
    /// The collection's list page.
    home: String,
    atom: String,
    json: String,
    /// The newest entry's date.
    updated: EntryDate,
    /// The site's title, author of the feed as a whole.
    author: String,
}

fn meta(site: &Site, collection: &str, lang: &str, items: &[Item]) -> Option<Meta> {
    let updated = items
        .iter()
        .map(|i| i.updated)
        .max_by_key(EntryDate::timestamp)?;
    let base = &site.config.base_url;
    let folder = folder(site, collection, lang);
    Some(Meta {
        lang: lang.to_string(),
        title: title(site, collection, lang),
        home: urls::absolute(base, &folder),
        atom: urls::absolute(base, &format!("{folder}{ATOM_FILE}")),
        json: urls::absolute(base, &format!("{folder}{JSON_FILE}")),
        updated,
        author: site.config.site_title(lang).to_string(),
    })
}

/// One entry of a feed, with absolute URLs.
struct Item {
    url: String,
    title: String,
    published: EntryDate,
    updated: EntryDate,
    author: String,
    /// Full content, HTML.
    content: String,
    /// Plain text.
    summary: String,
    tags: Vec<String>,
    image: Option<String>,
}

fn item(site: &Site, bodies: &Bodies, id: EntryId) -> Option<Item> {
    let doc = &site.documents[id];
    let published = doc.date?;
    let path = site.paths[id].as_str();
    let base = site.config.base_url.as_str();
    let body = bodies.get(id);
    // `updated` before the publication date would confuse readers.
    let updated = doc
        .updated
        .filter(|u| u.timestamp() >= published.timestamp())
        .unwrap_or(published);
    Some(Item {
        url: urls::absolute(base, path),
        title: doc.title.clone(),
        published,
        updated,
        author: author(site, doc),
        content: rebase_links(&body.html, path, |to| urls::absolute(base, to)),
        summary: body.summary_text.clone(),
        tags: doc.tags.clone(),
        image: doc.image.as_ref().map(|p| urls::absolute(base, p)),
    })
}

/// The entry's `author` field when it has one, else the site's title.
fn author(site: &Site, doc: &Document) -> String {
    match doc.fields.get("author").map(|f| &f.value) {
        Some(FieldValue::Text(name)) if !name.trim().is_empty() => name.clone(),
        _ => site.config.site_title(&doc.source.lang).to_string(),
    }
}

fn atom(meta: &Meta, items: &[Item]) -> String {
    let e = escape_xml;
    let mut x = String::with_capacity(1024 + items.len() * 2048);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    x.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        e(&meta.lang)
    ));
    x.push_str(&format!("  <title>{}</title>\n", e(&meta.title)));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"{ATOM_TYPE}\" href=\"{}\"/>\n",
        e(&meta.atom)
    ));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        e(&meta.home)
    ));
    x.push_str(&format!("  <id>{}</id>\n", e(&meta.home)));
    x.push_str(&format!(
        "  <updated>{}</updated>\n",
        meta.updated.rfc3339()
    ));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        e(&meta.author)
    ));
    x.push_str("  <generator>parvis</generator>\n");
    for item in items {
        atom_entry(&mut x, item);
    }
    x.push_str("</feed>\n");
    x
}

fn atom_entry(x: &mut String, item: &Item) {
    let e = escape_xml;
    x.push_str("  <entry>\n");
    x.push_str(&format!("    <title>{}</title>\n", e(&item.title)));
    x.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        e(&item.url)
    ));
    x.push_str(&format!("    <id>{}</id>\n", e(&item.url)));
    x.push_str(&format!(
        "    <published>{}</published>\n",
        item.published.rfc3339()
    ));
    x.push_str(&format!(
        "    <updated>{}</updated>\n",
        item.updated.rfc3339()
    ));
    x.push_str(&format!(
        "    <author><name>{}</name></author>\n",
        e(&item.author)
    ));
    for tag in &item.tags {
        x.push_str(&format!("    <category term=\"{}\"/>\n", e(tag)));
    }
    if let Some(image) = &item.image {
        x.push_str(&format!(
            "    <link rel=\"enclosure\" href=\"{}\"/>\n",
            e(image)
        ));
    }
    if !item.summary.is_empty() {
        x.push_str(&format!(
            "    <summary type=\"text\">{}</summary>\n",
            e(&item.summary)
        ));
    }
    x.push_str(&format!(
        "    <content type=\"html\">{}</content>\n",
        e(&item.content)
    ));
    x.push_str("  </entry>\n");
}

fn json_feed(meta: &Meta, items: &[Item]) -> String {
    let items: Vec<Value> = items.iter().map(json_item).collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": meta.title,
        "home_page_url": meta.home,
        "feed_url": meta.json,
        "language": meta.lang,
        "authors": [{"name": meta.author}],
        "items": items,
    });
    let mut text = serde_json::to_string_pretty(&feed).unwrap_or_default();
    text.push('\n');
    text
}

fn json_item(item: &Item) -> Value {
    let mut value = json!({
        "id": item.url,
        "url": item.url,
        "title": item.title,
        "content_html": item.content,
        "date_published": item.published.rfc3339(),
        "date_modified": item.updated.rfc3339(),
        "authors": [{"name": item.author}],
    });
    if let Value::Object(map) = &mut value {
        if !item.summary.is_empty() {
            map.insert("summary".into(), json!(item.summary));
        }
        if let Some(image) = &item.image {
            map.insert("image".into(), json!(image));
        }
        if !item.tags.is_empty() {
            map.insert("tags".into(), json!(item.tags));
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> EntryDate {
        EntryDate::parse(text).expect("date")
    }

    fn sample() -> (Meta, Vec<Item>) {
        let meta = Meta {
            lang: "fr".into(),
            title: "Actus & co".into(),
            home: "https://example.org/actus/".into(),
            atom: "https://example.org/actus/atom.xml".into(),
            json: "https://example.org/actus/feed.json".into(),
            updated: day("2024-05-02"),
            author: "Campus".into(),
        };
        let item = |slug: &str, date: &str| Item {
            url: format!("https://example.org/actus/{slug}/"),
            title: format!("<{slug}> & co"),
            published: day(date),
            updated: day(date),
            author: "Équipe".into(),
            content: "<p>a <a href=\"https://example.org/x/\">x</a></p>".into(),
            summary: "a x".into(),
            tags: vec!["ia".into()],
            image: None,
        };
        (meta, vec![item("b", "2024-05-02"), item("a", "2024-05-01")])
    }

    #[test]
    fn atom_and_json_parse_as_feeds() {
        let (meta, items) = sample();
        for text in [atom(&meta, &items), json_feed(&meta, &items)] {
            let feed = feed_rs::parser::parse(text.as_bytes()).expect("a valid feed");
            assert_eq!(feed.entries.len(), 2);
            let first = &feed.entries[0];
            assert_eq!(
                first.title.as_ref().map(|t| t.content.as_str()),
                Some("<b> & co")
            );
            assert_eq!(first.links[0].href, "https://example.org/actus/b/");
            assert_eq!(first.authors[0].name.as_deref(), Some("Équipe"));
            if feed.feed_type == feed_rs::model::FeedType::Atom {
                assert_eq!(
                    feed.updated.map(|d| d.to_rfc3339()).as_deref(),
                    Some("2024-05-02T00:00:00+00:00")
                );
            }
        }
    }
}
