//! The build core, one-shot or long-lived.
//!
//! [`run`] takes a site through every stage — config → content → static
//! files → site → templates → bodies → pages → search → feeds, sitemap,
//! open data, redirects — into a [`Sink`], keeping each stage's output in
//! [`Caches`]. `parvis build` runs it once into a staging folder.
//! [`Workspace`], for `serve`, runs it again after each change with the
//! caches of the previous run: only the files that changed are read again,
//! only bodies whose text or links changed are rendered again, only pages
//! whose [fingerprint](fingerprint) changed are rendered again, and only
//! output files whose bytes changed are written.

mod changes;
mod fingerprint;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::bodies::{Bodies, Body};
use crate::build::{BuildRequest, Progress};
use crate::config::Config;
use crate::content::{self, discover, Document, Loaded, Outcome};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::markdown;
use crate::output::assets::{Manifest, StaticFiles};
use crate::output::sink::{InPlace, Sink};
use crate::output::{data, feeds, redirects, sitemap, GeneratedFile};
use crate::render::functions::recording_reads;
use crate::render::i18n::I18n;
use crate::render::templates::Templates;
use crate::render::Renderer;
use crate::search::Indexer;
use crate::site::{BuildOptions, Site};
use crate::urls;
pub(crate) use changes::Changes;
use fingerprint::Versions;

/// What one update did to the output folder.
#[derive(Debug, Default)]
pub struct Update {
    /// Errors (the output was left as it was) and warnings.
    pub problems: Diagnostics,
    /// Output files written with new bytes, as site paths (`news/x/index.html`).
    pub changed: Vec<String>,
    /// Output files that no longer exist, as site paths.
    pub removed: Vec<String>,
    /// How many pages were rendered again.
    pub rendered: usize,
    /// Time per stage.
    pub timings: Vec<(&'static str, Duration)>,
}

impl Update {
    /// Whether the site had errors, so nothing was written.
    pub fn failed(&self) -> bool {
        self.problems.has_errors()
    }
}

/// A site kept built in one output folder, for `serve`.
#[derive(Debug)]
pub struct Workspace {
    request: BuildRequest,
    caches: Caches,
    sink: Result<InPlace, PathBuf>,
}

impl Workspace {
    /// A workspace for the site of `request`, writing into `out` (a folder
    /// of its own: it is made and its files replaced as needed).
    pub fn new(mut request: BuildRequest, out: &Path) -> Workspace {
        request.out = Some(out.to_path_buf());
        Workspace {
            caches: Caches::new(&request.root),
            sink: InPlace::new(out).map_err(|_| out.to_path_buf()),
            request,
        }
    }

    /// The output folder.
    pub fn out(&self) -> &Path {
        match &self.sink {
            Ok(sink) => sink.dir(),
            Err(dir) => dir,
        }
    }

    /// Brings the output up to date after `changed` files (any path under
    /// the site root, as the watcher reports it; empty for the first build)
    /// were written, created, renamed or deleted. When the site has errors,
    /// nothing is written and the problems are returned.
    pub fn update(&mut self, changed: &[PathBuf]) -> Update {
        let sink = match &mut self.sink {
            Ok(sink) => sink,
            Err(dir) => {
                let d = write_failure(dir, &std::io::Error::other("cannot create the folder"));
                return Update {
                    problems: Diagnostics::from_iter([d]),
                    ..Update::default()
                };
            }
        };
        let changes = if changed.is_empty() {
            Changes::everything()
        } else {
            Changes::of(&self.caches.root, changed)
        };
        let progress = Progress::default();
        match run(&mut self.caches, &self.request, &changes, sink, &progress) {
            Ok(mut pass) => match sink.apply(&pass.keep) {
                Ok(applied) => {
                    self.caches.pages.extend(pass.records.drain());
                    self.caches
                        .pages
                        .retain(|path, _| pass.keep.contains(&urls::output_file(path)));
                    pass.timer.lap("write");
                    Update {
                        problems: pass.problems,
                        changed: applied.changed,
                        removed: applied.removed,
                        rendered: pass.rendered,
                        timings: pass.timer.laps,
                    }
                }
                Err(e) => Update {
                    problems: Diagnostics::from_iter([write_failure(sink.dir(), &e)]),
                    ..Update::default()
                },
            },
            Err(problems) => {
                sink.discard();
                // Static files of a failed run were not written: next time.
                self.caches.manifest = None;
                Update {
                    problems,
                    ..Update::default()
                }
            }
        }
    }
}

/// A page as last rendered: what it read, and the problems it had.
#[derive(Debug, Clone)]
pub(crate) struct PageRecord {
    fingerprint: u64,
    reads: Vec<(String, String)>,
}

/// Each stage's output, kept between runs.
#[derive(Debug)]
pub(crate) struct Caches {
    /// The site root, with links resolved.
    root: PathBuf,
    config: Option<Config>,
    /// Every content file's outcome, by path on disk.
    sources: HashMap<PathBuf, Outcome>,
    statics: Option<StaticFiles>,
    manifest: Option<Manifest>,
    templates: Option<Templates>,
    i18n: Option<I18n>,
    /// Rendered bodies, with the document they were rendered from.
    bodies: HashMap<PathBuf, (Arc<Document>, Arc<Body>)>,
    /// Pages as written by the last successful run, by site path.
    pages: HashMap<String, PageRecord>,
}

impl Caches {
    /// Empty caches for the site at `root`.
    pub(crate) fn new(root: &Path) -> Caches {
        Caches {
            // Absolute, so diagnostics and template errors name files the same way.
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            config: None,
            sources: HashMap::new(),
            statics: None,
            manifest: None,
            templates: None,
            i18n: None,
            bodies: HashMap::new(),
            pages: HashMap::new(),
        }
    }

