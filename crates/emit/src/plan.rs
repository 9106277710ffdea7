//! Module-wide decisions made before any function is emitted: Rust names of structs, fields,
//! functions and globals; how each pointer parameter is passed (reference or slice, shared
//! or mutable: a fixpoint over the call graph); which `char *` slots only ever hold static
//! strings (`&'static [u8]`); how each global is stored (plain `const`/`static`, `Cell`,
//! `RefCell`); and which globals each function touches, directly or through calls.
//!
//! Invariants: every analysis is monotone and iterated to a fixpoint with plain loops (no
//! recursion over the call graph or CFGs); all maps are indexed by entity ids, so results are
//! deterministic.

use crate::externs::{self, ArgKind};
use crate::index::{FuncIndex, Role, Site};
use crate::names::{self, Namer};
use std::collections::{BTreeMap, BTreeSet};
use xl_ir::{
    Callee, Func, FuncId, GlobalId, Init, Module, Op, Place, PlaceBase, Proj, StructId, Type,
    Value, ValueDef, Var, VarKind,
};

/// How a data pointer is passed: `&T`, `&mut T`, `&[T]` or `&mut [T]`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PtrClass {
    /// Indexed (`p[i]`, `p + k`): a slice.
    pub slice: bool,
    /// Written through: `&mut`.
    pub mutable: bool,
}

impl PtrClass {
    /// Least upper bound.
    pub fn join(self, o: PtrClass) -> PtrClass {
        PtrClass {
            slice: self.slice || o.slice,
            mutable: self.mutable || o.mutable,
        }
    }
}

/// A place that can hold a `char *`, for the static-string analysis.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Slot {
    /// A local variable (or its array elements).
    Var(FuncId, Var),
    /// A global (or its array elements).
    Global(GlobalId),
    /// A struct field (or its array elements), in every struct value.
    Field(StructId, u32),
    /// The result of a function.
    Ret(FuncId),
}

/// How a global is stored in the emitted crate.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GlobalKind {
    /// A scalar never written: `const NAME: T = ..;`.
    Const,
    /// An aggregate never written: `static NAME: T = ..;`.
    Static,
    /// A written scalar whose address is never taken: `thread_local!` `Cell`.
    Cell,
    /// Anything else written: `thread_local!` `RefCell`.
    RefCell,
    /// `stdout`/`stderr`: not emitted, mapped to `rt::Stream`.
    Stream,
}

/// The plan for one global.
#[derive(Clone, Debug)]
pub struct GlobalPlan {
    /// Rust name.
    pub name: String,
    /// Storage.
    pub kind: GlobalKind,
    /// A scalar `char` whose address is taken: stored as `u8`.
    pub byte_scalar: bool,
    /// Why the global has no Rust form (functions using it are not translated).
    pub bad: Option<String>,
}

/// Everything decided for the whole module.
#[derive(Clone, Debug)]
pub struct ModulePlan {
    /// Rust names of structs, by index.
    pub struct_names: Vec<String>,
    /// Rust names of fields, by struct index.
    pub field_names: Vec<Vec<String>>,
    /// Rust names of functions, by index (C `main` is renamed; Rust `main` wraps it).
    pub func_names: Vec<String>,
    /// Globals, by index.
    pub globals: Vec<GlobalPlan>,
    /// Pointer parameter classes: `params[f][i]` for parameter `i` of function `f`
    /// (default for non-pointer parameters).
    pub params: Vec<Vec<PtrClass>>,
    /// `char *` slots that only ever hold static strings (or null).
    pub static_slots: BTreeSet<Slot>,
    /// Globals each function touches, directly or through calls.
    pub touched: Vec<BTreeSet<GlobalId>>,
    /// Per-function indexes.
    pub index: Vec<FuncIndex>,
    /// The C `main`, if defined.
    pub main: Option<FuncId>,
    /// Names taken at module level (functions, globals); locals avoid them.
    pub module_namer: Namer,
    /// Structs that have no Rust form, with the reason (set by the emitter).
    pub bad_structs: BTreeMap<StructId, String>,
    /// Functions whose signature has no Rust form, with the reason (set by the emitter).
    pub bad_sigs: BTreeMap<FuncId, String>,
    /// Rust names of the stubs for [`Module::decls`] (functions whose body was not lowered),
    /// by IR name. The emitter removes those whose signature has no Rust form, moving them to
    /// `bad_decls`.
    pub decl_names: BTreeMap<String, String>,
    /// Declarations whose signature has no Rust form, with the reason (set by the emitter):
    /// calls to them are not translated.
    pub bad_decls: BTreeMap<String, String>,
    /// Pointer parameter classes of function pointer types, unified over every function
    /// whose address is taken with that signature.
    pub fn_sig_classes: BTreeMap<xl_ir::FnSig, Vec<PtrClass>>,
    /// Pointer variables and function results that own heap arrays (`Vec<T>`).
    pub owners: crate::heap::Owners,
}

