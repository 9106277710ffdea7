//! The Rust side of the checker: reads the emitted crate's root file with syn and lowers
//! each fn that the emitter's [`NameMap`] pairs with a C function into the IR, with Rust's
//! semantics made explicit (see `/work/notes/verify-contract.md`).
//!
//! Entry point: [`lower_crate`]. The lowered [`Module`] has the C module's structs and globals
//! (same ids), then synthetic constant globals named `$zeroN` (all-zero aggregates, for
//! `[0; N]` and `S::default()`), and one function per C function **with the same
//! `FuncId`**: the lowered Rust fn, or, where there is none, a placeholder with its
//! signature whose body is `unreachable` (so `funcaddr` of a Rust fn item is the C
//! function's id). Calls to fns by name are `Callee::Extern(<C name>)`.
//!
//! Invariants:
//! - Nothing panics on any input: a Rust syntax error is a `V0001` diagnostic with
//!   `file:line:col`; a construct outside the lowered subset makes that one function
//!   `Err(Unsupported)` naming it; a lowering bug that gives ill-formed IR is reported the same
//!   way (`internal:`), never returned. Lowering runs on a thread with a large stack (syn trees
//!   of emitted code can be deep), under `catch_unwind` as a last resort.
//! - Every returned function passes `xl_ir::verify::verify_func`.
//! - Every Rust panic is an op precondition or a branch to a block ending in `unreachable`;
//!   `rt::exit`/`rt::abort` are a call followed by a return.
//! - Spans are `src/main.rs:line:col` (columns 1-based). Lines and columns need
//!   proc-macro2's `span-locations` feature, which the driver enables; without it they are 0.

mod build;
mod krate;
mod lower;
mod ty;

pub use ty::RTy;

use xl_base::{Diagnostic, Span};
use xl_emit::NameMap;
use xl_ir::{FuncId, Module};

/// A construct the lowering does not handle, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct Unsupported {
    /// What, in words (e.g. "method call `.iter()`").
    pub construct: String,
    /// Where, in the `.rs` file.
    pub span: Span,
}

impl std::fmt::Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at {}", self.construct, self.span)
    }
}

/// One C function's Rust counterpart.
#[derive(Clone, Debug)]
pub struct LoweredFn {
    /// The C function.
    pub c_func: FuncId,
    /// The Rust fn name.
    pub rust_name: String,
    /// The lowered function's id in [`Lowered::module`] (always equal to `c_func`), or why
    /// it was not lowered.
    pub result: Result<FuncId, Unsupported>,
}

/// The lowered crate.
#[derive(Clone, Debug, Default)]
pub struct Lowered {
    /// Structs and globals cloned from the C module (same ids), synthetic `$zeroN` constant
    /// globals after them, and one function per C function with the C `FuncId` (a
    /// placeholder ending in `unreachable` where there is no lowered fn).
    pub module: Module,
    /// One per C function of the C module (in its order) that has a Rust fn by `NameMap`.
    pub funcs: Vec<LoweredFn>,
    /// Problems reading the crate: `V0001` Rust syntax error, `V0002` no root file,
    /// `V0999` internal error.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lowers the emitted crate `files` (`(path, text)`, as `EmittedCrate::files`) against the C
/// module `cmod` it was emitted from, pairing items by `names`.
pub fn lower_crate(files: &[(String, String)], cmod: &Module, names: &NameMap) -> Lowered {
    let run = || {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            lower_impl(files, cmod, names)
        }))
    };
    let r = std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("xl-verify-rust".to_string())
            .stack_size(256 << 20)
            .spawn_scoped(s, run)
            .map(|h| h.join())
    });
    let r = match r {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => Err(Box::new("thread failed") as Box<dyn std::any::Any + Send>),
        Err(_) => run(),
    };
    match r {
        Ok(l) => l,
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            Lowered {
                module: base_module(cmod),
                funcs: vec![],
                diagnostics: vec![Diagnostic::error(
                    "V0999",
                    format!("internal error in the Rust lowering (a bug): {msg}"),
                    Span::default(),
                )],
            }
        }
    }
}

fn base_module(cmod: &Module) -> Module {
    Module {
        structs: cmod.structs.clone(),
        globals: cmod.globals.clone(),
        funcs: Default::default(),
        decls: vec![],
    }
}

