//! The single walk over a page's Markdown events, between parsing and HTML
//! output: it resolves links, highlights code, filters raw HTML, keeps raw
//! HTML inside the Markdown block it was written in, and notes the plain text
//! and where the summary ends as it goes.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};

use super::sanitize::{self, FoundUrl, Output, Removal, Removed, Sanitizer};
use super::{
    highlight, FragmentLink, Heading, LinkKind, LinkResolver, LinkTarget, Options, Problem,
    Rendered, Severity,
};
use crate::msg;

/// Where the summary ends, found during the walk.
#[derive(Default)]
struct SummaryMarks {
    /// `<!-- more -->`: index in `out`, length of `text`, end tags for the
    /// raw HTML elements still open there.
    more: Option<(usize, usize, String)>,
    /// The first top-level paragraph: range in `out`, range in `text`.
    first_paragraph: Option<(Range<usize>, Range<usize>)>,
    paragraph_start: Option<(usize, usize)>,
}

/// The single walk over a page's events.
pub(super) struct Walk<'a, 'r> {
    options: &'r Options,
    resolver: &'r dyn LinkResolver,
    out: Vec<Event<'a>>,
    text: String,
    source_len: usize,
    problems: Vec<Problem>,
    fragments: Vec<FragmentLink>,
    sanitizer: Sanitizer,
    /// How many Markdown elements are open, to keep raw HTML inside its block.
    depth: usize,
    summary: SummaryMarks,
}

type Located<'a> = (Event<'a>, Range<usize>);

impl<'a, 'r> Walk<'a, 'r> {
    /// `source_len` sizes the buffers.
    pub(super) fn new(
        options: &'r Options,
        resolver: &'r dyn LinkResolver,
        source_len: usize,
    ) -> Self {
        Walk {
            options,
            resolver,
            out: Vec::new(),
            text: String::with_capacity(source_len),
            source_len,
            problems: Vec::new(),
            fragments: Vec::new(),
            sanitizer: Sanitizer::default(),
            depth: 0,
            summary: SummaryMarks::default(),
        }
    }

    pub(super) fn run(&mut self, events: Vec<Located<'a>>) {
        self.out.reserve(events.len());
        let mut events = events.into_iter();
        while let Some((event, range)) = events.next() {
            match event {
                Event::Start(Tag::CodeBlock(kind)) => self.code_block(kind, &mut events),
                Event::Start(Tag::HtmlBlock) => self.html_block(&mut events),
                Event::Start(tag) => self.start(tag, range),
                Event::End(tag) => self.end(tag),
                Event::Html(html) | Event::InlineHtml(html) => {
                    let cleaned = self.raw_html(&html, &[(0, range.start)]);
                    self.out.push(Event::InlineHtml(cleaned.into()));
                }
                leaf => self.leaf(leaf),
            }
        }
        if !self.options.unsafe_html {
            let mut html = String::new();
            self.sanitizer.close_all(&mut html);
            self.push_html(html);
        }
    }

    fn skipping(&self) -> bool {
        !self.options.unsafe_html && self.sanitizer.is_skipping()
    }

    fn push_html(&mut self, html: String) {
        if !html.is_empty() {
            self.out.push(Event::InlineHtml(html.into()));
        }
    }

    fn leaf(&mut self, event: Event<'a>) {
        // Inside a `<script>`, `<iframe>`... left open by raw HTML, Markdown
        // text is content of that element and goes with it.
        if self.skipping() {
            return;
        }
        let event = match event {
            Event::TaskListMarker(done) => Event::InlineHtml(task_marker(done).into()),
            other => other,
        };
        match &event {
            Event::Text(text) | Event::Code(text) => self.text.push_str(text),
            Event::SoftBreak | Event::HardBreak | Event::Rule => self.text.push(' '),
            _ => {}
        }
        self.out.push(event);
    }

