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
//! Supported: every integer [`BinaryOp`] (`add` .. `ashr`) and the bool ones (`band`, `bor`);
//! [`UnaryOp::Neg`], [`UnaryOp::Not`], [`UnaryOp::BNot`]; `icmp` with every [`IntCC`] on
//! integers; the casts `intcast`, `inttobool`, `booltoint`; `select`; `iconst` and `bconst`.
//! Not supported yet (an [`EncodeError::Unsupported`] naming it): float ops and casts
//! (`fadd`..`fdiv`, `fneg`, `fcmp`, `floattoint`, `inttofloat`, `floatcast`: the IEEE encoding
//! comes later), and anything on pointers.
//!
//! Invariant: the encoder never hands Z3 ill-sorted terms; operands of the wrong shape or width
//! are reported as [`EncodeError::Malformed`] before any Z3 call, so no input makes it panic.

use xl_interp::IntVal;
use xl_ir::{BinaryOp, CastKind, IntCC, IntTy, Type, UnaryOp};
use z3::ast::{Ast, Bool, BV};
use z3::Context;

/// A scalar Z3 term: the value of one IR value.
#[derive(Clone, Debug)]
pub enum Term<'ctx> {
    /// An integer: the bit pattern, as wide as its type.
    Int(BV<'ctx>),
    /// A bool.
    Bool(Bool<'ctx>),
}

impl<'ctx> Term<'ctx> {
    /// The bit-vector, if this is an integer.
    pub fn as_bv(&self) -> Option<&BV<'ctx>> {
        match self {
            Term::Int(b) => Some(b),
            Term::Bool(_) => None,
        }
    }
    /// The bool, if this is one.
    pub fn as_bool(&self) -> Option<&Bool<'ctx>> {
        match self {
            Term::Bool(b) => Some(b),
            Term::Int(_) => None,
        }
    }
    /// `self == other` as a Z3 bool, or `None` when the two have different sorts or widths.
    pub fn eq_term(&self, other: &Term<'ctx>) -> Option<Bool<'ctx>> {
        match (self, other) {
            (Term::Int(a), Term::Int(b)) if a.get_size() == b.get_size() => Some(a._eq(b)),
            (Term::Bool(a), Term::Bool(b)) => Some(a._eq(b)),
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
}

fn bad<T>(msg: String) -> Result<T, EncodeError> {
    Err(EncodeError::Malformed(msg))
}

impl<'ctx> Encoder<'ctx> {
    /// An encoder over `ctx`.
    pub fn new(ctx: &'ctx Context) -> Encoder<'ctx> {
        Encoder { ctx }
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
                return Err(EncodeError::Unsupported(name));
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
            (UnaryOp::FNeg, ..) => Err(EncodeError::Unsupported(name)),
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
            (CastKind::IntCast | CastKind::IntToBool | CastKind::BoolToInt, ..) => {
                return bad(format!("{name}: cannot convert {from} to {to}"))
            }
            _ => return Err(EncodeError::Unsupported(name.to_string())),
        };
        Ok((r, self.tt()))
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
            _ => return bad("select: arms of different types".to_string()),
        };
        Ok((r, self.tt()))
    }
}
