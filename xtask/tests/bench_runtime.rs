//! `cargo xtask bench runtime` as a user runs it: on one small program with `--runs 1`, one
//! `ok` line with a ratio, the median and copies lines, and a JSON file with the figures; and
//! exit status 2 for an unreadable directory or a missing C compiler.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A fresh directory holding one small C program `xl_rt_probe/xl_rt_probe.c`.
fn probe_program() -> PathBuf {
    let root = workspace().join("target/cli-tests/bench-runtime");
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("xl_rt_probe");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("xl_rt_probe.c"),
        "#include <stdio.h>\n\
         static unsigned int mix(unsigned int a[], int n) {\n\
             unsigned int h = 2166136261u;\n\
             for (int i = 0; i < n; i++) h = (h ^ a[i]) * 16777619u;\n\
             return h;\n\
         }\n\
         int main(void) {\n\
             unsigned int a[64];\n\
             for (int i = 0; i < 64; i++) a[i] = (unsigned int)i * 2654435761u;\n\
             printf(\"%u\\n\", mix(a, 64));\n\
             return 3;\n\
         }\n",
    )
    .unwrap();
    dir
}

fn bench(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_xtask"));
    cmd.current_dir(workspace())
        .args(["bench", "runtime"])
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().expect("run xtask");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn one_program_gets_a_ratio_line_and_json_figures() {
    let dir = probe_program();
    let json = dir.with_file_name("figures.json");
    let md = dir.with_file_name("BENCH.md");
    let (code, stdout, stderr) = bench(
        &[
            dir.to_str().unwrap(),
            "--runs",
            "1",
            "--json",
            json.to_str().unwrap(),
            "--write-status",
            md.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let line = stdout
        .lines()
        .find(|l| l.starts_with("xl_rt_probe "))
        .unwrap_or_else(|| panic!("no line for the program:\n{stdout}\n{stderr}"));
    assert!(
        line.contains(" ok ") && line.contains("ratio ") && !line.contains("ratio     -"),
        "{line}"
    );
    assert!(
        stdout.contains("median ratio (Rust / C): ") && stdout.contains("over 1 programs"),
        "{stdout}"
    );
    assert!(stdout.contains("copies inserted: 0"), "{stdout}");

    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(v["runs"], 1);
    assert_eq!(v["programs_total"], 1);
    assert_eq!(v["programs_matched"], 1);
    assert_eq!(v["copies"], 0);
    assert!(v["median_ratio"].as_f64().is_some_and(|r| r > 0.0), "{v}");
    let p = &v["programs"][0];
    assert_eq!(p["name"], "xl_rt_probe");
    assert_eq!(p["status"], "ok");
    assert_eq!(p["functions_translated"], 2);
    assert_eq!(p["functions_total"], 2);
    for key in ["c_ms", "rust_ms", "ratio"] {
        assert!(p[key].as_f64().is_some_and(|x| x > 0.0), "{key}: {p}");
    }
    assert_eq!(p["c_samples_ms"].as_array().map(Vec::len), Some(1));
    assert_eq!(p["rust_samples_ms"].as_array().map(Vec::len), Some(1));

    let md = std::fs::read_to_string(&md).unwrap();
    assert!(md.contains("| program | status | ratio | copies |"), "{md}");
    assert!(md.contains("xl_rt_probe | ok | "), "{md}");
}

#[test]
fn unreadable_directory_or_missing_compiler_exits_2() {
    let (code, _, stderr) = bench(&["/nonexistent/xl-bench-runtime"], &[]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("cannot read"), "{stderr}");
    let dir = workspace().join("corpora/c/int_divmod");
    let (code, _, stderr) = bench(
        &[dir.to_str().unwrap()],
        &[("XL_E2E_CC", "/nonexistent/xl-cc")],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("no working C compiler"), "{stderr}");
}
