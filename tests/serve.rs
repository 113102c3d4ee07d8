//! `parvis serve` over HTTP: saved changes reach the served pages and the
//! open pages hear of them; a broken entry leaves the last good site up
//! and its errors in the events; drafts show in the preview; the port,
//! the base path and Ctrl+C behave.
#![allow(clippy::unwrap_used)]

mod common;

use std::fs;
use std::net::TcpListener;

use common::server::{eventually, Events};
use common::TestSite;
use serde_json::Value;

/// Waits for a `reload` event that names `path`.
fn reload_naming(events: &Events, path: &str) -> Value {
    loop {
        let data: Value = serde_json::from_str(&events.next_named("reload")).unwrap();
        let named = ["changed", "removed"]
            .iter()
            .any(|k| data[k].as_array().unwrap().iter().any(|p| p == path));
        if named {
            return data;
        }
    }
}

#[test]
fn saved_changes_reach_the_served_pages() {
    let site = TestSite::from_fixture("basic");
    let server = site.serve(&[]);
    let events = server.events();
    let delta = "/start-ups/delta/";
    assert!(server.get(delta).body.contains("Delta, exemple fictif."));

    // An edit.
    site.write(
        "content/startups/delta.md",
        "---\ntitle: Delta\nsectors: [Imagerie]\n---\nDelta, version revue.\n",
    );
    server.wait_for("the edit", delta, |r| r.body.contains("version revue"));
    let reload = reload_naming(&events, "start-ups/delta/index.html");
    assert!(reload["removed"].as_array().unwrap().is_empty());

    // An added entry, then renamed: the old address is gone.
    site.write(
        "content/startups/epsilon.md",
        "---\ntitle: Epsilon\n---\nNouvelle.\n",
    );
    server.wait_for("the new entry", "/start-ups/epsilon/", |r| {
        r.status == 200 && r.body.contains("<h1>Epsilon</h1>")
    });
    fs::rename(
        site.path("content/startups/epsilon.md"),
        site.path("content/startups/zeta.md"),
    )
    .unwrap();
    server.wait_for("the renamed entry", "/start-ups/zeta/", |r| {
        r.status == 200 && r.body.contains("<h1>Epsilon</h1>")
    });
    // The new page is written a moment before the old one is deleted.
    let old = server.wait_for("the old address gone", "/start-ups/epsilon/", |r| {
        r.status == 404
    });
    assert!(!old.body.contains("Nouvelle."));
    reload_naming(&events, "start-ups/epsilon/index.html");

    // Files in new folders.
    site.write("assets/nouveau/dossier/note.txt", "Une note.");
    server.wait_for("a file in a new folder", "/nouveau/dossier/note.txt", |r| {
        r.status == 200 && r.body == "Une note."
    });

    // A deleted entry.
    site.remove("content/startups/zeta.md");
    server.wait_for("the deletion", "/start-ups/zeta/", |r| r.status == 404);

    // A template.
    let base = site.read("themes/mini/templates/base.html");
    site.write(
        "themes/mini/templates/base.html",
        base.replace("<footer>", "<footer><p>Pied de page modifié</p>"),
    );
    server.wait_for("the template change", delta, |r| {
        r.body.contains("Pied de page modifié")
    });

    // site.toml.
    let config = site.read("site.toml");
    site.write(
        "site.toml",
        config.replace(
            "[languages.fr]\ntitle = \"Campus de test\"",
            "[languages.fr]\ntitle = \"Campus renommé\"",
        ),
    );
    server.wait_for("the site.toml change", "/", |r| {
        r.body.contains("Campus renommé")
    });
}

#[test]
fn a_broken_entry_keeps_the_last_good_site_and_says_why() {
    let site = TestSite::from_fixture("basic");
    let server = site.serve(&[]);
    let events = server.events();
    site.write(
        "content/startups/delta.md",
        "---\ntitle: Delta\nfounded: deux mille\n---\nCassé.\n",
    );
    let problems: Value = serde_json::from_str(&events.next_named("problems")).unwrap();
    let error = &problems["errors"][0];
    assert_eq!(error["span"]["file"], "content/startups/delta.md");
    assert_eq!(error["span"]["line"], 3);
    assert_eq!(error["span"]["source_line"], "founded: deux mille");
    assert!(error["message"].as_str().unwrap().contains("founded"));
    assert_eq!(problems["texts"]["title"], "The site has 1 error");

    // The last good version is still served.
    let page = server.get("/start-ups/delta/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Delta, exemple fictif."),
        "{}",
        page.body
    );
    // A page opened now hears of the errors at once.
    let late = server.events();
    assert_eq!(late.next().0, "problems");
    // The terminal shows them too.
    let stderr = eventually("the terminal's error", || {
        Some(server.stderr()).filter(|s| s.contains("The site has 1 error"))
    });
    assert!(stderr.contains("content/startups/delta.md:3"), "{stderr}");

    site.write(
        "content/startups/delta.md",
        "---\ntitle: Delta\nfounded: 2020\n---\nDelta réparé.\n",
    );
    reload_naming(&events, "start-ups/delta/index.html");
    let page = server.get("/start-ups/delta/");
    assert!(page.body.contains("Delta réparé."), "{}", page.body);
    late.drop_connection();
}

