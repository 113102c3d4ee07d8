//! Filters of list pages: the fields a collection is filtered by
//! (`filters = ["sectors", "stage"]` in `site.toml`), each value with its
//! label in the page's language and its count over the whole list, and the
//! list's cards with their values (`cards.js`), so that a filter in the
//! browser works over the whole list and its counts agree with the term
//! pages.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use serde_json::{json, Map, Value};

use super::Renderer;
use crate::config::{FieldSpec, FieldType};
use crate::content::FieldValue;
use crate::diagnostics::Diagnostic;
use crate::msg;
use crate::site::{EntryId, Site};
use crate::slug::slugify;

/// One field a list can be filtered by, as templates get it.
#[derive(Debug, Serialize)]
pub struct Filter {
    /// The field's name.
    pub field: String,
    /// Its values, each once.
    pub options: Vec<FilterOption>,
}

/// One value of a filter.
#[derive(Debug, Serialize)]
pub struct FilterOption {
    /// What the address and `cards.js` write: a declared term's key, an
    /// enum value, a ref's target name, else the value's slug.
    pub value: String,
    /// The value in the page's language (a ref's target title).
    pub label: String,
    /// How many entries of the whole list have it.
    pub count: usize,
    /// Its term page, for a field tied to a taxonomy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

/// A value of one entry: (value, label, term page's site path).
type Value3 = (String, String, Option<String>);

/// A value of a filter counted over the whole list: (value, label, count,
/// term page's site path).
type Counted = (String, String, usize, Option<String>);

/// One field's values counted, in the order they are offered:
/// (sort key, value) → (label, count, term page's site path).
type Tally = BTreeMap<(String, String), (String, usize, Option<String>)>;

/// A list's filters, worked out once per build for all its pages and its
/// `cards.js` (they count the whole list, the same on every page).
#[derive(Debug)]
pub(super) struct ListFilters {
    /// Each filtered field with its values, in the order they are offered.
    fields: Vec<(String, Vec<Counted>)>,
    /// Each entry of the list, in list order: its values of each field.
    values: Vec<Map<String, Value>>,
}

/// The filters of each filtered list, per (collection, language), made the
/// first time a page of that list asks.
#[derive(Debug, Default)]
pub(super) struct FilterCache(HashMap<(String, String), OnceLock<Arc<ListFilters>>>);

impl FilterCache {
    /// Room for the lists of `site`'s collections with `filters`.
    pub(super) fn new(site: &Site) -> FilterCache {
        let config = &site.config;
        let keys = config
            .collections
            .iter()
            .filter(|(_, c)| !c.filters.is_empty())
            .flat_map(|(name, _)| {
                config
                    .language_codes()
                    .map(move |lang| ((name.clone(), lang.to_string()), OnceLock::new()))
            });
        FilterCache(keys.collect())
    }
}

impl<'a> Renderer<'a> {
    /// The filters of `collection`'s list in `lang`, counted over the whole
    /// list, with links from the page at `path`.
    pub(super) fn filters(&self, collection: &str, lang: &str, path: &str) -> Vec<Filter> {
        let Some(list) = self.list_filters(collection, lang) else {
            return Vec::new();
        };
        list.fields
            .iter()
            .map(|(field, counted)| Filter {
                field: field.clone(),
                options: counted
                    .iter()
                    .map(|(value, label, count, term)| FilterOption {
                        value: value.clone(),
                        label: label.clone(),
                        count: *count,
                        href: term.as_ref().map(|t| self.href(path, t)),
                    })
                    .collect(),
            })
            .collect()
    }

    /// The filters of `collection`'s list in `lang`, worked out on first
    /// use; `None` for a collection without `filters`.
    fn list_filters(&self, collection: &str, lang: &str) -> Option<Arc<ListFilters>> {
        let cell = self
            .filter_cache
            .0
            .get(&(collection.to_string(), lang.to_string()))?;
        Some(
            cell.get_or_init(|| Arc::new(self.count_filters(collection, lang)))
                .clone(),
        )
    }

    /// Each entry's values of each filtered field, and each value counted.
    fn count_filters(&self, collection: &str, lang: &str) -> ListFilters {
        let config = self.site.config.collections.get(collection);
        let specs: Vec<(&String, &FieldSpec)> = config
            .into_iter()
            .flat_map(|c| c.filters.iter().filter_map(|f| Some((f, c.fields.get(f)?))))
            .collect();
        let mut counts: Vec<Tally> = vec![BTreeMap::new(); specs.len()];
        let ids = self.site.shown_list(collection, lang);
        let mut values = Vec::with_capacity(ids.len());
        for &id in ids {
            let mut of_entry = Map::new();
            for ((field, spec), counts) in specs.iter().zip(&mut counts) {
                let mut written = Vec::new();
                for (value, label, term) in self.values_of(id, field, spec, lang) {
                    written.push(Value::String(value.clone()));
                    let order = sort_key(spec, &value, &label);
                    let slot = counts.entry((order, value)).or_insert((label, 0, term));
                    slot.1 += 1;
                }
                of_entry.insert((*field).clone(), Value::Array(written));
            }
            values.push(of_entry);
        }
        let fields = specs
            .iter()
            .zip(counts)
            .map(|((field, _), counts)| {
                let counted = counts
                    .into_iter()
                    .map(|((_, value), (label, count, term))| (value, label, count, term))
                    .collect();
                ((*field).clone(), counted)
            })
            .collect();
        ListFilters { fields, values }
    }

