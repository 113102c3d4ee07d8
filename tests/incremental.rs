#![allow(clippy::unwrap_used)]
//! The long-lived build core that `serve` drives: after one changed file,
//! only what depends on it is rendered again, only files whose bytes
//! changed are written, pages that no longer exist are deleted, and a
//! failed update leaves the output as it was. Every state reached by
//! updates is checked against a clean build of the same files.

mod common;

use std::path::{Path, PathBuf};

use common::{snapshot_tree, TestSite};
use parvis::build::BuildRequest;
use parvis::workspace::{Update, Workspace};

struct Live {
    site: TestSite,
    workspace: Workspace,
    _out: tempfile::TempDir,
}

impl Live {
    fn start() -> (Live, Update) {
        Live::start_with(|_| {})
    }

    /// Starts on the basic fixture after `prepare` changed it.
    fn start_with(prepare: impl FnOnce(&TestSite)) -> (Live, Update) {
        let site = TestSite::from_fixture("basic");
        prepare(&site);
        let out = tempfile::tempdir().unwrap();
        let request = BuildRequest {
            root: site.root.clone(),
            today: chrono::NaiveDate::from_ymd_opt(2025, 6, 1),
            ..BuildRequest::default()
        };
        let mut workspace = Workspace::new(request, &out.path().join("site"));
        let first = workspace.update(&[]);
        assert!(!first.failed(), "{:?}", first.problems);
        let live = Live {
            site,
            workspace,
            _out: out,
        };
        (live, first)
    }

    /// Writes `text` to `relative` and updates with that one path.
    fn save(&mut self, relative: &str, text: &str) -> Update {
        self.site.write(relative, text);
        self.workspace.update(&[self.site.path(relative)])
    }

    fn page(&self, site_path: &str) -> Option<String> {
        std::fs::read_to_string(self.workspace.out().join(site_path)).ok()
    }

