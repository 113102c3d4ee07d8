//! Lists the files `parvis init` writes into a new site — the campus theme
//! (`themes/campus/`) and the starter site (`src/scaffold/starter/`) — as
//! `include_bytes!` entries, so the program carries them and a new site
//! does not depend on this repository being at hand. Adding a file to
//! either folder adds it to the program at the next build.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    let mut code = String::new();
    for (name, folder, what) in [
        ("THEME", "themes/campus", "The campus theme's files"),
        (
            "STARTER",
            "src/scaffold/starter",
            "The starter site's files",
        ),
    ] {
        let root = manifest.join(folder);
        println!("cargo:rerun-if-changed={}", root.display());
        let mut files = Vec::new();
        walk(&root, &mut files);
        files.sort();
        let _ = writeln!(code, "/// {what}: path relative to the folder, bytes.");
        let _ = writeln!(code, "pub(super) static {name}: &[(&str, &[u8])] = &[");
        for file in files {
            let relative = file
                .strip_prefix(&root)
                .unwrap_or(&file)
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let _ = writeln!(
                code,
                "    ({relative:?}, include_bytes!({:?})),",
                file.display().to_string()
            );
        }
        let _ = writeln!(code, "];");
    }
    if let Err(e) = std::fs::write(out.join("embedded.rs"), code) {
        panic!("cannot write the list of embedded files: {e}");
    }
}

/// Every file under `folder`, hidden ones and editor backups left out.
fn walk(folder: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}
