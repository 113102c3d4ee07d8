//! Site paths and the relative links between them.
//!
//! Inside the site every page is known by its *site path*: relative to the
//! output root, no leading slash, a trailing slash for pages (`news/x/`,
//! `en/`, and `` for the home page), a file name for files
//! (`css/campus.1a2b3c4d.css`). Links in pages are always relative, made by
//! [`relative`], so the output works at `/`, under a sub-path and from disk.

use crate::config::LinkStyle;

/// The relative link from the page at site path `from` to site path `to`.
///
/// `from` is a page (ends with `/`, or is `` for the root, or is a file like
/// `404.html`); `to` is a page or a file, possibly with `#fragment` or `?query`.
pub fn relative(from: &str, to: &str, style: LinkStyle) -> String {
    let (to_path, suffix) = split_suffix(to);
    let from_dir = match from.rfind('/') {
        Some(i) => &from[..=i],
        None => "",
    };
    // Drop the folders both paths share, then climb out of the rest.
    let mut common = 0;
    for (i, (a, b)) in from_dir.bytes().zip(to_path.bytes()).enumerate() {
        if a != b {
            break;
        }
        if a == b'/' {
            common = i + 1;
        }
    }
    // Byte searches: links are made by the tens of thousands, and the
    // general pattern searches were most of their cost.
    let ups = from_dir.as_bytes()[common..]
        .iter()
        .filter(|&&b| b == b'/')
        .count();
    let mut out = String::with_capacity(ups * 3 + to_path.len() + suffix.len() + 10);
    for _ in 0..ups {
        out.push_str("../");
    }
    out.push_str(&to_path[common..]);
    if style == LinkStyle::Files && (out.is_empty() || out.ends_with('/')) {
        out.push_str("index.html");
    } else if out.is_empty() {
        out.push_str("./");
    }
    out.push_str(suffix);
    out
}

/// Splits `path#frag` / `path?q` into the path and the rest.
fn split_suffix(to: &str) -> (&str, &str) {
    match to.bytes().position(|b| b == b'#' || b == b'?') {
        Some(i) => (&to[..i], &to[i..]),
        None => (to, ""),
    }
}

/// The file a page's site path is written to.
pub fn output_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// The absolute URL of a site path, for feeds, sitemaps and canonical links.
pub fn absolute(base_url: &str, path: &str) -> String {
    format!("{}/{}", base_url.trim_end_matches('/'), path)
}

/// Normalizes a site-absolute link written by an editor (`/startups/acme`)
/// into a site path candidate list: as written, and as a folder.
pub fn candidates(written: &str) -> [String; 2] {
    let path = written.trim_start_matches('/');
    let as_page = if path.is_empty() || path.ends_with('/') {
        path.to_string()
    } else if let Some(dir) = path.strip_suffix("index.html") {
        dir.to_string()
    } else {
        format!("{path}/")
    };
    [path.to_string(), as_page]
}

#[cfg(test)]
mod tests {
    use super::*;
    use LinkStyle::{Files, Pretty};

    #[test]
    fn links_climb_out_of_the_current_folder() {
        assert_eq!(relative("news/a/", "news/b/", Pretty), "../b/");
        assert_eq!(
            relative("news/a/", "startups/x/", Pretty),
            "../../startups/x/"
        );
        assert_eq!(relative("", "news/", Pretty), "news/");
        assert_eq!(relative("en/news/a/", "", Pretty), "../../../");
        assert_eq!(relative("news/", "news/", Pretty), "./");
        assert_eq!(
            relative("news/a/", "css/site.css", Pretty),
            "../../css/site.css"
        );
        assert_eq!(relative("404.html", "css/site.css", Pretty), "css/site.css");
    }

    #[test]
    fn shared_prefixes_are_whole_folders() {
        assert_eq!(relative("news/", "newsletter/", Pretty), "../newsletter/");
    }

    #[test]
    fn files_style_names_index_html() {
        assert_eq!(relative("news/a/", "", Files), "../../index.html");
        assert_eq!(relative("", "news/#top", Files), "news/index.html#top");
        assert_eq!(relative("news/", "news/", Files), "index.html");
        assert_eq!(relative("news/a/", "img/x.png", Files), "../../img/x.png");
    }

    #[test]
    fn fragments_and_queries_are_kept() {
        assert_eq!(relative("a/", "b/#x", Pretty), "../b/#x");
        assert_eq!(relative("a/", "search/?q=x", Pretty), "../search/?q=x");
    }

    #[test]
    fn editor_links_become_candidates() {
        assert_eq!(
            candidates("/startups/acme"),
            ["startups/acme".to_string(), "startups/acme/".to_string()]
        );
        assert_eq!(candidates("/"), [String::new(), String::new()]);
        assert_eq!(
            candidates("/a/index.html"),
            ["a/index.html".to_string(), "a/".to_string()]
        );
    }
}
