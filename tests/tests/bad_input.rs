//! Malformed and unsupported C: every `tests/bad/<case>/` is run through
//! `xl_driver::transpile` (on a fresh copy of its C files under `target/e2e-bad/<case>/in`)
//! and must match its `expect.toml`: exit status, diagnostic substrings, which functions are
//! translated and which are not. The tool must never panic (a panic is reported as a
//! failure of the case) and must not return an environment error for bad C.
//!
//! Run one case: `XL_E2E_FILTER=union cargo test -p xl-e2e --test bad_input`.

use xl_e2e::bad;

#[test]
fn bad_inputs_meet_their_expectations() {
    let dir = xl_e2e::workspace_root().join("tests/bad");
    let mut cases = bad::discover(&dir).expect("tests/bad");
    assert!(cases.len() >= 10, "only {} bad-input cases", cases.len());
    if let Some(f) = xl_e2e::filter_from_env() {
        cases.retain(|c| f.split(',').any(|part| c.name.contains(part.trim())));
    }
    let work = xl_e2e::workspace_target().join("e2e-bad");
    let results = xl_e2e::harness::parallel_map(&cases, xl_e2e::threads_from_env(), |c| {
        (c.name.clone(), bad::check(c, &work, &xl_e2e::driver_run))
    });
    let mut report = String::new();
    let mut failed = 0;
    for (name, problems) in &results {
        if problems.is_empty() {
            report.push_str(&format!("{name}: ok\n"));
        } else {
            failed += 1;
            report.push_str(&format!("{name}: FAILED\n"));
            for p in problems {
                report.push_str(&format!("    {p}\n"));
            }
        }
    }
    report.push_str(&format!(
        "passed {}/{}\n",
        results.len() - failed,
        results.len()
    ));
    eprintln!("{report}");
    assert!(failed == 0, "{failed} bad-input case(s) failed:\n{report}");
}
