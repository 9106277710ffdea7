//! One Rust fn to one IR [`Func`], with Rust's semantics made explicit: every panic of the
//! source (arithmetic overflow, division by zero, out-of-bounds index, shift overflow,
//! a `RefCell` already borrowed, `panic!`) is either an op precondition that states exactly
//! the panic condition, or a branch to a block ending in `unreachable`.
//!
//! Shape: expressions lower to [`Ex`] (a value, a place, a reference to a place, `()` or
//! diverging); places are built lazily ([`LPlace`]) so `&x`, `x.f[i] = v` and reads share one
//! path. Values crossing control flow go through [`Fb::use_rv`]. Anything outside the
//! emitted subset is an [`Unsupported`] for the whole function (never a guess).
//!
//! Conventions: Rust variables keep their names (`let` shadowing makes a new `Var` of the
//! same name); temporaries are `$tN`. Struct fields and globals keep the C module's types;
//! where the Rust type differs only in signedness (`u8` storage of a C `char`) or pointee
//! (`&[u8]` for `char *`), reads and writes convert with `intcast` / `ptrcast`.

use super::build::{Fb, RV};
use super::krate::{Crate, RtParam};
use super::ty::{parse_type, scalar, RTy, USIZE};
use super::Unsupported;
use syn::spanned::Spanned;
use xl_base::Span;
use xl_emit::GlobalStorage;
use xl_ir::{
    BinaryOp, Block, Callee, CastKind, FloatCC, FloatTy, Func, GlobalId, IntCC, IntTy, Op, Place,
    PlaceBase, Proj, Terminator, Type, UnaryOp, Var,
};

type R<T> = Result<T, Unsupported>;

/// The root of a place under construction.
#[derive(Clone, Debug)]
enum LBase {
    Var(Var),
    Global(GlobalId),
    Deref(RV),
}

/// A projection under construction.
#[derive(Clone, Debug)]
enum LProj {
    Field(u32),
    Index(RV),
}

/// A place under construction, with its IR type.
#[derive(Clone, Debug)]
struct LPlace {
    base: LBase,
    proj: Vec<LProj>,
    ty: Type,
}

/// A lowered expression.
#[derive(Clone, Debug)]
enum Ex {
    /// A value of the Rust type.
    Val(RV, RTy),
    /// A place holding a value of the Rust type.
    Place(LPlace, RTy),
    /// A reference (of the given `&`/`&mut` Rust type) to a place.
    Ref(LPlace, RTy),
    /// `()`.
    Unit,
    /// Control does not get here.
    Never,
}

/// What a name is bound to.
#[derive(Clone, Debug)]
enum Binding {
    /// A variable of the Rust type.
    Var(Var, RTy),
    /// A reference to a known place (the parameter of a `with_borrow` closure).
    Ref(LPlace, RTy),
}

/// An enclosing loop or labeled block.
struct Scope {
    label: Option<String>,
    is_loop: bool,
    brk: Block,
    cont: Option<Block>,
    result: Option<(Var, RTy)>,
}

/// The lowering state of one function.
pub struct Lx<'k, 'a> {
    k: &'k Crate<'a>,
    fb: Fb,
    names: Vec<Vec<(String, Binding)>>,
    scopes: Vec<Scope>,
    borrows: Vec<(GlobalId, bool)>,
    ret: RTy,
    /// Inside a `with_borrow` closure body (where `return` would leave the closure).
    closures: u32,
}

/// Lowers `item` (a fn of the crate) to a function named `name`.
pub fn lower_fn(k: &Crate, item: &syn::ItemFn) -> R<Func> {
    let span = k.span(&item.sig.ident);
    let structs = |n: &str| k.structs.get(n).copied();
    let sp = |s: &dyn Spanned| k.span(s);
    let ret = match &item.sig.output {
        syn::ReturnType::Default => RTy::Unit,
        syn::ReturnType::Type(_, t) => parse_type(t, &structs, &sp)?,
    };
    let ret_ir = match &ret {
        RTy::Unit | RTy::Never => Type::Void,
        t => t.ir().ok_or_else(|| Unsupported {
            construct: format!("return type `{t}`"),
            span: span.clone(),
        })?,
    };
    let mut lx = Lx {
        k,
        fb: Fb::new(&item.sig.ident.to_string(), ret_ir, span),
        names: vec![vec![]],
        scopes: vec![],
        borrows: vec![],
        ret: ret.clone(),
        closures: 0,
    };
    if !item.sig.generics.params.is_empty() || item.sig.variadic.is_some() {
        return lx.bad(&item.sig, "generic or variadic fn");
    }
    for a in &item.sig.inputs {
        let syn::FnArg::Typed(t) = a else {
            return lx.bad(a, "`self` parameter");
        };
        let name = match &*t.pat {
            syn::Pat::Ident(i) if i.by_ref.is_none() && i.subpat.is_none() => i.ident.to_string(),
            p => return lx.bad(p, "parameter pattern"),
        };
        let rty = parse_type(&t.ty, &structs, &sp)?;
        let Some(ir) = rty.ir() else {
            return lx.bad(&t.ty, &format!("parameter type `{rty}`"));
        };
        lx.fb.span = k.span(t);
        let v = lx.fb.param(&name, ir);
        lx.bind(name, Binding::Var(v, rty));
    }
    let hint = ret.clone();
    let body = lx.block(&item.block, Some(&hint))?;
    match body {
        Ex::Never => {}
        Ex::Unit if ret == RTy::Unit => lx.fb.term(Terminator::Return(None)),
        ex => {
            let (v, _) = lx.value(ex, Some(&hint), &item.block)?;
            let v = lx.fb.use_rv(v);
            lx.fb.term(Terminator::Return(Some(v)));
        }
    }
    Ok(lx.fb.finish())
}

/// True for the names of the integer types (for `i32::MIN` and friends).
fn int_named(n: &str) -> Option<IntTy> {
    scalar(n).and_then(|t| t.int())
}

impl<'k, 'a> Lx<'k, 'a> {
    fn bad<T>(&self, s: &dyn Spanned, what: &str) -> R<T> {
        Err(Unsupported {
            construct: what.to_string(),
            span: self.k.span(s),
        })
    }
    fn bind(&mut self, name: String, b: Binding) {
        if let Some(s) = self.names.last_mut() {
            s.push((name, b));
        }
    }
    fn lookup(&self, name: &str) -> Option<&Binding> {
        self.names
            .iter()
            .rev()
            .flat_map(|s| s.iter().rev())
            .find(|(n, _)| n == name)
            .map(|(_, b)| b)
    }

    // ---- constants and small helpers ------------------------------------------------------

    fn iconst(&mut self, t: IntTy, v: i128) -> RV {
        self.fb.val(Op::Iconst(t.wrap(v)), Type::Int(t))
    }
    fn bconst(&mut self, b: bool) -> RV {
        self.fb.val(Op::Bconst(b), Type::Bool)
    }
    fn fconst(&mut self, t: FloatTy, v: f64) -> RV {
        self.fb.val(Op::Fconst(v), Type::Float(t))
    }
    fn bin(&mut self, op: BinaryOp, a: RV, b: RV, nsw: bool) -> RV {
        let ty = self.fb.ty(a.v);
        let (a, b) = (self.fb.use_rv(a), self.fb.use_rv(b));
        self.fb.val(
            Op::Binary {
                op,
                lhs: a,
                rhs: b,
                nsw,
            },
            ty,
        )
    }
    fn icmp(&mut self, cond: IntCC, a: RV, b: RV) -> RV {
        let (a, b) = (self.fb.use_rv(a), self.fb.use_rv(b));
        self.fb.val(
            Op::Icmp {
                cond,
                lhs: a,
                rhs: b,
            },
            Type::Bool,
        )
    }
    fn fcmp(&mut self, cond: FloatCC, a: RV, b: RV) -> RV {
        let (a, b) = (self.fb.use_rv(a), self.fb.use_rv(b));
        self.fb.val(
            Op::Fcmp {
                cond,
                lhs: a,
                rhs: b,
            },
            Type::Bool,
        )
    }
    fn select(&mut self, c: RV, t: RV, f: RV) -> RV {
        let ty = self.fb.ty(t.v);
        let (c, t, f) = (self.fb.use_rv(c), self.fb.use_rv(t), self.fb.use_rv(f));
        self.fb.val(
            Op::Select {
                cond: c,
                if_true: t,
                if_false: f,
            },
            ty,
        )
    }
    fn unary(&mut self, op: UnaryOp, a: RV, nsw: bool) -> RV {
        let ty = self.fb.ty(a.v);
        let a = self.fb.use_rv(a);
        self.fb.val(Op::Unary { op, arg: a, nsw }, ty)
    }
    fn cast(&mut self, kind: CastKind, a: RV, to: Type) -> RV {
        let a = self.fb.use_rv(a);
        self.fb.val(Op::Cast { kind, arg: a }, to)
    }
    fn not(&mut self, a: RV) -> RV {
        self.unary(UnaryOp::BNot, a, false)
    }
    /// Panics when `c` holds.
    fn panic_if(&mut self, c: RV) {
        let c = self.fb.use_rv(c);
        self.fb.panic_if(c);
    }
    /// A zero (or, for aggregates, unspecified) value of `ty`, for dead code.
    fn dummy(&mut self, ty: &Type) -> RV {
        match ty {
            Type::Int(i) => self.iconst(*i, 0),
            Type::Bool => self.bconst(false),
            Type::Float(f) => self.fconst(*f, 0.0),
            Type::Ptr(_) => self.fb.val(Op::Null, ty.clone()),
            _ => {
                let t = self.fb.temp(ty.clone());
                self.fb.val(Op::Load(Place::var(t)), ty.clone())
            }
        }
    }
    /// The all-zero value of `ty` (`Default::default()`, `[0; N]`).
    fn zero(&mut self, ty: &Type) -> RV {
        match ty {
            Type::Int(_) | Type::Bool | Type::Float(_) | Type::Ptr(_) => self.dummy(ty),
            _ => {
                let g = self.k.zero_global(ty);
                self.fb.val(Op::Load(Place::global(g)), ty.clone())
            }
        }
    }

    // ---- places ---------------------------------------------------------------------------

