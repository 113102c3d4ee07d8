//! `parvis check`: everything a build reports, without writing anything,
//! and what an accessibility reviewer would flag.
//!
//! The build core ([`crate::workspace`]) runs into a sink that keeps
//! nothing, so the errors and warnings are exactly those of a build. Then
//! each published document is reviewed ([`crate::markdown::review`]:
//! images without a text alternative, links without text, skipped heading
//! levels; and here: entries without a summary), and with `--external`
//! the links to other sites are asked for ([`external`]).

pub mod external;

use std::path::PathBuf;
use std::time::Duration;

use crate::bodies::Bodies;
use crate::build::{BuildRequest, Progress};
use crate::content::{Document, Role};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::markdown::review::{review, OutsideLink};
use crate::msg;
use crate::output::sink::Discard;
use crate::site::Site;
use crate::workspace::{run, run_publish, Caches, Changes};

/// What to check, from the command line.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    /// The site root (holds `site.toml`).
    pub root: PathBuf,
    /// Check drafts too.
    pub drafts: bool,
    /// Ask for the links to other sites, with this time limit per link.
    pub external: Option<Duration>,
}

/// What a check found.
#[derive(Debug)]
pub struct CheckReport {
    /// Pages the site has (0 when the build core stopped early).
    pub pages: usize,
    /// Errors and warnings, sorted.
    pub problems: Diagnostics,
}

/// Checks the site of `request`; writes nothing but, with `--external`,
/// the cache of link answers.
pub fn check(request: &CheckRequest) -> CheckReport {
    let build = BuildRequest {
        root: request.root.clone(),
        drafts: request.drafts,
        ..BuildRequest::default()
    };
    let mut caches = Caches::new(&request.root);
    let sink = Discard;
    let mut problems = Diagnostics::new();
    let mut pages = 0;
    match run(
        &mut caches,
        &build,
        &Changes::everything(),
        &sink,
        &Progress::default(),
    ) {
        Ok(mut pass) => {
            pages = pass.pages;
            problems.extend(pass.problems);
            let (_, published) = run_publish(&caches, &sink, &mut pass.timer);
            problems.extend(published);
        }
        Err(found) => problems.extend(found),
    }
    if let Some((site, bodies)) = caches.site() {
        let (found, links) = review_site(site, bodies);
        problems.extend(found);
        if let Some(timeout) = request.external {
            problems.extend(external::check(caches.root(), &links, timeout));
        }
    }
    problems.sort();
    CheckReport { pages, problems }
}

/// A link to another site and where it is written.
#[derive(Debug, Clone)]
pub struct Written {
    /// The address.
    pub url: String,
    /// Where.
    pub span: Span,
}

/// The accessibility review of every document, and the links to other
/// sites they hold (in bodies and `url` fields).
fn review_site(site: &Site, bodies: &Bodies) -> (Vec<Diagnostic>, Vec<Written>) {
    let mut problems = Vec::new();
    let mut links = Vec::new();
    for (id, doc) in site.documents.iter().enumerate() {
        let found = review(doc.body_text());
        for problem in found.problems {
            let mut d = Diagnostic::new(problem.severity, problem.message)
                .at(doc.body_span(problem.offset, problem.len))
                .label(problem.label);
            if let Some(hint) = problem.hint {
                d = d.hint(hint);
            }
            problems.push(d);
        }
        links.extend(
            found
                .outside_links
                .into_iter()
                .map(|OutsideLink { url, offset, len }| Written {
                    url,
                    span: doc.body_span(offset, len),
                }),
        );
        links.extend(url_fields(site, doc));
        let summary_empty = bodies.get(id).summary_text.trim().is_empty();
        let is_entry = matches!(doc.source.role, Role::Entry { .. } | Role::Page);
        if is_entry && doc.summary.is_none() && summary_empty {
            problems.push(
                Diagnostic::warning(msg!("review-no-summary"))
                    .at(title_span(doc))
                    .hint(msg!("review-no-summary-hint")),
            );
        }
    }
    (problems, links)
}

/// The `url` fields of a document that lead to other sites.
fn url_fields<'a>(site: &'a Site, doc: &'a Document) -> impl Iterator<Item = Written> + 'a {
    let declared = doc
        .collection()
        .and_then(|c| site.config.collections.get(c))
        .map(|c| &c.fields);
    doc.fields.iter().filter_map(move |(name, field)| {
        let spec = declared?.get(name)?;
        match (&spec.kind, &field.value) {
            (crate::config::FieldType::Url, crate::content::FieldValue::Text(url)) => {
                Some(Written {
                    url: url.clone(),
                    span: doc.line_span(field.line),
                })
            }
            _ => None,
        }
    })
}

/// The line of `title:`, else the first line.
fn title_span(doc: &Document) -> Span {
    let line = doc
        .front_matter()
        .lines()
        .position(|l| l.starts_with("title:"))
        .map_or(1, |i| i + 1);
    doc.line_span(line)
}
