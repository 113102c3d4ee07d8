//! Templates: the theme's Tera templates, overridden file by file by the
//! site's own `templates/` folder, plus the functions templates may call.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::Tera;

use super::context_pool::ContextPool;
use super::functions::{
    card_context, CardFunction, Cards, EntriesFunction, UrlFunction, CARD_TEMPLATE,
};
use super::i18n::I18n;
use crate::confine::SiteRoot;
use crate::diagnostics::{Diagnostic, Span};
use crate::messages::Message;
use crate::msg;
use crate::site::Site;

/// Loaded templates, with the file each name came from.
#[derive(Debug)]
pub struct Templates {
    /// The Tera instance.
    pub tera: Tera,
    /// Template name → file, for diagnostics.
    pub files: HashMap<String, PathBuf>,
    /// The cards `card_html()` made during this build.
    cards: Cards,
    /// `card_html()` itself, for cards made outside a template (`cards.js`).
    card_function: Option<CardFunction>,
}

impl Templates {
    /// Loads `theme_dir/templates` then `site_dir/templates` over it.
    pub fn load(root: &Path, theme_dir: &Path) -> Result<Templates, Vec<Diagnostic>> {
        let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
        let site_root = SiteRoot::new(root);
        let mut escapes = Vec::new();
        for dir in [theme_dir.join("templates"), root.join("templates")] {
            let walk = site_root.files(&dir, |_, _| true);
            escapes.extend(walk.problems);
            for item in walk.files {
                let is_template = item
                    .path()
                    .extension()
                    .is_some_and(|e| e == "html" || e == "xml" || e == "txt");
                if !is_template {
                    continue;
                }
                if let Ok(name) = item.path().strip_prefix(&dir) {
                    files.insert(
                        name.to_string_lossy().replace('\\', "/"),
                        item.path().to_path_buf(),
                    );
                }
            }
        }
        if !escapes.is_empty() {
            return Err(escapes);
        }
        if files.is_empty() {
            return Err(vec![Diagnostic::error(msg!("theme-without-templates"))
                .at(Span::file(&crate::content::discover::display_path(
                    root, theme_dir,
                )))
                .hint(msg!("theme-without-templates-hint"))]);
        }
        let mut tera = Tera::default();
        let pairs: Vec<(PathBuf, Option<String>)> = files
            .iter()
            .map(|(n, p)| (p.clone(), Some(n.clone())))
            .collect();
        if let Err(e) = tera.add_template_files(pairs) {
            return Err(vec![template_error(root, &files.into_iter().collect(), &e)]);
        }
        tera.set_escape_fn(escape_html);
        Ok(Templates {
            tera,
            files: files.into_iter().collect(),
            cards: Arc::default(),
            card_function: None,
        })
    }

    /// Gives the template functions this build's data: the static files'
    /// hashed names, the site's lists and the interface words.
    pub fn bind(&mut self, manifest: Arc<HashMap<String, String>>, site: &Site, i18n: &I18n) {
        let style = site.config.links;
        self.tera
            .register_function("url", UrlFunction { manifest, style });
        self.tera
            .register_function("entries", EntriesFunction::new(site));
        let card_source = self
            .files
            .get(CARD_TEMPLATE)
            .and_then(|path| std::fs::read_to_string(path).ok());
        if let Some(source) = card_source {
            // A card reads a few words; the whole `t` would cost more than
            // the card.
            let contexts = site
                .config
                .language_codes()
                .map(|lang| {
                    let words = i18n.words_read_by(lang, &source);
                    (lang.to_string(), card_context(lang, Some(&words)))
                })
                .collect();
            let cards = CardFunction {
                tera: self.tera.clone(),
                contexts: Arc::new(ContextPool::new(contexts)),
                made: self.cards.clone(),
            };
            self.card_function = Some(cards.clone());
            self.tera.register_function("card_html", cards);
        }
        self.forget_cards();
    }

    /// Forgets the cards made by `card_html()`: their entries may have
    /// changed since.
    pub fn forget_cards(&self) {
        if let Ok(mut cards) = self.cards.lock() {
            cards.clear();
        }
    }

