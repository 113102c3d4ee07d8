//! The `parvis` command: a thin shell over the library.

/// A faster allocator than the system's for a program that makes many
/// small strings in parallel (see the README's benchmarks).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    parvis::cli::run()
}
