//! The word forms a document's runs of letters stand for, numbered.
//!
//! Bodies repeat the same few thousand runs of letters (`L'imagerie`,
//! `santé`…). Each thread keeps the runs it has met, per language, with
//! the numbered forms they normalize to ([`normalize::words`], then the
//! indexer's ids): a run is normalized and numbered once, and a document
//! is then read with one lookup per distinct run and no lock.

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::normalize;

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
