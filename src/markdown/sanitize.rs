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
//! [`Sanitizer`].

use std::borrow::Cow;

use super::entities::decode;
use super::LinkKind;

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
                Token::Start(tag) => self.start(&tag, depth, urls, &mut *out.html, &mut *out.text),
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
            return;
        }
        let (name, breaks, void) = match lookup(&tag.name) {
            Some(found) => found,
            None => return,
        };
        html.push('<');
        html.push_str(name);
        write_attributes(name, &tag.attrs, urls, html);
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

fn write_attributes(
    tag: &str,
    attrs: &[Attr<'_>],
    urls: &mut dyn FnMut(FoundUrl<'_>) -> Option<String>,
    html: &mut String,
) {
    let mut written: Vec<&str> = Vec::new();
    for attr in attrs {
        let Some(kind) = attribute_kind(tag, &attr.name) else {
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

enum Token<'s> {
    Text(&'s str),
    Start(StartTag<'s>),
    End(String),
    /// Comments, doctypes, processing instructions: dropped.
    Ignored,
}

struct StartTag<'s> {
    name: String,
    attrs: Vec<Attr<'s>>,
    /// Ends with `/>`.
    self_closing: bool,
}

struct Attr<'s> {
    name: String,
    /// The raw (still entity-encoded) value, without quotes.
    value: Option<&'s str>,
    value_at: std::ops::Range<usize>,
}

/// Reads the token starting at byte `pos` (always a char boundary: the
/// tokenizer only stops on ASCII bytes) and returns it with the next position.
fn next_token(s: &str, pos: usize) -> (Token<'_>, usize) {
    let rest = &s[pos..];
    if !rest.starts_with('<') {
        let end = rest.find('<').map_or(s.len(), |i| pos + i);
        return (Token::Text(&s[pos..end]), end);
    }
    if rest.starts_with("<!--") {
        let end = rest
            .get(4..)
            .and_then(|r| r.find("-->"))
            .map_or(s.len(), |i| pos + 4 + i + 3);
        return (Token::Ignored, end);
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(s.len(), |i| pos + i + 1);
        return (Token::Ignored, end);
    }
    let bytes = rest.as_bytes();
    let parsed = match bytes.get(1) {
        Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => end_tag(s, pos),
        Some(b) if b.is_ascii_alphabetic() => start_tag(s, pos),
        _ => return (Token::Text("<"), pos + 1),
    };
    // A tag left unfinished runs to the end of the piece (browsers drop it);
    // showing it as text is as safe and keeps the scan linear.
    parsed.unwrap_or((Token::Text(rest), s.len()))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Index of the first byte at or after `from` that satisfies `stop`.
fn scan(s: &str, from: usize, stop: impl Fn(u8) -> bool) -> usize {
    s.as_bytes()[from..]
        .iter()
        .position(|&b| stop(b))
        .map_or(s.len(), |i| from + i)
}

fn end_tag(s: &str, pos: usize) -> Option<(Token<'_>, usize)> {
    let name_end = scan(s, pos + 2, |b| is_space(b) || b == b'/' || b == b'>');
    let close = s[name_end..].find('>')? + name_end;
    Some((
        Token::End(s[pos + 2..name_end].to_ascii_lowercase()),
        close + 1,
    ))
}

/// Parses `<name attr=value ...>` as HTML5 does; `None` when the tag is not
/// finished within the piece, which then reads as text.
fn start_tag(s: &str, pos: usize) -> Option<(Token<'_>, usize)> {
    let b = s.as_bytes();
    let mut i = scan(s, pos + 1, |c| is_space(c) || c == b'/' || c == b'>');
    let name = s[pos + 1..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        i = scan(s, i, |c| !is_space(c) && c != b'/');
        match b.get(i)? {
            b'>' => {
                let self_closing = b.get(i.wrapping_sub(1)) == Some(&b'/');
                let tag = StartTag {
                    name,
                    attrs,
                    self_closing,
                };
                return Some((Token::Start(tag), i + 1));
            }
            _ => {
                let name_end = scan(s, i + 1, |c| is_space(c) || matches!(c, b'/' | b'>' | b'='));
                let attr_name = s[i..name_end].to_ascii_lowercase();
                let (value, value_at, next) = attribute_value(s, name_end)?;
                attrs.push(Attr {
                    name: attr_name,
                    value,
                    value_at,
                });
                i = next;
            }
        }
    }
}

/// Reads an optional `= value` after an attribute name at `from`.
fn attribute_value(s: &str, from: usize) -> Option<(Option<&str>, std::ops::Range<usize>, usize)> {
    let b = s.as_bytes();
    let eq = scan(s, from, |c| !is_space(c));
    if b.get(eq) != Some(&b'=') {
        return Some((None, from..from, from));
    }
    let start = scan(s, eq + 1, |c| !is_space(c));
    match b.get(start)? {
        quote @ (b'"' | b'\'') => {
            let len = s[start + 1..].find(*quote as char)?;
            let at = start + 1..start + 1 + len;
            Some((Some(&s[at.clone()]), at, start + len + 2))
        }
        _ => {
            let end = scan(s, start, |c| is_space(c) || c == b'>');
            Some((Some(&s[start..end]), start..end, end))
        }
    }
}

#[cfg(test)]
pub(super) mod tests;
