//! Every sentence `serve` says itself — terminal lines, the error panel's
//! wording and the page shown when there is no site yet — from the message
//! catalogs (`serve-*` messages), in the language of the diagnostics.

use std::net::SocketAddr;

pub use crate::messages::Lang;
use crate::msg;

/// The first line: where to look, and how to stop.
pub fn serving(lang: Lang, url: &str) -> String {
    msg!("serve-serving", url = url).text(lang)
}

/// Said before the first build, which may take a while on a big site.
pub fn building(lang: Lang) -> String {
    msg!("serve-building").text(lang)
}

/// Names the first build in [`rebuilt`].
pub fn whole_site(lang: Lang) -> String {
    msg!("serve-whole-site").text(lang)
}

/// After a successful rebuild: what was saved and how many files changed.
pub fn rebuilt(lang: Lang, sources: &str, files: usize, millis: u128) -> String {
    msg!(
        "serve-rebuilt",
        sources = sources,
        files = files,
        millis = millis
    )
    .text(lang)
}

/// How the changed sources are named in [`rebuilt`] when there are many.
pub fn and_more(lang: Lang, first: &str, others: usize) -> String {
    msg!("serve-and-more", first = first, others = others).text(lang)
}

/// After a failed rebuild, below the errors.
pub fn failed(lang: Lang, errors: usize) -> String {
    msg!("serve-failed", errors = errors).text(lang)
}

/// The port is taken (often by another `parvis serve`).
pub fn port_busy(lang: Lang, address: SocketAddr) -> String {
    let port = address.port();
    let other = port.checked_add(1).unwrap_or(1112);
    msg!(
        "serve-port-busy",
        port = port,
        ip = address.ip(),
        other = other
    )
    .text(lang)
}

/// Any other reason the address could not be taken.
pub fn cannot_listen(lang: Lang, address: SocketAddr, error: &std::io::Error) -> String {
    msg!("serve-cannot-listen", address = address, error = error).text(lang)
}

/// The temporary folder could not be made, or the folders not watched.
pub fn cannot_start(lang: Lang, error: &dyn std::fmt::Display) -> String {
    msg!("serve-cannot-start", error = error).text(lang)
}

/// `--root` (or the working folder) names no folder.
pub fn no_site_folder(lang: Lang, folder: &std::path::Path) -> String {
    msg!("serve-no-site-folder", folder = folder.display()).text(lang)
}

/// `--open` found no browser to open.
pub fn open_failed(lang: Lang, url: &str) -> String {
    msg!("serve-open-failed", url = url).text(lang)
}

/// The file watcher reported a problem (too many files watched, say).
pub fn watch_failed(lang: Lang, error: &dyn std::fmt::Display) -> String {
    msg!("serve-watch-failed", error = error).text(lang)
}

/// With `--verbose`: where the site is built.
pub fn output_folder(lang: Lang, folder: &std::path::Path) -> String {
    msg!("serve-output-folder", folder = folder.display()).text(lang)
}

/// Said on Ctrl+C.
pub fn stopped(lang: Lang) -> String {
    msg!("serve-stopped").text(lang)
}

/// The error panel's own words, sent to the page with the errors.
#[derive(Debug, serde::Serialize)]
pub struct PanelTexts {
    /// `lang` of the panel.
    pub lang: &'static str,
    /// Its title.
    pub title: String,
    /// What the editor sees behind it, and what to do.
    pub intro: String,
    /// The close button.
    pub close: String,
    /// The button that shows the panel again once closed.
    pub reopen: String,
    /// Before a file's line number.
    pub line: String,
    /// Before a column number.
    pub column: String,
    /// Before the advice on how to fix it.
    pub hint: String,
    /// A second place involved in the error.
    pub related: String,
}

/// The panel's words for `errors` errors.
pub fn panel(lang: Lang, errors: usize) -> PanelTexts {
    PanelTexts {
        lang: lang.code(),
        title: msg!("serve-panel-title", errors = errors).text(lang),
        intro: msg!("serve-panel-intro").text(lang),
        close: msg!("serve-panel-close").text(lang),
        reopen: msg!("serve-panel-reopen", errors = errors).text(lang),
        line: msg!("serve-panel-line").text(lang),
        column: msg!("serve-panel-column").text(lang),
        hint: msg!("serve-panel-hint").text(lang),
        related: msg!("serve-panel-related").text(lang),
    }
}

/// The page served for a missing address before any build succeeded
/// (the site's own 404 page does not exist yet).
pub fn no_site_yet(lang: Lang) -> String {
    let escape = crate::render::templates::escape_html;
    let title = escape(&msg!("serve-no-site-title").text(lang));
    let text = escape(&msg!("serve-no-site-text").text(lang));
    format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{text}</p>\n\
         </main>\n</body>\n</html>\n",
        code = lang.code()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_port_names_it_and_another() {
        let address: SocketAddr = "127.0.0.1:1111".parse().expect("address");
        let text = port_busy(Lang::En, address);
        assert!(
            text.contains("1111") && text.contains("--port 1112"),
            "{text}"
        );
    }
}
