//! The accessibility review of a body, for `parvis check`: what a reviewer
//! would flag and a build lets through. Images without a text alternative,
//! links without text, heading levels skipped (the page's title is the
//! `h1`, so a body starts at `##`), in Markdown and in raw HTML alike. The
//! same reading lists the links to other sites, which `check --external`
//! asks for.
//!
//! Everything found is a warning, located by byte offset in the body.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::entities::decode;
use super::sanitize::tokenize::{next_token, StartTag, Token};
use super::{Problem, Severity};
use crate::messages::Message;
use crate::msg;

/// A link to another site (`http://` or `https://`) written in a body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutsideLink {
    /// The address as written (entities decoded).
    pub url: String,
    /// Byte offset of the link in the body.
    pub offset: usize,
    /// Byte length of the same.
    pub len: usize,
}

/// What the review of one body found.
#[derive(Clone, Debug, Default)]
pub struct Review {
    /// Warnings, in document order.
    pub problems: Vec<Problem>,
    /// Links to other sites, in document order.
    pub outside_links: Vec<OutsideLink>,
}

/// An element whose text is being gathered.
enum Open {
    /// `[text](dest)` or `![alt](src)`: does it have text?
    Markdown {
        image: bool,
        at: Range<usize>,
        text: bool,
    },
    /// `<a>`: does it have text, or a label of its own?
    RawLink { at: Range<usize>, text: bool },
}

/// Reviews a Markdown body.
pub fn review(source: &str) -> Review {
    let mut reviewer = Reviewer {
        source,
        open: Vec::new(),
        level: 1,
        found: Review::default(),
    };
    for (event, range) in Parser::new_ext(source, super::parser_options()).into_offset_iter() {
        reviewer.event(event, range);
    }
    reviewer.found
}

struct Reviewer<'s> {
    source: &'s str,
    open: Vec<Open>,
    /// The level of the last heading (1: the page's title).
    level: u8,
    found: Review,
}

