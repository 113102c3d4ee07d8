//! `parvis serve`: the editor's preview. Builds the site into a temporary
//! folder, serves it over HTTP, rebuilds when a source is saved and tells
//! open pages, which reload (or swap their stylesheets, or show the
//! site's errors over the last good version).
//!
//! [`watch`] sees saves, [`rebuild`] drives the long-lived build of
//! [`crate::workspace`], [`reload`] and [`overlay`] tell the open pages,
//! [`http`] and [`lookup`] serve the output folder and nothing else;
//! [`texts`] holds every sentence `serve` says.

pub mod http;
pub mod lookup;
pub mod overlay;
pub mod rebuild;
pub mod reload;
pub mod texts;
pub mod watch;

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tokio::sync::watch as signal;

use crate::build::BuildRequest;
use crate::workspace::Workspace;
use http::Served;
use rebuild::{Rebuilder, Terminal};
use reload::Live;
use texts::Lang;

/// What `parvis serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site root (holds `site.toml`).
    pub root: PathBuf,
    /// Address and port to listen on (port 0: any free port).
    pub address: SocketAddr,
    /// Open the default browser once the site is served.
    pub open: bool,
    /// The path the site is served under: `/` or `/portail/`.
    pub base_path: String,
    /// Show drafts and scheduled entries.
    pub drafts: bool,
    /// The language of messages (as the command line chose it).
    pub lang: Lang,
    /// Only errors on the terminal.
    pub quiet: bool,
    /// Also the output folder.
    pub verbose: bool,
    /// ANSI colours for diagnostics.
    pub color: bool,
}

/// Runs `serve` until Ctrl+C; returns the exit code.
pub fn serve(options: ServeOptions) -> ExitCode {
    // Without this the watcher's own words would say it ("No path was
    // found"), in English: a mistyped `--root` is an editor's mistake.
    if !options.root.is_dir() {
        eprintln!("{}", texts::no_site_folder(options.lang, &options.root));
        return ExitCode::from(1);
    }
    let root = options
        .root
        .canonicalize()
        .unwrap_or_else(|_| options.root.clone());
    let lang = options.lang;
    match run(&options, &root, lang) {
        Ok(()) => {
            if !options.quiet {
                eprintln!("{}", texts::stopped(lang));
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(1)
        }
    }
}

/// Listens, builds, watches, serves; cleans up once stopped. An error is
/// the sentence to print.
fn run(options: &ServeOptions, root: &Path, lang: Lang) -> Result<(), String> {
    let listener = listen(options.address, lang)?;
    let address = listener.local_addr().unwrap_or(options.address);
    let folder = tempfile::Builder::new()
        .prefix("parvis-serve-")
        .tempdir()
        .map_err(|e| texts::cannot_start(lang, &e))?;
    let out = folder.path().join("site");
    let url = site_url(address, &options.base_path);
    let request = BuildRequest {
        root: root.to_path_buf(),
        base_url: Some(url.trim_end_matches('/').to_string()),
        drafts: options.drafts,
        scheduled: options.drafts,
        ..BuildRequest::default()
    };
    let terminal = Terminal {
        lang,
        quiet: options.quiet,
        color: options.color,
    };
    let live = Arc::new(Live::default());
    let stopping = Arc::new(AtomicBool::new(false));
    let workspace = Workspace::new(request, &out);
    let mut rebuilder = Rebuilder::new(workspace, root, live.clone(), terminal, stopping.clone());
    // Watch before the first build, so that nothing saved during it is missed.
    let (watcher, events) =
        watch::Watcher::start(root, &out).map_err(|e| texts::cannot_start(lang, &e))?;
    rebuilder.first_build();
    std::thread::spawn(move || rebuilder.run(watcher, events));
    announce(options, &out, &url, lang);
    let (stop, shutdown) = signal::channel(false);
    let served = Served {
        out: out.canonicalize().unwrap_or(out),
        base: options.base_path.clone(),
        live,
        shutdown,
        lang,
    };
    let result = run_server(listener, served, stop);
    stopping.store(true, Ordering::Relaxed);
    remove(folder.path());
    result.map_err(|e| texts::cannot_start(lang, &e))
}

/// Takes the address, or says why not (a busy port names the way out).
fn listen(address: SocketAddr, lang: Lang) -> Result<TcpListener, String> {
    TcpListener::bind(address).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AddrInUse {
            texts::port_busy(lang, address)
        } else {
            texts::cannot_listen(lang, address, &e)
        }
    })
}

/// Where to look; where the output is (`--verbose`); the browser (`--open`).
fn announce(options: &ServeOptions, out: &Path, url: &str, lang: Lang) {
    if options.verbose {
        eprintln!("{}", texts::output_folder(lang, out));
    }
    if !options.quiet {
        println!("{}", texts::serving(lang, url));
    }
    if options.open && !open_browser(url) {
        eprintln!("{}", texts::open_failed(lang, url));
    }
}

/// Serves until Ctrl+C (or SIGTERM), then ends the open event streams.
fn run_server(
    listener: TcpListener,
    served: Served,
    stop: signal::Sender<bool>,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let app = http::router(Arc::new(served));
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                stopped().await;
                let _ = stop.send(true);
            })
            .await
    })
}

/// Waits for Ctrl+C, or SIGTERM where there is one.
async fn stopped() {
    #[cfg(unix)]
    {
        let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate());
        match &mut term {
            Ok(term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {},
                    _ = term.recv() => {},
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// The address to open: a wildcard address is opened as the loopback one.
fn site_url(address: SocketAddr, base_path: &str) -> String {
    let mut shown = address;
    if address.ip().is_unspecified() {
        shown.set_ip(match address {
            SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
            SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
        });
    }
    format!("http://{shown}{base_path}")
}

/// Opens `url` in the default browser; whether a program was started.
fn open_browser(url: &str) -> bool {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}

/// Removes the temporary folder, whatever a rebuild left in it.
fn remove(folder: &Path) {
    let _ = std::fs::remove_dir_all(folder);
}

/// Checks and normalizes `--base-path`: `portail`, `/portail` and
/// `/portail/` all give `/portail/`.
pub fn parse_base_path(text: &str) -> Result<String, String> {
    let trimmed = text.trim_matches('/');
    let fine = trimmed.split('/').all(|segment| {
        !segment.is_empty()
            && segment != "."
            && segment != ".."
            && segment
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.~".contains(c))
    });
    if trimmed.is_empty() {
        Ok("/".into())
    } else if fine {
        Ok(format!("/{trimmed}/"))
    } else {
        Err("use letters, digits, `-`, `_`, `.` and `/` only, e.g. /portail/".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_normalized() {
        assert_eq!(parse_base_path("/").as_deref(), Ok("/"));
        assert_eq!(parse_base_path("portail").as_deref(), Ok("/portail/"));
        assert_eq!(parse_base_path("/a/b/").as_deref(), Ok("/a/b/"));
        assert!(parse_base_path("/../x").is_err());
        assert!(parse_base_path("/a b/").is_err());
        assert!(parse_base_path("/a?b").is_err());
    }

    #[test]
    fn wildcard_addresses_are_shown_as_loopback() {
        let any: SocketAddr = "0.0.0.0:1111".parse().expect("address");
        assert_eq!(site_url(any, "/"), "http://127.0.0.1:1111/");
        let one: SocketAddr = "127.0.0.1:8080".parse().expect("address");
        assert_eq!(site_url(one, "/portail/"), "http://127.0.0.1:8080/portail/");
    }
}
