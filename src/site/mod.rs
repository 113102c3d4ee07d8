//! The site: the third stage, the validated and immutable model of a build.
//!
//! Documents become a [`Site`]: published entries only, each with its URL,
//! its translations, its resolved relations both ways, collections sorted
//! into lists per language, and taxonomies. After [`Site::assemble`] the
//! model is never changed; renderers share it by reference across threads.

pub mod feeds;
mod relations;
pub mod routes;
mod taxonomies;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use indexmap::IndexMap;

use crate::config::{Config, SortBy};
use crate::content::{Document, Loaded, Role};
use crate::diagnostics::Diagnostic;
pub use relations::{BackRef, Relations};
pub use routes::{Owner, Routes};
pub use taxonomies::{Taxonomy, Term};

/// Index of a document in [`Site::documents`].
pub type EntryId = usize;

/// Build-wide choices that are not in `site.toml`.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Include drafts.
    pub drafts: bool,
    /// Include entries whose `publish_after` is still to come.
    pub scheduled: bool,
    /// The day the build is made for (`publish_after` compares with it).
    pub today: NaiveDate,
}

/// The validated model of the whole site.
#[derive(Debug)]
pub struct Site {
    /// The configuration.
    pub config: Config,
    /// The site root folder.
    pub root: PathBuf,
    /// Published documents.
    pub documents: Vec<Document>,
    /// Each document's site path (empty for list intros).
    pub paths: Vec<String>,
    /// Translation groups: for each document, the group it belongs to.
    pub group_of: Vec<usize>,
    /// The documents of each translation group.
    pub groups: Vec<Vec<EntryId>>,
    /// Sorted entries of each collection, per language.
    pub lists: IndexMap<String, HashMap<String, Vec<EntryId>>>,
    /// `_index` documents: (collection, language) → document.
    pub intros: HashMap<(String, String), EntryId>,
    /// Home documents per language.
    pub homes: HashMap<String, EntryId>,
    /// Stand-alone pages.
    pub pages: Vec<EntryId>,
    /// Refs and back-references.
    pub relations: Relations,
    /// Taxonomies, per language.
    pub taxonomies: IndexMap<String, Taxonomy>,
    /// Every site path and what owns it.
    pub routes: Routes,
    /// Document by its path relative to `content/`.
    pub by_source: HashMap<PathBuf, EntryId>,
    /// Non-content files under `content/`, relative to it.
    pub content_files: Vec<PathBuf>,
    /// The day the build is made for.
    pub today: NaiveDate,
}

impl Site {
    /// Builds the model from loaded documents; all problems are returned
    /// together.
    pub fn assemble(
        config: Config,
        root: &Path,
        loaded: Loaded,
        options: &BuildOptions,
    ) -> (Site, Vec<Diagnostic>) {
        let Loaded {
            documents,
            files: content_files,
            unreadable,
            ..
        } = loaded;
        let (documents, excluded) = publishable(documents, options);
        let mut problems = Vec::new();
        let paths: Vec<String> = documents
            .iter()
            .map(|d| routes::path_of(&config, d))
            .collect();
        let (group_of, groups) = group_translations(&documents);
        let relations = Relations::resolve(
            &config,
            &documents,
            &group_of,
            &groups,
            &excluded,
            &unreadable,
            &mut problems,
        );
        let taxonomies = taxonomies::collect(&config, &documents);
        let mut site = Site {
            lists: IndexMap::new(),
            intros: HashMap::new(),
            homes: HashMap::new(),
            pages: Vec::new(),
            by_source: HashMap::new(),
            routes: Routes::default(),
            content_files,
            today: options.today,
            root: root.to_path_buf(),
            config,
            documents,
            paths,
            group_of,
            groups,
            relations,
            taxonomies,
        };
        site.index_roles();
        site.routes = Routes::collect(&site, &mut problems);
        (site, problems)
    }

