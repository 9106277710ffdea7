//! Driver behaviour a user relies on: byte-identical output run to run, a report entry for
//! every function, atomic rewrites that leave unchanged files alone, and clear errors for
//! inputs that are not projects.

use std::path::{Path, PathBuf};
use xl_driver::{transpile, Config, RunStatus};

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
    let outcome = transpile(&input, &out, &Config::default()).unwrap();
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
    }
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
