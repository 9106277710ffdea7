//! One function: variables, block proposals, structuring, rendering, declarations; or, when
//! something has no safe mapping, a stub that panics with the reason (also used for the
//! functions whose body the frontend could not lower, `Module::decls`).
//!
//! Invariant: the emitted item always has the signature callers expect (computed by
//! [`signature`] for every function before any body is emitted), so an untranslated function
//! never breaks the build of the rest of the package.

use crate::ast;
use crate::plan::GlobalKind;
use crate::plan::{is_data_ptr, is_str_ptr_type, ModulePlan, PtrClass, Slot};
use crate::propose::{
    zero_expr, BlockContext, Candidate, CanonBase, CanonPlace, CanonStep, Locals, NullFns,
    Proposer, PtrLocal, Unsupported,
};
use crate::render::{BlockLoc, Renderer};
use crate::rtypes::{ident, Types};
use crate::structure;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use syn::{parse_quote, Stmt};
use xl_base::Span;
use xl_ir::cfg::Cfg;
use xl_ir::{Block, FuncDecl, FuncId, Module, Op, PlaceBase, Type, VarKind};

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
        let static_str = plan.static_slots.contains(&Slot::Var(fid, p));
        let t = param_ty(&types, ty, plan.param_class(fid, i), static_str)?;
        params.push((names[i].clone(), t));
    }
    if plan.owners.rets.contains(&fid) {
        let elem = func.ret.pointee().cloned().unwrap_or(Type::Void);
        let et = types.elem_ty(&elem)?;
        return Ok(Signature {
            params,
            ret: Some(parse_quote!(Vec<#et>)),
        });
    }
    let ret = ret_ty(
        &types,
        &func.ret,
        plan.static_slots.contains(&Slot::Ret(fid)),
    )?;
    Ok(Signature { params, ret })
}

/// The Rust signature of `decl`, a function whose body was not lowered, or why it has none.
/// Pointer parameters take the default class (`&T`): the stub never reads them, callers only
/// need a type they can pass.
pub fn decl_signature(
    module: &Module,
    plan: &ModulePlan,
    decl: &FuncDecl,
    names: &[String],
) -> Result<Signature, String> {
    if decl.sig.variadic {
        return Err("variadic".to_string());
    }
    let types = Types { module, plan };
    let mut params = Vec::new();
    for (i, ty) in decl.sig.params.iter().enumerate() {
        let t = param_ty(&types, ty, PtrClass::default(), false)?;
        params.push((names[i].clone(), t));
    }
    let ret = ret_ty(&types, &decl.sig.ret, false)?;
    Ok(Signature { params, ret })
}

/// The Rust type of a parameter of IR type `ty`: pointers per `class` (`&'static [u8]` for
/// `char *` slots that only hold string literals), values as they are.
fn param_ty(
    types: &Types,
    ty: &Type,
    class: PtrClass,
    static_str: bool,
) -> Result<syn::Type, String> {
    if is_data_ptr(ty) && static_str {
        Ok(parse_quote!(&'static [u8]))
    } else if is_data_ptr(ty) {
        let pointee = ty.pointee().cloned().unwrap_or(Type::Void);
        types.ptr_ty(&pointee, class)
    } else {
        types.value_ty(ty)
    }
}

/// The Rust result type for IR return type `ty` (`None` for `void`); data pointers only as
/// `&'static [u8]` when `static_str` (a `char *` result that is always a string literal).
fn ret_ty(types: &Types, ty: &Type, static_str: bool) -> Result<Option<syn::Type>, String> {
    Ok(match ty {
        Type::Void => None,
        t if is_str_ptr_type(t) => {
            if static_str {
                Some(parse_quote!(&'static [u8]))
            } else {
                return Err("returns a `char *` that is not always a string literal".to_string());
            }
        }
        t if is_data_ptr(t) => return Err(format!("returns a `{t}` pointer")),
        t => Some(types.value_ty(t)?),
    })
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
    }
    // Pointer variables and pointer block parameters.
    let slot_var = |v: xl_ir::Var| {
        let d = &func.vars[v];
        !plan.owners.is_var(fid, v)
            && l.var_used[v]
            && (!is_str_ptr_type(&d.ty) || !plan.static_slots.contains(&Slot::Var(fid, v)))
    };
    match crate::ptrs::classify(module, plan, fid, &slot_var) {
        Ok(slots) => {
            for (p, k) in &slots.params {
                if matches!(k, PtrLocal::Param(_) | PtrLocal::Place(_)) {
                    l.param_names.remove(p);
                }
            }
            for (&v, _) in slots.vars.iter() {
                let d = &func.vars[v];
                if d.kind == VarKind::Param {
                    let n = l.namer.fresh(&format!("{}_i", d.name));
                    l.cursor_names.insert(v, n);
                }
            }
            l.ptr_locals = slots.vars;
            l.ptr_params = slots.params;
        }
        Err((slot, why)) => {
            return Err(match slot {
                crate::ptrs::PSlot::Var(v) => {
                    let d = &func.vars[v];
                    Unsupported {
                        reason: format!("pointer variable `{}`: {why}", d.name),
                        span: d.span.clone(),
                    }
                }
                crate::ptrs::PSlot::Param(p) => {
                    let b = crate::ptrs::value_block(func, p);
                    let span = b
                        .map(|b| func.blocks[b].span.clone())
                        .unwrap_or_else(|| func.span.clone());
                    Unsupported {
                        reason: format!("pointer-valued expression: {why}"),
                        span,
                    }
                }
            });
        }
    }
    for (v, d) in func.vars.iter() {
        if l.var_used[v]
            && d.kind == VarKind::Local
            && is_data_ptr(&d.ty)
            && slot_var(v)
            && !l.ptr_locals.contains_key(&v)
        {
            // Used but never assigned a pointer: only possible for unreachable uses.
            let _ = d;
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
    /// Notes about the translation (copies made, ...).
    pub notes: Vec<Unsupported>,
    /// Variables that have a Rust binding of the same meaning (parameters, and locals that
    /// are declared in the body and are not pointer slots) with their Rust names, in
    /// variable order; empty when not translated.
    pub names: Vec<(xl_ir::Var, String)>,
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
        Ok((item, locs, sm, notes, names)) => FuncResult {
            item,
            translated: true,
            reason: None,
            locs,
            reachable,
            state_machine: sm,
            notes,
            names,
        },
        Err(u) => FuncResult {
            item: stub(plan, fid, sig, &func.name, &u),
            translated: false,
            reason: Some(u),
            locs: BTreeMap::new(),
            reachable,
            state_machine: None,
            notes: vec![],
            names: vec![],
        },
    }
}

type BodyOut = (
    syn::ItemFn,
    BTreeMap<Block, BlockLoc>,
    Option<String>,
    Vec<Unsupported>,
    Vec<(xl_ir::Var, String)>,
);

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
        notes: RefCell::new(Vec::new()),
        borrow_vars: RefCell::new(BTreeMap::new()),
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
    let mut metas: Vec<DeclMeta> = Vec::new();
    for (v, d) in func.vars.iter() {
        if d.kind != VarKind::Local || !locals.var_used[v] {
            continue;
        }
        match locals.ptr_locals.get(&v) {
            Some(k @ (PtrLocal::Index(_) | PtrLocal::Choice(_))) => {
                let (ty, zero) = slot_decl(k);
                metas.push(DeclMeta {
                    name: locals.var_names[v].clone(),
                    ty: ty.clone(),
                });
                decls.push(ast::let_stmt(
                    &locals.var_names[v],
                    true,
                    Some(ty),
                    Some(zero),
                ));
                continue;
            }
            Some(_) => continue,
            None => {}
        }
        if plan.owners.is_var(fid, v) {
            let elem = d.ty.pointee().cloned().unwrap_or(Type::Void);
            let et = types.elem_ty(&elem).map_err(|reason| Unsupported {
                reason,
                span: d.span.clone(),
            })?;
            let ty: syn::Type = parse_quote!(Vec<#et>);
            metas.push(DeclMeta {
                name: locals.var_names[v].clone(),
                ty: ty.clone(),
            });
            decls.push(ast::let_stmt(
                &locals.var_names[v],
                true,
                Some(ty),
                Some(parse_quote!(Vec::new())),
            ));
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
        metas.push(DeclMeta {
            name: locals.var_names[v].clone(),
            ty: ty.clone(),
        });
        decls.push(ast::let_stmt(
            &locals.var_names[v],
            locals.var_mut[v],
            Some(ty),
            Some(zero),
        ));
    }
    // Index variables of reassigned pointer parameters: the walk starts at the slice's start.
    for (v, n) in &locals.cursor_names {
        if let Some(k) = locals.ptr_locals.get(v) {
            let (ty, zero) = slot_decl(k);
            metas.push(DeclMeta {
                name: n.clone(),
                ty: ty.clone(),
            });
            decls.push(ast::let_stmt(n, true, Some(ty), Some(zero)));
        }
    }
    for &b in reachable {
        for &p in &func.blocks[b].params {
            let ty = &func.values[p].ty;
            let span = func.blocks[b].span.clone();
            let is_slot = is_data_ptr(ty) && !plan.is_static_value(module, fid, p);
            let t = if is_slot {
                parse_quote!(usize)
            } else {
                types.value_ty(ty).map_err(|reason| Unsupported {
                    reason,
                    span: span.clone(),
                })?
            };
            if is_slot {
                match locals.ptr_params.get(&p) {
                    Some(k @ (PtrLocal::Index(_) | PtrLocal::Choice(_))) => {
                        let (ty, zero) = slot_decl(k);
                        metas.push(DeclMeta {
                            name: locals.param_names[&p].clone(),
                            ty: ty.clone(),
                        });
                        decls.push(ast::let_stmt(
                            &locals.param_names[&p],
                            true,
                            Some(ty),
                            Some(zero),
                        ));
                    }
                    Some(_) => {}
                    None => {
                        return Err(Unsupported {
                            reason: "pointer-valued block parameter".to_string(),
                            span,
                        });
                    }
                }
                continue;
            }
            let zero = zero_expr(&types, ty, false, null_fns)
                .map_err(|reason| Unsupported { reason, span })?;
            metas.push(DeclMeta {
                name: locals.param_names[&p].clone(),
                ty: t.clone(),
            });
            decls.push(ast::let_stmt(
                &locals.param_names[&p],
                true,
                Some(t),
                Some(zero),
            ));
        }
    }
    // A variable first mentioned by a top-level assignment is declared there instead;
    // others are declared right before the first top-level statement that mentions them.
    let at_top: Vec<Stmt> = Vec::new();
    let mut before: BTreeMap<usize, Vec<Stmt>> = BTreeMap::new();
    for (decl, meta) in decls.into_iter().zip(metas) {
        if merge_decl(&mut stmts, &meta) {
            continue;
        }
        // Never mentioned (e.g. a block parameter folded into a loop condition): dropped.
        if let Some(k) = stmts.iter().position(|s| stmt_mentions(s, &meta.name)) {
            before.entry(k).or_default().push(decl);
        }
    }
    let top = at_top.len();
    let mut new_index = Vec::with_capacity(stmts.len());
    let mut body_stmts = at_top;
    for (k, st) in stmts.into_iter().enumerate() {
        if let Some(ds) = before.remove(&k) {
            body_stmts.extend(ds);
        }
        new_index.push(body_stmts.len());
        body_stmts.push(st);
    }
    let map = |i: usize| new_index.get(i).copied().unwrap_or(i + top);
    let mut locs = r.locs;
    for loc in locs.values_mut() {
        match loc.list.first_mut() {
            Some(crate::render::PathStep::Stmt(i)) => *i = map(*i),
            _ => {
                if loc.list.is_empty() {
                    // A block's statements stay contiguous: declarations are only inserted
                    // before statements that mention them, never inside a block's range
                    // unless the range starts there.
                    let (s0, e0) = (loc.start, loc.end);
                    loc.start = map(s0);
                    loc.end = if e0 > s0 { map(e0 - 1) + 1 } else { loc.start };
                    match &mut loc.term {
                        crate::render::TermLoc::If { stmt, .. }
                        | crate::render::TermLoc::ValueIf { stmt, .. }
                        | crate::render::TermLoc::While { stmt, .. }
                        | crate::render::TermLoc::WhileValue { stmt }
                        | crate::render::TermLoc::Match { stmt }
                        | crate::render::TermLoc::Return { stmt } => *stmt = map(*stmt),
                        _ => {}
                    }
                }
            }
        }
    }
    let decls = body_stmts;
    let names = var_bindings(func, &locals, &decls);
    let item = fn_item(plan, fid, sig, &locals, decls);
    let notes = cx.notes.borrow().clone();
    Ok((item, locs, structured.why_state_machine, notes, names))
}

/// The variables of `func` that have a Rust binding holding the same value, with their Rust
/// names: every parameter, and every used local that is not a pointer slot (those are no
/// variable, or a `usize` index) and is mentioned in the final body `stmts`.
fn var_bindings(func: &xl_ir::Func, locals: &Locals, stmts: &[Stmt]) -> Vec<(xl_ir::Var, String)> {
    let mut out = Vec::new();
    for (v, d) in func.vars.iter() {
        let name = &locals.var_names[v];
        let keep = match d.kind {
            VarKind::Param => true,
            VarKind::Local => {
                locals.var_used[v]
                    && !locals.ptr_locals.contains_key(&v)
                    && stmts.iter().any(|s| stmt_mentions(s, name))
            }
        };
        if keep {
            out.push((v, name.clone()));
        }
    }
    out
}

fn fn_item(
    plan: &ModulePlan,
    fid: FuncId,
    sig: &Signature,
    locals: &Locals,
    stmts: Vec<Stmt>,
) -> syn::ItemFn {
    fn_item_named(plan.func_name(fid), sig, locals, stmts)
}

/// `fn rust_name(params) -> ret { stmts }`.
fn fn_item_named(
    rust_name: &str,
    sig: &Signature,
    locals: &Locals,
    stmts: Vec<Stmt>,
) -> syn::ItemFn {
    let name = ident(rust_name);
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
    stub_named(plan.func_name(fid), sig, c_name, u)
}

/// A function `rust_name` with signature `sig` whose body panics with why C function
/// `c_name` was not translated (`u`): for functions the emitter cannot translate, and for
/// functions whose body the frontend could not lower ([`xl_ir::Module::decls`]).
pub fn stub_named(rust_name: &str, sig: &Signature, c_name: &str, u: &Unsupported) -> syn::ItemFn {
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
    fn_item_named(rust_name, &s, &locals, vec![Stmt::Expr(panic, None)])
}

/// The span of a function for diagnostics.
pub fn func_span(module: &Module, fid: FuncId) -> Span {
    module.funcs[fid].span.clone()
}

/// The root of a place as a [`CanonBase`], if it has one.
fn canon_base(plan: &ModulePlan, func: &xl_ir::Func, place: &xl_ir::Place) -> Option<CanonBase> {
    Some(match place.base {
        PlaceBase::Var(v) => {
            // A pointer variable is a place only for `pp = &p` (read through).
            if is_data_ptr(&func.vars[v].ty) && !place.proj.is_empty() {
                return None;
            }
            CanonBase::Var(v)
        }
        PlaceBase::Global(g) => match plan.global(g).kind {
            GlobalKind::Const | GlobalKind::Static | GlobalKind::RefCell
                if plan.global(g).bad.is_none() =>
            {
                CanonBase::Global(g)
            }
            _ => return None,
        },
        PlaceBase::Deref(p) => match crate::index::FuncIndex::def_op(func, p) {
            Some(Op::Load(pl)) if pl.proj.is_empty() => match pl.base {
                // A reassigned parameter is a cursor: its pointee moves.
                PlaceBase::Var(q)
                    if func.vars[q].kind == VarKind::Param
                        && is_data_ptr(&func.vars[q].ty)
                        && !crate::ptrs::param_reassigned(func, q) =>
                {
                    CanonBase::Param(q)
                }
                _ => return None,
            },
            _ => return None,
        },
    })
}

/// The canonical form of `place` (constant indexes only), if it has one.
pub(crate) fn canon(
    module: &Module,
    plan: &ModulePlan,
    func: &xl_ir::Func,
    place: &xl_ir::Place,
) -> Option<CanonPlace> {
    let _ = module;
    let base = canon_base(plan, func, place)?;
    let mut steps = Vec::new();
    for pr in &place.proj {
        steps.push(match pr {
            xl_ir::Proj::Field(k) => CanonStep::Field(*k),
            xl_ir::Proj::Index(v) => match crate::index::FuncIndex::def_op(func, *v) {
                Some(Op::Iconst(c)) if *c >= 0 => CanonStep::Index(*c),
                _ => return None,
            },
        });
    }
    Some(CanonPlace { base, steps })
}

/// The shape of `place`: its root and steps with every index a hole, plus the index values
/// in order (pointers to array elements are held as these indexes).
pub(crate) fn shape(
    plan: &ModulePlan,
    func: &xl_ir::Func,
    place: &xl_ir::Place,
) -> Option<(CanonPlace, Vec<xl_ir::Value>)> {
    let base = canon_base(plan, func, place)?;
    let mut steps = Vec::new();
    let mut holes = Vec::new();
    for pr in &place.proj {
        steps.push(match pr {
            xl_ir::Proj::Field(k) => CanonStep::Field(*k),
            xl_ir::Proj::Index(v) => {
                holes.push(*v);
                CanonStep::Hole(holes.len() as u32 - 1)
            }
        });
    }
    Some((CanonPlace { base, steps }, holes))
}

/// Number of index holes of a shape.
pub fn holes(c: &CanonPlace) -> usize {
    c.steps
        .iter()
        .filter(|s| matches!(s, CanonStep::Hole(_)))
        .count()
}

/// What [`merge_decl`] needs to know about a declaration.
struct DeclMeta {
    name: String,
    ty: syn::Type,
}

struct Finder<'a> {
    name: &'a str,
    found: bool,
}

impl<'ast> syn::visit::Visit<'ast> for Finder<'_> {
    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if p.path.is_ident(self.name) {
            self.found = true;
        }
    }
}

fn stmt_mentions(s: &Stmt, name: &str) -> bool {
    let mut f = Finder { name, found: false };
    syn::visit::Visit::visit_stmt(&mut f, s);
    f.found
}

fn expr_mentions(e: &syn::Expr, name: &str) -> bool {
    let mut f = Finder { name, found: false };
    syn::visit::Visit::visit_expr(&mut f, e);
    f.found
}

/// Turns the first top-level statement mentioning the variable into its declaration when
/// that statement is `name = e;` (`e` not reading it): `let [mut] name = e;`.
fn merge_decl(stmts: &mut [Stmt], meta: &DeclMeta) -> bool {
    let Some(k) = stmts.iter().position(|s| stmt_mentions(s, &meta.name)) else {
        return false;
    };
    let Stmt::Expr(syn::Expr::Assign(a), Some(_)) = &stmts[k] else {
        return false;
    };
    let syn::Expr::Path(lp) = &*a.left else {
        return false;
    };
    if !lp.path.is_ident(&meta.name) || expr_mentions(&a.right, &meta.name) {
        return false;
    }
    let e = (*a.right).clone();
    let ty = crate::propose::untyped(&e).then(|| meta.ty.clone());
    let mutated = stmts[k + 1..].iter().any(|s| stmt_mutates(s, &meta.name));
    stmts[k] = ast::let_stmt(&meta.name, mutated, ty, Some(e));
    true
}

/// True when statement `s` may change variable `name`: an assignment to (a part of) it, a
/// `&mut` borrow of (a part of) it, or a mutating slice method on it.
fn stmt_mutates(s: &Stmt, name: &str) -> bool {
    struct M<'a> {
        name: &'a str,
        found: bool,
    }
    fn rooted(e: &syn::Expr, name: &str) -> bool {
        match e {
            syn::Expr::Path(p) => p.path.is_ident(name),
            syn::Expr::Index(i) => rooted(&i.expr, name),
            syn::Expr::Field(f) => rooted(&f.base, name),
            syn::Expr::Paren(p) => rooted(&p.expr, name),
            syn::Expr::Unary(u) => matches!(u.op, syn::UnOp::Deref(_)) && rooted(&u.expr, name),
            _ => false,
        }
    }
    impl<'ast> syn::visit::Visit<'ast> for M<'_> {
        fn visit_expr(&mut self, e: &'ast syn::Expr) {
            match e {
                syn::Expr::Assign(a) if rooted(&a.left, self.name) => self.found = true,
                syn::Expr::Reference(r) if r.mutability.is_some() && rooted(&r.expr, self.name) => {
                    self.found = true
                }
                syn::Expr::MethodCall(m)
                    if rooted(&m.receiver, self.name)
                        && matches!(
                            m.method.to_string().as_str(),
                            "split_at_mut" | "copy_from_slice" | "fill" | "swap" | "iter_mut"
                        ) =>
                {
                    self.found = true
                }
                _ => {}
            }
            syn::visit::visit_expr(self, e);
        }
    }
    let mut m = M { name, found: false };
    syn::visit::Visit::visit_stmt(&mut m, s);
    m.found
}

/// Type and initial value of a pointer slot variable: one index (`usize`) or several
/// (`[usize; n]`).
fn slot_decl(k: &PtrLocal) -> (syn::Type, syn::Expr) {
    let n = match k {
        PtrLocal::Index(c) => holes(c),
        _ => 1,
    };
    if n <= 1 {
        (parse_quote!(usize), parse_quote!(0))
    } else {
        let l = crate::rtypes::lit_usize(n as u64);
        (parse_quote!([usize; #l]), parse_quote!([0; #l]))
    }
}