    fn start(&mut self, mut tag: Tag<'a>, range: Range<usize>) {
        match &mut tag {
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                self.destination(*link_type, dest_url, LinkKind::Link, range);
            }
            Tag::Image {
                link_type,
                dest_url,
                ..
            } => {
                self.destination(*link_type, dest_url, LinkKind::Image, range);
            }
            // `{onclick=...}` would be an event handler.
            Tag::Heading { level, attrs, .. } if !self.options.unsafe_html => {
                for (name, _) in attrs.iter() {
                    if !sanitize::heading_attribute_allowed(name) {
                        let what = Removal::Attribute {
                            tag: level.to_string(),
                            name: name.to_string(),
                        };
                        self.removed(what, range.clone());
                    }
                }
                attrs.retain(|(name, _)| sanitize::heading_attribute_allowed(name));
            }
            Tag::Paragraph if self.depth == 0 && self.summary.paragraph_start.is_none() => {
                self.summary.paragraph_start = Some((self.out.len(), self.text.len()));
            }
            _ => {}
        }
        self.depth += 1;
        self.out.push(Event::Start(tag));
    }

    fn end(&mut self, tag: TagEnd) {
        self.depth = self.depth.saturating_sub(1);
        if !self.options.unsafe_html {
            let mut html = String::new();
            self.sanitizer.close_deeper_than(self.depth, &mut html);
            self.push_html(html);
        }
        let inline = matches!(
            tag,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        );
        if !inline {
            self.text.push(' ');
        }
        self.out.push(Event::End(tag));
        let marks = &mut self.summary;
        if let (TagEnd::Paragraph, 0, None) = (tag, self.depth, &marks.first_paragraph) {
            if let Some((out_start, text_start)) = marks.paragraph_start {
                marks.first_paragraph =
                    Some((out_start..self.out.len(), text_start..self.text.len()));
            }
        }
    }

    /// Replaces a code block's events by its highlighted HTML.
    fn code_block(
        &mut self,
        kind: CodeBlockKind<'a>,
        events: &mut impl Iterator<Item = Located<'a>>,
    ) {
        let mut code = String::new();
        for (event, _) in events.by_ref() {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        if self.skipping() {
            return;
        }
        let lang = match &kind {
            CodeBlockKind::Fenced(info) => info
                .split([',', ' ', '\t', '{'])
                .next()
                .filter(|l| !l.is_empty()),
            CodeBlockKind::Indented => None,
        };
        self.text.push_str(&code);
        self.text.push(' ');
        self.out
            .push(Event::Html(highlight::code_block(lang, &code).into()));
    }

    /// Gathers an HTML block (one event per line) so that tags spanning lines
    /// are filtered whole, and spots the `<!-- more -->` marker.
    fn html_block(&mut self, events: &mut impl Iterator<Item = Located<'a>>) {
        let mut block = String::new();
        let mut segments = Vec::new();
        for (event, range) in events.by_ref() {
            match event {
                Event::Html(html) | Event::Text(html) => {
                    segments.push((block.len(), range.start));
                    block.push_str(&html);
                }
                Event::End(TagEnd::HtmlBlock) => break,
                _ => {}
            }
        }
        if is_more_marker(&block) {
            if self.depth == 0 && self.summary.more.is_none() {
                let end_tags = if self.options.unsafe_html {
                    String::new()
                } else {
                    self.sanitizer.pending_end_tags()
                };
                self.summary.more = Some((self.out.len(), self.text.len(), end_tags));
            }
            return;
        }
        let html = self.raw_html(&block, &segments);
        self.text.push(' ');
        self.out.push(Event::Html(html.into()));
    }

    /// Filters a piece of raw HTML. `segments` maps offsets in `piece` to
    /// offsets in the source: `(piece offset, source offset)`, in order.
    ///
    /// With `unsafe_html` the piece is kept as written, except that the
    /// `href`/`src` values the resolver rewrites are replaced in place, so
    /// site links in raw HTML work under a sub-path either way.
    fn raw_html(&mut self, piece: &str, segments: &[(usize, usize)]) -> String {
        let mut html = String::with_capacity(piece.len());
        let mut text = String::new();
        let mut edits = Vec::new();
        let (resolver, problems) = (self.resolver, &mut self.problems);
        let fragments = &mut self.fragments;
        let mut urls = |found: FoundUrl<'_>| {
            let start = source_offset(segments, found.at.start);
            let span = start..start + found.at.len();
            note_fragment(fragments, found.value, &span);
            let rewritten = resolve(resolver, found.value, found.kind, span, problems)?;
            edits.push((found.at, rewritten.clone()));
            Some(rewritten)
        };
        let out = Output {
            html: &mut html,
            text: &mut text,
        };
        self.sanitizer.clean(piece, self.depth, &mut urls, out);
        self.text.push_str(&text);
        let removed = self.sanitizer.take_removed();
        if self.options.unsafe_html {
            return splice(piece, &edits);
        }
        for Removed { at, what } in removed {
            let start = source_offset(segments, at.start);
            self.removed(what, start..start + at.len());
        }
        html
    }

    /// Reports raw HTML the filter removed (a warning: the page is built).
    fn removed(&mut self, what: Removal, span: Range<usize>) {
        let (message, hint) = what.describe();
        self.problems.push(Problem {
            offset: span.start,
            len: span.len(),
            severity: Severity::Warning,
            message,
            label: msg!("label-removed"),
            hint: Some(hint),
        });
    }

    /// Sets the destination to write for a Markdown link or image.
    fn destination(
        &mut self,
        link_type: LinkType,
        dest: &mut CowStr<'a>,
        kind: LinkKind,
        span: Range<usize>,
    ) {
        if link_type == LinkType::Email {
            return;
        }
        if !self.options.unsafe_html && !sanitize::is_safe_url(dest) {
            let what = Removal::Url {
                tag: if kind == LinkKind::Image { "img" } else { "a" }.into(),
                url: dest.to_string(),
            };
            self.removed(what, span);
            // An empty `src` fetches nothing; `#` keeps the link inert.
            *dest = CowStr::Borrowed(if kind == LinkKind::Image { "" } else { "#" });
            return;
        }
        note_fragment(&mut self.fragments, dest, &span);
        if let Some(rewritten) = resolve(self.resolver, dest, kind, span, &mut self.problems) {
            *dest = rewritten.into();
        }
    }

    pub(super) fn finish(self, headings: Vec<Heading>) -> Rendered {
        let marks = &self.summary;
        let (summary_html, summary_text) = match (&marks.more, &marks.first_paragraph) {
            (Some((at, text_len, end_tags)), _) => {
                let events = self.out.get(..*at).unwrap_or_default();
                let text = self.text.get(..*text_len).unwrap_or_default();
                (
                    to_html(events.iter().cloned(), text.len() * 2) + end_tags,
                    text,
                )
            }
            (None, Some((events, text))) => {
                let events = self.out.get(events.clone()).unwrap_or_default();
                let text = self.text.get(text.clone()).unwrap_or_default();
                (to_html(events.iter().cloned(), text.len() * 2), text)
            }
            (None, None) => (String::new(), ""),
        };
        let summary_text = collapse_whitespace(summary_text);
        Rendered {
            html: to_html(self.out.into_iter(), self.source_len + self.source_len / 2),
            summary_html,
            summary_text,
            text: collapse_whitespace(&self.text),
            headings,
            problems: self.problems,
            fragments: self.fragments,
        }
    }
}