    fn mat_place(&mut self, p: &LPlace) -> Place {
        // Index values first (in order), then the pointer: `use_rv` may open a block, which
        // must happen before any of them is taken.
        self.fb.ensure_open();
        let base = match &p.base {
            LBase::Var(v) => PlaceBase::Var(*v),
            LBase::Global(g) => PlaceBase::Global(*g),
            LBase::Deref(rv) => PlaceBase::Deref(self.fb.use_rv(*rv)),
        };
        let proj = p
            .proj
            .iter()
            .map(|pr| match pr {
                LProj::Field(k) => Proj::Field(*k),
                LProj::Index(rv) => Proj::Index(self.fb.use_rv(*rv)),
            })
            .collect();
        Place { base, proj }
    }
    /// Converts `v` of IR type `from` to IR type `to` (same width integers, pointers).
    fn convert(&mut self, v: RV, from: &Type, to: &Type, s: &dyn Spanned) -> R<RV> {
        if from == to {
            return Ok(v);
        }
        match (from, to) {
            (Type::Int(a), Type::Int(b)) if a.bits == b.bits => {
                Ok(self.cast(CastKind::IntCast, v, to.clone()))
            }
            (Type::Ptr(_), Type::Ptr(_)) => Ok(self.cast(CastKind::PtrCast, v, to.clone())),
            _ => self.bad(s, &format!("a `{from}` place read or written as `{to}`")),
        }
    }
    fn load(&mut self, p: &LPlace, rty: &RTy, s: &dyn Spanned) -> R<RV> {
        let Some(want) = rty.ir() else {
            return self.bad(s, &format!("read of a `{rty}`"));
        };
        let place = self.mat_place(p);
        let v = self.fb.val(Op::Load(place), p.ty.clone());
        self.convert(v, &p.ty.clone(), &want, s)
    }
    fn store(&mut self, p: &LPlace, v: RV, s: &dyn Spanned) -> R<()> {
        let from = self.fb.ty(v.v);
        let v = self.convert(v, &from, &p.ty.clone(), s)?;
        let place = self.mat_place(p);
        let v = self.fb.use_rv(v);
        self.fb.store(place, v);
        Ok(())
    }
    /// The IR type of field `k` of struct place type `ty`.
    fn field_ir(&self, ty: &Type, k: u32) -> Option<Type> {
        match ty {
            Type::Struct(s) => self
                .k
                .cmod
                .structs
                .get(*s)
                .and_then(|d| d.fields.get(k as usize))
                .map(|f| f.ty.clone()),
            _ => None,
        }
    }
    /// The place an expression denotes, dereferencing references (auto-deref), with the
    /// Rust type of what is there.
    fn place_of(&mut self, ex: Ex, s: &dyn Spanned) -> R<(LPlace, RTy)> {
        match ex {
            Ex::Place(p, RTy::Ref(inner, _)) => {
                let v = self.load(&p, &RTy::Ref(inner.clone(), false), s)?;
                self.deref_val(v, *inner, s)
            }
            Ex::Place(p, t) => Ok((p, t)),
            Ex::Ref(p, RTy::Ref(inner, _)) => Ok((p, *inner)),
            Ex::Val(v, RTy::Ref(inner, _)) => self.deref_val(v, *inner, s),
            Ex::Val(v, t) => {
                // A temporary holding the value.
                let Some(ir) = t.ir() else {
                    return self.bad(s, &format!("place of a `{t}` value"));
                };
                let tmp = self.fb.temp(ir.clone());
                let val = self.fb.use_rv(v);
                self.fb.store(Place::var(tmp), val);
                Ok((
                    LPlace {
                        base: LBase::Var(tmp),
                        proj: vec![],
                        ty: ir,
                    },
                    t,
                ))
            }
            Ex::Ref(..) => self.bad(s, "reference"),
            Ex::Unit | Ex::Never => self.bad(s, "place of `()`"),
        }
    }
    fn deref_val(&mut self, v: RV, inner: RTy, s: &dyn Spanned) -> R<(LPlace, RTy)> {
        let ty = match self.fb.ty(v.v) {
            Type::Ptr(t) => *t,
            _ => return self.bad(s, "dereference of a non-pointer"),
        };
        Ok((
            LPlace {
                base: LBase::Deref(v),
                proj: vec![],
                ty,
            },
            inner,
        ))
    }
    /// `place[idx]` (idx a `usize` value).
    fn index(&mut self, mut p: LPlace, t: RTy, idx: RV, s: &dyn Spanned) -> R<(LPlace, RTy)> {
        let bare_deref = matches!(p.base, LBase::Deref(_)) && p.proj.is_empty();
        match t {
            RTy::Array(e, _) => {
                let Type::Array(ie, _) = p.ty.clone() else {
                    return self.bad(s, "index of a non-array place");
                };
                if bare_deref {
                    let z = self.iconst(IntTy::U64, 0);
                    p.proj.push(LProj::Index(z));
                }
                p.proj.push(LProj::Index(idx));
                p.ty = *ie;
                Ok((p, *e))
            }
            RTy::Slice(e) if bare_deref => {
                p.proj.push(LProj::Index(idx));
                Ok((p, *e))
            }
            t => self.bad(s, &format!("indexing a `{t}`")),
        }
    }
    fn field(&mut self, mut p: LPlace, t: RTy, name: &str, s: &dyn Spanned) -> R<(LPlace, RTy)> {
        let RTy::Struct(sid) = t else {
            return self.bad(s, &format!("field `{name}` of a `{t}`"));
        };
        let Some(fields) = self.k.fields.get(&sid) else {
            return self.bad(s, "struct without a Rust form");
        };
        let Some(k) = fields.iter().position(|(n, _)| n == name) else {
            return self.bad(s, &format!("unknown field `{name}`"));
        };
        let Some(rty) = fields[k].1.clone() else {
            return self.bad(s, &format!("field `{name}` of an unsupported type"));
        };
        let Some(ir) = self.field_ir(&p.ty, k as u32) else {
            return self.bad(s, "field of a non-struct place");
        };
        p.proj.push(LProj::Field(k as u32));
        p.ty = ir;
        Ok((p, rty))
    }
    /// Address of a place as a pointer value of IR type `ptr<place type>` (or the pointer
    /// itself for a bare `*p`).
    fn addr(&mut self, p: &LPlace) -> RV {
        if let (LBase::Deref(v), true) = (&p.base, p.proj.is_empty()) {
            return *v;
        }
        let ty = Type::Ptr(Box::new(p.ty.clone()));
        let place = self.mat_place(p);
        self.fb.val(Op::Addr(place), ty)
    }

    /// Address of a place as a value of the Rust reference type `rty` (a `ptrcast` where the
    /// place keeps the C module's element type, e.g. `i8` for Rust's `u8`).
    fn addr_as(&mut self, p: &LPlace, rty: &RTy, s: &dyn Spanned) -> R<RV> {
        let v = self.addr(p);
        let Some(want) = rty.ir() else {
            return self.bad(s, &format!("reference of type `{rty}`"));
        };
        let from = self.fb.ty(v.v);
        self.convert(v, &from, &want, s)
    }

    // ---- values ---------------------------------------------------------------------------

    /// The value of `ex`, coerced to `want` where Rust coerces (`&[T; N]` to `&[T]`,
    /// `&mut T` to `&T`).
    fn value(&mut self, ex: Ex, want: Option<&RTy>, s: &dyn Spanned) -> R<(RV, RTy)> {
        match ex {
            Ex::Val(v, t) => self.coerce_val(v, t, want, s),
            Ex::Place(p, t) => {
                let v = self.load(&p, &t, s)?;
                self.coerce_val(v, t, want, s)
            }
            Ex::Ref(p, RTy::Ref(inner, m)) => {
                if let (Some(RTy::Ref(w, _)), RTy::Array(e, _)) = (want, &*inner) {
                    if matches!(&**w, RTy::Slice(_)) {
                        // `&a` as `&[T]`: the address of element 0.
                        let z = self.iconst(IntTy::U64, 0);
                        let (p0, _) = self.index(p, (*inner).clone(), z, s)?;
                        let t = RTy::Ref(Box::new(RTy::Slice(e.clone())), m);
                        let v = self.addr_as(&p0, &t, s)?;
                        return Ok((v, t));
                    }
                }
                let t = RTy::Ref(inner, m);
                let v = self.addr_as(&p, &t, s)?;
                let want_m = match want {
                    Some(RTy::Ref(_, wm)) => *wm,
                    _ => m,
                };
                match t {
                    RTy::Ref(i, _) => Ok((v, RTy::Ref(i, want_m && m))),
                    t => Ok((v, t)),
                }
            }
            Ex::Ref(..) => self.bad(s, "reference"),
            Ex::Unit => self.bad(s, "`()` used as a value"),
            Ex::Never => {
                let t = want.cloned().unwrap_or(RTy::Int(IntTy::I32));
                let Some(ir) = t.ir() else {
                    return self.bad(s, "diverging value");
                };
                let v = self.dummy(&ir);
                Ok((v, t))
            }
        }
    }
    fn coerce_val(&mut self, v: RV, t: RTy, want: Option<&RTy>, s: &dyn Spanned) -> R<(RV, RTy)> {
        if let (Some(RTy::Ref(w, wm)), RTy::Ref(inner, m)) = (want, &t) {
            if let (RTy::Slice(_), RTy::Array(e, _)) = (&**w, &**inner) {
                let (p, at) = self.deref_val(v, (**inner).clone(), s)?;
                let z = self.iconst(IntTy::U64, 0);
                let (p0, _) = self.index(p, at, z, s)?;
                let t = RTy::Ref(Box::new(RTy::Slice(e.clone())), *m && *wm);
                let a = self.addr_as(&p0, &t, s)?;
                return Ok((a, t));
            }
            return Ok((v, RTy::Ref(inner.clone(), *m && *wm)));
        }
        Ok((v, t))
    }
    fn rvalue(&mut self, e: &syn::Expr, hint: Option<&RTy>) -> R<(RV, RTy)> {
        let ex = self.expr(e, hint)?;
        self.value(ex, hint, e)
    }
    fn int_value(&mut self, e: &syn::Expr, hint: Option<&RTy>) -> R<(RV, IntTy)> {
        let (v, t) = self.rvalue(e, hint)?;
        match t {
            RTy::Int(i) => Ok((v, i)),
            t => self.bad(e, &format!("integer expected, found `{t}`")),
        }
    }
    fn bool_value(&mut self, e: &syn::Expr) -> R<RV> {
        let (v, t) = self.rvalue(e, Some(&RTy::Bool))?;
        if t != RTy::Bool {
            return self.bad(e, &format!("bool expected, found `{t}`"));
        }
        Ok(v)
    }

    // ---- type peeking (for unsuffixed literals) -------------------------------------------

