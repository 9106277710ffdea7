//! Encoding of IR scalar ops into Z3 terms, exactly as `xl_ir::op` documents them.
//!
//! Representation: an integer of any [`IntTy`] is a Z3 bit-vector of its width (the
//! two's-complement pattern; signedness is not part of the term, only ops that say so read it
//! signed); a `bool` is a Z3 `Bool`. Each op yields its result term **and** its precondition
//! (the C undefined behaviour of `op.rs` as a Z3 `Bool` that is true on the inputs where the op
//! is defined): `nsw` overflow of `add`/`sub`/`mul`/`neg`, division by zero, `MIN / -1`, shift
//! amounts `>= w`, and the `shl.nsw` rules (non-negative operand, exact result fits). Where the
//! precondition is false the result term is still some bit pattern, but it means nothing.
//!
//! Floats: an `f32`/`f64` is a Z3 `FloatingPoint` of sort `(8, 24)`/`(11, 53)` (IEEE-754
//! binary32/binary64). Z3 has a single NaN, so NaN payloads and the sign of a NaN are not
//! modelled (the IR has no op that reads them: no bitcast; only `printf` of a NaN could show
//! its sign). Every rounding op rounds to nearest, ties to even, as `op.rs` says.
//!
//! Supported: every integer [`BinaryOp`] (`add` .. `ashr`), the float ones (`fadd`, `fsub`,
//! `fmul`, `fdiv`: SMT-LIB `fp.add` .. `fp.div` with `RNE`; no precondition) and the bool ones
//! (`band`, `bor`); every [`UnaryOp`] (`fneg` = `fp.neg`, which flips the sign also of zero);
//! `icmp` with every [`IntCC`] on integers; `fcmp` with every [`FloatCC`] (C semantics: `eq`,
//! `lt`, `le`, `gt`, `ge` are ordered, so false on a NaN operand; `ne` is unordered, the negation
//! of `eq`); the casts `intcast`, `inttobool`, `booltoint`, `inttofloat` (`to_fp` /
//! `to_fp_unsigned` per the source's signedness, `RNE`), `floattoint` (`fp.to_sbv`/`fp.to_ubv`
//! with `RTZ`; precondition: not NaN and the truncated value lies in the target's range, exactly
//! the bounds of `xl_interp::ops::float_to_int`), `floatcast` (`to_fp` with `RNE`; identity on
//! the same type); `select` on any scalar; `iconst`, `bconst` and [`Encoder::fconst`].
//!
//! Not supported (an [`EncodeError::Unsupported`] naming it): anything on pointers (`icmp` on
//! pointers, `ptrcast`, `ptrtobool`); the checker models memory, not this module. The IR has no
//! float remainder op (C `fmod` is a libc call; Z3's `fp.rem` is the IEEE remainder, not `fmod`,
//! so it must not be used for it) and no bitcast op, so neither is encoded.
//!
//! How float terms are built: the `z3` crate's safe API lacks most of the floating-point theory
//! (rounding mode `RNE`, conversions, `fp.isNaN`, `fp.eq`), and this crate uses no `unsafe`. So
//! each such term is written once in SMT-LIB text over placeholder constants (`|xl!0|`, ..),
//! parsed by Z3 ([`Solver::from_string`]) in a per-thread parsing context, translated into the
//! encoder's context, cached, and instantiated with [`Ast::substitute`]. The text is fixed per
//! op and sort, so parsing cannot fail on user input; if it ever failed the op is reported as
//! [`EncodeError::Unsupported`], never a panic. Substitution replaces the placeholders of the
//! template only, so input names never clash with them.
//!
//! Invariant: the encoder never hands Z3 ill-sorted terms; operands of the wrong shape or width
//! are reported as [`EncodeError::Malformed`] before any Z3 call, so no input makes it panic.

use std::cell::RefCell;
use std::collections::BTreeMap;
use xl_interp::IntVal;
use xl_ir::{BinaryOp, CastKind, FloatCC, FloatTy, IntCC, IntTy, Type, UnaryOp};
use z3::ast::{Ast, Bool, Dynamic, Float, BV};
use z3::{Context, Solver};

