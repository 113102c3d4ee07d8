//! `parvis serve` while an editor's program rewrites a file in pieces (as
//! some editors and synchronisation tools do: truncate, then write in
//! several calls): no served page ever shows a half-written version, and
//! the page ends with the final one.
//!
//! A rebuild that reads the file between two pieces of a rewrite would
//! serve the half it read: `serve` reads a changed file once it has been
//! quiet for a moment, and builds again, without publishing, when the file
//! was written while it was read (`workspace::settle`).
#![allow(clippy::unwrap_used)]

mod common;

use std::fs::OpenOptions;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use common::TestSite;

/// Version `i` of the entry, whose body begins and ends with its number.
fn version(i: usize) -> (String, String) {
    let head = format!("---\ntitle: Delta\nsectors: [Imagerie]\n---\nDébut-{i}. ");
    let tail = format!("{}Fin-{i}.\n", "Texte de remplissage. ".repeat(200));
    (head, tail)
}

#[test]
fn a_file_rewritten_in_pieces_never_shows_half() {
    let site = TestSite::from_fixture("basic");
    let server = site.serve(&[]);
    let page = "/start-ups/delta/";
    assert!(server.get(page).body.contains("Delta, exemple fictif."));
    let path = site.path("content/startups/delta.md");
    let rounds = 40;
    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            for i in 0..rounds {
                let (head, tail) = version(i);
                let mut file = OpenOptions::new()
                    .write(true)
                    .truncate(true)
                    .open(&path)
                    .unwrap();
                file.write_all(head.as_bytes()).unwrap();
                file.flush().unwrap();
                std::thread::sleep(Duration::from_millis(3));
                file.write_all(tail.as_bytes()).unwrap();
                drop(file);
                std::thread::sleep(Duration::from_millis(7 * (i as u64 % 20)));
            }
            done.store(true, Ordering::SeqCst);
        })
    };
    let mut seen = 0;
    while !done.load(Ordering::SeqCst) {
        let body = server.get(page).body;
        for i in 0..rounds {
            let start = body.contains(&format!("Début-{i}."));
            let end = body.contains(&format!("Fin-{i}."));
            if start != end {
                let at = body.find("Début").unwrap_or(0);
                panic!(
                    "version {i} served half-written: {:?}",
                    &body[at..(at + 300).min(body.len())]
                );
            }
            seen += usize::from(start);
        }
    }
    writer.join().unwrap();
    let last = rounds - 1;
    server.wait_for("the final version", page, |r| {
        r.body.contains(&format!("Début-{last}.")) && r.body.contains(&format!("Fin-{last}."))
    });
    println!("{seen} responses showed a whole version");
}
