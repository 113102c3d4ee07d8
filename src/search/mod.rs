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

use std::collections::HashMap;
use std::sync::Mutex;

use rust_stemmers::{Algorithm, Stemmer};

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

/// The words and stems seen so far, shared by the rendering threads.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Folded surface word → stem id.
    words: HashMap<String, u32>,
    /// Folded stems, by id.
    stems: Vec<String>,
    stem_ids: HashMap<String, u32>,
}

impl Vocabulary {
    fn stem_id(&mut self, stem: String) -> u32 {
        if let Some(&id) = self.stem_ids.get(&stem) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.stem_ids.insert(stem.clone(), id);
        self.stems.push(stem);
        id
    }
}

/// Gathers documents while pages render, then writes the index.
pub struct Indexer {
    french: Stemmer,
    english: Stemmer,
    vocabulary: Mutex<Vocabulary>,
    docs: Mutex<Vec<IndexedDoc>>,
}

impl Default for Indexer {
    fn default() -> Self {
        Indexer {
            french: Stemmer::create(Algorithm::French),
            english: Stemmer::create(Algorithm::English),
            vocabulary: Mutex::default(),
            docs: Mutex::default(),
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
        let mut weighted: Vec<(String, String, u32)> = Vec::new();
        let mut push = |text: &str, weight: u32| {
            for word in normalize::words(text, lang) {
                weighted.push((word.folded, word.lower, weight));
            }
        };
        push(&doc.title, WEIGHT_TITLE);
        for tag in &doc.tags {
            push(tag, WEIGHT_TAG);
        }
        for (name, field) in &doc.fields {
            match &field.value {
                FieldValue::Text(t) => push(t, WEIGHT_TEXT_FIELD),
                FieldValue::List(items) => items.iter().for_each(|t| push(t, WEIGHT_LIST)),
                FieldValue::Ref(_) | FieldValue::Refs(_) => {
                    for title in ref_titles(site, id, name) {
                        push(title, WEIGHT_REF);
                    }
                }
                _ => {}
            }
        }
        push(summary, WEIGHT_SUMMARY);
        push(body_text, WEIGHT_BODY);
        let terms = self.score(lang, weighted);
        let summary = shorten(summary, 180);
        if let Ok(mut docs) = self.docs.lock() {
            docs.push(IndexedDoc { id, terms, summary });
        }
    }

    /// Stems the words and sums their weights per stem, under one lock.
    fn score(&self, lang: &str, weighted: Vec<(String, String, u32)>) -> Vec<(u32, u8)> {
        let stemmer = if lang == "en" {
            &self.english
        } else {
            &self.french
        };
        let stemmed: Vec<(String, String, u32)> = weighted
            .into_iter()
            .map(|(folded, lower, weight)| {
                let stem = normalize::fold(&stemmer.stem(&lower));
                (folded, stem, weight)
            })
            .collect();
        let mut raw: HashMap<u32, u32> = HashMap::new();
        let Ok(mut vocabulary) = self.vocabulary.lock() else {
            return Vec::new();
        };
        for (folded, stem, weight) in stemmed {
            let id = match vocabulary.words.get(&folded) {
                Some(&id) => id,
                None => {
                    let id = vocabulary.stem_id(stem);
                    vocabulary.words.insert(folded, id);
                    id
                }
            };
            *raw.entry(id).or_default() += weight;
        }
        drop(vocabulary);
        let mut terms: Vec<(u32, u8)> = raw.into_iter().map(|(id, w)| (id, quantize(w))).collect();
        terms.sort_unstable();
        terms
    }

    /// Writes the index files into `out` (a folder of the staging output).
    pub fn write(
        self,
        site: &Site,
        write: &dyn Fn(&str, &[u8]) -> std::io::Result<()>,
    ) -> std::io::Result<IndexStats> {
        let vocabulary = self.vocabulary.into_inner().unwrap_or_default();
        let docs = self.docs.into_inner().unwrap_or_default();
        layout::write(site, &vocabulary, docs, write)
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
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("court", 10), "court");
        assert_eq!(shorten("un deux trois quatre", 10), "un deux…");
    }

    #[test]
    fn stems_are_folded_after_stemming() {
        let indexer = Indexer::default();
        let terms = indexer.score(
            "fr",
            vec![
                ("medicales".into(), "médicales".into(), 1),
                ("medical".into(), "médical".into(), 1),
            ],
        );
        let vocabulary = indexer.vocabulary.lock().expect("lock");
        assert_eq!(
            terms.len(),
            1,
            "médicales and médical share a stem: {:?}",
            vocabulary.stems
        );
        assert!(vocabulary.stems[0].is_ascii());
    }
}