/// A scalar Z3 term: the value of one IR value.
#[derive(Clone, Debug)]
pub enum Term<'ctx> {
    /// An integer: the bit pattern, as wide as its type.
    Int(BV<'ctx>),
    /// A bool.
    Bool(Bool<'ctx>),
    /// A float: a Z3 `FloatingPoint` of sort `(8, 24)` (`f32`) or `(11, 53)` (`f64`).
    Float(Float<'ctx>),
}

/// The IEEE format of a Z3 float term, if it is binary32 or binary64.
pub fn float_ty_of(x: &Float<'_>) -> Option<FloatTy> {
    let s = x.get_sort();
    match (s.float_exponent_size(), s.float_significand_size()) {
        (Some(8), Some(24)) => Some(FloatTy::F32),
        (Some(11), Some(53)) => Some(FloatTy::F64),
        _ => None,
    }
}

/// `(exponent bits, significand bits incl. the hidden bit)` of a float type.
fn fp_sizes(ty: FloatTy) -> (u32, u32) {
    match ty {
        FloatTy::F32 => (8, 24),
        FloatTy::F64 => (11, 53),
    }
}

/// The SMT-LIB sort of a float type.
fn fp_sort(ty: FloatTy) -> String {
    let (e, s) = fp_sizes(ty);
    format!("(_ FloatingPoint {e} {s})")
}

/// The bit pattern of the quiet NaN that [`Encoder::float_bits`] reports for every NaN (Rust's
/// `f32::NAN` / `f64::NAN`).
pub fn canonical_nan_bits(ty: FloatTy) -> u64 {
    match ty {
        FloatTy::F32 => u64::from(f32::NAN.to_bits()),
        FloatTy::F64 => f64::NAN.to_bits(),
    }
}

impl<'ctx> Term<'ctx> {
    /// The bit-vector, if this is an integer.
    pub fn as_bv(&self) -> Option<&BV<'ctx>> {
        match self {
            Term::Int(b) => Some(b),
            _ => None,
        }
    }
    /// The bool, if this is one.
    pub fn as_bool(&self) -> Option<&Bool<'ctx>> {
        match self {
            Term::Bool(b) => Some(b),
            _ => None,
        }
    }
    /// The float, if this is one.
    pub fn as_float(&self) -> Option<&Float<'ctx>> {
        match self {
            Term::Float(f) => Some(f),
            _ => None,
        }
    }
    /// `self == other` as a Z3 bool ("the same value"), or `None` when the two have different
    /// sorts or widths.
    ///
    /// Floats use SMT-LIB `=` on `FloatingPoint`, which is identity of IEEE values, not `fp.eq`:
    /// NaN equals NaN (Z3 has one NaN) and `+0` differs from `-0`. That is exactly
    /// `fp.isNaN a && fp.isNaN b || bits(a) == bits(b)`: two programs agree on a float when
    /// they produce the same number, the same signed zero, or both a NaN (payloads are not
    /// modelled).
    pub fn eq_term(&self, other: &Term<'ctx>) -> Option<Bool<'ctx>> {
        match (self, other) {
            (Term::Int(a), Term::Int(b)) if a.get_size() == b.get_size() => Some(a._eq(b)),
            (Term::Bool(a), Term::Bool(b)) => Some(a._eq(b)),
            (Term::Float(a), Term::Float(b))
                if float_ty_of(a).is_some() && float_ty_of(a) == float_ty_of(b) =>
            {
                Some(a._eq(b))
            }
            _ => None,
        }
    }
}

/// Why an op could not be encoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The op is outside the supported subset; the string names it (its text mnemonic).
    Unsupported(String),
    /// Operands of the wrong sort or width for the op (ill-typed IR).
    Malformed(String),
}

impl std::fmt::Display for EncodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EncodeError::Unsupported(s) => write!(f, "unsupported: {s}"),
            EncodeError::Malformed(s) => write!(f, "malformed: {s}"),
        }
    }
}

/// An encoded op: its result and its precondition (true where the op is defined).
pub type Encoded<'ctx> = (Term<'ctx>, Bool<'ctx>);

