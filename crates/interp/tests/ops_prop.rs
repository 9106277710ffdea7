//! Property tests: every integer `BinaryOp`, `UnaryOp` and integer `Cast` of the interpreter
//! agrees with an independent formulation on Rust's own integer types (`wrapping_*`,
//! `checked_*`, `as`), for random operands at every width and signedness, including the
//! verdict "undefined behaviour" (a violated precondition) exactly when the reference says so.

use proptest::prelude::*;
use xl_interp::ops::{cast, float_to_int, int_binary, unary};
use xl_interp::{Fault, IntVal, Val};
use xl_ir::{BinaryOp, CastKind, FloatTy, IntTy, Type, UnaryOp};

const INT_OPS: [BinaryOp; 13] = [
    BinaryOp::Add,
    BinaryOp::Sub,
    BinaryOp::Mul,
    BinaryOp::SDiv,
    BinaryOp::UDiv,
    BinaryOp::SRem,
    BinaryOp::URem,
    BinaryOp::And,
    BinaryOp::Or,
    BinaryOp::Xor,
    BinaryOp::Shl,
    BinaryOp::LShr,
    BinaryOp::AShr,
];

const TYPES: [IntTy; 8] = [
    IntTy::I8,
    IntTy::U8,
    IntTy::I16,
    IntTy::U16,
    IntTy::I32,
    IntTy::U32,
    IntTy::I64,
    IntTy::U64,
];

/// The reference result bits of `a op b` at one width (`None`: undefined behaviour). `amt`
/// is the shift amount read unsigned from its own type.
macro_rules! reference_binary {
    ($S:ty, $U:ty, $op:expr, $nsw:expr, $a:expr, $b:expr, $amt:expr) => {{
        let (a, b) = ($a as $U, $b as $U);
        let (sa, sb) = (a as $S, b as $S);
        let bits = <$U>::BITS as u64;
        let r: Option<$U> = match $op {
            BinaryOp::Add if $nsw && sa.checked_add(sb).is_none() => None,
            BinaryOp::Add => Some(a.wrapping_add(b)),
            BinaryOp::Sub if $nsw && sa.checked_sub(sb).is_none() => None,
            BinaryOp::Sub => Some(a.wrapping_sub(b)),
            BinaryOp::Mul if $nsw && sa.checked_mul(sb).is_none() => None,
            BinaryOp::Mul => Some(a.wrapping_mul(b)),
            BinaryOp::SDiv => sa.checked_div(sb).map(|q| q as $U),
            BinaryOp::SRem => sa.checked_rem(sb).map(|q| q as $U),
            BinaryOp::UDiv => a.checked_div(b),
            BinaryOp::URem => a.checked_rem(b),
            BinaryOp::And => Some(a & b),
            BinaryOp::Or => Some(a | b),
            BinaryOp::Xor => Some(a ^ b),
            BinaryOp::Shl if $amt >= bits => None,
            BinaryOp::Shl => {
                let r = a << $amt;
                // C signed <<: the left operand is non-negative and no set bit is shifted
                // into or past the sign bit, i.e. shifting back restores it.
                if $nsw && (sa < 0 || (r as $S) < 0 || ((r as $S) >> $amt) != sa) {
                    None
                } else {
                    Some(r)
                }
            }
            BinaryOp::LShr => a.checked_shr($amt.min(u32::MAX as u64) as u32),
            BinaryOp::AShr => sa
                .checked_shr($amt.min(u32::MAX as u64) as u32)
                .map(|r| r as $U),
            _ => unreachable!("not an integer op"),
        };
        r.map(|x| x as u64)
    }};
}

fn reference_binary(op: BinaryOp, nsw: bool, bits: u8, a: u64, b: u64, amt: u64) -> Option<u64> {
    match bits {
        8 => reference_binary!(i8, u8, op, nsw, a, b, amt),
        16 => reference_binary!(i16, u16, op, nsw, a, b, amt),
        32 => reference_binary!(i32, u32, op, nsw, a, b, amt),
        _ => reference_binary!(i64, u64, op, nsw, a, b, amt),
    }
}

