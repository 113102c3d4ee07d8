#![allow(clippy::unwrap_used)]
//! `parvis check`, run as the real program: what a build reports and the
//! accessibility review (snapshots `@fr` and `@en` of every message),
//! nothing written, exit codes; `--external` against a local server that
//! answers 200, 404, a redirect, a redirect loop and too late, the second
//! run served from the cache.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::TestSite;

/// The `basic` fixture with one entry holding every accessibility fault,
/// and one entry without a summary.
fn faulty_site() -> TestSite {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/startups/fautes.md",
        "---\ntitle: Fautes\nsummary: \"Une fiche qui a toutes les fautes.\"\n---\n\
         Du texte.\n\n\
         #### Trop bas\n\n\
         ![](/img/logo.svg) et <img src=\"/img/logo.svg\">\n\n\
         [](https://example.org) et <a href=\"https://example.org\"></a>\n\n\
         ## Bien\n\n\
         ### Bien aussi\n\n\
         [![Logo du campus](/img/logo.svg)](/) <a href=\"/\" aria-label=\"Accueil\"></a>\n",
    );
    site.write(
        "content/startups/sans-resume.md",
        "---\ntitle: Sans résumé\n---\n",
    );
    site
}

#[test]
fn every_accessibility_fault_is_a_warning_with_its_place() {
    let site = faulty_site();
    let fr = site.run(&["check"]);
    assert_eq!(fr.code, 0, "warnings only:\n{}", fr.stderr);
    assert!(fr.stdout.contains("6 avertissements"), "{}", fr.stdout);
    let en = site.run(&["check", "--messages", "en"]);
    assert_eq!(en.code, 0);
    insta::with_settings!({snapshot_suffix => "fr"}, {
        insta::assert_snapshot!("accessibility", fr.stderr);
    });
    insta::with_settings!({snapshot_suffix => "en"}, {
        insta::assert_snapshot!("accessibility", en.stderr);
    });
    assert!(
        !site.path("public").exists(),
        "check wrote an output folder"
    );
    let denied = site.run(&["check", "--deny-warnings"]);
    assert_eq!(denied.code, 1);
    assert!(
        denied.stderr.contains("--deny-warnings"),
        "{}",
        denied.stderr
    );
}

#[test]
fn check_reports_what_a_build_reports_and_writes_nothing() {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/startups/x.md",
        "---\ntitle: X\nfounded: deux mille\n---\nTexte.\n",
    );
    let check = site.run(&["check", "--messages", "en"]);
    let build = site.run(&["build", "--messages", "en"]);
    assert_eq!((check.code, build.code), (1, 1));
    let first = |s: &str| s.split("\n\n").next().unwrap().to_string();
    assert_eq!(first(&check.stderr), first(&build.stderr));
    assert!(
        check.stderr.contains("the site has 1 error"),
        "{}",
        check.stderr
    );
    let json = site.run(&["check", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["ok"], false);
    assert_eq!(value["errors"], 1);
    assert_eq!(value["diagnostics"][0]["code"], "expected-year");
    assert!(json.stderr.is_empty(), "{}", json.stderr);
    for folder in ["public", ".parvis-cache"] {
        assert!(!site.path(folder).exists(), "{folder}");
    }
}

#[test]
fn the_portal_passes_its_own_check() {
    let site = TestSite::portal();
    let run = site.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = site.run(&["check", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(value["ok"], true);
    assert!(value["pages"].as_u64().unwrap() > 50);
}

/// A server on 127.0.0.1 answering each path its own way; it counts the
/// requests it gets.
struct Server {
    port: u16,
    requests: Arc<AtomicUsize>,
    server: Arc<tiny_http::Server>,
}

impl Server {
    fn start() -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
        let port = server.server_addr().to_ip().unwrap().port();
        let requests = Arc::new(AtomicUsize::new(0));
        let (listening, counted) = (server.clone(), requests.clone());
        std::thread::spawn(move || {
            for request in listening.incoming_requests() {
                counted.fetch_add(1, Ordering::SeqCst);
                std::thread::spawn(move || answer(request));
            }
        });
        Server {
            port,
            requests,
            server,
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn answer(request: tiny_http::Request) {
    let redirect = |to: &str| {
        let header = tiny_http::Header::from_bytes("Location", to).unwrap();
        tiny_http::Response::from_string("")
            .with_status_code(302)
            .with_header(header)
    };
    let response = match request.url() {
        "/ok" => tiny_http::Response::from_string("ok"),
        "/old" => redirect("/ok"),
        "/loop-a" => redirect("/loop-b"),
        "/loop-b" => redirect("/loop-a"),
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            tiny_http::Response::from_string("too late")
        }
        _ => tiny_http::Response::from_string("not here").with_status_code(404),
    };
    let _ = request.respond(response);
}

/// Points every `http(s)://` address of the site's content at `to`: a test
/// asks no other machine.
fn local_only(site: &TestSite, to: &str) {
    let content = site.path("content");
    for entry in walkdir::WalkDir::new(&content)
        .into_iter()
        .map(Result::unwrap)
    {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("http") {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            if tail.starts_with("https://") || tail.starts_with("http://") {
                let end = tail
                    .find(|c: char| c.is_whitespace() || matches!(c, ')' | '"' | '>'))
                    .unwrap_or(tail.len());
                out.push_str(to);
                rest = &tail[end..];
            } else {
                out.push_str("http");
                rest = &tail[4..];
            }
        }
        out.push_str(rest);
        std::fs::write(entry.path(), out).unwrap();
    }
}

#[test]
fn outside_links_are_checked_once_then_read_from_the_cache() {
    let server = Server::start();
    let site = TestSite::from_fixture("basic");
    local_only(&site, &server.url("/ok"));
    site.write(
        "content/startups/liens.md",
        format!(
            "---\ntitle: Liens\nsummary: Des liens.\nwebsite: {}\n---\n\
             [Bon]({}) [Déplacé]({}#partie) [Boucle]({}) [Lent]({})\n\n\
             <a href=\"{}\">Bon encore</a>\n",
            server.url("/missing"),
            server.url("/ok"),
            server.url("/old"),
            server.url("/loop-a"),
            server.url("/slow"),
            server.url("/ok"),
        ),
    );
    let args = ["check", "--external", "--timeout", "1", "--messages", "en"];
    let first = site.run(&args);
    assert_eq!(first.code, 0, "warnings only:\n{}", first.stderr);
    let expected = [
        format!("`{}` answers with error 404", server.url("/missing")),
        format!(
            "`{}#partie` redirects to another address",
            server.url("/old")
        ),
        format!("write the new address directly: `{}`", server.url("/ok")),
        format!("`{}` redirects in a loop", server.url("/loop-a")),
        format!("`{}` did not answer within 1 second", server.url("/slow")),
    ];
    for said in &expected {
        assert!(first.stderr.contains(said), "{said}\n{}", first.stderr);
    }
    assert!(first.stdout.contains("4 warnings"), "{}", first.stdout);
    assert!(site.path(".parvis-cache/external-links.json").is_file());
    let asked = server.requests.swap(0, Ordering::SeqCst);
    assert!(
        asked >= 6,
        "each address asked once, redirects followed: {asked}"
    );

    let second = site.run(&args);
    assert_eq!(
        server.requests.load(Ordering::SeqCst),
        0,
        "served from the cache"
    );
    assert_eq!(second.stderr, first.stderr);
    let denied = site.run(&["check", "--external", "--deny-warnings"]);
    assert_eq!(denied.code, 1);
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
    assert!(!site.path("public").exists());
}
