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
    pub message: String,
    /// Byte offset in the YAML text.
    pub offset: usize,
}

/// Parses a YAML document whose top level must be a mapping with text keys.
/// An empty document is an empty mapping.
pub fn parse_mapping(text: &str) -> Result<Mapping, YamlError> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| YamlError {
        message: clean_message(&e.to_string()),
        offset: e.location().map_or(0, |l| l.index()),
    })?;
    let mapping = match value {
        serde_yaml::Value::Null => return Ok(Mapping::new()),
        serde_yaml::Value::Mapping(m) => m,
        _ => {
            return Err(YamlError {
                message: "expected `key: value` lines, found a single value".into(),
                offset: 0,
            })
        }
    };
    let mut out = Mapping::with_capacity(mapping.len());
    for (key, value) in mapping {
        let Some(key) = key.as_str().map(str::to_string) else {
            return Err(YamlError {
                message: "every key must be a name".into(),
                offset: 0,
            });
        };
        let line = key_line(text, &key).unwrap_or(1);
        out.insert(key, (to_json(value), line));
    }
    Ok(out)
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
            let unquoted = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
                .or_else(|| line.strip_prefix(&format!("'{key}'")));
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
        let m = parse_mapping("title: A\n\nfounded: 2013\n").expect("valid");
        assert_eq!(m["title"], (Value::from("A"), 1));
        assert_eq!(m["founded"], (Value::from(2013), 3));
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
        assert!(!e.message.contains(" at line "), "{}", e.message);
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
