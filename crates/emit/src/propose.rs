//! The [`Proposer`] trait and the rule-based proposer: one IR block to Rust statements plus
//! the expressions its terminator needs (branch condition, switch scrutinee, return value,
//! block arguments).
//!
//! How a block is translated ([`RuleProposer`]):
//! - Values are block-local. A value used once is inlined into its user when that cannot
//!   change the order of effects: pure ops always; a load when no store (or call that may
//!   write the place) lies between it and the point where its user is evaluated; a call when
//!   no other memory access or call lies in between. Constants, `Addr` and pointer loads are
//!   always inlined. Other used values become `let vN = ..;` (the IR value number).
//! - Exact C semantics: wrapping `+ - *` and shifts, `/ %` with Rust's deterministic panics
//!   on division by zero and `MIN / -1`, casts with `as` (which matches C's integer
//!   conversions and gcc's float/int conversions in range), signedness-correcting casts where
//!   an op reads its operands with the other signedness.
//! - `char` storage is `u8` (see [`crate::rtypes`]).
//! - Anything that has no safe mapping yet is reported as a [`Unsupported`] through the
//!   context; the proposer then returns no candidate and the function is not translated.

use crate::ast;
use crate::externs::{self, ArgKind, PrintfKind, RetKind};
use crate::func::holes;
use crate::index::{FuncIndex, Role, Site};
use crate::names::Namer;
use crate::plan::{
    is_data_ptr, is_str_ptr_type, place_slot, GlobalKind, ModulePlan, PtrClass, Slot,
};
use crate::ptrs::{owner_cursor, param_cursor};
use crate::rtypes::{self, byte_str, float_lit, int_lit, int_name, path_expr, Types};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use syn::{parse_quote, Expr, Stmt};
use xl_base::{SecondaryMap, Span};
use xl_ir::{
    BinaryOp, Block, Callee, CastKind, FloatCC, FloatTy, Func, FuncId, GlobalId, Inst, IntCC,
    IntTy, Module, Op, Place, PlaceBase, Proj, Terminator, Type, UnaryOp, Value, ValueDef, Var,
    VarKind,
};

/// Why something was not translated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported {
    /// What construct, in words.
    pub reason: String,
    /// Where.
    pub span: Span,
}

/// Names and facts about one function's variables, shared by all its blocks.
#[derive(Clone, Debug, Default)]
pub struct Locals {
    /// Rust name of every variable.
    pub var_names: SecondaryMap<Var, String>,
    /// Variables read, written or borrowed anywhere.
    pub var_used: SecondaryMap<Var, bool>,
    /// Variables written or mutably borrowed.
    pub var_mut: SecondaryMap<Var, bool>,
    /// Variables whose address is taken.
    pub var_addr: SecondaryMap<Var, bool>,
    /// Scalar `char` variables stored as `u8` (their address is taken).
    pub var_byte: SecondaryMap<Var, bool>,
    /// The mutable local holding each block parameter.
    pub param_names: BTreeMap<Value, String>,
    /// Names taken in the function (variables, block parameters, module items).
    pub namer: Namer,
    /// Parameters (in order) that are written or mutably borrowed: `mut p: T`.
    pub param_mut: Vec<bool>,
    /// Local pointer variables and what they stand for.
    pub ptr_locals: BTreeMap<Var, PtrLocal>,
    /// Pointer block parameters and what they stand for.
    pub ptr_params: BTreeMap<Value, PtrLocal>,
    /// The `usize` index variable of each reassigned pointer parameter (a cursor over the
    /// slice the Rust parameter keeps).
    pub cursor_names: BTreeMap<Var, String>,
}

impl Locals {
    /// The Rust variable holding pointer slot variable `x`'s index or selector.
    pub fn slot_name(&self, x: Var) -> &str {
        match self.cursor_names.get(&x) {
            Some(n) => n,
            None => &self.var_names[x],
        }
    }
}

/// What a local pointer variable stands for (pointer variables are not Rust references:
/// they would hold borrows across statements).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PtrLocal {
    /// Always a copy of pointer parameter `p` (e.g. the frontend's temporaries for
    /// `p->f = c ? a : b`): uses are `p`; no Rust variable.
    Param(Var),
    /// Always the address of one fixed place: uses are that place; no Rust variable.
    Place(CanonPlace),
    /// The address of an array element (of a shape whose index steps are holes): a `usize`
    /// variable (one hole) or `[usize; n]` (n holes) holding the indexes.
    Index(CanonPlace),
    /// The address of one of several fixed places: a `usize` selector variable.
    Choice(Vec<CanonPlace>),
}

/// A place without index values: a root and field / constant-index steps.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CanonPlace {
    /// Root.
    pub base: CanonBase,
    /// Steps.
    pub steps: Vec<CanonStep>,
}

/// Root of a [`CanonPlace`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CanonBase {
    /// A local variable.
    Var(Var),
    /// A never-written global (`const`/`static`).
    Global(GlobalId),
    /// What pointer parameter `p` points to (its first step is the pointer offset).
    Param(Var),
}

/// One step of a [`CanonPlace`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CanonStep {
    /// A struct field.
    Field(u32),
    /// A constant index.
    Index(i128),
    /// Index number `n` held by a pointer variable ([`PtrLocal::Index`]).
    Hole(u32),
}

/// Function pointer types that need a "null" placeholder function, by type text.
pub type NullFns = RefCell<BTreeMap<String, (String, syn::Type)>>;

/// Everything a proposer may read about the block's surroundings.
pub struct BlockContext<'a> {
    /// The module.
    pub module: &'a Module,
    /// Module-wide decisions.
    pub plan: &'a ModulePlan,
    /// The function.
    pub fid: FuncId,
    /// Its IR.
    pub func: &'a Func,
    /// Its variables.
    pub locals: &'a Locals,
    /// Fresh names for temporaries (shared by the function's blocks).
    pub temps: RefCell<Namer>,
    /// Problems found while proposing.
    pub problems: RefCell<Vec<Unsupported>>,
    /// Things the user should know about a translation that was made (copies, ...).
    pub notes: RefCell<Vec<Unsupported>>,
    /// Closure parameter names for borrows of each `RefCell` global.
    pub borrow_vars: RefCell<BTreeMap<String, String>>,
    /// Placeholders for null function pointers, shared by the module.
    pub null_fns: &'a NullFns,
}

impl BlockContext<'_> {
    /// Type mapping.
    pub fn types(&self) -> Types<'_> {
        Types {
            module: self.module,
            plan: self.plan,
        }
    }
    /// The function's indexes.
    pub fn index(&self) -> &FuncIndex {
        self.plan.func_index(self.fid)
    }
}

/// The translated terminator: the expressions the structured control flow around the block
/// needs. Targets come from the IR terminator itself.
#[derive(Clone, Debug)]
#[allow(clippy::large_enum_variant)] // one per block; boxing would only add noise
pub enum TermCode {
    /// `Jump`: arguments for the target's parameters.
    Jump {
        /// One per target parameter.
        args: Vec<Expr>,
    },
    /// `Branch`.
    Branch {
        /// The condition (a `bool`).
        cond: Expr,
        /// Its exact negation, when simpler than `!(cond)` (flipped integer comparison).
        neg: Option<Expr>,
        /// Arguments of the `then` target.
        then_args: Vec<Expr>,
        /// Arguments of the `else` target.
        else_args: Vec<Expr>,
    },
    /// `Switch`: the scrutinee.
    Switch {
        /// The value matched on.
        value: Expr,
    },
    /// `return` (with a value for non-void functions).
    Return(Option<Expr>),
    /// Control cannot reach the end of the statements (they diverge).
    Unreachable,
}

/// One proposed translation of a block.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// The block's straight-line code.
    pub stmts: Vec<Stmt>,
    /// Its terminator's expressions.
    pub term: TermCode,
    /// Who proposed it (`rules`, a model name, ...).
    pub origin: String,
}

/// Proposes Rust for IR blocks.
pub trait Proposer {
    /// Candidates for `block`, best first. An empty list means "cannot translate"; the
    /// proposer then records why in `ctx.problems`.
    fn propose(&self, ctx: &BlockContext, block: Block) -> Vec<Candidate>;
}

/// The rule-based proposer: complete for what this stage supports, deterministic.
#[derive(Copy, Clone, Debug, Default)]
pub struct RuleProposer;

impl Proposer for RuleProposer {
    fn propose(&self, ctx: &BlockContext, block: Block) -> Vec<Candidate> {
        let mut tx = Tx::new(ctx, block);
        match tx.run() {
            Ok(c) => vec![c],
            Err(u) => {
                ctx.problems.borrow_mut().push(u);
                vec![]
            }
        }
    }
}

type R<T> = Result<T, Unsupported>;

/// A built expression with the facts its users need.
#[derive(Clone, Debug)]
struct Ex {
    e: Expr,
    /// An integer or float literal: `(value, type)` so it can be re-made with a suffix.
    lit: Option<Lit>,
    /// Contains a call or a thread-local access: must not be evaluated inside a borrow of a
    /// global.
    heavy: bool,
    /// Contains a call.
    calls: bool,
    /// Variables it reads.
    reads: BTreeSet<Var>,
}

#[derive(Copy, Clone, Debug)]
enum Lit {
    Int(i128, IntTy),
    Float(f64, FloatTy),
}

impl Ex {
    fn plain(e: Expr) -> Ex {
        Ex {
            e,
            lit: None,
            heavy: false,
            calls: false,
            reads: BTreeSet::new(),
        }
    }
    fn with(e: Expr, parts: &[&Ex]) -> Ex {
        let mut x = Ex::plain(e);
        for p in parts {
            x.heavy |= p.heavy;
            x.calls |= p.calls;
            x.reads.extend(p.reads.iter().copied());
        }
        x
    }
    /// The expression with a type suffix if it is a bare literal (for method receivers).
    fn typed(&self) -> Expr {
        match self.lit {
            Some(Lit::Int(v, t)) => int_lit(v, t, true),
            Some(Lit::Float(v, t)) => float_lit(v, t, true),
            None => self.e.clone(),
        }
    }
}

/// How a place is accessed.
enum Acc {
    /// A plain Rust place expression.
    Plain(Expr),
    /// A whole `Cell` global.
    Cell(String),
    /// A place inside a `RefCell` global, relative to the closure parameter `var`.
    RefCell {
        global: String,
        var: String,
        inner: Expr,
    },
}

/// A pointer argument.
struct PtrArg {
    e: Expr,
    /// The object borrowed (for alias checks).
    root: Option<Root>,
    mutable: bool,
    /// A `RefCell` global the call must run inside a borrow of: `(global, var, mutable)`.
    wrap: Option<(String, String, bool)>,
    /// Variables read (kept for future alias checks).
    #[allow(dead_code)]
    reads: BTreeSet<Var>,
    /// The borrowed place, when it is a fixed element/field of a local (for split borrows).
    canon: Option<CanonPlace>,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Root {
    Var(Var),
    Global(GlobalId),
}

struct Tx<'c, 'a> {
    cx: &'c BlockContext<'a>,
    /// The place being built is written (for borrows of pointer choices).
    access_mut: bool,
    /// Set by [`Self::deref_base`] when the pointed-to place lies in a `RefCell` global.
    deref_wrap: Option<(String, String)>,
    block: Block,
    deferred: SecondaryMap<Inst, bool>,
    bound: BTreeMap<Value, String>,
    stmts: Vec<Stmt>,
}

fn is_const_op(op: &Op) -> bool {
    matches!(
        op,
        Op::Iconst(_) | Op::Fconst(_) | Op::Bconst(_) | Op::Str(_) | Op::Null | Op::FuncAddr(_)
    )
}

fn root_of(place: &Place) -> Option<Root> {
    match place.base {
        PlaceBase::Var(v) => Some(Root::Var(v)),
        PlaceBase::Global(g) => Some(Root::Global(g)),
        PlaceBase::Deref(_) => None,
    }
}

impl<'c, 'a> Tx<'c, 'a> {
    fn new(cx: &'c BlockContext<'a>, block: Block) -> Self {
        Tx {
            cx,
            access_mut: false,
            deref_wrap: None,
            block,
            deferred: SecondaryMap::new(),
            bound: BTreeMap::new(),
            stmts: Vec::new(),
        }
    }

    fn func(&self) -> &'a Func {
        self.cx.func
    }

    fn err<T>(&self, span: &Span, reason: impl Into<String>) -> R<T> {
        Err(Unsupported {
            reason: reason.into(),
            span: span.clone(),
        })
    }

    fn span_of(&self, v: Value) -> Span {
        match self.func().values[v].def {
            ValueDef::Inst(i) => self.func().insts[i].span.clone(),
            ValueDef::Param(b, _) => self.func().blocks[b].span.clone(),
        }
    }

