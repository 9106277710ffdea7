//! The well-formedness verifier: checks that a [`Module`] or [`Func`] obeys the IR's structural
//! and typing rules, so later stages (the emitter, the Z3 encoder) may rely on them.
//!
//! Every problem is reported (errors accumulate; checking goes on past the first one), each
//! with its location: the function, block and instruction (shown as printed text).
//!
//! Invariants checked, module level ([`verify_module`]):
//! - Struct field types are valid (see *types* below); no struct contains itself by value
//!   (directly or through arrays and other structs), so its size is finite.
//! - Global types are valid value types, and each initialiser fits its type: `zero` anything;
//!   an integer for an integer type (in range) or a bool (0 or 1); a float for a float type
//!   (exactly representable for `f32`); an aggregate for an array (at most `n` items) or struct
//!   (at most one per field), item by item; `bytes` for an array of 8-bit integers no longer than
//!   the array; `str` (NUL-terminated), `null`, a function or a global's address for pointers,
//!   naming a function or global that exists.
//! - Function names are unique; then every function as below.
//!
//! Function level ([`verify_func`]):
//! - *Ids*: every block, instruction, value, variable, global, function and struct id that is
//!   mentioned exists.
//! - *Types*: a struct type names an existing struct; `void` appears only as a return type or a
//!   pointee; a function type only as a pointee. Values, variables and globals have value types
//!   (neither `void` nor a function type).
//! - *Variables*: each entry of `params` is a `param` variable, listed once, and every `param`
//!   variable is in `params`.
//! - *Layout*: the entry block exists and has no parameters; every instruction belongs to
//!   exactly one block, once; each value is defined once (one block parameter or one result),
//!   and its recorded definition ([`ValueDef`]) agrees with the layout.
//! - *Block-local SSA* (see the crate docs): every value is used only in the block that defines
//!   it, and, for instruction results, only after its defining instruction.
//! - *Results*: an op has a result exactly when it produces a value (`store` never; a call when
//!   its callee's return type, if known, is not `void`).
//! - *Operand types*, per op (the rules documented on [`Op`] and its operand enums):
//!   `iconst` result integer, value in range; `bconst` result bool; `fconst` result float
//!   (exactly representable for `f32`); `str` result pointer, bytes NUL-terminated; `null` result
//!   pointer; `funcaddr` result `ptr<fn..>` matching the function's signature. Integer binary
//!   ops take two operands of one integer type and produce it, except shifts, whose amount may be
//!   any integer type; `fadd`..`fdiv` take and produce one float type; `band`/`bor` take and
//!   produce bool. `neg`/`not` integer, `fneg` float, `bnot` bool, result the operand type.
//!   `nsw` only on `add`, `sub`, `mul`, `shl` and `neg`. `icmp` operands of one integer type, or
//!   both pointers; `fcmp` operands of one float type; both give bool. Casts go from and to the
//!   kinds their name says (`intcast` int to int, `inttobool` int to bool, `booltoint` bool to
//!   int, `floattoint` float to int, `inttofloat` int to float, `floatcast` float to float,
//!   `ptrcast` pointer to pointer, `ptrtobool` pointer to bool). `select` condition bool, both
//!   arms and the result of one type. `ptradd` pointer and integer, result the pointer's type;
//!   `ptrdiff` two pointers of one type, result `i64`.
//! - *Places*: a `Deref` base is a pointer; `Field(n)` projects a struct place with more than
//!   `n` fields; `Index` projects an array place, or comes directly after a `Deref` (pointer
//!   indexing, same type); the index is an integer. Loads and stores access a place whose type
//!   is a value type. `load` result type = place type; `store` value type = place type; `addr`
//!   result = `ptr<place type>`.
//! - *Calls*: a direct call names an existing function, with as many arguments as it has
//!   parameters, of the parameter types, and a result of its return type; an indirect call's
//!   callee is a `ptr<fn..>` and is checked the same way (at least as many arguments when the
//!   signature is variadic). Extern calls are not typed (the C library is variadic and the
//!   emitter maps each by name).
//! - *Declarations* (`Module::decls`, functions whose body was not lowered): names are unique
//!   and differ from every function's; one parameter name per parameter; parameter types are
//!   value types and the return type a return type.
//! - *Terminators*: block-call targets exist and get one argument per parameter, of the
//!   parameter's type; a branch condition is bool; a switch scrutinee is an integer, its case
//!   values are distinct and in range of its type, and its targets take no parameters; `return`
//!   has a value exactly when the function does not return `void`, of the return type.

use crate::func::*;
use crate::op::*;
use crate::text::{inst_text, term_text};
use crate::types::{IntTy, StructId, Type};
use xl_base::SecondaryMap;

/// Where a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// The module as a whole.
    Module,
    /// A struct definition.
    Struct(StructId),
    /// A global variable.
    Global(GlobalId),
    /// The function's signature or its overall layout.
    Func,
    /// A variable declaration.
    Var(Var),
    /// A block header (its parameters).
    Block(Block),
    /// An instruction in a block.
    Inst(Block, Inst),
    /// A block's terminator.
    Term(Block),
}

