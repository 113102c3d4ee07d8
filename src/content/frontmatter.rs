//! Reading one content file: bytes → text → YAML fields + Markdown body.
//!
//! Text is normalized first (BOM dropped, CRLF → LF) so that offsets,
//! lines and columns all refer to the same string that diagnostics quote.

use std::path::Path;

use serde_json::Value;

use super::discover::{Format, SourceFile};
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;
use crate::yaml::{self, Mapping, YamlErrorKind};

/// A content file split into its parts, not yet checked against a schema.
#[derive(Debug)]
pub struct RawDocument {
    /// The normalized text of the whole file.
    pub text: String,
    /// The fields, with their lines in `text`.
    pub fields: Mapping,
    /// Where the Markdown body is.
    pub body: Body,
}

/// Where the Markdown body of a file lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// A slice of the file's text, from this byte offset to the end
    /// (Markdown files), so link problems can be placed exactly.
    Tail(usize),
    /// The `body:` field of a YAML file, written on this line.
    Field(String, usize),
}

/// Reads and splits a content file.
pub fn read(source: &SourceFile) -> Result<RawDocument, Diagnostic> {
    let bytes = std::fs::read(&source.path).map_err(|e| {
        Diagnostic::error(msg!("file-unreadable", error = e)).at(Span::file(&source.display))
    })?;
    parse(&source.display, bytes, source.format)
}

/// Splits the bytes of a content file written in `format`; `display` names
/// it in diagnostics. What [`read`] does once the file is read: any bytes
/// give a document or a diagnostic, never a panic.
pub fn parse(display: &Path, bytes: Vec<u8>, format: Format) -> Result<RawDocument, Diagnostic> {
    let text = decode(display, bytes)?;
    if text.trim().is_empty() {
        return Err(Diagnostic::error(msg!("file-empty"))
            .at(Span::file(display))
            .hint(msg!("file-empty-hint")));
    }
    match format {
        Format::Markdown => split_markdown(display, text),
        Format::Yaml => split_yaml(display, text),
    }
}

/// UTF-8 with an optional BOM; CRLF line endings become LF.
#[allow(unsafe_code)]
fn decode(display: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    // Checked with vector instructions: std's check leaves its fast path at
    // every accented letter, which French text has every few words (it
    // was 3 % of a build's time). A file that fails is checked again by
    // std, which says where.
    let text = match simdutf8::basic::from_utf8(&bytes) {
        // SAFETY: simdutf8 has just checked that `bytes` is UTF-8. Copying
        // the checked text instead, or checking it again with std, cost
        // 1.5 % of a build.
        Ok(_) => unsafe { String::from_utf8_unchecked(bytes) },
        Err(_) => String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // Offsets in the lossy text match the original up to the first bad byte.
            Diagnostic::error(msg!("file-not-utf8"))
                .at(Span::in_text(display, &lossy, valid, 1))
                .label(msg!("file-not-utf8-label"))
                .hint(msg!("file-not-utf8-hint"))
        })?,
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    // The one private-use character parvis gives a meaning to (the site
    // root in links made once for many pages) has none in text.
    let text = if text.contains(crate::render::ROOT_MARK) {
        text.replace(crate::render::ROOT_MARK, "\u{fffd}")
    } else {
        text
    };
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

fn split_markdown(display: &Path, text: String) -> Result<RawDocument, Diagnostic> {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() != "---" {
        return Err(Diagnostic::error(msg!("front-matter-missing"))
            .at(Span::line_of(display, &text, 1))
            .hint(msg!("front-matter-missing-hint")));
    }
    let yaml_start = first_line.len() + 1;
    let Some((yaml_end, body_start)) = closing_fence(&text, yaml_start) else {
        return Err(Diagnostic::error(msg!("front-matter-unclosed"))
            .at(Span::line_of(display, &text, 1))
            .label(msg!("front-matter-unclosed-label"))
            .hint(msg!("front-matter-unclosed-hint")));
    };
    let fields = parse_fields(display, &text, yaml_start, yaml_end)?;
    Ok(RawDocument {
        body: Body::Tail(body_start),
        fields,
        text,
    })
}

