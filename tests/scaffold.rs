#![allow(clippy::unwrap_used)]
//! `parvis new` and `parvis init`, run as the real program: a new entry
//! of every collection of the portal, and its translation, fail the build
//! with one message per placeholder until each is replaced, then build; a
//! dated collection gets today's date in the file name; nothing is ever
//! overwritten; a new site builds at once, without a warning.

mod common;

use std::path::Path;
use std::process::Command;

use common::TestSite;
use parvis::config::{Config, FieldSpec, FieldType, SortBy};

fn today() -> String {
    chrono::Local::now()
        .date_naive()
        .format("%Y-%m-%d")
        .to_string()
}

/// A value the schema accepts for a field of type `spec`.
fn valid_value(spec: &FieldSpec) -> String {
    match spec.kind {
        FieldType::String | FieldType::Markdown => "\"Texte écrit\"".into(),
        FieldType::Url => "https://www.example.org".into(),
        FieldType::Email => "contact@example.org".into(),
        FieldType::Year => "2021".into(),
        FieldType::Int => "3".into(),
        FieldType::Date => "2026-01-15".into(),
        FieldType::Bool => "true".into(),
        FieldType::Enum => spec.values[0].clone(),
        other => panic!("no test value for a required field of type {other:?}"),
    }
}

/// The file written by a successful `parvis new`, as its output names it.
fn written(run: &common::Run) -> String {
    assert_eq!(run.code, 0, "parvis new failed:\n{}", run.stderr);
    let line = run.stdout.lines().next().unwrap();
    line.rsplit(": ").next().unwrap().trim().to_string()
}

#[test]
fn new_entries_of_every_collection_fail_until_filled_in_then_build() {
    let site = TestSite::portal();
    let config = Config::load(&site.root).unwrap();
    for (key, collection) in &config.collections {
        let file = written(&site.run(&["new", key, "Entrée d'essai"]));
        let name = Path::new(&file).file_name().unwrap().to_string_lossy();
        match collection.sort_by {
            SortBy::Date => assert_eq!(name, format!("{}-entree-d-essai.md", today())),
            _ => assert_eq!(name, "entree-d-essai.md"),
        }
        let required: Vec<(&String, &FieldSpec)> = collection
            .fields
            .iter()
            .filter(|(_, s)| s.required)
            .collect();
        if !required.is_empty() {
            let run = site.run(&["build"]);
            assert_eq!(run.code, 1, "{key}: the placeholders must fail the build");
            for (field, _) in &required {
                let said = format!("`{field}` contient encore `À COMPLÉTER`");
                assert!(run.stderr.contains(&said), "{key}: {said}\n{}", run.stderr);
            }
            let english = site.run(&["build", "--messages", "en"]);
            assert!(english.stderr.contains("still holds `À COMPLÉTER`"));
            let mut text = site.read(&file);
            for (field, spec) in &required {
                let from = format!("{field}: \"À COMPLÉTER\"");
                assert!(text.contains(&from), "{key}: {from}\n{text}");
                text = text.replace(&from, &format!("{field}: {}", valid_value(spec)));
            }
            site.write(&file, text);
        }
        let run = site.run(&["build"]);
        assert_eq!(run.code, 0, "{key}: {}", run.stderr);
        assert!(
            !run.stderr.contains("avertissement"),
            "{key}: {}",
            run.stderr
        );
        translate(&site, key, &file);
    }
}

/// `new --lang en --from` the entry at `file`: placeholders to translate,
/// then a build once they are replaced.
fn translate(site: &TestSite, key: &str, file: &str) {
    let stem = Path::new(file).file_stem().unwrap().to_string_lossy();
    let translation = written(&site.run(&["new", key, "--lang", "en", "--from", &stem]));
    assert_eq!(translation, file.replace(".md", ".en.md"));
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{key}: the title is left to translate");
    assert!(run.stderr.contains("`title` contient encore `À TRADUIRE`"));
    let text = site.read(&translation).replace("À TRADUIRE : ", "EN ");
    site.write(&translation, text);
    let run = site.run(&["build"]);
    assert_eq!(run.code, 0, "{key}: {}", run.stderr);
}

