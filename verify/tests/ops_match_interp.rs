//! Three-way differential test of the Z3 encoding: for every IR scalar op (every entry of
//! `BinaryOp::ALL`, `UnaryOp::ALL`, `IntCC::ALL`, `FloatCC::ALL`, `CastKind::ALL`, and `select`),
//! on random operands of every width, signedness and float format, the op encoded over constant
//! inputs and simplified by Z3 gives
//! - the same value as the reference interpreter's single-op evaluators (`xl_interp::ops`), and
//! - the same value as native compiled Rust computing the op with its own operators
//!   (`wrapping_add`, `checked_div`, `as` casts, `f32` arithmetic, ...),
//!
//! and the op's precondition is false in Z3 exactly when the interpreter reports undefined
//! behaviour and the native evaluation says the inputs are out of the op's domain.
//!
//! Floats compare as "the same value": equal bit patterns, or both NaN (Z3 has one NaN; NaN
//! payloads and signs are not modelled). Operands are biased towards the edges (0, 1, -1, MIN,
//! MAX, small shift amounts; ±0, ±inf, NaNs, subnormals, MAX, ties, powers of two around the
//! integer ranges) so both sides of every precondition and every rounding case are exercised.
//! The native evaluators match exhaustively on the op enums, so a new op fails to compile here
//! instead of being skipped. One Z3 context serves all cases of a test.

// The native evaluators are instantiated for every integer width by a macro; in the 64-bit
// instantiation the widening casts to `u64` are no-ops, which clippy would flag.
#![allow(clippy::unnecessary_cast, clippy::useless_conversion)]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use xl_interp::{ops, Fault, IntVal, Val};
use xl_ir::{BinaryOp, CastKind, FloatCC, FloatTy, IntCC, IntTy, Type, UnaryOp};
use xl_verify::encode::{EncodeError, Encoder, Term};
use z3::ast::{Ast, Bool, Float, BV};
use z3::{Context, SatResult, Solver};

const CASES: u32 = 400;

// ---------------------------------------------------------------------------------------------
// Operand strategies

fn int_ty() -> impl Strategy<Value = IntTy> {
    (prop::sample::select(vec![8u8, 16, 32, 64]), any::<bool>())
        .prop_map(|(bits, signed)| IntTy { bits, signed })
}

fn float_ty() -> impl Strategy<Value = FloatTy> {
    prop::sample::select(vec![FloatTy::F32, FloatTy::F64])
}

/// A bit pattern, biased to the edges; masked to the type's width by the caller.
fn pattern() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => any::<u64>(),
        2 => 0u64..70,
        1 => prop::sample::select(vec![0u64, 1, u64::MAX, 0x80, 0x7f, 0x8000, 0x7fff,
            0x8000_0000, 0x7fff_ffff, 1 << 63, (1 << 63) - 1, 0xff, 0xffff, 0xffff_ffff]),
        1 => (0u32..64).prop_map(|k| 1u64 << k),
        1 => (0u32..64).prop_map(|k| (1u64 << k).wrapping_neg()),
    ]
}

/// Interesting `f64`s: signed zeros, infinities, NaNs (several payloads and both signs),
/// subnormals of both formats, the extremes, ties for rounding, and the powers of two that bound
/// the integer types (and their neighbours), for `floattoint`'s precondition.
fn float_edges() -> Vec<f64> {
    let mut v = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.5,
        -0.5,
        1.5,
        2.5,
        -2.5,
        0.9,
        -0.9,
        255.9,
        256.0,
        -128.9,
        -129.0,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        -f64::NAN,
        f64::from_bits(0x7ff0_0000_0000_0001),
        f64::from_bits(0xfff8_0000_dead_beef),
        f64::MIN_POSITIVE,
        f64::from_bits(1),
        -f64::from_bits(1),
        f64::from_bits(0x000f_ffff_ffff_ffff),
        f64::MAX,
        f64::MIN,
        f64::EPSILON,
        f64::from(f32::MIN_POSITIVE),
        f64::from(f32::from_bits(1)),
        f64::from(f32::MAX),
        f64::from(f32::MAX) * 2.0,
        16_777_217.0,
        9_007_199_254_740_993.0,
        0.1,
        1.0 / 3.0,
    ];
    for k in [7, 8, 15, 16, 31, 32, 63, 64] {
        let p = 2f64.powi(k);
        v.extend([
            p,
            -p,
            p - 1.0,
            -p - 1.0,
            p - 0.5,
            p + 0.5,
            p * (1.0 - f64::EPSILON),
        ]);
    }
    v
}

