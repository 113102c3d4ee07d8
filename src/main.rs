//! The `parvis` command: a thin shell over the library.

fn main() -> std::process::ExitCode {
    parvis::cli::run()
}
