//! Which language the command line speaks, decided before the arguments
//! are parsed (so `--help` is in it too): `--messages`, else the variable
//! `PARVIS_MESSAGES`, else French for a site whose `default_language` is
//! `fr` and English for any other, else French.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::confine::SiteRoot;
use crate::messages::Lang;

/// The variable that chooses the language when `--messages` is not given.
pub(super) const VARIABLE: &str = "PARVIS_MESSAGES";

/// The language for a run with these arguments (program name first).
pub(super) fn choose(args: &[OsString]) -> Lang {
    let flag = option(args, "--messages").and_then(|v| v.parse().ok());
    let variable = std::env::var(VARIABLE).ok().and_then(|v| v.parse().ok());
    flag.or(variable).unwrap_or_else(|| {
        let root = option(args, "--root").map_or_else(|| PathBuf::from("."), PathBuf::from);
        site_language(&root).map_or(Lang::Fr, |code| Lang::for_site(&code))
    })
}

/// The value of `--name value` or `--name=value`, the last one written.
fn option(args: &[OsString], name: &str) -> Option<String> {
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            break;
        }
        if arg == name {
            found = args.next().map(|v| v.into_owned());
        } else if let Some(value) = arg.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            found = Some(value.to_string());
        }
    }
    found
}

/// The `default_language` of the site at `root`, read leniently: from a
/// `site.toml` that does not parse, the line `default_language = "…"` is
/// still used. `None` when there is no readable `site.toml`.
fn site_language(root: &Path) -> Option<String> {
    let path = root.join("site.toml");
    SiteRoot::new(root).check(&path).ok()?;
    let text = std::fs::read_to_string(path).ok()?;
    if let Ok(table) = text.parse::<toml::Table>() {
        let code = table.get("default_language").and_then(|v| v.as_str());
        return Some(code.unwrap_or("fr").to_string());
    }
    text.lines().find_map(|line| {
        let value = line.trim().strip_prefix("default_language")?;
        let value = value.trim_start().strip_prefix('=')?;
        Some(value.trim().trim_matches(['"', '\'']).to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn options_are_read_in_both_forms() {
        let given = args(&["parvis", "build", "--messages", "en", "--root=site"]);
        assert_eq!(option(&given, "--messages").as_deref(), Some("en"));
        assert_eq!(option(&given, "--root").as_deref(), Some("site"));
        assert_eq!(
            option(&args(&["parvis", "--", "--root", "x"]), "--root"),
            None
        );
    }

    #[test]
    fn a_broken_site_toml_still_gives_its_language() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(
            dir.path().join("site.toml"),
            "default_language = \"en\"\ntitle = [\n",
        )
        .expect("write");
        assert_eq!(site_language(dir.path()).as_deref(), Some("en"));
        std::fs::write(dir.path().join("site.toml"), "title = \"T\"\n").expect("write");
        assert_eq!(site_language(dir.path()).as_deref(), Some("fr"));
        assert_eq!(site_language(&dir.path().join("absent")), None);
    }
}
