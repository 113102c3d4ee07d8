//! The error panel: what open pages receive when a rebuild fails.
//!
//! The panel itself is drawn by `overlay.js` from this data: the site's
//! errors as the diagnostics serialize them (file, line, column, the
//! offending line, the message, the hint), with file names relative to the
//! site root, and the panel's own words in the language of the messages.

use std::path::Path;

use serde_json::{json, Value};

use super::texts::{self, Lang};
use crate::diagnostics::Diagnostics;

/// The JSON of a `problems` event for the errors among `problems`.
pub fn payload(problems: &Diagnostics, root: &Path, lang: Lang) -> String {
    let errors: Vec<Value> = problems
        .iter()
        .filter(|d| d.is_error())
        .map(|d| {
            let mut value = d.to_json(lang);
            for key in ["span", "related"] {
                if let Some(file) = value.get_mut(key).and_then(|s| s.get_mut("file")) {
                    *file = Value::String(relative(root, file));
                }
            }
            value
        })
        .collect();
    json!({"texts": texts::panel(lang, errors.len()), "errors": errors}).to_string()
}

/// A file name as the editor knows it: relative to the site root.
fn relative(root: &Path, file: &Value) -> String {
    let name = file.as_str().unwrap_or_default();
    Path::new(name)
        .strip_prefix(root)
        .map_or_else(|_| name.to_string(), |p| p.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, Span};

    #[test]
    fn errors_only_with_relative_files_and_the_panel_words() {
        let root = Path::new("/site");
        let text = "---\ntitle: [\n---\n";
        let problems = Diagnostics::from_iter([
            Diagnostic::error(crate::msg!("yaml-invalid", detail = "x"))
                .at(Span::in_text(Path::new("/site/content/a.md"), text, 11, 1))
                .hint(crate::msg!("yaml-invalid-hint")),
            Diagnostic::warning(crate::msg!("yaml-tab")),
        ]);
        let value: Value = serde_json::from_str(&payload(&problems, root, Lang::Fr)).expect("json");
        let errors = value["errors"].as_array().expect("errors");
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0]["span"]["file"], "content/a.md");
        assert_eq!(errors[0]["span"]["line"], 2);
        assert_eq!(errors[0]["span"]["source_line"], "title: [");
        assert_eq!(
            errors[0]["hint"],
            crate::msg!("yaml-invalid-hint").text(Lang::Fr)
        );
        assert_eq!(value["texts"]["title"], "Le site a 1 erreur");
        assert_eq!(value["texts"]["lang"], "fr");
    }
}
