#![allow(clippy::unwrap_used)]
//! Every input a fuzz target once failed on, kept under
//! `tests/fuzz_regressions/<target>/` and checked again with the target's
//! own invariants (`tests/common/invariants.rs`), so a finding stays fixed
//! without running the fuzzers.

mod common;

use std::path::Path;

use common::invariants::TARGETS;

#[test]
fn inputs_the_fuzzers_found_stay_fixed() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut checked = 0;
    for (target, check) in TARGETS {
        let Ok(inputs) = std::fs::read_dir(base.join(target)) else {
            continue;
        };
        let mut inputs: Vec<_> = inputs.map(|e| e.unwrap().path()).collect();
        inputs.sort();
        for input in inputs {
            let bytes = std::fs::read(&input).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&bytes));
            assert!(outcome.is_ok(), "{target}: {} fails again", input.display());
            checked += 1;
        }
    }
    println!("{checked} inputs checked");
}

#[test]
fn every_kept_input_belongs_to_a_target() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    for folder in std::fs::read_dir(&base).into_iter().flatten() {
        let name = folder.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            name == "README.md" || TARGETS.iter().any(|(target, _)| *target == name),
            "tests/fuzz_regressions/{name} is not a fuzz target"
        );
    }
}
