//! The nginx example of `docs/publishing.md` really works: Debian's nginx
//! runs `docs/nginx.conf` (only its `root` path and `listen` port changed)
//! on 127.0.0.1, serving a build under `/portail/`, and pages, hashed
//! assets, feeds, open data, an alias and the 404 page answer with the
//! status, type and cache headers the guide documents.
//!
//! It needs a system program, so it is switched off in a plain `cargo test`
//! (which passes with Rust alone) and runs with `cargo test -- --ignored`,
//! as CI does after installing nginx.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::TestSite;

const NGINX: &str = "/usr/sbin/nginx";

/// nginx in the foreground as our child; stopped on drop, even when an
/// assertion failed.
struct Nginx {
    child: Child,
    port: u16,
    error_log: PathBuf,
}

impl Nginx {
    /// Starts nginx with `docs/nginx.conf`, serving `www` (which holds the
    /// output as `portail/`), on a free port of 127.0.0.1.
    fn start(www: &Path, scratch: &Path) -> Nginx {
        assert!(
            Path::new(NGINX).is_file(),
            "Debian's nginx is missing at {NGINX}: install it with \
             `apt-get update && apt-get install -y nginx` (CI's .ci/run does)"
        );
        let documented =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/nginx.conf"))
                .unwrap();
        for attempt in 0..3 {
            let port = free_port();
            let config = adapt(&documented, www, port);
            let conf = scratch.join("nginx.conf");
            std::fs::write(&conf, config).unwrap();
            let error_log = scratch.join("error.log");
            let globals = format!(
                "daemon off; pid {}; error_log {};",
                scratch.join("nginx.pid").display(),
                error_log.display()
            );
            let child = Command::new(NGINX)
                .arg("-p")
                .arg(scratch)
                .arg("-e")
                .arg(&error_log)
                .arg("-c")
                .arg(&conf)
                .arg("-g")
                .arg(globals)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {NGINX}: {e}"));
            let mut nginx = Nginx {
                child,
                port,
                error_log,
            };
            if nginx.wait_until_ready() {
                return nginx;
            }
            eprintln!("nginx did not start (attempt {attempt}):\n{}", nginx.log());
        }
        panic!("nginx did not start with docs/nginx.conf");
    }

    /// Waits for the port to answer; false if nginx exited first.
    fn wait_until_ready(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return false;
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.error_log).unwrap_or_default()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // TERM lets the master stop its workers; KILL if it does not.
        let _ = Command::new("kill")
            .arg("-TERM")
            .arg(self.child.id().to_string())
            .status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The documented config with only the root path and the port changed.
fn adapt(documented: &str, www: &Path, port: u16) -> String {
    for expected in ["root /srv/www;", "listen 80;"] {
        assert_eq!(
            documented.matches(expected).count(),
            1,
            "docs/nginx.conf must say `{expected}` once"
        );
    }
    documented
        .replace("root /srv/www;", &format!("root {};", www.display()))
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// An HTTP/1.0 answer: status, headers by lower-case name, body.
struct Answer {
    status: u16,
    headers: BTreeMap<String, String>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers.get(name).map_or("", String::as_str)
    }
}

fn get(port: u16, path: &str) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.0\r\nHost: www.example.org\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Answer {
        status,
        headers,
        body: body.to_string(),
    }
}

/// Asserts status, media type and cache policy of one address.
fn check(port: u16, path: &str, status: u16, media_type: &str, cache: &str) -> Answer {
    let answer = get(port, path);
    if answer.status == 403 && status != 403 {
        panic!(
            "{path}: 403 — nginx's workers run as `nobody` and cannot read the output; \
             is a parent folder of the temporary directory closed to others?"
        );
    }
    assert_eq!(answer.status, status, "{path}: {}", answer.body);
    assert!(
        answer.header("content-type").starts_with(media_type),
        "{path}: content-type {:?}, expected {media_type}",
        answer.header("content-type")
    );
    assert_eq!(answer.header("cache-control"), cache, "{path}");
    answer
}

