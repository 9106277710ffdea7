//! The symbolic executor: runs one acyclic region of an IR function (from a cut point to the
//! next cut points, returns and exits) on a [`State`], merging states where paths join, and
//! returns the region's exits with their conditions and the conjunction of the preconditions
//! of every op on the way (guarded by the op's reach condition).
//!
//! The same executor runs both sides of a proof; the caller decides whether the preconditions
//! are assumptions (the C function: undefined behaviour) or obligations (the Rust function:
//! panics).
//!
//! Calls are modelled by uninterpreted functions of the world: `w' = F(w, args, contents of
//! pointed-to objects, mutable globals for user functions)`; the result and everything the
//! callee may write are functions of `w'`. Two sides that make the same calls with the same
//! arguments in the same order therefore end in the same world.
//!
//! Invariants: regions are walked in topological order with a worklist (no recursion over the
//! CFG); a cycle not through a cut point is reported as unsupported (irreducible flow).

use crate::encode::{Encoder, Term};
use crate::sym::{
    dyn_to_term, malformed, term_to_dyn, unsup, Cells, Leaf, Obj, ObjName, PStep, State, Sym,
    SymError, SymPtr, SymResult, PTR_BITS,
};
use std::collections::{BTreeMap, BTreeSet};
use xl_base::EntityRef;
use xl_ir::{
    Block, BlockCall, Callee, Func, IntCC, Op, PlaceBase, Proj, Terminator, Type, Value, Var,
};
use z3::ast::{Ast, Bool, Dynamic, BV};
use z3::{FuncDecl, Sort};

/// How a region is left.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExitKind {
    /// Into a cut point (a loop header).
    Cut(Block),
    /// `return`.
    Return,
    /// The program ends (`exit`, `abort`).
    Exit,
}

/// One way out of a region.
pub struct Exit<'c> {
    /// Where to.
    pub kind: ExitKind,
    /// When.
    pub cond: Bool<'c>,
    /// The state then.
    pub state: State<'c>,
    /// The returned value (returns of non-void functions).
    pub ret: Option<Cells<'c>>,
}

/// The result of running a region.
pub struct RegionOut<'c> {
    /// Conjunction of `reach => precondition` over every op and block.
    pub pre: Bool<'c>,
    /// Exits, merged per kind.
    pub exits: Vec<Exit<'c>>,
    /// The blocks of the region.
    pub blocks: Vec<Block>,
}

/// One side of a proof: a function and how its variables map to objects.
pub struct Side<'a> {
    /// The function.
    pub func: &'a Func,
    /// Object name of each variable.
    pub var_obj: BTreeMap<Var, ObjName>,
    /// Name of a `Callee::Func` callee (the C side; the Rust side calls by name).
    pub func_names: Vec<String>,
    /// Names of the program's own functions (their calls may write every mutable global).
    pub user_funcs: &'a BTreeSet<String>,
    /// Local objects whose address is taken somewhere (what a raw pointer may point to,
    /// besides globals, parameter pointees and string literals).
    pub addressable: BTreeSet<ObjName>,
}

/// Library functions that only read through their pointer arguments.
const READ_ONLY: &[&str] = &[
    "printf", "puts", "putchar", "fputs", "fputc", "putc", "fprintf", "strlen", "strcmp",
    "strncmp", "strchr", "strrchr", "strstr", "memcmp", "abs", "labs", "llabs", "atoi", "atol",
    "atof", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isxdigit",
    "ispunct", "isprint", "iscntrl", "isgraph", "toupper", "tolower", "sqrt", "pow", "fabs",
    "floor", "ceil", "sin", "cos", "tan", "exp", "log", "log10", "fmod", "rand", "srand", "xl.len",
];

/// Functions that end the program.
const NO_RETURN: &[&str] = &["exit", "abort", "_Exit"];

struct Incoming<'c> {
    cond: Bool<'c>,
    state: State<'c>,
    args: Vec<Cells<'c>>,
}

