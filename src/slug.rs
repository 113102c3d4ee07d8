//! Slugs: the URL-safe names of entries, terms and headings.
//!
//! One normalization serves every place a name becomes part of a URL, so a
//! file called `Santé Numérique.md` and a tag `santé numérique` agree.

use unicode_normalization::UnicodeNormalization;

/// Normalizes free text into a slug: lower-cased, accents folded
/// (`santé` → `sante`, `œ` → `oe`), every other run of characters → `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = Slug::with_capacity(text.len());
    // Only ASCII letters and digits are kept, and decomposing never moves
    // them: each character can be folded alone, and most, being ASCII,
    // need no folding (decomposing whole titles and headings was 2 % of a
    // build's instructions).
    for c in text.chars() {
        if c.is_ascii() {
            slug.push(c);
        } else {
            fold_char(c).for_each(|c| slug.push(c));
        }
    }
    slug.out
}

/// A slug being written from folded characters: ASCII letters and digits
/// lower-cased, every other run of characters one `-` between them.
#[derive(Default)]
struct Slug {
    out: String,
    pending_dash: bool,
}

impl Slug {
    fn with_capacity(bytes: usize) -> Slug {
        Slug {
            out: String::with_capacity(bytes),
            pending_dash: false,
        }
    }

    fn push(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            if self.pending_dash && !self.out.is_empty() {
                self.out.push('-');
            }
            self.pending_dash = false;
            self.out.push(c.to_ascii_lowercase());
        } else {
            self.pending_dash = true;
        }
    }
}

/// Whether an editor-written `slug:` is already in its normal form.
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Folds accents and ligatures away, keeping every other character.
pub(crate) fn fold(text: &str) -> impl Iterator<Item = char> + '_ {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(expand_ligature)
}

/// [`fold`] of one character.
fn fold_char(c: char) -> impl Iterator<Item = char> {
    std::iter::once(c)
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(expand_ligature)
}

fn expand_ligature(c: char) -> impl Iterator<Item = char> {
    let pair: &[char] = match c {
        'œ' => &['o', 'e'],
        'Œ' => &['O', 'E'],
        'æ' => &['a', 'e'],
        'Æ' => &['A', 'E'],
        'ß' => &['s', 's'],
        'ø' => &['o'],
        'Ø' => &['O'],
        'đ' => &['d'],
        'ł' => &['l'],
        'Ł' => &['L'],
        _ => return Expansion::One(Some(c)),
    };
    Expansion::Many(pair.iter())
}

enum Expansion {
    One(Option<char>),
    Many(std::slice::Iter<'static, char>),
}

impl Iterator for Expansion {
    type Item = char;
    fn next(&mut self) -> Option<char> {
        match self {
            Expansion::One(c) => c.take(),
            Expansion::Many(it) => it.next().copied(),
        }
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_ligatures() {
        assert_eq!(slugify("Santé"), "sante");
        assert_eq!(slugify("Cœur-Poumon"), "coeur-poumon");
        assert_eq!(slugify("Straße"), "strasse");
    }

    #[test]
    fn runs_of_other_characters_become_one_dash() {
        assert_eq!(slugify("Aqua.Marins"), "aqua-marins");
        assert_eq!(slugify("  L'imagerie -- médicale !"), "l-imagerie-medicale");
        assert_eq!(slugify("../etc/passwd"), "etc-passwd");
    }

    proptest::proptest! {
        /// Folding character by character gives the slug of the whole
        /// text folded at once, whatever the text (ligatures, compatibility
        /// forms such as `ﬁ` or `①`, combining marks in any order).
        #[test]
        fn slugs_are_those_of_the_whole_text_folded(
            text in "([a-zA-Z0-9 .'-]|[éèÉœŒæßøłﬁ①ᵃ²]|[\u{300}-\u{36f}\u{5b0}-\u{5c7}]|\\PC){0,40}",
        ) {
            let mut expected = Slug::default();
            fold(&text).for_each(|c| expected.push(c));
            proptest::prop_assert_eq!(slugify(&text), expected.out);
        }
    }

    #[test]
    fn explicit_slugs_must_be_normal() {
        assert!(is_valid("aqua-marins"));
        assert!(!is_valid("a/b"));
        assert!(!is_valid(".."));
        assert!(!is_valid("Caps"));
        assert!(!is_valid(""));
    }
}
