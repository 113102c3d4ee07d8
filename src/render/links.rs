//! Links written by editors, checked and made relative.
//!
//! A link to another content file (`../operators/inserm.md`) becomes the
//! URL of that entry in the page's language; a site-absolute link
//! (`/startups/acme/`, `/img/logo.png`) is checked against the output and
//! made relative. Anything that would be a dead link is an error.

use crate::diagnostics::did_you_mean;
use crate::markdown::{LinkKind, LinkResolver, LinkTarget};
use crate::messages::Message;
use crate::msg;
use crate::site::{EntryId, Site};
use crate::urls;

/// Resolves the links of one document rendered at one site path.
pub struct DocumentLinks<'a> {
    /// The site.
    pub site: &'a Site,
    /// The document whose Markdown is rendered.
    pub id: EntryId,
    /// The site path of the page showing it.
    pub from: &'a str,
}

impl LinkResolver for DocumentLinks<'_> {
    fn resolve(&self, dest: &str, kind: LinkKind) -> LinkTarget {
        if dest.is_empty() || has_scheme(dest) || dest.starts_with("//") || dest.starts_with('#') {
            return LinkTarget::Keep;
        }
        let split = dest.find(['#', '?']).unwrap_or(dest.len());
        let (path, suffix) = dest.split_at(split);
        if path.starts_with('/') {
            return self.site_absolute(path, suffix, kind);
        }
        let Some(joined) = self.join_to_source(path) else {
            return broken(msg!("link-outside-content", path = path), None);
        };
        if is_content_file(path) {
            self.content_file(path, &joined, suffix)
        } else if self.site.routes.files.contains(&joined) {
            LinkTarget::Rewrite(urls::relative(
                self.from,
                &format!("{joined}{suffix}"),
                self.site.config.links,
            ))
        } else {
            self.not_found(path, &joined)
        }
    }
}

impl DocumentLinks<'_> {
    fn site_absolute(&self, path: &str, suffix: &str, kind: LinkKind) -> LinkTarget {
        let routes = &self.site.routes;
        for candidate in urls::candidates(path) {
            if routes.resolves(&candidate) {
                let to = format!("{candidate}{suffix}");
                return LinkTarget::Rewrite(urls::relative(self.from, &to, self.site.config.links));
            }
        }
        let wanted = path.trim_matches('/');
        // An image is a file: suggest files for it, pages for a link.
        let hint = match kind {
            LinkKind::Image => did_you_mean(wanted, routes.files.iter().map(String::as_str))
                .map(|close| msg!("link-did-you-mean-file", path = close)),
            LinkKind::Link => {
                let known = routes.index.keys().map(|k| k.trim_end_matches('/'));
                did_you_mean(wanted, known).map(|close| msg!("link-did-you-mean", path = close))
            }
        };
        broken(
            msg!("link-no-page", path = path),
            hint.or_else(|| Some(msg!("link-site-absolute-hint"))),
        )
    }

    fn content_file(&self, written: &str, joined: &str, suffix: &str) -> LinkTarget {
        let source = std::path::Path::new(joined);
        if let Some(address) = self.site.failed.get(source) {
            // That file's own fault is reported; this link is not another.
            let to = format!("{address}{suffix}");
            return LinkTarget::Rewrite(urls::relative(self.from, &to, self.site.config.links));
        }
        let lang = &self.site.documents[self.id].source.lang;
        if let Some(list) = self.list_of_intro(joined, lang) {
            // `../news/_index.md` leads to the list, written or not.
            let to = format!("{list}{suffix}");
            return LinkTarget::Rewrite(urls::relative(self.from, &to, self.site.config.links));
        }
        let Some(&target) = self.site.by_source.get(source) else {
            return broken(
                msg!("link-not-a-content-file", written = written),
                Some(msg!("link-not-a-content-file-hint", file = joined)),
            );
        };
        let version = self.site.version_in(target, lang);
        let to = format!("{}{suffix}", self.site.paths[version]);
        LinkTarget::Rewrite(urls::relative(self.from, &to, self.site.config.links))
    }

    /// The first page of a collection's list in `lang`, for a link to its
    /// `_index.md` (`news/_index.md`, `news/_index.en.md`).
    fn list_of_intro(&self, joined: &str, lang: &str) -> Option<String> {
        let (collection, file) = joined.split_once('/')?;
        let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        let is_intro = stem == "_index" || stem.strip_prefix("_index.").is_some();
        (is_intro && self.site.config.collections.contains_key(collection))
            .then(|| crate::site::routes::list_page(&self.site.config, collection, lang, 1))
    }

    /// A relative link to nothing: the content file it probably meant
    /// (`notifications-v2` for `notifications-v2.md`), or the website
    /// written without its scheme (`www.example.org`).
    fn not_found(&self, written: &str, joined: &str) -> LinkTarget {
        let sibling = ["md", "yaml", "yml"]
            .iter()
            .map(|ext| format!("{}.{ext}", joined.trim_end_matches('/')))
            .find(|candidate| {
                let source = std::path::Path::new(candidate);
                self.site.by_source.contains_key(source) || self.site.failed.contains_key(source)
            });
        let hint = if let Some(file) = sibling {
            let name = file.rsplit('/').next().unwrap_or(&file);
            let dir = written.trim_end_matches('/');
            let dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
            let link = if dir.is_empty() {
                name.to_string()
            } else {
                format!("{dir}/{name}")
            };
            msg!("link-not-found-sibling-hint", link = link)
        } else if looks_like_a_host(written) {
            msg!("link-not-found-host-hint", written = written)
        } else {
            msg!("link-not-found-hint")
        };
        broken(msg!("link-not-found", written = written), Some(hint))
    }

    /// `path` relative to the document's folder, as a path under `content/`.
    fn join_to_source(&self, path: &str) -> Option<String> {
        let doc = &self.site.documents[self.id];
        let folder = doc.collection().map(|c| vec![c]).unwrap_or_default();
        let mut parts: Vec<&str> = folder;
        for segment in path.split('/') {
            match segment {
                "" | "." => {}
                ".." => {
                    parts.pop()?;
                }
                s => parts.push(s),
            }
        }
        Some(parts.join("/"))
    }
}

