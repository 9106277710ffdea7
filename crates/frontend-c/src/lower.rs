//! The whole-program lowering driver.
//!
//! 1. Declarations: every unit's file scope in order (typedefs, structs, enums, prototypes,
//!    globals, function definitions). External names link across units by name.
//! 2. Names: `static` functions and globals whose names clash with another unit's get the
//!    unit's file stem appended, deterministically.
//! 3. Globals: ids in declaration order, then constant initialisers.
//! 4. Functions: each definition is lowered on its own; an error fails only that function
//!    (its diagnostic is recorded, it is left out of the module).
//! 5. The module: functions are renumbered without the failed ones; calls to a failed
//!    function become calls by name (`Callee::Extern`); a function taking the address of a
//!    failed one fails too.

use crate::ctype::CType;
use crate::cx::{Cx, FuncDef, GlobalDecl, Program, Sym, Tu};
use crate::decl::declarator_name;
use crate::{FuncInfo, FuncStatus, LowerOutput};
use lang_c::ast::*;
use lang_c::span::Node;
use std::collections::{BTreeMap, HashMap, HashSet};
use xl_base::{Diagnostic, PrimaryMap, Span};
use xl_ir::{Callee, Func, FuncId, GlobalData, Init, Op};

/// True when the declarator declares a function (not a pointer to one).
fn declares_function(d: &Declarator) -> bool {
    let mut cur = d;
    loop {
        match &cur.kind.node {
            DeclaratorKind::Declarator(inner) => cur = &inner.node,
            _ => {
                return cur.derived.iter().any(|x| {
                    matches!(
                        x.node,
                        DerivedDeclarator::Function(_) | DerivedDeclarator::KRFunction(_)
                    )
                })
            }
        }
    }
}

