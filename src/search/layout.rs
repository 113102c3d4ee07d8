//! The index on disk, split so a query fetches little:
//!
//! - `search/meta.js`: counts, collections, languages, stop words, and the
//!   document ranges per (language, collection) that make filters free;
//! - `search/w/…` and `search/s/…`: the word lists ([`super::wordlists`]);
//! - `search/p/<n>.js`: postings (document, value) of a few stems, delta
//!   and base-32 encoded, about 2 characters per posting; the value says
//!   where the word is and how much it weighs ([`super::score`]);
//! - `search/d/<n>.js`: title, link, collection, language, summary and
//!   number of passages of [`DOCS_PER_FILE`] documents;
//! - `search/e/<n>-<part>.js`: the passages excerpts are cut from
//!   ([`super::passages`]).
//!
//! Names are stable and carry a `?b=<build>` query in the client instead of
//! a content hash, since pages are written before the index exists.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::wordlists::{self, StemInfo};
use super::{normalize, passages, IndexedDoc, Vocabulary};
use crate::config::LinkStyle;
use crate::content::Role;
use crate::site::Site;

/// Documents per `d/` file: few, since a result list touches one file per
/// result.
const DOCS_PER_FILE: usize = 4;
/// A postings file is closed once it holds this many characters.
const POSTINGS_FILE_SIZE: usize = 6_000;
/// Stems found in more documents than this keep only their best-scoring
/// postings and become optional in multi-word queries (they are nearly
/// stop words).
const MAX_POSTINGS: usize = 2_000;

/// What the index holds, for the build summary and the benchmark.
#[derive(Debug, Default, Clone)]
pub struct IndexStats {
    /// Documents indexed.
    pub documents: usize,
    /// Distinct folded words.
    pub words: usize,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: usize,
    /// The files, as site paths.
    pub paths: Vec<String>,
}

/// A collection as the client filters by it (stand-alone pages form one).
struct CollectionKey {
    key: String,
    titles: BTreeMap<String, String>,
}

pub(super) fn write(
    site: &Site,
    vocabulary: &Vocabulary,
    mut docs: Vec<IndexedDoc>,
    write: &(dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync),
) -> std::io::Result<IndexStats> {
    let langs: Vec<&str> = site.config.language_codes().collect();
    let collections = collection_keys(site);
    let position = |doc: &IndexedDoc| {
        let d = &site.documents[doc.id];
        let lang = langs.iter().position(|l| *l == d.source.lang).unwrap_or(0);
        let collection = collection_index(&collections, d.collection(), &d.source.role);
        (lang, collection, site.paths[doc.id].clone())
    };
    docs.sort_by_cached_key(position);
    let ranges = ranges(&docs, position);
    // Postings then word lists on one side (mostly serial), documents and
    // passages on the other: the passages, most of the bytes, keep the
    // second core busy meanwhile. Passages are made and written in one
    // pass, never all held at once.
    let ((mut files, passages), more) = rayon::join(
        || {
            let files = doc_files(site, &docs, &langs, &collections);
            (files, write_passages(&docs, write))
        },
        || {
            let (stems, mut files) = postings(vocabulary, &docs);
            files.extend(wordlists::files(vocabulary, &stems));
            files
        },
    );
    let passages = passages?;
    files.extend(more);
    let build = build_id(&files, &docs);
    let meta = json!({
        "v": 2,
        "b": build,
        "n": docs.len(),
        "files": site.config.links == LinkStyle::Files,
        "langs": langs,
        "collections": collections.iter().map(|c| json!({"key": c.key, "titles": c.titles})).collect::<Vec<_>>(),
        "ranges": ranges,
        "stop": langs.iter().map(|l| (l.to_string(), json!(normalize::stop_words(l)))).collect::<serde_json::Map<_, _>>(),
        "docsPerFile": DOCS_PER_FILE,
    });
    files.push((
        "search/meta.js".into(),
        format!("parvisSearch.meta({meta});\n"),
    ));
    let mut stats = IndexStats {
        documents: docs.len(),
        words: vocabulary.words.len(),
        ..IndexStats::default()
    };
    files
        .par_iter()
        .try_for_each(|(path, text)| write(path, text.as_bytes()))?;
    stats.files = files.len() + passages.len();
    stats.bytes = files.iter().map(|(_, text)| text.len()).sum::<usize>()
        + passages.iter().map(|(_, len)| len).sum::<usize>();
    stats.paths = files
        .into_iter()
        .map(|(path, _)| path)
        .chain(passages.into_iter().map(|(path, _)| path))
        .collect();
    Ok(stats)
}

