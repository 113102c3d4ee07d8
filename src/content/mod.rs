//! Content: the second stage of a build, from files to validated documents.
//!
//! [`load`] discovers the files under `content/`, reads them in parallel,
//! and checks each against its collection's schema. What comes out is a
//! list of [`Document`]s, each complete on its own; relations between them
//! (refs, translations, duplicate URLs) are the `site` stage's business.

pub mod discover;
pub mod frontmatter;
pub mod placeholder;
pub mod schema;
mod suggest;
mod terms;
mod validate;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;
use rayon::prelude::*;
use serde_json::Value;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Span};
pub use discover::{Format, Role, SourceFile};
pub use frontmatter::Body;
pub use schema::{EntryDate, FieldValue};
use validate::validate;

/// A document and its warnings, or everything wrong with it.
type Checked = Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>>;

/// Fields every entry may have, whatever its collection.
pub const COMMON_FIELDS: &[&str] = &[
    "title",
    "slug",
    "date",
    "updated",
    "draft",
    "publish_after",
    "summary",
    "tags",
    "image",
    "image_alt",
    "aliases",
    "weight",
    "extra",
];

/// A declared field with the line it was written on.
#[derive(Debug, Clone)]
pub struct Field {
    /// The typed value.
    pub value: FieldValue,
    /// 1-based line in the file.
    pub line: usize,
}

/// One content file, parsed and checked against its schema.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it came from and what it is.
    pub source: SourceFile,
    /// The normalized text of the file (diagnostics quote it).
    pub text: String,
    /// Where the Markdown body is.
    pub body: Body,
    /// `title`.
    pub title: String,
    /// `slug`, or the normalized file name.
    pub slug: String,
    /// `date`, or the file name's date prefix.
    pub date: Option<EntryDate>,
    /// `updated`.
    pub updated: Option<EntryDate>,
    /// `draft`.
    pub draft: bool,
    /// `publish_after`.
    pub publish_after: Option<EntryDate>,
    /// `summary`, as written.
    pub summary: Option<String>,
    /// `tags`.
    pub tags: Vec<String>,
    /// `image`: its site path.
    pub image: Option<String>,
    /// `image_alt`.
    pub image_alt: Option<String>,
    /// `aliases`: site paths without leading slash, ending in `/`.
    pub aliases: Vec<String>,
    /// `weight`.
    pub weight: Option<i64>,
    /// `extra`, untouched.
    pub extra: Value,
    /// The collection's declared fields that this entry sets.
    pub fields: IndexMap<String, Field>,
}

impl Document {
    /// The Markdown body.
    pub fn body_text(&self) -> &str {
        match &self.body {
            Body::Tail(start) => &self.text[*start..],
            Body::Field(text, _) => text,
        }
    }

    /// The text of the file that is not its Markdown body: the front
    /// matter of a Markdown file, all of a YAML file. Two versions of a
    /// file with the same front matter differ only by their body.
    pub fn front_matter(&self) -> &str {
        match &self.body {
            Body::Tail(start) => &self.text[..(*start).min(self.text.len())],
            Body::Field(..) => &self.text,
        }
    }

    /// The collection key, for entries and list intros.
    pub fn collection(&self) -> Option<&str> {
        match &self.source.role {
            Role::Entry { collection } | Role::ListIntro { collection } => Some(collection),
            Role::Home | Role::Page => None,
        }
    }

    /// Forgets the file's text once its body is rendered and its problems
    /// placed, for a build that runs once: the text is the largest part of
    /// a document, and nothing after the bodies reads it. Spans made later
    /// name the file without quoting it.
    pub fn forget_text(&mut self) {
        self.text = String::new();
        self.body = match &self.body {
            Body::Tail(_) => Body::Tail(0),
            Body::Field(_, line) => Body::Field(String::new(), *line),
        };
    }

    /// The span of a whole line of this file.
    pub fn line_span(&self, line: usize) -> Span {
        Span::line_of(&self.source.display, &self.text, line)
    }

    /// The span of a byte offset inside the Markdown body.
    pub fn body_span(&self, offset: usize, len: usize) -> Span {
        match &self.body {
            Body::Tail(start) => {
                Span::in_text(&self.source.display, &self.text, start + offset, len)
            }
            Body::Field(_, line) => self.line_span(*line),
        }
    }
}

/// What one content file became: a document, or everything wrong with it.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// It passed its checks.
    Document {
        /// The document.
        document: Arc<Document>,
        /// What is probably not what the editor meant.
        warnings: Vec<Diagnostic>,
    },
    /// It did not. The file still owns its address: refs and links to it
    /// are not reported again as dangling, so one fault gives one error.
    Failed {
        /// The file.
        source: Box<SourceFile>,
        /// Its problems.
        problems: Vec<Diagnostic>,
    },
}

/// Reads and validates one content file.
pub fn load_source(root: &Path, config: &Config, source: SourceFile) -> Outcome {
    let kept = Box::new(source.clone());
    let checked: Checked = frontmatter::read(&source)
        .map_err(|d| vec![d])
        .and_then(|raw| validate(root, config, source, raw));
    match checked {
        Ok((document, warnings)) => Outcome::Document {
            document: Arc::new(document),
            warnings,
        },
        Err(problems) => Outcome::Failed {
            source: kept,
            problems,
        },
    }
}

/// The outcome of the content stage.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every document that passed its checks, in file order.
    pub documents: Vec<Arc<Document>>,
    /// Non-content files under `content/` (copied beside the pages).
    pub files: Vec<PathBuf>,
    /// Every problem found (errors and warnings).
    pub problems: Vec<Diagnostic>,
    /// Content files that exist but failed their checks: they still own
    /// their address, so refs and links to them are not reported again.
    pub failed: Vec<SourceFile>,
}

/// Discovers, reads and validates all content under `root`.
pub fn load(root: &Path, config: &Config) -> Loaded {
    let found = discover::discover(root, config);
    let outcomes: Vec<Outcome> = found
        .sources
        .into_par_iter()
        .map(|source| load_source(root, config, source))
        .collect();
    let mut loaded = Loaded {
        files: found.files,
        problems: found.problems,
        ..Loaded::default()
    };
    loaded.add(outcomes);
    loaded
}

impl Loaded {
    /// Adds the outcomes of content files, in file order.
    pub fn add(&mut self, outcomes: impl IntoIterator<Item = Outcome>) {
        for outcome in outcomes {
            match outcome {
                Outcome::Document { document, warnings } => {
                    self.documents.push(document);
                    self.problems.extend(warnings);
                }
                Outcome::Failed { source, problems } => {
                    self.problems.extend(problems);
                    self.failed.push(*source);
                }
            }
        }
    }
}
