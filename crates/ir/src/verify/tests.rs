//! Verifier tests: data-driven cases under `test_data/verify/{ok,err}` (each `err/NAME.ir` has
//! its blessed error list in `err/NAME.errors`), and cases the text format cannot express
//! (instructions outside blocks, inconsistent value definitions), built in code.

use super::*;
use crate::text::parse_module;
use crate::*;
use expect_test::expect;
use std::path::{Path, PathBuf};
use xl_base::Span;

fn cases(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data/verify")
        .join(dir);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ir"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no cases in {}", dir.display());
    paths
}

fn parse(path: &Path) -> Module {
    let text = std::fs::read_to_string(path).unwrap();
    parse_module(&text).unwrap_or_else(|e| panic!("{}:{e}", path.display()))
}

fn render(errors: &[VerifyError]) -> String {
    errors.iter().map(|e| format!("{e}\n")).collect()
}

#[test]
fn ok_cases_verify() {
    for path in cases("ok") {
        if let Err(errors) = verify_module(&parse(&path)) {
            panic!("{}:\n{}", path.display(), render(&errors));
        }
    }
}

#[test]
fn err_cases_report_blessed_errors() {
    for path in cases("err") {
        let errors = verify_module(&parse(&path)).err().unwrap_or_default();
        assert!(!errors.is_empty(), "{} verifies", path.display());
        expect_test::expect_file![path.with_extension("errors")].assert_eq(&render(&errors));
    }
}

#[test]
fn roundtrip_files_verify() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/roundtrip");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if let Err(errors) = verify_module(&parse(&path)) {
            panic!("{}:\n{}", path.display(), render(&errors));
        }
    }
}

/// `f() -> i32 { block0: v0 = iconst 1; return v0 }`.
fn small() -> (Module, Func) {
    let mut b = FuncBuilder::new("f", Type::I32, Span::default());
    let v = b.iconst(Type::I32, 1, Span::default());
    b.terminate(Terminator::Return(Some(v)));
    (Module::default(), b.finish())
}

#[test]
fn instruction_outside_or_in_two_blocks() {
    let (m, mut f) = small();
    f.insts.push(InstData {
        op: Op::Null,
        result: None,
        span: Span::default(),
    });
    f.blocks.push(BlockData {
        params: vec![],
        insts: vec![f.blocks[f.entry].insts[0]],
        term: Terminator::Unreachable,
        span: Span::default(),
    });
    expect![[r#"
        func "f" block1 inst0 `v0: i32 = iconst 1`: inst0 also appears in block0 (an instruction belongs to one block)
        func "f" block1 inst0 `v0: i32 = iconst 1`: v0 is defined twice
        func "f" `null`: inst1 is in no block
    "#]]
    .assert_eq(&render(&verify_func(&m, &f).unwrap_err()));
}

#[test]
fn recorded_definition_must_match_layout() {
    let (m, mut f) = small();
    let v = f.blocks[f.entry].insts[0];
    let r = f.insts[v].result.unwrap();
    f.values[r].def = ValueDef::Param(f.entry, 0);
    f.entry = Block::from_u32(7);
    expect![[r#"
        func "f": entry block7 is not a block
        func "f" block0 inst0 `v0: i32 = iconst 1`: v0 records its definition as Param(block0, 0)
    "#]]
    .assert_eq(&render(&verify_func(&m, &f).unwrap_err()));
}
