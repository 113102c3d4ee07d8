//! `parvis check --external`: are the links to other sites still alive?
//!
//! Each address is asked once (`GET`, the body left unread), by at most
//! [`WORKERS`] requests at a time, each within a time limit. Redirects are
//! followed one by one, so a loop is seen and the final address can be
//! given to write instead. What the web answered is kept for [`FRESH`] in
//! [`CACHE_FILE`] under the site root: a second check within a day asks
//! nothing. Every answer but a plain success is a warning: a site that is
//! down tonight does not fail a build.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::Written;
use crate::confine::SiteRoot;
use crate::diagnostics::Diagnostic;
use crate::msg;

/// Where answers are kept, under the site root.
pub const CACHE_FILE: &str = ".parvis-cache/external-links.json";
/// How long an answer is trusted.
pub const FRESH: Duration = Duration::from_secs(24 * 60 * 60);
/// Requests at a time.
const WORKERS: usize = 8;
/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 10;

/// What the web answered for an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "answer", rename_all = "kebab-case")]
enum Answer {
    /// A success, at the address itself.
    Fine,
    /// A success, after redirects, at `to`.
    Moved { to: String },
    /// An error status (4xx, 5xx), at `at` (after redirects when it differs).
    Broken { status: u16, at: String },
    /// Redirects that come back to an address already seen.
    Loop,
    /// More redirects than [`MAX_REDIRECTS`].
    TooManyRedirects,
    /// No answer within the time limit.
    Timeout,
    /// No answer at all (unknown host, refused connection, bad address).
    Unreachable { error: String },
}

/// An answer and when it was given (seconds since 1970).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Cached {
    checked: u64,
    #[serde(flatten)]
    answer: Answer,
}

/// The cache file: answers by address.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Cache {
    links: BTreeMap<String, Cached>,
}

/// Asks every address of `links` (or finds its answer in the cache) and
/// returns a warning per link that did not plainly succeed.
pub fn check(root: &Path, links: &[Written], timeout: Duration) -> Vec<Diagnostic> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let fresh = |c: &Cached| now.saturating_sub(c.checked) < FRESH.as_secs();
    let path = root.join(CACHE_FILE);
    let usable = SiteRoot::new(root).check(&path).is_ok();
    let mut cache: Cache = usable
        .then(|| std::fs::read_to_string(&path).ok())
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    cache.links.retain(|_, c| fresh(c));
    let wanted: BTreeSet<String> = links.iter().map(|l| request_url(&l.url)).collect();
    let to_ask: Vec<String> = wanted
        .into_iter()
        .filter(|url| !cache.links.contains_key(url))
        .collect();
    for (url, answer) in ask_all(&to_ask, timeout) {
        cache.links.insert(
            url,
            Cached {
                checked: now,
                answer,
            },
        );
    }
    let mut problems = Vec::new();
    if usable && !to_ask.is_empty() {
        if let Err(e) = save(&path, &cache) {
            problems.push(
                Diagnostic::warning(msg!("external-cache-unwritable", error = e))
                    .hint(msg!("external-cache-unwritable-hint")),
            );
        }
    }
    for link in links {
        let answer = cache.links.get(&request_url(&link.url)).map(|c| &c.answer);
        if let Some(problem) = answer.and_then(|a| warning(&link.url, a, timeout)) {
            problems.push(problem.at(link.span.clone()));
        }
    }
    problems
}

fn save(path: &Path, cache: &Cache) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    let text = serde_json::to_string_pretty(cache).map_err(std::io::Error::other)?;
    let partial = path.with_extension("json.partial");
    std::fs::write(&partial, text)?;
    std::fs::rename(&partial, path)
}

/// The warning for an answer, if it is one.
fn warning(url: &str, answer: &Answer, timeout: Duration) -> Option<Diagnostic> {
    let d = match answer {
        Answer::Fine => return None,
        Answer::Moved { to } => Diagnostic::warning(msg!("external-moved", url = url))
            .hint(msg!("external-moved-hint", to = to)),
        Answer::Broken { status, at } => {
            let kind = match status {
                404 | 410 => "gone",
                401 | 403 | 429 => "refused",
                500.. => "server",
                _ => "other",
            };
            let redirected = if request_url(url) == *at { "no" } else { "yes" };
            Diagnostic::warning(msg!(
                "external-broken",
                url = url,
                status = status,
                redirected = redirected,
                at = at
            ))
            .hint(msg!("external-broken-hint", kind = kind))
        }
        Answer::Loop => {
            Diagnostic::warning(msg!("external-loop", url = url)).hint(msg!("external-loop-hint"))
        }
        Answer::TooManyRedirects => {
            Diagnostic::warning(msg!("external-too-many-redirects", url = url))
                .hint(msg!("external-loop-hint"))
        }
        Answer::Timeout => Diagnostic::warning(msg!(
            "external-timeout",
            url = url,
            seconds = timeout.as_secs()
        ))
        .hint(msg!("external-timeout-hint")),
        Answer::Unreachable { error } => {
            Diagnostic::warning(msg!("external-unreachable", url = url, error = error))
                .hint(msg!("external-unreachable-hint"))
        }
    };
    Some(d)
}