fn lower_impl(files: &[(String, String)], cmod: &Module, names: &NameMap) -> Lowered {
    let mut out = Lowered {
        module: base_module(cmod),
        funcs: vec![],
        diagnostics: vec![],
    };
    let Some((path, text)) = files
        .iter()
        .find(|(p, _)| p == "src/main.rs")
        .or_else(|| files.iter().find(|(p, _)| p == "src/lib.rs"))
    else {
        out.diagnostics.push(Diagnostic::error(
            "V0002",
            "the crate has no src/main.rs or src/lib.rs",
            Span::default(),
        ));
        return out;
    };
    let ast = match syn::parse_file(text) {
        Ok(a) => a,
        Err(e) => {
            out.diagnostics.push(syntax_error(path, text, &e));
            return out;
        }
    };
    let rt_text = files
        .iter()
        .find(|(p, _)| p == "src/rt.rs")
        .map(|(_, t)| t.as_str())
        .unwrap_or(xl_emit::package::RUNTIME);
    let rt_ast = syn::parse_file(rt_text).ok();
    let k = krate::build(path, &ast, rt_ast.as_ref(), cmod, names);
    let mut items = std::collections::BTreeMap::new();
    for it in &ast.items {
        if let syn::Item::Fn(f) = it {
            items.insert(f.sig.ident.to_string(), f);
        }
    }
    let mut lowered = Vec::new();
    for (fid, cf) in cmod.funcs.iter() {
        let rust = names
            .funcs
            .iter()
            .find(|(f, _)| *f == fid)
            .map(|(_, r)| r.clone());
        let result = match rust.as_ref().map(|r| (r, items.get(r))) {
            None => Err(Unsupported {
                construct: "no Rust name for this function".to_string(),
                span: cf.span.clone(),
            }),
            Some((r, None)) => Err(Unsupported {
                construct: format!("no fn `{r}` in {path}"),
                span: Span::new(path.clone(), 0, 0),
            }),
            Some((_, Some(item))) => lower::lower_fn(&k, item),
        };
        let placeholder = placeholder(&k, fid, rust.as_deref());
        lowered.push((fid, rust, result, placeholder));
    }
    // Synthetic globals first (functions refer to them), then one function per C function,
    // with the C function's id: the lowered one, or a placeholder (so `funcaddr` of any
    // function is well typed), each lowered one checked against the whole module.
    for g in k.extra.borrow().iter() {
        out.module.globals.push(g.clone());
    }
    let mut results = Vec::new();
    for (fid, rust, result, ph) in lowered {
        // Pushed in the C module's order from empty: the id is `fid`.
        match &result {
            Ok(f) => out.module.funcs.push(f.clone()),
            Err(_) => out.module.funcs.push(ph.clone()),
        };
        results.push((fid, rust, result.map(|_| ()), ph));
    }
    for (fid, rust, result, ph) in results {
        let result = result.and_then(|()| {
            match xl_ir::verify::verify_func(&out.module, &out.module.funcs[fid]) {
                Ok(()) => Ok(fid),
                Err(errs) => {
                    let span = out.module.funcs[fid].span.clone();
                    out.module.funcs[fid] = ph;
                    Err(Unsupported {
                        construct: format!(
                            "internal: the lowered IR is ill-formed: {}",
                            errs.first().map(|e| e.to_string()).unwrap_or_default()
                        ),
                        span,
                    })
                }
            }
        });
        if let Some(rust_name) = rust {
            out.funcs.push(LoweredFn {
                c_func: fid,
                rust_name,
                result,
            });
        }
    }
    out
}

/// The stand-in for a C function without a lowered Rust fn: its Rust signature (the C one
/// when the Rust one is outside the subset) and one block ending in `unreachable`.
fn placeholder(k: &krate::Crate, fid: FuncId, rust: Option<&str>) -> xl_ir::Func {
    let cf = &k.cmod.funcs[fid];
    let name = rust.unwrap_or(&cf.name);
    let rsig = rust.and_then(|r| k.fns.get(r)).and_then(|f| {
        let ps: Option<Vec<xl_ir::Type>> = f.params.as_ref()?.iter().map(|t| t.ir()).collect();
        let ret = match f.ret.as_ref()? {
            RTy::Unit | RTy::Never => xl_ir::Type::Void,
            t => t.ir()?,
        };
        Some((ps?, ret))
    });
    let (params, ret) = rsig.unwrap_or_else(|| {
        let sig = cf.signature();
        (sig.params, sig.ret)
    });
    let mut b = xl_ir::FuncBuilder::new(name, ret, cf.span.clone());
    for (i, t) in params.into_iter().enumerate() {
        b.add_param(format!("p{i}"), t, cf.span.clone());
    }
    b.terminate(xl_ir::Terminator::Unreachable);
    b.finish()
}

/// A `V0001` diagnostic for a syn parse error, at its line and column.
fn syntax_error(path: &str, text: &str, e: &syn::Error) -> Diagnostic {
    let lc = e.span().start();
    let d = Diagnostic::error(
        "V0001",
        format!("Rust syntax error: {e}"),
        Span::new(path, lc.line as u32, lc.column as u32 + 1),
    );
    match text.lines().nth(lc.line.saturating_sub(1)) {
        Some(l) if lc.line > 0 => d.with_source_line(l),
        _ => d,
    }
}
