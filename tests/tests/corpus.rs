//! The C corpus end to end: every `corpora/c/<name>/<name>.c` is compiled with `cc -O0 -w`
//! and run (the oracle), transpiled with `xl_driver::transpile` into `target/e2e/<name>`,
//! audited (`#![forbid(unsafe_code)]` at the crate root, no `unsafe` token anywhere), built,
//! run, and compared on stdout bytes and exit code. All programs are checked (two worker
//! threads by default); the test fails at the end with one line per program and `passed N/M`,
//! also written to `target/e2e/summary.txt`.
//!
//! Build choice: every package is built with `cargo build --release --quiet` and one shared
//! `CARGO_TARGET_DIR` (`target/e2e-target`). Generated packages have no dependencies (the
//! runtime is a copied `src/rt.rs`), so a build is one small rustc run: on the 2-core machine a
//! clean run of all 62 programs (C builds, transpiles, cargo builds, runs) took 45 s, far below
//! the 5-minute budget, and a rerun with unchanged output 4.5 s, because the harness only
//! rewrites changed files and cargo's fingerprints skip the rest. If that ever gets too slow, `XL_E2E_BUILD=mixed` builds only a
//! representative few with cargo and the rest with `rustc --edition 2021 -O src/main.rs`
//! (`XL_E2E_BUILD=rustc`: all with rustc).
//!
//! Run one or a few programs: `XL_E2E_FILTER=int_,ctrl_goto cargo test -p xl-e2e --test corpus`.

use std::sync::Arc;
use xl_e2e::harness::{self, Options, Paths};

/// Programs built with cargo in `mixed` mode: one per area, so the cargo path stays tested.
const CARGO_REPRESENTATIVES: &[&str] = &[
    "int_divmod",
    "ctrl_goto_fsm",
    "struct_pointer",
    "fnptr_table",
    "printf_floats",
    "algo_sieve",
];

fn options() -> Options {
    let cargo_for = match std::env::var("XL_E2E_BUILD").as_deref() {
        Ok("rustc") => Some(vec![]),
        Ok("mixed") => Some(
            CARGO_REPRESENTATIVES
                .iter()
                .map(|s| s.to_string())
                .collect(),
        ),
        _ => None,
    };
    Options {
        threads: xl_e2e::threads_from_env(),
        cc: xl_e2e::cc_from_env(),
        cargo_for,
        ..Options::default()
    }
}

#[test]
fn corpus_programs_follow_the_rules() {
    let corpus = xl_e2e::workspace_root().join("corpora/c");
    let programs = harness::discover(&corpus, None).expect("corpus");
    assert!(programs.len() >= 45, "only {} programs", programs.len());
    let mut problems = Vec::new();
    for p in &programs {
        let text = std::fs::read_to_string(&p.source).expect("readable source");
        let lines = text.lines().count();
        if !(30..=150).contains(&lines) {
            problems.push(format!("{}: {lines} lines (want 30-150)", p.name));
        }
        if !text.starts_with("/*") && !text.starts_with("//") {
            problems.push(format!("{}: does not start with a comment", p.name));
        }
        if !text.contains("int main(void)") {
            problems.push(format!("{}: no `int main(void)`", p.name));
        }
        for banned in [
            "malloc",
            "free(",
            "<string.h>",
            "strlen",
            "strcpy",
            "memcpy",
            "scanf",
        ] {
            if text.contains(banned) {
                problems.push(format!(
                    "{}: uses `{banned}` (out of this stage's scope)",
                    p.name
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn corpus() {
    let root = xl_e2e::workspace_root();
    let filter = xl_e2e::filter_from_env();
    let programs = harness::discover(&root.join("corpora/c"), filter.as_deref()).expect("corpus");
    assert!(
        !programs.is_empty(),
        "no program matches XL_E2E_FILTER={filter:?}"
    );

    let paths = Paths::under(&xl_e2e::workspace_target(), "e2e");
    let started = std::time::Instant::now();
    let results = harness::run_all(
        &programs,
        &paths,
        &options(),
        Arc::new(xl_e2e::driver_transpile),
    );
    let summary = harness::render_summary(&results);
    let _ = std::fs::create_dir_all(&paths.packages);
    let _ = std::fs::write(paths.packages.join("summary.txt"), &summary);
    eprintln!("{summary}(corpus checked in {:.1?})", started.elapsed());

    // The full table went to stderr above; the failure message repeats only the failures.
    let failures: Vec<String> = results
        .iter()
        .filter(|(_, v)| !v.is_ok())
        .map(|(n, v)| format!("{n}: {v}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} corpus programs failed:\n{}",
        failures.len(),
        results.len(),
        failures.join("\n")
    );
}