/// Finds the line `---` (or `...`) that ends the front matter: returns the
/// end of the YAML and the start of the body.
fn closing_fence(text: &str, from: usize) -> Option<(usize, usize)> {
    let mut offset = from;
    for line in text[from.min(text.len())..].split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            return Some((offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

fn split_yaml(display: &Path, text: String) -> Result<RawDocument, Diagnostic> {
    let mut fields = parse_fields(display, &text, 0, text.len())?;
    let body = match fields.shift_remove("body") {
        None | Some((Value::Null, _)) => Body::Field(String::new(), 0),
        Some((Value::String(s), line)) => Body::Field(s, line),
        Some((_, line)) => {
            return Err(Diagnostic::error(msg!("yaml-body-not-text"))
                .at(Span::line_of(display, &text, line))
                .hint(msg!("yaml-body-not-text-hint")))
        }
    };
    Ok(RawDocument { text, fields, body })
}

/// Parses `text[start..end]` as YAML; lines of fields are made absolute.
fn parse_fields(
    display: &Path,
    text: &str,
    start: usize,
    end: usize,
) -> Result<Mapping, Diagnostic> {
    let yaml_text = &text[start..end];
    let line_offset = text[..start].matches('\n').count();
    let mut fields = yaml::parse_mapping(yaml_text).map_err(|e| {
        let (message, hint) = match e.kind {
            YamlErrorKind::Syntax(detail) => (
                msg!("yaml-invalid", detail = detail),
                msg!("yaml-invalid-hint"),
            ),
            YamlErrorKind::TooManyAliases => (
                msg!("yaml-too-many-aliases"),
                msg!("yaml-too-many-aliases-hint"),
            ),
            YamlErrorKind::TooDeep => (msg!("yaml-too-deep"), msg!("yaml-too-deep-hint")),
            YamlErrorKind::Tab => (msg!("yaml-tab"), msg!("yaml-tab-hint")),
            YamlErrorKind::NotAMapping => {
                (msg!("yaml-not-a-mapping"), msg!("yaml-not-a-mapping-hint"))
            }
            YamlErrorKind::KeyNotAName => (
                msg!("yaml-key-not-a-name"),
                msg!("yaml-key-not-a-name-hint"),
            ),
        };
        Diagnostic::error(message)
            .at(Span::in_text(display, text, start + e.offset, 1))
            .hint(hint)
    })?;
    for (_, line) in fields.values_mut() {
        *line += line_offset;
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Result<RawDocument, Diagnostic> {
        split_markdown(Path::new("a.md"), text.to_string())
    }

    #[test]
    fn splits_fields_and_body_with_absolute_lines() {
        let doc = split("---\ntitle: A\ndate: 2024-01-02\n---\nHello\n").expect("valid");
        assert_eq!(doc.fields["date"].1, 3);
        assert_eq!(doc.body, Body::Tail(34));
        assert_eq!(&doc.text[34..], "Hello\n");
    }

    #[test]
    fn unclosed_front_matter_points_at_the_opening() {
        let e = split("---\ntitle: A\nHello\n").expect_err("unclosed");
        assert_eq!(e.message, msg!("front-matter-unclosed"));
        assert_eq!(e.span.map(|s| s.line), Some(1));
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let e = split("---\ntitle: A\ntags: [a\n---\n").expect_err("bad yaml");
        assert_eq!(e.message.id(), "yaml-invalid");
        assert!(e.span.map(|s| s.line).unwrap_or(0) >= 3);
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let text = decode(
            Path::new("a.md"),
            b"\xef\xbb\xbf---\r\ntitle: A\r\n---\r\nx\r\n".to_vec(),
        )
        .expect("utf8");
        let doc = split(&text).expect("valid");
        assert_eq!(doc.fields["title"].0, Value::from("A"));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let e = decode(Path::new("a.md"), b"---\ntitle: caf\xe9\n".to_vec()).expect_err("latin-1");
        let span = e.span.expect("span");
        assert_eq!((span.line, span.column), (2, 11));
    }
}
