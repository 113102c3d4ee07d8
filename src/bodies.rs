//! Bodies: every document's Markdown rendered to HTML once per build.
//!
//! The entry page, the summaries that lists and meta descriptions show, the
//! feeds and the search index all read the same [`Body`], so a body is
//! parsed once however many places show it. A body's links are made
//! relative to the document's own page; [`rebase_links`] moves them to
//! another page (a list's intro on its later pages) or makes them absolute
//! (feeds).

use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::content::Document;
use crate::diagnostics::did_you_mean;
use crate::diagnostics::{Diagnostic, Span};
use crate::markdown::{self, Heading, LinkKind, LinkResolver, LinkTarget};
use crate::msg;
use crate::render::links::DocumentLinks;
use crate::render::templates::escape_html;
use crate::site::Owner;
use crate::site::{EntryId, Site};

/// One document's body, rendered.
#[derive(Debug, Clone, Default)]
pub struct Body {
    /// The body as HTML, links relative to the document's page.
    pub html: String,
    /// The summary as plain text: `summary:` when written, else the text
    /// before `<!-- more -->`, else the first paragraph.
    pub summary_text: String,
    /// The same, escaped for HTML.
    pub summary_html: String,
    /// Plain text of the whole body, whitespace collapsed (search).
    pub text: String,
    /// Every heading, in document order.
    pub headings: Vec<Heading>,
    /// Broken links, placed in the document.
    pub problems: Vec<Diagnostic>,
    /// How each link destination was resolved: the body stays right as
    /// long as they all resolve the same way.
    pub links: Vec<ResolvedLink>,
    /// A digest of the HTML: equal versions, equal bodies.
    pub version: u64,
    /// Destinations with a `#fragment`, checked against their page's
    /// headings once every body is rendered ([`check_fragments`]).
    pub fragments: Vec<Fragment>,
}

/// A link of a body with a `#fragment`, placed in its file while the
/// file's text is at hand (a build may forget it before the check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// The destination as written (entities decoded).
    pub dest: String,
    /// Where the link is written.
    pub span: Span,
}

/// A link destination of a body and what it became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedLink {
    /// As written.
    pub dest: String,
    /// Link or image.
    pub kind: LinkKind,
    /// What it became.
    pub target: LinkTarget,
}

/// Notes what every destination resolved to.
struct Recording<'r> {
    inner: &'r dyn LinkResolver,
    seen: Mutex<Vec<ResolvedLink>>,
}

impl LinkResolver for Recording<'_> {
    fn resolve(&self, dest: &str, kind: LinkKind) -> LinkTarget {
        let target = self.inner.resolve(dest, kind);
        if let Ok(mut seen) = self.seen.lock() {
            seen.push(ResolvedLink {
                dest: dest.to_string(),
                kind,
                target: target.clone(),
            });
        }
        target
    }
}

/// The bodies of every document of a site, by [`EntryId`].
#[derive(Debug, Default)]
pub struct Bodies(Vec<Arc<Body>>);

impl Bodies {
    /// Renders every document's body, in parallel.
    pub fn render(site: &Site) -> Bodies {
        Bodies::render_with(site, |_| None)
    }

    /// Renders every document's body in parallel, reusing what `known`
    /// gives for a document when it is still right for this site.
    pub fn render_with(site: &Site, known: impl Fn(EntryId) -> Option<Arc<Body>> + Sync) -> Bodies {
        Bodies(
            (0..site.documents.len())
                .into_par_iter()
                .map(|id| match known(id) {
                    Some(body) if still_right(site, id, &body) => body,
                    _ => Arc::new(render(site, id)),
                })
                .collect(),
        )
    }

    /// Renders every document's body for a run that is the only one,
    /// forgetting each document's text once its body is made: the texts
    /// and the bodies are never all held at once. Documents go by slices,
    /// each rendered in parallel.
    pub fn render_once(site: &mut Site) -> Bodies {
        const SLICE: usize = 1024;
        let count = site.documents.len();
        let mut bodies = Vec::with_capacity(count);
        for start in (0..count).step_by(SLICE) {
            let ids = start..(start + SLICE).min(count);
            let site_now: &Site = site;
            bodies.par_extend(
                ids.clone()
                    .into_par_iter()
                    .map(|id| Arc::new(render(site_now, id))),
            );
            site.forget_texts(ids);
        }
        Bodies(bodies)
    }

    /// These bodies with those of documents `ids` rendered again (their
    /// text changed, nothing else did).
    pub fn with_rendered(&self, site: &Site, ids: &[EntryId]) -> Bodies {
        let mut bodies = self.0.clone();
        let fresh: Vec<(EntryId, Arc<Body>)> = ids
            .par_iter()
            .map(|&id| (id, Arc::new(render(site, id))))
            .collect();
        for (id, body) in fresh {
            if let Some(slot) = bodies.get_mut(id) {
                *slot = body;
            }
        }
        Bodies(bodies)
    }

