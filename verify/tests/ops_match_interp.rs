//! Differential test of the encoding against the reference interpreter: for random operands of
//! every width and signedness, each supported op encoded on constant inputs and simplified by
//! Z3 gives exactly the value `xl_interp::ops` computes, and its precondition is false exactly
//! when the interpreter reports undefined behaviour.
//!
//! Operands are biased towards the edges (0, 1, -1, MIN, MAX, small shift amounts) so both
//! sides of every precondition are exercised. One Z3 context serves all cases of a test.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use xl_interp::{ops, Fault, IntVal, Val};
use xl_ir::{BinaryOp, CastKind, IntCC, IntTy, Type, UnaryOp};
use xl_verify::encode::{Encoder, Term};
use z3::ast::{Ast, Bool, BV};
use z3::Context;

const CASES: u32 = 400;

fn int_ty() -> impl Strategy<Value = IntTy> {
    (prop::sample::select(vec![8u8, 16, 32, 64]), any::<bool>())
        .prop_map(|(bits, signed)| IntTy { bits, signed })
}

/// A bit pattern, biased to the edges; masked to the type's width by the caller.
fn pattern() -> impl Strategy<Value = u64> {
    prop_oneof![
        3 => any::<u64>(),
        2 => 0u64..70,
        1 => prop::sample::select(vec![0u64, 1, u64::MAX, 0x80, 0x7f, 0x8000, 0x7fff,
            0x8000_0000, 0x7fff_ffff, 1 << 63, (1 << 63) - 1, 0xff, 0xffff, 0xffff_ffff]),
        1 => (0u32..64).prop_map(|k| 1u64 << k),
    ]
}

fn konst<'c>(ctx: &'c Context, v: &Val) -> Term<'c> {
    match v {
        Val::Int(i) => Term::Int(BV::from_u64(ctx, i.bits, u32::from(i.ty.bits))),
        Val::Bool(b) => Term::Bool(Bool::from_bool(ctx, *b)),
        other => panic!("test only builds ints and bools, not {other}"),
    }
}

/// The simplified value of a term, as an interpreter value of type `ty`.
fn value_of(t: &Term<'_>, ty: &Type) -> Val {
    match (t, ty) {
        (Term::Int(b), Type::Int(it)) => {
            let bits = b.simplify().as_u64().expect("constant bit-vector");
            Val::Int(IntVal::from_bits(*it, bits))
        }
        (Term::Bool(b), Type::Bool) => Val::Bool(b.simplify().as_bool().expect("constant bool")),
        _ => panic!("term of the wrong sort for {ty}"),
    }
}

fn holds(pre: &Bool<'_>) -> bool {
    pre.simplify().as_bool().expect("constant precondition")
}

/// Compares an encoded op with the interpreter's verdict on it.
fn agree(
    what: &str,
    enc: (Term<'_>, Bool<'_>),
    res_ty: &Type,
    interp: Result<Val, Fault>,
) -> Result<(), TestCaseError> {
    let (t, pre) = enc;
    match interp {
        Ok(v) => {
            prop_assert!(
                holds(&pre),
                "{what}: precondition false but interp gives {v}"
            );
            prop_assert_eq!(value_of(&t, res_ty), v, "{}", what);
        }
        Err(Fault::Ub(m)) => {
            prop_assert!(!holds(&pre), "{what}: precondition true but interp: {m}")
        }
        Err(other) => prop_assert!(false, "{what}: interp fault {other:?}"),
    }
    Ok(())
}

const INT_BINARY: [BinaryOp; 13] = {
    use BinaryOp::*;
    [
        Add, Sub, Mul, SDiv, UDiv, SRem, URem, And, Or, Xor, Shl, LShr, AShr,
    ]
};

#[test]
fn integer_binary_ops_match_interp() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let strat = (
        prop::sample::select(INT_BINARY.to_vec()),
        any::<bool>(),
        int_ty(),
        int_ty(),
        pattern(),
        pattern(),
    );
    let mut runner = TestRunner::new(Config::with_cases(CASES * 4));
    runner
        .run(&strat, |(op, nsw, ty, amt_ty, a, b)| {
            let is_shift = matches!(op, BinaryOp::Shl | BinaryOp::LShr | BinaryOp::AShr);
            let bty = if is_shift { amt_ty } else { ty };
            let (va, vb) = (
                Val::Int(IntVal::from_bits(ty, a)),
                Val::Int(IntVal::from_bits(bty, b)),
            );
            let what = format!(
                "{}{} {va}, {vb}",
                op.mnemonic(),
                if nsw { ".nsw" } else { "" }
            );
            let e = enc
                .encode_binary(
                    op,
                    nsw,
                    &Type::Int(ty),
                    &konst(&ctx, &va),
                    &konst(&ctx, &vb),
                )
                .map_err(|e| TestCaseError::fail(format!("{what}: {e}")))?;
            agree(&what, e, &Type::Int(ty), ops::binary(op, nsw, &va, &vb))
        })
        .unwrap();
}

