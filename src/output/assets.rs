//! Static files: the theme's `static/`, the site's `assets/` and files
//! beside entries are copied; CSS and JavaScript get a content hash in
//! their name so hosts can cache them forever.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::sink::Sink;
use crate::confine::SiteRoot;
use crate::diagnostics::{Diagnostic, Span};

/// Where each static file went, by its unhashed site path.
#[derive(Debug, Default, Clone)]
pub struct Manifest {
    /// Unhashed site path → hashed site path (CSS and JS only).
    pub hashed: HashMap<String, String>,
    /// Stylesheets pages link, hashed, in order (the code-highlighting one
    /// last, linked only by pages that show highlighted code: see
    /// [`is_syntax_stylesheet`]).
    pub stylesheets: Vec<String>,
    /// Every file written, as site paths (hashed names for CSS and JS).
    pub written: Vec<String>,
}

/// One file to copy.
#[derive(Debug, Clone)]
enum Source {
    File(PathBuf),
    Generated(String),
}

/// The static files of a site, found but not yet written.
#[derive(Debug, Default, Clone)]
pub struct StaticFiles {
    files: BTreeMap<String, Source>,
    /// The theme's stylesheets, in order (`css/*.css` at the top of `static/`).
    theme_css: Vec<String>,
    /// Links out of the site and unreadable folders met while collecting.
    pub problems: Vec<Diagnostic>,
}

/// The generated stylesheet of code highlighting.
const SYNTAX_CSS: &str = "css/syntax.css";

/// Whether `hashed` (a site path from [`Manifest::stylesheets`]) is the
/// code-highlighting stylesheet, `css/syntax.<hash>.css`: a page without
/// highlighted code need not wait for it before it shows.
pub fn is_syntax_stylesheet(hashed: &str) -> bool {
    hashed
        .strip_prefix("css/syntax.")
        .and_then(|rest| rest.strip_suffix(".css"))
        .is_some_and(|hash| !hash.is_empty() && !hash.contains('/'))
}

impl StaticFiles {
    /// Finds the theme's `static/`, the site's `assets/` and the files
    /// beside entries (`content_files`, relative to `content/`), plus
    /// `generated_css`, the code-highlighting stylesheet.
    pub fn collect(
        root: &Path,
        theme_dir: &Path,
        content_files: &[PathBuf],
        generated_css: String,
    ) -> StaticFiles {
        let mut found = StaticFiles::default();
        let site_root = SiteRoot::new(root);
        collect(
            &site_root,
            &theme_dir.join("static"),
            &mut found.files,
            &mut found.problems,
        );
        found.theme_css = found
            .files
            .keys()
            .filter(|k| {
                k.starts_with("css/") && k.ends_with(".css") && !k["css/".len()..].contains('/')
            })
            .cloned()
            .collect();
        collect(
            &site_root,
            &root.join("assets"),
            &mut found.files,
            &mut found.problems,
        );
        for relative in content_files {
            let key = relative.to_string_lossy().replace('\\', "/");
            found
                .files
                .insert(key, Source::File(root.join("content").join(relative)));
        }
        found
            .files
            .insert(SYNTAX_CSS.into(), Source::Generated(generated_css));
        found
    }

    /// Every file's site path, before hashing: what links may point to.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// Writes every file into `sink`; CSS and JavaScript get their content
    /// hash in their name.
    pub fn write(&self, root: &Path, sink: &dyn Sink) -> Result<Manifest, Diagnostic> {
        let mut manifest = Manifest::default();
        for (key, source) in &self.files {
            if key.ends_with(".css") || key.ends_with(".js") {
                let bytes = match source {
                    Source::File(p) => std::fs::read(p).map_err(|e| io_error(root, p, &e))?,
                    Source::Generated(s) => s.clone().into_bytes(),
                };
                let hashed = hashed_name(key, &bytes);
                sink.write(&hashed, &bytes)
                    .map_err(|e| io_error(root, Path::new(&hashed), &e))?;
                manifest.hashed.insert(key.clone(), hashed.clone());
                manifest.written.push(hashed);
            } else {
                match source {
                    Source::File(p) => sink.copy(key, p).map_err(|e| io_error(root, p, &e))?,
                    Source::Generated(s) => sink
                        .write(key, s.as_bytes())
                        .map_err(|e| io_error(root, Path::new(key), &e))?,
                }
                manifest.written.push(key.clone());
            }
        }
        manifest.stylesheets = self
            .theme_css
            .iter()
            .map(String::as_str)
            .chain([SYNTAX_CSS])
            .filter_map(|k| manifest.hashed.get(k).cloned())
            .collect();
        Ok(manifest)
    }
}

fn collect(
    site_root: &SiteRoot,
    base: &Path,
    files: &mut BTreeMap<String, Source>,
    problems: &mut Vec<Diagnostic>,
) {
    // Hidden folders (`.well-known/`) are published; hidden files are not.
    let walk = site_root.files(base, |name, is_dir| {
        is_dir || !(name.starts_with('.') || name.ends_with('~'))
    });
    problems.extend(walk.problems);
    for item in walk.files {
        if let Ok(relative) = item.path().strip_prefix(base) {
            let key = relative.to_string_lossy().replace('\\', "/");
            files.insert(key, Source::File(item.path().to_path_buf()));
        }
    }
}

/// `css/campus.css` → `css/campus.1a2b3c4d5e.css`.
pub fn hashed_name(path: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    match path.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{path}.{hash}"),
    }
}

fn io_error(root: &Path, path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(crate::msg!("static-file-uncopied", error = error))
        .at(Span::file(&crate::content::discover::display_path(
            root, path,
        )))
        .hint(crate::msg!("static-file-uncopied-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_go_before_the_extension_and_follow_content() {
        let a = hashed_name("css/campus.css", b"body{}");
        assert!(
            a.starts_with("css/campus.")
                && a.ends_with(".css")
                && a.len() == "css/campus..css".len() + 10,
            "{a}"
        );
        assert_ne!(a, hashed_name("css/campus.css", b"body{ }"));
        assert_eq!(a, hashed_name("css/campus.css", b"body{}"));
    }

    #[test]
    fn the_syntax_stylesheet_is_known_by_its_hashed_name() {
        assert!(is_syntax_stylesheet(&hashed_name(SYNTAX_CSS, b"x")));
        for other in [
            "css/campus.0123456789.css",
            "css/syntax.css",
            "css/syntax/a.css",
        ] {
            assert!(!is_syntax_stylesheet(other), "{other}");
        }
    }
}
