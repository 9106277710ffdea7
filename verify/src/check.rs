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
    let lowered = lower_stub(files, module, names);
    let mut report = CrateReport {
        diagnostics: lowered.diagnostics.clone(),
        ..CrateReport::default()
    };
    for (fid, f) in module.funcs.iter() {
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
        };
        let r = match lf.map(|l| &l.result) {
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
        };
        report.functions.push(r);
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
        });
    }
    report
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
    let mut fc = FuncCheck::new(&z, cmod, cf, rf, locals, &user_funcs, opts);
    let status = fc.run();
    let mut blocks = Vec::new();
    let reachable: BTreeSet<Block> = xl_ir::cfg::Cfg::compute(cf)
        .reverse_post_order(cf)
        .into_iter()
        .collect();
    let mut first_fail: Option<(Block, Verdict)> = None;
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
    /// C variables live at the start of each C block.
    live: BTreeMap<Block, BTreeSet<Var>>,
    /// Relation name of each C variable.
    c_names: BTreeMap<Var, String>,
    opts: &'a Options,
    block_verdicts: BTreeMap<Block, Verdict>,
    query_ms: Vec<f64>,
    /// Assumptions valid everywhere (bounds on parameter lengths).
    axioms: Vec<Bool<'c>>,
}

impl<'c, 'a> FuncCheck<'c, 'a> {
    fn new(
        z: &'c Context,
        cmod: &'c Module,
        cf: &'a Func,
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
        let c_side = Side {
            func: cf,
            var_obj: c_names
                .iter()
                .map(|(v, n)| (*v, ObjName::Local(n.clone())))
                .collect(),
            func_names: func_names.clone(),
            user_funcs,
        };
        let r_side = Side {
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
            c_names,
            opts,
            block_verdicts: BTreeMap::new(),
            query_ms: Vec::new(),
            axioms: Vec::new(),
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
        let mut patterns: BTreeMap<Block, (State<'c>, State<'c>)> = BTreeMap::new();
        let mut work: Vec<(Block, Block, State<'c>, State<'c>)> =
            vec![(self.cf.entry, self.rf.entry, sc, sr)];
        while let Some((hc, hr, sc, sr)) = work.pop() {
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
                            match self.cut_states(h, &a, &b) {
                                Ok((gc, gr)) => {
                                    patterns.insert(h, (gc.clone(), gr.clone()));
                                    new_work.push((h, r, gc, gr));
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
        }
        Ok(())
    }

    fn solver(&self) -> Solver<'c> {
        let s = Solver::new(self.sym.z);
        let mut p = Params::new(self.sym.z);
        p.set_u32("timeout", self.opts.timeout_ms);
        s.set_params(&p);
        for a in &self.axioms {
            s.assert(a);
        }
        s
    }

    fn timed_check(&mut self, s: &Solver<'c>) -> SatResult {
        let t = Instant::now();
        let r = s.check();
        self.query_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        r
    }

    /// Which Rust header the Rust reaches when the C reaches header `ec`.
    fn pair_cut(
        &mut self,
        pre_c: &Bool<'c>,
        ec: &Exit<'c>,
        rexits: &[Exit<'c>],
    ) -> Result<Option<(Block, State<'c>)>, Verdict> {
        let s = self.solver();
        s.assert(pre_c);
        s.assert(&ec.cond);
        match self.timed_check(&s) {
            SatResult::Unsat => Ok(None),
            SatResult::Unknown => Err(Verdict::Unknown {
                limit: format!(
                    "solver limit of {} ms while pairing loop headers",
                    self.opts.timeout_ms
                ),
            }),
            SatResult::Sat => {
                let Some(m) = s.get_model() else {
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
        let mut sc = State {
            objs: base.clone(),
            world: world.clone(),
        };
        let mut sr = State { objs: base, world };
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
        ac: &State<'c>,
        ar: &State<'c>,
    ) -> Result<(State<'c>, State<'c>), SymError> {
        let z = self.sym.z;
        let world = const_of(z, &format!("world.h{}", hc.index()), &self.sym.world_sort());
        let live = self.live.get(&hc).cloned().unwrap_or_default();
        let related: BTreeSet<String> = live
            .iter()
            .filter_map(|v| self.c_names.get(v).cloned())
            .collect();
        let gen = |st: &State<'c>, tag: &str| -> Result<State<'c>, SymError> {
            let mut objs = BTreeMap::new();
            for (n, o) in &st.objs {
                if o.readonly || matches!(n, ObjName::Str(_)) {
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
                let cells = generalize(z, &o.cells, &prefix, &mut k);
                objs.insert(n.clone(), Obj { cells, ..o.clone() });
            }
            Ok(State {
                objs,
                world: world.clone(),
            })
        };
        Ok((gen(ac, "c")?, gen(ar, "r")?))
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
        patterns: &BTreeMap<Block, (State<'c>, State<'c>)>,
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
            let both = Bool::and(z, &[&er.cond, &rel]);
            obligations.push((
                ec.cond.implies(&both),
                format!("{} differs", describe(&ec.kind)),
            ));
        }
        let s = self.solver();
        s.assert(pre_c);
        let refs: Vec<&Bool<'c>> = obligations.iter().map(|(b, _)| b).collect();
        s.assert(&Bool::and(z, &refs).not());
        match self.timed_check(&s) {
            SatResult::Unsat => Verdict::Proven,
            SatResult::Unknown => Verdict::Unknown {
                limit: format!("solver time limit of {} ms per query", self.opts.timeout_ms),
            },
            SatResult::Sat => {
                let m = s.get_model();
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
                Verdict::Refuted {
                    counterexample: Counterexample {
                        inputs,
                        src_result: None,
                        cand_result: Err(what.join("; ")),
                    },
                }
            }
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
        patterns: &BTreeMap<Block, (State<'c>, State<'c>)>,
    ) -> Result<Bool<'c>, SymError> {
        let sym = &self.sym;
        let z = sym.z;
        let (a, b) = (&ec.state, &er.state);
        let mut conj = vec![a.world._eq(&b.world)];
        match &ec.kind {
            ExitKind::Exit => {}
            ExitKind::Return => {
                match (&ec.ret, &er.ret) {
                    (Some(x), Some(y)) => conj.push(sym.eq_cells(x, y, a, b)?),
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
                            conj.push(sym.eq_cells(&o.cells, &p.cells, a, b)?);
                        }
                    }
                }
            }
            ExitKind::Cut(h) => {
                let Some((pc, pr)) = patterns.get(h) else {
                    return Err(SymError::Malformed("header without a pattern".into()));
                };
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
                        conj.push(sym.eq_cells(&o.cells, &p.cells, a, b)?);
                    }
                }
            }
        }
        let refs: Vec<&Bool<'c>> = conj.iter().collect();
        Ok(Bool::and(z, &refs))
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
    let mut work = vec![(a, b)];
    while let Some((x, y)) = work.pop() {
        match (x, y) {
            (Cells::Struct(p), Cells::Struct(q)) if p.len() == q.len() => {
                work.extend(p.iter().zip(q))
            }
            (Cells::Array(p), Cells::Array(q)) => work.push((p, q)),
            (Cells::Leaf(Leaf::P(p)), Cells::Leaf(Leaf::P(q))) => {
                if p.obj != q.obj || p.path.len() != q.path.len() {
                    return false;
                }
                for (s, t) in p.path.iter().zip(&q.path) {
                    match (s, t) {
                        (PStep::Field(i), PStep::Field(j)) if i == j => {}
                        (PStep::Index(_), PStep::Index(_)) | (PStep::Virt(_), PStep::Virt(_)) => {}
                        _ => return false,
                    }
                }
            }
            (Cells::Leaf(Leaf::P(_)), Cells::Leaf(_)) => return false,
            (Cells::Leaf(_), Cells::Leaf(_)) => {}
            _ => return false,
        }
    }
    true
}

/// Fresh cells of the same shape; structured pointers keep their object and fields.
fn generalize<'c>(z: &'c Context, c: &Cells<'c>, prefix: &str, k: &mut usize) -> Cells<'c> {
    let fresh = |sort: &z3::Sort<'c>, k: &mut usize| {
        let d = const_of(z, &format!("{prefix}.{k}"), sort);
        *k += 1;
        d
    };
    match c {
        Cells::Struct(fs) => {
            Cells::Struct(fs.iter().map(|f| generalize(z, f, prefix, k)).collect())
        }
        Cells::Array(x) => Cells::Array(Box::new(generalize(z, x, prefix, k))),
        Cells::Leaf(Leaf::T(d)) => Cells::Leaf(Leaf::T(fresh(&d.get_sort(), k))),
        Cells::Leaf(Leaf::R(b, ro)) => {
            let d = fresh(&b.get_sort(), k);
            Cells::Leaf(Leaf::R(d.as_bv().expect("bv"), *ro))
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

// Placeholder until `crate::rust::lower_crate` lands.
struct StubLowered {
    module: Module,
    funcs: Vec<StubFn>,
    diagnostics: Vec<xl_base::Diagnostic>,
}
struct StubFn {
    c_func: FuncId,
    result: Result<FuncId, StubUnsup>,
}
struct StubUnsup {
    construct: String,
    span: xl_base::Span,
}
fn lower_stub(_: &[(String, String)], m: &Module, _: &NameMap) -> StubLowered {
    let _ = StubUnsup {
        construct: String::new(),
        span: xl_base::Span::default(),
    };
    StubLowered {
        module: m.clone(),
        funcs: Vec::new(),
        diagnostics: Vec::new(),
    }
}
