//! Heap arrays as owned `Vec<T>`: which pointer variables and function results own what
//! `malloc`/`calloc`/`realloc`/`strdup` returned.
//!
//! A local data pointer variable is an *owner* when every value stored into it is an
//! allocation (`malloc`, `calloc`, `strdup`, a call to a function whose result is an owner),
//! null, or `realloc` of its own value, and at least one is an allocation; its address is never
//! taken. Its Rust form is a `Vec<T>` variable: indexing is `x[i]`, passing it is `&x`/`&mut x`,
//! `realloc` is `x.resize(n, 0)`, `free` is `x = Vec::new()`, and null is the empty `Vec` (a
//! program that checks `malloc(0)` against null sees "null", which C allows). Pointers into
//! it (`p = x + k`) are cursors over it (see [`crate::ptrs`]). Between two owners, `x = y` and
//! `x = realloc(y, n)` move the array (`std::mem::take`), recorded as a note: C leaves `y`
//! pointing at the same (or freed) memory, the Rust leaves it empty, so a later read of `y`
//! would panic instead of reading shared data. A function returns an owner when
//! every returned value is an owner variable's value, an allocation or null: its Rust result
//! is `Vec<T>`.
//!
//! Invariant: both sets only shrink during the fixpoint (removing an owner can only make more
//! stores break the rules), so it terminates; results are keyed by entity ids.

use std::collections::BTreeSet;
use xl_ir::{
    Callee, Func, FuncId, Module, Op, PlaceBase, Terminator, Type, Value, ValueDef, Var, VarKind,
};

/// What an allocating value is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Alloc {
    /// `malloc(bytes)`.
    Malloc(Value),
    /// `calloc(count, size)`.
    Calloc(Value, Value),
    /// `realloc(ptr, bytes)`.
    Realloc(Value, Value),
    /// `strdup(s)`.
    Strdup(Value),
    /// A call to a module function whose result is an owner.
    Call,
    /// The null pointer.
    Null,
}

/// The owners of a module.
#[derive(Clone, Debug, Default)]
pub struct Owners {
    /// Owner variables.
    pub vars: BTreeSet<(FuncId, Var)>,
    /// Functions whose result is an owner.
    pub rets: BTreeSet<FuncId>,
}

impl Owners {
    /// True when `x` of `fid` is an owner variable.
    pub fn is_var(&self, fid: FuncId, x: Var) -> bool {
        self.vars.contains(&(fid, x))
    }
}

/// What allocation value `v` is (looking through pointer casts).
pub fn alloc_of(func: &Func, rets: &BTreeSet<FuncId>, v: Value) -> Option<Alloc> {
    let mut v = v;
    loop {
        let ValueDef::Inst(i) = func.values[v].def else {
            return None;
        };
        match &func.insts[i].op {
            Op::Cast {
                kind: xl_ir::CastKind::PtrCast,
                arg,
            } => v = *arg,
            Op::Null => return Some(Alloc::Null),
            Op::Call {
                callee: Callee::Extern(name),
                args,
            } => {
                return match (name.as_str(), args.as_slice()) {
                    ("malloc", [n]) => Some(Alloc::Malloc(*n)),
                    ("calloc", [n, s]) => Some(Alloc::Calloc(*n, *s)),
                    ("realloc", [p, n]) => Some(Alloc::Realloc(*p, *n)),
                    ("strdup", [s]) => Some(Alloc::Strdup(*s)),
                    _ => None,
                }
            }
            Op::Call {
                callee: Callee::Func(g),
                ..
            } if rets.contains(g) => return Some(Alloc::Call),
            _ => return None,
        }
    }
}

/// The variable `v` loads (through pointer casts), if it is a whole-variable load.
pub fn loaded_var(func: &Func, v: Value) -> Option<Var> {
    let mut v = v;
    loop {
        let ValueDef::Inst(i) = func.values[v].def else {
            return None;
        };
        match &func.insts[i].op {
            Op::Cast {
                kind: xl_ir::CastKind::PtrCast,
                arg,
            } => v = *arg,
            Op::Load(pl) if pl.proj.is_empty() => {
                return match pl.base {
                    PlaceBase::Var(x) => Some(x),
                    _ => None,
                }
            }
            _ => return None,
        }
    }
}

fn is_owner_elem(ty: &Type) -> bool {
    match ty.pointee() {
        Some(t) => t.is_scalar() && !matches!(t, Type::Ptr(_)) || matches!(t, Type::Struct(_)),
        None => false,
    }
}

/// Infers the owners of `module`: the greatest sets consistent with the rules (owners may
/// move arrays between each other in cycles, `a = realloc(b, ..); b = a;`), found by starting
/// from every candidate and removing those that break a rule until nothing changes.
pub fn infer_owners(module: &Module) -> Owners {
    let mut o = Owners::default();
    for (fid, func) in module.funcs.iter() {
        for (x, d) in func.vars.iter() {
            if d.kind == VarKind::Local && is_owner_elem(&d.ty) {
                o.vars.insert((fid, x));
            }
        }
        if is_owner_elem(&func.ret) {
            o.rets.insert(fid);
        }
    }
    loop {
        let mut changed = false;
        for (fid, func) in module.funcs.iter() {
            for (x, _) in func.vars.iter() {
                if o.is_var(fid, x) && !var_is_owner(func, fid, &o, x) {
                    o.vars.remove(&(fid, x));
                    changed = true;
                }
            }
            if o.rets.contains(&fid) && !ret_is_owner(func, fid, &o) {
                o.rets.remove(&fid);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    o
}

fn var_is_owner(func: &Func, fid: FuncId, o: &Owners, x: Var) -> bool {
    let mut allocs = 0;
    for inst in func.insts.values() {
        match &inst.op {
            Op::Store(pl, v) if pl.base == PlaceBase::Var(x) => {
                if !pl.proj.is_empty() {
                    return false;
                }
                match alloc_of(func, &o.rets, *v) {
                    Some(Alloc::Null) => {}
                    Some(Alloc::Realloc(p, _)) => match loaded_var(func, p) {
                        Some(y) if y == x => {}
                        // `x = realloc(y, n)`: the array moves from `y` to `x`.
                        Some(y) if o.is_var(fid, y) => allocs += 1,
                        _ => return false,
                    },
                    Some(_) => allocs += 1,
                    // `x = y` between owners moves the array (a copy that only has a pointer
                    // read would be a cursor: see `crate::ptrs`).
                    None => match loaded_var(func, *v) {
                        Some(y) if y != x && o.is_var(fid, y) => {}
                        _ => return false,
                    },
                }
            }
            Op::Addr(pl) if pl.base == PlaceBase::Var(x) => return false,
            _ => {}
        }
    }
    allocs > 0
}

fn ret_is_owner(func: &Func, fid: FuncId, o: &Owners) -> bool {
    let mut some = false;
    for b in func.blocks.values() {
        if let Terminator::Return(Some(v)) = &b.term {
            match alloc_of(func, &o.rets, *v) {
                Some(Alloc::Null) => {}
                Some(Alloc::Realloc(..)) => return false,
                Some(_) => some = true,
                None => match loaded_var(func, *v) {
                    Some(x) if o.is_var(fid, x) => some = true,
                    _ => return false,
                },
            }
        }
    }
    some
}
