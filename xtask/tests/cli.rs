//! The command line as a user runs it: exit status 0 / 2 / 1, diagnostics on stderr with
//! file:line:col, the summary line, and single-file input given as a bare file name; and
//! `verify` on a crate on disk: one line per function, the total, exit status, `--json`, and
//! re-reading the crate after a hand edit.

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

fn xtask(cwd: &Path, args: &[&str]) -> (i32, String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("run xtask");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

const TINY: &str = "xtask/tests/data/tiny";
const TINY_FUNCS: [&str; 3] = ["add", "clamp", "main"];

/// Transpiles the tiny program into a fresh `out_dir(name)`, returning the crate path.
fn tiny_crate(name: &str) -> PathBuf {
    let out = out_dir(name);
    let (code, stderr) = transpile(&workspace(), TINY, &out);
    assert_eq!(code, 0, "{stderr}");
    out
}

/// Function lines of `verify` output: `(proven?, name)`.
fn function_lines(stdout: &str) -> Vec<(bool, String)> {
    stdout
        .lines()
        .filter_map(|l| {
            if let Some(rest) = l.strip_prefix("proven  ") {
                Some((true, rest.trim().to_string()))
            } else {
                l.strip_prefix("FAILED  ")
                    .map(|rest| (false, rest.split("  ").next().unwrap_or("").to_string()))
            }
        })
        .collect()
}

fn json_of(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("the --json file is written");
    serde_json::from_str(&text).expect("the --json file parses")
}

#[test]
fn transpile_prints_the_verification_summary_and_no_verify_skips_it() {
    let out = out_dir("verify-summary");
    let (code, stderr) = transpile(&workspace(), TINY, &out);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("verified: ") && stderr.contains("functions proven"),
        "{stderr}"
    );
    let report = json_of(&out.join("transpile-report.json"));
    assert_eq!(report["summary"]["verified"], true);
    for f in report["functions"].as_array().unwrap() {
        let v = f["verified"].as_str().unwrap();
        assert!(["proven", "failed", "not-translated"].contains(&v), "{f}");
        for b in f["blocks"].as_array().unwrap() {
            let verdict = b["verdict"].as_str().unwrap();
            assert!(
                ["proven", "refuted", "unknown", "unsupported"].contains(&verdict),
                "{b}"
            );
        }
    }

    let out = out_dir("no-verify");
    let (code, _, stderr) = xtask(
        &workspace(),
        &[
            "transpile",
            TINY,
            "--no-verify",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("verified: "), "{stderr}");
    let report = json_of(&out.join("transpile-report.json"));
    assert_eq!(report["summary"]["verified"], false);
    for f in report["functions"].as_array().unwrap() {
        assert_eq!(f["verified"], "not-checked");
        for b in f["blocks"].as_array().unwrap() {
            assert_eq!(b["verdict"], "not-checked");
        }
    }
}

#[test]
fn verify_prints_one_line_per_function_and_a_total() {
    let krate = tiny_crate("verify-lines");
    let json = krate.join("verify.json");
    let (code, stdout, stderr) = xtask(
        &workspace(),
        &[
            "verify",
            TINY,
            krate.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
            "--timeout-ms",
            "5000",
        ],
    );
    let lines = function_lines(&stdout);
    let mut names: Vec<&str> = lines.iter().map(|(_, n)| n.as_str()).collect();
    names.sort();
    assert_eq!(names, TINY_FUNCS, "{stdout}");
    let proven = lines.iter().filter(|(p, _)| *p).count();
    let total_line = format!("proven {proven}/3 functions");
    assert!(stdout.contains(&total_line), "{stdout}");
    // 0 exactly when everything is proven.
    assert_eq!(code, if proven == 3 { 0 } else { 1 }, "{stdout}{stderr}");
    for l in stdout.lines().filter(|l| l.starts_with("FAILED  ")) {
        assert!(l.split("  ").count() >= 3, "a failure says why: {l}");
    }

    let v = json_of(&json);
    assert_eq!(v["total"], 3);
    assert_eq!(v["proven"], proven);
    let funcs = v["functions"].as_array().unwrap();
    assert_eq!(funcs.len(), 3);
    for f in funcs {
        for key in [
            "name",
            "rust_name",
            "status",
            "failing_block",
            "verdict",
            "detail",
            "blocks",
        ] {
            assert!(f.get(key).is_some(), "missing {key} in {f}");
        }
        let status = f["status"].as_str().unwrap();
        assert!(
            ["proven", "failed", "not-translated"].contains(&status),
            "{f}"
        );
        for b in f["blocks"].as_array().unwrap() {
            assert!(
                b.get("block").is_some() && b.get("verdict").is_some() && b.get("detail").is_some()
            );
        }
    }
    let add = funcs.iter().find(|f| f["name"] == "add").unwrap();
    assert_eq!(add["rust_name"], "add");
    let main = funcs.iter().find(|f| f["name"] == "main").unwrap();
    assert_eq!(main["rust_name"], "c_main");
}

#[test]
fn verify_reads_the_crate_from_disk_after_a_hand_edit() {
    let krate = tiny_crate("verify-edit");
    let run = |json: &Path| {
        let (code, stdout, stderr) = xtask(
            &workspace(),
            &[
                "verify",
                TINY,
                krate.to_str().unwrap(),
                "--json",
                json.to_str().unwrap(),
            ],
        );
        assert!(code == 0 || code == 1, "{stdout}{stderr}");
        (code, json_of(json))
    };
    let (_, before) = run(&krate.join("before.json"));

    let main_rs = krate.join("src/main.rs");
    let text = std::fs::read_to_string(&main_rs).unwrap();
    assert!(text.contains("wrapping_add"), "{text}");
    std::fs::write(&main_rs, text.replace("wrapping_add", "wrapping_sub")).unwrap();
    let (code, after) = run(&krate.join("after.json"));

    assert_eq!(code, 1, "a wrong `add` is never all proven");
    let proven = |v: &serde_json::Value| v["proven"].as_u64().unwrap();
    assert!(proven(&after) <= proven(&before), "{before}\n{after}");
    let add = after["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "add")
        .expect("the edited function is listed");
    assert_ne!(
        add["status"], "proven",
        "wrapping_sub for + must not be proven"
    );
}

#[test]
fn verify_reports_bad_crates_clearly() {
    // No such crate: a usage error.
    let missing = out_dir("verify-missing");
    let (code, _, stderr) = xtask(&workspace(), &["verify", TINY, missing.to_str().unwrap()]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read crate"), "{stderr}");
    // No such project.
    let krate = tiny_crate("verify-syntax");
    let (code, _, stderr) = xtask(
        &workspace(),
        &["verify", "no/such/project", krate.to_str().unwrap()],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read input"), "{stderr}");
    // A Rust syntax error: a diagnostic with the line, never all proven, no panic.
    let main_rs = krate.join("src/main.rs");
    let text = std::fs::read_to_string(&main_rs).unwrap();
    std::fs::write(&main_rs, text.replace("a.wrapping_add(b)", "let = a;")).unwrap();
    let (code, stdout, stderr) = xtask(&workspace(), &["verify", TINY, krate.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let line = text
        .lines()
        .position(|l| l.contains("a.wrapping_add(b)"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("src/main.rs:{line}:")) && stderr.contains("error["),
        "{stderr}"
    );
    assert_eq!(function_lines(&stdout).len(), 3, "{stdout}");
}
