//! Tests the corpus harness itself, independent of the transpiler: a synthetic corpus of tiny
//! C programs is "transpiled" by a fake that writes hand-made Rust packages (using the real
//! runtime file, as the emitter does), one per failure mode, and every verdict must come out
//! right. Each expected verdict kind appears once, so a harness that calls everything `ok`
//! (or everything a failure) cannot pass.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use xl_e2e::harness::{self, Options, Paths, Verdict};

const C_HELLO: &str = r#"#include <stdio.h>
int main(void) {
    unsigned char c = 250;
    c += 10;
    printf("hello %d %5.2f|%-4s|\n", c, 2.5, "ab");
    return 3;
}
"#;

/// The correct translation of `C_HELLO`, written against the runtime as emitted code is.
const RS_HELLO_MAIN: &str = r#"#![forbid(unsafe_code)]
mod rt;
fn main() {
    let mut c: u8 = 250;
    c = c.wrapping_add(10);
    // "unsafe" in a string or comment is fine.
    rt::printf(b"hello %d %5.2f|%-4s|\n", &[rt::Arg::I(c as i64), rt::Arg::F(2.5), rt::Arg::S(b"ab")]);
    rt::exit(3);
}
"#;

fn manifest(name: &str) -> String {
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n\n[workspace]\n"
    )
}

/// (program name, main.rs text or None for "the transpiler fails", expected verdict kind).
fn cases() -> Vec<(&'static str, Option<String>, &'static str)> {
    let ok = RS_HELLO_MAIN.to_string();
    vec![
        ("a_ok_cargo", Some(ok.clone()), "ok"),
        ("b_ok_rustc", Some(ok.clone()), "ok"),
        (
            "c_output_differs",
            Some(ok.replace("hello %d", "hallo %d")),
            "output",
        ),
        (
            "d_exit_differs",
            Some(ok.replace("rt::exit(3)", "rt::exit(4)")),
            "exit",
        ),
        (
            "e_unsafe",
            Some(ok.replace("rt::exit(3);", "unsafe { rt::exit(3) }")),
            "unsafe",
        ),
        (
            "f_no_forbid",
            Some(ok.replace("#![forbid(unsafe_code)]", "")),
            "unsafe",
        ),
        (
            "g_build_error",
            Some(ok.replace("let mut c: u8 = 250;", "let mut c: u8 = \"x\";")),
            "build",
        ),
        (
            "h_panics",
            Some(ok.replace(
                "rt::exit(3);",
                "let v = [1u8]; let i = c as usize; rt::exit(v[i] as i32);",
            )),
            "run",
        ),
        ("i_transpile_error", None, "transpile"),
        ("j_transpile_panic", None, "transpile"),
    ]
}

fn kind(v: &Verdict) -> &'static str {
    match v {
        Verdict::Ok => "ok",
        Verdict::ReferenceFailed(_) => "reference",
        Verdict::TranspileFailed(_) => "transpile",
        Verdict::Unsafe(_) => "unsafe",
        Verdict::BuildFailed(_) => "build",
        Verdict::RunFailed(_) => "run",
        Verdict::OutputDiffers(_) => "output",
        Verdict::ExitDiffers { .. } => "exit",
    }
}

#[test]
fn harness_classifies_every_failure_mode() {
    let base = xl_e2e::workspace_target().join("e2e-selftest");
    let corpus = base.join("corpus");
    let _ = std::fs::remove_dir_all(&corpus);
    let cases = cases();
    for (name, _, _) in &cases {
        let dir = corpus.join(name);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.c")), C_HELLO).unwrap();
    }
    let runtime =
        std::fs::read_to_string(xl_e2e::workspace_root().join("crates/runtime/src/lib.rs"))
            .expect("runtime source");

    let table: Vec<(String, Option<String>)> = cases
        .iter()
        .map(|(n, m, _)| (n.to_string(), m.clone()))
        .collect();
    let fake = move |input: &Path, out: &Path| -> Result<(), String> {
        let name = input.file_name().unwrap().to_string_lossy().into_owned();
        if name == "j_transpile_panic" {
            panic!("fake transpiler exploded");
        }
        let main = table
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, m)| m.clone())
            .ok_or_else(|| "fake transpiler: unsupported construct".to_string())?;
        std::fs::create_dir_all(out.join("src")).map_err(|e| e.to_string())?;
        std::fs::write(out.join("Cargo.toml"), manifest(&name)).map_err(|e| e.to_string())?;
        std::fs::write(out.join("src/main.rs"), main).map_err(|e| e.to_string())?;
        std::fs::write(out.join("src/rt.rs"), &runtime).map_err(|e| e.to_string())?;
        Ok(())
    };

    let programs = harness::discover(&corpus, None).unwrap();
    assert_eq!(programs.len(), cases.len());
    let paths = Paths::under(&base, "pkgs");
    let opts = Options {
        threads: 2,
        cargo_for: Some(
            cases
                .iter()
                .map(|(n, _, _)| n.to_string())
                .filter(|n| n != "b_ok_rustc")
                .collect(),
        ),
        transpile_timeout: Duration::from_secs(30),
        ..Options::default()
    };
    let results = harness::run_all(&programs, &paths, &opts, Arc::new(fake));
    let summary = harness::render_summary(&results);
    eprintln!("{summary}");
    for ((name, _, want), (got_name, verdict)) in cases.iter().zip(&results) {
        assert_eq!(name, got_name);
        assert_eq!(kind(verdict), *want, "{name}: {verdict}");
    }
    let by_name = |n: &str| &results.iter().find(|(m, _)| m == n).unwrap().1;
    assert!(by_name("c_output_differs")
        .to_string()
        .contains("line 1: expected \"hello 4  2.50|ab  |\", got \"hallo 4  2.50|ab  |\""));
    assert!(by_name("e_unsafe")
        .to_string()
        .contains("`unsafe` at src/main.rs:8:"));
    assert!(by_name("g_build_error")
        .to_string()
        .contains("error[E0308]"));
    assert!(by_name("h_panics")
        .to_string()
        .contains("index out of bounds"));
    assert!(by_name("j_transpile_panic")
        .to_string()
        .contains("fake transpiler exploded"));
    assert!(summary.ends_with("passed 2/10\n"), "{summary}");
    // The package of a program whose transpile failed must not keep an old output.
    assert!(!paths
        .packages
        .join("i_transpile_error/src/main.rs")
        .exists());
}