macro_rules! reference_unary {
    ($S:ty, $U:ty, $op:expr, $nsw:expr, $a:expr) => {{
        let a = $a as $U;
        let r: Option<$U> = match $op {
            UnaryOp::Neg if $nsw && (a as $S).checked_neg().is_none() => None,
            UnaryOp::Neg => Some(a.wrapping_neg()),
            _ => Some(!a),
        };
        r.map(|x| x as u64)
    }};
}

fn reference_unary(op: UnaryOp, nsw: bool, bits: u8, a: u64) -> Option<u64> {
    match bits {
        8 => reference_unary!(i8, u8, op, nsw, a),
        16 => reference_unary!(i16, u16, op, nsw, a),
        32 => reference_unary!(i32, u32, op, nsw, a),
        _ => reference_unary!(i64, u64, op, nsw, a),
    }
}

/// `(x as From) as To` with Rust's `as`, as the target's bit pattern (via i128, which holds
/// every source value exactly, so the composition is the direct cast).
fn reference_intcast(x: u64, from: IntTy, to: IntTy) -> u64 {
    let v: i128 = match (from.bits, from.signed) {
        (8, true) => x as i8 as i128,
        (8, false) => x as u8 as i128,
        (16, true) => x as i16 as i128,
        (16, false) => x as u16 as i128,
        (32, true) => x as i32 as i128,
        (32, false) => x as u32 as i128,
        (_, true) => x as i64 as i128,
        (_, false) => x as i128,
    };
    match (to.bits, to.signed) {
        (8, true) => v as i8 as u8 as u64,
        (8, false) => v as u8 as u64,
        (16, true) => v as i16 as u16 as u64,
        (16, false) => v as u16 as u64,
        (32, true) => v as i32 as u32 as u64,
        (32, false) => v as u32 as u64,
        (_, true) => v as i64 as u64,
        (_, false) => v as u64,
    }
}

/// Operand bit patterns biased to edge cases: 0, 1, all ones, the sign bits and their
/// neighbours at every width, small numbers, and uniform ones.
fn operand() -> impl Strategy<Value = u64> {
    prop_oneof![
        any::<u64>(),
        0u64..70,
        prop::sample::select(vec![
            0x7f,
            0x80,
            0xff,
            0x7fff,
            0x8000,
            0xffff,
            0x7fff_ffff,
            0x8000_0000,
            0xffff_ffff,
            0x7fff_ffff_ffff_ffff,
            0x8000_0000_0000_0000,
            u64::MAX,
            u64::MAX - 1,
        ]),
    ]
}