/// Keeps a destination with a `#fragment` (in the page or in another), so
/// the caller can check the fragment once every page's headings are known.
fn note_fragment(fragments: &mut Vec<FragmentLink>, dest: &str, span: &Range<usize>) {
    if dest.contains('#') {
        fragments.push(FragmentLink {
            offset: span.start,
            len: span.len(),
            dest: dest.to_string(),
        });
    }
}

/// Asks the resolver about `dest`; `Some` to rewrite it. Broken links are
/// recorded and keep their destination, so the page still renders.
fn resolve(
    resolver: &dyn LinkResolver,
    dest: &str,
    kind: LinkKind,
    span: Range<usize>,
    problems: &mut Vec<Problem>,
) -> Option<String> {
    let scheme = |s: &str| {
        dest.get(..s.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(s))
    };
    if dest.is_empty() || dest.starts_with('#') || scheme("mailto:") || scheme("tel:") {
        return None;
    }
    match resolver.resolve(dest, kind) {
        LinkTarget::Keep => None,
        LinkTarget::Rewrite(url) => Some(url),
        LinkTarget::Broken { message, hint } => {
            problems.push(Problem {
                offset: span.start,
                len: span.len(),
                severity: Severity::Error,
                message,
                label: msg!("label-broken-link"),
                hint,
            });
            None
        }
    }
}

/// `piece` with the attribute values at the given ranges (in order, not
/// overlapping) replaced, quoted and escaped.
fn splice(piece: &str, edits: &[(Range<usize>, String)]) -> String {
    let mut html = String::with_capacity(piece.len());
    let mut copied = 0;
    for (at, value) in edits {
        let (Some(before), Some(quote)) = (piece.get(copied..at.start), at.start.checked_sub(1))
        else {
            continue;
        };
        html.push_str(before);
        let quoted = matches!(piece.as_bytes().get(quote), Some(b'"' | b'\''));
        if !quoted {
            html.push('"');
        }
        for c in value.chars() {
            match c {
                '&' => html.push_str("&amp;"),
                '"' => html.push_str("&quot;"),
                '\'' => html.push_str("&#39;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                _ => html.push(c),
            }
        }
        if !quoted {
            html.push('"');
        }
        copied = at.end;
    }
    html.push_str(piece.get(copied..).unwrap_or_default());
    html
}

fn source_offset(segments: &[(usize, usize)], at: usize) -> usize {
    let index = segments
        .partition_point(|(piece_at, _)| *piece_at <= at)
        .saturating_sub(1);
    segments.get(index).map_or(at, |(piece_at, source_at)| {
        source_at + at.saturating_sub(*piece_at)
    })
}

/// A task list box as a symbol: pulldown-cmark's disabled `<input>` has no
/// label, which accessibility checkers (axe `label`) reject, and the item is
/// not a form anyway. Screen readers announce the symbol's name.
fn task_marker(done: bool) -> &'static str {
    if done {
        "<span class=\"task-marker\" data-done=\"true\">☑</span> "
    } else {
        "<span class=\"task-marker\" data-done=\"false\">☐</span> "
    }
}

