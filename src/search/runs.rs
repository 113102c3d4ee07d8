//! Cutting a text into runs of letters (and apostrophes): the words the
//! index counts, before they are folded and stemmed.
//!
//! Every body is cut, 70 MB of text at 10,000 entries, so the cut is
//! made 64 bytes at a time: a block's bytes are classified together into
//! a bit mask (bit `k` set when byte `k` belongs to a run), and runs are
//! read from the mask with bit counts. A byte-by-byte loop stopped twice
//! per word, at places the processor cannot predict, and took twice as
//! long. French accented letters (`é`, `à`, `ç`: two bytes, the first
//! `0xC3`) are classified in the block too; any other non-ASCII character
//! is classified one by one, as `char` does.

use super::normalize;

/// Bytes classified at once: one bit each in a `u64`.
const BLOCK: usize = 64;

/// Calls `each` with every run of letters, digits and apostrophes of
/// `text`, in order; returns how many runs the text has.
pub(super) fn split<'t>(text: &'t str, mut each: impl FnMut(&'t str)) -> u32 {
    let bytes = text.as_bytes();
    let mut count = 0;
    // Where the run still open at the end of the previous block began.
    let mut open: Option<usize> = None;
    // Bytes of the previous block's last character that fall in this
    // block, and whether that character is a letter.
    let mut spill = (0, false);
    let mut base = 0;
    while base < bytes.len() {
        let (mut run, mut other) = block_masks(block_at(bytes, base));
        if spill.0 > 0 {
            let bits = (1u64 << spill.0) - 1;
            other &= !bits;
            if spill.1 {
                run |= bits;
            }
            spill = (0, false);
        }
        // Characters the block could not classify: rare outside French
        // accented letters.
        while other != 0 {
            let at = other.trailing_zeros();
            let (letter, width) = classify(text, base + at as usize);
            let end = at + width;
            let bits = if end >= 64 {
                !0 << at
            } else {
                (1u64 << end) - (1u64 << at)
            };
            other &= !bits;
            if letter {
                run |= bits;
            }
            if end > 64 {
                spill = (end - 64, letter);
            }
        }
        let mut rest = run;
        if let Some(start) = open {
            let length = (!rest).trailing_zeros();
            if length == 64 {
                base += BLOCK;
                continue;
            }
            each(&text[start..base + length as usize]);
            count += 1;
            open = None;
            rest &= !0 << length;
        }
        while rest != 0 {
            let start = rest.trailing_zeros();
            let length = (!(rest >> start)).trailing_zeros();
            if start + length == 64 {
                open = Some(base + start as usize);
                break;
            }
            each(&text[base + start as usize..base + (start + length) as usize]);
            count += 1;
            rest &= !0 << (start + length);
        }
        base += BLOCK;
    }
    if let Some(start) = open {
        each(&text[start..]);
        count += 1;
    }
    count
}

/// The block of `bytes` from `base`, padded with zeros (not part of a
/// run) past the end.
fn block_at(bytes: &[u8], base: usize) -> [u8; BLOCK] {
    match bytes.get(base..base + BLOCK) {
        Some(block) => block.try_into().unwrap_or([0; BLOCK]),
        None => {
            let mut block = [0; BLOCK];
            let rest = bytes.get(base..).unwrap_or_default();
            block[..rest.len()].copy_from_slice(rest);
            block
        }
    }
}

/// Whether the character at byte `i` of `text` can be part of a run, and
/// its width in bytes (1 past the end or inside a character, which the
/// caller never asks).
fn classify(text: &str, i: usize) -> (bool, u32) {
    match text.get(i..).and_then(|rest| rest.chars().next()) {
        Some(c) => (
            c.is_alphanumeric() || normalize::is_apostrophe(c),
            c.len_utf8() as u32,
        ),
        None => (false, 1),
    }
}

/// The masks of a block: bytes known to belong to runs, and non-ASCII
/// bytes left to classify one character at a time.
fn block_masks(block: [u8; BLOCK]) -> (u64, u64) {
    let bytes = Masks::of(block);
    // `0xC3` then a continuation byte: U+00C0–U+00FF, all letters but
    // × and ÷, whose second bytes `latin_tail` leaves out.
    let pairs = bytes.c3 & (bytes.latin_tail >> 1);
    let letters = pairs | pairs << 1;
    (bytes.ascii_run | letters, bytes.non_ascii & !letters)
}