fn stem(file: &str) -> String {
    let s = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// Lowers parsed units. `units[i]` belongs to `p.tus[i]`.
pub fn lower_program(mut p: Program, units: &[TranslationUnit]) -> LowerOutput {
    let mut infos: Vec<FuncInfo> = Vec::new();
    let mut def_info: Vec<usize> = Vec::new();
    for (tu, unit) in units.iter().enumerate() {
        let mut cx = Cx::new(&mut p, tu);
        for (item, ext) in unit.0.iter().enumerate() {
            match &ext.node {
                ExternalDeclaration::Declaration(d) => cx.file_decl(d),
                ExternalDeclaration::StaticAssert(a) => {
                    if let Err(d) = cx.static_assert(a) {
                        cx.p.diags.push(d);
                    }
                }
                ExternalDeclaration::FunctionDefinition(fd) => {
                    cx.file_func_def(item, fd, &mut infos, &mut def_info)
                }
            }
        }
    }
    rename_statics(&mut p);
    define_globals(&mut p);

    // Functions. `headers[i]`: the signature and parameter names of definition `i` when they
    // are representable, so a definition whose body fails still gets a `Module::decls` entry.
    let mut bodies: Vec<Option<Func>> = Vec::new();
    let mut headers: Vec<Option<Header>> = Vec::new();
    for i in 0..p.funcs.len() {
        let d = p.funcs[i].clone();
        let Some(ExternalDeclaration::FunctionDefinition(fd)) =
            units[d.tu].0.get(d.item).map(|n| &n.node)
        else {
            bodies.push(None);
            headers.push(None);
            continue;
        };
        headers.push(
            Cx::new(&mut p, d.tu)
                .function_header(fd)
                .ok()
                .map(|(fty, params)| Header {
                    sig: fty.sig(),
                    param_names: params
                        .iter()
                        .enumerate()
                        .map(|(i, q)| q.name.clone().unwrap_or_else(|| format!("arg{i}")))
                        .collect(),
                }),
        );
        let globals_before = p.module.globals.len();
        let result = {
            let mut cx = Cx::new(&mut p, d.tu);
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cx.lower_function(i, fd)))
        };
        let result = match result {
            Ok(r) => r,
            Err(_) => Err(Diagnostic::error(
                "C0999",
                format!("internal error while lowering `{}`", d.c_name),
                d.span.clone(),
            )),
        };
        match result {
            Ok(f) => bodies.push(Some(f)),
            Err(diag) => {
                truncate_globals(&mut p, globals_before);
                infos[def_info[i]].status = FuncStatus::Failed {
                    reason: format!("{} at {}", diag.message, diag.span),
                };
                p.diags.push(diag);
                bodies.push(None);
            }
        }
    }

    // Build the module; a function the IR verifier rejects (a frontend bug) is left out as an
    // internal error, and the module is built again without it.
    loop {
        fail_address_takers(&mut p, &mut bodies)
            .into_iter()
            .for_each(|(i, reason)| infos[def_info[i]].status = FuncStatus::Failed { reason });
        let decls = failed_decls(&p, &bodies, &headers, &infos, &def_info);
        let (module, new_id, dropped) = build_module(&p, &bodies, decls);
        let mut bad = Vec::new();
        for (i, id) in new_id.iter().enumerate() {
            let Some(id) = id else { continue };
            if let Err(errs) = xl_ir::verify::verify_func(&module, &module.funcs[*id]) {
                bad.push((i, errs.first().map(|e| e.to_string()).unwrap_or_default()));
            }
        }
        if bad.is_empty() {
            for (i, id) in new_id.iter().enumerate() {
                if let Some(id) = id {
                    infos[def_info[i]].status = FuncStatus::Lowered(*id);
                }
            }
            for (g, f, span) in dropped {
                p.diags.push(Diagnostic::warning(
                    "C0106",
                    format!(
                        "the initializer of `{g}` points to `{f}`, which could not be lowered; it is null"
                    ),
                    span,
                ));
            }
            if let Err(errs) = xl_ir::verify::verify_module(&module) {
                for e in errs.iter().filter(|e| e.func.is_none()) {
                    p.diags.push(Diagnostic::error(
                        "C0999",
                        format!("internal error: the IR verifier rejects the module: {e}"),
                        Span::default(),
                    ));
                }
            }
            let mut seen = HashSet::new();
            let diagnostics: Vec<Diagnostic> = p
                .diags
                .into_iter()
                .filter(|d| seen.insert(d.clone()))
                .collect();
            return LowerOutput {
                module,
                functions: infos,
                diagnostics,
            };
        }
        for (i, msg) in bad {
            let d = &p.funcs[i];
            let diag = Diagnostic::error(
                "C0999",
                format!(
                    "internal error: the lowered IR of `{}` is malformed: {msg}",
                    d.c_name
                ),
                d.span.clone(),
            );
            infos[def_info[i]].status = FuncStatus::Failed {
                reason: format!("{} at {}", diag.message, diag.span),
            };
            p.diags.push(diag);
            bodies[i] = None;
        }
    }
}

/// Fails every function that takes the address of a function that is not lowered, to a
/// fixpoint; returns (definition, reason) for each.
fn fail_address_takers(p: &mut Program, bodies: &mut [Option<Func>]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    loop {
        let mut changed = false;
        for i in 0..bodies.len() {
            let Some(f) = &bodies[i] else { continue };
            let bad = f.insts.values().find_map(|inst| match &inst.op {
                Op::FuncAddr(t) if bodies.get(t.as_u32() as usize).is_none_or(|b| b.is_none()) => {
                    Some((t.as_u32() as usize, inst.span.clone()))
                }
                _ => None,
            });
            if let Some((t, span)) = bad {
                let target = p.funcs.get(t).map(|d| d.c_name.clone()).unwrap_or_default();
                let diag = Diagnostic::error(
                    "C0006",
                    format!("takes the address of `{target}`, which could not be lowered"),
                    span,
                );
                let diag = match p.tus.get(p.funcs[i].tu) {
                    Some(tu) => tu.map.attach(diag),
                    None => diag,
                };
                out.push((i, format!("{} at {}", diag.message, diag.span)));
                p.diags.push(diag);
                bodies[i] = None;
                changed = true;
            }
        }
        if !changed {
            return out;
        }
    }
}

/// The signature of a function definition, as far as it is representable.
struct Header {
    sig: xl_ir::FnSig,
    param_names: Vec<String>,
}

