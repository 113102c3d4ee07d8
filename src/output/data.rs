//! Open data: every collection as JSON and CSV under `/data/`, made in the
//! output stage from the validated [`Site`] (format in `docs/open-data.md`).
//!
//! One row per entry, with the common columns (`slug`, `lang`, `title`,
//! `url`, `date`, `updated`, `tags`) and every declared field except those
//! marked `private = true`. Refs are written as slugs, so files join on the
//! `slug` column. `data/<collection>.json|csv` is in the default language;
//! a collection with translations in another language also gets
//! `data/<collection>.<lang>.json|csv`, with the same rows, each in that
//! language when it is translated (the `lang` column says which).

use std::collections::HashSet;

use rayon::prelude::*;
use serde_json::{json, Map, Value};

use super::GeneratedFile;
use crate::config::{FieldSpec, SortBy};
use crate::content::{EntryDate, FieldValue, Role};
use crate::diagnostics::Diagnostic;
use crate::site::{EntryId, Site};
use crate::urls;

/// Separator of list values in a CSV cell.
pub const LIST_SEPARATOR: &str = "|";

/// Columns every export starts with, and their types.
const COMMON_COLUMNS: [(&str, &str); 7] = [
    ("slug", "string"),
    ("lang", "string"),
    ("title", "string"),
    ("url", "url"),
    ("date", "date"),
    ("updated", "date"),
    ("tags", "list"),
];

/// One collection in one language, ready to write in both formats.
#[derive(Debug)]
struct Table<'s> {
    collection: &'s str,
    lang: &'s str,
    /// (name, type).
    columns: Vec<(String, String)>,
    /// One value per column.
    rows: Vec<Vec<Value>>,
}

/// The JSON and CSV files of every collection.
pub fn render(site: &Site) -> Result<Vec<GeneratedFile>, Diagnostic> {
    let tables: Vec<(&String, &str)> = site
        .config
        .collections
        .keys()
        .flat_map(|collection| {
            languages(site, collection)
                .into_iter()
                .map(move |lang| (collection, lang))
        })
        .collect();
    // One table per collection and language, each written twice: on both
    // cores, as the rest of the build (the news table is most of the work).
    let files: Vec<Result<[GeneratedFile; 2], Diagnostic>> = tables
        .par_iter()
        .map(|&(collection, lang)| {
            let table = table(site, collection, lang);
            let stem = if lang == site.config.default_language {
                collection.clone()
            } else {
                format!("{collection}.{lang}")
            };
            let (json, csv) = rayon::join(|| to_json(&table), || to_csv(&table));
            let csv = csv.map_err(|e| {
                Diagnostic::error(crate::msg!(
                    "open-data-unwritable",
                    collection = collection,
                    error = e
                ))
            })?;
            Ok([
                GeneratedFile::text(format!("data/{stem}.json"), json),
                GeneratedFile {
                    path: format!("data/{stem}.csv"),
                    bytes: csv,
                },
            ])
        })
        .collect();
    let mut written = Vec::with_capacity(files.len() * 2);
    for pair in files {
        written.extend(pair?);
    }
    Ok(written)
}

/// The default language, then each language the collection has entries in.
fn languages<'s>(site: &'s Site, collection: &str) -> Vec<&'s str> {
    let per_lang = site.lists.get(collection);
    site.config
        .language_codes()
        .filter(|&lang| {
            lang == site.config.default_language
                || per_lang
                    .and_then(|p| p.get(lang))
                    .is_some_and(|ids| !ids.is_empty())
        })
        .collect()
}

fn table<'s>(site: &'s Site, collection: &'s str, lang: &'s str) -> Table<'s> {
    let fields = exported_fields(site, collection);
    let mut columns: Vec<(String, String)> = COMMON_COLUMNS
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    for (name, spec) in &fields {
        let kind = serde_json::to_value(spec.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        columns.push((name.to_string(), kind));
    }
    let rows = entries(site, collection, lang)
        .into_iter()
        .map(|id| row(site, id, lang, &fields))
        .collect();
    Table {
        collection,
        lang,
        columns,
        rows,
    }
}

