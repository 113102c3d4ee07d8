//! Suggestions for a misspelt field name (`site:` → `website`).
//!
//! Names alone mislead: `site` is as close to `stage` as to `website`. The
//! written value says more, so only fields whose type could hold it are
//! candidates (an address suggests address fields), and a name written
//! inside a candidate's name (`site` in `website`) counts as close.

use serde_json::Value;

use super::schema::EntryDate;
use crate::config::FieldType;

/// What a written value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Nothing,
    Url,
    Email,
    Date,
    Bool,
    Number,
    List,
    Map,
    Text,
}

impl Shape {
    fn of(value: &Value) -> Shape {
        match value {
            Value::Null => Shape::Nothing,
            Value::Bool(_) => Shape::Bool,
            Value::Number(_) => Shape::Number,
            Value::Array(_) => Shape::List,
            Value::Object(_) => Shape::Map,
            Value::String(s) => {
                let s = s.trim();
                let lower = s.to_ascii_lowercase();
                if lower.starts_with("http://")
                    || lower.starts_with("https://")
                    || lower.starts_with("www.")
                {
                    Shape::Url
                } else if s.contains('@') && !s.contains(char::is_whitespace) {
                    Shape::Email
                } else if EntryDate::parse(s).is_some() {
                    Shape::Date
                } else {
                    Shape::Text
                }
            }
        }
    }

    /// Whether a field of type `kind` could hold a value of this shape.
    fn fits(self, kind: FieldType) -> bool {
        use FieldType as T;
        match self {
            Shape::Nothing => true,
            Shape::Url => matches!(kind, T::Url | T::String | T::Markdown),
            Shape::Email => matches!(kind, T::Email | T::String | T::Markdown),
            Shape::Date => matches!(kind, T::Date | T::String | T::Markdown),
            Shape::Bool => kind == T::Bool,
            Shape::Number => matches!(kind, T::Int | T::Year | T::String | T::Markdown),
            Shape::List => matches!(kind, T::List | T::Refs),
            Shape::Map => false,
            Shape::Text => !matches!(
                kind,
                T::Bool | T::Int | T::Year | T::Date | T::Url | T::Email
            ),
        }
    }

    /// The type made for this shape, preferred among those that fit.
    fn own_kind(self) -> Option<FieldType> {
        match self {
            Shape::Url => Some(FieldType::Url),
            Shape::Email => Some(FieldType::Email),
            Shape::Date => Some(FieldType::Date),
            _ => None,
        }
    }
}

/// The known field most likely meant by the unknown `key` written with
/// `value`, among `(name, type)` candidates.
pub(super) fn field<'a>(
    key: &str,
    value: &Value,
    candidates: impl IntoIterator<Item = (&'a str, FieldType)>,
) -> Option<&'a str> {
    let shape = Shape::of(value);
    candidates
        .into_iter()
        .filter(|(_, kind)| shape.fits(*kind))
        .map(|(name, kind)| {
            let bonus = if shape.own_kind() == Some(kind) {
                0.05
            } else {
                0.0
            };
            (closeness(key, name) + bonus, name)
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

/// How close two names are, from 0 to 1: Jaro-Winkler, or more when one
/// contains the other (`site` and `website`).
fn closeness(key: &str, name: &str) -> f64 {
    let (key, name) = (key.to_lowercase(), name.to_lowercase());
    let (short, long) = if key.len() <= name.len() {
        (&key, &name)
    } else {
        (&name, &key)
    };
    let similar = strsim::jaro_winkler(&key, &name);
    if short.chars().count() >= 3 && long.contains(short.as_str()) {
        let ratio = short.len() as f64 / long.len() as f64;
        similar.max(0.9 + 0.09 * ratio)
    } else {
        similar
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FieldType as T;

    const STARTUP: [(&str, FieldType); 7] = [
        ("title", T::String),
        ("slug", T::String),
        ("website", T::Url),
        ("stage", T::Enum),
        ("sectors", T::List),
        ("founded", T::Year),
        ("summary", T::String),
    ];

    fn suggest(key: &str, value: Value) -> Option<&'static str> {
        field(key, &value, STARTUP)
    }

    #[test]
    fn an_address_suggests_address_fields() {
        assert_eq!(
            suggest("site", Value::from("https://acme.fr")),
            Some("website")
        );
        assert_eq!(suggest("site", Value::from("www.acme.fr")), Some("website"));
        assert_eq!(
            suggest("websit", Value::from("https://acme.fr")),
            Some("website")
        );
    }

    #[test]
    fn typos_of_other_kinds_still_find_their_field() {
        assert_eq!(suggest("stag", Value::from("croissance")), Some("stage"));
        assert_eq!(suggest("sector", Value::from(vec!["IA"])), Some("sectors"));
        assert_eq!(suggest("fonded", Value::from(2013)), Some("founded"));
        assert_eq!(suggest("titre", Value::from("Acme")), Some("title"));
    }

    #[test]
    fn a_value_of_the_wrong_kind_gets_no_suggestion() {
        assert_eq!(suggest("stade", Value::from("https://acme.fr")), None);
        assert_eq!(suggest("zzz", Value::from("x")), None);
    }
}
