//! Search: a static, split index built while pages render.
//!
//! Each rendered entry is tokenized ([`normalize`]), stemmed per language
//! (French or English Snowball) and scored by field (title > acronym and
//! other text fields > tags > lists > refs > summary > body). After
//! rendering, [`Indexer::write`] lays the index out in small files
//! ([`layout`]) so a query downloads only the parts it needs: the word list
//! of its first two letters, the postings of its stems, and the few
//! documents it shows. Every file is a script (`parvisSearch.x(…)`), so the
//! client loads it with a `<script>` element, which works over HTTP and
//! from `file://` alike.

mod layout;
pub mod normalize;

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::Mutex;

use rust_stemmers::{Algorithm, Stemmer};

use rayon::prelude::*;

use crate::bodies::Bodies;
use crate::content::{FieldValue, Role};
use crate::site::{EntryId, Site};
pub use layout::IndexStats;

/// Field weights: a word in the title counts ten times one in the body.
const WEIGHT_TITLE: u32 = 10;
const WEIGHT_TEXT_FIELD: u32 = 7;
const WEIGHT_TAG: u32 = 5;
const WEIGHT_LIST: u32 = 4;
const WEIGHT_REF: u32 = 3;
const WEIGHT_SUMMARY: u32 = 2;
const WEIGHT_BODY: u32 = 1;

/// One indexed document: which page, and its stems with their scores.
#[derive(Debug)]
struct IndexedDoc {
    id: EntryId,
    terms: Vec<(u32, u8)>,
    summary: String,
}

/// The index's words and stems, numbered in a stable order.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Folded surface word → stem id.
    words: HashMap<String, u32>,
    /// Folded stems, sorted; a stem's id is its position.
    stems: Vec<String>,
}

/// A word as seen while rendering, before stemming.
#[derive(Debug)]
struct SeenWord {
    /// The smallest lower-cased form seen: the one stemmed, whatever the
    /// order threads met the word in, so builds are identical.
    lower: String,
    /// Whether a French page used it (stemmed as French, else English).
    french: bool,
}

/// A document as gathered: its page, its words packed as
/// `word id << 8 | weight` (weights saturate at 255: a word that often on
/// one page gains nothing more from the damped score), its summary. Four
/// bytes a word keep the index's memory small on large sites.
type GatheredDoc = (EntryId, Vec<u32>, String);

/// What the rendering threads gather: words by id, documents with raw
/// weights per word.
#[derive(Debug, Default)]
struct Gathered {
    ids: FxHashMap<String, u32>,
    words: Vec<(String, SeenWord)>,
    docs: Vec<GatheredDoc>,
}

/// Gathers documents while pages render, then writes the index.
pub struct Indexer {
    french: Stemmer,
    english: Stemmer,
    gathered: Mutex<Gathered>,
}

impl Default for Indexer {
    fn default() -> Self {
        Indexer {
            french: Stemmer::create(Algorithm::French),
            english: Stemmer::create(Algorithm::English),
            gathered: Mutex::default(),
        }
    }
}

impl Indexer {
    /// Whether a document's page is worth finding: entries and stand-alone
    /// pages (home and list pages only lead to those).
    pub fn wants(site: &Site, id: EntryId) -> bool {
        matches!(
            site.documents[id].source.role,
            Role::Entry { .. } | Role::Page
        )
    }

