//! Unit tests of the printer (and, once present, the parser) on modules built in code.

use super::*;
use crate::*;
use expect_test::expect;
use xl_base::Span;

fn sp(line: u32, col: u32) -> Span {
    Span::new("abs.c", line, col)
}

/// `int abs_i(int x) { if (x < 0) return -x; return x; }` plus a global and a struct.
fn sample() -> Module {
    let mut m = Module::default();
    let point = m.structs.push(StructDef {
        name: "Point".into(),
        fields: vec![
            Field {
                name: "x".into(),
                ty: Type::I32,
            },
            Field {
                name: "y".into(),
                ty: Type::I32,
            },
        ],
        span: sp(1, 8),
    });
    m.globals.push(GlobalData {
        name: "origin".into(),
        ty: Type::Struct(point),
        init: Init::Aggregate(vec![Init::Int(0), Init::Int(-1)]),
        is_const: true,
        span: sp(2, 14),
    });
    let mut b = FuncBuilder::new("abs_i", Type::I32, sp(3, 5));
    let x = b.add_param("x", Type::I32, sp(3, 15));
    let neg = b.create_block(sp(4, 16));
    let pos = b.create_block(sp(5, 5));
    let v0 = b.load(Place::var(x), Type::I32, sp(4, 9));
    let zero = b.iconst(Type::I32, 0, sp(4, 13));
    let c = b.value(
        Op::Icmp {
            cond: IntCC::Slt,
            lhs: v0,
            rhs: zero,
        },
        Type::Bool,
        sp(4, 11),
    );
    b.terminate(Terminator::Branch {
        cond: c,
        then_dest: BlockCall {
            block: neg,
            args: vec![v0],
        },
        else_dest: BlockCall::plain(pos),
    });
    let p = b.append_block_param(neg, Type::I32);
    b.switch_to(neg);
    let n = b.value(
        Op::Unary {
            op: UnaryOp::Neg,
            arg: p,
            nsw: true,
        },
        Type::I32,
        sp(4, 23),
    );
    b.terminate(Terminator::Return(Some(n)));
    b.switch_to(pos);
    let v = b.load(Place::var(x), Type::I32, Span::new("other.h", 9, 1));
    b.ins(
        Op::Call {
            callee: Callee::Extern("printf".into()),
            args: vec![v],
        },
        None,
        Span::default(),
    );
    b.terminate(Terminator::Return(Some(v)));
    m.funcs.push(b.finish());
    m
}

#[test]
fn prints_module_with_spans() {
    expect![[r#"
        struct0 "Point" { "x": i32, "y": i32 }  ; @"abs.c":1:8

        const global0 "origin": struct0 = { 0, -1 }  ; @"abs.c":2:14

        func fn0 "abs_i"(var0) -> i32 {  ; @"abs.c":3:5
            param var0 "x": i32  ; @3:15
        block0:  ; @3:5
            v0: i32 = load var0  ; @4:9
            v1: i32 = iconst 0  ; @4:13
            v2: bool = icmp slt v0, v1  ; @4:11
            br v2, block1(v0), block2
        block1(v3: i32):  ; @4:16
            v4: i32 = neg.nsw v3  ; @4:23
            return v4
        block2:  ; @5:5
            v5: i32 = load var0  ; @"other.h":9:1
            call @printf(v5)
            return v5
        }
    "#]]
    .assert_eq(&print_module(&sample()));
}

#[test]
fn prints_without_spans() {
    let m = sample();
    expect![[r#"
        func fn0 "abs_i"(var0) -> i32 {
            param var0 "x": i32
        block0:
            v0: i32 = load var0
            v1: i32 = iconst 0
            v2: bool = icmp slt v0, v1
            br v2, block1(v0), block2
        block1(v3: i32):
            v4: i32 = neg.nsw v3
            return v4
        block2:
            v5: i32 = load var0
            call @printf(v5)
            return v5
        }
    "#]]
    .assert_eq(
        print_module_with(&m, PrintOptions { spans: false })
            .split_once("\n\n")
            .unwrap()
            .1
            .split_once("\n\n")
            .unwrap()
            .1,
    );
}

#[test]
fn quotes_escape_every_byte() {
    assert_eq!(
        print::quote(b"a\"b\\c\n\t\r\0\x7f\xff"),
        r#""a\"b\\c\n\t\r\0\x7f\xff""#
    );
    assert_eq!(print::float(-0.0), "-0.0");
    assert_eq!(
        print::float(f64::from_bits(0xfff8_0000_0000_0001)),
        "0xfff8000000000001"
    );
}
