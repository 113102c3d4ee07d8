#![allow(clippy::unwrap_used)]
//! Mistakes that still build: a warning says what happened and what to
//! write, in French (the fixture's language) and English (snapshots `@fr`
//! and `@en`). Warnings do not fail a build unless `--deny-warnings` is
//! given, which fails it and keeps the previous output. Values that are
//! only untidy (spaces around an address) are accepted without a word.

mod common;

use common::{snapshot_tree, TestSite};

fn entry(front: &str, body: &str) -> String {
    format!("---\ntitle: Essai\n{front}\n---\n{body}")
}

/// Builds the fixture, writes `file`, builds again in both languages:
/// each build succeeds with `warnings` warnings (counted on the summary
/// line); then, with a new page added, `--deny-warnings` fails and leaves
/// the output as it was.
/// Snapshots what was printed on standard error.
fn warns(name: &str, file: &str, content: &str, warnings: usize) {
    let site = TestSite::from_fixture("basic");
    site.build();
    site.write(file, content);
    for (lang, counted) in [("fr", "avertissement"), ("en", "warning")] {
        let run = site.run(&["build", "--messages", lang]);
        assert_eq!(run.code, 0, "warnings do not fail a build:\n{}", run.stderr);
        assert!(run.stdout.contains(counted), "{}", run.stdout);
        assert!(run.stdout.contains(&warnings.to_string()), "{}", run.stdout);
        assert!(run.stderr.contains(file), "{}", run.stderr);
        snapshot(name, lang, &run.stderr);
    }
    let before = snapshot_tree(&site.path("public"));
    // A new page that a committed build would add.
    site.write(
        "content/nouvelle-page.md",
        "---\ntitle: Nouvelle page\n---\n",
    );
    for lang in ["fr", "en"] {
        let run = site.run(&["build", "--deny-warnings", "--messages", lang]);
        assert_eq!(run.code, 1, "--deny-warnings fails:\n{}", run.stderr);
        assert!(before == snapshot_tree(&site.path("public")));
        snapshot(&format!("{name}_denied"), lang, &run.stderr);
    }
}

fn snapshot(name: &str, lang: &str, text: &str) {
    insta::with_settings!({snapshot_suffix => lang}, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn a_ref_to_a_draft() {
    warns(
        "a_ref_to_a_draft",
        "content/news/x.md",
        &entry("date: 2024-06-01\nrelated: [startups/cardio]", "Corps.\n"),
        1,
    );
}

#[test]
fn a_comma_in_a_one_value_list() {
    warns(
        "a_comma_in_a_one_value_list",
        "content/startups/x.md",
        &entry("tags: imagerie, chirurgie", "Corps.\n"),
        1,
    );
}

#[test]
fn raw_html_removed_by_the_filter() {
    let body = "Notre vidéo :\n\n<iframe src=\"https://video.example/embed/1\" allowfullscreen></iframe>\n\n<p onclick=\"suivre()\">Un paragraphe.</p>\n\n<script>suivre();</script>\n\nUn [lien](javascript:alert(1)).\n";
    warns(
        "raw_html_removed_by_the_filter",
        "content/startups/x.md",
        &entry("", body),
        4,
    );
}

/// A news item that refers to a draft: a warning, the link left out.
fn refers_to_a_draft(site: &TestSite) {
    site.write(
        "content/news/x.md",
        entry("date: 2024-06-01\nrelated: [startups/cardio]", ""),
    );
}

#[test]
fn warnings_in_json_have_their_severity() {
    let site = TestSite::from_fixture("basic");
    refers_to_a_draft(&site);
    let run = site.run(&["build", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(value["ok"], true);
    assert_eq!(value["warnings"], 1);
    let warning = &value["diagnostics"][0];
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["code"], "ref-to-unpublished");
    assert_eq!(warning["span"]["file"], "content/news/x.md");
    assert_eq!(warning["span"]["line"], 4);
    let message = warning["message"].as_str().unwrap();
    assert!(message.contains("brouillon"), "{message}");
    let denied = site.run(&["build", "--format", "json", "--deny-warnings"]);
    assert_eq!(denied.code, 1);
    let value: serde_json::Value = serde_json::from_str(&denied.stdout).unwrap();
    assert_eq!(
        (value["ok"].clone(), value["warnings"].clone()),
        (false.into(), 1.into())
    );
}

#[test]
fn quiet_hides_warnings_unless_they_are_denied() {
    let site = TestSite::from_fixture("basic");
    refers_to_a_draft(&site);
    let quiet = site.run(&["build", "--quiet"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (0, ""));
    let denied = site.run(&["build", "--quiet", "--deny-warnings"]);
    assert_eq!(denied.code, 1);
    assert!(denied.stderr.contains("related"), "{}", denied.stderr);
}

#[test]
fn spaces_around_typed_values_are_accepted() {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/startups/x.md",
        entry(
            "website: \"https://1eleve1stage.education.gouv.fr \"\ncontact: \" bonjour@acme.example\"\nstage: \"croissance \"\nfounded: \" 2021\"\nemployees: \"12 \"\nincorporated: \"2021-03-04 \"\ninstitute: \"inst-a \"",
            "Corps.\n",
        ),
    );
    let run = site.build();
    assert_eq!(run.stderr, "", "no warning either");
    let page = site.output("start-ups/x/index.html");
    assert!(
        page.contains("https://1eleve1stage.education.gouv.fr\""),
        "the address is written trimmed"
    );
}

#[test]
fn language_follows_flag_then_variable_then_site() {
    let site = TestSite::from_fixture("basic");
    site.write("content/startups/x.md", entry("founded: deux mille", ""));
    let variable = |value: &str, args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_parvis"))
            .args(args)
            .current_dir(&site.root)
            .env("PARVIS_MESSAGES", value)
            .output()
            .unwrap();
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    assert!(site.run(&["build"]).stderr.contains("le site a 1 erreur"));
    assert!(variable("en", &["build"]).contains("the site has 1 error"));
    assert!(variable("en", &["build", "--messages", "fr"]).contains("le site a 1 erreur"));
    assert!(variable("zz", &["build"]).contains("le site a 1 erreur"));
    // An English site speaks English; a broken site.toml still tells.
    let config = site.read("site.toml").replace(
        "default_language = \"fr\"",
        "default_language = \"en\"\ntitel = \"x\"",
    );
    site.write("site.toml", config);
    let run = site.run(&["build"]);
    assert!(
        run.stderr.contains("unknown key in site.toml"),
        "{}",
        run.stderr
    );
    let help = site.run(&["--help"]);
    assert!(help.stdout.contains("Usage:"), "{}", help.stdout);
    let help = site.run(&["build", "--help", "--messages", "fr"]);
    assert!(help.stdout.contains("Utilisation :"), "{}", help.stdout);
}
