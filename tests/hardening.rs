#![allow(clippy::unwrap_used)]
//! Hostile contributions: what a pull request could smuggle into a build
//! never leaks. A symbolic link whose target lies outside the site root is
//! an error naming the link; the target is never copied, read or quoted,
//! and the previous output stays as it was. Links inside the site work.
#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::PathBuf;

use common::{snapshot_tree, TestSite};

/// A secret beside the site (outside its root), as a CI runner may have.
const SECRET: &str = "root:x:0:0:SECRET-FIRST-LINE\nsecond line\n";

/// Builds the fixture, plants a secret outside it, lets `change` add links
/// and checks that the second build fails without leaking anything, in
/// French and in English. Returns both outputs.
fn refuses(change: impl FnOnce(&TestSite, &PathBuf), link: &str) -> [String; 2] {
    let site = TestSite::from_fixture("basic");
    site.build();
    let before = snapshot_tree(&site.path("public"));
    let outside = site.root.parent().unwrap().join("runner-secrets");
    std::fs::create_dir_all(outside.join("ssl/private")).unwrap();
    std::fs::write(outside.join("passwd"), SECRET).unwrap();
    std::fs::write(outside.join("ssl/private/key.pem"), SECRET).unwrap();
    change(&site, &outside);
    [&["build"][..], &["build", "--messages", "en"]].map(|args| {
        let run = site.run(args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.contains(link),
            "must name {link}:\n{}",
            run.stderr
        );
        for leak in ["SECRET", "root:x", "runner-secrets", "key.pem"] {
            assert!(
                !run.stderr.contains(leak),
                "leaked `{leak}`:\n{}",
                run.stderr
            );
        }
        assert!(before == snapshot_tree(&site.path("public")));
        run.stderr
    })
}

#[test]
fn an_asset_linked_out_of_the_site_is_refused() {
    let [fr, en] = refuses(
        |s, outside| symlink(outside.join("passwd"), s.path("assets/passwd.txt")).unwrap(),
        "assets/passwd.txt",
    );
    insta::with_settings!({snapshot_suffix => "fr"}, {
        insta::assert_snapshot!("an_asset_linked_out_of_the_site_is_refused", fr);
    });
    insta::with_settings!({snapshot_suffix => "en"}, {
        insta::assert_snapshot!("an_asset_linked_out_of_the_site_is_refused", en);
    });
}

#[test]
fn an_asset_folder_linked_out_of_the_site_is_refused() {
    refuses(
        |s, outside| symlink(outside.join("ssl"), s.path("assets/etc")).unwrap(),
        "assets/etc",
    );
}

#[test]
fn a_content_file_linked_out_of_the_site_is_never_read() {
    refuses(
        |s, outside| symlink(outside.join("passwd"), s.path("content/news/fuite.md")).unwrap(),
        "content/news/fuite.md",
    );
}

#[test]
fn a_content_folder_linked_out_of_the_site_is_refused() {
    refuses(
        |s, outside| symlink(outside.join("ssl"), s.path("content/startups/depot")).unwrap(),
        "content/startups/depot",
    );
}

#[test]
fn a_template_linked_out_of_the_site_is_refused() {
    refuses(
        |s, outside| {
            std::fs::create_dir_all(s.path("templates")).unwrap();
            symlink(outside.join("passwd"), s.path("templates/fuite.html")).unwrap();
        },
        "templates/fuite.html",
    );
}

#[test]
fn interface_texts_linked_out_of_the_site_are_refused() {
    refuses(
        |s, outside| {
            std::fs::create_dir_all(s.path("i18n")).unwrap();
            symlink(outside.join("passwd"), s.path("i18n/fr.toml")).unwrap();
        },
        "i18n/fr.toml",
    );
}

#[test]
fn a_dangling_link_is_an_error_naming_it() {
    refuses(
        |s, outside| symlink(outside.join("gone.png"), s.path("assets/gone.png")).unwrap(),
        "assets/gone.png",
    );
}

#[test]
fn links_inside_the_site_are_followed() {
    let site = TestSite::from_fixture("basic");
    symlink("img/logo.svg", site.path("assets/logo-copie.svg")).unwrap();
    symlink("img", site.path("assets/images")).unwrap();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let logo = std::fs::read(site.path("assets/img/logo.svg")).unwrap();
    assert_eq!(
        std::fs::read(site.path("public/logo-copie.svg")).unwrap(),
        logo
    );
    assert_eq!(
        std::fs::read(site.path("public/images/logo.svg")).unwrap(),
        logo
    );
}
