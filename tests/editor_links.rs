#![allow(clippy::unwrap_used)]
//! Mistakes editors make with links, refs and translations: each is caught
//! once, where it is, with the fix. A file that fails its own checks still
//! owns its address, so the links and refs to it are not reported again:
//! one fault, one error.

mod common;

use common::{snapshot_tree, TestSite};

/// A news item linking to the institute in every way an editor may.
const LINKS_TO_INSTITUTE: &str = "---\ntitle: Liens\ndate: 2024-06-02\nrelated: [institutes/inst-a]\n---\nVoir [l'institut](../institutes/inst-a.md), [sa page](/instituts/inst-a/) et [la liste](../institutes/_index.md).\n";

/// The diagnostics of one failed build, in French then in English.
struct Failure {
    fr: String,
    en: String,
}

/// Builds the fixture with `setup`, then again after `change`, in French
/// and in English; each build must fail without touching the output.
fn fails_after(setup: &[(&str, &str)], change: &[(&str, &str)]) -> Failure {
    let site = TestSite::from_fixture("basic");
    for (file, text) in setup {
        site.write(file, text);
    }
    site.build();
    let before = snapshot_tree(&site.path("public"));
    for (file, text) in change {
        site.write(file, text);
    }
    let run = |args: &[&str]| {
        let run = site.run(args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            before == snapshot_tree(&site.path("public")),
            "the output changed"
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        run.stderr
    };
    Failure {
        fr: run(&["build"]),
        en: run(&["build", "--messages", "en"]),
    }
}

/// Snapshots `name@fr` and `name@en`.
fn assert_snapshots(name: &str, failure: &Failure) {
    insta::with_settings!({snapshot_suffix => "fr"}, {
        insta::assert_snapshot!(name, failure.fr);
    });
    insta::with_settings!({snapshot_suffix => "en"}, {
        insta::assert_snapshot!(name, failure.en);
    });
}

/// How many errors (`error: `) or warnings (`warning: `) an English run
/// printed, the closing summary left out.
fn count(stderr: &str, severity: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{severity}: ")) && !l.contains("the site has"))
        .count()
}

/// Exactly one error, naming `place`, in both languages.
fn one_error_in(failure: &Failure, place: &str) {
    assert_eq!(
        count(&failure.en, "error"),
        1,
        "exactly one fault:\n{}",
        failure.en
    );
    assert!(failure.en.contains(place), "names {place}:\n{}", failure.en);
    assert!(failure.fr.contains(place), "names {place}:\n{}", failure.fr);
    assert!(failure.fr.contains("le site a 1 erreur"), "{}", failure.fr);
}

#[test]
fn a_tab_in_a_linked_entry_is_one_error() {
    let failure = fails_after(
        &[("content/news/liens.md", LINKS_TO_INSTITUTE)],
        &[(
            "content/institutes/inst-a.md",
            "---\ntitle: Institut A\n\tacronym: IA\noperators: [op-one]\n---\nTexte.\n",
        )],
    );
    one_error_in(&failure, "content/institutes/inst-a.md:3:");
    assert_snapshots("cascade_tab", &failure);
}

#[test]
fn an_unclosed_front_matter_in_a_linked_entry_is_one_error() {
    let failure = fails_after(
        &[("content/news/liens.md", LINKS_TO_INSTITUTE)],
        &[(
            "content/institutes/inst-a.md",
            "---\ntitle: Institut A\nacronym: IA\n\nTexte sans fin d'en-tête.\n",
        )],
    );
    one_error_in(&failure, "content/institutes/inst-a.md");
    assert_snapshots("cascade_unclosed_front_matter", &failure);
}

#[test]
fn a_misspelt_field_in_a_linked_entry_is_one_error() {
    let failure = fails_after(
        &[("content/news/liens.md", LINKS_TO_INSTITUTE)],
        &[(
            "content/institutes/inst-a.md",
            "---\ntitle: Institut A\nacronyme: IA\noperators: [op-one]\n---\nTexte.\n",
        )],
    );
    one_error_in(&failure, "content/institutes/inst-a.md:3:");
    assert_snapshots("cascade_misspelt_field", &failure);
}

fn entry(body: &str) -> String {
    format!("---\ntitle: Essai\n---\n{body}\n")
}

#[test]
fn a_website_without_its_scheme_is_an_error_with_the_fix() {
    let failure = fails_after(
        &[],
        &[(
            "content/startups/x.md",
            &entry("Voir [l'IPM](www.institut-ipm.fr)."),
        )],
    );
    one_error_in(&failure, "content/startups/x.md:4:");
    assert!(
        failure.fr.contains("https://www.institut-ipm.fr"),
        "{}",
        failure.fr
    );
    assert_snapshots("website_without_scheme", &failure);
}

#[test]
fn a_link_to_an_entry_without_its_extension_names_the_file() {
    let failure = fails_after(
        &[],
        &[("content/startups/x.md", &entry("Voir [Delta](delta)."))],
    );
    one_error_in(&failure, "content/startups/x.md:4:");
    assert!(failure.fr.contains("`delta.md`"), "{}", failure.fr);
    assert_snapshots("entry_link_without_extension", &failure);
}

#[test]
fn a_fragment_that_names_no_heading_is_an_error() {
    let failure = fails_after(
        &[],
        &[(
            "content/startups/x.md",
            &entry("## Équipe\n\nVoir [ici](#equipe), [le programme](../news/2024-05-01-lancement.md#programme) et [l'équipe](/instituts/inst-a/#equipe)."),
        )],
    );
    one_error_in(&failure, "content/startups/x.md:6:");
    assert!(failure.fr.contains("#equipe"), "{}", failure.fr);
    assert_snapshots("fragment_without_heading", &failure);
}

#[test]
fn fragments_that_name_headings_pass() {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/startups/x.md",
        entry("## Équipe\n\nVoir [ici](#equipe) et [le programme](../news/2024-05-01-lancement.md#programme)."),
    );
    site.build();
    let page = site.output("start-ups/x/index.html");
    assert!(page.contains("href=\"#equipe\""), "{page}");
    assert!(page.contains("lancement/#programme\""), "{page}");
}

