//! Schema validation: raw YAML fields → typed values, or diagnostics.
//!
//! The one `match` over field types lives in [`check_value`]; both the
//! common fields and a collection's declared fields go through it.

use std::path::{Component, Path};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use crate::config::{FieldSpec, FieldType};
use crate::diagnostics::did_you_mean;

/// A typed field value.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// `string`, `url`, `email`, `enum`.
    Text(String),
    /// `markdown`: the source, rendered when a page shows it.
    Markdown(String),
    /// `int`, `year`.
    Int(i64),
    /// `date`.
    Date(EntryDate),
    /// `bool`.
    Bool(bool),
    /// `list`.
    List(Vec<String>),
    /// `asset`: the site path of the file.
    Asset(String),
    /// `ref`: the target as written.
    Ref(String),
    /// `refs`: the targets as written.
    Refs(Vec<String>),
}

/// A date, or a date and time with offset, as written in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryDate {
    /// The calendar day.
    pub day: NaiveDate,
    /// The exact time, when one was written.
    pub time: Option<DateTime<FixedOffset>>,
}

impl EntryDate {
    /// Parses `2026-12-01` or an RFC 3339 date-time.
    pub fn parse(text: &str) -> Option<EntryDate> {
        let text = text.trim();
        if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            return Some(EntryDate { day, time: None });
        }
        let time = DateTime::parse_from_rfc3339(text).ok()?;
        Some(EntryDate {
            day: time.date_naive(),
            time: Some(time),
        })
    }

    /// `2026-12-01`.
    pub fn ymd(&self) -> String {
        self.day.format("%Y-%m-%d").to_string()
    }

    /// RFC 3339, midnight UTC for a plain date.
    pub fn rfc3339(&self) -> String {
        match self.time {
            Some(t) => t.to_rfc3339(),
            None => format!("{}T00:00:00Z", self.ymd()),
        }
    }

    /// Seconds since the epoch, for sorting.
    pub fn timestamp(&self) -> i64 {
        match self.time {
            Some(t) => t.timestamp(),
            None => self
                .day
                .and_hms_opt(0, 0, 0)
                .map_or(0, |d| d.and_utc().timestamp()),
        }
    }
}

/// Why a value does not fit its type: a message and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

fn mismatch(message: impl Into<String>, hint: impl Into<String>) -> Mismatch {
    Mismatch {
        message: message.into(),
        hint: hint.into(),
    }
}

/// Finds an asset file for a field value: under `assets/`, or next to the
/// entry. Returns its site path (what the output URL will be).
pub trait AssetLookup {
    /// The site path of `written`, if the file exists.
    fn find(&self, written: &str) -> Option<String>;
}

/// Checks one value against a field type.
pub fn check_value(
    spec: &FieldSpec,
    value: &Value,
    assets: &dyn AssetLookup,
) -> Result<FieldValue, Mismatch> {
    match spec.kind {
        FieldType::String => text(value).map(FieldValue::Text),
        FieldType::Markdown => text(value).map(FieldValue::Markdown),
        FieldType::Int => int(value).map(FieldValue::Int),
        FieldType::Year => year(value).map(FieldValue::Int),
        FieldType::Date => date(value).map(FieldValue::Date),
        FieldType::Bool => match value {
            Value::Bool(b) => Ok(FieldValue::Bool(*b)),
            _ => Err(mismatch(
                format!("expected true or false, found {}", describe(value)),
                "write `true` or `false`",
            )),
        },
        FieldType::Url => url(value).map(FieldValue::Text),
        FieldType::Email => email(value).map(FieldValue::Text),
        FieldType::Enum => one_of(value, &spec.values).map(FieldValue::Text),
        FieldType::List => list(value).map(FieldValue::List),
        FieldType::Asset => asset(value, assets).map(FieldValue::Asset),
        FieldType::Ref => text(value).map(FieldValue::Ref),
        FieldType::Refs => list(value).map(FieldValue::Refs),
    }
}

/// A short description of a value, for messages.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "nothing".into(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number `{n}`"),
        Value::String(s) if s.chars().count() > 40 => "a long text".into(),
        Value::String(s) => format!("the text `{s}`"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "a map of fields".into(),
    }
}

/// Text; numbers are accepted as their digits (`title: 2024`).
fn text(value: &Value) -> Result<String, Mismatch> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(mismatch(
            format!("expected text, found {}", describe(value)),
            "write the text after the colon, in quotes if it contains `:` or `#`",
        )),
    }
}

fn int(value: &Value) -> Result<i64, Mismatch> {
    value.as_i64().ok_or_else(|| {
        mismatch(
            format!("expected a whole number, found {}", describe(value)),
            "write digits only, without quotes: `3`",
        )
    })
}

fn year(value: &Value) -> Result<i64, Mismatch> {
    let n = match value {
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => value.as_i64(),
    };
    n.filter(|y| (1000..=9999).contains(y)).ok_or_else(|| {
        mismatch(
            format!("expected a year, found {}", describe(value)),
            "write four digits, e.g. `2021`",
        )
    })
}