#[test]
fn bool_and_unary_ops_match_interp() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let strat = (
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        int_ty(),
        pattern(),
    );
    let mut runner = TestRunner::new(Config::with_cases(CASES));
    runner
        .run(&strat, |(x, y, nsw, ty, a)| {
            let (bx, by) = (Val::Bool(x), Val::Bool(y));
            for op in [BinaryOp::BAnd, BinaryOp::BOr] {
                let e = enc
                    .encode_binary(op, false, &Type::Bool, &konst(&ctx, &bx), &konst(&ctx, &by))
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                agree(
                    op.mnemonic(),
                    e,
                    &Type::Bool,
                    ops::binary(op, false, &bx, &by),
                )?;
            }
            let e = enc
                .encode_unary(UnaryOp::BNot, false, &Type::Bool, &konst(&ctx, &bx))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            agree(
                "bnot",
                e,
                &Type::Bool,
                ops::unary(UnaryOp::BNot, false, &bx),
            )?;
            let va = Val::Int(IntVal::from_bits(ty, a));
            for op in [UnaryOp::Neg, UnaryOp::Not] {
                let what = format!("{}{} {va}", op.mnemonic(), if nsw { ".nsw" } else { "" });
                let e = enc
                    .encode_unary(op, nsw, &Type::Int(ty), &konst(&ctx, &va))
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                agree(&what, e, &Type::Int(ty), ops::unary(op, nsw, &va))?;
            }
            Ok(())
        })
        .unwrap();
}

const INT_CC: [IntCC; 10] = {
    use IntCC::*;
    [Eq, Ne, Slt, Sle, Sgt, Sge, Ult, Ule, Ugt, Uge]
};

#[test]
fn icmp_matches_interp() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let strat = (int_ty(), pattern(), pattern(), any::<bool>());
    let mut runner = TestRunner::new(Config::with_cases(CASES));
    runner
        .run(&strat, |(ty, a, b, same)| {
            let va = Val::Int(IntVal::from_bits(ty, a));
            let vb = if same {
                va.clone()
            } else {
                Val::Int(IntVal::from_bits(ty, b))
            };
            for cond in INT_CC {
                let what = format!("icmp {} {va}, {vb}", cond.mnemonic());
                let e = enc
                    .encode_icmp(cond, &Type::Int(ty), &konst(&ctx, &va), &konst(&ctx, &vb))
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                agree(
                    &what,
                    e,
                    &Type::Bool,
                    ops::icmp(cond, &va, &vb).map(Val::Bool),
                )?;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn casts_and_select_match_interp() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let strat = (int_ty(), int_ty(), pattern(), pattern(), any::<bool>());
    let mut runner = TestRunner::new(Config::with_cases(CASES));
    runner
        .run(&strat, |(from, to, a, b, c)| {
            let va = Val::Int(IntVal::from_bits(from, a));
            let (fty, tty) = (Type::Int(from), Type::Int(to));
            let e = enc
                .encode_cast(CastKind::IntCast, &fty, &tty, &konst(&ctx, &va))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let what = format!("intcast {va} to {to}");
            agree(&what, e, &tty, ops::cast(CastKind::IntCast, &va, &tty))?;
            let e = enc
                .encode_cast(CastKind::IntToBool, &fty, &Type::Bool, &konst(&ctx, &va))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            agree(
                "inttobool",
                e,
                &Type::Bool,
                ops::cast(CastKind::IntToBool, &va, &Type::Bool),
            )?;
            let vc = Val::Bool(c);
            let e = enc
                .encode_cast(CastKind::BoolToInt, &Type::Bool, &tty, &konst(&ctx, &vc))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            agree(
                "booltoint",
                e,
                &tty,
                ops::cast(CastKind::BoolToInt, &vc, &tty),
            )?;
            let vb = Val::Int(IntVal::from_bits(from, b));
            let e = enc
                .encode_select(&konst(&ctx, &vc), &konst(&ctx, &va), &konst(&ctx, &vb))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            agree(
                "select",
                e,
                &fty,
                Ok(if c { va.clone() } else { vb.clone() }),
            )?;
            let k = i128::from(IntVal::from_bits(to, a).signed());
            let v = value_of(&enc.iconst(to, k), &tty);
            prop_assert_eq!(v, Val::int(to, k));
            Ok(())
        })
        .unwrap();
}

#[test]
fn float_ops_are_unsupported_not_wrong() {
    let ctx = Context::new(&z3::Config::new());
    let enc = Encoder::new(&ctx);
    let x = konst(&ctx, &Val::i32(1));
    let f = Type::Float(xl_ir::FloatTy::F64);
    for op in [
        BinaryOp::FAdd,
        BinaryOp::FSub,
        BinaryOp::FMul,
        BinaryOp::FDiv,
    ] {
        let e = enc.encode_binary(op, false, &f, &x, &x).map(|_| ());
        assert_eq!(
            e,
            Err(xl_verify::encode::EncodeError::Unsupported(
                op.mnemonic().into()
            ))
        );
    }
    assert!(enc.encode_unary(UnaryOp::FNeg, false, &f, &x).is_err());
    // Ill-sorted operands are reported, never handed to Z3.
    let b = konst(&ctx, &Val::Bool(true));
    assert!(enc
        .encode_binary(BinaryOp::Add, false, &Type::I32, &x, &b)
        .is_err());
    let narrow = konst(&ctx, &Val::int(IntTy::I8, 1));
    assert!(enc
        .encode_binary(BinaryOp::Add, false, &Type::I32, &x, &narrow)
        .is_err());
}

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
    for op in INT_BINARY {
        for nsw in [false, true] {
            for a in 0u64..256 {
                for &b in &rhs {
                    let (va, vb) = (
                        Val::Int(IntVal::from_bits(IntTy::I8, a)),
                        Val::Int(IntVal::from_bits(IntTy::I8, b)),
                    );
                    let what = format!("{}{nsw} {va}, {vb}", op.mnemonic());
                    let e = enc
                        .encode_binary(op, nsw, &Type::I8, &konst(&ctx, &va), &konst(&ctx, &vb))
                        .expect("supported");
                    if let Err(e) = agree(&what, e, &Type::I8, ops::binary(op, nsw, &va, &vb)) {
                        panic!("{e}");
                    }
                }
            }
        }
    }
}
