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

#[test]
fn sample_round_trips() {
    let m = sample();
    let text = print_module(&m);
    let back = parse_module(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(print_module(&back), text);
    // The builder allocates instructions in layout order here, so the data is equal too.
    assert_eq!(
        back.funcs[FuncId::from_u32(0)],
        m.funcs[FuncId::from_u32(0)]
    );
    assert_eq!(back.globals, m.globals);
    assert_eq!(back.structs, m.structs);
}

/// Every `test_data/roundtrip/*.ir` file is in printed form: parsing and printing it gives it
/// back (leading `;;` comment lines are kept as a header). Bless with `UPDATE_EXPECT=1`.
#[test]
fn roundtrip_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/roundtrip");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ir"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 8,
        "expected at least 8 round-trip cases in {}",
        dir.display()
    );
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let header: String = text
            .lines()
            .take_while(|l| l.starts_with(";;"))
            .map(|l| format!("{l}\n"))
            .collect();
        let m = parse_module(&text).unwrap_or_else(|e| panic!("{}:{e}", path.display()));
        let printed = print_module(&m);
        expect_test::expect_file![path.clone()].assert_eq(&format!("{header}{printed}"));
        let again = parse_module(&printed).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(print_module(&again), printed, "{}", path.display());
    }
}

#[track_caller]
fn check_error(text: &str, expected: expect_test::Expect) {
    let e = parse_module(text).expect_err("parse error");
    expected.assert_eq(&e.to_string());
}

