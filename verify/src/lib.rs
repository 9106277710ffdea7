//! The equivalence checker: proves each emitted Rust function equivalent to the C function it
//! was translated from, region by region, with Z3. See `verify/README.md` for what "proven"
//! means, the trusted base and the assumptions.
//!
//! Pipeline (one IR, one semantics):
//! - [`rust`]: reads the crate's text on disk with syn and lowers each Rust function into the
//!   same IR as the C, with Rust semantics (every panic is an op precondition or a branch to an
//!   `unreachable` block). Nothing the emitter says about its output is trusted.
//! - [`check`]: pairs the two functions, cuts both CFGs at entry and loop headers, pairs loop
//!   headers through solver models, and proves every region between cut points under the state
//!   relation; per-block verdicts.
//! - [`exec`]: the symbolic executor both sides share (acyclic regions, state merging,
//!   calls as uninterpreted functions of the world); [`sym`]: symbolic values and typed memory;
//!   [`encode`]: the Z3 encoding of each IR op with its C precondition.
//! - [`replay`]: counterexamples re-run on the reference interpreter (`xl-interp`).
//! - [`check_blocks_equivalent`]: the single-block query used by the `.eqv` op tests.
//! - [`Verdict`]: `Proven`, `Refuted` (a counterexample from the function entry),
//!   `Unknown` (the limit hit, or a counterexample from an assumed loop state that may be
//!   unreachable), `Unsupported` (names the construct).
//!
//! Invariants: this is the only package of the workspace that links z3. Nothing here panics
//! on bad input; every problem becomes a verdict. C preconditions are assumptions, Rust
//! preconditions obligations; nothing is proven that the solver did not prove.

pub mod api;
pub mod check;
pub mod encode;
pub mod exec;
pub mod replay;
pub mod rust;
pub mod sym;

pub use api::{BlockReport, CrateReport, FuncReport, FuncStatus, Options};
pub use check::verify_crate;

use encode::{EncodeError, Encoder, Term};
use std::collections::BTreeMap;
use xl_interp::{ops, Fault, IntVal, Val};
use xl_ir::{Block, Func, Op, PlaceBase, Terminator, Type, Value, Var};
use z3::ast::Bool;
use z3::{Config, Context, Params, SatResult, Solver};

/// The outcome of one equivalence query.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Equivalent on every input where the source block is defined.
    Proven,
    /// Not equivalent: a replayed witness.
    Refuted {
        /// Inputs on which the two blocks differ.
        counterexample: Counterexample,
    },
    /// Not settled: the solver hit its limit, the replay disagreed with the solver, or the IR
    /// is malformed; says which.
    Unknown {
        /// The limit or the reason, in words.
        limit: String,
    },
    /// The blocks use something the checker does not handle yet; names it.
    Unsupported {
        /// The construct (an op mnemonic, a terminator, a type...).
        construct: String,
    },
}

/// A concrete input on which the candidate differs from the source, as plain data.
#[derive(Clone, Debug, PartialEq)]
pub struct Counterexample {
    /// Parameter name (from the source function) and value, in parameter order.
    pub inputs: Vec<(String, Val)>,
    /// What the source block returns on these inputs (`None` for `return` without a value).
    pub src_result: Option<Val>,
    /// What the candidate does: returns a different value, or violates a precondition (the
    /// message from the interpreter).
    pub cand_result: Result<Option<Val>, String>,
}

impl std::fmt::Display for Counterexample {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, (name, v)) in self.inputs.iter().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            write!(f, "{name} = {v}")?;
        }
        let show = |v: &Option<Val>| v.as_ref().map_or("nothing".to_string(), |v| v.to_string());
        write!(f, ": source returns {}, candidate ", show(&self.src_result))?;
        match &self.cand_result {
            Ok(v) => write!(f, "returns {}", show(v)),
            Err(e) => write!(f, "is undefined ({e})"),
        }
    }
}

/// Why a block could not be evaluated (symbolically or concretely).
enum BlockError {
    Unsupported(String),
    Malformed(String),
}

impl From<EncodeError> for BlockError {
    fn from(e: EncodeError) -> BlockError {
        match e {
            EncodeError::Unsupported(s) => BlockError::Unsupported(s),
            EncodeError::Malformed(s) => BlockError::Malformed(s),
        }
    }
}

