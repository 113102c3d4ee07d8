//! Diagnostics: what an editor reads when the site has a fault.
//!
//! Every stage of the pipeline reports problems as [`Diagnostic`] values
//! instead of stopping at the first one, so one build shows all of them.
//! Each names a file, line and column, quotes the offending line and says
//! how to fix it. Their texts are [`Message`]s, made in the reader's
//! language only when they are shown: for people (with `annotate-snippets`)
//! or as JSON for CI annotations.

use std::fmt;
use std::path::{Path, PathBuf};

use annotate_snippets::{Level, Renderer, Snippet};
use serde::Serialize;
use serde_json::{json, Value};

use crate::messages::{Lang, Message};
use crate::msg;

/// How bad a diagnostic is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The site cannot be built as written.
    Error,
    /// Built anyway, but probably not what the editor meant.
    Warning,
}

/// A place in a source file, 1-based, with the text of that line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The file, relative to the site root when possible.
    pub file: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// How many characters to underline (at least one).
    pub width: usize,
    /// The whole offending line, without its line ending.
    pub source_line: String,
}

impl Span {
    /// The span of `byte_offset` (and `len` bytes after it) inside `text`,
    /// the content of `file`.
    pub fn in_text(file: &Path, text: &str, byte_offset: usize, len: usize) -> Span {
        let offset = floor_char_boundary(text, byte_offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let source_line = text[line_start..line_end]
            .trim_end_matches('\r')
            .to_string();
        let end = floor_char_boundary(text, (offset + len).min(line_end));
        Span {
            file: file.to_path_buf(),
            line: text[..line_start].matches('\n').count() + 1,
            column: text[line_start..offset].chars().count() + 1,
            width: text[offset..end].chars().count().max(1),
            source_line,
        }
    }

    /// The span of a whole 1-based `line` of `text` (or its first line if
    /// out of range), pointing at its first non-blank character.
    pub fn line_of(file: &Path, text: &str, line: usize) -> Span {
        let start: usize = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let rest = &text[start.min(text.len())..];
        let content = rest.split('\n').next().unwrap_or("").trim_end_matches('\r');
        let indent = content.len() - content.trim_start().len();
        Span::in_text(file, text, start + indent, content.trim().len())
    }

    /// A span for a file as a whole, when no line applies.
    pub fn file(file: &Path) -> Span {
        Span {
            file: file.to_path_buf(),
            line: 0,
            column: 0,
            width: 0,
            source_line: String::new(),
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found while building, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: Message,
    /// Where it is, when it comes from a file.
    pub span: Option<Box<Span>>,
    /// A label under the offending text.
    pub label: Option<Message>,
    /// How to fix it.
    pub hint: Option<Message>,
    /// A second place involved (the other file of a duplicate, say).
    pub related: Option<Box<Span>>,
}

impl Diagnostic {
    /// A new error with a message and nothing else yet.
    pub fn error(message: Message) -> Self {
        Self::new(Severity::Error, message)
    }

    /// A new warning.
    pub fn warning(message: Message) -> Self {
        Self::new(Severity::Warning, message)
    }

    /// A new diagnostic of the given severity.
    pub fn new(severity: Severity, message: Message) -> Self {
        Diagnostic {
            severity,
            message,
            span: None,
            label: None,
            hint: None,
            related: None,
        }
    }

    /// Places the diagnostic.
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(Box::new(span));
        self
    }

    /// Adds a label under the offending text.
    pub fn label(mut self, label: Message) -> Self {
        self.label = Some(label);
        self
    }

    /// Adds advice on how to fix it.
    pub fn hint(mut self, hint: Message) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Names a second place involved.
    pub fn related(mut self, span: Span) -> Self {
        self.related = Some(Box::new(span));
        self
    }

    /// Whether this diagnostic fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders for a terminal in `lang`; `color` adds ANSI styles.
    pub fn render(&self, lang: Lang, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let title = self.message.text(lang);
        let label = self.label.as_ref().map(|l| l.text(lang));
        let hint = self.hint.as_ref().map(|h| h.text(lang));
        let also_here = msg!("diagnostic-also-here").text(lang);
        let origin_main = self.span.as_deref().map(origin);
        let origin_related = self.related.as_deref().map(origin);
        let mut message = level.title(&title);
        let mut file_note = None;
        match (&self.span, &origin_main) {
            (Some(span), Some(origin)) if span.line > 0 => {
                message = message.snippet(snippet(level, span, origin, label.as_deref()));
            }
            (Some(_), Some(origin)) => {
                file_note = Some(msg!("diagnostic-in-file", file = origin).text(lang));
            }
            _ => {}
        }
        if let Some(note) = &file_note {
            message = message.footer(Level::Note.title(note));
        }
        if let (Some(span), Some(origin)) = (&self.related, &origin_related) {
            message = message.snippet(snippet(Level::Note, span, origin, Some(&also_here)));
        }
        if let Some(hint) = &hint {
            message = message.footer(Level::Help.title(hint));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let rendered = renderer.render(message).to_string();
        translate_levels(&rendered, lang)
    }

    /// The diagnostic as a JSON object, its texts in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        json!({
            "severity": self.severity,
            "code": self.message.id(),
            "message": self.message.text(lang),
            "label": self.label.as_ref().map(|l| l.text(lang)),
            "hint": self.hint.as_ref().map(|h| h.text(lang)),
            "span": self.span,
            "related": self.related,
        })
    }
}

