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
mod content;
mod fingerprint;
mod pages;
mod publish;
mod settle;

pub(crate) use settle::QUIET;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::bodies::Bodies;
use crate::build::{BuildRequest, Progress};
use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::markdown;
use crate::output::assets::{Manifest, StaticFiles};
use crate::output::sink::{InPlace, Sink};
use crate::render::i18n::I18n;
use crate::render::templates::Templates;
use crate::render::Renderer;
use crate::search::Indexer;
use crate::site::{BuildOptions, EntryId, Site};
use crate::urls;
pub(crate) use changes::Changes;
use content::Sources;
use fingerprint::Versions;
use pages::PageRecord;

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
    pub timings: Vec<Lap>,
    /// A changed file was being written again while it was read, every
    /// time it was tried: nothing was written, and the batch of that write
    /// brings it again.
    pub superseded: bool,
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
        self.update_then(changed, |_| {})
    }

    /// Like [`Workspace::update`], and calls `pages_ready` as soon as the
    /// pages are written, before the search index, feeds, sitemap and open
    /// data are: a server reloads open pages then. Its [`Update`] names the
    /// pages and static files that changed; the one returned names every
    /// file, with the times of every stage.
    pub fn update_then(
        &mut self,
        changed: &[PathBuf],
        pages_ready: impl FnOnce(&Update),
    ) -> Update {
        let sink = match &mut self.sink {
            Ok(sink) => sink,
            Err(dir) => {
                let error = std::io::Error::other("cannot create the folder");
                return Update {
                    problems: Diagnostics::from_iter([write_failure(dir, &error)]),
                    ..Update::default()
                };
            }
        };
        let changes = if changed.is_empty() {
            Changes::everything()
        } else {
            Changes::of(&self.caches.root, changed)
        };
        let caches = &mut self.caches;
        let progress = Progress::default();
        let mut retries = 0;
        let mut pass = loop {
            // A file saved in pieces is read whole: once quiet, and again
            // when it was written while the pass read it.
            let read = settle::quiet_stamps(changed, settle::QUIET);
            let pass = run(caches, &self.request, &changes, sink, &progress);
            let stale = settle::Stamps::of(changed) != read;
            match pass {
                Ok(pass) if !stale => break pass,
                outcome => {
                    sink.discard();
                    // Static files of a discarded run were not written: next time.
                    caches.manifest = None;
                    if stale && retries < settle::RETRIES {
                        retries += 1;
                        continue;
                    }
                    if stale {
                        // Written after the batch came: the watcher's next
                        // batch brings the file again, whole.
                        return Update {
                            superseded: true,
                            ..Update::default()
                        };
                    }
                    let problems = outcome.err().unwrap_or_default();
                    return Update {
                        problems,
                        ..Update::default()
                    };
                }
            }
        };
        let published = &caches.published;
        let pages = match sink.apply(|p| pass.keep.contains(p) || published.contains(p)) {
            Ok(applied) => applied,
            Err(e) => {
                caches.manifest = None;
                return Update {
                    problems: Diagnostics::from_iter([write_failure(sink.dir(), &e)]),
                    ..Update::default()
                };
            }
        };
        caches.pages.extend(pass.records.drain());
        if let (true, Some((site, _))) = (pass.reassembled, &caches.site) {
            caches
                .pages
                .retain(|path, _| site.routes.index.contains_key(path));
        }
        pass.timer.lap("write pages");
        let mut update = Update {
            problems: pass.problems,
            changed: pages.changed,
            removed: pages.removed,
            rendered: pass.rendered,
            ..Update::default()
        };
        pages_ready(&update);
        let (published, problems) = run_publish(caches, sink, &mut pass.timer);
        update.problems.extend(problems);
        update.problems.sort();
        match sink.apply(|p| pass.keep.contains(p) || published.contains(p)) {
            Ok(applied) => {
                caches.published = published;
                update.changed.extend(applied.changed);
                update.removed.extend(applied.removed);
            }
            Err(e) => update.problems.push(write_failure(sink.dir(), &e)),
        }
        pass.timer.lap("write published");
        update.timings = pass.timer.laps;
        update
    }
}