/// The name of an op outside the supported subset (memory, pointers, calls, floats).
fn op_name(op: &Op) -> String {
    match op {
        Op::Fconst(_) => "fconst".into(),
        Op::Str(_) => "str".into(),
        Op::Null => "null".into(),
        Op::FuncAddr(_) => "funcaddr".into(),
        Op::Fcmp { cond, .. } => format!("fcmp {}", cond.mnemonic()),
        Op::Load(_) => "load from memory, a global or a part of a variable".into(),
        Op::Store(..) => "store to memory, a global or a part of a variable".into(),
        Op::Addr(_) => "addr".into(),
        Op::PtrAdd { .. } => "ptradd".into(),
        Op::PtrDiff { .. } => "ptrdiff".into(),
        Op::Call { .. } => "call".into(),
        Op::Iconst(_) => "iconst".into(),
        Op::Bconst(_) => "bconst".into(),
        Op::Unary { op, .. } => op.mnemonic().into(),
        Op::Binary { op, .. } => op.mnemonic().into(),
        Op::Icmp { .. } => "icmp".into(),
        Op::Cast { kind, .. } => kind.mnemonic().into(),
        Op::Select { .. } => "select".into(),
    }
}

/// The shape checks both evaluators share: no block parameters, a `return` terminator.
fn block_shape(f: &Func, b: Block) -> Result<Option<Value>, BlockError> {
    let Some(data) = f.blocks.get(b) else {
        return Err(BlockError::Malformed(format!(
            "{b} is not a block of {}",
            f.name
        )));
    };
    if !data.params.is_empty() {
        return Err(BlockError::Unsupported("block parameters".into()));
    }
    match &data.term {
        Terminator::Return(v) => Ok(*v),
        Terminator::Jump(_) => Err(BlockError::Unsupported("terminator `jump`".into())),
        Terminator::Branch { .. } => Err(BlockError::Unsupported("terminator `br`".into())),
        Terminator::Switch { .. } => Err(BlockError::Unsupported("terminator `switch`".into())),
        Terminator::Unreachable => Err(BlockError::Unsupported("terminator `unreachable`".into())),
    }
}

/// The variable a `load`/`store` place names, if it is a whole variable.
fn whole_var(place: &xl_ir::Place) -> Option<Var> {
    match place.base {
        PlaceBase::Var(v) if place.proj.is_empty() => Some(v),
        _ => None,
    }
}

/// A block's symbolic effect: its returned term and the conjunction of its preconditions.
struct SymOut<'ctx> {
    ret: Option<Term<'ctx>>,
    pre: Bool<'ctx>,
}

fn sym_block<'ctx>(
    enc: &Encoder<'ctx>,
    f: &Func,
    b: Block,
    inputs: &[Term<'ctx>],
) -> Result<SymOut<'ctx>, BlockError> {
    let ret = block_shape(f, b)?;
    let mut vars: BTreeMap<Var, Term<'ctx>> = f
        .params
        .iter()
        .copied()
        .zip(inputs.iter().cloned())
        .collect();
    let mut vals: BTreeMap<Value, Term<'ctx>> = BTreeMap::new();
    let mut pres: Vec<Bool<'ctx>> = Vec::new();
    let get = |vals: &BTreeMap<Value, Term<'ctx>>, v: Value| {
        vals.get(&v)
            .cloned()
            .ok_or_else(|| BlockError::Malformed(format!("{v} is used before it is defined")))
    };
    for &inst in &f.blocks[b].insts {
        let Some(data) = f.insts.get(inst) else {
            return Err(BlockError::Malformed(format!("{inst} does not exist")));
        };
        let ty_of = |v: Value| f.values.get(v).map(|d| d.ty.clone()).unwrap_or(Type::Void);
        let res_ty = data.result.map(ty_of).unwrap_or(Type::Void);
        let (term, pre) = match &data.op {
            Op::Iconst(v) => match res_ty {
                Type::Int(t) => (enc.iconst(t, *v), None),
                _ => return Err(BlockError::Malformed("iconst of a non-integer type".into())),
            },
            Op::Bconst(x) => (enc.bconst(*x), None),
            Op::Unary { op, arg, nsw } => {
                let (t, p) = enc.encode_unary(*op, *nsw, &ty_of(*arg), &get(&vals, *arg)?)?;
                (t, Some(p))
            }
            Op::Binary { op, lhs, rhs, nsw } => {
                let (t, p) = enc.encode_binary(
                    *op,
                    *nsw,
                    &ty_of(*lhs),
                    &get(&vals, *lhs)?,
                    &get(&vals, *rhs)?,
                )?;
                (t, Some(p))
            }
            Op::Icmp { cond, lhs, rhs } => {
                let (t, p) =
                    enc.encode_icmp(*cond, &ty_of(*lhs), &get(&vals, *lhs)?, &get(&vals, *rhs)?)?;
                (t, Some(p))
            }
            Op::Cast { kind, arg } => {
                let (t, p) = enc.encode_cast(*kind, &ty_of(*arg), &res_ty, &get(&vals, *arg)?)?;
                (t, Some(p))
            }
            Op::Select {
                cond,
                if_true,
                if_false,
            } => {
                let (t, p) = enc.encode_select(
                    &get(&vals, *cond)?,
                    &get(&vals, *if_true)?,
                    &get(&vals, *if_false)?,
                )?;
                (t, Some(p))
            }
            Op::Load(place) => {
                let Some(var) = whole_var(place) else {
                    return Err(BlockError::Unsupported(op_name(&data.op)));
                };
                match vars.get(&var) {
                    Some(t) => (t.clone(), None),
                    None => {
                        return Err(BlockError::Unsupported(format!(
                            "load of {var} before the block writes it (not a parameter)"
                        )))
                    }
                }
            }
            Op::Store(place, v) => {
                let Some(var) = whole_var(place) else {
                    return Err(BlockError::Unsupported(op_name(&data.op)));
                };
                vars.insert(var, get(&vals, *v)?);
                continue;
            }
            other => return Err(BlockError::Unsupported(op_name(other))),
        };
        if let Some(p) = pre {
            pres.push(p);
        }
        match data.result {
            Some(r) => {
                vals.insert(r, term);
            }
            None => return Err(BlockError::Malformed(format!("{inst} has no result"))),
        }
    }
    let ret = match ret {
        Some(v) => Some(get(&vals, v)?),
        None => None,
    };
    let refs: Vec<&Bool<'ctx>> = pres.iter().collect();
    Ok(SymOut {
        ret,
        pre: Bool::and(enc.ctx(), &refs),
    })
}

