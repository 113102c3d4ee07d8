//! Markdown: the pipeline stage that turns the body of an entry into HTML
//! (docs/content.md), after the `site` model is validated and before templates run.
//!
//! [`render`] parses with pulldown-cmark, gives headings unique ids
//! (`headings`), then walks the events once (`walk`): link and image
//! destinations go through the caller's [`LinkResolver`] (only the caller
//! knows the site's URLs), fenced code is highlighted into CSS classes
//! (`highlight`) and raw HTML is filtered (`sanitize`, with `entities`). The
//! same walk collects the plain text and the summary, so a page is parsed
//! exactly once. What goes wrong is reported as [`Problem`]s: broken links
//! (errors) and raw HTML the filter removed (warnings). [`review`] reads a
//! body again for `parvis check`: what an accessibility reviewer would flag,
//! and the links to other sites.

mod contrast;
mod entities;
mod headings;
mod highlight;
pub mod review;
mod sanitize;
mod walk;

use pulldown_cmark::Parser;
use serde::Serialize;

pub use crate::diagnostics::Severity;
use crate::messages::Message;
pub use highlight::highlight_css;

/// Options from site.toml.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Pass raw HTML through untouched (`unsafe_html = true`); otherwise it
    /// is sanitized.
    pub unsafe_html: bool,
}

/// What a link or image destination in the Markdown becomes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// Leave the destination as written (external URLs...).
    Keep,
    /// Write this destination instead (a content file's URL, made relative).
    Rewrite(String),
    /// The destination points nowhere: a build error, reported with the
    /// link's position; the destination is left as written.
    Broken {
        /// What is wrong, for the editor.
        message: Message,
        /// How to fix it, if known (a close match...).
        hint: Option<Message>,
    },
}

/// Whether a destination is followed (`[text](dest)`, `<a href>`) or
/// embedded (`![alt](src)`, `<img src>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A link.
    Link,
    /// An image.
    Image,
}

/// Decides what each destination becomes (the caller knows the site's URLs).
///
/// Fragments (`#x`), empty destinations, `mailto:` and `tel:` never reach
/// it, nor (unless `unsafe_html`) URLs the sanitizer refuses (`javascript:`...).
pub trait LinkResolver: Sync {
    /// Resolves `dest` as written by the editor (entities decoded).
    fn resolve(&self, dest: &str, kind: LinkKind) -> LinkTarget;
}

/// A heading of the page, for tables of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// The `id` attribute it got, unique in the page.
    pub id: String,
    /// Its plain text, whitespace collapsed.
    pub text: String,
}

/// A problem of the Markdown, located by byte offset in the `source`
/// passed to `render`: a broken link (an error) or raw HTML the filter
/// removed (a warning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset of the link (`[text](dest)` or the raw HTML attribute
    /// value) or of the removed HTML.
    pub offset: usize,
    /// Byte length of the same.
    pub len: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: Message,
    /// A few words under the offending text.
    pub label: Message,
    /// How to fix it, when known.
    pub hint: Option<Message>,
}

/// A link or image destination with a `#fragment`, located by byte offset
/// in the `source` passed to `render`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FragmentLink {
    /// Byte offset of the link.
    pub offset: usize,
    /// Byte length of the same.
    pub len: usize,
    /// The destination as written (entities decoded).
    pub dest: String,
}

/// The result of rendering one Markdown body.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// The body as HTML.
    pub html: String,
    /// HTML of the text before `<!-- more -->`, else of the first paragraph.
    pub summary_html: String,
    /// Plain text of the same (no tags, entities decoded, whitespace collapsed), for meta descriptions.
    pub summary_text: String,
    /// Plain text of the whole body (for search indexing later), whitespace collapsed.
    pub text: String,
    /// Every heading, in document order.
    pub headings: Vec<Heading>,
    /// Broken links and removed HTML, in document order.
    pub problems: Vec<Problem>,
    /// Every destination with a `#fragment`, in document order: whether the
    /// fragment names a heading is for the caller to say.
    pub fragments: Vec<FragmentLink>,
}

/// Renders a Markdown body. Never fails: broken links and removed HTML are
/// reported in [`Rendered::problems`], everything else renders as best it can.
pub fn render(source: &str, options: &Options, resolver: &dyn LinkResolver) -> Rendered {
    let mut events: Vec<_> = Parser::new_ext(source, parser_options())
        .into_offset_iter()
        .collect();
    let headings = headings::assign_ids(&mut events);
    let mut walk = walk::Walk::new(options, resolver, source.len());
    walk.run(events);
    walk.finish(headings)
}

/// The Markdown extensions parvis reads, the same for rendering and review.
fn parser_options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_FOOTNOTES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS
        | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
}

#[cfg(test)]
mod tests;
