//! Discovery: which files under `content/` are entries, pages, list intros,
//! the home page, or files to copy, and which are ignored.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::confine::SiteRoot;
use crate::diagnostics::{did_you_mean, Diagnostic, Span};
use crate::msg;

/// What a content file is, from its place and name alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// `content/_index.md`: the home page.
    Home,
    /// `content/<name>.md`: a stand-alone page.
    Page,
    /// `content/<collection>/_index.md`: a list page's title and intro.
    ListIntro {
        /// The collection's key.
        collection: String,
    },
    /// `content/<collection>/<name>.md`: an entry.
    Entry {
        /// The collection's key.
        collection: String,
    },
}

/// The format a content file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// YAML front matter, then Markdown.
    Markdown,
    /// YAML only, the body in `body:`.
    Yaml,
}

/// A content file found on disk, classified.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Full path on disk.
    pub path: PathBuf,
    /// Path relative to the site root, as diagnostics show it.
    pub display: PathBuf,
    /// What it is.
    pub role: Role,
    /// How it is written.
    pub format: Format,
    /// The name shared by all translations (file stem without language code
    /// or date prefix).
    pub name: String,
    /// Its language code.
    pub lang: String,
    /// A `YYYY-MM-DD-` prefix of the file name, if any.
    pub date_prefix: Option<String>,
}

/// All that discovery found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Content files to parse.
    pub sources: Vec<SourceFile>,
    /// Other files under `content/` (images next to entries…), relative to `content/`.
    pub files: Vec<PathBuf>,
    /// Problems met on the way.
    pub problems: Vec<Diagnostic>,
}

/// Walks `root/content` and classifies every file in a stable order.
pub fn discover(root: &Path, config: &Config) -> Discovered {
    let content = root.join("content");
    let mut found = Discovered::default();
    if !content.is_dir() {
        found.problems.push(
            Diagnostic::error(msg!("content-folder-missing"))
                .at(Span::file(root))
                .hint(msg!("content-folder-missing-hint")),
        );
        return found;
    }
    let site_root = SiteRoot::new(root);
    let walk = site_root.files(&content, |name, _| !is_ignored(name));
    found.problems = walk.problems;
    for item in walk.files {
        let Ok(relative) = item.path().strip_prefix(&content) else {
            continue;
        };
        match classify(relative, config) {
            Ok(Some(mut source)) => {
                source.path = item.path().to_path_buf();
                source.display = display_path(root, item.path());
                found.sources.push(source);
            }
            Ok(None) => found.files.push(relative.to_path_buf()),
            Err(problem) => found
                .problems
                .push(problem.at(Span::file(&display_path(root, item.path())))),
        }
    }
    found
}

/// The content file at `path` (absolute, under `root/content`, known to be
/// inside the site), classified; `None` when it is not a content file or
/// is misplaced (a full discovery reports that).
pub fn discover_file(root: &Path, config: &Config, path: &Path) -> Option<SourceFile> {
    let relative = path.strip_prefix(root.join("content")).ok()?;
    // A file replaced by a link out of the site: a full discovery says so.
    SiteRoot::new(root).check(path).ok()?;
    let ignored = relative
        .components()
        .any(|c| is_ignored(&c.as_os_str().to_string_lossy()));
    if ignored {
        return None;
    }
    let mut source = classify(relative, config).ok()??;
    source.path = path.to_path_buf();
    source.display = display_path(root, path);
    Some(source)
}

/// The path diagnostics show: relative to the site root when possible.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Hidden, private (`_`) and editor backup files are not content.
fn is_ignored(name: &str) -> bool {
    let is_index = name.starts_with("_index.");
    (name.starts_with('.') || name.starts_with('_')) && !is_index
        || name.ends_with('~')
        || name.ends_with(".swp")
        || (name.starts_with('#') && name.ends_with('#'))
}