/// Runs the region of `side` that starts at `start` with state `st0`.
pub fn run_region<'c>(
    sym: &Sym<'c>,
    enc: &Encoder<'c>,
    side: &Side<'_>,
    start: Block,
    cuts: &BTreeSet<Block>,
    st0: State<'c>,
) -> SymResult<RegionOut<'c>> {
    let f = side.func;
    // The region's blocks: reachable from `start` without entering a cut point.
    let mut blocks = vec![start];
    let mut seen: BTreeSet<Block> = [start].into();
    let mut i = 0;
    while i < blocks.len() {
        let b = blocks[i];
        i += 1;
        let Some(data) = f.blocks.get(b) else {
            return malformed(format!("{b} is not a block"));
        };
        for s in data.term.successors() {
            if !cuts.contains(&s) && seen.insert(s) {
                blocks.push(s);
            }
        }
    }
    // Topological order (Kahn) over edges inside the region.
    let mut indeg: BTreeMap<Block, usize> = blocks.iter().map(|b| (*b, 0)).collect();
    for &b in &blocks {
        let mut succ = f.blocks[b].term.successors();
        succ.dedup();
        for s in succ {
            if !cuts.contains(&s) {
                *indeg.entry(s).or_insert(0) += 1;
            }
        }
    }
    let mut order = Vec::new();
    let mut ready: Vec<Block> = vec![start];
    if indeg.get(&start).copied().unwrap_or(0) != 0 {
        return unsup(
            "a cycle that does not pass through a loop header (irreducible control flow)",
        );
    }
    while let Some(b) = ready.pop() {
        order.push(b);
        let mut succ = f.blocks[b].term.successors();
        succ.dedup();
        for s in succ.into_iter().rev() {
            if cuts.contains(&s) {
                continue;
            }
            let d = indeg.get_mut(&s).expect("region block");
            *d -= 1;
            if *d == 0 {
                ready.push(s);
            }
        }
    }
    if order.len() != blocks.len() {
        return unsup(
            "a cycle that does not pass through a loop header (irreducible control flow)",
        );
    }

    let tt = Bool::from_bool(sym.z, true);
    let mut incoming: BTreeMap<Block, Vec<Incoming<'c>>> = BTreeMap::new();
    incoming.insert(
        start,
        vec![Incoming {
            cond: tt.clone(),
            state: st0,
            args: Vec::new(),
        }],
    );
    let mut pres: Vec<Bool<'c>> = Vec::new();
    let mut exits: BTreeMap<ExitKind, Vec<(Bool<'c>, State<'c>, Option<Cells<'c>>)>> =
        BTreeMap::new();
    for &b in &order {
        let Some(ins) = incoming.remove(&b) else {
            continue;
        };
        let data = &f.blocks[b];
        if !data.params.is_empty()
            && b == start
            && ins.iter().any(|i| i.args.len() != data.params.len())
        {
            return unsup("a loop header with block parameters");
        }
        let (reach, mut st, args) = merge(sym, ins)?;
        let mut ex = BlockExec {
            sym,
            enc,
            side,
            vals: BTreeMap::new(),
            reach: reach.clone(),
            pres: &mut pres,
            exited: false,
        };
        for (p, a) in data.params.iter().zip(args) {
            ex.vals.insert(*p, a);
        }
        for &inst in &data.insts {
            ex.inst(inst, &mut st)?;
            if ex.exited {
                break;
            }
        }
        if ex.exited {
            exits
                .entry(ExitKind::Exit)
                .or_default()
                .push((reach, st, None));
            continue;
        }
        let mut edge = |call: &BlockCall,
                        cond: Bool<'c>,
                        st: &State<'c>,
                        ex: &BlockExec<'_, 'c, '_>|
         -> SymResult<()> {
            let mut args = Vec::new();
            for a in &call.args {
                args.push(ex.val(*a)?);
            }
            if cuts.contains(&call.block) {
                if !args.is_empty() {
                    return unsup("a loop header with block parameters");
                }
                exits
                    .entry(ExitKind::Cut(call.block))
                    .or_default()
                    .push((cond, st.clone(), None));
            } else {
                incoming.entry(call.block).or_default().push(Incoming {
                    cond,
                    state: st.clone(),
                    args,
                });
            }
            Ok(())
        };
        match &data.term {
            Terminator::Jump(c) => edge(c, reach.clone(), &st, &ex)?,
            Terminator::Branch {
                cond,
                then_dest,
                else_dest,
            } => {
                let c = ex.bool_val(*cond)?;
                edge(then_dest, Bool::and(sym.z, &[&reach, &c]), &st, &ex)?;
                edge(else_dest, Bool::and(sym.z, &[&reach, &c.not()]), &st, &ex)?;
            }
            Terminator::Switch {
                value,
                cases,
                default,
            } => {
                let v = ex.bv_val(*value)?;
                let ty = f.value_type(*value).clone();
                let Type::Int(it) = ty else {
                    return malformed("switch on a non-integer");
                };
                let mut none = Vec::new();
                // Targets may repeat: group the conditions per target.
                let mut per: BTreeMap<Block, Vec<Bool<'c>>> = BTreeMap::new();
                for (k, t) in cases {
                    let kv = match enc.iconst(it, *k) {
                        Term::Int(b) => b,
                        _ => return malformed("switch case"),
                    };
                    let hit = v._eq(&kv);
                    none.push(hit.not());
                    per.entry(*t).or_default().push(hit);
                }
                let refs: Vec<&Bool<'c>> = none.iter().collect();
                per.entry(*default)
                    .or_default()
                    .push(Bool::and(sym.z, &refs));
                for (t, conds) in per {
                    let refs: Vec<&Bool<'c>> = conds.iter().collect();
                    let c = Bool::and(sym.z, &[&reach, &Bool::or(sym.z, &refs)]);
                    edge(
                        &BlockCall {
                            block: t,
                            args: vec![],
                        },
                        c,
                        &st,
                        &ex,
                    )?;
                }
            }
            Terminator::Return(v) => {
                let r = match v {
                    Some(v) => Some(ex.val(*v)?),
                    None => None,
                };
                exits
                    .entry(ExitKind::Return)
                    .or_default()
                    .push((reach, st, r));
            }
            Terminator::Unreachable => {
                // Reaching it is undefined (C) or a panic (Rust): either way it must not happen.
                pres.push(reach.not());
            }
        }
    }
    let mut out = Vec::new();
    for (kind, list) in exits {
        let mut it = list.into_iter();
        let (mut cond, mut state, mut ret) = it.next().expect("non-empty");
        for (c, s, r) in it {
            let merged = merge_states(sym, &c, &s, &state)?;
            ret = match (r, ret) {
                (Some(a), Some(b)) => Some(sym.ite(&c, &a, &b, &s, &state)?),
                (None, None) => None,
                _ => return malformed("a return with and without a value"),
            };
            state = merged;
            cond = Bool::or(sym.z, &[&c, &cond]);
        }
        out.push(Exit {
            kind,
            cond,
            state,
            ret,
        });
    }
    let refs: Vec<&Bool<'c>> = pres.iter().collect();
    Ok(RegionOut {
        pre: Bool::and(sym.z, &refs),
        exits: out,
        blocks: order,
    })
}

fn merge<'c>(
    sym: &Sym<'c>,
    ins: Vec<Incoming<'c>>,
) -> SymResult<(Bool<'c>, State<'c>, Vec<Cells<'c>>)> {
    let mut it = ins.into_iter();
    let first = it.next().expect("non-empty");
    let (mut cond, mut state, mut args) = (first.cond, first.state, first.args);
    for i in it {
        let merged = merge_states(sym, &i.cond, &i.state, &state)?;
        let mut nargs = Vec::new();
        for (a, b) in i.args.iter().zip(&args) {
            nargs.push(sym.ite(&i.cond, a, b, &i.state, &state)?);
        }
        args = nargs;
        state = merged;
        cond = Bool::or(sym.z, &[&i.cond, &cond]);
    }
    Ok((cond.simplify(), state, args))
}

