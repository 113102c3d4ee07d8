//! Live reload: every open page holds a server-sent events connection and
//! hears what each rebuild did.
//!
//! Events: `hello` (the server's session, so a page reloads when `serve`
//! was restarted), `reload` (the site paths that changed or disappeared;
//! the page reloads if it is one of them), `css` (only stylesheets changed:
//! swap them in place) and `problems` (the rebuild failed: show the error
//! panel; a page that connects while the site has errors gets it at once).
//! The script that listens is added to HTML pages as they are served,
//! never to the output files.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, PoisonError, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::header;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use serde_json::json;
use tokio::sync::broadcast::{self, error::RecvError};
use tokio::sync::watch;

use crate::render::templates::escape_html;

/// Where the script and the event stream are served, whatever the base path.
pub const PREFIX: &str = "/__parvis/";

/// The script added to served pages: the error panel, then the listener.
const SCRIPT: &str = concat!(
    "(() => {\n\"use strict\";\n",
    include_str!("overlay.js"),
    include_str!("live.js"),
    "})();\n"
);

/// What open pages are told after a rebuild.
#[derive(Debug, Clone)]
pub enum Message {
    /// The site was rebuilt; JSON `{"changed": [...], "removed": [...]}`.
    Reload(Arc<str>),
    /// Only stylesheets changed: swap them without reloading.
    Css,
    /// The rebuild failed; JSON for the error panel.
    Problems(Arc<str>),
}

impl Message {
    /// A successful rebuild that changed the files `changed` (site paths)
    /// and removed `removed`.
    pub fn reload(changed: &[String], removed: &[String]) -> Message {
        Message::Reload(
            json!({"changed": changed, "removed": removed})
                .to_string()
                .into(),
        )
    }

    fn event(&self) -> Event {
        match self {
            Message::Reload(data) => Event::default().event("reload").data(data.as_ref()),
            Message::Css => Event::default().event("css").data("{}"),
            Message::Problems(data) => Event::default().event("problems").data(data.as_ref()),
        }
    }
}

/// The hub between the rebuilds and the open pages.
#[derive(Debug)]
pub struct Live {
    sender: broadcast::Sender<Message>,
    /// The errors of the last rebuild, while the site has some.
    problems: RwLock<Option<Arc<str>>>,
    /// Tells pages apart from those of an earlier run of `serve`.
    session: String,
}

impl Default for Live {
    fn default() -> Self {
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Live {
            sender: broadcast::channel(64).0,
            problems: RwLock::new(None),
            session: format!("{started:x}-{}", std::process::id()),
        }
    }
}

impl Live {
    /// Tells every open page; remembers errors for pages opened later.
    pub fn publish(&self, message: Message) {
        let problems = match &message {
            Message::Problems(data) => Some(data.clone()),
            Message::Reload(_) | Message::Css => None,
        };
        *self
            .problems
            .write()
            .unwrap_or_else(PoisonError::into_inner) = problems;
        // No page open is not a failure.
        let _ = self.sender.send(message);
    }

    /// The event stream of one page.
    pub fn events(
        &self,
        shutdown: watch::Receiver<bool>,
    ) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
        // Subscribe before reading the current errors, so nothing falls
        // between the two.
        let receiver = self.sender.subscribe();
        let mut first = VecDeque::from([Event::default()
            .event("hello")
            .data(json!({"session": self.session}).to_string())]);
        let current = self
            .problems
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        if let Some(data) = current {
            first.push_back(Message::Problems(data).event());
        }
        let stream = stream::unfold(
            (first, receiver, shutdown),
            |(mut queue, mut receiver, mut shutdown)| async move {
                if let Some(event) = queue.pop_front() {
                    return Some((Ok(event), (queue, receiver, shutdown)));
                }
                if *shutdown.borrow() {
                    return None;
                }
                let event = tokio::select! {
                    message = receiver.recv() => match message {
                        Ok(message) => message.event(),
                        // Too slow to follow: reload whatever happened.
                        Err(RecvError::Lagged(_)) => Event::default().event("reload").data(r#"{"all":true}"#),
                        Err(RecvError::Closed) => return None,
                    },
                    _ = shutdown.changed() => return None,
                };
                Some((Ok(event), (queue, receiver, shutdown)))
            },
        );
        Sse::new(stream).keep_alive(KeepAlive::default())
    }
}

/// The script, for `/__parvis/live.js`.
pub async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        SCRIPT,
    )
        .into_response()
}

/// `html` with the script added before `</body>` (or at the end). `pages`
/// are the site paths whose change reloads this page; `base` is the path
/// the site is served under.
pub fn inject(html: &str, pages: &[String], base: &str) -> String {
    let tag = format!(
        "<script src=\"{PREFIX}live.js\" data-pages=\"{}\" data-base=\"{}\" defer></script>\n",
        escape_html(&json!(pages).to_string()),
        escape_html(base)
    );
    let at = html
        .to_ascii_lowercase()
        .rfind("</body")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + tag.len());
    out.push_str(&html[..at]);
    out.push_str(&tag);
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_end_of_the_body() {
        let html = "<html><body><p>x</p></BODY></html>";
        let out = inject(html, &["a/index.html".into()], "/");
        assert!(out.starts_with("<html><body><p>x</p><script src=\"/__parvis/live.js\""));
        assert!(out.ends_with("</script>\n</BODY></html>"), "{out}");
        assert!(
            out.contains("data-pages=\"[&quot;a/index.html&quot;]\""),
            "{out}"
        );
    }

    #[test]
    fn page_names_are_escaped() {
        let out = inject("<p>no body</p>", &["\"><script>".into()], "/");
        assert!(!out.contains("\"><script>\""), "{out}");
        assert!(out.starts_with("<p>no body</p><script"), "{out}");
    }
}
