//! Schema validation: raw YAML fields → typed values, or diagnostics.
//!
//! The one `match` over field types lives in [`check_value`]; both the
//! common fields and a collection's declared fields go through it.

use std::path::{Component, Path};

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde_json::Value;

use crate::config::{FieldSpec, FieldType};
use crate::diagnostics::did_you_mean;
use crate::messages::{quoted, Message};
use crate::msg;

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
    pub message: Message,
    /// How to fix it.
    pub hint: Message,
}

fn mismatch(message: Message, hint: Message) -> Mismatch {
    Mismatch { message, hint }
}

/// Finds an asset file for a field value: under `assets/`, or next to the
/// entry. Returns its site path (what the output URL will be).
pub trait AssetLookup {
    /// The site path of `written`, if the file exists.
    fn find(&self, written: &str) -> Option<String>;
}

/// Checks the value of field `field` against its type. Typed values (all
/// but `string` and `markdown`) are trimmed first: pasted values often end
/// with a space.
pub fn check_value(
    field: &str,
    spec: &FieldSpec,
    value: &Value,
    assets: &dyn AssetLookup,
) -> Result<FieldValue, Mismatch> {
    let trimmed = match (spec.kind, value) {
        (FieldType::String | FieldType::Markdown, _) => None,
        (_, Value::String(s)) if s.trim().len() != s.len() => Some(Value::from(s.trim())),
        _ => None,
    };
    let value = trimmed.as_ref().unwrap_or(value);
    match spec.kind {
        FieldType::String => text(field, value).map(FieldValue::Text),
        FieldType::Markdown => text(field, value).map(FieldValue::Markdown),
        FieldType::Int => int(field, value).map(FieldValue::Int),
        FieldType::Year => year(field, value).map(FieldValue::Int),
        FieldType::Date => date(field, value).map(FieldValue::Date),
        FieldType::Bool => match value {
            Value::Bool(b) => Ok(FieldValue::Bool(*b)),
            _ => {
                let (kind, shown) = found(value);
                Err(mismatch(
                    msg!("expected-bool", field = field, kind = kind, value = shown),
                    msg!("expected-bool-hint", field = field),
                ))
            }
        },
        FieldType::Url => url(field, value).map(FieldValue::Text),
        FieldType::Email => email(field, value).map(FieldValue::Text),
        FieldType::Enum => one_of(field, value, &spec.values).map(FieldValue::Text),
        FieldType::List => list(field, value).map(FieldValue::List),
        FieldType::Asset => asset(field, value, assets).map(FieldValue::Asset),
        FieldType::Ref => text(field, value).map(FieldValue::Ref),
        FieldType::Refs => list(field, value).map(FieldValue::Refs),
    }
}

/// What was found instead, as the catalog's `found` text shows it: a kind
/// (`nothing`, `bool`, `number`, `text`, `list`, `map`) and the value.
fn found(value: &Value) -> (&'static str, String) {
    match value {
        Value::Null => ("nothing", String::new()),
        Value::Bool(b) => ("bool", b.to_string()),
        Value::Number(n) => ("number", n.to_string()),
        Value::String(s) => ("text", quoted(s)),
        Value::Array(_) => ("list", String::new()),
        Value::Object(_) => ("map", String::new()),
    }
}

/// Text; numbers are accepted as their digits (`title: 2024`).
fn text(field: &str, value: &Value) -> Result<String, Mismatch> {
    match value {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        _ => {
            let (kind, shown) = found(value);
            Err(mismatch(
                msg!("expected-text", field = field, kind = kind, value = shown),
                msg!("expected-text-hint", field = field),
            ))
        }
    }
}

/// A whole number, written bare or in quotes.
fn int(field: &str, value: &Value) -> Result<i64, Mismatch> {
    let n = match value {
        Value::String(s) => s.parse::<i64>().ok(),
        _ => value.as_i64(),
    };
    n.ok_or_else(|| {
        let (kind, shown) = found(value);
        mismatch(
            msg!("expected-int", field = field, kind = kind, value = shown),
            msg!("expected-int-hint", field = field),
        )
    })
}

