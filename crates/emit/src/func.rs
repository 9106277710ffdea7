//! One function: variables, block proposals, structuring, rendering, declarations; or, when
//! something has no safe mapping, a stub that panics with the reason.
//!
//! Invariant: the emitted item always has the signature callers expect (computed by
//! [`signature`] for every function before any body is emitted), so an untranslated function
//! never breaks the build of the rest of the package.

use crate::ast;
use crate::plan::{is_data_ptr, is_str_ptr_type, ModulePlan, Slot};
use crate::propose::{zero_expr, BlockContext, Candidate, Locals, NullFns, Proposer, Unsupported};
use crate::render::{BlockLoc, Renderer};
use crate::rtypes::{ident, Types};
use crate::structure;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use syn::{parse_quote, Stmt};
use xl_base::Span;
use xl_ir::cfg::Cfg;
use xl_ir::{Block, FuncId, Module, Op, PlaceBase, Type, VarKind};

/// A function's Rust signature.
#[derive(Clone, Debug)]
pub struct Signature {
    /// `(name, type)` per parameter (names are final; `mut` is decided with the body).
    pub params: Vec<(String, syn::Type)>,
    /// Result type (`None` for `void`).
    pub ret: Option<syn::Type>,
}

/// The Rust signature of function `fid`, or why it has none.
pub fn signature(
    module: &Module,
    plan: &ModulePlan,
    fid: FuncId,
    names: &[String],
) -> Result<Signature, String> {
    let func = &module.funcs[fid];
    let types = Types { module, plan };
    let mut params = Vec::new();
    for (i, &p) in func.params.iter().enumerate() {
        let ty = &func.vars[p].ty;
        let t = if is_data_ptr(ty) {
            let pointee = ty.pointee().cloned().unwrap_or(Type::Void);
            types.ptr_ty(&pointee, plan.param_class(fid, i))?
        } else {
            types.value_ty(ty)?
        };
        params.push((names[i].clone(), t));
    }
    let ret = match &func.ret {
        Type::Void => None,
        t if is_str_ptr_type(t) => {
            if plan.static_slots.contains(&Slot::Ret(fid)) {
                Some(parse_quote!(&'static [u8]))
            } else {
                return Err("returns a `char *` that is not always a string literal".to_string());
            }
        }
        t if is_data_ptr(t) => return Err(format!("returns a `{t}` pointer")),
        t => Some(types.value_ty(t)?),
    };
    Ok(Signature { params, ret })
}

/// Variable names and facts of function `fid` (names of parameters first, in order).
pub fn compute_locals(
    module: &Module,
    plan: &ModulePlan,
    fid: FuncId,
) -> Result<Locals, Unsupported> {
    let func = &module.funcs[fid];
    let mut l = Locals {
        namer: plan.module_namer.clone(),
        ..Locals::default()
    };
    for &p in &func.params {
        let n = l.namer.fresh(&func.vars[p].name);
        l.var_names[p] = n;
        l.var_used[p] = true;
    }
    for (v, d) in func.vars.iter() {
        if d.kind == VarKind::Local {
            let n = l.namer.fresh(&d.name);
            l.var_names[v] = n;
        }
    }
    for (b, bd) in func.blocks.iter() {
        let _ = b;
        for &p in &bd.params {
            let n = l.namer.fresh(&format!("v{}", p.as_u32()));
            l.param_names.insert(p, n);
        }
    }
    for (_, inst) in func.insts.iter() {
        match &inst.op {
            Op::Load(pl) => {
                if let PlaceBase::Var(v) = pl.base {
                    l.var_used[v] = true;
                }
            }
            Op::Store(pl, _) => {
                if let PlaceBase::Var(v) = pl.base {
                    l.var_used[v] = true;
                    l.var_mut[v] = true;
                }
            }
            Op::Addr(pl) => {
                if let PlaceBase::Var(v) = pl.base {
                    l.var_used[v] = true;
                    l.var_addr[v] = true;
                    let m = inst
                        .result
                        .map(|r| plan.requirement(module, fid, r).mutable)
                        .unwrap_or(true);
                    if m {
                        l.var_mut[v] = true;
                    }
                }
            }
            _ => {}
        }
    }
    l.param_mut = func.params.iter().map(|p| l.var_mut[*p]).collect();
    for (v, d) in func.vars.iter() {
        l.var_byte[v] = l.var_addr[v] && matches!(d.ty, Type::Int(i) if i.bits == 8 && i.signed);
        if !l.var_used[v] {
            continue;
        }
        let bad = |reason: String| Unsupported {
            reason,
            span: d.span.clone(),
        };
        if d.kind == VarKind::Param {
            if l.var_byte[v] {
                return Err(bad(format!(
                    "address of `char` parameter `{}` taken",
                    d.name
                )));
            }
            continue;
        }
        if is_str_ptr_type(&d.ty) && !plan.static_slots.contains(&Slot::Var(fid, v)) {
            return Err(bad(format!(
                "pointer variable `{}` does not always point to a string literal (pointer variables are not supported yet)",
                d.name
            )));
        }
        if is_data_ptr(&d.ty) && !is_str_ptr_type(&d.ty) {
            return Err(bad(format!(
                "pointer variable `{}` (pointer variables are not supported yet)",
                d.name
            )));
        }
    }
    Ok(l)
}

/// The result of emitting one function.
pub struct FuncResult {
    /// The `fn` item.
    pub item: syn::ItemFn,
    /// Translated or not.
    pub translated: bool,
    /// Why not.
    pub reason: Option<Unsupported>,
    /// Where each reachable block's code went (translated functions only).
    pub locs: BTreeMap<Block, BlockLoc>,
    /// Reachable blocks in reverse post-order.
    pub reachable: Vec<Block>,
    /// The state-machine fallback was used, and why.
    pub state_machine: Option<String>,
}

/// Emits function `fid` with `proposer`.
pub fn emit_func(
    module: &Module,
    plan: &ModulePlan,
    fid: FuncId,
    sig: &Signature,
    null_fns: &NullFns,
    proposer: &dyn Proposer,
) -> FuncResult {
    let func = &module.funcs[fid];
    let cfg = Cfg::compute(func);
    let reachable = cfg.reverse_post_order(func);
    match body(module, plan, fid, sig, null_fns, proposer, &reachable) {
        Ok((item, locs, sm)) => FuncResult {
            item,
            translated: true,
            reason: None,
            locs,
            reachable,
            state_machine: sm,
        },
        Err(u) => FuncResult {
            item: stub(plan, fid, sig, &func.name, &u),
            translated: false,
            reason: Some(u),
            locs: BTreeMap::new(),
            reachable,
            state_machine: None,
        },
    }
}

type BodyOut = (syn::ItemFn, BTreeMap<Block, BlockLoc>, Option<String>);

fn body(
    module: &Module,
    plan: &ModulePlan,
    fid: FuncId,
    sig: &Signature,
    null_fns: &NullFns,
    proposer: &dyn Proposer,
    reachable: &[Block],
) -> Result<BodyOut, Unsupported> {
    let func = &module.funcs[fid];
    let locals = compute_locals(module, plan, fid)?;
    let cx = BlockContext {
        module,
        plan,
        fid,
        func,
        locals: &locals,
        temps: RefCell::new(locals.namer.clone()),
        problems: RefCell::new(Vec::new()),
        null_fns,
    };
    let mut cands: BTreeMap<Block, Candidate> = BTreeMap::new();
    for &b in reachable {
        let mut c = proposer.propose(&cx, b);
        if c.is_empty() {
            let p = cx.problems.borrow().last().cloned();
            return Err(p.unwrap_or(Unsupported {
                reason: format!("no translation proposed for {b}"),
                span: func.blocks[b].span.clone(),
            }));
        }
        cands.insert(b, c.swap_remove(0));
    }
    let empty: BTreeSet<Block> = cands
        .iter()
        .filter(|(_, c)| c.stmts.is_empty())
        .map(|(b, _)| *b)
        .collect();
    let structured = structure::structure(func, &empty);
    let state_var = cx.temps.borrow_mut().fresh("state");
    let mut r = Renderer::new(func, &cands, &locals.param_names, state_var);
    let mut stmts = r.body(&structured.body);
    // Declarations: every used local (zero-initialised, as the IR contract says), then the
    // block-parameter variables.
    let types = cx.types();
    let mut decls: Vec<Stmt> = Vec::new();
    for (v, d) in func.vars.iter() {
        if d.kind != VarKind::Local || !locals.var_used[v] {
            continue;
        }
        let ty = if locals.var_byte[v] {
            parse_quote!(u8)
        } else {
            types.value_ty(&d.ty).map_err(|reason| Unsupported {
                reason,
                span: d.span.clone(),
            })?
        };
        let zero = zero_expr(&types, &d.ty, false, null_fns).map_err(|reason| Unsupported {
            reason,
            span: d.span.clone(),
        })?;
        decls.push(ast::let_stmt(
            &locals.var_names[v],
            locals.var_mut[v],
            Some(ty),
            Some(zero),
        ));
    }
    for &b in reachable {
        for &p in &func.blocks[b].params {
            let ty = &func.values[p].ty;
            let span = func.blocks[b].span.clone();
            let t = types.value_ty(ty).map_err(|reason| Unsupported {
                reason,
                span: span.clone(),
            })?;
            if is_data_ptr(ty) && !plan.is_static_value(module, fid, p) {
                return Err(Unsupported {
                    reason: "pointer-valued block parameter".to_string(),
                    span,
                });
            }
            let zero = zero_expr(&types, ty, false, null_fns)
                .map_err(|reason| Unsupported { reason, span })?;
            decls.push(ast::let_stmt(
                &locals.param_names[&p],
                true,
                Some(t),
                Some(zero),
            ));
        }
    }
    let shift = decls.len();
    decls.append(&mut stmts);
    let mut locs = r.locs;
    for loc in locs.values_mut() {
        match loc.list.first_mut() {
            Some(crate::render::PathStep::Stmt(i)) => *i += shift,
            _ => {
                if loc.list.is_empty() {
                    loc.start += shift;
                    loc.end += shift;
                    match &mut loc.term {
                        crate::render::TermLoc::If { stmt, .. }
                        | crate::render::TermLoc::While { stmt, .. }
                        | crate::render::TermLoc::Match { stmt }
                        | crate::render::TermLoc::Return { stmt } => *stmt += shift,
                        _ => {}
                    }
                }
            }
        }
    }
    let item = fn_item(plan, fid, sig, &locals, decls);
    Ok((item, locs, structured.why_state_machine))
}

fn fn_item(
    plan: &ModulePlan,
    fid: FuncId,
    sig: &Signature,
    locals: &Locals,
    stmts: Vec<Stmt>,
) -> syn::ItemFn {
    let name = ident(plan.func_name(fid));
    let func_params: Vec<proc_macro2::TokenStream> = sig
        .params
        .iter()
        .enumerate()
        .map(|(i, (n, t))| {
            let id = ident(n);
            let m = locals_param_mut(locals, i);
            if m {
                quote::quote!(mut #id: #t)
            } else {
                quote::quote!(#id: #t)
            }
        })
        .collect();
    let block = ast::block(stmts);
    match &sig.ret {
        Some(r) => parse_quote!(fn #name(#(#func_params),*) -> #r #block),
        None => parse_quote!(fn #name(#(#func_params),*) #block),
    }
}

fn locals_param_mut(locals: &Locals, i: usize) -> bool {
    locals.param_mut.get(i).copied().unwrap_or(false)
}

fn stub(
    plan: &ModulePlan,
    fid: FuncId,
    sig: &Signature,
    c_name: &str,
    u: &Unsupported,
) -> syn::ItemFn {
    let msg = format!(
        "xlate: function `{c_name}` was not translated: {} ({})",
        u.reason, u.span
    );
    let lit = ast::str_lit(&msg);
    let panic = ast::mac("panic", quote::quote!(#lit));
    let params: Vec<(String, syn::Type)> = sig
        .params
        .iter()
        .map(|(n, t)| (format!("_{n}"), t.clone()))
        .collect();
    let s = Signature {
        params,
        ret: sig.ret.clone(),
    };
    let locals = Locals::default();
    fn_item(plan, fid, &s, &locals, vec![Stmt::Expr(panic, None)])
}

/// The span of a function for diagnostics.
pub fn func_span(module: &Module, fid: FuncId) -> Span {
    module.funcs[fid].span.clone()
}