#[test]
fn parse_errors_have_positions() {
    check_error(
        "func fn1 \"f\"() -> void {\n}\n",
        expect![[r#"1:6: expected `fn0` (declarations are numbered in order)"#]],
    );
    check_error(
        "func fn0 \"f\"() -> void {\nblock0:\n    v0: i32 = frob v1\n    return\n}\n",
        expect!["3:15: unknown instruction `frob`"],
    );
    check_error(
        "func fn0 \"f\"() -> void {\nblock0:\n    v0: i32 = iconst 1\n    v0: i32 = iconst 2\n    return\n}\n",
        expect!["4:5: v0 is defined twice"],
    );
    check_error(
        "global0 \"g\": i32 = 1  ; @3:4\n",
        expect!["1:23: a span outside a function needs a file"],
    );
    check_error(
        "global0 \"g: i32 = 1\n",
        expect!["1:9: unterminated string"],
    );
    check_error(
        "global0 \"g\": [i32 4] = zero\n",
        expect!["1:19: expected `;`, found number `4`"],
    );
    check_error(
        "global0 \"g\": i32 = 1\n#",
        expect!["2:1: unexpected character `#`"],
    );
    check_error(
        "func fn0 \"f\"() -> void {\nblock0:\n    v0: i32 = iconst.nsw 1\n    return\n}\n",
        expect!["3:15: `iconst` takes no `.nsw`"],
    );
    let deep = format!(
        "global0 \"g\": {}i32{} = zero\n",
        "ptr<".repeat(300),
        ">".repeat(300)
    );
    check_error(&deep, expect!["1:814: type nested too deeply"]);
}

/// A small deterministic random source (splitmix64), so the random round-trip test needs no
/// extra dependency and always checks the same modules.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
    fn u32(&mut self) -> u32 {
        match self.below(3) {
            0 => self.below(5) as u32,
            1 => self.next() as u32,
            _ => u32::MAX,
        }
    }
    fn i128(&mut self) -> i128 {
        match self.below(4) {
            0 => self.below(300) as i128 - 150,
            1 => i128::from(self.next() as i64),
            2 => i128::from(self.next()),
            _ => [i128::MIN, i128::MAX, -1, 0][self.below(4)],
        }
    }
    fn f64(&mut self) -> f64 {
        match self.below(3) {
            0 => f64::from_bits(self.next()),
            1 => (self.below(2000) as f64 - 1000.0) / 8.0,
            _ => [
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                f64::MIN_POSITIVE,
            ][self.below(6)],
        }
    }
    fn bytes(&mut self) -> Vec<u8> {
        (0..self.below(6)).map(|_| self.next() as u8).collect()
    }
    fn string(&mut self) -> String {
        const PIECES: [&str; 12] = [
            "a", "x1", "_", " ", "\"", "\\", "\n", "\0", "é", "日本", "\u{7f}", "v3",
        ];
        (0..self.below(4))
            .map(|_| PIECES[self.below(PIECES.len())])
            .collect()
    }
    fn span(&mut self, func_file: &str) -> Span {
        match self.below(4) {
            0 => Span::default(),
            1 => Span::new(func_file, self.u32(), self.u32()),
            2 => Span::new(self.string(), self.u32(), self.u32()),
            _ => Span::new("", self.u32(), self.u32()),
        }
    }
    fn ty(&mut self, depth: u32) -> Type {
        let leaf = depth >= 3;
        match self.below(if leaf { 5 } else { 9 }) {
            0 => Type::Bool,
            1 => Type::Int(IntTy {
                bits: [8, 16, 32, 64][self.below(4)],
                signed: self.coin(),
            }),
            2 => Type::Float(if self.coin() {
                FloatTy::F32
            } else {
                FloatTy::F64
            }),
            3 => Type::Struct(StructId::from_u32(self.below(4) as u32)),
            4 => Type::Void,
            5 => Type::Ptr(Box::new(self.ty(depth + 1))),
            6 => Type::Array(
                Box::new(self.ty(depth + 1)),
                [0, 3, u64::MAX][self.below(3)],
            ),
            _ => Type::Fn(Box::new(FnSig {
                params: (0..self.below(3)).map(|_| self.ty(depth + 1)).collect(),
                ret: self.ty(depth + 1),
                variadic: self.coin(),
            })),
        }
    }
    fn init(&mut self, depth: u32) -> Init {
        match self.below(if depth >= 2 { 8 } else { 9 }) {
            0 => Init::Zero,
            1 => Init::Int(self.i128()),
            2 => Init::Float(self.f64()),
            3 => Init::Bytes(self.bytes()),
            4 => Init::Str(self.bytes()),
            5 => Init::Func(FuncId::from_u32(self.u32())),
            6 => Init::GlobalAddr(GlobalId::from_u32(self.u32())),
            7 => Init::Null,
            _ => Init::Aggregate((0..self.below(3)).map(|_| self.init(depth + 1)).collect()),
        }
    }
    fn value(&mut self, n_values: usize) -> Value {
        Value::from_u32(self.below(n_values + 2) as u32)
    }
    fn place(&mut self, n_values: usize) -> Place {
        let base = match self.below(3) {
            0 => PlaceBase::Var(Var::from_u32(self.below(4) as u32)),
            1 => PlaceBase::Global(GlobalId::from_u32(self.below(4) as u32)),
            _ => PlaceBase::Deref(self.value(n_values)),
        };
        let proj = (0..self.below(3))
            .map(|_| {
                if self.coin() {
                    Proj::Field(self.u32())
                } else {
                    Proj::Index(self.value(n_values))
                }
            })
            .collect();
        Place { base, proj }
    }
    fn op(&mut self, n: usize) -> Op {
        match self.below(19) {
            0 => Op::Iconst(self.i128()),
            1 => Op::Bconst(self.coin()),
            2 => Op::Fconst(self.f64()),
            3 => Op::Str(self.bytes()),
            4 => Op::Null,
            5 => Op::FuncAddr(FuncId::from_u32(self.u32())),
            6 => Op::Unary {
                op: [UnaryOp::Neg, UnaryOp::Not, UnaryOp::FNeg, UnaryOp::BNot][self.below(4)],
                arg: self.value(n),
                nsw: self.coin(),
            },
            7 => Op::Binary {
                op: BinaryOp::ALL[self.below(BinaryOp::ALL.len())],
                lhs: self.value(n),
                rhs: self.value(n),
                nsw: self.coin(),
            },
            8 => Op::Icmp {
                cond: IntCC::Uge,
                lhs: self.value(n),
                rhs: self.value(n),
            },
            9 => Op::Fcmp {
                cond: FloatCC::Le,
                lhs: self.value(n),
                rhs: self.value(n),
            },
            10 => Op::Cast {
                kind: [CastKind::IntCast, CastKind::PtrToBool, CastKind::FloatToInt][self.below(3)],
                arg: self.value(n),
            },
            11 => Op::Select {
                cond: self.value(n),
                if_true: self.value(n),
                if_false: self.value(n),
            },
            12 => Op::Load(self.place(n)),
            13 => Op::Store(self.place(n), self.value(n)),
            14 => Op::Addr(self.place(n)),
            15 => Op::PtrAdd {
                ptr: self.value(n),
                offset: self.value(n),
            },
            16 => Op::PtrDiff {
                lhs: self.value(n),
                rhs: self.value(n),
            },
            _ => Op::Call {
                callee: match self.below(3) {
                    0 => Callee::Func(FuncId::from_u32(self.u32())),
                    1 => Callee::Extern(self.string()),
                    _ => Callee::Indirect(self.value(n)),
                },
                args: (0..self.below(3)).map(|_| self.value(n)).collect(),
            },
        }
    }
    fn block_call(&mut self, n_blocks: usize, n: usize) -> BlockCall {
        BlockCall {
            block: Block::from_u32(self.below(n_blocks + 1) as u32),
            args: (0..self.below(3)).map(|_| self.value(n)).collect(),
        }
    }
    fn term(&mut self, n_blocks: usize, n: usize) -> Terminator {
        match self.below(5) {
            0 => Terminator::Jump(self.block_call(n_blocks, n)),
            1 => Terminator::Branch {
                cond: self.value(n),
                then_dest: self.block_call(n_blocks, n),
                else_dest: self.block_call(n_blocks, n),
            },
            2 => Terminator::Switch {
                value: self.value(n),
                cases: (0..self.below(3))
                    .map(|_| (self.i128(), Block::from_u32(self.below(n_blocks) as u32)))
                    .collect(),
                default: Block::from_u32(self.below(n_blocks) as u32),
            },
            3 => Terminator::Return(if self.coin() {
                Some(self.value(n))
            } else {
                None
            }),
            _ => Terminator::Unreachable,
        }
    }
    fn func(&mut self) -> Func {
        let span = self.span("main.c");
        let file = span.file.clone();
        let mut f = Func {
            name: self.string(),
            params: vec![],
            ret: self.ty(0),
            vars: Default::default(),
            blocks: Default::default(),
            insts: Default::default(),
            values: Default::default(),
            entry: Block::from_u32(0),
            is_static: self.coin(),
            span,
        };
        for _ in 0..self.below(4) {
            let kind = if self.coin() {
                VarKind::Param
            } else {
                VarKind::Local
            };
            let data = VarData {
                name: self.string(),
                ty: self.ty(0),
                kind,
                span: self.span(&file),
            };
            let v = f.vars.push(data);
            if kind == VarKind::Param {
                f.params.push(v);
            }
        }
        let n_blocks = 1 + self.below(4);
        f.entry = Block::from_u32(self.below(n_blocks) as u32);
        for b in 0..n_blocks {
            let block = Block::from_u32(b as u32);
            let mut params = vec![];
            for i in 0..self.below(3) {
                let ty = self.ty(0);
                params.push(f.values.push(ValueData {
                    ty,
                    def: ValueDef::Param(block, i as u32),
                }));
            }
            let mut insts = vec![];
            for _ in 0..self.below(6) {
                let op = self.op(f.values.len());
                let inst = f.insts.next_key();
                let result = if self.coin() {
                    let ty = self.ty(0);
                    Some(f.values.push(ValueData {
                        ty,
                        def: ValueDef::Inst(inst),
                    }))
                } else {
                    None
                };
                let span = self.span(&file);
                insts.push(f.insts.push(InstData { op, result, span }));
            }
            let term = self.term(n_blocks, f.values.len());
            let span = self.span(&file);
            f.blocks.push(BlockData {
                params,
                insts,
                term,
                span,
            });
        }
        f
    }
    fn module(&mut self) -> Module {
        let mut m = Module::default();
        for _ in 0..self.below(3) {
            let fields = (0..self.below(4))
                .map(|_| Field {
                    name: self.string(),
                    ty: self.ty(0),
                })
                .collect();
            let span = self.span("s.h");
            m.structs.push(StructDef {
                name: self.string(),
                fields,
                span,
            });
        }
        for _ in 0..self.below(3) {
            let span = self.span("g.c");
            let data = GlobalData {
                name: self.string(),
                ty: self.ty(0),
                init: self.init(0),
                is_const: self.coin(),
                span,
            };
            m.globals.push(data);
        }
        for _ in 0..self.below(4) {
            let f = self.func();
            m.funcs.push(f);
        }
        m
    }
}

/// Random modules (well-formed or not) print, parse back to the same data, and print the same;
/// the verifier judges them without panicking.
#[test]
fn random_modules_round_trip() {
    for seed in 0..2000u64 {
        let m = Rng(seed).module();
        let _ = crate::verify::verify_module(&m);
        for opts in [PrintOptions { spans: true }, PrintOptions { spans: false }] {
            let text = print_module_with(&m, opts);
            let back = parse_module(&text).unwrap_or_else(|e| panic!("seed {seed}: {e}\n{text}"));
            assert_eq!(print_module_with(&back, opts), text, "seed {seed}");
            if opts.spans {
                // Debug shows every field (NaN payloads are covered by the text comparison).
                assert_eq!(format!("{back:?}"), format!("{m:?}"), "seed {seed}\n{text}");
            }
        }
    }
}
