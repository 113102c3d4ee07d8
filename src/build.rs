//! `parvis build`: the build core run once, into a staging folder.
//!
//! The stages themselves are in [`crate::workspace`], shared with `serve`.
//! Problems of every stage are gathered so one run shows all of them; if
//! any is an error the staging folder is thrown away and the previous
//! output stays as it was.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::diagnostics::Diagnostics;
use crate::output::writer::{check_output, Staging};
use crate::workspace::{run, run_publish, write_failure, Caches, Changes, Lap};

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
    /// Fail on warnings too (the previous output is then kept).
    pub deny_warnings: bool,
    /// The day of the build; default: today.
    pub today: Option<NaiveDate>,
    /// Counts rendered pages as they are written, for a progress line.
    pub progress: Option<Arc<Progress>>,
    /// The process ends right after this build (the command line): the
    /// site's memory (documents, bodies, the search index's words) is then
    /// left to the system at exit instead of being freed piece by piece,
    /// which took some 80 ms of one core at 10,000 entries (1 % of the
    /// build's CPU time), after the output was in place.
    pub exit_after: bool,
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
    pub timings: Vec<Lap>,
}

/// Builds the site described by `request`: every stage once, into a
/// staging folder swapped in place of the output when the site has no
/// errors.
pub fn build(request: &BuildRequest) -> Result<BuildSummary, Diagnostics> {
    let mut caches = Caches::once(&request.root);
    let output_dir = caches.load_config(request)?.output_dir.clone();
    let root = caches.root();
    let out = request.out.clone().unwrap_or_else(|| root.join(output_dir));
    check_output(root, &out).map_err(|d| Diagnostics::from_iter([d]))?;
    let staging = Staging::create(&out).map_err(|e| io_failure(&out, &e))?;
    let progress = request.progress.clone().unwrap_or_default();
    let changes = Changes::everything();
    let mut pass = match run(&mut caches, request, &changes, &staging, &progress) {
        Ok(pass) => pass,
        Err(problems) => {
            staging.discard();
            return Err(problems);
        }
    };
    caches.forget_after_pages();
    let (published, problems) = run_publish(&caches, &staging, &mut pass.timer);
    let mut warnings = pass.problems;
    warnings.extend(problems);
    warnings.sort();
    if warnings.has_errors() || (request.deny_warnings && !warnings.is_empty()) {
        staging.discard();
        return Err(warnings);
    }
    staging.commit().map_err(|e| io_failure(&out, &e))?;
    pass.timer.lap("swap");
    if request.exit_after {
        std::mem::forget(caches);
    }
    Ok(BuildSummary {
        pages: pass.pages,
        files: pass.keep.len() - pass.pages + published.len(),
        out,
        warnings,
        timings: pass.timer.laps,
    })
}

fn io_failure(path: &Path, error: &std::io::Error) -> Diagnostics {
    Diagnostics::from_iter([write_failure(path, error)])
}
