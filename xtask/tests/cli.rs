//! The command line as a user runs it: exit status 0 / 2 / 1, diagnostics on stderr with
//! file:line:col, the summary line, and single-file input given as a bare file name.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn out_dir(name: &str) -> PathBuf {
    let d = workspace().join("target/cli-tests").join(name);
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn transpile(cwd: &Path, input: &str, out: &Path) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(cwd)
        .args(["transpile", input, "--out"])
        .arg(out)
        .output()
        .expect("run xtask");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn complete_translation_exits_0_with_a_summary() {
    let out = out_dir("complete");
    let (code, stderr) = transpile(&workspace(), "corpora/c/int_divmod", &out);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("translated 3/3 functions") || stderr.contains("translated "),
        "{stderr}"
    );
    assert!(out.join("src/main.rs").is_file() && out.join("transpile-report.json").is_file());
}

#[test]
fn bare_file_name_in_its_own_directory() {
    let dir = workspace().join("corpora/c/int_divmod");
    let out = out_dir("bare");
    let (code, stderr) = transpile(&dir, "int_divmod.c", &out);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.join("src/main.rs").is_file());
}

#[test]
fn partial_translation_exits_2_and_names_what_is_missing() {
    let out = out_dir("partial");
    let (code, stderr) = transpile(&workspace(), "tests/bad/unsupported_union", &out);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("mixed.c:9:5: error[C0002]: unsupported construct `union`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("not translated: float_bits (mixed.c:8)"),
        "{stderr}"
    );
    assert!(
        out.join("src/main.rs").is_file(),
        "the rest is still written"
    );
}

#[test]
fn nothing_translatable_exits_1() {
    let out = out_dir("nothing");
    let (code, stderr) = transpile(&workspace(), "tests/bad/empty_dir", &out);
    assert_eq!(code, 1, "{stderr}");
    let (code, stderr) = transpile(&workspace(), "no/such/dir", &out);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("cannot read input"), "{stderr}");
}
