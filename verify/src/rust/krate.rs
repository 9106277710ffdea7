//! Crate-level facts the function lowering needs: the parsed root file, Rust struct field
//! types, globals (by `NameMap`) with their Rust types, every Rust fn's signature and the C
//! function it stands for, the runtime's signatures (from `src/rt.rs`), and which
//! `RefCell` globals each fn borrows (transitively), for the borrow-conflict rule.
//!
//! Invariant: everything is keyed by name in ordered maps; nothing here fails on odd input
//! (items outside the subset are simply absent, and uses of them are reported per function).

use super::ty::{parse_type, RTy};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use xl_base::Span;
use xl_emit::{GlobalStorage, NameMap};
use xl_ir::{GlobalData, GlobalId, Module, StructId};

/// A global as the Rust code sees it.
#[derive(Clone, Debug)]
pub struct GlobalInfo {
    /// The C global.
    pub id: GlobalId,
    /// How it is stored.
    pub storage: GlobalStorage,
    /// Its Rust type (inside the `Cell`/`RefCell`), when it parsed.
    pub ty: Option<RTy>,
}

/// A Rust fn of the crate that stands for a C function (or a declaration stub).
#[derive(Clone, Debug)]
pub struct FnInfo {
    /// The C name calls use (`Callee::Extern`).
    pub c_name: String,
    /// The C function (None for a declaration stub).
    pub fid: Option<xl_ir::FuncId>,
    /// Parameter types (None: outside the subset).
    pub params: Option<Vec<RTy>>,
    /// Result type.
    pub ret: Option<RTy>,
}

/// A runtime parameter.
#[derive(Clone, Debug, PartialEq)]
pub enum RtParam {
    /// A plain value or reference of this type.
    Ty(RTy),
    /// `rt::Stream`.
    Stream,
    /// `&[rt::Arg]`.
    Args,
}

/// A runtime function's signature.
#[derive(Clone, Debug)]
pub struct RtFn {
    /// Parameters.
    pub params: Vec<RtParam>,
    /// Result (`!` for `exit`/`abort`).
    pub ret: RTy,
}

/// The crate.
pub struct Crate<'a> {
    /// Root file path (for spans).
    pub file: String,
    /// The C module.
    pub cmod: &'a Module,
    /// Struct by Rust name.
    pub structs: BTreeMap<String, StructId>,
    /// Per struct: Rust field names (C field order) and Rust field types.
    pub fields: BTreeMap<StructId, Vec<(String, Option<RTy>)>>,
    /// Globals by Rust name.
    pub globals: BTreeMap<String, GlobalInfo>,
    /// Rust fns standing for C functions, by Rust name.
    pub fns: BTreeMap<String, FnInfo>,
    /// Runtime functions, by name.
    pub rt: BTreeMap<String, RtFn>,
    /// Per Rust fn: the `RefCell` globals it may borrow (directly or through calls), with
    /// whether some borrow is mutable. Fns calling something unknown are absent.
    pub borrows: BTreeMap<String, BTreeMap<GlobalId, bool>>,
    /// The emitter's null function pointer stand-ins (`null_fn_N`, a fn whose body only
    /// panics), with their types.
    pub null_fns: BTreeMap<String, RTy>,
    /// `stdout` / `stderr` globals of the C module.
    pub streams: BTreeMap<String, GlobalId>,
    /// Synthetic constant globals (zero aggregates), appended after the C module's.
    pub extra: RefCell<Vec<GlobalData>>,
}

impl Crate<'_> {
    /// A span in the root file.
    pub fn span(&self, s: &dyn syn::spanned::Spanned) -> Span {
        let lc = s.span().start();
        Span::new(self.file.clone(), lc.line as u32, lc.column as u32 + 1)
    }
    /// The id of a synthetic constant global `zero` of type `ty`.
    pub fn zero_global(&self, ty: &xl_ir::Type) -> GlobalId {
        let mut extra = self.extra.borrow_mut();
        let base = self.cmod.globals.len();
        if let Some(k) = extra.iter().position(|g| &g.ty == ty) {
            return GlobalId::from_u32((base + k) as u32);
        }
        let name = format!("$zero{}", extra.len());
        extra.push(GlobalData {
            name,
            ty: ty.clone(),
            init: xl_ir::Init::Zero,
            is_const: true,
            span: Span::default(),
        });
        GlobalId::from_u32((base + extra.len() - 1) as u32)
    }
}

