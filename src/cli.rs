//! The command line: parses arguments, runs a command, prints its outcome
//! in the reader's language ([`language`]), help included ([`help`]).
//!
//! Exit codes: 0 success (warnings allowed), 1 the site has errors (all
//! printed) or warnings under `--deny-warnings`, 2 bad usage (clap's own
//! code, and an invalid `--base-url`).

mod check;
mod help;
mod language;
mod scaffold;

use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use serde_json::json;

use crate::build::{build, BuildRequest, BuildSummary, Progress};
use crate::config;
use crate::diagnostics::Diagnostics;
use crate::messages::Lang;
use crate::msg;
use crate::serve::{parse_base_path, serve, ServeOptions};

/// The arguments; their help texts come from the message catalog.
#[derive(Debug, Parser)]
#[command(name = "parvis", version)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    output: OutputArgs,
}

/// Flags every command takes.
#[derive(Debug, Args)]
struct OutputArgs {
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    #[arg(long, short, global = true)]
    verbose: bool,
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    format: Format,
    #[arg(long, global = true, value_enum)]
    messages: Option<Lang>,
    #[arg(long, global = true)]
    deny_warnings: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    Build(BuildArgs),
    New(scaffold::NewArgs),
    Init(scaffold::InitArgs),
    Check(check::CheckArgs),
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[arg(long, default_value_t = 1111)]
    port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    #[arg(long)]
    open: bool,
    #[arg(long, default_value = "/", value_parser = parse_base_path)]
    base_path: String,
    #[arg(long)]
    no_drafts: bool,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[arg(long, default_value = ".")]
    root: PathBuf,
    #[arg(long)]
    out: Option<PathBuf>,
    #[arg(long)]
    base_url: Option<String>,
    #[arg(long)]
    drafts: bool,
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = language::choose(&args);
    let matches = help::localized(lang)
        .try_get_matches_from(&args)
        .unwrap_or_else(|e| e.exit());
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match cli.command {
        Command::Build(args) => run_build(&cli.output, args, lang),
        Command::New(args) => scaffold::run_new(&cli.output, args, lang),
        Command::Init(args) => scaffold::run_init(&cli.output, args, lang),
        Command::Check(args) => check::run_check(&cli.output, args, lang),
        Command::Serve(args) => serve(ServeOptions {
            root: args.root,
            address: SocketAddr::new(args.bind, args.port),
            open: args.open,
            base_path: args.base_path,
            drafts: !args.no_drafts,
            lang,
            quiet: cli.output.quiet,
            verbose: cli.output.verbose,
            color: std::io::stderr().is_terminal(),
        }),
    }
}

fn run_build(output: &OutputArgs, args: BuildArgs, lang: Lang) -> ExitCode {
    if let Some(Err(problem)) = args
        .base_url
        .as_deref()
        .map(|url| config::check_base_url(url, "--base-url"))
    {
        eprintln!("{}", problem.render(lang, std::io::stderr().is_terminal()));
        return ExitCode::from(2);
    }
    let request = BuildRequest {
        root: args.root,
        out: args.out,
        base_url: args.base_url,
        drafts: args.drafts,
        scheduled: false,
        deny_warnings: output.deny_warnings,
        today: None,
        progress: Some(Arc::default()),
        exit_after: true,
    };
    let started = std::time::Instant::now();
    let show = !output.quiet && output.format == Format::Human && std::io::stderr().is_terminal();
    let progress = request
        .progress
        .clone()
        .filter(|_| show)
        .map(|p| ProgressLine::start(p, lang));
    let result = build(&request);
    if let Some(line) = progress {
        line.finish();
    }
    let report = Report {
        output,
        lang,
        elapsed: started.elapsed(),
    };
    match output.format {
        Format::Json => report.json(result),
        Format::Human => report.human(result),
    }
}

/// Prints the outcome of a build.
struct Report<'a> {
    output: &'a OutputArgs,
    lang: Lang,
    elapsed: Duration,
}