fn year(field: &str, value: &Value) -> Result<i64, Mismatch> {
    let n = match value {
        Value::String(s) => s.parse::<i64>().ok(),
        _ => value.as_i64(),
    };
    n.filter(|y| (1000..=9999).contains(y)).ok_or_else(|| {
        let (kind, shown) = found(value);
        mismatch(
            msg!("expected-year", field = field, kind = kind, value = shown),
            msg!("expected-year-hint", field = field),
        )
    })
}

fn date(field: &str, value: &Value) -> Result<EntryDate, Mismatch> {
    value.as_str().and_then(EntryDate::parse).ok_or_else(|| {
        let (kind, shown) = found(value);
        mismatch(
            msg!("expected-date", field = field, kind = kind, value = shown),
            msg!("expected-date-hint", field = field),
        )
    })
}

fn url(field: &str, value: &Value) -> Result<String, Mismatch> {
    let s = text(field, value)?;
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !s.contains(char::is_whitespace) => Ok(s),
        _ => {
            let (kind, shown) = found(value);
            let hint = if rest.is_none() && s.contains('.') && !s.contains(char::is_whitespace) {
                msg!(
                    "expected-url-add-scheme",
                    field = field,
                    url = format!("https://{}", s.trim_start_matches('/'))
                )
            } else {
                msg!("expected-url-hint", field = field)
            };
            Err(mismatch(
                msg!("expected-url", field = field, kind = kind, value = shown),
                hint,
            ))
        }
    }
}

fn email(field: &str, value: &Value) -> Result<String, Mismatch> {
    let s = text(field, value)?;
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
        let (kind, shown) = found(value);
        Err(mismatch(
            msg!("expected-email", field = field, kind = kind, value = shown),
            msg!("expected-email-hint", field = field),
        ))
    }
}

fn one_of(field: &str, value: &Value, allowed: &[String]) -> Result<String, Mismatch> {
    let s = text(field, value)?;
    if allowed.contains(&s) {
        return Ok(s);
    }
    let hint = match did_you_mean(&s, allowed.iter().map(String::as_str)) {
        Some(close) => msg!("did-you-mean", close = close),
        None => msg!("enum-allowed-values", values = allowed.join(", ")),
    };
    Err(mismatch(
        msg!("enum-not-allowed", field = field, value = quoted(&s)),
        hint,
    ))
}

/// A list of texts, each trimmed; a single text is a list of one.
fn list(field: &str, value: &Value) -> Result<Vec<String>, Mismatch> {
    let items = match value {
        Value::Array(items) => items
            .iter()
            .map(|item| text(field, item))
            .collect::<Result<Vec<_>, _>>()?,
        Value::String(s) => vec![s.clone()],
        Value::Null => Vec::new(),
        _ => {
            let (kind, shown) = found(value);
            return Err(mismatch(
                msg!("expected-list", field = field, kind = kind, value = shown),
                msg!("expected-list-hint", field = field),
            ));
        }
    };
    Ok(items.into_iter().map(|s| s.trim().to_string()).collect())
}

fn asset(field: &str, value: &Value, assets: &dyn AssetLookup) -> Result<String, Mismatch> {
    let written = text(field, value)?;
    let relative = written.trim_start_matches('/');
    if !is_safe_relative(relative) {
        return Err(mismatch(
            msg!("asset-outside", field = field, path = quoted(&written)),
            msg!("asset-outside-hint"),
        ));
    }
    if let Some(found) = assets.find(&written) {
        return Ok(found);
    }
    // `assets/img/x.png`: paths already start inside `assets/`.
    if let Some(inner) = relative.strip_prefix("assets/") {
        if assets.find(inner).is_some() {
            return Err(mismatch(
                msg!("asset-under-assets", field = field, path = written),
                msg!("asset-write-instead", field = field, path = inner),
            ));
        }
        return Err(mismatch(
            msg!("asset-not-found", field = field, path = written),
            msg!("asset-not-found-write-hint", field = field, path = inner),
        ));
    }
    Err(mismatch(
        msg!("asset-not-found", field = field, path = written),
        msg!("asset-not-found-hint", path = relative),
    ))
}

/// What a field holds, in words an editor understands: the arguments of
/// the catalog's `field-type` text, which `parvis new` writes beside each
/// field and the hint of a placeholder left in place repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeWords {
    /// The type's name (`string`, `url`…), or `terms` for a list of
    /// declared terms, `ref-any`/`refs-any` for refs to any collection.
    pub kind: &'static str,
    /// The allowed values (of an enum, or the declared terms), comma-separated.
    pub values: String,
    /// The collection a ref points to.
    pub collection: String,
}