/// A [`xl_ir::FuncDecl`] for every definition whose body is not lowered but whose header is
/// representable, in definition order.
fn failed_decls(
    p: &Program,
    bodies: &[Option<Func>],
    headers: &[Option<Header>],
    infos: &[FuncInfo],
    def_info: &[usize],
) -> Vec<xl_ir::FuncDecl> {
    let mut out = Vec::new();
    for (i, d) in p.funcs.iter().enumerate() {
        if bodies.get(i).is_some_and(|b| b.is_some()) {
            continue;
        }
        let Some(Some(h)) = headers.get(i) else {
            continue;
        };
        let reason = match def_info.get(i).and_then(|&k| infos.get(k)) {
            Some(FuncInfo {
                status: FuncStatus::Failed { reason },
                ..
            }) => reason.clone(),
            _ => "not lowered".to_string(),
        };
        out.push(xl_ir::FuncDecl {
            name: d.name.clone(),
            sig: h.sig.clone(),
            param_names: h.param_names.clone(),
            span: d.span.clone(),
            reason,
        });
    }
    out
}

/// What [`build_module`] gives: the module, the new id of each definition (if lowered), and
/// (global, function, span) for each initializer entry pointing to a function not lowered.
type Built = (
    xl_ir::Module,
    Vec<Option<FuncId>>,
    Vec<(String, String, Span)>,
);

/// The module from the lowered bodies: functions renumbered without the missing ones, calls
/// to missing functions by name (`decls` declares those whose signature is representable),
/// function pointers in initialisers remapped (or null).
fn build_module(p: &Program, bodies: &[Option<Func>], decls: Vec<xl_ir::FuncDecl>) -> Built {
    let mut new_id: Vec<Option<FuncId>> = Vec::new();
    let mut n = 0u32;
    for b in bodies {
        if b.is_some() {
            new_id.push(Some(FuncId::from_u32(n)));
            n += 1;
        } else {
            new_id.push(None);
        }
    }
    let mut funcs: PrimaryMap<FuncId, Func> = PrimaryMap::new();
    for b in bodies.iter() {
        let Some(f) = b else { continue };
        let mut f = f.clone();
        for inst in f.insts.values_mut() {
            match &mut inst.op {
                Op::Call {
                    callee: callee @ Callee::Func(_),
                    ..
                } => {
                    if let Callee::Func(t) = callee {
                        let k = t.as_u32() as usize;
                        *callee = match new_id.get(k).copied().flatten() {
                            Some(id) => Callee::Func(id),
                            None => Callee::Extern(
                                p.funcs.get(k).map(|d| d.name.clone()).unwrap_or_default(),
                            ),
                        };
                    }
                }
                Op::FuncAddr(t) => {
                    if let Some(Some(id)) = new_id.get(t.as_u32() as usize) {
                        *t = *id;
                    }
                }
                _ => {}
            }
        }
        funcs.push(f);
    }
    let mut module = p.module.clone();
    module.funcs = funcs;
    module.decls = decls;
    prune_structs(&mut module);
    let mut dropped = Vec::new();
    for g in module.globals.values_mut() {
        let (name, span) = (g.name.clone(), g.span.clone());
        let before = dropped.len();
        remap_init(&mut g.init, &new_id, &mut dropped, &name, p);
        for d in &mut dropped[before..] {
            d.2 = span.clone();
        }
    }
    (module, new_id, dropped)
}

