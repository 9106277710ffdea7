//! Symbolic values and memory shared by both sides of a proof (the C function and the
//! Rust function lowered into the IR).
//!
//! Model:
//! - Every variable, global, parameter pointee and string literal is an *object* named by an
//!   [`ObjName`] that means the same thing on both sides (a C variable and the Rust local the
//!   emitter named after it share one name), so pointers can be compared across sides.
//! - An object's contents are a [`Cells`] tree that follows its type: struct fields are
//!   children; an array level is one child whose leaves gain one Z3 array dimension (indexed by
//!   a 64-bit element index). So `struct { int a[4]; char c; } s[n]` has two leaves:
//!   `Array(BV64, Array(BV64, BV32))` and `Array(BV64, BV8)`. Symbolic indices need no case
//!   splits.
//! - A pointer held in a variable or SSA value is structured ([`SymPtr`]: object + path of field
//!   and index steps, always ending with an element index). Stored inside an array it is
//!   flattened to a 96-bit vector (object id constant ++ byte offset) and becomes *raw*; raw
//!   pointers can be compared and passed on, not dereferenced.
//!
//! Invariants: a leaf at array depth `k` has sort `Array^k(BV64, S)` where `S` is the scalar
//! sort of its type; [`Leaf::P`] only occurs at depth 0. Nothing here panics on ill-typed input:
//! mismatches are [`SymError`]s.

use crate::encode::Term;
use std::collections::BTreeMap;
use xl_ir::{FloatTy, Module, Type};
use z3::ast::{Array, Ast, Bool, Dynamic, Float, BV};
use z3::{Context, Sort};

/// Why something could not be modelled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SymError {
    /// Outside the supported subset; names the construct.
    Unsupported(String),
    /// Ill-typed IR.
    Malformed(String),
}

/// Result alias.
pub type SymResult<T> = Result<T, SymError>;

pub(crate) fn unsup<T>(s: impl Into<String>) -> SymResult<T> {
    Err(SymError::Unsupported(s.into()))
}
pub(crate) fn malformed<T>(s: impl Into<String>) -> SymResult<T> {
    Err(SymError::Malformed(s.into()))
}

/// The identity of a memory object, the same on both sides.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ObjName {
    /// The null pointer's non-object.
    Null,
    /// A function (for function pointers).
    Func(String),
    /// A local variable or parameter, by its relation name.
    Local(String),
    /// A global.
    Global(u32),
    /// What pointer parameter `i` points into: an array of symbolic length.
    Param(usize),
    /// A string literal, by its bytes up to (not including) the first NUL.
    Str(Vec<u8>),
}

impl ObjName {
    fn id_name(&self) -> String {
        match self {
            ObjName::Null => "null".into(),
            ObjName::Func(f) => format!("fn:{f}"),
            ObjName::Local(n) => format!("local:{n}"),
            ObjName::Global(g) => format!("global:{g}"),
            ObjName::Param(i) => format!("param:{i}"),
            ObjName::Str(b) => format!("str:{}", String::from_utf8_lossy(b).escape_default()),
        }
    }
}

/// One step of a pointer's path from its object's root.
#[derive(Clone, Debug)]
pub enum PStep<'c> {
    /// Field `n` of a struct.
    Field(u32),
    /// Element of an array level (64-bit index).
    Index(BV<'c>),
    /// Element of the implicit one-element array around a non-array object or field
    /// (only 0 may be dereferenced; 1 is one past the end).
    Virt(BV<'c>),
}

/// A structured pointer.
#[derive(Clone, Debug)]
pub struct SymPtr<'c> {
    /// The object.
    pub obj: ObjName,
    /// The path; ends with `Index` or `Virt` except for null and function pointers.
    pub path: Vec<PStep<'c>>,
}

