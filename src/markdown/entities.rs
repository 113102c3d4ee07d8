//! Character references in raw HTML, decoded for the sanitizer (which must
//! check URLs as the browser will read them) and for plain text (summaries,
//! meta descriptions, search).
//!
//! Numeric references are decoded fully. Named ones cover ASCII punctuation
//! (`&colon;` hides a scheme as well as `&#58;` does) and the characters of
//! French and English text; an unknown name stays literal, and since the
//! sanitizer re-escapes every `&` it emits, the browser then reads it literally
//! too: what was checked is what is shown.

use std::borrow::Cow;

#[rustfmt::skip]
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("nbsp", "\u{a0}"),
    ("Tab", "\t"), ("NewLine", "\n"), ("colon", ":"), ("semi", ";"), ("comma", ","),
    ("period", "."), ("sol", "/"), ("bsol", "\\"), ("excl", "!"), ("quest", "?"), ("num", "#"),
    ("lpar", "("), ("rpar", ")"), ("equals", "="), ("plus", "+"), ("dollar", "$"),
    ("percnt", "%"), ("commat", "@"), ("lowbar", "_"), ("ast", "*"), ("grave", "`"),
    ("lsqb", "["), ("rsqb", "]"), ("lcub", "{"), ("rcub", "}"), ("verbar", "|"), ("vert", "|"),
    ("Hat", "^"), ("copy", "©"), ("reg", "®"), ("trade", "™"), ("euro", "€"), ("deg", "°"),
    ("middot", "·"), ("times", "×"), ("divide", "÷"), ("laquo", "«"), ("raquo", "»"),
    ("hellip", "…"), ("mdash", "—"), ("ndash", "–"), ("lsquo", "‘"), ("rsquo", "’"),
    ("ldquo", "“"), ("rdquo", "”"), ("sbquo", "‚"), ("bdquo", "„"), ("bull", "•"),
    ("para", "¶"), ("sect", "§"), ("shy", "\u{ad}"), ("ensp", "\u{2002}"), ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"), ("nnbsp", "\u{202f}"), ("zwj", "\u{200d}"), ("zwnj", "\u{200c}"),
    ("iexcl", "¡"), ("iquest", "¿"), ("cent", "¢"), ("pound", "£"), ("yen", "¥"),
    ("micro", "µ"), ("plusmn", "±"), ("agrave", "à"), ("aacute", "á"), ("acirc", "â"),
    ("atilde", "ã"), ("auml", "ä"), ("aring", "å"), ("aelig", "æ"), ("ccedil", "ç"),
    ("egrave", "è"), ("eacute", "é"), ("ecirc", "ê"), ("euml", "ë"), ("igrave", "ì"),
    ("iacute", "í"), ("icirc", "î"), ("iuml", "ï"), ("ntilde", "ñ"), ("ograve", "ò"),
    ("oacute", "ó"), ("ocirc", "ô"), ("otilde", "õ"), ("ouml", "ö"), ("oslash", "ø"),
    ("oelig", "œ"), ("ugrave", "ù"), ("uacute", "ú"), ("ucirc", "û"), ("uuml", "ü"),
    ("yacute", "ý"), ("yuml", "ÿ"), ("szlig", "ß"), ("Agrave", "À"), ("Aacute", "Á"),
    ("Acirc", "Â"), ("Auml", "Ä"), ("AElig", "Æ"), ("Ccedil", "Ç"), ("Egrave", "È"),
    ("Eacute", "É"), ("Ecirc", "Ê"), ("Euml", "Ë"), ("Icirc", "Î"), ("Iuml", "Ï"),
    ("Ntilde", "Ñ"), ("Ocirc", "Ô"), ("Ouml", "Ö"), ("OElig", "Œ"), ("Ugrave", "Ù"),
    ("Ucirc", "Û"), ("Uuml", "Ü"), ("Yuml", "Ÿ"),
];

/// Decodes the character references in `text`.
pub(super) fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((decoded, used)) => {
                out.push_str(&decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `after` (the text following a `&`), with
/// the number of bytes it used.
fn reference(after: &str) -> Option<(Cow<'static, str>, usize)> {
    if let Some(number) = after.strip_prefix('#') {
        let (value, used) = numeric(number)?;
        let c = char::from_u32(value)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{fffd}');
        return Some((Cow::Owned(c.to_string()), used + 1));
    }
    // Names are short; bounding the search keeps a run of `&` linear.
    let end = after.bytes().take(32).position(|b| b == b';')?;
    let name = &after[..end];
    NAMED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| (Cow::Borrowed(*value), end + 1))
}

/// Parses `123;`, `x7A;` or the same without `;` (browsers accept both).
fn numeric(number: &str) -> Option<(u32, usize)> {
    let (digits, radix, prefix) = match number.strip_prefix(['x', 'X']) {
        Some(hex) => (hex, 16, 1),
        None => (number, 10, 0),
    };
    let len = digits
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if len == 0 {
        return None;
    }
    // Saturate instead of overflowing: anything this large is invalid anyway.
    let value = digits[..len].chars().fold(0u32, |acc, d| {
        acc.saturating_mul(radix)
            .saturating_add(d.to_digit(radix).unwrap_or(0))
    });
    let semicolon = usize::from(digits[len..].starts_with(';'));
    Some((value, prefix + len + semicolon))
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_numeric_references_with_or_without_semicolon() {
        assert_eq!(decode("&#106;&#x61;&#X76;&#97"), "java");
        assert_eq!(decode("&#0000058;"), ":");
        assert_eq!(decode("&#x09;"), "\t");
    }

    #[test]
    fn decodes_named_references() {
        assert_eq!(decode("Sant&eacute; &amp; soins"), "Santé & soins");
        assert_eq!(decode("javascript&colon;x"), "javascript:x");
        assert_eq!(decode("a&Tab;b&NewLine;c"), "a\tb\nc");
    }

    #[test]
    fn leaves_unknown_or_broken_references_literal() {
        assert_eq!(decode("a & b"), "a & b");
        assert_eq!(decode("&nosuch; &amp &#; &#x;"), "&nosuch; &amp &#; &#x;");
        assert_eq!(decode("?a=1&b=2"), "?a=1&b=2");
    }

    #[test]
    fn invalid_code_points_become_replacement_characters() {
        assert_eq!(
            decode("&#0;&#xD800;&#99999999999999999999;"),
            "\u{fffd}\u{fffd}\u{fffd}"
        );
    }
}
