//! What each local pointer variable and pointer block parameter of a function stands for.
//!
//! Rust references cannot live in variables across statements the way C pointers do (they
//! would hold borrows), so a pointer *slot* is mapped by what it can point to, decided by a
//! fixpoint over every value stored into it (variables) or passed to it (block parameters):
//! - always a copy of pointer parameter `p` -> no variable, uses are `p`;
//! - always one fixed place -> no variable, uses are that place;
//! - one of several fixed places -> a `usize` selector, uses `match`/`if` over borrows;
//! - an element of one array -> a `usize` index, uses `a[i]`; pointer arithmetic (`p + k`,
//!   `p++`) moves the index, so pointer walks over one array (a cursor) stay indexes, and a
//!   null pointer is the index `usize::MAX` (never a valid element index);
//! - a pointer parameter that is reassigned (`s++`) is such a cursor over the slice the
//!   parameter received: the Rust parameter keeps the slice, a new `usize` holds the index.
//!
//! Anything else (pointers loaded from memory, pointers into different arrays) is reported.
//! Invariant: the fixpoint only moves up a finite lattice, so it terminates; the result does
//! not depend on iteration order.

use crate::func::{canon, shape};
use crate::index::FuncIndex;
use crate::plan::{is_data_ptr, ModulePlan};
use crate::propose::{CanonBase, CanonPlace, CanonStep, PtrLocal};
use std::collections::{BTreeMap, BTreeSet};
use xl_ir::{Block, Func, FuncId, Module, Op, PlaceBase, Proj, Value, ValueDef, Var, VarKind};

/// A pointer slot.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PSlot {
    /// A local variable.
    Var(Var),
    /// A block parameter.
    Param(Value),
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum K {
    Unknown,
    Param(Var),
    Places(BTreeSet<CanonPlace>),
    Index(CanonPlace),
    /// Only null so far.
    Null,
    Bad(String),
}

/// The cursor shape over the heap array owner variable `x` holds: `x[hole]`.
pub fn owner_cursor(x: Var) -> CanonPlace {
    CanonPlace {
        base: CanonBase::Var(x),
        steps: vec![CanonStep::Hole(0)],
    }
}

/// The cursor shape over what pointer parameter `q` points to: `q[hole]`.
pub fn param_cursor(q: Var) -> CanonPlace {
    CanonPlace {
        base: CanonBase::Param(q),
        steps: vec![CanonStep::Hole(0)],
    }
}

fn join(a: K, b: K) -> K {
    match (a, b) {
        (K::Unknown, x) | (x, K::Unknown) => x,
        (K::Bad(r), _) | (_, K::Bad(r)) => K::Bad(r),
        (K::Param(p), K::Param(q)) if p == q => K::Param(p),
        (K::Places(mut s), K::Places(t)) => {
            s.extend(t);
            K::Places(s)
        }
        (K::Index(a), K::Index(b)) if a == b => K::Index(a),
        (K::Null, K::Null) => K::Null,
        (K::Null, K::Index(a)) | (K::Index(a), K::Null) => K::Index(a),
        (K::Param(q), K::Index(a)) | (K::Index(a), K::Param(q)) if a == param_cursor(q) => {
            K::Index(a)
        }
        // A nullable copy of a parameter is a cursor over it (checked to be a slice below).
        (K::Null, K::Param(q)) | (K::Param(q), K::Null) => K::Index(param_cursor(q)),
        (K::Null, _) | (_, K::Null) => K::Bad(
            "assigned null (nullable pointers are only supported as array cursors)".to_string(),
        ),
        _ => K::Bad("points to different kinds of places".to_string()),
    }
}

/// The slots of `func` and what each stands for.
#[derive(Clone, Debug, Default)]
pub struct PtrSlots {
    /// Local variables.
    pub vars: BTreeMap<Var, PtrLocal>,
    /// Block parameters.
    pub params: BTreeMap<Value, PtrLocal>,
}