/// A leaf of a [`Cells`] tree.
#[derive(Clone, Debug)]
pub enum Leaf<'c> {
    /// A scalar term (or an array of them, below array levels).
    T(Dynamic<'c>),
    /// A structured pointer (depth 0 only).
    P(SymPtr<'c>),
    /// A raw pointer (96-bit): `true` when it was read from a read-only object, so what it
    /// points to is assumed read-only too (string tables in `const` globals).
    R(BV<'c>, bool),
}

/// Contents of an object or a value, shaped like its type.
#[derive(Clone, Debug)]
pub enum Cells<'c> {
    /// A scalar or pointer.
    Leaf(Leaf<'c>),
    /// Struct fields.
    Struct(Vec<Cells<'c>>),
    /// An array level; the inner cells' leaves have one more dimension.
    Array(Box<Cells<'c>>),
}

/// A memory object.
#[derive(Clone, Debug)]
pub struct Obj<'c> {
    /// Type of the object (for [`ObjName::Param`]: the element type).
    pub ty: Type,
    /// For parameter pointees: the number of elements (the object is `[ty; len]`).
    pub len: Option<BV<'c>>,
    /// Contents.
    pub cells: Cells<'c>,
    /// Never written (const globals, string literals).
    pub readonly: bool,
}

/// The whole symbolic state of one side.
#[derive(Clone, Debug)]
pub struct State<'c> {
    /// Objects by name.
    pub objs: BTreeMap<ObjName, Obj<'c>>,
    /// The outside world (I/O done so far), an uninterpreted constant.
    pub world: Dynamic<'c>,
}

/// Z3 helpers bound to one context and module.
pub struct Sym<'c> {
    /// The context.
    pub z: &'c Context,
    /// Struct definitions and globals (shared by both sides).
    pub module: &'c Module,
}

/// Bits of a raw pointer.
pub const PTR_BITS: u32 = 96;

impl<'c> Sym<'c> {
    /// The Z3 sort of a scalar type (pointers: 96-bit raw form).
    pub fn scalar_sort(&self, ty: &Type) -> SymResult<Sort<'c>> {
        Ok(match ty {
            Type::Bool => Sort::bool(self.z),
            Type::Int(t) => Sort::bitvector(self.z, u32::from(t.bits)),
            Type::Float(FloatTy::F32) => Sort::float32(self.z),
            Type::Float(FloatTy::F64) => Sort::double(self.z),
            Type::Ptr(_) => Sort::bitvector(self.z, PTR_BITS),
            other => return malformed(format!("{other} is not a scalar")),
        })
    }

    fn wrap_sort(&self, s: Sort<'c>, depth: usize) -> Sort<'c> {
        let mut s = s;
        for _ in 0..depth {
            s = Sort::array(self.z, &Sort::bitvector(self.z, 64), &s);
        }
        s
    }

    /// The world sort.
    pub fn world_sort(&self) -> Sort<'c> {
        Sort::uninterpreted(self.z, z3::Symbol::String("World".into()))
    }

    /// 64-bit constant.
    pub fn u64(&self, v: u64) -> BV<'c> {
        BV::from_u64(self.z, v, 64)
    }

    /// Fresh cells of type `ty` at array depth `depth`, every leaf a constant named
    /// `prefix.<n>`; pointers at depth 0 become raw constants.
    pub fn fresh(&self, ty: &Type, depth: usize, prefix: &str) -> SymResult<Cells<'c>> {
        let mut n = 0usize;
        self.fresh_rec(ty, depth, prefix, &mut n)
    }

    fn fresh_rec(
        &self,
        ty: &Type,
        depth: usize,
        prefix: &str,
        n: &mut usize,
    ) -> SymResult<Cells<'c>> {
        Ok(match ty {
            Type::Struct(s) => {
                let Some(def) = self.module.structs.get(*s) else {
                    return malformed(format!("unknown struct {s}"));
                };
                let mut fields = Vec::new();
                for f in &def.fields {
                    fields.push(self.fresh_rec(&f.ty, depth, prefix, n)?);
                }
                Cells::Struct(fields)
            }
            Type::Array(e, _) => Cells::Array(Box::new(self.fresh_rec(e, depth + 1, prefix, n)?)),
            Type::Void | Type::Fn(_) => return unsup(format!("object of type {ty}")),
            _ => {
                let sort = self.wrap_sort(self.scalar_sort(ty)?, depth);
                let name = format!("{prefix}.{n}");
                *n += 1;
                let d = const_of(self.z, &name, &sort);
                if let (Type::Ptr(_), 0, Some(b)) = (ty, depth, d.as_bv()) {
                    Cells::Leaf(Leaf::R(b, false))
                } else {
                    Cells::Leaf(Leaf::T(d))
                }
            }
        })
    }

    /// The all-zero contents of `ty` at array depth `depth` (null pointers, +0.0).
    pub fn zero(&self, ty: &Type, depth: usize) -> SymResult<Cells<'c>> {
        Ok(match ty {
            Type::Struct(s) => {
                let Some(def) = self.module.structs.get(*s) else {
                    return malformed(format!("unknown struct {s}"));
                };
                let mut fields = Vec::new();
                for f in &def.fields {
                    fields.push(self.zero(&f.ty, depth)?);
                }
                Cells::Struct(fields)
            }
            Type::Array(e, _) => Cells::Array(Box::new(self.zero(e, depth + 1)?)),
            Type::Void | Type::Fn(_) => return unsup(format!("object of type {ty}")),
            _ => {
                let scalar: Dynamic<'c> = match ty {
                    Type::Bool => Dynamic::from_ast(&Bool::from_bool(self.z, false)),
                    Type::Int(t) => Dynamic::from_ast(&BV::from_u64(self.z, 0, u32::from(t.bits))),
                    Type::Float(FloatTy::F32) => Dynamic::from_ast(&Float::from_f32(self.z, 0.0)),
                    Type::Float(FloatTy::F64) => Dynamic::from_ast(&Float::from_f64(self.z, 0.0)),
                    Type::Ptr(_) => {
                        if depth == 0 {
                            return Ok(Cells::Leaf(Leaf::P(SymPtr {
                                obj: ObjName::Null,
                                path: vec![],
                            })));
                        }
                        Dynamic::from_ast(&self.encode_ptr_null())
                    }
                    _ => return malformed(format!("{ty} is not a scalar")),
                };
                let mut d = scalar;
                for _ in 0..depth {
                    d = Dynamic::from_ast(&Array::const_array(
                        self.z,
                        &Sort::bitvector(self.z, 64),
                        &d,
                    ));
                }
                Cells::Leaf(Leaf::T(d))
            }
        })
    }

    fn encode_ptr_null(&self) -> BV<'c> {
        BV::from_u64(self.z, 0, PTR_BITS)
    }

    /// The raw (96-bit) form of a pointer: object id ++ byte offset. Object ids are
    /// uninterpreted per name (the same on both sides; null is 0).
    pub fn encode_ptr(&self, p: &SymPtr<'c>, st: &State<'c>) -> SymResult<BV<'c>> {
        if p.obj == ObjName::Null {
            return Ok(self.encode_ptr_null());
        }
        let id = BV::new_const(self.z, format!("objid:{}", p.obj.id_name()), 32);
        let mut off = self.u64(0);
        let mut ty: Option<Type> = match st.objs.get(&p.obj) {
            Some(o) if o.len.is_some() => Some(Type::Array(Box::new(o.ty.clone()), 0)),
            Some(o) => Some(o.ty.clone()),
            None => None,
        };
        for step in &p.path {
            match (step, ty.clone()) {
                (PStep::Field(k), Some(Type::Struct(s))) => {
                    let lay = field_offsets(self.module, s);
                    off = off.bvadd(&self.u64(lay.get(*k as usize).copied().unwrap_or(0)));
                    ty = self
                        .module
                        .structs
                        .get(s)
                        .and_then(|d| d.fields.get(*k as usize))
                        .map(|f| f.ty.clone());
                }
                (PStep::Index(i), Some(Type::Array(e, _))) => {
                    let size = xl_ir::layout::size_of(self.module, &e);
                    off = off.bvadd(&i.bvmul(&self.u64(size)));
                    ty = Some(*e);
                }
                (PStep::Virt(i), Some(t)) => {
                    let size = xl_ir::layout::size_of(self.module, &t);
                    off = off.bvadd(&i.bvmul(&self.u64(size)));
                }
                (PStep::Virt(i), None) | (PStep::Index(i), None) => {
                    off = off.bvadd(i);
                }
                _ => return malformed("pointer path does not match its object's type"),
            }
        }
        Ok(id.concat(&off))
    }

    /// Equality of two pointers (structured or raw).
    pub fn ptr_eq(
        &self,
        a: &Leaf<'c>,
        b: &Leaf<'c>,
        sa: &State<'c>,
        sb: &State<'c>,
    ) -> SymResult<Bool<'c>> {
        if let (Leaf::P(p), Leaf::P(q)) = (a, b) {
            if p.obj != q.obj {
                return Ok(Bool::from_bool(self.z, false));
            }
            if p.path.len() == q.path.len() {
                let mut conj = Vec::new();
                for (x, y) in p.path.iter().zip(&q.path) {
                    match (x, y) {
                        (PStep::Field(i), PStep::Field(j)) if i == j => {}
                        (PStep::Field(_), PStep::Field(_)) => {
                            return Ok(Bool::from_bool(self.z, false))
                        }
                        (PStep::Index(i), PStep::Index(j)) | (PStep::Virt(i), PStep::Virt(j)) => {
                            conj.push(i._eq(j))
                        }
                        _ => return self.ptr_eq_raw(a, b, sa, sb),
                    }
                }
                let refs: Vec<&Bool<'c>> = conj.iter().collect();
                return Ok(Bool::and(self.z, &refs));
            }
        }
        self.ptr_eq_raw(a, b, sa, sb)
    }

    fn ptr_eq_raw(
        &self,
        a: &Leaf<'c>,
        b: &Leaf<'c>,
        sa: &State<'c>,
        sb: &State<'c>,
    ) -> SymResult<Bool<'c>> {
        let x = self.raw(a, sa)?;
        let y = self.raw(b, sb)?;
        Ok(x._eq(&y))
    }

    /// The raw form of a pointer leaf.
    pub fn raw(&self, l: &Leaf<'c>, st: &State<'c>) -> SymResult<BV<'c>> {
        match l {
            Leaf::P(p) => self.encode_ptr(p, st),
            Leaf::R(b, _) => Ok(b.clone()),
            Leaf::T(d) => d
                .as_bv()
                .filter(|b| b.get_size() == PTR_BITS)
                .map_or_else(|| malformed("not a pointer"), Ok),
        }
    }

    /// A leaf as a dynamic term (pointers in raw form).
    pub fn leaf_dyn(&self, l: &Leaf<'c>, st: &State<'c>) -> SymResult<Dynamic<'c>> {
        match l {
            Leaf::T(d) => Ok(d.clone()),
            _ => Ok(Dynamic::from_ast(&self.raw(l, st)?)),
        }
    }

    /// `if c { a } else { b }` on two cells of the same shape.
    pub fn ite(
        &self,
        c: &Bool<'c>,
        a: &Cells<'c>,
        b: &Cells<'c>,
        sa: &State<'c>,
        sb: &State<'c>,
    ) -> SymResult<Cells<'c>> {
        Ok(match (a, b) {
            (Cells::Struct(x), Cells::Struct(y)) if x.len() == y.len() => {
                let mut out = Vec::new();
                for (p, q) in x.iter().zip(y) {
                    out.push(self.ite(c, p, q, sa, sb)?);
                }
                Cells::Struct(out)
            }
            (Cells::Array(x), Cells::Array(y)) => {
                Cells::Array(Box::new(self.ite(c, x, y, sa, sb)?))
            }
            (Cells::Leaf(x), Cells::Leaf(y)) => Cells::Leaf(self.ite_leaf(c, x, y, sa, sb)?),
            _ => return malformed("merging values of different shapes"),
        })
    }

    fn ite_leaf(
        &self,
        c: &Bool<'c>,
        a: &Leaf<'c>,
        b: &Leaf<'c>,
        sa: &State<'c>,
        sb: &State<'c>,
    ) -> SymResult<Leaf<'c>> {
        Ok(match (a, b) {
            (Leaf::T(x), Leaf::T(y)) => {
                if x == y {
                    Leaf::T(x.clone())
                } else {
                    Leaf::T(c.ite(x, y))
                }
            }
            (Leaf::P(p), Leaf::P(q)) if p.obj == q.obj && p.path.len() == q.path.len() => {
                let mut path = Vec::new();
                for (x, y) in p.path.iter().zip(&q.path) {
                    path.push(match (x, y) {
                        (PStep::Field(i), PStep::Field(j)) if i == j => PStep::Field(*i),
                        (PStep::Index(i), PStep::Index(j)) => PStep::Index(c.ite(i, j)),
                        (PStep::Virt(i), PStep::Virt(j)) => PStep::Virt(c.ite(i, j)),
                        _ => return self.ite_raw(c, a, b, sa, sb),
                    });
                }
                Leaf::P(SymPtr {
                    obj: p.obj.clone(),
                    path,
                })
            }
            _ => return self.ite_raw(c, a, b, sa, sb),
        })
    }

    fn ite_raw(
        &self,
        c: &Bool<'c>,
        a: &Leaf<'c>,
        b: &Leaf<'c>,
        sa: &State<'c>,
        sb: &State<'c>,
    ) -> SymResult<Leaf<'c>> {
        let ro = |l: &Leaf<'c>, s: &State<'c>| match l {
            Leaf::R(_, r) => *r,
            Leaf::P(p) => {
                matches!(p.obj, ObjName::Str(_) | ObjName::Null)
                    || s.objs.get(&p.obj).is_some_and(|o| o.readonly)
            }
            Leaf::T(_) => false,
        };
        Ok(Leaf::R(
            c.ite(&self.raw(a, sa)?, &self.raw(b, sb)?),
            ro(a, sa) && ro(b, sb),
        ))
    }

    /// Leaf-wise equality of two cells of the same shape (`None` when shapes differ).
    pub fn eq_cells(
        &self,
        a: &Cells<'c>,
        b: &Cells<'c>,
        sa: &State<'c>,
        sb: &State<'c>,
    ) -> SymResult<Bool<'c>> {
        let Some(pairs) = zip_leaves(a, b) else {
            return malformed("comparing values of different shapes");
        };
        let mut conj = Vec::new();
        for (p, q) in pairs {
            match (p, q) {
                (Leaf::T(s), Leaf::T(t)) => {
                    if s.get_sort() != t.get_sort() {
                        return malformed("comparing leaves of different sorts");
                    }
                    if s != t {
                        conj.push(dyn_eq(s, t));
                    }
                }
                _ => {
                    let is_deep = matches!((p, q), (Leaf::T(_), _) | (_, Leaf::T(_)));
                    if is_deep {
                        conj.push(self.leaf_dyn(p, sa)?._eq(&self.leaf_dyn(q, sb)?));
                    } else {
                        conj.push(self.ptr_eq(p, q, sa, sb)?);
                    }
                }
            }
        }
        let refs: Vec<&Bool<'c>> = conj.iter().collect();
        Ok(Bool::and(self.z, &refs))
    }

    /// A scalar leaf as an encoder term (`ty` is its IR type).
    pub fn term(&self, c: &Cells<'c>, ty: &Type) -> SymResult<Term<'c>> {
        let Cells::Leaf(Leaf::T(d)) = c else {
            return malformed(format!("expected a scalar of type {ty}"));
        };
        dyn_to_term(d, ty)
    }
}

