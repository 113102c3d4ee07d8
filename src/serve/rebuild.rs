//! The rebuild loop: batches of changed sources go to the workspace, what
//! it did goes to the terminal and to the open pages.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::time::Instant;

use notify_debouncer_full::DebounceEventResult;

use super::overlay;
use super::reload::{Live, Message};
use super::texts::{self, Lang};
use super::watch::Watcher;
use crate::workspace::{Update, Workspace};

/// How the terminal is written to.
#[derive(Debug, Clone)]
pub struct Terminal {
    /// The language of the lines and of the error panel.
    pub lang: Lang,
    /// Only errors.
    pub quiet: bool,
    /// ANSI colours for diagnostics.
    pub color: bool,
}

/// Keeps the output of one site up to date and tells open pages.
#[derive(Debug)]
pub struct Rebuilder {
    workspace: Workspace,
    /// The site root, canonical (file names are shown relative to it).
    root: PathBuf,
    live: Arc<Live>,
    terminal: Terminal,
    /// Set when `serve` stops: no rebuild starts after it.
    stopping: Arc<AtomicBool>,
    /// Whether the last update failed.
    failing: bool,
}

impl Rebuilder {
    /// A rebuilder of `workspace`, the site at `root` (canonical), that
    /// tells `live` and prints to `terminal` until `stopping` is set.
    pub fn new(
        workspace: Workspace,
        root: &Path,
        live: Arc<Live>,
        terminal: Terminal,
        stopping: Arc<AtomicBool>,
    ) -> Rebuilder {
        Rebuilder {
            workspace,
            root: root.to_path_buf(),
            live,
            terminal,
            stopping,
            failing: false,
        }
    }

    /// Builds the whole site once.
    pub fn first_build(&mut self) {
        if !self.terminal.quiet {
            eprintln!("{}", texts::building(self.terminal.lang));
        }
        self.rebuild(&[]);
    }

    /// Rebuilds after each batch of changes, until `serve` stops.
    pub fn run(mut self, mut watcher: Watcher, receiver: Receiver<DebounceEventResult>) {
        while let Ok(batch) = receiver.recv() {
            let mut sources = self.sources(&mut watcher, batch);
            // Everything saved while the last rebuild ran is one rebuild.
            while let Ok(more) = receiver.try_recv() {
                sources.extend(self.sources(&mut watcher, more));
            }
            sources.sort();
            sources.dedup();
            if self.stopping.load(Ordering::Relaxed) {
                break;
            }
            if !sources.is_empty() {
                self.rebuild(&sources);
            }
        }
    }

    fn sources(&self, watcher: &mut Watcher, batch: DebounceEventResult) -> Vec<PathBuf> {
        watcher.sources(batch).unwrap_or_else(|error| {
            eprintln!("{}", texts::watch_failed(self.terminal.lang, &error));
            Vec::new()
        })
    }

    /// One update of the workspace, reported. Open pages are told as soon
    /// as the pages are written, before the search index and the feeds.
    fn rebuild(&mut self, sources: &[PathBuf]) {
        let started = Instant::now();
        let css_only = !self.failing
            && !sources.is_empty()
            && sources
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "css"));
        let live = self.live.clone();
        let update = self.workspace.update_then(sources, |pages| {
            live.publish(if css_only {
                Message::Css
            } else {
                Message::reload(&pages.changed, &pages.removed)
            });
        });
        if update.superseded {
            return;
        }
        let millis = started.elapsed().as_millis();
        self.print(&update, sources, millis);
        if update.failed() {
            let payload = overlay::payload(&update.problems, &self.root, self.terminal.lang);
            self.live.publish(Message::Problems(payload.into()));
        }
        self.failing = update.failed();
    }

    fn print(&self, update: &Update, sources: &[PathBuf], millis: u128) {
        let Terminal { lang, quiet, color } = self.terminal;
        for problem in update.problems.iter() {
            if problem.is_error() || !quiet {
                eprintln!("{}\n", problem.render(lang, color));
            }
        }
        let time = chrono::Local::now().format("%H:%M:%S");
        if update.failed() {
            eprintln!(
                "[{time}] {}",
                texts::failed(lang, update.problems.error_count())
            );
        } else if !quiet {
            let files = update.changed.len() + update.removed.len();
            let named = self.name_sources(sources);
            eprintln!("[{time}] {}", texts::rebuilt(lang, &named, files, millis));
        }
    }

    /// The changed sources as the editor knows them.
    fn name_sources(&self, sources: &[PathBuf]) -> String {
        let name = |p: &Path| {
            p.strip_prefix(&self.root)
                .unwrap_or(p)
                .display()
                .to_string()
        };
        match sources {
            [] => texts::whole_site(self.terminal.lang),
            [one] => name(one),
            [first, rest @ ..] => texts::and_more(self.terminal.lang, &name(first), rest.len()),
        }
    }
}
