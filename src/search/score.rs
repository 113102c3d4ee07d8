//! How much a word weighs in a document: where it was found (title,
//! the fields shown with it, body) and how often, made into one small
//! number per (stem, document) posting.
//!
//! A posting's value packs three things, so the client ranks with no
//! other file:
//!
//! - bits 0–4, the *level* (1–31): BM25's saturation of the word's
//!   field-weighted frequency, with the body's length as the document
//!   length (`k1` = 1.2, `b` = 0.75);
//! - bits 5–6, the *tier*: 2 if the word is in the title, else 1 if it is
//!   in the summary, tags, other fields or the titles of refs, else 0;
//! - bit 7: the word is also in the body (tiers 1 and 2 only; for tier 0
//!   it goes without saying), so the client knows where to look for an
//!   excerpt.
//!
//! `value & 127` is `32 × tier + level`: any title match outranks any
//! summary or tag match, which outranks any body match, and BM25 orders
//! matches within a tier. Body-only postings (most of them) stay below
//! 32, one base-32 digit.

/// Found in the title.
pub(super) const IN_TITLE: u8 = 1;
/// Found in the summary, the tags, another field or a ref's title.
pub(super) const IN_META: u8 = 2;
/// Found in the body.
pub(super) const IN_BODY: u8 = 4;

/// A place a word can be found, with the weight of one occurrence there
/// (BM25F's field weights: a word of the title counts ten of the body).
#[derive(Debug, Clone, Copy)]
pub(super) struct Field {
    /// What one occurrence weighs.
    pub(super) weight: u32,
    /// Where it is ([`IN_TITLE`]…).
    pub(super) place: u8,
}

/// The title.
pub(super) const TITLE: Field = Field {
    weight: 10,
    place: IN_TITLE,
};
/// A text field (acronym, full name, focus…).
pub(super) const TEXT_FIELD: Field = Field {
    weight: 7,
    place: IN_META,
};
/// A tag.
pub(super) const TAG: Field = Field {
    weight: 5,
    place: IN_META,
};
/// An item of a list field.
pub(super) const LIST: Field = Field {
    weight: 4,
    place: IN_META,
};
/// The title of an entry a ref field points at.
pub(super) const REF: Field = Field {
    weight: 3,
    place: IN_META,
};
/// The summary.
pub(super) const SUMMARY: Field = Field {
    weight: 2,
    place: IN_META,
};
/// The body.
pub(super) const BODY: Field = Field {
    weight: 1,
    place: IN_BODY,
};

/// The largest field-weighted frequency kept: past it BM25's saturation
/// changes the level by less than one step.
pub(super) const MAX_WEIGHT: u32 = 31;

/// The posting value of a word of field-weighted frequency `weight`,
/// found in `places`, in a document whose body has `length` words, where
/// bodies have `average` words.
pub(super) fn posting(weight: u32, places: u8, length: u32, average: f64) -> u8 {
    const K1: f64 = 1.2;
    const B: f64 = 0.75;
    let relative = if average > 0.0 {
        f64::from(length) / average
    } else {
        1.0
    };
    let tf = f64::from(weight.min(MAX_WEIGHT));
    let saturated = tf / (tf + K1 * (1.0 - B + B * relative));
    let level = (31.0 * saturated).round().clamp(1.0, 31.0) as u8;
    let tier = if places & IN_TITLE != 0 {
        2
    } else if places & IN_META != 0 {
        1
    } else {
        0
    };
    let also_in_body = u8::from(tier > 0 && places & IN_BODY != 0);
    level | tier << 5 | also_in_body << 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_outrank_frequency() {
        let average = 300.0;
        let title_once = posting(10, IN_TITLE, 300, average);
        let summary_once = posting(2, IN_META, 300, average);
        let body_often = posting(31, IN_BODY, 300, average);
        assert!(title_once & 127 > summary_once & 127);
        assert!(summary_once & 127 > body_often & 127);
        assert!(body_often < 32, "a body posting fits one digit");
        assert_eq!(posting(10, IN_TITLE | IN_BODY, 300, average) >> 7, 1);
        assert_eq!(title_once >> 7, 0);
    }

    #[test]
    fn levels_saturate_and_favour_short_bodies() {
        let average = 300.0;
        let once = posting(1, IN_BODY, 300, average);
        let thrice = posting(3, IN_BODY, 300, average);
        assert!(thrice > once);
        assert!(posting(1, IN_BODY, 100, average) > posting(1, IN_BODY, 900, average));
        assert!(posting(1_000, IN_BODY, 300, average) <= 31);
        assert!(posting(0, IN_BODY, 300, average) >= 1);
    }
}
