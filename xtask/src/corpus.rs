//! `cargo xtask corpus`: the end-to-end measurement over whole corpora, and the committed
//! scoreboard `corpora/STATUS.md` (oxc's conformance snapshots: pass counts show in review).
//!
//! The per-program pipeline is the one the tests use (`xl_e2e::harness`), so the scoreboard
//! and the test suite can never disagree about what "passes" means.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use xl_e2e::harness::{self, Options, Paths, Verdict};

pub(crate) fn run(dirs: Vec<PathBuf>, write_status: bool) -> ExitCode {
    let root = xl_e2e::workspace_root();
    let dirs = if dirs.is_empty() {
        vec![root.join("corpora/c"), root.join("corpora/c-unseen")]
    } else {
        dirs
    };
    let mut status = String::from(
        "# Corpus scoreboard\n\nWritten by `cargo xtask corpus --write-status`: each program is \
         transpiled, built and run, and must match gcc's stdout and exit code.\n",
    );
    let mut all_ok = true;
    for dir in &dirs {
        let programs = match harness::discover(dir, None) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        };
        let label = dir.strip_prefix(&root).unwrap_or(dir).display().to_string();
        let prefix = format!("corpus-{}", label.replace(['/', '\\'], "-"));
        let paths = Paths::under(&xl_e2e::workspace_target(), &prefix);
        let opts = Options {
            threads: xl_e2e::threads_from_env(),
            ..Options::default()
        };
        eprintln!("{label}: {} programs", programs.len());
        let results =
            harness::run_all(&programs, &paths, &opts, Arc::new(xl_e2e::driver_transpile));
        let summary = harness::render_summary(&results);
        print!("== {label}\n{summary}");
        let passed = results.iter().filter(|(_, v)| v.is_ok()).count();
        all_ok &= passed == results.len();
        status.push_str(&format!("\n## {label}: {passed}/{}\n\n", results.len()));
        status.push_str("| program | result |\n|---|---|\n");
        for (name, v) in &results {
            let text = match v {
                Verdict::Ok => "ok".to_string(),
                other => harness::truncate(&other.to_string(), 160).replace('|', "\\|"),
            };
            status.push_str(&format!("| {name} | {} |\n", text.replace('\n', " ")));
        }
    }
    if write_status {
        let path = root.join("corpora/STATUS.md");
        if let Err(e) = std::fs::write(&path, status) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(1);
        }
        eprintln!("wrote {}", path.display());
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
