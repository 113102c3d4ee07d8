//! Functions templates may call beyond the page's own context.
//!
//! They hold small, precomputed, shared tables (never the site itself),
//! so calling one costs a lookup, not a walk over the site.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap;
use serde_json::{json, Value};

use super::context_pool::ContextPool;
use crate::config::LinkStyle;
use crate::site::Site;

thread_local! {
    /// The lists `entries()` gave the page being rendered on this thread.
    static READS: RefCell<Option<Vec<(String, String)>>> = const { RefCell::new(None) };
}

/// Runs `render` and returns, with its result, the (collection, language)
/// lists that templates read through `entries()` meanwhile: a page that
/// calls it depends on the whole list.
pub fn recording_reads<T>(render: impl FnOnce() -> T) -> (T, Vec<(String, String)>) {
    READS.with_borrow_mut(|reads| *reads = Some(Vec::new()));
    let result = render();
    let mut reads = READS.with_borrow_mut(Option::take).unwrap_or_default();
    reads.sort();
    reads.dedup();
    (result, reads)
}

/// An entry as `entries()` gives it: title, site path, date.
type Item = (String, String, Option<String>);

/// `entries(collection="startups", lang=lang, root=root, limit=6)`: the
/// entries of a collection in a language, in the collection's order, as
/// `{title, href, date}` — for a site map page or a featured block.
pub(super) struct EntriesFunction {
    /// (collection, language) → (title, site path, date).
    lists: Arc<HashMap<(String, String), Vec<Item>>>,
    style: LinkStyle,
}

impl EntriesFunction {
    pub(super) fn new(site: &Site) -> Self {
        let mut lists = HashMap::new();
        for (collection, per_lang) in &site.lists {
            for (lang, ids) in per_lang {
                let items = ids
                    .iter()
                    .map(|&id| {
                        let doc = &site.documents[id];
                        (
                            doc.title.clone(),
                            site.paths[id].clone(),
                            doc.date.map(|d| d.ymd()),
                        )
                    })
                    .collect();
                lists.insert((collection.clone(), lang.clone()), items);
            }
        }
        EntriesFunction {
            lists: Arc::new(lists),
            style: site.config.links,
        }
    }
}

impl tera::Function for EntriesFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let text = |name: &str| args.get(name).and_then(Value::as_str);
        let collection = text("collection")
            .ok_or_else(|| tera::Error::msg("entries() needs `collection`, e.g. entries(collection=\"news\", lang=lang, root=root)"))?;
        let lang = text("lang").ok_or_else(|| tera::Error::msg("entries() needs `lang=lang`"))?;
        let root = text("root").unwrap_or("");
        let limit = args
            .get("limit")
            .and_then(Value::as_u64)
            .map_or(usize::MAX, |n| n as usize);
        let key = (collection.to_string(), lang.to_string());
        READS.with_borrow_mut(|reads| {
            if let Some(reads) = reads {
                reads.push(key.clone());
            }
        });
        let items = self.lists.get(&key);
        let out: Vec<Value> = items
            .into_iter()
            .flatten()
            .take(limit)
            .map(|(title, path, date)| json!({"title": title, "href": join(root, path, self.style), "date": date}))
            .collect();
        Ok(Value::Array(out))
    }
}

/// `url(to=…, root=root)`: a site path made relative to the current page,
/// with static files resolved to their hashed names.
pub(super) struct UrlFunction {
    pub(super) manifest: Arc<HashMap<String, String>>,
    pub(super) style: LinkStyle,
}

impl tera::Function for UrlFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let to = args.get("to").and_then(Value::as_str).ok_or_else(|| {
            tera::Error::msg("url() needs `to`, a site path such as \"css/print.css\"")
        })?;
        let root = args.get("root").and_then(Value::as_str).unwrap_or("");
        let to = to.trim_start_matches('/');
        let target = self.manifest.get(to).map_or(to, String::as_str);
        Ok(Value::String(join(root, target, self.style)))
    }
}

/// `root` + a site path, as a link in the chosen style.
fn join(root: &str, path: &str, style: LinkStyle) -> String {
    let mut out = format!("{root}{path}");
    if style == LinkStyle::Files && (out.is_empty() || out.ends_with('/')) {
        out.push_str("index.html");
    } else if out.is_empty() {
        out.push_str("./");
    }
    out
}

/// The cards made during one build, shared by the threads rendering pages.
pub(super) type Cards = Arc<Mutex<MadeCards>>;

/// Cards made once, by their form (language, heading level, kicker), then
/// by the link of their entry. A list page asks for twenty cards, nearly
/// all made before: they are found without building a key.
#[derive(Debug, Default)]
pub(super) struct MadeCards {
    forms: Vec<(CardForm, FxHashMap<String, String>)>,
}

/// Language, heading level, kicker.
type CardForm = (String, i64, bool);

impl MadeCards {
    /// Where the cards of `form` are.
    fn position(&self, (lang, level, kicker): (&str, i64, bool)) -> Option<usize> {
        self.forms
            .iter()
            .position(|((l, v, k), _)| l == lang && *v == level && *k == kicker)
    }

    fn get(&self, form: (&str, i64, bool), link: &str) -> Option<&String> {
        self.forms[self.position(form)?].1.get(link)
    }

