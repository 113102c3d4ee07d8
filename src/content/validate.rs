//! Schema validation of one document: the common fields and its
//! collection's declared fields, each checked by type, then the rules that
//! span fields (required ones, `image` needs `image_alt`, valid slug and
//! aliases). Every problem of the document is collected; warnings (a comma
//! in a one-value list) do not stop it from being built.

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde_json::Value;

use super::frontmatter::{self, Body};
use super::placeholder::{self, Placeholder};
use super::schema::{self, check_value, AssetLookup, EntryDate, FieldValue, Mismatch};
use super::terms::{self, TermLanguage};
use super::{suggest, Document, Field, Role, SourceFile, COMMON_FIELDS};
use crate::config::{Config, FieldSpec, FieldType};
use crate::diagnostics::{Diagnostic, Span};
use crate::messages::Message;
use crate::msg;
use crate::slug;

/// Finds assets under `assets/` first, then next to the entry.
struct Assets<'a> {
    root: &'a Path,
    entry_dir: PathBuf,
}

impl AssetLookup for Assets<'_> {
    fn find(&self, written: &str) -> Option<String> {
        let relative = written.trim_start_matches('/');
        if self.root.join("assets").join(relative).is_file() {
            return Some(relative.to_string());
        }
        let beside = self.entry_dir.join(relative);
        let content = self.root.join("content");
        beside
            .is_file()
            .then(|| site_path(beside.strip_prefix(&content).unwrap_or(&beside)))
    }
}

fn site_path(relative: &Path) -> String {
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The type each common field is checked as.
fn common_spec(name: &str) -> Option<FieldSpec> {
    let kind = match name {
        "title" | "slug" | "summary" | "image_alt" => FieldType::String,
        "date" | "updated" | "publish_after" => FieldType::Date,
        "draft" => FieldType::Bool,
        "tags" | "aliases" => FieldType::List,
        "image" => FieldType::Asset,
        "weight" => FieldType::Int,
        _ => return None,
    };
    Some(FieldSpec {
        kind,
        required: false,
        taxonomy: None,
        to: None,
        values: Vec::new(),
        private: false,
    })
}

/// Checks a raw document against its schema: the document and its
/// warnings, or every problem when one is an error.
pub(super) fn validate(
    root: &Path,
    config: &Config,
    source: SourceFile,
    raw: frontmatter::RawDocument,
) -> Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>> {
    let declared = match &source.role {
        Role::Entry { collection } => config.collections.get(collection).map(|c| &c.fields),
        _ => None,
    };
    let assets = Assets {
        root,
        entry_dir: source
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default(),
    };
    let mut checker = Checker::new(&source, &raw.text);
    let mut common: IndexMap<&str, (FieldValue, usize)> = IndexMap::new();
    let mut fields = IndexMap::new();
    let mut extra = Value::Null;
    for (key, (value, line)) in &raw.fields {
        if key == "extra" {
            extra = value.clone();
        } else if let Some(spec) = common_spec(key) {
            let spec = FieldSpec {
                taxonomy: (key == "tags").then(|| "tags".to_string()),
                ..spec
            };
            if let Some(v) = checker.check(config, key, *line, &spec, value, &assets) {
                common.insert(
                    COMMON_FIELDS
                        .iter()
                        .find(|f| *f == key)
                        .copied()
                        .unwrap_or("title"),
                    (v, *line),
                );
            }
        } else if let Some(spec) = declared.and_then(|d| d.get(key)) {
            if let Some(v) = checker.check(config, key, *line, spec, value, &assets) {
                fields.insert(
                    key.clone(),
                    Field {
                        value: v,
                        line: *line,
                    },
                );
            }
        } else {
            checker.unknown_field(key, value, *line, declared);
        }
    }
    checker.body_placeholders(&raw.body);
    // A field left empty (`website:`) is not written: if it is required,
    // it is missing.
    let written: Vec<&str> = raw
        .fields
        .iter()
        .filter(|(_, (value, _))| !value.is_null())
        .map(|(key, _)| key.as_str())
        .collect();
    let document = checker.assemble(config, common, fields, extra, declared, &written);
    let problems = checker.problems;
    match document {
        Some(fields) if !problems.iter().any(Diagnostic::is_error) => Ok((
            Document {
                source,
                text: raw.text,
                body: raw.body,
                extra: fields.extra,
                ..fields.document
            },
            problems,
        )),
        _ => Err(problems),
    }
}

/// Collects the problems of one document while its fields are checked.
struct Checker<'a> {
    source: &'a SourceFile,
    text: &'a str,
    problems: Vec<Diagnostic>,
    /// Fields offered by "did you mean" to a misspelt one: if they are
    /// missing, that error already says so (one fault, one error).
    offered: Vec<String>,
}

