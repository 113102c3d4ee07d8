//! Taxonomies: terms gathered from `tags` and from `list` fields declared
//! with `taxonomy = "…"`, per language.
//!
//! Terms of a taxonomy that declares them arrive here already checked and
//! written as their labels. An open taxonomy takes any term, but one term
//! written two ways (`Imagerie médicale`, `imagerie medicale`) would share
//! an address under two names: that is an error naming both files.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use indexmap::IndexMap;

use super::{EntryId, Order};
use crate::config::{Config, SortBy};
use crate::content::{Document, FieldValue, Role};
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::slug::slugify;

/// One term of a taxonomy in one language.
#[derive(Debug, Clone)]
pub struct Term {
    /// As first written (by the earliest entry in file order).
    pub name: String,
    /// Its URL segment.
    pub slug: String,
    /// Its entries, newest first.
    pub entries: Vec<EntryId>,
}

/// A taxonomy: its terms per language, sorted by slug.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    /// Language → terms.
    pub per_lang: HashMap<String, Vec<Term>>,
}

/// Gathers every declared taxonomy's terms; a term written two ways is
/// reported in `problems`.
pub(super) fn collect(
    config: &Config,
    documents: &[Arc<Document>],
    order: &Order,
    problems: &mut Vec<Diagnostic>,
) -> IndexMap<String, Taxonomy> {
    // The same few terms are written on many entries: fold each once.
    let mut slugs: HashMap<&str, String> = HashMap::new();
    let mut out = IndexMap::new();
    for name in config.taxonomies.keys() {
        let mut per_lang: HashMap<String, BTreeMap<String, Term>> = HashMap::new();
        let mut reported = HashSet::new();
        for (id, doc) in documents.iter().enumerate() {
            if !matches!(doc.source.role, Role::Entry { .. }) {
                continue;
            }
            let terms = per_lang.entry(doc.source.lang.clone()).or_default();
            for (field, written) in values_for(config, name, doc) {
                let slug = slugs
                    .entry(written)
                    .or_insert_with(|| slugify(written))
                    .clone();
                if slug.is_empty() {
                    continue;
                }
                let term = terms.entry(slug.clone()).or_insert_with(|| Term {
                    name: written.to_string(),
                    slug,
                    entries: Vec::new(),
                });
                if term.name != written && reported.insert((id, written)) {
                    let first = &documents[term.entries[0]];
                    problems.push(spelled_twice(field, written, doc, &term.name, first));
                }
                if term.entries.last() != Some(&id) {
                    term.entries.push(id);
                }
            }
        }
        let per_lang = per_lang
            .into_iter()
            .map(|(lang, terms)| {
                let mut terms: Vec<Term> = terms.into_values().collect();
                for term in &mut terms {
                    order.sort(documents, &mut term.entries, SortBy::Date);
                }
                (lang, terms)
            })
            .collect();
        out.insert(name.clone(), Taxonomy { per_lang });
    }
    out
}

/// Files the entries shown untranslated (`(language, entry)`, see
/// [`super::Site::shown`]) under the terms of taxonomies that declare them:
/// a declared term has a label in every language, so an entry written in
/// French is found on the English page of its sector too, and a list's
/// counts agree with its term pages.
pub(super) fn borrow(
    taxonomies: &mut IndexMap<String, Taxonomy>,
    config: &Config,
    documents: &[Arc<Document>],
    order: &Order,
    untranslated: &[(String, EntryId)],
) {
    for (name, taxonomy) in taxonomies.iter_mut() {
        let Some(declared) = config.taxonomies.get(name).map(|t| &t.terms) else {
            continue;
        };
        if declared.is_empty() {
            continue;
        }
        let mut touched: HashSet<(String, String)> = HashSet::new();
        for (lang, id) in untranslated {
            let terms = taxonomy.per_lang.entry(lang.clone()).or_default();
            for (_, written) in values_for(config, name, &documents[*id]) {
                let label = declared
                    .find(written)
                    .and_then(|key| declared.label(key, lang, &config.default_language));
                let Some(label) = label else { continue };
                let slug = slugify(label);
                let at = match terms.binary_search_by(|t| t.slug.cmp(&slug)) {
                    Ok(at) => at,
                    Err(at) => {
                        let term = Term {
                            name: label.to_string(),
                            slug: slug.clone(),
                            entries: Vec::new(),
                        };
                        terms.insert(at, term);
                        at
                    }
                };
                if terms[at].entries.last() != Some(id) {
                    terms[at].entries.push(*id);
                }
                touched.insert((lang.clone(), slug));
            }
        }
        for (lang, slug) in touched {
            let terms = taxonomy.per_lang.get_mut(&lang);
            if let Some(term) = terms.and_then(|t| t.iter_mut().find(|t| t.slug == slug)) {
                order.sort(documents, &mut term.entries, SortBy::Date);
            }
        }
    }
}

