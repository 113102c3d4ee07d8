//! parvis: the static site generator of the PariSanté Campus portal.
//!
//! A build runs these stages, one module each, data flowing one way:
//!
//! 1. [`config`]: `site.toml`, strictly typed;
//! 2. [`content`]: files under `content/` → validated documents;
//! 3. [`site`]: documents → the immutable model (URLs, relations, lists);
//! 4. [`markdown`] and [`render`]: each route → an HTML page;
//! 5. [`search`]: the static index, gathered while pages render;
//! 6. [`output`]: staging folder, static files, atomic swap;
//! 7. [`serve`]: the editor's preview, rebuilding a [`workspace`] on save.
//!
//! [`build`] runs them in order; [`check`] runs them writing nothing, then
//! reviews what a build lets through (accessibility, links to other
//! sites); [`scaffold`] writes the files an editor starts from (a new
//! entry, a translation, a new site). [`diagnostics`] is what every stage
//! reports, in words from [`messages`] (French or English); [`cli`] is
//! the command line on top.

// Two unsafe blocks, each with its reason where it is: the folder exchange
// of output::writer (renameat2) and content::frontmatter::decode. The
// README names them; this lint keeps any other out.
#![deny(unsafe_code)]

pub mod bodies;
pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod confine;
pub mod content;
pub mod diagnostics;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod render;
pub mod scaffold;
mod scan;
pub mod search;
pub mod serve;
pub mod site;
pub mod slug;
pub mod urls;
pub mod workspace;
pub mod yaml;
