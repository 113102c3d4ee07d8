#![allow(clippy::unwrap_used)]
//! Mistakes editors make with links, refs and translations: each is caught
//! once, where it is, with the fix. A file that fails its own checks still
//! owns its address, so the links and refs to it are not reported again:
//! one fault, one error.

mod common;

use common::{snapshot_tree, TestSite};

/// A news item linking to the institute in every way an editor may.
const LINKS_TO_INSTITUTE: &str = "---\ntitle: Liens\ndate: 2024-06-02\nrelated: [institutes/inst-a]\n---\nVoir [l'institut](../institutes/inst-a.md), [sa page](/instituts/inst-a/) et [la liste](../institutes/_index.md).\n";

/// Builds the fixture with `setup`, then again after `change`; the second
/// build must fail without touching the output. Returns stderr.
fn fails_after(setup: &[(&str, &str)], change: &[(&str, &str)]) -> String {
    let site = TestSite::from_fixture("basic");
    for (file, text) in setup {
        site.write(file, text);
    }
    site.build();
    let before = snapshot_tree(&site.path("public"));
    for (file, text) in change {
        site.write(file, text);
    }
    let run = site.run(&["build"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        before == snapshot_tree(&site.path("public")),
        "the output changed"
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.stderr
}

/// How many diagnostics of each severity stderr holds.
fn count(stderr: &str, severity: &str) -> usize {
    stderr
        .lines()
        .filter(|l| l.starts_with(&format!("{severity}: ")) && !l.contains("the site has"))
        .count()
}

fn one_error_in(stderr: &str, file: &str) {
    assert_eq!(count(stderr, "error"), 1, "exactly one fault:\n{stderr}");
    assert!(stderr.contains(file), "names {file}:\n{stderr}");
}

#[test]
fn a_tab_in_a_linked_entry_is_one_error() {
    let stderr = fails_after(
        &[("content/news/liens.md", LINKS_TO_INSTITUTE)],
        &[(
            "content/institutes/inst-a.md",
            "---\ntitle: Institut A\n\tacronym: IA\noperators: [op-one]\n---\nTexte.\n",
        )],
    );
    one_error_in(&stderr, "content/institutes/inst-a.md:3:");
}

#[test]
fn an_unclosed_front_matter_in_a_linked_entry_is_one_error() {
    let stderr = fails_after(
        &[("content/news/liens.md", LINKS_TO_INSTITUTE)],
        &[(
            "content/institutes/inst-a.md",
            "---\ntitle: Institut A\nacronym: IA\n\nTexte sans fin d'en-tête.\n",
        )],
    );
    one_error_in(&stderr, "content/institutes/inst-a.md");
}

#[test]
fn a_misspelt_field_in_a_linked_entry_is_one_error() {
    let stderr = fails_after(
        &[("content/news/liens.md", LINKS_TO_INSTITUTE)],
        &[(
            "content/institutes/inst-a.md",
            "---\ntitle: Institut A\nacronyme: IA\noperators: [op-one]\n---\nTexte.\n",
        )],
    );
    one_error_in(&stderr, "content/institutes/inst-a.md:3:");
}

fn entry(body: &str) -> String {
    format!("---\ntitle: Essai\n---\n{body}\n")
}

#[test]
fn a_website_without_its_scheme_is_an_error_with_the_fix() {
    let stderr = fails_after(
        &[],
        &[(
            "content/startups/x.md",
            &entry("Voir [l'IPM](www.institut-ipm.fr)."),
        )],
    );
    one_error_in(&stderr, "content/startups/x.md:4:");
    assert!(stderr.contains("https://www.institut-ipm.fr"), "{stderr}");
    insta::assert_snapshot!(stderr);
}

#[test]
fn a_link_to_an_entry_without_its_extension_names_the_file() {
    let stderr = fails_after(
        &[],
        &[("content/startups/x.md", &entry("Voir [Delta](delta)."))],
    );
    one_error_in(&stderr, "content/startups/x.md:4:");
    assert!(stderr.contains("`delta.md`"), "{stderr}");
    insta::assert_snapshot!(stderr);
}

#[test]
fn a_fragment_that_names_no_heading_is_an_error() {
    let stderr = fails_after(
        &[],
        &[(
            "content/startups/x.md",
            &entry("## Équipe\n\nVoir [ici](#equipe), [le programme](../news/2024-05-01-lancement.md#programme) et [l'équipe](/instituts/inst-a/#equipe)."),
        )],
    );
    one_error_in(&stderr, "content/startups/x.md:6:");
    assert!(stderr.contains("#equipe"), "{stderr}");
    insta::assert_snapshot!(stderr);
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
    let stderr = fails_after(
        &[],
        &[("content/startups/x.md", &entry("![Logo](/img/logo.sgv)"))],
    );
    one_error_in(&stderr, "content/startups/x.md:4:");
    assert!(stderr.contains("`/img/logo.svg`"), "{stderr}");
}

#[test]
fn a_ref_in_capitals_is_offered_its_slug() {
    let stderr = fails_after(
        &[],
        &[(
            "content/startups/x.md",
            "---\ntitle: Essai\ninstitute: Inst-A\n---\nTexte.\n",
        )],
    );
    one_error_in(&stderr, "content/startups/x.md:3:");
    assert!(stderr.contains("`inst-a`"), "{stderr}");
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
    let run = site.build();
    assert_eq!(count(&run.stderr, "warning"), 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("content/startups/solo.en.md"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("`solo.md`"), "{}", run.stderr);
    // A draft original is an original.
    site.write(
        "content/startups/solo.md",
        "---\ntitle: Solo\ndraft: true\n---\nBrouillon.\n",
    );
    let run = site.build();
    assert_eq!(count(&run.stderr, "warning"), 0, "{}", run.stderr);
}
