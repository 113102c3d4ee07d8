//! The site: the third stage, the validated and immutable model of a build.
//!
//! Documents become a [`Site`]: published entries only, each with its URL,
//! its translations, its resolved relations both ways, collections sorted
//! into lists per language, and taxonomies. After [`Site::assemble`] the
//! model is never changed; renderers share it by reference across threads.

pub mod feeds;
mod order;
mod relations;
pub mod routes;
mod taxonomies;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use indexmap::IndexMap;

use crate::config::{Config, SortBy};
use crate::content::{Document, Loaded, Role};
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
pub use order::Order;
pub use relations::{BackRef, Relations};
pub use routes::{Owner, Routes};
pub use taxonomies::{Taxonomy, Term, TermCounts};

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
    pub documents: Vec<Arc<Document>>,
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
    /// How entries sort in lists.
    pub order: Order,
    /// The day the build is made for.
    pub today: NaiveDate,
    /// Content files that failed their checks (relative to `content/`),
    /// with the address they would have: they keep it, so links to them
    /// are not reported again.
    pub failed: HashMap<PathBuf, String>,
    /// For each collection and language, how many of its entries use each
    /// term (the filters of list pages).
    pub term_counts: TermCounts,
}

impl Site {
    /// Builds the model from loaded documents and the site's static files
    /// (site paths); all problems are returned together.
    pub fn assemble(
        config: Config,
        root: &Path,
        loaded: &Loaded,
        static_files: HashSet<String>,
        options: &BuildOptions,
    ) -> (Site, Vec<Diagnostic>) {
        let documents = loaded.documents.clone();
        let unreadable: Vec<(String, String)> = loaded
            .failed
            .iter()
            .filter_map(|source| match &source.role {
                Role::Entry { collection } => {
                    Some((collection.clone(), crate::slug::slugify(&source.name)))
                }
                _ => None,
            })
            .collect();
        let content = root.join("content");
        let failed = loaded
            .failed
            .iter()
            .filter_map(|source| {
                let relative = source.path.strip_prefix(&content).ok()?.to_path_buf();
                let slug = crate::slug::slugify(&source.name);
                let path = routes::path_for(&config, &source.role, &source.lang, &slug);
                Some((relative, path))
            })
            .collect();
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
        let order = Order::new(&documents);
        let taxonomies = taxonomies::collect(&config, &documents, &order, &mut problems);
        let term_counts = taxonomies::term_counts(&taxonomies, &documents);
        let mut site = Site {
            lists: IndexMap::new(),
            intros: HashMap::new(),
            homes: HashMap::new(),
            pages: Vec::new(),
            by_source: HashMap::new(),
            routes: Routes::default(),
            root: root.to_path_buf(),
            config,
            documents,
            paths,
            group_of,
            groups,
            relations,
            taxonomies,
            order,
            term_counts,
            failed,
            today: options.today,
        };
        site.index_roles();
        problems.extend(site.untranslated_originals());
        site.routes = Routes::collect(&site, static_files, &mut problems);
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
        self.order
            .sort(&self.documents, &mut self.pages, SortBy::Weight);
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
                    self.order.sort(&self.documents, ids, sort_by);
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

    /// The document read from the file at `path` (absolute, as discovered).
    pub fn id_of_source(&self, path: &Path) -> Option<EntryId> {
        let relative = path.strip_prefix(self.root.join("content")).ok()?;
        self.by_source.get(relative).copied()
    }

    /// A warning for each translation whose original (the version in the
    /// default language) does not exist: the page is built in one language
    /// only, which is seldom what the editor meant.
    fn untranslated_originals(&self) -> Vec<Diagnostic> {
        let default = &self.config.default_language;
        self.groups
            .iter()
            .filter(|group| {
                !group
                    .iter()
                    .any(|&id| &self.documents[id].source.lang == default)
            })
            .filter_map(|group| {
                let doc = &self.documents[*group.first()?];
                let original = original_file(&doc.source.path)?;
                if original.is_file() {
                    return None; // a draft, or a file whose own fault is reported
                }
                let name = original.file_name()?.to_string_lossy().into_owned();
                Some(
                    Diagnostic::warning(msg!("translation-without-original", name = name))
                        .at(Span::file(&doc.source.display))
                        .hint(msg!("translation-without-original-hint", name = name)),
                )
            })
            .collect()
    }

    /// Sorts entry ids for a list sorted `by`.
    pub fn sort(&self, ids: &mut [EntryId], by: SortBy) {
        self.order.sort(&self.documents, ids, by);
    }

    /// Puts a new version of document `id` in place, for a long-lived
    /// build. Only its body may differ: everything the model derives from
    /// documents (addresses, lists, relations, terms) comes from the front
    /// matter, so it stays right.
    pub fn replace_body(&mut self, id: EntryId, document: Arc<Document>) {
        debug_assert_eq!(
            self.documents[id].front_matter(),
            document.front_matter(),
            "only a body may change in place"
        );
        self.documents[id] = document;
    }

    /// Forgets the text of every document that nothing else holds (see
    /// [`Document::forget_text`]).
    pub fn forget_texts(&mut self) {
        for document in &mut self.documents {
            if let Some(document) = Arc::get_mut(document) {
                document.forget_text();
            }
        }
    }

    /// The page a document's body is shown on: its own, or for a list's
    /// intro, the list's first page. Its links are made relative to it.
    pub fn page_of(&self, id: EntryId) -> String {
        let doc = &self.documents[id];
        match &doc.source.role {
            Role::ListIntro { collection } => {
                routes::list_page(&self.config, collection, &doc.source.lang, 1)
            }
            _ => self.paths[id].clone(),
        }
    }

    /// A collection's URL segment in a language.
    pub fn collection_path(&self, collection: &str, lang: &str) -> String {
        routes::collection_path(&self.config, collection, lang)
    }
}

/// `x.en.md` → `x.md`: the file of the original a translation is made from.
fn original_file(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_string_lossy().into_owned();
    let (stem, ext) = name.rsplit_once('.')?;
    let (base, _lang) = stem.rsplit_once('.')?;
    Some(path.with_file_name(format!("{base}.{ext}")))
}

/// Splits off drafts and scheduled documents; returns the excluded ones'
/// (collection, slug) keys so refs to them can be told apart from typos.
fn publishable(
    documents: Vec<Arc<Document>>,
    options: &BuildOptions,
) -> (Vec<Arc<Document>>, Vec<(String, String)>) {
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
fn group_translations(documents: &[Arc<Document>]) -> (Vec<usize>, Vec<Vec<EntryId>>) {
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
