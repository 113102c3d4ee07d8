//! The second phase of a run: what the rest of the web reads, made once
//! the pages are written — the search index, feeds, sitemap and robots.txt,
//! open data, redirects. `serve` reloads open pages before it.

use std::collections::HashSet;
use std::path::Path;

use super::{write_failure, Timer};
use crate::bodies::Bodies;
use crate::diagnostics::Diagnostics;
use crate::output::sink::Sink;
use crate::output::{data, feeds, redirects, sitemap, write_generated};
use crate::search::Indexer;
use crate::site::Site;

/// Writes every published file of `site` into `sink`; returns their site
/// paths. `search` keeps what each document gave the index, so only
/// documents that changed since its last use are indexed again.
pub(super) fn publish(
    site: &Site,
    bodies: &Bodies,
    search: &Indexer,
    sink: &dyn Sink,
    problems: &mut Diagnostics,
    timer: &mut Timer,
) -> HashSet<String> {
    let mut written = HashSet::new();
    // The index and the other files are made side by side: the index
    // leaves a core idle at times (its postings are made in one thread),
    // which the feeds, sitemap and open data take.
    let (index, generated) = rayon::join(
        || {
            site.config.search.enabled.then(|| {
                search.index(site, bodies);
                search.write(site, &|path, bytes| sink.write(path, bytes))
            })
        },
        || {
            [
                Ok(feeds::render(site, bodies)),
                Ok(sitemap::render(site)),
                data::render(site),
                Ok(vec![redirects::render(site)]),
            ]
        },
    );
    match index {
        Some(Ok(index)) => written.extend(index.paths),
        Some(Err(e)) => problems.push(write_failure(Path::new("search"), &e)),
        None => {}
    }
    for files in generated {
        match files {
            Ok(files) => written.extend(write_generated(site, sink, &files, problems)),
            Err(d) => problems.push(d),
        }
    }
    // One lap: the index and the rest share the cores.
    timer.lap("published files");
    written
}