/// What a block does on concrete inputs.
enum Outcome {
    Returned(Option<Val>),
    Ub(String),
    Malformed(String),
}

/// Runs a block on concrete parameter values with the interpreter's single-op evaluators.
fn run_block(f: &Func, b: Block, inputs: &[Val]) -> Outcome {
    let ret = match block_shape(f, b) {
        Ok(r) => r,
        Err(BlockError::Unsupported(s) | BlockError::Malformed(s)) => return Outcome::Malformed(s),
    };
    let mut vars: BTreeMap<Var, Val> = f
        .params
        .iter()
        .copied()
        .zip(inputs.iter().cloned())
        .collect();
    let mut vals: BTreeMap<Value, Val> = BTreeMap::new();
    macro_rules! get {
        ($v:expr) => {
            match vals.get(&$v) {
                Some(x) => x.clone(),
                None => return Outcome::Malformed(format!("{} is used before it is defined", $v)),
            }
        };
    }
    for &inst in &f.blocks[b].insts {
        let Some(data) = f.insts.get(inst) else {
            return Outcome::Malformed(format!("{inst} does not exist"));
        };
        let res_ty = data
            .result
            .and_then(|v| f.values.get(v))
            .map(|d| d.ty.clone())
            .unwrap_or(Type::Void);
        let r: Result<Val, Fault> = match &data.op {
            Op::Iconst(v) => match res_ty {
                Type::Int(t) => Ok(Val::int(t, *v)),
                _ => return Outcome::Malformed("iconst of a non-integer type".into()),
            },
            Op::Bconst(x) => Ok(Val::Bool(*x)),
            Op::Unary { op, arg, nsw } => ops::unary(*op, *nsw, &get!(*arg)),
            Op::Binary { op, lhs, rhs, nsw } => ops::binary(*op, *nsw, &get!(*lhs), &get!(*rhs)),
            Op::Icmp { cond, lhs, rhs } => {
                ops::icmp(*cond, &get!(*lhs), &get!(*rhs)).map(Val::Bool)
            }
            Op::Cast { kind, arg } => ops::cast(*kind, &get!(*arg), &res_ty),
            Op::Select {
                cond,
                if_true,
                if_false,
            } => match get!(*cond) {
                Val::Bool(true) => Ok(get!(*if_true)),
                Val::Bool(false) => Ok(get!(*if_false)),
                _ => return Outcome::Malformed("select: condition is not a bool".into()),
            },
            Op::Load(place) => {
                let Some(var) = whole_var(place) else {
                    return Outcome::Malformed(format!("unsupported {}", op_name(&data.op)));
                };
                match vars.get(&var) {
                    Some(v) => Ok(v.clone()),
                    None => return Outcome::Malformed(format!("load of unwritten {var}")),
                }
            }
            Op::Store(place, v) => {
                let Some(var) = whole_var(place) else {
                    return Outcome::Malformed(format!("unsupported {}", op_name(&data.op)));
                };
                vars.insert(var, get!(*v));
                continue;
            }
            other => return Outcome::Malformed(format!("unsupported op {}", op_name(other))),
        };
        match (r, data.result) {
            (Ok(v), Some(res)) => {
                vals.insert(res, v);
            }
            (Ok(_), None) => return Outcome::Malformed(format!("{inst} has no result")),
            (Err(Fault::Ub(m)), _) => return Outcome::Ub(m),
            (Err(other), _) => return Outcome::Malformed(format!("{other:?}")),
        }
    }
    match ret {
        Some(v) => Outcome::Returned(Some(get!(v))),
        None => Outcome::Returned(None),
    }
}

