//! The block-level entry point the checker's replay uses: a state built by hand (as a
//! counterexample would be), one block executed, the successor, its arguments and the new
//! state inspected.

use xl_interp::{BlockExit, Interp, ObjKind, Pointer, RunConfig, Trap, Val};
use xl_ir::{Block, FuncId, Var};

const MODULE: &str = r#"
func fn0 "square"(var0) -> i32 {
    param var0 "x": i32
block0:
    v0: i32 = load var0
    v1: i32 = mul.nsw v0, v0
    return v1
}

func fn1 "f"(var0, var1) -> i32 {  ; @"f.c":1:1
    param var0 "n": i32
    param var1 "p": ptr<i32>
    local var2 "acc": i32
block0:
    v0: i32 = load var0
    jump block1(v0)
block1(v1: i32):  ; @3:1
    v2: i32 = load var2  ; @4:5
    v3: i32 = add.nsw v2, v1  ; @4:9
    store var2, v3
    v4: ptr<i32> = load var1
    store *v4, v3  ; @5:5
    v5: i32 = iconst 10
    v6: bool = icmp slt v3, v5
    br v6, block1(v3), block2
block2:
    v7: i32 = load var2
    v8: i32 = call fn0(v7)
    v9: ptr<i8> = str "sq=%d\n\0"
    v10: i32 = call @printf(v9, v8)
    return v8
block3:
    v11: i32 = load var2
    call @exit(v11)
    unreachable
}
"#;

fn setup() -> xl_ir::Module {
    xl_ir::text::parse_module(MODULE).unwrap()
}

#[test]
fn one_block_from_a_hand_built_state() {
    let m = setup();
    let interp = Interp::new(&m).unwrap();
    let cfg = RunConfig::default();
    let f = FuncId::from_u32(1);
    let mut state = interp.new_state(&cfg).unwrap();
    let mut locals = interp.new_locals(&mut state, f, &cfg).unwrap();
    // A 4-byte object for `p` to point at, as a counterexample's memory would give.
    let target = state.mem.alloc(ObjKind::Heap, 4, false, 1 << 20).unwrap();
    let p = Val::Ptr(Pointer::Obj {
        obj: target,
        off: 0,
    });
    interp
        .set_var(&mut state, &mut locals, Var::from_u32(1), p)
        .unwrap();
    interp
        .set_var(&mut state, &mut locals, Var::from_u32(2), Val::i32(3))
        .unwrap();

    let exit = interp
        .eval_block(
            &mut state,
            &mut locals,
            Block::from_u32(1),
            &[Val::i32(4)],
            &cfg,
        )
        .unwrap();
    assert_eq!(
        exit,
        BlockExit::Jump {
            block: Block::from_u32(1),
            args: vec![Val::i32(7)]
        }
    );
    assert_eq!(
        interp.get_var(&state, &locals, Var::from_u32(2)).unwrap(),
        Val::i32(7)
    );
    assert_eq!(state.mem.objects[target.index()].bytes, 7i32.to_le_bytes());

    // The next iteration leaves the loop.
    let exit = interp
        .eval_block(
            &mut state,
            &mut locals,
            Block::from_u32(1),
            &[Val::i32(7)],
            &cfg,
        )
        .unwrap();
    assert_eq!(
        exit,
        BlockExit::Jump {
            block: Block::from_u32(2),
            args: vec![]
        }
    );

    // A block with a call runs the callee to completion and returns.
    let exit = interp
        .eval_block(&mut state, &mut locals, Block::from_u32(2), &[], &cfg)
        .unwrap();
    assert_eq!(exit, BlockExit::Return(Some(Val::i32(196))));
    assert_eq!(state.io.stdout, b"sq=196\n");
}

#[test]
fn block_traps_carry_the_instruction_span() {
    let m = setup();
    let interp = Interp::new(&m).unwrap();
    let cfg = RunConfig::default();
    let f = FuncId::from_u32(1);
    let mut state = interp.new_state(&cfg).unwrap();
    let mut locals = interp.new_locals(&mut state, f, &cfg).unwrap();
    interp
        .set_var(
            &mut state,
            &mut locals,
            Var::from_u32(2),
            Val::i32(i32::MAX),
        )
        .unwrap();
    let err = interp
        .eval_block(
            &mut state,
            &mut locals,
            Block::from_u32(1),
            &[Val::i32(1)],
            &cfg,
        )
        .unwrap_err();
    match err {
        Trap::Ub { what, span } => {
            assert!(what.starts_with("add.nsw: signed overflow"), "{what}");
            assert_eq!((span.file.as_str(), span.line, span.col), ("f.c", 4, 9));
        }
        other => panic!("expected UB, got {other}"),
    }
    // With no overflow, the null `p` is the next problem, at the store.
    interp
        .set_var(&mut state, &mut locals, Var::from_u32(2), Val::i32(0))
        .unwrap();
    let err = interp
        .eval_block(
            &mut state,
            &mut locals,
            Block::from_u32(1),
            &[Val::i32(1)],
            &cfg,
        )
        .unwrap_err();
    assert!(
        matches!(&err, Trap::Ub { what, span } if what.contains("null") && span.line == 5),
        "{err}"
    );
}

#[test]
fn exit_and_malformed_inputs() {
    let m = setup();
    let interp = Interp::new(&m).unwrap();
    let cfg = RunConfig::default();
    let f = FuncId::from_u32(1);
    let mut state = interp.new_state(&cfg).unwrap();
    let mut locals = interp.new_locals(&mut state, f, &cfg).unwrap();
    interp
        .set_var(&mut state, &mut locals, Var::from_u32(2), Val::i32(5))
        .unwrap();
    let exit = interp
        .eval_block(&mut state, &mut locals, Block::from_u32(3), &[], &cfg)
        .unwrap();
    assert_eq!(exit, BlockExit::Exit(5));
    // Wrong parameter count and wrongly typed variable values are reported, not panics.
    let err = interp
        .eval_block(&mut state, &mut locals, Block::from_u32(1), &[], &cfg)
        .unwrap_err();
    assert!(matches!(err, Trap::Malformed(_)), "{err}");
    let err = interp
        .set_var(&mut state, &mut locals, Var::from_u32(2), Val::Bool(true))
        .unwrap_err();
    assert!(matches!(err, Trap::Malformed(_)), "{err}");
    let err = interp
        .eval_block(&mut state, &mut locals, Block::from_u32(99), &[], &cfg)
        .unwrap_err();
    assert!(matches!(err, Trap::Malformed(_)), "{err}");
}