impl Report<'_> {
    fn json(&self, result: Result<BuildSummary, Diagnostics>) -> ExitCode {
        let lang = self.lang;
        let (out, code) = match result {
            Ok(summary) => (
                json!({
                    "ok": true,
                    "pages": summary.pages,
                    "files": summary.files,
                    "milliseconds": self.elapsed.as_millis() as u64,
                    "errors": 0,
                    "warnings": summary.warnings.warning_count(),
                    "diagnostics": summary.warnings.to_json(lang),
                }),
                ExitCode::SUCCESS,
            ),
            Err(problems) => (
                json!({
                    "ok": false,
                    "errors": problems.error_count(),
                    "warnings": problems.warning_count(),
                    "diagnostics": problems.to_json(lang),
                }),
                ExitCode::from(1),
            ),
        };
        println!("{out}");
        code
    }

    fn human(&self, result: Result<BuildSummary, Diagnostics>) -> ExitCode {
        let color = std::io::stderr().is_terminal();
        match result {
            Ok(summary) => {
                if self.output.quiet {
                    return ExitCode::SUCCESS;
                }
                for warning in summary.warnings.iter() {
                    eprintln!("{}\n", warning.render(self.lang, color));
                }
                if self.output.verbose {
                    for lap in &summary.timings {
                        eprintln!("{}", verbose_lap(lap));
                    }
                }
                let line = msg!(
                    "summary-built",
                    pages = summary.pages,
                    files = summary.files,
                    out = summary.out.display(),
                    ms = self.elapsed.as_millis(),
                    warnings = summary.warnings.warning_count()
                );
                println!("{}", line.text(self.lang));
                ExitCode::SUCCESS
            }
            Err(problems) => {
                // Under --deny-warnings, warnings are what failed: always shown.
                let shown = !self.output.quiet || self.output.deny_warnings;
                for problem in problems.errors_first().filter(|p| p.is_error() || shown) {
                    eprintln!("{}\n", problem.render(self.lang, color));
                }
                let (errors, warnings) = (problems.error_count(), problems.warning_count());
                let line = if errors == 0 {
                    msg!("summary-denied", warnings = warnings)
                } else {
                    msg!("summary-failed", errors = errors, warnings = warnings)
                };
                eprintln!("{}", line.text(self.lang));
                ExitCode::from(1)
            }
        }
    }
}

/// A progress line on standard error, shown only once a build has taken
/// more than a second.
struct ProgressLine {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<bool>,
}

impl ProgressLine {
    fn start(progress: Arc<Progress>, lang: Lang) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = std::thread::spawn(move || {
            let started = std::time::Instant::now();
            let mut shown = false;
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(100));
                if started.elapsed() < Duration::from_secs(1) {
                    continue;
                }
                let (done, total) = (
                    progress.done.load(Ordering::Relaxed),
                    progress.total.load(Ordering::Relaxed),
                );
                let line = if total == 0 {
                    msg!("progress-reading")
                } else {
                    msg!("progress-rendering", done = done, total = total)
                };
                eprint!("\r{}   ", line.text(lang));
                shown = true;
            }
            shown
        });
        ProgressLine { stop, thread }
    }

    /// Stops the line and clears it.
    fn finish(self) {
        self.stop.store(true, Ordering::Relaxed);
        if self.thread.join().unwrap_or(false) {
            eprint!("\r{:50}\r", "");
        }
    }
}

/// A stage's line of `--verbose`: its wall time and, where known, its CPU
/// time and how many cores that kept busy.
fn verbose_lap(lap: &crate::workspace::Lap) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let wall = format!("  {:<16} {:>8.1} ms", lap.stage, ms(lap.wall));
    match lap.cpu {
        Some(cpu) if lap.wall >= Duration::from_millis(50) => format!(
            "{wall}   CPU {:>8.0} ms ({:.2} cores)",
            ms(cpu),
            cpu.as_secs_f64() / lap.wall.as_secs_f64()
        ),
        _ => wall,
    }
}