/// Builds Z3 terms for IR ops in one [`Context`].
pub struct Encoder<'ctx> {
    ctx: &'ctx Context,
    /// Parsed SMT-LIB templates (see the module doc), by their full text; `None` when Z3 could
    /// not parse one (then the op is unsupported).
    templates: RefCell<BTreeMap<String, Option<Dynamic<'ctx>>>>,
}

/// The per-thread Z3 context in which templates are parsed. The `z3` crate ties parsed terms to
/// the borrow of the solver that parsed them, so the solver (and its context) must outlive every
/// use: both are created on a thread's first float op and deliberately kept for the rest of the
/// thread (a bounded, one-off allocation). Terms are [`Ast::translate`]d from here into the
/// encoder's own context.
struct Parser {
    solver: &'static Solver<'static>,
    parsed: RefCell<BTreeMap<String, Option<Dynamic<'static>>>>,
}

thread_local! {
    static PARSER: Parser = {
        let ctx: &'static Context = Box::leak(Box::new(Context::new(&z3::Config::new())));
        Parser {
            solver: Box::leak(Box::new(Solver::new(ctx))),
            parsed: RefCell::new(BTreeMap::new()),
        }
    };
}

/// The right-hand side of the single `(assert (= |xl!r| ..))` in `text`, parsed in the
/// per-thread context (cached), or `None` when Z3 rejects the text.
fn parse_template(text: &str) -> Option<Dynamic<'static>> {
    PARSER.with(|p| {
        if let Some(t) = p.parsed.borrow().get(text) {
            return t.clone();
        }
        p.solver.reset();
        p.solver.from_string(text);
        let t = match p.solver.get_assertions().as_slice() {
            [eq] if eq.num_children() == 2 => eq.nth_child(1),
            _ => None,
        };
        p.solver.reset();
        p.parsed.borrow_mut().insert(text.to_string(), t.clone());
        t
    })
}

/// The sort of one template placeholder.
#[derive(Clone, Copy)]
enum Slot {
    Fp(FloatTy),
    Bv(u32),
}

impl Slot {
    fn smt(self) -> String {
        match self {
            Slot::Fp(t) => fp_sort(t),
            Slot::Bv(w) => format!("(_ BitVec {w})"),
        }
    }
}

fn bad<T>(msg: String) -> Result<T, EncodeError> {
    Err(EncodeError::Malformed(msg))
}

impl<'ctx> Encoder<'ctx> {
    /// An encoder over `ctx`.
    pub fn new(ctx: &'ctx Context) -> Encoder<'ctx> {
        Encoder {
            ctx,
            templates: RefCell::new(BTreeMap::new()),
        }
    }

    /// The context.
    pub fn ctx(&self) -> &'ctx Context {
        self.ctx
    }