/// Writes the passages of `docs` (numbered in order) through `write`;
/// returns each file's site path and size.
fn write_passages(
    docs: &[IndexedDoc],
    write: &(dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync),
) -> std::io::Result<Vec<(String, usize)>> {
    let written = docs
        .par_iter()
        .enumerate()
        .map(|(n, doc)| {
            let mut written = Vec::new();
            for (part, text) in passages::parts(&doc.body.text).into_iter().enumerate() {
                let path = format!("search/e/{n}-{part}.js");
                let script = passages::script(n, part, text);
                write(&path, script.as_bytes())?;
                written.push((path, script.len()));
            }
            Ok(written)
        })
        .collect::<std::io::Result<Vec<_>>>()?;
    Ok(written.into_iter().flatten().collect())
}

fn collection_keys(site: &Site) -> Vec<CollectionKey> {
    let config = &site.config;
    let mut keys: Vec<CollectionKey> = config
        .collections
        .keys()
        .map(|key| CollectionKey {
            key: key.clone(),
            titles: config
                .language_codes()
                .map(|l| (l.to_string(), config.collection_title(key, l).to_string()))
                .collect(),
        })
        .collect();
    keys.push(CollectionKey {
        key: String::new(),
        titles: config
            .language_codes()
            .map(|l| (l.to_string(), String::new()))
            .collect(),
    });
    keys
}

fn collection_index(keys: &[CollectionKey], collection: Option<&str>, role: &Role) -> usize {
    match (collection, role) {
        (Some(c), Role::Entry { .. }) => keys
            .iter()
            .position(|k| k.key == c)
            .unwrap_or(keys.len() - 1),
        _ => keys.len() - 1,
    }
}

/// `[language, collection, first document, end]` for each group, so a
/// filter is a range test in the client.
fn ranges(
    docs: &[IndexedDoc],
    position: impl Fn(&IndexedDoc) -> (usize, usize, String),
) -> Vec<[usize; 4]> {
    let mut out: Vec<[usize; 4]> = Vec::new();
    for (n, doc) in docs.iter().enumerate() {
        let (lang, collection, _) = position(doc);
        match out.last_mut() {
            Some(last) if last[0] == lang && last[1] == collection => last[3] = n + 1,
            _ => out.push([lang, collection, n, n + 1]),
        }
    }
    out
}

fn doc_files(
    site: &Site,
    docs: &[IndexedDoc],
    langs: &[&str],
    collections: &[CollectionKey],
) -> Vec<(String, String)> {
    docs.chunks(DOCS_PER_FILE)
        .enumerate()
        .map(|(n, chunk)| {
            let rows: Vec<Value> = chunk
                .iter()
                .map(|doc| {
                    let d = &site.documents[doc.id];
                    let lang = langs.iter().position(|l| *l == d.source.lang).unwrap_or(0);
                    let collection = collection_index(collections, d.collection(), &d.source.role);
                    let parts = passages::parts(&doc.body.text).len();
                    json!([
                        site.paths[doc.id],
                        d.title,
                        collection,
                        lang,
                        doc.summary,
                        parts
                    ])
                })
                .collect();
            (
                format!("search/d/{n}.js"),
                format!("parvisSearch.docs({n},{});\n", Value::Array(rows)),
            )
        })
        .collect()
}

