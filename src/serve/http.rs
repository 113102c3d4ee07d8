//! The HTTP side: routes, the site's files with their content types, the
//! theme's 404 page, folder addresses, the base path.
//!
//! Every response says `Cache-Control: no-store`, so a reload always shows
//! the last build. Files are read whole (a dev server's files are small),
//! so a file deleted while it is sent cannot cut a response short; one
//! deleted before is a 404 like any other.

use std::io::ErrorKind;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tokio::sync::watch;

use super::lookup::{lookup, Lookup};
use super::reload::{self, Live, PREFIX};
use super::texts::{self, Lang};

/// What the handlers share.
#[derive(Debug)]
pub struct Served {
    /// The output folder, canonical.
    pub out: PathBuf,
    /// The path the site is served under: `/` or `/portail/`.
    pub base: String,
    /// Rebuild news for open pages.
    pub live: Arc<Live>,
    /// Set to `true` when `serve` stops (ends the event streams).
    pub shutdown: watch::Receiver<bool>,
    /// The language of the page shown before any build succeeded.
    pub lang: Lang,
}

/// The routes: the live-reload script and events, then the site.
pub fn router(served: Arc<Served>) -> Router {
    Router::new()
        .route(&format!("{PREFIX}live.js"), get(reload::script))
        .route(&format!("{PREFIX}events"), get(events))
        .fallback(site)
        .with_state(served)
}

async fn events(State(served): State<Arc<Served>>) -> Response {
    served.live.events(served.shutdown.clone()).into_response()
}

/// Any other address: a file of the site, a redirect or the 404 page.
async fn site(State(served): State<Arc<Served>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let path = uri.path();
    let Some(request) = path.strip_prefix(served.base.as_str()) else {
        // `/` and `/portail` lead to the site; nothing else is outside it.
        if path == "/" || format!("{path}/") == served.base {
            return redirect(&served.base, uri.query());
        }
        return not_found(&served, Vec::new()).await;
    };
    // A path that still starts with `/` (`//etc/passwd`) is not a site path.
    if request.starts_with('/') {
        return not_found(&served, Vec::new()).await;
    }
    let mut found = lookup(&served.out, request);
    // While a rebuild swaps its output in, the folder is briefly absent.
    for _ in 0..50 {
        if !matches!(found, Lookup::Missing { .. }) || served.out.exists() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
        found = lookup(&served.out, request);
    }
    match found {
        Lookup::File { path, site_path } => match tokio::fs::read(&path).await {
            Ok(bytes) => file(&served, &site_path, bytes, StatusCode::OK),
            Err(_) => not_found(&served, vec![site_path]).await,
        },
        Lookup::AddSlash => redirect(&format!("{path}/"), uri.query()),
        Lookup::Missing { wanted } => not_found(&served, wanted).await,
    }
}

/// The theme's `404.html` with a 404 status; before any build succeeded,
/// a page of our own that shows the errors.
async fn not_found(served: &Served, mut wanted: Vec<String>) -> Response {
    wanted.push("404.html".into());
    match tokio::fs::read(served.out.join("404.html")).await {
        Ok(bytes) => page(served, &wanted, bytes, StatusCode::NOT_FOUND),
        Err(e) if e.kind() == ErrorKind::NotFound => page(
            served,
            &wanted,
            texts::no_site_yet(served.lang).into_bytes(),
            StatusCode::NOT_FOUND,
        ),
        Err(_) => StatusCode::NOT_FOUND.into_response(),
    }
}

/// A file of the site, with its content type; HTML pages get the script.
fn file(served: &Served, site_path: &str, bytes: Vec<u8>, status: StatusCode) -> Response {
    let mime = mime_guess::from_path(site_path).first_or_octet_stream();
    if mime.essence_str() == "text/html" {
        return page(served, &[site_path.to_string()], bytes, status);
    }
    let text = mime.type_() == mime_guess::mime::TEXT
        || matches!(
            mime.essence_str(),
            "application/javascript" | "image/svg+xml"
        );
    let content_type = if text {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    };
    respond(status, &content_type, Body::from(bytes))
}

/// An HTML page with the live-reload script.
fn page(served: &Served, pages: &[String], bytes: Vec<u8>, status: StatusCode) -> Response {
    let html = String::from_utf8_lossy(&bytes);
    let body = reload::inject(&html, pages, &served.base);
    respond(status, "text/html; charset=utf-8", Body::from(body))
}

fn respond(status: StatusCode, content_type: &str, body: Body) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

/// A temporary redirect (a dev server's addresses are not permanent).
fn redirect(to: &str, query: Option<&str>) -> Response {
    let location = match query {
        Some(q) => format!("{to}?{q}"),
        None => to.to_string(),
    };
    match HeaderValue::from_str(&location) {
        Ok(value) => {
            let mut response = StatusCode::TEMPORARY_REDIRECT.into_response();
            response.headers_mut().insert(header::LOCATION, value);
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(_) => StatusCode::BAD_REQUEST.into_response(),
    }
}
