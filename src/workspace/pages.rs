//! The pages stage of a run: pages rendered in parallel, only those whose
//! fingerprint changed since they were last written.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::Ordering;

use rayon::prelude::*;

use super::fingerprint::Versions;
use super::write_failure;
use crate::build::Progress;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::sink::Sink;
use crate::render::functions::recording_reads;
use crate::render::Renderer;
use crate::site::{Owner, Site};
use crate::urls;

/// A page as last written: its fingerprint, and the lists its templates
/// read through `entries()` (part of what it depends on).
#[derive(Debug, Clone)]
pub(super) struct PageRecord {
    fingerprint: u64,
    reads: Vec<(String, String)>,
}

/// Renders, in parallel, every page whose fingerprint differs from its
/// record in `previous` (every page when there is none) and writes it.
/// Returns the records of the pages rendered; a page with problems gets
/// none, so it is rendered again next time and its problems said again.
pub(super) fn render(
    renderer: &Renderer<'_>,
    site: &Site,
    versions: &Versions,
    previous: Option<&HashMap<String, PageRecord>>,
    sink: &dyn Sink,
    progress: &Progress,
    problems: &mut Diagnostics,
) -> Result<HashMap<String, PageRecord>, Diagnostics> {
    let todo: Vec<(&String, &Owner)> = site
        .routes
        .pages
        .par_iter()
        .filter(|(path, owner)| {
            let Some(record) = previous.and_then(|p| p.get(path)) else {
                return true;
            };
            record.fingerprint != versions.page(site, path, owner, &record.reads)
        })
        .map(|(path, owner)| (path, owner))
        .collect();
    progress.total.store(todo.len(), Ordering::Relaxed);
    let files: Vec<String> = todo.iter().map(|(p, _)| urls::output_file(p)).collect();
    sink.prepare_folders(&mut files.iter().map(String::as_str))
        .map_err(|e| Diagnostics::from_iter([write_failure(Path::new(""), &e)]))?;
    let done: Vec<(String, Result<PageRecord, Vec<Diagnostic>>)> = todo
        .par_iter()
        .map(|&(path, owner)| {
            progress.done.fetch_add(1, Ordering::Relaxed);
            let (page, reads) = recording_reads(|| renderer.render(path, owner));
            let outcome = page.and_then(|page| {
                sink.write(&urls::output_file(path), &page.html)
                    .map_err(|e| vec![write_failure(Path::new(path), &e)])?;
                if page.problems.is_empty() {
                    let fingerprint = versions.page(site, path, owner, &reads);
                    Ok(PageRecord { fingerprint, reads })
                } else {
                    Err(page.problems)
                }
            });
            (path.clone(), outcome)
        })
        .collect();
    let mut records = HashMap::with_capacity(done.len());
    for (path, outcome) in done {
        match outcome {
            Ok(record) => {
                records.insert(path, record);
            }
            Err(page_problems) => problems.extend(page_problems),
        }
    }
    Ok(records)
}