#[test]
fn a_missing_image_is_offered_a_file_not_a_page() {
    let failure = fails_after(
        &[],
        &[("content/startups/x.md", &entry("![Logo](/img/logo.sgv)"))],
    );
    one_error_in(&failure, "content/startups/x.md:4:");
    assert!(failure.fr.contains("`/img/logo.svg`"), "{}", failure.fr);
    assert_snapshots("missing_image_offered_a_file", &failure);
}

#[test]
fn a_ref_in_capitals_is_offered_its_slug() {
    let failure = fails_after(
        &[],
        &[(
            "content/startups/x.md",
            "---\ntitle: Essai\ninstitute: Inst-A\n---\nTexte.\n",
        )],
    );
    one_error_in(&failure, "content/startups/x.md:3:");
    assert!(failure.fr.contains("`inst-a`"), "{}", failure.fr);
    assert_snapshots("ref_in_capitals", &failure);
}

#[test]
fn a_link_to_a_list_intro_leads_to_the_list() {
    let site = TestSite::from_fixture("basic");
    site.write("content/news/liens.md", LINKS_TO_INSTITUTE);
    site.build();
    let page = site.output("actualites/liens/index.html");
    assert!(page.contains("href=\"../../instituts/\""), "{page}");
}

#[test]
fn a_translation_without_its_original_is_a_warning() {
    let site = TestSite::from_fixture("basic");
    site.write("content/startups/solo.en.md", entry("English only."));
    let fr = site.build();
    let en = site.run(&["build", "--messages", "en"]);
    assert_eq!(en.code, 0, "a warning does not fail the build");
    assert_eq!(count(&en.stderr, "warning"), 1, "{}", en.stderr);
    assert!(
        en.stderr.contains("content/startups/solo.en.md"),
        "{}",
        en.stderr
    );
    assert!(en.stderr.contains("`solo.md`"), "{}", en.stderr);
    assert_snapshots(
        "translation_without_original",
        &Failure {
            fr: fr.stderr,
            en: en.stderr,
        },
    );
    let denied = site.run(&["build", "--deny-warnings"]);
    assert_eq!(denied.code, 1, "{}", denied.stderr);
    // A draft original is an original.
    site.write(
        "content/startups/solo.md",
        "---\ntitle: Solo\ndraft: true\n---\nBrouillon.\n",
    );
    let run = site.run(&["build", "--messages", "en"]);
    assert_eq!(count(&run.stderr, "warning"), 0, "{}", run.stderr);
}

#[test]
fn a_misspelt_required_field_is_one_error() {
    let failure = fails_after(
        &[],
        &[("content/startups/x.md", "---\ntitel: Essai\n---\nTexte.\n")],
    );
    one_error_in(&failure, "content/startups/x.md:2:");
    assert!(
        failure.en.contains("did you mean `title`?"),
        "{}",
        failure.en
    );
}