/// Asks every address, [`WORKERS`] at a time.
fn ask_all(urls: &[String], timeout: Duration) -> Vec<(String, Answer)> {
    if urls.is_empty() {
        return Vec::new();
    }
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(concat!(
            "parvis/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into();
    let next = AtomicUsize::new(0);
    let answers = Mutex::new(Vec::with_capacity(urls.len()));
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(urls.len()) {
            scope.spawn(|| {
                while let Some(url) = urls.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let answer = ask(&agent, url);
                    if let Ok(mut answers) = answers.lock() {
                        answers.push((url.clone(), answer));
                    }
                }
            });
        }
    });
    answers
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Asks one address, following redirects one by one.
fn ask(agent: &ureq::Agent, url: &str) -> Answer {
    let mut seen = vec![url.to_string()];
    let mut current = url.to_string();
    for _ in 0..=MAX_REDIRECTS {
        let response = match agent.get(&current).call() {
            Ok(response) => response,
            Err(ureq::Error::Timeout(_)) => return Answer::Timeout,
            Err(e) => {
                return Answer::Unreachable {
                    error: e.to_string(),
                }
            }
        };
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(|l| request_url(&join_location(&current, l)));
        drop(response);
        match (status, location) {
            (300..=399, Some(next)) => {
                if seen.contains(&next) {
                    return Answer::Loop;
                }
                seen.push(next.clone());
                current = next;
            }
            (200..=399, _) if current == url => return Answer::Fine,
            (200..=399, _) => return Answer::Moved { to: current },
            _ => {
                return Answer::Broken {
                    status,
                    at: current,
                }
            }
        }
    }
    Answer::TooManyRedirects
}

/// The address as sent: without its `#fragment`, characters outside
/// ASCII and spaces percent-encoded.
fn request_url(url: &str) -> String {
    let url = url.trim();
    let url = url.split('#').next().unwrap_or(url);
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() {
            out.push(c);
        } else {
            let mut bytes = [0; 4];
            for byte in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// The address a `Location` header leads to from `base`.
fn join_location(base: &str, location: &str) -> String {
    let location = location.trim();
    let lower = location.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return location.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    if let Some(rest) = location.strip_prefix("//") {
        return format!("{}{rest}", &base[..scheme_end]);
    }
    let host_end = base[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| scheme_end + i);
    if location.starts_with('/') {
        return format!("{}{location}", &base[..host_end]);
    }
    let path_end = base[host_end..]
        .find(['?', '#'])
        .map_or(base.len(), |i| host_end + i);
    let folder_end = base[host_end..path_end]
        .rfind('/')
        .map_or(host_end, |i| host_end + i);
    format!("{}/{location}", &base[..folder_end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_are_resolved_against_the_address_asked() {
        let base = "https://a.fr/x/y?q=1";
        assert_eq!(join_location(base, "https://b.fr/"), "https://b.fr/");
        assert_eq!(join_location(base, "//c.fr/z"), "https://c.fr/z");
        assert_eq!(join_location(base, "/z"), "https://a.fr/z");
        assert_eq!(join_location(base, "z"), "https://a.fr/x/z");
        assert_eq!(join_location("https://a.fr", "z"), "https://a.fr/z");
    }

    #[test]
    fn addresses_are_sent_without_fragment_and_encoded() {
        assert_eq!(
            request_url(" https://fr.wikipedia.org/wiki/Santé publique#x"),
            "https://fr.wikipedia.org/wiki/Sant%C3%A9%20publique"
        );
    }

    #[test]
    fn answers_are_kept_as_json() {
        let cached = Cached {
            checked: 3,
            answer: Answer::Broken {
                status: 404,
                at: "https://a.fr/".into(),
            },
        };
        let text = serde_json::to_string(&cached).expect("json");
        assert_eq!(
            text,
            r#"{"checked":3,"answer":"broken","status":404,"at":"https://a.fr/"}"#
        );
        let back: Cached = serde_json::from_str(&text).expect("read back");
        assert_eq!(back.answer, cached.answer);
    }
}
