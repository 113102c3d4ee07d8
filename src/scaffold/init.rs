//! `parvis init DIR`: a new site that builds at once.
//!
//! The program carries what it writes (listed at compile time by the
//! crate's build script): the starter site (`src/scaffold/starter/`: a
//! `site.toml` commented in French, a home page, one list intro and one
//! example entry per collection) and the campus theme (`themes/campus/`),
//! so a new site needs nothing but the program.

use std::path::{Path, PathBuf};

use super::{write_new, Refusal};
use crate::diagnostics::{Diagnostic, Span};
use crate::msg;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// What a new site's `.gitignore` holds: the output folder and the cache
/// of `parvis check --external`.
const GITIGNORE: &str = "/public\n/.parvis-cache\n";

/// Writes a new site into `dir` (made if missing; refused unless empty).
/// Returns how many files were written.
pub fn init(dir: &Path) -> Result<usize, Refusal> {
    let not_empty = match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_some(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(_) => true,
    };
    if not_empty {
        return Err(
            Diagnostic::error(msg!("init-not-empty", dir = dir.display()))
                .at(Span::file(dir))
                .hint(msg!("init-not-empty-hint"))
                .into(),
        );
    }
    let theme = Path::new("themes/campus");
    let files = embedded::STARTER
        .iter()
        .map(|(path, bytes)| (PathBuf::from(path), *bytes))
        .chain(
            embedded::THEME
                .iter()
                .map(|(path, bytes)| (theme.join(path), *bytes)),
        )
        .chain([(PathBuf::from(".gitignore"), GITIGNORE.as_bytes())]);
    let mut written = 0;
    for (relative, bytes) in files {
        write_new(&dir.join(&relative), &relative, bytes)?;
        written += 1;
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_program_carries_the_whole_theme() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/campus");
        let on_disk = walkdir::WalkDir::new(&folder)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .count();
        assert_eq!(embedded::THEME.len(), on_disk);
        assert!(embedded::THEME
            .iter()
            .any(|(path, _)| *path == "templates/base.html"));
        assert!(embedded::STARTER
            .iter()
            .any(|(path, _)| *path == "site.toml"));
    }
}