/// The type of a place after its projections, if well typed.
pub fn place_type(module: &Module, func: &Func, place: &Place) -> Option<Type> {
    place_types(module, func, place).last().cloned()
}

/// Types of the place root and after each projection (`len == proj.len() + 1`), cut short
/// where the place is ill typed.
pub fn place_types(module: &Module, func: &Func, place: &Place) -> Vec<Type> {
    let mut out = Vec::new();
    let mut ty = match &place.base {
        PlaceBase::Var(v) => func.vars[*v].ty.clone(),
        PlaceBase::Global(g) => module.globals[*g].ty.clone(),
        PlaceBase::Deref(p) => match func.values[*p].ty.pointee() {
            Some(t) => t.clone(),
            None => return out,
        },
    };
    out.push(ty.clone());
    for (i, p) in place.proj.iter().enumerate() {
        ty = match (p, &ty) {
            (Proj::Index(_), _) if i == 0 && matches!(place.base, PlaceBase::Deref(_)) => {
                ty.clone()
            }
            (Proj::Index(_), Type::Array(e, _)) => (**e).clone(),
            (Proj::Field(k), Type::Struct(s)) => match module.structs[*s].fields.get(*k as usize) {
                Some(f) => f.ty.clone(),
                None => return out,
            },
            _ => return out,
        };
        out.push(ty.clone());
    }
    out
}

/// The `char *` slot a place denotes, when the place's type is a (possibly array of)
/// pointer and the place is a variable, global or struct field (with indexes).
pub fn place_slot(module: &Module, fid: FuncId, func: &Func, place: &Place) -> Option<Slot> {
    let types = place_types(module, func, place);
    if types.len() != place.proj.len() + 1 {
        return None;
    }
    // The last field projection, followed only by indexes.
    let mut slot = match place.base {
        PlaceBase::Var(v) => Some(Slot::Var(fid, v)),
        PlaceBase::Global(g) => Some(Slot::Global(g)),
        PlaceBase::Deref(_) => None,
    };
    for (i, p) in place.proj.iter().enumerate() {
        match p {
            Proj::Field(k) => {
                if let Type::Struct(s) = types[i] {
                    slot = Some(Slot::Field(s, *k));
                }
            }
            Proj::Index(_) => {}
        }
    }
    slot
}

/// True for `ptr<i8>` or `ptr<u8>` and arrays of them: the types a static-string slot has.
pub fn is_str_ptr_type(ty: &Type) -> bool {
    match ty {
        Type::Ptr(t) => matches!(**t, Type::Int(i) if i.bits == 8),
        Type::Array(e, _) => is_str_ptr_type(e),
        _ => false,
    }
}

/// True for a pointer to a function (or arrays of them).
pub fn is_fn_ptr_type(ty: &Type) -> bool {
    match ty {
        Type::Ptr(t) => matches!(**t, Type::Fn(_)),
        Type::Array(e, _) => is_fn_ptr_type(e),
        _ => false,
    }
}

/// True for a data pointer parameter type (a pointer not to a function).
pub fn is_data_ptr(ty: &Type) -> bool {
    matches!(ty, Type::Ptr(t) if !matches!(**t, Type::Fn(_)))
}

const RESERVED_ITEMS: &[&str] = &[
    "main", "rt", "std", "core", "alloc", "Cell", "RefCell", "Default", "Some", "None", "Ok", "Err",
];

