//! Pages that show one document: entries, stand-alone pages, home pages.

use std::sync::OnceLock;

use serde_json::{json, Map, Value};

use super::context::{
    BackRefGroup, Card, CardValue, HeadingContext, Image, PageContext, Section, TermLink,
    Translation,
};
use super::links::DocumentLinks;
use super::lists::{self, HOME_SECTION_SIZE};
use super::{jsonld, Renderer};
use crate::config::SortBy;
use crate::content::{FieldValue, Role};
use crate::diagnostics::Diagnostic;
use crate::markdown;
use crate::site::EntryId;

impl<'a> Renderer<'a> {
    /// The template and context of a document's page.
    pub(super) fn document_page(
        &self,
        id: EntryId,
        path: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> (String, PageContext<'_>) {
        let doc = self.document(id);
        let lang = self.lang_of(&doc.source.lang);
        let (kind, template) = match &doc.source.role {
            Role::Home => ("home", "home.html".to_string()),
            Role::Page => {
                let own = format!("page-{}.html", doc.slug);
                (
                    "page",
                    if self.templates.has(&own) {
                        own
                    } else {
                        "page.html".into()
                    },
                )
            }
            Role::Entry { collection } | Role::ListIntro { collection } => {
                ("entry", self.entry_template(collection))
            }
        };
        let mut page = self.page_base(kind, lang, path, doc.title.clone());
        let body = self.bodies.get(id);
        page.description = body.summary_text.clone();
        page.summary = Some(&body.summary_html);
        page.date = doc.date.map(|d| d.ymd());
        page.updated = doc.updated.map(|d| d.ymd());
        page.draft = doc.draft;
        page.scheduled = doc.publish_after.is_some_and(|d| d.day > self.site.today);
        page.publish_after = doc.publish_after.map(|d| d.ymd());
        page.content = Some(&body.html);
        page.image = self.image(doc.image.as_deref(), doc.image_alt.as_deref(), path);
        page.extra = doc.extra.clone();
        page.tags = self.tag_links(&doc.tags, lang, path);
        page.translations = self
            .site
            .translations(id)
            .map(|v| Translation {
                lang: self.lang_of(&self.document(v).source.lang),
                title: &self.document(v).title,
                href: self.href(path, &self.site.paths[v]),
            })
            .collect();
        page.breadcrumbs = vec![self.home_crumb(lang, path)];
        if let Some(collection) = doc.collection() {
            let link = self.collection_link(collection, lang, path);
            page.breadcrumbs.push(link.clone());
            page.collection = Some(link);
            page.fields = self.entry_fields(id, path, problems);
            page.field_types = self.field_types(collection);
            page.terms = self.field_terms(id, lang, path);
            page.backrefs = self.backrefs(id, lang, path);
        }
        if kind == "home" {
            page.breadcrumbs.clear();
            page.sections = self.sections(lang, path);
        }
        let canonical = page.canonical.clone().unwrap_or_default();
        page.jsonld = Some(jsonld::for_document(
            self.site,
            doc,
            &canonical,
            &page.description,
        ));
        page.headings = body
            .headings
            .iter()
            .map(|h| HeadingContext {
                level: h.level,
                id: &h.id,
                text: &h.text,
            })
            .collect();
        (template, page)
    }

    /// A home page with no `_index` file: the site's title and sections.
    pub(super) fn generated_home(&self, lang: &str, path: &str) -> PageContext<'_> {
        let lang = self.lang_of(lang);
        let config = &self.site.config;
        let title = config.site_title(lang).to_string();
        let mut page = self.page_base("home", lang, path, title);
        page.description = config
            .languages
            .get(lang)
            .and_then(|l| l.description.clone())
            .or(config.description.clone())
            .unwrap_or_default();
        page.sections = self.sections(lang, path);
        page
    }

    fn entry_template(&self, collection: &str) -> String {
        let configured = self
            .site
            .config
            .collections
            .get(collection)
            .and_then(|c| c.template.clone());
        let own = format!("{collection}.html");
        configured.unwrap_or_else(|| {
            if self.templates.has(&own) {
                own
            } else {
                "entry.html".into()
            }
        })
    }

