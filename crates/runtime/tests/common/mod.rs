//! Shared helper for the differential tests: compile a C program with the system `cc` and
//! return its stdout. The C library it links against (glibc) is the reference.

use std::path::PathBuf;
use std::process::Command;

/// Compiles `src` (with `-fno-builtin` so gcc does not rewrite library calls) and runs it.
pub fn run_c(name: &str, src: &str) -> Vec<u8> {
    let dir: PathBuf = std::env::temp_dir().join(format!("xl-rt-{}-{}", name, std::process::id()));
    std::fs::create_dir_all(&dir).expect("create temp dir");
    let c = dir.join("t.c");
    let exe = dir.join("t");
    std::fs::write(&c, src).expect("write C source");
    let out = Command::new("cc")
        .args(["-w", "-O0", "-fno-builtin", "-o"])
        .arg(&exe)
        .arg(&c)
        .arg("-lm")
        .output()
        .expect("the differential tests need a C compiler `cc` on PATH");
    assert!(
        out.status.success(),
        "cc failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = Command::new(&exe).output().expect("run compiled C program");
    assert!(run.status.success(), "C program failed: {:?}", run.status);
    let _ = std::fs::remove_dir_all(&dir);
    run.stdout
}

/// Compares line by line, reporting the first mismatches with their labels.
pub fn compare_lines(c_out: &[u8], rust_out: &[u8], labels: &[String]) {
    let c_lines: Vec<&[u8]> = c_out.split(|&b| b == b'\n').collect();
    let r_lines: Vec<&[u8]> = rust_out.split(|&b| b == b'\n').collect();
    let mut bad = Vec::new();
    for (k, (c, r)) in c_lines.iter().zip(&r_lines).enumerate() {
        if c != r {
            bad.push(format!(
                "{}: C {:?} / rust {:?}",
                labels.get(k).map_or("?", String::as_str),
                String::from_utf8_lossy(c),
                String::from_utf8_lossy(r)
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} lines differ:\n{}",
        bad.len(),
        c_lines.len(),
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
    assert_eq!(c_lines.len(), r_lines.len(), "line counts differ");
}