/// The postings files, and what the word lists need to know of each stem.
fn postings(
    vocabulary: &Vocabulary,
    docs: &[IndexedDoc],
) -> (HashMap<u32, StemInfo>, Vec<(String, String)>) {
    // Sized first: millions of postings pushed into growing lists spent
    // most of their time copying them as they grew.
    let mut sizes = vec![0usize; vocabulary.stems.len()];
    for doc in docs {
        for &(stem, _) in &doc.terms {
            sizes[stem as usize] += 1;
        }
    }
    let mut lists: Vec<Vec<(u32, u8)>> = sizes.into_iter().map(Vec::with_capacity).collect();
    for (n, doc) in docs.iter().enumerate() {
        for &(stem, value) in &doc.terms {
            lists[stem as usize].push((n as u32, value));
        }
    }
    // Stems are numbered in sorted order, so neighbours share files.
    let (mut stems, mut files) = (HashMap::new(), Vec::new());
    let mut current: Vec<(u32, String)> = Vec::new();
    let mut size = 0;
    for (stem, list) in lists.iter_mut().enumerate() {
        let stem = stem as u32;
        let mut list = std::mem::take(list);
        if list.is_empty() {
            continue;
        }
        let documents = list.len();
        let capped = list.len() > MAX_POSTINGS;
        if capped {
            keep_best(&mut list, MAX_POSTINGS);
        }
        let encoded = encode(&list);
        if size > 0 && size + encoded.len() > POSTINGS_FILE_SIZE {
            files.push(postings_file(files.len(), &current));
            current.clear();
            size = 0;
        }
        size += encoded.len();
        let info = StemInfo {
            file: files.len(),
            capped,
            documents,
        };
        stems.insert(stem, info);
        current.push((stem, encoded));
    }
    if !current.is_empty() {
        files.push(postings_file(files.len(), &current));
    }
    (stems, files)
}

/// Keeps the `max` best postings of `list` (sorted by document): the
/// highest values, ties to the first documents. They are found in linear
/// time: a full sort of each nearly-stop word's thousands of postings was
/// most of the postings' time.
fn keep_best(list: &mut Vec<(u32, u8)>, max: usize) {
    if list.len() > max && max > 0 {
        list.select_nth_unstable_by(max - 1, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        list.truncate(max);
    }
    list.sort_unstable();
}

fn postings_file(n: usize, stems: &[(u32, String)]) -> (String, String) {
    let body: serde_json::Map<String, Value> = stems
        .iter()
        .map(|(s, e)| (s.to_string(), Value::String(e.clone())))
        .collect();
    (
        format!("search/p/{n}.js"),
        format!("parvisSearch.postings({n},{});\n", Value::Object(body)),
    )
}

/// Postings as base-32 variable-length numbers: document delta, then score.
/// Digits 0–31 are `0-9a-v` and end a number; 32–63 are `A-Z` then `w-z`,
/// `_` and `$`, and say more digits follow.
fn encode(list: &[(u32, u8)]) -> String {
    const DIGITS: &[u8; 64] = b"0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_$";
    let mut out = String::with_capacity(list.len() * 2);
    let mut previous = 0;
    for &(doc, score) in list {
        for mut n in [doc - previous, u32::from(score)] {
            loop {
                let digit = (n & 31) as usize;
                n >>= 5;
                out.push(DIGITS[if n > 0 { digit + 32 } else { digit }] as char);
                if n == 0 {
                    break;
                }
            }
        }
        previous = doc;
    }
    out
}

/// A short digest of every index file, so clients never mix two builds.
/// Passages are taken by their body's digest, not read again: they are
/// most of the bytes.
fn build_id(files: &[(String, String)], docs: &[IndexedDoc]) -> String {
    let mut hasher = Sha256::new();
    for (path, text) in files {
        hasher.update(path.as_bytes());
        hasher.update(text.as_bytes());
    }
    let mut bodies = std::collections::hash_map::DefaultHasher::new();
    for doc in docs {
        doc.body.version.hash(&mut bodies);
    }
    hasher.update(bodies.finish().to_le_bytes());
    hasher
        .finalize()
        .iter()
        .take(5)
        .fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_best_postings_are_kept_in_document_order(
            values in proptest::collection::vec(0u8..8, 0..300),
            max in 1usize..100,
        ) {
            // Few values, so that ties decide which documents are kept.
            let list: Vec<(u32, u8)> =
                values.iter().enumerate().map(|(d, &v)| (d as u32, v)).collect();
            let mut expected = list.clone();
            expected.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            expected.truncate(max);
            expected.sort_unstable();
            let mut kept = list;
            keep_best(&mut kept, max);
            proptest::prop_assert_eq!(kept, expected);
        }
    }

    #[test]
    fn postings_encode_deltas_in_base_32() {
        assert_eq!(encode(&[(0, 4), (3, 7)]), "0437");
        // 40 = 8 + 32: low digit 8 with "more" flag ('I'), then 1.
        assert_eq!(encode(&[(40, 1)]), "I11");
    }
}
