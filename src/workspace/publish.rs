//! The second phase of a run: what the rest of the web reads, made once
//! the pages are written — the search index, feeds, sitemap and robots.txt,
//! open data, redirects. `serve` reloads open pages before it.

use std::collections::HashSet;
use std::path::Path;

use super::{write_failure, Timer};
use crate::bodies::Bodies;
use crate::diagnostics::Diagnostics;
use crate::output::sink::Sink;
use crate::output::{data, feeds, redirects, sitemap, write_generated, GeneratedFile};
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
    if site.config.search.enabled {
        search.index(site, bodies);
        match search.write(site, &|path, bytes| sink.write(path, bytes)) {
            Ok(index) => written.extend(index.paths),
            Err(e) => problems.push(write_failure(Path::new("search"), &e)),
        }
        timer.lap("search index");
    }
    let mut write = |files: &[GeneratedFile], problems: &mut Diagnostics| {
        written.extend(
            files
                .iter()
                .filter(|f| !site.routes.exists(&f.path))
                .map(|f| f.path.clone()),
        );
        write_generated(site, sink, files, problems);
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
    written
}
