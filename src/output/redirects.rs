//! `_redirects`: the old addresses (`aliases`) of the site in the format
//! Netlify and Cloudflare Pages read, made in the output stage beside the
//! HTML redirect pages that the renderer writes for the same aliases.
//!
//! Hosts that read the file answer with a real `301`; every other host
//! serves the HTML page, which redirects with a meta refresh. Paths start
//! from the path of `base_url`, so the file is right under a sub-path too.

use super::{base_path, encode_path, GeneratedFile};
use crate::site::{Owner, Site};

/// The file at the output root.
pub const REDIRECTS_FILE: &str = "_redirects";

/// `_redirects`: one `/old/ /new/ 301` line per alias, in route order.
pub fn render(site: &Site) -> GeneratedFile {
    let base = base_path(&site.config.base_url);
    let mut text = String::from(
        "# Old addresses (`aliases`) and where they moved. Read by Netlify and Cloudflare Pages.\n",
    );
    for (path, owner) in &site.routes.pages {
        if let Owner::Alias { target } = owner {
            text.push_str(&line(&base, path, &site.paths[*target]));
        }
    }
    GeneratedFile::text(REDIRECTS_FILE, text)
}

/// One rule, both paths under the base path and percent-encoded so that a
/// space can never split the line.
fn line(base: &str, from: &str, to: &str) -> String {
    format!(
        "{base}{} {base}{} 301\n",
        encode_path(from),
        encode_path(to)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_start_from_the_base_path() {
        assert_eq!(
            line("/", "qui-sommes-nous/", "a-propos/"),
            "/qui-sommes-nous/ /a-propos/ 301\n"
        );
        assert_eq!(
            line("/portail/", "vieille adresse/", "en/"),
            "/portail/vieille%20adresse/ /portail/en/ 301\n"
        );
    }
}
