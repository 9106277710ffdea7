//! Module-level emission: struct and global items, every function, the Rust `main`, and the
//! Cargo package files.
//!
//! Globals are safe Rust state, never `static mut`: never-written scalars are `const`,
//! never-written aggregates `static`, written scalars `thread_local!` `Cell`s, everything
//! else `thread_local!` `RefCell`s (accessed with `with_borrow`/`with_borrow_mut`).

use crate::ast;
use crate::func::{self, Signature};
use crate::plan::{is_data_ptr, is_str_ptr_type, GlobalKind, ModulePlan, Slot};
use crate::propose::{zero_expr, NullFns, Proposer, Unsupported};
use crate::rtypes::{byte_str, float_lit, ident, int_lit, path_expr, Types};
use crate::{BlockInfo, EmitOptions, EmittedCrate, FuncEmit};
use std::cell::RefCell;
use std::collections::BTreeMap;
use syn::{parse_quote, Expr};
use xl_base::{Diagnostic, Span};
use xl_ir::{FuncId, Init, IntTy, Module, Type};

/// The runtime copied into every package as `src/rt.rs`.
pub const RUNTIME: &str = include_str!("../../runtime/src/lib.rs");

/// Crate-level attributes of every emitted root file.
const ROOT_ATTRS: &str = "#![forbid(unsafe_code)]\n#![allow(unknown_lints)]\n#![allow(\n    non_snake_case,\n    non_camel_case_types,\n    non_upper_case_globals,\n    unused_variables,\n    unused_mut,\n    unused_parens,\n    unused_labels,\n    unused_assignments,\n    unused_imports,\n    unreachable_code,\n    unreachable_patterns,\n    dead_code,\n    unpredictable_function_pointer_comparisons,\n    clippy::all\n)]\n";