/// Each stage's output, kept between runs.
#[derive(Debug)]
pub(crate) struct Caches {
    /// The site root, with links resolved.
    root: PathBuf,
    config: Option<Config>,
    sources: Sources,
    statics: Option<StaticFiles>,
    manifest: Option<Manifest>,
    templates: Option<Templates>,
    i18n: Option<I18n>,
    /// The model of the last run, and its problems.
    site: Option<(Site, Vec<Diagnostic>)>,
    /// The bodies of that model's documents.
    bodies: Bodies,
    /// The versions of its parts (pages' fingerprints are made of them).
    versions: Option<Versions>,
    /// Pages as written by the last successful run, by site path.
    pages: HashMap<String, PageRecord>,
    /// The pages and static files of the site, by site path.
    files: Arc<HashSet<String>>,
    /// What each document gave the search index.
    search: Indexer,
    /// The files of the last successful second phase.
    published: HashSet<String>,
    /// Whether this run is the only one (`parvis build`): what only a later
    /// run would reuse is forgotten as soon as it has served, so the
    /// largest build fits in less memory.
    once: bool,
}

impl Caches {
    /// Empty caches for the site at `root`.
    pub(crate) fn new(root: &Path) -> Caches {
        Caches {
            // Absolute, so diagnostics and template errors name files the same way.
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            config: None,
            sources: Sources::default(),
            statics: None,
            manifest: None,
            templates: None,
            i18n: None,
            site: None,
            bodies: Bodies::default(),
            versions: None,
            pages: HashMap::new(),
            files: Arc::default(),
            search: Indexer::default(),
            published: HashSet::new(),
            once: false,
        }
    }

    /// Empty caches for one run only (see [`Caches::forget_after_pages`]).
    pub(crate) fn once(root: &Path) -> Caches {
        Caches {
            once: true,
            ..Caches::new(root)
        }
    }

    /// After the pages of a run that is the only one: forgets the bodies'
    /// HTML but the feeds'. The search index, which runs next, is the peak
    /// of a build's memory.
    pub(crate) fn forget_after_pages(&mut self) {
        if let (true, Some((site, _))) = (self.once, &self.site) {
            let in_feeds = crate::output::feeds::entries(site);
            self.bodies.forget_html(|id| in_feeds.contains(&id));
        }
    }

    /// The site root.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    /// The model of the last run and its bodies, if the run got that far:
    /// `check` reviews them once the build core has run.
    pub(crate) fn site(&self) -> Option<(&Site, &Bodies)> {
        self.site.as_ref().map(|(site, _)| (site, &self.bodies))
    }

    /// Loads `site.toml` (with the request's overrides), forgetting
    /// everything made from the previous one but what was written.
    pub(crate) fn load_config(&mut self, request: &BuildRequest) -> Result<&Config, Diagnostics> {
        let mut config = Config::load(&self.root).map_err(Diagnostics::from_iter)?;
        if let Some(base_url) = &request.base_url {
            config::check_base_url(base_url, "--base-url")
                .map_err(|d| Diagnostics::from_iter([d]))?;
            config.base_url = config::normalize_base_url(base_url);
        }
        let published = std::mem::take(&mut self.published);
        *self = Caches {
            once: self.once,
            ..Caches::new(&self.root)
        };
        self.published = published;
        Ok(self.config.insert(config))
    }
}

/// What the first phase of a run made.
#[derive(Debug)]
pub(crate) struct Pass {
    /// Pages of the site.
    pub(crate) pages: usize,
    /// Pages rendered by this run.
    pub(crate) rendered: usize,
    /// Every page and static file of the site after this run, by site path.
    pub(crate) keep: Arc<HashSet<String>>,
    /// Whether the model was assembled again (pages may have come or gone).
    pub(crate) reassembled: bool,
    /// Warnings.
    pub(crate) problems: Diagnostics,
    /// The pages this run rendered, to remember once they are written.
    records: HashMap<String, PageRecord>,
    /// Time per stage.
    pub(crate) timer: Timer,
}

