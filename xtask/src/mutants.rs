//! `cargo xtask mutants [DIR...] [--per-program N] [--seed S]`: the checker's mutation test
//! (issue 3) over whole corpora (default `corpora/c-unseen`).
//!
//! For every program: translate it, check it, and check up to N single-token mutants of each
//! function proven on the original; an accepted mutant is built and run against the unmutated
//! build. Prints one line per program (with every unsound finding below it) as it completes,
//! then the totals. Exit status 1 when any behaviour-changing mutant was accepted (or, with
//! `--accept-all`, never: that fake checker is a self-test of the harness), else 0.
//! The work lives in `target/mutants/<program>` (deterministic paths).

use std::path::PathBuf;
use std::process::ExitCode;
use xl_e2e::mutants;

/// Arguments of `cargo xtask mutants`.
#[derive(clap::Args)]
pub struct Args {
    /// Corpus directories holding `<name>/<name>.c` programs (default: corpora/c-unseen).
    dirs: Vec<PathBuf>,
    /// At most this many mutants per program, sampled deterministically.
    #[arg(long, default_value_t = 40)]
    per_program: usize,
    /// Sampling seed.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Only programs whose name contains one of these comma-separated parts.
    #[arg(long)]
    filter: Option<String>,
    /// Solver time limit per query, in milliseconds.
    #[arg(long, default_value_t = 2000)]
    timeout_ms: u32,
    /// Harness self-test: a fake checker that proves every function and accepts every mutant
    /// (shows that behaviour-changing mutants are detected, and how many mutants compile).
    #[arg(long)]
    accept_all: bool,
}

/// Runs the sweep and prints the table.
pub fn run(args: Args) -> ExitCode {
    let root = xl_e2e::workspace_root();
    let dirs = if args.dirs.is_empty() {
        vec![root.join("corpora/c-unseen")]
    } else {
        args.dirs.clone()
    };
    let mut programs = Vec::new();
    for d in &dirs {
        match xl_e2e::harness::discover(d, args.filter.as_deref()) {
            Ok(mut ps) => programs.append(&mut ps),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let mut settings = mutants::Settings::new(xl_e2e::workspace_target().join("mutants"));
    settings.per_program = args.per_program;
    settings.seed = args.seed;
    let real = mutants::verify_checker(mutants::checker_options(args.timeout_ms));
    let check: &mutants::CheckFn = if args.accept_all {
        &mutants::accept_all
    } else {
        &real
    };
    let mut reports = Vec::new();
    for p in &programs {
        let r = mutants::run_program(&p.name, &p.dir, &settings, check);
        print!("{}", mutants::render_program(&r));
        reports.push(r);
    }
    let t = mutants::totals(&reports);
    let total_line = mutants::render_program(&t);
    println!("{}", total_line.lines().next().unwrap_or(""));
    if args.accept_all {
        println!("(--accept-all: a fake checker; the findings above show the harness works)");
        return ExitCode::SUCCESS;
    }
    if t.accepted_changing.is_empty() {
        ExitCode::SUCCESS
    } else {
        println!(
            "FAIL: {} behaviour-changing mutant(s) were proven",
            t.accepted_changing.len()
        );
        ExitCode::from(1)
    }
}
