//! Feeds as the site model knows them: which collections have feeds in
//! which language, where the files are and what they are called. Page
//! heads link them (render stage); the output stage writes them.

use super::routes::list_page;
use super::Site;

/// File name of the Atom feed, in the collection's folder.
pub const ATOM_FILE: &str = "atom.xml";
/// File name of the JSON feed, in the collection's folder.
pub const JSON_FILE: &str = "feed.json";
/// Media type of Atom.
pub const ATOM_TYPE: &str = "application/atom+xml";
/// Media type of JSON Feed.
pub const JSON_TYPE: &str = "application/feed+json";

/// A feed a page links to from its head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedLink {
    /// [`ATOM_TYPE`] or [`JSON_TYPE`].
    pub media_type: &'static str,
    /// Its site path (`actualites/atom.xml`, `en/news/feed.json`).
    pub path: String,
    /// Its title.
    pub title: String,
}

/// The feeds of one language (Atom first), for `<link rel="alternate">`.
pub fn links(site: &Site, lang: &str) -> Vec<FeedLink> {
    with_feeds(site, lang)
        .flat_map(|collection| {
            let folder = folder(site, collection, lang);
            let title = title(site, collection, lang);
            [(ATOM_TYPE, ATOM_FILE), (JSON_TYPE, JSON_FILE)].map(|(media_type, file)| FeedLink {
                media_type,
                path: format!("{folder}{file}"),
                title: title.clone(),
            })
        })
        .collect()
}

/// The collections with feeds that have at least one dated entry in `lang`.
pub fn with_feeds<'s>(site: &'s Site, lang: &'s str) -> impl Iterator<Item = &'s str> + 's {
    site.config
        .feed_collections()
        .into_iter()
        .filter(move |collection| {
            site.lists
                .get(*collection)
                .and_then(|per_lang| per_lang.get(lang))
                .is_some_and(|ids| ids.iter().any(|&id| site.documents[id].date.is_some()))
        })
}

/// The collection's list folder in `lang`, where its feeds live.
pub fn folder(site: &Site, collection: &str, lang: &str) -> String {
    list_page(&site.config, collection, lang, 1)
}

/// `Actualités · PariSanté Campus`.
pub fn title(site: &Site, collection: &str, lang: &str) -> String {
    let config = &site.config;
    format!(
        "{} · {}",
        config.collection_title(collection, lang),
        config.site_title(lang)
    )
}