    /// How many bodies there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The body of document `id`.
    pub fn get(&self, id: EntryId) -> &Body {
        &self.0[id]
    }

    /// The body of document `id`, shared.
    pub fn shared(&self, id: EntryId) -> &Arc<Body> {
        &self.0[id]
    }

    /// Forgets the HTML of every body but those `keep` names and that
    /// nothing else holds, for a build that runs once: once its page is
    /// written, a body's HTML is only read again by the feeds.
    pub fn forget_html(&mut self, keep: impl Fn(EntryId) -> bool) {
        for (id, body) in self.0.iter_mut().enumerate() {
            if let (false, Some(body)) = (keep(id), Arc::get_mut(body)) {
                body.html = String::new();
            }
        }
    }

    /// Every problem found while rendering, in document order.
    pub fn problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().flat_map(|b| b.problems.iter())
    }
}

/// Renders the body of document `id`, its links resolved as seen from its
/// own page (list intros: from their list's first page).
pub fn render(site: &Site, id: EntryId) -> Body {
    let doc = &site.documents[id];
    let options = markdown::Options {
        unsafe_html: site.config.unsafe_html,
    };
    let from = site.page_of(id);
    let resolver = Recording {
        inner: &DocumentLinks {
            site,
            id,
            from: &from,
        },
        seen: Mutex::default(),
    };
    let source = doc.body_text();
    let rendered = if source.trim().is_empty() {
        markdown::Rendered::default()
    } else {
        markdown::render(source, &options, &resolver)
    };
    let links = resolver.seen.into_inner().unwrap_or_default();
    let problems = rendered
        .problems
        .iter()
        .map(|problem| {
            let d = Diagnostic::new(problem.severity, problem.message.clone())
                .at(doc.body_span(problem.offset, problem.len))
                .label(problem.label.clone());
            match &problem.hint {
                Some(hint) => d.hint(hint.clone()),
                None => d,
            }
        })
        .collect();
    let summary_text = summary_text(doc, rendered.summary_text);
    let version = crate::output::sink::digest(rendered.html.as_bytes());
    Body {
        version,
        fragments: rendered
            .fragments
            .into_iter()
            .map(|link| Fragment {
                span: doc.body_span(link.offset, link.len),
                dest: link.dest,
            })
            .collect(),
        summary_html: escape_html(&summary_text),
        summary_text,
        // Every body is kept until the end of the build: no spare capacity.
        html: shrunk(rendered.html),
        text: shrunk(rendered.text),
        headings: rendered.headings,
        problems,
        links,
    }
}

fn shrunk(mut s: String) -> String {
    s.shrink_to_fit();
    s
}