impl ModulePlan {
    /// Plans `module`.
    pub fn compute(module: &Module) -> ModulePlan {
        let index: Vec<FuncIndex> = module.funcs.values().map(FuncIndex::compute).collect();
        let mut types = Namer::with_reserved(RESERVED_ITEMS.iter().copied());
        let struct_names: Vec<String> = module
            .structs
            .values()
            .map(|s| types.fresh(&names::camel(&s.name)))
            .collect();
        let field_names = module
            .structs
            .values()
            .map(|s| {
                let mut n = Namer::default();
                s.fields.iter().map(|f| n.fresh(&f.name)).collect()
            })
            .collect();
        let mut items = Namer::with_reserved(RESERVED_ITEMS.iter().copied());
        let func_names: Vec<String> = module
            .funcs
            .values()
            .map(|f| {
                if f.name == "main" {
                    items.fresh("c_main")
                } else {
                    items.fresh(&f.name)
                }
            })
            .collect();
        let decl_names: BTreeMap<String, String> = module
            .decls
            .iter()
            .map(|d| (d.name.clone(), items.fresh(&d.name)))
            .collect();
        let main = module.func_by_name("main");
        let mut plan = ModulePlan {
            struct_names,
            field_names,
            func_names,
            globals: Vec::new(),
            params: module
                .funcs
                .values()
                .map(|f| vec![PtrClass::default(); f.params.len()])
                .collect(),
            static_slots: BTreeSet::new(),
            touched: vec![BTreeSet::new(); module.funcs.len()],
            index,
            main,
            module_namer: Namer::default(),
            bad_structs: BTreeMap::new(),
            bad_sigs: BTreeMap::new(),
            decl_names,
            bad_decls: BTreeMap::new(),
            fn_sig_classes: BTreeMap::new(),
            owners: crate::heap::infer_owners(module),
        };
        plan.infer_param_classes(module);
        plan.unify_fn_ptr_classes(module);
        plan.infer_static_slots(module);
        plan.classify_globals(module, &mut items);
        plan.infer_touched(module);
        plan.module_namer = items;
        plan
    }

    /// True when pointer parameter `q` of `fid` is a Rust slice (`&[T]`, `&mut [T]`, or a
    /// `&'static [u8]` string), so it can be indexed and walked.
    pub fn param_indexable(&self, module: &Module, fid: FuncId, q: Var) -> bool {
        let func = &module.funcs[fid];
        let Some(i) = func.params.iter().position(|x| *x == q) else {
            return false;
        };
        self.param_class(fid, i).slice
            || (is_str_ptr_type(&func.vars[q].ty) && self.static_slots.contains(&Slot::Var(fid, q)))
    }

    /// What a use of pointer value `v` requires of it (transitively through `Addr(*v..)` and
    /// `v + k`), given the current parameter classes.
    pub fn requirement(&self, module: &Module, fid: FuncId, v: Value) -> PtrClass {
        let func = &module.funcs[fid];
        let idx = &self.index[fid.as_u32() as usize];
        let mut req = PtrClass::default();
        // Worklist of (pointer value, whether slice-ness of it propagates to `v`).
        let mut work = vec![(v, true)];
        let mut seen = BTreeSet::new();
        while let Some((p, passes)) = work.pop() {
            if !seen.insert(p) {
                continue;
            }
            for u in &idx.uses[p] {
                let inst = match u.site {
                    Site::Inst(inst) => inst,
                    Site::Term(b) => {
                        // Passed to a block parameter: the parameter's uses count too.
                        let calls = func.blocks[b].term.block_calls();
                        for c in calls {
                            for (k, a) in c.args.iter().enumerate() {
                                if *a == p {
                                    if let Some(&bp) = func.blocks[c.block].params.get(k) {
                                        work.push((bp, passes));
                                    }
                                }
                            }
                        }
                        continue;
                    }
                };
                let op = &func.insts[inst].op;
                match (u.role, op) {
                    (Role::PlaceBase, Op::Load(pl) | Op::Store(pl, _) | Op::Addr(pl)) => {
                        let indexed = matches!(pl.proj.first(), Some(Proj::Index(_)));
                        if indexed && passes {
                            req.slice = true;
                        }
                        match op {
                            Op::Store(..) => req.mutable = true,
                            Op::Addr(_) => {
                                if let Some(r) = func.insts[inst].result {
                                    work.push((r, passes && pl.proj.is_empty()));
                                }
                            }
                            _ => {}
                        }
                    }
                    (
                        Role::Operand,
                        Op::Cast {
                            kind: xl_ir::CastKind::PtrCast,
                            ..
                        },
                    ) => {
                        // `(void *)p` handed to `memcpy`/`memset`: its uses count.
                        if let Some(r) = func.insts[inst].result {
                            work.push((r, passes));
                        }
                    }
                    (Role::PtrAddBase, _) => {
                        if passes {
                            req.slice = true;
                        }
                        if let Some(r) = func.insts[inst].result {
                            work.push((r, false));
                        }
                    }
                    (Role::StoredValue, Op::Store(pl, _)) => {
                        // Into a local pointer variable: its loads are uses too.
                        if let (PlaceBase::Var(x), true) = (&pl.base, pl.proj.is_empty()) {
                            let d = &func.vars[*x];
                            if d.kind == VarKind::Local && is_data_ptr(&d.ty) {
                                for r in loads_of_ptr_var(func, *x) {
                                    work.push((r, passes));
                                }
                            }
                        }
                    }
                    (Role::CallArg(i), Op::Call { callee, args }) => {
                        let c = self.callee_param_class(module, func, callee, args, i);
                        req.mutable |= c.mutable;
                        if passes {
                            req.slice |= c.slice;
                        }
                    }
                    _ => {}
                }
            }
        }
        req
    }

