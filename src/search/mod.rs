//! Search: a static, split index built from the rendered bodies.
//!
//! Each document worth finding is tokenized ([`normalize`]), stemmed per
//! language (French or English Snowball) and scored by field ([`score`]:
//! title, then summary, tags and other fields, then body, BM25 within
//! each). [`Indexer::write`] lays the index out in small files ([`layout`])
//! so a query downloads only the parts it needs: the word list of its first
//! two letters, the postings of its stems, the few documents it shows and,
//! once typing pauses, the passages of their bodies that excerpts are cut
//! from ([`passages`]). Every file is a script (`parvisSearch.x(…)`), so the
//! client loads it with a `<script>` element, which works over HTTP and
//! from `file://` alike.

mod forms;
mod layout;
pub mod normalize;
mod passages;
mod runs;
mod score;
mod wordlists;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use std::sync::Mutex;

use rust_stemmers::{Algorithm, Stemmer};

use rayon::prelude::*;

use crate::bodies::{Bodies, Body};
use crate::content::{FieldValue, Role};
use crate::site::{EntryId, Site};
pub use layout::IndexStats;

/// One indexed document: which page, its stems with their posting values
/// ([`score::posting`]), and what results show of it.
#[derive(Debug)]
struct IndexedDoc {
    id: EntryId,
    terms: Vec<(u32, u8)>,
    summary: String,
    /// Its body, whose text excerpts are cut from.
    body: Arc<Body>,
}

/// The index's words and stems, numbered in a stable order.
#[derive(Debug, Default)]
struct Vocabulary {
    /// Folded surface word → stem id.
    words: HashMap<String, u32>,
    /// Folded stems, sorted; a stem's id is its position.
    stems: Vec<String>,
}

/// What one document gives the index, kept until the document changes.
#[derive(Debug)]
struct Contribution {
    /// A digest of everything it was made from.
    key: u64,
    /// Stemmed as French (any language but English), else as English.
    french: bool,
    /// Its words packed as `lower-case form id << 8 | places << 5 |
    /// weight`: where the word was found ([`score::IN_TITLE`]…) and its
    /// field-weighted frequency, saturated at [`score::MAX_WEIGHT`]. Four
    /// bytes a word keep the index's memory small on large sites.
    words: Vec<u32>,
    /// How many words its body has (BM25's document length).
    length: u32,
    /// Shown under its title in results.
    summary: String,
    /// Its body, shared with the site's bodies (not copied): excerpts
    /// are cut from its text.
    body: Arc<Body>,
}

/// A folded word of one document.
#[derive(Debug, Clone, Copy)]
struct Found {
    /// Its lower-case form (what is stemmed): the smallest, when the
    /// document writes it in several.
    lower: u32,
    /// Its field-weighted frequency.
    weight: u32,
    /// Where it was found ([`score::IN_TITLE`]…).
    places: u8,
}

/// Words seen in any document, numbered once and for all, and each
/// document's contribution by its source file.
#[derive(Debug, Default)]
struct State {
    /// Lower-case form (accents kept: what the stemmer wants) → id.
    lower_ids: FxHashMap<String, u32>,
    /// Lower-case forms by id.
    lowers: Vec<String>,
    /// Lower-case form id → folded form id.
    folded_of: Vec<u32>,
    /// Folded form (what the browser looks up) → id.
    folded_ids: FxHashMap<String, u32>,
    /// Folded forms by id.
    folded: Vec<String>,
    /// Each document's contribution, by its source file.
    docs: HashMap<PathBuf, Contribution>,
    /// Stems made so far, by (lower-case form id, French).
    stems: FxHashMap<(u32, bool), String>,
}

/// The search index of a site: what each document contributes, kept
/// between builds so that only changed documents are read again, and the
/// files laid out from them.
pub struct Indexer {
    /// Tells this indexer's numbering from another's in the threads'
    /// caches of forms.
    serial: u64,
    french: Stemmer,
    english: Stemmer,
    state: Mutex<State>,
}