    /// The site root.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// Loads `site.toml` (with the request's overrides), forgetting
    /// everything made from the previous one.
    pub(crate) fn load_config(&mut self, request: &BuildRequest) -> Result<&Config, Diagnostics> {
        let mut config = Config::load(&self.root).map_err(Diagnostics::from_iter)?;
        if let Some(base_url) = &request.base_url {
            config.base_url = base_url.trim_end_matches('/').to_string();
        }
        *self = Caches::new(&self.root);
        Ok(self.config.insert(config))
    }
}

/// What one run made.
#[derive(Debug)]
pub(crate) struct Pass {
    /// Pages of the site.
    pub(crate) pages: usize,
    /// Pages rendered by this run.
    pub(crate) rendered: usize,
    /// Other files of the site.
    pub(crate) files: usize,
    /// Every output file of the site after this run, by site path.
    pub(crate) keep: HashSet<String>,
    /// Warnings.
    pub(crate) problems: Diagnostics,
    /// The pages this run rendered, to remember once they are written.
    records: HashMap<String, PageRecord>,
    /// Time per stage.
    pub(crate) timer: Timer,
}

/// Runs every stage over what `changes` touched, writing into `sink`.
/// Returns the problems instead when the site has errors.
pub(crate) fn run(
    caches: &mut Caches,
    request: &BuildRequest,
    changes: &Changes,
    sink: &dyn Sink,
    progress: &Progress,
) -> Result<Pass, Diagnostics> {
    let mut timer = Timer::start();
    if changes.config || caches.config.is_none() {
        caches.load_config(request)?;
    }
    let root = caches.root.clone();
    let Some(config) = caches.config.clone() else {
        return Err(Diagnostics::new());
    };
    let everything = changes.config || changes.everything;
    timer.lap("config");

    let mut problems = Diagnostics::new();
    let loaded = load_content(caches, &config, changes, everything);
    problems.extend(loaded.problems.iter().cloned());
    timer.lap("content");

    let theme_dir = config.theme_dir(&root);
    let mut old_manifest = None;
    if everything || changes.statics || changes.content_files || caches.statics.is_none() {
        let css = markdown::highlight_css();
        caches.statics = Some(StaticFiles::collect(&root, &theme_dir, &loaded.files, css));
        old_manifest = caches.manifest.take();
    }
    let statics = caches.statics.clone().unwrap_or_default();
    problems.extend(statics.problems.iter().cloned());
    let options = BuildOptions {
        drafts: request.drafts,
        today: request
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
    };
    let static_paths = statics.paths().map(str::to_string).collect();
    let (site, site_problems) = Site::assemble(config, &root, &loaded, static_paths, &options);
    problems.extend(site_problems);
    timer.lap("site");

    let mut render_all = everything;
    if caches.manifest.is_none() {
        let manifest = statics
            .write(&root, sink)
            .map_err(|d| Diagnostics::from_iter([d]))?;
        render_all |= old_manifest.is_none_or(|old| old.hashed != manifest.hashed);
        caches.manifest = Some(manifest);
    }
    let manifest = caches.manifest.clone().unwrap_or_default();
    timer.lap("static files");

    render_all |= load_templates(caches, &site, &theme_dir, changes, &mut problems);
    let (Some(templates), Some(i18n)) = (caches.templates.as_mut(), caches.i18n.as_ref()) else {
        problems.sort();
        return Err(problems);
    };
    templates.bind(Arc::new(manifest.hashed.clone()), &site);
    timer.lap("templates");

    let known = &caches.bodies;
    let bodies = Bodies::render_with(&site, |id| {
        let doc = &site.documents[id];
        known
            .get(&doc.source.path)
            .filter(|(was, _)| Arc::ptr_eq(was, doc))
            .map(|(_, body)| body.clone())
    });
    caches.bodies = (0..site.documents.len())
        .map(|id| {
            let doc = &site.documents[id];
            let body = bodies.shared(id).clone();
            (doc.source.path.clone(), (doc.clone(), body))
        })
        .collect();
    problems.extend(bodies.problems().cloned());
    timer.lap("bodies");

    let renderer = Renderer::new(
        &site,
        &bodies,
        templates,
        i18n,
        manifest.stylesheets.clone(),
    );
    let previous = if render_all {
        None
    } else {
        Some(&caches.pages)
    };
    let (records, rendered) = render_pages(
        &renderer,
        &site,
        &bodies,
        previous,
        sink,
        progress,
        &mut problems,
    )?;
    timer.lap("render + write");

    let mut keep: HashSet<String> = manifest.written.iter().cloned().collect();
    keep.extend(
        site.routes
            .pages
            .iter()
            .map(|(path, _)| urls::output_file(path)),
    );
    if site.config.search.enabled {
        let index = Indexer::index(&site, &bodies)
            .write(&site, &|path, bytes| sink.write(path, bytes))
            .map_err(|e| Diagnostics::from_iter([write_failure(Path::new("search"), &e)]))?;
        keep.extend(index.paths);
        timer.lap("search index");
    }
    if !problems.has_errors() {
        publish(&site, &bodies, sink, &mut keep, &mut problems, &mut timer);
    }
    problems.sort();
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Pass {
        pages: site.routes.pages.len(),
        rendered,
        files: keep.len() - site.routes.pages.len(),
        keep,
        problems,
        records,
        timer,
    })
}

