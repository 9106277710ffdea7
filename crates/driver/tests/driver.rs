//! Driver behaviour a user relies on: byte-identical output run to run, a report entry for
//! every function, atomic rewrites that leave unchanged files alone, clear errors for
//! inputs that are not projects; verification on by default with its verdicts in the report,
//! off with `verify: false`, never changing the status; `verify_project` on a crate on disk.

use std::path::{Path, PathBuf};
use xl_driver::{transpile, verify_project, Config, DriverError, RunStatus};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = workspace().join("target/driver-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn output_is_byte_identical_run_to_run() {
    let input = workspace().join("corpora/c/fnptr_table");
    let (a, b) = (scratch("det-a"), scratch("det-b"));
    let ra = transpile(&input, &a, &Config::default()).unwrap();
    let rb = transpile(&input, &b, &Config::default()).unwrap();
    assert_eq!(ra.status, RunStatus::Complete, "{:?}", ra.diagnostics);
    assert_eq!(rb.status, RunStatus::Complete);
    let (fa, fb) = (files_of(&a), files_of(&b));
    let names: Vec<&str> = fa.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Cargo.toml",
            "src/main.rs",
            "src/rt.rs",
            "transpile-report.json"
        ]
    );
    assert_eq!(fa, fb);
}

#[test]
fn report_lists_every_function_with_location() {
    let input = workspace().join("corpora/c/rec_mutual");
    let out = scratch("report");
    let config = Config {
        verify: false,
        ..Config::default()
    };
    let outcome = transpile(&input, &out, &config).unwrap();
    let report = &outcome.report;
    let mut names: Vec<&str> = report.functions.iter().map(|f| f.name.as_str()).collect();
    names.sort();
    // The nine definitions of rec_mutual.c; prototypes are not functions.
    let want = [
        "eval", "expr", "factor", "hof_f", "hof_m", "is_even", "is_odd", "main", "term",
    ];
    assert_eq!(names, want);
    assert_eq!(report.summary.functions_translated, report.functions.len());
    for f in &report.functions {
        assert_eq!(f.file, "rec_mutual.c");
        assert!(f.line > 0 && f.col > 0, "{f:?}");
        assert!(!f.blocks.is_empty());
        assert!(f.blocks.iter().all(|b| b.verdict == "not-checked"));
        assert!(f.blocks.iter().all(|b| b.verdict_detail.is_none()));
        assert_eq!(f.verified, "not-checked");
        assert_eq!(f.failing_block, None);
    }
    assert!(
        outcome.verification.is_none(),
        "--no-verify runs no checker"
    );
    assert!(!report.summary.verified);
    assert_eq!(report.summary.blocks_proven, 0);
    assert_eq!(report.summary.functions_proven, 0);
    let json = std::fs::read_to_string(out.join("transpile-report.json")).unwrap();
    assert_eq!(json, report.to_json());
}