    fn vty(&self, v: Value) -> &'a Type {
        &self.func().values[v].ty
    }

    fn rust_ty(&self, ty: &Type, span: &Span) -> R<syn::Type> {
        self.cx.types().value_ty(ty).or_else(|e| self.err(span, e))
    }

    // ----- effects and deferral -----

    fn var_addr(&self, v: Var) -> bool {
        self.cx.locals.var_addr[v]
    }

    fn may_alias(&self, p: &Place, q: &Place) -> bool {
        match (&p.base, &q.base) {
            (PlaceBase::Var(x), PlaceBase::Var(y)) => x == y,
            (PlaceBase::Global(g), PlaceBase::Global(h)) => g == h,
            (PlaceBase::Deref(_), PlaceBase::Deref(_)) => true,
            (PlaceBase::Deref(_), PlaceBase::Var(x)) | (PlaceBase::Var(x), PlaceBase::Deref(_)) => {
                self.var_addr(*x)
            }
            (PlaceBase::Deref(_), PlaceBase::Global(_))
            | (PlaceBase::Global(_), PlaceBase::Deref(_)) => true,
            _ => false,
        }
    }

    fn call_may_touch(&self, callee: &Callee, args: &[Value], p: &Place) -> bool {
        match &p.base {
            PlaceBase::Var(x) => self.var_addr(*x),
            PlaceBase::Global(g) => {
                // A pointer argument may point into the global.
                let via_ptr = args.iter().any(|a| matches!(self.vty(*a), Type::Ptr(_)));
                match callee {
                    Callee::Func(f) => {
                        self.cx.plan.touched[f.as_u32() as usize].contains(g) || via_ptr
                    }
                    Callee::Extern(_) => via_ptr,
                    Callee::Indirect(_) => true,
                }
            }
            PlaceBase::Deref(_) => true,
        }
    }

    fn conflicts(&self, a: &Op, b: &Op) -> bool {
        // A library function, not the stub of a program function of the same name whose
        // body was not lowered (`Module::decls`).
        let library = |n: &str| self.cx.module.decl_by_name(n).is_none();
        let pure_call = |o: &Op| matches!(o, Op::Call { callee: Callee::Extern(n), .. } if externs::is_pure(n) && library(n));
        if pure_call(a) || pure_call(b) {
            return false;
        }
        // Calls that only read memory commute with loads and with each other.
        let reader = |o: &Op| {
            matches!(o, Op::Load(_))
                || matches!(o, Op::Call { callee: Callee::Extern(n), .. } if externs::is_read_only(n) && library(n))
        };
        if reader(a) && reader(b) {
            return false;
        }
        match (a, b) {
            (Op::Load(_), Op::Load(_)) => false,
            (Op::Load(p) | Op::Store(p, _), Op::Store(q, _)) | (Op::Store(p, _), Op::Load(q)) => {
                self.may_alias(p, q)
            }
            (Op::Load(p) | Op::Store(p, _), Op::Call { callee, args })
            | (Op::Call { callee, args }, Op::Load(p) | Op::Store(p, _)) => {
                self.call_may_touch(callee, args, p)
            }
            (Op::Call { .. }, Op::Call { .. }) => true,
            _ => false,
        }
    }

    /// True for a load of a data-pointer parameter (or of a local standing for one): it is
    /// just the parameter's name.
    fn is_ptr_param_load(&self, op: &Op) -> bool {
        self.ptr_param_of(op).is_some()
    }

    /// The pointer variable (parameter or local) a pointer load reads: `x` for `load x`,
    /// and `x` for `load *pp` when `pp` always points at pointer variable `x`.
    fn ptr_var_of(&self, op: &Op) -> Option<Var> {
        let Op::Load(p) = op else { return None };
        if !p.proj.is_empty() {
            return None;
        }
        match p.base {
            PlaceBase::Var(v) => Some(v),
            PlaceBase::Deref(pv) => {
                let inner = FuncIndex::def_op(self.func(), pv)?;
                let pp = self.ptr_var_of(inner)?;
                match self.cx.locals.ptr_locals.get(&pp) {
                    Some(PtrLocal::Place(CanonPlace {
                        base: CanonBase::Var(x),
                        steps,
                    })) if steps.is_empty() => Some(*x),
                    _ => None,
                }
            }
            PlaceBase::Global(_) => None,
        }
    }

    /// The parameter a pointer load reads, directly or through a [`PtrLocal::Param`] local.
    fn ptr_param_of(&self, op: &Op) -> Option<Var> {
        let v = self.ptr_var_of(op)?;
        let d = &self.func().vars[v];
        if d.kind == VarKind::Param
            && is_data_ptr(&d.ty)
            && !self.cx.locals.ptr_locals.contains_key(&v)
        {
            Some(v)
        } else if let Some(PtrLocal::Param(q)) = self.cx.locals.ptr_locals.get(&v) {
            Some(*q)
        } else {
            None
        }
    }

    /// The pointer parameter value `v` always equals (a load of it, of a local or block
    /// parameter standing for it).
    fn param_alias(&self, v: Value) -> Option<Var> {
        match self.func().values[v].def {
            ValueDef::Param(..) => match self.cx.locals.ptr_params.get(&v) {
                Some(PtrLocal::Param(q)) => Some(*q),
                _ => None,
            },
            ValueDef::Inst(i) => self.ptr_param_of(&self.func().insts[i].op),
        }
    }

    /// The kind of pointer slot value `v` reads (not parameter aliases), with the variable
    /// it reads when it has one.
    fn slot_kind(&self, v: Value) -> Option<(Option<Var>, PtrLocal)> {
        let (x, k) = match self.func().values[v].def {
            ValueDef::Param(..) => (None, self.cx.locals.ptr_params.get(&v)?.clone()),
            ValueDef::Inst(i) => {
                let x = self.ptr_var_of(&self.func().insts[i].op)?;
                (Some(x), self.cx.locals.ptr_locals.get(&x)?.clone())
            }
        };
        match k {
            PtrLocal::Param(_) => None,
            k => Some((x, k)),
        }
    }

    /// Instructions evaluated where their value is used because they are parts of an
    /// allocation or an owner read: `malloc`/`calloc`/`realloc`/`strdup` calls, pointer casts
    /// of them, and loads of owner variables (a `Vec` is not copied into a temporary).
    fn is_alloc_part(&self, inst: Inst) -> bool {
        let data = &self.func().insts[inst];
        let Some(r) = data.result else { return false };
        match &data.op {
            Op::Call {
                callee: Callee::Extern(n),
                ..
            } => matches!(n.as_str(), "malloc" | "calloc" | "realloc" | "strdup"),
            Op::Cast {
                kind: CastKind::PtrCast,
                arg,
            } => {
                matches!(
                    crate::heap::alloc_of(self.func(), &self.cx.plan.owners.rets, *arg),
                    Some(a) if a != crate::heap::Alloc::Call && a != crate::heap::Alloc::Null
                ) || self.owner_of(r).is_some()
            }
            Op::Load(_) => self.owner_of(r).is_some(),
            _ => false,
        }
    }

    /// The `Vec` expression of an allocating value for an owner of element type `elem`.
    fn alloc_expr(&mut self, v: Value, elem: &Type, span: &Span) -> R<Ex> {
        use crate::heap::Alloc;
        let Some(a) = crate::heap::alloc_of(self.func(), &self.cx.plan.owners.rets, v) else {
            if let Some(x) = self.owner_of(v) {
                // Moving the array out (a `return`): the variable is not used again.
                let mut ex = Ex::plain(path_expr(&self.cx.locals.var_names[x]));
                ex.reads.insert(x);
                return Ok(ex);
            }
            return self.err(
                span,
                "a pointer that is not an allocation stored into an owned heap array",
            );
        };
        let size = xl_ir::layout::size_of(self.cx.module, elem);
        let zero = self.heap_zero(elem, span)?;
        match a {
            Alloc::Malloc(n) => {
                let count = self.count_expr(n, size, span)?;
                Ok(Ex::plain(parse_quote!(vec![#zero; #count])))
            }
            Alloc::Calloc(n, sz) => {
                let count = match self.iconst_of(sz) {
                    Some(k) if k as u64 == size => {
                        let ne = self.value(n)?;
                        ast::cast(ne.typed(), parse_quote!(usize))
                    }
                    _ => {
                        return self.err(
                            span,
                            "`calloc` whose element size is not the pointee's size",
                        )
                    }
                };
                Ok(Ex::plain(parse_quote!(vec![#zero; #count])))
            }
            Alloc::Strdup(s) => {
                let pa = self.ptr_arg(
                    s,
                    PtrClass {
                        slice: true,
                        mutable: false,
                    },
                    span,
                )?;
                let e = pa.e;
                let mut ex = Ex::plain(parse_quote!(rt::strdup(#e)));
                ex.reads = pa.reads;
                Ok(ex)
            }
            Alloc::Null => Ok(Ex::plain(parse_quote!(Vec::new()))),
            Alloc::Call => self.value(v),
            Alloc::Realloc(..) => self.err(
                span,
                "`realloc` whose result is not stored back into its argument's variable",
            ),
        }
    }

    /// The typed zero element of an owned heap array (`0i32`, `0.0f64`, `0u8` for `char`,
    /// `S::default()`), so `vec![z; n]` has a type of its own.
    fn heap_zero(&self, elem: &Type, span: &Span) -> R<Expr> {
        Ok(match elem {
            Type::Int(i) if i.bits == 8 => parse_quote!(0u8),
            Type::Int(i) => int_lit(0, *i, true),
            Type::Float(f) => float_lit(0.0, *f, true),
            other => zero_value(self.cx, other, span)?,
        })
    }

    /// The owner variable (an owned heap array, `Vec<T>`) pointer value `v` is read from.
    fn owner_of(&self, v: Value) -> Option<Var> {
        let x = crate::heap::loaded_var(self.func(), v)?;
        self.cx.plan.owners.is_var(self.cx.fid, x).then_some(x)
    }

    /// The one-index cursor shape pointer value `v` moves over, if it is one: a cursor slot,
    /// `p + k` of one, an element address, or a slice parameter (index 0).
    fn cursor_of(&self, v: Value) -> Option<CanonPlace> {
        if let Some((_, PtrLocal::Index(c))) = self.slot_kind(v) {
            return (holes(&c) == 1).then_some(c);
        }
        if let Some(q) = self.param_alias(v) {
            return self
                .cx
                .plan
                .param_indexable(self.cx.module, self.cx.fid, q)
                .then(|| param_cursor(q));
        }
        if let Some(x) = self.owner_of(v) {
            return Some(owner_cursor(x));
        }
        match FuncIndex::def_op(self.func(), v)? {
            Op::PtrAdd { ptr, .. } => self.cursor_of(*ptr),
            Op::Cast {
                kind: CastKind::PtrCast,
                arg,
            } if is_str_ptr_type(self.vty(*arg)) && is_str_ptr_type(self.vty(v)) => {
                self.cursor_of(*arg)
            }
            Op::Addr(ap) => {
                let (sh, _) = crate::func::shape(self.cx.plan, self.func(), ap)?;
                (holes(&sh) == 1 && matches!(sh.steps.last(), Some(CanonStep::Hole(_))))
                    .then_some(sh)
            }
            _ => None,
        }
    }

    /// The index or selector held by pointer slot value `v` (`Index`/`Choice` kinds).
    fn slot_value(&mut self, v: Value) -> R<Ex> {
        if let Some(n) = self.bound.get(&v) {
            return Ok(Ex::plain(path_expr(n)));
        }
        match self.func().values[v].def {
            ValueDef::Param(..) => match self.cx.locals.param_names.get(&v) {
                Some(n) => Ok(Ex::plain(path_expr(n))),
                None => self.err(
                    &self.span_of(v),
                    "internal: pointer parameter without variable",
                ),
            },
            ValueDef::Inst(i) => {
                let Some(x) = self.ptr_var_of(&self.func().insts[i].op) else {
                    return self.err(&self.span_of(v), "internal: not a pointer slot");
                };
                let mut ex = Ex::plain(path_expr(self.cx.locals.slot_name(x)));
                ex.reads.insert(x);
                Ok(ex)
            }
        }
    }

    /// `if sel == 0 { &mut a } else { &mut b }` (or a `match` for more places).
    fn choice_borrow(
        &mut self,
        places: &[CanonPlace],
        sel: Expr,
        mutable: bool,
        span: &Span,
    ) -> R<Expr> {
        let mut borrows = Vec::new();
        for c in places {
            let e = self.canon_expr(c, span)?;
            borrows.push(ast::reference(e, mutable));
        }
        if borrows.len() == 2 {
            let cond = ast::bin(sel, ast::binop("=="), parse_quote!(0));
            let b = borrows.pop().unwrap_or_else(|| unreachable!());
            let a = borrows.pop().unwrap_or_else(|| unreachable!());
            return Ok(ast::if_else(cond, a, b));
        }
        let n = borrows.len();
        let arms = borrows
            .into_iter()
            .enumerate()
            .map(|(k, b)| {
                let pat: syn::Pat = if k + 1 == n {
                    parse_quote!(_)
                } else {
                    let l = rtypes::lit_usize(k as u64);
                    parse_quote!(#l)
                };
                syn::Arm {
                    attrs: vec![],
                    pat,
                    guard: None,
                    fat_arrow_token: Default::default(),
                    body: Box::new(b),
                    comma: Some(Default::default()),
                }
            })
            .collect();
        Ok(ast::match_expr(sel, arms))
    }

    /// The index or selector a pointer value gives a slot of kind `kind`.
    fn slot_source(&mut self, v: Value, kind: &PtrLocal, span: &Span) -> R<Ex> {
        if let Some((_, k)) = self.slot_kind(v) {
            if k == *kind {
                return self.slot_value(v);
            }
            return self.err(span, "internal: pointer copied between different slots");
        }
        let op = FuncIndex::def_op(self.func(), v).cloned();
        match (op, kind) {
            (
                Some(Op::Select {
                    cond,
                    if_true,
                    if_false,
                }),
                _,
            ) => {
                let c = self.value(cond)?;
                let a = self.slot_source(if_true, kind, span)?;
                let b = self.slot_source(if_false, kind, span)?;
                Ok(Ex::with(
                    ast::if_else(c.e.clone(), a.e.clone(), b.e.clone()),
                    &[&c, &a, &b],
                ))
            }
            (Some(Op::Addr(ap)), PtrLocal::Index(base)) => {
                let Some((sh, vals)) = crate::func::shape(self.cx.plan, self.func(), &ap) else {
                    return self.err(span, "internal: element address without shape");
                };
                if sh != *base {
                    return self.err(span, "internal: element address of another shape");
                }
                let mut idx = Vec::new();
                for v in vals {
                    idx.push(self.index_expr(v)?);
                }
                if idx.len() == 1 {
                    Ok(idx.pop().unwrap_or_else(|| unreachable!()))
                } else {
                    let parts: Vec<&Ex> = idx.iter().collect();
                    let e = ast::array(idx.iter().map(|x| x.e.clone()).collect());
                    Ok(Ex::with(e, &parts))
                }
            }
            // Cursor moves: `p + k` is the index plus `k` (wrapping: a negative `k` read as
            // `usize` subtracts).
            (Some(Op::PtrAdd { ptr, offset }), PtrLocal::Index(c)) if holes(c) == 1 => {
                let b = self.slot_source(ptr, kind, span)?;
                let k = self.index_expr(offset)?;
                let e = if self.iconst_of(offset) == Some(0) {
                    b.e.clone()
                } else if matches!(&b.e, Expr::Lit(l) if tokens(l) == "0") {
                    k.e.clone()
                } else {
                    ast::mcall(b.e.clone(), "wrapping_add", vec![k.e.clone()])
                };
                Ok(Ex::with(e, &[&b, &k]))
            }
            (Some(Op::Null), PtrLocal::Index(_)) => Ok(Ex::plain(parse_quote!(usize::MAX))),
            (
                Some(Op::Cast {
                    kind: CastKind::PtrCast,
                    arg,
                }),
                _,
            ) => self.slot_source(arg, kind, span),
            (_, PtrLocal::Index(c))
                if self.param_alias(v).is_some_and(|q| *c == param_cursor(q))
                    || self.owner_of(v).is_some_and(|x| *c == owner_cursor(x)) =>
            {
                Ok(Ex::plain(rtypes::lit_usize(0)))
            }
            (Some(Op::Addr(ap)), PtrLocal::Choice(cs)) => {
                let c = crate::func::canon(self.cx.module, self.cx.plan, self.func(), &ap);
                match c.and_then(|c| cs.iter().position(|x| *x == c)) {
                    Some(k) => Ok(Ex::plain(rtypes::lit_usize(k as u64))),
                    None => self.err(span, "internal: place not among the pointer's choices"),
                }
            }
            _ => self.err(span, "internal: unexpected pointer source"),
        }
    }

    /// The Rust place expression of a canonical place without holes in a local or a
    /// never-written global.
    fn canon_expr(&mut self, c: &CanonPlace, span: &Span) -> R<Expr> {
        match self.canon_acc(c, None, span)? {
            Acc::Plain(e) => Ok(e),
            _ => self.err(
                span,
                "pointer into a global that is written (not supported here)",
            ),
        }
    }

    /// The closure parameter name for borrows of global `name` (one per global and function:
    /// borrows of one global never nest).
    fn borrow_var(&self, global: &str) -> String {
        let mut m = self.cx.borrow_vars.borrow_mut();
        if let Some(v) = m.get(global) {
            return v.clone();
        }
        let v = self
            .cx
            .temps
            .borrow_mut()
            .fresh(&global.to_ascii_lowercase());
        m.insert(global.to_string(), v.clone());
        v
    }

    /// The expression of an access path; a `RefCell` global's borrow is remembered in
    /// `deref_wrap` for [`Self::place`] to put back.
    fn unwrap_acc(&mut self, acc: Acc) -> Expr {
        match acc {
            Acc::Plain(e) => e,
            Acc::RefCell { global, var, inner } => {
                self.deref_wrap = Some((global, var));
                inner
            }
            Acc::Cell(name) => path_expr(&name),
        }
    }

    /// The access path of a canonical place; `sel` holds the values of its index holes (one
    /// `usize`, or an array of them).
    fn canon_acc(&mut self, c: &CanonPlace, sel: Option<&Expr>, span: &Span) -> R<Acc> {
        let n = crate::func::holes(c);
        let hole = |k: u32| -> Expr {
            match sel {
                Some(e) if n == 1 => e.clone(),
                Some(e) => ast::index(e.clone(), rtypes::lit_usize(u64::from(k))),
                None => rtypes::lit_usize(0),
            }
        };
        let mut wrap = None;
        let (e, ty, offset_first) = match c.base {
            CanonBase::Var(v) => (
                path_expr(&self.cx.locals.var_names[v]),
                self.func().vars[v].ty.clone(),
                false,
            ),
            CanonBase::Global(g) => {
                let gp = self.cx.plan.global(g).clone();
                let ty = self.cx.module.globals[g].ty.clone();
                if gp.kind == GlobalKind::RefCell {
                    let var = self.borrow_var(&gp.name);
                    wrap = Some((gp.name.clone(), var.clone()));
                    let e = if c.steps.is_empty() {
                        ast::deref(path_expr(&var))
                    } else {
                        path_expr(&var)
                    };
                    (e, ty, false)
                } else {
                    (path_expr(&gp.name), ty, false)
                }
            }
            CanonBase::Param(p) => {
                let pi = self.func().params.iter().position(|x| *x == p).unwrap_or(0);
                let class = self.cx.plan.param_class(self.cx.fid, pi);
                let name = path_expr(&self.cx.locals.var_names[p]);
                let pointee = self.func().vars[p]
                    .ty
                    .pointee()
                    .cloned()
                    .unwrap_or(Type::Void);
                if class.slice {
                    (name, pointee, true)
                } else {
                    (ast::deref(name), pointee, false)
                }
            }
        };
        let (e, _) = self.steps_expr(e, ty, offset_first, &c.steps, &hole, span)?;
        Ok(match wrap {
            Some((global, var)) => Acc::RefCell {
                global,
                var,
                inner: e,
            },
            None => Acc::Plain(e),
        })
    }

    /// Applies canonical steps to `e` of IR type `ty`; returns the expression and its type.
    fn steps_expr(
        &mut self,
        mut e: Expr,
        mut ty: Type,
        mut offset_first: bool,
        steps: &[CanonStep],
        hole: &dyn Fn(u32) -> Expr,
        span: &Span,
    ) -> R<(Expr, Type)> {
        for st in steps {
            e = strip_deref(e);
            match st {
                CanonStep::Index(_) | CanonStep::Hole(_) => {
                    let ie = match st {
                        CanonStep::Index(i) => rtypes::lit_usize(*i as u64),
                        CanonStep::Hole(k) => hole(*k),
                        CanonStep::Field(_) => unreachable!(),
                    };
                    e = ast::index(e, ie);
                    if !offset_first {
                        match ty {
                            Type::Array(el, _) => ty = *el,
                            // An owned heap array (`Vec<T>`) held in a pointer variable.
                            Type::Ptr(el) => ty = *el,
                            other => ty = other,
                        }
                    }
                }
                CanonStep::Field(k) => {
                    let Type::Struct(s) = ty else {
                        return self.err(span, "field of a non-struct");
                    };
                    let name = self.cx.plan.field_names[s.as_u32() as usize][*k as usize].clone();
                    ty = self.cx.module.structs[s].fields[*k as usize].ty.clone();
                    e = ast::field(e, &name);
                }
            }
            offset_first = false;
        }
        Ok((e, ty))
    }

    /// Borrows of two elements `base[i]..` and `base[j]..` (`i != j`) of one local array in
    /// one call: `let (lo, hi) = base.split_at_mut(max);` and the two element borrows.
    fn split_borrows(
        &mut self,
        a: &CanonPlace,
        b: &CanonPlace,
        ma: bool,
        mb: bool,
        span: &Span,
    ) -> R<Option<(Expr, Expr)>> {
        let CanonBase::Var(x) = a.base else {
            return Ok(None);
        };
        if b.base != a.base {
            return Ok(None);
        }
        let k = a
            .steps
            .iter()
            .zip(&b.steps)
            .take_while(|(p, q)| p == q)
            .count();
        let (Some(CanonStep::Index(i)), Some(CanonStep::Index(j))) =
            (a.steps.get(k), b.steps.get(k))
        else {
            return Ok(None);
        };
        let (i, j) = (*i, *j);
        let prefix = CanonPlace {
            base: a.base,
            steps: a.steps[..k].to_vec(),
        };
        let pe = self.canon_expr(&prefix, span)?;
        let mut ty = self.func().vars[x].ty.clone();
        for st in &prefix.steps {
            ty = match (st, ty) {
                (CanonStep::Index(_), Type::Array(e, _)) => *e,
                (CanonStep::Field(f), Type::Struct(s)) => {
                    self.cx.module.structs[s].fields[*f as usize].ty.clone()
                }
                _ => return Ok(None),
            };
        }
        let Type::Array(elem, _) = ty else {
            return Ok(None);
        };
        let xname = self.cx.locals.var_names[x].clone();
        let lo = self.cx.temps.borrow_mut().fresh(&format!("{xname}_lo"));
        let hi = self.cx.temps.borrow_mut().fresh(&format!("{xname}_hi"));
        let split_at = i.max(j) as u64;
        let pat: syn::Pat = {
            let (l, h) = (rtypes::ident(&lo), rtypes::ident(&hi));
            parse_quote!((#l, #h))
        };
        let init = ast::mcall(pe, "split_at_mut", vec![rtypes::lit_usize(split_at)]);
        self.stmts.push(Stmt::Local(syn::Local {
            attrs: vec![],
            let_token: Default::default(),
            pat,
            init: Some(syn::LocalInit {
                eq_token: Default::default(),
                expr: Box::new(init),
                diverge: None,
            }),
            semi_token: Default::default(),
        }));
        let render =
            |tx: &mut Self, name: &str, idx: i128, rest: &[CanonStep], m: bool| -> R<Expr> {
                let mut steps = vec![CanonStep::Index(idx)];
                steps.extend_from_slice(rest);
                let (e, _) = tx.steps_expr(
                    path_expr(name),
                    (*elem).clone().into_array_of_one(),
                    false,
                    &steps,
                    &|_| rtypes::lit_usize(0),
                    span,
                )?;
                Ok(ast::reference(e, m))
            };
        let (ea, eb) = if i < j {
            (
                render(self, &lo, i, &a.steps[k + 1..], ma)?,
                render(self, &hi, 0, &b.steps[k + 1..], mb)?,
            )
        } else {
            (
                render(self, &hi, 0, &a.steps[k + 1..], ma)?,
                render(self, &lo, j, &b.steps[k + 1..], mb)?,
            )
        };
        Ok(Some((ea, eb)))
    }

    fn plan_deferral(&mut self) {
        let func = self.func();
        let insts = &func.blocks[self.block].insts;
        let n = insts.len();
        let idx = self.cx.index();
        let mut eval = vec![0usize; n];
        // Values re-evaluated at several uses (and everything inlined into them).
        let mut dup: SecondaryMap<Inst, bool> = SecondaryMap::new();
        for pos in (0..n).rev() {
            eval[pos] = pos;
            let inst = insts[pos];
            let data = &func.insts[inst];
            let Some(r) = data.result else { continue };
            let uses = &idx.uses[r];
            let eval_of = |u: &crate::index::Use,
                           deferred: &SecondaryMap<Inst, bool>,
                           eval: &[usize]| match u.site {
                Site::Inst(k) => {
                    let kp = idx.inst_pos[k];
                    if deferred[k] {
                        eval[kp]
                    } else {
                        kp
                    }
                }
                Site::Term(_) => n,
            };
            let always = is_const_op(&data.op)
                || matches!(data.op, Op::Addr(_) | Op::PtrAdd { .. })
                || self.is_alloc_part(inst)
                || self.is_ptr_param_load(&data.op)
                || data
                    .result
                    .is_some_and(|r| matches!(self.slot_kind(r), Some((_, PtrLocal::Place(_)))));
            if always {
                self.deferred[inst] = true;
                if uses.len() > 1
                    || uses
                        .iter()
                        .any(|u| matches!(u.site, Site::Inst(k) if dup[k]))
                {
                    dup[inst] = true;
                }
                eval[pos] = uses
                    .iter()
                    .map(|u| eval_of(u, &self.deferred, &eval))
                    .max()
                    .unwrap_or(pos);
                continue;
            }
            // Cheap reads (a scalar local, a cast of something already evaluated) may be
            // repeated at each use instead of getting a `let`.
            let cheap = match &data.op {
                Op::Load(pl) => match pl.base {
                    PlaceBase::Var(x) => {
                        pl.proj.is_empty()
                            && !self.cx.locals.var_addr[x]
                            && func.vars[x].ty.is_scalar()
                            && !matches!(func.vars[x].ty, Type::Ptr(_))
                    }
                    _ => false,
                },
                Op::Cast { kind, .. } => !matches!(kind, CastKind::PtrCast | CastKind::PtrToBool),
                _ => false,
            };
            if uses.is_empty() {
                continue;
            }
            let user_dup = uses
                .iter()
                .any(|u| matches!(u.site, Site::Inst(k) if dup[k]));
            if uses.len() > 1 || user_dup {
                if !cheap {
                    continue;
                }
                let e = uses
                    .iter()
                    .map(|u| eval_of(u, &self.deferred, &eval))
                    .max()
                    .unwrap_or(pos);
                let ok = match &data.op {
                    Op::Load(_) => (pos + 1..e.min(n))
                        .all(|k| !self.conflicts(&data.op, &func.insts[insts[k]].op)),
                    _ => true,
                };
                if ok {
                    self.deferred[inst] = true;
                    dup[inst] = true;
                    eval[pos] = e;
                }
                continue;
            }
            let u = uses[0];
            let e = eval_of(&u, &self.deferred, &eval);
            let ok = match &data.op {
                Op::Load(_) => {
                    (pos + 1..e.min(n)).all(|k| !self.conflicts(&data.op, &func.insts[insts[k]].op))
                }
                Op::Call { .. } => {
                    let guarded = match u.site {
                        Site::Inst(k) => match &func.insts[k].op {
                            Op::Select { cond, .. } => *cond != r,
                            Op::Binary {
                                op: BinaryOp::BAnd | BinaryOp::BOr,
                                rhs,
                                ..
                            } => *rhs == r,
                            _ => false,
                        },
                        Site::Term(_) => false,
                    };
                    !guarded
                        && (pos + 1..e.min(n)).all(|k| {
                            let o = &func.insts[insts[k]].op;
                            !(o.has_effects() && self.conflicts(&data.op, o))
                        })
                }
                Op::Store(..) => false,
                _ => true,
            };
            if ok {
                self.deferred[inst] = true;
                eval[pos] = e;
            }
        }
    }

    // ----- the block -----

    fn run(&mut self) -> R<Candidate> {
        self.plan_deferral();
        let func = self.func();
        let bd = &func.blocks[self.block];
        for &inst in &bd.insts {
            if self.deferred[inst] {
                continue;
            }
            let data = &func.insts[inst];
            match &data.op {
                Op::Store(place, v) => self.store(place, *v, &data.span)?,
                Op::Call { callee, args } => {
                    let ex = self.call(callee, args, data.result, &data.span)?;
                    match data.result {
                        Some(r) if !self.cx.index().uses[r].is_empty() => self.bind(r, ex)?,
                        _ => self.stmts.push(ast::semi(ex.e)),
                    }
                }
                _ => {
                    let Some(r) = data.result else { continue };
                    if self.cx.index().uses[r].is_empty() {
                        // A dead value is dropped, unless a call was inlined into it
                        // (`(f() == x, y)`): then it is evaluated for the call's effects.
                        if self.inlines_effects(inst) {
                            let ex = self.op_expr(inst)?;
                            self.stmts.push(ast::let_stmt("_", false, None, Some(ex.e)));
                        }
                        continue;
                    }
                    let ex = self.op_expr(inst)?;
                    self.bind(r, ex)?;
                }
            }
        }
        let term = self.terminator(&bd.term, &bd.span)?;
        Ok(Candidate {
            stmts: std::mem::take(&mut self.stmts),
            term,
            origin: "rules".to_string(),
        })
    }

    /// True when an operand of `inst`, or of what is inlined into it, is a deferred effect
    /// (a call evaluated at its use). Walks the inlined operand tree with a worklist.
    fn inlines_effects(&self, inst: Inst) -> bool {
        let func = self.func();
        let mut work = func.insts[inst].op.operands();
        while let Some(v) = work.pop() {
            let Some(def) = FuncIndex::def_inst(func, v) else {
                continue;
            };
            if !self.deferred[def] {
                continue;
            }
            if func.insts[def].op.has_effects() && !matches!(func.insts[def].op, Op::Load(_)) {
                return true;
            }
            work.extend(func.insts[def].op.operands());
        }
        false
    }

    fn bind(&mut self, r: Value, ex: Ex) -> R<()> {
        // A scalar variable read before it changes (`a[i++]`): `i_old`.
        let base = match FuncIndex::def_op(self.func(), r) {
            Some(Op::Load(pl)) if pl.proj.is_empty() => match pl.base {
                PlaceBase::Var(x) if !self.cx.locals.ptr_locals.contains_key(&x) => {
                    format!("{}_old", self.cx.locals.var_names[x])
                }
                _ => format!("v{}", r.as_u32()),
            },
            _ => format!("v{}", r.as_u32()),
        };
        let name = self.cx.temps.borrow_mut().fresh(&base);
        let ty = if ex.lit.is_some() || untyped(&ex.e) {
            Some(self.rust_ty(self.vty(r), &self.span_of(r))?)
        } else {
            None
        };
        self.stmts.push(ast::let_stmt(&name, false, ty, Some(ex.e)));
        self.bound.insert(r, name);
        Ok(())
    }

    /// Binds an already built expression of value `v` to a fresh `let` and returns the name.
    fn hoist(&mut self, v: Option<Value>, ex: Ex, ty: &Type, span: &Span) -> R<Ex> {
        let base = match v {
            Some(v) => format!("v{}", v.as_u32()),
            None => "tmp".to_string(),
        };
        let name = self.cx.temps.borrow_mut().fresh(&base);
        let t = if ex.lit.is_some() || untyped(&ex.e) {
            Some(self.rust_ty(ty, span)?)
        } else {
            None
        };
        self.stmts.push(ast::let_stmt(&name, false, t, Some(ex.e)));
        let mut out = Ex::plain(path_expr(&name));
        out.reads = BTreeSet::new();
        Ok(out)
    }

    fn terminator(&mut self, term: &Terminator, span: &Span) -> R<TermCode> {
        let args = |tx: &mut Self, call: &xl_ir::BlockCall| -> R<Vec<Expr>> {
            let mut out = Vec::new();
            for (k, v) in call.args.iter().enumerate() {
                let p = tx.func().blocks[call.block].params.get(k).copied();
                let kind = p.and_then(|p| tx.cx.locals.ptr_params.get(&p).cloned());
                out.push(match kind {
                    // No variable: the parameter always names the same place.
                    Some(PtrLocal::Param(_) | PtrLocal::Place(_)) => parse_quote!(()),
                    Some(k) => tx.slot_source(*v, &k, span)?.e,
                    None => tx.value(*v)?.e,
                });
            }
            Ok(out)
        };
        Ok(match term {
            Terminator::Jump(c) => TermCode::Jump {
                args: args(self, c)?,
            },
            Terminator::Branch {
                cond,
                then_dest,
                else_dest,
            } => {
                let flippable = FuncIndex::def_inst(self.func(), *cond).is_some_and(|i| {
                    self.deferred[i]
                        && match &self.func().insts[i].op {
                            Op::Icmp { lhs, .. } => self.vty(*lhs).as_int().is_some(),
                            Op::Fcmp { cond, .. } => matches!(cond, FloatCC::Eq | FloatCC::Ne),
                            Op::Cast {
                                kind: CastKind::IntToBool,
                                ..
                            } => true,
                            _ => false,
                        }
                });
                let c = self.value(*cond)?.e;
                let neg = flippable.then(|| crate::render::flip_cmp(c.clone()));
                TermCode::Branch {
                    cond: c,
                    neg,
                    then_args: args(self, then_dest)?,
                    else_args: args(self, else_dest)?,
                }
            }
            Terminator::Switch { value, .. } => TermCode::Switch {
                value: self.value(*value)?.e,
            },
            Terminator::Return(v) => match v {
                Some(v) if self.cx.plan.owners.rets.contains(&self.cx.fid) => {
                    let elem = self.func().ret.pointee().cloned().unwrap_or(Type::Void);
                    TermCode::Return(Some(self.alloc_expr(*v, &elem, span)?.e))
                }
                Some(v) => TermCode::Return(Some(self.value(*v)?.e)),
                None => TermCode::Return(None),
            },
            Terminator::Unreachable => {
                let diverges = self.stmts.last().is_some_and(|s| match s {
                    Stmt::Expr(e, _) => ast::diverges(e),
                    _ => false,
                });
                if diverges {
                    TermCode::Unreachable
                } else if self.func().ret == Type::Void {
                    TermCode::Return(None)
                } else {
                    // Falling off a non-void function: C leaves the result unspecified
                    // (undefined only if the caller uses it); return zero.
                    let z = zero_value(self.cx, &self.func().ret, span)?;
                    TermCode::Return(Some(z))
                }
            }
        })
    }

    // ----- values -----

    fn value(&mut self, v: Value) -> R<Ex> {
        if let Some(n) = self.bound.get(&v) {
            let mut ex = Ex::plain(path_expr(n));
            ex.reads = BTreeSet::new();
            return Ok(ex);
        }
        match self.func().values[v].def {
            ValueDef::Param(..) => match self.cx.locals.param_names.get(&v) {
                Some(n) => Ok(Ex::plain(path_expr(n))),
                None => self.err(&self.span_of(v), "block parameter without a variable"),
            },
            ValueDef::Inst(i) => {
                if self.deferred[i] {
                    self.op_expr(i)
                } else {
                    self.err(
                        &self.func().insts[i].span,
                        format!("internal: value {v} used before it is defined"),
                    )
                }
            }
        }
    }

    fn iconst_of(&self, v: Value) -> Option<i128> {
        match FuncIndex::def_op(self.func(), v) {
            Some(Op::Iconst(c)) => Some(*c),
            _ => None,
        }
    }

    fn op_expr(&mut self, inst: Inst) -> R<Ex> {
        let func = self.func();
        let data = &func.insts[inst];
        let span = &data.span;
        let rty: Type = data
            .result
            .map(|r| func.values[r].ty.clone())
            .unwrap_or(Type::Void);
        match &data.op {
            Op::Iconst(c) => match rty {
                Type::Int(t) => Ok(Ex {
                    lit: Some(Lit::Int(*c, t)),
                    ..Ex::plain(int_lit(*c, t, false))
                }),
                Type::Bool => Ok(Ex::plain(if *c != 0 {
                    parse_quote!(true)
                } else {
                    parse_quote!(false)
                })),
                _ => self.err(span, format!("integer constant of type `{rty}`")),
            },
            Op::Bconst(b) => Ok(Ex::plain(if *b {
                parse_quote!(true)
            } else {
                parse_quote!(false)
            })),
            Op::Fconst(f) => match rty {
                Type::Float(t) => Ok(Ex {
                    lit: Some(Lit::Float(*f, t)),
                    ..Ex::plain(float_lit(*f, t, false))
                }),
                _ => self.err(span, format!("float constant of type `{rty}`")),
            },
            Op::Str(bytes) => Ok(Ex::plain(byte_str(bytes))),
            Op::Null => {
                if is_str_ptr_type(&rty) {
                    Ok(Ex::plain(parse_quote!(&[])))
                } else if matches!(rty.pointee(), Some(Type::Fn(_))) {
                    // Function pointers are never null in Rust: a placeholder that panics.
                    Ok(Ex::plain(zero_value(self.cx, &rty, span)?))
                } else {
                    self.err(
                        span,
                        "null pointer (nullable pointers are not supported yet)",
                    )
                }
            }
            Op::FuncAddr(f) => {
                if let Some(why) = self.cx.plan.bad_sigs.get(f) {
                    return self.err(
                        span,
                        format!(
                            "address of `{}`, which has no Rust signature ({why})",
                            self.cx.module.funcs[*f].name
                        ),
                    );
                }
                // The function's Rust signature must be the pointer type's.
                if let Type::Ptr(p) = &rty {
                    if let Type::Fn(sig) = &**p {
                        let g = &self.cx.module.funcs[*f];
                        let want = self.cx.types().fn_ty(sig).or_else(|e| self.err(span, e))?;
                        let mut have_params = Vec::new();
                        for (i, pv) in g.params.iter().enumerate() {
                            let t = &g.vars[*pv].ty;
                            let rt = if is_data_ptr(t) {
                                let pointee = t.pointee().cloned().unwrap_or(Type::Void);
                                self.cx
                                    .types()
                                    .ptr_ty(&pointee, self.cx.plan.param_class(*f, i))
                            } else {
                                self.cx.types().value_ty(t)
                            };
                            have_params.push(rt.or_else(|e| self.err(span, e))?);
                        }
                        let have_sig = xl_ir::FnSig {
                            params: vec![],
                            ret: g.ret.clone(),
                            variadic: false,
                        };
                        let _ = have_sig;
                        let syn::Type::BareFn(wf) = &want else {
                            return self.err(span, "internal: function pointer type");
                        };
                        let want_params: Vec<String> =
                            wf.inputs.iter().map(|a| tokens(&a.ty)).collect();
                        let have: Vec<String> = have_params.iter().map(tokens).collect();
                        if want_params != have || sig.ret != g.ret {
                            return self.err(
                                span,
                                format!(
                                    "`{}` used as a function pointer of another type ({})",
                                    g.name,
                                    tokens(&want)
                                ),
                            );
                        }
                    }
                }
                Ok(Ex::plain(path_expr(self.cx.plan.func_name(*f))))
            }
            Op::Unary { op, arg, .. } => {
                let a = self.value(*arg)?;
                let e = match op {
                    UnaryOp::Neg => match a.lit {
                        Some(Lit::Int(c, t)) if c != t.min() => {
                            let v = t.wrap(-c);
                            return Ok(Ex {
                                lit: Some(Lit::Int(v, t)),
                                ..Ex::plain(int_lit(v, t, false))
                            });
                        }
                        _ => ast::mcall(a.typed(), "wrapping_neg", vec![]),
                    },
                    UnaryOp::Not => ast::not(a.e.clone()),
                    // `!(a != b)` reads better as `a == b` (exact for integers, and for `==`/`!=`).
                    UnaryOp::BNot => {
                        let flippable = FuncIndex::def_inst(self.func(), *arg).is_some_and(|i| {
                            self.deferred[i]
                                && match &self.func().insts[i].op {
                                    Op::Icmp { lhs, .. } => self.vty(*lhs).as_int().is_some(),
                                    Op::Fcmp { cond, .. } => {
                                        matches!(cond, FloatCC::Eq | FloatCC::Ne)
                                    }
                                    Op::Cast {
                                        kind: CastKind::IntToBool,
                                        ..
                                    } => true,
                                    _ => false,
                                }
                        });
                        if flippable {
                            crate::render::flip_cmp(a.e.clone())
                        } else {
                            ast::not(a.e.clone())
                        }
                    }
                    UnaryOp::FNeg => ast::neg(a.e.clone()),
                };
                Ok(Ex::with(e, &[&a]))
            }
            Op::Binary { op, lhs, rhs, .. } => self.binary(*op, *lhs, *rhs, &rty, span),
            Op::Icmp { cond, lhs, rhs } => self.icmp(*cond, *lhs, *rhs, span),
            Op::Fcmp { cond, lhs, rhs } => {
                let (a, b) = (self.value(*lhs)?, self.value(*rhs)?);
                let s = match cond {
                    FloatCC::Eq => "==",
                    FloatCC::Ne => "!=",
                    FloatCC::Lt => "<",
                    FloatCC::Le => "<=",
                    FloatCC::Gt => ">",
                    FloatCC::Ge => ">=",
                };
                Ok(Ex::with(
                    ast::bin(a.e.clone(), ast::binop(s), b.e.clone()),
                    &[&a, &b],
                ))
            }
            Op::Cast { kind, arg } => self.cast(*kind, *arg, &rty, span),
            Op::Select {
                cond,
                if_true,
                if_false,
            } => {
                let c = self.value(*cond)?;
                let mut a = self.value(*if_true)?;
                let mut b = self.value(*if_false)?;
                if is_str_ptr_type(&rty) {
                    a.e = slice_all(a.e);
                    b.e = slice_all(b.e);
                }
                let mut ex = Ex::with(
                    ast::if_else(c.e.clone(), a.typed(), b.e.clone()),
                    &[&c, &a, &b],
                );
                if a.lit.is_some() && b.lit.is_some() {
                    ex.lit = None;
                }
                Ok(ex)
            }
            Op::Load(place) => self.load(place, &rty, span),
            Op::Store(..) => self.err(span, "internal: store used as a value"),
            Op::Addr(_) => self.err(
                span,
                "address used other than as a call argument or dereference",
            ),
            Op::PtrAdd { ptr, offset } => {
                if is_str_ptr_type(&rty) && self.is_static(*ptr) {
                    let p = self.value(*ptr)?;
                    let k = self.index_expr(*offset)?;
                    let e = ast::reference(
                        ast::index(p.e.clone(), ast::range_from(k.e.clone())),
                        false,
                    );
                    Ok(Ex::with(e, &[&p, &k]))
                } else {
                    self.err(
                        span,
                        "pointer arithmetic other than `p[i]` or a call argument `p + k`",
                    )
                }
            }
            Op::PtrDiff { lhs, rhs } => {
                // Two cursors over one array: the difference of their indexes.
                match (self.cursor_of(*lhs), self.cursor_of(*rhs)) {
                    (Some(a), Some(b)) if a == b => {
                        let k = PtrLocal::Index(a);
                        let x = self.slot_source(*lhs, &k, span)?;
                        let y = self.slot_source(*rhs, &k, span)?;
                        let d = ast::mcall(x.e.clone(), "wrapping_sub", vec![y.e.clone()]);
                        Ok(Ex::with(ast::cast(d, parse_quote!(i64)), &[&x, &y]))
                    }
                    // Two static strings are suffixes of one literal (same object): the
                    // difference of their lengths.
                    _ if is_str_ptr_type(self.vty(*lhs))
                        && self.is_static(*lhs)
                        && self.is_static(*rhs) =>
                    {
                        let x = self.value(*lhs)?;
                        let y = self.value(*rhs)?;
                        let len = |e: &Expr| {
                            ast::cast(ast::mcall(e.clone(), "len", vec![]), parse_quote!(i64))
                        };
                        let d = ast::mcall(len(&y.e), "wrapping_sub", vec![len(&x.e)]);
                        Ok(Ex::with(d, &[&x, &y]))
                    }
                    _ => self.err(
                        span,
                        "difference of pointers that are not cursors over one array",
                    ),
                }
            }
            Op::Call { callee, args } => self.call(callee, args, data.result, span),
        }
    }

    fn is_static(&self, v: Value) -> bool {
        self.cx.plan.is_static_value(self.cx.module, self.cx.fid, v)
    }

    fn binary(&mut self, op: BinaryOp, lhs: Value, rhs: Value, rty: &Type, span: &Span) -> R<Ex> {
        let a = self.value(lhs)?;
        let b = self.value(rhs)?;
        let int = self.vty(lhs).as_int();
        use BinaryOp::*;
        let e = match op {
            Add | Sub | Mul => {
                let m = match op {
                    Add => "wrapping_add",
                    Sub => "wrapping_sub",
                    _ => "wrapping_mul",
                };
                // `13.wrapping_mul(m)` reads better as `m.wrapping_mul(13)` (commutative; the
                // constant has no effect to reorder).
                if op != Sub && a.lit.is_some() && b.lit.is_none() {
                    ast::mcall(b.e.clone(), m, vec![a.e.clone()])
                } else {
                    ast::mcall(a.typed(), m, vec![b.e.clone()])
                }
            }
            SDiv | SRem | UDiv | URem => {
                let Some(t) = int else {
                    return self.err(span, "integer division on a non-integer");
                };
                let want_signed = matches!(op, SDiv | SRem);
                let s = if matches!(op, SDiv | UDiv) { "/" } else { "%" };
                if t.signed == want_signed {
                    ast::bin(a.e.clone(), ast::binop(s), b.e.clone())
                } else {
                    let o = rtypes::path_type(int_name(t.with_signed(want_signed)));
                    let e = ast::bin(
                        ast::cast(a.e.clone(), o.clone()),
                        ast::binop(s),
                        ast::cast(b.e.clone(), o),
                    );
                    ast::cast(e, rtypes::path_type(int_name(t)))
                }
            }
            And => ast::bin(a.e.clone(), ast::binop("&"), b.e.clone()),
            Or => ast::bin(a.e.clone(), ast::binop("|"), b.e.clone()),
            Xor => ast::bin(a.e.clone(), ast::binop("^"), b.e.clone()),
            Shl | LShr | AShr => {
                let Some(t) = int else {
                    return self.err(span, "shift on a non-integer");
                };
                let konst = self
                    .iconst_of(rhs)
                    .filter(|k| *k >= 0 && *k < i128::from(t.bits));
                let want_signed = match op {
                    Shl => t.signed,
                    LShr => false,
                    _ => true,
                };
                let (recv, back) = if t.signed == want_signed {
                    (a.typed(), None)
                } else {
                    let o = rtypes::path_type(int_name(t.with_signed(want_signed)));
                    (
                        ast::cast(a.e.clone(), o),
                        Some(rtypes::path_type(int_name(t))),
                    )
                };
                let e = match konst {
                    Some(k) => {
                        let s = if op == Shl { "<<" } else { ">>" };
                        let kl = int_lit(k, IntTy::U32, false);
                        ast::bin(recv, ast::binop(s), kl)
                    }
                    None => {
                        let amount = match self.vty(rhs) {
                            Type::Int(IntTy {
                                bits: 32,
                                signed: false,
                            }) => b.e.clone(),
                            _ => ast::cast(b.e.clone(), parse_quote!(u32)),
                        };
                        let m = if op == Shl {
                            "wrapping_shl"
                        } else {
                            "wrapping_shr"
                        };
                        ast::mcall(recv, m, vec![amount])
                    }
                };
                match back {
                    Some(t) => ast::cast(e, t),
                    None => e,
                }
            }
            FAdd => ast::bin(a.e.clone(), ast::binop("+"), b.e.clone()),
            FSub => ast::bin(a.e.clone(), ast::binop("-"), b.e.clone()),
            FMul => ast::bin(a.e.clone(), ast::binop("*"), b.e.clone()),
            FDiv => ast::bin(a.e.clone(), ast::binop("/"), b.e.clone()),
            BAnd | BOr => {
                // Short-circuit forms are exact when the right operand has no effects.
                let s = match (op, b.calls) {
                    (BAnd, false) => "&&",
                    (BAnd, true) => "&",
                    (_, false) => "||",
                    _ => "|",
                };
                ast::bin(a.e.clone(), ast::binop(s), b.e.clone())
            }
        };
        let mut ex = Ex::with(e, &[&a, &b]);
        if let (Some(Lit::Int(x, t)), Some(Lit::Int(y, _))) = (a.lit, b.lit) {
            if let Some(v) = fold_int(op, x, y, t) {
                ex = Ex {
                    lit: Some(Lit::Int(v, t)),
                    ..Ex::plain(int_lit(v, t, false))
                };
            }
        }
        let _ = rty;
        Ok(ex)
    }

    /// `f == g` on function pointers (a function item operand is cast to the pointer type).
    fn fn_ptr_cmp(&mut self, cond: IntCC, lhs: Value, rhs: Value, ty: &Type, span: &Span) -> R<Ex> {
        let s = match cond {
            IntCC::Eq => "==",
            IntCC::Ne => "!=",
            _ => return self.err(span, "ordered comparison of function pointers"),
        };
        let t = self.rust_ty(ty, span)?;
        let side = |tx: &mut Self, v: Value| -> R<Ex> {
            let x = tx.value(v)?;
            Ok(match FuncIndex::def_op(tx.func(), v) {
                Some(Op::FuncAddr(_) | Op::Null) => {
                    Ex::with(ast::cast(x.e.clone(), t.clone()), &[&x])
                }
                _ => x,
            })
        };
        let a = side(self, lhs)?;
        let b = side(self, rhs)?;
        Ok(Ex::with(
            ast::bin(a.e.clone(), ast::binop(s), b.e.clone()),
            &[&a, &b],
        ))
    }

    fn icmp(&mut self, cond: IntCC, lhs: Value, rhs: Value, span: &Span) -> R<Ex> {
        let lt = self.vty(lhs).clone();
        if let Type::Ptr(_) = lt {
            // Cursors over one array compare as indexes (ordered comparisons as `isize`, so
            // a cursor one before the start, `a - 1`, is below it); null is `usize::MAX`.
            let is_null =
                |tx: &Self, v: Value| matches!(FuncIndex::def_op(tx.func(), v), Some(Op::Null));
            // An owned heap array is null when it is empty.
            for (p, q) in [(lhs, rhs), (rhs, lhs)] {
                if let (Some(x), true) = (self.owner_of(p), is_null(self, q)) {
                    let name = path_expr(&self.cx.locals.var_names[x]);
                    let e = ast::mcall(name, "is_empty", vec![]);
                    let mut ex = Ex::plain(match cond {
                        IntCC::Eq => e,
                        IntCC::Ne => ast::not(e),
                        _ => return self.err(span, "ordered comparison with null"),
                    });
                    ex.reads.insert(x);
                    return Ok(ex);
                }
            }
            let pair = match (self.cursor_of(lhs), self.cursor_of(rhs)) {
                (Some(a), Some(b)) if a == b => Some(a),
                (Some(a), None) if is_null(self, rhs) => Some(a),
                (None, Some(b)) if is_null(self, lhs) => Some(b),
                _ => None,
            };
            if let Some(c) = pair {
                let k = PtrLocal::Index(c);
                let a = self.slot_source(lhs, &k, span)?;
                let b = self.slot_source(rhs, &k, span)?;
                let (s, ordered) = match cond {
                    IntCC::Eq => ("==", false),
                    IntCC::Ne => ("!=", false),
                    IntCC::Slt | IntCC::Ult => ("<", true),
                    IntCC::Sle | IntCC::Ule => ("<=", true),
                    IntCC::Sgt | IntCC::Ugt => (">", true),
                    IntCC::Sge | IntCC::Uge => (">=", true),
                };
                let (l, r) = if ordered {
                    (
                        ast::cast(a.e.clone(), parse_quote!(isize)),
                        ast::cast(b.e.clone(), parse_quote!(isize)),
                    )
                } else {
                    (a.e.clone(), b.e.clone())
                };
                return Ok(Ex::with(ast::bin(l, ast::binop(s), r), &[&a, &b]));
            }
            // Two element pointers of one array compare as indexes.
            if let (Some((_, PtrLocal::Index(b1))), Some((_, PtrLocal::Index(b2)))) =
                (self.slot_kind(lhs), self.slot_kind(rhs))
            {
                if b1 == b2 {
                    let (a, b) = (self.slot_value(lhs)?, self.slot_value(rhs)?);
                    let s = match cond {
                        IntCC::Eq => "==",
                        IntCC::Ne => "!=",
                        IntCC::Slt | IntCC::Ult => "<",
                        IntCC::Sle | IntCC::Ule => "<=",
                        IntCC::Sgt | IntCC::Ugt => ">",
                        IntCC::Sge | IntCC::Uge => ">=",
                    };
                    return Ok(Ex::with(
                        ast::bin(a.e.clone(), ast::binop(s), b.e.clone()),
                        &[&a, &b],
                    ));
                }
            }
            if matches!(lt.pointee(), Some(Type::Fn(_))) {
                return self.fn_ptr_cmp(cond, lhs, rhs, &lt, span);
            }
            // Only a static string against null.
            let (p, null_left) = match (
                FuncIndex::def_op(self.func(), lhs),
                FuncIndex::def_op(self.func(), rhs),
            ) {
                (_, Some(Op::Null)) => (lhs, false),
                (Some(Op::Null), _) => (rhs, true),
                _ => return self.err(span, "pointer comparison"),
            };
            let _ = null_left;
            if !(is_str_ptr_type(&lt) && self.is_static(p)) {
                return self.err(
                    span,
                    "null check of a pointer (nullable pointers are not supported yet)",
                );
            }
            let a = self.value(p)?;
            let e = ast::mcall(a.e.clone(), "is_empty", vec![]);
            return Ok(Ex::with(
                match cond {
                    IntCC::Eq => e,
                    IntCC::Ne => ast::not(e),
                    _ => return self.err(span, "ordered pointer comparison"),
                },
                &[&a],
            ));
        }
        let a = self.value(lhs)?;
        let b = self.value(rhs)?;
        let (s, signed) = match cond {
            IntCC::Eq => ("==", None),
            IntCC::Ne => ("!=", None),
            IntCC::Slt => ("<", Some(true)),
            IntCC::Sle => ("<=", Some(true)),
            IntCC::Sgt => (">", Some(true)),
            IntCC::Sge => (">=", Some(true)),
            IntCC::Ult => ("<", Some(false)),
            IntCC::Ule => ("<=", Some(false)),
            IntCC::Ugt => (">", Some(false)),
            IntCC::Uge => (">=", Some(false)),
        };
        // A `char` read from byte storage compared with a character constant: compare the
        // byte itself (`s[i] == b'a'`).
        if signed.is_none() {
            for (x, y, xv, yv) in [(&a, &b, lhs, rhs), (&b, &a, rhs, lhs)] {
                let _ = yv;
                if let (Some(raw), Some(Lit::Int(c, _))) = (self.raw_byte(xv, &x.e), y.lit) {
                    if (-128..=127).contains(&c) {
                        let lit = byte_lit(IntTy::U8.wrap(c) as u8);
                        let e = if xv == lhs {
                            ast::bin(raw, ast::binop(s), lit)
                        } else {
                            ast::bin(lit, ast::binop(s), raw)
                        };
                        return Ok(Ex::with(e, &[&a, &b]));
                    }
                }
            }
        }
        let (l, r) = match (lt.as_int(), signed) {
            (Some(t), Some(sg)) if t.signed != sg => {
                let o = rtypes::path_type(int_name(t.with_signed(sg)));
                (ast::cast(a.e.clone(), o.clone()), ast::cast(b.e.clone(), o))
            }
            _ => (a.typed_if(b.lit.is_some()), b.e.clone()),
        };
        Ok(Ex::with(ast::bin(l, ast::binop(s), r), &[&a, &b]))
    }

    fn cast(&mut self, kind: CastKind, arg: Value, rty: &Type, span: &Span) -> R<Ex> {
        let from = self.vty(arg).clone();
        // A cursor is null when its index is `usize::MAX`.
        if kind == CastKind::PtrToBool {
            if let Some(x) = self.owner_of(arg) {
                let name = path_expr(&self.cx.locals.var_names[x]);
                let mut ex = Ex::plain(ast::not(ast::mcall(name, "is_empty", vec![])));
                ex.reads.insert(x);
                return Ok(ex);
            }
            // The owned array a call returned, tested and dropped.
            if crate::heap::alloc_of(self.func(), &self.cx.plan.owners.rets, arg)
                == Some(crate::heap::Alloc::Call)
            {
                let a = self.value(arg)?;
                let e = ast::not(ast::mcall(a.e.clone(), "is_empty", vec![]));
                return Ok(Ex::with(e, &[&a]));
            }
            if let Some(c) = self.cursor_of(arg) {
                let a = self.slot_source(arg, &PtrLocal::Index(c), span)?;
                let e = ast::bin(a.e.clone(), ast::binop("!="), parse_quote!(usize::MAX));
                return Ok(Ex::with(e, &[&a]));
            }
        }
        let a = self.value(arg)?;
        let e = match kind {
            CastKind::IntCast => {
                let Type::Int(t) = rty else {
                    return self.err(span, "int cast to a non-integer");
                };
                if from == *rty {
                    return Ok(a);
                }
                if let Some(Lit::Int(c, _)) = a.lit {
                    let v = t.wrap(c);
                    return Ok(Ex {
                        lit: Some(Lit::Int(v, *t)),
                        ..Ex::plain(int_lit(v, *t, false))
                    });
                }
                if let Some(e) = self.recast(arg, &a.e, *t) {
                    return Ok(Ex::with(e, &[&a]));
                }
                // `(char)` storage read as `unsigned char`: the byte itself.
                if *t == IntTy::U8 {
                    if let Some(raw) = self.raw_byte(arg, &a.e) {
                        return Ok(Ex::with(raw, &[&a]));
                    }
                }
                ast::cast(a.typed(), rtypes::path_type(int_name(*t)))
            }
            CastKind::IntToBool => {
                // A constant's truth is known; an unsuffixed literal would also default to
                // `i32` and may not fit (`4294967295 != 0`).
                if let Some(Lit::Int(c, _)) = a.lit {
                    return Ok(Ex::with(
                        if c != 0 {
                            parse_quote!(true)
                        } else {
                            parse_quote!(false)
                        },
                        &[&a],
                    ));
                }
                let x = self.raw_byte(arg, &a.e).unwrap_or_else(|| a.typed());
                ast::bin(x, ast::binop("!="), parse_quote!(0))
            }
            CastKind::BoolToInt => {
                let Type::Int(t) = rty else {
                    return self.err(span, "bool to non-integer");
                };
                let t = rtypes::ident(int_name(*t));
                ast::call(parse_quote!(#t::from), vec![a.e.clone()])
            }
            CastKind::FloatToInt | CastKind::IntToFloat | CastKind::FloatCast => {
                if from == *rty {
                    return Ok(a);
                }
                if let (CastKind::IntToFloat, Some(Lit::Int(c, _)), Type::Float(ft)) =
                    (kind, a.lit, rty)
                {
                    let f = if *ft == FloatTy::F32 {
                        c as f32 as f64
                    } else {
                        c as f64
                    };
                    return Ok(Ex {
                        lit: Some(Lit::Float(f, *ft)),
                        ..Ex::plain(float_lit(f, *ft, false))
                    });
                }
                let t = self.rust_ty(rty, span)?;
                ast::cast(a.typed(), t)
            }
            CastKind::PtrToBool => {
                if is_str_ptr_type(&from) && self.is_static(arg) {
                    ast::not(ast::mcall(a.e.clone(), "is_empty", vec![]))
                } else {
                    return self.err(
                        span,
                        "pointer used as a truth value (nullable pointers are not supported yet)",
                    );
                }
            }
            CastKind::PtrCast => {
                if from == *rty || (is_str_ptr_type(&from) && is_str_ptr_type(rty)) {
                    return Ok(a);
                }
                return self.err(span, format!("pointer cast from `{from}` to `{rty}`"));
            }
        };
        Ok(Ex::with(e, &[&a]))
    }

    /// `(x as U) as T` is `x as T` when both casts widen and compose (the first does not
    /// sign-extend into an unsigned type): returns that, given `built` = `x as U` for `v`.
    fn recast(&self, v: Value, built: &Expr, t: IntTy) -> Option<Expr> {
        let i = FuncIndex::def_inst(self.func(), v)?;
        if !self.deferred[i] {
            return None;
        }
        let Op::Cast {
            kind: CastKind::IntCast,
            arg,
        } = &self.func().insts[i].op
        else {
            return None;
        };
        // The inner expression must have exactly the IR type of the cast's operand (not a
        // chain already collapsed by this rule).
        if let Some(j) = FuncIndex::def_inst(self.func(), *arg) {
            if self.deferred[j]
                && matches!(
                    self.func().insts[j].op,
                    Op::Cast {
                        kind: CastKind::IntCast,
                        ..
                    }
                )
            {
                return None;
            }
        }
        let s = self.vty(*arg).as_int()?;
        let u = self.vty(v).as_int()?;
        let Expr::Cast(c) = built else { return None };
        let composes = u.bits > s.bits && t.bits >= u.bits && (!s.signed || u.signed);
        composes.then(|| ast::cast((*c.expr).clone(), rtypes::path_type(int_name(t))))
    }

    /// The `u8` storage expression behind a `char` value `v` built as `built`: `v` is a
    /// deferred byte-storage load (`X as i8`) or a widening of one (`X as i8 as i32`).
    fn raw_byte(&self, v: Value, built: &Expr) -> Option<Expr> {
        let i = FuncIndex::def_inst(self.func(), v)?;
        if !self.deferred[i] {
            return None;
        }
        let strip_i8 = |e: &Expr| -> Option<Expr> {
            match e {
                Expr::Cast(c) if matches!(&*c.ty, syn::Type::Path(p) if p.path.is_ident("i8")) => {
                    Some((*c.expr).clone())
                }
                _ => None,
            }
        };
        match &self.func().insts[i].op {
            Op::Load(pl) if self.byte_storage(pl, self.vty(v)) => strip_i8(built),
            Op::Cast {
                kind: CastKind::IntCast,
                arg,
            } => {
                let j = FuncIndex::def_inst(self.func(), *arg)?;
                let from = self.vty(*arg).as_int()?;
                let to = self.vty(v).as_int()?;
                let is_byte_load = self.deferred[j]
                    && matches!(&self.func().insts[j].op, Op::Load(pl) if self.byte_storage(pl, self.vty(*arg)));
                if !is_byte_load || from != IntTy::I8 || !to.signed || to.bits <= 8 {
                    return None;
                }
                match built {
                    Expr::Cast(c) => strip_i8(&c.expr),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    // ----- places -----

    /// The index expression (`usize`) for index value `v`.
    fn index_expr(&mut self, v: Value) -> R<Ex> {
        if let Some(c) = self.iconst_of(v) {
            if c >= 0 {
                return Ok(Ex::plain(rtypes::lit_usize(c as u64)));
            }
        }
        // `(x as i64) as usize` is `x as usize` when the first cast widens.
        if let Some(i) = FuncIndex::def_inst(self.func(), v) {
            if self.deferred[i] {
                if let Op::Cast {
                    kind: CastKind::IntCast,
                    arg,
                } = &self.func().insts[i].op
                {
                    if let (Some(f), Some(t)) = (self.vty(*arg).as_int(), self.vty(v).as_int()) {
                        if f.bits < t.bits && t.bits == 64 {
                            let a = self.value(*arg)?;
                            return Ok(Ex::with(
                                ast::cast(a.e.clone(), parse_quote!(usize)),
                                &[&a],
                            ));
                        }
                    }
                }
            }
        }
        let a = self.value(v)?;
        Ok(Ex::with(ast::cast(a.typed(), parse_quote!(usize)), &[&a]))
    }

    /// True when the place's final storage is a `u8` holding a C `char`.
    fn byte_storage(&self, place: &Place, ty: &Type) -> bool {
        if !matches!(ty, Type::Int(i) if i.bits == 8 && i.signed) {
            return false;
        }
        match place.proj.last() {
            Some(Proj::Index(_)) => true,
            Some(Proj::Field(_)) => false,
            None => match place.base {
                PlaceBase::Deref(_) => true,
                PlaceBase::Var(v) => self.cx.locals.var_byte[v],
                PlaceBase::Global(g) => self.cx.plan.global(g).byte_scalar,
            },
        }
    }

    /// Applies projections to a place expression. A leading `*p` is dropped before a
    /// projection (auto-deref makes `p.f` and `p[i]` mean `(*p).f` and `(*p)[i]`).
    fn project(
        &mut self,
        mut e: Expr,
        projs: &[Proj],
        parts: &mut Vec<Ex>,
        mut fields_of: Type,
    ) -> R<Expr> {
        for p in projs {
            if let Expr::Unary(syn::ExprUnary {
                op: syn::UnOp::Deref(_),
                expr,
                ..
            }) = &e
            {
                e = (**expr).clone();
            }
            match p {
                Proj::Field(k) => {
                    let Type::Struct(s) = fields_of else {
                        return self.err(&self.func().span, "field of a non-struct");
                    };
                    let name = self.cx.plan.field_names[s.as_u32() as usize][*k as usize].clone();
                    fields_of = self.cx.module.structs[s].fields[*k as usize].ty.clone();
                    e = ast::field(e, &name);
                }
                Proj::Index(v) => {
                    let i = self.index_expr(*v)?;
                    e = ast::index(e, i.e.clone());
                    parts.push(i);
                    if let Type::Array(el, _) = fields_of {
                        fields_of = *el;
                    }
                }
            }
        }
        Ok(e)
    }

    /// The access path for `place` and the values its expression reads.
    fn place(&mut self, place: &Place, span: &Span) -> R<(Acc, Ex)> {
        let mut parts = Vec::new();
        let root_ty = crate::plan::place_types(self.cx.module, self.func(), place);
        let Some(root_ty) = root_ty.first().cloned() else {
            return self.err(span, "ill-typed place");
        };
        let acc = match &place.base {
            PlaceBase::Var(v) => {
                let name = self.cx.locals.var_names[*v].clone();
                let e = self.project(path_expr(&name), &place.proj, &mut parts, root_ty)?;
                let mut x = Ex::plain(e.clone());
                x.reads.insert(*v);
                parts.push(x);
                Acc::Plain(e)
            }
            PlaceBase::Global(g) => {
                let gp = self.cx.plan.global(*g).clone();
                if let Some(why) = &gp.bad {
                    return self.err(
                        span,
                        format!(
                            "uses global `{}`, which has no safe Rust form ({why})",
                            self.cx.module.globals[*g].name
                        ),
                    );
                }
                match gp.kind {
                    GlobalKind::Const | GlobalKind::Static => Acc::Plain(self.project(
                        path_expr(&gp.name),
                        &place.proj,
                        &mut parts,
                        root_ty,
                    )?),
                    GlobalKind::Cell => {
                        if !place.proj.is_empty() {
                            return self.err(span, "projection of a scalar global");
                        }
                        let mut x = Ex::plain(path_expr(&gp.name));
                        x.heavy = true;
                        parts.push(x);
                        Acc::Cell(gp.name)
                    }
                    GlobalKind::RefCell => {
                        let var = self.borrow_var(&gp.name);
                        let inner = if place.proj.is_empty() {
                            ast::deref(path_expr(&var))
                        } else {
                            self.project(path_expr(&var), &place.proj, &mut parts, root_ty)?
                        };
                        let mut x = Ex::plain(path_expr(&gp.name));
                        x.heavy = true;
                        parts.push(x);
                        Acc::RefCell {
                            global: gp.name,
                            var,
                            inner,
                        }
                    }
                    GlobalKind::Stream => return self.err(span, "stdio stream used as data"),
                }
            }
            PlaceBase::Deref(p) => {
                self.deref_wrap = None;
                let (e, used, ex) = self.deref_base(*p, &place.proj, span)?;
                let wrap = self.deref_wrap.take();
                parts.push(ex);
                let e = self.project(e, &place.proj[used..], &mut parts, root_ty)?;
                match wrap {
                    Some((global, var)) => {
                        let mut x = Ex::plain(path_expr(&global));
                        x.heavy = true;
                        parts.push(x);
                        Acc::RefCell {
                            global,
                            var,
                            inner: e,
                        }
                    }
                    None => Acc::Plain(e),
                }
            }
        };
        // Heavy index expressions cannot be evaluated inside a borrow of a global.
        let mut all = Ex::plain(parse_quote!(()));
        for p in &parts {
            all.heavy |= p.heavy;
            all.calls |= p.calls;
            all.reads.extend(p.reads.iter().copied());
        }
        if let Acc::RefCell { .. } = acc {
            let idx_heavy = place.proj.iter().any(|p| match p {
                Proj::Index(v) => self.value_is_heavy(*v),
                _ => false,
            });
            if idx_heavy {
                return self.err(span, "internal: heavy index inside a global borrow");
            }
        }
        Ok((acc, all))
    }

    fn value_is_heavy(&self, v: Value) -> bool {
        // Conservative: a deferred call or global access inside the index.
        let mut work = vec![v];
        while let Some(v) = work.pop() {
            if self.bound.contains_key(&v) {
                continue;
            }
            let Some(i) = FuncIndex::def_inst(self.func(), v) else {
                continue;
            };
            if !self.deferred[i] {
                continue;
            }
            let op = &self.func().insts[i].op;
            match op {
                Op::Call { .. } => return true,
                Op::Load(p) => {
                    if let PlaceBase::Global(g) = p.base {
                        if matches!(
                            self.cx.plan.global(g).kind,
                            GlobalKind::Cell | GlobalKind::RefCell
                        ) {
                            return true;
                        }
                    }
                }
                _ => {}
            }
            work.extend(op.operands());
        }
        false
    }

    /// Binds heavy index values of `place` to lets so the place can be used inside a
    /// `RefCell` borrow.
    fn prebind_indexes(&mut self, place: &Place) -> R<()> {
        for p in &place.proj {
            if let Proj::Index(v) = p {
                if self.value_is_heavy(*v) && !self.bound.contains_key(v) {
                    let ex = self.value(*v)?;
                    let ty = self.vty(*v).clone();
                    let span = self.span_of(*v);
                    let h = self.hoist(Some(*v), ex, &ty, &span)?;
                    if let Expr::Path(p) = &h.e {
                        if let Some(id) = p.path.get_ident() {
                            self.bound.insert(*v, id.to_string());
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The place `*p` (with the first projection when it is consumed here): returns the
    /// expression, how many projections were used, and what it reads.
    /// `x[i]` (or `x[0]`) for variable `x` holding a slice or an owned array, with how many
    /// projections that used.
    fn slice_elem(&mut self, x: Var, first_index: Option<Value>) -> R<(Expr, usize, Ex)> {
        let name = self.cx.locals.var_names[x].clone();
        let mut ex = Ex::plain(path_expr(&name));
        ex.reads.insert(x);
        match first_index {
            Some(i) => {
                let ie = self.index_expr(i)?;
                let e = ast::index(path_expr(&name), ie.e.clone());
                Ok((e, 1, Ex::with(ex.e.clone(), &[&ex, &ie])))
            }
            None => Ok((ast::index(path_expr(&name), rtypes::lit_usize(0)), 0, ex)),
        }
    }

    fn deref_base(&mut self, p: Value, proj: &[Proj], span: &Span) -> R<(Expr, usize, Ex)> {
        let func = self.func();
        let first_index = match proj.first() {
            Some(Proj::Index(i)) => Some(*i),
            _ => None,
        };
        let def = FuncIndex::def_inst(func, p).map(|i| func.insts[i].op.clone());
        if let Some(x) = self.owner_of(p) {
            return self.slice_elem(x, first_index);
        }
        match def {
            _ if self.param_alias(p).is_some() => {
                let Some(pv) = self.param_alias(p) else {
                    unreachable!()
                };
                let pi = func.params.iter().position(|x| *x == pv).unwrap_or(0);
                let class = self.cx.plan.param_class(self.cx.fid, pi);
                let name = self.cx.locals.var_names[pv].clone();
                let mut ex = Ex::plain(path_expr(&name));
                ex.reads.insert(pv);
                if class.slice {
                    self.slice_elem(pv, first_index)
                } else if first_index.is_some() {
                    self.err(span, "internal: indexing through a reference parameter")
                } else {
                    Ok((ast::deref(path_expr(&name)), 0, ex))
                }
            }
            Some(Op::Addr(inner)) => {
                let (acc, ex) = self.place(&inner, span)?;
                let Acc::Plain(e) = acc else {
                    return self.err(span, "dereference of the address of a global");
                };
                match first_index {
                    Some(i) if self.iconst_of(i) == Some(0) => Ok((e, 1, ex)),
                    Some(_) => self.err(span, "indexing from the address of an element"),
                    None => Ok((e, 0, ex)),
                }
            }
            Some(Op::PtrAdd { ptr, offset }) => {
                let base = self.slice_of(ptr, span)?;
                let k = self.index_expr(offset)?;
                let sub = ast::index(base.e.clone(), ast::range_from(k.e.clone()));
                match first_index {
                    Some(i) => {
                        let ie = self.index_expr(i)?;
                        Ok((
                            ast::index(sub, ie.e.clone()),
                            1,
                            Ex::with(parse_quote!(()), &[&base, &k, &ie]),
                        ))
                    }
                    None => Ok((
                        ast::index(sub, rtypes::lit_usize(0)),
                        0,
                        Ex::with(parse_quote!(()), &[&base, &k]),
                    )),
                }
            }
            _ if self.slot_kind(p).is_some() => {
                let Some((x, kind)) = self.slot_kind(p) else {
                    unreachable!()
                };
                let zero_first = first_index.map(|i| self.iconst_of(i) == Some(0));
                if zero_first == Some(false) {
                    // `p[k]` on a cursor: the element `k` after the cursor's index.
                    if let (PtrLocal::Index(c), Some(i)) = (&kind, first_index) {
                        if holes(c) == 1 {
                            let iv = self.slot_value(p)?;
                            let k = self.index_expr(i)?;
                            let sel = ast::mcall(iv.e.clone(), "wrapping_add", vec![k.e.clone()]);
                            let acc = self.canon_acc(c, Some(&sel), span)?;
                            let mut ex = Ex::with(parse_quote!(()), &[&iv, &k]);
                            ex.reads.extend(x);
                            return Ok((self.unwrap_acc(acc), 1, ex));
                        }
                    }
                    return self.err(
                        span,
                        "indexing through a pointer variable (pointer arithmetic)",
                    );
                }
                let used = usize::from(zero_first == Some(true));
                match kind {
                    PtrLocal::Place(c) => {
                        let acc = self.canon_acc(&c, None, span)?;
                        Ok((self.unwrap_acc(acc), used, Ex::plain(parse_quote!(()))))
                    }
                    PtrLocal::Index(c) => {
                        let iv = self.slot_value(p)?;
                        let acc = self.canon_acc(&c, Some(&iv.e), span)?;
                        let mut ex = Ex::with(parse_quote!(()), &[&iv]);
                        ex.reads.extend(x);
                        Ok((self.unwrap_acc(acc), used, ex))
                    }
                    PtrLocal::Choice(cs) => {
                        let sel = self.slot_value(p)?;
                        let m = self.access_mut;
                        let b = self.choice_borrow(&cs, sel.e.clone(), m, span)?;
                        let mut ex = Ex::with(parse_quote!(()), &[&sel]);
                        ex.reads.extend(x);
                        Ok((ast::deref(b), used, ex))
                    }
                    PtrLocal::Param(_) => self.err(span, "internal: parameter alias"),
                }
            }
            _ if is_str_ptr_type(self.vty(p)) && self.is_static(p) => {
                let s = self.value(p)?;
                match first_index {
                    Some(i) => {
                        let ie = self.index_expr(i)?;
                        Ok((
                            ast::index(s.e.clone(), ie.e.clone()),
                            1,
                            Ex::with(parse_quote!(()), &[&s, &ie]),
                        ))
                    }
                    None => Ok((ast::index(s.e.clone(), rtypes::lit_usize(0)), 0, s)),
                }
            }
            _ => self.err(
                span,
                "dereference of a pointer that is not a parameter, an address or a string",
            ),
        }
    }

    /// A slice expression for pointer `p` used as the base of `p + k`.
    fn slice_of(&mut self, p: Value, span: &Span) -> R<Ex> {
        let func = self.func();
        let def = FuncIndex::def_inst(func, p).map(|i| func.insts[i].op.clone());
        match def {
            _ if self.param_alias(p).is_some() => {
                let Some(pv) = self.param_alias(p) else {
                    unreachable!()
                };
                let pi = func.params.iter().position(|x| *x == pv).unwrap_or(0);
                if !self.cx.plan.param_class(self.cx.fid, pi).slice {
                    return self.err(
                        span,
                        "internal: pointer arithmetic on a reference parameter",
                    );
                }
                let mut ex = Ex::plain(path_expr(&self.cx.locals.var_names[pv]));
                ex.reads.insert(pv);
                Ok(ex)
            }
            _ if is_str_ptr_type(self.vty(p)) && self.is_static(p) => self.value(p),
            // A cursor: the rest of its array from its index, `a[i..]`.
            _ if self.cursor_of(p).is_some() => {
                let Some(c) = self.cursor_of(p) else {
                    unreachable!()
                };
                let x = self.slot_kind(p).and_then(|(x, _)| x);
                let iv = self.slot_source(p, &PtrLocal::Index(c.clone()), span)?;
                let acc = self.canon_acc(&c, Some(&iv.e), span)?;
                let Acc::Plain(e) = acc else {
                    return self.err(span, "pointer arithmetic into a global that is written");
                };
                let e = match e {
                    Expr::Index(ix) if matches!(&*ix.index, Expr::Lit(l) if tokens(l) == "0") => {
                        *ix.expr
                    }
                    Expr::Index(ix) => ast::index(*ix.expr, ast::range_from(*ix.index)),
                    other => other,
                };
                let mut ex = Ex::with(e, &[&iv]);
                ex.reads.extend(x);
                Ok(ex)
            }
            _ => self.err(
                span,
                "pointer arithmetic on a pointer that is not a parameter or a string",
            ),
        }
    }

    fn load(&mut self, place: &Place, ty: &Type, span: &Span) -> R<Ex> {
        if let PlaceBase::Var(x) = place.base {
            if let (Some(PtrLocal::Index(_) | PtrLocal::Choice(_)), true) =
                (self.cx.locals.ptr_locals.get(&x), place.proj.is_empty())
            {
                let mut ex = Ex::plain(path_expr(self.cx.locals.slot_name(x)));
                ex.reads.insert(x);
                return Ok(ex);
            }
        }
        if is_data_ptr(ty) && !is_str_ptr_type(ty) {
            if let PlaceBase::Var(v) = place.base {
                if self.func().vars[v].kind == VarKind::Param {
                    return self.err(span, "internal: pointer parameter used as a value");
                }
            }
            return self.err(span, format!("load of a `{ty}` pointer from memory"));
        }
        if is_str_ptr_type(ty) {
            let slot = place_slot(self.cx.module, self.cx.fid, self.func(), place);
            if !slot.is_some_and(|s| self.cx.plan.static_slots.contains(&s))
                && !self
                    .cx
                    .plan
                    .is_param_pointee_str(self.cx.module, self.cx.fid, place)
            {
                return self.err(
                    span,
                    "`char *` that does not always point to a string literal",
                );
            }
        }
        let byte = self.byte_storage(place, ty);
        if let PlaceBase::Global(g) = place.base {
            if self.cx.plan.global(g).kind == GlobalKind::RefCell {
                self.prebind_indexes(place)?;
            }
        }
        let (acc, mut ex) = self.place(place, span)?;
        let e = match acc {
            Acc::Plain(e) => e,
            Acc::Cell(name) => ast::mcall(path_expr(&name), "get", vec![]),
            Acc::RefCell { global, var, inner } => ast::mcall(
                path_expr(&global),
                "with_borrow",
                vec![ast::closure(&var, inner)],
            ),
        };
        ex.e = if byte {
            ast::cast(e, parse_quote!(i8))
        } else {
            e
        };
        Ok(ex)
    }

    fn store(&mut self, place: &Place, v: Value, span: &Span) -> R<()> {
        let ty = self.vty(v).clone();
        if let (PlaceBase::Var(x), true) = (&place.base, place.proj.is_empty()) {
            if self.cx.plan.owners.is_var(self.cx.fid, *x) {
                return self.store_owner(*x, v, span);
            }
        }
        if let PlaceBase::Var(x) = place.base {
            match self.cx.locals.ptr_locals.get(&x).cloned() {
                // Constant aliases need no code.
                Some(PtrLocal::Param(_) | PtrLocal::Place(_)) => return Ok(()),
                Some(k @ (PtrLocal::Index(_) | PtrLocal::Choice(_))) => {
                    let src = self.slot_source(v, &k, span)?;
                    let name = path_expr(self.cx.locals.slot_name(x));
                    self.stmts.push(ast::semi(ast::assign(name, src.e)));
                    return Ok(());
                }
                None => {}
            }
        }
        if let PlaceBase::Var(x) = place.base {
            let d = &self.func().vars[x];
            if d.kind == VarKind::Param && is_data_ptr(&d.ty) {
                return self.err(
                    span,
                    format!("pointer parameter `{}` is reassigned", d.name),
                );
            }
        }
        if is_data_ptr(&ty) {
            if !is_str_ptr_type(&ty) {
                return self.err(span, format!("store of a `{ty}` pointer"));
            }
            if !self.is_static(v) {
                return self.err(
                    span,
                    "store of a `char *` that is not always a string literal",
                );
            }
            let slot = place_slot(self.cx.module, self.cx.fid, self.func(), place);
            if !slot.is_some_and(|s| self.cx.plan.static_slots.contains(&s)) {
                return self.err(
                    span,
                    "`char *` slot that does not always hold a string literal",
                );
            }
        }
        let byte = self.byte_storage(place, &ty);
        let refcell = matches!(place.base, PlaceBase::Global(g) if self.cx.plan.global(g).kind == GlobalKind::RefCell);
        let mut val = self.value(v)?;
        if refcell {
            self.prebind_indexes(place)?;
            // Calls may borrow the global themselves: evaluate them first.
            if val.heavy && val.calls {
                val = self.hoist(Some(v), val, &ty, span)?;
            }
        }
        self.access_mut = true;
        let r = self.place(place, span);
        self.access_mut = false;
        let (acc, _) = r?;
        // Reads of the same global inside the value use the closure's borrow.
        if let Acc::RefCell { global, var, .. } = &acc {
            if !val.calls {
                val.e = reborrow_reads(val.e.clone(), global, var);
            }
        }
        // Through a pointer into a `RefCell` global: the value must not borrow it again.
        if matches!(acc, Acc::RefCell { .. }) && val.heavy && !refcell && val.calls {
            val = self.hoist(Some(v), val, &ty, span)?;
        }
        let mut ve = val.e.clone();
        // Copying a `char` between byte storages needs no conversion.
        let raw_byte = byte
            && matches!(&ve, Expr::Cast(c) if matches!(&*c.ty, syn::Type::Path(p) if p.path.is_ident("i8")))
            && FuncIndex::def_inst(self.func(), v).is_some_and(|i| {
                self.deferred[i]
                    && matches!(&self.func().insts[i].op, Op::Load(lp) if self.byte_storage(lp, &ty))
            });
        if raw_byte {
            if let Expr::Cast(c) = ve {
                ve = *c.expr;
            }
        } else if byte {
            ve = match val.lit {
                Some(Lit::Int(c, _)) => int_lit(IntTy::U8.wrap(c), IntTy::U8, false),
                None => strip_cast_to(ve, "i8", "u8"),
                _ => ast::cast(ve, parse_quote!(u8)),
            };
        }
        let e = match acc {
            Acc::Plain(e) => ast::assign(e, ve),
            Acc::Cell(name) => ast::mcall(path_expr(&name), "set", vec![ve]),
            Acc::RefCell { global, var, inner } => ast::mcall(
                path_expr(&global),
                "with_borrow_mut",
                vec![ast::closure(&var, ast::assign(inner, ve))],
            ),
        };
        self.stmts.push(ast::semi(e));
        Ok(())
    }

    /// `x = <allocation>` for owner variable `x`: a new `Vec`, `x.resize(n, 0)` for
    /// `realloc(x, ..)`, `Vec::new()` for null.
    fn store_owner(&mut self, x: Var, v: Value, span: &Span) -> R<()> {
        let elem = self.func().vars[x]
            .ty
            .pointee()
            .cloned()
            .unwrap_or(Type::Void);
        let name = path_expr(&self.cx.locals.var_names[x]);
        let alloc = crate::heap::alloc_of(self.func(), &self.cx.plan.owners.rets, v);
        let moved = match &alloc {
            Some(crate::heap::Alloc::Realloc(p, _)) => crate::heap::loaded_var(self.func(), *p),
            None => self.owner_of(v),
            _ => None,
        };
        if let Some(y) = moved.filter(|y| *y != x) {
            let from = path_expr(&self.cx.locals.var_names[y]);
            let take = ast::call(
                ast::path(&["std", "mem", "take"]),
                vec![ast::reference(from, true)],
            );
            self.stmts.push(ast::semi(ast::assign(name.clone(), take)));
            self.cx.notes.borrow_mut().push(Unsupported {
                reason: format!(
                    "heap array moved from `{}` to `{}` (a later read of `{}` would panic)",
                    self.func().vars[y].name,
                    self.func().vars[x].name,
                    self.func().vars[y].name
                ),
                span: span.clone(),
            });
            if alloc.is_none() {
                return Ok(());
            }
        }
        if let Some(crate::heap::Alloc::Realloc(_, n)) = alloc {
            let size = xl_ir::layout::size_of(self.cx.module, &elem);
            let count = self.count_expr(n, size, span)?;
            let zero = self.heap_zero(&elem, span)?;
            self.stmts
                .push(ast::semi(ast::mcall(name, "resize", vec![count, zero])));
            return Ok(());
        }
        let a = self.alloc_expr(v, &elem, span)?;
        self.stmts.push(ast::semi(ast::assign(name, a.e)));
        Ok(())
    }

    // ----- calls -----

    /// The pointer argument for value `v` passed as `want`.
    fn ptr_arg(&mut self, v: Value, want: PtrClass, span: &Span) -> R<PtrArg> {
        let func = self.func();
        let def = FuncIndex::def_inst(func, v).map(|i| func.insts[i].op.clone());
        let vt = self.vty(v).clone();
        if let Some(x) = self.owner_of(v) {
            let name = path_expr(&self.cx.locals.var_names[x]);
            let e = if want.slice {
                ast::reference(ast::index(name, parse_quote!(..)), want.mutable)
            } else {
                ast::reference(ast::index(name, rtypes::lit_usize(0)), want.mutable)
            };
            let mut reads = BTreeSet::new();
            reads.insert(x);
            return Ok(PtrArg {
                e,
                root: Some(Root::Var(x)),
                mutable: want.mutable,
                wrap: None,
                reads,
                canon: None,
            });
        }
        match def {
            _ if self.param_alias(v).is_some() => {
                let Some(pv) = self.param_alias(v) else {
                    unreachable!()
                };
                let pi = func.params.iter().position(|x| *x == pv).unwrap_or(0);
                let have = self.cx.plan.param_class(self.cx.fid, pi);
                if want.mutable && !have.mutable {
                    return self.err(span, "internal: shared pointer passed as mutable");
                }
                let name = path_expr(&self.cx.locals.var_names[pv]);
                let e = match (want.slice, have.slice) {
                    (true, true) | (false, false) => name,
                    (false, true) => {
                        ast::reference(ast::index(name, rtypes::lit_usize(0)), want.mutable)
                    }
                    (true, false) => {
                        let f = if want.mutable { "from_mut" } else { "from_ref" };
                        ast::call(ast::path(&["std", "slice", f]), vec![name])
                    }
                };
                let mut reads = BTreeSet::new();
                reads.insert(pv);
                Ok(PtrArg {
                    e,
                    root: Some(Root::Var(pv)),
                    mutable: want.mutable,
                    wrap: None,
                    reads,
                    canon: None,
                })
            }
            Some(Op::Addr(place)) => {
                if let PlaceBase::Global(g) = place.base {
                    if self.cx.plan.global(g).kind == GlobalKind::RefCell {
                        self.prebind_indexes(&place)?;
                    }
                }
                // `&a[i]` as a slice is `&a[i..]`; `&a[0]` is `&a`.
                let (place_for_expr, tail) = match (want.slice, place.proj.last()) {
                    (true, Some(Proj::Index(i))) => {
                        let mut pl = place.clone();
                        pl.proj.pop();
                        // A `Deref(p) + Index(i)` keeps its index inside `deref_base`.
                        if matches!(pl.base, PlaceBase::Deref(_)) && pl.proj.is_empty() {
                            (place.clone(), Some(*i))
                        } else {
                            (pl, Some(*i))
                        }
                    }
                    _ => (place.clone(), None),
                };
                let deref_slice = matches!(place_for_expr.base, PlaceBase::Deref(_))
                    && place_for_expr.proj.len() == 1
                    && tail.is_some();
                let (acc, ex) = if deref_slice {
                    // `&p[i..]` on a slice pointer: build `p` itself, then the range.
                    let PlaceBase::Deref(pp) = place_for_expr.base else {
                        unreachable!()
                    };
                    let s = self.slice_of(pp, span)?;
                    (Acc::Plain(s.e.clone()), s)
                } else {
                    self.access_mut = want.mutable;
                    let r = self.place(&place_for_expr, span);
                    self.access_mut = false;
                    r?
                };
                let (base_e, wrap) = match acc {
                    Acc::Plain(e) => (e, None),
                    Acc::RefCell { global, var, inner } => {
                        (inner, Some((global, var, want.mutable)))
                    }
                    Acc::Cell(_) => {
                        return self.err(span, "address of a scalar global held in a Cell")
                    }
                };
                let e = match tail {
                    Some(i) => {
                        if self.iconst_of(i) == Some(0) {
                            match base_e {
                                // A slice parameter, or `*g` for the reference a global's
                                // borrow closure receives: already a reference.
                                e if deref_slice => e,
                                Expr::Unary(syn::ExprUnary {
                                    op: syn::UnOp::Deref(_),
                                    expr,
                                    ..
                                }) => *expr,
                                e => ast::reference(e, want.mutable),
                            }
                        } else {
                            let ie = self.index_expr(i)?;
                            ast::reference(
                                ast::index(strip_deref(base_e), ast::range_from(ie.e.clone())),
                                want.mutable,
                            )
                        }
                    }
                    None if want.slice => {
                        let f = if want.mutable { "from_mut" } else { "from_ref" };
                        ast::call(
                            ast::path(&["std", "slice", f]),
                            vec![ast::reference(base_e, want.mutable)],
                        )
                    }
                    None => match base_e {
                        // `&*p` is `p`.
                        Expr::Unary(syn::ExprUnary {
                            op: syn::UnOp::Deref(_),
                            expr,
                            ..
                        }) => *expr,
                        other => ast::reference(other, want.mutable),
                    },
                };
                let canon = if want.slice {
                    None
                } else {
                    crate::func::canon(self.cx.module, self.cx.plan, self.func(), &place)
                };
                Ok(PtrArg {
                    e,
                    root: root_of(&place),
                    mutable: want.mutable,
                    wrap,
                    reads: ex.reads,
                    canon,
                })
            }
            Some(Op::PtrAdd { ptr, offset }) if want.slice => {
                let base = self.slice_of(ptr, span)?;
                let k = self.index_expr(offset)?;
                if want.mutable && is_str_ptr_type(&vt) && self.is_static(ptr) {
                    return self.err(span, "string literal passed where it is written");
                }
                let e = ast::reference(
                    ast::index(base.e.clone(), ast::range_from(k.e.clone())),
                    want.mutable,
                );
                let root = match FuncIndex::def_op(func, ptr) {
                    Some(Op::Load(pl)) => root_of(pl),
                    _ => None,
                };
                Ok(PtrArg {
                    e,
                    root,
                    mutable: want.mutable,
                    wrap: None,
                    reads: base.reads,
                    canon: None,
                })
            }
            _ if self.slot_kind(v).is_some() => {
                let Some((x, kind)) = self.slot_kind(v) else {
                    unreachable!()
                };
                let canon = match &kind {
                    PtrLocal::Place(c) if !want.slice => Some(c.clone()),
                    _ => None,
                };
                let mut wrap = None;
                let (e, root) = match kind {
                    PtrLocal::Place(c) | PtrLocal::Index(c) => {
                        let sel = match self.slot_kind(v) {
                            Some((_, PtrLocal::Index(_))) => Some(self.slot_value(v)?.e),
                            _ => None,
                        };
                        let whole = self.canon_acc(&c, sel.as_ref(), span)?;
                        let (we, w1) = split_acc(whole);
                        wrap = w1;
                        let e = if want.slice {
                            match c.steps.last() {
                                Some(last @ (CanonStep::Index(_) | CanonStep::Hole(_))) => {
                                    let start = match last {
                                        CanonStep::Index(k) => rtypes::lit_usize(*k as u64),
                                        _ => match &we {
                                            Expr::Index(ix) => (*ix.index).clone(),
                                            _ => rtypes::lit_usize(0),
                                        },
                                    };
                                    let base = match we {
                                        Expr::Index(ix) => *ix.expr,
                                        other => other,
                                    };
                                    ast::reference(
                                        ast::index(strip_deref(base), ast::range_from(start)),
                                        want.mutable,
                                    )
                                }
                                _ => {
                                    let f = if want.mutable { "from_mut" } else { "from_ref" };
                                    ast::call(
                                        ast::path(&["std", "slice", f]),
                                        vec![ast::reference(we, want.mutable)],
                                    )
                                }
                            }
                        } else {
                            ast::reference(we, want.mutable)
                        };
                        (e, canon_root(&c))
                    }
                    PtrLocal::Choice(cs) => {
                        if want.slice {
                            return self.err(
                                span,
                                "a pointer to one of several places passed as an array",
                            );
                        }
                        let sel = self.slot_value(v)?;
                        (
                            self.choice_borrow(&cs, sel.e.clone(), want.mutable, span)?,
                            None,
                        )
                    }
                    PtrLocal::Param(_) => return self.err(span, "internal: parameter alias"),
                };
                let mut reads = BTreeSet::new();
                reads.extend(x);
                Ok(PtrArg {
                    e,
                    root,
                    mutable: want.mutable,
                    wrap: wrap.map(|(g, var)| (g, var, want.mutable)),
                    reads,
                    canon,
                })
            }
            _ if is_str_ptr_type(&vt) && self.is_static(v) => {
                if want.mutable {
                    return self.err(span, "string literal passed where it is written");
                }
                let s = self.value(v)?;
                let e = if want.slice {
                    s.e.clone()
                } else {
                    ast::reference(ast::index(s.e.clone(), rtypes::lit_usize(0)), false)
                };
                Ok(PtrArg {
                    e,
                    root: None,
                    mutable: false,
                    wrap: None,
                    reads: s.reads,
                    canon: None,
                })
            }
            _ => self.err(
                span,
                format!("`{vt}` argument that is not an address, a parameter or a string"),
            ),
        }
    }

    fn stream_arg(&self, v: Value, span: &Span) -> R<Expr> {
        if let Some(Op::Load(pl)) = FuncIndex::def_op(self.func(), v) {
            if let PlaceBase::Global(g) = pl.base {
                if let Some(s) = externs::stream_of_global(&self.cx.module.globals[g].name) {
                    return Ok(ast::path(&["rt", "Stream", s]));
                }
            }
        }
        if let Some(Op::Call {
            callee: Callee::Extern(n),
            ..
        }) = FuncIndex::def_op(self.func(), v)
        {
            let n = n.trim_start_matches('_');
            if let Some(s) = externs::stream_of_global(n) {
                return Ok(ast::path(&["rt", "Stream", s]));
            }
        }
        self.err(span, "stream other than stdout or stderr")
    }

    fn call(
        &mut self,
        callee: &Callee,
        args: &[Value],
        result: Option<Value>,
        span: &Span,
    ) -> R<Ex> {
        let result_used = result.is_some_and(|r| !self.cx.index().uses[r].is_empty());
        match callee {
            Callee::Func(f) => {
                let g = &self.cx.module.funcs[*f];
                if let Some(why) = self.cx.plan.bad_sigs.get(f) {
                    return self.err(
                        span,
                        format!("calls `{}`, which has no Rust signature ({why})", g.name),
                    );
                }
                if g.params.len() != args.len() {
                    return self.err(
                        span,
                        format!(
                            "call to `{}` with {} arguments for {} parameters",
                            g.name,
                            args.len(),
                            g.params.len()
                        ),
                    );
                }
                let wants: Vec<Option<PtrClass>> = g
                    .params
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        is_data_ptr(&g.vars[*p].ty).then(|| self.cx.plan.param_class(*f, i))
                    })
                    .collect();
                let callee_e = path_expr(self.cx.plan.func_name(*f));
                self.finish_call(callee_e, args, &wants, Some(*f), span, vec![])
            }
            Callee::Indirect(fv) => {
                let c = self.value(*fv)?;
                let callee_e = match c.e {
                    e @ (Expr::Path(_) | Expr::Index(_)) => e,
                    e => Expr::Paren(syn::ExprParen {
                        attrs: vec![],
                        paren_token: Default::default(),
                        expr: Box::new(e),
                    }),
                };
                let sig = match self.vty(*fv).pointee() {
                    Some(Type::Fn(sig)) => (**sig).clone(),
                    _ => return self.err(span, "call through a non-function pointer"),
                };
                let wants: Vec<Option<PtrClass>> = args
                    .iter()
                    .enumerate()
                    .map(|(i, a)| {
                        is_data_ptr(self.vty(*a)).then(|| self.cx.plan.fn_sig_class(&sig, i))
                    })
                    .collect();
                let mut ex = self.finish_call(callee_e, args, &wants, None, span, vec![])?;
                ex.heavy = true;
                Ok(ex)
            }
            Callee::Extern(name) if name == "free" && args.len() == 1 => {
                match self.owner_of(args[0]) {
                    // The array is dropped; later uses would be use-after-free in C.
                    Some(x) => {
                        let n = path_expr(&self.cx.locals.var_names[x]);
                        Ok(Ex::plain(ast::assign(n, parse_quote!(Vec::new()))))
                    }
                    None if matches!(FuncIndex::def_op(self.func(), args[0]), Some(Op::Null)) => {
                        Ok(Ex::plain(parse_quote!(())))
                    }
                    None => self.err(span, "`free` of a pointer that does not own a heap array"),
                }
            }
            Callee::Extern(name) => {
                if let Some(decl) = self.cx.module.decl_by_name(name) {
                    return self.decl_call(decl, args, result, span);
                }
                if let Some(kind) = externs::printf_kind(name) {
                    return self.printf(kind, args, span);
                }
                if let Some(kind) = externs::mem_kind(name) {
                    return self.mem_call(kind, name, args, result_used, span);
                }
                let Some(ext) = externs::lookup(name) else {
                    return self.err(
                        span,
                        format!("call to `{name}`, which has no safe runtime equivalent yet"),
                    );
                };
                if ext.params.len() != args.len() {
                    return self.err(
                        span,
                        format!("call to `{name}` with {} arguments", args.len()),
                    );
                }
                if ext.ret == RetKind::Unit && result_used {
                    return self.err(span, format!("result of `{name}` used"));
                }
                let mut prefix = Vec::new();
                let mut wants = Vec::new();
                for (i, k) in ext.params.iter().enumerate() {
                    match k {
                        ArgKind::Value => wants.push(None),
                        ArgKind::Str => wants.push(Some(PtrClass {
                            slice: true,
                            mutable: false,
                        })),
                        ArgKind::StrMut => wants.push(Some(PtrClass {
                            slice: true,
                            mutable: true,
                        })),
                        ArgKind::Stream => {
                            wants.push(None);
                            prefix.push((i, self.stream_arg(args[i], span)?));
                        }
                    }
                }
                let callee_e = ast::path(&["rt", ext.rust]);
                self.finish_call(callee_e, args, &wants, None, span, prefix)
            }
        }
    }

    /// A call to a function defined in the sources whose body was not lowered: a call to its
    /// panicking stub, when its signature has a Rust form.
    fn decl_call(
        &mut self,
        decl: &xl_ir::FuncDecl,
        args: &[Value],
        result: Option<Value>,
        span: &Span,
    ) -> R<Ex> {
        let name = &decl.name;
        let result_used = result.is_some_and(|r| !self.cx.index().uses[r].is_empty());
        let Some(rust) = self.cx.plan.decl_names.get(name) else {
            let why = self
                .cx
                .plan
                .bad_decls
                .get(name)
                .cloned()
                .unwrap_or_default();
            return self.err(
                span,
                format!(
                    "calls `{name}`, which was not translated and has no Rust signature ({why})"
                ),
            );
        };
        if decl.sig.params.len() != args.len() {
            return self.err(
                span,
                format!(
                    "call to `{name}` with {} arguments for {} parameters",
                    args.len(),
                    decl.sig.params.len()
                ),
            );
        }
        if decl.sig.ret == Type::Void && result_used {
            return self.err(span, format!("result of `{name}` used"));
        }
        if let Some(r) = result.filter(|_| decl.sig.ret != Type::Void) {
            if *self.vty(r) != decl.sig.ret {
                return self.err(
                    span,
                    format!(
                        "call to `{name}` expects a `{}` result of a `{}` function",
                        self.vty(r),
                        decl.sig.ret
                    ),
                );
            }
        }
        // Extern calls are untyped in the IR: a call that does not match the definition
        // (an unprototyped one) has no well-typed Rust form.
        if let Some((i, t)) = decl
            .sig
            .params
            .iter()
            .enumerate()
            .find(|(i, t)| self.vty(args[*i]) != *t)
        {
            return self.err(
                span,
                format!(
                    "call to `{name}` passes a `{}` for a `{t}` parameter",
                    self.vty(args[i])
                ),
            );
        }
        let wants: Vec<Option<PtrClass>> = decl
            .sig
            .params
            .iter()
            .map(|t| is_data_ptr(t).then(PtrClass::default))
            .collect();
        let callee_e = path_expr(rust);
        self.finish_call(callee_e, args, &wants, None, span, vec![])
    }

    /// Builds `callee(args)`: pointer arguments per `wants`, alias checks, hoisting of
    /// arguments that read mutably borrowed objects, and `RefCell` borrows around the call.
    /// `fixed` gives ready expressions for some argument positions (streams).
    fn finish_call(
        &mut self,
        callee_e: Expr,
        args: &[Value],
        wants: &[Option<PtrClass>],
        callee_fn: Option<FuncId>,
        span: &Span,
        fixed: Vec<(usize, Expr)>,
    ) -> R<Ex> {
        enum A {
            Ptr(PtrArg),
            Val(Ex, Value),
            Fixed(Expr),
        }
        let mut built = Vec::new();
        for (i, a) in args.iter().enumerate() {
            if let Some((_, e)) = fixed.iter().find(|(k, _)| *k == i) {
                built.push(A::Fixed(e.clone()));
                continue;
            }
            match wants[i] {
                Some(w) => built.push(A::Ptr(self.ptr_arg(*a, w, span)?)),
                None => {
                    let ex = self.value(*a)?;
                    built.push(A::Val(ex, *a));
                }
            }
        }
        self.assemble_call(
            callee_e,
            built
                .into_iter()
                .map(|a| match a {
                    A::Ptr(p) => CallArg::Ptr(p),
                    A::Val(e, v) => CallArg::Val(e, Some(v)),
                    A::Fixed(e) => CallArg::Fixed(e),
                })
                .collect(),
            callee_fn,
            span,
        )
    }

    fn assemble_call(
        &mut self,
        callee_e: Expr,
        mut built: Vec<CallArg>,
        callee_fn: Option<FuncId>,
        span: &Span,
    ) -> R<Ex> {
        // Alias checks between pointer arguments. A shared argument that aliases a mutable
        // one is replaced by a copy when the callee reads it before writing the other.
        let ptrs: Vec<(usize, Option<Root>, bool)> = built
            .iter()
            .enumerate()
            .filter_map(|(k, a)| match a {
                CallArg::Ptr(p) => Some((k, p.root.clone(), p.mutable)),
                _ => None,
            })
            .collect();
        let mut copies: BTreeSet<usize> = BTreeSet::new();
        let splits_start = self.stmts.len();
        for (i, (k1, r1, m1)) in ptrs.iter().enumerate() {
            for (k2, r2, m2) in &ptrs[i + 1..] {
                if r1.is_none() || r1 != r2 || !(*m1 || *m2) {
                    continue;
                }
                // Distinct constant elements of one local array: split borrows.
                let (c1, c2) = match (&built[*k1], &built[*k2]) {
                    (CallArg::Ptr(a), CallArg::Ptr(b)) => (a.canon.clone(), b.canon.clone()),
                    _ => (None, None),
                };
                if let (Some(c1), Some(c2)) = (c1, c2) {
                    if let Some((e1, e2)) = self.split_borrows(&c1, &c2, *m1, *m2, span)? {
                        for (k, e) in [(*k1, e1), (*k2, e2)] {
                            if let CallArg::Ptr(pa) = &mut built[k] {
                                pa.e = e;
                            }
                        }
                        continue;
                    }
                }
                let (w, r) = if *m1 { (*k1, *k2) } else { (*k2, *k1) };
                let copyable = !(*m1 && *m2)
                    && matches!(r1, Some(Root::Var(_)))
                    && callee_fn
                        .is_some_and(|f| self.cx.plan.reads_before_writes(self.cx.module, f, r, w));
                if !copyable {
                    return self.err(
                        span,
                        "the same object is passed twice and written (aliasing mutable borrows)",
                    );
                }
                copies.insert(r);
            }
        }
        let splits_end = self.stmts.len();
        for k in copies {
            let CallArg::Ptr(pa) = &mut built[k] else {
                continue;
            };
            let Some(Root::Var(x)) = pa.root.clone() else {
                continue;
            };
            let xname = self.cx.locals.var_names[x].clone();
            let copy = self.cx.temps.borrow_mut().fresh(&format!("{xname}_copy"));
            let d = &self.func().vars[x];
            let (init, bare): (Expr, Expr) = if d.kind == VarKind::Local {
                (path_expr(&xname), ast::reference(path_expr(&copy), false))
            } else {
                let pi = self.func().params.iter().position(|p| *p == x).unwrap_or(0);
                if self.cx.plan.param_class(self.cx.fid, pi).slice {
                    (
                        ast::mcall(path_expr(&xname), "to_vec", vec![]),
                        ast::reference(path_expr(&copy), false),
                    )
                } else {
                    (
                        ast::deref(path_expr(&xname)),
                        ast::reference(path_expr(&copy), false),
                    )
                }
            };
            self.stmts
                .push(ast::let_stmt(&copy, false, None, Some(init)));
            let is_bare = matches!(&pa.e, Expr::Path(p) if p.path.is_ident(&xname));
            pa.e = if is_bare {
                bare
            } else {
                rename_ident(pa.e.clone(), &xname, &copy)
            };
            pa.root = None;
            pa.mutable = false;
            self.cx.notes.borrow_mut().push(Unsupported {
                reason: format!(
                    "`{}` is passed twice, once written: the read-only argument is a copy (the callee reads it before writing the other)",
                    d.name
                ),
                span: span.clone(),
            });
        }
        let mut_roots: BTreeSet<Var> = built
            .iter()
            .filter_map(|a| match a {
                CallArg::Ptr(PtrArg {
                    root: Some(Root::Var(v)),
                    mutable: true,
                    ..
                }) => Some(*v),
                _ => None,
            })
            .collect();
        let wraps: Vec<(String, String, bool)> = built
            .iter()
            .filter_map(|a| match a {
                CallArg::Ptr(p) => p.wrap.clone(),
                _ => None,
            })
            .collect();
        // Globals borrowed around the call must not be touched by the callee.
        if let Some(f) = callee_fn {
            for a in &built {
                if let CallArg::Ptr(PtrArg {
                    wrap: Some(_),
                    root: Some(Root::Global(g)),
                    ..
                }) = a
                {
                    if self.cx.plan.touched[f.as_u32() as usize].contains(g) {
                        return self.err(span, "a global is passed by pointer to a function that also uses it directly");
                    }
                }
            }
        }
        let mut merged: Vec<(String, String, bool)> = Vec::new();
        for (g, v, m) in wraps {
            match merged.iter_mut().find(|(g2, _, _)| *g2 == g) {
                Some(entry) => {
                    if entry.2 || m {
                        return self.err(span, "the same global is passed twice and written");
                    }
                }
                None => merged.push((g, v, m)),
            }
        }
        let need_hoist = !mut_roots.is_empty() || !merged.is_empty();
        let mut heavy = false;
        let mut calls = false;
        if need_hoist {
            for a in built.iter_mut() {
                if let CallArg::Val(ex, v) = a {
                    let reads_borrowed = ex.reads.iter().any(|r| mut_roots.contains(r));
                    if (ex.heavy || reads_borrowed) && ex.lit.is_none() {
                        let (ty, sp) = match v {
                            Some(v) => (self.vty(*v).clone(), self.span_of(*v)),
                            None => (Type::Void, span.clone()),
                        };
                        *ex = self.hoist(*v, ex.clone(), &ty, &sp)?;
                    }
                }
            }
        }
        // Split borrows go last, right before the call, after any hoisted argument reads.
        if splits_end > splits_start {
            let split: Vec<Stmt> = self.stmts.drain(splits_start..splits_end).collect();
            self.stmts.extend(split);
        }
        let mut arg_exprs = Vec::new();
        for a in &built {
            match a {
                CallArg::Ptr(p) => arg_exprs.push(p.e.clone()),
                CallArg::Val(e, _) => {
                    heavy |= e.heavy;
                    calls |= e.calls;
                    arg_exprs.push(e.e.clone());
                }
                CallArg::Fixed(e) => arg_exprs.push(e.clone()),
            }
        }
        let mut e = ast::call(callee_e, arg_exprs);
        // Inner-most borrow last in the list.
        for (g, v, m) in merged.into_iter().rev() {
            let method = if m { "with_borrow_mut" } else { "with_borrow" };
            e = ast::mcall(path_expr(&g), method, vec![ast::closure(&v, e)]);
        }
        let mut ex = Ex::plain(e);
        ex.heavy = true;
        ex.calls = true;
        let _ = (heavy, calls);
        Ok(ex)
    }

    /// The typed pointer behind a `(void *)` argument.
    fn typed_ptr(&self, v: Value) -> Value {
        match FuncIndex::def_op(self.func(), v) {
            Some(Op::Cast {
                kind: CastKind::PtrCast,
                arg,
            }) => *arg,
            _ => v,
        }
    }

    /// The element count of a byte size `n` for elements of `size` bytes.
    fn count_expr(&mut self, n: Value, size: u64, span: &Span) -> R<Expr> {
        if let Some(c) = self.iconst_of(n) {
            if c >= 0 && size > 0 && (c as u64).is_multiple_of(size) {
                return Ok(rtypes::lit_usize(c as u64 / size));
            }
            return self.err(span, "byte count that is not a whole number of elements");
        }
        if size == 1 {
            return Ok(ast::cast(self.value(n)?.typed(), parse_quote!(usize)));
        }
        if let Some(Op::Binary {
            op: BinaryOp::Mul,
            lhs,
            rhs,
            ..
        }) = FuncIndex::def_op(self.func(), n).cloned()
        {
            for (x, k) in [(lhs, rhs), (rhs, lhs)] {
                if self.iconst_of(k) == Some(i128::from(size as u32)) && size <= u64::from(u32::MAX)
                {
                    let xe = self.value(x)?;
                    return Ok(ast::cast(xe.typed(), parse_quote!(usize)));
                }
            }
        }
        self.err(
            span,
            "byte count that is not a constant or `count * sizeof(element)`",
        )
    }

    /// `memcpy`/`memset`/`memcmp` on typed arrays: slice operations.
    fn mem_call(
        &mut self,
        kind: externs::MemKind,
        name: &str,
        args: &[Value],
        result_used: bool,
        span: &Span,
    ) -> R<Ex> {
        use externs::MemKind;
        if args.len() != 3 {
            return self.err(span, format!("`{name}` with {} arguments", args.len()));
        }
        if kind != MemKind::Cmp && result_used {
            return self.err(span, format!("result of `{name}` used"));
        }
        let d = self.typed_ptr(args[0]);
        let elem = self.vty(d).pointee().cloned().unwrap_or(Type::Void);
        if matches!(elem, Type::Void) {
            return self.err(
                span,
                format!("`{name}` on a `void *` of unknown element type"),
            );
        }
        let size = xl_ir::layout::size_of(self.cx.module, &elem);
        let strip = |e: Expr| match e {
            Expr::Reference(r) => *r.expr,
            other => other,
        };
        let byte = matches!(elem, Type::Int(i) if i.bits == 8);
        match kind {
            MemKind::Copy => {
                let s = self.typed_ptr(args[1]);
                if self.vty(s).pointee() != Some(&elem) {
                    return self.err(span, format!("`{name}` between arrays of different types"));
                }
                let count = self.count_expr(args[2], size, span)?;
                let dst = self.ptr_arg(
                    d,
                    PtrClass {
                        slice: true,
                        mutable: true,
                    },
                    span,
                )?;
                let src = self.ptr_arg(
                    s,
                    PtrClass {
                        slice: true,
                        mutable: false,
                    },
                    span,
                )?;
                if dst.root.is_some() && dst.root == src.root {
                    return self.err(span, format!("`{name}` within one object"));
                }
                let to = ast::index(strip(dst.e), ast::range_to(count.clone()));
                let from = ast::reference(ast::index(strip(src.e), ast::range_to(count)), false);
                let e = ast::mcall(to, "copy_from_slice", vec![from]);
                let e = wrap_borrows(e, [dst.wrap, src.wrap]);
                let mut ex = Ex::plain(e);
                ex.heavy = true;
                ex.calls = true;
                Ok(ex)
            }
            MemKind::Set => {
                let c = self.iconst_of(args[1]);
                let dst = self.ptr_arg(
                    d,
                    PtrClass {
                        slice: true,
                        mutable: true,
                    },
                    span,
                )?;
                let wrap = dst.wrap.clone();
                let e = if c == Some(0) {
                    let count = self.count_expr(args[2], size, span)?;
                    let region =
                        ast::reference(ast::index(strip(dst.e), ast::range_to(count)), true);
                    ast::call(ast::path(&["rt", "fill_zero"]), vec![region])
                } else if byte {
                    let cv = self.value(args[1])?;
                    let n = self.value(args[2])?;
                    ast::call(ast::path(&["rt", "memset_bytes"]), vec![dst.e, cv.e, n.e])
                } else {
                    return self.err(span, "`memset` of a non-byte array with a nonzero value");
                };
                let mut ex = Ex::plain(wrap_borrows(e, [wrap, None]));
                ex.heavy = true;
                ex.calls = true;
                Ok(ex)
            }
            MemKind::Cmp => {
                let b = self.typed_ptr(args[1]);
                if !byte || self.vty(b).pointee() != Some(&elem) {
                    return self.err(span, "`memcmp` of non-byte arrays");
                }
                let pa = self.ptr_arg(
                    d,
                    PtrClass {
                        slice: true,
                        mutable: false,
                    },
                    span,
                )?;
                let pb = self.ptr_arg(
                    b,
                    PtrClass {
                        slice: true,
                        mutable: false,
                    },
                    span,
                )?;
                if pa.wrap.is_some() && pa.root == pb.root {
                    return self.err(span, "`memcmp` within one global");
                }
                let n = self.value(args[2])?;
                if n.heavy && (pa.wrap.is_some() || pb.wrap.is_some()) {
                    return self.err(span, "`memcmp` with a computed size on a global array");
                }
                let e = ast::call(ast::path(&["rt", "memcmp"]), vec![pa.e, pb.e, n.e]);
                let mut ex = Ex::plain(wrap_borrows(e, [pa.wrap, pb.wrap]));
                ex.heavy = true;
                ex.calls = true;
                Ok(ex)
            }
        }
    }

    fn printf(&mut self, kind: PrintfKind, args: &[Value], span: &Span) -> R<Ex> {
        let fi = kind.fmt_index();
        if args.len() <= fi {
            return self.err(span, "printf-family call without a format");
        }
        let mut built: Vec<CallArg> = Vec::new();
        let mut name = "printf";
        match kind {
            PrintfKind::Printf => {}
            PrintfKind::Fprintf => {
                name = "fprintf";
                built.push(CallArg::Fixed(self.stream_arg(args[0], span)?));
            }
            PrintfKind::Sprintf | PrintfKind::Snprintf => {
                name = if kind == PrintfKind::Sprintf {
                    "sprintf"
                } else {
                    "snprintf"
                };
                let buf = self.ptr_arg(
                    args[0],
                    PtrClass {
                        slice: true,
                        mutable: true,
                    },
                    span,
                )?;
                built.push(CallArg::Ptr(buf));
                if kind == PrintfKind::Snprintf {
                    let n = self.value(args[1])?;
                    let e = match n.lit {
                        Some(Lit::Int(c, _)) if c >= 0 => rtypes::lit_usize(c as u64),
                        _ => ast::cast(n.typed(), parse_quote!(usize)),
                    };
                    built.push(CallArg::Val(Ex::with(e, &[&n]), None));
                }
            }
        }
        // The format: a literal without its NUL, or a static string.
        let fmt = match FuncIndex::def_op(self.func(), args[fi]) {
            Some(Op::Str(bytes)) => {
                let b = bytes.strip_suffix(&[0]).unwrap_or(bytes);
                CallArg::Fixed(byte_str(b))
            }
            _ => CallArg::Ptr(self.ptr_arg(
                args[fi],
                PtrClass {
                    slice: true,
                    mutable: false,
                },
                span,
            )?),
        };
        built.push(fmt);
        let mut items: Vec<Expr> = Vec::new();
        let mut extra: Vec<CallArg> = Vec::new();
        for &a in &args[fi + 1..] {
            let ty = self.vty(a).clone();
            let variant = |v: &str| ast::path(&["rt", "Arg", v]);
            match &ty {
                Type::Int(t) => {
                    let x = self.value(a)?;
                    let (v, target) = if t.signed { ("I", "i64") } else { ("U", "u64") };
                    let t64 = if t.signed { IntTy::I64 } else { IntTy::U64 };
                    let inner = if t.bits == 64 {
                        x.e.clone()
                    } else if let Some(Lit::Int(c, _)) = x.lit {
                        int_lit(c, t64, false)
                    } else if let Some(e) = self.recast(a, &x.e, t64) {
                        e
                    } else {
                        ast::cast(x.typed(), rtypes::path_type(target))
                    };
                    extra.push(CallArg::Val(
                        Ex::with(ast::call(variant(v), vec![inner]), &[&x]),
                        Some(a),
                    ));
                }
                Type::Bool => {
                    let x = self.value(a)?;
                    extra.push(CallArg::Val(
                        Ex::with(
                            ast::call(
                                variant("I"),
                                vec![ast::call(parse_quote!(i64::from), vec![x.e.clone()])],
                            ),
                            &[&x],
                        ),
                        Some(a),
                    ));
                }
                Type::Float(ft) => {
                    let x = self.value(a)?;
                    let inner = if *ft == FloatTy::F64 {
                        x.e.clone()
                    } else {
                        ast::cast(x.e.clone(), parse_quote!(f64))
                    };
                    extra.push(CallArg::Val(
                        Ex::with(ast::call(variant("F"), vec![inner]), &[&x]),
                        Some(a),
                    ));
                }
                Type::Ptr(p) if matches!(**p, Type::Int(i) if i.bits == 8) => {
                    let mut pa = self.ptr_arg(
                        a,
                        PtrClass {
                            slice: true,
                            mutable: false,
                        },
                        span,
                    )?;
                    pa.e = ast::call(variant("S"), vec![pa.e]);
                    extra.push(CallArg::Ptr(pa));
                }
                Type::Ptr(_) => extra.push(CallArg::Fixed(ast::call(
                    variant("P"),
                    vec![parse_quote!(0)],
                ))),
                other => return self.err(span, format!("printf argument of type `{other}`")),
            }
        }
        // Build the argument list: the items go into one `&[..]` slice, but alias checks and
        // hoisting treat each item like a call argument.
        let n_fixed = built.len();
        built.extend(extra);
        let callee_e = ast::path(&["rt", name]);
        let ex = self.assemble_call(parse_quote!(__args), built, None, span)?;
        // Re-shape `__args(a, b, x, y, ..)` into `rt::name(a, b, &[x, y, ..])`, keeping any
        // `with_borrow` wrappers.
        let e = reshape_printf(ex.e, callee_e, n_fixed, &mut items);
        let mut out = Ex::plain(e);
        out.heavy = true;
        out.calls = true;
        Ok(out)
    }
}

enum CallArg {
    Ptr(PtrArg),
    Val(Ex, Option<Value>),
    Fixed(Expr),
}

impl Ex {
    /// The expression, with a literal suffix when `other_is_lit` (two literals compared).
    fn typed_if(&self, other_is_lit: bool) -> Expr {
        if other_is_lit {
            self.typed()
        } else {
            self.e.clone()
        }
    }
}

fn reshape_printf(e: Expr, callee: Expr, n_fixed: usize, _items: &mut Vec<Expr>) -> Expr {
    match e {
        Expr::Call(c) => {
            let args: Vec<Expr> = c.args.into_iter().collect();
            let (fixed, rest) = args.split_at(n_fixed.min(args.len()));
            let mut out: Vec<Expr> = fixed.to_vec();
            out.push(ast::reference(ast::array(rest.to_vec()), false));
            ast::call(callee, out)
        }
        Expr::MethodCall(mut m) => {
            // `G.with_borrow(|g| inner)`: reshape inside the closure.
            if let Some(Expr::Closure(cl)) = m.args.first_mut() {
                let body = std::mem::replace(&mut *cl.body, parse_quote!(()));
                *cl.body = reshape_printf(body, callee, n_fixed, _items);
            }
            Expr::MethodCall(m)
        }
        other => other,
    }
}

/// `&x[..]` for a string value used where arrays of different lengths must unify.
fn slice_all(e: Expr) -> Expr {
    match &e {
        Expr::Lit(_) => ast::reference(
            ast::index(
                e,
                Expr::Range(syn::ExprRange {
                    attrs: vec![],
                    start: None,
                    limits: syn::RangeLimits::HalfOpen(Default::default()),
                    end: None,
                }),
            ),
            false,
        ),
        Expr::Reference(r) if matches!(&*r.expr, Expr::Array(a) if a.elems.is_empty()) => {
            parse_quote!(&[][..])
        }
        _ => e,
    }
}

fn strip_deref(e: Expr) -> Expr {
    match e {
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Deref(_),
            expr,
            ..
        }) => *expr,
        other => other,
    }
}

/// `(x as i8) as u8` is `x as u8` (same low bits).
fn strip_cast_to(e: Expr, inner: &str, outer: &str) -> Expr {
    if let Expr::Cast(c) = &e {
        if let syn::Type::Path(p) = &*c.ty {
            if p.path.is_ident(inner) {
                return ast::cast((*c.expr).clone(), rtypes::path_type(outer));
            }
        }
    }
    ast::cast(e, rtypes::path_type(outer))
}

/// True when an expression's type is decided only by literals (needs an annotation).
pub(crate) fn untyped(e: &Expr) -> bool {
    match e {
        // A byte string is `&[u8; N]`, not the `&[u8]` a string slot holds.
        Expr::Lit(l) => matches!(
            l.lit,
            syn::Lit::Int(_) | syn::Lit::Float(_) | syn::Lit::ByteStr(_)
        ),
        Expr::Unary(u) => untyped(&u.expr),
        Expr::Binary(b) => untyped(&b.left) && untyped(&b.right),
        Expr::If(i) => {
            let then_lit =
                matches!(i.then_branch.stmts.last(), Some(Stmt::Expr(e, None)) if untyped(e));
            then_lit
        }
        Expr::Reference(r) => untyped(&r.expr),
        Expr::Array(a) => a.elems.iter().all(untyped),
        _ => false,
    }
}

/// Folds an integer op on constants when the result is defined.
fn fold_int(op: BinaryOp, x: i128, y: i128, t: IntTy) -> Option<i128> {
    use BinaryOp::*;
    let ux = x.rem_euclid(1i128 << t.bits);
    let uy = y.rem_euclid(1i128 << t.bits);
    let r = match op {
        Add => x + y,
        Sub => x - y,
        Mul => x.checked_mul(y)?,
        And => ux & uy,
        Or => ux | uy,
        Xor => ux ^ uy,
        _ => return None,
    };
    Some(t.wrap(r))
}

/// The zero value of a local of type `ty` (what C leaves unspecified and the emitter fixes).
pub fn zero_value(cx: &BlockContext, ty: &Type, span: &Span) -> R<Expr> {
    zero_expr(&cx.types(), ty, false, cx.null_fns).map_err(|reason| Unsupported {
        reason,
        span: span.clone(),
    })
}

/// The zero of `ty`; `elem` when it is array/pointee storage (`char` as `u8`). Struct zeros
/// are `T::default()` unless `konst` (then a struct literal, usable in `const` items).
pub fn zero_expr(
    types: &Types,
    ty: &Type,
    konst: bool,
    null_fns: &NullFns,
) -> Result<Expr, String> {
    Ok(match ty {
        Type::Bool => parse_quote!(false),
        Type::Int(_) => parse_quote!(0),
        Type::Float(_) => parse_quote!(0.0),
        Type::Array(e, n) => ast::repeat(zero_expr(types, e, konst, null_fns)?, *n),
        Type::Struct(s) => {
            let name = rtypes::ident(&types.plan.struct_names[s.as_u32() as usize]);
            if konst {
                let def = &types.module.structs[*s];
                let mut fields = Vec::new();
                for (k, f) in def.fields.iter().enumerate() {
                    let fname = rtypes::ident(&types.plan.field_names[s.as_u32() as usize][k]);
                    let z = zero_expr(types, &f.ty, true, null_fns)?;
                    fields.push(quote::quote!(#fname: #z));
                }
                parse_quote!(#name { #(#fields),* })
            } else {
                parse_quote!(#name::default())
            }
        }
        Type::Ptr(p) => match &**p {
            Type::Fn(sig) => {
                let t = types.fn_ty(sig)?;
                let key = quote::ToTokens::to_token_stream(&t).to_string();
                let mut m = null_fns.borrow_mut();
                let n = m.len();
                let name = m
                    .entry(key)
                    .or_insert_with(|| (format!("null_fn_{n}"), t))
                    .0
                    .clone();
                path_expr(&name)
            }
            Type::Int(i) if i.bits == 8 => parse_quote!(&[]),
            other => return Err(format!("pointer to `{other}` that needs a zero value")),
        },
        Type::Void | Type::Fn(_) => return Err(format!("zero of `{ty}`")),
    })
}

/// The static-string slot of a local variable, if it is one.
pub fn var_is_static(plan: &ModulePlan, fid: FuncId, v: Var) -> bool {
    plan.static_slots.contains(&Slot::Var(fid, v))
}

/// Whether a use list shows a value used as a call argument (for reports).
pub fn used_as_arg(idx: &FuncIndex, v: Value) -> bool {
    idx.uses[v]
        .iter()
        .any(|u| matches!(u.role, Role::CallArg(_)))
}

fn tokens<T: quote::ToTokens>(t: &T) -> String {
    t.to_token_stream().to_string()
}

/// `e` with every path `from` renamed to `to`.
fn rename_ident(mut e: Expr, from: &str, to: &str) -> Expr {
    struct R<'a>(&'a str, &'a str);
    impl syn::visit_mut::VisitMut for R<'_> {
        fn visit_expr_path_mut(&mut self, p: &mut syn::ExprPath) {
            if p.path.is_ident(self.0) {
                *p = syn::ExprPath {
                    attrs: vec![],
                    qself: None,
                    path: rtypes::ident(self.1).into(),
                };
            }
        }
    }
    syn::visit_mut::VisitMut::visit_expr_mut(&mut R(from, to), &mut e);
    e
}

fn canon_root(c: &CanonPlace) -> Option<Root> {
    match c.base {
        CanonBase::Var(v) | CanonBase::Param(v) => Some(Root::Var(v)),
        CanonBase::Global(g) => Some(Root::Global(g)),
    }
}

trait ArrayOfOne {
    fn into_array_of_one(self) -> Type;
}

impl ArrayOfOne for Type {
    /// `[T; 1]`, so indexing steps over a slice half find the element type `T`.
    fn into_array_of_one(self) -> Type {
        Type::Array(Box::new(self), 1)
    }
}

/// The expression of an access path and the `RefCell` global borrow it needs, if any.
fn split_acc(acc: Acc) -> (Expr, Option<(String, String)>) {
    match acc {
        Acc::Plain(e) => (e, None),
        Acc::RefCell { global, var, inner } => (inner, Some((global, var))),
        Acc::Cell(name) => (path_expr(&name), None),
    }
}

/// `e` inside `G.with_borrow[_mut](|g| ..)` for each global borrow, first outermost.
fn wrap_borrows<const N: usize>(mut e: Expr, wraps: [Option<(String, String, bool)>; N]) -> Expr {
    for (g, v, m) in wraps.into_iter().rev().flatten() {
        let method = if m { "with_borrow_mut" } else { "with_borrow" };
        e = ast::mcall(path_expr(&g), method, vec![ast::closure(&v, e)]);
    }
    e
}

/// `e` with every `global.with_borrow(|v| body)` replaced by `body` reading `var` instead:
/// used inside `global.with_borrow_mut(|var| ..)`, whose borrow already gives access.
fn reborrow_reads(mut e: Expr, global: &str, var: &str) -> Expr {
    struct R<'a>(&'a str, &'a str);
    impl syn::visit_mut::VisitMut for R<'_> {
        fn visit_expr_mut(&mut self, e: &mut Expr) {
            if let Expr::MethodCall(m) = e {
                let is_global = matches!(&*m.receiver, Expr::Path(p) if p.path.is_ident(self.0));
                if is_global && m.method == "with_borrow" && m.args.len() == 1 {
                    if let Some(Expr::Closure(c)) = m.args.first() {
                        if let Some(syn::Pat::Ident(pi)) = c.inputs.first() {
                            let inner = pi.ident.to_string();
                            let body = rename_ident((*c.body).clone(), &inner, self.1);
                            *e = body;
                            return;
                        }
                    }
                }
            }
            syn::visit_mut::visit_expr_mut(self, e);
        }
    }
    syn::visit_mut::VisitMut::visit_expr_mut(&mut R(global, var), &mut e);
    e
}

/// A byte literal: `b'a'` for printable ASCII, else the number.
fn byte_lit(c: u8) -> Expr {
    if (0x20..=0x7e).contains(&c) {
        let l = syn::LitByte::new(c, proc_macro2::Span::call_site());
        parse_quote!(#l)
    } else {
        rtypes::lit_usize(u64::from(c))
    }
}