#[test]
#[ignore = "needs Debian's nginx (apt-get install nginx); run with `cargo test -- --ignored`"]
fn documented_nginx_config_serves_the_site_under_a_sub_path() {
    let site = TestSite::from_fixture("basic");
    let www = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    // nginx's workers run as `nobody`: the output must be readable by all.
    set_mode(www.path(), 0o755);
    let out = www.path().join("portail");
    let run = site.run(&[
        "build",
        "--base-url",
        "https://www.example.org/portail/",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let nginx = Nginx::start(www.path(), scratch.path());
    let port = nginx.port;
    let html = "text/html; charset=utf-8";
    let revalidate = "no-cache";

    let home = check(port, "/portail/", 200, html, revalidate);
    assert!(home.body.contains("<html lang=\"fr\">"), "{}", home.body);
    check(port, "/portail/start-ups/acme/", 200, html, revalidate);
    check(port, "/portail/en/operators/op-one/", 200, html, revalidate);
    let folder = get(port, "/portail/start-ups/acme");
    assert_eq!(
        (folder.status, folder.header("location")),
        (301, "/portail/start-ups/acme/")
    );
    let root = get(port, "/");
    assert_eq!((root.status, root.header("location")), (302, "/portail/"));

    let stylesheet = hashed_file(&out.join("css"), ".css");
    let css = check(
        port,
        &format!("/portail/css/{stylesheet}"),
        200,
        "text/css",
        "public, max-age=31536000, immutable",
    );
    assert!(home.body.contains(&format!("href=\"css/{stylesheet}\"")));
    assert!(!css.body.is_empty());

    let short = "public, max-age=300";
    let atom = check(
        port,
        "/portail/actualites/atom.xml",
        200,
        "application/atom+xml",
        short,
    );
    let feed = feed_rs::parser::parse(atom.body.as_bytes()).unwrap();
    assert!(feed.entries[0].links[0]
        .href
        .starts_with("https://www.example.org/portail/"));
    let json = check(
        port,
        "/portail/actualites/feed.json",
        200,
        "application/feed+json",
        short,
    );
    assert!(feed_rs::parser::parse(json.body.as_bytes()).is_ok());
    assert_eq!(json.header("access-control-allow-origin"), "*");
    check(port, "/portail/sitemap.xml", 200, "text/xml", short);
    check(port, "/portail/robots.txt", 200, "text/plain", short);
    check(
        port,
        "/portail/data/startups.json",
        200,
        "application/json",
        short,
    );
    check(
        port,
        "/portail/data/startups.csv",
        200,
        "text/csv; charset=utf-8",
        short,
    );

    let alias = check(port, "/portail/qui-sommes-nous/", 200, html, revalidate);
    assert!(
        alias
            .body
            .contains("<meta http-equiv=\"refresh\" content=\"0; url=../a-propos/\">"),
        "{}",
        alias.body
    );
    assert!(alias
        .body
        .contains("<link rel=\"canonical\" href=\"https://www.example.org/portail/a-propos/\">"));
    check(port, "/portail/a-propos/", 200, html, revalidate);

    let missing = check(port, "/portail/pas/ici/", 404, html, revalidate);
    assert_eq!(
        missing.body,
        std::fs::read_to_string(out.join("404.html")).unwrap(),
        "the site's own 404 page"
    );
    for hidden in ["/portail/.parvis-output", "/portail/_redirects"] {
        assert_eq!(get(port, hidden).status, 404, "{hidden}");
    }
    assert!(!nginx.log().contains("[emerg]"), "{}", nginx.log());
}

/// The name of the one content-hashed file with `extension` in `dir`.
fn hashed_file(dir: &Path, extension: &str) -> String {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("site.") && name.ends_with(extension))
        .unwrap_or_else(|| panic!("no hashed {extension} in {}", dir.display()))
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}
