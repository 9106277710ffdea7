//! The pure (memory-free) ops, exactly as `xl_ir::op` documents them: integer and float
//! arithmetic, comparisons and casts. Public so that tests and the checker can evaluate one op
//! on chosen operands.
//!
//! Every violated precondition returns [`Fault::Ub`] naming the op (by its text mnemonic) and
//! the offending operands; operands of the wrong shape return [`Fault::Malformed`]. Nothing
//! here panics or overflows: arithmetic is done on `i128` or with wrapping ops.

use crate::trap::{malformed, ub, Fault};
use crate::value::{IntVal, Pointer, Val};
use xl_ir::{BinaryOp, CastKind, FloatCC, FloatTy, IntCC, IntTy, Type, UnaryOp};

fn nsw_suffix(nsw: bool) -> &'static str {
    if nsw {
        ".nsw"
    } else {
        ""
    }
}

/// True when `v` fits in `bits` signed bits.
fn fits_signed(v: i128, bits: u8) -> bool {
    let t = IntTy { bits, signed: true };
    v >= t.min() && v <= t.max()
}

/// Evaluates a binary op on two operand values.
pub fn binary(op: BinaryOp, nsw: bool, a: &Val, b: &Val) -> Result<Val, Fault> {
    use BinaryOp::*;
    match (op, a, b) {
        (FAdd | FSub | FMul | FDiv, Val::F32(x), Val::F32(y)) => Ok(Val::F32(match op {
            FAdd => x + y,
            FSub => x - y,
            FMul => x * y,
            _ => x / y,
        })),
        (FAdd | FSub | FMul | FDiv, Val::F64(x), Val::F64(y)) => Ok(Val::F64(match op {
            FAdd => x + y,
            FSub => x - y,
            FMul => x * y,
            _ => x / y,
        })),
        (BAnd, Val::Bool(x), Val::Bool(y)) => Ok(Val::Bool(*x && *y)),
        (BOr, Val::Bool(x), Val::Bool(y)) => Ok(Val::Bool(*x || *y)),
        (_, Val::Int(x), Val::Int(y)) if !matches!(op, FAdd | FSub | FMul | FDiv | BAnd | BOr) => {
            int_binary(op, nsw, *x, *y).map(Val::Int)
        }
        _ => malformed(format!(
            "{}{}: operands of the wrong types ({a}, {b})",
            op.mnemonic(),
            nsw_suffix(nsw)
        )),
    }
}

/// An op's text mnemonic with its `.nsw` flag, formatted only when a message needs it.
struct NameOf(BinaryOp, bool);

impl std::fmt::Display for NameOf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.0.mnemonic(), nsw_suffix(self.1))
    }
}

/// Evaluates an integer binary op (`add` .. `ashr`).
pub fn int_binary(op: BinaryOp, nsw: bool, a: IntVal, b: IntVal) -> Result<IntVal, Fault> {
    use BinaryOp::*;
    let ty = a.ty;
    let w = ty.bits;
    let name = NameOf(op, nsw);
    let is_shift = matches!(op, Shl | LShr | AShr);
    if !is_shift && b.ty != ty {
        return malformed(format!("{name}: operand types {} and {} differ", ty, b.ty));
    }
    let (sa, sb) = (i128::from(a.signed()), i128::from(b.signed()));
    let r = |bits: u64| IntVal::from_bits(ty, bits);
    Ok(match op {
        Add | Sub | Mul => {
            if nsw {
                let exact = match op {
                    Add => sa + sb,
                    Sub => sa - sb,
                    _ => sa * sb,
                };
                if !fits_signed(exact, w) {
                    return ub(format!(
                        "{name}: signed overflow ({sa} {} {sb} = {exact} does not fit {w} bits)",
                        match op {
                            Add => "+",
                            Sub => "-",
                            _ => "*",
                        }
                    ));
                }
            }
            r(match op {
                Add => a.bits.wrapping_add(b.bits),
                Sub => a.bits.wrapping_sub(b.bits),
                _ => a.bits.wrapping_mul(b.bits),
            })
        }
        SDiv | SRem => {
            if sb == 0 {
                return ub(format!("{name}: division by zero ({sa} / 0)"));
            }
            if sa == ty.with_signed(true).min() && sb == -1 {
                return ub(format!("{name}: signed overflow ({sa} / -1)"));
            }
            let q = if op == SDiv { sa / sb } else { sa % sb };
            IntVal::new(ty, q)
        }
        UDiv | URem => {
            if b.bits == 0 {
                return ub(format!("{name}: division by zero ({} / 0)", a.bits));
            }
            r(if op == UDiv {
                a.bits / b.bits
            } else {
                a.bits % b.bits
            })
        }
        And => r(a.bits & b.bits),
        Or => r(a.bits | b.bits),
        Xor => r(a.bits ^ b.bits),
        Shl | LShr | AShr => {
            let amt = b.unsigned();
            if amt >= u64::from(w) {
                return ub(format!("{name}: shift amount {amt} >= width {w}"));
            }
            let amt = amt as u32;
            match op {
                Shl => {
                    if nsw {
                        if sa < 0 {
                            return ub(format!("{name}: left shift of negative value {sa}"));
                        }
                        let exact = sa << amt;
                        if !fits_signed(exact, w) {
                            return ub(format!(
                                "{name}: signed overflow ({sa} << {amt} = {exact} does not fit {w} bits)"
                            ));
                        }
                    }
                    r(a.bits << amt)
                }
                LShr => r(a.bits >> amt),
                _ => r((a.signed() >> amt) as u64),
            }
        }
        FAdd | FSub | FMul | FDiv | BAnd | BOr => {
            return malformed(format!("{name}: integer operands"));
        }
    })
}