/// A document without its text (filled in by `validate`).
struct Assembled {
    document: Document,
    extra: Value,
}

impl<'a> Checker<'a> {
    fn new(source: &'a SourceFile, text: &'a str) -> Self {
        Checker {
            offered: Vec::new(),
            source,
            text,
            problems: Vec::new(),
        }
    }

    fn span(&self, line: usize) -> Span {
        Span::line_of(&self.source.display, self.text, line)
    }

    fn error(&mut self, line: usize, message: Message, hint: Message) {
        let diagnostic = Diagnostic::error(message).at(self.span(line)).hint(hint);
        self.problems.push(diagnostic);
    }

    fn check(
        &mut self,
        config: &Config,
        key: &str,
        line: usize,
        spec: &FieldSpec,
        value: &Value,
        assets: &dyn AssetLookup,
    ) -> Option<FieldValue> {
        if value.is_null() {
            return None;
        }
        if let Some((mark, kind)) = placeholder::in_value(value) {
            self.placeholder(config, key, line, spec, mark, kind);
            return None;
        }
        let checked = match check_value(key, spec, value, assets) {
            Ok(v) => v,
            Err(Mismatch { message, hint }) => {
                self.error(line, message, hint);
                return None;
            }
        };
        let terms = spec
            .taxonomy
            .as_ref()
            .and_then(|t| config.taxonomies.get_key_value(t))
            .filter(|(_, t)| !t.terms.is_empty());
        match (checked, terms) {
            (FieldValue::List(values), Some((taxonomy, t))) => {
                let language = TermLanguage {
                    lang: &self.source.lang,
                    default_lang: &config.default_language,
                };
                match terms::check(key, taxonomy, &t.terms, values, &language) {
                    Ok(labels) => Some(FieldValue::List(labels)),
                    Err(unknown) => {
                        for (message, hint) in unknown {
                            self.error(line, message, hint);
                        }
                        None
                    }
                }
            }
            (checked, _) => {
                self.comma_in_one_value(key, line, spec, value);
                Some(checked)
            }
        }
    }

    /// A field still holding the mark `parvis new` wrote: one error naming
    /// the mark and the field, and what to write instead.
    fn placeholder(
        &mut self,
        config: &Config,
        key: &str,
        line: usize,
        spec: &FieldSpec,
        mark: &str,
        kind: Placeholder,
    ) {
        let message = msg!("placeholder-left", field = key, placeholder = mark);
        let hint = match kind {
            Placeholder::Translate => {
                msg!(
                    "placeholder-translate-hint",
                    field = key,
                    placeholder = mark
                )
            }
            Placeholder::FillIn => {
                let lang = &self.source.lang;
                let terms = spec
                    .taxonomy
                    .as_ref()
                    .and_then(|t| config.taxonomies.get(t))
                    .filter(|t| !t.terms.is_empty())
                    .map(|t| t.terms.labels(lang, &config.default_language).collect());
                let words = schema::type_words(spec, terms);
                msg!(
                    "placeholder-fill-hint",
                    field = key,
                    placeholder = mark,
                    kind = words.kind,
                    values = words.values,
                    collection = words.collection
                )
            }
        };
        self.error(line, message, hint);
    }

