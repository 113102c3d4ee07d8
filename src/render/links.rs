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
    fn resolve(&self, dest: &str, _kind: LinkKind) -> LinkTarget {
        if dest.is_empty() || has_scheme(dest) || dest.starts_with("//") || dest.starts_with('#') {
            return LinkTarget::Keep;
        }
        let split = dest.find(['#', '?']).unwrap_or(dest.len());
        let (path, suffix) = dest.split_at(split);
        if path.starts_with('/') {
            return self.site_absolute(path, suffix);
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
            LinkTarget::Keep
        }
    }
}

impl DocumentLinks<'_> {
    fn site_absolute(&self, path: &str, suffix: &str) -> LinkTarget {
        let routes = &self.site.routes;
        for candidate in urls::candidates(path) {
            if routes.exists(&candidate) {
                let to = format!("{candidate}{suffix}");
                return LinkTarget::Rewrite(urls::relative(self.from, &to, self.site.config.links));
            }
        }
        let wanted = path.trim_matches('/');
        let known = routes.index.keys().map(|k| k.trim_end_matches('/'));
        let hint = did_you_mean(wanted, known).map(|close| msg!("link-did-you-mean", path = close));
        broken(
            msg!("link-no-page", path = path),
            hint.or_else(|| Some(msg!("link-site-absolute-hint"))),
        )
    }

    fn content_file(&self, written: &str, joined: &str, suffix: &str) -> LinkTarget {
        let Some(&target) = self.site.by_source.get(std::path::Path::new(joined)) else {
            return broken(
                msg!("link-not-a-content-file", written = written),
                Some(msg!("link-not-a-content-file-hint", file = joined)),
            );
        };
        let lang = &self.site.documents[self.id].source.lang;
        let version = self.site.version_in(target, lang);
        let to = format!("{}{suffix}", self.site.paths[version]);
        LinkTarget::Rewrite(urls::relative(self.from, &to, self.site.config.links))
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
    fn schemes_are_told_from_paths() {
        assert!(has_scheme("https://x.org"));
        assert!(has_scheme("mailto:a@b.fr"));
        assert!(!has_scheme("../a.md"));
        assert!(!has_scheme("/a/b:c"));
    }
}
