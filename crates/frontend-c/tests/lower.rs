//! Data-driven lowering tests.
//!
//! - `test_data/lower/ok/NAME.c` (one file) or `ok/NAME/` (a multi-file project): must lower
//!   with no error diagnostics; every function passes the IR verifier; the IR text is compared
//!   with `NAME.ir`.
//! - `test_data/lower/err/NAME.c` or `err/NAME/`: the diagnostics, the function statuses and
//!   the declarations of functions whose body failed (`Module::decls`) are compared with
//!   `NAME.diag`.
//!
//! Bless with `UPDATE_EXPECT=1 cargo test -p xl-frontend-c --test lower`.

use std::path::{Path, PathBuf};
use xl_frontend_c::{discover, lower_files, FuncStatus, LowerOutput, Options};

fn data_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data/lower")
        .join(kind)
}

/// The cases of a directory: (name, root, files).
fn cases(kind: &str) -> Vec<(String, PathBuf, Vec<PathBuf>)> {
    let dir = data_dir(kind);
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    let mut out = Vec::new();
    for p in entries {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        if p.is_dir() {
            let d = discover(&p);
            out.push((name, p.clone(), d.files));
        } else if p.extension().is_some_and(|e| e == "c") {
            out.push((name, dir.clone(), vec![p.clone()]));
        }
    }
    out
}

fn lower(root: &Path, files: &[PathBuf]) -> LowerOutput {
    let d = discover(root);
    let opts = Options {
        include_dirs: d.include_dirs,
        ..Options::default()
    };
    lower_files(root, files, &opts)
}

#[test]
fn ok_cases() {
    let cases = cases("ok");
    assert!(
        cases.len() >= 25,
        "expected at least 25 cases, found {}",
        cases.len()
    );
    for (name, root, files) in cases {
        let out = lower(&root, &files);
        let errors: Vec<String> = out
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect();
        assert!(
            errors.is_empty(),
            "{name}: unexpected errors:\n{}",
            errors.join("\n")
        );
        for f in &out.functions {
            assert!(
                matches!(f.status, FuncStatus::Lowered(_)),
                "{name}: function {} not lowered: {:?}",
                f.name,
                f.status
            );
        }
        if let Err(errs) = xl_ir::verify::verify_module(&out.module) {
            let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
            panic!("{name}: IR verifier:\n{}", msgs.join("\n"));
        }
        let mut text = xl_ir::text::print_module(&out.module);
        for d in &out.diagnostics {
            text.push_str(&format!("; {}\n", d.to_string().replace('\n', "\n; ")));
        }
        expect_test::expect_file![data_dir("ok").join(format!("{name}.ir"))].assert_eq(&text);
    }
}

#[test]
fn err_cases() {
    for (name, root, files) in cases("err") {
        let out = lower(&root, &files);
        assert!(
            out.diagnostics.iter().any(|d| d.is_error()),
            "{name}: no error reported"
        );
        let mut text = String::new();
        for f in &out.functions {
            match &f.status {
                FuncStatus::Lowered(id) => {
                    text.push_str(&format!("lowered {} as {id}\n", f.name));
                }
                FuncStatus::Failed { reason } => {
                    text.push_str(&format!("failed {}: {reason}\n", f.name));
                }
            }
        }
        for d in &out.module.decls {
            let sig = xl_ir::Type::Fn(Box::new(d.sig.clone()));
            text.push_str(&format!(
                "decl {}({}): {sig} at {}\n",
                d.name,
                d.param_names.join(", "),
                d.span
            ));
        }
        for d in &out.diagnostics {
            text.push_str(&format!("{d}\n"));
        }
        if let Err(errs) = xl_ir::verify::verify_module(&out.module) {
            let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
            panic!("{name}: IR verifier:\n{}", msgs.join("\n"));
        }
        expect_test::expect_file![data_dir("err").join(format!("{name}.diag"))].assert_eq(&text);
    }
}

/// The frontend never panics, whatever it is fed.
#[test]
fn garbage_never_panics() {
    let dir = std::env::temp_dir().join(format!("xl-fe-garbage-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let inputs: Vec<String> = vec![
        "".into(),
        "}{".into(),
        "int".into(),
        "int f( { return; }".into(),
        "int main(void) { return x[; }".into(),
        "#include \"missing.h\"\nint x;".into(),
        "int a[-1]; int f(void) { return a[0]; }".into(),
        "struct s; int f(struct s v) { return 0; }".into(),
        "int f(void) { int x = 1 / 0; return x << 99; }".into(),
        "int f(void) { return ((((((((((((((((((((1)))))))))))))))))))); }".into(),
        format!(
            "int f(void) {{ return {}1{}; }}",
            "(".repeat(3000),
            ")".repeat(3000)
        ),
        format!("int f(int x) {{ return {}; }}", vec!["x"; 5000].join(" + ")),
        "int f(int x) { switch (x) { case 1: case 1: return 0; } return 1; }".into(),
        "void g(void); int f(void) { return g(); }".into(),
        "int f(void) { goto nowhere; }".into(),
        "int f(void) { break; }".into(),
        "typedef int t; int f(void) { return t; }".into(),
        "int f(void) { char c = '\\q'; return \"abc\"[5] + c; }".into(),
        "int f(int *p) { return p(3); }".into(),
        "int f(void) { struct { int a; } s = {1, 2, 3}; return s.a; }".into(),
        "int x = y; int y = x;".into(),
        "\u{0}\u{1}\u{ff}garbage\u{7f}".into(),
    ];
    for (i, src) in inputs.iter().enumerate() {
        let f = dir.join(format!("g{i}.c"));
        std::fs::write(&f, src).unwrap();
        let out = lower_files(&dir, &[f], &Options::default());
        assert!(
            !out.diagnostics.iter().any(|d| d.code == "C0999"),
            "input {i} hit an internal error: {:?}",
            out.diagnostics
        );
    }
    // Random byte soup built from C-ish tokens, deterministic.
    let tokens = [
        "int", "x", "(", ")", "{", "}", ";", "=", "+", "*", "&", "[", "]", "1", "struct", "if",
        "else", "return", ",", "char", "->", ".", "?", ":", "while", "\"s\"", "'c'", "-", "!",
        "switch", "case", "default", "goto", "l", "for", "sizeof", "typedef", "union",
    ];
    let mut seed: u64 = 0x9e3779b97f4a7c15;
    for i in 0..60 {
        let mut src = String::from("int f(int x, int *p) { ");
        for _ in 0..40 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            src.push_str(tokens[(seed % tokens.len() as u64) as usize]);
            src.push(' ');
        }
        src.push_str("; return x; }\nint g(void) { return 1; }\n");
        let f = dir.join(format!("r{i}.c"));
        std::fs::write(&f, &src).unwrap();
        let out = lower_files(&dir, &[f], &Options::default());
        assert!(
            !out.diagnostics.iter().any(|d| d.code == "C0999"),
            "random input {i} hit an internal error: {src}\n{:?}",
            out.diagnostics
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every program of the end-to-end corpus lowers without diagnostics.
#[test]
fn corpus_lowers_cleanly() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/c");
    let Ok(entries) = std::fs::read_dir(&corpus) else {
        return;
    };
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for d in dirs {
        let disc = discover(&d);
        let out = lower(&d, &disc.files);
        let problems: Vec<String> = out.diagnostics.iter().map(|x| x.to_string()).collect();
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            d.display(),
            problems.join("\n")
        );
        for f in &out.functions {
            assert!(
                matches!(f.status, FuncStatus::Lowered(_)),
                "{}: {:?}",
                d.display(),
                f
            );
        }
    }
}