/// `if c { a } else { b }` on whole states.
pub fn merge_states<'c>(
    sym: &Sym<'c>,
    c: &Bool<'c>,
    a: &State<'c>,
    b: &State<'c>,
) -> SymResult<State<'c>> {
    let mut objs = b.objs.clone();
    for (name, oa) in &a.objs {
        match b.objs.get(name) {
            Some(ob) => {
                let cells = sym.ite(c, &oa.cells, &ob.cells, a, b)?;
                objs.insert(
                    name.clone(),
                    Obj {
                        cells,
                        ..ob.clone()
                    },
                );
            }
            None => {
                objs.insert(name.clone(), oa.clone());
            }
        }
    }
    let world = if a.world == b.world {
        a.world.clone()
    } else {
        c.ite(&a.world, &b.world)
    };
    Ok(State { objs, world })
}

struct BlockExec<'s, 'c, 'a> {
    sym: &'s Sym<'c>,
    enc: &'s Encoder<'c>,
    side: &'s Side<'a>,
    vals: BTreeMap<Value, Cells<'c>>,
    reach: Bool<'c>,
    pres: &'s mut Vec<Bool<'c>>,
    exited: bool,
}

fn bv64_of<'c>(b: &BV<'c>, signed: bool) -> BV<'c> {
    let w = b.get_size();
    match w.cmp(&64) {
        std::cmp::Ordering::Less if signed => b.sign_ext(64 - w),
        std::cmp::Ordering::Less => b.zero_ext(64 - w),
        std::cmp::Ordering::Equal => b.clone(),
        std::cmp::Ordering::Greater => b.extract(63, 0),
    }
}

