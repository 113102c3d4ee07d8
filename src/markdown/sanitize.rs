//! Raw-HTML filter: the step of Markdown rendering that makes the HTML editors
//! write safe to publish (docs/content.md, "Raw HTML"), unless `unsafe_html` is set.
//!
//! pulldown-cmark hands raw HTML over piece by piece (`<span class="x">`, then
//! Markdown text, then `</span>`), so a whole-document HTML5 sanitizer cannot
//! be used. Each piece is tokenized here and rebuilt from allowlists: a tag is
//! either re-emitted from scratch (lower-case name, allowlisted attributes,
//! decoded values re-escaped inside double quotes) or not at all, and bare `<`
//! in text is escaped. What the browser parses is therefore exactly what was
//! checked, whatever tricks the input plays. State that spans pieces — being
//! inside a `<script>` whose content must go, elements left open — lives in
//! [`Sanitizer`]. Whatever is removed is noted ([`removed`]), so the editor
//! is told what disappeared and what to write instead.

mod removed;
pub(super) mod tokenize;

use std::borrow::Cow;
use std::ops::Range;

use super::entities::decode;
use super::LinkKind;
pub(super) use removed::{Removal, Removed};
use tokenize::{next_token, Attr, StartTag, Token};

/// Phrasing tags kept, with their content.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "i", "ins", "kbd", "mark",
    "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u",
    "var",
];

/// Block tags kept, with their content; they separate words in plain text.
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "article", "aside", "blockquote", "caption", "colgroup", "dd", "details", "div", "dl",
    "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// Tags kept that never have content.
const VOID: &[&str] = &["br", "hr", "img", "wbr", "col"];

/// Tags removed together with everything up to their end tag: executable,
/// embedding, styling or interactive content, and foreign content (`svg`,
/// `math`) whose parsing rules differ from HTML's.
#[rustfmt::skip]
const DROPPED_WITH_CONTENT: &[&str] = &[
    "applet", "button", "form", "iframe", "math", "noembed", "noframes", "noscript",
    "object", "plaintext", "script", "select", "style", "svg", "template", "textarea",
    "title", "xmp",
];

/// Of those, the ones whose content is raw text: they end at the first
/// matching end tag, whatever it contains (`"<script>"` in a script).
const RAW_TEXT: &[&str] = &[
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum AttrKind {
    Plain,
    Url,
}

/// Whether attribute `attr` may stay on tag `tag`, and whether it holds a URL.
fn attribute_kind(tag: &str, attr: &str) -> Option<AttrKind> {
    use AttrKind::{Plain, Url};
    let global = matches!(
        attr,
        "class" | "id" | "title" | "lang" | "dir" | "role" | "translate"
    );
    if global || is_aria(attr) {
        return Some(Plain);
    }
    match (tag, attr) {
        ("a", "href") | ("img", "src") => Some(Url),
        ("blockquote" | "q" | "del" | "ins", "cite") => Some(Url),
        ("a", "hreflang" | "rel" | "target")
        | ("img", "alt" | "width" | "height" | "loading" | "decoding")
        | ("td" | "th", "colspan" | "rowspan" | "headers")
        | ("th", "scope" | "abbr")
        | ("col" | "colgroup", "span")
        | ("ol", "start" | "reversed" | "type")
        | ("li", "value")
        | ("details", "open")
        | ("time" | "del" | "ins", "datetime") => Some(Plain),
        _ => None,
    }
}

fn is_aria(attr: &str) -> bool {
    attr.strip_prefix("aria-").is_some_and(|rest| {
        !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
    })
}

/// Attributes that `## Title {key=value}` may set on a Markdown heading.
/// `id` and `class` have their own syntax (`{#id .class}`); as keys they
/// would be written a second time.
pub(super) fn heading_attribute_allowed(attr: &str) -> bool {
    let attr = attr.to_ascii_lowercase();
    !matches!(attr.as_str(), "id" | "class") && attribute_kind("h1", &attr) == Some(AttrKind::Plain)
}

/// Whether a URL may appear in a link or image: relative URLs, fragments and
/// the `http`, `https`, `mailto` and `tel` schemes only.
///
/// Browsers drop tabs and newlines anywhere in a URL and trim control
/// characters and spaces around it before they look for the scheme, so this
/// does too; anything else before a `:` that is not an allowed scheme is
/// refused, which is stricter than needed but never lets `javascript:` by.
pub(super) fn is_safe_url(url: &str) -> bool {
    let cleaned = if url.contains(['\t', '\n', '\r']) {
        Cow::Owned(url.replace(['\t', '\n', '\r'], ""))
    } else {
        Cow::Borrowed(url)
    };
    let trimmed = cleaned.trim_matches(|c: char| c <= ' ');
    match trimmed.split_once([':', '/', '?', '#']) {
        Some((scheme, _)) if trimmed.as_bytes().get(scheme.len()) == Some(&b':') => {
            ["http", "https", "mailto", "tel"]
                .iter()
                .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
        }
        _ => true,
    }
}

/// A URL found in a kept `href` or `src`, offered for rewriting.
pub(super) struct FoundUrl<'u> {
    /// The decoded value.
    pub(super) value: &'u str,
    pub(super) kind: LinkKind,
    /// Byte range of the raw value inside the piece.
    pub(super) at: std::ops::Range<usize>,
}