impl Reviewer<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.heading(level as u8, self.first_line(range), false);
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.outside(&dest_url, self.first_line(range.clone()));
                self.open.push(Open::Markdown {
                    image: false,
                    at: self.first_line(range),
                    text: false,
                });
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.outside(&dest_url, self.first_line(range.clone()));
                self.open.push(Open::Markdown {
                    image: true,
                    at: self.first_line(range),
                    text: false,
                });
            }
            Event::End(TagEnd::Link | TagEnd::Image) => self.close_markdown(),
            Event::Text(text) | Event::Code(text) if !text.trim().is_empty() => self.has_text(),
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(&html, range.start),
            _ => {}
        }
    }

    /// The part of `range` on its first line (what a diagnostic underlines).
    fn first_line(&self, range: Range<usize>) -> Range<usize> {
        let text = self.source.get(range.clone()).unwrap_or("");
        let len = text.find('\n').unwrap_or(text.len());
        range.start..range.start + len
    }

    /// Every open element has text now.
    fn has_text(&mut self) {
        for open in &mut self.open {
            match open {
                Open::Markdown { text, .. } | Open::RawLink { text, .. } => *text = true,
            }
        }
    }

    fn close_markdown(&mut self) {
        let at = self
            .open
            .iter()
            .rposition(|o| matches!(o, Open::Markdown { .. }));
        let Some(Open::Markdown { image, at, text }) = at.map(|i| self.open.remove(i)) else {
            return;
        };
        match (image, text) {
            (true, false) => self.warn(
                at,
                msg!("review-image-without-alt"),
                msg!("review-image-without-alt-label"),
                msg!("review-image-without-alt-hint"),
            ),
            (false, false) => self.warn(
                at,
                msg!("review-link-without-text"),
                msg!("review-link-without-text-label"),
                msg!("review-link-without-text-hint"),
            ),
            _ => {}
        }
    }

    /// A heading of `level`: no level may be skipped on the way down.
    fn heading(&mut self, level: u8, at: Range<usize>, raw: bool) {
        let previous = self.level;
        self.level = level;
        if level <= previous + 1 {
            return;
        }
        let expected = if raw {
            format!("<h{}>", previous + 1)
        } else {
            "#".repeat(usize::from(previous) + 1)
        };
        self.warn(
            at,
            msg!("review-heading-skipped", level = level, previous = previous),
            msg!("review-heading-skipped-label"),
            msg!("review-heading-skipped-hint", expected = expected),
        );
    }

    /// Notes a link to another site.
    fn outside(&mut self, dest: &str, at: Range<usize>) {
        let lower = dest.trim_start().to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            self.found.outside_links.push(OutsideLink {
                url: dest.trim().to_string(),
                offset: at.start,
                len: at.len(),
            });
        }
    }

    /// Raw HTML: `<img>`, `<a>` and headings, piece by piece.
    fn raw_html(&mut self, html: &str, base: usize) {
        let mut pos = 0;
        while pos < html.len() {
            let (token, next) = next_token(html, pos);
            let at = base + pos..base + next;
            match token {
                Token::Start(tag) => self.raw_start(&tag, base, at),
                Token::End(name) if name == "a" => self.close_raw_link(),
                Token::Text(text) if !decode(text).trim().is_empty() => self.has_text(),
                _ => {}
            }
            pos = next.max(pos + 1);
        }
    }

    fn raw_start(&mut self, tag: &StartTag<'_>, base: usize, at: Range<usize>) {
        let value = |name: &str| {
            tag.attrs
                .iter()
                .find(|a| a.name == name)
                .map(|a| decode(a.value.unwrap_or("")).trim().to_string())
        };
        for attr in tag
            .attrs
            .iter()
            .filter(|a| a.name == "href" || a.name == "src")
        {
            let written = decode(attr.value.unwrap_or(""));
            let start = base + attr.value_at.start;
            self.outside(&written, start..start + attr.value_at.len());
        }
        let at = self.first_line(at);
        match tag.name.as_str() {
            "img" => match value("alt") {
                None => self.warn(
                    at,
                    msg!("review-image-without-alt"),
                    msg!("review-image-without-alt-label"),
                    msg!("review-raw-image-without-alt-hint"),
                ),
                Some(alt) if !alt.is_empty() => self.has_text(),
                Some(_) => {}
            },
            "a" => {
                let labelled = ["aria-label", "aria-labelledby", "title"]
                    .iter()
                    .any(|name| value(name).is_some_and(|v| !v.is_empty()));
                let self_closing = tag.self_closing;
                self.open.push(Open::RawLink { at, text: labelled });
                if self_closing {
                    self.close_raw_link();
                }
            }
            name => {
                let level = name
                    .strip_prefix('h')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=6).contains(n));
                if let Some(level) = level {
                    self.heading(level, at, true);
                }
            }
        }
    }

    fn close_raw_link(&mut self) {
        let at = self
            .open
            .iter()
            .rposition(|o| matches!(o, Open::RawLink { .. }));
        if let Some(Open::RawLink { at, text: false }) = at.map(|i| self.open.remove(i)) {
            self.warn(
                at,
                msg!("review-link-without-text"),
                msg!("review-link-without-text-label"),
                msg!("review-raw-link-without-text-hint"),
            );
        }
    }

    fn warn(&mut self, at: Range<usize>, message: Message, label: Message, hint: Message) {
        self.found.problems.push(Problem {
            offset: at.start,
            len: at.len(),
            severity: Severity::Warning,
            message,
            label,
            hint: Some(hint),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        review(source)
            .problems
            .iter()
            .map(|p| p.message.id().to_string())
            .collect()
    }

    #[test]
    fn images_need_a_text_alternative() {
        assert_eq!(ids("![](x.png)"), ["review-image-without-alt"]);
        assert!(ids("![Un schéma](x.png)").is_empty());
        assert_eq!(ids("<img src=\"x.png\">"), ["review-image-without-alt"]);
        assert!(ids("<img src=\"x.png\" alt=\"\">").is_empty(), "decorative");
    }

    #[test]
    fn links_need_text_or_a_label() {
        assert_eq!(ids("Voir [](https://a.fr)."), ["review-link-without-text"]);
        assert!(ids("[![Logo](l.png)](https://a.fr)").is_empty());
        assert_eq!(
            ids("<a href=\"https://a.fr\"></a>"),
            ["review-link-without-text"]
        );
        assert!(ids("<a href=\"x\" aria-label=\"Accueil\"></a>").is_empty());
        assert!(ids("<a href=\"x\">Accueil</a>").is_empty());
        assert!(ids("<a href=\"x\"><img src=\"l.png\" alt=\"Accueil\"></a>").is_empty());
    }

    #[test]
    fn heading_levels_are_not_skipped() {
        assert!(ids("## A\n\n### B\n\n## C\n\n### D\n").is_empty());
        assert_eq!(ids("## A\n\n#### B\n"), ["review-heading-skipped"]);
        assert_eq!(ids("### A\n"), ["review-heading-skipped"]);
        assert_eq!(ids("## A\n\n<h4>B</h4>\n"), ["review-heading-skipped"]);
        let problem = &review("Texte.\n\n### A\n").problems[0];
        assert_eq!(problem.message.get("previous"), Some("1"));
        assert_eq!(problem.offset, 8);
    }

    #[test]
    fn outside_links_are_listed_where_they_are_written() {
        let source = "[A](https://a.fr/x) [B](../b.md) <https://c.fr>\n<a href=\"http://d.fr/?a&amp;b\">D</a>";
        let links = review(source).outside_links;
        let urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://a.fr/x", "https://c.fr", "http://d.fr/?a&b"]);
        assert_eq!(
            &source[links[0].offset..links[0].offset + links[0].len],
            "[A](https://a.fr/x)"
        );
    }
}
