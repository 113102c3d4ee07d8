//! Fingerprints: what each page reads, summed up in one number.
//!
//! A page is rendered again only when its fingerprint changes. The
//! fingerprint hashes the *versions* of everything the page shows: its own
//! entry (front matter, address, summary) and body, the entries its lists,
//! relation views and language switcher show, the order of the lists it
//! pages through, the terms of the taxonomies it shows, the stand-alone
//! pages and feeds every page links, and the lists its templates read
//! through `entries()`. Versions are made from content and source paths,
//! never from positions, so they compare across rebuilds.
//!
//! Templates, interface words, `site.toml` and the static files' hashed
//! names are not in it: a change to one of them renders every page.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::bodies::Bodies;
use crate::content::Role;
use crate::render::lists::{page_slice, HOME_SECTION_SIZE};
use crate::site::{EntryId, Owner, Site};

/// A running hash.
#[derive(Default)]
struct Sum(std::collections::hash_map::DefaultHasher);

impl Sum {
    fn add(&mut self, value: impl Hash) -> &mut Self {
        value.hash(&mut self.0);
        self
    }

    fn done(&self) -> u64 {
        self.0.finish()
    }
}

/// The versions of a site's parts, made once per rebuild.
#[derive(Debug)]
pub(super) struct Versions {
    /// By entry: what a card, a link or a switcher shows of it.
    card: Vec<u64>,
    /// By entry: its rendered body.
    body: Vec<u64>,
    /// (collection, language) → the list's entries, in order (what
    /// `entries()` gives).
    lists: HashMap<(String, String), u64>,
    /// (collection, language) → how many entries the list pages show
    /// (pages show a slice and the number of pages, not the whole order).
    counts: HashMap<(String, String), usize>,
    /// (collection, language) → for a collection with `filters`, every card
    /// its list shows and what its filters' labels come from: each list page
    /// counts the values of the whole list, and `cards.js` holds every card.
    filtered: HashMap<(String, String), u64>,
    /// (taxonomy, language) → its terms and how many entries each has.
    taxonomies: HashMap<(String, String), u64>,
    /// Language → the stand-alone pages and feeds every page links.
    chrome: HashMap<String, u64>,
}

impl Versions {
    /// The versions of `site`, whose bodies are rendered.
    pub(super) fn of(site: &Site, bodies: &Bodies) -> Versions {
        let card: Vec<u64> = (0..site.documents.len())
            .map(|id| card(site, bodies, id))
            .collect();
        let body = (0..site.documents.len())
            .map(|id| bodies.get(id).version)
            .collect();
        let source = |id: EntryId| &site.documents[id].source.path;
        let mut lists = HashMap::new();
        let mut counts = HashMap::new();
        let mut filtered = HashMap::new();
        for (collection, per_lang) in &site.lists {
            for lang in site.config.language_codes() {
                let mut sum = Sum::default();
                let ids = per_lang.get(lang).map_or(&[][..], Vec::as_slice);
                for &id in ids {
                    sum.add(source(id));
                }
                let key = (collection.clone(), lang.to_string());
                let shown = site.shown_list(collection, lang);
                counts.insert(key.clone(), shown.len());
                if let Some(version) = filtered_list(site, &card, collection, lang) {
                    filtered.insert(key.clone(), version);
                }
                lists.insert(key, sum.done());
            }
        }
        let mut taxonomies = HashMap::new();
        for (name, taxonomy) in &site.taxonomies {
            for lang in site.config.language_codes() {
                let mut sum = Sum::default();
                for term in taxonomy.per_lang.get(lang).into_iter().flatten() {
                    sum.add(&term.name).add(&term.slug).add(term.entries.len());
                }
                taxonomies.insert((name.clone(), lang.to_string()), sum.done());
            }
        }
        let chrome = site
            .config
            .language_codes()
            .map(|lang| {
                let mut sum = Sum::default();
                for &id in &site.pages {
                    sum.add(&site.paths[id]).add(&site.documents[id].title);
                }
                for feed in crate::site::feeds::links(site, lang) {
                    sum.add(&feed.path);
                }
                (lang.to_string(), sum.done())
            })
            .collect();
        Versions {
            card,
            body,
            lists,
            counts,
            filtered,
            taxonomies,
            chrome,
        }
    }

    /// The same versions after the bodies of documents `ids` changed in
    /// place (nothing else did).
    pub(super) fn with_bodies(mut self, site: &Site, bodies: &Bodies, ids: &[EntryId]) -> Versions {
        for &id in ids {
            self.card[id] = card(site, bodies, id);
            self.body[id] = bodies.get(id).version;
        }
        for ((collection, lang), version) in &mut self.filtered {
            if let Some(v) = filtered_list(site, &self.card, collection, lang) {
                *version = v;
            }
        }
        self
    }

