//! The word lists a query starts from, each a small script:
//!
//! - `search/w/<first two letters>.js`: every folded word starting with
//!   those letters → `[stem, postings file, capped, frequency class]`,
//!   plus, when longer stems start with this word's stem, how many follow
//!   it in stem order (`ultrason` → `ultrasonor`: the client's stem
//!   prefixes);
//! - `search/s/<third and fourth letters>.js`: the same entries for words
//!   of four letters or more, by their third and fourth letters, for
//!   typing mistakes in the first two letters: `umagerie` and `miagerie`
//!   (a letter replaced, two swapped) have `ag` as third and fourth
//!   letters like `imagerie`, `magerie` (one left out) as second and
//!   third, `mimagerie` (one too many) as fourth and fifth; the client
//!   looks in those three lists.
//!
//! The frequency class is the bit length of the word's document
//! frequency (1 for one page, 11 for a thousand): enough for the client
//! to offer the likely completions and corrections first.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use serde_json::{json, Value};

use super::Vocabulary;

/// Words shorter than this are not in the `s/` lists: the client corrects
/// words of five letters or more, which one edit takes to four at least.
const TAIL_MIN_CHARS: usize = 4;

/// What the word lists need to know of each stem.
pub(super) struct StemInfo {
    /// The postings file holding it.
    pub(super) file: usize,
    /// Its postings were cut to the best ones (a nearly-stop word).
    pub(super) capped: bool,
    /// How many documents hold it.
    pub(super) documents: usize,
}

/// The `w/` and `s/` files of `vocabulary`, whose stems are described by
/// `stems` (stems without postings are left out).
pub(super) fn files(
    vocabulary: &Vocabulary,
    stems: &HashMap<u32, StemInfo>,
) -> Vec<(String, String)> {
    let extents = extents(&vocabulary.stems);
    let mut heads: BTreeMap<String, BTreeMap<&str, Value>> = BTreeMap::new();
    let mut tails: BTreeMap<String, BTreeMap<&str, Value>> = BTreeMap::new();
    for (word, &stem) in &vocabulary.words {
        let Some(info) = stems.get(&stem) else {
            continue;
        };
        let class = usize::BITS - info.documents.leading_zeros();
        let mut entry = vec![
            json!(stem),
            json!(info.file),
            json!(u8::from(info.capped)),
            json!(class),
        ];
        let extent = extents[stem as usize];
        if extent > 0 {
            entry.push(json!(extent));
        }
        let entry = Value::Array(entry);
        if let Some(tail) = tail_name(word) {
            tails
                .entry(tail)
                .or_default()
                .insert(word.as_str(), entry.clone());
        }
        heads
            .entry(shard_name(word))
            .or_default()
            .insert(word.as_str(), entry);
    }
    let script = |kind: &str, call: &str, (name, words): (String, BTreeMap<&str, Value>)| {
        let body = serde_json::to_string(&words).unwrap_or_default();
        (
            format!("search/{kind}/{name}.js"),
            format!("parvisSearch.{call}({},{body});\n", json!(name)),
        )
    };
    let mut files: Vec<(String, String)> = heads
        .into_iter()
        .map(|shard| script("w", "words", shard))
        .collect();
    files.extend(tails.into_iter().map(|shard| script("s", "tails", shard)));
    files
}

/// For each stem (sorted), how many of the stems right after it start
/// with it: sorted, the stems a stem is a prefix of follow it.
fn extents(stems: &[String]) -> Vec<usize> {
    (0..stems.len())
        .map(|i| {
            stems[i + 1..]
                .iter()
                .take_while(|s| s.starts_with(stems[i].as_str()))
                .count()
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

/// The `s/` list of a word: the shard name of its third and fourth
/// characters; none for words shorter than [`TAIL_MIN_CHARS`].
pub(crate) fn tail_name(word: &str) -> Option<String> {
    let mut chars = word.char_indices();
    let (third, _) = chars.nth(2)?;
    (word.chars().count() >= TAIL_MIN_CHARS).then(|| shard_name(&word[third..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the client computes too (`tests/search/vectors.json`).
    #[test]
    fn shared_shard_vectors() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/vectors.json");
        let text = std::fs::read_to_string(path).expect("vectors file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let shards = json["shards"].as_array().expect("a list");
        assert!(shards.len() >= 5);
        for v in shards {
            let word = v["word"].as_str().unwrap_or("");
            assert_eq!(
                shard_name(word),
                v["shard"].as_str().unwrap_or(""),
                "{word}"
            );
            assert_eq!(tail_name(word).as_deref(), v["tail"].as_str(), "{word}");
        }
    }

    #[test]
    fn shard_names_are_file_safe() {
        assert_eq!(shard_name("imagerie"), "im");
        assert_eq!(shard_name("a"), "a");
        assert_eq!(shard_name("ωx"), "xcf8978");
    }

    #[test]
    fn tails_are_third_and_fourth_letters() {
        assert_eq!(tail_name("imagerie").as_deref(), Some("ag"));
        assert_eq!(tail_name("etre").as_deref(), Some("re"));
        assert_eq!(tail_name("ete"), None);
        assert_eq!(tail_name("ouïr").as_deref(), Some("xc3af72"));
    }

    #[test]
    fn extents_count_the_longer_stems_a_stem_starts() {
        let stems: Vec<String> = ["imag", "imager", "imagin", "ultrason", "ultrasonor", "vol"]
            .map(String::from)
            .to_vec();
        assert_eq!(extents(&stems), vec![2, 0, 0, 1, 0, 0]);
    }
}