/// Proves that block `block_cand` of `f_cand` computes what block `block_src` of `f_src`
/// computes, for every parameter value on which the source block is defined (its
/// preconditions hold): the candidate is defined there too and returns the same value.
///
/// Both blocks must be straight-line (no block parameters) and end in `return`; the two
/// functions must have the same parameter types, matched by position. `timeout_ms` bounds the
/// solver (0 means no limit). A counterexample found by the solver is replayed on the
/// interpreter before [`Verdict::Refuted`] is returned; if the replay disagrees the verdict is
/// [`Verdict::Unknown`].
pub fn check_blocks_equivalent(
    f_src: &Func,
    block_src: Block,
    f_cand: &Func,
    block_cand: Block,
    timeout_ms: u32,
) -> Verdict {
    let unsupported = |construct: String| Verdict::Unsupported { construct };
    let param_tys = |f: &Func| -> Vec<Type> {
        f.params
            .iter()
            .map(|&p| f.vars.get(p).map(|d| d.ty.clone()).unwrap_or(Type::Void))
            .collect()
    };
    let (tys, cand_tys) = (param_tys(f_src), param_tys(f_cand));
    if tys != cand_tys {
        return unsupported(format!(
            "different parameter types ({} has {}, {} has {})",
            f_src.name,
            tys.len(),
            f_cand.name,
            cand_tys.len()
        ));
    }
    let names: Vec<String> = f_src
        .params
        .iter()
        .map(|&p| {
            f_src
                .vars
                .get(p)
                .map(|d| d.name.clone())
                .unwrap_or_default()
        })
        .collect();

    let ctx = Context::new(&Config::new());
    let enc = Encoder::new(&ctx);
    let mut inputs = Vec::new();
    for (i, (name, ty)) in names.iter().zip(&tys).enumerate() {
        // Z3 symbols are numbered, not named after the (arbitrary) source names.
        match enc.input(&format!("in{i}"), ty) {
            Ok(t) => inputs.push(t),
            Err(e) => return unsupported(format!("parameter `{name}`: {e}")),
        }
    }
    let sym = |f: &Func, b: Block| match sym_block(&enc, f, b, &inputs) {
        Ok(o) => Ok(o),
        Err(BlockError::Unsupported(s)) => Err(unsupported(s)),
        Err(BlockError::Malformed(s)) => Err(Verdict::Unknown {
            limit: format!("malformed IR in {}: {s}", f.name),
        }),
    };
    let src = match sym(f_src, block_src) {
        Ok(o) => o,
        Err(v) => return v,
    };
    let cand = match sym(f_cand, block_cand) {
        Ok(o) => o,
        Err(v) => return v,
    };
    let same_out = match (&src.ret, &cand.ret) {
        (None, None) => Bool::from_bool(&ctx, true),
        (Some(a), Some(b)) => match a.eq_term(b) {
            Some(e) => e,
            None => return unsupported("different return types".into()),
        },
        _ => return unsupported("one block returns a value, the other does not".into()),
    };

    let solver = Solver::new(&ctx);
    if timeout_ms > 0 {
        let mut p = Params::new(&ctx);
        p.set_u32("timeout", timeout_ms);
        solver.set_params(&p);
    }
    solver.assert(&src.pre);
    solver.assert(&Bool::and(&ctx, &[&cand.pre, &same_out]).not());
    match solver.check() {
        SatResult::Unsat => Verdict::Proven,
        SatResult::Unknown => Verdict::Unknown {
            limit: format!(
                "z3 returned unknown (timeout {timeout_ms} ms): {}",
                solver.get_reason_unknown().unwrap_or_default()
            ),
        },
        SatResult::Sat => {
            let Some(model) = solver.get_model() else {
                return Verdict::Unknown {
                    limit: "z3 said sat but gave no model".into(),
                };
            };
            let mut vals = Vec::new();
            for (t, ty) in inputs.iter().zip(&tys) {
                let v = match (t, ty) {
                    (Term::Int(bv), Type::Int(it)) => model
                        .eval(bv, true)
                        .and_then(|x| x.as_u64())
                        .map(|bits| Val::Int(IntVal::from_bits(*it, bits))),
                    (Term::Bool(b), Type::Bool) => {
                        model.eval(b, true).and_then(|x| x.as_bool()).map(Val::Bool)
                    }
                    _ => None,
                };
                match v {
                    Some(v) => vals.push(v),
                    None => {
                        return Verdict::Unknown {
                            limit: "z3 model has no value for an input".into(),
                        }
                    }
                }
            }
            replay(f_src, block_src, f_cand, block_cand, names, vals)
        }
    }
}