    /// The values entry `id` has for the filter `field`, in `lang`.
    fn values_of(&self, id: EntryId, field: &str, spec: &FieldSpec, lang: &str) -> Vec<Value3> {
        let site = self.site;
        let doc = self.document(id);
        if matches!(spec.kind, FieldType::Ref | FieldType::Refs) {
            let groups = site.relations.refs[id].get(field);
            return groups
                .into_iter()
                .flatten()
                .map(|&group| {
                    let name = &site.documents[site.groups[group][0]].source.name;
                    let target = site.version_in(site.groups[group][0], lang);
                    (name.clone(), self.document(target).title.clone(), None)
                })
                .collect();
        }
        let Some(value) = doc.fields.get(field).map(|f| &f.value) else {
            return Vec::new();
        };
        match value {
            FieldValue::List(items) => items
                .iter()
                .map(|item| self.list_value(spec, item, lang))
                .collect(),
            FieldValue::Text(text) if spec.kind == FieldType::Enum => {
                vec![(text.clone(), text.clone(), None)]
            }
            FieldValue::Text(text) => vec![(slugify(text), text.clone(), None)],
            FieldValue::Int(n) => vec![(n.to_string(), n.to_string(), None)],
            FieldValue::Bool(b) => vec![(b.to_string(), b.to_string(), None)],
            _ => Vec::new(),
        }
    }

    /// A value of a list field: a declared term by its key and its label in
    /// `lang`; a term of an open taxonomy or a plain value by its slug.
    fn list_value(&self, spec: &FieldSpec, written: &str, lang: &str) -> Value3 {
        let site = self.site;
        let Some(taxonomy) = spec.taxonomy.as_deref() else {
            return (slugify(written), written.to_string(), None);
        };
        let declared = site.config.taxonomies.get(taxonomy).map(|t| &t.terms);
        let (value, label) = match declared.and_then(|terms| {
            let key = terms.find(written)?;
            let label = terms.label(key, lang, &site.config.default_language)?;
            Some((key.to_string(), label.to_string()))
        }) {
            Some(found) => found,
            None => (slugify(written), written.to_string()),
        };
        let term = super::lists::term_path(site, taxonomy, lang, &label);
        let term = site.routes.index.contains_key(&term).then_some(term);
        (value, label, term)
    }

    /// The label of a value of a list field tied to a taxonomy that
    /// declares its terms, in `lang` (a card of another language shows its
    /// terms in the page's language); other values as written.
    pub(super) fn term_label(&self, spec: &FieldSpec, written: &str, lang: &str) -> String {
        let declared = spec
            .taxonomy
            .as_deref()
            .and_then(|t| self.site.config.taxonomies.get(t))
            .map(|t| &t.terms);
        declared
            .and_then(|terms| {
                let key = terms.find(written)?;
                terms.label(key, lang, &self.site.config.default_language)
            })
            .unwrap_or(written)
            .to_string()
    }

    /// `cards.js`: every card of `collection`'s list in `lang`, in list
    /// order, with its filter values, as a call to `parvisCards(…)`. Links
    /// in the cards start with [`super::ROOT_MARK`], for the page showing
    /// them to replace with its way to the site root.
    pub(super) fn list_cards(&self, collection: &str, lang: &str) -> Result<String, Diagnostic> {
        let lang = self.lang_of(lang);
        let site = self.site;
        let filters = self.list_filters(collection, lang);
        let values = filters.as_ref().map_or(&[][..], |f| f.values.as_slice());
        let mut cards = Vec::new();
        for (at, &id) in site.shown_list(collection, lang).iter().enumerate() {
            let card = self.card_value(id, lang);
            let html = match self.templates.card_html(&card, 2, false, lang) {
                Some(Ok(html)) => html,
                Some(Err(e)) => return Err(self.templates.error(&site.root, &e)),
                None => {
                    return Err(Diagnostic::error(msg!(
                        "filters-need-card-template",
                        collection = collection
                    ))
                    .hint(msg!("filters-need-card-template-hint")))
                }
            };
            let of_entry = values.get(at).cloned().unwrap_or_default();
            cards.push(json!({"html": html, "values": of_entry}));
        }
        let data = json!({ "cards": cards });
        Ok(format!("parvisCards({data});\n"))
    }
}

/// How a filter's values are ordered: an enum's as declared, others by
/// label (case and accents aside).
fn sort_key(spec: &FieldSpec, value: &str, label: &str) -> String {
    match spec.kind {
        FieldType::Enum => {
            let at = spec.values.iter().position(|v| v == value);
            format!("{:06}", at.unwrap_or(usize::MAX >> 44))
        }
        FieldType::Int | FieldType::Year => format!("{:>20}", label),
        _ => slugify(label),
    }
}