    fn index_roles(&mut self) {
        for name in self.config.collections.keys() {
            self.lists.insert(name.clone(), HashMap::new());
        }
        let content = self.root.join("content");
        for (id, doc) in self.documents.iter().enumerate() {
            let lang = doc.source.lang.clone();
            match &doc.source.role {
                Role::Entry { collection } => {
                    if let Some(list) = self.lists.get_mut(collection) {
                        list.entry(lang).or_default().push(id);
                    }
                }
                Role::ListIntro { collection } => {
                    self.intros.insert((collection.clone(), lang), id);
                }
                Role::Home => {
                    self.homes.insert(lang, id);
                }
                Role::Page => self.pages.push(id),
            }
            if let Ok(relative) = doc.source.path.strip_prefix(&content) {
                self.by_source.insert(relative.to_path_buf(), id);
            }
        }
        sort_entries(&self.documents, &mut self.pages, SortBy::Weight);
        let lists = std::mem::take(&mut self.lists);
        self.lists = lists
            .into_iter()
            .map(|(name, mut per_lang)| {
                let sort_by = self
                    .config
                    .collections
                    .get(&name)
                    .map_or(SortBy::Title, |c| c.sort_by);
                for ids in per_lang.values_mut() {
                    sort_entries(&self.documents, ids, sort_by);
                }
                (name, per_lang)
            })
            .collect();
    }

    /// The version of `id`'s translation group in `lang`, or in the default
    /// language, or any version.
    pub fn version_in(&self, id: EntryId, lang: &str) -> EntryId {
        let group = &self.groups[self.group_of[id]];
        let pick = |l: &str| {
            group
                .iter()
                .copied()
                .find(|v| self.documents[*v].source.lang == l)
        };
        pick(lang)
            .or_else(|| pick(&self.config.default_language))
            .unwrap_or(id)
    }

    /// The other-language versions of a document.
    pub fn translations(&self, id: EntryId) -> impl Iterator<Item = EntryId> + '_ {
        self.groups[self.group_of[id]]
            .iter()
            .copied()
            .filter(move |v| *v != id)
    }

    /// The site-path prefix of a language: `` for the default, `en/` else.
    pub fn lang_prefix(&self, lang: &str) -> String {
        routes::lang_prefix(&self.config, lang)
    }

    /// A collection's URL segment in a language.
    pub fn collection_path(&self, collection: &str, lang: &str) -> String {
        routes::collection_path(&self.config, collection, lang)
    }
}

/// Splits off drafts and scheduled documents; returns the excluded ones'
/// (collection, slug) keys so refs to them can be told apart from typos.
fn publishable(
    documents: Vec<Document>,
    options: &BuildOptions,
) -> (Vec<Document>, Vec<(String, String)>) {
    let mut kept = Vec::with_capacity(documents.len());
    let mut excluded = Vec::new();
    for doc in documents {
        let scheduled = doc.publish_after.is_some_and(|d| d.day > options.today);
        if (doc.draft && !options.drafts) || (scheduled && !options.scheduled) {
            if let Some(c) = doc.collection() {
                excluded.push((c.to_string(), doc.slug.clone()));
            }
        } else {
            kept.push(doc);
        }
    }
    (kept, excluded)
}

/// Groups documents that are translations of each other: same role, same
/// collection, same file name.
fn group_translations(documents: &[Document]) -> (Vec<usize>, Vec<Vec<EntryId>>) {
    let mut index: HashMap<(u8, Option<&str>, &str), usize> = HashMap::new();
    let mut groups: Vec<Vec<EntryId>> = Vec::new();
    let mut group_of = Vec::with_capacity(documents.len());
    for (id, doc) in documents.iter().enumerate() {
        let role = match doc.source.role {
            Role::Home => 0,
            Role::Page => 1,
            Role::ListIntro { .. } => 2,
            Role::Entry { .. } => 3,
        };
        let key = (role, doc.collection(), doc.source.name.as_str());
        let group = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(id);
        group_of.push(group);
    }
    (group_of, groups)
}

/// Sorts entry ids for a list: by date (newest first), weight or title,
/// with title and slug breaking ties so the order never depends on threads.
pub fn sort_entries(documents: &[Document], ids: &mut [EntryId], sort_by: SortBy) {
    ids.sort_by_cached_key(|&id| {
        let doc = &documents[id];
        let primary = match sort_by {
            SortBy::Title => 0,
            // Newest first; entries without a date last.
            SortBy::Date => doc.date.map_or(i64::MAX, |d| -d.timestamp()),
            SortBy::Weight => doc.weight.unwrap_or(i64::MAX),
        };
        (primary, crate::slug::slugify(&doc.title), doc.slug.clone())
    });
}