    /// Lines of the body that start with a mark `parvis new` wrote.
    fn body_placeholders(&mut self, body: &Body) {
        let text = match body {
            Body::Tail(start) => &self.text[*start..],
            Body::Field(text, _) => text.as_str(),
        };
        for (offset, len, mark, kind) in placeholder::in_body(text) {
            // A YAML file's body is placed at its `body:` line.
            let span = match body {
                Body::Tail(start) => {
                    Span::in_text(&self.source.display, self.text, start + offset, len)
                }
                Body::Field(_, line) => self.span(*line),
            };
            let hint = match kind {
                Placeholder::FillIn => msg!("placeholder-body-fill-hint"),
                Placeholder::Translate => msg!("placeholder-body-translate-hint"),
            };
            let error = msg!("placeholder-in-body", placeholder = mark);
            self.problems
                .push(Diagnostic::error(error).at(span).hint(hint));
        }
    }

    /// `tags: imagerie, chirurgie` is one tag, `imagerie, chirurgie`:
    /// probably not what was meant, but valid, so a warning.
    fn comma_in_one_value(&mut self, key: &str, line: usize, spec: &FieldSpec, value: &Value) {
        let Value::String(text) = value else {
            return;
        };
        if spec.kind != FieldType::List || !text.contains(',') {
            return;
        }
        let items: Vec<&str> = text
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let warning = Diagnostic::warning(msg!(
            "list-comma-in-one-value",
            field = key,
            value = crate::messages::quoted(text)
        ))
        .at(self.span(line))
        .hint(msg!(
            "list-use-brackets",
            field = key,
            items = items.join(", ")
        ));
        self.problems.push(warning);
    }

    fn unknown_field(
        &mut self,
        key: &str,
        value: &Value,
        line: usize,
        declared: Option<&IndexMap<String, FieldSpec>>,
    ) {
        let candidates: Vec<(&str, FieldType)> = COMMON_FIELDS
            .iter()
            .filter_map(|name| Some((*name, common_spec(name)?.kind)))
            .chain(
                declared
                    .into_iter()
                    .flatten()
                    .map(|(name, spec)| (name.as_str(), spec.kind)),
            )
            .collect();
        let known = || {
            let names: Vec<&str> = COMMON_FIELDS
                .iter()
                .copied()
                .chain(
                    declared
                        .into_iter()
                        .flat_map(|d| d.keys().map(String::as_str)),
                )
                .collect();
            names.join(", ")
        };
        let hint = match suggest::field(key, value, candidates) {
            Some(close) => {
                self.offered.push(close.to_string());
                msg!("did-you-mean", close = close)
            }
            None => match declared {
                Some(_) => msg!("field-declare-or-use", known = known()),
                None => msg!("field-known", known = known()),
            },
        };
        self.error(line, msg!("field-unknown", field = key), hint);
    }

