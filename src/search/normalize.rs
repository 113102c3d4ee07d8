//! Words as search sees them, the same at build time and in the browser.
//!
//! Text is lower-cased, accents and ligatures folded (`Œuvre` → `oeuvre`),
//! French elisions dropped (`l'imagerie` → `imagerie`), split into words,
//! and stop words and one-letter words left out. The browser client does
//! exactly this and nothing more (`tests/search/vectors.json` holds both
//! sides to it); stemming happens only here, at build time.

use unicode_normalization::UnicodeNormalization;

/// Elided French words, before an apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

/// French stop words, folded.
pub const STOP_WORDS_FR: &[&str] = &[
    "a", "ai", "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle",
    "elles", "en", "est", "et", "etre", "il", "ils", "je", "la", "le", "les", "leur", "leurs",
    "lui", "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on",
    "ont", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "son", "sont", "sur",
    "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
];

/// English stop words, folded.
pub const STOP_WORDS_EN: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have",
    "he", "her", "his", "i", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she",
    "that", "the", "their", "them", "they", "this", "to", "was", "we", "were", "which", "who",
    "will", "with", "you", "your",
];

/// The stop words of a language (none for languages without a list).
pub fn stop_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "fr" => STOP_WORDS_FR,
        "en" => STOP_WORDS_EN,
        _ => &[],
    }
}

/// A word of the text: lower-cased as written (what the stemmer wants)
/// and folded (what the browser looks up).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower-cased, accents kept.
    pub lower: String,
    /// Lower-cased, accents folded.
    pub folded: String,
}

/// Folds one word: lower case, no accents, ligatures expanded.
pub fn fold(word: &str) -> String {
    crate::slug::fold(&word.to_lowercase()).collect()
}

/// The words of `text` in language `lang`, stop words left out.
pub fn words(text: &str, lang: &str) -> Vec<Word> {
    let stop = stop_words(lang);
    let mut out = Vec::new();
    let compatible: String = text.nfkc().collect();
    for run in compatible.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c))) {
        let lower = run.to_lowercase();
        for part in without_elision(&lower).split(is_apostrophe) {
            let folded = fold(part);
            if folded.chars().count() < 2
                || stop.contains(&folded.as_str())
                || !folded.chars().all(char::is_alphanumeric)
            {
                continue;
            }
            out.push(Word {
                lower: part.to_string(),
                folded,
            });
        }
    }
    out
}

/// The apostrophes of elisions (`l'`, `l’`).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// `l'imagerie` → `imagerie`; other words unchanged.
fn without_elision(word: &str) -> &str {
    match word.split_once(is_apostrophe) {
        Some((head, rest)) if ELISIONS.contains(&head) => rest.trim_start_matches(is_apostrophe),
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The vectors the JavaScript client is tested against too.
    #[test]
    fn shared_vectors() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/vectors.json");
        let text = std::fs::read_to_string(path).expect("vectors file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let vectors = json["vectors"].as_array().expect("a list");
        assert!(vectors.len() >= 10);
        for v in vectors {
            let (lang, input) = (
                v["lang"].as_str().unwrap_or(""),
                v["input"].as_str().unwrap_or(""),
            );
            let expected: Vec<&str> = v["words"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|w| w.as_str())
                .collect();
            let got: Vec<String> = words(input, lang).into_iter().map(|w| w.folded).collect();
            assert_eq!(got, expected, "{lang}: {input:?}");
        }
    }

    #[test]
    fn lower_form_keeps_accents_for_the_stemmer() {
        let w = words("Médicales", "fr");
        assert_eq!(w[0].lower, "médicales");
        assert_eq!(w[0].folded, "medicales");
    }

    #[test]
    fn stop_word_lists_are_folded_and_sorted() {
        for list in [STOP_WORDS_FR, STOP_WORDS_EN] {
            for pair in list.windows(2) {
                assert!(pair[0] < pair[1], "{pair:?}");
            }
            assert!(list.iter().all(|w| fold(w) == *w));
        }
    }
}
