//! Output: the last stage, files on disk.
//!
//! [`writer`] keeps the previous output safe until a build has fully
//! succeeded; [`assets`] copies static files and names CSS and JavaScript
//! by their content. Once every page is written, the files the rest of the
//! web reads are made from the same immutable [`Site`]: [`feeds`] (Atom and
//! JSON Feed), [`sitemap`] (with `robots.txt`), [`data`] (open-data JSON
//! and CSV) and [`redirects`] (`_redirects` for static hosts). Each of them
//! returns [`GeneratedFile`]s, written by [`write_generated`].

pub mod assets;
pub mod data;
pub mod feeds;
pub mod redirects;
pub mod sink;
pub mod sitemap;
pub mod writer;

use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::site::Site;
use sink::Sink;

/// A file made at build time: its site path and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Site path (`sitemap.xml`, `actualites/atom.xml`…).
    pub path: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

impl GeneratedFile {
    /// A file with text contents.
    pub fn text(path: impl Into<String>, text: String) -> GeneratedFile {
        GeneratedFile {
            path: path.into(),
            bytes: text.into_bytes(),
        }
    }
}

/// Writes generated files into the staging folder. Where the site has a
/// page or a static file of its own (its own `robots.txt`…), that file is
/// kept and a warning says so. Returns the site paths of the files it
/// wrote or tried to write (a failed write is reported in `problems`).
pub fn write_generated(
    site: &Site,
    sink: &dyn Sink,
    files: &[GeneratedFile],
    problems: &mut impl Extend<Diagnostic>,
) -> Vec<String> {
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        if site.routes.exists(&file.path) {
            problems.extend([Diagnostic::warning(msg!(
                "generated-file-overridden",
                path = file.path
            ))
            .hint(msg!("generated-file-overridden-hint"))]);
            continue;
        }
        if let Err(e) = sink.write(&file.path, &file.bytes) {
            problems.extend([Diagnostic::error(msg!("output-unwritable", error = e))
                .at(Span::file(std::path::Path::new(&file.path)))
                .hint(msg!("output-unwritable-hint"))]);
        }
        written.push(file.path.clone());
    }
    written
}

/// Escapes text for XML content and attribute values, dropping the
/// characters XML 1.0 forbids (control characters an editor may have
/// pasted), so a feed or sitemap is always well-formed.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Percent-encodes what may not appear as is in a URL path (spaces,
/// non-ASCII letters…), keeping `/` and the characters RFC 3986 allows.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let allowed = byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte);
        if allowed {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The path part of `base_url`, with slashes around: `/` or `/portail/`.
pub fn base_path(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    format!("{}/", path.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_covers_markup_and_forbidden_characters() {
        assert_eq!(
            escape_xml("a < b & \"c\" 'd' >\u{7}\u{c}é\n"),
            "a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt;é\n"
        );
    }

    #[test]
    fn paths_are_percent_encoded() {
        assert_eq!(encode_path("news/x-1/"), "news/x-1/");
        assert_eq!(encode_path("actualités/a b/"), "actualit%C3%A9s/a%20b/");
    }

    #[test]
    fn base_path_is_the_path_of_base_url() {
        assert_eq!(base_path("https://example.org"), "/");
        assert_eq!(base_path("https://example.org/"), "/");
        assert_eq!(base_path("https://h.example/portail"), "/portail/");
        assert_eq!(base_path("http://h:8080/a/b/"), "/a/b/");
    }
}