fn broken(message: Message, hint: Option<Message>) -> LinkTarget {
    LinkTarget::Broken { message, hint }
}

/// `www.example.org`, `institut-ipm.fr/equipe`: a host name written
/// without `https://` (its first part ends with a top-level domain).
fn looks_like_a_host(path: &str) -> bool {
    let host = path.split('/').next().unwrap_or("");
    let Some((name, tld)) = host.rsplit_once('.') else {
        return false;
    };
    let files = [
        "html", "htm", "pdf", "png", "jpg", "jpeg", "gif", "svg", "webp", "txt", "csv", "zip",
        "doc", "docx", "xls", "xlsx", "odt", "ods", "mp4", "mp3",
    ];
    !name.is_empty()
        && (2..=6).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && !files.contains(&tld.to_ascii_lowercase().as_str())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

fn is_content_file(path: &str) -> bool {
    path.ends_with(".md") || path.ends_with(".yaml") || path.ends_with(".yml")
}

/// `https:`, `mailto:`, `tel:`… (a colon before any slash).
fn has_scheme(dest: &str) -> bool {
    match dest.find(':') {
        Some(i) => {
            !dest[..i].contains('/')
                && dest[..i]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_without_a_scheme_are_recognized() {
        assert!(looks_like_a_host("www.institut-ipm.fr"));
        assert!(looks_like_a_host("institut-ipm.fr/equipe"));
        assert!(!looks_like_a_host("rapport.pdf"));
        assert!(!looks_like_a_host("notifications-v2"));
        assert!(!looks_like_a_host("../startups/acme.md"));
    }

    #[test]
    fn schemes_are_told_from_paths() {
        assert!(has_scheme("https://x.org"));
        assert!(has_scheme("mailto:a@b.fr"));
        assert!(!has_scheme("../a.md"));
        assert!(!has_scheme("/a/b:c"));
    }
}