    fn assemble(
        &mut self,
        config: &Config,
        mut common: IndexMap<&str, (FieldValue, usize)>,
        fields: IndexMap<String, Field>,
        extra: Value,
        declared: Option<&IndexMap<String, FieldSpec>>,
        written: &[&str],
    ) -> Option<Assembled> {
        let mut take = |name: &str| common.shift_remove(name);
        let text_of = |v: Option<(FieldValue, usize)>| match v {
            Some((FieldValue::Text(s), _)) => Some(s),
            _ => None,
        };
        let date_of = |v: Option<(FieldValue, usize)>| match v {
            Some((FieldValue::Date(d), _)) => Some(d),
            _ => None,
        };
        let list_of = |v: Option<(FieldValue, usize)>| match v {
            Some((FieldValue::List(l), line)) => (l, line),
            _ => (Vec::new(), 0),
        };
        let title = text_of(take("title"));
        let slug_field = take("slug");
        let date = date_of(take("date")).or_else(|| {
            self.source
                .date_prefix
                .as_deref()
                .and_then(EntryDate::parse)
        });
        let (tags, _) = list_of(take("tags"));
        let (aliases, aliases_line) = list_of(take("aliases"));
        let image = take("image");
        let image_alt = text_of(take("image_alt"));
        let document = Document {
            source: self.source.clone(),
            text: String::new(),
            body: Body::Tail(0),
            title: title.clone().unwrap_or_default(),
            slug: self.slug(slug_field),
            date,
            updated: date_of(take("updated")),
            draft: matches!(take("draft"), Some((FieldValue::Bool(true), _))),
            publish_after: date_of(take("publish_after")),
            summary: text_of(take("summary")),
            tags: tags.into_iter().filter(|t| !t.trim().is_empty()).collect(),
            image: match &image {
                Some((FieldValue::Asset(path), _)) => Some(path.clone()),
                _ => None,
            },
            image_alt: image_alt.clone(),
            aliases: self.aliases(aliases, aliases_line),
            weight: match take("weight") {
                Some((FieldValue::Int(w), _)) => Some(w),
                _ => None,
            },
            extra: Value::Null,
            fields,
        };
        self.require(config, &document, declared, written);
        if let (Some((_, line)), None) = (&image, &image_alt) {
            self.error(
                *line,
                msg!("image-without-alt"),
                msg!("image-without-alt-hint"),
            );
        }
        Some(Assembled { document, extra })
    }

    fn slug(&mut self, written: Option<(FieldValue, usize)>) -> String {
        match written {
            Some((FieldValue::Text(s), line)) => {
                if !slug::is_valid(&s) {
                    self.error(
                        line,
                        msg!("slug-invalid", slug = crate::messages::quoted(&s)),
                        msg!("slug-hint", slug = slug::slugify(&s)),
                    );
                }
                s
            }
            _ => {
                let s = slug::slugify(&self.source.name);
                if s.is_empty() && !matches!(self.source.role, Role::Home | Role::ListIntro { .. })
                {
                    self.error(1, msg!("slug-empty"), msg!("slug-empty-hint"));
                }
                s
            }
        }
    }

    fn aliases(&mut self, written: Vec<String>, line: usize) -> Vec<String> {
        let mut out = Vec::new();
        for alias in written {
            let trimmed = alias.trim_matches('/');
            let path = trimmed
                .strip_suffix("index.html")
                .unwrap_or(trimmed)
                .trim_end_matches('/');
            if !alias.starts_with('/') || !schema::is_safe_relative(path) {
                self.error(
                    line,
                    msg!("alias-not-a-site-path", alias = alias),
                    msg!("alias-not-a-site-path-hint"),
                );
                continue;
            }
            out.push(format!("{path}/"));
        }
        out
    }

    /// Reports required fields that are not written at all (a field written
    /// with a wrong value already has its own diagnostic).
    fn require(
        &mut self,
        config: &Config,
        document: &Document,
        declared: Option<&IndexMap<String, FieldSpec>>,
        written: &[&str],
    ) {
        let is_entry_or_page = matches!(self.source.role, Role::Entry { .. } | Role::Page);
        let mut missing: Vec<String> = Vec::new();
        if is_entry_or_page {
            missing.push("title".into());
        }
        let sorted_by_date = document
            .collection()
            .and_then(|c| config.collections.get(c))
            .is_some_and(|c| c.sort_by == crate::config::SortBy::Date);
        if is_entry_or_page && sorted_by_date && document.date.is_none() {
            missing.push("date".into());
        }
        if is_entry_or_page {
            for (name, spec) in declared.into_iter().flatten() {
                if spec.required && !document.fields.contains_key(name) {
                    missing.push(name.clone());
                }
            }
        }
        missing.retain(|name| !written.contains(&name.as_str()) && !self.offered.contains(name));
        if document.date.is_some() {
            missing.retain(|name| name != "date");
        }
        for name in missing {
            self.problems.push(
                Diagnostic::error(msg!("field-required", field = name))
                    .at(self.span(1))
                    .hint(msg!("field-required-hint", field = name)),
            );
        }
    }
}