    /// The type `e` will have, when it can be told without lowering it (None: unknown, or an
    /// unsuffixed literal that takes its type from the context).
    fn peek(&self, e: &syn::Expr) -> Option<RTy> {
        match e {
            syn::Expr::Lit(l) => match &l.lit {
                syn::Lit::Int(i) if !i.suffix().is_empty() => scalar(i.suffix()),
                syn::Lit::Float(f) if !f.suffix().is_empty() => scalar(f.suffix()),
                syn::Lit::Bool(_) => Some(RTy::Bool),
                syn::Lit::Byte(_) => Some(RTy::Int(IntTy::U8)),
                _ => None,
            },
            syn::Expr::Path(p) => {
                if let Some(i) = p.path.get_ident() {
                    let n = i.to_string();
                    return match self.lookup(&n) {
                        Some(Binding::Var(_, t)) | Some(Binding::Ref(_, t)) => Some(t.clone()),
                        None => self.k.globals.get(&n).and_then(|g| g.ty.clone()),
                    };
                }
                let segs: Vec<String> = path_segs(&p.path);
                match segs.as_slice() {
                    [t, _] => scalar(t),
                    _ => None,
                }
            }
            syn::Expr::Cast(c) => {
                let structs = |n: &str| self.k.structs.get(n).copied();
                let sp = |_: &dyn Spanned| Span::default();
                parse_type(&c.ty, &structs, &sp).ok()
            }
            syn::Expr::Paren(p) => self.peek(&p.expr),
            syn::Expr::Group(g) => self.peek(&g.expr),
            syn::Expr::Unary(u) => match u.op {
                syn::UnOp::Deref(_) => self.peek(&u.expr).and_then(|t| t.pointee().cloned()),
                _ => self.peek(&u.expr),
            },
            syn::Expr::Binary(b) => {
                use syn::BinOp::*;
                match b.op {
                    Eq(_) | Ne(_) | Lt(_) | Le(_) | Gt(_) | Ge(_) | And(_) | Or(_) => {
                        Some(RTy::Bool)
                    }
                    Shl(_) | Shr(_) => self.peek(&b.left),
                    _ => self.peek(&b.left).or_else(|| self.peek(&b.right)),
                }
            }
            syn::Expr::MethodCall(m) => {
                let n = m.method.to_string();
                if n.starts_with("wrapping_") || matches!(n.as_str(), "abs" | "min" | "max") {
                    self.peek(&m.receiver)
                } else if n == "len" {
                    Some(USIZE)
                } else if n == "get" {
                    self.peek(&m.receiver)
                } else {
                    None
                }
            }
            syn::Expr::Field(f) => {
                let mut t = self.peek(&f.base)?;
                while let RTy::Ref(i, _) = t {
                    t = *i;
                }
                let RTy::Struct(s) = t else { return None };
                let syn::Member::Named(n) = &f.member else {
                    return None;
                };
                self.k
                    .fields
                    .get(&s)?
                    .iter()
                    .find(|(f, _)| n == f)
                    .and_then(|(_, t)| t.clone())
            }
            syn::Expr::Index(i) => {
                let mut t = self.peek(&i.expr)?;
                while let RTy::Ref(i, _) = t {
                    t = *i;
                }
                t.elem().cloned()
            }
            syn::Expr::Call(c) => {
                let syn::Expr::Path(p) = &*c.func else {
                    return None;
                };
                if let Some(i) = p.path.get_ident() {
                    return self.k.fns.get(&i.to_string()).and_then(|f| f.ret.clone());
                }
                let segs: Vec<String> = path_segs(&p.path);
                match segs.as_slice() {
                    [rt, f] if rt == "rt" => self.k.rt.get(f).map(|f| f.ret.clone()),
                    [t, f] if f == "from" => scalar(t),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    // ---- blocks and statements ------------------------------------------------------------

    fn block(&mut self, b: &syn::Block, hint: Option<&RTy>) -> R<Ex> {
        self.names.push(vec![]);
        let r = self.block_inner(b, hint);
        self.names.pop();
        r
    }
    fn block_inner(&mut self, b: &syn::Block, hint: Option<&RTy>) -> R<Ex> {
        let n = b.stmts.len();
        let mut diverged = false;
        for (i, s) in b.stmts.iter().enumerate() {
            let last = i + 1 == n;
            match s {
                syn::Stmt::Expr(e, None) if last => {
                    let ex = self.expr(e, hint)?;
                    return Ok(if diverged { Ex::Never } else { ex });
                }
                _ => {
                    if self.stmt(s)? {
                        diverged = true;
                    }
                }
            }
        }
        Ok(if diverged || self.fb.is_terminated() {
            Ex::Never
        } else {
            Ex::Unit
        })
    }
    /// Lowers a statement; true when it diverges.
    fn stmt(&mut self, s: &syn::Stmt) -> R<bool> {
        self.fb.span = self.k.span(s);
        match s {
            syn::Stmt::Local(l) => {
                let (name, ty) = match &l.pat {
                    syn::Pat::Ident(i) if i.by_ref.is_none() && i.subpat.is_none() => {
                        (i.ident.to_string(), None)
                    }
                    syn::Pat::Type(t) => match &*t.pat {
                        syn::Pat::Ident(i) if i.by_ref.is_none() && i.subpat.is_none() => {
                            let structs = |n: &str| self.k.structs.get(n).copied();
                            let sp = |s: &dyn Spanned| self.k.span(s);
                            (i.ident.to_string(), Some(parse_type(&t.ty, &structs, &sp)?))
                        }
                        p => return self.bad(p, "`let` pattern"),
                    },
                    p => return self.bad(p, "`let` pattern"),
                };
                let Some(init) = &l.init else {
                    return self.bad(l, "`let` without initialiser");
                };
                if init.diverge.is_some() {
                    return self.bad(l, "`let .. else`");
                }
                let ex = self.expr(&init.expr, ty.as_ref())?;
                if matches!(ex, Ex::Never) {
                    return Ok(true);
                }
                let (v, t) = self.value(ex, ty.as_ref(), &init.expr)?;
                let t = ty.unwrap_or(t);
                let Some(ir) = t.ir() else {
                    return self.bad(l, &format!("variable of type `{t}`"));
                };
                let var = self.fb.local(&name, ir.clone());
                let place = LPlace {
                    base: LBase::Var(var),
                    proj: vec![],
                    ty: ir,
                };
                self.store(&place, v, l)?;
                self.bind(name, Binding::Var(var, t));
                Ok(false)
            }
            syn::Stmt::Expr(e, _) => {
                let ex = self.expr(e, None)?;
                Ok(matches!(ex, Ex::Never))
            }
            syn::Stmt::Macro(m) => {
                let ex = self.mac(&m.mac)?;
                Ok(matches!(ex, Ex::Never))
            }
            syn::Stmt::Item(i) => self.bad(i, "item inside a fn"),
        }
    }
    fn mac(&mut self, m: &syn::Macro) -> R<Ex> {
        let name = super::ty::quote_path(&m.path);
        match name.as_str() {
            "panic" | "unreachable" | "std::panic" | "core::panic" => {
                let p = self.fb.panic_block();
                self.fb.jump(p);
                Ok(Ex::Never)
            }
            n => self.bad(m, &format!("macro `{n}!`")),
        }
    }

    // ---- expressions ----------------------------------------------------------------------

    fn expr(&mut self, e: &syn::Expr, hint: Option<&RTy>) -> R<Ex> {
        self.fb.span = self.k.span(e);
        match e {
            syn::Expr::Lit(l) => self.lit(&l.lit, hint),
            syn::Expr::Paren(p) => self.expr(&p.expr, hint),
            syn::Expr::Group(g) => self.expr(&g.expr, hint),
            syn::Expr::Path(p) => self.path(p),
            syn::Expr::Unary(u) => self.unary_expr(u, hint),
            syn::Expr::Binary(b) => self.binary(b, hint),
            syn::Expr::Assign(a) => {
                // The value first, then the place (Rust's order for assignments).
                let lt = self.peek(&a.left);
                let rex = self.expr(&a.right, lt.as_ref())?;
                if matches!(rex, Ex::Never) {
                    return Ok(Ex::Never);
                }
                let lex = self.expr(&a.left, None)?;
                let (p, t) = self.assignee(lex, &a.left)?;
                let (v, _) = self.value(rex, Some(&t), &a.right)?;
                self.store(&p, v, e)?;
                Ok(Ex::Unit)
            }
            syn::Expr::Cast(c) => self.cast_expr(c),
            syn::Expr::Call(c) => self.call(c, hint),
            syn::Expr::MethodCall(m) => self.method(m, hint),
            syn::Expr::Field(f) => {
                let base = self.expr(&f.base, None)?;
                let (p, t) = self.place_of(base, &f.base)?;
                let syn::Member::Named(n) = &f.member else {
                    return self.bad(f, "tuple field");
                };
                let (p, t) = self.field(p, t, &n.to_string(), f)?;
                Ok(Ex::Place(p, t))
            }
            syn::Expr::Index(i) => {
                if matches!(&*i.index, syn::Expr::Range(_)) {
                    return self.bad(i, "range index outside `&`");
                }
                let base = self.expr(&i.expr, None)?;
                let (idx, it) = self.int_value(&i.index, Some(&USIZE))?;
                if it != IntTy::U64 {
                    return self.bad(&i.index, "index that is not `usize`");
                }
                let (p, t) = self.place_of(base, &i.expr)?;
                let (p, t) = self.index(p, t, idx, i)?;
                Ok(Ex::Place(p, t))
            }
            syn::Expr::Reference(r) => {
                if let (syn::Expr::Array(a), Some(t @ RTy::Ref(inner, _))) = (&*r.expr, hint) {
                    if a.elems.is_empty() && matches!(&**inner, RTy::Slice(_)) {
                        // `&[]`: the emitter's null `char *`.
                        let ty = t.ir().unwrap_or(Type::Ptr(Box::new(Type::Int(IntTy::U8))));
                        let v = self.fb.val(Op::Null, ty);
                        return Ok(Ex::Val(v, t.clone()));
                    }
                }
                self.reference(r)
            }
            syn::Expr::If(i) => self.if_expr(i, hint),
            syn::Expr::Match(m) => self.match_expr(m, hint),
            syn::Expr::While(w) => self.while_expr(w),
            syn::Expr::Loop(l) => self.loop_expr(l, hint),
            syn::Expr::Block(b) => self.block_expr(b, hint),
            syn::Expr::Break(b) => self.break_expr(b),
            syn::Expr::Continue(c) => {
                let label = c.label.as_ref().map(|l| l.ident.to_string());
                let Some(s) = self.scopes.iter().rev().find(|s| {
                    s.is_loop
                        && match &label {
                            Some(l) => s.label.as_deref() == Some(l.as_str()),
                            None => true,
                        }
                }) else {
                    return self.bad(c, "`continue` outside a loop");
                };
                let Some(t) = s.cont else {
                    return self.bad(c, "`continue`");
                };
                self.fb.jump(t);
                Ok(Ex::Never)
            }
            syn::Expr::Return(r) => {
                if self.closures > 0 {
                    return self.bad(r, "`return` inside a closure");
                }
                match &r.expr {
                    Some(v) => {
                        let want = self.ret.clone();
                        let ex = self.expr(v, Some(&want))?;
                        if matches!(ex, Ex::Never) {
                            return Ok(Ex::Never);
                        }
                        if want == RTy::Unit {
                            self.fb.term(Terminator::Return(None));
                        } else {
                            let (v, _) = self.value(ex, Some(&want), v)?;
                            let v = self.fb.use_rv(v);
                            self.fb.term(Terminator::Return(Some(v)));
                        }
                    }
                    None => self.fb.term(Terminator::Return(None)),
                }
                Ok(Ex::Never)
            }
            syn::Expr::Struct(s) => self.struct_lit(s),
            syn::Expr::Array(a) => {
                let et = hint.and_then(|h| h.elem().cloned());
                let mut vals = Vec::new();
                let mut ety = et.clone();
                for el in &a.elems {
                    let ex = self.expr(el, ety.as_ref())?;
                    let (v, t) = self.value(ex, ety.as_ref(), el)?;
                    ety.get_or_insert(t);
                    vals.push(v);
                }
                let Some(ety) = ety else {
                    return self.bad(a, "empty array literal");
                };
                let rty = RTy::Array(Box::new(ety), vals.len() as u64);
                let Some(ir) = rty.ir() else {
                    return self.bad(a, "array literal type");
                };
                let tmp = self.fb.temp(ir.clone());
                for (k, v) in vals.into_iter().enumerate() {
                    let i = self.iconst(IntTy::U64, k as i128);
                    let i = self.fb.use_rv(i);
                    let v = self.fb.use_rv(v);
                    self.fb.store(Place::var(tmp).project(Proj::Index(i)), v);
                }
                let v = self.fb.val(Op::Load(Place::var(tmp)), ir);
                Ok(Ex::Val(v, rty))
            }
            syn::Expr::Repeat(r) => {
                let n = match &*r.len {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Int(i),
                        ..
                    }) => i.base10_parse::<u64>().ok(),
                    _ => None,
                };
                let Some(n) = n else {
                    return self.bad(&r.len, "array length");
                };
                let et = hint.and_then(|h| h.elem().cloned());
                if let Some(z) = self.zero_literal(&r.expr, et.as_ref()) {
                    let rty = RTy::Array(Box::new(z), n);
                    let Some(ir) = rty.ir() else {
                        return self.bad(r, "array type");
                    };
                    let v = self.zero(&ir);
                    return Ok(Ex::Val(v, rty));
                }
                if n > 256 {
                    return self.bad(r, "long array repeat of a non-zero value");
                }
                let (v, t) = self.rvalue(&r.expr, et.as_ref())?;
                let rty = RTy::Array(Box::new(t), n);
                let Some(ir) = rty.ir() else {
                    return self.bad(r, "array type");
                };
                let tmp = self.fb.temp(ir.clone());
                for k in 0..n {
                    let i = self.iconst(IntTy::U64, k as i128);
                    let i = self.fb.use_rv(i);
                    let val = self.fb.use_rv(v);
                    self.fb.store(Place::var(tmp).project(Proj::Index(i)), val);
                }
                let v = self.fb.val(Op::Load(Place::var(tmp)), ir);
                Ok(Ex::Val(v, rty))
            }
            syn::Expr::Macro(m) => self.mac(&m.mac),
            syn::Expr::Tuple(t) if t.elems.is_empty() => Ok(Ex::Unit),
            syn::Expr::ForLoop(f) => self.bad(f, "`for` loop"),
            syn::Expr::Closure(c) => self.bad(c, "closure"),
            _ => self.bad(e, "expression"),
        }
    }

    /// When `e` is a zero literal (`0`, `0.0`, `false`, `0u8`, or `T::default()` / a nested
    /// `[0; N]`), its element type.
    fn zero_literal(&self, e: &syn::Expr, hint: Option<&RTy>) -> Option<RTy> {
        match e {
            syn::Expr::Lit(l) => match &l.lit {
                syn::Lit::Int(i) if i.base10_digits() == "0" => {
                    if i.suffix().is_empty() {
                        match hint {
                            Some(t @ RTy::Int(_)) => Some(t.clone()),
                            None => Some(RTy::Int(IntTy::I32)),
                            _ => None,
                        }
                    } else {
                        scalar(i.suffix())
                    }
                }
                syn::Lit::Float(f) if f.base10_parse::<f64>().ok() == Some(0.0) => {
                    if f.suffix().is_empty() {
                        match hint {
                            Some(t @ RTy::Float(_)) => Some(t.clone()),
                            None => Some(RTy::Float(FloatTy::F64)),
                            _ => None,
                        }
                    } else {
                        scalar(f.suffix())
                    }
                }
                syn::Lit::Bool(b) if !b.value => Some(RTy::Bool),
                _ => None,
            },
            syn::Expr::Call(c) if c.args.is_empty() => {
                let syn::Expr::Path(p) = &*c.func else {
                    return None;
                };
                let segs: Vec<String> = path_segs(&p.path);
                match segs.as_slice() {
                    [s, d] if d == "default" => self.k.structs.get(s).map(|s| RTy::Struct(*s)),
                    _ => None,
                }
            }
            syn::Expr::Repeat(r) => {
                let n = match &*r.len {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Int(i),
                        ..
                    }) => i.base10_parse::<u64>().ok()?,
                    _ => return None,
                };
                let et = hint.and_then(|h| h.elem().cloned());
                let z = self.zero_literal(&r.expr, et.as_ref())?;
                Some(RTy::Array(Box::new(z), n))
            }
            syn::Expr::Paren(p) => self.zero_literal(&p.expr, hint),
            _ => None,
        }
    }