/// One well-formedness problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// The function's name, for problems inside a function.
    pub func: Option<String>,
    /// Where in the function (or module).
    pub location: Location,
    /// The offending instruction or terminator as printed, when there is one.
    pub context: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for VerifyError {
    /// `func "f" block1 inst3 `v4: i32 = add v1, v2`: message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if let Some(name) = &self.func {
            parts.push(format!("func {}", crate::text::quote_name(name)));
        }
        match &self.location {
            Location::Module => parts.push("module".to_string()),
            Location::Struct(s) => parts.push(s.to_string()),
            Location::Global(g) => parts.push(g.to_string()),
            Location::Func => {}
            Location::Var(v) => parts.push(v.to_string()),
            Location::Block(b) => parts.push(b.to_string()),
            Location::Inst(b, i) => parts.push(format!("{b} {i}")),
            Location::Term(b) => parts.push(format!("{b} terminator")),
        }
        if let Some(c) = &self.context {
            parts.push(format!("`{c}`"));
        }
        write!(f, "{}: {}", parts.join(" "), self.message)
    }
}

/// Checks the whole module: structs, globals, unique function names, and every function.
pub fn verify_module(m: &Module) -> Result<(), Vec<VerifyError>> {
    let mut errors = Vec::new();
    let mut err = |location: Location, message: String| {
        errors.push(VerifyError {
            func: None,
            location,
            context: None,
            message,
        })
    };
    for (id, s) in m.structs.iter() {
        for field in &s.fields {
            if let Some(msg) = type_problem(m, &field.ty, Use::Value) {
                err(
                    Location::Struct(id),
                    format!("field {}: {msg}", crate::text::quote_name(&field.name)),
                );
            }
        }
    }
    for id in struct_cycles(m) {
        err(
            Location::Struct(id),
            "contains itself by value (its size would be infinite)".into(),
        );
    }
    for (id, g) in m.globals.iter() {
        if let Some(msg) = type_problem(m, &g.ty, Use::Value) {
            err(Location::Global(id), msg);
        } else {
            let mut problems = Vec::new();
            check_init(m, &g.ty, &g.init, 0, &mut problems);
            for p in problems {
                err(Location::Global(id), p);
            }
        }
    }
    let mut names: Vec<(&str, FuncId)> = m
        .funcs
        .iter()
        .map(|(id, f)| (f.name.as_str(), id))
        .collect();
    names.sort();
    for pair in names.windows(2) {
        if pair[0].0 == pair[1].0 {
            err(
                Location::Module,
                format!(
                    "{} and {} are both named {}",
                    pair[0].1,
                    pair[1].1,
                    crate::text::quote_name(pair[0].0)
                ),
            );
        }
    }
    let mut decl_names: Vec<&str> = Vec::new();
    for d in &m.decls {
        let q = crate::text::quote_name(&d.name);
        if m.func_by_name(&d.name).is_some() || decl_names.contains(&d.name.as_str()) {
            err(
                Location::Module,
                format!("decl {q} has the name of another function"),
            );
        }
        decl_names.push(&d.name);
        if d.param_names.len() != d.sig.params.len() {
            err(
                Location::Module,
                format!(
                    "decl {q} has {} parameter names for {} parameters",
                    d.param_names.len(),
                    d.sig.params.len()
                ),
            );
        }
        for t in &d.sig.params {
            if let Some(msg) = type_problem(m, t, Use::Value) {
                err(Location::Module, format!("decl {q} parameter: {msg}"));
            }
        }
        if let Some(msg) = type_problem(m, &d.sig.ret, Use::Return) {
            err(Location::Module, format!("decl {q} return type: {msg}"));
        }
    }
    for (_, f) in m.funcs.iter() {
        if let Err(e) = verify_func(m, f) {
            errors.extend(e);
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Checks one function of `m` (which gives the structs, globals and callees it refers to).
pub fn verify_func(m: &Module, f: &Func) -> Result<(), Vec<VerifyError>> {
    let mut c = Checker {
        m,
        f,
        errors: Vec::new(),
        def_block: SecondaryMap::new(),
        defined: SecondaryMap::new(),
    };
    c.run();
    if c.errors.is_empty() {
        Ok(())
    } else {
        Err(c.errors)
    }
}

/// Where a type appears, which decides whether `void` and function types are allowed.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Use {
    /// A value, variable, global, field or array element.
    Value,
    /// A function's return type.
    Return,
    /// A pointer's pointee.
    Pointee,
}

/// The first problem with `ty` used as `usage`, if any.
fn type_problem(m: &Module, ty: &Type, usage: Use) -> Option<String> {
    match ty {
        Type::Void if usage == Use::Value => Some("`void` is not a value type".into()),
        Type::Fn(_) if usage != Use::Pointee => Some(format!(
            "function type `{ty}` is only allowed behind a pointer"
        )),
        Type::Void | Type::Bool | Type::Float(_) => None,
        Type::Int(i) => {
            if matches!(i.bits, 8 | 16 | 32 | 64) {
                None
            } else {
                Some(format!("integer width {} is not 8, 16, 32 or 64", i.bits))
            }
        }
        Type::Struct(s) => {
            if m.structs.is_valid(*s) {
                None
            } else {
                Some(format!("{s} is not a struct of the module"))
            }
        }
        Type::Ptr(t) => type_problem(m, t, Use::Pointee),
        Type::Array(t, _) => type_problem(m, t, Use::Value),
        Type::Fn(sig) => sig
            .params
            .iter()
            .find_map(|p| type_problem(m, p, Use::Value))
            .or_else(|| type_problem(m, &sig.ret, Use::Return)),
    }
}

/// Structs that contain themselves by value, found with an explicit-stack depth-first search.
fn struct_cycles(m: &Module) -> Vec<StructId> {
    // The structs each struct holds by value (through arrays too).
    let holds = |s: StructId| -> Vec<StructId> {
        let mut out = Vec::new();
        for field in &m.structs[s].fields {
            let mut t = &field.ty;
            while let Type::Array(elem, _) = t {
                t = elem;
            }
            if let Type::Struct(inner) = t {
                if m.structs.is_valid(*inner) {
                    out.push(*inner);
                }
            }
        }
        out
    };
    let mut out = Vec::new();
    for start in m.structs.keys() {
        // Is `start` reachable from itself?
        let mut seen: SecondaryMap<StructId, bool> = SecondaryMap::new();
        let mut stack = holds(start);
        while let Some(s) = stack.pop() {
            if s == start {
                out.push(start);
                break;
            }
            if !seen[s] {
                seen[s] = true;
                stack.extend(holds(s));
            }
        }
    }
    out
}

/// Deepest initialiser nesting checked (deeper ones are reported, not recursed into).
const MAX_INIT_DEPTH: u32 = 256;

fn check_init(m: &Module, ty: &Type, init: &Init, depth: u32, out: &mut Vec<String>) {
    if depth > MAX_INIT_DEPTH {
        out.push("initialiser nested too deeply".into());
        return;
    }
    match (init, ty) {
        (Init::Zero, _) => {}
        (Init::Int(n), Type::Int(i)) => {
            if *n < IntTy::min(*i) || *n > IntTy::max(*i) {
                out.push(format!("initial value {n} is out of range of {ty}"));
            }
        }
        (Init::Int(n), Type::Bool) => {
            if *n != 0 && *n != 1 {
                out.push(format!("bool initial value {n} is not 0 or 1"));
            }
        }
        (Init::Float(x), Type::Float(ft)) => {
            if *ft == crate::FloatTy::F32 && !f32_exact(*x) {
                out.push(format!(
                    "initial value {x:?} is not exactly representable as f32"
                ));
            }
        }
        (Init::Aggregate(items), Type::Array(elem, n)) => {
            if items.len() as u64 > *n {
                out.push(format!("{} initialisers for {ty}", items.len()));
            }
            for item in items {
                check_init(m, elem, item, depth + 1, out);
            }
        }
        (Init::Aggregate(items), Type::Struct(s)) => {
            let Some(def) = m.structs.get(*s) else {
                return out.push(format!("{s} is not a struct of the module"));
            };
            let fields = &def.fields;
            if items.len() > fields.len() {
                out.push(format!(
                    "{} initialisers for {s} with {} fields",
                    items.len(),
                    fields.len()
                ));
            }
            for (item, field) in items.iter().zip(fields) {
                check_init(m, &field.ty, item, depth + 1, out);
            }
        }
        (Init::Bytes(b), Type::Array(elem, n))
            if matches!(**elem, Type::Int(IntTy { bits: 8, .. })) =>
        {
            if b.len() as u64 > *n {
                out.push(format!("{} bytes for {ty}", b.len()));
            }
        }
        (Init::Str(b), Type::Ptr(_)) => {
            if b.last() != Some(&0) {
                out.push("string initialiser is not NUL-terminated".into());
            }
        }
        (Init::Func(fid), Type::Ptr(_)) => {
            if !m.funcs.is_valid(*fid) {
                out.push(format!("{fid} is not a function of the module"));
            }
        }
        (Init::GlobalAddr(g), Type::Ptr(_)) => {
            if !m.globals.is_valid(*g) {
                out.push(format!("{g} is not a global of the module"));
            }
        }
        (Init::Null, Type::Ptr(_)) => {}
        _ => out.push(format!(
            "initialiser {} does not fit type {ty}",
            init_kind(init)
        )),
    }
}

fn init_kind(init: &Init) -> &'static str {
    match init {
        Init::Zero => "zero",
        Init::Int(_) => "int",
        Init::Float(_) => "float",
        Init::Aggregate(_) => "aggregate",
        Init::Bytes(_) => "bytes",
        Init::Str(_) => "str",
        Init::Func(_) => "fn",
        Init::GlobalAddr(_) => "addr",
        Init::Null => "null",
    }
}

/// True when `x` is an `f32` value (NaNs count: their payload is the emitter's business).
fn f32_exact(x: f64) -> bool {
    x.is_nan() || f64::from(x as f32) == x
}

/// A yes/no question about a type (the cast rules).
type TypeTest = fn(&Type) -> bool;

struct Checker<'a> {
    m: &'a Module,
    f: &'a Func,
    errors: Vec<VerifyError>,
    /// The block whose layout defines each value.
    def_block: SecondaryMap<Value, Option<Block>>,
    /// Values defined so far in the block being checked.
    defined: SecondaryMap<Value, bool>,
}