/// The first phase of a run: every stage up to the pages, over what
/// `changes` touched, writing into `sink`. Returns the problems instead
/// when the site has errors.
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

    let delta = caches.sources.refresh(&root, &config, changes, everything);
    let loaded = caches.sources.loaded();
    let mut problems = Diagnostics::from_iter(loaded.problems.iter().cloned());
    timer.lap("content");

    let theme_dir = config.theme_dir(&root);
    let statics_changed =
        everything || changes.statics || changes.content_files || caches.statics.is_none();
    let mut old_manifest = None;
    if statics_changed {
        let css = markdown::highlight_css();
        caches.statics = Some(StaticFiles::collect(&root, &theme_dir, &loaded.files, css));
        old_manifest = caches.manifest.take();
    }
    let statics = caches.statics.clone().unwrap_or_default();
    problems.extend(statics.problems.iter().cloned());
    let templates_due = everything || changes.templates || caches.templates.is_none();
    let mut early_templates = None;
    let in_place = match (content::bodies_only(&delta), &mut caches.site) {
        (Some(documents), Some((site, _))) if !statics_changed => {
            let ids: Option<Vec<EntryId>> = documents
                .iter()
                .map(|doc| site.id_of_source(&doc.source.path))
                .collect();
            ids.inspect(|ids| {
                for (&id, doc) in ids.iter().zip(documents) {
                    site.replace_body(id, doc);
                }
            })
        }
        _ => None,
    };
    if in_place.is_none() {
        let options = BuildOptions {
            drafts: request.drafts,
            scheduled: request.scheduled,
            today: request
                .today
                .unwrap_or_else(|| chrono::Local::now().date_naive()),
        };
        let static_paths = statics.paths().map(str::to_string).collect();
        // Templates do not depend on the content: they are read and parsed
        // on the other core while the site is assembled, which is serial.
        let (assembled, templates) = rayon::join(
            || Site::assemble(config, &root, &loaded, static_paths, &options),
            || templates_due.then(|| Templates::load(&root, &theme_dir)),
        );
        early_templates = templates;
        let old = caches.site.replace(assembled);
        timer.lap("site");
        match (caches.once, &mut caches.site) {
            (true, Some((site, _))) => {
                // The site holds the only documents left: their texts can go.
                drop((loaded, delta, old));
                caches.sources = Sources::default();
                caches.bodies = Bodies::render_once(site);
            }
            _ => {
                let old = old.as_ref().map(|(s, _)| s);
                caches.bodies = render_bodies(&caches.site, old, &caches.bodies);
            }
        }
    } else if let (Some(ids), Some((site, _))) = (&in_place, &caches.site) {
        caches.bodies = caches.bodies.with_rendered(site, ids);
    }
    let Some((site, site_problems)) = &caches.site else {
        return Err(problems);
    };
    problems.extend(site_problems.iter().cloned());
    problems.extend(caches.bodies.problems().cloned());
    problems.extend(crate::bodies::check_fragments(site, &caches.bodies));
    timer.lap("bodies");

    let mut render_all = everything;
    // A static file that cannot be copied stops the run before the pages,
    // but after the templates are read: one run names every problem, not
    // only the first stage's.
    let mut uncopied = false;
    if caches.manifest.is_none() {
        match statics.write(&root, sink) {
            Ok(manifest) => {
                render_all |= old_manifest.is_none_or(|old| old.hashed != manifest.hashed);
                caches.manifest = Some(manifest);
            }
            Err(problem) => {
                problems.push(problem);
                uncopied = true;
            }
        }
    }
    let manifest = caches.manifest.clone().unwrap_or_default();
    timer.lap("static files");

    let loaded_templates =
        early_templates.or_else(|| templates_due.then(|| Templates::load(&root, &theme_dir)));
    render_all |= load_templates(
        &caches.root,
        &mut caches.templates,
        &mut caches.i18n,
        site,
        changes,
        loaded_templates,
        &mut problems,
    );
    let (Some(templates), Some(i18n)) = (caches.templates.as_mut(), caches.i18n.as_ref()) else {
        problems.sort();
        return Err(problems);
    };
    if uncopied {
        problems.sort();
        return Err(problems);
    }
    if in_place.is_none() || render_all {
        templates.bind(Arc::new(manifest.hashed.clone()), site, i18n);
    } else {
        templates.forget_cards();
    }
    timer.lap("templates");

    let versions = match (caches.versions.take(), &in_place) {
        (Some(versions), Some(ids)) => versions.with_bodies(site, &caches.bodies, ids),
        _ => Versions::of(site, &caches.bodies),
    };
    let versions = caches.versions.insert(versions);

    let renderer = Renderer::new(
        site,
        &caches.bodies,
        templates,
        i18n,
        manifest.stylesheets.clone(),
    );
    let previous = (!render_all).then_some(&caches.pages);
    let records = pages::render(
        &renderer,
        site,
        versions,
        previous,
        sink,
        progress,
        &mut problems,
    )?;
    timer.lap("render + write");

    if in_place.is_none() || render_all || caches.files.is_empty() {
        let mut files: HashSet<String> = manifest.written.iter().cloned().collect();
        files.extend(
            site.routes
                .pages
                .iter()
                .map(|(path, _)| urls::output_file(path)),
        );
        caches.files = Arc::new(files);
    }
    problems.sort();
    if problems.has_errors() {
        return Err(problems);
    }
    Ok(Pass {
        pages: site.routes.pages.len(),
        rendered: records.len(),
        keep: caches.files.clone(),
        reassembled: in_place.is_none(),
        problems,
        records,
        timer,
    })
}