#[test]
fn a_translation_copies_what_needs_no_translation() {
    let site = TestSite::portal();
    site.remove("content/startups/pixelos.en.md");
    let file = written(&site.run(&[
        "new",
        "startups",
        "Pixelos",
        "--lang",
        "en",
        "--from",
        "pixelos",
        "--messages",
        "en",
    ]));
    assert_eq!(file, "content/startups/pixelos.en.md");
    let text = site.read(&file);
    for copied in [
        "title: \"Pixelos\"",
        "website: \"https://pixelos.example\"",
        "sectors: [\"Medical imaging\", \"Artificial intelligence\"]",
        "founded: 2020",
        "institute: \"prairie\"",
        "stage: \"croissance\"",
    ] {
        assert!(text.contains(copied), "{copied}\n{text}");
    }
    assert!(
        text.contains("summary: \"TO TRANSLATE: Exemple fictif"),
        "{text}"
    );
    let run = site.run(&["build", "--messages", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`summary` still holds `TO TRANSLATE`"));
    assert!(run.stderr.contains("the text still holds `TO TRANSLATE`"));
    let body_start = text.find("TO TRANSLATE: translate the text").unwrap();
    let body_end = body_start + text[body_start..].find('\n').unwrap() + 1;
    let mut done = format!("{}{}", &text[..body_start], &text[body_end..]);
    done = done.replace("TO TRANSLATE: Exemple fictif", "A made-up example");
    site.write(&file, done);
    site.build();
}

#[test]
fn new_never_overwrites_and_refuses_what_the_site_does_not_have() {
    let site = TestSite::portal();
    let file = written(&site.run(&["new", "startups", "Acme Santé"]));
    assert_eq!(file, "content/startups/acme-sante.md");
    site.write(&file, "---\ntitle: Acme Santé\n---\nDéjà écrit.\n");
    let again = site.run(&["new", "startups", "Acme santé"]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("content/startups/acme-sante.md"));
    assert!(site.read(&file).contains("Déjà écrit."));
    // The same name in another form is the same entry.
    let yaml = site.run(&["new", "startups", "Vivamod"]);
    assert_eq!(yaml.code, 1);
    assert!(yaml.stderr.contains("content/startups/vivamod.yaml"));
    let existing = site.run(&["new", "startups", "--lang", "en", "--from", "pixelos"]);
    assert_eq!(existing.code, 1);
    assert!(existing.stderr.contains("pixelos.en.md"));
    let typo = site.run(&["new", "startup", "Acme"]);
    assert_eq!(typo.code, 2);
    assert!(typo.stderr.contains("`startups`"));
    assert_eq!(
        site.run(&["new", "startups", "Acme", "--lang", "de"]).code,
        2
    );
    assert_eq!(
        site.run(&["new", "startups", "--lang", "en", "--from", "nobody"])
            .code,
        2
    );
    assert_eq!(site.run(&["new", "startups", "--from", "pixelos"]).code, 2);
}

#[test]
fn an_empty_required_field_is_missing() {
    let site = TestSite::portal();
    let file = written(&site.run(&["new", "operators", "Exemple"]));
    let text = site
        .read(&file)
        .replace("acronym: \"À COMPLÉTER\"", "acronym:")
        .replace("\"À COMPLÉTER\"", "https://www.example.org");
    site.write(&file, text);
    let run = site.run(&["build", "--messages", "en"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("`acronym`: required field is missing"));
}

/// Runs the program outside any site.
fn parvis(args: &[&str], dir: &Path) -> common::Run {
    let output = Command::new(env!("CARGO_BIN_EXE_parvis"))
        .args(args)
        .current_dir(dir)
        .env_remove("PARVIS_MESSAGES")
        .output()
        .unwrap();
    common::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn init_makes_a_site_that_builds_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let run = parvis(&["init", "mon-site"], dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let site = dir.path().join("mon-site");
    for file in [
        "site.toml",
        ".gitignore",
        "content/_index.md",
        "themes/campus/templates/base.html",
        "themes/campus/static/css/campus.css",
    ] {
        assert!(site.join(file).is_file(), "{file}");
    }
    let build = parvis(&["build", "--root", "mon-site"], dir.path());
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(build.stderr.is_empty(), "{}", build.stderr);
    assert!(!build.stdout.contains("avertissement"), "{}", build.stdout);
    assert!(site.join("public/index.html").is_file());
    let check = parvis(
        &["check", "--deny-warnings", "--root", "mon-site"],
        dir.path(),
    );
    assert_eq!(check.code, 0, "{}", check.stderr);
    // A new entry of the new site builds too.
    let new = parvis(
        &["new", "startups", "Ma start-up", "--root", "mon-site"],
        dir.path(),
    );
    assert_eq!(new.code, 0, "{}", new.stderr);
    let build = parvis(&["build", "--root", "mon-site"], dir.path());
    assert_eq!(build.code, 0, "{}", build.stderr);
    let again = parvis(&["init", "mon-site"], dir.path());
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("mon-site"), "{}", again.stderr);
}

#[test]
fn placeholder_messages_name_the_field_and_what_to_write() {
    let site = TestSite::from_fixture("basic");
    written(&site.run(&["new", "operators", "Exemple"]));
    let fr = site.run(&["build"]);
    let en = site.run(&["build", "--messages", "en"]);
    assert_eq!((fr.code, en.code), (1, 1));
    insta::with_settings!({snapshot_suffix => "fr"}, {
        insta::assert_snapshot!("placeholders", fr.stderr);
    });
    insta::with_settings!({snapshot_suffix => "en"}, {
        insta::assert_snapshot!("placeholders", en.stderr);
    });
}
