//! `cargo xtask verify PROJECT CRATE [--json FILE] [--timeout-ms N]`: checks a Rust crate on
//! disk (as `transpile` wrote it, or edited by hand since) against the C project it was
//! translated from, and the verification summary line `transpile` prints.
//!
//! Output: one line per C function on stdout, `proven  NAME` or `FAILED  NAME  WHY` (WHY is
//! `block3: refuted: <counterexample>`, `unknown: <limit>`, `unsupported: <construct>` or
//! `not translated`), then `proven P/T functions (B/N blocks)`; diagnostics on stderr.
//! Exit status: 0 when every function is proven, 1 otherwise, 2 when the project or the crate
//! cannot be read (or the JSON cannot be written).

use std::path::PathBuf;
use std::process::ExitCode;
use xl_driver::Summary;

/// Arguments of `cargo xtask verify`.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The C project (directory or single .c file), as given to `transpile`.
    project: PathBuf,
    /// The Rust crate directory `transpile --out` wrote (read from disk as it is now).
    #[arg(value_name = "CRATE")]
    crate_dir: PathBuf,
    /// Also write the full result as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Solver time limit per query, in milliseconds.
    #[arg(long)]
    timeout_ms: Option<u32>,
    /// C compiler used for preprocessing.
    #[arg(long, default_value = "cc")]
    cc: String,
    /// Print timings.
    #[arg(long, short)]
    verbose: bool,
}

pub(crate) fn run(args: Args) -> ExitCode {
    let config = xl_driver::Config {
        cc: args.cc,
        verbose: args.verbose,
        progress: false,
        crate_name: None,
        verify: true,
        timeout_ms: args.timeout_ms,
    };
    let outcome = match xl_driver::verify_project(&args.project, &args.crate_dir, &config) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    for d in &outcome.diagnostics {
        eprintln!("{d}");
    }
    let v = &outcome.verification;
    for f in &v.functions {
        if f.is_proven() {
            println!("proven  {}", f.name);
        } else {
            println!("FAILED  {}  {}", f.name, f.describe());
        }
    }
    println!(
        "proven {}/{} functions ({}/{} blocks)",
        v.proven, v.total, v.blocks_proven, v.blocks_total
    );
    if let Some(path) = &args.json {
        if let Err(e) = std::fs::write(path, v.to_json()) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if v.all_proven() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `verified: 41/52 blocks proven, 3/5 functions proven`, for `transpile`'s summary.
pub(crate) fn summary_line(s: &Summary) -> String {
    format!(
        "verified: {}/{} blocks proven, {}/{} functions proven",
        s.blocks_proven, s.blocks_total, s.functions_proven, s.functions_total
    )
}