/// Removes struct definitions that no type in the module mentions (the C library headers
/// declare a few), renumbering the rest in order.
fn prune_structs(m: &mut xl_ir::Module) {
    use xl_ir::{StructId, Type};
    fn mark(t: &Type, used: &mut [bool], work: &mut Vec<usize>) {
        let mut stack = vec![t];
        while let Some(t) = stack.pop() {
            match t {
                Type::Struct(s) => {
                    let i = s.as_u32() as usize;
                    if i < used.len() && !used[i] {
                        used[i] = true;
                        work.push(i);
                    }
                }
                Type::Ptr(e) | Type::Array(e, _) => stack.push(e),
                Type::Fn(sig) => {
                    stack.push(&sig.ret);
                    stack.extend(sig.params.iter());
                }
                _ => {}
            }
        }
    }
    fn rewrite(t: &mut Type, map: &[Option<StructId>]) {
        let mut stack = vec![t];
        while let Some(t) = stack.pop() {
            match t {
                Type::Struct(s) => {
                    if let Some(Some(n)) = map.get(s.as_u32() as usize) {
                        *s = *n;
                    }
                }
                Type::Ptr(e) | Type::Array(e, _) => stack.push(e),
                Type::Fn(sig) => {
                    let sig = &mut **sig;
                    stack.push(&mut sig.ret);
                    stack.extend(sig.params.iter_mut());
                }
                _ => {}
            }
        }
    }
    let n = m.structs.len();
    let mut used = vec![false; n];
    let mut work = Vec::new();
    for g in m.globals.values() {
        mark(&g.ty, &mut used, &mut work);
    }
    for d in &m.decls {
        mark(&d.sig.ret, &mut used, &mut work);
        for t in &d.sig.params {
            mark(t, &mut used, &mut work);
        }
    }
    for f in m.funcs.values() {
        mark(&f.ret, &mut used, &mut work);
        for v in f.vars.values() {
            mark(&v.ty, &mut used, &mut work);
        }
        for v in f.values.values() {
            mark(&v.ty, &mut used, &mut work);
        }
    }
    while let Some(i) = work.pop() {
        let fields: Vec<Type> = m
            .structs
            .values()
            .nth(i)
            .map(|d| d.fields.iter().map(|f| f.ty.clone()).collect())
            .unwrap_or_default();
        for t in &fields {
            mark(t, &mut used, &mut work);
        }
    }
    if used.iter().all(|u| *u) {
        return;
    }
    let mut map: Vec<Option<StructId>> = Vec::new();
    let mut kept = PrimaryMap::new();
    for (i, d) in m.structs.values().enumerate() {
        if used[i] {
            map.push(Some(kept.push(d.clone())));
        } else {
            map.push(None);
        }
    }
    for d in kept.values_mut() {
        for f in &mut d.fields {
            rewrite(&mut f.ty, &map);
        }
    }
    m.structs = kept;
    for g in m.globals.values_mut() {
        rewrite(&mut g.ty, &map);
    }
    for d in &mut m.decls {
        rewrite(&mut d.sig.ret, &map);
        for t in &mut d.sig.params {
            rewrite(t, &map);
        }
    }
    for f in m.funcs.values_mut() {
        rewrite(&mut f.ret, &map);
        for v in f.vars.values_mut() {
            rewrite(&mut v.ty, &map);
        }
        for v in f.values.values_mut() {
            rewrite(&mut v.ty, &map);
        }
    }
}

fn remap_init(
    init: &mut Init,
    new_id: &[Option<FuncId>],
    dropped: &mut Vec<(String, String, Span)>,
    gname: &str,
    p: &Program,
) {
    match init {
        Init::Func(f) => match new_id.get(f.as_u32() as usize).copied().flatten() {
            Some(id) => *f = id,
            None => {
                let name = p.funcs.get(f.as_u32() as usize).map(|d| d.c_name.clone());
                dropped.push((gname.to_string(), name.unwrap_or_default(), Span::default()));
                *init = Init::Null;
            }
        },
        Init::Aggregate(items) => {
            for i in items {
                remap_init(i, new_id, dropped, gname, p);
            }
        }
        _ => {}
    }
}

/// Drops the globals created since `len` (by a function that failed); declarations that
/// pointed at them get their id allocated again on next use.
fn truncate_globals(p: &mut Program, len: usize) {
    if p.module.globals.len() <= len {
        return;
    }
    let mut kept = PrimaryMap::new();
    for g in p.module.globals.values().take(len) {
        kept.push(g.clone());
    }
    p.module.globals = kept;
    for g in &mut p.globals {
        if g.id.is_some_and(|id| id.as_u32() as usize >= len) {
            g.id = None;
        }
    }
}

