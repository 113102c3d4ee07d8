//! Template contexts reused from one render to the next.
//!
//! What a page's context holds besides its own values — its language's
//! interface words (`t`, about a hundred) and shared parts — is the same
//! for every page of that language, and a card's words are the same for
//! every card. Copying them into a new context for each page or card, then
//! freeing them, was 3 % of a build's instructions; a context given back
//! after a render keeps them, and the next render of that language only
//! sets the values that are its own. A context is lent ([`Lent`]): what a
//! render sets on it is removed when it goes back, so nothing of one page
//! can be seen by the next, whatever values each kind of page sets.

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

    /// Lends a context for a render of `lang`: one given back before, or
    /// else the one `fresh` makes.
    pub(super) fn lend<'p, 'l, E>(
        &'p self,
        lang: &'l str,
        fresh: impl FnOnce() -> Result<tera::Context, E>,
    ) -> Result<Lent<'p, 'l>, E> {
        let free = self.lock().get_mut(lang).and_then(Vec::pop);
        let context = match free {
            Some(context) => context,
            None => fresh()?,
        };
        Ok(Lent {
            pool: self,
            lang,
            context,
            own: Vec::new(),
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Vec<tera::Context>>> {
        self.free
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// A context lent for one render. The values set on it are that render's
/// own: they are removed when it is dropped, and the context goes back to
/// its pool with only what every render of its language shares.
pub(super) struct Lent<'p, 'l> {
    pool: &'p ContextPool,
    lang: &'l str,
    context: tera::Context,
    /// The keys set on it.
    own: Vec<&'static str>,
}

impl Lent<'_, '_> {
    /// Sets `key` for this render.
    pub(super) fn set<T: serde::Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        self.own.push(key);
        self.context.insert(key, value);
    }

    /// Sets each of `values` for this render, moved in: not serialized
    /// again.
    pub(super) fn set_values<const N: usize>(
        &mut self,
        values: [(&'static str, serde_json::Value); N],
    ) -> tera::Result<()> {
        self.own.extend(values.iter().map(|(key, _)| *key));
        let values = values
            .into_iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect();
        self.context
            .extend(tera::Context::from_value(serde_json::Value::Object(
                values,
            ))?);
        Ok(())
    }

    /// The context, to render with.
    pub(super) fn context(&self) -> &tera::Context {
        &self.context
    }
}

impl Drop for Lent<'_, '_> {
    fn drop(&mut self) {
        let mut context = std::mem::take(&mut self.context);
        for key in &self.own {
            context.remove(key);
        }
        // Every page goes through here: the language's name is copied only
        // the first time one of its contexts comes back.
        let mut free = self.pool.lock();
        match free.get_mut(self.lang) {
            Some(contexts) => contexts.push(context),
            None => {
                free.insert(self.lang.to_string(), vec![context]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lent_contexts_come_back_without_what_a_render_set() {
        let mut fr = tera::Context::new();
        fr.insert("lang", "fr");
        let pool = ContextPool::new(HashMap::from([("fr".to_string(), fr)]));
        let fresh = || pool.base("fr").ok_or(());
        {
            let mut first = pool.lend("fr", fresh).expect("a fresh context");
            first.set("page", "one");
            first.set("only_here", &1);
            assert_eq!(first.context().get("page"), Some(&tera::Value::from("one")));
        }
        let made = std::cell::Cell::new(0);
        let counted = || {
            made.set(made.get() + 1);
            pool.base("fr").ok_or(())
        };
        let second = pool.lend("fr", counted).expect("the one given back");
        assert_eq!(made.get(), 0, "the context given back is lent again");
        assert_eq!(second.context().get("lang"), Some(&tera::Value::from("fr")));
        assert!(second.context().get("page").is_none());
        assert!(second.context().get("only_here").is_none());
        // Another language does not get it.
        let english = pool.lend("en", || Err::<tera::Context, _>("none free"));
        assert!(english.is_err());
    }
}