/// Filters raw HTML pieces of one document, in document order.
#[derive(Default)]
pub(super) struct Sanitizer {
    /// The element whose content is being removed, and how deeply it nests.
    skipping: Option<(&'static str, usize)>,
    /// Kept elements still open, with the Markdown depth they were opened at.
    open: Vec<(&'static str, usize)>,
    /// What was removed since [`Sanitizer::take_removed`] was last called.
    removed: Vec<Removed>,
}

/// What [`Sanitizer::clean`] writes to.
pub(super) struct Output<'o> {
    pub(super) html: &'o mut String,
    /// Plain text (entities decoded) for summaries and search.
    pub(super) text: &'o mut String,
}

impl Sanitizer {
    /// Whether the content between pieces must be dropped too (an open
    /// `<script>`, `<iframe>`...).
    pub(super) fn is_skipping(&self) -> bool {
        self.skipping.is_some()
    }

    /// What the pieces filtered since the last call lost, by byte range in
    /// their piece.
    pub(super) fn take_removed(&mut self) -> Vec<Removed> {
        std::mem::take(&mut self.removed)
    }

    /// Filters one piece found at Markdown nesting `depth`. `urls` may return
    /// a replacement for each kept `href`/`src`.
    pub(super) fn clean(
        &mut self,
        piece: &str,
        depth: usize,
        urls: &mut dyn FnMut(FoundUrl<'_>) -> Option<String>,
        out: Output<'_>,
    ) {
        let mut pos = 0;
        while pos < piece.len() {
            let (token, next) = next_token(piece, pos);
            let at = pos..next;
            pos = next;
            if let Some((name, nesting)) = self.skipping {
                self.skip(token, name, nesting);
                continue;
            }
            match token {
                Token::Text(text) => {
                    push_text(out.html, text);
                    out.text.push_str(&decode(text));
                }
                Token::Start(tag) => {
                    self.start(&tag, at, depth, urls, &mut *out.html, &mut *out.text);
                }
                Token::End(name) => self.end(&name, out.html, out.text),
                Token::Ignored => {}
            }
        }
    }

    fn skip(&mut self, token: Token<'_>, name: &'static str, nesting: usize) {
        self.skipping = match token {
            Token::Start(tag) if tag.name == name && !RAW_TEXT.contains(&name) => {
                Some((name, nesting + 1))
            }
            Token::End(end) if end == name => nesting.checked_sub(1).map(|n| (name, n)),
            _ => Some((name, nesting)),
        };
    }

    fn start(
        &mut self,
        tag: &StartTag<'_>,
        at: Range<usize>,
        depth: usize,
        urls: &mut dyn FnMut(FoundUrl<'_>) -> Option<String>,
        html: &mut String,
        text: &mut String,
    ) {
        if let Some(name) = DROPPED_WITH_CONTENT.iter().find(|n| **n == tag.name) {
            // `<svg/>` is complete: foreign elements honour the slash.
            let empty = tag.self_closing && matches!(*name, "svg" | "math");
            if !empty {
                self.skipping = Some((name, 0));
            }
            self.removed.push(Removed {
                at,
                what: Removal::Element(tag.name.clone()),
            });
            return;
        }
        let Some((name, breaks, void)) = lookup(&tag.name) else {
            self.removed.push(Removed {
                at,
                what: Removal::Tag(tag.name.clone()),
            });
            return;
        };
        html.push('<');
        html.push_str(name);
        let removed = &mut self.removed;
        let mut report = |what| {
            removed.push(Removed {
                at: at.clone(),
                what,
            })
        };
        write_attributes(name, &tag.attrs, urls, &mut report, html);
        html.push('>');
        if breaks {
            text.push(' ');
        }
        if !void {
            self.open.push((name, depth));
        }
    }

    fn end(&mut self, name: &str, html: &mut String, text: &mut String) {
        let Some(index) = self.open.iter().rposition(|(open, _)| *open == name) else {
            return;
        };
        // Closing an outer element closes the ones inside it, as browsers do,
        // so the output stays balanced.
        for (open, _) in self.open.drain(index..).rev() {
            push_end_tag(html, open);
        }
        if lookup(name).is_some_and(|(_, breaks, _)| breaks) {
            text.push(' ');
        }
    }

    /// Closes the elements opened deeper than Markdown nesting `depth`, so
    /// that raw HTML cannot leak out of the Markdown block it was written in.
    pub(super) fn close_deeper_than(&mut self, depth: usize, html: &mut String) {
        while let Some(&(name, opened_at)) = self.open.last() {
            if opened_at <= depth {
                break;
            }
            self.open.pop();
            push_end_tag(html, name);
        }
    }

    /// Closes every element still open (at the end of the document).
    pub(super) fn close_all(&mut self, html: &mut String) {
        for (name, _) in self.open.drain(..).rev() {
            push_end_tag(html, name);
        }
    }

    /// The end tags that would close every element still open, without
    /// closing them (to end a summary cut in the middle).
    pub(super) fn pending_end_tags(&self) -> String {
        let mut html = String::new();
        for (name, _) in self.open.iter().rev() {
            push_end_tag(&mut html, name);
        }
        html
    }
}

/// The kept tag named `name`: its static name, whether it separates words
/// in plain text, whether it is void.
fn lookup(name: &str) -> Option<(&'static str, bool, bool)> {
    let find = |list: &[&'static str]| list.iter().find(|n| **n == name).copied();
    if let Some(kept) = find(INLINE) {
        return Some((kept, false, false));
    }
    if let Some(kept) = find(BLOCK) {
        return Some((kept, true, false));
    }
    find(VOID).map(|kept| (kept, matches!(kept, "br" | "hr"), true))
}

fn push_end_tag(html: &mut String, name: &str) {
    html.push_str("</");
    html.push_str(name);
    html.push('>');
}

/// Writes the allowed attributes of a kept tag; `report` hears of the
/// others, and of addresses with a scheme that is not allowed.
fn write_attributes(
    tag: &str,
    attrs: &[Attr<'_>],
    urls: &mut dyn FnMut(FoundUrl<'_>) -> Option<String>,
    report: &mut dyn FnMut(Removal),
    html: &mut String,
) {
    let mut written: Vec<&str> = Vec::new();
    for attr in attrs {
        let Some(kind) = attribute_kind(tag, &attr.name) else {
            report(Removal::Attribute {
                tag: tag.to_string(),
                name: attr.name.clone(),
            });
            continue;
        };
        // Browsers keep the first of duplicated attributes.
        if written.contains(&attr.name.as_str()) {
            continue;
        }
        written.push(&attr.name);
        let Some(raw) = attr.value else {
            html.push(' ');
            html.push_str(&attr.name);
            continue;
        };
        let mut value = decode(raw);
        if kind == AttrKind::Url {
            if !is_safe_url(&value) {
                report(Removal::Url {
                    tag: tag.to_string(),
                    url: value.into_owned(),
                });
                continue;
            }
            let link_kind = if tag == "img" {
                LinkKind::Image
            } else {
                LinkKind::Link
            };
            if attr.name != "cite" {
                let found = FoundUrl {
                    value: &value,
                    kind: link_kind,
                    at: attr.value_at.clone(),
                };
                if let Some(rewritten) = urls(found) {
                    value = rewritten.into();
                }
            }
        }
        html.push(' ');
        html.push_str(&attr.name);
        html.push_str("=\"");
        push_escaped(html, &value);
        html.push('"');
    }
}

/// Escapes text for an HTML attribute value or element content.
pub(super) fn push_escaped(html: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            _ => html.push(c),
        }
    }
}

/// Text between tags keeps its entities (the browser decodes them as text,
/// they cannot open a tag); only a stray `<` needs escaping.
fn push_text(html: &mut String, text: &str) {
    html.push_str(&text.replace('<', "&lt;"));
}

#[cfg(test)]
pub(super) mod tests;