/// The corresponding leaves of two cells, in tree order, or `None` when their shapes differ.
pub fn zip_leaves<'x, 'c>(
    a: &'x Cells<'c>,
    b: &'x Cells<'c>,
) -> Option<Vec<(&'x Leaf<'c>, &'x Leaf<'c>)>> {
    let mut out = Vec::new();
    let mut work = vec![(a, b)];
    while let Some((x, y)) = work.pop() {
        match (x, y) {
            (Cells::Struct(p), Cells::Struct(q)) if p.len() == q.len() => {
                work.extend(p.iter().zip(q).rev())
            }
            (Cells::Array(p), Cells::Array(q)) => work.push((p, q)),
            (Cells::Leaf(p), Cells::Leaf(q)) => out.push((p, q)),
            _ => return None,
        }
    }
    Some(out)
}

/// Equality of two terms of the same sort; floats compare by identity (NaN equals NaN, +0
/// differs from -0), the notion of "same value" the relation needs.
pub fn dyn_eq<'c>(a: &Dynamic<'c>, b: &Dynamic<'c>) -> Bool<'c> {
    a._eq(b)
}

/// A dynamic term as an encoder term of type `ty`.
pub fn dyn_to_term<'c>(d: &Dynamic<'c>, ty: &Type) -> SymResult<Term<'c>> {
    match ty {
        Type::Int(_) => d
            .as_bv()
            .map(Term::Int)
            .map_or_else(|| malformed("expected a bit-vector"), Ok),
        Type::Bool => d
            .as_bool()
            .map(Term::Bool)
            .map_or_else(|| malformed("expected a bool"), Ok),
        _ => term_from_dyn_other(d, ty),
    }
}

