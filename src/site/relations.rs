//! Relations: `ref` and `refs` fields resolved to entries, both ways.
//!
//! A ref names an entry by slug (or `collection/slug` when the field has no
//! `to`). It resolves to a translation *group*, so an English page links
//! to the English version of its target when there is one.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use indexmap::IndexMap;

use super::EntryId;
use crate::config::Config;
use crate::content::{Document, FieldValue};
use crate::diagnostics::{did_you_mean, Diagnostic};
use crate::msg;

/// A reference to a group from another group's field.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BackRef {
    /// The referring translation group.
    pub from_group: usize,
    /// The field that refers.
    pub field: String,
}

/// All resolved relations.
#[derive(Debug, Default)]
pub struct Relations {
    /// Per document: each ref field → target groups, in written order.
    pub refs: Vec<IndexMap<String, Vec<usize>>>,
    /// Per group: who refers to it, in a stable order.
    pub backrefs: Vec<Vec<BackRef>>,
}

impl Relations {
    /// Resolves every ref of every document; dangling ones are errors,
    /// refs to drafts or scheduled entries are warnings and are dropped.
    pub(super) fn resolve(
        config: &Config,
        documents: &[Arc<Document>],
        group_of: &[usize],
        groups: &[Vec<EntryId>],
        excluded: &[(String, String)],
        unreadable: &[(String, String)],
        problems: &mut Vec<Diagnostic>,
    ) -> Relations {
        let index = Index::new(documents, group_of);
        let excluded: HashSet<(&str, &str)> = excluded
            .iter()
            .map(|(c, s)| (c.as_str(), s.as_str()))
            .collect();
        let mut relations = Relations {
            refs: Vec::with_capacity(documents.len()),
            backrefs: vec![Vec::new(); groups.len()],
        };
        let mut seen: HashSet<(usize, usize, &str)> = HashSet::new();
        for (id, doc) in documents.iter().enumerate() {
            let mut resolved = IndexMap::new();
            let fields = doc
                .collection()
                .and_then(|c| config.collections.get(c))
                .map(|c| &c.fields);
            for (name, field) in &doc.fields {
                let targets: &[String] = match &field.value {
                    FieldValue::Ref(t) => std::slice::from_ref(t),
                    FieldValue::Refs(t) => t,
                    _ => continue,
                };
                let to = fields
                    .and_then(|f| f.get(name))
                    .and_then(|s| s.to.as_deref());
                let mut found = Vec::new();
                for target in targets {
                    match index.find(config, to, target) {
                        Ok(group) => {
                            found.push(group);
                            if seen.insert((group, group_of[id], name)) {
                                relations.backrefs[group].push(BackRef {
                                    from_group: group_of[id],
                                    field: name.clone(),
                                });
                            }
                        }
                        Err(Miss::NoEntry(c, slug))
                            if unreadable.iter().any(|(uc, us)| uc == c && us == slug) => {}
                        Err(miss) => problems
                            .push(miss.diagnose(doc, name, field.line, target, &excluded, &index)),
                    }
                }
                resolved.insert(name.clone(), found);
            }
            relations.refs.push(resolved);
        }
        relations
    }
}

/// Entries findable by (collection, slug or normalized file name).
struct Index<'a> {
    by_key: HashMap<(&'a str, &'a str), usize>,
    slugs: HashMap<&'a str, Vec<&'a str>>,
}

/// Why a ref did not resolve.
enum Miss<'a> {
    /// `collection/slug` expected (no `to`), got something else.
    NoCollection,
    /// The collection in `collection/slug` is not declared.
    UnknownCollection(&'a str),
    /// No such entry in the collection.
    NoEntry(&'a str, &'a str),
}

impl<'a> Index<'a> {
    fn new(documents: &'a [Arc<Document>], group_of: &[usize]) -> Self {
        let mut by_key = HashMap::new();
        let mut slugs: HashMap<&str, Vec<&str>> = HashMap::new();
        for (id, doc) in documents.iter().enumerate() {
            let (Some(collection), crate::content::Role::Entry { .. }) =
                (doc.collection(), &doc.source.role)
            else {
                continue;
            };
            by_key.insert((collection, doc.slug.as_str()), group_of[id]);
            by_key
                .entry((collection, doc.source.name.as_str()))
                .or_insert(group_of[id]);
            slugs.entry(collection).or_default().push(doc.slug.as_str());
        }
        Index { by_key, slugs }
    }

    fn find<'t>(
        &self,
        config: &Config,
        to: Option<&'t str>,
        target: &'t str,
    ) -> Result<usize, Miss<'t>> {
        let (collection, slug) = match to {
            Some(c) => (c, target.trim()),
            None => target.trim().split_once('/').ok_or(Miss::NoCollection)?,
        };
        // Declared, not "has entries": its only entry may have failed.
        if to.is_none() && !config.collections.contains_key(collection) {
            return Err(Miss::UnknownCollection(collection));
        }
        self.by_key
            .get(&(collection, slug))
            .copied()
            .ok_or(Miss::NoEntry(collection, slug))
    }
}

impl Miss<'_> {
    fn diagnose(
        &self,
        doc: &Document,
        field: &str,
        line: usize,
        target: &str,
        excluded: &HashSet<(&str, &str)>,
        index: &Index<'_>,
    ) -> Diagnostic {
        let span = doc.line_span(line);
        match self {
            Miss::NoCollection => Diagnostic::error(msg!(
                "ref-without-collection",
                field = field,
                target = target
            ))
            .at(span)
            .hint(msg!("ref-without-collection-hint")),
            Miss::UnknownCollection(c) => Diagnostic::error(msg!(
                "ref-unknown-collection",
                field = field,
                collection = c
            ))
            .at(span)
            .hint(msg!("ref-unknown-collection-hint")),
            Miss::NoEntry(c, slug) if excluded.contains(&(*c, *slug)) => {
                Diagnostic::warning(msg!("ref-to-unpublished", field = field, target = target))
                    .at(span)
                    .hint(msg!("ref-to-unpublished-hint"))
            }
            Miss::NoEntry(c, slug) => {
                // Compare as slugs: `IPM` and `Imagerie médicale` are typed
                // for `ipm` and `imagerie-medicale` more often than not.
                let folded = crate::slug::slugify(slug);
                let known: Vec<&str> = index.slugs.get(c).into_iter().flatten().copied().collect();
                let close = known
                    .iter()
                    .copied()
                    .find(|s| *s == folded)
                    .or_else(|| did_you_mean(&folded, known.iter().copied()));
                let hint = match close {
                    Some(close) => msg!("did-you-mean", close = close),
                    None => msg!("ref-dangling-hint", collection = c),
                };
                Diagnostic::error(msg!(
                    "ref-dangling",
                    field = field,
                    slug = slug,
                    collection = c
                ))
                .at(span)
                .hint(hint)
            }
        }
    }
}
