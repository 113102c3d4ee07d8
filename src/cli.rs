//! The command line: parses arguments, runs a command, prints its outcome.
//!
//! Exit codes: 0 success, 1 the site has errors (all printed), 2 bad usage
//! (clap's own code).

use std::io::IsTerminal;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::json;

use crate::build::{build, BuildRequest, BuildSummary, Progress};
use crate::diagnostics::Diagnostics;
use crate::serve::texts::Lang;
use crate::serve::{parse_base_path, serve, ServeOptions};

/// parvis: the static site generator of the PariSanté Campus portal.
#[derive(Debug, Parser)]
#[command(name = "parvis", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    output: OutputArgs,
}

/// Flags every command takes.
#[derive(Debug, Args)]
struct OutputArgs {
    /// Print nothing but errors.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print the time of each stage.
    #[arg(long, short, global = true)]
    verbose: bool,
    /// How to print diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For people.
    Human,
    /// One JSON object on standard output, for CI annotations.
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into the output folder.
    Build(BuildArgs),
    /// Preview the site in a browser while editing it: rebuilds on save,
    /// pages reload by themselves, errors show in the page.
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// The site's root folder (holds site.toml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// Address to listen on (0.0.0.0 shows the preview to the local network).
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    open: bool,
    /// Serve the site under this path, as it will be published (e.g. /portail/).
    #[arg(long, default_value = "/", value_parser = parse_base_path)]
    base_path: String,
    /// Hide drafts and entries scheduled for later (shown by default).
    #[arg(long)]
    no_drafts: bool,
    /// Language of messages (default: French for a French site).
    #[arg(long, env = "PARVIS_MESSAGES", value_enum)]
    messages: Option<Lang>,
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// The site's root folder (holds site.toml).
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Output folder (default: `output_dir` of site.toml, `public`).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Override `base_url` (preview deployments).
    #[arg(long)]
    base_url: Option<String>,
    /// Include drafts.
    #[arg(long)]
    drafts: bool,
}

/// Runs the command line and returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let request = BuildRequest {
                root: args.root,
                out: args.out,
                base_url: args.base_url,
                drafts: args.drafts,
                scheduled: false,
                today: None,
                progress: Some(Arc::default()),
            };
            let started = std::time::Instant::now();
            let show = !cli.output.quiet
                && cli.output.format == Format::Human
                && std::io::stderr().is_terminal();
            let progress = request
                .progress
                .clone()
                .filter(|_| show)
                .map(ProgressLine::start);
            let result = build(&request);
            if let Some(line) = progress {
                line.finish();
            }
            report(&cli.output, result, started.elapsed())
        }
        Command::Serve(args) => serve(ServeOptions {
            root: args.root,
            address: SocketAddr::new(args.bind, args.port),
            open: args.open,
            base_path: args.base_path,
            drafts: !args.no_drafts,
            messages: args.messages,
            quiet: cli.output.quiet,
            verbose: cli.output.verbose,
            color: std::io::stderr().is_terminal(),
        }),
    }
}

fn report(
    output: &OutputArgs,
    result: Result<BuildSummary, Diagnostics>,
    elapsed: std::time::Duration,
) -> ExitCode {
    let color = std::io::stderr().is_terminal();
    match (output.format, result) {
        (Format::Json, Ok(summary)) => {
            let out = json!({"ok": true, "pages": summary.pages, "files": summary.files, "milliseconds": elapsed.as_millis() as u64, "diagnostics": summary.warnings});
            println!("{out}");
            ExitCode::SUCCESS
        }
        (Format::Json, Err(problems)) => {
            println!(
                "{}",
                json!({"ok": false, "errors": problems.error_count(), "diagnostics": problems})
            );
            ExitCode::from(1)
        }
        (Format::Human, Ok(summary)) => {
            if !output.quiet {
                for warning in summary.warnings.iter() {
                    eprintln!("{}\n", warning.render(color));
                }
                if output.verbose {
                    for (stage, time) in &summary.timings {
                        eprintln!("  {stage:<16} {:>8.1} ms", time.as_secs_f64() * 1000.0);
                    }
                }
                println!(
                    "Built {} pages and {} files into {} in {} ms",
                    summary.pages,
                    summary.files,
                    summary.out.display(),
                    elapsed.as_millis()
                );
            }
            ExitCode::SUCCESS
        }
        (Format::Human, Err(problems)) => {
            for problem in problems.iter().filter(|p| p.is_error() || !output.quiet) {
                eprintln!("{}\n", problem.render(color));
            }
            let n = problems.error_count();
            eprintln!(
                "error: the site has {n} error{}; the previous output was left as it was",
                if n == 1 { "" } else { "s" }
            );
            ExitCode::from(1)
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
    fn start(progress: Arc<Progress>) -> Self {
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
                if total == 0 {
                    eprint!("\rReading the content…");
                } else {
                    eprint!("\rRendering pages: {done}/{total}   ");
                }
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
            eprint!("\r{:40}\r", "");
        }
    }
}
