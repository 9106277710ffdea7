//! Data-driven whole-function cases: each `verify/test_data/func/{pass,broken}/*.eqv` holds an
//! IR module with a function `src` (the C side) and `cand` (a Rust side already lowered to
//! the IR). Variables are related by equal names. `pass` cases must be proven; `broken` ones
//! must never be: refuted when the difference shows from the function entry, unknown (a
//! counterexample from an assumed loop-header state) when it shows only inside a loop. The
//! expected kind is in the case's first comment line (`; BROKEN(refuted)` or
//! `; BROKEN(loop)`).

use std::path::Path;
use xl_verify::{check::verify_func, FuncStatus, Options, Verdict};

fn run(dir: &str) -> Vec<(String, FuncStatus)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data/func")
        .join(dir);
    let mut files: Vec<_> = std::fs::read_dir(&root)
        .expect("test dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "eqv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no cases in {}", root.display());
    let mut out = Vec::new();
    for p in files {
        let text = std::fs::read_to_string(&p).expect("read");
        let module =
            xl_ir::text::parse_module(&text).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()));
        let find = |n: &str| {
            module
                .funcs
                .iter()
                .find(|(_, f)| f.name == n)
                .map(|(id, _)| id)
                .unwrap_or_else(|| panic!("{}: no function {n}", p.display()))
        };
        let (s, c) = (find("src"), find("cand"));
        let locals: Vec<_> = module.funcs[s]
            .vars
            .iter()
            .map(|(v, d)| (v, d.name.clone()))
            .collect();
        let r = verify_func(&module, s, &module, c, &locals, &Options::default());
        let kind = text.lines().next().unwrap_or("").to_string();
        out.push((
            format!("{} {kind}", p.file_name().unwrap().to_string_lossy()),
            r.status,
        ));
    }
    out
}

#[test]
fn pass_cases_are_proven() {
    for (name, st) in run("pass") {
        assert!(matches!(st, FuncStatus::Proven), "{name}: {st:?}");
    }
}

#[test]
fn broken_cases_are_refuted() {
    for (name, st) in run("broken") {
        match (&st, name.contains("BROKEN(loop)")) {
            (
                FuncStatus::Failed {
                    verdict: Verdict::Refuted { .. },
                    ..
                },
                false,
            ) => {}
            (
                FuncStatus::Failed {
                    verdict: Verdict::Unknown { limit },
                    ..
                },
                true,
            ) if limit.contains("loop header") => {}
            other => panic!("{name}: unexpected {other:?}"),
        }
    }
}