    /// Indexes document `id`, whose body renders to `body_text`, with
    /// `summary` shown under its title in results.
    pub fn add(&self, site: &Site, id: EntryId, body_text: &str, summary: &str) {
        let doc = &site.documents[id];
        let lang = doc.source.lang.as_str();
        // Weights are summed per raw run of letters first: a body has a few
        // hundred distinct words among thousands, and only those are
        // normalized and stemmed.
        let mut runs: FxHashMap<&str, u32> = FxHashMap::default();
        let refs = self.ref_text(site, id);
        tally(&mut runs, &doc.title, WEIGHT_TITLE);
        for tag in &doc.tags {
            tally(&mut runs, tag, WEIGHT_TAG);
        }
        for field in doc.fields.values() {
            match &field.value {
                FieldValue::Text(t) => tally(&mut runs, t, WEIGHT_TEXT_FIELD),
                FieldValue::List(items) => {
                    items.iter().for_each(|t| tally(&mut runs, t, WEIGHT_LIST))
                }
                _ => {}
            }
        }
        tally(&mut runs, &refs, WEIGHT_REF);
        tally(&mut runs, summary, WEIGHT_SUMMARY);
        tally(&mut runs, body_text, WEIGHT_BODY);
        let summary = shorten(summary, 180);
        NORMALIZED.with_borrow_mut(|caches| {
            if !caches.contains_key(lang) {
                caches.insert(lang.to_string(), FxHashMap::default());
            }
            let Some(cache) = caches.get_mut(lang) else {
                return;
            };
            for run in runs.keys() {
                if !cache.contains_key(*run) {
                    cache.insert(run.to_string(), normalize::words(run, lang));
                }
            }
            let mut words: FxHashMap<&str, (&str, u32)> = FxHashMap::default();
            for (run, weight) in &runs {
                for word in cache.get(*run).into_iter().flatten() {
                    let entry = words.entry(&word.folded).or_insert((&word.lower, 0));
                    entry.1 += weight;
                    // Keep the smallest form: the same whatever order the runs come in.
                    entry.0 = entry.0.min(&word.lower);
                }
            }
            self.record(id, lang, words, summary);
        });
    }

    /// The titles of the entries this one refers to, as one text.
    fn ref_text(&self, site: &Site, id: EntryId) -> String {
        let doc = &site.documents[id];
        let mut text = String::new();
        for (name, field) in &doc.fields {
            if matches!(field.value, FieldValue::Ref(_) | FieldValue::Refs(_)) {
                for title in ref_titles(site, id, name) {
                    text.push_str(title);
                    text.push(' ');
                }
            }
        }
        text
    }

    /// Numbers the document's words (under one short lock) and keeps it.
    fn record(
        &self,
        id: EntryId,
        lang: &str,
        words: FxHashMap<&str, (&str, u32)>,
        summary: String,
    ) {
        let Ok(mut gathered) = self.gathered.lock() else {
            return;
        };
        let mut terms = Vec::with_capacity(words.len());
        for (folded, (lower, weight)) in words {
            let word = match gathered.ids.get(folded) {
                // Ids must fit in 24 bits (see `GatheredDoc`): past 16 million
                // distinct words, new ones are left out of the index.
                None if gathered.words.len() >= 1 << 24 => continue,
                Some(&word) => word,
                None => {
                    let word = gathered.words.len() as u32;
                    gathered.ids.insert(folded.to_string(), word);
                    let seen = SeenWord {
                        lower: lower.to_string(),
                        french: false,
                    };
                    gathered.words.push((folded.to_string(), seen));
                    word
                }
            };
            let seen = &mut gathered.words[word as usize].1;
            seen.french |= lang != "en";
            if lower < seen.lower.as_str() {
                seen.lower = lower.to_string();
            }
            terms.push(word << 8 | weight.min(255));
        }
        gathered.docs.push((id, terms, summary));
    }

    /// Stems every word once, numbers stems in sorted order, and scores
    /// each document per stem.
    fn finish(self) -> (Vocabulary, Vec<IndexedDoc>) {
        let gathered = self.gathered.into_inner().unwrap_or_default();
        let stem_of: Vec<String> = gathered
            .words
            .iter()
            .map(|(_, seen)| {
                let stemmer = if seen.french {
                    &self.french
                } else {
                    &self.english
                };
                normalize::fold(&stemmer.stem(&seen.lower))
            })
            .collect();
        let mut stems: Vec<String> = stem_of.clone();
        stems.sort_unstable();
        stems.dedup();
        let stem_id = |stem: &String| stems.binary_search(stem).unwrap_or(0) as u32;
        let word_stem: Vec<u32> = stem_of.iter().map(stem_id).collect();
        let words = gathered
            .words
            .into_iter()
            .map(|(folded, _)| folded)
            .zip(word_stem.iter().copied())
            .collect();
        let docs = gathered
            .docs
            .into_iter()
            .map(|(id, terms, summary)| {
                let mut raw: FxHashMap<u32, u32> = FxHashMap::default();
                for packed in terms {
                    let (word, weight) = (packed >> 8, packed & 255);
                    *raw.entry(word_stem[word as usize]).or_default() += weight;
                }
                let mut terms: Vec<(u32, u8)> = raw
                    .into_iter()
                    .map(|(stem, w)| (stem, quantize(w)))
                    .collect();
                terms.sort_unstable();
                IndexedDoc { id, terms, summary }
            })
            .collect();
        (Vocabulary { words, stems }, docs)
    }

