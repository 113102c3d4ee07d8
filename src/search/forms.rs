//! The word forms a document's runs of letters stand for, numbered.
//!
//! Bodies repeat the same few thousand runs of letters (`L'imagerie`,
//! `santé`…). Each thread keeps the runs it has met, per language, with
//! the numbered forms they normalize to ([`normalize::words`], then the
//! indexer's ids): a run is normalized and numbered once, and a document
//! is then read with one lookup per distinct run and no lock. The
//! numbering itself is the index's [`State`], for the life of the index.

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::{normalize, State};

/// A numbered word form: its lower-case form's id and its folded form's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Form {
    pub(super) lower: u32,
    pub(super) folded: u32,
}

/// The runs a thread has met.
#[derive(Debug, Default)]
struct Known {
    /// The indexer that numbered the forms (its serial number): another
    /// indexer numbers its own.
    owner: u64,
    /// Language → run → its forms.
    runs: HashMap<String, FxHashMap<Box<str>, Box<[Form]>>>,
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::default();
}

/// Calls `each(form, run)` for the forms of every run of `runs` (a run
/// per item, with its data), in language `lang`, as numbered by indexer
/// `owner`; `number` numbers the words of runs met for the first time.
pub(super) fn each<'r, T: Copy>(
    owner: u64,
    lang: &str,
    runs: impl Iterator<Item = (&'r str, T)>,
    number: impl FnOnce(&[(&str, Vec<normalize::Word>)]) -> Vec<Box<[Form]>>,
    mut each: impl FnMut(Form, T),
) {
    KNOWN.with_borrow_mut(|known| {
        if known.owner != owner {
            known.owner = owner;
            known.runs.clear();
        }
        if !known.runs.contains_key(lang) {
            known.runs.insert(lang.to_string(), FxHashMap::default());
        }
        let Some(forms) = known.runs.get_mut(lang) else {
            return;
        };
        let mut new: Vec<(&str, T)> = Vec::new();
        for (run, data) in runs {
            match forms.get(run) {
                Some(found) => found.iter().for_each(|&f| each(f, data)),
                None => new.push((run, data)),
            }
        }
        if new.is_empty() {
            return;
        }
        let words: Vec<(&str, Vec<normalize::Word>)> = new
            .iter()
            .map(|&(run, _)| (run, normalize::words(run, lang)))
            .collect();
        for ((run, data), found) in new.into_iter().zip(number(&words)) {
            found.iter().for_each(|&f| each(f, data));
            forms.insert(run.into(), found);
        }
    });
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