/// A float value of format `ty`, biased to the edges.
fn float_of(ty: FloatTy) -> BoxedStrategy<Val> {
    let mk = move |x: f64| match ty {
        FloatTy::F32 => Val::F32(x as f32),
        FloatTy::F64 => Val::F64(x),
    };
    let bits = move |b: u64| match ty {
        FloatTy::F32 => Val::F32(f32::from_bits(b as u32)),
        FloatTy::F64 => Val::F64(f64::from_bits(b)),
    };
    prop_oneof![
        3 => prop::sample::select(float_edges()).prop_map(mk),
        2 => any::<u64>().prop_map(bits),
        2 => (-300i32..300, 0u8..4).prop_map(move |(n, q)| mk(f64::from(n) + f64::from(q) * 0.25)),
        1 => (any::<i64>(), 0u32..64).prop_map(move |(n, k)| mk((n >> k) as f64)),
        1 => any::<f64>().prop_map(mk),
    ]
    .boxed()
}

/// Random operands for one case: two integers (the second possibly of another type, for shift
/// amounts and casts), two floats of one format (and a second format for `floatcast`), bools.
#[derive(Clone, Debug)]
struct Inputs {
    a: Val,
    b: Val,
    b_other: Val,
    x: Val,
    y: Val,
    other_fty: FloatTy,
    p: bool,
    q: bool,
    nsw: bool,
}

fn inputs() -> impl Strategy<Value = Inputs> {
    (
        int_ty(),
        int_ty(),
        pattern(),
        pattern(),
        any::<bool>(),
        float_ty(),
        float_ty(),
        any::<(bool, bool, bool)>(),
    )
        .prop_flat_map(|(ty, oty, a, b, same, fty, other_fty, (p, q, nsw))| {
            let (x, y) = (float_of(fty), float_of(fty));
            (x, y, any::<bool>()).prop_map(move |(x, y, xy_same)| Inputs {
                a: Val::Int(IntVal::from_bits(ty, a)),
                b: Val::Int(IntVal::from_bits(ty, if same { a } else { b })),
                b_other: Val::Int(IntVal::from_bits(oty, b)),
                y: if xy_same { x.clone() } else { y },
                x,
                other_fty,
                p,
                q,
                nsw,
            })
        })
}

// ---------------------------------------------------------------------------------------------
// Z3 side

fn konst<'c>(enc: &Encoder<'c>, v: &Val) -> Term<'c> {
    match v {
        Val::Int(i) => Term::Int(BV::from_u64(enc.ctx(), i.bits, u32::from(i.ty.bits))),
        Val::Bool(b) => enc.bconst(*b),
        Val::F32(x) => enc.fconst(FloatTy::F32, f64::from(*x)),
        Val::F64(x) => enc.fconst(FloatTy::F64, *x),
        other => panic!("test only builds scalars, not {other}"),
    }
}

fn type_of(v: &Val) -> Type {
    match v {
        Val::Int(i) => Type::Int(i.ty),
        Val::Bool(_) => Type::Bool,
        Val::F32(_) => Type::Float(FloatTy::F32),
        Val::F64(_) => Type::Float(FloatTy::F64),
        other => panic!("no scalar type for {other}"),
    }
}

/// The simplified value of a term, as an interpreter value of type `ty`.
fn value_of<'c>(enc: &Encoder<'c>, t: &Term<'c>, ty: &Type) -> Val {
    match (t, ty) {
        (Term::Int(b), Type::Int(it)) => {
            let bits = b.simplify().as_u64().expect("constant bit-vector");
            Val::Int(IntVal::from_bits(*it, bits))
        }
        (Term::Bool(b), Type::Bool) => Val::Bool(b.simplify().as_bool().expect("constant bool")),
        (Term::Float(f), Type::Float(ft)) => {
            let bits = enc.float_bits(f).expect("float bits");
            let bits = bits.simplify().as_u64().expect("constant float");
            match ft {
                FloatTy::F32 => Val::F32(f32::from_bits(bits as u32)),
                FloatTy::F64 => Val::F64(f64::from_bits(bits)),
            }
        }
        _ => panic!("term of the wrong sort for {ty}"),
    }
}

fn holds(pre: &Bool<'_>) -> bool {
    pre.simplify().as_bool().expect("constant precondition")
}

