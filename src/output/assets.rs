//! Static files: the theme's `static/`, the site's `assets/` and files
//! beside entries are copied; CSS and JavaScript get a content hash in
//! their name so hosts can cache them forever.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::writer::Staging;
use crate::confine::SiteRoot;
use crate::diagnostics::{Diagnostic, Span};

/// Where each static file goes, by its unhashed site path.
#[derive(Debug, Default)]
pub struct Manifest {
    /// Unhashed site path → hashed site path (CSS and JS only).
    pub hashed: HashMap<String, String>,
    /// Stylesheets every page links, hashed, in order.
    pub stylesheets: Vec<String>,
    /// How many files were written.
    pub count: usize,
    /// Links out of the site and unreadable folders met while collecting.
    pub problems: Vec<Diagnostic>,
}

/// One file to copy.
enum Source {
    File(PathBuf),
    Generated(String),
}

/// Copies every static file into `staging` and returns the manifest.
/// `generated_css` is the code-highlighting stylesheet.
pub fn copy_static(
    root: &Path,
    theme_dir: &Path,
    content_files: &[PathBuf],
    generated_css: String,
    staging: &Staging,
) -> Result<Manifest, Diagnostic> {
    let mut files: BTreeMap<String, Source> = BTreeMap::new();
    let mut problems = Vec::new();
    let site_root = SiteRoot::new(root);
    let theme_static = theme_dir.join("static");
    collect(&site_root, &theme_static, &mut files, &mut problems);
    let theme_css: Vec<String> = files
        .keys()
        .filter(|k| {
            k.starts_with("css/") && k.ends_with(".css") && !k["css/".len()..].contains('/')
        })
        .cloned()
        .collect();
    collect(&site_root, &root.join("assets"), &mut files, &mut problems);
    for relative in content_files {
        let key = relative.to_string_lossy().replace('\\', "/");
        files.insert(key, Source::File(root.join("content").join(relative)));
    }
    files.insert("css/syntax.css".into(), Source::Generated(generated_css));
    let mut manifest = Manifest {
        problems,
        ..Manifest::default()
    };
    for (key, source) in &files {
        if key.ends_with(".css") || key.ends_with(".js") {
            let bytes = match source {
                Source::File(p) => std::fs::read(p).map_err(|e| io_error(root, p, &e))?,
                Source::Generated(s) => s.clone().into_bytes(),
            };
            let hashed = hashed_name(key, &bytes);
            staging
                .write(&hashed, &bytes)
                .map_err(|e| io_error(root, &staging.dir, &e))?;
            manifest.hashed.insert(key.clone(), hashed);
        } else {
            match source {
                Source::File(p) => staging.copy(key, p).map_err(|e| io_error(root, p, &e))?,
                Source::Generated(s) => staging
                    .write(key, s.as_bytes())
                    .map_err(|e| io_error(root, &staging.dir, &e))?,
            }
        }
        manifest.count += 1;
    }
    manifest.stylesheets = theme_css
        .iter()
        .chain(std::iter::once(&"css/syntax.css".to_string()))
        .filter_map(|k| manifest.hashed.get(k).cloned())
        .collect();
    Ok(manifest)
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
}
