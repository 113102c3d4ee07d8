//! Every internal link and asset reference of the output resolves, when
//! the output is served over real HTTP under a sub-path (`/portail/`).
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::{BTreeSet, VecDeque};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Component, Path, PathBuf};
use std::thread;

use common::TestSite;
use scraper::{Html, Selector};

/// Serves `dir` under `prefix` (`/` or `/portail/`) on 127.0.0.1 with a
/// real HTTP server; returns its address. Folders answer with their
/// `index.html`.
fn serve(dir: PathBuf, prefix: &'static str) -> String {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let address = server.server_addr().to_ip().unwrap().to_string();
    thread::spawn(move || {
        for request in server.incoming_requests() {
            let response = match file_for(&dir, prefix, request.url()) {
                Some(path) => tiny_http::Response::from_data(std::fs::read(path).unwrap())
                    .with_status_code(200),
                None => tiny_http::Response::from_data(b"not found".to_vec()).with_status_code(404),
            };
            let _ = request.respond(response);
        }
    });
    address
}

fn file_for(dir: &Path, prefix: &str, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next()?.strip_prefix(prefix)?;
    let decoded = percent_decode(path);
    let relative = Path::new(&decoded);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let full = dir.join(relative);
    let full = if full.is_dir() {
        full.join("index.html")
    } else {
        full
    };
    full.is_file().then_some(full)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A plain HTTP/1.0 GET: the status code and the body.
fn get(address: &str, path: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(stream, "GET {path} HTTP/1.0\r\nHost: {address}\r\n\r\n").unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let text = String::from_utf8_lossy(&response);
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body_start = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(response.len(), |i| i + 4);
    (status, response[body_start..].to_vec())
}

/// Resolves `href` found on the page at URL path `base`.
fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.split('#').next()?.split('?').next()?;
    if href.is_empty() || href.contains(':') || href.starts_with("//") {
        return None;
    }
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base.rsplit_once('/')
            .map_or("", |(dir, _)| dir)
            .split('/')
            .filter(|s| !s.is_empty())
            .collect()
    };
    for segment in href.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let trailing =
        if href.ends_with('/') || href.ends_with("/.") || href == "." || href.ends_with("..") {
            "/"
        } else {
            ""
        };
    Some(format!("/{}{}", parts.join("/"), trailing).replace("//", "/"))
}

/// Crawls from every HTML file of the output; returns the broken links as
/// (page, link) pairs and the number of URLs checked.
fn crawl(out: &Path, prefix: &'static str) -> (Vec<(String, String)>, usize) {
    let address = serve(out.to_path_buf(), prefix);
    let selector =
        Selector::parse("a[href], link[href], img[src], script[src], source[src]").unwrap();
    let mut queue: VecDeque<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            format!(
                "{prefix}{}",
                e.path().strip_prefix(out).unwrap().to_string_lossy()
            )
        })
        .collect();
    let mut seen: BTreeSet<String> = queue.iter().cloned().collect();
    let mut broken = Vec::new();
    while let Some(url) = queue.pop_front() {
        let (status, body) = get(&address, &url);
        assert_eq!(status, 200, "{url} should be served");
        if !(url.ends_with(".html") || url.ends_with('/')) {
            continue;
        }
        let html = Html::parse_document(&String::from_utf8_lossy(&body));
        for element in html.select(&selector) {
            let value = element.value();
            let Some(href) = value.attr("href").or_else(|| value.attr("src")) else {
                continue;
            };
            let Some(target) = resolve(&url, href) else {
                continue;
            };
            if !target.starts_with(prefix) {
                broken.push((
                    url.clone(),
                    format!("{href} (leaves the sub-path: {target})"),
                ));
                continue;
            }
            if seen.insert(target.clone()) {
                let (status, _) = get(&address, &target);
                if status != 200 {
                    broken.push((url.clone(), href.to_string()));
                } else if target.ends_with('/') || target.ends_with(".html") {
                    queue.push_back(target);
                }
            }
        }
    }
    (broken, seen.len())
}

#[test]
fn resolve_follows_relative_rules() {
    assert_eq!(
        resolve("/portail/a/b/", "../c/"),
        Some("/portail/a/c/".into())
    );
    assert_eq!(
        resolve("/portail/a/b/index.html", "../../x.css"),
        Some("/portail/x.css".into())
    );
    assert_eq!(resolve("/portail/", "./"), Some("/portail/".into()));
    assert_eq!(resolve("/portail/a/", "https://x.org/"), None);
    assert_eq!(
        resolve("/portail/deep/missing/", "/portail/css/a.css"),
        Some("/portail/css/a.css".into())
    );
}

#[test]
fn not_found_page_works_at_any_depth() {
    let site = TestSite::from_fixture("basic");
    build_for(&site, "/portail/");
    let page = site.output("404.html");
    let html = Html::parse_document(&page);
    let selector = Selector::parse("link[rel=stylesheet], a[href]").unwrap();
    let links: Vec<&str> = html
        .select(&selector)
        .filter_map(|e| e.value().attr("href"))
        .collect();
    assert!(!links.is_empty());
    for link in links {
        assert!(
            link.starts_with("/portail/"),
            "{link} would break when 404.html is served at /portail/a/b/"
        );
    }
}

/// Builds for a host that serves the site at `prefix` (as a deployment
/// would: `--base-url` names it, which only the 404 page's links use).
fn build_for(site: &TestSite, prefix: &str) {
    let run = site.run(&[
        "build",
        "--base-url",
        &format!("https://example.org{prefix}"),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Builds and crawls `site` served at the root and under `/portail/`.
fn assert_links_resolve(site: &TestSite, at_least: usize) {
    for prefix in ["/portail/", "/"] {
        build_for(site, prefix);
        let (broken, checked) = crawl(&site.path("public"), prefix);
        assert!(
            broken.is_empty(),
            "broken links under {prefix}: {broken:#?}"
        );
        assert!(checked > at_least, "only {checked} URLs checked");
    }
}

#[test]
fn fixture_links_resolve_at_the_root_and_under_a_sub_path() {
    assert_links_resolve(&TestSite::from_fixture("basic"), 30);
}

#[test]
fn fixture_links_resolve_in_files_mode() {
    let site = TestSite::from_fixture("basic");
    let config = site
        .read("site.toml")
        .replace("theme = \"mini\"", "theme = \"mini\"\nlinks = \"files\"");
    site.write("site.toml", config);
    build_for(&site, "/portail/");
    let (broken, _) = crawl(&site.path("public"), "/portail/");
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}

#[test]
fn portal_links_resolve_at_the_root_and_under_a_sub_path() {
    assert_links_resolve(&TestSite::portal(), 40);
}
