//! Slugs: any text gives an empty or clean slug, its own slug.
//! The checks are `tests/common/invariants.rs`, shared with the tests.
#![no_main]

#[allow(dead_code, unreachable_pub)]
#[path = "../../tests/common/html_checks.rs"]
mod html_checks;
#[allow(dead_code, unreachable_pub)]
#[path = "../../tests/common/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::fuzz_slug(data));