/// The second phase of a run, after a successful first one: the search
/// index, feeds, sitemap, open data and redirects. Returns their paths and
/// the problems met.
pub(crate) fn run_publish(
    caches: &Caches,
    sink: &dyn Sink,
    timer: &mut Timer,
) -> (HashSet<String>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let Some((site, _)) = &caches.site else {
        return (HashSet::new(), problems);
    };
    let written = publish::publish(
        site,
        &caches.bodies,
        &caches.search,
        sink,
        &mut problems,
        timer,
    );
    (written, problems)
}

/// The bodies of a newly assembled site: those of `old` reused where the
/// document is the same and its links still resolve the same way.
fn render_bodies(
    site: &Option<(Site, Vec<Diagnostic>)>,
    old: Option<&Site>,
    old_bodies: &Bodies,
) -> Bodies {
    let Some((site, _)) = site else {
        return Bodies::default();
    };
    Bodies::render_with(site, |id| {
        let doc = &site.documents[id];
        let old = old?;
        let old_id = old.id_of_source(&doc.source.path)?;
        let same = old_bodies.len() > old_id && Arc::ptr_eq(&old.documents[old_id], doc);
        same.then(|| old_bodies.shared(old_id).clone())
    })
}

/// Takes the templates just `loaded` (if they had to be), and loads the
/// interface words when they changed; returns whether every page must be
/// rendered again.
fn load_templates(
    root: &Path,
    templates: &mut Option<Templates>,
    i18n: &mut Option<I18n>,
    site: &Site,
    changes: &Changes,
    loaded: Option<Result<Templates, Vec<Diagnostic>>>,
    problems: &mut Diagnostics,
) -> bool {
    let everything = changes.config || changes.everything;
    let mut changed = false;
    if let Some(loaded) = loaded {
        changed = true;
        *templates = loaded.map_err(|e| problems.extend(e)).ok();
    }
    if everything || changes.i18n || i18n.is_none() {
        changed = true;
        *i18n = I18n::load(root, &site.config)
            .map_err(|e| problems.extend(e))
            .ok();
    }
    changed
}

/// The diagnostic for an output file that could not be written.
pub(crate) fn write_failure(path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::error(crate::msg!("output-unwritable", error = error))
        .at(Span::file(path))
        .hint(crate::msg!("output-unwritable-hint"))
}

/// Times the stages of a run (shown with `--verbose`).
#[derive(Debug)]
pub(crate) struct Timer {
    last: Instant,
    last_cpu: Option<Duration>,
    /// Each stage and its times.
    pub(crate) laps: Vec<Lap>,
}

/// One stage of a run and what it took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lap {
    /// The stage.
    pub stage: &'static str,
    /// Wall-clock time.
    pub wall: Duration,
    /// CPU time of every thread of the process (user and system), where
    /// the system tells it: over `wall`, how busy the cores were.
    pub cpu: Option<Duration>,
}

impl Timer {
    /// A timer started now.
    pub(crate) fn start() -> Timer {
        Timer {
            last: Instant::now(),
            last_cpu: process_cpu_time(),
            laps: Vec::new(),
        }
    }

    /// Ends a stage.
    pub(crate) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        let cpu = process_cpu_time();
        self.laps.push(Lap {
            stage,
            wall: now - self.last,
            cpu: cpu
                .zip(self.last_cpu)
                .map(|(now, last)| now.saturating_sub(last)),
        });
        self.last = now;
        self.last_cpu = cpu;
    }
}

/// The CPU time used so far by the whole process, from `/proc/self/stat`
/// (Linux; `None` elsewhere). Its unit, the clock tick, is a hundredth of
/// a second on every Linux that parvis runs on.
fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name, in parentheses, may hold spaces: count fields after it.
    let fields: Vec<&str> = stat
        .get(stat.rfind(')')? + 1..)?
        .split_whitespace()
        .collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_busy_stage_has_cpu_time() {
        let mut timer = Timer::start();
        let started = Instant::now();
        let mut x = 0u64;
        while started.elapsed() < Duration::from_millis(120) {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
        }
        timer.lap("busy");
        let lap = timer.laps[0];
        assert_eq!(lap.stage, "busy");
        assert!(lap.wall >= Duration::from_millis(120));
        if cfg!(target_os = "linux") {
            let cpu = lap.cpu.expect("Linux tells the CPU time");
            // Ticks are 10 ms; a loaded machine may give the loop less than
            // its wall time, and the tests running beside it in this process
            // add theirs, up to every core's worth.
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as u32;
            assert!(cpu >= Duration::from_millis(10), "{cpu:?}");
            assert!(
                cpu <= lap.wall * cores + Duration::from_millis(20),
                "{cpu:?} {lap:?}"
            );
        }
    }
}
