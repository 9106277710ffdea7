//! Regression guard for the checker: every program listed in `tests/proven.txt` must be proven
//! fully equivalent (every function), translated in-process from its C and checked from the
//! emitted text. The solver limit is generous so a loaded CI machine does not turn a proof
//! into `unknown`.

use std::path::Path;
use xl_verify::{verify_crate, FuncStatus, Options};

#[test]
fn listed_programs_are_fully_proven() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root");
    let list = std::fs::read_to_string(root.join("tests/proven.txt")).expect("tests/proven.txt");
    let mut failures = Vec::new();
    let mut count = 0;
    for line in list.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        count += 1;
        let dir = root.join(line);
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let subject = xl_e2e::mutants::prepare(&name, &dir, "cc")
            .unwrap_or_else(|e| panic!("{line}: cannot translate: {e}"));
        let report = verify_crate(
            &subject.module,
            &subject.names,
            &subject.files,
            &Options { timeout_ms: 20_000 },
        );
        for f in &report.functions {
            if !matches!(f.status, FuncStatus::Proven) {
                failures.push(format!("{line}: {} is not proven: {:?}", f.name, f.status));
            }
        }
        for d in &report.diagnostics {
            failures.push(format!("{line}: {d}"));
        }
    }
    assert!(count >= 10, "tests/proven.txt lists too few programs");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