/// Builds the crate context from the parsed root file.
pub fn build<'a>(
    file: &str,
    ast: &syn::File,
    rt_ast: Option<&syn::File>,
    cmod: &'a Module,
    names: &NameMap,
) -> Crate<'a> {
    let mut k = Crate {
        file: file.to_string(),
        cmod,
        structs: BTreeMap::new(),
        fields: BTreeMap::new(),
        globals: BTreeMap::new(),
        fns: BTreeMap::new(),
        rt: BTreeMap::new(),
        borrows: BTreeMap::new(),
        null_fns: BTreeMap::new(),
        streams: BTreeMap::new(),
        extra: RefCell::new(Vec::new()),
    };
    for (s, n, _) in &names.structs {
        k.structs.insert(n.clone(), *s);
    }
    for (g, d) in cmod.globals.iter() {
        if d.name == "stdout" || d.name == "stderr" {
            k.streams.insert(d.name.clone(), g);
        }
    }
    // Rust types of items.
    let mut item_types: BTreeMap<String, syn::Type> = BTreeMap::new();
    let mut struct_items: BTreeMap<String, &syn::ItemStruct> = BTreeMap::new();
    let mut fn_items: BTreeMap<String, &syn::ItemFn> = BTreeMap::new();
    let mut tl_items: Vec<syn::Item> = Vec::new();
    for it in &ast.items {
        match it {
            syn::Item::Const(c) => {
                item_types.insert(c.ident.to_string(), (*c.ty).clone());
            }
            syn::Item::Static(s) => {
                item_types.insert(s.ident.to_string(), (*s.ty).clone());
            }
            syn::Item::Struct(s) => {
                struct_items.insert(s.ident.to_string(), s);
            }
            syn::Item::Fn(f) => {
                fn_items.insert(f.sig.ident.to_string(), f);
            }
            syn::Item::Macro(m) if m.mac.path.is_ident("thread_local") => {
                if let Ok(f) = syn::parse2::<syn::File>(m.mac.tokens.clone()) {
                    tl_items.extend(f.items);
                }
            }
            _ => {}
        }
    }
    for it in &tl_items {
        if let syn::Item::Static(s) = it {
            // `Cell<T>` / `RefCell<T>`: the inner type.
            let inner = match &*s.ty {
                syn::Type::Path(p) => p.path.segments.last().and_then(|seg| match &seg.arguments {
                    syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
                        syn::GenericArgument::Type(t) => Some(t.clone()),
                        _ => None,
                    }),
                    _ => None,
                }),
                _ => None,
            };
            if let Some(t) = inner {
                item_types.insert(s.ident.to_string(), t);
            }
        }
    }
    let structs = k.structs.clone();
    let resolve = move |n: &str| structs.get(n).copied();
    let span0 = |_: &dyn syn::spanned::Spanned| Span::default();
    for (s, n, fnames) in &names.structs {
        let item = struct_items.get(n);
        let mut out = Vec::new();
        for f in fnames {
            let ty = item.and_then(|it| {
                it.fields
                    .iter()
                    .find(|fi| fi.ident.as_ref().is_some_and(|i| i == f))
                    .and_then(|fi| parse_type(&fi.ty, &resolve, &span0).ok())
            });
            out.push((f.clone(), ty));
        }
        k.fields.insert(*s, out);
    }
    for (g, n, storage) in &names.globals {
        let ty = item_types
            .get(n)
            .and_then(|t| parse_type(t, &resolve, &span0).ok());
        k.globals.insert(
            n.clone(),
            GlobalInfo {
                id: *g,
                storage: *storage,
                ty,
            },
        );
    }
    let sig_of = |f: &syn::ItemFn| -> (Option<Vec<RTy>>, Option<RTy>) {
        let params: Option<Vec<RTy>> = f
            .sig
            .inputs
            .iter()
            .map(|a| match a {
                syn::FnArg::Typed(t) => parse_type(&t.ty, &resolve, &span0).ok(),
                syn::FnArg::Receiver(_) => None,
            })
            .collect();
        let ret = match &f.sig.output {
            syn::ReturnType::Default => Some(RTy::Unit),
            syn::ReturnType::Type(_, t) => parse_type(t, &resolve, &span0).ok(),
        };
        (params, ret)
    };
    for (fid, n) in &names.funcs {
        if let Some(f) = fn_items.get(n) {
            let (params, ret) = sig_of(f);
            k.fns.insert(
                n.clone(),
                FnInfo {
                    c_name: cmod.funcs[*fid].name.clone(),
                    fid: Some(*fid),
                    params,
                    ret,
                },
            );
        }
    }
    for (c, n) in &names.decls {
        if let Some(f) = fn_items.get(n) {
            let (params, ret) = sig_of(f);
            k.fns.insert(
                n.clone(),
                FnInfo {
                    c_name: c.clone(),
                    fid: None,
                    params,
                    ret,
                },
            );
        }
    }
    for (n, f) in &fn_items {
        let panics_only = matches!(f.block.stmts.as_slice(),
            [syn::Stmt::Macro(m)] if m.mac.path.is_ident("panic"))
            || matches!(f.block.stmts.as_slice(),
            [syn::Stmt::Expr(syn::Expr::Macro(m), _)] if m.mac.path.is_ident("panic"));
        if n.starts_with("null_fn_") && !k.fns.contains_key(n) && panics_only {
            if let (Some(ps), Some(r)) = sig_of(f) {
                k.null_fns.insert(n.clone(), RTy::Fn(ps, Box::new(r)));
            }
        }
    }
    if let Some(rt) = rt_ast {
        k.rt = runtime_sigs(rt);
    }
    k.borrows = borrow_sets(&k, &fn_items);
    k
}

