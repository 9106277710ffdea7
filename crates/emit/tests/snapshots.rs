//! Data-driven emitter tests.
//!
//! `test_data/ok/NAME.ir` (IR text) is emitted; the root file of the package must equal
//! `NAME.rs` and the block sidecar `NAME.blocks`; every function must be translated; the
//! package is compiled with `rustc` (warnings are errors, except in the copied runtime), and
//! when it has a `main` it is run: stdout and the exit code must equal `NAME.out`.
//! `test_data/err/NAME.ir` must emit diagnostics equal to `NAME.diag` and still compile.
//! Bless with `UPDATE_EXPECT=1` (and review: `.out` files state what the C program prints).

use std::path::{Path, PathBuf};
use std::process::Command;

fn data_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data")
        .join(kind)
}

fn cases(kind: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(data_dir(kind))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ir"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn work_dir() -> PathBuf {
    let base = std::env::var_os("CARGO_TARGET_TMPDIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    base.join("xl-emit-snapshots")
}

/// Writes the package and compiles it; returns the binary (or None for a library).
fn build(name: &str, files: &[(String, String)]) -> Result<Option<PathBuf>, String> {
    let dir = work_dir().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for (rel, text) in files {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).map_err(|e| e.to_string())?;
        std::fs::write(&p, text).map_err(|e| e.to_string())?;
    }
    let (root, ty) = if dir.join("src/main.rs").exists() {
        ("src/main.rs", "bin")
    } else {
        ("src/lib.rs", "lib")
    };
    let out = dir.join(if ty == "bin" { "prog" } else { "libprog.rlib" });
    let o = Command::new("rustc")
        .args([
            "--edition",
            "2021",
            "--crate-type",
            ty,
            "--crate-name",
            "prog",
            "-D",
            "warnings",
            "-o",
        ])
        .arg(&out)
        .arg(dir.join(root))
        .output()
        .map_err(|e| e.to_string())?;
    if !o.status.success() {
        return Err(format!(
            "rustc failed for {name}:\n{}",
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    Ok((ty == "bin").then_some(out))
}

fn blocks_dump(c: &xl_emit::EmittedCrate) -> String {
    let mut s = String::new();
    for f in &c.functions {
        s.push_str(&format!(
            "fn {} -> {} translated={}\n",
            f.name, f.rust_name, f.translated
        ));
        if let Some(sm) = &f.state_machine {
            s.push_str(&format!("  state machine: {sm}\n"));
        }
        for b in &f.blocks {
            match &b.loc {
                Some(l) => s.push_str(&format!(
                    "  {} {} {} {:?}\n",
                    b.block,
                    b.status,
                    l.describe(),
                    l.term
                )),
                None => s.push_str(&format!("  {} {}\n", b.block, b.status)),
            }
        }
    }
    s
}

fn run_case(path: &Path, ok: bool) -> Result<(), String> {
    let name = path.file_stem().unwrap().to_string_lossy().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let module = xl_ir::text::parse_module(&text).map_err(|e| format!("{name}: {e:?}"))?;
    let c = xl_emit::emit_crate(
        &module,
        &xl_emit::EmitOptions {
            crate_name: name.clone(),
        },
    );
    let root = c
        .files
        .iter()
        .find(|(p, _)| p == "src/main.rs" || p == "src/lib.rs")
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    let dir = path.parent().unwrap();
    if ok {
        expect_test::expect_file![dir.join(format!("{name}.rs"))].assert_eq(&root);
        expect_test::expect_file![dir.join(format!("{name}.blocks"))].assert_eq(&blocks_dump(&c));
        let bad: Vec<String> = c
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect();
        if !bad.is_empty() {
            return Err(format!("{name}: unexpected errors:\n{}", bad.join("\n")));
        }
    } else {
        let diags: String = c.diagnostics.iter().map(|d| format!("{d}\n")).collect();
        expect_test::expect_file![dir.join(format!("{name}.diag"))].assert_eq(&diags);
        expect_test::expect_file![dir.join(format!("{name}.rs"))].assert_eq(&root);
    }
    if let Some(bin) = build(&name, &c.files)? {
        let o = Command::new(&bin).output().map_err(|e| e.to_string())?;
        let got = format!(
            "{}--- exit {}\n",
            String::from_utf8_lossy(&o.stdout),
            o.status.code().unwrap_or(-1)
        );
        expect_test::expect_file![dir.join(format!("{name}.out"))].assert_eq(&got);
    }
    Ok(())
}

fn run_all(kind: &str) {
    let cases = cases(kind);
    assert!(!cases.is_empty(), "no cases in test_data/{kind}");
    let results: Vec<Result<(), String>> = std::thread::scope(|s| {
        let mid = cases.len() / 2;
        let (a, b) = cases.split_at(mid);
        let h = s.spawn(move || {
            a.iter()
                .map(|p| run_case(p, kind == "ok"))
                .collect::<Vec<_>>()
        });
        let mut r: Vec<Result<(), String>> = b.iter().map(|p| run_case(p, kind == "ok")).collect();
        let mut first = h.join().unwrap_or_default();
        first.append(&mut r);
        first
    });
    let errs: Vec<String> = results.into_iter().filter_map(|r| r.err()).collect();
    assert!(errs.is_empty(), "{}", errs.join("\n\n"));
}

#[test]
fn ok_cases() {
    run_all("ok");
}

#[test]
fn err_cases() {
    run_all("err");
}

/// The sidecar of every translated function must point at real statements of the printed
/// and re-parsed code: the list exists, the range fits, and the terminator statement has the
/// right kind.
fn check_sidecar(name: &str, c: &xl_emit::EmittedCrate) -> Result<usize, String> {
    let mut checked = 0usize;
    use xl_emit::{PathStep, TermLoc};
    let root = c
        .files
        .iter()
        .find(|(p, _)| p == "src/main.rs" || p == "src/lib.rs")
        .map(|(_, t)| t.clone())
        .unwrap_or_default();
    let file =
        syn::parse_file(&root).map_err(|e| format!("{name}: emitted code does not parse: {e}"))?;
    let body_of = |rust_name: &str| -> Option<Vec<syn::Stmt>> {
        file.items.iter().find_map(|it| match it {
            syn::Item::Fn(f) if f.sig.ident == rust_name => Some(f.block.stmts.clone()),
            _ => None,
        })
    };
    fn block_stmts(e: &syn::Expr) -> Option<Vec<syn::Stmt>> {
        match e {
            syn::Expr::Block(b) => Some(b.block.stmts.clone()),
            syn::Expr::Loop(l) => Some(l.body.stmts.clone()),
            syn::Expr::While(w) => Some(w.body.stmts.clone()),
            // `else if`: a one-statement list.
            syn::Expr::If(_) => Some(vec![syn::Stmt::Expr(e.clone(), None)]),
            _ => None,
        }
    }
    fn stmt_expr(s: &syn::Stmt) -> Option<&syn::Expr> {
        match s {
            syn::Stmt::Expr(e, _) => Some(e),
            syn::Stmt::Local(l) => l.init.as_ref().map(|i| &*i.expr),
            _ => None,
        }
    }
    for f in c.functions.iter().filter(|f| f.translated) {
        let Some(mut list) = body_of(&f.rust_name) else {
            return Err(format!("{name}: no fn {}", f.rust_name));
        };
        for b in &f.blocks {
            let Some(loc) = &b.loc else {
                if b.status == "translated" {
                    return Err(format!("{name}: {} {} has no location", f.name, b.block));
                }
                continue;
            };
            if loc.start == loc.end
                && !matches!(
                    loc.term,
                    TermLoc::If { .. }
                        | TermLoc::While { .. }
                        | TermLoc::Match { .. }
                        | TermLoc::Return { .. }
                        | TermLoc::ValueIf { .. }
                )
            {
                continue;
            }
            let mut cur = list.clone();
            let mut pending: Option<syn::Expr> = None;
            for st in &loc.list {
                match st {
                    PathStep::Stmt(i) => {
                        let e = cur.get(*i).and_then(stmt_expr).cloned();
                        pending = Some(e.ok_or_else(|| {
                            format!("{name}: {} {}: no statement {i}", f.name, b.block)
                        })?);
                    }
                    step => {
                        let e = pending
                            .take()
                            .ok_or_else(|| format!("{name}: bad path for {}", b.block))?;
                        cur = match (step, &e) {
                            (PathStep::Then, syn::Expr::If(x)) => x.then_branch.stmts.clone(),
                            (PathStep::Else, syn::Expr::If(x)) => match &x.else_branch {
                                Some((_, e)) => block_stmts(e).unwrap_or_default(),
                                None => vec![],
                            },
                            (PathStep::Arm(k), syn::Expr::Match(m)) => m
                                .arms
                                .get(*k)
                                .and_then(|a| block_stmts(&a.body))
                                .unwrap_or_default(),
                            (PathStep::Body, e) => block_stmts(e).ok_or_else(|| {
                                format!("{name}: {} {}: no body", f.name, b.block)
                            })?,
                            _ => {
                                return Err(format!(
                                    "{name}: {} {}: step {step:?} does not match {}",
                                    f.name,
                                    b.block,
                                    quote::ToTokens::to_token_stream(&e)
                                ))
                            }
                        };
                    }
                }
            }
            if loc.end > cur.len() {
                return Err(format!(
                    "{name}: {} {}: range {}..{} beyond {} statements",
                    f.name,
                    b.block,
                    loc.start,
                    loc.end,
                    cur.len()
                ));
            }
            let kind_ok = match &loc.term {
                TermLoc::If { stmt, .. } => {
                    matches!(cur.get(*stmt).and_then(stmt_expr), Some(syn::Expr::If(_)))
                }
                TermLoc::While { stmt, .. } | TermLoc::WhileValue { stmt } => matches!(
                    cur.get(*stmt).and_then(stmt_expr),
                    Some(syn::Expr::While(_))
                ),
                TermLoc::Match { stmt } => matches!(
                    cur.get(*stmt).and_then(stmt_expr),
                    Some(syn::Expr::Match(_))
                ),
                TermLoc::Return { stmt } => matches!(
                    cur.get(*stmt).and_then(stmt_expr),
                    Some(syn::Expr::Return(_))
                ),
                TermLoc::ValueIf { stmt, .. } => cur.get(*stmt).is_some(),
                _ => true,
            };
            if !kind_ok {
                return Err(format!(
                    "{name}: {} {}: terminator {:?} not found",
                    f.name, b.block, loc.term
                ));
            }
            checked += 1;
        }
        list.clear();
    }
    Ok(checked)
}

#[test]
fn sidecar_points_at_code() {
    let mut errs = Vec::new();
    let mut checked = 0;
    for kind in ["ok", "err"] {
        for path in cases(kind) {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&path).unwrap();
            let module = xl_ir::text::parse_module(&text).unwrap();
            let c = xl_emit::emit_crate(
                &module,
                &xl_emit::EmitOptions {
                    crate_name: name.clone(),
                },
            );
            match check_sidecar(&name, &c) {
                Ok(n) => checked += n,
                Err(e) => errs.push(e),
            }
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    assert!(checked > 100, "only {checked} block locations checked");
}
