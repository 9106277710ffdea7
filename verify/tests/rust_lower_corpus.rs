//! The Rust lowering on the emitted crate of every corpus program (`corpora/c`,
//! `corpora/c-unseen`): C lowered by the frontend, emitted by the emitter (so the `NameMap`
//! is real), the emitted root file lowered back. Asserts: no panic, no diagnostic, every
//! lowered function passes `xl_ir::verify::verify_func`, one entry per C function, and, for
//! programs whose every function is translated and lowered, `main` of the lowered Rust
//! behaves like the C `main` on the reference interpreter (same stdout, exit code, trap). The
//! per-function outcome (`lowered`, or the unsupported construct) is the blessed expectation
//! `test_data/rust_lower/corpus-<corpus>.txt`, so coverage changes show in review
//! (`UPDATE_EXPECT=1`).

use std::path::{Path, PathBuf};
use xl_verify::rust::lower_crate;

fn programs(corpus: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../corpora")
        .join(corpus);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

/// Runs `main` of the C module and of the lowered Rust functions (renamed to their C names,
/// `Extern` calls between them resolved) on the reference interpreter; describes how the
/// runs compare.
fn differential(c: &xl_ir::Module, l: &xl_verify::rust::Lowered) -> String {
    let mut m = l.module.clone();
    let mut by_name = std::collections::BTreeMap::new();
    for f in &l.funcs {
        if let Ok(id) = f.result {
            let cname = c.funcs[f.c_func].name.clone();
            m.funcs[id].name = cname.clone();
            by_name.insert(cname, id);
        }
    }
    for id in m.funcs.keys().collect::<Vec<_>>() {
        for inst in m.funcs[id].insts.values_mut() {
            if let xl_ir::Op::Call { callee, .. } = &mut inst.op {
                if let xl_ir::Callee::Extern(n) = callee {
                    if let Some(t) = by_name.get(n.as_str()) {
                        *callee = xl_ir::Callee::Func(*t);
                    }
                }
            }
        }
    }
    let cfg = xl_interp::RunConfig {
        fuel: 20_000_000,
        ..Default::default()
    };
    let a = xl_interp::run_main(c, &cfg);
    let b = xl_interp::run_main(&m, &cfg);
    if a.stdout == b.stdout && a.exit_code == b.exit_code && a.trap == b.trap {
        "same output".to_string()
    } else {
        format!(
            "DIFFERS: C exit {:?} trap {:?}, Rust exit {:?} trap {:?}, stdout equal: {}",
            a.exit_code,
            a.trap,
            b.exit_code,
            b.trap,
            a.stdout == b.stdout
        )
    }
}

/// Lowers one program; returns its report lines and (lowered, total) counts.
fn run(prog: &Path) -> (String, usize, usize, bool) {
    let disc = xl_frontend_c::discover(prog);
    let opts = xl_frontend_c::Options {
        include_dirs: disc.include_dirs.clone(),
        defines: disc.defines.clone(),
        ..Default::default()
    };
    let low = xl_frontend_c::lower_files(prog, &disc.files, &opts);
    let emitted = xl_emit::emit_crate(
        &low.module,
        &xl_emit::EmitOptions {
            crate_name: "prog".to_string(),
        },
    );
    let l = lower_crate(&emitted.files, &low.module, &emitted.names);
    let name = prog.file_name().unwrap().to_string_lossy().to_string();
    assert!(l.diagnostics.is_empty(), "{name}: {:?}", l.diagnostics);
    let mut out = String::new();
    let (mut ok, mut total) = (0, 0);
    let mut all = true;
    let mut all_translated = true;
    for f in &l.funcs {
        total += 1;
        let translated = emitted
            .functions
            .iter()
            .any(|e| e.rust_name == f.rust_name && e.translated);
        let what = match &f.result {
            Ok(id) => {
                let func = &l.module.funcs[*id];
                if let Err(e) = xl_ir::verify::verify_func(&l.module, func) {
                    panic!("{name}: {}: ill-formed: {e:?}", f.rust_name);
                }
                ok += 1;
                "lowered".to_string()
            }
            Err(u) => {
                all = false;
                // Spans without the file name (it is always src/main.rs or src/lib.rs).
                format!("{} @{}:{}", u.construct, u.span.line, u.span.col)
            }
        };
        let tag = if translated { "" } else { " (stub)" };
        all_translated &= translated;
        out.push_str(&format!("{name}: {}{tag}: {what}\n", f.rust_name));
    }
    assert_eq!(
        l.funcs.len(),
        emitted.names.funcs.len(),
        "{name}: one entry per C function"
    );
    if all && all_translated && low.module.func_by_name("main").is_some() {
        out.push_str(&format!(
            "{name}: interpreter: {}\n",
            differential(&low.module, &l)
        ));
    }
    (out, ok, total, all)
}

fn corpus(corpus: &str) {
    let mut text = String::new();
    let (mut ok, mut total, mut progs, mut full) = (0, 0, 0, 0);
    for p in programs(corpus) {
        let (t, o, n, all) = run(&p);
        text.push_str(&t);
        ok += o;
        total += n;
        progs += 1;
        if all {
            full += 1;
        }
    }
    assert!(
        !text.contains("DIFFERS"),
        "the lowered Rust behaves differently from the C on the interpreter:\n{}",
        text.lines()
            .filter(|l| l.contains("DIFFERS"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    text.push_str(&format!(
        "-- functions lowered: {ok}/{total}; programs with every function lowered: {full}/{progs}\n"
    ));
    expect_test::expect_file![format!(
        "{}/test_data/rust_lower/corpus-{corpus}.txt",
        env!("CARGO_MANIFEST_DIR")
    )]
    .assert_eq(&text);
}

#[test]
fn corpus_c_unseen() {
    corpus("c-unseen");
}

#[test]
fn corpus_c() {
    corpus("c");
}