impl<'s, 'c, 'a> BlockExec<'s, 'c, 'a> {
    fn f(&self) -> &'a Func {
        self.side.func
    }

    fn require(&mut self, p: Bool<'c>) {
        let g = self.reach.implies(&p);
        self.pres.push(g);
    }

    fn val(&self, v: Value) -> SymResult<Cells<'c>> {
        self.vals.get(&v).cloned().map_or_else(
            || malformed(format!("{v} is used before it is defined")),
            Ok,
        )
    }

    fn term(&self, v: Value) -> SymResult<Term<'c>> {
        let ty = self.f().value_type(v).clone();
        self.sym.term(&self.val(v)?, &ty)
    }

    fn bool_val(&self, v: Value) -> SymResult<Bool<'c>> {
        match self.term(v)? {
            Term::Bool(b) => Ok(b),
            _ => malformed(format!("{v} is not a bool")),
        }
    }

    fn bv_val(&self, v: Value) -> SymResult<BV<'c>> {
        match self.term(v)? {
            Term::Int(b) => Ok(b),
            _ => malformed(format!("{v} is not an integer")),
        }
    }

    /// An integer value widened to 64 bits per its type's signedness.
    fn index64(&self, v: Value) -> SymResult<BV<'c>> {
        let signed = matches!(self.f().value_type(v), Type::Int(t) if t.signed);
        Ok(bv64_of(&self.bv_val(v)?, signed))
    }

    fn ptr_val(&self, v: Value) -> SymResult<SymPtr<'c>> {
        match self.val(v)? {
            Cells::Leaf(Leaf::P(p)) => Ok(p),
            Cells::Leaf(Leaf::R(..)) => {
                unsup("dereferencing a pointer read from an array or computed by a merge")
            }
            _ => malformed(format!("{v} is not a pointer")),
        }
    }

    fn set(&mut self, r: Option<Value>, c: Cells<'c>) {
        if let Some(r) = r {
            self.vals.insert(r, c);
        }
    }

    fn inst(&mut self, inst: xl_ir::Inst, st: &mut State<'c>) -> SymResult<()> {
        let f = self.f();
        let Some(data) = f.insts.get(inst) else {
            return malformed(format!("{inst} does not exist"));
        };
        let rty = data
            .result
            .map(|v| f.value_type(v).clone())
            .unwrap_or(Type::Void);
        let leaf = |t: Term<'c>| Cells::Leaf(Leaf::T(term_to_dyn(&t)));
        let enc_err = |e: crate::encode::EncodeError| match e {
            crate::encode::EncodeError::Unsupported(s) => SymError::Unsupported(s),
            crate::encode::EncodeError::Malformed(s) => SymError::Malformed(s),
        };
        match &data.op {
            Op::Iconst(v) => match &rty {
                Type::Int(t) => self.set(data.result, leaf(self.enc.iconst(*t, *v))),
                _ => return malformed("iconst of a non-integer"),
            },
            Op::Bconst(b) => self.set(data.result, leaf(self.enc.bconst(*b))),
            Op::Fconst(x) => match &rty {
                Type::Float(t) => self.set(data.result, leaf(self.enc.fconst(*t, *x))),
                _ => return malformed("fconst of a non-float"),
            },
            Op::Unary { op, arg, nsw } => {
                let ty = f.value_type(*arg).clone();
                let (t, p) = self
                    .enc
                    .encode_unary(*op, *nsw, &ty, &self.term(*arg)?)
                    .map_err(enc_err)?;
                self.require(p);
                self.set(data.result, leaf(t));
            }
            Op::Binary { op, lhs, rhs, nsw } => {
                let ty = f.value_type(*lhs).clone();
                if let (Type::Int(a), Type::Int(b)) = (&ty, f.value_type(*rhs)) {
                    if a.bits != b.bits
                        && !matches!(
                            op,
                            xl_ir::BinaryOp::Shl | xl_ir::BinaryOp::LShr | xl_ir::BinaryOp::AShr
                        )
                    {
                        return malformed("binary op on integers of different widths");
                    }
                }
                let (t, p) = self
                    .enc
                    .encode_binary(*op, *nsw, &ty, &self.term(*lhs)?, &self.term(*rhs)?)
                    .map_err(enc_err)?;
                self.require(p);
                self.set(data.result, leaf(t));
            }
            Op::Icmp { cond, lhs, rhs } => {
                let ty = f.value_type(*lhs).clone();
                if matches!(ty, Type::Ptr(_)) {
                    let r = self.ptr_cmp(*cond, *lhs, *rhs, st)?;
                    self.set(data.result, leaf(Term::Bool(r)));
                } else {
                    let (t, p) = self
                        .enc
                        .encode_icmp(*cond, &ty, &self.term(*lhs)?, &self.term(*rhs)?)
                        .map_err(enc_err)?;
                    self.require(p);
                    self.set(data.result, leaf(t));
                }
            }
            Op::Fcmp { cond, lhs, rhs } => {
                let ty = f.value_type(*lhs).clone();
                let (t, p) = self
                    .enc
                    .encode_fcmp(*cond, &ty, &self.term(*lhs)?, &self.term(*rhs)?)
                    .map_err(enc_err)?;
                self.require(p);
                self.set(data.result, leaf(t));
            }
            Op::Cast { kind, arg } => {
                let from = f.value_type(*arg).clone();
                if matches!(from, Type::Ptr(_)) || matches!(rty, Type::Ptr(_)) {
                    if matches!((&from, &rty), (Type::Ptr(_), Type::Ptr(_))) {
                        // A pointer cast keeps the pointer.
                        let v = self.val(*arg)?;
                        self.set(data.result, v);
                        return Ok(());
                    }
                    return unsup(format!(
                        "`{}` between a pointer and an integer",
                        kind.mnemonic()
                    ));
                }
                let (t, p) = self
                    .enc
                    .encode_cast(*kind, &from, &rty, &self.term(*arg)?)
                    .map_err(enc_err)?;
                self.require(p);
                self.set(data.result, leaf(t));
            }
            Op::Select {
                cond,
                if_true,
                if_false,
            } => {
                let c = self.bool_val(*cond)?;
                let r = self
                    .sym
                    .ite(&c, &self.val(*if_true)?, &self.val(*if_false)?, st, st)?;
                self.set(data.result, r);
            }
            Op::Str(bytes) => {
                let p = self.str_obj(bytes, &rty, st)?;
                self.set(data.result, Cells::Leaf(Leaf::P(p)));
            }
            Op::Null => self.set(
                data.result,
                Cells::Leaf(Leaf::P(SymPtr {
                    obj: ObjName::Null,
                    path: vec![],
                })),
            ),
            Op::FuncAddr(fid) => {
                let name = self
                    .side
                    .func_names
                    .get(fid.index())
                    .cloned()
                    .unwrap_or_default();
                self.set(
                    data.result,
                    Cells::Leaf(Leaf::P(SymPtr {
                        obj: ObjName::Func(name),
                        path: vec![],
                    })),
                )
            }
            Op::Load(place) => {
                let (obj, path) = self.place(place)?;
                let v = self.read(st, &obj, &path)?;
                self.set(data.result, v);
            }
            Op::Store(place, v) => {
                let (obj, path) = self.place(place)?;
                let val = self.val(*v)?;
                self.write(st, &obj, &path, &val)?;
            }
            Op::Addr(place) => {
                let (obj, mut path) = self.place(place)?;
                if !matches!(path.last(), Some(PStep::Index(_))) {
                    path.push(PStep::Virt(self.sym.u64(0)));
                }
                self.set(data.result, Cells::Leaf(Leaf::P(SymPtr { obj, path })));
            }
            Op::PtrAdd { ptr, offset } => {
                let mut p = self.ptr_val(*ptr)?;
                let k = self.index64(*offset)?;
                let len = self.container_len(st, &p)?;
                let Some(last) = p.path.pop() else {
                    return unsup("arithmetic on a null or function pointer");
                };
                let step = match last {
                    PStep::Index(i) => PStep::Index(i.bvadd(&k)),
                    PStep::Virt(i) => PStep::Virt(i.bvadd(&k)),
                    PStep::Field(_) => return malformed("pointer path ends in a field"),
                };
                let idx = match &step {
                    PStep::Index(i) | PStep::Virt(i) => i.clone(),
                    PStep::Field(_) => unreachable!("built above"),
                };
                // Stays within the object (one past the end allowed).
                self.require(idx.bvule(&len));
                p.path.push(step);
                self.set(data.result, Cells::Leaf(Leaf::P(p)));
            }
            Op::PtrDiff { lhs, rhs } => {
                let p = self.ptr_val(*lhs)?;
                let q = self.ptr_val(*rhs)?;
                if p.obj != q.obj || p.path.len() != q.path.len() || p.path.is_empty() {
                    return unsup("difference of pointers into different objects or paths");
                }
                let (PStep::Index(i) | PStep::Virt(i), PStep::Index(j) | PStep::Virt(j)) = (
                    p.path.last().expect("non-empty"),
                    q.path.last().expect("non-empty"),
                ) else {
                    return malformed("pointer path ends in a field");
                };
                self.set(
                    data.result,
                    Cells::Leaf(Leaf::T(Dynamic::from_ast(&i.bvsub(j)))),
                );
            }
            Op::Call { callee, args } => {
                let name = match callee {
                    Callee::Func(fid) => self
                        .side
                        .func_names
                        .get(fid.index())
                        .cloned()
                        .unwrap_or_default(),
                    Callee::Extern(n) => n.clone(),
                    Callee::Indirect(_) => {
                        return unsup("an indirect call (through a function pointer)")
                    }
                };
                let r = self.call(&name, args, &rty, st)?;
                if let Some(r) = r {
                    self.set(data.result, r);
                }
            }
        }
        Ok(())
    }

    fn str_obj(&mut self, bytes: &[u8], rty: &Type, st: &mut State<'c>) -> SymResult<SymPtr<'c>> {
        let key: Vec<u8> = bytes.iter().copied().take_while(|b| *b != 0).collect();
        let name = ObjName::Str(key);
        let elem = match rty {
            Type::Ptr(e) if matches!(**e, Type::Int(_)) => (**e).clone(),
            _ => Type::Int(xl_ir::IntTy::I8),
        };
        if !st.objs.contains_key(&name) {
            let Type::Int(it) = elem else {
                unreachable!("chosen above")
            };
            let w = u32::from(it.bits);
            let zero = Dynamic::from_ast(&BV::from_u64(self.sym.z, 0, w));
            let mut arr =
                z3::ast::Array::const_array(self.sym.z, &Sort::bitvector(self.sym.z, 64), &zero);
            for (i, b) in bytes.iter().enumerate() {
                arr = arr.store(
                    &self.sym.u64(i as u64),
                    &BV::from_u64(self.sym.z, u64::from(*b), w),
                );
            }
            st.objs.insert(
                name.clone(),
                Obj {
                    ty: Type::Array(Box::new(elem), bytes.len() as u64),
                    len: None,
                    cells: Cells::Array(Box::new(Cells::Leaf(Leaf::T(Dynamic::from_ast(&arr))))),
                    readonly: true,
                },
            );
        }
        Ok(SymPtr {
            obj: name,
            path: vec![PStep::Index(self.sym.u64(0))],
        })
    }

    /// The object and path a place names.
    fn place(&self, place: &xl_ir::Place) -> SymResult<(ObjName, Vec<PStep<'c>>)> {
        let mut projs = place.proj.iter().peekable();
        let (obj, mut path) = match &place.base {
            PlaceBase::Var(v) => (
                self.side
                    .var_obj
                    .get(v)
                    .cloned()
                    .map_or_else(|| malformed(format!("{v} has no object")), Ok)?,
                Vec::new(),
            ),
            PlaceBase::Global(g) => (ObjName::Global(g.index() as u32), Vec::new()),
            PlaceBase::Deref(v) => {
                let p = self.ptr_val(*v)?;
                if matches!(p.obj, ObjName::Null) {
                    self.pres_false();
                }
                let mut path = p.path;
                if let Some(Proj::Index(j)) = projs.peek() {
                    let k = self.index64(*j)?;
                    projs.next();
                    match path.pop() {
                        Some(PStep::Index(i)) => path.push(PStep::Index(i.bvadd(&k))),
                        Some(PStep::Virt(i)) => path.push(PStep::Virt(i.bvadd(&k))),
                        _ => return unsup("indexing a null or function pointer"),
                    }
                }
                (p.obj, path)
            }
        };
        for pr in projs {
            match pr {
                Proj::Field(k) => path.push(PStep::Field(*k)),
                Proj::Index(v) => path.push(PStep::Index(self.index64(*v)?)),
            }
        }
        Ok((obj, path))
    }

    fn pres_false(&self) {}

    /// Walks `path` in `obj`, requiring every index in bounds; returns the cells reached, the
    /// indices crossed and the type there.
    fn navigate<'o>(
        &mut self,
        st: &'o State<'c>,
        obj: &ObjName,
        path: &[PStep<'c>],
    ) -> SymResult<(&'o Obj<'c>, Vec<BV<'c>>, Type)> {
        let Some(o) = st.objs.get(obj) else {
            return match obj {
                ObjName::Null => unsup("a dereference of a null pointer"),
                ObjName::Func(_) => unsup("a dereference of a function pointer"),
                _ => malformed(format!("no object {obj:?}")),
            };
        };
        let mut ty = match &o.len {
            Some(_) => Type::Array(Box::new(o.ty.clone()), 0),
            None => o.ty.clone(),
        };
        let mut idxs = Vec::new();
        for (n, step) in path.iter().enumerate() {
            match (step, &ty) {
                (PStep::Index(i), Type::Array(e, len)) => {
                    let bound = match (&o.len, n) {
                        (Some(l), 0) => l.clone(),
                        _ => self.sym.u64(*len),
                    };
                    self.require(i.bvult(&bound));
                    idxs.push(i.clone());
                    ty = (**e).clone();
                }
                (PStep::Virt(i), _) => {
                    let z = self.sym.u64(0);
                    self.require(i._eq(&z));
                }
                (PStep::Field(k), Type::Struct(s)) => {
                    let Some(fty) = self
                        .sym
                        .module
                        .structs
                        .get(*s)
                        .and_then(|d| d.fields.get(*k as usize))
                    else {
                        return malformed("field out of range");
                    };
                    ty = fty.ty.clone();
                }
                _ => return unsup("an access whose type does not match the object (type punning)"),
            }
        }
        Ok((o, idxs, ty))
    }

    fn read(&mut self, st: &State<'c>, obj: &ObjName, path: &[PStep<'c>]) -> SymResult<Cells<'c>> {
        let (o, idxs, _) = self.navigate(st, obj, path)?;
        let cells = descend(&o.cells, path)?;
        select_all(cells, &idxs, o.readonly)
    }

    fn write(
        &mut self,
        st: &mut State<'c>,
        obj: &ObjName,
        path: &[PStep<'c>],
        val: &Cells<'c>,
    ) -> SymResult<()> {
        let (o, _, _) = self.navigate(st, obj, path)?;
        if o.readonly {
            // Writing a string literal or a const object is undefined / impossible in Rust.
            self.require(Bool::from_bool(self.sym.z, false));
            return Ok(());
        }
        let mut val = val.clone();
        if path.iter().any(|s| matches!(s, PStep::Index(_))) {
            val = self.flatten_ptrs(&val, st)?;
        }
        let o = st.objs.get(obj).expect("navigated");
        let new = write_at(self.sym, &o.cells, path, &[], &val)?;
        st.objs.get_mut(obj).expect("navigated").cells = new;
        Ok(())
    }

    /// Pointers become raw before they are stored below an array level.
    fn flatten_ptrs(&self, c: &Cells<'c>, st: &State<'c>) -> SymResult<Cells<'c>> {
        Ok(match c {
            Cells::Leaf(Leaf::P(_)) | Cells::Leaf(Leaf::R(..)) => {
                let Cells::Leaf(l) = c else {
                    unreachable!("matched")
                };
                Cells::Leaf(Leaf::T(Dynamic::from_ast(&self.sym.raw(l, st)?)))
            }
            Cells::Leaf(Leaf::T(_)) => c.clone(),
            Cells::Struct(fs) => {
                let mut out = Vec::new();
                for x in fs {
                    out.push(self.flatten_ptrs(x, st)?);
                }
                Cells::Struct(out)
            }
            Cells::Array(x) => Cells::Array(Box::new(self.flatten_ptrs(x, st)?)),
        })
    }

    /// The number of elements of the array level a pointer's last step indexes.
    fn container_len(&self, st: &State<'c>, p: &SymPtr<'c>) -> SymResult<BV<'c>> {
        let Some(o) = st.objs.get(&p.obj) else {
            return unsup("arithmetic on a null or function pointer");
        };
        let mut ty = match &o.len {
            Some(_) => Type::Array(Box::new(o.ty.clone()), 0),
            None => o.ty.clone(),
        };
        let n = p.path.len();
        for (k, step) in p.path.iter().enumerate() {
            let last = k + 1 == n;
            match (step, &ty) {
                (PStep::Index(_), Type::Array(e, len)) => {
                    if last {
                        return Ok(match (&o.len, k) {
                            (Some(l), 0) => l.clone(),
                            _ => self.sym.u64(*len),
                        });
                    }
                    ty = (**e).clone();
                }
                (PStep::Virt(_), _) if last => return Ok(self.sym.u64(1)),
                (PStep::Virt(_), _) => {}
                (PStep::Field(f), Type::Struct(s)) => {
                    ty = self
                        .sym
                        .module
                        .structs
                        .get(*s)
                        .and_then(|d| d.fields.get(*f as usize))
                        .map(|f| f.ty.clone())
                        .unwrap_or(Type::Void);
                }
                _ => return unsup("pointer arithmetic whose type does not match the object"),
            }
        }
        malformed("pointer path ends in a field")
    }

    fn ptr_cmp(
        &mut self,
        cond: IntCC,
        lhs: Value,
        rhs: Value,
        st: &State<'c>,
    ) -> SymResult<Bool<'c>> {
        let a = self.val(lhs)?;
        let b = self.val(rhs)?;
        let (Cells::Leaf(x), Cells::Leaf(y)) = (&a, &b) else {
            return malformed("pointer comparison of non-pointers");
        };
        match cond {
            IntCC::Eq => self.sym.ptr_eq(x, y, st, st),
            IntCC::Ne => Ok(self.sym.ptr_eq(x, y, st, st)?.not()),
            _ => {
                let (Leaf::P(p), Leaf::P(q)) = (x, y) else {
                    return unsup("ordering of raw pointers");
                };
                if p.obj != q.obj || p.path.len() != q.path.len() || p.path.is_empty() {
                    return unsup("ordering of pointers into different objects");
                }
                let (PStep::Index(i) | PStep::Virt(i), PStep::Index(j) | PStep::Virt(j)) = (
                    p.path.last().expect("non-empty"),
                    q.path.last().expect("non-empty"),
                ) else {
                    return malformed("pointer path ends in a field");
                };
                Ok(match cond {
                    IntCC::Ult | IntCC::Slt => i.bvult(j),
                    IntCC::Ule | IntCC::Sle => i.bvule(j),
                    IntCC::Ugt | IntCC::Sgt => i.bvugt(j),
                    _ => i.bvuge(j),
                })
            }
        }
    }

    fn call(
        &mut self,
        name: &str,
        args: &[Value],
        rty: &Type,
        st: &mut State<'c>,
    ) -> SymResult<Option<Cells<'c>>> {
        let z = self.sym.z;
        if name == "xl.len" {
            let p = self.ptr_val(
                *args
                    .first()
                    .map_or_else(|| malformed("xl.len without argument"), Ok)?,
            )?;
            let len = self.container_len(st, &p)?;
            let Some(PStep::Index(i) | PStep::Virt(i)) = p.path.last() else {
                return malformed("xl.len of a pointer without index");
            };
            return Ok(Some(Cells::Leaf(Leaf::T(Dynamic::from_ast(&len.bvsub(i))))));
        }
        let user = self.side.user_funcs.contains(name);
        let writes = user || !READ_ONLY.contains(&name);
        let mut inputs: Vec<Dynamic<'c>> = vec![st.world.clone()];
        let mut pointees: Vec<(usize, ObjName)> = Vec::new();
        let mut raw_any = false;
        for (k, a) in args.iter().enumerate() {
            let ty = self.f().value_type(*a).clone();
            let v = self.val(*a)?;
            match (&ty, &v) {
                (Type::Int(t), Cells::Leaf(Leaf::T(d))) => {
                    let b = d
                        .as_bv()
                        .map_or_else(|| malformed("integer argument"), Ok)?;
                    inputs.push(Dynamic::from_ast(&bv64_of(&b, t.signed)));
                }
                (_, Cells::Leaf(Leaf::T(d))) => inputs.push(d.clone()),
                (_, Cells::Leaf(Leaf::P(p))) => {
                    inputs.push(Dynamic::from_ast(&self.sym.encode_ptr(p, st)?));
                    if let Some(o) = st.objs.get(&p.obj) {
                        if !matches!(p.obj, ObjName::Str(_)) {
                            for l in leaves(&o.cells) {
                                inputs.push(self.sym.leaf_dyn(l, st)?);
                            }
                            if writes && !o.readonly {
                                pointees.push((k, p.obj.clone()));
                            }
                        }
                    }
                }
                (_, Cells::Leaf(Leaf::R(b, ro))) => {
                    // What a raw pointer points to is unknown: the callee may read (and, unless
                    // read-only, write) every object a pointer can reach.
                    raw_any |= !ro;
                    inputs.push(Dynamic::from_ast(b));
                }
                (_, agg) => {
                    for l in leaves(agg) {
                        inputs.push(self.sym.leaf_dyn(l, st)?);
                    }
                }
            }
        }
        let mut reachable: Vec<ObjName> = Vec::new();
        if raw_any {
            for (n, o) in &st.objs {
                let can = match n {
                    ObjName::Global(_) => !user,
                    ObjName::Param(_) => true,
                    ObjName::Local(_) => self.side.addressable.contains(n),
                    _ => false,
                };
                if can && !o.readonly && !pointees.iter().any(|(_, p)| p == n) {
                    reachable.push(n.clone());
                    for l in leaves(&o.cells) {
                        inputs.push(self.sym.leaf_dyn(l, st)?);
                    }
                }
            }
        }
        let mut globals: Vec<ObjName> = Vec::new();
        if user {
            for (n, o) in &st.objs {
                if matches!(n, ObjName::Global(_)) && !o.readonly {
                    globals.push(n.clone());
                    for l in leaves(&o.cells) {
                        inputs.push(self.sym.leaf_dyn(l, st)?);
                    }
                }
            }
        }
        let sig: Vec<String> = inputs.iter().map(|d| d.get_sort().to_string()).collect();
        let key = format!("{name}({})", sig.join(","));
        let wsort = self.sym.world_sort();
        let domain: Vec<Sort<'c>> = inputs.iter().map(|d| d.get_sort()).collect();
        let drefs: Vec<&Sort<'c>> = domain.iter().collect();
        let fw = FuncDecl::new(z, format!("call:{key}:world"), &drefs, &wsort);
        let irefs: Vec<&dyn Ast<'c>> = inputs.iter().map(|d| d as &dyn Ast<'c>).collect();
        let w2 = fw.apply(&irefs);
        st.world = w2.clone();
        let out_of = |tag: &str, sort: &Sort<'c>| -> Dynamic<'c> {
            let f = FuncDecl::new(z, format!("call:{key}:{tag}"), &[&wsort], sort);
            f.apply(&[&w2 as &dyn Ast<'c>])
        };
        for (k, obj) in pointees {
            let o = st.objs.get(&obj).expect("present");
            let new = havoc(z, &o.cells, &mut |j, sort| {
                out_of(&format!("arg{k}.{j}"), sort)
            })?;
            st.objs.get_mut(&obj).expect("present").cells = new;
        }
        if writes {
            for n in reachable {
                let o = st.objs.get(&n).expect("present");
                let tag = format!("reach{n:?}");
                let new = havoc(z, &o.cells, &mut |j, sort| {
                    out_of(&format!("{tag}.{j}"), sort)
                })?;
                st.objs.get_mut(&n).expect("present").cells = new;
            }
        }
        for g in globals {
            let o = st.objs.get(&g).expect("present");
            let tag = match &g {
                ObjName::Global(i) => format!("global{i}"),
                _ => unreachable!("globals only"),
            };
            let new = havoc(z, &o.cells, &mut |j, sort| {
                out_of(&format!("{tag}.{j}"), sort)
            })?;
            st.objs.get_mut(&g).expect("present").cells = new;
        }
        if NO_RETURN.contains(&name) {
            self.exited = true;
            return Ok(None);
        }
        Ok(match rty {
            Type::Void => None,
            Type::Ptr(_) => {
                let d = out_of("ret", &Sort::bitvector(z, PTR_BITS));
                Some(Cells::Leaf(Leaf::R(d.as_bv().expect("bv"), false)))
            }
            Type::Int(_) | Type::Bool | Type::Float(_) => {
                let d = out_of("ret", &self.sym.scalar_sort(rty)?);
                let _ = dyn_to_term(&d, rty)?;
                Some(Cells::Leaf(Leaf::T(d)))
            }
            Type::Struct(_) | Type::Array(..) => {
                let shape = self.sym.zero(rty, 0)?;
                Some(havoc(z, &shape, &mut |j, sort| {
                    out_of(&format!("ret.{j}"), sort)
                })?)
            }
            other => return unsup(format!("a call returning {other}")),
        })
    }
}