#[test]
fn rerun_keeps_unchanged_files_untouched() {
    let input = workspace().join("corpora/c/int_shifts");
    let out = scratch("rerun");
    transpile(&input, &out, &Config::default()).unwrap();
    let main_rs = out.join("src/main.rs");
    let before = std::fs::metadata(&main_rs).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    transpile(&input, &out, &Config::default()).unwrap();
    let after = std::fs::metadata(&main_rs).unwrap().modified().unwrap();
    assert_eq!(before, after, "an unchanged file was rewritten");
    let leftovers: Vec<_> = files_of(&out)
        .into_iter()
        .filter(|(n, _)| n.contains("xlate-tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn single_file_input_and_bad_paths() {
    let file = workspace().join("corpora/c/int_divmod/int_divmod.c");
    let out = scratch("single");
    let outcome = transpile(&file, &out, &Config::default()).unwrap();
    assert_eq!(
        outcome.status,
        RunStatus::Complete,
        "{:?}",
        outcome.diagnostics
    );
    assert_eq!(outcome.report.files, ["int_divmod.c"]);

    let missing = workspace().join("corpora/c/no-such-program");
    let err = transpile(&missing, &scratch("missing"), &Config::default()).unwrap_err();
    assert!(err.to_string().contains("cannot read input"), "{err}");

    let not_c = workspace().join("README.md");
    let err = transpile(&not_c, &scratch("not-c"), &Config::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("neither a directory nor a .c file"),
        "{err}"
    );
}

const VERDICTS: [&str; 4] = ["proven", "refuted", "unknown", "unsupported"];

#[test]
fn verification_fills_the_report_without_changing_the_status() {
    let input = workspace().join("corpora/c/rec_mutual");
    let out = scratch("verified");
    let outcome = transpile(&input, &out, &Config::default()).unwrap();
    let unverified = transpile(
        &input,
        &scratch("verified-off"),
        &Config {
            verify: false,
            ..Config::default()
        },
    )
    .unwrap();
    assert_eq!(
        outcome.status, unverified.status,
        "proofs never change the status"
    );
    assert_eq!(outcome.status, RunStatus::Complete);

    let v = outcome
        .verification
        .as_ref()
        .expect("verification is on by default");
    let report = &outcome.report;
    assert!(report.summary.verified);
    let mut checked: Vec<&str> = v.functions.iter().map(|f| f.name.as_str()).collect();
    let mut listed: Vec<&str> = report.functions.iter().map(|f| f.name.as_str()).collect();
    checked.sort();
    listed.sort();
    assert_eq!(checked, listed, "the checker reports every function");
    assert_eq!(v.total, v.functions.len());
    assert_eq!(
        v.proven,
        v.functions.iter().filter(|f| f.is_proven()).count()
    );

    for f in &report.functions {
        match f.verified.as_str() {
            "proven" => {
                assert_eq!(f.failing_block, None, "{f:?}");
                assert!(f.blocks.iter().all(|b| b.verdict == "proven"), "{f:?}");
            }
            "failed" => {
                assert!(f.verified_detail.is_some(), "a failure says why: {f:?}");
                if let Some(b) = &f.failing_block {
                    assert!(f.blocks.iter().any(|x| &x.block == b), "{f:?}");
                }
            }
            other => panic!("unexpected `verified` {other} for a translated function: {f:?}"),
        }
        for b in &f.blocks {
            assert!(VERDICTS.contains(&b.verdict.as_str()), "{b:?}");
            assert_eq!(b.verdict == "proven", b.verdict_detail.is_none(), "{b:?}");
        }
    }
    let s = &report.summary;
    assert_eq!(
        s.functions_proven,
        report
            .functions
            .iter()
            .filter(|f| f.verified == "proven")
            .count()
    );
    assert_eq!(
        s.blocks_proven,
        report
            .functions
            .iter()
            .flat_map(|f| &f.blocks)
            .filter(|b| b.verdict == "proven")
            .count()
    );
    let json = std::fs::read_to_string(out.join("transpile-report.json")).unwrap();
    assert_eq!(json, report.to_json());
    assert!(json.contains("\"verdict_detail\"") && json.contains("\"verified\""));
}

#[test]
fn untranslated_functions_are_not_translated_in_the_verdicts() {
    let input = workspace().join("tests/bad/unsupported_union");
    let outcome = transpile(&input, &scratch("verified-partial"), &Config::default()).unwrap();
    assert_eq!(outcome.status, RunStatus::Partial);
    let f = outcome
        .report
        .functions
        .iter()
        .find(|f| f.name == "float_bits")
        .unwrap();
    assert!(!f.translated);
    assert_eq!(f.verified, "not-translated");
    assert!(f.blocks.iter().all(|b| b.verdict == "not-checked"));
    assert!(outcome
        .report
        .functions
        .iter()
        .filter(|f| f.translated)
        .all(|f| f.verified == "proven" || f.verified == "failed"));
}

#[test]
fn verify_project_reads_the_crate_on_disk() {
    let input = workspace().join("corpora/c/int_divmod");
    let out = scratch("verify-project");
    let config = Config {
        verify: false,
        ..Config::default()
    };
    transpile(&input, &out, &config).unwrap();
    let fresh = verify_project(&input, &out, &Config::default()).unwrap();
    let v = &fresh.verification;
    let names: Vec<&str> = v.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["floor_div", "floor_mod", "main"]);
    assert_eq!(v.total, 3);
    let json: serde_json::Value = serde_json::from_str(&v.to_json()).unwrap();
    assert_eq!(json["total"], 3);
    assert!(
        json["functions"][0].get("query_ms").is_none(),
        "times stay out of the JSON"
    );

    // Replace the body of floor_div by a wrong constant: never more proven than before.
    let main_rs = out.join("src/main.rs");
    let text = std::fs::read_to_string(&main_rs).unwrap();
    std::fs::write(&main_rs, replace_body(&text, "fn floor_div", "12345")).unwrap();
    let edited = verify_project(&input, &out, &Config::default()).unwrap();
    assert!(edited.verification.proven <= v.proven);
    let fd = &edited.verification.functions[0];
    assert_eq!(fd.name, "floor_div");
    assert!(!fd.is_proven(), "a constant is not floor division: {fd:?}");
    assert!(!edited.verification.all_proven());
}

#[test]
fn verify_project_errors_are_values() {
    let input = workspace().join("corpora/c/int_divmod");
    let missing = scratch("verify-no-crate");
    match verify_project(&input, &missing, &Config::default()) {
        Err(e @ DriverError::Crate(..)) => assert!(e.to_string().contains("cannot read crate")),
        other => panic!("{other:?}"),
    }
    let empty = scratch("verify-empty-crate");
    std::fs::create_dir_all(&empty).unwrap();
    let err = verify_project(&input, &empty, &Config::default()).unwrap_err();
    assert!(
        err.to_string()
            .contains("neither src/main.rs nor src/lib.rs"),
        "{err}"
    );

    let out = scratch("verify-syntax");
    transpile(&input, &out, &Config::default()).unwrap();
    let main_rs = out.join("src/main.rs");
    let mut text = std::fs::read_to_string(&main_rs).unwrap();
    text.push_str("\nfn broken( {\n");
    std::fs::write(&main_rs, text).unwrap();
    let got = verify_project(&input, &out, &Config::default()).unwrap();
    assert!(!got.verification.all_proven());
    assert!(
        got.diagnostics
            .iter()
            .any(|d| d.is_error() && d.span.file.ends_with("src/main.rs") && d.span.line > 0),
        "{:?}",
        got.diagnostics
    );
}

/// `text` with the body of the function starting at `head` replaced by `{ body }` (braces
/// counted; the emitted code has no braces in strings or comments there).
fn replace_body(text: &str, head: &str, body: &str) -> String {
    let start = text.find(head).unwrap();
    let open = start + text[start..].find('{').unwrap();
    let mut depth = 0;
    let mut close = open;
    for (i, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    close = open + i;
                    break;
                }
            }
            _ => {}
        }
    }
    format!("{}{{ {body} }}{}", &text[..open], &text[close + 1..])
}
