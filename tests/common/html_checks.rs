//! What "inert" means for HTML that parvis writes, checked the way a
//! browser reads it: the HTML is parsed by html5ever (through `scraper`),
//! so entities are decoded and broken tags are repaired exactly as they
//! would be, and URLs are cleaned as the URL parser does before it looks
//! for a scheme.

use scraper::{Html, Node};

/// What may appear in the checked HTML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inertness {
    /// A Markdown body or summary: no script at all.
    Body,
    /// A whole page of the campus theme: only the theme's own scripts
    /// (see [`is_theme_script`]).
    Page,
}

/// Elements that run code, embed other documents, take input or switch
/// the parser to foreign content.
const ACTIVE_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "svg",
    "math",
    "base",
    "link",
    "meta",
    "noscript",
    "template",
    "portal",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "param",
    "title",
];

/// The SVG elements a theme icon may be drawn with.
const ICON_SHAPES: &[&str] = &[
    "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon",
];

/// Attributes that hold text only (never fetched or run). Every other
/// attribute is checked as if it held a URL.
const TEXT_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "title",
    "alt",
    "lang",
    "dir",
    "role",
    "translate",
    "width",
    "height",
    "colspan",
    "rowspan",
    "headers",
    "scope",
    "abbr",
    "span",
    "start",
    "reversed",
    "type",
    "value",
    "open",
    "datetime",
    "loading",
    "decoding",
    "hreflang",
    "rel",
    "target",
    "aria-hidden",
    "aria-label",
    "aria-labelledby",
    "aria-describedby",
    "aria-current",
    "aria-expanded",
    "aria-controls",
    "aria-live",
    "aria-atomic",
    "aria-level",
    "name",
    "content",
    "property",
    "charset",
    "media",
    "sizes",
    "crossorigin",
    "integrity",
    "defer",
    "async",
    "hidden",
    "tabindex",
    "autocomplete",
    "placeholder",
    "for",
    "method",
    "label",
    "selected",
    "disabled",
    "checked",
    "multiple",
    "required",
    "spellcheck",
    "inputmode",
    "enterkeyhint",
    "autocapitalize",
    "xmlns",
    "viewbox",
    "fill",
    "stroke",
    "d",
    "focusable",
    "itemprop",
    "itemscope",
    "itemtype",
    "accept-charset",
    "enctype",
    "novalidate",
    "nonce",
];

/// Whether `url` could run code or embed a document when followed or
/// fetched: after the browser's clean-up (control characters and spaces
/// trimmed, tabs and newlines removed anywhere), a `javascript:`,
/// `vbscript:` or `data:` scheme, or any scheme but `http`, `https`,
/// `mailto` and `tel`.
pub fn is_safe_url(url: &str) -> bool {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match scheme(&cleaned) {
        None => true,
        Some(scheme) => matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel"),
    }
}

/// The scheme of a URL as the URL parser reads it: a letter, then letters,
/// digits, `+`, `-` or `.`, then `:`.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    let ok = first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    ok.then(|| scheme.to_ascii_lowercase())
}

/// One thing that should not be there.
pub fn problems(html: &str, mode: Inertness) -> Vec<String> {
    let parsed = match mode {
        Inertness::Body => Html::parse_fragment(html),
        Inertness::Page => Html::parse_document(html),
    };
    let mut found = Vec::new();
    for node in parsed.tree.nodes() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        let name = element.name();
        // The campus theme's head, its search form and the search page's
        // notice for browsers without scripts.
        let theme_element = mode == Inertness::Page
            && matches!(
                name,
                "meta" | "link" | "title" | "form" | "input" | "button" | "select" | "noscript"
            );
        // The theme's icons: drawings hidden from assistive technologies,
        // made of shapes only (no link, animation or script inside).
        let theme_icon = mode == Inertness::Page
            && ICON_SHAPES.contains(&name)
            && node.ancestors().chain(std::iter::once(node)).any(|n| {
                n.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "svg" && e.attr("aria-hidden") == Some("true"))
            });
        if name == "script" && mode == Inertness::Page {
            let text: String = node
                .children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect();
            if let Err(why) = is_theme_script(element, &text) {
                found.push(why);
            }
        } else if ACTIVE_ELEMENTS.contains(&name) && !theme_element && !theme_icon {
            found.push(format!("element <{name}>"));
        }
        if &*element.name.ns != "http://www.w3.org/1999/xhtml" && !theme_icon {
            found.push(format!("foreign element <{name}>"));
        }
        let refresh = element
            .attr("http-equiv")
            .is_some_and(|h| h.eq_ignore_ascii_case("refresh"));
        if name == "meta" && refresh {
            // parvis's own redirect pages (aliases) refresh to a site page.
            let content = element.attr("content").unwrap_or("");
            let url = content
                .split_once(';')
                .map(|(_, rest)| rest.trim_start())
                .and_then(|rest| {
                    rest.get(..4)
                        .filter(|u| u.eq_ignore_ascii_case("url="))
                        .map(|_| &rest[4..])
                })
                .unwrap_or(content);
            if mode == Inertness::Body || !is_safe_url(url) {
                found.push(format!("meta refresh {content:?}"));
            }
        }
        for (attr, value) in element.attrs() {
            let attr = attr.to_ascii_lowercase();
            if attr.starts_with("on") {
                found.push(format!("event handler {attr}={value:?} on <{name}>"));
            } else if attr == "style" || attr == "srcdoc" || attr == "formaction" {
                found.push(format!("attribute {attr}={value:?} on <{name}>"));
            } else if attr == "srcset" {
                for candidate in value.split(',') {
                    let url = candidate.split_whitespace().next().unwrap_or("");
                    if !is_safe_url(url) {
                        found.push(format!("srcset {value:?} on <{name}>"));
                    }
                }
            } else if attr.starts_with("data-") {
                // Never fetched or run by the browser: text for scripts
                // (`data-lang` of a code block, the theme's `data-root`…).
            } else if !TEXT_ATTRIBUTES.contains(&attr.as_str())
                && !attr.starts_with("aria-")
                && !is_safe_url(value)
            {
                found.push(format!("URL {attr}={value:?} on <{name}>"));
            }
        }
    }
    found
}

/// Panics, naming what survived, unless `html` is inert.
pub fn assert_inert(html: &str, input: &str, mode: Inertness) {
    let found = problems(html, mode);
    assert!(found.is_empty(), "{found:?}\nin {html:?}\nfrom {input:?}");
}

/// The campus theme's own scripts, and nothing else: `js/search.<hash>.js`
/// and `js/filter.<hash>.js` loaded by `src` (empty, no inline code), and
/// the page's structured data (`application/ld+json`, which browsers never
/// run), whose text must be one JSON value, so that nothing broke out of it.
pub fn is_theme_script(element: &scraper::node::Element, text: &str) -> Result<(), String> {
    match (element.attr("type"), element.attr("src")) {
        (Some("application/ld+json"), None) => serde_json::from_str::<serde_json::Value>(text)
            .map(|_| ())
            .map_err(|e| format!("structured data is not JSON ({e}): {text:?}")),
        (None, Some(src)) if text.trim().is_empty() => {
            let file = src.rsplit('/').next().unwrap_or("");
            let known = ["search.", "filter."]
                .iter()
                .any(|name| file.starts_with(name) && file.ends_with(".js"));
            if known && !src.contains(':') {
                Ok(())
            } else {
                Err(format!("unknown script src={src:?}"))
            }
        }
        _ => Err(format!(
            "script {:?} with {text:?}",
            element.attrs().collect::<Vec<_>>()
        )),
    }
}
