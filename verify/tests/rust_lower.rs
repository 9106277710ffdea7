//! Data-driven tests of the Rust lowering: each `test_data/rust_lower/NAME.c` is lowered by
//! the C frontend and emitted by the emitter (so the `NameMap` is real); the emitted root
//! file (or, when present, the hand-written `NAME.input.rs` in the emitter's style, for
//! constructs the emitter rarely produces) is lowered back. Expectations: `NAME.rs`, the Rust
//! that was lowered (emitted cases only), and `NAME.ir`, each function's outcome and the
//! lowered module as IR text. Every lowered function must pass the IR verifier. Bless with
//! `UPDATE_EXPECT=1`.

use std::path::{Path, PathBuf};
use xl_verify::rust::lower_crate;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/rust_lower")
}

fn lower_c(c: &Path) -> (xl_ir::Module, xl_emit::EmittedCrate) {
    let dir = c.parent().unwrap();
    let low =
        xl_frontend_c::lower_files(dir, &[c.to_path_buf()], &xl_frontend_c::Options::default());
    assert!(
        low.diagnostics.iter().all(|d| !d.is_error()),
        "{}: {:?}",
        c.display(),
        low.diagnostics
    );
    let emitted = xl_emit::emit_crate(
        &low.module,
        &xl_emit::EmitOptions {
            crate_name: "t".to_string(),
        },
    );
    (low.module, emitted)
}

fn report(l: &xl_verify::rust::Lowered) -> String {
    let mut out = String::new();
    for d in &l.diagnostics {
        out.push_str(&format!(
            "; diagnostic {} {}: {}\n",
            d.code, d.span, d.message
        ));
    }
    for f in &l.funcs {
        match &f.result {
            Ok(id) => {
                let func = &l.module.funcs[*id];
                if let Err(e) = xl_ir::verify::verify_func(&l.module, func) {
                    panic!("{}: ill-formed: {e:?}", f.rust_name);
                }
                out.push_str(&format!(
                    "; {} ({}): lowered as {id}\n",
                    f.rust_name, f.c_func
                ));
            }
            Err(u) => out.push_str(&format!(
                "; {} ({}): unsupported: {} at {}\n",
                f.rust_name, f.c_func, u.construct, u.span
            )),
        }
    }
    out.push_str(&xl_ir::text::print_module_with(
        &l.module,
        xl_ir::text::PrintOptions { spans: false },
    ));
    out
}

#[test]
fn cases() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "c"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for c in &cases {
        let (module, mut emitted) = lower_c(c);
        let input = c.with_extension("input.rs");
        if input.exists() {
            let text = std::fs::read_to_string(&input).unwrap();
            for (p, t) in emitted.files.iter_mut() {
                if p == "src/main.rs" || p == "src/lib.rs" {
                    *t = text.clone();
                }
            }
        } else {
            let root = emitted
                .files
                .iter()
                .find(|(p, _)| p == "src/main.rs" || p == "src/lib.rs")
                .map(|(_, t)| t.clone())
                .unwrap();
            expect_test::expect_file![c.with_extension("rs")].assert_eq(&root);
        }
        let l = lower_crate(&emitted.files, &module, &emitted.names);
        expect_test::expect_file![c.with_extension("ir")].assert_eq(&report(&l));
    }
}

#[test]
fn syntax_error_is_a_diagnostic_with_line_and_column() {
    let c = data_dir().join("arith.c");
    let (module, mut emitted) = lower_c(&c);
    for (p, t) in emitted.files.iter_mut() {
        if p == "src/main.rs" || p == "src/lib.rs" {
            *t = "fn main() {\n    let x = ;\n}\n".to_string();
        }
    }
    let l = lower_crate(&emitted.files, &module, &emitted.names);
    assert!(l.funcs.is_empty());
    assert_eq!(l.diagnostics.len(), 1);
    let d = &l.diagnostics[0];
    assert_eq!(d.code, "V0001");
    assert_eq!(d.span.to_string(), "src/main.rs:2:13");
    assert_eq!(d.source_line.as_deref(), Some("    let x = ;"));
}

#[test]
fn missing_root_file_is_a_diagnostic() {
    let c = data_dir().join("arith.c");
    let (module, emitted) = lower_c(&c);
    let files: Vec<(String, String)> = emitted
        .files
        .iter()
        .filter(|(p, _)| p == "Cargo.toml")
        .cloned()
        .collect();
    let l = lower_crate(&files, &module, &emitted.names);
    assert_eq!(l.diagnostics.len(), 1);
    assert_eq!(l.diagnostics[0].code, "V0002");
}

#[test]
fn a_fn_missing_from_the_text_is_unsupported_not_a_panic() {
    let c = data_dir().join("arith.c");
    let (module, mut emitted) = lower_c(&c);
    for (p, t) in emitted.files.iter_mut() {
        if p == "src/main.rs" || p == "src/lib.rs" {
            *t = "fn unrelated() {}\n".to_string();
        }
    }
    let l = lower_crate(&emitted.files, &module, &emitted.names);
    assert!(l.diagnostics.is_empty());
    assert!(!l.funcs.is_empty());
    assert!(l.funcs.iter().all(|f| f.result.is_err()));
}
