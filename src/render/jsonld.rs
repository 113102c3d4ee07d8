//! JSON-LD for search engines: `Organization` for the campus members,
//! `NewsArticle` for news, `WebPage` for the rest.

use serde_json::{json, Map, Value};

use crate::content::{Document, FieldValue};
use crate::site::Site;
use crate::urls;

/// The JSON-LD of a document page, escaped for a `<script>` element.
pub(super) fn for_document(
    site: &Site,
    doc: &Document,
    canonical: &str,
    description: &str,
) -> String {
    let base = &site.config.base_url;
    let image = doc.image.as_ref().map(|p| urls::absolute(base, p));
    let text = |name: &str| match doc.fields.get(name).map(|f| &f.value) {
        Some(FieldValue::Text(s)) => Some(s.clone()),
        _ => None,
    };
    let mut object = Map::new();
    object.insert("@context".into(), json!("https://schema.org"));
    match doc.collection() {
        Some("operators" | "institutes" | "startups") => {
            object.insert("@type".into(), json!("Organization"));
            object.insert("name".into(), json!(doc.title));
            object.insert("url".into(), json!(canonical));
            insert_some(&mut object, "alternateName", text("acronym"));
            insert_some(&mut object, "sameAs", text("website"));
            let logo = match doc.fields.get("logo").map(|f| &f.value) {
                Some(FieldValue::Asset(p)) => Some(urls::absolute(base, p)),
                _ => image.clone(),
            };
            insert_some(&mut object, "logo", logo);
        }
        Some("news") => {
            object.insert("@type".into(), json!("NewsArticle"));
            object.insert("headline".into(), json!(doc.title));
            object.insert("mainEntityOfPage".into(), json!(canonical));
            insert_some(&mut object, "datePublished", doc.date.map(|d| d.rfc3339()));
            insert_some(
                &mut object,
                "dateModified",
                doc.updated.or(doc.date).map(|d| d.rfc3339()),
            );
            insert_some(&mut object, "image", image.clone());
            if let Some(author) = text("author") {
                object.insert("author".into(), json!({"@type": "Person", "name": author}));
            }
            object.insert("publisher".into(), json!({"@type": "Organization", "name": site.config.title, "url": format!("{base}/")}));
        }
        _ => {
            object.insert("@type".into(), json!("WebPage"));
            object.insert("name".into(), json!(doc.title));
            object.insert("url".into(), json!(canonical));
        }
    }
    object.insert("inLanguage".into(), json!(doc.source.lang));
    if !description.is_empty() {
        object.insert("description".into(), json!(description));
    }
    script_safe(&Value::Object(object))
}

fn insert_some(object: &mut Map<String, Value>, key: &str, value: Option<String>) {
    if let Some(v) = value {
        object.insert(key.into(), Value::String(v));
    }
}

/// JSON that cannot close its `<script>` element early.
pub(super) fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_end_tags_are_escaped() {
        let out = script_safe(&json!({"name": "</script><b>"}));
        assert!(!out.contains("</script>"));
        assert_eq!(
            serde_json::from_str::<Value>(&out).ok(),
            Some(json!({"name": "</script><b>"}))
        );
    }
}
