//! Data-driven tests: every `test_data/*.ir` module is run with [`xl_interp::run_main`] and
//! its outcome (stdout, stderr, exit code or trap) is compared with `test_data/<name>.expect`.
//! Bless with `UPDATE_EXPECT=1 cargo test -p xl-interp --test ir_files`.
//!
//! Leading `;;` lines of a case may set the run: `;; fuel: N`, `;; depth: N`,
//! `;; stdin: TEXT` (with `\n` escapes), `;; args: A B C` (argv after the program name).

use std::path::{Path, PathBuf};
use xl_interp::{run_main, RunConfig, RunResult};

fn config_for(text: &str) -> RunConfig {
    let mut cfg = RunConfig::default();
    for line in text.lines().take_while(|l| l.starts_with(";;")) {
        let l = line.trim_start_matches(";;").trim();
        if let Some(v) = l.strip_prefix("fuel:") {
            cfg.fuel = v.trim().parse().expect("fuel: N");
        } else if let Some(v) = l.strip_prefix("depth:") {
            cfg.max_depth = v.trim().parse().expect("depth: N");
        } else if let Some(v) = l.strip_prefix("stdin:") {
            cfg.stdin = v.trim().replace("\\n", "\n").into_bytes();
        } else if let Some(v) = l.strip_prefix("args:") {
            cfg.args.extend(v.split_whitespace().map(str::to_string));
        }
    }
    cfg
}

fn render(r: &RunResult) -> String {
    let mut out = String::new();
    out.push_str("stdout:\n");
    out.push_str(&String::from_utf8_lossy(&r.stdout));
    if !r.stdout.is_empty() && !r.stdout.ends_with(b"\n") {
        out.push_str("\n(no newline at end)\n");
    }
    if !r.stderr.is_empty() {
        out.push_str("stderr:\n");
        out.push_str(&String::from_utf8_lossy(&r.stderr));
        out.push('\n');
    }
    match (&r.exit_code, &r.trap) {
        (Some(c), _) => out.push_str(&format!("exit: {c}\n")),
        (None, Some(t)) => out.push_str(&format!("trap: {t}\n")),
        (None, None) => out.push_str("neither exit nor trap\n"),
    }
    out
}

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ir"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn ir_files() {
    let paths = cases();
    assert!(
        paths.len() >= 40,
        "expected at least 40 cases, found {}",
        paths.len()
    );
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let module =
            xl_ir::text::parse_module(&text).unwrap_or_else(|e| panic!("{}:{e}", path.display()));
        let result = run_main(&module, &config_for(&text));
        expect_test::expect_file![path.with_extension("expect")].assert_eq(&render(&result));
    }
}

/// Every UB trap case (`trap_*.ir` whose expectation is undefined behaviour) names the op in
/// its message, and the span it reports is the one written on the trapping instruction.
#[test]
fn ub_traps_name_op_and_span() {
    let mut seen = 0;
    for path in cases() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if !name.starts_with("trap_") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let module = xl_ir::text::parse_module(&text).unwrap();
        let result = run_main(&module, &config_for(&text));
        let trap = result
            .trap
            .unwrap_or_else(|| panic!("{name}: expected a trap, got {:?}", result.exit_code));
        if let xl_interp::Trap::Ub { what, span } = trap {
            seen += 1;
            assert_eq!(span.file, "t.c", "{name}: span {span}");
            assert_eq!(
                span.line, 9,
                "{name}: trapping instruction is tagged @9:x: {what}"
            );
        }
    }
    assert!(seen >= 25, "only {seen} UB trap cases");
}