/// One bit per byte of a block, for each class `split` needs.
#[derive(Debug, PartialEq, Eq)]
struct Masks {
    /// ASCII letters, digits and `'`.
    ascii_run: u64,
    /// Bytes from `0x80`.
    non_ascii: u64,
    /// `0xC3`, the first byte of U+00C0–U+00FF.
    c3: u64,
    /// `0x80`–`0xBF` but `0x97` and `0xB7`: the second byte of a letter
    /// after `0xC3`.
    latin_tail: u64,
}

impl Masks {
    fn of(block: [u8; BLOCK]) -> Masks {
        #[cfg(target_arch = "x86_64")]
        {
            Masks::sse2(block)
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            Masks::bytewise(block)
        }
    }

    /// The masks byte by byte: the definition that [`Masks::sse2`] is
    /// tested against, and the code on other processors.
    #[cfg_attr(target_arch = "x86_64", allow(dead_code))]
    fn bytewise(block: [u8; BLOCK]) -> Masks {
        let mut masks = Masks {
            ascii_run: 0,
            non_ascii: 0,
            c3: 0,
            latin_tail: 0,
        };
        for (k, b) in block.into_iter().enumerate() {
            let bit = |set: bool| u64::from(set) << k;
            masks.ascii_run |= bit(b.is_ascii_alphanumeric() || b == b'\'');
            masks.non_ascii |= bit(b >= 0x80);
            masks.c3 |= bit(b == 0xc3);
            masks.latin_tail |= bit((0x80..0xc0).contains(&b) && b != 0x97 && b != 0xb7);
        }
        masks
    }

