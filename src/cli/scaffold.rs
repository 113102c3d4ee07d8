//! `parvis new` and `parvis init`: their arguments and what they print.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use serde_json::json;

use super::{Format, OutputArgs};
use crate::diagnostics::Diagnostics;
use crate::messages::{Lang, Message};
use crate::msg;
use crate::scaffold::entry::{new_entry, NewRequest};
use crate::scaffold::init::init;
use crate::scaffold::Refusal;

/// `parvis new <collection> "Title" [--lang L] [--from NAME]`.
#[derive(Debug, Args)]
pub(super) struct NewArgs {
    collection: String,
    #[arg(required_unless_present = "from")]
    title: Option<String>,
    #[arg(long)]
    lang: Option<String>,
    #[arg(long)]
    from: Option<String>,
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// `parvis init DIR`.
#[derive(Debug, Args)]
pub(super) struct InitArgs {
    dir: PathBuf,
}

/// Writes a new entry and says where.
pub(super) fn run_new(output: &OutputArgs, args: NewArgs, lang: Lang) -> ExitCode {
    let request = NewRequest {
        root: args.root,
        collection: args.collection,
        title: args.title,
        lang: args.lang,
        from: args.from,
        today: chrono::Local::now().date_naive(),
        words: lang,
    };
    match new_entry(&request) {
        Ok(file) => done(
            output,
            lang,
            json!({"ok": true, "file": file}),
            &[
                msg!("new-written", file = file.display()),
                msg!("new-next-step"),
            ],
        ),
        Err(refusal) => refused(output, lang, refusal),
    }
}

/// Writes a new site and says how to build it.
pub(super) fn run_init(output: &OutputArgs, args: InitArgs, lang: Lang) -> ExitCode {
    match init(&args.dir) {
        Ok(files) => done(
            output,
            lang,
            json!({"ok": true, "dir": args.dir, "files": files}),
            &[
                msg!("init-written", dir = args.dir.display(), files = files),
                msg!("init-next-step", dir = args.dir.display()),
            ],
        ),
        Err(refusal) => refused(output, lang, refusal),
    }
}

/// Prints a success: `lines` for people, `value` as JSON.
fn done(output: &OutputArgs, lang: Lang, value: serde_json::Value, lines: &[Message]) -> ExitCode {
    match output.format {
        Format::Json => println!("{value}"),
        Format::Human if output.quiet => {}
        Format::Human => {
            for line in lines {
                println!("{}", line.text(lang));
            }
        }
    }
    ExitCode::SUCCESS
}

/// Prints why nothing was written; exit code 2 for arguments that do not
/// fit the site, 1 otherwise.
fn refused(output: &OutputArgs, lang: Lang, refusal: Refusal) -> ExitCode {
    let (problems, code) = match refusal {
        Refusal::Usage(problem) => (Diagnostics::from_iter([problem]), 2),
        Refusal::Site(problems) => (problems, 1),
    };
    match output.format {
        Format::Json => {
            let value = json!({
                "ok": false,
                "errors": problems.error_count(),
                "diagnostics": problems.to_json(lang),
            });
            println!("{value}");
        }
        Format::Human => {
            let color = std::io::stderr().is_terminal();
            for problem in problems.iter() {
                eprintln!("{}\n", problem.render(lang, color));
            }
        }
    }
    ExitCode::from(code)
}
