//! Whole-function checking: pairs a C function with its Rust function (lowered into the IR by
//! [`crate::rust`]), cuts both CFGs at their entry and loop headers, and proves each region
//! between cut points equivalent under the state relation.
//!
//! The method, per pair of cut points `(hc, hr)` (starting with the two entries):
//! 1. Build the entry state: at the function entry, parameters are shared fresh inputs
//!    (pointer parameters point to per-parameter objects of symbolic length), locals are zero
//!    (a C local read before written has an unspecified value; zero is one of its values, and
//!    the one the Rust gets), globals and the world are shared fresh constants. At a loop
//!    header, every object is fresh; the objects the relation pairs (globals, parameter
//!    pointees, and each C variable live at the header with the Rust local of the same emitted
//!    name) get the *same* fresh constants. Pointers keep the object and fields they had when
//!    the header was first reached (later arrivals must agree; else: unsupported).
//! 2. Run both regions ([`crate::exec::run_region`]).
//! 3. Pair new loop headers: a model of "C goes to header h" says which Rust header the Rust
//!    reaches on the same input.
//! 4. Prove: under the C preconditions (undefined behaviour is assumed away), the Rust
//!    preconditions hold (no panic) and each C exit is matched by the paired Rust exit with
//!    related states: equal related objects and world at headers; equal result, world, mutable
//!    globals and parameter pointees at returns; equal world at program exit.
//!
//! By induction over execution steps, all regions proven means the functions are equivalent
//! (assuming callees are, which their own proofs establish). A function is proven only when
//! every region is proven and every reachable C block lies in an explored region.

use crate::api::{BlockReport, CrateReport, FuncReport, FuncStatus, Options};
use crate::encode::Encoder;
use crate::exec::{run_region, Exit, ExitKind, Side};
use crate::sym::{const_of, Cells, Leaf, Obj, ObjName, PStep, State, Sym, SymError, SymPtr};
use crate::{Counterexample, Verdict};
use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;
use xl_base::EntityRef;
use xl_emit::NameMap;
use xl_ir::{Block, Func, FuncId, Module, Op, PlaceBase, Type, Var, VarKind};
use z3::ast::{Ast, Bool, BV};
use z3::{Config, Context, Params, SatResult, Solver};

/// Checks the Rust crate `files` (`(path, contents)`, as written by the emitter or read back
/// from disk; `src/main.rs` or `src/lib.rs` is read) against the C module it was translated
/// from. `names` says which Rust item stands for which C item.
pub fn verify_crate(
    module: &Module,
    names: &NameMap,
    files: &[(String, String)],
    opts: &Options,
) -> CrateReport {
    let lowered = crate::rust::lower_crate(files, module, names);
    let mut report = CrateReport {
        diagnostics: lowered.diagnostics.clone(),
        ..CrateReport::default()
    };
    // Functions are independent (each has its own Z3 context): check them on a few threads,
    // keeping module order in the report.
    let jobs: Vec<(FuncId, &Func)> = module.funcs.iter().collect();
    let results: Vec<std::sync::Mutex<Option<FuncReport>>> =
        jobs.iter().map(|_| std::sync::Mutex::new(None)).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(jobs.len().max(1));
    let lowered = &lowered;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&(fid, f)) = jobs.get(i) else { break };
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    check_one(module, names, lowered, fid, f, opts)
                }))
                .unwrap_or_else(|_| FuncReport {
                    name: f.name.clone(),
                    rust_name: f.name.clone(),
                    status: FuncStatus::Failed {
                        block: None,
                        verdict: Verdict::Unknown {
                            limit: "internal error in the checker (a bug; please report)".into(),
                        },
                    },
                    blocks: Vec::new(),
                    query_ms: Vec::new(),
                    block_ms: Vec::new(),
                });
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(r);
                }
            });
        }
    });
    for slot in results {
        if let Some(r) = slot.into_inner().ok().flatten() {
            report.functions.push(r);
        }
    }
    for d in &module.decls {
        let rust_name = names
            .decls
            .iter()
            .find(|(c, _)| *c == d.name)
            .map_or_else(|| d.name.clone(), |(_, r)| r.clone());
        report.functions.push(FuncReport {
            name: d.name.clone(),
            rust_name,
            status: FuncStatus::NotTranslated,
            blocks: Vec::new(),
            query_ms: Vec::new(),
            block_ms: Vec::new(),
        });
    }
    report
}

/// Checks one C function against its Rust counterpart in `lowered`.
fn check_one(
    module: &Module,
    names: &NameMap,
    lowered: &crate::rust::Lowered,
    fid: FuncId,
    f: &Func,
    opts: &Options,
) -> FuncReport {
    let rust_name = names
        .funcs
        .iter()
        .find(|(id, _)| *id == fid)
        .map_or_else(|| f.name.clone(), |(_, n)| n.clone());
    let lf = lowered.funcs.iter().find(|l| l.c_func == fid);
    let fail = |verdict: Verdict| FuncReport {
        name: f.name.clone(),
        rust_name: rust_name.clone(),
        status: FuncStatus::Failed {
            block: None,
            verdict,
        },
        blocks: Vec::new(),
        query_ms: Vec::new(),
        block_ms: Vec::new(),
    };
    match lf.map(|l| &l.result) {
        None => fail(Verdict::Unsupported {
            construct: format!("no Rust function `{rust_name}` found in the crate"),
        }),
        Some(Err(u)) => fail(Verdict::Unsupported {
            construct: format!("{} at {}", u.construct, u.span),
        }),
        Some(Ok(rid)) => {
            let locals = names
                .locals
                .iter()
                .find(|(id, _)| *id == fid)
                .map(|(_, l)| l.clone())
                .unwrap_or_default();
            let mut r = verify_func(module, fid, &lowered.module, *rid, &locals, opts);
            r.rust_name = rust_name.clone();
            r
        }
    }
}

