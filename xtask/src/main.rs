//! `cargo xtask`: the toolkit's command line (after matklad's cargo-xtask pattern).
//!
//! This is the only place that knows argv and exit codes. Commands:
//! - `transpile INPUT --out DIR`: C project (directory or single `.c` file) to a safe-Rust
//!   Cargo package, then checks it with the Z3 checker (`--no-verify` skips that, `--timeout-ms`
//!   sets the solver limit per query). Exit status 0 when every function was translated, 2 when
//!   some were not (the report lists them), 1 when nothing could be translated or the
//!   environment failed; verification verdicts never change it.
//! - `verify PROJECT CRATE`: check a crate on disk against its C project (see `verify.rs`).
//! - `bench verify [DIR...]`: proof times over programs (see `bench.rs`).
//! - `bench runtime [DIR...]`: run time of translated programs against `cc -O2` (see
//!   `bench_runtime.rs`).
//! - `corpus [DIR...] [--write-status]`: transpile, build and run every program of the given
//!   corpora (default `corpora/c` and `corpora/c-unseen`) against gcc and print the pass count;
//!   with `--write-status`, rewrite the committed scoreboard `corpora/STATUS.md`.

use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

mod bench;
mod bench_runtime;
mod corpus;
mod csmith;
mod mutants;
mod verify;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "C to safe Rust, with a report for every function"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Translate a C project into a safe-Rust Cargo package.
    Transpile {
        /// A directory of C sources (with or without compile_commands.json), or one .c file.
        input: PathBuf,
        /// Where to write the Cargo package and transpile-report.json.
        #[arg(long)]
        out: PathBuf,
        /// C compiler used for preprocessing.
        #[arg(long, default_value = "cc")]
        cc: String,
        /// Cargo package name of the output (default: from the input directory name).
        #[arg(long)]
        crate_name: Option<String>,
        /// Print timings of each stage.
        #[arg(long, short)]
        verbose: bool,
        /// Print only diagnostics, no progress or summary.
        #[arg(long, short)]
        quiet: bool,
        /// Do not check the output with the Z3 checker (verdicts stay `not-checked`).
        #[arg(long)]
        no_verify: bool,
        /// Solver time limit per query, in milliseconds.
        #[arg(long)]
        timeout_ms: Option<u32>,
    },
    /// Check a Rust crate on disk against the C project it was translated from.
    Verify(verify::Args),
    /// Measurements.
    #[command(subcommand)]
    Bench(BenchCommand),
    /// Measure corpora end to end against gcc (stdout and exit code must match).
    Corpus {
        /// Corpus directories holding `<name>/<name>.c` programs.
        dirs: Vec<PathBuf>,
        /// Rewrite corpora/STATUS.md with the results.
        #[arg(long)]
        write_status: bool,
    },
    /// Mutation test of the checker: no behaviour-changing mutant may be proven.
    Mutants(mutants::Args),
    /// Differential test with random csmith programs against gcc (needs csmith installed).
    Csmith {
        /// Number of programs.
        #[arg(long, default_value_t = 100)]
        count: u64,
        /// First seed; program i uses seed + i.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Where to keep BUG-class programs and the summary (default: target/csmith).
        #[arg(long)]
        out: Option<PathBuf>,
        /// csmith options replacing the default in-scope set (without --seed/--output).
        #[arg(long, allow_hyphen_values = true)]
        csmith_options: Option<String>,
        /// Worker threads.
        #[arg(long, default_value_t = 2)]
        threads: usize,
    },
}

#[derive(Subcommand)]
enum BenchCommand {
    /// Proof time per solver query and per program, over corpora (default corpora/c and
    /// corpora/c-unseen); nothing is written to the repository.
    Verify(bench::VerifyArgs),
    /// Run time of the translated programs against the C built with `cc -O2` (default
    /// corpora/bench): median of interleaved runs, ratio Rust / C, copies inserted.
    Runtime(bench_runtime::RuntimeArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Corpus { dirs, write_status } => corpus::run(dirs, write_status),
        Command::Mutants(args) => mutants::run(args),
        Command::Verify(args) => verify::run(args),
        Command::Bench(BenchCommand::Verify(args)) => bench::run_verify(args),
        Command::Bench(BenchCommand::Runtime(args)) => bench_runtime::run_runtime(args),
        Command::Csmith {
            count,
            seed,
            out,
            csmith_options,
            threads,
        } => csmith::run(csmith::Settings {
            count,
            seed,
            out: out.unwrap_or_else(|| xl_e2e::workspace_target().join("csmith")),
            options: csmith_options.unwrap_or_else(|| csmith::DEFAULT_OPTIONS.to_string()),
            threads: threads.max(1),
            limits: csmith::Limits::default(),
        }),
        Command::Transpile {
            input,
            out,
            cc,
            crate_name,
            verbose,
            quiet,
            no_verify,
            timeout_ms,
        } => {
            let config = xl_driver::Config {
                cc,
                verbose,
                progress: !quiet && std::io::stderr().is_terminal(),
                crate_name,
                verify: !no_verify,
                timeout_ms,
            };
            match xl_driver::transpile(&input, &out, &config) {
                Ok(outcome) => {
                    for d in &outcome.diagnostics {
                        eprintln!("{d}");
                    }
                    if !quiet {
                        let s = &outcome.report.summary;
                        eprintln!(
                            "translated {}/{} functions ({} blocks); wrote {}",
                            s.functions_translated,
                            s.functions_total,
                            s.blocks_total,
                            out.display()
                        );
                        for f in outcome.report.functions.iter().filter(|f| !f.translated) {
                            eprintln!(
                                "  not translated: {} ({}:{}): {}",
                                f.name,
                                f.file,
                                f.line,
                                f.reason.as_deref().unwrap_or("unknown reason")
                            );
                        }
                        if outcome.verification.is_some() {
                            eprintln!("{}", verify::summary_line(s));
                        }
                    }
                    ExitCode::from(outcome.status.exit_code() as u8)
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