/// The words for a field of type `spec`; `terms` are the labels of the
/// declared terms its taxonomy allows, if any.
pub fn type_words(spec: &FieldSpec, terms: Option<Vec<&str>>) -> TypeWords {
    let any = spec.to.is_none();
    let kind = match spec.kind {
        FieldType::String => "string",
        FieldType::Markdown => "markdown",
        FieldType::Int => "int",
        FieldType::Year => "year",
        FieldType::Date => "date",
        FieldType::Bool => "bool",
        FieldType::Url => "url",
        FieldType::Email => "email",
        FieldType::Enum => "enum",
        FieldType::List if terms.is_some() => "terms",
        FieldType::List => "list",
        FieldType::Asset => "asset",
        FieldType::Ref if any => "ref-any",
        FieldType::Ref => "ref",
        FieldType::Refs if any => "refs-any",
        FieldType::Refs => "refs",
    };
    let values = match (spec.kind, terms) {
        (FieldType::Enum, _) => spec.values.join(", "),
        (_, Some(labels)) => labels.join(", "),
        _ => String::new(),
    };
    TypeWords {
        kind,
        values,
        collection: spec.to.clone().unwrap_or_default(),
    }
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
            (written.trim_start_matches('/') == "img/logo.png").then(|| "img/logo.png".into())
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
        check_value("f", &spec, &value, &NoAssets)
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
        assert_eq!(
            e.message,
            msg!(
                "expected-year",
                field = "f",
                kind = "text",
                value = "deux mille"
            )
        );
        let e = check(FieldType::Enum, Value::from("croisance")).expect_err("typo");
        assert_eq!(e.hint, msg!("did-you-mean", close = "croissance"));
        assert!(check(FieldType::Url, Value::from("www.a.fr")).is_err());
        assert!(check(FieldType::Email, Value::from("a@b")).is_err());
        assert!(check(FieldType::Date, Value::from("2026-13-01")).is_err());
        assert!(check(FieldType::Int, Value::from("trois")).is_err());
        assert!(check(FieldType::Asset, Value::from("../../etc/passwd")).is_err());
        assert!(check(FieldType::Asset, Value::from("img/missing.png")).is_err());
    }

    #[test]
    fn typed_values_are_trimmed_and_wrong_ones_quoted() {
        let url = "https://1eleve1stage.education.gouv.fr ";
        assert_eq!(
            check(FieldType::Url, Value::from(url)),
            Ok(FieldValue::Text(url.trim().into()))
        );
        assert!(check(FieldType::Email, Value::from(" a@b.fr\t")).is_ok());
        assert!(check(FieldType::Enum, Value::from("croissance ")).is_ok());
        assert!(check(FieldType::Date, Value::from(" 2026-12-01 ")).is_ok());
        assert_eq!(
            check(FieldType::Int, Value::from(" 3 ")),
            Ok(FieldValue::Int(3))
        );
        assert_eq!(
            check(FieldType::Year, Value::from("2013 ")),
            Ok(FieldValue::Int(2013))
        );
        assert_eq!(
            check(FieldType::Ref, Value::from("acme ")),
            Ok(FieldValue::Ref("acme".into()))
        );
        let long = "  1eleve1stage.education.gouv.fr/une/adresse/vraiment/tres/longue/";
        let e = check(FieldType::Url, Value::from(long)).expect_err("no scheme");
        assert_eq!(e.message.get("kind"), Some("text"));
        assert!(e
            .message
            .get("value")
            .is_some_and(|v| v.starts_with("1eleve1stage")));
        assert_eq!(e.hint.id(), "expected-url-add-scheme");
    }

    #[test]
    fn asset_paths_already_start_in_assets() {
        let e = check(FieldType::Asset, Value::from("assets/img/logo.png")).expect_err("assets/");
        assert_eq!(
            e.hint,
            msg!("asset-write-instead", field = "f", path = "img/logo.png")
        );
        let e = check(FieldType::Asset, Value::from("assets/img/x.png")).expect_err("missing");
        assert_eq!(
            e.hint,
            msg!(
                "asset-not-found-write-hint",
                field = "f",
                path = "img/x.png"
            )
        );
    }
}