/// Confirms a solver counterexample on the interpreter: the source must be defined and the
/// candidate undefined or different. Anything else is `Unknown` (solver and interpreter
/// disagree: a bug in the encoding or the interpreter, never reported as a refutation).
fn replay(
    f_src: &Func,
    block_src: Block,
    f_cand: &Func,
    block_cand: Block,
    names: Vec<String>,
    vals: Vec<Val>,
) -> Verdict {
    let disagree = |what: String| Verdict::Unknown {
        limit: format!("counterexample replay disagrees with z3: {what}"),
    };
    let src_result = match run_block(f_src, block_src, &vals) {
        Outcome::Returned(r) => r,
        Outcome::Ub(m) => return disagree(format!("the source is undefined ({m})")),
        Outcome::Malformed(m) => return disagree(format!("the source cannot run ({m})")),
    };
    let cand_result = match run_block(f_cand, block_cand, &vals) {
        Outcome::Returned(r) if r == src_result => {
            return disagree("both return the same value".into())
        }
        Outcome::Returned(r) => Ok(r),
        Outcome::Ub(m) => Err(m),
        Outcome::Malformed(m) => return disagree(format!("the candidate cannot run ({m})")),
    };
    Verdict::Refuted {
        counterexample: Counterexample {
            inputs: names.into_iter().zip(vals).collect(),
            src_result,
            cand_result,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xl_ir::text::parse_module;

    const SDIV_IDENTITY: &str = r#"
func fn0 "src"(var0, var1) -> i32 {
    param var0 "x": i32
    param var1 "y": i32
block0:
    v0: i32 = load var0
    v1: i32 = load var1
    v2: i32 = sdiv v0, v1
    v3: i32 = mul v2, v1
    v4: i32 = sub v0, v3
    return v4
}
func fn1 "cand"(var0, var1) -> i32 {
    param var0 "x": i32
    param var1 "y": i32
block0:
    v0: i32 = load var0
    v1: i32 = load var1
    v2: i32 = srem v0, v1
    return v2
}
"#;

    fn funcs(m: &xl_ir::Module) -> (&Func, &Func) {
        let src = &m.funcs[m.func_by_name("src").expect("src")];
        let cand = &m.funcs[m.func_by_name("cand").expect("cand")];
        (src, cand)
    }

    #[test]
    fn solver_limit_gives_unknown_not_a_verdict() {
        // 32-bit division identities take Z3 far longer than 1 ms.
        let m = parse_module(SDIV_IDENTITY).expect("parses");
        let (src, cand) = funcs(&m);
        let v = check_blocks_equivalent(src, src.entry, cand, cand.entry, 1);
        assert!(
            matches!(&v, Verdict::Unknown { limit } if limit.contains("timeout 1 ms")),
            "{v:?}"
        );
    }

    #[test]
    fn replay_that_disagrees_is_unknown() {
        // Inputs on which both blocks agree: a (hypothetical) wrong model must not become a
        // refutation.
        let m = parse_module(SDIV_IDENTITY).expect("parses");
        let (src, cand) = funcs(&m);
        let names = vec!["x".to_string(), "y".to_string()];
        let v = replay(
            src,
            src.entry,
            cand,
            cand.entry,
            names.clone(),
            vec![Val::i32(-7), Val::i32(2)],
        );
        assert!(
            matches!(&v, Verdict::Unknown { limit } if limit.contains("same value")),
            "{v:?}"
        );
        // Inputs where the source itself is undefined are not counterexamples either.
        let v = replay(
            src,
            src.entry,
            cand,
            cand.entry,
            names,
            vec![Val::i32(1), Val::i32(0)],
        );
        assert!(
            matches!(&v, Verdict::Unknown { limit } if limit.contains("source is undefined")),
            "{v:?}"
        );
    }
}