/// Evaluates a unary op.
pub fn unary(op: UnaryOp, nsw: bool, a: &Val) -> Result<Val, Fault> {
    match (op, a) {
        (UnaryOp::Neg, Val::Int(x)) => {
            if nsw && i128::from(x.signed()) == x.ty.with_signed(true).min() {
                return ub(format!(
                    "neg.nsw: signed overflow (negating {})",
                    x.signed()
                ));
            }
            Ok(Val::Int(IntVal::from_bits(x.ty, x.bits.wrapping_neg())))
        }
        (UnaryOp::Not, Val::Int(x)) => Ok(Val::Int(IntVal::from_bits(x.ty, !x.bits))),
        (UnaryOp::FNeg, Val::F32(x)) => Ok(Val::F32(-x)),
        (UnaryOp::FNeg, Val::F64(x)) => Ok(Val::F64(-x)),
        (UnaryOp::BNot, Val::Bool(b)) => Ok(Val::Bool(!b)),
        _ => malformed(format!(
            "{}{}: operand of the wrong type ({a})",
            op.mnemonic(),
            nsw_suffix(nsw)
        )),
    }
}

/// Evaluates an integer or pointer comparison.
pub fn icmp(cond: IntCC, a: &Val, b: &Val) -> Result<bool, Fault> {
    use IntCC::*;
    match (a, b) {
        (Val::Int(x), Val::Int(y)) => {
            if x.ty != y.ty {
                return malformed(format!(
                    "icmp {}: operand types {} and {} differ",
                    cond.mnemonic(),
                    x.ty,
                    y.ty
                ));
            }
            let (sx, sy) = (x.signed(), y.signed());
            let (ux, uy) = (x.unsigned(), y.unsigned());
            Ok(match cond {
                Eq => ux == uy,
                Ne => ux != uy,
                Slt => sx < sy,
                Sle => sx <= sy,
                Sgt => sx > sy,
                Sge => sx >= sy,
                Ult => ux < uy,
                Ule => ux <= uy,
                Ugt => ux > uy,
                Uge => ux >= uy,
            })
        }
        (Val::Ptr(p), Val::Ptr(q)) => match cond {
            // Distinct objects never share an address (the memory keeps gaps between them),
            // so pointer equality is equality of the abstract pointers.
            Eq => Ok(p == q),
            Ne => Ok(p != q),
            _ => {
                let (x, y) = match (p, q) {
                    (Pointer::Null, Pointer::Null) => (0, 0),
                    (Pointer::Obj { obj: o1, off: x }, Pointer::Obj { obj: o2, off: y })
                        if o1 == o2 =>
                    {
                        (*x, *y)
                    }
                    _ => {
                        return ub(format!(
                        "icmp {}: ordered comparison of pointers into different objects ({a}, {b})",
                        cond.mnemonic()
                    ))
                    }
                };
                Ok(match cond {
                    Slt | Ult => x < y,
                    Sle | Ule => x <= y,
                    Sgt | Ugt => x > y,
                    _ => x >= y,
                })
            }
        },
        _ => malformed(format!(
            "icmp {}: operands of the wrong types ({a}, {b})",
            cond.mnemonic()
        )),
    }
}

/// Evaluates a float comparison (C semantics: NaN compares false except with `ne`).
pub fn fcmp(cond: FloatCC, a: &Val, b: &Val) -> Result<bool, Fault> {
    let (x, y) = match (a, b) {
        (Val::F32(x), Val::F32(y)) => (f64::from(*x), f64::from(*y)),
        (Val::F64(x), Val::F64(y)) => (*x, *y),
        _ => {
            return malformed(format!(
                "fcmp {}: operands of the wrong types ({a}, {b})",
                cond.mnemonic()
            ))
        }
    };
    Ok(match cond {
        FloatCC::Eq => x == y,
        FloatCC::Ne => x != y,
        FloatCC::Lt => x < y,
        FloatCC::Le => x <= y,
        FloatCC::Gt => x > y,
        FloatCC::Ge => x >= y,
    })
}

