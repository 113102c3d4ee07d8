//! Template contexts reused from one render to the next.
//!
//! What a page's context holds besides its own values — its language's
//! interface words (`t`, about a hundred) and shared parts — is the same
//! for every page of that language, and a card's words are the same for
//! every card. Copying them into a new context for each page or card, then
//! freeing them, was 3 % of a build's instructions; a context given back
//! after a render keeps them, and the next render of that language only
//! replaces the values that are its own. Every page (every card) sets the
//! same keys, so nothing of one is left for the next.

use std::collections::HashMap;
use std::sync::Mutex;

/// Contexts ready for the renders of each language.
#[derive(Debug, Default)]
pub(super) struct ContextPool {
    /// What every context of a language starts with.
    bases: HashMap<String, tera::Context>,
    /// Contexts given back after a render, by language.
    free: Mutex<HashMap<String, Vec<tera::Context>>>,
}

impl ContextPool {
    /// A pool whose contexts of each language start as `bases` says.
    pub(super) fn new(bases: HashMap<String, tera::Context>) -> Self {
        ContextPool {
            bases,
            free: Mutex::default(),
        }
    }

    /// A new context of `lang` as it starts, if the pool knows `lang`.
    pub(super) fn base(&self, lang: &str) -> Option<tera::Context> {
        self.bases.get(lang).cloned()
    }

    /// A context given back after a render of `lang`, if one is free.
    pub(super) fn take(&self, lang: &str) -> Option<tera::Context> {
        self.lock().get_mut(lang)?.pop()
    }

    /// Gives back a context used by a render of `lang`.
    pub(super) fn give_back(&self, lang: &str, context: tera::Context) {
        self.lock()
            .entry(lang.to_string())
            .or_default()
            .push(context);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<tera::Context>>> {
        self.free
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contexts_given_back_are_taken_again_by_their_language_only() {
        let mut fr = tera::Context::new();
        fr.insert("lang", "fr");
        let pool = ContextPool::new(HashMap::from([("fr".to_string(), fr)]));
        assert!(pool.take("fr").is_none());
        let mut used = pool.base("fr").expect("fr is known");
        used.insert("page", "one");
        pool.give_back("fr", used);
        assert!(pool.take("en").is_none());
        let again = pool.take("fr").expect("given back");
        assert_eq!(again.get("page"), Some(&tera::Value::from("one")));
        assert!(pool.take("fr").is_none());
        assert!(pool.base("en").is_none());
    }
}