impl Default for Indexer {
    fn default() -> Self {
        static SERIALS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Indexer {
            serial: SERIALS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            french: Stemmer::create(Algorithm::French),
            english: Stemmer::create(Algorithm::English),
            state: Mutex::default(),
        }
    }
}

impl std::fmt::Debug for Indexer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Indexer")
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

    /// Indexes every document of `site` worth finding, from its rendered
    /// body: documents indexed before and unchanged since keep their
    /// contribution; documents no longer in the site are forgotten.
    pub fn index(&self, site: &Site, bodies: &Bodies) {
        let known: Vec<(EntryId, u64)> = {
            let state = self.lock();
            (0..site.documents.len())
                .into_par_iter()
                .filter(|&id| Indexer::wants(site, id))
                .filter_map(|id| {
                    let key = contribution_key(site, bodies, id);
                    let doc = state.docs.get(&site.documents[id].source.path);
                    doc.is_none_or(|c| c.key != key).then_some((id, key))
                })
                .collect()
        };
        known.par_iter().for_each(|&(id, key)| {
            self.add(site, id, key, bodies.shared(id));
        });
        let mut state = self.lock();
        let current: std::collections::HashSet<&PathBuf> = (0..site.documents.len())
            .filter(|&id| Indexer::wants(site, id))
            .map(|id| &site.documents[id].source.path)
            .collect();
        state.docs.retain(|path, _| current.contains(path));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Indexes document `id`, whose body is `body`.
    fn add(&self, site: &Site, id: EntryId, key: u64, body: &Arc<Body>) {
        let doc = &site.documents[id];
        let lang = doc.source.lang.as_str();
        let refs = ref_text(site, id);
        let mut texts = vec![(doc.title.as_str(), score::TITLE)];
        texts.extend(doc.tags.iter().map(|tag| (tag.as_str(), score::TAG)));
        for field in doc.fields.values() {
            match &field.value {
                FieldValue::Text(t) => texts.push((t, score::TEXT_FIELD)),
                FieldValue::List(items) => {
                    texts.extend(items.iter().map(|t| (t.as_str(), score::LIST)));
                }
                _ => {}
            }
        }
        texts.push((&refs, score::REF));
        texts.push((&body.summary_text, score::SUMMARY));
        texts.push((&body.text, score::BODY));
        // Folded form id → the word; lower-case forms met besides the one kept.
        // Sized for a body's distinct words (one every 20 to 30 bytes):
        // grown from empty, it was rehashed eight times per document.
        let mut words: FxHashMap<u32, Found> =
            FxHashMap::with_capacity_and_hasher(body.text.len() / 24 + 32, Default::default());
        let mut others: Vec<(u32, u32)> = Vec::new();
        let number = |new: &[(&str, Vec<normalize::Word>)]| {
            let mut state = self.lock();
            new.iter()
                .map(|(_, words)| words.iter().filter_map(|w| state.form(w)).collect())
                .collect()
        };
        let counts = forms::each(self.serial, lang, &texts, number, |form, weight, places| {
            let found = words.entry(form.folded).or_insert(Found {
                lower: form.lower,
                weight: 0,
                places: 0,
            });
            found.weight += weight;
            found.places |= places;
            if found.lower != form.lower {
                others.push((form.folded, form.lower));
            }
        });
        // BM25's document length: the body's runs.
        let length = counts.last().copied().unwrap_or(0);
        if !others.is_empty() {
            // Keep the smallest form: the same whatever order the runs come in.
            let state = self.lock();
            for (folded, lower) in others {
                if let Some(found) = words.get_mut(&folded) {
                    if state.lowers[lower as usize] < state.lowers[found.lower as usize] {
                        found.lower = lower;
                    }
                }
            }
        }
        let contribution = Contribution {
            key,
            french: lang != "en",
            words: words.into_values().map(Found::packed).collect(),
            length,
            summary: shorten(&body.summary_text, 180),
            body: Arc::clone(body),
        };
        self.lock()
            .docs
            .insert(doc.source.path.clone(), contribution);
    }

    /// Stems the words of the documents `indexed` (each with its source
    /// file), numbers stems in sorted order, and scores each document per
    /// stem.
    fn finish(&self, indexed: &[(EntryId, &PathBuf)]) -> (Vocabulary, Vec<IndexedDoc>) {
        let mut state = self.lock();
        let current: Vec<(EntryId, &Contribution)> = indexed
            .iter()
            .filter_map(|(id, path)| Some((*id, state.docs.get(*path)?)))
            .collect();
        // For each folded word: the smallest lower-case form any document
        // uses (the one stemmed, so builds are identical), and whether a
        // French page uses it.
        let mut best: Vec<Option<(u32, bool)>> = vec![None; state.folded.len()];
        for (_, c) in &current {
            for packed in &c.words {
                let lower = packed >> 8;
                let slot = &mut best[state.folded_of[lower as usize] as usize];
                *slot = Some(match *slot {
                    None => (lower, c.french),
                    // Most documents write a word as the first did: no
                    // need to compare it with itself.
                    Some((seen, french)) if seen == lower => (seen, french || c.french),
                    Some((seen, french)) => {
                        let smaller = state.lowers[lower as usize] < state.lowers[seen as usize];
                        (if smaller { lower } else { seen }, french || c.french)
                    }
                });
            }
        }
        let missing: Vec<(u32, bool)> = best
            .iter()
            .flatten()
            .filter(|key| !state.stems.contains_key(*key))
            .copied()
            .collect();
        let made: Vec<((u32, bool), String)> = missing
            .par_iter()
            .map(|&(lower, french)| {
                let stemmer = if french { &self.french } else { &self.english };
                let stem = normalize::fold(&stemmer.stem(&state.lowers[lower as usize]));
                ((lower, french), stem)
            })
            .collect();
        drop(current);
        state.stems.extend(made);
        let state = &*state;
        let stem_of: Vec<Option<&str>> = best
            .iter()
            .map(|b| b.and_then(|key| state.stems.get(&key)).map(String::as_str))
            .collect();
        let mut stems: Vec<&str> = stem_of.iter().flatten().copied().collect();
        stems.sort_unstable();
        stems.dedup();
        let stem_id = |stem: &str| stems.binary_search(&stem).unwrap_or(0) as u32;
        let word_stem: Vec<Option<u32>> = stem_of.iter().map(|s| s.map(stem_id)).collect();
        let words = word_stem
            .iter()
            .enumerate()
            .filter_map(|(folded, stem)| Some((state.folded[folded].clone(), (*stem)?)))
            .collect();
        let current: Vec<(EntryId, &Contribution)> = indexed
            .iter()
            .filter_map(|(id, path)| Some((*id, state.docs.get(*path)?)))
            .collect();
        let average = current
            .iter()
            .map(|(_, c)| f64::from(c.length))
            .sum::<f64>()
            / current.len().max(1) as f64;
        // Forms of one stem add up: weights, and the places found. They
        // are summed in a slot per stem, the stems a document touches
        // listed in the order met: sorting each document's words to group
        // them cost more than the rest of this step. Their order does not
        // matter: postings are grouped by stem, in document order.
        const TOUCHED: u8 = 0x80;
        let docs = current
            .par_iter()
            .map_init(
                || vec![(0u32, 0u8); stems.len()],
                |slots, (id, c)| {
                    let mut touched: Vec<u32> = Vec::with_capacity(c.words.len());
                    for packed in &c.words {
                        let folded = state.folded_of[(packed >> 8) as usize] as usize;
                        let Some(stem) = word_stem[folded] else {
                            continue;
                        };
                        let slot = &mut slots[stem as usize];
                        if slot.1 & TOUCHED == 0 {
                            touched.push(stem);
                        }
                        slot.0 += packed & 31;
                        slot.1 |= TOUCHED | (packed >> 5 & 7) as u8;
                    }
                    let terms = touched
                        .into_iter()
                        .map(|stem| {
                            let (weight, places) = std::mem::take(&mut slots[stem as usize]);
                            let posting =
                                score::posting(weight, places & !TOUCHED, c.length, average);
                            (stem, posting)
                        })
                        .collect();
                    IndexedDoc {
                        id: *id,
                        terms,
                        summary: c.summary.clone(),
                        body: Arc::clone(&c.body),
                    }
                },
            )
            .collect();
        let stems = stems.into_iter().map(str::to_string).collect();
        (Vocabulary { words, stems }, docs)
    }

    /// Writes the index files of the documents of `site` (indexed with
    /// [`Indexer::index`]) through `write`, by site path.
    pub fn write(
        &self,
        site: &Site,
        write: &(dyn Fn(&str, &[u8]) -> std::io::Result<()> + Sync),
    ) -> std::io::Result<IndexStats> {
        let indexed: Vec<(EntryId, &PathBuf)> = (0..site.documents.len())
            .filter(|&id| Indexer::wants(site, id))
            .map(|id| (id, &site.documents[id].source.path))
            .collect();
        let (vocabulary, docs) = self.finish(&indexed);
        layout::write(site, &vocabulary, docs, write)
    }
}