/// The content stage: each file changed since the last run (or every file)
/// read and validated again, the others taken from the cache.
fn load_content(
    caches: &mut Caches,
    config: &Config,
    changes: &Changes,
    everything: bool,
) -> Loaded {
    let root = caches.root.clone();
    let found = discover::discover(&root, config);
    let cached = &caches.sources;
    let outcomes: Vec<(PathBuf, Outcome)> = found
        .sources
        .into_par_iter()
        .map(|source| {
            let path = source.path.clone();
            let reuse = !everything && !changes.touches(&path);
            match cached.get(&path).filter(|_| reuse) {
                Some(outcome) => (path, outcome.clone()),
                None => (path, content::load_source(&root, config, source)),
            }
        })
        .collect();
    let mut loaded = Loaded {
        files: found.files,
        problems: found.problems,
        ..Loaded::default()
    };
    loaded.add(outcomes.iter().map(|(_, outcome)| outcome.clone()));
    caches.sources = outcomes.into_iter().collect();
    loaded
}

/// Loads templates and interface words when they changed; returns whether
/// every page must be rendered again.
fn load_templates(
    caches: &mut Caches,
    site: &Site,
    theme_dir: &Path,
    changes: &Changes,
    problems: &mut Diagnostics,
) -> bool {
    let everything = changes.config || changes.everything;
    let mut changed = false;
    if everything || changes.templates || caches.templates.is_none() {
        changed = true;
        caches.templates = match Templates::load(&caches.root, theme_dir) {
            Ok(templates) => Some(templates),
            Err(e) => {
                problems.extend(e);
                None
            }
        };
    }
    if everything || changes.i18n || caches.i18n.is_none() {
        changed = true;
        caches.i18n = match I18n::load(&caches.root, &site.config) {
            Ok(i18n) => Some(i18n),
            Err(e) => {
                problems.extend(e);
                None
            }
        };
    }
    changed
}