/// Renames `static` functions and globals whose C names occur in more than one unit.
fn rename_statics(p: &mut Program) {
    let mut count: BTreeMap<String, usize> = BTreeMap::new();
    for f in &p.funcs {
        *count.entry(f.c_name.clone()).or_default() += 1;
    }
    let mut gcount: BTreeMap<String, usize> = BTreeMap::new();
    for g in &p.globals {
        if g.defined {
            *gcount.entry(g.c_name.clone()).or_default() += 1;
        }
    }
    let mut taken: HashSet<String> = p.funcs.iter().map(|f| f.name.clone()).collect();
    for i in 0..p.funcs.len() {
        let f = &p.funcs[i];
        if f.is_static && count.get(&f.c_name).copied().unwrap_or(0) > 1 {
            let file = p.tus.get(f.tu).map(|t| t.file.clone()).unwrap_or_default();
            let mut name = format!("{}_{}", f.c_name, stem(&file));
            let mut k = 2;
            while taken.contains(&name) {
                name = format!("{}_{}_{k}", f.c_name, stem(&file));
                k += 1;
            }
            taken.insert(name.clone());
            p.funcs[i].name = name;
        }
    }
    let mut gtaken: HashSet<String> = p.globals.iter().map(|g| g.name.clone()).collect();
    for i in 0..p.globals.len() {
        let g = &p.globals[i];
        if g.is_static && g.defined && gcount.get(&g.c_name).copied().unwrap_or(0) > 1 {
            let file = p.tus.get(g.tu).map(|t| t.file.clone()).unwrap_or_default();
            let mut name = format!("{}_{}", g.c_name, stem(&file));
            let mut k = 2;
            while gtaken.contains(&name) {
                name = format!("{}_{}_{k}", g.c_name, stem(&file));
                k += 1;
            }
            gtaken.insert(name.clone());
            p.globals[i].name = name;
        }
    }
}

/// Gives every defined global an id, then evaluates the initialisers.
fn define_globals(p: &mut Program) {
    let mut ids = Vec::new();
    for k in 0..p.globals.len() {
        let g = &p.globals[k];
        if !g.defined || g.error.is_some() {
            continue;
        }
        let g = g.clone();
        let check = {
            let cx = Cx::new(p, g.tu);
            if g.init.is_none() {
                cx.check_complete(&g.ty, lang_c::span::Span::none())
            } else {
                Ok(())
            }
        };
        if let Err(d) = check {
            let d = Diagnostic {
                span: g.span.clone(),
                ..d
            };
            p.globals[k].error = Some(d.clone());
            p.diags.push(d);
            continue;
        }
        let id = p.module.globals.push(GlobalData {
            name: g.name.clone(),
            ty: g.ty.ir(),
            init: Init::Zero,
            is_const: g.is_const,
            span: g.span.clone(),
        });
        p.globals[k].id = Some(id);
        ids.push(k);
    }
    for k in ids {
        let g = p.globals[k].clone();
        let Some(init) = &g.init else { continue };
        let Some(id) = g.id else { continue };
        let r = {
            let mut cx = Cx::new(p, g.tu);
            cx.f.span = g.span.clone();
            cx.static_init(&g.ty, init)
        };
        match r {
            Ok((ty, v)) => {
                p.module.globals[id].ty = ty.ir();
                p.module.globals[id].init = v;
                p.globals[k].ty = ty;
            }
            Err(d) => {
                p.globals[k].error = Some(d.clone());
                p.diags.push(d);
            }
        }
    }
}

