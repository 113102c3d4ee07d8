//! The passages excerpts are cut from: each document's body text, plain
//! (no markup: it is the text the Markdown renderer collected), in at most
//! two files, `search/e/<n>-0.js` with about the first [`HEAD`] bytes and
//! `search/e/<n>-1.js` with the rest.
//!
//! Only the results shown load them, once typing pauses: the head first,
//! and the rest only when a word the postings place in the body is not in
//! the head. Parts end between words, so never inside a word or a
//! multi-byte character.

use std::fmt::Write as _;

/// Bytes of text in a head, about 220 words: enough to hold most matches
/// of a short page, little to download for eight results.
const HEAD: usize = 1_600;
/// A text up to this long is not split: a second request for a few words
/// would cost more than it saves.
const WHOLE: usize = 2_400;

/// Whether a byte of text must be escaped in a JSON string.
fn needs_escape(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < b' '
}

/// The parts of a body text: none for an empty body, the text whole up to
/// [`WHOLE`] bytes, else a head of at most [`HEAD`] bytes ended at a space
/// and the rest.
pub(super) fn parts(text: &str) -> Vec<&str> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    if text.len() <= WHOLE {
        return vec![text];
    }
    // A space is one byte in UTF-8: the bytes on both sides of it are
    // whole characters.
    match text.as_bytes()[..=HEAD].iter().rposition(|&b| b == b' ') {
        Some(cut) if cut > 0 => vec![&text[..cut], &text[cut + 1..]],
        // One word of more than HEAD bytes: not worth a cut.
        _ => vec![text],
    }
}

/// The script of part `part` of document `n`.
pub(super) fn script(n: usize, part: usize, text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 48);
    let _ = write!(out, "parvisSearch.text({n},{part},\"");
    // Escaped as a JSON string: quotes, backslashes, control characters.
    // Text rarely holds one, so runs without are copied whole.
    let mut rest = text;
    // They are ASCII: a byte found is a whole character.
    while let Some(at) = crate::scan::first(rest.as_bytes(), needs_escape) {
        out.push_str(&rest[..at]);
        match rest.as_bytes()[at] {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b => {
                let _ = write!(out, "\\u{b:04x}");
            }
        }
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push_str("\");\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_found_past_the_first_block() {
        // Characters to escape before, on and after 32-byte block edges.
        let mut text = String::new();
        for i in 0..200 {
            text.push(match i % 37 {
                0 => '"',
                11 => '\\',
                31 => '\u{1}',
                _ => 'é',
            });
        }
        let script = script(0, 0, &text);
        let json = script
            .strip_prefix("parvisSearch.text(0,0,")
            .and_then(|s| s.strip_suffix(");\n"))
            .unwrap();
        assert_eq!(serde_json::from_str::<String>(json).unwrap(), text);
    }

    #[test]
    fn short_texts_stay_whole_and_empty_ones_have_no_part() {
        assert_eq!(parts(""), Vec::<&str>::new());
        assert_eq!(parts("  "), Vec::<&str>::new());
        assert_eq!(parts("Un texte court."), vec!["Un texte court."]);
    }

    #[test]
    fn long_texts_are_cut_between_words() {
        // Two-byte characters everywhere: a cut at a fixed byte would
        // split one.
        let text = "é".repeat(7) + " " + &"données santé ".repeat(300);
        let parts = parts(text.trim());
        assert_eq!(parts.len(), 2);
        assert!(parts[0].len() <= HEAD);
        assert!(!parts[0].ends_with(' ') && !parts[1].starts_with(' '));
        assert_eq!(format!("{} {}", parts[0], parts[1]), text.trim());
        assert!(parts[0].ends_with("santé") || parts[0].ends_with("données"));
    }

    #[test]
    fn one_huge_word_is_not_cut() {
        let word = "a".repeat(WHOLE + 10);
        assert_eq!(parts(&word), vec![word.as_str()]);
    }

    #[test]
    fn scripts_escape_quotes_and_keep_text_plain() {
        assert_eq!(
            script(3, 0, "Il a dit \"oui\" \\ non"),
            "parvisSearch.text(3,0,\"Il a dit \\\"oui\\\" \\\\ non\");\n"
        );
        // The same string as JSON writes it, controls included.
        let text = "a\u{1}b\tc « é » \u{2028} 😀";
        let script = script(0, 1, text);
        let json = script
            .strip_prefix("parvisSearch.text(0,1,")
            .and_then(|s| s.strip_suffix(");\n"))
            .unwrap();
        assert_eq!(serde_json::from_str::<String>(json).unwrap(), text);
    }
}