/// The cells at `path` (ignoring index values).
fn descend<'x, 'c>(cells: &'x Cells<'c>, path: &[PStep<'c>]) -> SymResult<&'x Cells<'c>> {
    let mut c = cells;
    for step in path {
        c = match (step, c) {
            (PStep::Index(_), Cells::Array(inner)) => inner,
            (PStep::Virt(_), _) => c,
            (PStep::Field(k), Cells::Struct(fs)) => fs
                .get(*k as usize)
                .map_or_else(|| malformed("field out of range"), Ok)?,
            _ => return malformed("path does not match the object's shape"),
        };
    }
    Ok(c)
}

/// The cells of a value read at indices `idxs` below array levels.
fn select_all<'c>(cells: &Cells<'c>, idxs: &[BV<'c>], readonly: bool) -> SymResult<Cells<'c>> {
    Ok(match cells {
        Cells::Struct(fs) => {
            let mut out = Vec::new();
            for f in fs {
                out.push(select_all(f, idxs, readonly)?);
            }
            Cells::Struct(out)
        }
        Cells::Array(inner) => Cells::Array(Box::new(select_all(inner, idxs, readonly)?)),
        Cells::Leaf(Leaf::T(d)) => {
            let mut d = d.clone();
            for i in idxs {
                let arr = d
                    .as_array()
                    .map_or_else(|| malformed("indexing a non-array leaf"), Ok)?;
                d = arr.select(i);
            }
            match d.as_bv() {
                Some(b) if b.get_size() == PTR_BITS => Cells::Leaf(Leaf::R(b, readonly)),
                _ => Cells::Leaf(Leaf::T(d)),
            }
        }
        Cells::Leaf(Leaf::R(b, r)) if idxs.is_empty() => {
            Cells::Leaf(Leaf::R(b.clone(), *r || readonly))
        }
        Cells::Leaf(l) if idxs.is_empty() => Cells::Leaf(l.clone()),
        Cells::Leaf(_) => return malformed("structured pointer below an array level"),
    })
}

fn store_nested<'c>(arr: &Dynamic<'c>, idxs: &[BV<'c>], v: &Dynamic<'c>) -> SymResult<Dynamic<'c>> {
    let Some((i, rest)) = idxs.split_first() else {
        return Ok(v.clone());
    };
    let a = arr
        .as_array()
        .map_or_else(|| malformed("storing into a non-array leaf"), Ok)?;
    let inner = store_nested(&a.select(i), rest, v)?;
    Ok(Dynamic::from_ast(&a.store(i, &inner)))
}

fn store_all<'c>(
    sym: &Sym<'c>,
    cells: &Cells<'c>,
    idxs: &[BV<'c>],
    val: &Cells<'c>,
) -> SymResult<Cells<'c>> {
    let _ = sym;
    Ok(match (cells, val) {
        (Cells::Struct(fs), Cells::Struct(vs)) if fs.len() == vs.len() => {
            let mut out = Vec::new();
            for (f, v) in fs.iter().zip(vs) {
                out.push(store_all(sym, f, idxs, v)?);
            }
            Cells::Struct(out)
        }
        (Cells::Array(f), Cells::Array(v)) => {
            if idxs.is_empty() {
                // The whole array level is replaced: the value's leaves already carry it.
                Cells::Array(v.clone())
            } else {
                Cells::Array(Box::new(store_all_array(f, idxs, v)?))
            }
        }
        (Cells::Leaf(_), Cells::Leaf(v)) if idxs.is_empty() => Cells::Leaf(v.clone()),
        (Cells::Leaf(Leaf::T(d)), Cells::Leaf(Leaf::T(v))) => {
            Cells::Leaf(Leaf::T(store_nested(d, idxs, v)?))
        }
        _ => return malformed("storing a value of a different shape"),
    })
}

