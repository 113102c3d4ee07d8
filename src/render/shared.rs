//! Shared parts: the templates under `templates/shared/`, each rendered once
//! per language for the whole build and given to every page as
//! `shared.<name>` (ready HTML), instead of once per page.
//!
//! A shared part sees what no page in particular shows: `lang`, `t`, `root`
//! and `site`, with links written from the site root (filled in per page),
//! no current navigation item, and language links to each language's home.
//! A footer or a search box belongs here; anything that depends on the page
//! (its title, its translations, the current section) does not.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use serde_json::{Map, Value};

use super::Renderer;
use crate::diagnostics::Diagnostic;

/// The folder of shared parts, inside `templates/`.
const FOLDER: &str = "shared/";

/// A pseudo page path: links made "from" it are written from the site
/// root ([`Renderer::root_link`]), the same on every page.
pub(super) const NO_PAGE: &str = "\u{e000}shared";

/// Each language's shared parts, made on first use.
#[derive(Debug, Default)]
pub(super) struct SharedParts(HashMap<String, OnceLock<Result<Arc<Value>, Diagnostic>>>);

impl SharedParts {
    /// Room for the parts of each of `langs`.
    pub(super) fn new<'l>(langs: impl Iterator<Item = &'l str>) -> SharedParts {
        SharedParts(langs.map(|l| (l.to_string(), OnceLock::new())).collect())
    }
}

impl Renderer<'_> {
    /// The shared parts of `lang` (`{name: html}`), rendered the first
    /// time a page of that language asks.
    pub(super) fn shared_parts(&self, lang: &str) -> Result<Arc<Value>, Diagnostic> {
        let Some(cell) = self.shared.0.get(lang) else {
            return Ok(Arc::new(Value::Object(Map::new())));
        };
        cell.get_or_init(|| self.render_shared(lang)).clone()
    }

    fn render_shared(&self, lang: &str) -> Result<Arc<Value>, Diagnostic> {
        let names: Vec<&str> = self
            .templates
            .names()
            .filter(|n| n.starts_with(FOLDER) && n.ends_with(".html"))
            .collect();
        let mut parts = Map::new();
        if names.is_empty() {
            return Ok(Arc::new(Value::Object(parts)));
        }
        let context = self.base_context(NO_PAGE, lang, &[]);
        for name in names {
            let html = self.templates.render(&self.site.root, name, &context)?;
            let key = name[FOLDER.len()..name.len() - ".html".len()].replace(['/', '-'], "_");
            // Tera writes text only: never lossy in fact.
            parts.insert(
                key,
                Value::String(String::from_utf8_lossy(&html).into_owned()),
            );
        }
        Ok(Arc::new(Value::Object(parts)))
    }
}
