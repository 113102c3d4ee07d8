//! The word forms a document's runs of letters stand for, numbered, with
//! their weight in the document.
//!
//! Bodies repeat the same few thousand runs of letters (`L'imagerie`,
//! `santé`…). Each thread keeps the runs it has met, per language, with
//! the numbered forms they normalize to ([`normalize::words`], then the
//! indexer's ids): a run is normalized and numbered once. A document is
//! read with one lookup per occurrence of a run, which also adds up the
//! run's weight in the document, and no lock. The numbering itself is the
//! index's [`State`], for the life of the index.

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::runs;
use super::score::Field;
use super::{normalize, State};

/// A numbered word form: its lower-case form's id and its folded form's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Form {
    pub(super) lower: u32,
    pub(super) folded: u32,
}

/// A run a thread has met, with what the document being read gives it.
#[derive(Debug, Default)]
struct Run {
    /// The forms it normalizes to (none for stop words).
    forms: Box<[Form]>,
    /// The document last found to hold it (the thread's count).
    document: u64,
    /// Its summed weight in that document.
    weight: u32,
    /// Where that document has it ([`super::score::IN_TITLE`]…).
    places: u8,
}

/// The runs a thread has met in one language.
#[derive(Debug, Default)]
struct Runs {
    ids: FxHashMap<Box<str>, u32>,
    runs: Vec<Run>,
}

/// The runs a thread has met.
#[derive(Debug, Default)]
struct Known {
    /// The indexer that numbered the forms (its serial number): another
    /// indexer numbers its own.
    owner: u64,
    /// Documents read by this thread, which tells one from the next.
    documents: u64,
    /// Per language.
    languages: HashMap<String, Runs>,
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::default();
}

/// Reads the `texts` of one document (each with the field it is), in
/// language `lang`, as numbered by indexer `owner`: calls `each(form,
/// weight, places)` once per run of letters the document holds, for each
/// of its forms, with the run's weight summed over the document and the
/// places it was found. `number` numbers the words of runs met for the
/// first time. Returns how many runs each text has.
pub(super) fn each<'t>(
    owner: u64,
    lang: &str,
    texts: &[(&'t str, Field)],
    number: impl FnOnce(&[(&str, Vec<normalize::Word>)]) -> Vec<Box<[Form]>>,
    mut each: impl FnMut(Form, u32, u8),
) -> Vec<u32> {
    KNOWN.with_borrow_mut(|known| {
        if known.owner != owner {
            known.owner = owner;
            known.languages.clear();
        }
        known.documents += 1;
        let document = known.documents;
        if !known.languages.contains_key(lang) {
            known.languages.insert(lang.to_string(), Runs::default());
        }
        let Some(Runs { ids, runs }) = known.languages.get_mut(lang) else {
            return Vec::new();
        };
        let mut touched: Vec<u32> = Vec::new();
        let mut new: Vec<(u32, &'t str)> = Vec::new();
        let mut counts = Vec::with_capacity(texts.len());
        for &(text, field) in texts {
            counts.push(runs::split(text, |text_run| {
                let id = match ids.get(text_run) {
                    Some(&id) => id,
                    None => {
                        let id = runs.len() as u32;
                        runs.push(Run::default());
                        ids.insert(text_run.into(), id);
                        new.push((id, text_run));
                        id
                    }
                };
                let run = &mut runs[id as usize];
                if run.document != document {
                    *run = Run {
                        forms: std::mem::take(&mut run.forms),
                        document,
                        weight: 0,
                        places: 0,
                    };
                    touched.push(id);
                }
                run.weight += field.weight;
                run.places |= field.place;
            }));
        }
        if !new.is_empty() {
            let words: Vec<(&str, Vec<normalize::Word>)> = new
                .iter()
                .map(|&(_, run)| (run, normalize::words(run, lang)))
                .collect();
            for ((id, _), forms) in new.iter().zip(number(&words)) {
                runs[*id as usize].forms = forms;
            }
        }
        for id in touched {
            let run = &runs[id as usize];
            for &form in &run.forms {
                each(form, run.weight, run.places);
            }
        }
        counts
    })
}

impl State {
    /// The numbered forms of a word (numbered now if new); `None` past 16
    /// million distinct forms.
    pub(super) fn form(&mut self, word: &normalize::Word) -> Option<Form> {
        let lower = self.lower_id(&word.lower, &word.folded)?;
        Some(Form {
            lower,
            folded: self.folded_of[lower as usize],
        })
    }

    /// The id of a lower-case form (numbered now if new); `None` past 16
    /// million distinct forms (ids must fit in 24 bits), which are left
    /// out of the index.
    fn lower_id(&mut self, lower: &str, folded: &str) -> Option<u32> {
        if let Some(&id) = self.lower_ids.get(lower) {
            return Some(id);
        }
        if self.lowers.len() >= 1 << 24 {
            return None;
        }
        let folded_id = match self.folded_ids.get(folded) {
            Some(&id) => id,
            None => {
                let id = self.folded.len() as u32;
                self.folded_ids.insert(folded.to_string(), id);
                self.folded.push(folded.to_string());
                id
            }
        };
        let id = self.lowers.len() as u32;
        self.lower_ids.insert(lower.to_string(), id);
        self.lowers.push(lower.to_string());
        self.folded_of.push(folded_id);
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::score;

    /// The (folded form, weight, places) a document's texts give, and the
    /// runs of each text, numbered by `state` for indexer `owner`.
    fn read(
        state: &mut State,
        owner: u64,
        texts: &[(&str, Field)],
    ) -> (Vec<(String, u32, u8)>, Vec<u32>) {
        let mut found = Vec::new();
        let number = |new: &[(&str, Vec<normalize::Word>)]| {
            new.iter()
                .map(|(_, words)| words.iter().filter_map(|w| state.form(w)).collect())
                .collect()
        };
        let mut forms = Vec::new();
        let counts = each(owner, "fr", texts, number, |form, weight, places| {
            forms.push((form, weight, places));
        });
        for (form, weight, places) in forms {
            found.push((state.folded[form.folded as usize].clone(), weight, places));
        }
        found.sort();
        (found, counts)
    }

    #[test]
    fn weights_add_up_within_a_document_and_start_again_with_the_next() {
        let mut state = State::default();
        let owner = u64::MAX - 1;
        let (first, counts) = read(
            &mut state,
            owner,
            &[
                ("Santé publique", score::TITLE),
                ("La santé, la santé.", score::BODY),
            ],
        );
        assert_eq!(counts, vec![2, 4]);
        // "La" and "la" are stop words: runs with no form. "santé" is
        // summed over its two occurrences; "Santé" is another run.
        assert_eq!(
            first,
            vec![
                ("publique".to_string(), 10, score::IN_TITLE),
                ("sante".to_string(), 2, score::IN_BODY),
                ("sante".to_string(), 10, score::IN_TITLE),
            ]
        );
        let (second, _) = read(&mut state, owner, &[("santé", score::BODY)]);
        assert_eq!(second, vec![("sante".to_string(), 1, score::IN_BODY)]);
        // Runs written two ways are two runs of one form, each counted
        // from zero in this document.
        let (third, _) = read(&mut state, owner, &[("Santé santé", score::BODY)]);
        assert_eq!(
            third,
            vec![
                ("sante".to_string(), 1, score::IN_BODY),
                ("sante".to_string(), 1, score::IN_BODY)
            ]
        );
    }
}