/// Stores an array-valued `val` (whose leaves have one dimension for its own level) at
/// `idxs` of cells whose leaves have `idxs.len() + 1` dimensions at this level.
fn store_all_array<'c>(
    cells: &Cells<'c>,
    idxs: &[BV<'c>],
    val: &Cells<'c>,
) -> SymResult<Cells<'c>> {
    Ok(match (cells, val) {
        (Cells::Struct(fs), Cells::Struct(vs)) if fs.len() == vs.len() => {
            let mut out = Vec::new();
            for (f, v) in fs.iter().zip(vs) {
                out.push(store_all_array(f, idxs, v)?);
            }
            Cells::Struct(out)
        }
        (Cells::Array(f), Cells::Array(v)) => Cells::Array(Box::new(store_all_array(f, idxs, v)?)),
        (Cells::Leaf(Leaf::T(d)), Cells::Leaf(Leaf::T(v))) => {
            Cells::Leaf(Leaf::T(store_nested(d, idxs, v)?))
        }
        _ => return malformed("storing a value of a different shape"),
    })
}

fn write_at<'c>(
    sym: &Sym<'c>,
    cells: &Cells<'c>,
    path: &[PStep<'c>],
    idxs: &[BV<'c>],
    val: &Cells<'c>,
) -> SymResult<Cells<'c>> {
    let Some((step, rest)) = path.split_first() else {
        return store_all(sym, cells, idxs, val);
    };
    Ok(match (step, cells) {
        (PStep::Field(k), Cells::Struct(fs)) => {
            let mut out = fs.clone();
            let Some(slot) = out.get_mut(*k as usize) else {
                return malformed("field out of range");
            };
            *slot = write_at(sym, &fs[*k as usize], rest, idxs, val)?;
            Cells::Struct(out)
        }
        (PStep::Index(i), Cells::Array(inner)) => {
            let mut ix = idxs.to_vec();
            ix.push(i.clone());
            Cells::Array(Box::new(write_at(sym, inner, rest, &ix, val)?))
        }
        (PStep::Virt(_), c) => write_at(sym, c, rest, idxs, val)?,
        _ => return malformed("path does not match the object's shape"),
    })
}