    /// The class a callee wants for its argument `i`.
    pub fn callee_param_class(
        &self,
        module: &Module,
        func: &Func,
        callee: &Callee,
        args: &[Value],
        i: usize,
    ) -> PtrClass {
        let _ = args;
        match callee {
            Callee::Func(g) => self.params[g.as_u32() as usize]
                .get(i)
                .copied()
                .unwrap_or_default(),
            Callee::Extern(name) => {
                if module.decl_by_name(name).is_some() {
                    // The stub of a function that was not lowered: `&T` parameters.
                    return PtrClass::default();
                }
                if let Some(k) = externs::printf_kind(name) {
                    let buf = matches!(
                        k,
                        externs::PrintfKind::Sprintf | externs::PrintfKind::Snprintf
                    );
                    return PtrClass {
                        slice: true,
                        mutable: buf && i == 0,
                    };
                }
                if let Some(m) = externs::mem_kind(name) {
                    return PtrClass {
                        slice: true,
                        mutable: i == 0 && m != externs::MemKind::Cmp,
                    };
                }
                match externs::lookup(name).and_then(|e| e.params.get(i)) {
                    Some(ArgKind::Str) => PtrClass {
                        slice: true,
                        mutable: false,
                    },
                    Some(ArgKind::StrMut) => PtrClass {
                        slice: true,
                        mutable: true,
                    },
                    _ => PtrClass::default(),
                }
            }
            Callee::Indirect(fv) => match func.values[*fv].ty.pointee() {
                Some(Type::Fn(sig)) => self.fn_sig_class(sig, i),
                _ => PtrClass::default(),
            },
        }
    }