    /// The masks 16 bytes at a time with SSE2, which every x86-64
    /// processor has: the byte-by-byte loop is not vectorized by the
    /// compiler and took as long as the rest of `split`.
    #[cfg(target_arch = "x86_64")]
    #[allow(unsafe_code)]
    fn sse2(block: [u8; BLOCK]) -> Masks {
        // SAFETY: SSE2 is part of the x86-64 baseline (the target enables
        // it), so the function's only requirement holds on every x86-64
        // processor.
        unsafe { sse2_masks(block) }
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_masks(block: [u8; BLOCK]) -> Masks {
    use std::arch::x86_64::{
        __m128i, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_set_epi64x, _mm_sub_epi8, _mm_xor_si128,
    };
    let mut masks = Masks {
        ascii_run: 0,
        non_ascii: 0,
        c3: 0,
        latin_tail: 0,
    };
    for (k, chunk) in block.chunks_exact(16).enumerate() {
        let half = |at: usize| {
            let mut eight = [0; 8];
            eight.copy_from_slice(&chunk[at..at + 8]);
            i64::from_le_bytes(eight)
        };
        let v = _mm_set_epi64x(half(8), half(0));
        let byte = |b: u8| _mm_set1_epi8(b as i8);
        // `b - low < count` as unsigned bytes: SSE2 compares signed bytes,
        // so both sides are moved by 0x80.
        let within = |low: u8, count: u8| -> __m128i {
            let moved = _mm_xor_si128(_mm_sub_epi8(v, byte(low)), byte(0x80));
            _mm_cmplt_epi8(moved, byte(count ^ 0x80))
        };
        let ascii_run = _mm_or_si128(
            _mm_or_si128(within(b'a', 26), within(b'A', 26)),
            _mm_or_si128(within(b'0', 10), _mm_cmpeq_epi8(v, byte(b'\''))),
        );
        let latin_tail = _mm_andnot_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, byte(0x97)), _mm_cmpeq_epi8(v, byte(0xb7))),
            within(0x80, 0x40),
        );
        let bits = |m: __m128i| u64::from(_mm_movemask_epi8(m) as u16) << (16 * k);
        masks.ascii_run |= bits(ascii_run);
        masks.non_ascii |= bits(v);
        masks.c3 |= bits(_mm_cmpeq_epi8(v, byte(0xc3)));
        masks.latin_tail |= bits(latin_tail);
    }
    masks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::score::{self, Field};
    use rustc_hash::FxHashMap;

    /// Each run of `text` with its summed weight and places.
    fn tally<'t>(found: &mut FxHashMap<&'t str, (u32, u8)>, text: &'t str, field: Field) -> u32 {
        split(text, |run| {
            let entry = found.entry(run).or_default();
            entry.0 += field.weight;
            entry.1 |= field.place;
        })
    }

    /// The runs of a plain split on every character that is neither
    /// alphanumeric nor an apostrophe.
    fn plain(text: &str) -> Vec<&str> {
        text.split(|c: char| !(c.is_alphanumeric() || normalize::is_apostrophe(c)))
            .filter(|w| !w.is_empty())
            .collect()
    }

    #[test]
    fn tally_finds_runs_of_letters_and_apostrophes() {
        let mut runs = FxHashMap::default();
        let count = tally(
            &mut runs,
            "L'imagerie, l’imagerie — santé 2027!",
            score::SUMMARY,
        );
        tally(&mut runs, "santé", score::TITLE);
        let mut found: Vec<(&str, (u32, u8))> = runs.into_iter().collect();
        found.sort_unstable();
        assert_eq!(count, 4);
        assert_eq!(
            found,
            vec![
                ("2027", (2, score::IN_META)),
                ("L'imagerie", (2, score::IN_META)),
                ("l’imagerie", (2, score::IN_META)),
                ("santé", (12, score::IN_META | score::IN_TITLE))
            ]
        );
    }

    #[test]
    fn latin_1_letters_are_told_from_signs_as_char_does() {
        for c in '\u{a0}'..='\u{17f}' {
            let text = format!("a{c}b");
            let runs = split(&text, |_| {});
            let expected = if c.is_alphanumeric() { 1 } else { 2 };
            assert_eq!(runs, expected, "{c:?} (U+{:04X})", c as u32);
        }
    }

    #[test]
    fn runs_and_characters_across_block_edges_are_whole() {
        // A run, an accented letter and a three-byte apostrophe over the
        // 64th and 128th bytes, and a run that ends the text.
        for shift in 0..8 {
            let text = format!(
                "{}santé publique{}l’équipe — fin{}É",
                " ".repeat(56 + shift),
                "x".repeat(52),
                "\u{a0}"
            );
            let mut found = Vec::new();
            let count = split(&text, |run| found.push(run));
            assert_eq!(found, plain(&text), "shift {shift}");
            assert_eq!(count as usize, found.len());
        }
    }

    #[cfg(target_arch = "x86_64")]
    proptest::proptest! {
        /// The vector masks are those of the byte-by-byte definition, for
        /// any bytes (UTF-8 or not).
        #[test]
        fn vector_masks_are_the_bytewise_ones(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, BLOCK),
        ) {
            let block: [u8; BLOCK] = bytes.try_into().unwrap();
            proptest::prop_assert_eq!(Masks::sse2(block), Masks::bytewise(block));
        }
    }

    proptest::proptest! {
        /// The runs are those of a plain split, counted each time they
        /// occur, whatever the text: short texts, and texts of several
        /// blocks.
        #[test]
        fn runs_are_the_words_of_a_plain_split(
            text in "([a-zA-Z0-9'’ ,.éÉàçœ×÷—-]|\\PC){0,80}",
            long in "([a-z' ,.éàç×—\u{a0}]|\\PC){0,400}",
        ) {
            for text in [&text, &long] {
                let words = plain(text);
                let mut expected: Vec<(&str, (u32, u8))> = Vec::new();
                for w in &words {
                    match expected.iter_mut().find(|(e, _)| e == w) {
                        Some((_, (weight, _))) => *weight += 1,
                        None => expected.push((w, (1, score::IN_BODY))),
                    }
                }
                expected.sort_unstable();
                let mut runs = FxHashMap::default();
                let count = tally(&mut runs, text, score::BODY);
                let mut found: Vec<(&str, (u32, u8))> = runs.into_iter().collect();
                found.sort_unstable();
                proptest::prop_assert_eq!(count as usize, words.len());
                proptest::prop_assert_eq!(found, expected);
            }
        }
    }
}
