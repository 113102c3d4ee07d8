//! The raw-HTML filter, differentially: the whole Markdown pipeline's output,
//! parsed by html5ever as a browser would, holds no script, foreign content,
//! event handler or script URL, and stays inside its element.
//! The checks are `tests/common/invariants.rs`, shared with the tests.
#![no_main]

#[allow(dead_code, unreachable_pub)]
#[path = "../../tests/common/html_checks.rs"]
mod html_checks;
#[allow(dead_code, unreachable_pub)]
#[path = "../../tests/common/invariants.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::fuzz_html_filter(data));