/// Renders, in parallel, every page whose fingerprint differs from the
/// `previous` run's (all of them when there is none) and writes it.
/// Returns the new records and how many pages were rendered.
fn render_pages(
    renderer: &Renderer<'_>,
    site: &Site,
    bodies: &Bodies,
    previous: Option<&HashMap<String, PageRecord>>,
    sink: &dyn Sink,
    progress: &Progress,
    problems: &mut Diagnostics,
) -> Result<(HashMap<String, PageRecord>, usize), Diagnostics> {
    let versions = Versions::of(site, bodies);
    let todo: Vec<(&String, &crate::site::Owner, u64)> = site
        .routes
        .pages
        .par_iter()
        .filter_map(|(path, owner)| {
            let record = previous.and_then(|p| p.get(path));
            let reads = record.map_or(&[][..], |r| &r.reads[..]);
            let fingerprint = versions.page(site, path, owner, reads);
            match record {
                Some(r) if r.fingerprint == fingerprint => None,
                _ => Some((path, owner, fingerprint)),
            }
        })
        .collect();
    progress.total.store(todo.len(), Ordering::Relaxed);
    let files: Vec<String> = todo.iter().map(|(p, _, _)| urls::output_file(p)).collect();
    sink.prepare_folders(&mut files.iter().map(String::as_str))
        .map_err(|e| Diagnostics::from_iter([write_failure(Path::new(""), &e)]))?;
    let done: Vec<(String, Result<PageRecord, Vec<Diagnostic>>)> = todo
        .par_iter()
        .map(|&(path, owner, _)| {
            progress.done.fetch_add(1, Ordering::Relaxed);
            let (page, reads) = recording_reads(|| renderer.render(path, owner));
            let outcome = page.and_then(|page| {
                sink.write(&urls::output_file(path), page.html.as_bytes())
                    .map_err(|e| vec![write_failure(Path::new(path), &e)])?;
                if !page.problems.is_empty() {
                    // Warnings come back each time: render the page again.
                    return Err(page.problems);
                }
                let fingerprint = versions.page(site, path, owner, &reads);
                Ok(PageRecord { fingerprint, reads })
            });
            (path.clone(), outcome)
        })
        .collect();
    let rendered = done.len();
    let mut records = HashMap::with_capacity(done.len());
    for (path, outcome) in done {
        match outcome {
            Ok(record) => {
                records.insert(path, record);
            }
            Err(page_problems) => problems.extend(page_problems),
        }
    }
    Ok((records, rendered))
}

/// Writes what the rest of the web reads, made from the site once its
/// pages are written: feeds, sitemap and robots.txt, open data, redirects.
fn publish(
    site: &Site,
    bodies: &Bodies,
    sink: &dyn Sink,
    keep: &mut HashSet<String>,
    problems: &mut Diagnostics,
    timer: &mut Timer,
) {
    let mut write = |files: &[GeneratedFile], problems: &mut Diagnostics| {
        keep.extend(
            files
                .iter()
                .filter(|f| !site.routes.exists(&f.path))
                .map(|f| f.path.clone()),
        );
        crate::output::write_generated(site, sink, files, problems);
    };
    write(&feeds::render(site, bodies), problems);
    timer.lap("feeds");
    write(&sitemap::render(site), problems);
    timer.lap("sitemap");
    match data::render(site) {
        Ok(files) => write(&files, problems),
        Err(d) => problems.push(d),
    }
    timer.lap("open data");
    write(&[redirects::render(site)], problems);
    timer.lap("redirects");
}

/// The diagnostic for an output file that could not be written.
pub(crate) fn write_failure(path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write the output: {error}"))
        .at(Span::file(path))
        .hint("check that the output folder's parent exists and is writable")
}

/// Times the stages of a run (shown with `--verbose`).
#[derive(Debug)]
pub(crate) struct Timer {
    last: Instant,
    /// Each stage and its time.
    pub(crate) laps: Vec<(&'static str, Duration)>,
}

impl Timer {
    /// A timer started now.
    pub(crate) fn start() -> Timer {
        Timer {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    /// Ends a stage.
    pub(crate) fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
    }
}