/// Classifies a path relative to `content/`. `Ok(None)` means a plain file
/// to copy; `Err` a misplaced content file.
fn classify(relative: &Path, config: &Config) -> Result<Option<SourceFile>, Diagnostic> {
    let file_name = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some((stem, format)) = split_extension(&file_name) else {
        return Ok(None);
    };
    let (stem, lang) = split_language(stem, config);
    let folders: Vec<String> = relative
        .parent()
        .into_iter()
        .flat_map(|p| p.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let is_index = stem == "_index";
    let role = match folders.as_slice() {
        [] if is_index => Role::Home,
        [] => Role::Page,
        [collection] => {
            if !config.collections.contains_key(collection) {
                return Err(unknown_collection(collection, config));
            }
            let collection = collection.clone();
            if is_index {
                Role::ListIntro { collection }
            } else {
                Role::Entry { collection }
            }
        }
        _ => {
            return Err(Diagnostic::error(msg!("content-too-deep"))
                .hint(msg!("content-too-deep-hint", collection = folders[0])))
        }
    };
    let (date_prefix, name) = split_date_prefix(stem);
    Ok(Some(SourceFile {
        path: PathBuf::new(),
        display: PathBuf::new(),
        role,
        format,
        name: name.to_string(),
        lang,
        date_prefix,
    }))
}

fn unknown_collection(folder: &str, config: &Config) -> Diagnostic {
    let names = config.collections.keys().map(String::as_str);
    let hint = match did_you_mean(folder, names) {
        Some(close) => msg!("content-folder-did-you-mean", close = close),
        None => msg!(
            "content-folder-unknown-hint",
            folder = folder,
            collections = config
                .collections
                .keys()
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Diagnostic::error(msg!("content-folder-unknown", folder = folder)).hint(hint)
}

fn split_extension(file_name: &str) -> Option<(&str, Format)> {
    let (stem, ext) = file_name.rsplit_once('.')?;
    match ext {
        "md" => Some((stem, Format::Markdown)),
        "yaml" | "yml" => Some((stem, Format::Yaml)),
        _ => None,
    }
}

/// `inserm.en` → (`inserm`, `en`) when `en` is a declared language.
fn split_language<'a>(stem: &'a str, config: &Config) -> (&'a str, String) {
    match stem.rsplit_once('.') {
        Some((name, code)) if config.languages.contains_key(code) => (name, code.to_string()),
        _ => (stem, config.default_language.clone()),
    }
}

/// `2026-12-01-inauguration` → (`2026-12-01`, `inauguration`).
fn split_date_prefix(stem: &str) -> (Option<String>, &str) {
    let bytes = stem.as_bytes();
    let shaped = bytes.len() > 11
        && bytes[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && bytes[10] == b'-';
    if shaped {
        (Some(stem[..10].to_string()), &stem[11..])
    } else {
        (None, stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::parse(
            Path::new("site.toml"),
            "title = \"T\"\nbase_url = \"https://x.org\"\n[languages.fr]\ntitle = \"T\"\n[languages.en]\ntitle = \"T\"\n[collections.news]\n[collections.startups]\n",
        )
        .expect("valid config")
    }

    fn role_of(path: &str) -> Result<Option<(Role, String, String)>, Diagnostic> {
        classify(Path::new(path), &config()).map(|o| o.map(|s| (s.role, s.name, s.lang)))
    }

    #[test]
    fn classifies_each_form() {
        let entry = |c: &str| Role::Entry {
            collection: c.into(),
        };
        assert_eq!(
            role_of("_index.md").ok().flatten().map(|r| r.0),
            Some(Role::Home)
        );
        assert_eq!(
            role_of("a-propos.en.md").ok().flatten(),
            Some((Role::Page, "a-propos".into(), "en".into()))
        );
        assert_eq!(
            role_of("startups/aqua.marins.md").ok().flatten(),
            Some((entry("startups"), "aqua.marins".into(), "fr".into()))
        );
        assert_eq!(
            role_of("startups/acme.en.yml").ok().flatten(),
            Some((entry("startups"), "acme".into(), "en".into()))
        );
        assert_eq!(
            role_of("news/_index.en.md").ok().flatten().map(|r| r.0),
            Some(Role::ListIntro {
                collection: "news".into()
            })
        );
        assert!(matches!(role_of("startups/logo.png"), Ok(None)));
    }

    #[test]
    fn misplaced_files_are_errors_with_suggestions() {
        let e = role_of("startup/acme.md").expect_err("unknown folder");
        assert_eq!(
            e.hint,
            Some(msg!("content-folder-did-you-mean", close = "startups"))
        );
        assert!(role_of("news/2024/x.md").is_err());
    }

    #[test]
    fn date_prefixes_split_off() {
        assert_eq!(
            split_date_prefix("2026-12-01-inauguration"),
            (Some("2026-12-01".into()), "inauguration")
        );
        assert_eq!(
            split_date_prefix("2026-inauguration"),
            (None, "2026-inauguration")
        );
    }

    #[test]
    fn ignores_hidden_private_and_backup_files() {
        for name in [".git", "_drafts", "a.md~", ".a.md.swp", "#a.md#", "a.swp"] {
            assert!(is_ignored(name), "{name}");
        }
        assert!(!is_ignored("_index.md"));
        assert!(!is_ignored("a.md"));
    }
}