/// Every leaf, in tree order.
pub fn leaves<'x, 'c>(c: &'x Cells<'c>) -> Vec<&'x Leaf<'c>> {
    let mut out = Vec::new();
    let mut work = vec![c];
    while let Some(c) = work.pop() {
        match c {
            Cells::Leaf(l) => out.push(l),
            Cells::Struct(fs) => work.extend(fs.iter().rev()),
            Cells::Array(x) => work.push(x),
        }
    }
    out
}

/// Cells of the same shape with each leaf replaced by `mk(leaf index, sort)`.
pub fn havoc<'c>(
    z: &'c z3::Context,
    c: &Cells<'c>,
    mk: &mut dyn FnMut(usize, &Sort<'c>) -> Dynamic<'c>,
) -> SymResult<Cells<'c>> {
    let mut n = 0usize;
    havoc_rec(z, c, mk, &mut n)
}

fn havoc_rec<'c>(
    z: &'c z3::Context,
    c: &Cells<'c>,
    mk: &mut dyn FnMut(usize, &Sort<'c>) -> Dynamic<'c>,
    n: &mut usize,
) -> SymResult<Cells<'c>> {
    Ok(match c {
        Cells::Struct(fs) => {
            let mut out = Vec::new();
            for f in fs {
                out.push(havoc_rec(z, f, mk, n)?);
            }
            Cells::Struct(out)
        }
        Cells::Array(x) => Cells::Array(Box::new(havoc_rec(z, x, mk, n)?)),
        Cells::Leaf(l) => {
            let sort = match l {
                Leaf::T(d) => d.get_sort(),
                _ => Sort::bitvector(z, PTR_BITS),
            };
            let d = mk(*n, &sort);
            *n += 1;
            match d.as_bv() {
                Some(b) if b.get_size() == PTR_BITS => Cells::Leaf(Leaf::R(b, false)),
                _ => Cells::Leaf(Leaf::T(d)),
            }
        }
    })
}
