//! What the raw-HTML filter removed, and how to tell the editor: what went,
//! and what to write instead (a link to the video rather than an
//! `<iframe>`, Markdown emphasis rather than a `style`).

use std::ops::Range;

use crate::messages::Message;
use crate::msg;

/// One thing the filter removed from a piece of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::markdown) struct Removed {
    /// Byte range of the tag in its piece.
    pub(in crate::markdown) at: Range<usize>,
    /// What was removed.
    pub(in crate::markdown) what: Removal,
}

/// The kinds of removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::markdown) enum Removal {
    /// An element removed with its content (`<script>`, `<iframe>`…).
    Element(String),
    /// A tag not allowed, its content kept (`<font>`, `<video>`…).
    Tag(String),
    /// An attribute not allowed on a kept tag (`onclick`, `style`…).
    Attribute {
        /// The tag.
        tag: String,
        /// The attribute.
        name: String,
    },
    /// A link or image address whose scheme is not allowed (`javascript:`).
    Url {
        /// The tag (`a`, `img`).
        tag: String,
        /// The address as written.
        url: String,
    },
}

impl Removal {
    /// What to tell the editor: the message and the hint.
    pub(in crate::markdown) fn describe(&self) -> (Message, Message) {
        match self {
            Removal::Element(tag) => (
                msg!("html-removed-element", tag = tag),
                msg!("html-removed-hint", kind = kind_of(tag)),
            ),
            Removal::Tag(tag) => (
                msg!("html-removed-tag", tag = tag),
                msg!("html-removed-hint", kind = kind_of(tag)),
            ),
            Removal::Attribute { tag, name } => {
                let kind = if name.starts_with("on") {
                    "event"
                } else if name == "style" {
                    "style"
                } else {
                    "other"
                };
                (
                    msg!("html-removed-attribute", tag = tag, attribute = name),
                    msg!("html-removed-attribute-hint", kind = kind),
                )
            }
            Removal::Url { tag, url } => (
                msg!(
                    "html-removed-url",
                    tag = tag,
                    url = crate::messages::quoted(url)
                ),
                msg!("html-removed-url-hint"),
            ),
        }
    }
}

/// Which advice fits a removed tag: `embed` (a video, a map: link to it),
/// `script`, `style`, `form`, `image` (SVG, formulas: save as an image
/// file) or `other`.
fn kind_of(tag: &str) -> &'static str {
    match tag {
        "iframe" | "object" | "embed" | "applet" | "video" | "audio" | "source" | "track"
        | "noembed" | "frame" | "frameset" | "noframes" | "canvas" => "embed",
        "script" | "noscript" | "template" => "script",
        "style" | "link" | "font" | "center" | "big" | "marquee" | "blink" => "style",
        "form" | "input" | "button" | "select" | "option" | "textarea" | "label" | "fieldset" => {
            "form"
        }
        "svg" | "math" | "picture" | "map" | "area" => "image",
        _ => "other",
    }
}