/// Signatures of the runtime's public non-generic functions over the subset's types.
fn runtime_sigs(rt: &syn::File) -> BTreeMap<String, RtFn> {
    let none = |_: &str| None;
    let span0 = |_: &dyn syn::spanned::Spanned| Span::default();
    let mut out = BTreeMap::new();
    for it in &rt.items {
        let syn::Item::Fn(f) = it else { continue };
        if !matches!(f.vis, syn::Visibility::Public(_)) || !f.sig.generics.params.is_empty() {
            continue;
        }
        let mut params = Vec::new();
        let mut ok = true;
        for a in &f.sig.inputs {
            let syn::FnArg::Typed(t) = a else {
                ok = false;
                break;
            };
            let p = match &*t.ty {
                syn::Type::Path(p) if p.path.is_ident("Stream") => RtParam::Stream,
                syn::Type::Reference(r)
                    if matches!(&*r.elem, syn::Type::Slice(s)
                        if matches!(&*s.elem, syn::Type::Path(p) if p.path.is_ident("Arg"))) =>
                {
                    RtParam::Args
                }
                t => match parse_type(t, &none, &span0) {
                    Ok(t) => RtParam::Ty(t),
                    Err(_) => {
                        ok = false;
                        break;
                    }
                },
            };
            params.push(p);
        }
        let ret = match &f.sig.output {
            syn::ReturnType::Default => Some(RTy::Unit),
            syn::ReturnType::Type(_, t) => parse_type(t, &none, &span0).ok(),
        };
        if let (true, Some(ret)) = (ok, ret) {
            out.insert(f.sig.ident.to_string(), RtFn { params, ret });
        }
    }
    out
}

/// Which `RefCell` globals each fn may borrow, through calls too (a fixpoint). A fn that
/// calls anything other than crate fns and `rt::` functions gets no entry (unknown).
fn borrow_sets(
    k: &Crate,
    fn_items: &BTreeMap<String, &syn::ItemFn>,
) -> BTreeMap<String, BTreeMap<GlobalId, bool>> {
    struct Scan<'a> {
        k: &'a Crate<'a>,
        direct: BTreeMap<GlobalId, bool>,
        calls: BTreeSet<String>,
        unknown: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Scan<'_> {
        fn visit_expr_method_call(&mut self, m: &'ast syn::ExprMethodCall) {
            let name = m.method.to_string();
            if name == "with_borrow" || name == "with_borrow_mut" {
                if let syn::Expr::Path(p) = &*m.receiver {
                    if let Some(g) = p
                        .path
                        .get_ident()
                        .and_then(|i| self.k.globals.get(&i.to_string()))
                    {
                        let e = self.direct.entry(g.id).or_insert(false);
                        *e |= name == "with_borrow_mut";
                    }
                }
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_call(&mut self, c: &'ast syn::ExprCall) {
            if let syn::Expr::Path(p) = &*c.func {
                // Multi-segment paths (`rt::..`, `i32::from`, `S::default`,
                // `std::slice::from_mut`) borrow no global of the crate.
                if let Some(i) = p.path.get_ident() {
                    self.calls.insert(i.to_string());
                }
            } else {
                self.unknown = true;
            }
            syn::visit::visit_expr_call(self, c);
        }
    }
    /// A fn's own borrows, its callees, and whether it calls something unknown.
    type Direct = (BTreeMap<GlobalId, bool>, BTreeSet<String>, bool);
    let mut direct: BTreeMap<String, Direct> = BTreeMap::new();
    for (n, f) in fn_items {
        let mut s = Scan {
            k,
            direct: BTreeMap::new(),
            calls: BTreeSet::new(),
            unknown: false,
        };
        syn::visit::Visit::visit_item_fn(&mut s, f);
        direct.insert(n.clone(), (s.direct, s.calls, s.unknown));
    }
    // Fixpoint: a fn's set is its own plus its callees'; unknown if a callee is unknown or
    // not a fn of the crate (a local function pointer variable, say).
    let mut sets: BTreeMap<String, Option<BTreeMap<GlobalId, bool>>> = direct
        .iter()
        .map(|(n, (d, _, u))| (n.clone(), if *u { None } else { Some(d.clone()) }))
        .collect();
    loop {
        let mut changed = false;
        for (n, (_, calls, _)) in &direct {
            let Some(Some(mut cur)) = sets.get(n).cloned() else {
                continue;
            };
            let mut unknown = false;
            for c in calls {
                match sets.get(c) {
                    Some(Some(cs)) => {
                        for (g, m) in cs {
                            let e = cur.entry(*g).or_insert(false);
                            *e |= *m;
                        }
                    }
                    // Unknown callee, or a plain name that is no fn of the crate (a
                    // function pointer variable).
                    Some(None) | None => unknown = true,
                }
            }
            let new = if unknown { None } else { Some(cur) };
            if sets.get(n) != Some(&new) {
                sets.insert(n.clone(), new);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    sets.into_iter()
        .filter_map(|(n, s)| s.map(|s| (n, s)))
        .collect()
}
