//! End-to-end test support: transpile the C corpus with the real driver, build and run the
//! Rust, compare with the C compiler's build; and drive the tool over malformed input.
//!
//! - [`harness`]: the corpus pipeline (reference run, transpile, audit, build, run, compare)
//!   with a small thread pool and a per-program [`harness::Verdict`].
//! - [`bad`] and [`expect`]: the `tests/bad/<case>/expect.toml` cases.
//! - [`rustscan`]: the `unsafe` audit of generated packages (a small Rust lexer).
//! - [`proc`]: child processes with time limits.
//! - [`mutants`]: the checker's mutation test (single-token mutants of the emitted Rust).
//! - This file: workspace paths, environment knobs, and the adapters from
//!   [`xl_driver::transpile`] to the two harnesses.
//!
//! Environment knobs (all optional): `XL_E2E_FILTER` (comma-separated substrings of program
//! or case names), `XL_E2E_THREADS` (default 2), `XL_E2E_CC` (default `cc`),
//! `XL_E2E_BUILD` (`cargo`, `rustc` or `mixed`; see `tests/tests/corpus.rs`).

pub mod bad;
pub mod expect;
pub mod harness;
pub mod mutants;
pub mod proc;
pub mod rustscan;

use std::path::{Path, PathBuf};

/// The workspace root (the parent of this package).
pub fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// `<workspace>/target`: where every harness keeps its files (deterministic paths, whatever
/// `CARGO_TARGET_DIR` the test itself was built with).
pub fn workspace_target() -> PathBuf {
    workspace_root().join("target")
}

/// `XL_E2E_FILTER`, when set and not empty.
pub fn filter_from_env() -> Option<String> {
    std::env::var("XL_E2E_FILTER")
        .ok()
        .filter(|s| !s.trim().is_empty())
}

/// `XL_E2E_THREADS`, default 2.
pub fn threads_from_env() -> usize {
    std::env::var("XL_E2E_THREADS")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|n| *n > 0)
        .unwrap_or(2)
}

/// `XL_E2E_CC`, default `cc`.
pub fn cc_from_env() -> String {
    std::env::var("XL_E2E_CC").unwrap_or_else(|_| "cc".to_string())
}

fn driver_config() -> xl_driver::Config {
    xl_driver::Config {
        cc: cc_from_env(),
        verbose: false,
        progress: false,
        ..xl_driver::Config::default()
    }
}

/// The corpus transpiler: runs the driver and accepts only a complete translation. The error
/// names the status, the translated count, the first error diagnostic and the untranslated
/// functions with their reasons.
pub fn driver_transpile(input: &Path, out: &Path) -> Result<(), String> {
    let outcome = xl_driver::transpile(input, out, &driver_config())
        .map_err(|e| format!("driver error: {e}"))?;
    if let Some(d) = outcome
        .diagnostics
        .iter()
        .find(|d| is_internal_error(&d.code, &d.message))
    {
        let text = d.to_string();
        return Err(format!(
            "internal error (a caught panic): {}",
            harness::truncate(text.lines().next().unwrap_or(""), 400)
        ));
    }
    if outcome.status == xl_driver::RunStatus::Complete {
        return Ok(());
    }
    let s = &outcome.report.summary;
    let mut msg = format!(
        "status {:?} (exit {}), {}/{} functions translated",
        outcome.status,
        outcome.status.exit_code(),
        s.functions_translated,
        s.functions_total
    );
    if let Some(d) = outcome.diagnostics.iter().find(|d| d.is_error()) {
        let first_line = d.to_string();
        let first_line = first_line.lines().next().unwrap_or("");
        msg.push_str(&format!("; first error: {first_line}"));
    }
    let missing: Vec<String> = outcome
        .report
        .functions
        .iter()
        .filter(|f| !f.translated)
        .map(|f| match &f.reason {
            Some(r) => format!("{} ({})", f.name, harness::truncate(r, 80)),
            None => f.name.clone(),
        })
        .collect();
    if !missing.is_empty() {
        msg.push_str(&format!("; not translated: {}", missing.join(", ")));
    }
    Err(harness::truncate(&msg, 600))
}

/// True for the driver's report of a panic it caught inside a stage (`D0100`).
fn is_internal_error(code: &str, message: &str) -> bool {
    code == "D0100" || message.contains("internal error")
}

/// The bad-input tool: runs the driver and reduces the outcome to a [`bad::ToolRun`].
pub fn driver_run(input: &Path, out: &Path) -> Result<bad::ToolRun, String> {
    let outcome = xl_driver::transpile(input, out, &driver_config())
        .map_err(|e| format!("driver error: {e}"))?;
    let diagnostics = outcome
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let internal_errors = outcome
        .diagnostics
        .iter()
        .filter(|d| is_internal_error(&d.code, &d.message))
        .map(|d| d.to_string())
        .collect();
    Ok(bad::ToolRun {
        status: outcome.status.exit_code(),
        diagnostics,
        internal_errors,
        functions: outcome
            .report
            .functions
            .iter()
            .map(|f| (f.name.clone(), f.translated))
            .collect(),
    })
}