#[test]
fn drafts_and_scheduled_entries_show_marked_unless_no_drafts() {
    let site = TestSite::portal();
    site.write(
        "content/news/brouillon.md",
        "---\ntitle: Un brouillon\ndate: 2026-01-05\ndraft: true\n---\nPas fini.\n",
    );
    site.write(
        "content/news/plus-tard.md",
        "---\ntitle: Plus tard\ndate: 2026-01-05\npublish_after: 2999-01-01\n---\nBientôt.\n",
    );
    let server = site.serve(&[]);
    let draft = server.get("/actualites/brouillon/");
    assert_eq!(draft.status, 200);
    assert!(
        draft.body.contains("class=\"status-banner\""),
        "{}",
        draft.body
    );
    assert!(draft.body.contains("Brouillon"));
    let later = server.get("/actualites/plus-tard/");
    assert_eq!(later.status, 200);
    assert!(later
        .body
        .contains("<time datetime=\"2999-01-01\">1 janvier 2999</time>"));
    let published = server.get("/actualites/quatre-instituts/");
    assert!(!published.body.contains("status-banner"));
    drop(server);

    let hidden = site.serve(&["--no-drafts"]);
    assert_eq!(hidden.get("/actualites/brouillon/").status, 404);
    assert_eq!(hidden.get("/actualites/plus-tard/").status, 404);
}

#[test]
fn a_busy_port_is_named_with_the_way_out() {
    let site = TestSite::from_fixture("basic");
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = site.run(&["serve", "--port", &port, "--messages", "en"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains(&format!("Port {port} is already in use")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--port"), "{}", run.stderr);
}

#[test]
fn a_missing_site_folder_is_named_in_the_editors_words() {
    let site = TestSite::from_fixture("basic");
    for lang in ["fr", "en"] {
        let run = site.run(&["serve", "--root", "sit", "--port", "0", "--messages", lang]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        insta::with_settings!({snapshot_suffix => lang}, {
            insta::assert_snapshot!("missing_site_folder", run.stderr);
        });
    }
}

#[test]
fn base_path_serves_the_site_under_it() {
    let site = TestSite::from_fixture("basic");
    let server = site.serve(&["--base-path", "/portail/"]);
    let root = server.get("/");
    assert_eq!(root.status, 307);
    assert_eq!(root.header("location"), Some("/portail/"));
    assert_eq!(server.get("/portail").header("location"), Some("/portail/"));
    let home = server.get("/portail/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("data-base=\"/portail/\""));
    let folder = server.get("/portail/start-ups/delta?x=1");
    assert_eq!(folder.status, 307);
    assert_eq!(
        folder.header("location"),
        Some("/portail/start-ups/delta/?x=1")
    );
    assert_eq!(server.get("/start-ups/delta/").status, 404);
    // The 404 page links from the base path.
    let missing = server.get("/portail/nulle-part/");
    assert_eq!(missing.status, 404);
    assert!(
        missing.body.contains("href=\"/portail/\""),
        "{}",
        missing.body
    );
}

#[test]
fn stopping_removes_the_temporary_output() {
    let site = TestSite::from_fixture("basic");
    let server = site.serve(&[]);
    let out = server.out.clone();
    assert!(out.join("index.html").is_file());
    let events = server.events();
    let status = server.stop();
    assert!(status.success(), "{status:?}");
    assert!(!out.exists(), "{} is left", out.display());
    assert!(
        !out.parent().unwrap().exists(),
        "the temporary folder is left"
    );
    assert!(!site.path("public").exists(), "serve wrote into public/");
    events.drop_connection();
}

#[test]
fn a_site_broken_from_the_start_shows_its_errors_then_itself() {
    let site = TestSite::from_fixture("basic");
    site.write(
        "content/startups/delta.md",
        "---\ntitle: Delta\nfounded: deux mille\n---\nCassé.\n",
    );
    let server = site.serve(&[]);
    let home = server.get("/");
    assert_eq!(home.status, 404);
    assert!(home.body.contains("No site to show yet"), "{}", home.body);
    assert!(home.body.contains("/__parvis/live.js"));
    let events = server.events();
    assert_eq!(events.next().0, "problems");
    site.write(
        "content/startups/delta.md",
        "---\ntitle: Delta\nfounded: 2020\n---\nRéparé.\n",
    );
    reload_naming(&events, "index.html");
    assert_eq!(server.get("/").status, 200);
}

#[test]
fn a_folder_without_site_toml_is_served_once_the_file_is_there() {
    let site = TestSite::from_fixture("basic");
    let config = site.read("site.toml");
    site.remove("site.toml");
    let server = site.serve(&[]);
    let home = server.get("/");
    assert_eq!(home.status, 404);
    assert!(home.body.contains("No site to show yet"), "{}", home.body);
    let events = server.events();
    assert_eq!(events.next().0, "problems");
    site.write("site.toml", config);
    reload_naming(&events, "index.html");
    assert_eq!(server.get("/").status, 200);
}