/// annotate-snippets writes its level words (`error`, `help`…) in English:
/// they are replaced by the catalog's, where it writes them: at the start
/// of the title line, of each footer (`= help:`) and of the label of a
/// secondary annotation (`--- note: also here`).
fn translate_levels(rendered: &str, lang: Lang) -> String {
    let words = [
        ("error", msg!("level-error")),
        ("warning", msg!("level-warning")),
        ("help", msg!("level-help")),
        ("note", msg!("level-note")),
    ];
    let mut out = String::with_capacity(rendered.len() + 16);
    for (i, line) in rendered.split_inclusive('\n').enumerate() {
        let plain = strip_ansi(line);
        let trimmed = plain.trim_start();
        // Where a level word may start, in the plain line and the styled one.
        let (bare, from) = if i == 0 {
            (trimmed, 0)
        } else if let Some(footer) = trimmed.strip_prefix("= ") {
            (footer, line.find('=').unwrap_or(0))
        } else if trimmed.starts_with('|') && plain.contains(['-', '^']) {
            let after = plain.rfind(['-', '^']).map_or(0, |at| at + 1);
            let start = line.rfind(['-', '^']).map_or(0, |at| at + 1);
            (plain[after..].trim_start(), start)
        } else {
            out.push_str(line);
            continue;
        };
        let found = words
            .iter()
            .find(|(word, _)| bare.strip_prefix(word).is_some_and(|r| r.starts_with(':')));
        match found {
            Some((word, local)) => {
                out.push_str(&line[..from]);
                out.push_str(&line[from..].replacen(word, &local.text(lang), 1));
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The text of a line without its ANSI styles.
fn strip_ansi(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for end in chars.by_ref() {
                if end.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The file name; annotate-snippets adds the line and column itself.
fn origin(span: &Span) -> String {
    span.file.display().to_string()
}

fn snippet<'a>(
    level: Level,
    span: &'a Span,
    origin: &'a str,
    label: Option<&'a str>,
) -> Snippet<'a> {
    let snippet = Snippet::source(&span.source_line).origin(origin);
    let start = span
        .source_line
        .char_indices()
        .nth(span.column - 1)
        .map_or(span.source_line.len(), |(i, _)| i);
    let end = span.source_line[start..]
        .char_indices()
        .nth(span.width)
        .map_or(span.source_line.len(), |(i, _)| start + i);
    snippet
        .line_start(span.line)
        .annotation(level.span(start..end.max(start)).label(label.unwrap_or("")))
}

/// In English, for logs and test failures; people get [`Diagnostic::render`].
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En, false))
    }
}

/// All the diagnostics of one build, in a stable order.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Whether any is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// How many errors there are.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// How many warnings there are.
    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    /// The errors, then the warnings, each in file order.
    pub fn errors_first(&self) -> impl Iterator<Item = &Diagnostic> {
        let errors = self.0.iter().filter(|d| d.is_error());
        errors.chain(self.0.iter().filter(|d| !d.is_error()))
    }

    /// Every diagnostic as JSON (errors first), texts in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        Value::Array(self.errors_first().map(|d| d.to_json(lang)).collect())
    }

    /// Sorts by file, line and column so output does not depend on threads.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            let key = |d: &Diagnostic| d.span.as_ref().map(|s| (s.file.clone(), s.line, s.column));
            key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
        });
        self.0.dedup();
    }

    /// The diagnostics, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Extend<Diagnostic> for Diagnostics {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.0.extend(iter);
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough
/// to be a plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_finds_line_and_column_in_characters() {
        let text = "a: 1\nbé: x\nc: 3\n";
        let offset = text.find('x').unwrap_or(0);
        let span = Span::in_text(Path::new("f.md"), text, offset, 1);
        assert_eq!((span.line, span.column), (2, 5));
        assert_eq!(span.source_line, "bé: x");
    }

    #[test]
    fn line_of_points_at_first_non_blank() {
        let span = Span::line_of(Path::new("f.md"), "a\n  key: v\r\n", 2);
        assert_eq!((span.line, span.column, span.width), (2, 3, 6));
        assert_eq!(span.source_line, "  key: v");
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            did_you_mean("websit", ["website", "founded"]),
            Some("website")
        );
        assert_eq!(did_you_mean("zzz", ["website", "founded"]), None);
    }

    fn unknown_field() -> Diagnostic {
        let text = "---\nwebsit: x\n---\n";
        Diagnostic::error(msg!("field-unknown", field = "websit"))
            .at(Span::in_text(Path::new("content/a.md"), text, 4, 6))
            .hint(msg!("did-you-mean", close = "website"))
    }

    #[test]
    fn renders_file_line_snippet_and_hint() {
        let out = unknown_field().render(Lang::En, false);
        assert!(out.contains("content/a.md:2:1"), "{out}");
        assert!(out.contains("websit: x"), "{out}");
        assert!(out.contains("help: did you mean `website`?"), "{out}");
    }

    #[test]
    fn level_words_follow_the_language_with_or_without_colors() {
        for color in [false, true] {
            let out = unknown_field().render(Lang::Fr, color);
            let plain = strip_ansi(&out);
            assert!(plain.starts_with("erreur"), "{plain}");
            assert!(plain.contains("= conseil"), "{plain}");
            assert!(!plain.contains("help"), "{plain}");
            let related = unknown_field()
                .related(Span::line_of(Path::new("content/b.md"), "a: b\n", 1))
                .render(Lang::Fr, color);
            let related = strip_ansi(&related);
            assert!(related.contains("- note : et ici"), "{related}");
        }
    }

    #[test]
    fn json_has_code_and_texts() {
        let value = unknown_field().to_json(Lang::Fr);
        assert_eq!(value["severity"], "error");
        assert_eq!(value["code"], "field-unknown");
        assert_eq!(value["span"]["line"], 2);
        assert!(value["hint"]
            .as_str()
            .is_some_and(|h| h.contains("website")));
    }
}