    fn insert(&mut self, form: (&str, i64, bool), link: &str, html: String) {
        let at = self.position(form).unwrap_or_else(|| {
            let (lang, level, kicker) = form;
            self.forms
                .push(((lang.to_string(), level, kicker), FxHashMap::default()));
            self.forms.len() - 1
        });
        self.forms[at].1.insert(link.to_string(), html);
    }

    /// Forgets every card.
    pub(super) fn clear(&mut self) {
        self.forms.clear();
    }
}

/// `card_html(card=card, level=2, kicker=false, lang=lang)`: the theme's
/// `partials/card.html` rendered for `card`, once per build for each entry,
/// language and form, however many lists show it (cards are most of what
/// list and term pages render). The card's links are written from the site
/// root, so the same HTML serves every page; the page fills in its way to
/// the root.
#[derive(Clone, Debug)]
pub(super) struct CardFunction {
    /// The templates, with every other function.
    pub(super) tera: tera::Tera,
    /// Contexts for cards of each language, with `lang`, `root` and the
    /// interface words the card template reads as `t`.
    pub(super) contexts: Arc<ContextPool>,
    /// Cards made during this build.
    pub(super) made: Cards,
}

/// What every card of `lang` sees besides the card: `lang`, `root` (the
/// mark the page fills in) and the interface `words` the card template
/// reads, as `t`.
pub(super) fn card_context(
    lang: &str,
    words: Option<&std::collections::BTreeMap<String, String>>,
) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("lang", lang);
    context.insert("root", super::ROOT_MARK);
    if let Some(words) = words {
        context.insert("t", words);
    }
    context
}

/// The template a card is rendered with.
pub const CARD_TEMPLATE: &str = "partials/card.html";

impl tera::Function for CardFunction {
    fn call(&self, args: &HashMap<String, Value>) -> tera::Result<Value> {
        let card = args.get("card").ok_or_else(|| {
            tera::Error::msg(
                "card_html() needs `card`, e.g. card_html(card=card, level=2, lang=lang)",
            )
        })?;
        let lang = args
            .get("lang")
            .and_then(Value::as_str)
            .ok_or_else(|| tera::Error::msg("card_html() needs `lang=lang`"))?;
        let level = args.get("level").and_then(Value::as_i64).unwrap_or(2);
        let kicker = args.get("kicker").and_then(Value::as_bool).unwrap_or(false);
        let link = card.get("href").and_then(Value::as_str).unwrap_or("");
        let form = (lang, level, kicker);
        let made = self
            .made
            .lock()
            .ok()
            .and_then(|made| made.get(form, link).cloned());
        if let Some(html) = made {
            return Ok(Value::String(html));
        }
        let fresh = || {
            // A language the site does not declare has no words.
            let base = self.contexts.base(lang);
            Ok::<_, tera::Error>(base.unwrap_or_else(|| card_context(lang, None)))
        };
        let mut context = self.contexts.lend(lang, fresh)?;
        // Values are moved in: `insert` would serialize the card again,
        // field by field.
        context.set_values([
            ("card", card.clone()),
            ("level", level.into()),
            ("kicker", kicker.into()),
        ])?;
        let html = self.tera.render(CARD_TEMPLATE, context.context())?;
        drop(context);
        if let Ok(mut made) = self.made.lock() {
            made.insert(form, link, html.clone());
        }
        Ok(Value::String(html))
    }

    fn is_safe(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_are_found_by_form_and_link_only() {
        let mut made = MadeCards::default();
        made.insert(("fr", 2, false), "\u{e000}startups/a/", "A2".into());
        made.insert(("fr", 3, false), "\u{e000}startups/a/", "A3".into());
        made.insert(("en", 2, false), "\u{e000}startups/a/", "A2en".into());
        let get = |made: &MadeCards, form, link| made.get(form, link).cloned();
        assert_eq!(
            get(&made, ("fr", 2, false), "\u{e000}startups/a/").as_deref(),
            Some("A2")
        );
        assert_eq!(
            get(&made, ("fr", 3, false), "\u{e000}startups/a/").as_deref(),
            Some("A3")
        );
        assert_eq!(
            get(&made, ("en", 2, false), "\u{e000}startups/a/").as_deref(),
            Some("A2en")
        );
        assert_eq!(get(&made, ("fr", 2, true), "\u{e000}startups/a/"), None);
        assert_eq!(get(&made, ("fr", 2, false), "\u{e000}startups/b/"), None);
        made.clear();
        assert_eq!(get(&made, ("fr", 2, false), "\u{e000}startups/a/"), None);
    }

    #[test]
    fn url_function_resolves_hashed_files_and_style() {
        let manifest = Arc::new(HashMap::from([(
            "css/a.css".to_string(),
            "css/a.12345678.css".to_string(),
        )]));
        let call = |style, to: &str, root: &str| {
            let f = UrlFunction {
                manifest: manifest.clone(),
                style,
            };
            let args = HashMap::from([
                ("to".to_string(), Value::from(to)),
                ("root".to_string(), Value::from(root)),
            ]);
            tera::Function::call(&f, &args)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
        };
        assert_eq!(
            call(LinkStyle::Pretty, "/css/a.css", "../"),
            Some("../css/a.12345678.css".into())
        );
        assert_eq!(
            call(LinkStyle::Files, "news/", "../"),
            Some("../news/index.html".into())
        );
        assert_eq!(call(LinkStyle::Pretty, "", ""), Some("./".into()));
    }
}