    /// The fingerprint of the page at `path`; `reads` are the lists its
    /// templates read through `entries()` when it was last rendered.
    pub(super) fn page(
        &self,
        site: &Site,
        path: &str,
        owner: &Owner,
        reads: &[(String, String)],
    ) -> u64 {
        let mut sum = Sum::default();
        sum.add(path);
        for key in reads {
            sum.add(self.lists.get(key));
        }
        match owner {
            Owner::Document(id) => self.document(&mut sum, site, *id),
            Owner::Home { lang } => {
                sum.add("home");
                self.sections(&mut sum, site, lang);
            }
            Owner::List {
                collection,
                lang,
                page,
            } => self.list(&mut sum, site, collection, lang, *page),
            Owner::TaxonomyIndex { taxonomy, lang } => {
                sum.add("taxonomy")
                    .add(self.taxonomies.get(&(taxonomy.clone(), lang.clone())));
            }
            Owner::Term {
                taxonomy,
                lang,
                term,
                page,
            } => {
                sum.add("term")
                    .add(self.taxonomies.get(&(taxonomy.clone(), lang.clone())));
                let entries = site
                    .taxonomies
                    .get(taxonomy)
                    .and_then(|t| t.per_lang.get(lang))
                    .and_then(|terms| terms.get(*term))
                    .map_or(&[][..], |t| &t.entries[..]);
                sum.add(term);
                let paginate = site
                    .config
                    .taxonomies
                    .get(taxonomy)
                    .map_or(0, |t| t.paginate);
                for &id in page_slice(entries, paginate, *page) {
                    sum.add(self.card[id]);
                }
            }
            Owner::Alias { target } => {
                sum.add("alias").add(self.card[*target]);
            }
            Owner::ListCards { collection, lang } => {
                sum.add("cards")
                    .add(self.filtered.get(&(collection.clone(), lang.clone())));
            }
            Owner::Search { .. } => {
                sum.add("search");
            }
            Owner::NotFound => {
                sum.add("404");
            }
        }
        let lang = page_language(site, owner);
        sum.add(self.chrome.get(lang));
        sum.done()
    }

    /// An entry, stand-alone or home page: itself, its translations, what
    /// its refs point at and who refers to it.
    fn document(&self, sum: &mut Sum, site: &Site, id: EntryId) {
        sum.add("document").add(self.card[id]).add(self.body[id]);
        let lang = &site.documents[id].source.lang;
        for version in &site.groups[site.group_of[id]] {
            sum.add(self.card[*version]);
        }
        for groups in site.relations.refs[id].values() {
            for &group in groups {
                sum.add(self.card[site.version_in(site.groups[group][0], lang)]);
            }
        }
        for backref in &site.relations.backrefs[site.group_of[id]] {
            let from = site.version_in(site.groups[backref.from_group][0], lang);
            sum.add(self.card[from]).add(&backref.field);
        }
        if site.documents[id].source.role == Role::Home {
            self.sections(sum, site, lang);
        }
    }

    /// The home page's sections: each collection's first entries.
    fn sections(&self, sum: &mut Sum, site: &Site, lang: &str) {
        for (collection, per_lang) in &site.lists {
            sum.add(self.lists.get(&(collection.clone(), lang.to_string())));
            for &id in per_lang
                .get(lang)
                .into_iter()
                .flatten()
                .take(HOME_SECTION_SIZE)
            {
                sum.add(self.card[id]);
            }
        }
    }

    /// One page of a collection's list: the entries shown, how many pages
    /// the list has in every language (the switcher links the same page
    /// number where it exists), the intro, and the terms the filters show.
    fn list(&self, sum: &mut Sum, site: &Site, collection: &str, lang: &str, page: usize) {
        sum.add("list");
        for other in site.config.language_codes() {
            sum.add(
                self.counts
                    .get(&(collection.to_string(), other.to_string())),
            );
        }
        let entries = site.shown_list(collection, lang);
        sum.add(
            self.filtered
                .get(&(collection.to_string(), lang.to_string())),
        );
        let paginate = site
            .config
            .collections
            .get(collection)
            .map_or(0, |c| c.paginate);
        for &id in page_slice(entries, paginate, page) {
            sum.add(self.card[id]);
        }
        if let Some(&intro) = site.intros.get(&(collection.to_string(), lang.to_string())) {
            sum.add(self.card[intro]).add(self.body[intro]);
        }
        for taxonomy in site.taxonomies.keys() {
            sum.add(self.taxonomies.get(&(taxonomy.clone(), lang.to_string())));
        }
    }
}

/// What a card, a link or a switcher shows of document `id`.
fn card(site: &Site, bodies: &Bodies, id: EntryId) -> u64 {
    Sum::default()
        .add(site.documents[id].front_matter())
        .add(&site.paths[id])
        .add(&bodies.get(id).summary_text)
        .done()
}

/// For a collection with `filters`: the cards of its whole list in `lang`
/// and the entries its ref filters name (their titles label the values).
fn filtered_list(site: &Site, cards: &[u64], collection: &str, lang: &str) -> Option<u64> {
    let config = site.config.collections.get(collection)?;
    if config.filters.is_empty() {
        return None;
    }
    let mut sum = Sum::default();
    for &id in site.shown_list(collection, lang) {
        sum.add(cards[id]);
        for field in &config.filters {
            for &group in site.relations.refs[id].get(field).into_iter().flatten() {
                sum.add(cards[site.version_in(site.groups[group][0], lang)]);
            }
        }
    }
    Some(sum.done())
}

/// The language a page is in, for the links every page shows.
fn page_language<'s>(site: &'s Site, owner: &'s Owner) -> &'s str {
    match owner {
        Owner::Document(id) | Owner::Alias { target: id } => &site.documents[*id].source.lang,
        Owner::Home { lang }
        | Owner::List { lang, .. }
        | Owner::ListCards { lang, .. }
        | Owner::TaxonomyIndex { lang, .. }
        | Owner::Term { lang, .. }
        | Owner::Search { lang } => lang,
        Owner::NotFound => &site.config.default_language,
    }
}