    fn image(&self, path: Option<&str>, alt: Option<&'a str>, from: &str) -> Option<Image<'a>> {
        path.map(|p| Image {
            href: self.href(from, p),
            url: crate::urls::absolute(&self.site.config.base_url, p),
            alt: alt.unwrap_or(""),
        })
    }

    fn tag_links(&self, tags: &[String], lang: &str, from: &str) -> Vec<TermLink> {
        if !self.site.config.taxonomies.contains_key("tags") {
            return Vec::new();
        }
        tags.iter()
            .map(|name| TermLink {
                name: name.clone(),
                href: self.href(from, &lists::term_path(self.site, "tags", lang, name)),
                count: None,
            })
            .collect()
    }

    /// Each declared field's type, so a generic template can show it well.
    fn field_types(&self, collection: &str) -> Map<String, Value> {
        let fields = self
            .site
            .config
            .collections
            .get(collection)
            .map(|c| &c.fields);
        fields
            .into_iter()
            .flatten()
            .map(|(name, spec)| {
                (
                    name.clone(),
                    serde_json::to_value(spec.kind).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// Declared fields, ready to show: refs as links, Markdown as HTML.
    fn entry_fields(
        &self,
        id: EntryId,
        path: &str,
        problems: &mut Vec<Diagnostic>,
    ) -> Map<String, Value> {
        let doc = self.document(id);
        let lang = &doc.source.lang;
        let refs = &self.site.relations.refs[id];
        let mut out = Map::new();
        for (name, field) in &doc.fields {
            let value = match &field.value {
                FieldValue::Markdown(source) => {
                    let rendered = self.markdown_field(id, source, path, field.line, problems);
                    Value::String(rendered)
                }
                FieldValue::Asset(p) => Value::String(self.href(path, p)),
                FieldValue::Ref(_) | FieldValue::Refs(_) => {
                    let mut links = self.ref_links(
                        refs.get(name).map(Vec::as_slice).unwrap_or(&[]),
                        lang,
                        path,
                    );
                    match field.value {
                        FieldValue::Ref(_) if links.is_empty() => continue,
                        FieldValue::Ref(_) => links.swap_remove(0),
                        _ => Value::Array(links),
                    }
                }
                other => plain_value(other),
            };
            out.insert(name.clone(), value);
        }
        out
    }

    fn ref_links(&self, groups: &[usize], lang: &str, path: &str) -> Vec<Value> {
        groups
            .iter()
            .map(|&group| {
                let target = self.site.version_in(self.site.groups[group][0], lang);
                let t = self.document(target);
                json!({"title": t.title, "href": self.href(path, &self.site.paths[target]), "collection": t.collection()})
            })
            .collect()
    }

    /// A `markdown` field: rendered with the links of its document; its
    /// problems point at the field's line.
    fn markdown_field(
        &self,
        id: EntryId,
        source: &str,
        path: &str,
        line: usize,
        problems: &mut Vec<Diagnostic>,
    ) -> String {
        let resolver = DocumentLinks {
            site: self.site,
            id,
            from: path,
        };
        let rendered = markdown::render(source, &self.markdown, &resolver);
        for problem in &rendered.problems {
            let mut d = Diagnostic::new(problem.severity, problem.message.clone())
                .at(self.document(id).line_span(line));
            if let Some(hint) = &problem.hint {
                d = d.hint(hint.clone());
            }
            problems.push(d);
        }
        rendered.html
    }

    /// Terms of taxonomies fed by the entry's declared list fields.
    fn field_terms(&self, id: EntryId, lang: &str, path: &str) -> Value {
        let doc = self.document(id);
        let specs = doc
            .collection()
            .and_then(|c| self.site.config.collections.get(c))
            .map(|c| &c.fields);
        let mut out = Map::new();
        for (name, field) in &doc.fields {
            let taxonomy = specs
                .and_then(|s| s.get(name))
                .and_then(|s| s.taxonomy.as_deref());
            if let (Some(taxonomy), FieldValue::List(values)) = (taxonomy, &field.value) {
                let links: Vec<Value> = values
                    .iter()
                    .map(|v| json!({"name": v, "href": self.href(path, &lists::term_path(self.site, taxonomy, lang, v))}))
                    .collect();
                out.insert(taxonomy.to_string(), Value::Array(links));
            }
        }
        if out.is_empty() {
            Value::Null
        } else {
            Value::Object(out)
        }
    }

    /// Entries that refer to this one, grouped by collection and field.
    fn backrefs(&self, id: EntryId, lang: &str, path: &str) -> Vec<BackRefGroup<'_>> {
        let site = self.site;
        let mut groups: Vec<(String, &'a str, Vec<EntryId>)> = Vec::new();
        for backref in &site.relations.backrefs[site.group_of[id]] {
            let from = site.version_in(site.groups[backref.from_group][0], lang);
            let collection = site.documents[from].collection().unwrap_or("").to_string();
            let field: &'a str = &backref.field;
            match groups
                .iter_mut()
                .find(|(c, f, _)| *c == collection && *f == field)
            {
                Some((_, _, ids)) => ids.push(from),
                None => groups.push((collection, field, vec![from])),
            }
        }
        groups
            .into_iter()
            .map(|(collection, field, mut ids)| {
                let sort_by = site
                    .config
                    .collections
                    .get(&collection)
                    .map_or(SortBy::Title, |c| c.sort_by);
                site.sort(&mut ids, sort_by);
                BackRefGroup {
                    collection: self.collection_link(&collection, lang, path),
                    field,
                    entries: ids.into_iter().map(|e| self.card_value(e, lang)).collect(),
                }
            })
            .collect()
    }

    fn sections(&self, lang: &'a str, path: &str) -> Vec<Section<'_>> {
        self.site
            .lists
            .iter()
            .map(|(collection, per_lang)| Section {
                collection: self.collection_link(collection, lang, path),
                entries: per_lang
                    .get(lang)
                    .into_iter()
                    .flatten()
                    .take(HOME_SECTION_SIZE)
                    .map(|&id| self.card_value(id, lang))
                    .collect(),
            })
            .collect()
    }

    /// The card of entry `id` in a list of `lang`, as templates see it:
    /// made the first time a page shows it, then the same value for every
    /// page (lists show an entry on its collection's pages, each of its
    /// terms' pages, the home page and the pages it refers to).
    pub(super) fn card_value(&self, id: EntryId, lang: &str) -> CardValue<'_> {
        let value = || serde_json::to_value(self.card(id, lang)).unwrap_or_default();
        match self.card_values.slot(id, lang) {
            Some(slot) => CardValue::Borrowed(slot.get_or_init(value)),
            None => CardValue::Owned(value()),
        }
    }

    /// An entry as a card in a list of a page in `lang`. Its links are
    /// written from the site root ([`Renderer::root_link`]), so a card is
    /// the same on every page that shows it.
    fn card(&self, id: EntryId, lang: &str) -> Card<'_> {
        let doc = self.document(id);
        let other_language = doc.source.lang != lang;
        let specs = doc
            .collection()
            .and_then(|c| self.site.config.collections.get(c))
            .map(|c| &c.fields);
        let fields = doc
            .fields
            .iter()
            .map(|(name, field)| {
                let spec = specs.and_then(|s| s.get(name));
                let value = match (&field.value, spec) {
                    (FieldValue::Asset(p), _) => Value::String(self.root_link(p)),
                    // Declared terms in the page's language.
                    (FieldValue::List(items), Some(spec)) if other_language => json!(items
                        .iter()
                        .map(|item| self.term_label(spec, item, lang))
                        .collect::<Vec<_>>()),
                    (other, _) => plain_value(other),
                };
                (name.clone(), value)
            })
            .collect();
        Card {
            title: &doc.title,
            href: self.root_link(&self.site.paths[id]),
            date: doc.date.map(|d| d.ymd()),
            summary: &self.bodies.get(id).summary_html,
            collection: doc.collection(),
            collection_title: doc
                .collection()
                .map(|c| self.site.config.collection_title(c, lang)),
            image: doc.image.as_deref().map(|p| Image {
                href: self.root_link(p),
                url: crate::urls::absolute(&self.site.config.base_url, p),
                alt: doc.image_alt.as_deref().unwrap_or(""),
            }),
            fields,
            tags: &doc.tags,
            lang: (doc.source.lang != lang).then_some(self.lang_of(&doc.source.lang)),
        }
    }
}

/// A field as a plain JSON value (refs as written).
fn plain_value(value: &FieldValue) -> Value {
    match value {
        FieldValue::Text(s)
        | FieldValue::Markdown(s)
        | FieldValue::Asset(s)
        | FieldValue::Ref(s) => json!(s),
        FieldValue::Int(i) => json!(i),
        FieldValue::Date(d) => json!(d.ymd()),
        FieldValue::Bool(b) => json!(b),
        FieldValue::List(l) | FieldValue::Refs(l) => json!(l),
    }
}

/// The cards of a build, made once each ([`Renderer::card_value`]).
#[derive(Debug, Default)]
pub(super) struct CardValues {
    /// For each of the site's languages, a slot per document.
    languages: Vec<(String, Vec<OnceLock<Value>>)>,
}

impl CardValues {
    pub(super) fn new(site: &crate::site::Site) -> Self {
        let slots = || (0..site.documents.len()).map(|_| OnceLock::new()).collect();
        CardValues {
            languages: site
                .config
                .language_codes()
                .map(|lang| (lang.to_string(), slots()))
                .collect(),
        }
    }

    /// The slot of entry `id`'s card in lists of `lang` (none for a
    /// language the site does not declare).
    fn slot(&self, id: EntryId, lang: &str) -> Option<&OnceLock<Value>> {
        let (_, slots) = self.languages.iter().find(|(l, _)| l == lang)?;
        slots.get(id)
    }
}