    fn infer_param_classes(&mut self, module: &Module) {
        loop {
            let mut changed = false;
            for (fid, func) in module.funcs.iter() {
                let fi = fid.as_u32() as usize;
                for (pi, &pv) in func.params.iter().enumerate() {
                    if !is_data_ptr(&func.vars[pv].ty) {
                        continue;
                    }
                    let mut class = self.params[fi][pi];
                    for inst in func.insts.values() {
                        if let (Op::Load(pl), Some(r)) = (&inst.op, inst.result) {
                            if pl.base == PlaceBase::Var(pv) && pl.proj.is_empty() {
                                class = class.join(self.requirement(module, fid, r));
                            }
                        }
                    }
                    if class != self.params[fi][pi] {
                        self.params[fi][pi] = class;
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// True when value `v` of function `fid` is a static string under the current slots.
    pub fn is_static_value(&self, module: &Module, fid: FuncId, v: Value) -> bool {
        let func = &module.funcs[fid];
        // Worklist over values that must all be static (select arms, block arguments).
        let mut work = vec![v];
        let mut seen = BTreeSet::new();
        while let Some(v) = work.pop() {
            if !seen.insert(v) {
                continue;
            }
            match func.values[v].def {
                ValueDef::Inst(i) => match &func.insts[i].op {
                    Op::Str(_) | Op::Null => {}
                    Op::Load(pl) => match place_slot(module, fid, func, pl) {
                        Some(s) if self.static_slots.contains(&s) => {}
                        None if self.is_param_pointee_str(module, fid, pl) => {}
                        _ => return false,
                    },
                    Op::Cast {
                        kind: xl_ir::CastKind::PtrCast,
                        arg,
                    } if is_str_ptr_type(&func.values[*arg].ty) => {
                        work.push(*arg);
                    }
                    Op::Call {
                        callee: Callee::Func(g),
                        ..
                    } => {
                        if !self.static_slots.contains(&Slot::Ret(*g)) {
                            return false;
                        }
                    }
                    Op::Select {
                        if_true, if_false, ..
                    } => {
                        work.push(*if_true);
                        work.push(*if_false);
                    }
                    Op::PtrAdd { ptr, .. } => work.push(*ptr),
                    _ => return false,
                },
                ValueDef::Param(b, n) => {
                    for data in func.blocks.values() {
                        let calls = data.term.block_calls();
                        for c in calls {
                            if c.block == b {
                                match c.args.get(n as usize) {
                                    Some(a) => work.push(*a),
                                    None => return false,
                                }
                            }
                        }
                    }
                }
            }
        }
        true
    }

    fn infer_static_slots(&mut self, module: &Module) {
        // Optimistic start: every char-pointer slot.
        for (fid, func) in module.funcs.iter() {
            for (v, data) in func.vars.iter() {
                if data.kind == VarKind::Local && is_str_ptr_type(&data.ty) {
                    self.static_slots.insert(Slot::Var(fid, v));
                }
            }
            // `char *` parameters every caller passes a string literal to (read-only, not
            // called through a function pointer).
            for (i, &p) in func.params.iter().enumerate() {
                if matches!(&func.vars[p].ty, Type::Ptr(t) if matches!(**t, Type::Int(it) if it.bits == 8))
                    && !self.param_class(fid, i).mutable
                    && !self.fn_sig_classes.contains_key(&func.signature())
                {
                    self.static_slots.insert(Slot::Var(fid, p));
                }
            }
            if is_str_ptr_type(&func.ret) {
                self.static_slots.insert(Slot::Ret(fid));
            }
        }
        for (g, data) in module.globals.iter() {
            if is_str_ptr_type(&data.ty) && static_init(&data.init) {
                self.static_slots.insert(Slot::Global(g));
            }
        }
        for (s, data) in module.structs.iter() {
            for (k, f) in data.fields.iter().enumerate() {
                if is_str_ptr_type(&f.ty) {
                    self.static_slots.insert(Slot::Field(s, k as u32));
                }
            }
        }
        // Struct globals must initialise static fields with static values.
        loop {
            let mut remove = BTreeSet::new();
            for (g, data) in module.globals.iter() {
                check_init_fields(
                    module,
                    &data.ty,
                    &data.init,
                    &self.static_slots,
                    &mut remove,
                );
                let _ = g;
            }
            for (fid, func) in module.funcs.iter() {
                for inst in func.insts.values() {
                    match &inst.op {
                        Op::Store(pl, v) => {
                            if let Some(s) = place_slot(module, fid, func, pl) {
                                if self.static_slots.contains(&s)
                                    && !self.is_static_value(module, fid, *v)
                                {
                                    remove.insert(s);
                                }
                            }
                        }
                        Op::Addr(pl) => {
                            // A pointer to a char-pointer slot could write anything into it
                            // (a read-only one, e.g. an array of strings passed to a
                            // `const char *const[]` parameter, is fine).
                            let ty = place_type(module, func, pl);
                            let writable = inst
                                .result
                                .is_none_or(|r| self.requirement(module, fid, r).mutable);
                            if ty.as_ref().is_some_and(is_str_ptr_type) && writable {
                                if let Some(s) = place_slot(module, fid, func, pl) {
                                    remove.insert(s);
                                }
                            }
                        }
                        Op::Call {
                            callee: Callee::Func(g),
                            args,
                        } => {
                            let gf = &module.funcs[*g];
                            for (i, a) in args.iter().enumerate() {
                                if let Some(&pv) = gf.params.get(i) {
                                    let slot = Slot::Var(*g, pv);
                                    if self.static_slots.contains(&slot)
                                        && !self.is_static_value(module, fid, *a)
                                    {
                                        remove.insert(slot);
                                    }
                                }
                            }
                        }
                        _ => {}
                    }
                }
                for data in func.blocks.values() {
                    if let xl_ir::Terminator::Return(Some(v)) = data.term {
                        if self.static_slots.contains(&Slot::Ret(fid))
                            && !self.is_static_value(module, fid, v)
                        {
                            remove.insert(Slot::Ret(fid));
                        }
                    }
                }
            }
            let before = self.static_slots.len();
            for s in remove {
                self.static_slots.remove(&s);
            }
            if self.static_slots.len() == before {
                break;
            }
        }
    }

    fn classify_globals(&mut self, module: &Module, items: &mut Namer) {
        let n = module.globals.len();
        let mut written = vec![false; n];
        let mut addr = vec![false; n];
        for (fid, func) in module.funcs.iter() {
            for inst in func.insts.values() {
                match &inst.op {
                    Op::Store(pl, _) => {
                        if let PlaceBase::Global(g) = pl.base {
                            written[g.as_u32() as usize] = true;
                        }
                    }
                    Op::Addr(pl) => {
                        if let PlaceBase::Global(g) = pl.base {
                            let gi = g.as_u32() as usize;
                            addr[gi] = true;
                            let m = inst
                                .result
                                .map(|r| self.requirement(module, fid, r).mutable)
                                .unwrap_or(true);
                            written[gi] |= m;
                        }
                    }
                    _ => {}
                }
            }
        }
        for (g, data) in module.globals.iter() {
            let gi = g.as_u32() as usize;
            let scalar = data.ty.is_scalar();
            let kind = if externs::stream_of_global(&data.name).is_some()
                && matches!(data.ty, Type::Ptr(_))
            {
                GlobalKind::Stream
            } else if !written[gi] {
                if scalar && !addr[gi] {
                    GlobalKind::Const
                } else {
                    GlobalKind::Static
                }
            } else if scalar && !addr[gi] {
                GlobalKind::Cell
            } else {
                GlobalKind::RefCell
            };
            let byte_scalar =
                addr[gi] && matches!(data.ty, Type::Int(i) if i.bits == 8 && i.signed);
            let name = if kind == GlobalKind::Stream {
                data.name.clone()
            } else {
                items.fresh(&names::upper(&data.name))
            };
            self.globals.push(GlobalPlan {
                name,
                kind,
                byte_scalar,
                bad: None,
            });
        }
    }

    fn infer_touched(&mut self, module: &Module) {
        let mut calls: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); module.funcs.len()];
        let mut indirect = vec![false; module.funcs.len()];
        let mut addr_taken = BTreeSet::new();
        for (fid, func) in module.funcs.iter() {
            let fi = fid.as_u32() as usize;
            for inst in func.insts.values() {
                let mut places: Vec<&Place> = Vec::new();
                match &inst.op {
                    Op::Load(p) | Op::Addr(p) | Op::Store(p, _) => places.push(p),
                    Op::Call {
                        callee: Callee::Func(g),
                        ..
                    } => {
                        calls[fi].insert(g.as_u32() as usize);
                    }
                    Op::Call {
                        callee: Callee::Indirect(_),
                        ..
                    } => indirect[fi] = true,
                    Op::FuncAddr(g) => {
                        addr_taken.insert(g.as_u32() as usize);
                    }
                    _ => {}
                }
                for p in places {
                    if let PlaceBase::Global(g) = p.base {
                        self.touched[fi].insert(g);
                    }
                }
            }
        }
        for (gi, data) in module.globals.iter() {
            let _ = gi;
            collect_init_funcs(&data.init, &mut addr_taken);
        }
        for (fi, ind) in indirect.iter().enumerate() {
            if *ind {
                calls[fi].extend(addr_taken.iter().copied());
            }
        }
        loop {
            let mut changed = false;
            for (fi, callees) in calls.iter().enumerate() {
                let mut acc = self.touched[fi].clone();
                for &c in callees {
                    acc.extend(self.touched[c].iter().copied());
                }
                if acc.len() != self.touched[fi].len() {
                    self.touched[fi] = acc;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
    }

    /// The class of parameter `i` of `f`.
    pub fn param_class(&self, f: FuncId, i: usize) -> PtrClass {
        self.params[f.as_u32() as usize][i]
    }
    /// The plan of global `g`.
    pub fn global(&self, g: GlobalId) -> &GlobalPlan {
        &self.globals[g.as_u32() as usize]
    }
    /// The Rust name of function `f`.
    pub fn func_name(&self, f: FuncId) -> &str {
        &self.func_names[f.as_u32() as usize]
    }
    /// The index of function `f`.
    pub fn func_index(&self, f: FuncId) -> &FuncIndex {
        &self.index[f.as_u32() as usize]
    }
}

fn static_init(init: &Init) -> bool {
    match init {
        Init::Zero | Init::Str(_) | Init::Null => true,
        Init::Aggregate(items) => items.iter().all(static_init),
        _ => false,
    }
}

/// Removes from `slots` the struct-field slots whose initialisers in `init` are not static.
fn check_init_fields(
    module: &Module,
    ty: &Type,
    init: &Init,
    slots: &BTreeSet<Slot>,
    remove: &mut BTreeSet<Slot>,
) {
    let mut work = vec![(ty, init)];
    while let Some((ty, init)) = work.pop() {
        let Init::Aggregate(items) = init else {
            continue;
        };
        match ty {
            Type::Array(e, _) => items.iter().for_each(|i| work.push((e, i))),
            Type::Struct(s) => {
                for (k, (f, i)) in module.structs[*s].fields.iter().zip(items).enumerate() {
                    let slot = Slot::Field(*s, k as u32);
                    if slots.contains(&slot) && !static_init(i) {
                        remove.insert(slot);
                    }
                    work.push((&f.ty, i));
                }
            }
            _ => {}
        }
    }
}

fn collect_init_funcs(init: &Init, out: &mut BTreeSet<usize>) {
    let mut work = vec![init];
    while let Some(i) = work.pop() {
        match i {
            Init::Func(f) => {
                out.insert(f.as_u32() as usize);
            }
            Init::Aggregate(items) => work.extend(items.iter()),
            _ => {}
        }
    }
}

/// The parameter a pointer value derives from (`p`, `&p[i]`, `&p->f`, `p + k`), if any.
pub fn derived_param(func: &Func, v: Value) -> Option<Var> {
    let mut cur = v;
    loop {
        let ValueDef::Inst(i) = func.values[cur].def else {
            return None;
        };
        match &func.insts[i].op {
            Op::Load(pl) if pl.proj.is_empty() => match pl.base {
                PlaceBase::Var(x) if func.vars[x].kind == VarKind::Param => return Some(x),
                _ => return None,
            },
            Op::Addr(pl) => match pl.base {
                PlaceBase::Deref(p) => cur = p,
                _ => return None,
            },
            Op::PtrAdd { ptr, .. } => cur = *ptr,
            _ => return None,
        }
    }
}

impl ModulePlan {
    /// True when, in function `f`, nothing is read through parameter `read` after something
    /// may have been written through parameter `write`. Then a caller passing the same object
    /// for both may pass a copy as `read` with the same effect.
    pub fn reads_before_writes(
        &self,
        module: &Module,
        f: FuncId,
        read: usize,
        write: usize,
    ) -> bool {
        let func = &module.funcs[f];
        let (Some(&rp), Some(&wp)) = (func.params.get(read), func.params.get(write)) else {
            return false;
        };
        let cfg = xl_ir::cfg::Cfg::compute(func);
        let rpo = cfg.reverse_post_order(func);
        let mut out: xl_base::SecondaryMap<xl_ir::Block, bool> = xl_base::SecondaryMap::new();
        // Forward "may have written" to a fixpoint; reads after a possible write fail.
        for _ in 0..rpo.len() + 2 {
            let mut changed = false;
            for &b in &rpo {
                let mut written = cfg.preds[b].iter().any(|p| out[*p]);
                for &inst in &func.blocks[b].insts {
                    let op = &func.insts[inst].op;
                    let (mut reads, mut writes) = (false, false);
                    match op {
                        Op::Load(pl) => {
                            if let PlaceBase::Deref(p) = pl.base {
                                reads |= derived_param(func, p) == Some(rp);
                            }
                        }
                        Op::Store(pl, _) => {
                            if let PlaceBase::Deref(p) = pl.base {
                                writes |= derived_param(func, p) == Some(wp);
                            }
                        }
                        Op::Call { callee, args } => {
                            for (k, a) in args.iter().enumerate() {
                                let d = derived_param(func, *a);
                                reads |= d == Some(rp);
                                if d == Some(wp) {
                                    writes |= self
                                        .callee_param_class(module, func, callee, args, k)
                                        .mutable;
                                }
                            }
                        }
                        _ => {}
                    }
                    if reads && written {
                        return false;
                    }
                    written |= writes;
                }
                if written && !out[b] {
                    out[b] = true;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        true
    }
}

impl ModulePlan {
    /// Functions whose address is taken, grouped by signature: a function pointer type's
    /// pointer parameters get one class for every function it may point to.
    fn unify_fn_ptr_classes(&mut self, module: &Module) {
        let mut taken: BTreeSet<FuncId> = BTreeSet::new();
        for f in module.funcs.values() {
            for inst in f.insts.values() {
                if let Op::FuncAddr(g) = inst.op {
                    taken.insert(g);
                }
            }
        }
        for g in module.globals.values() {
            let mut s = BTreeSet::new();
            collect_init_funcs(&g.init, &mut s);
            taken.extend(s.into_iter().map(|i| FuncId::from_u32(i as u32)));
        }
        loop {
            let mut groups: BTreeMap<xl_ir::FnSig, Vec<FuncId>> = BTreeMap::new();
            for &f in &taken {
                groups
                    .entry(module.funcs[f].signature())
                    .or_default()
                    .push(f);
            }
            let mut changed = false;
            let before = std::mem::take(&mut self.fn_sig_classes);
            let params_before = self.params.clone();
            for (sig, fs) in groups {
                let mut classes = vec![PtrClass::default(); sig.params.len()];
                for &f in &fs {
                    for (i, c) in classes.iter_mut().enumerate() {
                        *c = c.join(self.param_class(f, i));
                    }
                }
                for &f in &fs {
                    for (i, c) in classes.iter().enumerate() {
                        if self.params[f.as_u32() as usize][i] != *c {
                            self.params[f.as_u32() as usize][i] = *c;
                            changed = true;
                        }
                    }
                }
                self.fn_sig_classes.insert(sig, classes);
            }
            // Indirect calls may now ask more of their arguments.
            self.infer_param_classes(module);
            changed |= self.fn_sig_classes != before || self.params != params_before;
            if !changed {
                break;
            }
        }
    }

    /// The class of pointer parameter `i` of function pointer type `sig`.
    pub fn fn_sig_class(&self, sig: &xl_ir::FnSig, i: usize) -> PtrClass {
        self.fn_sig_classes
            .get(sig)
            .and_then(|c| c.get(i))
            .copied()
            .unwrap_or_default()
    }
}

/// Every value that reads local pointer variable `x`: its loads, and loads through a
/// pointer to it (`*pp` where `pp = &x`).
pub fn loads_of_ptr_var(func: &Func, x: Var) -> Vec<Value> {
    let mut out = Vec::new();
    let mut vars = vec![x];
    let mut seen = BTreeSet::new();
    while let Some(x) = vars.pop() {
        if !seen.insert(x) {
            continue;
        }
        // Pointers to `x` stored in other local variables.
        let mut holders = Vec::new();
        for inst in func.insts.values() {
            match (&inst.op, inst.result) {
                (Op::Load(lp), Some(r)) if lp.base == PlaceBase::Var(x) && lp.proj.is_empty() => {
                    out.push(r)
                }
                (Op::Store(sp, v), _) if sp.proj.is_empty() => {
                    if let (PlaceBase::Var(h), Some(ValueDef::Inst(ai))) =
                        (&sp.base, Some(func.values[*v].def))
                    {
                        if let Op::Addr(ap) = &func.insts[ai].op {
                            if ap.base == PlaceBase::Var(x) && ap.proj.is_empty() {
                                holders.push(*h);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for h in holders {
            for inst in func.insts.values() {
                if let (Op::Load(lp), Some(r)) = (&inst.op, inst.result) {
                    if lp.base == PlaceBase::Var(h) && lp.proj.is_empty() {
                        // `*r` loads read `x`.
                        for i2 in func.insts.values() {
                            if let (Op::Load(p2), Some(r2)) = (&i2.op, i2.result) {
                                if p2.base == PlaceBase::Deref(r) && p2.proj.is_empty() {
                                    out.push(r2);
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    out
}

impl ModulePlan {
    /// True for `p[i]` where `p` is a read-only `char **` parameter: its elements are
    /// static strings (callers can only pass arrays of them).
    pub fn is_param_pointee_str(&self, module: &Module, fid: FuncId, pl: &Place) -> bool {
        let func = &module.funcs[fid];
        let PlaceBase::Deref(p) = pl.base else {
            return false;
        };
        if pl.proj.iter().any(|x| matches!(x, Proj::Field(_))) {
            return false;
        }
        let Some(q) = derived_param(func, p) else {
            return false;
        };
        let Some(i) = func.params.iter().position(|x| *x == q) else {
            return false;
        };
        matches!(&func.vars[q].ty, Type::Ptr(t) if is_str_ptr_type(t))
            && !self.param_class(fid, i).mutable
    }
}
