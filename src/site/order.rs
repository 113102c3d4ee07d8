//! The order of entries in lists: by date (newest first), weight or title,
//! with title and slug breaking ties so it never depends on threads. Each
//! entry's sort key is made once per model, not once per comparison or per
//! list it appears in.

use std::cmp::Ordering;
use std::sync::Arc;

use rayon::prelude::*;

use super::EntryId;
use crate::config::SortBy;
use crate::content::Document;

/// One entry's sort key.
#[derive(Debug, Clone)]
struct Key {
    /// Minus the date's timestamp (newest first); entries without a date last.
    newest: i64,
    /// `weight`; entries without one last.
    weight: i64,
    /// The title, folded as a slug, so case and accents do not sort apart.
    title: String,
}

/// The sort keys of every document of a model, by [`EntryId`].
#[derive(Debug, Clone, Default)]
pub struct Order(Vec<Key>);

impl Order {
    /// The keys of `documents`, made in parallel.
    pub fn new(documents: &[Arc<Document>]) -> Order {
        Order(
            documents
                .par_iter()
                .map(|doc| Key {
                    newest: doc.date.map_or(i64::MAX, |d| -d.timestamp()),
                    weight: doc.weight.unwrap_or(i64::MAX),
                    title: crate::slug::slugify(&doc.title),
                })
                .collect(),
        )
    }

    /// Sorts `ids` (entries of `documents`) for a list sorted `by`.
    pub fn sort(&self, documents: &[Arc<Document>], ids: &mut [EntryId], by: SortBy) {
        ids.sort_by(|&a, &b| self.compare(documents, a, b, by));
    }

    fn compare(&self, documents: &[Arc<Document>], a: EntryId, b: EntryId, by: SortBy) -> Ordering {
        let (ka, kb) = (&self.0[a], &self.0[b]);
        let primary = match by {
            SortBy::Title => Ordering::Equal,
            SortBy::Date => ka.newest.cmp(&kb.newest),
            SortBy::Weight => ka.weight.cmp(&kb.weight),
        };
        primary
            .then_with(|| ka.title.cmp(&kb.title))
            .then_with(|| documents[a].slug.cmp(&documents[b].slug))
    }
}