impl Found {
    /// `lower-case form id << 8 | places << 5 | weight`.
    fn packed(self) -> u32 {
        self.lower << 8 | u32::from(self.places) << 5 | self.weight.min(score::MAX_WEIGHT)
    }
}

/// A digest of everything a document's contribution is made from: its
/// front matter, its body, its summary and the titles its refs show.
fn contribution_key(site: &Site, bodies: &Bodies, id: EntryId) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    site.documents[id].front_matter().hash(&mut hasher);
    let body = bodies.get(id);
    body.version.hash(&mut hasher);
    body.summary_text.hash(&mut hasher);
    ref_text(site, id).hash(&mut hasher);
    hasher.finish()
}

/// The titles of the entries document `id` refers to, as one text.
fn ref_text(site: &Site, id: EntryId) -> String {
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
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("court", 10), "court");
        assert_eq!(shorten("un deux trois quatre", 10), "un deux…");
    }

    #[test]
    fn stems_are_folded_after_stemming_and_numbered_in_order() {
        let indexer = Indexer::default();
        let mut state = indexer.lock();
        let words: Vec<u32> = [
            ("médicales", "medicales"),
            ("médical", "medical"),
            ("avenir", "avenir"),
        ]
        .iter()
        .map(|(lower, folded)| {
            let word = normalize::Word {
                lower: lower.to_string(),
                folded: folded.to_string(),
            };
            let form = state.form(&word).unwrap();
            Found {
                lower: form.lower,
                weight: 1,
                places: score::IN_BODY,
            }
            .packed()
        })
        .collect();
        let path = PathBuf::from("a.md");
        let contribution = Contribution {
            key: 0,
            french: true,
            words,
            length: 3,
            summary: String::new(),
            body: Arc::default(),
        };
        state.docs.insert(path.clone(), contribution);
        drop(state);
        let (vocabulary, docs) = indexer.finish(&[(0, &path)]);
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
        // The two forms of one stem add their weights, once per stem.
        let shared = vocabulary.words["medical"];
        let mut terms = docs[0].terms.clone();
        terms.sort_unstable();
        let expected: Vec<(u32, u8)> = (0..2)
            .map(|stem| {
                let weight = if stem == shared { 2 } else { 1 };
                (stem, score::posting(weight, score::IN_BODY, 3, 3.0))
            })
            .collect();
        assert_eq!(terms, expected);
    }
}