/// The declared fields of a collection that are not private.
fn exported_fields<'s>(site: &'s Site, collection: &str) -> Vec<(&'s str, &'s FieldSpec)> {
    site.config
        .collections
        .get(collection)
        .into_iter()
        .flat_map(|c| &c.fields)
        .filter(|(_, spec)| !spec.private)
        .map(|(name, spec)| (name.as_str(), spec))
        .collect()
}

/// One version of each entry of the collection, in `lang` when it has one,
/// sorted as the collection's lists are.
fn entries(site: &Site, collection: &str, lang: &str) -> Vec<EntryId> {
    let mut seen = HashSet::new();
    let mut ids: Vec<EntryId> = site
        .documents
        .iter()
        .enumerate()
        .filter(
            |(_, doc)| matches!(&doc.source.role, Role::Entry { collection: c } if c == collection),
        )
        .filter(|&(id, _)| seen.insert(site.group_of[id]))
        .map(|(id, _)| site.version_in(id, lang))
        .collect();
    let sort_by = site
        .config
        .collections
        .get(collection)
        .map_or(SortBy::Title, |c| c.sort_by);
    site.sort(&mut ids, sort_by);
    ids
}

fn row(site: &Site, id: EntryId, lang: &str, fields: &[(&str, &FieldSpec)]) -> Vec<Value> {
    let doc = &site.documents[id];
    let base = &site.config.base_url;
    let mut row = vec![
        json!(doc.slug),
        json!(doc.source.lang),
        json!(doc.title),
        json!(urls::absolute(base, &site.paths[id])),
        doc.date.map_or(Value::Null, |d| json!(date_text(&d))),
        doc.updated.map_or(Value::Null, |d| json!(date_text(&d))),
        json!(doc.tags),
    ];
    for (name, spec) in fields {
        let value = match doc.fields.get(*name) {
            Some(field) => cell(site, id, lang, name, spec, &field.value),
            None => Value::Null,
        };
        row.push(value);
    }
    row
}

/// A field as a JSON value: refs as slugs, assets as absolute URLs,
/// Markdown as written.
fn cell(
    site: &Site,
    id: EntryId,
    lang: &str,
    name: &str,
    spec: &FieldSpec,
    value: &FieldValue,
) -> Value {
    match value {
        FieldValue::Text(s) | FieldValue::Markdown(s) => json!(s),
        FieldValue::Int(i) => json!(i),
        FieldValue::Date(d) => json!(date_text(d)),
        FieldValue::Bool(b) => json!(b),
        FieldValue::List(l) => json!(l),
        FieldValue::Asset(p) => json!(urls::absolute(&site.config.base_url, p)),
        FieldValue::Ref(_) => ref_slugs(site, id, lang, name, spec)
            .into_iter()
            .next()
            .map_or(Value::Null, Value::String),
        FieldValue::Refs(_) => json!(ref_slugs(site, id, lang, name, spec)),
    }
}

/// The targets of a ref field, as slugs (`collection/slug` when the field
/// may point at any collection), in the version the export's rows use.
fn ref_slugs(site: &Site, id: EntryId, lang: &str, name: &str, spec: &FieldSpec) -> Vec<String> {
    let groups = site.relations.refs[id].get(name);
    groups
        .into_iter()
        .flatten()
        .map(|&group| {
            let target = &site.documents[site.version_in(site.groups[group][0], lang)];
            match (&spec.to, target.collection()) {
                (None, Some(collection)) => format!("{collection}/{}", target.slug),
                _ => target.slug.clone(),
            }
        })
        .collect()
}

/// `2024-05-01`, or RFC 3339 when a time was written.
fn date_text(date: &EntryDate) -> String {
    match date.time {
        Some(_) => date.rfc3339(),
        None => date.ymd(),
    }
}

