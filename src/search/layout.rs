//! The index on disk, split so a query fetches little:
//!
//! - `search/meta.js`: counts, collections, languages, stop words, and the
//!   document ranges per (language, collection) that make filters free;
//! - `search/w/<first two letters>.js`: each folded word → its stem, the
//!   postings file holding it, its document frequency;
//! - `search/p/<n>.js`: postings (document, score) of a few stems, delta
//!   and base-32 encoded, about 2 characters per posting;
//! - `search/d/<n>.js`: title, link, collection, language and summary of
//!   [`DOCS_PER_FILE`] documents.
//!
//! Names are stable and carry a `?b=<build>` query in the client instead of
//! a content hash, since pages are written before the index exists.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use rayon::prelude::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::{normalize, IndexedDoc, Vocabulary};
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
    // Documents on one side, postings then word lists on the other.
    let (mut files, more) = rayon::join(
        || doc_files(site, &docs, &langs, &collections),
        || {
            let (stem_files, mut files, capped) = postings(vocabulary, &docs);
            files.extend(word_files(vocabulary, &stem_files, &capped));
            files
        },
    );
    files.extend(more);
    let build = build_id(&files);
    let meta = json!({
        "v": 1,
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
    stats.files = files.len();
    stats.bytes = files.iter().map(|(_, text)| text.len()).sum();
    stats.paths = files.into_iter().map(|(path, _)| path).collect();
    Ok(stats)
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
                    json!([site.paths[doc.id], d.title, collection, lang, doc.summary])
                })
                .collect();
            (
                format!("search/d/{n}.js"),
                format!("parvisSearch.docs({n},{});\n", Value::Array(rows)),
            )
        })
        .collect()
}

/// Stem → (postings file, is capped); the postings files.
type Postings = (
    HashMap<u32, usize>,
    Vec<(String, String)>,
    HashMap<u32, bool>,
);

fn postings(vocabulary: &Vocabulary, docs: &[IndexedDoc]) -> Postings {
    let mut lists: Vec<Vec<(u32, u8)>> = vec![Vec::new(); vocabulary.stems.len()];
    for (n, doc) in docs.iter().enumerate() {
        for &(stem, score) in &doc.terms {
            lists[stem as usize].push((n as u32, score));
        }
    }
    // Stems are numbered in sorted order, so neighbours share files.
    let order: Vec<u32> = (0..vocabulary.stems.len() as u32).collect();
    let (mut file_of, mut capped, mut files) = (HashMap::new(), HashMap::new(), Vec::new());
    let mut current: Vec<(u32, String)> = Vec::new();
    let mut size = 0;
    for stem in order {
        let mut list = std::mem::take(&mut lists[stem as usize]);
        if list.is_empty() {
            continue;
        }
        if list.len() > MAX_POSTINGS {
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            list.truncate(MAX_POSTINGS);
            list.sort_unstable();
            capped.insert(stem, true);
        }
        let encoded = encode(&list);
        if size > 0 && size + encoded.len() > POSTINGS_FILE_SIZE {
            files.push(postings_file(files.len(), &current));
            current.clear();
            size = 0;
        }
        size += encoded.len();
        file_of.insert(stem, files.len());
        current.push((stem, encoded));
    }
    if !current.is_empty() {
        files.push(postings_file(files.len(), &current));
    }
    (file_of, files, capped)
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

fn word_files(
    vocabulary: &Vocabulary,
    stem_files: &HashMap<u32, usize>,
    capped: &HashMap<u32, bool>,
) -> Vec<(String, String)> {
    let mut shards: BTreeMap<String, BTreeMap<&str, Value>> = BTreeMap::new();
    for (word, &stem) in &vocabulary.words {
        let Some(&file) = stem_files.get(&stem) else {
            continue;
        };
        let entry = json!([
            stem,
            file,
            u8::from(capped.get(&stem).copied().unwrap_or(false))
        ]);
        shards
            .entry(shard_name(word))
            .or_default()
            .insert(word.as_str(), entry);
    }
    shards
        .into_iter()
        .map(|(name, words)| {
            let body = serde_json::to_string(&words).unwrap_or_default();
            (
                format!("search/w/{name}.js"),
                format!("parvisSearch.words({},{body});\n", json!(name)),
            )
        })
        .collect()
}

/// The shard of a word: its first two characters, or their UTF-8 bytes in
/// hexadecimal (prefixed `x`) when they are not plain ASCII letters or
/// digits. The client computes the same name.
pub(crate) fn shard_name(word: &str) -> String {
    let prefix: String = word.chars().take(2).collect();
    if prefix
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        prefix
    } else {
        let mut hex = String::from("x");
        for b in prefix.bytes() {
            let _ = write!(hex, "{b:02x}");
        }
        hex
    }
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
fn build_id(files: &[(String, String)]) -> String {
    let mut hasher = Sha256::new();
    for (path, text) in files {
        hasher.update(path.as_bytes());
        hasher.update(text.as_bytes());
    }
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

    #[test]
    fn postings_encode_deltas_in_base_32() {
        assert_eq!(encode(&[(0, 4), (3, 7)]), "0437");
        // 40 = 8 + 32: low digit 8 with "more" flag ('I'), then 1.
        assert_eq!(encode(&[(40, 1)]), "I11");
    }

    #[test]
    fn shard_names_are_file_safe() {
        assert_eq!(shard_name("imagerie"), "im");
        assert_eq!(shard_name("a"), "a");
        assert_eq!(shard_name("ωx"), "xcf8978");
    }
}