/// Proves function `cfid` of `cmod` equivalent to `rfid` of `rmod` (which shares `cmod`'s
/// structs and globals). `locals` names the Rust binding of C variables.
pub fn verify_func(
    cmod: &Module,
    cfid: FuncId,
    rmod: &Module,
    rfid: FuncId,
    locals: &[(Var, String)],
    opts: &Options,
) -> FuncReport {
    let cf = &cmod.funcs[cfid];
    let rf = &rmod.funcs[rfid];
    let mut cfg = Config::new();
    cfg.set_model_generation(true);
    let z = Context::new(&cfg);
    let user_funcs: BTreeSet<String> = cmod
        .funcs
        .iter()
        .map(|(_, f)| f.name.clone())
        .chain(cmod.decls.iter().map(|d| d.name.clone()))
        .collect();
    let mut fc = FuncCheck::new(&z, cmod, cf, rmod, rf, locals, &user_funcs, opts);
    fc.replay = Some(ReplayCx {
        cmod,
        cfid,
        rmod,
        rfid,
    });
    let status = fc.run();
    let mut blocks = Vec::new();
    let reachable: BTreeSet<Block> = xl_ir::cfg::Cfg::compute(cf)
        .reverse_post_order(cf)
        .into_iter()
        .collect();
    let mut first_fail: Option<(Block, Verdict)> = None;
    let mut block_ms = Vec::new();
    for (b, _) in cf.blocks.iter() {
        let v = match fc.block_verdicts.get(&b) {
            Some(v) => v.clone(),
            None if !reachable.contains(&b) => continue,
            None => match &status {
                Err(v) => v.clone(),
                Ok(()) => Verdict::Unknown {
                    limit: "not reached by the exploration".into(),
                },
            },
        };
        if !matches!(v, Verdict::Proven) && first_fail.is_none() {
            first_fail = Some((b, v.clone()));
        }
        blocks.push(BlockReport {
            block: b.to_string(),
            verdict: v,
        });
        block_ms.push(fc.block_time.get(&b).copied().unwrap_or(0.0));
    }
    let status = match (status, first_fail) {
        (Err(v), _) => FuncStatus::Failed {
            block: None,
            verdict: v,
        },
        (Ok(()), Some((b, v))) => FuncStatus::Failed {
            block: Some(b.to_string()),
            verdict: v,
        },
        (Ok(()), None) => FuncStatus::Proven,
    };
    FuncReport {
        name: cf.name.clone(),
        rust_name: rf.name.clone(),
        status,
        blocks,
        query_ms: fc.query_ms,
        block_ms,
    }
}

fn worse(a: &Verdict, b: &Verdict) -> bool {
    let rank = |v: &Verdict| match v {
        Verdict::Proven => 0,
        Verdict::Unknown { .. } => 1,
        Verdict::Unsupported { .. } => 2,
        Verdict::Refuted { .. } => 3,
    };
    rank(a) > rank(b)
}

fn sym_verdict(e: SymError) -> Verdict {
    match e {
        SymError::Unsupported(construct) => Verdict::Unsupported { construct },
        SymError::Malformed(m) => Verdict::Unknown {
            limit: format!("malformed IR: {m}"),
        },
    }
}

struct FuncCheck<'c, 'a> {
    sym: Sym<'c>,
    enc: Encoder<'c>,
    cf: &'a Func,
    rf: &'a Func,
    c_side: Side<'a>,
    r_side: Side<'a>,
    c_cuts: BTreeSet<Block>,
    r_cuts: BTreeSet<Block>,
    /// Natural loop bodies by header.
    c_loops: BTreeMap<Block, BTreeSet<Block>>,
    r_loops: BTreeMap<Block, BTreeSet<Block>>,
    /// C variables live at the start of each C block.
    live: BTreeMap<Block, BTreeSet<Var>>,
    /// Relation name of each C variable.
    c_names: BTreeMap<Var, String>,
    opts: &'a Options,
    block_verdicts: BTreeMap<Block, Verdict>,
    query_ms: Vec<f64>,
    /// Proof time attributed to each C block.
    block_time: BTreeMap<Block, f64>,
    /// Assumptions valid everywhere (bounds on parameter lengths).
    axioms: Vec<Bool<'c>>,
    /// The Rust-lowered module.
    r_module: &'a Module,
    /// The modules and function ids, for concrete replay of counterexamples.
    replay: Option<ReplayCx<'a>>,
    /// The region being proven: `(C start, Rust start, C blocks, Rust blocks)`.
    region: (Block, Block, Vec<Block>, Vec<Block>),
}

/// The assumed states at a loop header pair.
struct Pattern<'c> {
    c: State<'c>,
    r: State<'c>,
    /// Objects that keep their arriving values (every arrival must bring the same).
    kept: BTreeSet<ObjName>,
}

/// What a loop body may write.
struct Writes {
    vars: BTreeSet<ObjName>,
    globals: bool,
    memory: bool,
    escaped_calls: bool,
}

impl Writes {
    fn may_write(&self, n: &ObjName) -> bool {
        match n {
            ObjName::Local(_) => self.vars.contains(n),
            ObjName::Global(_) => self.globals,
            ObjName::Param(_) => self.memory,
            _ => false,
        }
    }
}

/// Conservatively, the objects the loop of `header` may write (everything when there is no
/// natural loop).
fn modified_objects(f: &Func, side: &Side<'_>, body: Option<&BTreeSet<Block>>) -> Writes {
    // A variable's address escapes into a loop when it is taken inside the loop or stored
    // anywhere (a pointer variable may carry it in). Addresses passed straight to a call
    // outside the loop do not: callees do not retain pointers beyond the call (what the Rust
    // borrow types of the translation guarantee).
    let mut escaped = side.addressable.clone();
    if let Some(body) = body {
        for b in body {
            for &i in &f.blocks[*b].insts {
                if let Op::Addr(p) = &f.insts[i].op {
                    if let PlaceBase::Var(v) = p.base {
                        escaped.insert(side.var_obj[&v].clone());
                    }
                }
            }
        }
    }
    let all = || Writes {
        vars: side.var_obj.values().cloned().collect(),
        globals: true,
        memory: true,
        escaped_calls: true,
    };
    let Some(body) = body else { return all() };
    let mut w = Writes {
        vars: BTreeSet::new(),
        globals: false,
        memory: false,
        escaped_calls: false,
    };
    for b in body {
        for &i in &f.blocks[*b].insts {
            match &f.insts[i].op {
                Op::Store(p, _) => match p.base {
                    PlaceBase::Var(v) => {
                        w.vars.insert(side.var_obj[&v].clone());
                    }
                    PlaceBase::Global(_) => w.globals = true,
                    PlaceBase::Deref(_) => {
                        w.memory = true;
                        w.escaped_calls = true;
                    }
                },
                Op::Call { .. } => {
                    w.globals = true;
                    w.memory = true;
                    w.escaped_calls = true;
                }
                _ => {}
            }
        }
    }
    if w.escaped_calls {
        w.vars.extend(escaped);
    }
    w
}