    fn lit(&mut self, l: &syn::Lit, hint: Option<&RTy>) -> R<Ex> {
        match l {
            syn::Lit::Int(i) => {
                let t = if i.suffix().is_empty() {
                    match hint {
                        Some(RTy::Int(t)) => RTy::Int(*t),
                        Some(RTy::Float(f)) => {
                            return self.bad(l, &format!("integer literal as `{:?}`", f))
                        }
                        _ => RTy::Int(IntTy::I32),
                    }
                } else {
                    match scalar(i.suffix()) {
                        Some(t) => t,
                        None => return self.bad(l, "literal suffix"),
                    }
                };
                let Ok(v) = i.base10_parse::<u128>() else {
                    return self.bad(l, "integer literal");
                };
                match t {
                    RTy::Int(it) => {
                        if v as i128 > it.max() || v > i128::MAX as u128 {
                            return self.bad(l, "integer literal out of range");
                        }
                        let rv = self.iconst(it, v as i128);
                        Ok(Ex::Val(rv, t))
                    }
                    RTy::Float(f) => {
                        let rv = self.fconst(f, v as f64);
                        Ok(Ex::Val(rv, t))
                    }
                    _ => self.bad(l, "literal"),
                }
            }
            syn::Lit::Float(fl) => {
                let t = if fl.suffix().is_empty() {
                    match hint {
                        Some(RTy::Float(f)) => *f,
                        _ => FloatTy::F64,
                    }
                } else {
                    match scalar(fl.suffix()) {
                        Some(RTy::Float(f)) => f,
                        _ => return self.bad(l, "literal suffix"),
                    }
                };
                let Ok(v) = fl.base10_parse::<f64>() else {
                    return self.bad(l, "float literal");
                };
                let v = match t {
                    FloatTy::F32 => fl.base10_parse::<f32>().map(f64::from).unwrap_or(v),
                    FloatTy::F64 => v,
                };
                let rv = self.fconst(t, v);
                Ok(Ex::Val(rv, RTy::Float(t)))
            }
            syn::Lit::Bool(b) => {
                let rv = self.bconst(b.value);
                Ok(Ex::Val(rv, RTy::Bool))
            }
            syn::Lit::Byte(b) => {
                let rv = self.iconst(IntTy::U8, b.value() as i128);
                Ok(Ex::Val(rv, RTy::Int(IntTy::U8)))
            }
            syn::Lit::ByteStr(s) => {
                let mut bytes = s.value();
                // The IR's strings are NUL-terminated; C strings end at the first NUL.
                if bytes.last() != Some(&0) {
                    bytes.push(0);
                }
                let rv = self
                    .fb
                    .val(Op::Str(bytes), Type::Ptr(Box::new(Type::Int(IntTy::U8))));
                Ok(Ex::Val(
                    rv,
                    RTy::Ref(Box::new(RTy::Slice(Box::new(RTy::Int(IntTy::U8)))), false),
                ))
            }
            _ => self.bad(l, "literal"),
        }
    }

    fn path(&mut self, p: &syn::ExprPath) -> R<Ex> {
        if let Some(i) = p.path.get_ident() {
            let n = i.to_string();
            match self.lookup(&n).cloned() {
                Some(Binding::Var(v, t)) => {
                    let ty = self.fb.f.vars[v].ty.clone();
                    return Ok(Ex::Place(
                        LPlace {
                            base: LBase::Var(v),
                            proj: vec![],
                            ty,
                        },
                        t,
                    ));
                }
                Some(Binding::Ref(pl, t)) => return Ok(Ex::Ref(pl, t)),
                None => {}
            }
            if let Some(g) = self.k.globals.get(&n) {
                return match (g.storage, &g.ty) {
                    (GlobalStorage::Const | GlobalStorage::Static, Some(t)) => {
                        let ty = self.k.cmod.globals[g.id].ty.clone();
                        Ok(Ex::Place(
                            LPlace {
                                base: LBase::Global(g.id),
                                proj: vec![],
                                ty,
                            },
                            t.clone(),
                        ))
                    }
                    _ => self.bad(p, &format!("use of global `{n}`")),
                };
            }
            if let Some(t) = self.k.null_fns.get(&n) {
                // The emitter's stand-in for a null function pointer (it panics when
                // called): `null`; a call through it is a panic on this side.
                let t = t.clone();
                let Some(ir) = t.ir() else {
                    return self.bad(p, &format!("`{n}`"));
                };
                let v = self.fb.val(Op::Null, ir);
                return Ok(Ex::Val(v, t));
            }
            if let Some(f) = self.k.fns.get(&n) {
                // A fn item as a value: the address of the function (the lowered module's
                // function ids are the C module's).
                let (Some(fid), Some(ps), Some(r)) = (f.fid, f.params.clone(), f.ret.clone())
                else {
                    return self.bad(p, &format!("address of `{n}`"));
                };
                let t = RTy::Fn(ps, Box::new(r));
                let Some(ir) = t.ir() else {
                    return self.bad(p, &format!("address of `{n}`"));
                };
                let v = self.fb.val(Op::FuncAddr(fid), ir);
                return Ok(Ex::Val(v, t));
            }
            return self.bad(p, &format!("unknown name `{n}`"));
        }
        let segs: Vec<String> = path_segs(&p.path);
        match seg_strs(&segs).as_slice() {
            [t, c @ ("MIN" | "MAX")] if int_named(t).is_some() => {
                let it = int_named(t).unwrap_or(IntTy::I32);
                let v = if *c == "MIN" { it.min() } else { it.max() };
                let rv = self.iconst(it, v);
                Ok(Ex::Val(rv, RTy::Int(it)))
            }
            [t, c] if matches!(*t, "f32" | "f64") => {
                let ft = if *t == "f32" {
                    FloatTy::F32
                } else {
                    FloatTy::F64
                };
                let v = match (*c, ft) {
                    ("INFINITY", _) => f64::INFINITY,
                    ("NEG_INFINITY", _) => f64::NEG_INFINITY,
                    ("MAX", FloatTy::F64) => f64::MAX,
                    ("MIN", FloatTy::F64) => f64::MIN,
                    ("MAX", FloatTy::F32) => f32::MAX as f64,
                    ("MIN", FloatTy::F32) => f32::MIN as f64,
                    _ => return self.bad(p, &format!("constant `{t}::{c}`")),
                };
                let rv = self.fconst(ft, v);
                Ok(Ex::Val(rv, RTy::Float(ft)))
            }
            _ => self.bad(p, &format!("path `{}`", segs.join("::"))),
        }
    }

    /// The place an assignment writes, with the Rust type stored there.
    fn assignee(&mut self, ex: Ex, s: &dyn Spanned) -> R<(LPlace, RTy)> {
        match ex {
            Ex::Place(p, t) => Ok((p, t)),
            _ => self.bad(s, "assignment to a non-place"),
        }
    }