fn date(value: &Value) -> Result<EntryDate, Mismatch> {
    value.as_str().and_then(EntryDate::parse).ok_or_else(|| {
        mismatch(
            format!("expected a date, found {}", describe(value)),
            "write the date as YYYY-MM-DD, e.g. `2026-12-01`, or as `2026-12-01T09:30:00+01:00`",
        )
    })
}

fn url(value: &Value) -> Result<String, Mismatch> {
    let s = text(value)?;
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !s.contains(char::is_whitespace) => Ok(s),
        _ => Err(mismatch(
            format!("expected a web address, found {}", describe(value)),
            "write the full address, starting with `https://`",
        )),
    }
}

fn email(value: &Value) -> Result<String, Mismatch> {
    let s = text(value)?;
    let valid = match s.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(s)
    } else {
        Err(mismatch(
            format!("expected an email address, found {}", describe(value)),
            "write it as `name@example.org`",
        ))
    }
}

fn one_of(value: &Value, allowed: &[String]) -> Result<String, Mismatch> {
    let s = text(value)?;
    if allowed.contains(&s) {
        return Ok(s);
    }
    let hint = match did_you_mean(&s, allowed.iter().map(String::as_str)) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("allowed values: {}", allowed.join(", ")),
    };
    Err(mismatch(
        format!("`{s}` is not one of the allowed values"),
        hint,
    ))
}

/// A list of texts; a single text is a list of one.
fn list(value: &Value) -> Result<Vec<String>, Mismatch> {
    match value {
        Value::Array(items) => items.iter().map(text).collect(),
        Value::String(s) => Ok(vec![s.clone()]),
        Value::Null => Ok(Vec::new()),
        _ => Err(mismatch(
            format!("expected a list, found {}", describe(value)),
            "write `[first, second]`",
        )),
    }
}

fn asset(value: &Value, assets: &dyn AssetLookup) -> Result<String, Mismatch> {
    let written = text(value)?;
    if !is_safe_relative(written.trim_start_matches('/')) {
        return Err(mismatch(
            format!("`{written}` leaves the site's folders"),
            "give a path under `assets/` (e.g. `img/logo.png`) or next to the entry",
        ));
    }
    assets.find(&written).ok_or_else(|| {
        mismatch(
            format!("asset `{written}` not found"),
            format!(
                "put the file at `assets/{}` or next to this entry",
                written.trim_start_matches('/')
            ),
        )
    })
}

/// A relative path without `..`, root or drive components.
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoAssets;
    impl AssetLookup for NoAssets {
        fn find(&self, written: &str) -> Option<String> {
            (written == "img/logo.png").then(|| written.to_string())
        }
    }

    fn check(kind: FieldType, value: Value) -> Result<FieldValue, Mismatch> {
        let spec = FieldSpec {
            kind,
            required: false,
            taxonomy: None,
            to: None,
            values: vec!["amorçage".into(), "croissance".into()],
            private: false,
        };
        check_value(&spec, &value, &NoAssets)
    }

    #[test]
    fn each_type_accepts_its_values() {
        assert_eq!(
            check(FieldType::Year, Value::from(2013)),
            Ok(FieldValue::Int(2013))
        );
        assert_eq!(
            check(FieldType::Bool, Value::from(true)),
            Ok(FieldValue::Bool(true))
        );
        assert!(check(FieldType::Url, Value::from("https://a.fr")).is_ok());
        assert!(check(FieldType::Email, Value::from("a@b.fr")).is_ok());
        assert!(check(FieldType::Enum, Value::from("croissance")).is_ok());
        assert_eq!(
            check(FieldType::List, Value::from("ia")),
            Ok(FieldValue::List(vec!["ia".into()]))
        );
        assert!(check(FieldType::Asset, Value::from("img/logo.png")).is_ok());
        assert!(check(FieldType::Date, Value::from("2026-12-01T09:30:00+01:00")).is_ok());
    }

    #[test]
    fn mismatches_say_what_was_found() {
        let e = check(FieldType::Year, Value::from("deux mille")).expect_err("not a year");
        assert_eq!(e.message, "expected a year, found the text `deux mille`");
        let e = check(FieldType::Enum, Value::from("croisance")).expect_err("typo");
        assert_eq!(e.hint, "did you mean `croissance`?");
        assert!(check(FieldType::Url, Value::from("www.a.fr")).is_err());
        assert!(check(FieldType::Email, Value::from("a@b")).is_err());
        assert!(check(FieldType::Date, Value::from("2026-13-01")).is_err());
        assert!(check(FieldType::Int, Value::from("3")).is_err());
        assert!(check(FieldType::Asset, Value::from("../../etc/passwd")).is_err());
        assert!(check(FieldType::Asset, Value::from("img/missing.png")).is_err());
    }
}
