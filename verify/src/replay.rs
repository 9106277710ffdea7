//! Concrete replay of a refutation on the reference interpreter: both functions run the
//! region from its cut point with the counterexample's variable values, block by block, until
//! they leave the region; the refutation stands only if the runs really differ (or the Rust
//! panics where the C is defined).
//!
//! Replay needs concrete starting states the interpreter can hold: it is attempted when every
//! variable the regions start with is a scalar (integer or bool) and the regions touch no
//! global and no pointer parameter; otherwise the counterexample says why it was not replayed.

use std::collections::BTreeSet;
use xl_interp::{BlockExit, Interp, RunConfig, Trap, Val};
use xl_ir::{Block, FuncId, Module, Op, PlaceBase, Type, Var};

/// How one side's run left the region.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEnd {
    /// Reached a cut point (its index in the side's cut list order is not compared; the
    /// variables are).
    Cut(Block, Vec<(String, Val)>),
    /// Returned.
    Return(Option<Val>),
    /// Called `exit`.
    Exit(i32),
    /// Trapped (undefined behaviour in C, a panic in Rust).
    Trap(String),
}

/// One side's replay.
#[derive(Clone, Debug, PartialEq)]
pub struct RunOut {
    /// How it ended.
    pub end: RunEnd,
    /// What it printed.
    pub stdout: Vec<u8>,
}

/// Why a region cannot be replayed, if it cannot.
pub fn replay_obstacle(m: &Module, f: FuncId, blocks: &[Block]) -> Option<String> {
    let func = &m.funcs[f];
    for (_, d) in func.vars.iter() {
        if !matches!(d.ty, Type::Int(_) | Type::Bool) {
            return Some(format!(
                "variable `{}` of type {} is not a scalar",
                d.name, d.ty
            ));
        }
    }
    for &b in blocks {
        for &i in &func.blocks[b].insts {
            match &func.insts[i].op {
                Op::Load(p) | Op::Store(p, _) | Op::Addr(p)
                    if matches!(p.base, PlaceBase::Global(_)) =>
                {
                    return Some("the region uses a global".into())
                }
                Op::Call {
                    callee: xl_ir::Callee::Func(_),
                    ..
                } => return Some("the region calls a function of the program".into()),
                _ => {}
            }
        }
    }
    None
}

/// Runs `f` of `m` from `start` with `vars` set, until a block of `cuts` (other than the
/// start) is entered, the function returns, or the program exits.
pub fn run(
    m: &Module,
    f: FuncId,
    start: Block,
    cuts: &BTreeSet<Block>,
    vars: &[(Var, Val)],
) -> Result<RunOut, String> {
    let interp = Interp::new(m).map_err(|t| format!("{t:?}"))?;
    let config = RunConfig {
        fuel: 1_000_000,
        ..RunConfig::default()
    };
    let mut state = interp.new_state(&config).map_err(|t| format!("{t:?}"))?;
    let mut locals = interp
        .new_locals(&mut state, f, &config)
        .map_err(|t| format!("{t:?}"))?;
    for (v, val) in vars {
        interp
            .set_var(&mut state, &mut locals, *v, val.clone())
            .map_err(|t| format!("{t:?}"))?;
    }
    let mut block = start;
    let mut args = Vec::new();
    for _ in 0..100_000 {
        let r = interp.eval_block(&mut state, &mut locals, block, &args, &config);
        let end = match r {
            Err(Trap::Ub { what, .. }) => RunEnd::Trap(what),
            Err(t @ (Trap::Unsupported(_) | Trap::OutOfFuel | Trap::Malformed(_))) => {
                return Err(format!("{t:?}"))
            }
            Err(t) => RunEnd::Trap(format!("{t:?}")),
            Ok(BlockExit::Return(v)) => RunEnd::Return(v),
            Ok(BlockExit::Exit(c)) => RunEnd::Exit(c),
            Ok(BlockExit::Jump { block: b, args: a }) => {
                if cuts.contains(&b) {
                    let func = &m.funcs[f];
                    let mut out = Vec::new();
                    for (v, d) in func.vars.iter() {
                        if let Ok(x) = interp.get_var(&state, &locals, v) {
                            out.push((d.name.clone(), x));
                        }
                    }
                    RunEnd::Cut(b, out)
                } else {
                    block = b;
                    args = a;
                    continue;
                }
            }
        };
        return Ok(RunOut {
            end,
            stdout: state.io.stdout.clone(),
        });
    }
    Err("the region did not end within 100000 blocks".into())
}