    fn unary_expr(&mut self, u: &syn::ExprUnary, hint: Option<&RTy>) -> R<Ex> {
        match u.op {
            syn::UnOp::Deref(_) => {
                let ex = self.expr(&u.expr, None)?;
                match ex {
                    Ex::Ref(p, RTy::Ref(t, _)) => Ok(Ex::Place(p, *t)),
                    Ex::Never => Ok(Ex::Never),
                    ex => {
                        let (v, t) = self.value(ex, None, &u.expr)?;
                        let RTy::Ref(inner, _) = t else {
                            return self.bad(u, "dereference of a non-reference");
                        };
                        let (p, t) = self.deref_val(v, *inner, u)?;
                        Ok(Ex::Place(p, t))
                    }
                }
            }
            syn::UnOp::Neg(_) => {
                // `-literal` is a constant.
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Int(i),
                    ..
                }) = &*u.expr
                {
                    let t = if i.suffix().is_empty() {
                        match hint {
                            Some(RTy::Int(t)) => *t,
                            _ => IntTy::I32,
                        }
                    } else {
                        match scalar(i.suffix()).and_then(|t| t.int()) {
                            Some(t) => t,
                            None => return self.bad(u, "literal"),
                        }
                    };
                    let Ok(v) = i.base10_parse::<u128>() else {
                        return self.bad(u, "literal");
                    };
                    if !t.signed || v as i128 > -t.min() {
                        return self.bad(u, "negative literal out of range");
                    }
                    let rv = self.iconst(t, -(v as i128));
                    return Ok(Ex::Val(rv, RTy::Int(t)));
                }
                let (v, t) = self.rvalue(&u.expr, hint)?;
                match t {
                    RTy::Int(i) if i.signed => Ok(Ex::Val(self.unary(UnaryOp::Neg, v, true), t)),
                    RTy::Float(_) => Ok(Ex::Val(self.unary(UnaryOp::FNeg, v, false), t)),
                    t => self.bad(u, &format!("negation of `{t}`")),
                }
            }
            syn::UnOp::Not(_) => {
                let (v, t) = self.rvalue(&u.expr, hint)?;
                match t {
                    RTy::Bool => Ok(Ex::Val(self.not(v), t)),
                    RTy::Int(_) => Ok(Ex::Val(self.unary(UnaryOp::Not, v, false), t)),
                    t => self.bad(u, &format!("`!` of `{t}`")),
                }
            }
            _ => self.bad(u, "unary operator"),
        }
    }

    /// Integer arithmetic with Rust's (debug) panics: signed `+ - *` overflow is the `nsw`
    /// precondition; unsigned overflow an explicit check; division by zero and `MIN / -1`
    /// the preconditions of `sdiv`/`udiv`/`srem`/`urem`; shift amounts `>= bits` the
    /// precondition of the shifts.
    fn int_arith(&mut self, op: &syn::BinOp, a: RV, b: RV, t: IntTy, s: &dyn Spanned) -> R<RV> {
        use syn::BinOp as B;
        Ok(match op {
            B::Add(_) | B::AddAssign(_) => {
                if t.signed {
                    self.bin(BinaryOp::Add, a, b, true)
                } else {
                    let r = self.bin(BinaryOp::Add, a, b, false);
                    let o = self.icmp(IntCC::Ult, r, a);
                    self.panic_if(o);
                    r
                }
            }
            B::Sub(_) | B::SubAssign(_) => {
                if t.signed {
                    self.bin(BinaryOp::Sub, a, b, true)
                } else {
                    let o = self.icmp(IntCC::Ult, a, b);
                    self.panic_if(o);
                    self.bin(BinaryOp::Sub, a, b, false)
                }
            }
            B::Mul(_) | B::MulAssign(_) => {
                if t.signed {
                    self.bin(BinaryOp::Mul, a, b, true)
                } else {
                    let r = self.bin(BinaryOp::Mul, a, b, false);
                    if t.bits < 64 {
                        let w = Type::Int(IntTy::U64);
                        let wa = self.cast(CastKind::IntCast, a, w.clone());
                        let wb = self.cast(CastKind::IntCast, b, w);
                        let wr = self.bin(BinaryOp::Mul, wa, wb, false);
                        let max = self.iconst(IntTy::U64, t.max());
                        let o = self.icmp(IntCC::Ugt, wr, max);
                        self.panic_if(o);
                    } else {
                        // a != 0 && r / a != b
                        let zero = self.iconst(t, 0);
                        let one = self.iconst(t, 1);
                        let az = self.icmp(IntCC::Eq, a, zero);
                        let d = self.select(az, one, a);
                        let q = self.bin(BinaryOp::UDiv, r, d, false);
                        let ne = self.icmp(IntCC::Ne, q, b);
                        let nz = self.not(az);
                        let o = self.bin(BinaryOp::BAnd, nz, ne, false);
                        self.panic_if(o);
                    }
                    r
                }
            }
            B::Div(_) | B::DivAssign(_) => {
                let k = if t.signed {
                    BinaryOp::SDiv
                } else {
                    BinaryOp::UDiv
                };
                self.bin(k, a, b, false)
            }
            B::Rem(_) | B::RemAssign(_) => {
                let k = if t.signed {
                    BinaryOp::SRem
                } else {
                    BinaryOp::URem
                };
                self.bin(k, a, b, false)
            }
            B::BitAnd(_) | B::BitAndAssign(_) => self.bin(BinaryOp::And, a, b, false),
            B::BitOr(_) | B::BitOrAssign(_) => self.bin(BinaryOp::Or, a, b, false),
            B::BitXor(_) | B::BitXorAssign(_) => self.bin(BinaryOp::Xor, a, b, false),
            B::Shl(_) | B::ShlAssign(_) => self.bin(BinaryOp::Shl, a, b, false),
            B::Shr(_) | B::ShrAssign(_) => {
                let k = if t.signed {
                    BinaryOp::AShr
                } else {
                    BinaryOp::LShr
                };
                self.bin(k, a, b, false)
            }
            _ => return self.bad(s, "operator"),
        })
    }
    fn float_arith(&mut self, op: &syn::BinOp, a: RV, b: RV, t: FloatTy, s: &dyn Spanned) -> R<RV> {
        use syn::BinOp as B;
        let k = match op {
            B::Add(_) | B::AddAssign(_) => BinaryOp::FAdd,
            B::Sub(_) | B::SubAssign(_) => BinaryOp::FSub,
            B::Mul(_) | B::MulAssign(_) => BinaryOp::FMul,
            B::Div(_) | B::DivAssign(_) => BinaryOp::FDiv,
            B::Rem(_) | B::RemAssign(_) => {
                // Rust's float `%` is C's `fmod`.
                let name = if t == FloatTy::F32 { "fmodf" } else { "fmod" };
                let (a, b) = (self.fb.use_rv(a), self.fb.use_rv(b));
                return Ok(self.fb.val(
                    Op::Call {
                        callee: Callee::Extern(name.to_string()),
                        args: vec![a, b],
                    },
                    Type::Float(t),
                ));
            }
            _ => return self.bad(s, "float operator"),
        };
        Ok(self.bin(k, a, b, false))
    }
    fn bool_op(&mut self, op: &syn::BinOp, a: RV, b: RV, s: &dyn Spanned) -> R<RV> {
        use syn::BinOp as B;
        Ok(match op {
            B::BitAnd(_) | B::BitAndAssign(_) => self.bin(BinaryOp::BAnd, a, b, false),
            B::BitOr(_) | B::BitOrAssign(_) => self.bin(BinaryOp::BOr, a, b, false),
            B::BitXor(_) | B::BitXorAssign(_) | B::Ne(_) => {
                let nb = self.not(b);
                self.select(a, nb, b)
            }
            B::Eq(_) => {
                let nb = self.not(b);
                self.select(a, b, nb)
            }
            _ => return self.bad(s, "operator on bools"),
        })
    }
    fn compare(&mut self, op: &syn::BinOp, a: RV, b: RV, t: &RTy, s: &dyn Spanned) -> R<RV> {
        use syn::BinOp as B;
        match t {
            RTy::Int(i) => {
                let cc = match (op, i.signed) {
                    (B::Eq(_), _) => IntCC::Eq,
                    (B::Ne(_), _) => IntCC::Ne,
                    (B::Lt(_), true) => IntCC::Slt,
                    (B::Le(_), true) => IntCC::Sle,
                    (B::Gt(_), true) => IntCC::Sgt,
                    (B::Ge(_), true) => IntCC::Sge,
                    (B::Lt(_), false) => IntCC::Ult,
                    (B::Le(_), false) => IntCC::Ule,
                    (B::Gt(_), false) => IntCC::Ugt,
                    (B::Ge(_), false) => IntCC::Uge,
                    _ => return self.bad(s, "comparison"),
                };
                Ok(self.icmp(cc, a, b))
            }
            RTy::Float(_) => {
                let cc = match op {
                    B::Eq(_) => FloatCC::Eq,
                    B::Ne(_) => FloatCC::Ne,
                    B::Lt(_) => FloatCC::Lt,
                    B::Le(_) => FloatCC::Le,
                    B::Gt(_) => FloatCC::Gt,
                    B::Ge(_) => FloatCC::Ge,
                    _ => return self.bad(s, "comparison"),
                };
                Ok(self.fcmp(cc, a, b))
            }
            RTy::Bool if matches!(op, B::Eq(_) | B::Ne(_)) => self.bool_op(op, a, b, s),
            t => self.bad(s, &format!("comparison of `{t}`")),
        }
    }

    fn binary(&mut self, b: &syn::ExprBinary, hint: Option<&RTy>) -> R<Ex> {
        use syn::BinOp as B;
        match b.op {
            B::And(_) | B::Or(_) => {
                let t = self.fb.temp(Type::Bool);
                let yes = self.fb.block();
                let no = self.fb.block();
                let join = self.fb.block();
                self.cond(&syn::Expr::Binary(b.clone()), yes, no)?;
                for (blk, val) in [(yes, true), (no, false)] {
                    self.fb.switch(blk);
                    let c = self.bconst(val);
                    let c = self.fb.use_rv(c);
                    self.fb.store(Place::var(t), c);
                    self.fb.jump(join);
                }
                self.fb.switch(join);
                let v = self.fb.val(Op::Load(Place::var(t)), Type::Bool);
                return Ok(Ex::Val(v, RTy::Bool));
            }
            _ => {}
        }
        let compound = matches!(
            b.op,
            B::AddAssign(_)
                | B::SubAssign(_)
                | B::MulAssign(_)
                | B::DivAssign(_)
                | B::RemAssign(_)
                | B::BitAndAssign(_)
                | B::BitOrAssign(_)
                | B::BitXorAssign(_)
                | B::ShlAssign(_)
                | B::ShrAssign(_)
        );
        if compound {
            // Primitive operands: the modifying operand first, then the place.
            let lt = self.peek(&b.left);
            let shift = matches!(b.op, B::ShlAssign(_) | B::ShrAssign(_));
            let rhint = if shift { None } else { lt.clone() };
            let (rv, _) = self.rvalue(&b.right, rhint.as_ref())?;
            let lex = self.expr(&b.left, None)?;
            let (p, t) = self.assignee(lex, &b.left)?;
            let cur = self.load(&p, &t, &b.left)?;
            let r = self.arith(&b.op, cur, rv, &t, b)?;
            self.store(&p, r, b)?;
            return Ok(Ex::Unit);
        }
        let cmp = matches!(
            b.op,
            B::Eq(_) | B::Ne(_) | B::Lt(_) | B::Le(_) | B::Gt(_) | B::Ge(_)
        );
        let shift = matches!(b.op, B::Shl(_) | B::Shr(_));
        let t = if shift {
            self.peek(&b.left).or_else(|| hint.cloned())
        } else {
            self.peek(&b.left)
                .or_else(|| self.peek(&b.right))
                .or_else(|| if cmp { None } else { hint.cloned() })
        };
        let (lv, lt) = self.rvalue(&b.left, t.as_ref())?;
        let rhint = if shift { None } else { Some(lt.clone()) };
        let (rv, _) = self.rvalue(&b.right, rhint.as_ref())?;
        if cmp {
            let v = self.compare(&b.op, lv, rv, &lt, b)?;
            return Ok(Ex::Val(v, RTy::Bool));
        }
        let v = self.arith(&b.op, lv, rv, &lt, b)?;
        Ok(Ex::Val(v, lt))
    }
    fn arith(&mut self, op: &syn::BinOp, a: RV, b: RV, t: &RTy, s: &dyn Spanned) -> R<RV> {
        match t {
            RTy::Int(i) => self.int_arith(op, a, b, *i, s),
            RTy::Float(f) => self.float_arith(op, a, b, *f, s),
            RTy::Bool => self.bool_op(op, a, b, s),
            t => self.bad(s, &format!("arithmetic on `{t}`")),
        }
    }

    /// Branches to `t` when `e` (a bool) holds, else to `f`, short-circuiting `&&`/`||`.
    fn cond(&mut self, e: &syn::Expr, t: Block, f: Block) -> R<()> {
        match e {
            syn::Expr::Paren(p) => self.cond(&p.expr, t, f),
            syn::Expr::Group(g) => self.cond(&g.expr, t, f),
            syn::Expr::Unary(syn::ExprUnary {
                op: syn::UnOp::Not(_),
                expr,
                ..
            }) if self.peek(expr) == Some(RTy::Bool) => self.cond(expr, f, t),
            syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
                let mid = self.fb.block();
                self.cond(&b.left, mid, f)?;
                self.fb.switch(mid);
                self.cond(&b.right, t, f)
            }
            syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::Or(_)) => {
                let mid = self.fb.block();
                self.cond(&b.left, t, mid)?;
                self.fb.switch(mid);
                self.cond(&b.right, t, f)
            }
            _ => {
                let v = self.bool_value(e)?;
                let v = self.fb.use_rv(v);
                self.fb.br(v, t, f);
                Ok(())
            }
        }
    }

    fn cast_expr(&mut self, c: &syn::ExprCast) -> R<Ex> {
        let structs = |n: &str| self.k.structs.get(n).copied();
        let sp = |s: &dyn Spanned| self.k.span(s);
        let to = parse_type(&c.ty, &structs, &sp)?;
        let (v, from) = self.rvalue(&c.expr, None)?;
        let r = self.as_cast(v, &from, &to, c)?;
        Ok(Ex::Val(r, to))
    }
    /// Rust's `as` between scalars.
    fn as_cast(&mut self, v: RV, from: &RTy, to: &RTy, s: &dyn Spanned) -> R<RV> {
        Ok(match (from, to) {
            (a, b) if a == b => v,
            (RTy::Int(_), RTy::Int(t)) => self.cast(CastKind::IntCast, v, Type::Int(*t)),
            (RTy::Bool, RTy::Int(t)) => self.cast(CastKind::BoolToInt, v, Type::Int(*t)),
            (RTy::Int(_), RTy::Float(f)) => self.cast(CastKind::IntToFloat, v, Type::Float(*f)),
            (RTy::Float(_), RTy::Float(f)) => self.cast(CastKind::FloatCast, v, Type::Float(*f)),
            (RTy::Float(f), RTy::Int(t)) => self.float_to_int(v, *f, *t),
            (a, b) => return self.bad(s, &format!("cast from `{a}` to `{b}`")),
        })
    }
    /// Rust's saturating float-to-int `as`: NaN is 0, out-of-range values clamp. The
    /// `floattoint` op only runs on values in range (its precondition).
    fn float_to_int(&mut self, v: RV, f: FloatTy, t: IntTy) -> RV {
        let mant = if f == FloatTy::F32 { 24 } else { 53 };
        let hi = if t.signed {
            2f64.powi(t.bits as i32 - 1)
        } else {
            2f64.powi(t.bits as i32)
        };
        let res = self.fb.temp(Type::Int(t));
        let hic = self.fconst(f, hi);
        let below = self.fcmp(FloatCC::Lt, v, hic);
        let above = if !t.signed {
            let m1 = self.fconst(f, -1.0);
            self.fcmp(FloatCC::Gt, v, m1)
        } else if (t.bits as u32) <= mant {
            let lo = self.fconst(f, t.min() as f64 - 1.0);
            self.fcmp(FloatCC::Gt, v, lo)
        } else {
            let lo = self.fconst(f, t.min() as f64);
            self.fcmp(FloatCC::Ge, v, lo)
        };
        let inr = self.bin(BinaryOp::BAnd, below, above, false);
        let inb = self.fb.block();
        let outb = self.fb.block();
        let join = self.fb.block();
        let c = self.fb.use_rv(inr);
        self.fb.br(c, inb, outb);
        self.fb.switch(inb);
        let r = self.cast(CastKind::FloatToInt, v, Type::Int(t));
        let r = self.fb.use_rv(r);
        self.fb.store(Place::var(res), r);
        self.fb.jump(join);
        self.fb.switch(outb);
        let nan = self.fcmp(FloatCC::Ne, v, v);
        let zf = self.fconst(f, 0.0);
        let pos = self.fcmp(FloatCC::Gt, v, zf);
        let max = self.iconst(t, t.max());
        let min = self.iconst(t, t.min());
        let z = self.iconst(t, 0);
        let clamp = self.select(pos, max, min);
        let r = self.select(nan, z, clamp);
        let r = self.fb.use_rv(r);
        self.fb.store(Place::var(res), r);
        self.fb.jump(join);
        self.fb.switch(join);
        self.fb.val(Op::Load(Place::var(res)), Type::Int(t))
    }

    fn reference(&mut self, r: &syn::ExprReference) -> R<Ex> {
        let m = r.mutability.is_some();
        if let syn::Expr::Index(ix) = &*r.expr {
            if let syn::Expr::Range(rg) = &*ix.index {
                // `&a[k..]`: a pointer to element k; Rust panics when k > len.
                if rg.end.is_some() || !matches!(rg.limits, syn::RangeLimits::HalfOpen(_)) {
                    return self.bad(rg, "range other than `k..`");
                }
                let base = self.expr(&ix.expr, None)?;
                let k = match &rg.start {
                    Some(s) => {
                        let (k, kt) = self.int_value(s, Some(&USIZE))?;
                        if kt != IntTy::U64 {
                            return self.bad(s, "slice start that is not `usize`");
                        }
                        Some(k)
                    }
                    None => None,
                };
                let (p, t) = self.place_of(base, &ix.expr)?;
                let e = match t.elem() {
                    Some(e) => e.clone(),
                    None => return self.bad(ix, "slicing a non-array"),
                };
                let rty = RTy::Ref(Box::new(RTy::Slice(Box::new(e.clone()))), m);
                let z = self.iconst(IntTy::U64, 0);
                let (p0, _) = self.index(p, t.clone(), z, ix)?;
                let a0 = self.addr_as(&p0, &rty, ix)?;
                let Some(k) = k else {
                    return Ok(Ex::Val(a0, rty));
                };
                let ty = self.fb.ty(a0.v);
                let (a0, kv) = (self.fb.use_rv(a0), self.fb.use_rv(k));
                let v = self.fb.val(
                    Op::PtrAdd {
                        ptr: a0,
                        offset: kv,
                    },
                    ty,
                );
                return Ok(Ex::Val(v, rty));
            }
        }
        let ex = self.expr(&r.expr, None)?;
        match ex {
            Ex::Place(p, t) => Ok(Ex::Ref(p, RTy::Ref(Box::new(t), m))),
            Ex::Never => Ok(Ex::Never),
            ex => {
                let (p, t) = self.place_of(ex, &r.expr)?;
                Ok(Ex::Ref(p, RTy::Ref(Box::new(t), m)))
            }
        }
    }

    // ---- control flow ---------------------------------------------------------------------

    /// Stores `ex` into the result temporary `res` (created on first use with the value's
    /// type) unless it diverges or is `()`.
    fn yield_into(
        &mut self,
        ex: Ex,
        res: &mut Option<(Var, RTy)>,
        hint: Option<&RTy>,
        s: &dyn Spanned,
    ) -> R<()> {
        match ex {
            Ex::Never | Ex::Unit => Ok(()),
            ex => {
                let want = res.as_ref().map(|r| r.1.clone()).or_else(|| hint.cloned());
                let (v, t) = self.value(ex, want.as_ref(), s)?;
                let (var, _) = match res {
                    Some(r) => r.clone(),
                    None => {
                        let Some(ir) = t.ir() else {
                            return self.bad(s, &format!("value of type `{t}`"));
                        };
                        let var = self.fb.temp(ir);
                        *res = Some((var, t));
                        res.clone().unwrap_or((var, RTy::Unit))
                    }
                };
                let v = self.fb.use_rv(v);
                self.fb.store(Place::var(var), v);
                Ok(())
            }
        }
    }
    fn result_of(&mut self, res: Option<(Var, RTy)>, all_never: bool) -> Ex {
        if all_never {
            return Ex::Never;
        }
        match res {
            Some((var, t)) => {
                let ty = self.fb.f.vars[var].ty.clone();
                let v = self.fb.val(Op::Load(Place::var(var)), ty);
                Ex::Val(v, t)
            }
            None => Ex::Unit,
        }
    }

    fn if_expr(&mut self, i: &syn::ExprIf, hint: Option<&RTy>) -> R<Ex> {
        if matches!(&*i.cond, syn::Expr::Let(_)) {
            return self.bad(&i.cond, "`if let`");
        }
        let tb = self.fb.block();
        let eb = self.fb.block();
        let join = self.fb.block();
        self.cond(&i.cond, tb, eb)?;
        let mut res: Option<(Var, RTy)> = None;
        self.fb.switch(tb);
        let tex = self.block(&i.then_branch, hint)?;
        let t_never = matches!(tex, Ex::Never);
        self.yield_into(tex, &mut res, hint, &i.then_branch)?;
        self.fb.jump(join);
        self.fb.switch(eb);
        let e_never = match &i.else_branch {
            Some((_, e)) => {
                let want = res.as_ref().map(|r| r.1.clone()).or_else(|| hint.cloned());
                let eex = self.expr(e, want.as_ref())?;
                let n = matches!(eex, Ex::Never);
                self.yield_into(eex, &mut res, hint, e)?;
                n
            }
            None => false,
        };
        self.fb.jump(join);
        self.fb.switch(join);
        Ok(self.result_of(res, t_never && e_never))
    }

    fn match_expr(&mut self, m: &syn::ExprMatch, hint: Option<&RTy>) -> R<Ex> {
        let (sv, st) = self.rvalue(&m.expr, None)?;
        let it = match &st {
            RTy::Int(i) => Some(*i),
            RTy::Bool => None,
            t => return self.bad(&m.expr, &format!("match on `{t}`")),
        };
        // Keep the scrutinee in a temporary: the tests run in several blocks.
        let sty = self.fb.ty(sv.v);
        let tmp = self.fb.temp(sty.clone());
        let v = self.fb.use_rv(sv);
        self.fb.store(Place::var(tmp), v);
        let join = self.fb.block();
        let mut res: Option<(Var, RTy)> = None;
        let mut all_never = true;
        let mut exhaustive = false;
        for arm in &m.arms {
            if arm.guard.is_some() {
                return self.bad(arm, "match guard");
            }
            let body = self.fb.block();
            let next = self.fb.block();
            // Test the patterns.
            let mut tests = Vec::new();
            let mut wild = false;
            self.collect_pats(&arm.pat, &mut tests, &mut wild, it)?;
            if wild {
                self.fb.jump(body);
                exhaustive = true;
            } else {
                let s = self.fb.val(Op::Load(Place::var(tmp)), sty.clone());
                let mut any: Option<RV> = None;
                for t in tests {
                    let c = match (t, it) {
                        (PatTest::Eq(k), Some(i)) => {
                            let kv = self.iconst(i, k);
                            self.icmp(IntCC::Eq, s, kv)
                        }
                        (PatTest::Range(lo, hi), Some(i)) => {
                            let (ge, le) = if i.signed {
                                (IntCC::Sge, IntCC::Sle)
                            } else {
                                (IntCC::Uge, IntCC::Ule)
                            };
                            let lv = self.iconst(i, lo);
                            let hv = self.iconst(i, hi);
                            let a = self.icmp(ge, s, lv);
                            let b = self.icmp(le, s, hv);
                            self.bin(BinaryOp::BAnd, a, b, false)
                        }
                        (PatTest::Eq(k), None) => {
                            if k != 0 {
                                s
                            } else {
                                self.not(s)
                            }
                        }
                        (PatTest::Range(..), None) => {
                            return self.bad(&arm.pat, "range pattern on bool")
                        }
                    };
                    any = Some(match any {
                        None => c,
                        Some(a) => self.bin(BinaryOp::BOr, a, c, false),
                    });
                }
                let Some(c) = any else {
                    return self.bad(&arm.pat, "empty pattern");
                };
                let c = self.fb.use_rv(c);
                self.fb.br(c, body, next);
            }
            self.fb.switch(body);
            let ex = self.expr(&arm.body, hint)?;
            if !matches!(ex, Ex::Never) {
                all_never = false;
            }
            self.yield_into(ex, &mut res, hint, &arm.body)?;
            self.fb.jump(join);
            self.fb.switch(next);
            if exhaustive {
                break;
            }
        }
        // No arm matched: impossible when the match compiled (it is exhaustive).
        let p = self.fb.panic_block();
        self.fb.jump(p);
        self.fb.switch(join);
        Ok(self.result_of(res, all_never))
    }
    fn collect_pats(
        &mut self,
        p: &syn::Pat,
        out: &mut Vec<PatTest>,
        wild: &mut bool,
        it: Option<IntTy>,
    ) -> R<()> {
        match p {
            syn::Pat::Wild(_) => *wild = true,
            syn::Pat::Or(o) => {
                for c in &o.cases {
                    self.collect_pats(c, out, wild, it)?;
                }
            }
            syn::Pat::Paren(pp) => self.collect_pats(&pp.pat, out, wild, it)?,
            syn::Pat::Lit(l) => out.push(PatTest::Eq(self.pat_const(&syn::Expr::Lit(l.clone()))?)),
            syn::Pat::Range(r) => {
                let lo = match &r.start {
                    Some(e) => self.pat_const(e)?,
                    None => it.map(|i| i.min()).unwrap_or(0),
                };
                let hi = match &r.end {
                    Some(e) => {
                        let h = self.pat_const(e)?;
                        match r.limits {
                            syn::RangeLimits::Closed(_) => h,
                            syn::RangeLimits::HalfOpen(_) => h - 1,
                        }
                    }
                    None => it.map(|i| i.max()).unwrap_or(1),
                };
                out.push(PatTest::Range(lo, hi));
            }
            p => return self.bad(p, "pattern"),
        }
        Ok(())
    }
    fn pat_const(&self, e: &syn::Expr) -> R<i128> {
        match e {
            syn::Expr::Lit(l) => match &l.lit {
                syn::Lit::Int(i) => i.base10_parse::<i128>().or_else(|_| self.bad(e, "literal")),
                syn::Lit::Bool(b) => Ok(b.value as i128),
                syn::Lit::Byte(b) => Ok(b.value() as i128),
                _ => self.bad(e, "pattern literal"),
            },
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => {
                Ok(-self.pat_const(&u.expr)?)
            }
            syn::Expr::Paren(p) => self.pat_const(&p.expr),
            syn::Expr::Path(p) => {
                let segs: Vec<String> = path_segs(&p.path);
                match seg_strs(&segs).as_slice() {
                    [t, "MIN"] if int_named(t).is_some() => {
                        Ok(int_named(t).map(|i| i.min()).unwrap_or(0))
                    }
                    [t, "MAX"] if int_named(t).is_some() => {
                        Ok(int_named(t).map(|i| i.max()).unwrap_or(0))
                    }
                    _ => self.bad(e, "pattern path"),
                }
            }
            _ => self.bad(e, "pattern expression"),
        }
    }

    fn while_expr(&mut self, w: &syn::ExprWhile) -> R<Ex> {
        if matches!(&*w.cond, syn::Expr::Let(_)) {
            return self.bad(&w.cond, "`while let`");
        }
        let head = self.fb.block();
        let body = self.fb.block();
        let exit = self.fb.block();
        self.fb.jump(head);
        self.fb.switch(head);
        self.cond(&w.cond, body, exit)?;
        self.fb.switch(body);
        self.scopes.push(Scope {
            label: w.label.as_ref().map(|l| l.name.ident.to_string()),
            is_loop: true,
            brk: exit,
            cont: Some(head),
            result: None,
        });
        let r = self.block(&w.body, None);
        self.scopes.pop();
        r?;
        self.fb.jump(head);
        self.fb.switch(exit);
        Ok(Ex::Unit)
    }
    fn loop_expr(&mut self, l: &syn::ExprLoop, _hint: Option<&RTy>) -> R<Ex> {
        let head = self.fb.block();
        let exit = self.fb.block();
        self.fb.jump(head);
        self.fb.switch(head);
        self.scopes.push(Scope {
            label: l.label.as_ref().map(|l| l.name.ident.to_string()),
            is_loop: true,
            brk: exit,
            cont: Some(head),
            result: None,
        });
        let r = self.block(&l.body, None);
        let sc = self.scopes.pop();
        r?;
        self.fb.jump(head);
        self.fb.switch(exit);
        let res = sc.and_then(|s| s.result);
        // Only `break` leaves a `loop`: without one, the code after it is dead.
        let preds = self.has_pred(exit);
        Ok(self.result_of(res, !preds))
    }
    fn has_pred(&self, b: Block) -> bool {
        self.fb
            .f
            .blocks
            .values()
            .any(|d| d.term.successors().contains(&b))
    }
    fn block_expr(&mut self, b: &syn::ExprBlock, hint: Option<&RTy>) -> R<Ex> {
        let Some(label) = &b.label else {
            return self.block(&b.block, hint);
        };
        let exit = self.fb.block();
        self.scopes.push(Scope {
            label: Some(label.name.ident.to_string()),
            is_loop: false,
            brk: exit,
            cont: None,
            result: None,
        });
        let r = self.block(&b.block, hint);
        let mut sc = self.scopes.pop();
        let ex = r?;
        let mut res = sc.as_mut().and_then(|s| s.result.take());
        let fell = !matches!(ex, Ex::Never);
        self.yield_into(ex, &mut res, hint, &b.block)?;
        self.fb.jump(exit);
        self.fb.switch(exit);
        let reached = fell || self.has_pred(exit);
        Ok(self.result_of(res, !reached))
    }
    fn break_expr(&mut self, b: &syn::ExprBreak) -> R<Ex> {
        let label = b.label.as_ref().map(|l| l.ident.to_string());
        let Some(k) = self.scopes.iter().rposition(|s| match &label {
            Some(l) => s.label.as_deref() == Some(l.as_str()),
            None => s.is_loop,
        }) else {
            return self.bad(b, "`break` outside a loop");
        };
        if let Some(e) = &b.expr {
            let hint = self.scopes[k].result.as_ref().map(|r| r.1.clone());
            let ex = self.expr(e, hint.as_ref())?;
            if matches!(ex, Ex::Never) {
                return Ok(Ex::Never);
            }
            let mut res = self.scopes[k].result.take();
            let r = self.yield_into(ex, &mut res, hint.as_ref(), e);
            self.scopes[k].result = res;
            r?;
        }
        let t = self.scopes[k].brk;
        self.fb.jump(t);
        Ok(Ex::Never)
    }

    fn struct_lit(&mut self, s: &syn::ExprStruct) -> R<Ex> {
        let Some(name) = s.path.get_ident().map(|i| i.to_string()) else {
            return self.bad(&s.path, "struct path");
        };
        let Some(&sid) = self.k.structs.get(&name) else {
            return self.bad(&s.path, &format!("struct `{name}`"));
        };
        let ty = Type::Struct(sid);
        let tmp = self.fb.temp(ty.clone());
        let rty = RTy::Struct(sid);
        if let Some(rest) = &s.rest {
            let (v, _) = self.rvalue(rest, Some(&rty))?;
            let v = self.fb.use_rv(v);
            self.fb.store(Place::var(tmp), v);
        } else if s.fields.len()
            != self
                .k
                .fields
                .get(&sid)
                .map(|f| f.len())
                .unwrap_or(usize::MAX)
        {
            return self.bad(s, "struct literal with missing fields");
        }
        for fv in &s.fields {
            let syn::Member::Named(f) = &fv.member else {
                return self.bad(fv, "tuple field");
            };
            let base = LPlace {
                base: LBase::Var(tmp),
                proj: vec![],
                ty: ty.clone(),
            };
            let (p, ft) = self.field(base, rty.clone(), &f.to_string(), fv)?;
            let (v, _) = self.rvalue(&fv.expr, Some(&ft))?;
            self.store(&p, v, fv)?;
        }
        let v = self.fb.val(Op::Load(Place::var(tmp)), ty);
        Ok(Ex::Val(v, rty))
    }

    // ---- calls ----------------------------------------------------------------------------

    fn call(&mut self, c: &syn::ExprCall, hint: Option<&RTy>) -> R<Ex> {
        let direct = match &*c.func {
            syn::Expr::Path(p) => p
                .path
                .get_ident()
                .is_none_or(|i| self.lookup(&i.to_string()).is_none()),
            _ => false,
        };
        if !direct {
            return self.indirect_call(c);
        }
        let syn::Expr::Path(p) = &*c.func else {
            return self.bad(&c.func, "call of an expression");
        };
        if let Some(i) = p.path.get_ident() {
            let n = i.to_string();
            let Some(f) = self.k.fns.get(&n).cloned() else {
                return self.bad(c, &format!("call of `{n}`"));
            };
            let (Some(params), Some(ret)) = (f.params.clone(), f.ret.clone()) else {
                return self.bad(c, &format!("call of `{n}` (signature outside the subset)"));
            };
            if params.len() != c.args.len() {
                return self.bad(c, "argument count");
            }
            // A callee that borrows a `RefCell` global borrowed here would panic.
            if !self.borrows.is_empty() {
                match self.k.borrows.get(&n) {
                    Some(bs) => {
                        for (g, m) in &self.borrows {
                            if let Some(cm) = bs.get(g) {
                                if *m || *cm {
                                    return self.bad(
                                        c,
                                        &format!(
                                            "call of `{n}`, which borrows a global borrowed here"
                                        ),
                                    );
                                }
                            }
                        }
                    }
                    None => {
                        return self.bad(
                            c,
                            &format!("call of `{n}` inside a borrow (callee unknown)"),
                        )
                    }
                }
            }
            let mut args = Vec::new();
            for (a, pt) in c.args.iter().zip(&params) {
                let ex = self.expr(a, Some(pt))?;
                let (v, _) = self.value(ex, Some(pt), a)?;
                args.push(v);
            }
            return Ok(self.emit_call(&f.c_name, args, &ret));
        }
        let segs: Vec<String> = path_segs(&p.path);
        let segs: Vec<&str> = segs.iter().map(String::as_str).collect();
        match segs.as_slice() {
            ["rt", "Arg", k] if c.args.len() == 1 => {
                let (v, t) = self.printf_arg(k, &c.args[0], c)?;
                Ok(Ex::Val(v, t))
            }
            ["rt", f] => self.rt_call(f, c),
            [t, "from"] if scalar(t).is_some() && c.args.len() == 1 => {
                let to = scalar(t).unwrap_or(RTy::Bool);
                let (v, from) = self.rvalue(&c.args[0], None)?;
                let lossless = match (&from, &to) {
                    (RTy::Bool, RTy::Int(_)) => true,
                    (RTy::Int(a), RTy::Int(b)) => {
                        b.bits > a.bits && (b.signed || !a.signed) || a == b
                    }
                    (RTy::Int(a), RTy::Float(FloatTy::F64)) => a.bits <= 32,
                    (RTy::Int(a), RTy::Float(FloatTy::F32)) => a.bits <= 16,
                    (RTy::Float(FloatTy::F32), RTy::Float(_)) => true,
                    _ => false,
                };
                if !lossless {
                    return self.bad(c, &format!("`{t}::from` of `{from}`"));
                }
                let r = self.as_cast(v, &from, &to, c)?;
                Ok(Ex::Val(r, to))
            }
            [s, "default"] | ["Default", s @ "default"] if c.args.is_empty() => {
                let sid = if *s == "default" {
                    match hint {
                        Some(RTy::Struct(sid)) => *sid,
                        _ => return self.bad(c, "`Default::default()` of an unknown type"),
                    }
                } else {
                    match self.k.structs.get(*s) {
                        Some(sid) => *sid,
                        None => return self.bad(c, &format!("`{s}::default()`")),
                    }
                };
                let v = self.zero(&Type::Struct(sid));
                Ok(Ex::Val(v, RTy::Struct(sid)))
            }
            ["std", "slice", "from_mut"] | ["std", "slice", "from_ref"] if c.args.len() == 1 => {
                let m = segs[2] == "from_mut";
                let ex = self.expr(&c.args[0], None)?;
                let (p, t) = self.place_of(ex, &c.args[0])?;
                let rt = RTy::Ref(Box::new(RTy::Slice(Box::new(t))), m);
                let v = self.addr_as(&p, &rt, c)?;
                Ok(Ex::Val(v, rt))
            }
            _ => self.bad(c, &format!("call of `{}`", segs.join("::"))),
        }
    }
    /// A call through a function pointer value: the callee first, then the arguments.
    fn indirect_call(&mut self, c: &syn::ExprCall) -> R<Ex> {
        if !self.borrows.is_empty() {
            return self.bad(c, "call through a function pointer inside a borrow");
        }
        let (fv, ft) = self.rvalue(&c.func, None)?;
        let RTy::Fn(params, ret) = ft else {
            return self.bad(c, &format!("call of a `{ft}`"));
        };
        if params.len() != c.args.len() {
            return self.bad(c, "argument count");
        }
        let mut args = Vec::new();
        for (a, pt) in c.args.iter().zip(&params) {
            let ex = self.expr(a, Some(pt))?;
            let (v, _) = self.value(ex, Some(pt), a)?;
            args.push(v);
        }
        self.fb.ensure_open();
        let fv = self.fb.use_rv(fv);
        let args: Vec<_> = args.into_iter().map(|a| self.fb.use_rv(a)).collect();
        let op = Op::Call {
            callee: Callee::Indirect(fv),
            args,
        };
        Ok(match &*ret {
            RTy::Unit => {
                self.fb.effect(op);
                Ex::Unit
            }
            t => match t.ir() {
                Some(ir) => {
                    let v = self.fb.val(op, ir);
                    Ex::Val(v, t.clone())
                }
                None => return self.bad(c, &format!("call returning `{t}`")),
            },
        })
    }
    /// `Call Extern(name)` with `args`; the result per `ret` (`!` ends the block).
    fn emit_call(&mut self, name: &str, args: Vec<RV>, ret: &RTy) -> Ex {
        self.fb.ensure_open();
        let args: Vec<_> = args.into_iter().map(|a| self.fb.use_rv(a)).collect();
        let op = Op::Call {
            callee: Callee::Extern(name.to_string()),
            args,
        };
        match ret {
            RTy::Unit => {
                self.fb.effect(op);
                Ex::Unit
            }
            RTy::Never => {
                self.fb.effect(op);
                self.fb.term(Terminator::Unreachable);
                Ex::Never
            }
            t => match t.ir() {
                Some(ir) => {
                    let v = self.fb.val(op, ir);
                    Ex::Val(v, t.clone())
                }
                None => {
                    self.fb.effect(op);
                    Ex::Unit
                }
            },
        }
    }
    fn rt_call(&mut self, f: &str, c: &syn::ExprCall) -> R<Ex> {
        let Some(sig) = self.k.rt.get(f).cloned() else {
            return self.bad(c, &format!("runtime function `rt::{f}`"));
        };
        let printf = matches!(f, "printf" | "fprintf" | "sprintf" | "snprintf");
        let plain = xl_emit::externs::lookup(f).is_some_and(|e| e.rust == f);
        if !printf && !plain {
            return self.bad(c, &format!("runtime function `rt::{f}`"));
        }
        if sig.params.len() != c.args.len() {
            return self.bad(c, "argument count");
        }
        let mut args = Vec::new();
        for (a, p) in c.args.iter().zip(&sig.params) {
            match p {
                RtParam::Ty(t) => {
                    let ex = self.expr(a, Some(t))?;
                    let (v, _) = self.value(ex, Some(t), a)?;
                    args.push(v);
                }
                RtParam::Stream => args.push(self.stream(a)?),
                RtParam::Args => self.printf_args(a, &mut args)?,
            }
        }
        if matches!(f, "exit" | "abort") {
            // Ends the program, which is not a panic: a call, then a return.
            let _ = self.emit_call(f, args, &RTy::Unit);
            if self.fb.f.ret == Type::Void {
                self.fb.term(Terminator::Return(None));
            } else {
                let ty = self.fb.f.ret.clone();
                let z = self.dummy(&ty);
                let z = self.fb.use_rv(z);
                self.fb.term(Terminator::Return(Some(z)));
            }
            return Ok(Ex::Never);
        }
        Ok(self.emit_call(f, args, &sig.ret))
    }
    fn stream(&mut self, a: &syn::Expr) -> R<RV> {
        let name = match a {
            syn::Expr::Path(p) => {
                let segs: Vec<String> = path_segs(&p.path);
                match seg_strs(&segs).as_slice() {
                    ["rt", "Stream", "Stdout"] => "stdout",
                    ["rt", "Stream", "Stderr"] => "stderr",
                    _ => return self.bad(a, "stream"),
                }
            }
            _ => return self.bad(a, "stream"),
        };
        let Some(&g) = self.k.streams.get(name) else {
            return self.bad(a, &format!("`{name}` is no global of the C module"));
        };
        let ty = self.k.cmod.globals[g].ty.clone();
        Ok(self.fb.val(Op::Load(Place::global(g)), ty))
    }
    /// `&[rt::Arg::I(e), ..]` -> the values, in C's calling convention.
    fn printf_args(&mut self, a: &syn::Expr, out: &mut Vec<RV>) -> R<()> {
        let syn::Expr::Reference(r) = a else {
            return self.bad(a, "printf arguments");
        };
        let syn::Expr::Array(arr) = &*r.expr else {
            return self.bad(a, "printf arguments");
        };
        for el in &arr.elems {
            // `rt::Arg::K(e)`, or a variable bound to one earlier: the payload value.
            let (v, t) = self.rvalue(el, None)?;
            let ok = matches!(
                &t,
                RTy::Int(IntTy::I64) | RTy::Int(IntTy::U64) | RTy::Float(FloatTy::F64)
            ) || matches!(&t, RTy::Ref(inner, _)
                if **inner == RTy::Slice(Box::new(RTy::Int(IntTy::U8))));
            if !ok {
                return self.bad(el, &format!("printf argument of type `{t}`"));
            }
            out.push(v);
        }
        Ok(())
    }
    /// `rt::Arg::K(e)`: `e` as `i64` (I), `u64` (U), `f64` (F) or a byte pointer (S).
    fn printf_arg(&mut self, kind: &str, e: &syn::Expr, s: &dyn Spanned) -> R<(RV, RTy)> {
        let want = match kind {
            "I" => RTy::Int(IntTy::I64),
            "U" => RTy::Int(IntTy::U64),
            "F" => RTy::Float(FloatTy::F64),
            "S" => RTy::Ref(Box::new(RTy::Slice(Box::new(RTy::Int(IntTy::U8)))), false),
            k => return self.bad(s, &format!("printf argument `rt::Arg::{k}`")),
        };
        let ex = self.expr(e, Some(&want))?;
        let (v, t) = self.value(ex, Some(&want), e)?;
        let ok = match (&t, &want) {
            (RTy::Ref(a, _), RTy::Ref(b, _)) => a == b,
            (a, b) => a == b,
        };
        if !ok {
            return self.bad(s, &format!("printf argument of type `{t}`"));
        }
        Ok((v, want))
    }

    fn method(&mut self, m: &syn::ExprMethodCall, hint: Option<&RTy>) -> R<Ex> {
        let name = m.method.to_string();
        // Globals: `G.get()`, `G.set(v)`, `G.with_borrow(|g| ..)`, `G.with_borrow_mut(..)`.
        if let syn::Expr::Path(p) = &*m.receiver {
            if let Some(g) = p
                .path
                .get_ident()
                .filter(|i| self.lookup(&i.to_string()).is_none())
                .and_then(|i| self.k.globals.get(&i.to_string()))
                .cloned()
            {
                return self.global_method(m, &name, &g);
            }
        }
        match name.as_str() {
            "len" if m.args.is_empty() => {
                let ex = self.expr(&m.receiver, None)?;
                let (p, t) = self.place_of(ex, &m.receiver)?;
                match t {
                    RTy::Array(_, n) => {
                        let v = self.iconst(IntTy::U64, n as i128);
                        Ok(Ex::Val(v, USIZE))
                    }
                    RTy::Slice(_) => {
                        let ptr = self.addr(&p);
                        let ptr = self.fb.use_rv(ptr);
                        let v = self.fb.val(
                            Op::Call {
                                callee: Callee::Extern("xl.len".to_string()),
                                args: vec![ptr],
                            },
                            Type::Int(IntTy::U64),
                        );
                        Ok(Ex::Val(v, USIZE))
                    }
                    t => self.bad(m, &format!("`.len()` of `{t}`")),
                }
            }
            _ => {
                let (rv, rt) = self.rvalue(&m.receiver, hint)?;
                match rt {
                    RTy::Int(t) => self.int_method(m, &name, rv, t),
                    t => self.bad(m, &format!("method call `.{name}()` on `{t}`")),
                }
            }
        }
    }
    fn int_method(&mut self, m: &syn::ExprMethodCall, name: &str, a: RV, t: IntTy) -> R<Ex> {
        let rty = RTy::Int(t);
        let arg = |lx: &mut Self, k: usize, want: Option<&RTy>| -> R<(RV, IntTy)> {
            match m.args.iter().nth(k) {
                Some(e) => lx.int_value(e, want),
                None => lx.bad(m, "missing argument"),
            }
        };
        let nargs = m.args.len();
        let v = match (name, nargs) {
            ("wrapping_add", 1) | ("wrapping_sub", 1) | ("wrapping_mul", 1) => {
                let (b, _) = arg(self, 0, Some(&rty))?;
                let op = match name {
                    "wrapping_add" => BinaryOp::Add,
                    "wrapping_sub" => BinaryOp::Sub,
                    _ => BinaryOp::Mul,
                };
                self.bin(op, a, b, false)
            }
            ("wrapping_neg", 0) => self.unary(UnaryOp::Neg, a, false),
            ("wrapping_shl", 1) | ("wrapping_shr", 1) => {
                let (b, bt) = arg(self, 0, Some(&RTy::Int(IntTy::U32)))?;
                let mask = self.iconst(bt, t.bits as i128 - 1);
                let b = self.bin(BinaryOp::And, b, mask, false);
                let op = if name == "wrapping_shl" {
                    BinaryOp::Shl
                } else if t.signed {
                    BinaryOp::AShr
                } else {
                    BinaryOp::LShr
                };
                self.bin(op, a, b, false)
            }
            ("wrapping_div", 1) | ("wrapping_rem", 1) => {
                let (b, _) = arg(self, 0, Some(&rty))?;
                let div = name == "wrapping_div";
                if !t.signed {
                    let op = if div { BinaryOp::UDiv } else { BinaryOp::URem };
                    self.bin(op, a, b, false)
                } else {
                    // MIN / -1 wraps to MIN (remainder 0); b == 0 still panics.
                    let min = self.iconst(t, t.min());
                    let m1 = self.iconst(t, -1);
                    let one = self.iconst(t, 1);
                    let amin = self.icmp(IntCC::Eq, a, min);
                    let bm1 = self.icmp(IntCC::Eq, b, m1);
                    let ovf = self.bin(BinaryOp::BAnd, amin, bm1, false);
                    let d = self.select(ovf, one, b);
                    if div {
                        let q = self.bin(BinaryOp::SDiv, a, d, false);
                        self.select(ovf, min, q)
                    } else {
                        let r = self.bin(BinaryOp::SRem, a, d, false);
                        let z = self.iconst(t, 0);
                        self.select(ovf, z, r)
                    }
                }
            }
            ("abs", 0) if t.signed => {
                // Panics on MIN: exactly `neg.nsw`'s precondition.
                let z = self.iconst(t, 0);
                let neg = self.icmp(IntCC::Slt, a, z);
                let n = self.unary(UnaryOp::Neg, a, true);
                self.select(neg, n, a)
            }
            ("min", 1) | ("max", 1) => {
                let (b, _) = arg(self, 0, Some(&rty))?;
                let cc = match (name, t.signed) {
                    ("min", true) => IntCC::Slt,
                    ("min", false) => IntCC::Ult,
                    (_, true) => IntCC::Sgt,
                    (_, false) => IntCC::Ugt,
                };
                let c = self.icmp(cc, a, b);
                self.select(c, a, b)
            }
            _ => return self.bad(m, &format!("method call `.{name}()`")),
        };
        Ok(Ex::Val(v, rty))
    }
    fn global_method(
        &mut self,
        m: &syn::ExprMethodCall,
        name: &str,
        g: &super::krate::GlobalInfo,
    ) -> R<Ex> {
        let Some(t) = g.ty.clone() else {
            return self.bad(m, "global of an unsupported type");
        };
        let place = LPlace {
            base: LBase::Global(g.id),
            proj: vec![],
            ty: self.k.cmod.globals[g.id].ty.clone(),
        };
        match (g.storage, name, m.args.len()) {
            (GlobalStorage::Cell, "get", 0) => {
                let v = self.load(&place, &t, m)?;
                Ok(Ex::Val(v, t))
            }
            (GlobalStorage::Cell, "set", 1) => {
                let (v, _) = self.rvalue(&m.args[0], Some(&t))?;
                self.store(&place, v, m)?;
                Ok(Ex::Unit)
            }
            (GlobalStorage::RefCell, "with_borrow" | "with_borrow_mut", 1) => {
                let mutable = name == "with_borrow_mut";
                let syn::Expr::Closure(c) = &m.args[0] else {
                    return self.bad(&m.args[0], "borrow of a global without a closure");
                };
                if c.inputs.len() != 1 {
                    return self.bad(c, "closure parameters");
                }
                let pname = match &c.inputs[0] {
                    syn::Pat::Ident(i) if i.by_ref.is_none() && i.subpat.is_none() => {
                        i.ident.to_string()
                    }
                    syn::Pat::Wild(_) => "_".to_string(),
                    p => return self.bad(p, "closure parameter pattern"),
                };
                // Borrowing a global that is mutably borrowed (or borrowing it mutably
                // while borrowed) panics.
                if self
                    .borrows
                    .iter()
                    .any(|(bg, bm)| *bg == g.id && (*bm || mutable))
                {
                    let p = self.fb.panic_block();
                    self.fb.jump(p);
                    return Ok(Ex::Never);
                }
                self.borrows.push((g.id, mutable));
                self.names.push(vec![(
                    pname,
                    Binding::Ref(place, RTy::Ref(Box::new(t), mutable)),
                )]);
                // The closure body is a scope of its own: no `return`, no `break`/`continue`
                // to enclosing loops (Rust rejects those).
                let scopes = std::mem::take(&mut self.scopes);
                self.closures += 1;
                let r = self.expr(&c.body, None);
                self.closures -= 1;
                self.scopes = scopes;
                let r = match r {
                    Ok(Ex::Place(p, t)) => self.load(&p, &t, &c.body).map(|v| Ex::Val(v, t)),
                    Ok(Ex::Ref(..)) => self.bad(&c.body, "reference out of a borrow"),
                    r => r,
                };
                self.names.pop();
                self.borrows.pop();
                r
            }
            _ => self.bad(m, &format!("method call `.{name}()` on a global")),
        }
    }
}

/// One pattern test of a match arm.
enum PatTest {
    Eq(i128),
    Range(i128, i128),
}

/// The identifiers of a path's segments (`rt::Arg::I` -> `["rt", "Arg", "I"]`).
fn path_segs(p: &syn::Path) -> Vec<String> {
    p.segments.iter().map(|s| s.ident.to_string()).collect()
}

/// Borrowed views of `segs`, for slice patterns.
fn seg_strs(segs: &[String]) -> Vec<&str> {
    segs.iter().map(String::as_str).collect()
}
