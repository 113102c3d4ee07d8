//! Placeholders: the marks `parvis new` writes where an editor still has
//! something to write (`À COMPLÉTER`) or to translate (`À TRADUIRE`). The
//! content stage refuses a file that still holds one, one error per
//! placeholder naming the field, so a half-written entry is never
//! published.

use serde_json::Value;

use crate::messages::Lang;

/// What a placeholder asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    /// A value to write.
    FillIn,
    /// A text to translate (the original follows the mark).
    Translate,
}

/// Every mark, with what it asks for: both languages are recognized,
/// whichever language `parvis new` spoke.
const MARKS: [(&str, Placeholder); 4] = [
    ("À COMPLÉTER", Placeholder::FillIn),
    ("TO FILL IN", Placeholder::FillIn),
    ("À TRADUIRE", Placeholder::Translate),
    ("TO TRANSLATE", Placeholder::Translate),
];

impl Placeholder {
    /// The mark written for a reader of `lang`.
    pub fn mark(self, lang: Lang) -> &'static str {
        let index = match (self, lang) {
            (Placeholder::FillIn, Lang::Fr) => 0,
            (Placeholder::FillIn, Lang::En) => 1,
            (Placeholder::Translate, Lang::Fr) => 2,
            (Placeholder::Translate, Lang::En) => 3,
        };
        MARKS[index].0
    }
}

/// The first mark in `text`, if any.
fn in_text(text: &str) -> Option<(&'static str, Placeholder)> {
    MARKS.iter().find(|(mark, _)| text.contains(mark)).copied()
}

/// The mark held by a field's value (a text, or a text of a list).
pub fn in_value(value: &Value) -> Option<(&'static str, Placeholder)> {
    match value {
        Value::String(text) => in_text(text),
        Value::Array(items) => items.iter().find_map(in_value),
        _ => None,
    }
}

/// Every line of a Markdown body that starts with a mark: its byte offset
/// in `body`, its length and the mark. Only marks at the start of a line
/// count, so a sentence quoting one is not refused.
pub fn in_body(body: &str) -> Vec<(usize, usize, &'static str, Placeholder)> {
    let mut found = Vec::new();
    let bytes = body.as_bytes();
    let mut offset = 0;
    // Every body of every build comes through here and holds no mark: a line
    // is looked at closely only when its first visible byte can start one
    // (`À…` or `T…`), and lines are found with a vectorized search.
    while offset < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[offset..]).map_or(bytes.len(), |at| offset + at + 1);
        let line = &body[offset..end];
        if line
            .trim_start()
            .as_bytes()
            .first()
            .is_some_and(|b| MARK_STARTS.contains(b))
        {
            let content = line.trim_end();
            let start = content.len() - content.trim_start().len();
            let mark = MARKS
                .iter()
                .find(|(mark, _)| content[start..].starts_with(mark));
            if let Some((mark, kind)) = mark {
                found.push((offset + start, content.len() - start, *mark, *kind));
            }
        }
        offset = end;
    }
    found
}

/// The first byte of every mark.
const MARK_STARTS: [u8; 4] = {
    let mut starts = [0; 4];
    let mut i = 0;
    while i < MARKS.len() {
        starts[i] = MARKS[i].0.as_bytes()[0];
        i += 1;
    }
    starts
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_found_in_values_of_every_shape() {
        assert_eq!(
            in_value(&Value::from("À COMPLÉTER")),
            Some(("À COMPLÉTER", Placeholder::FillIn))
        );
        assert_eq!(
            in_value(&Value::from("TO TRANSLATE: Acme")),
            Some(("TO TRANSLATE", Placeholder::Translate))
        );
        let list = Value::from(vec![Value::from("ipm"), Value::from("TO FILL IN")]);
        assert_eq!(in_value(&list).map(|m| m.0), Some("TO FILL IN"));
        assert_eq!(in_value(&Value::from("à compléter plus tard")), None);
        assert_eq!(in_value(&Value::from(3)), None);
    }

    /// The plain reading: every line, trimmed, compared with every mark.
    fn in_body_line_by_line(body: &str) -> Vec<(usize, usize, &'static str, Placeholder)> {
        let mut found = Vec::new();
        let mut offset = 0;
        for line in body.split_inclusive('\n') {
            let content = line.trim_end();
            let start = content.len() - content.trim_start().len();
            if let Some((mark, kind)) = MARKS
                .iter()
                .find(|(mark, _)| content[start..].starts_with(mark))
            {
                found.push((offset + start, content.len() - start, *mark, *kind));
            }
            offset += line.len();
        }
        found
    }

    proptest::proptest! {
        /// Marks are found where a line-by-line reading finds them, whatever
        /// the lines, spaces (non-breaking ones too) and line ends.
        #[test]
        fn body_marks_are_those_of_a_line_by_line_reading(
            parts in proptest::collection::vec(
                "(À COMPLÉTER|TO FILL IN|À TRADUIRE|TO TRANSLATE|À|T|TO|Texte|é| |\u{a0}|\t|\r|\n|x)",
                0..40,
            ),
        ) {
            let body = parts.concat();
            proptest::prop_assert_eq!(in_body(&body), in_body_line_by_line(&body));
        }
    }

    #[test]
    fn body_marks_count_at_the_start_of_a_line_only() {
        let body = "Intro.\n\n  À TRADUIRE : le texte suit.\nIl reste « À TRADUIRE ».\n";
        let found = in_body(body);
        assert_eq!(found.len(), 1);
        let (offset, len, mark, _) = found[0];
        assert_eq!(&body[offset..offset + len], "À TRADUIRE : le texte suit.");
        assert_eq!(mark, "À TRADUIRE");
    }

    #[test]
    fn each_language_has_its_marks() {
        assert_eq!(Placeholder::FillIn.mark(Lang::Fr), "À COMPLÉTER");
        assert_eq!(Placeholder::Translate.mark(Lang::En), "TO TRANSLATE");
    }
}