    /// Indexes every document worth finding, from its rendered body.
    pub fn index(site: &Site, bodies: &Bodies) -> Indexer {
        let indexer = Indexer::default();
        (0..site.documents.len())
            .into_par_iter()
            .filter(|&id| Indexer::wants(site, id))
            .for_each(|id| {
                let body = bodies.get(id);
                indexer.add(site, id, &body.text, &body.summary_text);
            });
        indexer
    }

    /// Writes the index files into `out` (a folder of the staging output).
    pub fn write(
        self,
        site: &Site,
        write: &(dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync),
    ) -> std::io::Result<IndexStats> {
        let (vocabulary, docs) = self.finish();
        layout::write(site, &vocabulary, docs, write)
    }
}

thread_local! {
    /// Each rendering thread's normalized runs of letters, per language:
    /// bodies repeat the same few thousand words, normalized once.
    static NORMALIZED: RefCell<HashMap<String, FxHashMap<String, Vec<normalize::Word>>>> = RefCell::default();
}

/// Adds `weight` to each run of letters (and apostrophes) of `text`.
fn tally<'t>(runs: &mut FxHashMap<&'t str, u32>, text: &'t str, weight: u32) {
    for run in text.split(|c: char| !(c.is_alphanumeric() || normalize::is_apostrophe(c))) {
        if !run.is_empty() {
            *runs.entry(run).or_default() += weight;
        }
    }
}

/// Term frequency, damped and squeezed into 1–31 (one base-32 digit).
fn quantize(raw: u32) -> u8 {
    let damped = 6.0 * (1.0 + f64::from(raw)).ln();
    damped.round().clamp(1.0, 31.0) as u8
}

/// The titles of the entries a ref field points at.
fn ref_titles<'s>(site: &'s Site, id: EntryId, field: &str) -> Vec<&'s str> {
    let lang = &site.documents[id].source.lang;
    site.relations.refs[id]
        .get(field)
        .into_iter()
        .flatten()
        .map(|&group| {
            site.documents[site.version_in(site.groups[group][0], lang)]
                .title
                .as_str()
        })
        .collect()
}

/// At most `max` characters, cut at a word boundary.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end_matches([',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_grow_slowly_and_fit_one_digit() {
        assert_eq!(quantize(1), 4);
        assert!(quantize(10) > quantize(2));
        assert_eq!(quantize(1_000_000), 31);
    }

    #[test]
    fn tally_finds_runs_of_letters_and_apostrophes() {
        let mut runs = FxHashMap::default();
        tally(&mut runs, "L'imagerie, l’imagerie — santé 2027!", 2);
        let mut found: Vec<(&str, u32)> = runs.into_iter().collect();
        found.sort_unstable();
        assert_eq!(
            found,
            vec![
                ("2027", 2),
                ("L'imagerie", 2),
                ("l’imagerie", 2),
                ("santé", 2)
            ]
        );
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("court", 10), "court");
        assert_eq!(shorten("un deux trois quatre", 10), "un deux…");
    }

    #[test]
    fn stems_are_folded_after_stemming_and_numbered_in_order() {
        let indexer = Indexer::default();
        let words = FxHashMap::from_iter([
            ("medicales", ("médicales", 1)),
            ("medical", ("médical", 1)),
            ("avenir", ("avenir", 1)),
        ]);
        indexer.record(0, "fr", words, String::new());
        let (vocabulary, docs) = indexer.finish();
        assert_eq!(
            vocabulary.stems.len(),
            2,
            "médicales and médical share a stem: {:?}",
            vocabulary.stems
        );
        assert!(vocabulary.stems.windows(2).all(|w| w[0] < w[1]));
        assert!(vocabulary.stems.iter().all(|s| s.is_ascii()));
        assert_eq!(vocabulary.words["medicales"], vocabulary.words["medical"]);
        assert_eq!(docs[0].terms.len(), 2);
    }
}