    fn tt(&self) -> Bool<'ctx> {
        Bool::from_bool(self.ctx, true)
    }

    fn bv(&self, bits: u64, w: u32) -> BV<'ctx> {
        BV::from_u64(self.ctx, bits, w)
    }

    /// A fresh unconstrained term of type `ty` named `name` (for inputs).
    pub fn input(&self, name: &str, ty: &Type) -> Result<Term<'ctx>, EncodeError> {
        match ty {
            Type::Int(t) => Ok(Term::Int(BV::new_const(self.ctx, name, u32::from(t.bits)))),
            Type::Bool => Ok(Term::Bool(Bool::new_const(self.ctx, name))),
            Type::Float(t) => {
                let (e, s) = fp_sizes(*t);
                Ok(Term::Float(Float::new_const(self.ctx, name, e, s)))
            }
            other => Err(EncodeError::Unsupported(format!("input of type {other}"))),
        }
    }

    /// `iconst v` of integer type `ty` (`v` is wrapped into range, as the interpreter does).
    pub fn iconst(&self, ty: IntTy, v: i128) -> Term<'ctx> {
        Term::Int(self.bv(IntVal::new(ty, v).bits, u32::from(ty.bits)))
    }

    /// `bconst b`.
    pub fn bconst(&self, b: bool) -> Term<'ctx> {
        Term::Bool(Bool::from_bool(self.ctx, b))
    }

    /// `fconst v` of float type `ty`. For `f32` the IR guarantees `v` is exactly representable;
    /// otherwise it is rounded as `v as f32` (nearest, ties to even). NaN, infinities, signed
    /// zeros and subnormals are represented exactly (a NaN as Z3's one NaN).
    pub fn fconst(&self, ty: FloatTy, v: f64) -> Term<'ctx> {
        Term::Float(match ty {
            FloatTy::F32 => Float::from_f32(self.ctx, v as f32),
            FloatTy::F64 => Float::from_f64(self.ctx, v),
        })
    }

    /// The term `body` (SMT-LIB text over the placeholders `$0`, `$1`, .. of sorts `slots`,
    /// with result sort `result`) instantiated with `args`.
    fn smt(
        &self,
        body: &str,
        slots: &[Slot],
        result: &str,
        args: &[Dynamic<'ctx>],
    ) -> Result<Dynamic<'ctx>, EncodeError> {
        let mut text = String::new();
        let mut expr = body.to_string();
        for i in (0..slots.len()).rev() {
            expr = expr.replace(&format!("${i}"), &format!("|xl!{i}|"));
        }
        for (i, slot) in slots.iter().enumerate() {
            text.push_str(&format!("(declare-const |xl!{i}| {})\n", slot.smt()));
        }
        text.push_str(&format!(
            "(declare-const |xl!r| {result})\n(assert (= |xl!r| {expr}))\n"
        ));
        let cached = self.templates.borrow().get(&text).cloned();
        let tmpl = match cached {
            Some(t) => t,
            None => {
                let here = parse_template(&text).map(|t| {
                    let t: Dynamic<'ctx> = t;
                    t.translate(self.ctx)
                });
                self.templates.borrow_mut().insert(text, here.clone());
                here
            }
        };
        let Some(tmpl) = tmpl else {
            return Err(EncodeError::Unsupported(format!(
                "z3 cannot build the term `{body}`"
            )));
        };
        if args.len() != slots.len() {
            return bad(format!(
                "`{body}`: {} operands for {}",
                args.len(),
                slots.len()
            ));
        }
        let holes: Vec<Dynamic<'ctx>> = slots
            .iter()
            .enumerate()
            .map(|(i, slot)| {
                let name = format!("xl!{i}");
                match *slot {
                    Slot::Fp(t) => {
                        let (e, s) = fp_sizes(t);
                        Dynamic::from_ast(&Float::new_const(self.ctx, name, e, s))
                    }
                    Slot::Bv(w) => Dynamic::from_ast(&BV::new_const(self.ctx, name, w)),
                }
            })
            .collect();
        let pairs: Vec<(&Dynamic<'ctx>, &Dynamic<'ctx>)> = holes.iter().zip(args).collect();
        Ok(tmpl.substitute(&pairs))
    }

    fn smt_float(
        &self,
        body: &str,
        slots: &[Slot],
        to: FloatTy,
        args: &[Dynamic<'ctx>],
    ) -> Result<Float<'ctx>, EncodeError> {
        self.smt(body, slots, &fp_sort(to), args)?
            .as_float()
            .filter(|f| float_ty_of(f) == Some(to))
            .ok_or_else(|| EncodeError::Malformed(format!("`{body}` is not a {}", Type::Float(to))))
    }

    fn smt_bool(
        &self,
        body: &str,
        slots: &[Slot],
        args: &[Dynamic<'ctx>],
    ) -> Result<Bool<'ctx>, EncodeError> {
        self.smt(body, slots, "Bool", args)?
            .as_bool()
            .ok_or_else(|| EncodeError::Malformed(format!("`{body}` is not a bool")))
    }

    fn smt_bv(
        &self,
        body: &str,
        slots: &[Slot],
        w: u32,
        args: &[Dynamic<'ctx>],
    ) -> Result<BV<'ctx>, EncodeError> {
        self.smt(body, slots, &format!("(_ BitVec {w})"), args)?
            .as_bv()
            .filter(|b| b.get_size() == w)
            .ok_or_else(|| EncodeError::Malformed(format!("`{body}` is not {w} bits")))
    }

    /// `fp.isNaN x`.
    pub fn float_is_nan(&self, x: &Float<'ctx>) -> Result<Bool<'ctx>, EncodeError> {
        let t = float_ty_of(x).ok_or_else(|| EncodeError::Malformed("not an f32/f64".into()))?;
        self.smt_bool("(fp.isNaN $0)", &[Slot::Fp(t)], &[Dynamic::from_ast(x)])
    }

    /// The IEEE-754 bit pattern of `x` (32 or 64 bits), with every NaN mapped to
    /// [`canonical_nan_bits`] (Z3 leaves the bits of its NaN unspecified). For reading a float
    /// out of a model: evaluate this, `as_u64`, then `f32::from_bits`/`f64::from_bits`.
    pub fn float_bits(&self, x: &Float<'ctx>) -> Result<BV<'ctx>, EncodeError> {
        let t = float_ty_of(x).ok_or_else(|| EncodeError::Malformed("not an f32/f64".into()))?;
        let w = fp_sizes(t).0 + fp_sizes(t).1;
        let bits = self.smt_bv(
            "(fp.to_ieee_bv $0)",
            &[Slot::Fp(t)],
            w,
            &[Dynamic::from_ast(x)],
        )?;
        let nan = self.bv(canonical_nan_bits(t), w);
        Ok(self.float_is_nan(x)?.ite(&nan, &bits))
    }

    /// Checks that `a` is a float of type `ty` and returns it.
    fn float_operand<'a>(
        &self,
        what: &str,
        ty: &Type,
        a: &'a Term<'ctx>,
    ) -> Result<(FloatTy, &'a Float<'ctx>), EncodeError> {
        match (ty, a) {
            (Type::Float(t), Term::Float(x)) if float_ty_of(x) == Some(*t) => Ok((*t, x)),
            _ => bad(format!("{what}: operand is not a {ty}")),
        }
    }

    /// A float comparison of two operands of float type `ty`, with C semantics (see
    /// [`FloatCC`]): the result is a bool and comparisons have no precondition.
    pub fn encode_fcmp(
        &self,
        cond: FloatCC,
        ty: &Type,
        a: &Term<'ctx>,
        b: &Term<'ctx>,
    ) -> Result<Encoded<'ctx>, EncodeError> {
        let what = format!("fcmp {}", cond.mnemonic());
        let (t, x) = self.float_operand(&what, ty, a)?;
        let (_, y) = self.float_operand(&what, ty, b)?;
        let r = match cond {
            FloatCC::Eq | FloatCC::Ne => {
                let eq = self.smt_bool(
                    "(fp.eq $0 $1)",
                    &[Slot::Fp(t), Slot::Fp(t)],
                    &[Dynamic::from_ast(x), Dynamic::from_ast(y)],
                )?;
                if cond == FloatCC::Eq {
                    eq
                } else {
                    eq.not()
                }
            }
            FloatCC::Lt => x.lt(y),
            FloatCC::Le => x.le(y),
            FloatCC::Gt => x.gt(y),
            FloatCC::Ge => x.ge(y),
        };
        Ok((Term::Bool(r), self.tt()))
    }

    /// A binary op. `ty` is the type of the left operand (and of the result); the right
    /// operand has the same type, except for shifts, whose amount may be any integer type.
    pub fn encode_binary(
        &self,
        op: BinaryOp,
        nsw: bool,
        ty: &Type,
        a: &Term<'ctx>,
        b: &Term<'ctx>,
    ) -> Result<Encoded<'ctx>, EncodeError> {
        use BinaryOp::*;
        let name = format!("{}{}", op.mnemonic(), if nsw { ".nsw" } else { "" });
        match op {
            FAdd | FSub | FMul | FDiv => {
                let (t, x) = self.float_operand(&name, ty, a)?;
                let (_, y) = self.float_operand(&name, ty, b)?;
                let f = match op {
                    FAdd => "fp.add",
                    FSub => "fp.sub",
                    FMul => "fp.mul",
                    _ => "fp.div",
                };
                let r = self.smt_float(
                    &format!("({f} RNE $0 $1)"),
                    &[Slot::Fp(t), Slot::Fp(t)],
                    t,
                    &[Dynamic::from_ast(x), Dynamic::from_ast(y)],
                )?;
                return Ok((Term::Float(r), self.tt()));
            }
            BAnd | BOr => {
                let (Type::Bool, Term::Bool(x), Term::Bool(y)) = (ty, a, b) else {
                    return bad(format!("{name}: operands are not bools"));
                };
                let r = if op == BAnd {
                    Bool::and(self.ctx, &[x, y])
                } else {
                    Bool::or(self.ctx, &[x, y])
                };
                return Ok((Term::Bool(r), self.tt()));
            }
            _ => {}
        }
        let (Type::Int(t), Term::Int(x), Term::Int(y)) = (ty, a, b) else {
            return bad(format!("{name}: operands are not integers"));
        };
        let w = u32::from(t.bits);
        if x.get_size() != w {
            return bad(format!("{name}: left operand is not {w} bits wide"));
        }
        let is_shift = matches!(op, Shl | LShr | AShr);
        if !is_shift && y.get_size() != w {
            return bad(format!("{name}: operand widths differ"));
        }
        let zero = self.bv(0, w);
        let (r, pre) = match op {
            Add | Sub | Mul => {
                let r = match op {
                    Add => x.bvadd(y),
                    Sub => x.bvsub(y),
                    _ => x.bvmul(y),
                };
                let pre = if nsw {
                    // Exact on `2w` bits (enough for a product), then: does it fit `w` signed bits?
                    let (xe, ye) = (x.sign_ext(w), y.sign_ext(w));
                    let exact = match op {
                        Add => xe.bvadd(&ye),
                        Sub => xe.bvsub(&ye),
                        _ => xe.bvmul(&ye),
                    };
                    exact._eq(&r.sign_ext(w))
                } else {
                    self.tt()
                };
                (r, pre)
            }
            SDiv | SRem => {
                let min = self.bv(1u64 << (w - 1), w);
                let minus1 = self.bv(u64::MAX, w);
                let overflow = Bool::and(self.ctx, &[&x._eq(&min), &y._eq(&minus1)]);
                let pre = Bool::and(self.ctx, &[&y._eq(&zero).not(), &overflow.not()]);
                let r = if op == SDiv { x.bvsdiv(y) } else { x.bvsrem(y) };
                (r, pre)
            }
            UDiv | URem => {
                let pre = y._eq(&zero).not();
                let r = if op == UDiv { x.bvudiv(y) } else { x.bvurem(y) };
                (r, pre)
            }
            And => (x.bvand(y), self.tt()),
            Or => (x.bvor(y), self.tt()),
            Xor => (x.bvxor(y), self.tt()),
            Shl | LShr | AShr => {
                let wb = y.get_size();
                // `w <= 64` fits the amount's own width (at least 8 bits), read unsigned.
                let in_range = y.bvult(&self.bv(u64::from(w), wb));
                let amt = match wb.cmp(&w) {
                    std::cmp::Ordering::Less => y.zero_ext(w - wb),
                    std::cmp::Ordering::Equal => y.clone(),
                    std::cmp::Ordering::Greater => y.extract(w - 1, 0),
                };
                match op {
                    Shl => {
                        let r = x.bvshl(&amt);
                        let pre = if nsw {
                            // With `x >= 0` and `amt < w` the exact product fits `2w` bits
                            // unsigned; C requires it to fit `w` signed bits.
                            let exact = x.zero_ext(w).bvshl(&amt.zero_ext(w));
                            let max = self.bv((1u64 << (w - 1)) - 1, w).zero_ext(w);
                            Bool::and(self.ctx, &[&in_range, &x.bvsge(&zero), &exact.bvule(&max)])
                        } else {
                            in_range
                        };
                        (r, pre)
                    }
                    LShr => (x.bvlshr(&amt), in_range),
                    _ => (x.bvashr(&amt), in_range),
                }
            }
            FAdd | FSub | FMul | FDiv | BAnd | BOr => {
                return Err(EncodeError::Unsupported(name));
            }
        };
        Ok((Term::Int(r), pre))
    }

    /// A unary op on an operand of type `ty` (the result has the same type).
    pub fn encode_unary(
        &self,
        op: UnaryOp,
        nsw: bool,
        ty: &Type,
        a: &Term<'ctx>,
    ) -> Result<Encoded<'ctx>, EncodeError> {
        let name = format!("{}{}", op.mnemonic(), if nsw { ".nsw" } else { "" });
        match (op, ty, a) {
            (UnaryOp::Neg, Type::Int(t), Term::Int(x)) if x.get_size() == u32::from(t.bits) => {
                let w = x.get_size();
                let pre = if nsw {
                    x._eq(&self.bv(1u64 << (w - 1), w)).not()
                } else {
                    self.tt()
                };
                Ok((Term::Int(x.bvneg()), pre))
            }
            (UnaryOp::Not, Type::Int(t), Term::Int(x)) if x.get_size() == u32::from(t.bits) => {
                Ok((Term::Int(x.bvnot()), self.tt()))
            }
            (UnaryOp::BNot, Type::Bool, Term::Bool(x)) => Ok((Term::Bool(x.not()), self.tt())),
            (UnaryOp::FNeg, Type::Float(t), Term::Float(x)) if float_ty_of(x) == Some(*t) => {
                Ok((Term::Float(x.unary_neg()), self.tt()))
            }
            _ => bad(format!("{name}: operand of the wrong type")),
        }
    }

    /// An integer comparison of two operands of integer type `ty`; the result is a bool and
    /// comparisons have no precondition.
    pub fn encode_icmp(
        &self,
        cond: IntCC,
        ty: &Type,
        a: &Term<'ctx>,
        b: &Term<'ctx>,
    ) -> Result<Encoded<'ctx>, EncodeError> {
        use IntCC::*;
        let (x, y) = match (ty, a, b) {
            (Type::Int(t), Term::Int(x), Term::Int(y))
                if x.get_size() == u32::from(t.bits) && y.get_size() == x.get_size() =>
            {
                (x, y)
            }
            (Type::Ptr(_), ..) => {
                return Err(EncodeError::Unsupported(format!(
                    "icmp {} on pointers",
                    cond.mnemonic()
                )))
            }
            _ => {
                return bad(format!(
                    "icmp {}: operands of the wrong type",
                    cond.mnemonic()
                ))
            }
        };
        let r = match cond {
            Eq => x._eq(y),
            Ne => x._eq(y).not(),
            Slt => x.bvslt(y),
            Sle => x.bvsle(y),
            Sgt => x.bvsgt(y),
            Sge => x.bvsge(y),
            Ult => x.bvult(y),
            Ule => x.bvule(y),
            Ugt => x.bvugt(y),
            Uge => x.bvuge(y),
        };
        Ok((Term::Bool(r), self.tt()))
    }

    /// A conversion of `a` (of type `from`) to type `to`.
    pub fn encode_cast(
        &self,
        kind: CastKind,
        from: &Type,
        to: &Type,
        a: &Term<'ctx>,
    ) -> Result<Encoded<'ctx>, EncodeError> {
        let name = kind.mnemonic();
        let r = match (kind, from, to, a) {
            (CastKind::IntCast, Type::Int(f), Type::Int(t), Term::Int(x))
                if x.get_size() == u32::from(f.bits) =>
            {
                let (fw, tw) = (u32::from(f.bits), u32::from(t.bits));
                Term::Int(match fw.cmp(&tw) {
                    std::cmp::Ordering::Greater => x.extract(tw - 1, 0),
                    std::cmp::Ordering::Equal => x.clone(),
                    std::cmp::Ordering::Less if f.signed => x.sign_ext(tw - fw),
                    std::cmp::Ordering::Less => x.zero_ext(tw - fw),
                })
            }
            (CastKind::IntToBool, Type::Int(f), Type::Bool, Term::Int(x))
                if x.get_size() == u32::from(f.bits) =>
            {
                Term::Bool(x._eq(&self.bv(0, x.get_size())).not())
            }
            (CastKind::BoolToInt, Type::Bool, Type::Int(t), Term::Bool(x)) => {
                let w = u32::from(t.bits);
                Term::Int(x.ite(&self.bv(1, w), &self.bv(0, w)))
            }
            (CastKind::IntToFloat, Type::Int(f), Type::Float(t), Term::Int(x))
                if x.get_size() == u32::from(f.bits) =>
            {
                let (e, s) = fp_sizes(*t);
                let conv = if f.signed { "to_fp" } else { "to_fp_unsigned" };
                Term::Float(self.smt_float(
                    &format!("((_ {conv} {e} {s}) RNE $0)"),
                    &[Slot::Bv(x.get_size())],
                    *t,
                    &[Dynamic::from_ast(x)],
                )?)
            }
            (CastKind::FloatToInt, Type::Float(f), Type::Int(t), Term::Float(x))
                if float_ty_of(x) == Some(*f) =>
            {
                return self.float_to_int(*f, *t, x);
            }
            (CastKind::FloatCast, Type::Float(f), Type::Float(t), Term::Float(x))
                if float_ty_of(x) == Some(*f) =>
            {
                if f == t {
                    Term::Float(x.clone())
                } else {
                    let (e, s) = fp_sizes(*t);
                    Term::Float(self.smt_float(
                        &format!("((_ to_fp {e} {s}) RNE $0)"),
                        &[Slot::Fp(*f)],
                        *t,
                        &[Dynamic::from_ast(x)],
                    )?)
                }
            }
            (
                CastKind::IntCast
                | CastKind::IntToBool
                | CastKind::BoolToInt
                | CastKind::IntToFloat
                | CastKind::FloatToInt
                | CastKind::FloatCast,
                ..,
            ) => return bad(format!("{name}: cannot convert {from} to {to}")),
            (CastKind::PtrCast | CastKind::PtrToBool, ..) => {
                return Err(EncodeError::Unsupported(name.to_string()))
            }
        };
        Ok((r, self.tt()))
    }

    /// `floattoint` from `f` to `t`: truncation toward zero (`RTZ`); precondition: `x` is not
    /// NaN and `trunc(x)` lies in `[MIN, MAX + 1)` of `t`. Both bounds are powers of two (or
    /// zero), exact in either float format, so the comparison is exact (infinities fail it).
    fn float_to_int(
        &self,
        f: FloatTy,
        t: IntTy,
        x: &Float<'ctx>,
    ) -> Result<Encoded<'ctx>, EncodeError> {
        let w = u32::from(t.bits);
        let arg = [Dynamic::from_ast(x)];
        let conv = if t.signed { "fp.to_sbv" } else { "fp.to_ubv" };
        let r = self.smt_bv(&format!("((_ {conv} {w}) RTZ $0)"), &[Slot::Fp(f)], w, &arg)?;
        let tr = self.smt_float("(fp.roundToIntegral RTZ $0)", &[Slot::Fp(f)], f, &arg)?;
        let lo = t.min() as f64;
        let hi = if t.signed {
            2f64.powi(i32::from(t.bits) - 1)
        } else {
            2f64.powi(i32::from(t.bits))
        };
        let (Term::Float(lo), Term::Float(hi)) = (self.fconst(f, lo), self.fconst(f, hi)) else {
            return bad("floattoint: bounds are not floats".into());
        };
        let pre = Bool::and(self.ctx, &[&tr.ge(&lo), &tr.lt(&hi)]);
        Ok((Term::Int(r), pre))
    }

    /// `select c, t, f` (no precondition).
    pub fn encode_select(
        &self,
        c: &Term<'ctx>,
        t: &Term<'ctx>,
        f: &Term<'ctx>,
    ) -> Result<Encoded<'ctx>, EncodeError> {
        let Term::Bool(c) = c else {
            return bad("select: condition is not a bool".to_string());
        };
        let r = match (t, f) {
            (Term::Int(x), Term::Int(y)) if x.get_size() == y.get_size() => Term::Int(c.ite(x, y)),
            (Term::Bool(x), Term::Bool(y)) => Term::Bool(c.ite(x, y)),
            (Term::Float(x), Term::Float(y))
                if float_ty_of(x).is_some() && float_ty_of(x) == float_ty_of(y) =>
            {
                Term::Float(c.ite(x, y))
            }
            _ => return bad("select: arms of different types".to_string()),
        };
        Ok((r, self.tt()))
    }
}