/// What replay needs to run the two functions on the interpreter.
pub struct ReplayCx<'a> {
    /// The C module and function.
    pub cmod: &'a Module,
    /// Its id.
    pub cfid: FuncId,
    /// The Rust-lowered module and function.
    pub rmod: &'a Module,
    /// Its id.
    pub rfid: FuncId,
}

impl<'c, 'a> FuncCheck<'c, 'a> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        z: &'c Context,
        cmod: &'c Module,
        cf: &'a Func,
        rmod: &'a Module,
        rf: &'a Func,
        locals: &[(Var, String)],
        user_funcs: &'a BTreeSet<String>,
        opts: &'a Options,
    ) -> FuncCheck<'c, 'a>
    where
        'c: 'a,
    {
        let c_names: BTreeMap<Var, String> = cf
            .vars
            .iter()
            .map(|(v, _)| {
                let n = locals
                    .iter()
                    .find(|(x, _)| *x == v)
                    .map_or_else(|| format!("$c{}", v.index()), |(_, n)| n.clone());
                (v, n)
            })
            .collect();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, d) in rf.vars.iter() {
            *counts.entry(d.name.as_str()).or_default() += 1;
        }
        let r_names: BTreeMap<Var, String> = rf
            .vars
            .iter()
            .map(|(v, d)| {
                let n = if counts.get(d.name.as_str()) == Some(&1) && !d.name.is_empty() {
                    d.name.clone()
                } else {
                    format!("$r{}", v.index())
                };
                (v, n)
            })
            .collect();
        let func_names: Vec<String> = cmod.funcs.iter().map(|(_, f)| f.name.clone()).collect();
        // What raw pointers may reach must be the same set on both sides (the callee gets it),
        // so take the union of the two sides' stored addresses.
        let mut reach = stored_addresses(cf, &c_names);
        reach.extend(stored_addresses(rf, &r_names));
        let c_side = Side {
            addressable: reach.clone(),
            func: cf,
            var_obj: c_names
                .iter()
                .map(|(v, n)| (*v, ObjName::Local(n.clone())))
                .collect(),
            func_names: func_names.clone(),
            user_funcs,
        };
        let r_side = Side {
            addressable: reach,
            func: rf,
            var_obj: r_names
                .iter()
                .map(|(v, n)| (*v, ObjName::Local(n.clone())))
                .collect(),
            func_names,
            user_funcs,
        };
        FuncCheck {
            sym: Sym { z, module: cmod },
            enc: Encoder::new(z),
            cf,
            rf,
            c_side,
            r_side,
            c_cuts: cut_points(cf),
            r_cuts: cut_points(rf),
            live: liveness(cf),
            c_loops: loop_bodies(cf),
            r_loops: loop_bodies(rf),
            c_names,
            opts,
            block_verdicts: BTreeMap::new(),
            query_ms: Vec::new(),
            block_time: BTreeMap::new(),
            axioms: Vec::new(),
            replay: None,
            r_module: rmod,
            region: (cf.entry, rf.entry, Vec::new(), Vec::new()),
        }
    }

    fn record(&mut self, blocks: &[Block], v: &Verdict) {
        for b in blocks {
            let e = self.block_verdicts.entry(*b).or_insert(Verdict::Proven);
            if worse(v, e) {
                *e = v.clone();
            }
        }
    }

    /// Explores all cut-point pairs; `Err` for a function-level failure.
    fn run(&mut self) -> Result<(), Verdict> {
        if self.cf.params.len() != self.rf.params.len() {
            return Err(Verdict::Unsupported {
                construct: format!(
                    "the Rust function has {} parameters, the C function {}",
                    self.rf.params.len(),
                    self.cf.params.len()
                ),
            });
        }
        let (sc, sr) = self.entry_states().map_err(sym_verdict)?;
        let mut pairs: BTreeMap<Block, Block> = BTreeMap::new();
        pairs.insert(self.cf.entry, self.rf.entry);
        let mut patterns: BTreeMap<Block, Pattern<'c>> = BTreeMap::new();
        let mut work: Vec<(Block, Block, State<'c>, State<'c>)> =
            vec![(self.cf.entry, self.rf.entry, sc, sr)];
        while let Some((hc, hr, sc, sr)) = work.pop() {
            let q0 = self.query_ms.len();
            let outc = match run_region(
                &self.sym,
                &self.enc,
                &self.c_side,
                hc,
                &self.c_cuts,
                sc.clone(),
            ) {
                Ok(o) => o,
                Err(e) => {
                    let v = sym_verdict(e);
                    self.record(&[hc], &v);
                    continue;
                }
            };
            let v = match run_region(
                &self.sym,
                &self.enc,
                &self.r_side,
                hr,
                &self.r_cuts,
                sr.clone(),
            ) {
                Err(e) => sym_verdict(e),
                Ok(outr) => {
                    // Pair loop headers first reached here.
                    let mut fresh: Vec<(Block, Block, State<'c>, State<'c>)> = Vec::new();
                    let mut verdict = None;
                    for ec in &outc.exits {
                        let ExitKind::Cut(h) = ec.kind else { continue };
                        if pairs.contains_key(&h) {
                            continue;
                        }
                        match self.pair_cut(&outc.pre, ec, &outr.exits) {
                            Ok(Some((r, er_state))) => {
                                if pairs.values().any(|x| *x == r) {
                                    verdict = Some(Verdict::Unsupported {
                                        construct:
                                            "the loop structures of the C and the Rust differ"
                                                .into(),
                                    });
                                    break;
                                }
                                pairs.insert(h, r);
                                fresh.push((h, r, ec.state.clone(), er_state));
                            }
                            Ok(None) => {}
                            Err(v) => {
                                verdict = Some(v);
                                break;
                            }
                        }
                    }
                    let mut new_work = Vec::new();
                    if verdict.is_none() {
                        for (h, r, a, b) in fresh {
                            match self.cut_states(h, r, &a, &b) {
                                Ok(pat) => {
                                    new_work.push((h, r, pat.c.clone(), pat.r.clone()));
                                    patterns.insert(h, pat);
                                }
                                Err(e) => {
                                    verdict = Some(sym_verdict(e));
                                    break;
                                }
                            }
                        }
                    }
                    match verdict {
                        Some(v) => v,
                        None => {
                            work.extend(new_work);
                            self.region = (hc, hr, outc.blocks.clone(), outr.blocks.clone());
                            self.prove(
                                &sc,
                                &sr,
                                &outc.pre,
                                &outc.exits,
                                &outr.pre,
                                &outr.exits,
                                &pairs,
                                &patterns,
                            )
                        }
                    }
                }
            };
            self.record(&outc.blocks, &v);
            let spent: f64 = self.query_ms[q0..].iter().sum();
            let share = spent / outc.blocks.len().max(1) as f64;
            for b in &outc.blocks {
                *self.block_time.entry(*b).or_insert(0.0) += share;
            }
        }
        Ok(())
    }

    /// Decides `asserts` (with the axioms) with a small portfolio of Z3 configurations that
    /// share the time limit: the default solver, the QF_AUFBV logic, then simplification and
    /// equation solving before SMT. Each strategy suits different queries; the first
    /// definite answer wins. The whole call counts as one query in `query_ms`.
    fn solve(&mut self, asserts: &[&Bool<'c>]) -> (SatResult, Option<z3::Model<'c>>) {
        let z = self.sym.z;
        let t = Instant::now();
        let total = self.opts.timeout_ms.max(4);
        let plan = [
            (0u8, total / 4),
            (1, total / 4),
            (2, total - 2 * (total / 4)),
        ];
        let mut out = (SatResult::Unknown, None);
        for (kind, ms) in plan {
            let s = match kind {
                0 => Solver::new(z),
                1 => Solver::new_for_logic(z, "QF_AUFBV").unwrap_or_else(|| Solver::new(z)),
                _ => z3::Tactic::new(z, "simplify")
                    .and_then(&z3::Tactic::new(z, "solve-eqs"))
                    .and_then(&z3::Tactic::new(z, "smt"))
                    .solver(),
            };
            let mut p = Params::new(z);
            p.set_u32("timeout", ms.max(1));
            s.set_params(&p);
            for a in &self.axioms {
                s.assert(a);
            }
            for a in asserts {
                s.assert(a);
            }
            let r = s.check();
            if r != SatResult::Unknown {
                out = (
                    r,
                    if r == SatResult::Sat {
                        s.get_model()
                    } else {
                        None
                    },
                );
                break;
            }
        }
        self.query_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        out
    }

    /// Which Rust header the Rust reaches when the C reaches header `ec`.
    fn pair_cut(
        &mut self,
        pre_c: &Bool<'c>,
        ec: &Exit<'c>,
        rexits: &[Exit<'c>],
    ) -> Result<Option<(Block, State<'c>)>, Verdict> {
        let (r, model) = self.solve(&[pre_c, &ec.cond]);
        match r {
            SatResult::Unsat => Ok(None),
            SatResult::Unknown => Err(Verdict::Unknown {
                limit: format!(
                    "solver limit of {} ms while pairing loop headers",
                    self.opts.timeout_ms
                ),
            }),
            SatResult::Sat => {
                let Some(m) = model else {
                    return Err(Verdict::Unknown {
                        limit: "no model".into(),
                    });
                };
                for er in rexits {
                    if let ExitKind::Cut(r) = er.kind {
                        if m.eval(&er.cond, true).and_then(|b| b.as_bool()) == Some(true) {
                            return Ok(Some((r, er.state.clone())));
                        }
                    }
                }
                Ok(None)
            }
        }
    }

    fn entry_states(&mut self) -> Result<(State<'c>, State<'c>), SymError> {
        let sym = &self.sym;
        let z = sym.z;
        let world = const_of(z, "world.entry", &sym.world_sort());
        let mut base: BTreeMap<ObjName, Obj<'c>> = BTreeMap::new();
        for (g, d) in sym.module.globals.iter() {
            base.insert(
                ObjName::Global(g.index() as u32),
                Obj {
                    ty: d.ty.clone(),
                    len: None,
                    cells: sym.fresh(&d.ty, 0, &format!("global{}", g.index()))?,
                    readonly: d.is_const,
                },
            );
        }
        // Globals only the Rust-lowered module has (zero constants it introduced) are
        // materialised from their initialiser: they are Rust semantics, not related to C.
        let mut rbase = base.clone();
        for (g, d) in self.r_module.globals.iter() {
            let n = ObjName::Global(g.index() as u32);
            if rbase.contains_key(&n) {
                continue;
            }
            let cells = match d.init {
                xl_ir::Init::Zero => sym.zero(&d.ty, 0)?,
                _ => sym.fresh(&d.ty, 0, &format!("rglobal{}", g.index()))?,
            };
            rbase.insert(
                n,
                Obj {
                    ty: d.ty.clone(),
                    len: None,
                    cells,
                    readonly: d.is_const,
                },
            );
        }
        let mut sc = State {
            objs: base,
            world: world.clone(),
        };
        let mut sr = State { objs: rbase, world };
        for (i, (&cv, &rv)) in self.cf.params.iter().zip(&self.rf.params).enumerate() {
            let cty = self.cf.vars[cv].ty.clone();
            let rty = self.rf.vars[rv].ty.clone();
            let val = match &cty {
                Type::Ptr(elem) if !matches!(**elem, Type::Fn(_) | Type::Void) => {
                    if !matches!(rty, Type::Ptr(_)) {
                        return Err(SymError::Unsupported(format!(
                            "parameter {i} is a pointer in C and a {rty} in Rust"
                        )));
                    }
                    let len = BV::new_const(z, format!("len{i}"), 64);
                    self.axioms.push(len.bvule(&sym.u64(1 << 40)));
                    let obj = Obj {
                        ty: (**elem).clone(),
                        len: Some(len),
                        cells: Cells::Array(Box::new(sym.fresh(elem, 1, &format!("param{i}"))?)),
                        readonly: false,
                    };
                    sc.objs.insert(ObjName::Param(i), obj.clone());
                    sr.objs.insert(ObjName::Param(i), obj);
                    Cells::Leaf(Leaf::P(SymPtr {
                        obj: ObjName::Param(i),
                        path: vec![PStep::Index(sym.u64(0))],
                    }))
                }
                _ => sym.fresh(&cty, 0, &format!("arg{i}"))?,
            };
            let cn = self.c_side.var_obj[&cv].clone();
            let rn = self.r_side.var_obj[&rv].clone();
            sc.objs.insert(
                cn,
                Obj {
                    ty: cty.clone(),
                    len: None,
                    cells: val.clone(),
                    readonly: false,
                },
            );
            sr.objs.insert(
                rn,
                Obj {
                    ty: rty,
                    len: None,
                    cells: val,
                    readonly: false,
                },
            );
        }
        for (f, side, st) in [
            (self.cf, &self.c_side, &mut sc),
            (self.rf, &self.r_side, &mut sr),
        ] {
            for (v, d) in f.vars.iter() {
                if d.kind == VarKind::Param {
                    continue;
                }
                let n = side.var_obj[&v].clone();
                st.objs.insert(
                    n,
                    Obj {
                        ty: d.ty.clone(),
                        len: None,
                        cells: sym.zero(&d.ty, 0)?,
                        readonly: false,
                    },
                );
            }
        }
        Ok((sc, sr))
    }

    /// The assumed states at a newly paired loop header, generalised from the first arrival.
    fn cut_states(
        &self,
        hc: Block,
        hr: Block,
        ac: &State<'c>,
        ar: &State<'c>,
    ) -> Result<Pattern<'c>, SymError> {
        let z = self.sym.z;
        let world = const_of(z, &format!("world.h{}", hc.index()), &self.sym.world_sort());
        let live = self.live.get(&hc).cloned().unwrap_or_default();
        let related: BTreeSet<String> = live
            .iter()
            .filter_map(|v| self.c_names.get(v).cloned())
            .collect();
        // Objects neither loop body can change keep their arriving values (checked again at
        // every arrival), so facts established before the loop survive it.
        let c_mod = modified_objects(self.cf, &self.c_side, self.c_loops.get(&hc));
        let r_mod = modified_objects(self.rf, &self.r_side, self.r_loops.get(&hr));
        let mut kept = BTreeSet::new();
        for n in ac.objs.keys().chain(ar.objs.keys()) {
            let (in_c, in_r) = (ac.objs.contains_key(n), ar.objs.contains_key(n));
            if (!in_c || !c_mod.may_write(n)) && (!in_r || !r_mod.may_write(n)) {
                kept.insert(n.clone());
            }
        }
        let gen = |st: &State<'c>, tag: &str| -> Result<State<'c>, SymError> {
            let mut objs = BTreeMap::new();
            for (n, o) in &st.objs {
                if o.readonly || matches!(n, ObjName::Str(_)) || kept.contains(n) {
                    objs.insert(n.clone(), o.clone());
                    continue;
                }
                let shared = match n {
                    ObjName::Global(_) | ObjName::Param(_) => true,
                    ObjName::Local(name) => {
                        related.contains(name) && ac.objs.contains_key(n) && ar.objs.contains_key(n)
                    }
                    _ => false,
                };
                let prefix = if shared {
                    format!("h{}.{:?}", hc.index(), n)
                } else {
                    format!("h{}.{tag}.{:?}", hc.index(), n)
                };
                let mut k = 0usize;
                let cells = generalize(z, &o.cells, &prefix, &mut k, st, &self.sym);
                objs.insert(n.clone(), Obj { cells, ..o.clone() });
            }
            Ok(State {
                objs,
                world: world.clone(),
            })
        };
        Ok(Pattern {
            c: gen(ac, "c")?,
            r: gen(ar, "r")?,
            kept,
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn prove(
        &mut self,
        sc: &State<'c>,
        sr: &State<'c>,
        pre_c: &Bool<'c>,
        cex: &[Exit<'c>],
        pre_r: &Bool<'c>,
        rex: &[Exit<'c>],
        pairs: &BTreeMap<Block, Block>,
        patterns: &BTreeMap<Block, Pattern<'c>>,
    ) -> Verdict {
        let z = self.sym.z;
        let mut obligations: Vec<(Bool<'c>, String)> = vec![(
            pre_r.clone(),
            "the Rust panics where the C is defined".into(),
        )];
        for ec in cex {
            let want = match &ec.kind {
                ExitKind::Cut(h) => match pairs.get(h) {
                    Some(r) => ExitKind::Cut(*r),
                    None => {
                        // Never reachable (pairing found no model): nothing to relate.
                        obligations.push((
                            ec.cond.not(),
                            format!("the C reaches {h}, which the Rust never pairs"),
                        ));
                        continue;
                    }
                },
                k => k.clone(),
            };
            let Some(er) = rex.iter().find(|e| e.kind == want) else {
                obligations.push((
                    ec.cond.not(),
                    format!(
                        "the C takes exit {:?} and the Rust has no such exit",
                        ec.kind
                    ),
                ));
                continue;
            };
            let rel = match self.relate(ec, er, patterns) {
                Ok(r) => r,
                Err(e) => return sym_verdict(e),
            };
            obligations.push((
                ec.cond.implies(&er.cond),
                format!("the C reaches {} and the Rust does not", describe(&ec.kind)),
            ));
            for (p, what) in rel {
                obligations.push((
                    ec.cond.implies(&p),
                    format!("{what} differs at {}", describe(&ec.kind)),
                ));
            }
        }
        let refs: Vec<&Bool<'c>> = obligations.iter().map(|(b, _)| b).collect();
        let goal = Bool::and(z, &refs).not();
        let (r, model) = self.solve(&[pre_c, &goal]);
        match r {
            SatResult::Unsat => Verdict::Proven,
            SatResult::Unknown => Verdict::Unknown {
                limit: format!("solver time limit of {} ms per query", self.opts.timeout_ms),
            },
            SatResult::Sat => {
                let m = model;
                let mut what = Vec::new();
                let mut inputs = Vec::new();
                if let Some(m) = &m {
                    for (b, msg) in &obligations {
                        if m.eval(b, true).and_then(|x| x.as_bool()) == Some(false) {
                            what.push(msg.clone());
                        }
                    }
                    inputs = self.model_inputs(m, sc, sr);
                }
                let mut what = what.join("; ");
                if let (Some(m), Some(rc)) = (&m, &self.replay) {
                    match self.replay(m, sc, sr, rc, pairs) {
                        Ok(msg) => what = format!("{what} (replayed: {msg})"),
                        Err(Some(why)) => {
                            return Verdict::Unknown {
                                limit: format!("the solver's counterexample did not replay: {why}"),
                            }
                        }
                        Err(None) => what = format!("{what} (not replayed)"),
                    }
                }
                if self.region.0 != self.cf.entry {
                    // The region starts from an assumed loop-header state that may not be
                    // reachable (the relation assumed there can be weaker than the truth), so
                    // the model is not a witness of a real difference.
                    return Verdict::Unknown {
                        limit: format!(
                            "not proven from loop header {}: {what}; the counterexample starts \
                             from an assumed loop state that may be unreachable",
                            self.region.0
                        ),
                    };
                }
                Verdict::Refuted {
                    counterexample: Counterexample {
                        inputs,
                        src_result: None,
                        cand_result: Err(what),
                    },
                }
            }
        }
    }

    /// Replays a counterexample: `Ok(what differs)` when confirmed, `Err(Some(why))` when the
    /// runs agree or the C is undefined there (the solver's model is not a real witness),
    /// `Err(None)` when replay is not possible.
    fn replay(
        &self,
        m: &z3::Model<'c>,
        sc: &State<'c>,
        sr: &State<'c>,
        rc: &ReplayCx<'a>,
        pairs: &BTreeMap<Block, Block>,
    ) -> Result<String, Option<String>> {
        let (hc, hr, cb, rb) = &self.region;
        if crate::replay::replay_obstacle(rc.cmod, rc.cfid, cb).is_some()
            || crate::replay::replay_obstacle(rc.rmod, rc.rfid, rb).is_some()
        {
            return Err(None);
        }
        let vals =
            |f: &Func, side: &Side<'_>, st: &State<'c>| -> Option<Vec<(Var, xl_interp::Val)>> {
                let mut out = Vec::new();
                for (v, d) in f.vars.iter() {
                    let o = st.objs.get(&side.var_obj[&v])?;
                    let Cells::Leaf(Leaf::T(t)) = &o.cells else {
                        return None;
                    };
                    let val = match &d.ty {
                        Type::Int(it) => {
                            let x = m.eval(&t.as_bv()?, true)?.as_u64()?;
                            xl_interp::Val::Int(xl_interp::IntVal::from_bits(*it, x))
                        }
                        Type::Bool => xl_interp::Val::Bool(m.eval(&t.as_bool()?, true)?.as_bool()?),
                        _ => return None,
                    };
                    out.push((v, val));
                }
                Some(out)
            };
        let (Some(vc), Some(vr)) = (
            vals(self.cf, &self.c_side, sc),
            vals(self.rf, &self.r_side, sr),
        ) else {
            return Err(None);
        };
        let oc = crate::replay::run(rc.cmod, rc.cfid, *hc, &self.c_cuts, &vc).map_err(|_| None)?;
        let or = crate::replay::run(rc.rmod, rc.rfid, *hr, &self.r_cuts, &vr).map_err(|_| None)?;
        use crate::replay::RunEnd;
        if let RunEnd::Trap(t) = &oc.end {
            return Err(Some(format!("the C is undefined there ({t})")));
        }
        if let RunEnd::Trap(t) = &or.end {
            return Ok(format!("the Rust panics: {t}"));
        }
        if oc.stdout != or.stdout {
            return Ok(format!(
                "the C prints {:?}, the Rust {:?}",
                String::from_utf8_lossy(&oc.stdout),
                String::from_utf8_lossy(&or.stdout)
            ));
        }
        match (&oc.end, &or.end) {
            (RunEnd::Return(a), RunEnd::Return(b)) if a != b => Ok(format!(
                "the C returns {}, the Rust {}",
                a.as_ref().map_or("nothing".into(), |v| v.to_string()),
                b.as_ref().map_or("nothing".into(), |v| v.to_string())
            )),
            (RunEnd::Exit(a), RunEnd::Exit(b)) if a != b => {
                Ok(format!("the C exits with {a}, the Rust with {b}"))
            }
            (RunEnd::Cut(a, va), RunEnd::Cut(b, vb)) => {
                if pairs.get(a) != Some(b) {
                    return Ok(format!("the C goes to loop header {a}, the Rust to {b}"));
                }
                let live = self.live.get(a).cloned().unwrap_or_default();
                for (v, d) in self.cf.vars.iter() {
                    if !live.contains(&v) {
                        continue;
                    }
                    let Some(rname) = self.c_names.get(&v) else {
                        continue;
                    };
                    let x = va.iter().find(|(n, _)| *n == d.name).map(|(_, x)| x);
                    let y = vb.iter().find(|(n, _)| n == rname).map(|(_, x)| x);
                    if let (Some(x), Some(y)) = (x, y) {
                        if x != y {
                            return Ok(format!(
                                "at the loop header `{}` is {x} in the C, {y} in the Rust",
                                d.name
                            ));
                        }
                    }
                }
                Err(Some(
                    "both runs reach the loop header in the same state".into(),
                ))
            }
            (a, b) if std::mem::discriminant(a) != std::mem::discriminant(b) => {
                Ok(format!("the C ends with {a:?}, the Rust with {b:?}"))
            }
            _ => Err(Some("both runs end the same way".into())),
        }
    }

    /// Values of the C function's scalar variables in the region's starting state.
    fn model_inputs(
        &self,
        m: &z3::Model<'c>,
        sc: &State<'c>,
        _sr: &State<'c>,
    ) -> Vec<(String, xl_interp::Val)> {
        let mut out = Vec::new();
        for (v, d) in self.cf.vars.iter() {
            let Type::Int(it) = d.ty else { continue };
            let Some(o) = sc.objs.get(&self.c_side.var_obj[&v]) else {
                continue;
            };
            let Cells::Leaf(Leaf::T(t)) = &o.cells else {
                continue;
            };
            let Some(b) = t.as_bv() else { continue };
            if let Some(x) = m.eval(&b, true).and_then(|x| x.as_u64()) {
                out.push((
                    d.name.clone(),
                    xl_interp::Val::Int(xl_interp::IntVal::from_bits(it, x)),
                ));
            }
        }
        out
    }

    /// The relation between a C exit and the paired Rust exit.
    fn relate(
        &self,
        ec: &Exit<'c>,
        er: &Exit<'c>,
        patterns: &BTreeMap<Block, Pattern<'c>>,
    ) -> Result<Vec<(Bool<'c>, String)>, SymError> {
        let sym = &self.sym;
        let (a, b) = (&ec.state, &er.state);
        let mut conj = vec![(a.world._eq(&b.world), "the output (calls made)".to_string())];
        match &ec.kind {
            ExitKind::Exit => {}
            ExitKind::Return => {
                match (&ec.ret, &er.ret) {
                    (Some(x), Some(y)) => {
                        conj.push((sym.eq_cells(x, y, a, b)?, "the returned value".into()))
                    }
                    (None, None) => {}
                    _ => {
                        return Err(SymError::Unsupported(
                            "one side returns a value, the other not".into(),
                        ))
                    }
                }
                for (n, o) in &a.objs {
                    if matches!(n, ObjName::Global(_) | ObjName::Param(_)) && !o.readonly {
                        if let Some(p) = b.objs.get(n) {
                            conj.push((sym.eq_cells(&o.cells, &p.cells, a, b)?, obj_desc(n)));
                        }
                    }
                }
            }
            ExitKind::Cut(h) => {
                let Some(pat) = patterns.get(h) else {
                    return Err(SymError::Malformed("header without a pattern".into()));
                };
                let (pc, pr) = (&pat.c, &pat.r);
                // Kept objects: every arrival brings the values the header assumes.
                for n in &pat.kept {
                    for (ps, st, side) in [(pc, a, "C"), (pr, b, "Rust")] {
                        if let (Some(p), Some(x)) = (ps.objs.get(n), st.objs.get(n)) {
                            conj.push((
                                sym.eq_cells(&p.cells, &x.cells, ps, st)?,
                                format!("{} (unchanged in the {side} loop)", obj_desc(n)),
                            ));
                        }
                    }
                }
                // The arrivals must fit the header's assumed shape (pointer objects).
                for (pat, st) in [(pc, a), (pr, b)] {
                    for (n, o) in &pat.objs {
                        if let Some(x) = st.objs.get(n) {
                            if !same_shape(&o.cells, &x.cells) {
                                return Err(SymError::Unsupported(format!(
                                    "a pointer in {n:?} points to a different object on another path into the loop"
                                )));
                            }
                        }
                    }
                }
                // Shared objects of the pattern (same names on both sides) must be equal.
                let live = self.live.get(h).cloned().unwrap_or_default();
                let related: BTreeSet<String> = live
                    .iter()
                    .filter_map(|v| self.c_names.get(v).cloned())
                    .collect();
                for (n, o) in &a.objs {
                    let rel = match n {
                        ObjName::Global(_) | ObjName::Param(_) => !o.readonly,
                        ObjName::Local(name) => related.contains(name),
                        _ => false,
                    };
                    if !rel {
                        continue;
                    }
                    if let Some(p) = b.objs.get(n) {
                        conj.push((sym.eq_cells(&o.cells, &p.cells, a, b)?, obj_desc(n)));
                    }
                }
            }
        }
        Ok(conj)
    }
}

fn obj_desc(n: &ObjName) -> String {
    match n {
        ObjName::Local(x) => format!("`{x}`"),
        ObjName::Global(g) => format!("global {g}"),
        ObjName::Param(i) => format!("what parameter {i} points to"),
        other => format!("{other:?}"),
    }
}

fn describe(k: &ExitKind) -> String {
    match k {
        ExitKind::Cut(h) => format!("the state at loop header {h}"),
        ExitKind::Return => "the returned value or final state".into(),
        ExitKind::Exit => "the output at program exit".into(),
    }
}

/// True when two cells have the same pointer objects and fields (index values may differ).
fn same_shape(a: &Cells<'_>, b: &Cells<'_>) -> bool {
    let Some(pairs) = crate::sym::zip_leaves(a, b) else {
        return false;
    };
    pairs.into_iter().all(|pair| match pair {
        (Leaf::P(p), Leaf::P(q)) => {
            p.obj == q.obj
                && p.path.len() == q.path.len()
                && p.path.iter().zip(&q.path).all(|st| {
                    matches!(
                        st,
                        (PStep::Index(_), PStep::Index(_)) | (PStep::Virt(_), PStep::Virt(_))
                    ) || matches!(st, (PStep::Field(i), PStep::Field(j)) if i == j)
                })
        }
        (Leaf::P(_), _) => false,
        _ => true,
    })
}

/// Fresh cells of the same shape; structured pointers keep their object and fields.
fn generalize<'c>(
    z: &'c Context,
    c: &Cells<'c>,
    prefix: &str,
    k: &mut usize,
    st: &State<'c>,
    sym: &Sym<'c>,
) -> Cells<'c> {
    let fresh = |sort: &z3::Sort<'c>, k: &mut usize| {
        let d = const_of(z, &format!("{prefix}.{k}"), sort);
        *k += 1;
        d
    };
    match c {
        Cells::Struct(fs) => Cells::Struct(
            fs.iter()
                .map(|f| generalize(z, f, prefix, k, st, sym))
                .collect(),
        ),
        Cells::Array(x) => Cells::Array(Box::new(generalize(z, x, prefix, k, st, sym))),
        Cells::Leaf(Leaf::T(d)) => Cells::Leaf(Leaf::T(fresh(&d.get_sort(), k))),
        Cells::Leaf(Leaf::R(b, ro)) => {
            let d = fresh(&b.get_sort(), k);
            Cells::Leaf(Leaf::R(d.as_bv().expect("bv"), *ro))
        }
        Cells::Leaf(Leaf::P(p))
            if matches!(p.obj, ObjName::Str(_) | ObjName::Null)
                || st.objs.get(&p.obj).is_some_and(|o| o.readonly) =>
        {
            // Pointers to read-only data (string literals, tables) are often reassigned to
            // other read-only data in loops: keep them raw, so every arrival fits.
            let d = fresh(&z3::Sort::bitvector(z, crate::sym::PTR_BITS), k);
            let _ = sym;
            Cells::Leaf(Leaf::R(d.as_bv().expect("bv"), true))
        }
        Cells::Leaf(Leaf::P(p)) => {
            let path = p
                .path
                .iter()
                .map(|s| match s {
                    PStep::Field(f) => PStep::Field(*f),
                    PStep::Index(_) => {
                        PStep::Index(fresh(&z3::Sort::bitvector(z, 64), k).as_bv().expect("bv"))
                    }
                    PStep::Virt(_) => {
                        PStep::Virt(fresh(&z3::Sort::bitvector(z, 64), k).as_bv().expect("bv"))
                    }
                })
                .collect();
            Cells::Leaf(Leaf::P(SymPtr {
                obj: p.obj.clone(),
                path,
            }))
        }
    }
}

/// Natural loop bodies by header.
/// Locals whose address is stored somewhere (into a variable, memory, a select or a block
/// argument): the objects a pointer read back from memory may point to. Addresses passed
/// straight to a call do not count: callees do not retain pointers beyond the call (what the
/// Rust borrow types of the translation guarantee).
fn stored_addresses(f: &Func, names: &BTreeMap<Var, String>) -> BTreeSet<ObjName> {
    let side_name = |v: Var| ObjName::Local(names[&v].clone());
    let mut addr_of: BTreeMap<xl_ir::Value, ObjName> = BTreeMap::new();
    for (_, d) in f.insts.iter() {
        if let (Op::Addr(p), Some(r)) = (&d.op, d.result) {
            if let PlaceBase::Var(v) = p.base {
                addr_of.insert(r, side_name(v));
            }
        }
    }
    let mut escaped: BTreeSet<ObjName> = BTreeSet::new();
    for (_, d) in f.insts.iter() {
        if let Op::Store(_, val) | Op::Select { if_true: val, .. } = &d.op {
            if let Some(n) = addr_of.get(val) {
                escaped.insert(n.clone());
            }
        }
        if let Op::Select { if_false, .. } | Op::PtrAdd { ptr: if_false, .. } = &d.op {
            if let Some(n) = addr_of.get(if_false) {
                escaped.insert(n.clone());
            }
        }
    }
    for (_, bd) in f.blocks.iter() {
        let calls = bd.term.block_calls();
        for c in calls {
            for a in &c.args {
                if let Some(n) = addr_of.get(a) {
                    escaped.insert(n.clone());
                }
            }
        }
    }
    escaped
}

/// For each loop header, the body of the outermost loop containing it: what may run between
/// two arrivals at the header.
fn loop_bodies(f: &Func) -> BTreeMap<Block, BTreeSet<Block>> {
    let cfg = xl_ir::cfg::Cfg::compute(f);
    let doms = cfg.dominators(f);
    let loops = cfg.natural_loops(f, &doms);
    let bodies: Vec<BTreeSet<Block>> = loops
        .iter()
        .map(|l| l.body.iter().copied().collect())
        .collect();
    let mut out = BTreeMap::new();
    for l in &loops {
        let mut all: BTreeSet<Block> = BTreeSet::new();
        for b in &bodies {
            if b.contains(&l.header) {
                all.extend(b.iter().copied());
            }
        }
        out.insert(l.header, all);
    }
    out
}

/// Entry plus loop headers (targets of back edges).
pub fn cut_points(f: &Func) -> BTreeSet<Block> {
    let cfg = xl_ir::cfg::Cfg::compute(f);
    let doms = cfg.dominators(f);
    let mut out: BTreeSet<Block> = cfg
        .back_edges(f, &doms)
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    out.insert(f.entry);
    // Retreating edges that are not back edges (irreducible flow): their targets are cut too,
    // so every cycle passes a cut point; the pairing then decides.
    let rpo = cfg.reverse_post_order(f);
    let pos: BTreeMap<Block, usize> = rpo.iter().enumerate().map(|(i, b)| (*b, i)).collect();
    for &b in &rpo {
        for &s in &cfg.succs[b] {
            if pos.get(&s).is_some_and(|&ps| ps <= pos[&b]) {
                out.insert(s);
            }
        }
    }
    out
}

/// Variables live at the start of each block (read before written on some path; variables
/// whose address is taken are always live).
pub fn liveness(f: &Func) -> BTreeMap<Block, BTreeSet<Var>> {
    let mut escaped: BTreeSet<Var> = BTreeSet::new();
    let mut gen_kill: BTreeMap<Block, (BTreeSet<Var>, BTreeSet<Var>)> = BTreeMap::new();
    for (b, data) in f.blocks.iter() {
        let mut gen = BTreeSet::new();
        let mut kill = BTreeSet::new();
        for &i in &data.insts {
            match &f.insts[i].op {
                Op::Load(p) => {
                    if let PlaceBase::Var(v) = p.base {
                        if !kill.contains(&v) {
                            gen.insert(v);
                        }
                    }
                }
                Op::Store(p, _) => {
                    if let PlaceBase::Var(v) = p.base {
                        if p.proj.is_empty() {
                            kill.insert(v);
                        } else if !kill.contains(&v) {
                            gen.insert(v);
                        }
                    }
                }
                Op::Addr(p) => {
                    if let PlaceBase::Var(v) = p.base {
                        escaped.insert(v);
                    }
                }
                _ => {}
            }
        }
        gen_kill.insert(b, (gen, kill));
    }
    let cfg = xl_ir::cfg::Cfg::compute(f);
    let mut live: BTreeMap<Block, BTreeSet<Var>> =
        f.blocks.iter().map(|(b, _)| (b, BTreeSet::new())).collect();
    let mut work: Vec<Block> = f.blocks.iter().map(|(b, _)| b).collect();
    while let Some(b) = work.pop() {
        let mut out: BTreeSet<Var> = BTreeSet::new();
        for s in &cfg.succs[b] {
            out.extend(live[s].iter().copied());
        }
        let (gen, kill) = &gen_kill[&b];
        let mut inn: BTreeSet<Var> = out.difference(kill).copied().collect();
        inn.extend(gen.iter().copied());
        inn.extend(escaped.iter().copied());
        if inn != live[&b] {
            live.insert(b, inn);
            for p in &cfg.preds[b] {
                work.push(*p);
            }
        }
    }
    live
}