struct Cx<'a> {
    module: &'a Module,
    plan: &'a ModulePlan,
    fid: FuncId,
    func: &'a Func,
}

impl Cx<'_> {
    /// True when pointer parameter `q` is passed as a slice.
    fn param_is_slice(&self, q: Var) -> bool {
        self.plan.param_indexable(self.module, self.fid, q)
    }

    /// The slot a pointer value reads, if it is a slot load or a block parameter.
    fn slot_of(&self, v: Value, slots: &BTreeSet<PSlot>) -> Option<PSlot> {
        // Through char pointer casts.
        if let ValueDef::Inst(i) = self.func.values[v].def {
            if let Op::Cast {
                kind: xl_ir::CastKind::PtrCast,
                arg,
            } = &self.func.insts[i].op
            {
                return self.slot_of(*arg, slots);
            }
        }
        match self.func.values[v].def {
            ValueDef::Param(..) => slots.contains(&PSlot::Param(v)).then_some(PSlot::Param(v)),
            ValueDef::Inst(i) => match &self.func.insts[i].op {
                Op::Load(pl) if pl.proj.is_empty() => match pl.base {
                    PlaceBase::Var(x) => slots.contains(&PSlot::Var(x)).then_some(PSlot::Var(x)),
                    _ => None,
                },
                _ => None,
            },
        }
    }

    fn kind_of(&self, v: Value, state: &BTreeMap<PSlot, K>, slots: &BTreeSet<PSlot>) -> K {
        if let Some(s) = self.slot_of(v, slots) {
            return state.get(&s).cloned().unwrap_or(K::Unknown);
        }
        let ValueDef::Inst(i) = self.func.values[v].def else {
            return K::Bad("block parameter".to_string());
        };
        match &self.func.insts[i].op {
            Op::Load(pl) if pl.proj.is_empty() => match pl.base {
                PlaceBase::Var(q) if self.func.vars[q].kind == VarKind::Param => K::Param(q),
                // A pointer into an owned heap array: a cursor over the `Vec`.
                PlaceBase::Var(q) if self.plan.owners.is_var(self.fid, q) => {
                    K::Index(owner_cursor(q))
                }
                _ => K::Bad("assigned a pointer loaded from memory".to_string()),
            },
            Op::Addr(ap) => {
                let indexed = ap.proj.iter().any(|p| matches!(p, Proj::Index(_)));
                if indexed {
                    if let Some((sh, _)) = shape(self.plan, self.func, ap) {
                        return K::Index(sh);
                    }
                } else if let Some(c) = canon(self.module, self.plan, self.func, ap) {
                    return K::Places([c].into_iter().collect());
                }
                K::Bad("assigned an address that has no fixed place".to_string())
            }
            Op::Select {
                if_true, if_false, ..
            } => join(
                self.kind_of(*if_true, state, slots),
                self.kind_of(*if_false, state, slots),
            ),
            Op::Null => K::Null,
            Op::Call { .. } => K::Bad(
                "assigned a pointer returned by a call (heap and returned pointers are not supported yet)"
                    .to_string(),
            ),
            Op::PtrAdd { ptr, .. } => match self.kind_of(*ptr, state, slots) {
                K::Index(c) if crate::func::holes(&c) == 1 => K::Index(c),
                K::Param(q) if self.param_is_slice(q) => K::Index(param_cursor(q)),
                K::Unknown => K::Unknown,
                K::Bad(r) => K::Bad(r),
                _ => K::Bad("pointer arithmetic on a pointer that is not an array cursor".to_string()),
            },
            // `(unsigned char *)s`: the same bytes.
            Op::Cast { kind: xl_ir::CastKind::PtrCast, arg }
                if crate::plan::is_str_ptr_type(&self.func.values[*arg].ty)
                    && crate::plan::is_str_ptr_type(&self.func.values[v].ty) =>
            {
                self.kind_of(*arg, state, slots)
            }
            Op::Cast { .. } => K::Bad("assigned a pointer cast (not supported yet)".to_string()),
            _ => K::Bad("assigned a computed pointer (not supported yet)".to_string()),
        }
    }
}