/// A term written `written` in `doc`'s field `field`, and `first` in the
/// earlier document `earlier`.
fn spelled_twice(
    field: &str,
    written: &str,
    doc: &Document,
    first: &str,
    earlier: &Document,
) -> Diagnostic {
    let message = msg!(
        "term-spelled-twice",
        field = field,
        written = written,
        first = first,
        file = earlier.source.display.display()
    );
    Diagnostic::error(message)
        .at(value_span(doc, field, written))
        .related(value_span(earlier, field, first))
        .hint(msg!("term-spelled-twice-hint", first = first))
}

/// Where `value` is written in the front matter, after the line of `field`
/// (that line when it cannot be found).
fn value_span(doc: &Document, field: &str, value: &str) -> Span {
    let mut offset = 0;
    let mut field_at = None;
    for line in doc.text.split_inclusive('\n') {
        if line
            .strip_prefix(field)
            .is_some_and(|r| r.trim_start().starts_with(':'))
        {
            field_at = Some(offset);
            break;
        }
        offset += line.len();
    }
    let Some(start) = field_at else {
        return doc.line_span(1);
    };
    match doc.text[start..].find(value) {
        Some(at) => Span::in_text(&doc.source.display, &doc.text, start + at, value.len()),
        None => Span::in_text(&doc.source.display, &doc.text, start, field.len()),
    }
}

/// The values a document gives to taxonomy `name`, with the field each is
/// written in.
fn values_for<'a>(config: &'a Config, name: &str, doc: &'a Document) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&str, &str)> = Vec::new();
    if name == "tags" {
        out.extend(doc.tags.iter().map(|t| ("tags", t.as_str())));
    }
    let specs = doc
        .collection()
        .and_then(|c| config.collections.get(c))
        .map(|c| &c.fields);
    for (field, value) in &doc.fields {
        let feeds = specs
            .and_then(|s| s.get(field))
            .and_then(|s| s.taxonomy.as_deref())
            == Some(name);
        if let (true, FieldValue::List(values)) = (feeds, &value.value) {
            out.extend(values.iter().map(|v| (field.as_str(), v.as_str())));
        }
    }
    out
}

/// (collection, language) → (taxonomy, term index, entries of the
/// collection using the term): counted once per model for list pages.
pub type TermCounts = HashMap<(String, String), Vec<(String, usize, usize)>>;

/// Counts, for every collection and language, the entries using each term.
pub(super) fn term_counts(
    taxonomies: &IndexMap<String, Taxonomy>,
    documents: &[Arc<Document>],
) -> TermCounts {
    let mut out: TermCounts = HashMap::new();
    for (taxonomy, t) in taxonomies {
        for (lang, terms) in &t.per_lang {
            for (index, term) in terms.iter().enumerate() {
                let mut per_collection: HashMap<&str, usize> = HashMap::new();
                for &id in &term.entries {
                    if let Some(c) = documents[id].collection() {
                        *per_collection.entry(c).or_default() += 1;
                    }
                }
                for (collection, count) in per_collection {
                    let key = (collection.to_string(), lang.clone());
                    out.entry(key)
                        .or_default()
                        .push((taxonomy.clone(), index, count));
                }
            }
        }
    }
    for list in out.values_mut() {
        list.sort();
    }
    out
}
