//! `parvis serve` serves its output folder and nothing else: traversal
//! attempts sent as raw requests (HTTP clients would normalize them) never
//! return a file from outside; missing pages get the theme's 404 page with
//! a 404 status; files have their content types; browsers that hang up
//! and files deleted under the server do not bring it down.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::io::Write;
use std::net::TcpStream;

use common::server::Server;
use common::TestSite;

const SECRET: &str = "SECRET-4c1d-do-not-serve";

/// Plants the secret beside the output folder, in the site root, and
/// behind symbolic links inside the output folder.
fn plant_secrets(site: &TestSite, server: &Server) {
    let beside = server.out.parent().unwrap();
    fs::write(beside.join("secret.txt"), SECRET).unwrap();
    site.write("secret.txt", SECRET);
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(beside.join("secret.txt"), server.out.join("link.txt")).unwrap();
        symlink(beside, server.out.join("up")).unwrap();
        symlink("/etc", server.out.join("etc")).unwrap();
    }
}

#[test]
fn no_request_reaches_a_file_outside_the_output() {
    let site = TestSite::from_fixture("basic");
    let server = site.serve(&[]);
    plant_secrets(&site, &server);
    let root = site.root.canonicalize().unwrap();
    let beside = server.out.parent().unwrap().display().to_string();
    let absolute = format!("{beside}/secret.txt");
    let targets = [
        "/../secret.txt".to_string(),
        "/../../secret.txt".into(),
        "/start-ups/../../secret.txt".into(),
        "/%2e%2e/secret.txt".into(),
        "/%2E%2E/%2E%2E/secret.txt".into(),
        "/.%2e/secret.txt".into(),
        "/%252e%252e/secret.txt".into(),
        "/%252e%252e%252fsecret.txt".into(),
        "/..%2fsecret.txt".into(),
        "/..%2f..%2fsecret.txt".into(),
        "/..\\secret.txt".into(),
        "/..%5csecret.txt".into(),
        "/%2e%2e%5c%2e%2e%5csecret.txt".into(),
        "/%c0%ae%c0%ae/secret.txt".into(),
        "/%c0%ae%c0%ae%c0%afsecret.txt".into(),
        "/%e0%80%ae%e0%80%ae/secret.txt".into(),
        format!("/{absolute}"),
        format!("/%2f{}", absolute.trim_start_matches('/')),
        format!("//{}", absolute.trim_start_matches('/')),
        format!("/{}/secret.txt", root.display()),
        "/secret.txt".into(),
        "/secret.txt%00.html".into(),
        "/index.html%00/../../secret.txt".into(),
        "/link.txt".into(),
        "/up/secret.txt".into(),
        "/etc/passwd".into(),
        "/etc/hostname".into(),
        "/file:///etc/passwd".into(),
        "/c:%5c..%5csecret.txt".into(),
        format!("http://{}/../secret.txt", server.address),
        "*".into(),
    ];
    assert!(targets.len() >= 12);
    for target in &targets {
        let answer = server.raw(format!(
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            server.address
        ));
        let text = String::from_utf8_lossy(&answer);
        assert!(
            !text.contains(SECRET),
            "{target} served the secret:\n{text}"
        );
        assert!(!text.contains("root:x:0:0"), "{target} served /etc/passwd");
        assert!(
            !text.starts_with("HTTP/1.1 200"),
            "{target} answered 200:\n{text}"
        );
    }
    // Still serving.
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn missing_pages_get_the_theme_404_and_files_their_types() {
    let site = TestSite::from_fixture("basic");
    let server = site.serve(&[]);
    let missing = server.get("/nulle-part/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let theme_404 = fs::read_to_string(server.out.join("404.html")).unwrap();
    let start = theme_404.find("<main>").unwrap();
    let end = theme_404.find("</main>").unwrap();
    assert!(
        missing.body.contains(&theme_404[start..end]),
        "{}",
        missing.body
    );
    assert!(missing.body.contains("/__parvis/live.js"));
    assert_eq!(server.get("/nulle-part.css").status, 404);

    let home = server.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(home.header("cache-control"), Some("no-store"));
    let css = home
        .body
        .split("href=\"")
        .filter_map(|s| s.split('"').next())
        .find(|h| h.ends_with(".css"))
        .unwrap()
        .to_string();
    for (path, kind) in [
        (format!("/{css}"), "text/css; charset=utf-8"),
        ("/img/logo.svg".to_string(), "image/svg+xml; charset=utf-8"),
        ("/sitemap.xml".to_string(), "text/xml; charset=utf-8"),
        ("/actualites/feed.json".to_string(), "application/json"),
        (
            "/__parvis/live.js".to_string(),
            "text/javascript; charset=utf-8",
        ),
    ] {
        let response = server.get(&path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(response.header("content-type"), Some(kind), "{path}");
    }
    // The script goes into served pages only, never into the output.
    assert!(home.body.contains("/__parvis/live.js"));
    let written = fs::read_to_string(server.out.join("index.html")).unwrap();
    assert!(!written.contains("__parvis"));
}

#[test]
fn hung_up_browsers_and_deleted_files_do_not_stop_it() {
    let site = TestSite::from_fixture("basic");
    let server = site.serve(&[]);
    // Event streams and requests cut short.
    for _ in 0..5 {
        server.events().drop_connection();
        let mut stream = TcpStream::connect(&server.address).unwrap();
        let _ = stream.write_all(b"GET /start-ups/ HTTP/1.1\r\nHost: x\r\n\r\n");
        drop(stream);
        let mut half = TcpStream::connect(&server.address).unwrap();
        let _ = half.write_all(b"GET /start-ups/ HT");
    }
    // A file deleted while the server runs.
    fs::remove_file(server.out.join("start-ups/delta/index.html")).unwrap();
    assert_eq!(server.get("/start-ups/delta/").status, 404);
    fs::remove_dir_all(server.out.join("actualites")).unwrap();
    assert_eq!(server.get("/actualites/").status, 404);
    assert_eq!(server.get("/").status, 200);
    // Rebuilds go on.
    let events = server.events();
    site.write(
        "content/startups/delta.md",
        "---\ntitle: Delta\n---\nDe retour.\n",
    );
    events.next_named("reload");
    server.wait_for("the rebuilt page", "/start-ups/delta/", |r| {
        r.body.contains("De retour.")
    });
}