fn term_from_dyn_other<'c>(d: &Dynamic<'c>, ty: &Type) -> SymResult<Term<'c>> {
    match ty {
        Type::Float(_) => d
            .as_float()
            .map(Term::Float)
            .map_or_else(|| malformed("expected a float"), Ok),
        _ => unsup(format!("values of type {ty}")),
    }
}

/// An encoder term as a dynamic term.
pub fn term_to_dyn<'c>(t: &Term<'c>) -> Dynamic<'c> {
    match t {
        Term::Int(b) => Dynamic::from_ast(b),
        Term::Bool(b) => Dynamic::from_ast(b),
        Term::Float(f) => Dynamic::from_ast(f),
    }
}

/// Byte offsets of a struct's fields (LP64, as [`xl_ir::layout`] lays them out).
pub fn field_offsets(module: &Module, s: xl_ir::StructId) -> Vec<u64> {
    let mut out = Vec::new();
    let Some(def) = module.structs.get(s) else {
        return out;
    };
    let mut size = 0u64;
    for field in &def.fields {
        let (sz, a) = xl_ir::layout::size_align(module, &field.ty);
        size = size.div_ceil(a) * a;
        out.push(size);
        size += sz;
    }
    out
}

/// A named constant of any sort (the same name and sort give the same constant).
pub fn const_of<'c>(z: &'c Context, name: &str, sort: &Sort<'c>) -> Dynamic<'c> {
    z3::FuncDecl::new(z, name, &[], sort).apply(&[])
}