/// The current position, for error locations.
#[derive(Copy, Clone)]
enum At {
    Inst(Block, Inst),
    Term(Block),
}

impl Checker<'_> {
    fn push(&mut self, location: Location, context: Option<String>, message: String) {
        self.errors.push(VerifyError {
            func: Some(self.f.name.clone()),
            location,
            context,
            message,
        });
    }
    fn err_at(&mut self, at: At, message: String) {
        let (location, context) = match at {
            At::Inst(b, i) => (Location::Inst(b, i), Some(inst_text(self.f, i))),
            At::Term(b) => (Location::Term(b), Some(term_text(&self.f.blocks[b].term))),
        };
        self.push(location, context, message);
    }
    /// The type of `v` when it exists (else None; the use check reports it).
    fn ty(&self, v: Value) -> Option<&Type> {
        self.f.values.get(v).map(|d| &d.ty)
    }

    fn run(&mut self) {
        self.check_signature();
        self.check_layout();
        for b in self.f.blocks.keys() {
            self.check_block(b);
        }
    }

    fn check_signature(&mut self) {
        let f = self.f;
        if let Some(msg) = type_problem(self.m, &f.ret, Use::Return) {
            self.push(Location::Func, None, format!("return type: {msg}"));
        }
        for (v, data) in f.vars.iter() {
            if let Some(msg) = type_problem(self.m, &data.ty, Use::Value) {
                self.push(Location::Var(v), None, msg);
            }
            if data.kind == VarKind::Param && !f.params.contains(&v) {
                self.push(
                    Location::Var(v),
                    None,
                    "a `param` variable missing from the parameter list".into(),
                );
            }
        }
        for (i, &p) in f.params.iter().enumerate() {
            match f.vars.get(p) {
                None => self.push(
                    Location::Func,
                    None,
                    format!("parameter {p} is not a variable"),
                ),
                Some(d) if d.kind != VarKind::Param => self.push(
                    Location::Func,
                    None,
                    format!("parameter {p} is declared `local`"),
                ),
                Some(_) => {}
            }
            if f.params[..i].contains(&p) {
                self.push(
                    Location::Func,
                    None,
                    format!("parameter {p} is listed twice"),
                );
            }
        }
    }

    fn check_layout(&mut self) {
        let f = self.f;
        match f.blocks.get(f.entry) {
            None => self.push(
                Location::Func,
                None,
                format!("entry {} is not a block", f.entry),
            ),
            Some(d) if !d.params.is_empty() => self.push(
                Location::Block(f.entry),
                None,
                "the entry block has parameters".into(),
            ),
            Some(_) => {}
        }
        let mut inst_block: SecondaryMap<Inst, Option<Block>> = SecondaryMap::new();
        for (b, data) in f.blocks.iter() {
            for (i, &v) in data.params.iter().enumerate() {
                self.define(Location::Block(b), None, b, v, ValueDef::Param(b, i as u32));
            }
            for &inst in &data.insts {
                let Some(idata) = f.insts.get(inst) else {
                    self.push(
                        Location::Block(b),
                        None,
                        format!("{inst} is not an instruction"),
                    );
                    continue;
                };
                if let Some(prev) = inst_block[inst] {
                    let message = format!(
                        "{inst} also appears in {prev} (an instruction belongs to one block)"
                    );
                    self.push(Location::Inst(b, inst), Some(inst_text(f, inst)), message);
                }
                inst_block[inst] = Some(b);
                if let Some(r) = idata.result {
                    self.define(
                        Location::Inst(b, inst),
                        Some(inst_text(f, inst)),
                        b,
                        r,
                        ValueDef::Inst(inst),
                    );
                }
            }
        }
        for inst in f.insts.keys() {
            if inst_block[inst].is_none() {
                let message = format!("{inst} is in no block");
                self.push(Location::Func, Some(inst_text(f, inst)), message);
            }
        }
    }

    /// Records that the layout defines `v` in `b` as `def`.
    fn define(&mut self, loc: Location, ctx: Option<String>, b: Block, v: Value, def: ValueDef) {
        let Some(data) = self.f.values.get(v) else {
            return self.push(loc, ctx, format!("{v} is not a value of this function"));
        };
        if self.def_block[v].is_some() {
            return self.push(loc, ctx, format!("{v} is defined twice"));
        }
        self.def_block[v] = Some(b);
        if data.def != def {
            self.push(
                loc.clone(),
                ctx.clone(),
                format!("{v} records its definition as {:?}", data.def),
            );
        }
        if let Some(msg) = type_problem(self.m, &data.ty, Use::Value) {
            self.push(loc, ctx, format!("{v}: {msg}"));
        }
    }

    fn check_block(&mut self, b: Block) {
        let f = self.f;
        let data = &f.blocks[b];
        for &p in &data.params {
            self.defined[p] = true;
        }
        for &inst in &data.insts {
            let Some(idata) = f.insts.get(inst) else {
                continue;
            };
            let at = At::Inst(b, inst);
            for v in unique(idata.op.operands()) {
                self.check_use(at, b, v);
            }
            self.check_op(at, &idata.op, idata.result);
            if let Some(r) = idata.result {
                self.defined[r] = true;
            }
        }
        let at = At::Term(b);
        for v in unique(data.term.operands()) {
            self.check_use(at, b, v);
        }
        self.check_term(at, &data.term);
        // Forget this block's definitions before the next block.
        for &p in &data.params {
            self.defined[p] = false;
        }
        for &inst in &data.insts {
            if let Some(r) = f.insts.get(inst).and_then(|d| d.result) {
                self.defined[r] = false;
            }
        }
    }

    fn check_use(&mut self, at: At, b: Block, v: Value) {
        if !self.f.values.is_valid(v) {
            return self.err_at(at, format!("{v} is not a value of this function"));
        }
        if self.defined[v] {
            return;
        }
        let message = match self.def_block[v] {
            None => format!("{v} is not defined by any block"),
            Some(d) if d == b => format!("{v} is used before its definition"),
            Some(d) => format!(
                "{v} is defined in {d} but used in {b} (values are block-local: pass it as a block argument or through a variable)"
            ),
        };
        self.err_at(at, message);
    }

    fn check_op(&mut self, at: At, op: &Op, result: Option<Value>) {
        let rty = result.and_then(|r| self.ty(r)).cloned();
        // Ops that must define a value: `None` from here means the result check was reported.
        let wants_result = match op {
            Op::Store(..) => false,
            Op::Call { .. } => {
                if let Some(Some(ret)) = self.call_ret(op) {
                    if (ret == Type::Void) != result.is_none() {
                        let message = if ret == Type::Void {
                            "a call of a `void` function has no result".to_string()
                        } else {
                            format!("a call returning {ret} needs a result")
                        };
                        self.err_at(at, message);
                    } else if let Some(r) = &rty {
                        if *r != ret {
                            self.err_at(
                                at,
                                format!(
                                    "result type {r} differs from the callee's return type {ret}"
                                ),
                            );
                        }
                    }
                }
                self.check_call(at, op);
                return;
            }
            _ => true,
        };
        if !wants_result {
            if result.is_some() {
                self.err_at(at, "`store` has no result".into());
            }
        } else if result.is_none() {
            return self.err_at(at, "this instruction must define a value".into());
        }
        let ty = |c: &Self, v: &Value| c.ty(*v).cloned();
        let rty = rty.unwrap_or(Type::Void);
        match op {
            Op::Iconst(n) => match rty.as_int() {
                Some(i) if *n < i.min() || *n > i.max() => {
                    self.err_at(at, format!("constant {n} is out of range of {rty}"))
                }
                Some(_) => {}
                None => self.err_at(at, format!("`iconst` result must be an integer, not {rty}")),
            },
            Op::Bconst(_) => self.expect_result(at, &rty, &Type::Bool, "bconst"),
            Op::Fconst(x) => match rty {
                Type::Float(crate::FloatTy::F32) if !f32_exact(*x) => self.err_at(
                    at,
                    format!("constant {x:?} is not exactly representable as f32"),
                ),
                Type::Float(_) => {}
                _ => self.err_at(at, format!("`fconst` result must be a float, not {rty}")),
            },
            Op::Str(bytes) => {
                if rty.pointee().is_none() {
                    self.err_at(at, format!("`str` result must be a pointer, not {rty}"));
                }
                if bytes.last() != Some(&0) {
                    self.err_at(at, "string constant is not NUL-terminated".into());
                }
            }
            Op::Null => {
                if rty.pointee().is_none() {
                    self.err_at(at, format!("`null` result must be a pointer, not {rty}"));
                }
            }
            Op::FuncAddr(fid) => match self.m.funcs.get(*fid) {
                None => self.err_at(at, format!("{fid} is not a function of the module")),
                Some(callee) => {
                    let want = Type::Fn(Box::new(callee.signature())).ptr_to();
                    if rty != want {
                        self.err_at(
                            at,
                            format!("result type must be {want}, the function's pointer type"),
                        );
                    }
                }
            },
            Op::Unary { op, arg, nsw } => {
                let Some(a) = ty(self, arg) else { return };
                let ok = match op {
                    UnaryOp::Neg | UnaryOp::Not => a.as_int().is_some(),
                    UnaryOp::FNeg => matches!(a, Type::Float(_)),
                    UnaryOp::BNot => a == Type::Bool,
                };
                if !ok {
                    self.err_at(at, format!("`{}` does not apply to {a}", op.mnemonic()));
                } else if rty != a {
                    self.err_at(
                        at,
                        format!("result type {rty} differs from the operand type {a}"),
                    );
                }
                if *nsw && *op != UnaryOp::Neg {
                    self.err_at(at, format!("`.nsw` is meaningless on `{}`", op.mnemonic()));
                }
            }
            Op::Binary { op, lhs, rhs, nsw } => {
                let (Some(l), Some(r)) = (ty(self, lhs), ty(self, rhs)) else {
                    return;
                };
                self.check_binary(at, *op, &l, &r, &rty);
                if *nsw
                    && !matches!(
                        op,
                        BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Shl
                    )
                {
                    self.err_at(at, format!("`.nsw` is meaningless on `{}`", op.mnemonic()));
                }
            }
            Op::Icmp { lhs, rhs, .. } => {
                let (Some(l), Some(r)) = (ty(self, lhs), ty(self, rhs)) else {
                    return;
                };
                let ok = match (&l, &r) {
                    (Type::Int(a), Type::Int(b)) => a == b,
                    (Type::Ptr(_), Type::Ptr(_)) => true,
                    _ => false,
                };
                if !ok {
                    self.err_at(at, format!("`icmp` needs two integers of one type or two pointers, not {l} and {r}"));
                }
                self.expect_result(at, &rty, &Type::Bool, "icmp");
            }
            Op::Fcmp { lhs, rhs, .. } => {
                let (Some(l), Some(r)) = (ty(self, lhs), ty(self, rhs)) else {
                    return;
                };
                if !matches!(l, Type::Float(_)) || l != r {
                    self.err_at(
                        at,
                        format!("`fcmp` needs two floats of one type, not {l} and {r}"),
                    );
                }
                self.expect_result(at, &rty, &Type::Bool, "fcmp");
            }
            Op::Cast { kind, arg } => {
                let Some(a) = ty(self, arg) else { return };
                let is_int = |t: &Type| t.as_int().is_some();
                let is_float = |t: &Type| matches!(t, Type::Float(_));
                let is_ptr = |t: &Type| t.pointee().is_some();
                let is_bool = |t: &Type| *t == Type::Bool;
                let (from, to): (TypeTest, TypeTest) = match kind {
                    CastKind::IntCast => (is_int, is_int),
                    CastKind::IntToBool => (is_int, is_bool),
                    CastKind::BoolToInt => (is_bool, is_int),
                    CastKind::FloatToInt => (is_float, is_int),
                    CastKind::IntToFloat => (is_int, is_float),
                    CastKind::FloatCast => (is_float, is_float),
                    CastKind::PtrCast => (is_ptr, is_ptr),
                    CastKind::PtrToBool => (is_ptr, is_bool),
                };
                if !from(&a) || !to(&rty) {
                    self.err_at(
                        at,
                        format!("`{}` cannot convert {a} to {rty}", kind.mnemonic()),
                    );
                }
            }
            Op::Select {
                cond,
                if_true,
                if_false,
            } => {
                let (Some(c), Some(t), Some(e)) =
                    (ty(self, cond), ty(self, if_true), ty(self, if_false))
                else {
                    return;
                };
                if c != Type::Bool {
                    self.err_at(at, format!("`select` condition must be bool, not {c}"));
                }
                if t != e || t != rty {
                    self.err_at(
                        at,
                        format!(
                            "`select` arms and result must have one type, not {t}, {e} and {rty}"
                        ),
                    );
                }
            }
            Op::Load(p) => {
                if let Some(pt) = self.place_type(at, p) {
                    self.check_accessible(at, &pt);
                    if pt != rty {
                        self.err_at(
                            at,
                            format!("result type {rty} differs from the place type {pt}"),
                        );
                    }
                }
            }
            Op::Store(p, v) => {
                if let (Some(pt), Some(vt)) = (self.place_type(at, p), ty(self, v)) {
                    self.check_accessible(at, &pt);
                    if pt != vt {
                        self.err_at(
                            at,
                            format!("stored value type {vt} differs from the place type {pt}"),
                        );
                    }
                }
            }
            Op::Addr(p) => {
                if let Some(pt) = self.place_type(at, p) {
                    let want = pt.ptr_to();
                    if want != rty {
                        self.err_at(
                            at,
                            format!("result type {rty} differs from the address type {want}"),
                        );
                    }
                }
            }
            Op::PtrAdd { ptr, offset } => {
                let (Some(p), Some(o)) = (ty(self, ptr), ty(self, offset)) else {
                    return;
                };
                if p.pointee().is_none() || o.as_int().is_none() {
                    self.err_at(
                        at,
                        format!("`ptradd` needs a pointer and an integer, not {p} and {o}"),
                    );
                } else if rty != p {
                    self.err_at(
                        at,
                        format!("result type {rty} differs from the pointer type {p}"),
                    );
                }
            }
            Op::PtrDiff { lhs, rhs } => {
                let (Some(l), Some(r)) = (ty(self, lhs), ty(self, rhs)) else {
                    return;
                };
                if l.pointee().is_none() || l != r {
                    self.err_at(
                        at,
                        format!("`ptrdiff` needs two pointers of one type, not {l} and {r}"),
                    );
                }
                self.expect_result(at, &rty, &Type::I64, "ptrdiff");
            }
            Op::Call { .. } => {}
        }
    }

    fn expect_result(&mut self, at: At, got: &Type, want: &Type, mnemonic: &str) {
        if got != want {
            self.err_at(at, format!("`{mnemonic}` result must be {want}, not {got}"));
        }
    }

    fn check_binary(&mut self, at: At, op: BinaryOp, l: &Type, r: &Type, rty: &Type) {
        use BinaryOp::*;
        let m = op.mnemonic();
        let ok = match op {
            Shl | LShr | AShr => {
                if l.as_int().is_none() || r.as_int().is_none() {
                    self.err_at(at, format!("`{m}` needs integer operands, not {l} and {r}"));
                    return;
                }
                true
            }
            Add | Sub | Mul | SDiv | UDiv | SRem | URem | And | Or | Xor => {
                l.as_int().is_some() && l == r
            }
            FAdd | FSub | FMul | FDiv => matches!(l, Type::Float(_)) && l == r,
            BAnd | BOr => *l == Type::Bool && *r == Type::Bool,
        };
        if !ok {
            let kind = match op {
                FAdd | FSub | FMul | FDiv => "two floats of one type",
                BAnd | BOr => "two bools",
                _ => "two integers of one type",
            };
            self.err_at(at, format!("`{m}` needs {kind}, not {l} and {r}"));
        } else if rty != l {
            self.err_at(
                at,
                format!("result type {rty} differs from the operand type {l}"),
            );
        }
    }

    /// Loads and stores move values: the place must have a value type.
    fn check_accessible(&mut self, at: At, pt: &Type) {
        if matches!(pt, Type::Void | Type::Fn(_)) {
            self.err_at(
                at,
                format!("a place of type {pt} cannot be read or written"),
            );
        }
    }

    /// The type of place `p`, or None after reporting why it has none.
    fn place_type(&mut self, at: At, p: &Place) -> Option<Type> {
        let mut t = match &p.base {
            PlaceBase::Var(v) => match self.f.vars.get(*v) {
                Some(d) => d.ty.clone(),
                None => {
                    self.err_at(at, format!("{v} is not a variable of this function"));
                    return None;
                }
            },
            PlaceBase::Global(g) => match self.m.globals.get(*g) {
                Some(d) => d.ty.clone(),
                None => {
                    self.err_at(at, format!("{g} is not a global of the module"));
                    return None;
                }
            },
            PlaceBase::Deref(v) => {
                let vt = self.ty(*v)?.clone();
                match vt.pointee() {
                    Some(pointee) => pointee.clone(),
                    None => {
                        self.err_at(
                            at,
                            format!("dereference of {v}, which is {vt}, not a pointer"),
                        );
                        return None;
                    }
                }
            }
        };
        for (i, proj) in p.proj.iter().enumerate() {
            t = match proj {
                Proj::Field(n) => {
                    let Type::Struct(s) = &t else {
                        self.err_at(at, format!("field .{n} of {t}, which is not a struct"));
                        return None;
                    };
                    match self
                        .m
                        .structs
                        .get(*s)
                        .and_then(|d| d.fields.get(*n as usize))
                    {
                        Some(field) => field.ty.clone(),
                        None => {
                            self.err_at(at, format!("{s} has no field .{n}"));
                            return None;
                        }
                    }
                }
                Proj::Index(v) => {
                    if let Some(it) = self.ty(*v) {
                        if it.as_int().is_none() {
                            let message = format!("index {v} is {it}, not an integer");
                            self.err_at(at, message);
                        }
                    }
                    if i == 0 && matches!(p.base, PlaceBase::Deref(_)) {
                        t
                    } else if let Type::Array(elem, _) = t {
                        *elem
                    } else {
                        self.err_at(at, format!("index into {t}, which is not an array"));
                        return None;
                    }
                }
            };
        }
        Some(t)
    }

    /// The callee's return type: `Some(Some(ty))` when known, `Some(None)` when not
    /// (extern calls, or a broken callee that `check_call` reports).
    fn call_ret(&self, op: &Op) -> Option<Option<Type>> {
        let Op::Call { callee, .. } = op else {
            return None;
        };
        Some(match callee {
            Callee::Func(fid) => self.m.funcs.get(*fid).map(|g| g.ret.clone()),
            Callee::Extern(_) => None,
            Callee::Indirect(v) => match self.ty(*v).and_then(Type::pointee) {
                Some(Type::Fn(sig)) => Some(sig.ret.clone()),
                _ => None,
            },
        })
    }

    fn check_call(&mut self, at: At, op: &Op) {
        let Op::Call { callee, args } = op else {
            return;
        };
        let sig = match callee {
            Callee::Func(fid) => match self.m.funcs.get(*fid) {
                Some(g) => g.signature(),
                None => return self.err_at(at, format!("{fid} is not a function of the module")),
            },
            Callee::Extern(_) => return,
            Callee::Indirect(v) => match self.ty(*v).cloned() {
                None => return,
                Some(t) => match t.pointee() {
                    Some(Type::Fn(sig)) => (**sig).clone(),
                    _ => {
                        return self
                            .err_at(at, format!("callee {v} is {t}, not a function pointer"))
                    }
                },
            },
        };
        let count_ok = if sig.variadic {
            args.len() >= sig.params.len()
        } else {
            args.len() == sig.params.len()
        };
        if !count_ok {
            let at_least = if sig.variadic { "at least " } else { "" };
            let message = format!(
                "the callee takes {at_least}{}, given {}",
                count(sig.params.len(), "argument"),
                args.len()
            );
            return self.err_at(at, message);
        }
        for (i, (a, p)) in args.iter().zip(&sig.params).enumerate() {
            if let Some(at_ty) = self.ty(*a).cloned() {
                if at_ty != *p {
                    self.err_at(
                        at,
                        format!("argument {i} ({a}) is {at_ty}, parameter is {p}"),
                    );
                }
            }
        }
    }

    fn check_block_call(&mut self, at: At, c: &BlockCall) {
        let Some(target) = self.f.blocks.get(c.block) else {
            return self.err_at(at, format!("{} is not a block", c.block));
        };
        if c.args.len() != target.params.len() {
            let n = count(target.params.len(), "parameter");
            let message = format!("{} has {n}, given {} arguments", c.block, c.args.len());
            return self.err_at(at, message);
        }
        for (i, (&a, &p)) in c.args.iter().zip(&target.params).enumerate() {
            if let (Some(at_ty), Some(pt)) = (self.ty(a).cloned(), self.ty(p).cloned()) {
                if at_ty != pt {
                    self.err_at(
                        at,
                        format!(
                            "argument {i} ({a}) is {at_ty}, {} parameter {p} is {pt}",
                            c.block
                        ),
                    );
                }
            }
        }
    }

    fn check_term(&mut self, at: At, term: &Terminator) {
        match term {
            Terminator::Jump(c) => self.check_block_call(at, c),
            Terminator::Branch {
                cond,
                then_dest,
                else_dest,
            } => {
                if let Some(t) = self.ty(*cond).cloned() {
                    if t != Type::Bool {
                        self.err_at(at, format!("branch condition {cond} is {t}, not bool"));
                    }
                }
                self.check_block_call(at, then_dest);
                self.check_block_call(at, else_dest);
            }
            Terminator::Switch {
                value,
                cases,
                default,
            } => {
                let int = match self.ty(*value).cloned() {
                    Some(Type::Int(i)) => Some(i),
                    Some(t) => {
                        self.err_at(
                            at,
                            format!("switch scrutinee {value} is {t}, not an integer"),
                        );
                        None
                    }
                    None => None,
                };
                let mut seen: Vec<i128> = Vec::new();
                for (n, _) in cases {
                    if seen.contains(n) {
                        self.err_at(at, format!("case {n} appears twice"));
                    }
                    seen.push(*n);
                    if let Some(i) = int {
                        if *n < i.min() || *n > i.max() {
                            self.err_at(
                                at,
                                format!("case {n} is out of range of {}", Type::Int(i)),
                            );
                        }
                    }
                }
                let mut targets: Vec<Block> = cases.iter().map(|(_, b)| *b).collect();
                targets.push(*default);
                targets.sort();
                targets.dedup();
                for b in targets {
                    match self.f.blocks.get(b) {
                        None => self.err_at(at, format!("{b} is not a block")),
                        Some(d) if !d.params.is_empty() => {
                            self.err_at(at, format!("switch target {b} has parameters"))
                        }
                        Some(_) => {}
                    }
                }
            }
            Terminator::Return(v) => {
                let ret = self.f.ret.clone();
                match v {
                    None if ret != Type::Void => self.err_at(
                        at,
                        format!("return without a value from a function returning {ret}"),
                    ),
                    Some(_) if ret == Type::Void => {
                        self.err_at(at, "return with a value from a `void` function".into())
                    }
                    Some(v) => {
                        if let Some(t) = self.ty(*v).cloned() {
                            if t != ret {
                                self.err_at(
                                    at,
                                    format!("returned {v} is {t}, the function returns {ret}"),
                                );
                            }
                        }
                    }
                    None => {}
                }
            }
            Terminator::Unreachable => {}
        }
    }
}

/// `values` without repeats, in first-use order (one error per value, not per operand).
fn unique(mut values: Vec<Value>) -> Vec<Value> {
    let mut seen = Vec::with_capacity(values.len());
    values.retain(|v| {
        let new = !seen.contains(v);
        seen.push(*v);
        new
    });
    values
}

/// `1 argument`, `2 arguments`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests;