/// Same value: floats by bit pattern, any NaN equal to any NaN.
fn same(a: &Val, b: &Val) -> bool {
    match (a, b) {
        (Val::F32(x), Val::F32(y)) => (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits(),
        (Val::F64(x), Val::F64(y)) => (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// Compares an encoded op with the interpreter's and native Rust's verdicts on it (`native`
/// is `None` where the inputs are outside the op's domain).
fn agree<'c>(
    enc: &Encoder<'c>,
    what: &str,
    encoded: Result<(Term<'c>, Bool<'c>), EncodeError>,
    res_ty: &Type,
    interp: Result<Val, Fault>,
    native: Option<Val>,
) -> Result<(), TestCaseError> {
    let (t, pre) = encoded.map_err(|e| TestCaseError::fail(format!("{what}: {e}")))?;
    let defined = holds(&pre);
    match (interp, native) {
        (Ok(v), Some(n)) => {
            prop_assert!(defined, "{what}: precondition false but interp gives {v}");
            let z = value_of(enc, &t, res_ty);
            prop_assert!(same(&z, &v), "{what}: z3 {z}, interp {v}");
            prop_assert!(same(&n, &v), "{what}: native {n}, interp {v}");
        }
        (Err(Fault::Ub(_)), None) => {
            prop_assert!(
                !defined,
                "{what}: precondition true but the op is undefined"
            )
        }
        (i, n) => prop_assert!(false, "{what}: interp {i:?} but native {n:?}"),
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Native side: the same ops with Rust's own operators on the concrete Rust types.

/// Runs `$body` with `$s`/`$u` the signed/unsigned Rust integer types of width `$w`.
macro_rules! by_width {
    ($w:expr, $s:ident, $u:ident, $body:expr) => {
        match $w {
            8 => {
                type $s = i8;
                type $u = u8;
                $body
            }
            16 => {
                type $s = i16;
                type $u = u16;
                $body
            }
            32 => {
                type $s = i32;
                type $u = u32;
                $body
            }
            64 => {
                type $s = i64;
                type $u = u64;
                $body
            }
            w => panic!("no {w}-bit integers"),
        }
    };
}

/// Runs `$body` with `$t` the Rust integer type of `$ty` (width and signedness).
macro_rules! by_int_ty {
    ($ty:expr, $t:ident, $body:expr) => {
        match ($ty.bits, $ty.signed) {
            (8, true) => {
                type $t = i8;
                $body
            }
            (8, false) => {
                type $t = u8;
                $body
            }
            (16, true) => {
                type $t = i16;
                $body
            }
            (16, false) => {
                type $t = u16;
                $body
            }
            (32, true) => {
                type $t = i32;
                $body
            }
            (32, false) => {
                type $t = u32;
                $body
            }
            (64, true) => {
                type $t = i64;
                $body
            }
            (64, false) => {
                type $t = u64;
                $body
            }
            (w, _) => panic!("no {w}-bit integers"),
        }
    };
}

fn int_of(v: &Val) -> IntVal {
    match v {
        Val::Int(i) => *i,
        other => panic!("not an integer: {other}"),
    }
}

fn bool_of(v: &Val) -> bool {
    match v {
        Val::Bool(b) => *b,
        other => panic!("not a bool: {other}"),
    }
}

fn native_binary(op: BinaryOp, nsw: bool, a: &Val, b: &Val) -> Option<Val> {
    use BinaryOp::*;
    let float = |f32op: fn(f32, f32) -> f32, f64op: fn(f64, f64) -> f64| match (a, b) {
        (Val::F32(x), Val::F32(y)) => Some(Val::F32(f32op(*x, *y))),
        (Val::F64(x), Val::F64(y)) => Some(Val::F64(f64op(*x, *y))),
        _ => panic!("{}: not floats", op.mnemonic()),
    };
    match op {
        FAdd => return float(|x, y| x + y, |x, y| x + y),
        FSub => return float(|x, y| x - y, |x, y| x - y),
        FMul => return float(|x, y| x * y, |x, y| x * y),
        FDiv => return float(|x, y| x / y, |x, y| x / y),
        BAnd => return Some(Val::Bool(bool_of(a) && bool_of(b))),
        BOr => return Some(Val::Bool(bool_of(a) || bool_of(b))),
        Add | Sub | Mul | SDiv | UDiv | SRem | URem | And | Or | Xor | Shl | LShr | AShr => {}
    }
    let (a, b) = (int_of(a), int_of(b));
    let ty = a.ty;
    let w = u32::from(ty.bits);
    let bits: Option<u64> = by_width!(ty.bits, S, U, {
        let (ua, ub) = (a.bits as U, b.bits as U);
        let (sa, sb) = (ua as S, ub as S);
        let amt = b.bits; // the amount, read unsigned in its own type
        match op {
            Add if nsw && sa.checked_add(sb).is_none() => None,
            Sub if nsw && sa.checked_sub(sb).is_none() => None,
            Mul if nsw && sa.checked_mul(sb).is_none() => None,
            Add => Some(ua.wrapping_add(ub) as u64),
            Sub => Some(ua.wrapping_sub(ub) as u64),
            Mul => Some(ua.wrapping_mul(ub) as u64),
            SDiv => sa.checked_div(sb).map(|r| r as U as u64),
            SRem => sa.checked_rem(sb).map(|r| r as U as u64),
            UDiv => ua.checked_div(ub).map(u64::from),
            URem => ua.checked_rem(ub).map(u64::from),
            And => Some(u64::from(ua & ub)),
            Or => Some(u64::from(ua | ub)),
            Xor => Some(u64::from(ua ^ ub)),
            Shl | LShr | AShr if amt >= u64::from(w) => None,
            Shl => {
                let k = amt as u32;
                let r = sa << k;
                if nsw && (sa < 0 || r < 0 || (r >> k) != sa) {
                    None
                } else {
                    Some(u64::from(ua << k))
                }
            }
            LShr => Some(u64::from(ua >> amt as u32)),
            AShr => Some((sa >> amt as u32) as U as u64),
            FAdd | FSub | FMul | FDiv | BAnd | BOr => unreachable!("handled above"),
        }
    });
    bits.map(|r| Val::Int(IntVal::from_bits(ty, r)))
}

fn native_unary(op: UnaryOp, nsw: bool, a: &Val) -> Option<Val> {
    match op {
        UnaryOp::Neg | UnaryOp::Not => {
            let a = int_of(a);
            let bits = by_width!(a.ty.bits, S, U, {
                let ua = a.bits as U;
                match op {
                    UnaryOp::Neg if nsw => (ua as S).checked_neg().map(|r| r as U as u64),
                    UnaryOp::Neg => Some(u64::from(ua.wrapping_neg())),
                    _ => Some(u64::from(!ua)),
                }
            });
            bits.map(|r| Val::Int(IntVal::from_bits(a.ty, r)))
        }
        UnaryOp::FNeg => Some(match a {
            Val::F32(x) => Val::F32(-x),
            Val::F64(x) => Val::F64(-x),
            other => panic!("fneg of {other}"),
        }),
        UnaryOp::BNot => Some(Val::Bool(!bool_of(a))),
    }
}

fn native_icmp(cond: IntCC, a: &Val, b: &Val) -> bool {
    use IntCC::*;
    let (a, b) = (int_of(a), int_of(b));
    by_width!(a.ty.bits, S, U, {
        let (ua, ub) = (a.bits as U, b.bits as U);
        let (sa, sb) = (ua as S, ub as S);
        match cond {
            Eq => ua == ub,
            Ne => ua != ub,
            Slt => sa < sb,
            Sle => sa <= sb,
            Sgt => sa > sb,
            Sge => sa >= sb,
            Ult => ua < ub,
            Ule => ua <= ub,
            Ugt => ua > ub,
            Uge => ua >= ub,
        }
    })
}

/// Native float comparison, in the operands' own format (no widening).
fn native_fcmp(cond: FloatCC, a: &Val, b: &Val) -> bool {
    fn cmp<T: PartialOrd>(cond: FloatCC, x: T, y: T) -> bool {
        match cond {
            FloatCC::Eq => x == y,
            FloatCC::Ne => x != y,
            FloatCC::Lt => x < y,
            FloatCC::Le => x <= y,
            FloatCC::Gt => x > y,
            FloatCC::Ge => x >= y,
        }
    }
    match (a, b) {
        (Val::F32(x), Val::F32(y)) => cmp(cond, *x, *y),
        (Val::F64(x), Val::F64(y)) => cmp(cond, *x, *y),
        _ => panic!("fcmp of {a}, {b}"),
    }
}

/// The pattern `bits` (truncated to the width) as an interpreter value of type `to`.
fn int_val(to: IntTy, bits: u64) -> Val {
    Val::Int(IntVal::from_bits(to, bits))
}

fn native_cast(kind: CastKind, a: &Val, to: &Type) -> Option<Val> {
    match (kind, to) {
        (CastKind::IntCast, Type::Int(t)) => {
            let a = int_of(a);
            let bits = by_int_ty!(a.ty, F, {
                let x = a.bits as F;
                by_int_ty!(t, T, (x as T) as u64)
            });
            Some(int_val(*t, bits))
        }
        (CastKind::IntToBool, Type::Bool) => Some(Val::Bool(int_of(a).bits != 0)),
        (CastKind::BoolToInt, Type::Int(t)) => {
            let b = bool_of(a);
            Some(int_val(*t, by_int_ty!(t, T, (b as T) as u64)))
        }
        (CastKind::IntToFloat, Type::Float(ft)) => {
            let a = int_of(a);
            Some(by_int_ty!(a.ty, F, {
                let x = a.bits as F;
                match ft {
                    FloatTy::F32 => Val::F32(x as f32),
                    FloatTy::F64 => Val::F64(x as f64),
                }
            }))
        }
        (CastKind::FloatToInt, Type::Int(t)) => {
            // `as i128` truncates toward zero and saturates far outside every 64-bit range, so
            // "in range" is a plain integer comparison; NaN is outside the domain.
            let (nan, wide) = match a {
                Val::F32(x) => (x.is_nan(), *x as i128),
                Val::F64(x) => (x.is_nan(), *x as i128),
                other => panic!("floattoint of {other}"),
            };
            by_int_ty!(t, T, {
                if nan || wide < T::MIN as i128 || wide > T::MAX as i128 {
                    None
                } else {
                    let v = match a {
                        Val::F32(x) => *x as T,
                        Val::F64(x) => *x as T,
                        _ => unreachable!(),
                    };
                    Some(int_val(*t, v as u64))
                }
            })
        }
        (CastKind::FloatCast, Type::Float(ft)) => Some(match (a, ft) {
            (Val::F32(x), FloatTy::F32) => Val::F32(*x),
            (Val::F32(x), FloatTy::F64) => Val::F64(*x as f64),
            (Val::F64(x), FloatTy::F32) => Val::F32(*x as f32),
            (Val::F64(x), FloatTy::F64) => Val::F64(*x),
            (other, _) => panic!("floatcast of {other}"),
        }),
        (
            CastKind::IntCast
            | CastKind::IntToBool
            | CastKind::BoolToInt
            | CastKind::IntToFloat
            | CastKind::FloatToInt
            | CastKind::FloatCast
            | CastKind::PtrCast
            | CastKind::PtrToBool,
            _,
        ) => panic!("{} to {to}: not a scalar cast", kind.mnemonic()),
    }
}

// ---------------------------------------------------------------------------------------------
// One check per op kind, shared by the random and the exhaustive tests.

fn check_binary(
    enc: &Encoder<'_>,
    op: BinaryOp,
    nsw: bool,
    a: &Val,
    b: &Val,
) -> Result<(), TestCaseError> {
    let what = format!(
        "{}{} {a}, {b}",
        op.mnemonic(),
        if nsw { ".nsw" } else { "" }
    );
    let ty = type_of(a);
    let e = enc.encode_binary(op, nsw, &ty, &konst(enc, a), &konst(enc, b));
    agree(
        enc,
        &what,
        e,
        &ty,
        ops::binary(op, nsw, a, b),
        native_binary(op, nsw, a, b),
    )
}

fn check_fcmp(enc: &Encoder<'_>, cond: FloatCC, x: &Val, y: &Val) -> Result<(), TestCaseError> {
    let what = format!("fcmp {} {x}, {y}", cond.mnemonic());
    let e = enc.encode_fcmp(cond, &type_of(x), &konst(enc, x), &konst(enc, y));
    let native = Some(Val::Bool(native_fcmp(cond, x, y)));
    agree(
        enc,
        &what,
        e,
        &Type::Bool,
        ops::fcmp(cond, x, y).map(Val::Bool),
        native,
    )
}

fn check_cast(enc: &Encoder<'_>, kind: CastKind, a: &Val, to: &Type) -> Result<(), TestCaseError> {
    let what = format!("{} {a} to {to}", kind.mnemonic());
    let e = enc.encode_cast(kind, &type_of(a), to, &konst(enc, a));
    agree(
        enc,
        &what,
        e,
        to,
        ops::cast(kind, a, to),
        native_cast(kind, a, to),
    )
}

/// The operands of `op` for one case: integers, floats or bools per the op's class.
fn binary_operands(op: BinaryOp, i: &Inputs) -> (Val, Val) {
    use BinaryOp::*;
    match op {
        Add | Sub | Mul | SDiv | UDiv | SRem | URem | And | Or | Xor => (i.a.clone(), i.b.clone()),
        Shl | LShr | AShr => (i.a.clone(), i.b_other.clone()),
        FAdd | FSub | FMul | FDiv => (i.x.clone(), i.y.clone()),
        BAnd | BOr => (Val::Bool(i.p), Val::Bool(i.q)),
    }
}

fn unary_operand(op: UnaryOp, i: &Inputs) -> Val {
    match op {
        UnaryOp::Neg | UnaryOp::Not => i.a.clone(),
        UnaryOp::FNeg => i.x.clone(),
        UnaryOp::BNot => Val::Bool(i.p),
    }
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config::with_cases(cases))
}

// ---------------------------------------------------------------------------------------------
// Random tests

#[test]
fn every_binary_op_matches_interp_and_native() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    runner(CASES * 2)
        .run(&inputs(), |i| {
            for op in BinaryOp::ALL {
                let (a, b) = binary_operands(op, &i);
                check_binary(&enc, op, i.nsw, &a, &b)?;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_unary_op_matches_interp_and_native() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    runner(CASES * 2)
        .run(&inputs(), |i| {
            for op in UnaryOp::ALL {
                let a = unary_operand(op, &i);
                let what = format!("{}{} {a}", op.mnemonic(), if i.nsw { ".nsw" } else { "" });
                let ty = type_of(&a);
                let e = enc.encode_unary(op, i.nsw, &ty, &konst(&enc, &a));
                let (interp, native) = (ops::unary(op, i.nsw, &a), native_unary(op, i.nsw, &a));
                agree(&enc, &what, e, &ty, interp, native)?;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_comparison_matches_interp_and_native() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    runner(CASES * 2)
        .run(&inputs(), |i| {
            for cond in IntCC::ALL {
                let what = format!("icmp {} {}, {}", cond.mnemonic(), i.a, i.b);
                let ty = type_of(&i.a);
                let e = enc.encode_icmp(cond, &ty, &konst(&enc, &i.a), &konst(&enc, &i.b));
                let interp = ops::icmp(cond, &i.a, &i.b).map(Val::Bool);
                let native = Some(Val::Bool(native_icmp(cond, &i.a, &i.b)));
                agree(&enc, &what, e, &Type::Bool, interp, native)?;
            }
            for cond in FloatCC::ALL {
                check_fcmp(&enc, cond, &i.x, &i.y)?;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn every_cast_and_select_matches_interp_and_native() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    runner(CASES * 2)
        .run(&inputs(), |i| {
            let int_to = type_of(&i.b_other);
            for kind in CastKind::ALL {
                match kind {
                    CastKind::IntCast => check_cast(&enc, kind, &i.a, &int_to)?,
                    CastKind::IntToBool => check_cast(&enc, kind, &i.a, &Type::Bool)?,
                    CastKind::BoolToInt => check_cast(&enc, kind, &Val::Bool(i.p), &int_to)?,
                    CastKind::IntToFloat => check_cast(&enc, kind, &i.a, &type_of(&i.x))?,
                    CastKind::FloatToInt => check_cast(&enc, kind, &i.x, &int_to)?,
                    CastKind::FloatCast => check_cast(&enc, kind, &i.x, &Type::Float(i.other_fty))?,
                    CastKind::PtrCast | CastKind::PtrToBool => {
                        // Pointers are the checker's memory model, not scalar terms.
                        let ptr = Type::Ptr(Box::new(Type::I32));
                        let to = if kind == CastKind::PtrCast {
                            ptr.clone()
                        } else {
                            Type::Bool
                        };
                        let e = enc.encode_cast(kind, &ptr, &to, &konst(&enc, &i.a));
                        prop_assert_eq!(
                            e.map(|_| ()),
                            Err(EncodeError::Unsupported(kind.mnemonic().into()))
                        );
                    }
                }
            }
            for (t, f) in [
                (i.a.clone(), i.b.clone()),
                (Val::Bool(i.p), Val::Bool(i.q)),
                (i.x.clone(), i.y.clone()),
            ] {
                let what = format!("select {}, {t}, {f}", i.q);
                let ty = type_of(&t);
                let e = enc.encode_select(&enc.bconst(i.q), &konst(&enc, &t), &konst(&enc, &f));
                let native = if i.q { t.clone() } else { f.clone() };
                agree(&enc, &what, e, &ty, Ok(native.clone()), Some(native))?;
            }
            // Constants: `iconst` wraps into range, `fconst` is exact (NaN as NaN).
            let it = int_of(&i.b_other).ty;
            let k = i128::from(int_of(&i.a).signed());
            prop_assert_eq!(
                value_of(&enc, &enc.iconst(it, k), &Type::Int(it)),
                Val::int(it, k)
            );
            let v = i.x.as_f64().unwrap_or(f64::NAN);
            let fty = match i.x {
                Val::F32(_) => FloatTy::F32,
                _ => FloatTy::F64,
            };
            let z = value_of(&enc, &enc.fconst(fty, v), &Type::Float(fty));
            prop_assert!(same(&z, &i.x), "fconst {}: {z}", i.x);
            Ok(())
        })
        .unwrap();
}

// ---------------------------------------------------------------------------------------------
// Exhaustive edge tests

/// Every `i8` left operand against the interesting right operands (small amounts, the
/// boundaries around MIN/MAX/-1), for every integer binary op with and without `nsw`: the
/// exact edges of each precondition (e.g. `1 shl.nsw 6` defined, `1 shl.nsw 7` not) are hit
/// deterministically, not by chance.
#[test]
fn i8_edges_exhaustive() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let rhs: Vec<u64> = (0u64..=9)
        .chain([63, 64, 65, 126, 127, 128, 129, 191, 192, 254, 255])
        .collect();
    let int_ops = BinaryOp::ALL.into_iter().filter(|op| {
        let (a, _) = binary_operands(
            *op,
            &Inputs {
                a: Val::i32(0),
                b: Val::i32(0),
                b_other: Val::i32(0),
                x: Val::F32(0.0),
                y: Val::F32(0.0),
                other_fty: FloatTy::F32,
                p: false,
                q: false,
                nsw: false,
            },
        );
        matches!(a, Val::Int(_))
    });
    let mut n = 0;
    for op in int_ops {
        for nsw in [false, true] {
            for a in 0u64..256 {
                for &b in &rhs {
                    let va = Val::Int(IntVal::from_bits(IntTy::I8, a));
                    let vb = Val::Int(IntVal::from_bits(IntTy::I8, b));
                    if let Err(e) = check_binary(&enc, op, nsw, &va, &vb) {
                        panic!("{e}");
                    }
                    n += 1;
                }
            }
        }
    }
    assert_eq!(n, 13 * 2 * 256 * 21);
}

/// Every pair of edge floats (±0, ±inf, NaNs, subnormals, extremes, ties, powers of two) in
/// both formats, for every float arithmetic op and every float comparison; and every edge float
/// through `floattoint` to every integer type and through `floatcast` to both formats.
#[test]
fn float_edges_exhaustive() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let edges = float_edges();
    let float_ops: Vec<BinaryOp> = BinaryOp::ALL
        .into_iter()
        .filter(|op| op.mnemonic().starts_with('f'))
        .collect();
    assert_eq!(float_ops.len(), 4);
    let some = [
        0.0,
        -0.0,
        1.0,
        -1.5,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        f64::from_bits(1),
        f64::MAX,
        f64::from(f32::from_bits(1)),
        f64::from(f32::MAX),
        3.0,
        0.1,
    ];
    for fty in [FloatTy::F32, FloatTy::F64] {
        let mk = |x: f64| match fty {
            FloatTy::F32 => Val::F32(x as f32),
            FloatTy::F64 => Val::F64(x),
        };
        for &x in &edges {
            for &y in &some {
                let (vx, vy) = (mk(x), mk(y));
                for &op in &float_ops {
                    check_binary(&enc, op, false, &vx, &vy)
                        .and_then(|()| check_binary(&enc, op, false, &vy, &vx))
                        .unwrap_or_else(|e| panic!("{e}"));
                }
                for cond in FloatCC::ALL {
                    check_fcmp(&enc, cond, &vx, &vy)
                        .and_then(|()| check_fcmp(&enc, cond, &vy, &vx))
                        .unwrap_or_else(|e| panic!("{e}"));
                }
            }
            for bits in [8u8, 16, 32, 64] {
                for signed in [false, true] {
                    let to = Type::Int(IntTy { bits, signed });
                    check_cast(&enc, CastKind::FloatToInt, &mk(x), &to)
                        .unwrap_or_else(|e| panic!("{e}"));
                }
            }
            for to in [FloatTy::F32, FloatTy::F64] {
                check_cast(&enc, CastKind::FloatCast, &mk(x), &Type::Float(to))
                    .unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }
}

/// Integer edges (0, ±1, MIN, MAX, and the values that round in `f32`/`f64`) of every type
/// through `inttofloat` to both formats.
#[test]
fn int_to_float_edges_exhaustive() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let pats = [
        0u64,
        1,
        u64::MAX,
        0x7f,
        0x80,
        0x7fff,
        0x8000,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
        (1 << 63) - 1,
        1 << 63,
        (1 << 24) + 1,
        (1 << 53) + 1,
        (1 << 25) + 3,
        (1 << 54) + 6,
        0x0123_4567_89ab_cdef,
    ];
    for bits in [8u8, 16, 32, 64] {
        for signed in [false, true] {
            let ty = IntTy { bits, signed };
            for &p in &pats {
                for to in [FloatTy::F32, FloatTy::F64] {
                    let a = Val::Int(IntVal::from_bits(ty, p));
                    check_cast(&enc, CastKind::IntToFloat, &a, &Type::Float(to))
                        .unwrap_or_else(|e| panic!("{e}"));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Float terms under a solver (symbolic inputs, models), and `eq_term`.

#[test]
fn float_eq_term_is_same_value() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let vals = [
        0.0,
        -0.0,
        1.0,
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::from_bits(1),
    ];
    for fty in [FloatTy::F32, FloatTy::F64] {
        for &x in &vals {
            for &y in &vals {
                let e = enc
                    .fconst(fty, x)
                    .eq_term(&enc.fconst(fty, y))
                    .expect("same sort");
                let want = match fty {
                    FloatTy::F32 => {
                        let (x, y) = (x as f32, y as f32);
                        (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits()
                    }
                    FloatTy::F64 => (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits(),
                };
                assert_eq!(holds(&e), want, "{fty:?} {x:?} == {y:?}");
            }
        }
    }
    // Different formats or sorts are not comparable.
    let (a, b) = (enc.fconst(FloatTy::F32, 1.0), enc.fconst(FloatTy::F64, 1.0));
    assert!(a.eq_term(&b).is_none());
    assert!(a.eq_term(&enc.bconst(true)).is_none());
}

#[test]
fn float_inputs_are_symbolic_and_models_decode() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let f64t = Type::Float(FloatTy::F64);
    let x = enc.input("x", &f64t).expect("float input");
    let Term::Float(xf) = &x else {
        panic!("input of a float type is a float term")
    };
    assert!(matches!(
        enc.input("y", &Type::Float(FloatTy::F32)),
        Ok(Term::Float(_))
    ));
    // `x + 0.0 == x` is not valid: x = -0.0 gives +0.0.
    let zero = enc.fconst(FloatTy::F64, 0.0);
    let (sum, pre) = enc
        .encode_binary(BinaryOp::FAdd, false, &f64t, &x, &zero)
        .expect("fadd");
    let solver = Solver::new(&ctx);
    solver.assert(&pre);
    solver.assert(&sum.eq_term(&x).expect("same sort").not());
    assert_eq!(solver.check(), SatResult::Sat);
    let model = solver.get_model().expect("model");
    let bits = enc.float_bits(xf).expect("bits");
    let got = model
        .eval(&bits, true)
        .and_then(|b| b.as_u64())
        .expect("value");
    assert_eq!(f64::from_bits(got).to_bits(), (-0.0f64).to_bits());
    // `-(-x) == x` is valid, NaN included (same-value equality).
    let (n1, _) = enc
        .encode_unary(UnaryOp::FNeg, false, &f64t, &x)
        .expect("fneg");
    let (n2, _) = enc
        .encode_unary(UnaryOp::FNeg, false, &f64t, &n1)
        .expect("fneg");
    let solver = Solver::new(&ctx);
    solver.assert(&n2.eq_term(&x).expect("same sort").not());
    assert_eq!(solver.check(), SatResult::Unsat);
    // `floattoint` to u8 is defined exactly on (-1, 256) and not on NaN.
    let (_, pre) = enc
        .encode_cast(CastKind::FloatToInt, &f64t, &Type::Int(IntTy::U8), &x)
        .expect("floattoint");
    let solver = Solver::new(&ctx);
    let lo = Float::from_f64(&ctx, -1.0);
    let hi = Float::from_f64(&ctx, 256.0);
    let inside = Bool::and(&ctx, &[&xf.gt(&lo), &xf.lt(&hi)]);
    solver.assert(&pre._eq(&inside).not());
    assert_eq!(solver.check(), SatResult::Unsat);
}

#[test]
fn ill_sorted_operands_are_reported_not_handed_to_z3() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let x = konst(&enc, &Val::i32(1));
    let f = enc.fconst(FloatTy::F64, 1.0);
    let g = enc.fconst(FloatTy::F32, 1.0);
    let f64t = Type::Float(FloatTy::F64);
    let malformed =
        |e: Result<(Term<'_>, Bool<'_>), EncodeError>| matches!(e, Err(EncodeError::Malformed(_)));
    assert!(malformed(enc.encode_binary(
        BinaryOp::FAdd,
        false,
        &f64t,
        &x,
        &x
    )));
    assert!(malformed(enc.encode_binary(
        BinaryOp::FAdd,
        false,
        &f64t,
        &f,
        &g
    )));
    assert!(malformed(enc.encode_binary(
        BinaryOp::Add,
        false,
        &f64t,
        &f,
        &f
    )));
    assert!(malformed(enc.encode_unary(UnaryOp::FNeg, false, &f64t, &g)));
    assert!(malformed(enc.encode_unary(UnaryOp::Neg, false, &f64t, &f)));
    assert!(malformed(enc.encode_fcmp(FloatCC::Lt, &f64t, &f, &g)));
    assert!(malformed(enc.encode_fcmp(FloatCC::Eq, &Type::I32, &x, &x)));
    assert!(malformed(enc.encode_cast(
        CastKind::FloatToInt,
        &Type::Float(FloatTy::F32),
        &Type::I32,
        &f
    )));
    assert!(malformed(enc.encode_cast(
        CastKind::IntToFloat,
        &Type::I64,
        &f64t,
        &x
    )));
    assert!(malformed(enc.encode_select(&enc.bconst(true), &f, &g)));
    let b = enc.bconst(true);
    assert!(malformed(enc.encode_binary(
        BinaryOp::Add,
        false,
        &Type::I32,
        &x,
        &b
    )));
    let narrow = konst(&enc, &Val::int(IntTy::I8, 1));
    assert!(malformed(enc.encode_binary(
        BinaryOp::Add,
        false,
        &Type::I32,
        &x,
        &narrow
    )));
}
