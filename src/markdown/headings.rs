//! Heading ids: the step of Markdown rendering that gives every heading of a
//! page a unique `id` (docs/content.md), before the events are turned into HTML, so
//! that the table of contents and `#fragment` links have stable anchors.
//!
//! An explicit `## Titre {#id}` is kept; otherwise the id is the slug of the
//! heading's text. Ids repeat as `x`, `x-1`, `x-2`…, and explicit ids (and
//! footnote names, which pulldown-cmark also turns into ids) are reserved
//! first so that a generated id never takes one an editor chose; an
//! explicit id that is also a footnote's name is numbered, since the
//! footnote's id cannot move.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::Heading;
use crate::slug::slugify;

/// Used when a heading's text has nothing to slugify (`## ¿?`, `## 日本`).
const FALLBACK_ID: &str = "section";

/// Sets the `id` of every heading in `events` and lists the headings.
pub(super) fn assign_ids(events: &mut [(Event<'_>, Range<usize>)]) -> Vec<Heading> {
    let mut ids = Ids::of(events);
    let mut headings = Vec::new();
    let mut index = 0;
    while index < events.len() {
        if !matches!(events[index].0, Event::Start(Tag::Heading { .. })) {
            index += 1;
            continue;
        }
        let text = heading_text(&events[index + 1..]);
        if let Event::Start(Tag::Heading { level, id, .. }) = &mut events[index].0 {
            let unique = match id {
                Some(explicit) => ids.unique(explicit.to_string(), true),
                None => ids.unique(generated(&text), false),
            };
            *id = Some(CowStr::from(unique.clone()));
            headings.push(Heading {
                level: *level as u8,
                id: unique,
                text,
            });
        }
        index += 1;
    }
    headings
}

/// The ids of one page, handed out in document order.
#[derive(Default)]
struct Ids {
    /// Explicit heading ids: each is kept for the first heading that asks.
    explicit: HashSet<String>,
    /// Footnote names (pulldown-cmark makes them ids): never given to a heading.
    footnotes: HashSet<String>,
    /// Ids given so far.
    taken: HashSet<String>,
    /// For each wanted id, the number to try next after it: a page with
    /// thousands of equal titles numbers them in linear time.
    next: HashMap<String, usize>,
}

impl Ids {
    fn of(events: &[(Event<'_>, Range<usize>)]) -> Ids {
        let mut ids = Ids::default();
        for (event, _) in events {
            match event {
                Event::Start(Tag::Heading { id: Some(id), .. }) => {
                    ids.explicit.insert(id.to_string());
                }
                Event::Start(Tag::FootnoteDefinition(name)) => {
                    ids.footnotes.insert(name.to_string());
                }
                _ => {}
            }
        }
        ids
    }

    /// `wanted` itself if free, else the first free `wanted-N`. An explicit
    /// id may use its own reservation; a generated one may not.
    fn unique(&mut self, wanted: String, explicit: bool) -> String {
        let id = if self.is_free(&wanted, explicit) {
            wanted
        } else {
            let next = self.next.entry(wanted.clone()).or_insert(1);
            loop {
                let candidate = format!("{wanted}-{next}");
                *next += 1;
                let free = !self.taken.contains(&candidate)
                    && !self.footnotes.contains(&candidate)
                    && !self.explicit.contains(&candidate);
                if free {
                    break candidate;
                }
            }
        };
        self.taken.insert(id.clone());
        id
    }

    fn is_free(&self, id: &str, explicit: bool) -> bool {
        !self.taken.contains(id)
            && !self.footnotes.contains(id)
            && (explicit || !self.explicit.contains(id))
    }
}

/// The plain text of the heading whose content starts `events`, whitespace
/// collapsed.
fn heading_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn generated(text: &str) -> String {
    let slug = slugify(text);
    if slug.is_empty() {
        FALLBACK_ID.to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn ids(markdown: &str) -> Vec<String> {
        let options = Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_FOOTNOTES;
        let mut events: Vec<_> = Parser::new_ext(markdown, options)
            .into_offset_iter()
            .collect();
        assign_ids(&mut events).into_iter().map(|h| h.id).collect()
    }

    #[test]
    fn ids_are_slugs_of_the_text() {
        assert_eq!(
            ids("# Santé *numérique*\n## L'`API` v2"),
            ["sante-numerique", "l-api-v2"]
        );
    }

    #[test]
    fn repeated_titles_get_numbered() {
        assert_eq!(ids("# A\n# A\n# A"), ["a", "a-1", "a-2"]);
    }

    #[test]
    fn explicit_ids_are_kept_and_reserved() {
        assert_eq!(
            ids("# A\n# B {#a}\n# A-1\n# C {#a-1}"),
            ["a-2", "a", "a-1-1", "a-1"]
        );
    }

    #[test]
    fn repeated_explicit_ids_get_numbered_too() {
        assert_eq!(ids("# X {#x}\n# Y {#x}"), ["x", "x-1"]);
    }

    #[test]
    fn footnote_names_are_reserved() {
        assert_eq!(
            ids("# Note\n\nText[^note].\n\n[^note]: A note."),
            ["note-1"]
        );
    }

    #[test]
    fn an_explicit_id_never_takes_a_footnote_name() {
        assert_eq!(
            ids("# X {#note}\n\nText[^note].\n\n[^note]: A note."),
            ["note-1"]
        );
    }

    #[test]
    fn thousands_of_equal_titles_are_numbered_in_linear_time() {
        let ids = ids(&"# A\n".repeat(20_000));
        assert_eq!(ids.len(), 20_000);
        assert_eq!(ids[19_999], "a-19999");
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len());
    }

    #[test]
    fn headings_without_sluggable_text_get_a_fallback() {
        assert_eq!(ids("# ¿?\n# 日本"), ["section", "section-1"]);
    }

    #[test]
    fn heading_text_is_plain_and_collapsed() {
        let mut events: Vec<_> = Parser::new("# Un  *titre*\n").into_offset_iter().collect();
        let headings = assign_ids(&mut events);
        assert_eq!(headings[0].text, "Un titre");
        assert_eq!(headings[0].level, 1);
    }
}