    /// The theme's card for `card` (a serialized card), as a list shows it
    /// with `card_html()`: made once per build and shared with the lists;
    /// `None` when the theme has no card template.
    pub fn card_html(
        &self,
        card: &serde_json::Value,
        level: i64,
        kicker: bool,
        lang: &str,
    ) -> Option<tera::Result<String>> {
        let function = self.card_function.as_ref()?;
        let args = HashMap::from([
            ("card".to_string(), card.clone()),
            ("level".to_string(), level.into()),
            ("kicker".to_string(), kicker.into()),
            ("lang".to_string(), lang.into()),
        ]);
        let html = tera::Function::call(function, &args);
        Some(html.map(|html| html.as_str().unwrap_or_default().to_string()))
    }

    /// A template error as a diagnostic that names the template file.
    pub fn error(&self, root: &Path, error: &tera::Error) -> Diagnostic {
        template_error(root, &self.files, error)
    }

    /// The names of every template.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Whether a template of that name exists.
    pub fn has(&self, name: &str) -> bool {
        self.files.contains_key(name)
    }

    /// Renders `name`, turning Tera's errors into a diagnostic that names
    /// the template file.
    pub fn render(
        &self,
        root: &Path,
        name: &str,
        context: &tera::Context,
    ) -> Result<Vec<u8>, Diagnostic> {
        // A page written into an empty buffer was copied a dozen times as
        // the buffer grew: start from the size of this thread's last page
        // (pages of a site are alike), with some room to spare.
        thread_local! {
            static LAST: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        }
        let hint = LAST.get();
        let mut html = Vec::with_capacity(hint + hint / 4);
        self.tera
            .render_to(name, context, &mut html)
            .map_err(|e| template_error(root, &self.files, &e))?;
        LAST.set(html.len());
        Ok(html)
    }
}

/// Escapes text for HTML text and quoted attributes. Unlike Tera's default
/// it leaves `/` alone, so URLs stay readable and pages smaller.
pub fn escape_html(text: &str) -> String {
    // Every value a template shows goes through here, and few hold a
    // special character: copy the runs between them whole (they are all
    // ASCII, so byte positions are character boundaries).
    let special = |b: u8| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'');
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(at) = crate::scan::first(rest.as_bytes(), special) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&#39;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

/// A Tera error as a diagnostic: the template file, and the line and
/// column when Tera's parser gives them.
fn template_error(
    root: &Path,
    files: &HashMap<String, PathBuf>,
    error: &tera::Error,
) -> Diagnostic {
    let mut chain = vec![error.to_string()];
    let mut source = std::error::Error::source(error);
    while let Some(e) = source {
        chain.push(e.to_string());
        source = e.source();
    }
    let full = chain.join("\n");
    let file = files
        .iter()
        .filter(|(name, path)| {
            full.contains(&format!("'{name}'")) || full.contains(&*path.to_string_lossy())
        })
        .max_by_key(|(name, _)| name.len())
        .map(|(_, path)| path.clone());
    let Some(path) = file else {
        return Diagnostic::error(msg!("template-error", detail = first_line(&full)))
            .hint(msg!("template-error-detail", detail = full));
    };
    let display = crate::content::discover::display_path(root, &path);
    let position = parse_position(&full);
    let (Some((line, column)), Ok(text)) = (position, std::fs::read_to_string(&path)) else {
        let detail = chain.last().cloned().unwrap_or_default();
        return Diagnostic::error(msg!("template-error", detail = first_line(&detail)))
            .at(Span::file(&display))
            .hint(hint_for(&detail));
    };
    let mut span = Span::line_of(&display, &text, line);
    span.column = column.max(1);
    span.width = 1;
    let expected = full
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix("= "))
        .map_or(msg!("template-unexpected-text"), |e| {
            msg!("template-expected", expected = e)
        });
    Diagnostic::error(msg!("template-syntax-error"))
        .at(span)
        .label(expected)
        .hint(msg!("template-syntax-error-hint"))
}

fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// Pest's `--> 3:5` marker in a parse error.
fn parse_position(text: &str) -> Option<(usize, usize)> {
    let after = text.split("--> ").nth(1)?;
    let (line, rest) = after.split_once(':')?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, column.parse().ok()?))
}

fn hint_for(detail: &str) -> Message {
    if detail.contains("not found in context") {
        msg!("template-unknown-variable-hint")
    } else {
        let clean: Vec<&str> = detail
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        msg!("template-error-detail", detail = clean.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The patched Tera (vendor/tera/PATCH.md) takes a direct route for
    /// plain dotted paths and for fields of an owned list's items; every
    /// other form of path must still find what published Tera finds.
    #[test]
    fn patched_tera_finds_every_form_of_path() {
        let context = tera::Context::from_value(serde_json::json!({
            "page": {"title": "Titre", "fields": {"a/b": "slash", "x.y": "dot"}},
            "list": [{"name": "un"}, {"name": "deux"}],
            "key": "title",
        }))
        .unwrap();
        let render = |source: &str| tera::Tera::one_off(source, &context, false).unwrap();
        assert_eq!(render("{{ page.title }}"), "Titre");
        assert_eq!(render("{{ page['title'] }} {{ page[key] }}"), "Titre Titre");
        assert_eq!(render(r#"{{ page.fields["x.y"] }}"#), "dot");
        assert_eq!(render("{{ page.fields['a/b'] }}"), "slash");
        assert_eq!(render("{{ list.1.name }}"), "deux");
        assert_eq!(
            render("{% if page.missing %}x{% else %}none{% endif %}"),
            "none"
        );
        // A loop over a filter's result (an owned list) and over the
        // context's own list (borrowed).
        assert_eq!(
            render("{% for i in list | reverse %}{{ i.name }},{% endfor %}"),
            "deux,un,"
        );
        assert_eq!(
            render("{% for i in list %}{{ i.name }},{% endfor %}"),
            "un,deux,"
        );
    }

    /// Variables a template sets and a macro's arguments live in Tera's
    /// stack frames, where the patched copy finds a path's dot with its own
    /// byte search (vendor/tera/PATCH.md).
    #[test]
    fn patched_tera_finds_dotted_paths_in_set_variables_and_macro_arguments() {
        let context = tera::Context::from_value(serde_json::json!({
            "page": {"title": "Titre", "author": {"name": "Ada"}},
        }))
        .unwrap();
        let render = |source: &str| tera::Tera::one_off(source, &context, false).unwrap();
        assert_eq!(
            render("{% set p = page %}{{ p.title }} {{ p.author.name }}"),
            "Titre Ada"
        );
        let mut tera = tera::Tera::default();
        tera.add_raw_templates(vec![
            (
                "m.html",
                "{% macro show(p) %}{{ p.author.name }}{% endmacro %}",
            ),
            (
                "t.html",
                "{% import \"m.html\" as m %}{{ m::show(p=page) }}",
            ),
        ])
        .unwrap();
        assert_eq!(tera.render("t.html", &context).unwrap(), "Ada");
    }

    /// The patched copy's array filters read the array in place instead of
    /// copying it first (vendor/tera/PATCH.md): same results, on a list of
    /// the context and on a filter's result, and the same error for a value
    /// that is not a list.
    #[test]
    fn patched_tera_array_filters_give_the_published_results() {
        let context = tera::Context::from_value(serde_json::json!({
            "headings": [
                {"level": 2, "text": "Un"},
                {"level": 3, "text": "Un bis"},
                {"level": 2, "text": "Deux"},
                {"level": 2},
            ],
            "words": ["a", "b", "c", "d"],
            "empty": [],
            "title": "Titre",
            "people": [
                {"name": {"first": "Marie", "last": "Curie"}, "tags": ["a", "x"]},
                {"name": {"first": "Ada"}, "tags": ["b"]},
            ],
        }))
        .unwrap();
        let render = |source: &str| tera::Tera::one_off(source, &context, false);
        let ok = |source: &str| render(source).unwrap();
        assert_eq!(
            ok(
                r#"{% for h in headings | filter(attribute="level", value=2) %}{{ h.text | default(value="-") }},{% endfor %}"#
            ),
            "Un,Deux,-,"
        );
        assert_eq!(
            ok(r#"{{ headings | filter(attribute="text") | length }}"#),
            "3"
        );
        assert_eq!(
            ok(r#"{{ headings | map(attribute="text") | join(sep="/") }}"#),
            "Un/Un bis/Deux"
        );
        assert_eq!(
            ok(
                r#"{{ words | slice(end=2) | join(sep="") }} {{ words | slice(start=-1) | join(sep="") }} {{ words | slice(start=3, end=1) | length }}"#
            ),
            "ab d 0"
        );
        assert_eq!(
            ok(
                r#"{{ words | first }}{{ words | last }}{{ words | nth(n=1) }}|{{ empty | first }}{{ empty | last }}{{ words | nth(n=9) }}|{{ empty | slice(end=1) | length }}"#
            ),
            "adb||0"
        );
        assert_eq!(ok(r#"{{ words | reverse | slice(end=3) | first }}"#), "d");
        // Dotted attributes, through objects and a list's index.
        assert_eq!(
            ok(
                r#"{{ people | map(attribute="name.first") | join(sep=",") }} {{ people | map(attribute="tags.1") | join(sep=",") }} {{ people | filter(attribute="name.last", value="Curie") | length }}"#
            ),
            "Marie,Ada x 1"
        );
        let error = render(r#"{{ title | slice(end=1) }}"#).unwrap_err();
        let mut cause: &dyn std::error::Error = &error;
        while let Some(next) = cause.source() {
            cause = next;
        }
        assert_eq!(
            cause.to_string(),
            "Filter `slice` was called on an incorrect value: got `\"Titre\"` but expected a Vec<Value>"
        );
    }

    /// serde_json is a patched copy with another hasher for its objects
    /// (vendor/serde_json/PATCH.md): objects keep their keys in insertion
    /// order (the theme shows `page.fields` in the schema's order), find
    /// each of them, and a template loops over them in that order.
    #[test]
    fn serde_json_objects_keep_order_and_find_every_key() {
        let keys: Vec<String> = (0..2_000).rev().map(|i| format!("champ_{i}")).collect();
        let mut map = serde_json::Map::new();
        for (i, key) in keys.iter().enumerate() {
            map.insert(key.clone(), serde_json::json!(i));
        }
        assert_eq!(map.keys().cloned().collect::<Vec<_>>(), keys);
        for (i, key) in keys.iter().enumerate() {
            assert_eq!(map.get(key), Some(&serde_json::json!(i)), "{key}");
        }
        assert_eq!(map.get("champ_2000"), None);
        let fields = serde_json::json!({"zeta": 1, "alpha": 2, "mu": 3});
        let context = tera::Context::from_value(serde_json::json!({ "fields": fields })).unwrap();
        let looped = tera::Tera::one_off(
            "{% for name, v in fields %}{{ name }}={{ v }};{% endfor %}",
            &context,
            false,
        )
        .unwrap();
        assert_eq!(looped, "zeta=1;alpha=2;mu=3;");
    }

    #[test]
    fn escapes_the_five_characters_and_keeps_the_rest() {
        assert_eq!(
            escape_html(r#"Santé & <b>"l'été"</b> / 日本"#),
            "Santé &amp; &lt;b&gt;&quot;l&#39;été&quot;&lt;/b&gt; / 日本"
        );
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("&"), "&amp;");
        // Past the 32-byte blocks the search tests at once.
        let long = format!("{}<{}'{}", "a".repeat(40), "é".repeat(20), "b".repeat(5));
        let escaped = format!(
            "{}&lt;{}&#39;{}",
            "a".repeat(40),
            "é".repeat(20),
            "b".repeat(5)
        );
        assert_eq!(escape_html(&long), escaped);
    }

    #[test]
    fn reads_pest_positions() {
        assert_eq!(parse_position("Failed\n  --> 3:15\n   |"), Some((3, 15)));
        assert_eq!(parse_position("no position"), None);
    }
}