/// Checks every `#fragment` of every body against the headings of the page
/// it points to (its own page for `#x`): a fragment that names no heading
/// lands at the top of the page, which is not what the editor meant.
/// Fragments of pages that are not documents (lists, terms) are not
/// checked; broken links are already reported.
pub fn check_fragments(site: &Site, bodies: &Bodies) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for id in 0..bodies.len() {
        let body = bodies.get(id);
        for link in &body.fragments {
            let Some((path, fragment)) = link.dest.split_once('#') else {
                continue;
            };
            if fragment.is_empty() {
                continue;
            }
            let target = if path.is_empty() {
                Some(id)
            } else {
                linked_document(site, id, body, &link.dest)
            };
            let Some(target) = target else {
                continue;
            };
            let ids: Vec<&str> = bodies
                .get(target)
                .headings
                .iter()
                .map(|h| h.id.as_str())
                .collect();
            let wanted = percent_decode(fragment);
            if ids.contains(&wanted.as_str()) {
                continue;
            }
            let mut d = Diagnostic::error(msg!("fragment-missing", fragment = fragment))
                .at(link.span.clone())
                .label(msg!("fragment-missing-label"));
            d = match did_you_mean(&wanted, ids.iter().copied()) {
                Some(close) => d.hint(msg!("fragment-did-you-mean", id = close)),
                None if ids.is_empty() => d.hint(msg!("fragment-no-headings-hint")),
                None => d.hint(msg!(
                    "fragment-headings-hint",
                    ids = ids
                        .iter()
                        .map(|i| format!("`#{i}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            };
            problems.push(d);
        }
    }
    problems
}

/// The document whose page the link `dest` of document `id` leads to, if
/// it leads to one.
fn linked_document(site: &Site, id: EntryId, body: &Body, dest: &str) -> Option<EntryId> {
    let link = body.links.iter().find(|l| l.dest == dest)?;
    let LinkTarget::Rewrite(url) = &link.target else {
        return None;
    };
    let from = site.page_of(id);
    let joined = join(&from, url);
    let path = joined.split(['#', '?']).next().unwrap_or("");
    let path = path.strip_suffix("index.html").unwrap_or(path);
    match site
        .routes
        .index
        .get(path)
        .map(|&i| &site.routes.pages[i].1)
    {
        Some(Owner::Document(target)) => Some(*target),
        _ => None,
    }
}

/// `%C3%A9quipe` → `équipe`; invalid escapes are kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Whether a body rendered earlier for the same document text is still
/// right: every one of its links resolves as it did then.
fn still_right(site: &Site, id: EntryId, body: &Body) -> bool {
    let from = site.page_of(id);
    let resolver = DocumentLinks {
        site,
        id,
        from: &from,
    };
    body.links
        .iter()
        .all(|link| resolver.resolve(&link.dest, link.kind) == link.target)
}

fn summary_text(doc: &Document, derived: String) -> String {
    match &doc.summary {
        Some(written) => written.split_whitespace().collect::<Vec<_>>().join(" "),
        None => derived,
    }
}

/// Rewrites the page-relative `href` and `src` values of `html`, written
/// for the page at site path `from`, with `to(site_path)`: the same link
/// seen from another page, or an absolute URL.
///
/// Only the attributes parvis writes are touched (double-quoted, after a
/// space); text never holds a raw `"`, which the Markdown writer escapes.
pub fn rebase_links(html: &str, from: &str, to: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some((start, attr_len)) = next_link_attribute(rest) {
        let value_start = start + attr_len;
        let Some(value_len) = rest[value_start..].find('"') else {
            break;
        };
        let value = &rest[value_start..value_start + value_len];
        out.push_str(&rest[..value_start]);
        if is_page_relative(value) {
            out.push_str(&to(&join(from, value)));
        } else {
            out.push_str(value);
        }
        rest = &rest[value_start + value_len..];
    }
    out.push_str(rest);
    out
}

/// The next ` href="` or ` src="`: its offset and length.
///
/// One pass that stops at the first of the two: searching each on its own
/// scanned the rest of the page for the other every time, so a body with
/// 20,000 links and no image took seconds (quadratic).
fn next_link_attribute(html: &str) -> Option<(usize, usize)> {
    html.match_indices(' ').find_map(|(i, _)| {
        let rest = &html[i..];
        [" href=\"", " src=\""]
            .into_iter()
            .find(|attr| rest.starts_with(attr))
            .map(|attr| (i, attr.len()))
    })
}

/// Whether `dest` is relative to the page (no scheme, no leading `/`).
pub fn is_page_relative(dest: &str) -> bool {
    let scheme = dest
        .find(':')
        .is_some_and(|i| !dest[..i].contains(['/', '?', '#']));
    !(dest.is_empty() || dest.starts_with(['/', '#', '?']) || scheme)
}

/// The site path that the relative link `link` on the page at `from` points
/// to: `join("news/a/", "../../img/x.png")` is `img/x.png`.
pub fn join(from: &str, link: &str) -> String {
    let split = link.find(['#', '?']).unwrap_or(link.len());
    let (path, suffix) = link.split_at(split);
    let from_dir = from.rfind('/').map_or("", |i| &from[..i]);
    let mut parts: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    let folder = path.is_empty() || path.ends_with('/') || path.ends_with("/.") || path == ".";
    let folder = folder || path == ".." || path.ends_with("/..");
    if folder && !out.is_empty() {
        out.push('/');
    }
    out.push_str(suffix);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_join_the_page_path() {
        assert_eq!(join("news/a/", "../../img/x.png"), "img/x.png");
        assert_eq!(join("news/a/", "../b/#top"), "news/b/#top");
        assert_eq!(join("news/a/", "photo.jpg"), "news/a/photo.jpg");
        assert_eq!(join("news/a/", "./"), "news/a/");
        assert_eq!(join("en/news/a/", "../../../"), "");
        assert_eq!(join("news/a/", ".."), "news/");
        assert_eq!(join("news/a/", "../b/index.html"), "news/b/index.html");
    }

    #[test]
    fn page_relative_links_are_told_from_others() {
        assert!(is_page_relative("photo.jpg"));
        assert!(is_page_relative("../b/"));
        assert!(is_page_relative("a/b:c"));
        assert!(!is_page_relative("https://x.org/"));
        assert!(!is_page_relative("mailto:a@b.fr"));
        assert!(!is_page_relative("/img/x.png"));
        assert!(!is_page_relative("#top"));
        assert!(!is_page_relative(""));
    }

    #[test]
    fn links_move_to_another_page_or_become_absolute() {
        let html = r##"<p><a href="../b/">b</a> <img src="../../img/x.png" alt=""> <a href="https://x.org/">x</a> <a href="#top">t</a> href=&quot;../no/&quot;</p>"##;
        let absolute = rebase_links(html, "news/a/", |p| format!("https://s.fr/{p}"));
        assert_eq!(
            absolute,
            r##"<p><a href="https://s.fr/news/b/">b</a> <img src="https://s.fr/img/x.png" alt=""> <a href="https://x.org/">x</a> <a href="#top">t</a> href=&quot;../no/&quot;</p>"##
        );
        let moved = rebase_links(html, "news/", |p| {
            crate::urls::relative("news/page/2/", p, crate::config::LinkStyle::Pretty)
        });
        assert!(moved.contains(r#"href="../../../b/""#), "{moved}");
    }
}