/// `<!-- more -->`, alone in its HTML block, any spacing or case.
fn is_more_marker(block: &str) -> bool {
    block
        .trim()
        .strip_prefix("<!--")
        .and_then(|rest| rest.strip_suffix("-->"))
        .is_some_and(|inner| inner.trim().eq_ignore_ascii_case("more"))
}

fn to_html<'a>(events: impl Iterator<Item = Event<'a>>, capacity: usize) -> String {
    let mut html = String::with_capacity(capacity);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Joins the words of `text` with single spaces. This runs over every
/// page's whole body, so text that is already clean (ASCII words and single
/// spaces) is copied in bulk; only other bytes are decoded.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text.trim_start();
    while !rest.is_empty() {
        let clean_len = clean_prefix_len(rest.as_bytes());
        let (clean, after) = match (rest.get(..clean_len), rest.get(clean_len..)) {
            (Some(clean), Some(after)) => (clean, after),
            _ => ("", rest),
        };
        out.push_str(clean);
        let Some(c) = after.chars().next() else {
            break;
        };
        if c.is_whitespace() {
            rest = after.trim_start();
            if !rest.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
            rest = after.get(c.len_utf8()..).unwrap_or_default();
        }
    }
    out
}

/// Length of the prefix made of visible characters and single spaces
/// between them. Bytes that may start a non-ASCII space (U+00A0, U+2000…,
/// U+3000) end it, so it always ends on a character boundary.
fn clean_prefix_len(bytes: &[u8]) -> usize {
    let visible = |byte: u8| {
        byte.is_ascii_graphic() || (byte >= 0x80 && !matches!(byte, 0xc2 | 0xe1 | 0xe2 | 0xe3))
    };
    // Blocks first, each byte tested with the next without stopping, which
    // the compiler turns into vector instructions; the first block with a
    // byte to look at is then walked byte by byte.
    const BLOCK: usize = 32;
    let mut at = 0;
    while let (Some(block), Some(next)) =
        (bytes.get(at..at + BLOCK), bytes.get(at + 1..=at + BLOCK))
    {
        let clean = block.iter().zip(next).fold(true, |clean, (&byte, &next)| {
            clean & (visible(byte) | (byte == b' ') & visible(next))
        });
        if !clean {
            break;
        }
        at += BLOCK;
    }
    while let Some(&byte) = bytes.get(at) {
        if visible(byte) {
            at += 1;
        } else if byte == b' ' && bytes.get(at + 1).is_some_and(|next| visible(*next)) {
            at += 2;
        } else {
            break;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::collapse_whitespace;

    #[test]
    fn collapses_every_kind_of_whitespace() {
        assert_eq!(collapse_whitespace(""), "");
        assert_eq!(collapse_whitespace(" \t\n "), "");
        assert_eq!(
            collapse_whitespace("  a\u{b}b\u{a0}\u{3000}é  ç\r\n"),
            "a b é ç"
        );
        assert_eq!(collapse_whitespace("déjà vu"), "déjà vu");
        assert_eq!(
            collapse_whitespace("«\u{a0}Oui\u{a0}» — l’été\u{2009}!"),
            "« Oui » — l’été !"
        );
        assert_eq!(
            collapse_whitespace("a\u{85}b\u{1680}c\u{205f}d\u{2028}e"),
            "a b c d e"
        );
    }

    proptest::proptest! {
        /// Long texts cross the 32-byte blocks the fast path tests at once:
        /// single and double spaces, non-ASCII spaces and letters fall
        /// anywhere in or across a block.
        #[test]
        fn blocks_and_bytes_agree_with_split_whitespace(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "mot", "é", "’", "«", " ", "  ", "\u{a0}", "\t", "\n", "\u{3000}", "x\u{2009}y",
                "abcdefghijklmnopqrstuvwxyzabcdef",
            ]), 0..80)
        ) {
            let text: String = pieces.concat();
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(collapse_whitespace(&text), expected);
        }
    }
}
