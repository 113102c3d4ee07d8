//! The build: every stage in order, each timed.
//!
//! config → content → site → render → output. Problems of every stage are
//! gathered so one run shows all of them; if any is an error the staging
//! folder is thrown away and the previous output stays as it was.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::Config;
use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::markdown;
use crate::output::writer::{check_output, Staging};
use crate::output::{assets, data, feeds, redirects, sitemap, write_generated};
use crate::render::i18n::I18n;
use crate::render::templates::Templates;
use crate::render::Renderer;
use crate::site::{BuildOptions, Owner, Site};
use crate::urls;

/// What to build, from the command line.
#[derive(Debug, Clone, Default)]
pub struct BuildRequest {
    /// The site root (holds `site.toml`).
    pub root: PathBuf,
    /// Output folder; default: `output_dir` of site.toml under the root.
    pub out: Option<PathBuf>,
    /// Overrides `base_url` (preview deployments).
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Include entries whose `publish_after` is still to come.
    pub scheduled: bool,
    /// The day of the build; default: today.
    pub today: Option<NaiveDate>,
    /// Counts rendered pages as they are written, for a progress line.
    pub progress: Option<Arc<Progress>>,
}

/// How far rendering has come; read by another thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// Pages written so far.
    pub done: AtomicUsize,
    /// Pages to write (0 until known).
    pub total: AtomicUsize,
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildSummary {
    /// Pages written.
    pub pages: usize,
    /// Static files written.
    pub files: usize,
    /// The output folder.
    pub out: PathBuf,
    /// Warnings (the build succeeded anyway).
    pub warnings: Diagnostics,
    /// Time per stage.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Builds the site described by `request`.
pub fn build(request: &BuildRequest) -> Result<BuildSummary, Diagnostics> {
    let mut timer = Timer {
        last: Some(Instant::now()),
        laps: Vec::new(),
    };
    // Absolute, so diagnostics and template errors name files the same way.
    let root_buf = request
        .root
        .canonicalize()
        .unwrap_or_else(|_| request.root.clone());
    let root = root_buf.as_path();
    let mut config = Config::load(root).map_err(Diagnostics::from_iter)?;
    if let Some(base_url) = &request.base_url {
        config.base_url = base_url.trim_end_matches('/').to_string();
    }
    let out = request
        .out
        .clone()
        .unwrap_or_else(|| root.join(&config.output_dir));
    check_output(root, &out).map_err(|d| Diagnostics::from_iter([d]))?;
    timer.lap("config");

    let mut problems = Diagnostics::new();
    let mut loaded = content::load(root, &config);
    problems.extend(std::mem::take(&mut loaded.problems));
    timer.lap("content");

    let options = BuildOptions {
        drafts: request.drafts,
        scheduled: request.scheduled,
        today: request
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let theme_dir = config.theme_dir(root);
    let (site, site_problems) = Site::assemble(config, root, loaded, &options);
    problems.extend(site_problems);
    timer.lap("site");

    let staging = Staging::create(&out).map_err(|e| io_failure(&out, &e))?;
    let progress = request.progress.clone().unwrap_or_default();
    let result = render_and_write(
        &site,
        &theme_dir,
        &staging,
        &progress,
        &mut problems,
        &mut timer,
    )
    .map(|(pages, files)| {
        let published = if problems.has_errors() {
            0
        } else {
            publish(&site, &staging, &mut problems, &mut timer)
        };
        (pages, files + published)
    });
    problems.sort();
    match result {
        Ok((pages, files)) if !problems.has_errors() => {
            staging.commit().map_err(|e| io_failure(&out, &e))?;
            timer.lap("swap");
            Ok(BuildSummary {
                pages,
                files,
                out,
                warnings: problems,
                timings: timer.laps,
            })
        }
        Ok(_) => {
            staging.discard();
            Err(problems)
        }
        Err(d) => {
            staging.discard();
            problems.push(d);
            problems.sort();
            Err(problems)
        }
    }
}

/// Copies static files, then renders and writes every page in parallel.
fn render_and_write(
    site: &Site,
    theme_dir: &Path,
    staging: &Staging,
    progress: &Progress,
    problems: &mut Diagnostics,
    timer: &mut Timer,
) -> Result<(usize, usize), Diagnostic> {
    let root = site.root.as_path();
    let manifest = assets::copy_static(
        root,
        theme_dir,
        &site.content_files,
        markdown::highlight_css(),
        staging,
    )?;
    problems.extend(manifest.problems);
    timer.lap("static files");
    let hashed = Arc::new(manifest.hashed);
    let templates = match Templates::load(root, theme_dir, hashed, site) {
        Ok(templates) => templates,
        Err(e) => {
            problems.extend(e);
            return Ok((0, manifest.count));
        }
    };
    let i18n = match I18n::load(root, &site.config) {
        Ok(i18n) => i18n,
        Err(e) => {
            problems.extend(e);
            return Ok((0, manifest.count));
        }
    };
    let renderer = Renderer::new(site, templates, i18n, manifest.stylesheets);
    timer.lap("summaries");
    progress
        .total
        .store(site.routes.pages.len(), Ordering::Relaxed);
    let files: Vec<String> = site
        .routes
        .pages
        .iter()
        .map(|(path, _)| urls::output_file(path))
        .collect();
    staging
        .prepare_folders(files.iter().map(String::as_str))
        .map_err(|e| write_failure(&staging.dir, &e))?;
    let page_problems: Vec<Vec<Diagnostic>> = site
        .routes
        .pages
        .par_iter()
        .map(|(path, owner)| {
            progress.done.fetch_add(1, Ordering::Relaxed);
            render_one(&renderer, staging, path, owner)
        })
        .collect();
    problems.extend(page_problems.into_iter().flatten());
    timer.lap("render + write");
    let mut index_files = 0;
    if site.config.search.enabled {
        let index = renderer
            .into_indexer()
            .write(site, &|path, bytes| staging.write(path, bytes))
            .map_err(|e| write_failure(&staging.dir.join("search"), &e))?;
        index_files = index.files;
        timer.lap("search index");
    }
    Ok((site.routes.pages.len(), manifest.count + index_files))
}

/// Writes what the rest of the web reads, made from the site once its
/// pages are written: feeds, sitemap and robots.txt, open data, redirects.
/// Returns how many files were written.
fn publish(site: &Site, staging: &Staging, problems: &mut Diagnostics, timer: &mut Timer) -> usize {
    let mut written = write_generated(site, staging, &feeds::render(site), problems);
    timer.lap("feeds");
    written += write_generated(site, staging, &sitemap::render(site), problems);
    timer.lap("sitemap");
    match data::render(site) {
        Ok(files) => written += write_generated(site, staging, &files, problems),
        Err(d) => problems.push(d),
    }
    timer.lap("open data");
    written += write_generated(site, staging, &[redirects::render(site)], problems);
    timer.lap("redirects");
    written
}

/// Renders one page and writes it; returns its problems.
fn render_one(
    renderer: &Renderer<'_>,
    staging: &Staging,
    path: &str,
    owner: &Owner,
) -> Vec<Diagnostic> {
    match renderer.render(path, owner) {
        Ok(page) => match staging.write_prepared(&urls::output_file(path), page.html.as_bytes()) {
            Ok(()) => page.problems,
            Err(e) => vec![write_failure(&staging.dir.join(path), &e)],
        },
        Err(problems) => problems,
    }
}

fn io_failure(path: &Path, error: &std::io::Error) -> Diagnostics {
    Diagnostics::from_iter([write_failure(path, error)])
}

fn write_failure(path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write the output: {error}"))
        .at(Span::file(path))
        .hint("check that the output folder's parent exists and is writable")
}

/// Times the stages of a build (shown with `--verbose`).
struct Timer {
    last: Option<Instant>,
    laps: Vec<(&'static str, Duration)>,
}

impl Timer {
    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        let since = self.last.map_or(Duration::ZERO, |t| now - t);
        self.laps.push((name, since));
        self.last = Some(now);
    }
}
