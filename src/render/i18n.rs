//! Interface words: `themes/<theme>/i18n/<lang>.toml`, overridden key by
//! key by the site's `i18n/<lang>.toml`. A key present in one language and
//! missing in another is an error, never a blank on the page.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use crate::config::Config;
use crate::confine::SiteRoot;
use crate::content::discover::display_path;
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;

/// Language code → key → text.
#[derive(Debug, Default)]
pub struct I18n {
    words: HashMap<String, BTreeMap<String, String>>,
}

impl I18n {
    /// Loads and cross-checks every declared language.
    pub fn load(root: &Path, config: &Config) -> Result<I18n, Vec<Diagnostic>> {
        let theme = config.theme_dir(root).join("i18n");
        let site = root.join("i18n");
        let mut problems = Vec::new();
        let mut words = HashMap::new();
        for lang in config.language_codes() {
            let mut table = BTreeMap::new();
            for dir in [&theme, &site] {
                let path = dir.join(format!("{lang}.toml"));
                if !path.is_file() {
                    continue;
                }
                match read_table(root, &path) {
                    Ok(t) => table.extend(t),
                    Err(d) => problems.push(d),
                }
            }
            words.insert(lang.to_string(), table);
        }
        let all: BTreeSet<&String> = words.values().flat_map(|t| t.keys()).collect();
        for lang in config.language_codes() {
            let Some(table) = words.get(lang) else {
                continue;
            };
            for key in all.iter().filter(|k| !table.contains_key(**k)) {
                let file = display_path(root, &theme.join(format!("{lang}.toml")));
                problems.push(
                    Diagnostic::error(msg!("i18n-key-missing", key = key, lang = lang))
                        .at(Span::file(&file))
                        .hint(msg!("i18n-key-missing-hint", key = key, lang = lang)),
                );
            }
        }
        if problems.is_empty() {
            Ok(I18n { words })
        } else {
            Err(problems)
        }
    }

    /// The words of one language.
    pub fn words(&self, lang: &str) -> Option<&BTreeMap<String, String>> {
        self.words.get(lang)
    }
}

fn read_table(root: &Path, path: &Path) -> Result<BTreeMap<String, String>, Diagnostic> {
    let display = display_path(root, path);
    SiteRoot::new(root).check(path)?;
    let text = std::fs::read_to_string(path).map_err(|e| {
        Diagnostic::error(msg!("i18n-unreadable", error = e)).at(Span::file(&display))
    })?;
    toml::from_str(&text).map_err(|e| {
        let span = e.span().map_or_else(
            || Span::file(&display),
            |r| Span::in_text(&display, &text, r.start, r.len()),
        );
        Diagnostic::error(msg!("i18n-invalid", detail = e.message().trim()))
            .at(span)
            .hint(msg!("i18n-invalid-hint"))
    })
}