    /// The output equals what a clean build of the same files makes.
    fn matches_a_clean_build(&self) {
        let clean = tempfile::tempdir().unwrap();
        let out = clean.path().join("public");
        let run = self.site.run(&["build", "--out", out.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let mut expected = snapshot_tree(&out);
        expected.remove(".parvis-output");
        let actual = snapshot_tree(self.workspace.out());
        let differ: Vec<&String> = expected
            .keys()
            .chain(actual.keys())
            .filter(|k| expected.get(*k) != actual.get(*k))
            .collect();
        assert!(differ.is_empty(), "differs from a clean build: {differ:?}");
    }
}

fn changed(update: &Update) -> Vec<&str> {
    update.changed.iter().map(String::as_str).collect()
}

const ACME: &str = "content/startups/acme.md";
const ACME_PAGE: &str = "start-ups/acme/index.html";

fn acme(title: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\nwebsite: https://acme.example\ncontact: bonjour@acme.example\nsectors: [IA, Imagerie]\nfounded: 2021\nemployees: 12\nlisted: false\nincorporated: 2021-03-04\ninstitute: inst-a\nstage: croissance\nimage: acme.png\nimage_alt: Logo d'Acmé\ntags: [ia]\n---\n{body}\n"
    )
}

#[test]
fn a_body_edit_renders_its_page_and_nothing_unrelated() {
    let (mut live, first) = Live::start();
    assert!(first.rendered > 20, "the first update renders every page");
    let update = live.save(
        ACME,
        &acme(
            "Acmé Santé",
            "Acmé a changé de cap.\n\n<!-- more -->\n\nSuite.",
        ),
    );
    assert!(!update.failed(), "{:?}", update.problems);
    assert!(live
        .page(ACME_PAGE)
        .unwrap()
        .contains("Acmé a changé de cap."));
    assert!(changed(&update).contains(&ACME_PAGE));
    assert!(
        !changed(&update).contains(&"operateurs/op-one/index.html"),
        "an unrelated page was written: {:?}",
        update.changed
    );
    assert!(
        update.rendered < first.rendered / 2,
        "rendered {} of {} pages again",
        update.rendered,
        first.rendered
    );
    live.matches_a_clean_build();
}

#[test]
fn saving_the_same_bytes_writes_nothing() {
    let (mut live, _) = Live::start();
    let same = live.site.read(ACME);
    let update = live.save(ACME, &same);
    assert!(!update.failed(), "{:?}", update.problems);
    assert_eq!(update.rendered, 0, "nothing to render again");
    assert!(
        update.changed.is_empty() && update.removed.is_empty(),
        "{:?}",
        update.changed
    );
}

#[test]
fn a_title_edit_reaches_lists_relations_and_feeds() {
    let (mut live, _) = Live::start();
    let update = live.save(
        ACME,
        &acme("Acmé Diagnostic", "Acmé est une start-up fictive."),
    );
    assert!(!update.failed(), "{:?}", update.problems);
    assert!(live
        .page("start-ups/index.html")
        .unwrap()
        .contains("Acmé Diagnostic"));
    assert!(live
        .page("instituts/inst-a/index.html")
        .unwrap()
        .contains("Acmé Diagnostic"));
    live.matches_a_clean_build();
}

#[test]
fn a_title_edit_of_an_untranslated_entry_reaches_the_other_language_lists() {
    let (mut live, _) = Live::start();
    assert!(live
        .page("en/startups/index.html")
        .unwrap()
        .contains("Acmé Santé"));
    let update = live.save(
        ACME,
        &acme("Acmé Diagnostic", "Acmé est une start-up fictive."),
    );
    assert!(!update.failed(), "{:?}", update.problems);
    assert!(changed(&update).contains(&"en/startups/index.html"));
    assert!(live
        .page("en/startups/index.html")
        .unwrap()
        .contains("Acmé Diagnostic"));
    live.matches_a_clean_build();

    // Its translation takes its place in the English lists and term pages.
    let english = acme("Acme Health", "Acme is a fictitious startup.")
        .replace("sectors: [IA, Imagerie]", "sectors: [IA, Medical imaging]");
    let translated = live.save("content/startups/acme.en.md", &english);
    assert!(!translated.failed(), "{:?}", translated.problems);
    let list = live.page("en/startups/index.html").unwrap();
    assert!(list.contains("Acme Health") && !list.contains("Acmé Diagnostic"));
    live.matches_a_clean_build();
}

#[test]
fn a_filtered_list_follows_every_entry_it_counts() {
    let (mut live, _) = Live::start_with(|site| {
        let config = site.read("site.toml").replace(
            "paginate = 2\n",
            "paginate = 2\nfilters = [\"sectors\", \"stage\", \"institute\"]\n",
        );
        site.write("site.toml", config);
    });
    assert!(live.page("start-ups/cards.js").is_some());
    // Delta is on page 2; page 1 counts its sector, cards.js shows it.
    let delta = live.site.read("content/startups/delta.md");
    let update = live.save(
        "content/startups/delta.md",
        &delta.replace("sectors: [Imagerie]", "sectors: [IA]"),
    );
    assert!(!update.failed(), "{:?}", update.problems);
    for page in [
        "start-ups/index.html",
        "start-ups/cards.js",
        "en/startups/cards.js",
    ] {
        assert!(
            changed(&update).contains(&page),
            "{page}: {:?}",
            update.changed
        );
    }
    live.matches_a_clean_build();
}

#[test]
fn added_renamed_and_deleted_entries_come_and_go() {
    let (mut live, _) = Live::start();
    let added = live.save(
        "content/startups/neuro.md",
        "---\ntitle: Neuro Exemple\n---\nUne start-up fictive.\n",
    );
    assert!(!added.failed(), "{:?}", added.problems);
    assert!(live
        .page("start-ups/neuro/index.html")
        .unwrap()
        .contains("Neuro Exemple"));
    live.matches_a_clean_build();

    let old = live.site.path("content/startups/neuro.md");
    let new = live.site.path("content/startups/neuro-v2.md");
    std::fs::rename(&old, &new).unwrap();
    let renamed = live.workspace.update(&[old, new]);
    assert!(!renamed.failed(), "{:?}", renamed.problems);
    assert!(
        live.page("start-ups/neuro/index.html").is_none(),
        "old page gone"
    );
    assert!(renamed
        .removed
        .contains(&"start-ups/neuro/index.html".to_string()));
    assert!(live.page("start-ups/neuro-v2/index.html").is_some());
    live.matches_a_clean_build();

    live.site.remove("content/startups/neuro-v2.md");
    let deleted = live
        .workspace
        .update(&[live.site.path("content/startups/neuro-v2.md")]);
    assert!(!deleted.failed(), "{:?}", deleted.problems);
    assert!(live.page("start-ups/neuro-v2/index.html").is_none());
    live.matches_a_clean_build();
}

#[test]
fn a_template_change_renders_all_but_writes_only_changed_bytes() {
    let (mut live, first) = Live::start();
    let template = "themes/mini/templates/term.html";
    let text = live
        .site
        .read(template)
        .replace("{% block main %}", "{% block main %}<p>Terme</p>");
    let update = live.save(template, &text);
    assert!(!update.failed(), "{:?}", update.problems);
    assert_eq!(update.rendered, first.rendered, "every page rendered again");
    assert!(!update.changed.is_empty());
    let term_page = |p: &String| {
        let p = p.trim_start_matches("en/");
        (p.starts_with("tags/") || p.starts_with("sectors/")) && p.matches('/').count() >= 2
    };
    assert!(
        update.changed.iter().all(term_page),
        "only term pages changed: {:?}",
        update.changed
    );
    live.matches_a_clean_build();
}

#[test]
fn a_config_change_reaches_every_page() {
    let (mut live, _) = Live::start();
    let config = live
        .site
        .read("site.toml")
        .replace("title = \"Campus de test\"", "title = \"Campus d'essai\"");
    let update = live.save("site.toml", &config);
    assert!(!update.failed(), "{:?}", update.problems);
    let home = live.page("index.html").unwrap();
    assert!(home.contains("Campus d&#39;essai"), "{home}");
    live.matches_a_clean_build();
}

#[test]
fn a_broken_entry_keeps_the_last_good_site_until_fixed() {
    let (mut live, _) = Live::start();
    let before = snapshot_tree(live.workspace.out());
    let broken = live.save(ACME, "---\ntitle: Acmé\n\twebsite: x\n---\nTexte.\n");
    assert!(broken.failed());
    assert!(broken.changed.is_empty());
    assert!(
        before == snapshot_tree(live.workspace.out()),
        "the output changed"
    );
    let fixed = live.save(ACME, &acme("Acmé Santé", "Réparé."));
    assert!(!fixed.failed(), "{:?}", fixed.problems);
    assert!(live.page(ACME_PAGE).unwrap().contains("Réparé."));
    live.matches_a_clean_build();
}

#[test]
fn paths_outside_the_site_change_nothing() {
    let (mut live, _) = Live::start();
    let update = live.workspace.update(&[
        PathBuf::from("/tmp/elsewhere.md"),
        Path::new("README").to_path_buf(),
    ]);
    assert!(!update.failed());
    assert_eq!(update.rendered, 0);
    assert!(update.changed.is_empty());
}
