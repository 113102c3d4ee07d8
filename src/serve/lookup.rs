//! From a requested address to a file of the output folder, and never to
//! anything outside it.
//!
//! The path is percent-decoded once (so `%252e` stays a literal `%2e`),
//! must be valid UTF-8 (overlong forms such as `%c0%ae` are not), and may
//! hold no `..`, no `.`, no backslash, no colon and no NUL. What is left is
//! joined to the output folder and resolved with its symbolic links; a file
//! that lands outside the folder is treated as missing.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

/// What a request path names in the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// A file to send, with its site path (`news/x/index.html`).
    File {
        /// Where it is on disk.
        path: PathBuf,
        /// Its path in the site.
        site_path: String,
    },
    /// A folder with an `index.html`, asked for without its final `/`.
    AddSlash,
    /// Nothing there: the 404 page. `wanted` are the site paths that would
    /// answer the request, so the page reloads once one of them exists.
    Missing {
        /// Site paths that would have answered.
        wanted: Vec<String>,
    },
}

/// Finds the file that answers `request` (the URL path after the base
/// path, still percent-encoded, without its leading `/`) in `out`, which
/// must be canonical (absolute, symbolic links resolved).
pub fn lookup(out: &Path, request: &str) -> Lookup {
    let Some(segments) = segments(request) else {
        return Lookup::Missing { wanted: Vec::new() };
    };
    let folder = request.is_empty() || request.ends_with('/');
    let joined = segments.join("/");
    let site_path = if folder {
        format!(
            "{joined}{}index.html",
            if joined.is_empty() { "" } else { "/" }
        )
    } else {
        joined.clone()
    };
    let candidate = out.join(&site_path);
    match std::fs::metadata(&candidate) {
        Ok(meta) if meta.is_file() && inside(out, &candidate) => Lookup::File {
            path: candidate,
            site_path,
        },
        Ok(meta)
            if meta.is_dir() && !folder && is_file_inside(out, &candidate.join("index.html")) =>
        {
            Lookup::AddSlash
        }
        _ if folder => Lookup::Missing {
            wanted: vec![site_path],
        },
        _ => Lookup::Missing {
            wanted: vec![format!("{joined}/index.html"), joined],
        },
    }
}

/// The decoded segments of a request path, or `None` if it tries to leave
/// the folder or cannot be a site path at all.
fn segments(request: &str) -> Option<Vec<String>> {
    let decoded = percent_decode_str(request).decode_utf8().ok()?;
    if decoded.contains(['\0', '\\', ':']) {
        return None;
    }
    let mut parts = Vec::new();
    for part in decoded.split('/') {
        match part {
            "" => {}
            "." | ".." => return None,
            _ => parts.push(part.to_string()),
        }
    }
    // A leading `/` after decoding (`%2F` first) would be an absolute path.
    if decoded.starts_with('/') {
        return None;
    }
    Some(parts)
}

/// Whether `path`, symbolic links resolved, is inside `out`.
fn inside(out: &Path, path: &Path) -> bool {
    path.canonicalize().is_ok_and(|real| real.starts_with(out))
}

fn is_file_inside(out: &Path, path: &Path) -> bool {
    path.is_file() && inside(out, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("out");
        fs::create_dir_all(out.join("news/a")).expect("mkdir");
        fs::write(out.join("index.html"), "home").expect("write");
        fs::write(out.join("news/a/index.html"), "a").expect("write");
        fs::write(out.join("news/data.json"), "{}").expect("write");
        fs::write(dir.path().join("secret.txt"), "secret").expect("write");
        let out = out.canonicalize().expect("canonical");
        (dir, out)
    }

    fn file(out: &Path, site_path: &str) -> Lookup {
        Lookup::File {
            path: out.join(site_path),
            site_path: site_path.into(),
        }
    }

    #[test]
    fn folders_answer_with_their_index() {
        let (_dir, out) = site();
        assert_eq!(lookup(&out, ""), file(&out, "index.html"));
        assert_eq!(lookup(&out, "news/a/"), file(&out, "news/a/index.html"));
        assert_eq!(lookup(&out, "news/a"), Lookup::AddSlash);
        assert_eq!(lookup(&out, "news/data.json"), file(&out, "news/data.json"));
        assert_eq!(
            lookup(&out, "news%2Fdata.json"),
            file(&out, "news/data.json")
        );
    }

    #[test]
    fn missing_pages_name_what_would_answer() {
        let (_dir, out) = site();
        assert_eq!(
            lookup(&out, "news/b/"),
            Lookup::Missing {
                wanted: vec!["news/b/index.html".into()]
            }
        );
        assert_eq!(
            lookup(&out, "news/b"),
            Lookup::Missing {
                wanted: vec!["news/b/index.html".into(), "news/b".into()]
            }
        );
        // A folder without an index is not listed.
        fs::create_dir_all(out.join("empty")).expect("mkdir");
        assert!(matches!(lookup(&out, "empty/"), Lookup::Missing { .. }));
    }

    #[test]
    fn nothing_outside_the_folder() {
        let (_dir, out) = site();
        for request in [
            "../secret.txt",
            "%2e%2e/secret.txt",
            "%2E%2E/secret.txt",
            "news/..%2F..%2Fsecret.txt",
            "..%5csecret.txt",
            "..\\secret.txt",
            "%c0%ae%c0%ae/secret.txt",
            "%2F..%2Fsecret.txt",
            "./index.html",
            "index.html%00.txt",
            "c:%5csecret.txt",
        ] {
            assert_eq!(
                lookup(&out, request),
                Lookup::Missing { wanted: vec![] },
                "{request}"
            );
        }
        // Double encoding stays a literal name that does not exist.
        assert!(matches!(
            lookup(&out, "%252e%252e/secret.txt"),
            Lookup::Missing { .. }
        ));
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_out_of_the_folder_are_missing() {
        let (dir, out) = site();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), out.join("link.txt"))
            .expect("symlink");
        std::os::unix::fs::symlink(dir.path(), out.join("up")).expect("symlink");
        std::os::unix::fs::symlink(out.join("news"), out.join("inside")).expect("symlink");
        assert!(matches!(lookup(&out, "link.txt"), Lookup::Missing { .. }));
        assert!(matches!(
            lookup(&out, "up/secret.txt"),
            Lookup::Missing { .. }
        ));
        assert!(matches!(
            lookup(&out, "inside/data.json"),
            Lookup::File { .. }
        ));
    }
}