/// Classifies every pointer slot of function `fid`. `is_slot_var` says which local
/// variables are candidates (data pointers that are not static strings).
pub fn classify(
    module: &Module,
    plan: &ModulePlan,
    fid: FuncId,
    is_slot_var: &dyn Fn(Var) -> bool,
) -> Result<PtrSlots, (PSlot, String)> {
    let func = &module.funcs[fid];
    let cx = Cx {
        module,
        plan,
        fid,
        func,
    };
    let mut slots: BTreeSet<PSlot> = BTreeSet::new();
    for (v, d) in func.vars.iter() {
        if d.kind == VarKind::Local && is_data_ptr(&d.ty) && is_slot_var(v) {
            slots.insert(PSlot::Var(v));
        }
    }
    for bd in func.blocks.values() {
        for &p in &bd.params {
            if is_data_ptr(&func.values[p].ty) && !plan.is_static_value(module, fid, p) {
                slots.insert(PSlot::Param(p));
            }
        }
    }
    // Reassigned pointer parameters are cursors that start at index 0 of their slice.
    let mut initial: BTreeMap<PSlot, K> = BTreeMap::new();
    for &q in &func.params {
        if is_data_ptr(&func.vars[q].ty) && param_reassigned(func, q) {
            slots.insert(PSlot::Var(q));
            let k = if cx.param_is_slice(q) {
                K::Index(param_cursor(q))
            } else {
                K::Bad("a pointer parameter that is not an array is reassigned".to_string())
            };
            initial.insert(PSlot::Var(q), k);
        }
    }
    // Sources of every slot.
    let mut sources: BTreeMap<PSlot, Vec<Value>> = BTreeMap::new();
    let mut problems: BTreeMap<PSlot, String> = BTreeMap::new();
    for inst in func.insts.values() {
        match &inst.op {
            Op::Store(pl, v) => {
                if let PlaceBase::Var(x) = pl.base {
                    if slots.contains(&PSlot::Var(x)) {
                        if pl.proj.is_empty() {
                            sources.entry(PSlot::Var(x)).or_default().push(*v);
                        } else {
                            problems.insert(PSlot::Var(x), "stored into by element".to_string());
                        }
                    }
                }
            }
            Op::Addr(pl) => {
                if let PlaceBase::Var(x) = pl.base {
                    if slots.contains(&PSlot::Var(x))
                        && !(pl.proj.is_empty()
                            && addr_only_read_through(func, plan, fid, inst.result))
                    {
                        problems.insert(PSlot::Var(x), "its address is taken".to_string());
                    }
                }
            }
            _ => {}
        }
    }
    for bd in func.blocks.values() {
        let calls = bd.term.block_calls();
        for c in calls {
            for (k, a) in c.args.iter().enumerate() {
                if let Some(&p) = func.blocks[c.block].params.get(k) {
                    if slots.contains(&PSlot::Param(p)) {
                        sources.entry(PSlot::Param(p)).or_default().push(*a);
                    }
                }
            }
        }
    }
    let mut state: BTreeMap<PSlot, K> = slots
        .iter()
        .map(|s| (*s, initial.get(s).cloned().unwrap_or(K::Unknown)))
        .collect();
    loop {
        let mut changed = false;
        for s in &slots {
            let mut k = state[s].clone();
            for v in sources.get(s).map(Vec::as_slice).unwrap_or(&[]) {
                k = join(k, cx.kind_of(*v, &state, &slots));
            }
            if k != state[s] {
                state.insert(*s, k);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let mut out = PtrSlots::default();
    for s in &slots {
        if let Some(p) = problems.get(s) {
            return Err((*s, p.clone()));
        }
        let k = match &state[s] {
            K::Unknown => {
                // Never assigned: a variable never used as a pointer is harmless.
                continue;
            }
            K::Bad(r) => return Err((*s, r.clone())),
            K::Null => return Err((*s, "only ever null".to_string())),
            K::Param(q) => PtrLocal::Param(*q),
            K::Places(set) if set.len() == 1 => {
                PtrLocal::Place(set.iter().next().cloned().unwrap_or_else(|| unreachable!()))
            }
            K::Places(set) => PtrLocal::Choice(set.iter().cloned().collect()),
            K::Index(b) => {
                if let CanonBase::Param(q) = b.base {
                    if *b == param_cursor(q) && !plan.param_indexable(module, fid, q) {
                        return Err((
                            *s,
                            "a cursor over a parameter that is not an array".to_string(),
                        ));
                    }
                }
                PtrLocal::Index(b.clone())
            }
        };
        match s {
            PSlot::Var(x) => out.vars.insert(*x, k),
            PSlot::Param(p) => out.params.insert(*p, k),
        };
    }
    // Copies between selector slots must use the same numbering (same place sets).
    for (s, srcs) in &sources {
        let Some(mine) = get(&out, *s) else { continue };
        for v in srcs {
            if let Some(t) = cx.slot_of(*v, &slots) {
                if let (PtrLocal::Choice(a), Some(PtrLocal::Choice(b))) = (&mine, get(&out, t)) {
                    if *a != b {
                        return Err((
                            *s,
                            "copies a pointer that can point to other places".to_string(),
                        ));
                    }
                }
            }
        }
    }
    Ok(out)
}

/// True when pointer parameter `q` is assigned in the body (`q++`, `q = q->next`).
pub fn param_reassigned(func: &Func, q: Var) -> bool {
    func.insts.values().any(|i| match &i.op {
        Op::Store(pl, _) => pl.base == PlaceBase::Var(q) && pl.proj.is_empty(),
        _ => false,
    })
}

fn get(out: &PtrSlots, s: PSlot) -> Option<PtrLocal> {
    match s {
        PSlot::Var(x) => out.vars.get(&x).cloned(),
        PSlot::Param(p) => out.params.get(&p).cloned(),
    }
}

/// True when the address of a pointer variable (`&p`) is only stored into local variables
/// that are only read through (`pp = &p; .. *pp ..`).
fn addr_only_read_through(func: &Func, plan: &ModulePlan, fid: FuncId, r: Option<Value>) -> bool {
    let Some(r) = r else { return false };
    plan.func_index(fid).uses[r].iter().all(|u| match u.site {
        crate::index::Site::Inst(si) => match &func.insts[si].op {
            Op::Store(sp, sv) => {
                *sv == r
                    && sp.proj.is_empty()
                    && matches!(sp.base, PlaceBase::Var(h) if only_read_through(func, h))
            }
            _ => false,
        },
        _ => false,
    })
}

/// True when local pointer variable `h` is only loaded, and those loads are only used to
/// read `*h`.
pub fn only_read_through(func: &Func, h: Var) -> bool {
    func.insts.values().all(|inst| match &inst.op {
        Op::Load(lp) if lp.base == PlaceBase::Var(h) => {
            lp.proj.is_empty()
                && inst.result.is_some_and(|r| {
                    func.insts.values().all(|i2| match &i2.op {
                        Op::Load(p2) => p2.base != PlaceBase::Deref(r) || p2.proj.is_empty(),
                        other => !other.operands().contains(&r),
                    }) && func
                        .blocks
                        .values()
                        .all(|b| !b.term.operands().contains(&r))
                })
        }
        Op::Addr(ap) => ap.base != PlaceBase::Var(h),
        _ => true,
    })
}

/// The block of a value's definition (for spans).
pub fn value_block(func: &Func, v: Value) -> Option<Block> {
    match func.values[v].def {
        ValueDef::Param(b, _) => Some(b),
        ValueDef::Inst(i) => func
            .blocks
            .iter()
            .find(|(_, d)| d.insts.contains(&i))
            .map(|(b, _)| b),
    }
}

/// Used by callers that need the op of a value.
pub fn def_op(func: &Func, v: Value) -> Option<&Op> {
    FuncIndex::def_op(func, v)
}
