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

    /// The words of `lang` that a template written `source` can read:
    /// those it names (`t.key`) or looks up by a written prefix
    /// (`t | get(key="month_" ~ …)`), or all of them when it reads `t` any
    /// other way. A template rendered many times then gets a small `t`.
    pub fn words_read_by(&self, lang: &str, source: &str) -> BTreeMap<String, String> {
        let Some(words) = self.words.get(lang) else {
            return BTreeMap::new();
        };
        match WordsRead::of(source) {
            WordsRead::All => words.clone(),
            WordsRead::Some(prefixes) => words
                .iter()
                .filter(|(key, _)| prefixes.iter().any(|p| key.starts_with(p.as_str())))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    /// The words of one language.
    pub fn words(&self, lang: &str) -> Option<&BTreeMap<String, String>> {
        self.words.get(lang)
    }
}

/// Which interface words a template reads.
#[derive(Debug, PartialEq, Eq)]
enum WordsRead {
    /// Any: it reads `t` in a way not understood here.
    All,
    /// Those whose key starts with one of these (a whole key is its own
    /// prefix).
    Some(Vec<String>),
}

impl WordsRead {
    /// Reads the template source `source` (comments left out).
    fn of(source: &str) -> WordsRead {
        let code = without_comments(source);
        let bytes = code.as_bytes();
        let in_name = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
        let mut prefixes = Vec::new();
        for (at, _) in code.match_indices('t') {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let after = bytes.get(at + 1).copied();
            if before.is_some_and(|b| in_name(b) || b == b'.') || after.is_some_and(in_name) {
                continue; // a letter of another name
            }
            let rest = &code[at + 1..];
            if let Some(key) = rest.strip_prefix('.') {
                let end = key.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
                prefixes.push(key[..end.unwrap_or(key.len())].to_string());
                continue;
            }
            let written = rest
                .trim_start()
                .strip_prefix('|')
                .map(str::trim_start)
                .and_then(|l| l.strip_prefix("get(key=\""))
                .and_then(|l| l.split_once('"'))
                .map(|(prefix, _)| prefix.to_string());
            match written {
                Some(prefix) => prefixes.push(prefix),
                None => return WordsRead::All,
            }
        }
        WordsRead::Some(prefixes)
    }
}

/// `source` with its `{# … #}` comments left out.
fn without_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find("{#") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("#}")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_words_a_template_reads() {
        let card =
            r#"{# reads `t` #}<p>{{ t.see_all }} {{ t | get(key="month_" ~ m) }}</p>{{ title }}"#;
        assert_eq!(
            WordsRead::of(card),
            WordsRead::Some(vec!["see_all".into(), "month_".into()])
        );
        assert_eq!(WordsRead::of("{{ t[key] }}"), WordsRead::All);
        assert_eq!(
            WordsRead::of("{{ macros::date(v=v, t=t) }}"),
            WordsRead::All
        );
        assert_eq!(
            WordsRead::of("{{ page.t }} {{ content }}"),
            WordsRead::Some(vec![])
        );
    }
}
