//! Code highlighting: the step of Markdown rendering that turns a fenced code
//! block into HTML with syntect, using CSS classes (`hl-…`) instead of inline
//! colours so the theme can style light and dark modes (docs/content.md).
//!
//! The syntax definitions are loaded once per process and shared by every
//! page and rayon worker; loading them is the expensive part.

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{css_for_theme_with_class_style, ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use super::sanitize::push_escaped;

/// The class prefix keeps syntect's scope names (`keyword`, `string`...)
/// from colliding with the theme's own classes.
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

const LIGHT_THEME: &str = "InspiredGitHub";
const DARK_THEME: &str = "base16-ocean.dark";

fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

/// Renders a code block: `<pre class="code" data-lang="rust"><code>…</code></pre>`,
/// highlighted when `lang` names a known syntax, escaped plain text otherwise.
pub(super) fn code_block(lang: Option<&str>, code: &str) -> String {
    let mut html = String::with_capacity(code.len() * 2 + 64);
    html.push_str("<pre class=\"code\"");
    if let Some(lang) = lang {
        html.push_str(" data-lang=\"");
        push_escaped(&mut html, lang);
        html.push('"');
    }
    html.push_str("><code>");
    match lang
        .and_then(find_syntax)
        .and_then(|syntax| highlight(syntax, code))
    {
        Some(highlighted) => html.push_str(&highlighted),
        None => push_escaped(&mut html, code),
    }
    html.push_str("</code></pre>\n");
    html
}

/// Finds the syntax for a fence's language: a name (`rust`), an extension
/// (`rs`) or one of the usual aliases syntect does not know.
fn find_syntax(lang: &str) -> Option<&'static SyntaxReference> {
    let lower = lang.to_ascii_lowercase();
    let token = match lower.as_str() {
        "" | "text" | "txt" | "plain" | "plaintext" => return None,
        "shell" | "console" | "zsh" | "shell-session" => "bash",
        "yml" => "yaml",
        "jsonc" | "json5" => "json",
        other => other,
    };
    syntaxes().find_syntax_by_token(token)
}

/// `None` if syntect fails on this input (then the code is shown plain).
fn highlight(syntax: &SyntaxReference, code: &str) -> Option<String> {
    let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes(), CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

/// A stylesheet for the highlighting classes: a light theme inside
/// `@media (prefers-color-scheme: light)` and a dark one inside
/// `@media (prefers-color-scheme: dark)`, so neither leaks into the other;
/// token colours reach WCAG AA on code backgrounds up to these shades.
pub fn highlight_css() -> String {
    let themes = ThemeSet::load_defaults();
    let css_for = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|theme| css_for_theme_with_class_style(theme, CLASS_STYLE).ok())
            .unwrap_or_default()
    };
    // The darkest light background and the lightest dark background a
    // theme is expected to put behind code.
    const LIGHT_BACKGROUND: [u8; 3] = [0xe6, 0xeb, 0xf0];
    const DARK_BACKGROUND: [u8; 3] = [0x2b, 0x30, 0x3b];
    let mut css = String::from("@media (prefers-color-scheme: light) {\n");
    css.push_str(&super::contrast::enforce(
        &css_for(LIGHT_THEME),
        LIGHT_BACKGROUND,
        false,
    ));
    css.push_str("}\n@media (prefers-color-scheme: dark) {\n");
    css.push_str(&super::contrast::enforce(
        &css_for(DARK_THEME),
        DARK_BACKGROUND,
        true,
    ));
    css.push_str("}\n");
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_languages_are_highlighted_with_classes_only() {
        let html = code_block(Some("rust"), "fn main() {}\n");
        assert!(html.starts_with("<pre class=\"code\" data-lang=\"rust\"><code><span class=\"hl-"));
        assert!(html.ends_with("</code></pre>\n"));
        assert!(!html.contains("style="));
    }

    #[test]
    fn extensions_and_aliases_name_languages() {
        assert!(code_block(Some("rs"), "let x = 1;").contains("hl-source hl-rust"));
        assert!(code_block(Some("Python"), "x = 1").contains("hl-source hl-python"));
        assert!(code_block(Some("shell"), "ls -l").contains("hl-source hl-shell"));
    }

    #[test]
    fn unknown_or_missing_languages_are_escaped_plain_text() {
        assert_eq!(
            code_block(Some("klingon"), "a < b && \"c\""),
            "<pre class=\"code\" data-lang=\"klingon\"><code>a &lt; b &amp;&amp; &quot;c&quot;</code></pre>\n"
        );
        assert_eq!(
            code_block(None, "<x>"),
            "<pre class=\"code\"><code>&lt;x&gt;</code></pre>\n"
        );
        assert!(!code_block(Some("text"), "x").contains("<span"));
    }

    #[test]
    fn highlighted_code_escapes_html() {
        let html = code_block(Some("html"), "<script>alert(1)</script>\n");
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;"));
    }

    #[test]
    fn language_names_are_escaped_in_the_attribute() {
        let html = code_block(Some("\"><script>"), "x");
        assert!(html.starts_with("<pre class=\"code\" data-lang=\"&quot;&gt;&lt;script&gt;\">"));
    }

    #[test]
    fn css_has_a_light_and_a_dark_theme() {
        let css = highlight_css();
        assert!(css.contains(".hl-"));
        let dark = css.find("@media (prefers-color-scheme: dark)");
        assert!(dark.is_some_and(|at| css[..at].contains(".hl-") && css[at..].contains(".hl-")));
    }
}
