//! The tokenizer of the raw-HTML filter: one piece of HTML into text,
//! start tags (with their attributes, parsed as HTML5 does), end tags and
//! ignored bits (comments, doctypes).

pub(in crate::markdown) enum Token<'s> {
    Text(&'s str),
    Start(StartTag<'s>),
    End(String),
    /// Comments, doctypes, processing instructions: dropped.
    Ignored,
}

pub(in crate::markdown) struct StartTag<'s> {
    pub(in crate::markdown) name: String,
    pub(in crate::markdown) attrs: Vec<Attr<'s>>,
    /// Ends with `/>`.
    pub(in crate::markdown) self_closing: bool,
}

pub(in crate::markdown) struct Attr<'s> {
    pub(in crate::markdown) name: String,
    /// The raw (still entity-encoded) value, without quotes.
    pub(in crate::markdown) value: Option<&'s str>,
    pub(in crate::markdown) value_at: std::ops::Range<usize>,
}

/// Reads the token starting at byte `pos` (always a char boundary: the
/// tokenizer only stops on ASCII bytes) and returns it with the next position.
pub(in crate::markdown) fn next_token(s: &str, pos: usize) -> (Token<'_>, usize) {
    let rest = &s[pos..];
    if !rest.starts_with('<') {
        let end = rest.find('<').map_or(s.len(), |i| pos + i);
        return (Token::Text(&s[pos..end]), end);
    }
    if rest.starts_with("<!--") {
        let end = rest
            .get(4..)
            .and_then(|r| r.find("-->"))
            .map_or(s.len(), |i| pos + 4 + i + 3);
        return (Token::Ignored, end);
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = rest.find('>').map_or(s.len(), |i| pos + i + 1);
        return (Token::Ignored, end);
    }
    let bytes = rest.as_bytes();
    let parsed = match bytes.get(1) {
        Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => end_tag(s, pos),
        Some(b) if b.is_ascii_alphabetic() => start_tag(s, pos),
        _ => return (Token::Text("<"), pos + 1),
    };
    // A tag left unfinished runs to the end of the piece (browsers drop it);
    // showing it as text is as safe and keeps the scan linear.
    parsed.unwrap_or((Token::Text(rest), s.len()))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Index of the first byte at or after `from` that satisfies `stop`.
fn scan(s: &str, from: usize, stop: impl Fn(u8) -> bool) -> usize {
    s.as_bytes()[from..]
        .iter()
        .position(|&b| stop(b))
        .map_or(s.len(), |i| from + i)
}

fn end_tag(s: &str, pos: usize) -> Option<(Token<'_>, usize)> {
    let name_end = scan(s, pos + 2, |b| is_space(b) || b == b'/' || b == b'>');
    let close = s[name_end..].find('>')? + name_end;
    Some((
        Token::End(s[pos + 2..name_end].to_ascii_lowercase()),
        close + 1,
    ))
}

/// Parses `<name attr=value ...>` as HTML5 does; `None` when the tag is not
/// finished within the piece, which then reads as text.
fn start_tag(s: &str, pos: usize) -> Option<(Token<'_>, usize)> {
    let b = s.as_bytes();
    let mut i = scan(s, pos + 1, |c| is_space(c) || c == b'/' || c == b'>');
    let name = s[pos + 1..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    loop {
        i = scan(s, i, |c| !is_space(c) && c != b'/');
        match b.get(i)? {
            b'>' => {
                let self_closing = b.get(i.wrapping_sub(1)) == Some(&b'/');
                let tag = StartTag {
                    name,
                    attrs,
                    self_closing,
                };
                return Some((Token::Start(tag), i + 1));
            }
            _ => {
                let name_end = scan(s, i + 1, |c| is_space(c) || matches!(c, b'/' | b'>' | b'='));
                let attr_name = s[i..name_end].to_ascii_lowercase();
                let (value, value_at, next) = attribute_value(s, name_end)?;
                attrs.push(Attr {
                    name: attr_name,
                    value,
                    value_at,
                });
                i = next;
            }
        }
    }
}

/// Reads an optional `= value` after an attribute name at `from`.
fn attribute_value(s: &str, from: usize) -> Option<(Option<&str>, std::ops::Range<usize>, usize)> {
    let b = s.as_bytes();
    let eq = scan(s, from, |c| !is_space(c));
    if b.get(eq) != Some(&b'=') {
        return Some((None, from..from, from));
    }
    let start = scan(s, eq + 1, |c| !is_space(c));
    match b.get(start)? {
        quote @ (b'"' | b'\'') => {
            let len = s[start + 1..].find(*quote as char)?;
            let at = start + 1..start + 1 + len;
            Some((Some(&s[at.clone()]), at, start + len + 2))
        }
        _ => {
            let end = scan(s, start, |c| is_space(c) || c == b'>');
            Some((Some(&s[start..end]), start..end, end))
        }
    }
}
