//! YAML reading, kept behind one module so the YAML crate can change.
//!
//! Front matter and `.yaml` entries are parsed here into plain JSON-like
//! values with the position of each top-level key, so later stages can
//! point at the exact line of a faulty field.

use indexmap::IndexMap;
use serde_json::Value;

/// A YAML mapping at the top of a document: each key with its value and
/// the 1-based line (relative to the YAML text) where the key is written.
pub type Mapping = IndexMap<String, (Value, usize)>;

/// A YAML syntax or structure error, located in the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong.
    pub kind: YamlErrorKind,
    /// Byte offset in the YAML text.
    pub offset: usize,
}

/// The kinds of YAML errors an editor is told apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YamlErrorKind {
    /// Not YAML: the parser's own words (in English), without positions.
    Syntax(String),
    /// Aliases (`*name`) expand into more values than a page can hold: a
    /// "billion laughs" document, or a copy-paste gone wrong.
    TooManyAliases,
    /// Lists or mappings nested deeper than any front matter needs.
    TooDeep,
    /// A tab where YAML wants spaces (editors insert them unseen).
    Tab,
    /// The document is a single value, not `key: value` lines.
    NotAMapping,
    /// A key is a list or a mapping, not a name.
    KeyNotAName,
}

/// Parses a YAML document whose top level must be a mapping with text keys.
/// An empty document is an empty mapping.
pub fn parse_mapping(text: &str) -> Result<Mapping, YamlError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
        let detail = e.to_string();
        // yaml_serde names its two safety limits only in its messages.
        let offset = e.location().map_or(0, |l| l.index());
        if detail.starts_with("repetition limit exceeded") {
            // No position given: point at the first alias.
            let offset = first_alias(text).unwrap_or(offset);
            YamlError {
                kind: YamlErrorKind::TooManyAliases,
                offset,
            }
        } else if detail.contains("found a tab character") {
            YamlError {
                kind: YamlErrorKind::Tab,
                offset,
            }
        } else if detail.starts_with("recursion limit exceeded") {
            YamlError {
                kind: YamlErrorKind::TooDeep,
                offset,
            }
        } else {
            YamlError {
                kind: YamlErrorKind::Syntax(clean_message(&detail)),
                offset,
            }
        }
    })?;
    let mapping = match value {
        serde_yaml::Value::Null => return Ok(Mapping::new()),
        serde_yaml::Value::Mapping(m) => m,
        _ => {
            return Err(YamlError {
                kind: YamlErrorKind::NotAMapping,
                offset: 0,
            })
        }
    };
    let mut out = Mapping::with_capacity(mapping.len());
    for (key, value) in mapping {
        let Some(key) = key.as_str().map(str::to_string) else {
            return Err(YamlError {
                kind: YamlErrorKind::KeyNotAName,
                offset: 0,
            });
        };
        let line = key_line(text, &key).unwrap_or(1);
        out.insert(key, (to_json(value), line));
    }
    Ok(out)
}

/// The offset of the first alias (`*name` after a space, `[`, `,` or `:`).
fn first_alias(text: &str) -> Option<usize> {
    text.match_indices('*').map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + 1..].chars().next();
        before.is_some_and(|c| matches!(c, ' ' | '[' | ',' | ':'))
            && after.is_some_and(char::is_alphanumeric)
    })
}

/// Drops the " at line L column C" parts of libyaml's messages: our spans
/// say it better, with the line's text.
fn clean_message(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find(" at line ") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + " at line ".len()..];
        let skip = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(tail.len());
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out
}

/// The 1-based line where a top-level `key:` is written.
fn key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            // Quoted keys are unquoted in place: two strings formatted for
            // every line of every front matter were most of this search.
            let quoted = |q: char| {
                line.strip_prefix(q)
                    .and_then(|rest| rest.strip_prefix(key))
                    .and_then(|rest| rest.strip_prefix(q))
            };
            let unquoted = line
                .strip_prefix(key)
                .or_else(|| quoted('"'))
                .or_else(|| quoted('\''));
            unquoted.is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

/// Converts to JSON values: what templates and exports consume.
fn to_json(value: serde_yaml::Value) -> Value {
    match value {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(b) => Value::Bool(b),
        serde_yaml::Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        serde_yaml::Value::String(s) => Value::String(s),
        serde_yaml::Value::Sequence(items) => {
            Value::Array(items.into_iter().map(to_json).collect())
        }
        serde_yaml::Value::Mapping(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (key_text(k), to_json(v)))
                .collect(),
        ),
        serde_yaml::Value::Tagged(tagged) => to_json(tagged.value),
    }
}

fn key_text(key: serde_yaml::Value) -> String {
    match key {
        serde_yaml::Value::String(s) => s,
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_keep_their_lines() {
        let m = parse_mapping("title: A\n\nfounded: 2013\n\"summary\": B\n'lang' : fr\n")
            .expect("valid");
        assert_eq!(m["title"], (Value::from("A"), 1));
        assert_eq!(m["founded"], (Value::from(2013), 3));
        assert_eq!(m["summary"], (Value::from("B"), 4));
        assert_eq!(m["lang"], (Value::from("fr"), 5));
    }

    #[test]
    fn dates_stay_text() {
        let m = parse_mapping("date: 2025-11-12\n").expect("valid");
        assert_eq!(m["date"].0, Value::from("2025-11-12"));
    }

    #[test]
    fn syntax_errors_are_located() {
        let text = "title: A\ntags: [a, b\nsummary: x\n";
        let e = parse_mapping(text).expect_err("invalid");
        assert!(e.offset > 9, "{e:?}");
        let YamlErrorKind::Syntax(detail) = e.kind else {
            panic!("{e:?}");
        };
        assert!(!detail.contains(" at line "), "{detail}");
    }

    #[test]
    fn alias_bombs_and_deep_nesting_are_told_apart() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g"])
        {
            let items = vec![format!("*{previous}"); 10].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{items}]\n"));
        }
        let e = parse_mapping(&bomb).expect_err("too many aliases");
        assert_eq!(e.kind, YamlErrorKind::TooManyAliases);
        let deep = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
        let e = parse_mapping(&deep).expect_err("too deep");
        assert_eq!(e.kind, YamlErrorKind::TooDeep);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        assert!(parse_mapping("a: 1\na: 2\n").is_err());
    }

    #[test]
    fn scalars_at_top_are_errors() {
        assert!(parse_mapping("just text").is_err());
        assert!(parse_mapping("").expect("empty").is_empty());
    }
}
