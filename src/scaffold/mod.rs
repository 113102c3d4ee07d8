//! Scaffolding: the files an editor starts from, derived from the schema.
//!
//! `parvis new` writes a new entry of a collection ([`entry`]): its
//! declared fields, required ones holding a placeholder that the content
//! stage refuses ([`crate::content::placeholder`]), optional ones as
//! comments that say what they hold. With `--from`, it writes the
//! translation of an entry ([`translation`]): what needs no translation is
//! copied, texts are left to translate. `parvis init` writes a new site
//! that builds at once ([`init`]).

pub mod entry;
pub mod init;
mod translation;

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::msg;

/// Why nothing was written.
#[derive(Debug)]
pub enum Refusal {
    /// The command's arguments do not fit the site (an unknown collection,
    /// language or original): exit code 2.
    Usage(Diagnostic),
    /// The site has errors, or the file exists, or it cannot be written:
    /// exit code 1.
    Site(Diagnostics),
}

impl From<Diagnostic> for Refusal {
    fn from(problem: Diagnostic) -> Refusal {
        Refusal::Site(Diagnostics::from_iter([problem]))
    }
}

/// Writes `bytes` into a new file at `path` (its folder made if needed);
/// an existing file is never replaced. `shown` is the path as messages
/// name it.
fn write_new(path: &Path, shown: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    let failed = |e: std::io::Error| {
        Diagnostic::error(msg!("new-unwritable", file = shown.display(), error = e))
            .at(Span::file(shown))
            .hint(msg!("new-unwritable-hint"))
    };
    if path.symlink_metadata().is_ok() {
        return Err(exists(shown));
    }
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder).map_err(failed)?;
    }
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists(shown)),
        Err(e) => return Err(failed(e)),
    };
    file.write_all(bytes).map_err(failed)
}

/// The refusal to replace an existing file.
fn exists(shown: &Path) -> Diagnostic {
    Diagnostic::error(msg!("new-file-exists", file = shown.display()))
        .hint(msg!("new-file-exists-hint"))
}

/// A text as a YAML double-quoted string: JSON's escapes are YAML's.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| format!("\"{text}\""))
}

/// A value as YAML on one line: texts quoted, lists and maps in brackets
/// and braces (JSON's flow forms, which YAML reads).
fn flow(value: &Value) -> String {
    match value {
        Value::String(text) => quoted(text),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// The path shown to people: relative to the site root.
fn shown(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_yaml_reads_them_back() {
        let value = serde_json::json!(["Imagerie médicale", "a \"b\": c", 3]);
        let text = format!("k: {}\n", flow(&value));
        let back = crate::yaml::parse_mapping(&text).expect("valid yaml");
        assert_eq!(back["k"].0, value);
        let map = serde_json::json!({"figures": [{"value": "4", "label": "instituts"}]});
        let back =
            crate::yaml::parse_mapping(&format!("extra: {}\n", flow(&map))).expect("valid yaml");
        assert_eq!(back["extra"].0, map);
    }

    #[test]
    fn an_existing_file_is_never_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("content/a.md");
        write_new(&path, Path::new("content/a.md"), b"one").expect("first write");
        let refused = write_new(&path, Path::new("content/a.md"), b"two").expect_err("exists");
        assert_eq!(refused.message.id(), "new-file-exists");
        assert_eq!(std::fs::read_to_string(&path).ok().as_deref(), Some("one"));
    }
}