/// Evaluates a conversion of `a` to type `to`.
pub fn cast(kind: CastKind, a: &Val, to: &Type) -> Result<Val, Fault> {
    let bad = || malformed(format!("{}: cannot convert {a} to {to}", kind.mnemonic()));
    match (kind, a, to) {
        (CastKind::IntCast, Val::Int(x), Type::Int(t)) => Ok(Val::int(*t, x.math())),
        (CastKind::IntToBool, Val::Int(x), Type::Bool) => Ok(Val::Bool(x.bits != 0)),
        (CastKind::BoolToInt, Val::Bool(b), Type::Int(t)) => Ok(Val::int(*t, i128::from(*b))),
        (CastKind::FloatToInt, Val::F32(_) | Val::F64(_), Type::Int(t)) => {
            let x = a.as_f64().unwrap_or(f64::NAN);
            float_to_int(x, *t).map(Val::Int)
        }
        (CastKind::IntToFloat, Val::Int(x), Type::Float(ft)) => Ok(match (ft, x.ty.signed) {
            (FloatTy::F32, true) => Val::F32(x.signed() as f32),
            (FloatTy::F32, false) => Val::F32(x.unsigned() as f32),
            (FloatTy::F64, true) => Val::F64(x.signed() as f64),
            (FloatTy::F64, false) => Val::F64(x.unsigned() as f64),
        }),
        (CastKind::FloatCast, Val::F32(x), Type::Float(FloatTy::F64)) => {
            Ok(Val::F64(f64::from(*x)))
        }
        (CastKind::FloatCast, Val::F64(x), Type::Float(FloatTy::F32)) => Ok(Val::F32(*x as f32)),
        (CastKind::FloatCast, Val::F32(_), Type::Float(FloatTy::F32))
        | (CastKind::FloatCast, Val::F64(_), Type::Float(FloatTy::F64)) => Ok(a.clone()),
        (CastKind::PtrCast, Val::Ptr(p), Type::Ptr(_)) => Ok(Val::Ptr(*p)),
        (CastKind::PtrToBool, Val::Ptr(p), Type::Bool) => Ok(Val::Bool(*p != Pointer::Null)),
        _ => bad(),
    }
}

/// `floattoint`: truncation toward zero; precondition that the result is representable.
pub fn float_to_int(x: f64, t: IntTy) -> Result<IntVal, Fault> {
    if x.is_nan() {
        return ub(format!("floattoint: NaN converted to {t}"));
    }
    let tr = x.trunc();
    // Both bounds are powers of two (or zero), so they are exact in f64.
    let lo = t.min() as f64;
    let hi_excl = if t.signed {
        2f64.powi(i32::from(t.bits) - 1)
    } else {
        2f64.powi(i32::from(t.bits))
    };
    if !(tr >= lo && tr < hi_excl) {
        return ub(format!("floattoint: {x:?} is out of range of {t}"));
    }
    Ok(IntVal::new(t, tr as i128))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(ty: IntTy, v: i128) -> IntVal {
        IntVal::new(ty, v)
    }

    #[test]
    fn division_preconditions() {
        let e = int_binary(BinaryOp::SDiv, false, i(IntTy::I32, 1), i(IntTy::I32, 0));
        assert!(matches!(e, Err(Fault::Ub(m)) if m.contains("division by zero")));
        let e = int_binary(BinaryOp::SRem, false, i(IntTy::I8, -128), i(IntTy::I8, -1));
        assert!(matches!(e, Err(Fault::Ub(m)) if m.contains("overflow")));
        let q = int_binary(BinaryOp::SDiv, false, i(IntTy::I32, -7), i(IntTy::I32, 2));
        assert_eq!(q.map(|v| v.math()), Ok(-3));
        let r = int_binary(BinaryOp::SRem, false, i(IntTy::I32, -7), i(IntTy::I32, 2));
        assert_eq!(r.map(|v| v.math()), Ok(-1));
    }

    #[test]
    fn float_to_int_bounds() {
        assert_eq!(float_to_int(-0.9, IntTy::U8).map(|v| v.math()), Ok(0));
        assert_eq!(float_to_int(255.9, IntTy::U8).map(|v| v.math()), Ok(255));
        assert!(float_to_int(256.0, IntTy::U8).is_err());
        assert!(float_to_int(-1.0, IntTy::U8).is_err());
        assert!(float_to_int(2f64.powi(63), IntTy::I64).is_err());
        assert_eq!(
            float_to_int(-(2f64.powi(63)), IntTy::I64).map(|v| v.math()),
            Ok(i128::from(i64::MIN))
        );
        assert!(float_to_int(f64::NAN, IntTy::I32).is_err());
        assert!(float_to_int(f64::INFINITY, IntTy::U64).is_err());
    }

    #[test]
    fn pointer_comparisons() {
        let a = Val::Ptr(Pointer::Obj {
            obj: crate::ObjId(1),
            off: 4,
        });
        let b = Val::Ptr(Pointer::Obj {
            obj: crate::ObjId(1),
            off: 8,
        });
        let c = Val::Ptr(Pointer::Obj {
            obj: crate::ObjId(2),
            off: 0,
        });
        assert_eq!(icmp(IntCC::Ult, &a, &b), Ok(true));
        assert_eq!(icmp(IntCC::Eq, &a, &c), Ok(false));
        assert!(matches!(icmp(IntCC::Slt, &a, &c), Err(Fault::Ub(_))));
    }
}