impl Cx<'_> {
    /// A file-scope declaration.
    fn file_decl(&mut self, d: &Node<Declaration>) {
        let is_typedef = d.node.specifiers.iter().any(|s| {
            matches!(&s.node, DeclarationSpecifier::StorageClass(c) if c.node == StorageClassSpecifier::Typedef)
        });
        let is_extern = d.node.specifiers.iter().any(|s| {
            matches!(&s.node, DeclarationSpecifier::StorageClass(c) if c.node == StorageClassSpecifier::Extern)
        });
        let hint = if is_typedef {
            d.node
                .declarators
                .first()
                .and_then(|i| declarator_name(&i.node.declarator.node))
        } else {
            None
        };
        let spec = match self.decl_spec(&d.node.specifiers, hint.as_deref(), d.span) {
            Ok(s) => s,
            Err(diag) => {
                let mut reported = false;
                for i in &d.node.declarators {
                    let dn = &i.node.declarator.node;
                    if let Some(n) = declarator_name(dn) {
                        self.declare(&n, Sym::Bad(Box::new(diag.clone())));
                    }
                    if !is_typedef && !is_extern && !declares_function(dn) && !reported {
                        self.p.diags.push(diag.clone());
                        reported = true;
                    }
                }
                return;
            }
        };
        for idecl in &d.node.declarators {
            let dn = &idecl.node.declarator;
            let dd = match self.declarator(spec.ty.clone(), spec.is_const, dn) {
                Ok(x) => x,
                Err(diag) => {
                    if let Some(n) = declarator_name(&dn.node) {
                        self.declare(&n, Sym::Bad(Box::new(diag.clone())));
                    }
                    if !is_typedef && !is_extern && !declares_function(&dn.node) {
                        self.p.diags.push(diag);
                    }
                    continue;
                }
            };
            let Some((name, name_span)) = dd.name.clone() else {
                continue;
            };
            if is_typedef {
                let unknown = self.p.tus[self.tu]
                    .unknown_types
                    .iter()
                    .find(|(n, _)| *n == name);
                match unknown {
                    Some((_, d)) => {
                        let d = d.clone();
                        self.declare(&name, Sym::Bad(Box::new(d)))
                    }
                    None => self.declare(&name, Sym::Typedef(dd.ty.clone())),
                }
                continue;
            }
            if let CType::Func(fty) = &dd.ty {
                let is_static = spec.storage == Some(StorageClassSpecifier::Static);
                self.declare_func(
                    &name,
                    (**fty).clone(),
                    is_static,
                    spec.noreturn || dd.noreturn,
                );
                continue;
            }
            let sp = self.span(name_span);
            let existing = match self.p.tus[self.tu].scope.get(&name) {
                Some(Sym::Global(k)) => Some(*k),
                _ => None,
            };
            let is_static = spec.storage == Some(StorageClassSpecifier::Static)
                || existing.is_some_and(|k| self.p.globals[k].is_static);
            let init = idecl.node.initializer.as_ref();
            let extern_only = spec.storage == Some(StorageClassSpecifier::Extern) && init.is_none();
            let mut ty = dd.ty.clone();
            if let (CType::Array(_, None), Some(i)) = (&ty, init) {
                if let Ok((t, _)) = self.flatten(&dd.ty, i) {
                    ty = t;
                }
            }
            let key = match (is_static, existing) {
                (true, Some(k)) => k,
                (false, _) if self.p.ext_globals.contains_key(&name) => self.p.ext_globals[&name],
                _ => {
                    let k = self.p.globals.len();
                    self.p.globals.push(GlobalDecl {
                        name: name.clone(),
                        c_name: name.clone(),
                        ty: ty.clone(),
                        is_const: dd.is_const,
                        span: sp.clone(),
                        tu: self.tu,
                        init: None,
                        defined: false,
                        is_static,
                        id: None,
                        error: None,
                    });
                    if !is_static {
                        self.p.ext_globals.insert(name.clone(), k);
                    }
                    k
                }
            };
            let g = &mut self.p.globals[key];
            if matches!(g.ty, CType::Array(_, None)) {
                g.ty = ty.clone();
            }
            if !extern_only {
                if !g.defined {
                    g.span = sp.clone();
                    g.tu = self.tu;
                    g.is_const = dd.is_const;
                    g.ty = ty.clone();
                }
                g.defined = true;
                if let Some(i) = init {
                    if g.init.is_some() {
                        let diag =
                            self.err("C0003", format!("redefinition of `{name}`"), name_span);
                        self.p.diags.push(diag);
                        continue;
                    }
                    let g = &mut self.p.globals[key];
                    g.init = Some(i.clone());
                    g.tu = self.tu;
                    g.span = sp;
                }
            }
            self.declare(&name, Sym::Global(key));
        }
    }

    /// A file-scope function definition: registers it (its body is lowered later).
    fn file_func_def(
        &mut self,
        item: usize,
        fd: &Node<FunctionDefinition>,
        infos: &mut Vec<FuncInfo>,
        def_info: &mut Vec<usize>,
    ) {
        let name = declarator_name(&fd.node.declarator.node).unwrap_or_default();
        let name_span = declarator_ident_span(&fd.node.declarator.node).unwrap_or(fd.span);
        let span = self.span(name_span);
        let resolved = self
            .decl_spec(&fd.node.specifiers, None, fd.span)
            .and_then(|spec| {
                let dd = self.declarator(spec.ty.clone(), spec.is_const, &fd.node.declarator)?;
                Ok((spec, dd))
            });
        let fail = |cx: &mut Self, infos: &mut Vec<FuncInfo>, diag: Diagnostic| {
            infos.push(FuncInfo {
                name: name.clone(),
                span: span.clone(),
                status: FuncStatus::Failed {
                    reason: format!("{} at {}", diag.message, diag.span),
                },
            });
            cx.p.diags.push(diag);
        };
        let (spec, dd) = match resolved {
            Ok(x) => x,
            Err(diag) => return fail(self, infos, diag),
        };
        let CType::Func(fty) = &dd.ty else {
            let diag = self.err(
                "C0003",
                "function definition without a function type",
                fd.span,
            );
            return fail(self, infos, diag);
        };
        let is_static = spec.storage == Some(StorageClassSpecifier::Static)
            || matches!(self.lookup(&name), Some(Sym::Func(f)) if f.is_static);
        let noreturn = spec.noreturn || dd.noreturn;
        let dup = if is_static {
            self.p.tus[self.tu].static_funcs.contains_key(&name)
        } else {
            self.p.ext_funcs.contains_key(&name)
        };
        if dup {
            // The same definition seen again (a header included by several units), or an
            // `inline` definition: C requires them to be equivalent, the first one is kept.
            let first = if is_static {
                self.p.tus[self.tu].static_funcs.get(&name)
            } else {
                self.p.ext_funcs.get(&name)
            };
            let same_place = first.is_some_and(|&i| self.p.funcs[i].span == span);
            if same_place || spec.inline {
                self.declare_func(&name, (**fty).clone(), is_static, noreturn);
                return;
            }
            let diag = self.err(
                "C0003",
                format!("redefinition of function `{name}`"),
                name_span,
            );
            return fail(self, infos, diag);
        }
        self.declare_func(&name, (**fty).clone(), is_static, noreturn);
        let idx = self.p.funcs.len();
        self.p.funcs.push(FuncDef {
            c_name: name.clone(),
            name: name.clone(),
            tu: self.tu,
            item,
            is_static,
            span: span.clone(),
            ty: (**fty).clone(),
            noreturn,
        });
        if is_static {
            self.p.tus[self.tu].static_funcs.insert(name.clone(), idx);
        } else {
            self.p.ext_funcs.insert(name.clone(), idx);
        }
        def_info.push(infos.len());
        infos.push(FuncInfo {
            name,
            span,
            status: FuncStatus::Failed {
                reason: "not lowered".to_string(),
            },
        });
    }
}

/// The span of the identifier a declarator declares.
fn declarator_ident_span(d: &Declarator) -> Option<lang_c::span::Span> {
    let mut cur = d;
    loop {
        match &cur.kind.node {
            DeclaratorKind::Identifier(id) => return Some(id.span),
            DeclaratorKind::Abstract => return None,
            DeclaratorKind::Declarator(inner) => cur = &inner.node,
        }
    }
}

/// Creates the unit table entry for a parsed file.
pub fn new_tu(p: crate::source::ParsedUnit) -> (Tu, TranslationUnit) {
    let tu = Tu {
        file: p.file,
        map: p.map,
        scope: HashMap::new(),
        tags: HashMap::new(),
        static_funcs: HashMap::new(),
        unknown_types: p.unknown_types,
    };
    (tu, p.unit)
}
