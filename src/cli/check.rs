//! `parvis check`: its arguments and what it prints.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use serde_json::json;

use super::{Format, OutputArgs};
use crate::check::{check, CheckReport, CheckRequest};
use crate::messages::Lang;
use crate::msg;

/// `parvis check [--root DIR] [--drafts] [--external [--timeout SECS]]`.
#[derive(Debug, Args)]
pub(super) struct CheckArgs {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[arg(long)]
    drafts: bool,
    #[arg(long)]
    external: bool,
    #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
}

/// Checks the site and prints what was found.
pub(super) fn run_check(output: &OutputArgs, args: CheckArgs, lang: Lang) -> ExitCode {
    let request = CheckRequest {
        root: args.root,
        drafts: args.drafts,
        external: args.external.then(|| Duration::from_secs(args.timeout)),
    };
    let report = check(&request);
    let problems = &report.problems;
    let (errors, warnings) = (problems.error_count(), problems.warning_count());
    let failed = errors > 0 || (output.deny_warnings && warnings > 0);
    match output.format {
        Format::Json => {
            let value = json!({
                "ok": !failed,
                "pages": report.pages,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": problems.to_json(lang),
            });
            println!("{value}");
        }
        Format::Human => human(output, &report, failed, lang),
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn human(output: &OutputArgs, report: &CheckReport, failed: bool, lang: Lang) {
    let color = std::io::stderr().is_terminal();
    let problems = &report.problems;
    // Under --deny-warnings, warnings are what failed: always shown.
    let shown = !output.quiet || (failed && output.deny_warnings);
    for problem in problems.errors_first().filter(|p| p.is_error() || shown) {
        eprintln!("{}\n", problem.render(lang, color));
    }
    let (errors, warnings) = (problems.error_count(), problems.warning_count());
    if failed {
        let line = if errors == 0 {
            msg!("summary-check-denied", warnings = warnings)
        } else {
            msg!("summary-check-failed", errors = errors, warnings = warnings)
        };
        eprintln!("{}", line.text(lang));
    } else if !output.quiet {
        let line = msg!("summary-checked", pages = report.pages, warnings = warnings);
        println!("{}", line.text(lang));
    }
}