fn to_json(table: &Table<'_>) -> String {
    let fields: Vec<Value> = table
        .columns
        .iter()
        .map(|(name, kind)| json!({"name": name, "type": kind}))
        .collect();
    let entries: Vec<Value> = table
        .rows
        .iter()
        .map(|row| {
            let object: Map<String, Value> = table
                .columns
                .iter()
                .map(|(name, _)| name.clone())
                .zip(row.iter().cloned())
                .collect();
            Value::Object(object)
        })
        .collect();
    let document = json!({
        "collection": table.collection,
        "language": table.lang,
        "fields": fields,
        "entries": entries,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

/// RFC 4180: a header row, CRLF line ends, quotes only where needed.
fn to_csv(table: &Table<'_>) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(table.columns.iter().map(|(name, _)| name))?;
    for row in &table.rows {
        writer.write_record(row.iter().map(csv_text))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// A value as CSV text: empty for none, lists joined by [`LIST_SEPARATOR`],
/// text that a spreadsheet would run as a formula neutralized.
fn csv_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => neutralized(s),
        Value::Array(items) => {
            let joined = items
                .iter()
                .map(|item| {
                    item.as_str()
                        .map_or_else(|| item.to_string(), str::to_string)
                })
                .collect::<Vec<_>>()
                .join(LIST_SEPARATOR);
            neutralized(&joined)
        }
        other => other.to_string(),
    }
}

/// CSV injection: spreadsheets run a cell that starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return as a formula (`=HYPERLINK(…)` in a
/// title). As OWASP recommends, such text gets a leading `'`, which
/// spreadsheets show as text. Numbers are not text and are kept; the JSON
/// export keeps every value exact.
fn neutralized(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table<'static> {
        Table {
            collection: "startups",
            lang: "fr",
            columns: vec![
                ("slug".into(), "string".into()),
                ("sectors".into(), "list".into()),
                ("employees".into(), "int".into()),
                ("note".into(), "markdown".into()),
            ],
            rows: vec![
                vec![
                    json!("acme"),
                    json!(["IA", "Imagerie"]),
                    json!(12),
                    json!("Une « note », sur\ndeux lignes"),
                ],
                vec![json!("delta"), json!([]), Value::Null, Value::Null],
            ],
        }
    }

    #[test]
    fn csv_is_rfc_4180() {
        let bytes = to_csv(&sample()).expect("csv");
        let text = String::from_utf8(bytes).expect("utf-8");
        assert_eq!(
            text,
            "slug,sectors,employees,note\r\nacme,IA|Imagerie,12,\"Une « note », sur\ndeux lignes\"\r\ndelta,,,\r\n"
        );
    }

    #[test]
    fn formulas_are_neutralized_in_csv_only() {
        let mut table = sample();
        table.rows[1][0] = json!("=HYPERLINK(\"http://x.example\",\"…\")");
        table.rows[1][1] = json!(["@SUM(A1)", "IA"]);
        table.rows[1][2] = json!(-3);
        let text = String::from_utf8(to_csv(&table).expect("csv")).expect("utf-8");
        assert!(
            text.contains("\"'=HYPERLINK(\"\"http://x.example\"\",\"\"…\"\")\",'@SUM(A1)|IA,-3,"),
            "{text}"
        );
        for cell in ["+1", "-1", "@a", "\tx", "\rx"] {
            assert_eq!(neutralized(cell), format!("'{cell}"));
        }
        assert_eq!(neutralized("Acmé = santé"), "Acmé = santé");
        let json: Value = serde_json::from_str(&to_json(&table)).expect("json");
        assert_eq!(
            json["entries"][1]["slug"],
            "=HYPERLINK(\"http://x.example\",\"…\")"
        );
    }

    #[test]
    fn json_names_every_column() {
        let value: Value = serde_json::from_str(&to_json(&sample())).expect("json");
        assert_eq!(value["collection"], "startups");
        assert_eq!(
            value["fields"][1],
            json!({"name": "sectors", "type": "list"})
        );
        assert_eq!(value["entries"][0]["employees"], 12);
        assert_eq!(value["entries"][1]["note"], Value::Null);
    }

    #[test]
    fn dates_keep_their_time_when_written() {
        let day = EntryDate::parse("2024-05-01").expect("date");
        assert_eq!(date_text(&day), "2024-05-01");
        let time = EntryDate::parse("2024-05-01T09:00:00+02:00").expect("date");
        assert_eq!(date_text(&time), "2024-05-01T09:00:00+02:00");
    }
}