fn verdict(r: Result<IntVal, Fault>, what: &str) -> Option<u64> {
    match r {
        Ok(v) => Some(v.bits),
        Err(Fault::Ub(_)) => None,
        Err(other) => panic!("{what}: unexpected fault {other:?}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn binary_ops_agree_with_rust(
        ti in 0usize..8, ai in operand(), bi in operand(), opi in 0usize..13,
        nsw in any::<bool>(), amt_ti in 0usize..8,
    ) {
        let ty = TYPES[ti];
        let op = INT_OPS[opi];
        let nsw = nsw && matches!(op, BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Shl);
        let is_shift = matches!(op, BinaryOp::Shl | BinaryOp::LShr | BinaryOp::AShr);
        let a = IntVal::from_bits(ty, ai);
        // Shift amounts may have any integer type; other ops take two operands of one type.
        let bty = if is_shift { TYPES[amt_ti] } else { ty };
        let b = IntVal::from_bits(bty, bi);
        let got = verdict(int_binary(op, nsw, a, b), op.mnemonic());
        let want = reference_binary(op, nsw, ty.bits, a.bits, b.bits, b.bits);
        prop_assert_eq!(got, want, "{} {} {:?} {:?}", op.mnemonic(), nsw, a, b);
        // The generic entry point agrees.
        let via_val = xl_interp::ops::binary(op, nsw, &Val::Int(a), &Val::Int(b));
        prop_assert_eq!(via_val.ok(), got.map(|bits| Val::Int(IntVal::from_bits(ty, bits))));
    }

    #[test]
    fn unary_ops_agree_with_rust(ti in 0usize..8, ai in operand(), not in any::<bool>(), nsw in any::<bool>()) {
        let ty = TYPES[ti];
        let op = if not { UnaryOp::Not } else { UnaryOp::Neg };
        let nsw = nsw && op == UnaryOp::Neg;
        let a = IntVal::from_bits(ty, ai);
        let got = match unary(op, nsw, &Val::Int(a)) {
            Ok(Val::Int(v)) => Some(v.bits),
            Err(Fault::Ub(_)) => None,
            other => panic!("unexpected {other:?}"),
        };
        prop_assert_eq!(got, reference_unary(op, nsw, ty.bits, a.bits), "{:?} {:?}", op, a);
    }

    #[test]
    fn int_casts_agree_with_rust(fi in 0usize..8, ti in 0usize..8, xi in operand()) {
        let (from, to) = (TYPES[fi], TYPES[ti]);
        let x = IntVal::from_bits(from, xi);
        let got = cast(CastKind::IntCast, &Val::Int(x), &Type::Int(to));
        let want = reference_intcast(x.bits, from, to);
        prop_assert_eq!(got, Ok(Val::Int(IntVal::from_bits(to, want))));
        // To bool: nonzero; back from bool: 0 or 1.
        let b = cast(CastKind::IntToBool, &Val::Int(x), &Type::Bool);
        prop_assert_eq!(b.clone(), Ok(Val::Bool(x.bits != 0)));
        let back = cast(CastKind::BoolToInt, &b.unwrap(), &Type::Int(to));
        prop_assert_eq!(back, Ok(Val::int(to, i128::from(x.bits != 0))));
    }

    #[test]
    fn int_float_casts_agree_with_rust(ti in 0usize..8, xi in operand(), f in any::<f64>(), small in -1.0e6f64..1.0e6) {
        let ty = TYPES[ti];
        let x = IntVal::from_bits(ty, xi);
        let want64 = if ty.signed { x.signed() as f64 } else { x.unsigned() as f64 };
        let want32 = if ty.signed { x.signed() as f32 } else { x.unsigned() as f32 };
        let got64 = cast(CastKind::IntToFloat, &Val::Int(x), &Type::Float(FloatTy::F64));
        let got32 = cast(CastKind::IntToFloat, &Val::Int(x), &Type::Float(FloatTy::F32));
        prop_assert_eq!(got64, Ok(Val::F64(want64)));
        prop_assert_eq!(got32, Ok(Val::F32(want32)));
        for v in [f, small, (x.signed() as f64) + 0.5] {
            let t = v.trunc();
            let in_range = !v.is_nan() && t.abs() < 1e30 && {
                let i = t as i128;
                i >= ty.min() && i <= ty.max()
            };
            let got = float_to_int(v, ty);
            if in_range {
                prop_assert_eq!(got.map(|g| g.math()), Ok(t as i128), "{} -> {}", v, ty);
            } else {
                prop_assert!(matches!(got, Err(Fault::Ub(_))), "{} -> {} should trap", v, ty);
            }
        }
    }
}

/// The reference formulation itself is exercised on known cases, so a wrong reference cannot
/// make the properties vacuous.
#[test]
fn reference_spot_checks() {
    assert_eq!(reference_binary(BinaryOp::Add, true, 8, 0x7f, 1, 1), None);
    assert_eq!(
        reference_binary(BinaryOp::Add, false, 8, 0x7f, 1, 1),
        Some(0x80)
    );
    assert_eq!(
        reference_binary(BinaryOp::SDiv, false, 32, 0x8000_0000, 0xffff_ffff, 0),
        None
    );
    assert_eq!(
        reference_binary(BinaryOp::Shl, true, 32, 1, 30, 30),
        Some(1 << 30)
    );
    assert_eq!(reference_binary(BinaryOp::Shl, true, 32, 1, 31, 31), None);
    assert_eq!(
        reference_binary(BinaryOp::AShr, false, 16, 0x8000, 15, 15),
        Some(0xffff)
    );
    assert_eq!(reference_intcast(0xff, IntTy::I8, IntTy::U32), 0xffff_ffff);
    assert_eq!(reference_intcast(0xff, IntTy::U8, IntTy::I64), 0xff);
}