/// Emits the package.
pub fn emit(module: &Module, opts: &EmitOptions, proposer: &dyn Proposer) -> EmittedCrate {
    let mut plan = ModulePlan::compute(module);
    let mut diags: Vec<Diagnostic> = Vec::new();
    let null_fns: NullFns = RefCell::new(BTreeMap::new());

    check_structs(module, &mut plan, &mut diags);
    let mut items: Vec<syn::Item> = Vec::new();
    items.extend(struct_items(module, &plan, &null_fns));
    let (gitems, thread_locals) = global_items(module, &mut plan, &null_fns, &mut diags);
    items.extend(gitems);
    // Module text is assembled from chunks so items get blank lines between them and the
    // `thread_local!` block (a macro prettyplease cannot format) is laid out by hand.
    let mut head: Vec<String> = Vec::new();
    if !thread_locals.is_empty() {
        head.push("use std::cell::{Cell, RefCell};\n".to_string());
    }
    let mut tl_text = String::new();
    if !thread_locals.is_empty() {
        tl_text.push_str("thread_local! {\n");
        for it in &thread_locals {
            for line in unparse_item(it).lines() {
                if line.is_empty() {
                    tl_text.push('\n');
                } else {
                    tl_text.push_str(&format!("    {line}\n"));
                }
            }
        }
        tl_text.push_str("}\n");
    }

    // Signatures first: callers must know which callees have none.
    let mut sigs: BTreeMap<FuncId, Signature> = BTreeMap::new();
    for (fid, f) in module.funcs.iter() {
        let names = param_names(module, &plan, fid);
        match func::signature(module, &plan, fid, &names) {
            Ok(s) => {
                sigs.insert(fid, s);
            }
            Err(reason) => {
                plan.bad_sigs.insert(fid, reason.clone());
                let _ = f;
            }
        }
    }

    // Stubs for the functions whose body the frontend could not lower, so their callers
    // can still be translated; a declaration without a Rust signature makes its callers
    // fall back to not translated.
    let mut decl_items: Vec<syn::Item> = Vec::new();
    for d in &module.decls {
        let Some(rust_name) = plan.decl_names.get(&d.name).cloned() else {
            continue;
        };
        let mut namer = plan.module_namer.clone();
        let names: Vec<String> = d.param_names.iter().map(|n| namer.fresh(n)).collect();
        match func::decl_signature(module, &plan, d, &names) {
            Ok(sig) => {
                let u = Unsupported {
                    reason: d.reason.clone(),
                    span: d.span.clone(),
                };
                decl_items.push(syn::Item::Fn(func::stub_named(
                    &rust_name, &sig, &d.name, &u,
                )));
            }
            Err(reason) => {
                plan.decl_names.remove(&d.name);
                plan.bad_decls.insert(d.name.clone(), reason);
            }
        }
    }

    let mut functions = Vec::new();
    let mut local_names: Vec<(FuncId, Vec<(xl_ir::Var, String)>)> = Vec::new();
    for (fid, f) in module.funcs.iter() {
        let rust_name = plan.func_name(fid).to_string();
        let cfg = xl_ir::cfg::Cfg::compute(f);
        let reachable = cfg.reverse_post_order(f);
        let Some(sig) = sigs.get(&fid) else {
            let reason = plan.bad_sigs.get(&fid).cloned().unwrap_or_default();
            let msg = format!(
                "xlate: function `{}` was not translated: {} ({})",
                f.name, reason, f.span
            );
            let lit = ast::str_lit(&msg);
            let name = ident(&rust_name);
            items.push(parse_quote!(fn #name() { panic!(#lit) }));
            diags.push(Diagnostic::error(
                "E0002",
                format!("function `{}` not translated: {reason}", f.name),
                f.span.clone(),
            ));
            functions.push(FuncEmit {
                name: f.name.clone(),
                rust_name,
                translated: false,
                reason: Some(reason),
                blocks: block_infos(f, &reachable, &BTreeMap::new(), false),
                state_machine: None,
            });
            continue;
        };
        let r = func::emit_func(module, &plan, fid, sig, &null_fns, proposer);
        local_names.push((fid, r.names.clone()));
        if let Some(u) = &r.reason {
            diags.push(Diagnostic::error(
                "E0001",
                format!("function `{}` not translated: {}", f.name, u.reason),
                u.span.clone(),
            ));
        }
        for n in &r.notes {
            diags.push(Diagnostic::warning(
                "E0102",
                format!("function `{}`: {}", f.name, n.reason),
                n.span.clone(),
            ));
        }
        if let Some(why) = &r.state_machine {
            diags.push(Diagnostic::warning(
                "E0101",
                format!(
                    "function `{}`: control flow emitted as a state machine ({why})",
                    f.name
                ),
                f.span.clone(),
            ));
        }
        items.push(syn::Item::Fn(r.item));
        functions.push(FuncEmit {
            name: f.name.clone(),
            rust_name,
            translated: r.translated,
            reason: r
                .reason
                .as_ref()
                .map(|u| format!("{} ({})", u.reason, u.span)),
            blocks: block_infos(f, &r.reachable, &r.locs, r.translated),
            state_machine: r.state_machine.clone(),
        });
    }
    items.extend(decl_items);
    for (_, (name, ty)) in null_fns.borrow().iter() {
        items.push(null_fn_item(name, ty));
    }
    let has_main = plan.main.is_some();
    if let Some(m) = plan.main {
        match main_item(module, &plan, m, sigs.get(&m)) {
            Ok(item) => items.push(item),
            Err(reason) => {
                diags.push(Diagnostic::error(
                    "E0003",
                    format!("`main` cannot be called from Rust: {reason}"),
                    module.funcs[m].span.clone(),
                ));
                let lit = ast::str_lit(&format!("xlate: `main` was not translated: {reason}"));
                items.push(parse_quote!(
                    fn main() {
                        panic!(#lit)
                    }
                ));
            }
        }
    }
    // Statics and consts first, then the thread-locals, then functions.
    let (data, code): (Vec<syn::Item>, Vec<syn::Item>) = items
        .into_iter()
        .partition(|i| !matches!(i, syn::Item::Fn(_)));
    let mut chunks = head;
    chunks.extend(data.iter().map(unparse_item));
    if !tl_text.is_empty() {
        chunks.push(tl_text);
    }
    chunks.extend(code.iter().map(unparse_item));
    let root = format!("{ROOT_ATTRS}\nmod rt;\n\n{}", chunks.join("\n"));
    let root_name = if has_main {
        "src/main.rs"
    } else {
        "src/lib.rs"
    };
    let mut files = vec![
        ("Cargo.toml".to_string(), cargo_toml(&opts.crate_name)),
        (root_name.to_string(), root),
        ("src/rt.rs".to_string(), RUNTIME.to_string()),
    ];
    files.sort();
    diags.sort();
    let names = name_map(module, &plan, local_names);
    EmittedCrate {
        files,
        functions,
        diagnostics: diags,
        names,
    }
}

/// The names the package text uses for the module's items (see [`crate::NameMap`]): every
/// function (translated or a stub), every declaration stub, every struct and global that was
/// emitted (those without a Rust form are left out), and the variable bindings of each
/// function (empty for functions without a translation; functions without a Rust signature
/// have no entry).
fn name_map(
    module: &Module,
    plan: &ModulePlan,
    locals: Vec<(FuncId, Vec<(xl_ir::Var, String)>)>,
) -> crate::NameMap {
    let funcs = module
        .funcs
        .keys()
        .map(|f| (f, plan.func_name(f).to_string()))
        .collect();
    let decls = module
        .decls
        .iter()
        .filter_map(|d| {
            plan.decl_names
                .get(&d.name)
                .map(|r| (d.name.clone(), r.clone()))
        })
        .collect();
    let structs = module
        .structs
        .keys()
        .filter(|s| !plan.bad_structs.contains_key(s))
        .map(|s| {
            let si = s.as_u32() as usize;
            (
                s,
                plan.struct_names[si].clone(),
                plan.field_names[si].clone(),
            )
        })
        .collect();
    let globals = module
        .globals
        .keys()
        .filter_map(|g| {
            let gp = plan.global(g);
            if gp.bad.is_some() {
                return None;
            }
            let storage = match gp.kind {
                GlobalKind::Const => crate::GlobalStorage::Const,
                GlobalKind::Static => crate::GlobalStorage::Static,
                GlobalKind::Cell => crate::GlobalStorage::Cell,
                GlobalKind::RefCell => crate::GlobalStorage::RefCell,
                GlobalKind::Stream => return None,
            };
            Some((g, gp.name.clone(), storage))
        })
        .collect();
    crate::NameMap {
        funcs,
        decls,
        structs,
        globals,
        locals,
    }
}

fn block_infos(
    f: &xl_ir::Func,
    reachable: &[xl_ir::Block],
    locs: &BTreeMap<xl_ir::Block, crate::BlockLoc>,
    translated: bool,
) -> Vec<BlockInfo> {
    f.blocks
        .iter()
        .map(|(b, d)| {
            let status = if !reachable.contains(&b) {
                "unreachable"
            } else if translated {
                "translated"
            } else {
                "not-translated"
            };
            BlockInfo {
                block: b.to_string(),
                span: d.span.clone(),
                status: status.to_string(),
                loc: locs.get(&b).cloned(),
            }
        })
        .collect()
}

/// Parameter names of `fid`, exactly as [`func::compute_locals`] assigns them.
fn param_names(module: &Module, plan: &ModulePlan, fid: FuncId) -> Vec<String> {
    let f = &module.funcs[fid];
    let mut n = plan.module_namer.clone();
    f.params.iter().map(|p| n.fresh(&f.vars[*p].name)).collect()
}

/// The package manifest: standalone (empty `[workspace]`), no dependencies, C's wrapping
/// arithmetic also in release builds.
pub fn cargo_toml(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = if name.is_empty() {
        "translated".to_string()
    } else {
        name
    };
    format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n\n[profile.release]\noverflow-checks = false\n\n[workspace]\n"
    )
}

fn check_structs(module: &Module, plan: &mut ModulePlan, diags: &mut Vec<Diagnostic>) {
    loop {
        let mut found = None;
        for (s, def) in module.structs.iter() {
            if plan.bad_structs.contains_key(&s) {
                continue;
            }
            let types = Types { module, plan };
            for (k, f) in def.fields.iter().enumerate() {
                let r = if is_str_ptr_type(&f.ty)
                    && !plan.static_slots.contains(&Slot::Field(s, k as u32))
                {
                    Err(format!(
                        "field `{}` is a `char *` that does not always hold a string literal",
                        f.name
                    ))
                } else if is_data_ptr(&f.ty) && !is_str_ptr_type(&f.ty) {
                    Err(format!(
                        "field `{}` is a pointer (pointer fields are not supported yet)",
                        f.name
                    ))
                } else {
                    types.value_ty(&f.ty).map(|_| ())
                };
                if let Err(e) = r {
                    found = Some((s, format!("struct `{}`: {e}", def.name)));
                    break;
                }
            }
            if found.is_some() {
                break;
            }
        }
        match found {
            Some((s, why)) => {
                diags.push(Diagnostic::warning(
                    "E0004",
                    why.clone(),
                    module.structs[s].span.clone(),
                ));
                plan.bad_structs.insert(s, why);
            }
            None => break,
        }
    }
}

fn struct_items(module: &Module, plan: &ModulePlan, null_fns: &NullFns) -> Vec<syn::Item> {
    let types = Types { module, plan };
    let mut out = Vec::new();
    for (s, def) in module.structs.iter() {
        if plan.bad_structs.contains_key(&s) {
            continue;
        }
        let si = s.as_u32() as usize;
        let name = ident(&plan.struct_names[si]);
        let mut fields = Vec::new();
        let mut inits = Vec::new();
        for (k, f) in def.fields.iter().enumerate() {
            let fname = ident(&plan.field_names[si][k]);
            let Ok(t) = types.value_ty(&f.ty) else {
                continue;
            };
            fields.push(quote::quote!(#fname: #t));
            let z = zero_expr(&types, &f.ty, false, null_fns)
                .unwrap_or_else(|_| parse_quote!(Default::default()));
            inits.push(quote::quote!(#fname: #z));
        }
        out.push(parse_quote! {
            #[derive(Clone, Copy, Debug, PartialEq)]
            struct #name { #(#fields),* }
        });
        out.push(parse_quote! {
            impl Default for #name {
                fn default() -> Self {
                    #name { #(#inits),* }
                }
            }
        });
    }
    out
}

/// One item, pretty-printed.
fn unparse_item(item: &syn::Item) -> String {
    prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: vec![],
        items: vec![item.clone()],
    })
}

/// Items for globals, plus the entries of the `thread_local!` block (as `static` items).
fn global_items(
    module: &Module,
    plan: &mut ModulePlan,
    null_fns: &NullFns,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<syn::Item>, Vec<syn::Item>) {
    let mut items = Vec::new();
    let mut tl = Vec::new();
    for (g, data) in module.globals.iter() {
        let gp = plan.global(g).clone();
        if gp.kind == GlobalKind::Stream {
            continue;
        }
        let types = Types { module, plan };
        let r = (|| -> Result<(syn::Type, Expr), String> {
            if is_str_ptr_type(&data.ty) && !plan.static_slots.contains(&Slot::Global(g)) {
                return Err(
                    "a `char *` global that does not always hold a string literal".to_string(),
                );
            }
            let ty = if gp.byte_scalar {
                parse_quote!(u8)
            } else {
                types.value_ty(&data.ty)?
            };
            let init = const_init(&types, &data.ty, &data.init, gp.byte_scalar, null_fns)?;
            Ok((ty, init))
        })();
        let (ty, init) = match r {
            Ok(x) => x,
            Err(reason) => {
                diags.push(Diagnostic::warning(
                    "E0005",
                    format!("global `{}` has no safe Rust form: {reason}", data.name),
                    data.span.clone(),
                ));
                plan.globals[g.as_u32() as usize].bad = Some(reason);
                continue;
            }
        };
        let name = ident(&gp.name);
        match gp.kind {
            GlobalKind::Const => items.push(parse_quote!(const #name: #ty = #init;)),
            GlobalKind::Static => items.push(parse_quote!(static #name: #ty = #init;)),
            GlobalKind::Cell => {
                tl.push(parse_quote!(static #name: Cell<#ty> = const { Cell::new(#init) };))
            }
            GlobalKind::RefCell => {
                tl.push(parse_quote!(static #name: RefCell<#ty> = const { RefCell::new(#init) };))
            }
            GlobalKind::Stream => {}
        }
    }
    (items, tl)
}

/// A constant expression for a static initialiser. `byte`: the storage is `u8` holding a C
/// `char`.
fn const_init(
    types: &Types,
    ty: &Type,
    init: &Init,
    byte: bool,
    null_fns: &NullFns,
) -> Result<Expr, String> {
    Ok(match (init, ty) {
        (Init::Zero, _) => zero_expr(types, ty, true, null_fns)?,
        (Init::Int(v), Type::Int(t)) => {
            if byte {
                int_lit(IntTy::U8.wrap(*v), IntTy::U8, false)
            } else {
                int_lit(*v, *t, false)
            }
        }
        (Init::Int(v), Type::Bool) => {
            if *v != 0 {
                parse_quote!(true)
            } else {
                parse_quote!(false)
            }
        }
        (Init::Int(v), Type::Float(ft)) => float_lit(*v as f64, *ft, false),
        (Init::Float(f), Type::Float(ft)) => float_lit(*f, *ft, false),
        (Init::Aggregate(items), Type::Array(e, n)) => {
            let eb = matches!(**e, Type::Int(i) if i.bits == 8 && i.signed);
            let mut elems = Vec::new();
            for k in 0..*n as usize {
                match items.get(k) {
                    Some(i) => elems.push(const_init(types, e, i, eb, null_fns)?),
                    None => elems.push(const_init(types, e, &Init::Zero, eb, null_fns)?),
                }
            }
            ast::array(elems)
        }
        (Init::Aggregate(items), Type::Struct(s)) => {
            let si = s.as_u32() as usize;
            let def = &types.module.structs[*s];
            let name = ident(&types.plan.struct_names[si]);
            let mut fields = Vec::new();
            for (k, f) in def.fields.iter().enumerate() {
                let fname = ident(&types.plan.field_names[si][k]);
                let v = const_init(
                    types,
                    &f.ty,
                    items.get(k).unwrap_or(&Init::Zero),
                    false,
                    null_fns,
                )?;
                fields.push(quote::quote!(#fname: #v));
            }
            parse_quote!(#name { #(#fields),* })
        }
        (Init::Bytes(b), Type::Array(_, n)) => {
            let mut bytes = b.clone();
            bytes.resize(*n as usize, 0);
            let l = byte_str(&bytes);
            parse_quote!(*#l)
        }
        (Init::Str(b), _) if is_str_ptr_type(ty) => byte_str(b),
        (Init::Null, _) if is_str_ptr_type(ty) => parse_quote!(&[]),
        (Init::Null, Type::Ptr(p)) if matches!(**p, Type::Fn(_)) => {
            zero_expr(types, ty, true, null_fns)?
        }
        (Init::Func(f), _) => {
            if let Some(why) = types.plan.bad_sigs.get(f) {
                return Err(format!(
                    "points to a function without a Rust signature ({why})"
                ));
            }
            path_expr(types.plan.func_name(*f))
        }
        (Init::GlobalAddr(_), _) => {
            return Err("initialised with the address of another global".to_string())
        }
        (i, t) => return Err(format!("initialiser {i:?} for type `{t}`")),
    })
}

fn null_fn_item(name: &str, ty: &syn::Type) -> syn::Item {
    let id = ident(name);
    let syn::Type::BareFn(f) = ty else {
        return parse_quote!(fn #id() { panic!("call through a null function pointer") });
    };
    let params: Vec<proc_macro2::TokenStream> = f
        .inputs
        .iter()
        .map(|a| {
            let t = &a.ty;
            quote::quote!(_: #t)
        })
        .collect();
    let out = &f.output;
    parse_quote!(fn #id(#(#params),*) #out { panic!("call through a null function pointer") })
}

/// Rust `main`: runs the translated C `main` and exits with its status (flushing stdout).
fn main_item(
    module: &Module,
    plan: &ModulePlan,
    m: FuncId,
    sig: Option<&Signature>,
) -> Result<syn::Item, String> {
    let f = &module.funcs[m];
    let name = ident(plan.func_name(m));
    let Some(sig) = sig else {
        return Err("no Rust signature".to_string());
    };
    let call: Expr = match f.params.len() {
        0 => parse_quote!(#name()),
        2 => {
            let argv_class = plan.param_class(m, 1);
            let argv_ok = matches!(&f.vars[f.params[1]].ty, Type::Ptr(p) if is_str_ptr_type(p));
            if !argv_ok || !matches!(f.vars[f.params[0]].ty, Type::Int(_)) {
                return Err("`main` parameters other than `(int argc, char **argv)`".to_string());
            }
            let argv: Expr = match (argv_class.slice, argv_class.mutable) {
                (true, true) => parse_quote!(&mut argv),
                (true, false) => parse_quote!(&argv),
                (false, true) => parse_quote!(&mut argv[0]),
                (false, false) => parse_quote!(&argv[0]),
            };
            let argc_ty = &sig.params[0].1;
            return Ok(parse_quote! {
                fn main() {
                    let mut argv: Vec<&'static [u8]> = std::env::args_os()
                        .map(|a| {
                            let mut bytes = a.into_encoded_bytes();
                            bytes.push(0);
                            &*Box::leak(bytes.into_boxed_slice())
                        })
                        .collect();
                    let argc = argv.len() as #argc_ty;
                    argv.push(&[]);
                    let code = #name(argc, #argv);
                    rt::exit(code);
                }
            });
        }
        _ => return Err("`main` with parameters other than `(argc, argv)`".to_string()),
    };
    Ok(match f.ret {
        Type::Int(IntTy { bits: 32, .. }) => parse_quote! {
            fn main() {
                let code = #call;
                rt::exit(code);
            }
        },
        Type::Void => parse_quote! {
            fn main() {
                #call;
                rt::exit(0);
            }
        },
        _ => parse_quote! {
            fn main() {
                let code = #call;
                rt::exit(code as i32);
            }
        },
    })
}

/// A span for module-level diagnostics.
pub fn module_span() -> Span {
    Span::default()
}
