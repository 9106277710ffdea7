//! The execution engine: frames on an explicit stack, instruction and terminator semantics,
//! place evaluation, calls, and the two entry points (`run_main`, `eval_block`).
//!
//! Invariants:
//! - No host recursion per IR call: a call pushes a [`Frame`], a return pops it. The only
//!   nested loop is a library function calling back into the program (`qsort` comparators),
//!   whose depth is bounded by the program's call depth limit too.
//! - Every fault becomes a [`Trap`] carrying the span of the instruction (or, for a
//!   terminator, of its block) and the function's name.
//! - SSA values are frame-local and block-local; variables live in [`Locals`]: a scalar whose
//!   address is never taken is a plain value, every other variable is a memory object.

use crate::memory::{Layouts, Memory, ObjKind};
use crate::trap::{malformed, ub, Fault, Trap};
use crate::value::{IntVal, ObjId, Pointer, Val};
use crate::{ops, RunConfig, RunResult};
use xl_base::{EntityRef, Span};
use xl_ir::{
    Block, BlockCall, Callee, Func, FuncId, Inst, IntTy, Module, Op, Place, PlaceBase, Proj,
    Terminator, Type, Value, Var,
};

/// Where a variable's value lives.
#[derive(Clone, Debug, PartialEq)]
pub enum VarSlot {
    /// A scalar whose address is never taken: the value itself.
    Val(Val),
    /// An object in [`Memory`] (address-taken variables, structs, arrays).
    Obj(ObjId),
}

/// The variables of one frame, indexed by [`Var`].
#[derive(Clone, Debug, PartialEq)]
pub struct Locals {
    /// The function they belong to.
    pub func: FuncId,
    /// One slot per variable of the function, by `Var` index.
    pub slots: Vec<VarSlot>,
}

/// Program input and output.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Io {
    /// Bytes written to stdout.
    pub stdout: Vec<u8>,
    /// Bytes written to stderr.
    pub stderr: Vec<u8>,
    /// Standard input.
    pub stdin: Vec<u8>,
    /// Next stdin byte to read.
    pub stdin_pos: usize,
    /// `strtok`'s saved position.
    pub strtok: Option<Pointer>,
}

/// Everything outside the current frame: memory and I/O.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct State {
    /// All objects.
    pub mem: Memory,
    /// Input and captured output.
    pub io: Io,
}

/// How a block ended (the result of [`Interp::eval_block`]).
#[derive(Clone, Debug, PartialEq)]
pub enum BlockExit {
    /// Control goes to `block` with these arguments for its parameters.
    Jump {
        /// The successor.
        block: Block,
        /// Its parameter values.
        args: Vec<Val>,
    },
    /// The function returns (with its value, unless `void`).
    Return(Option<Val>),
    /// The program called `exit(code)` (in this block or in a callee).
    Exit(i32),
}

/// A module prepared for execution: verified, with layouts and per-variable storage
/// decisions computed once.
pub struct Interp<'m> {
    /// The program.
    pub module: &'m Module,
    /// Its type layouts.
    pub layouts: Layouts,
    /// Per function, per variable: true when the variable lives in memory.
    in_memory: Vec<Vec<bool>>,
}

impl<'m> Interp<'m> {
    /// Verifies `module` and prepares it. An ill-formed module gives [`Trap::Malformed`]
    /// listing the verifier's findings (the first ten).
    pub fn new(module: &'m Module) -> Result<Interp<'m>, Trap> {
        if let Err(errs) = xl_ir::verify::verify_module(module) {
            let shown: Vec<String> = errs.iter().take(10).map(|e| e.to_string()).collect();
            let more = if errs.len() > 10 {
                format!("\n... and {} more", errs.len() - 10)
            } else {
                String::new()
            };
            return Err(Trap::Malformed(format!(
                "the module does not verify:\n{}{more}",
                shown.join("\n")
            )));
        }
        Ok(Interp::new_unverified(module))
    }

    /// Prepares `module` without verifying it. Only for modules the caller knows verify
    /// (e.g. verified once, then replayed many times): the no-panic guarantee of this crate
    /// assumes a well-formed module.
    pub fn new_unverified(module: &'m Module) -> Interp<'m> {
        let in_memory = module
            .funcs
            .values()
            .map(|f| {
                let mut mem: Vec<bool> = f.vars.values().map(|v| !v.ty.is_scalar()).collect();
                for inst in f.insts.values() {
                    if let Op::Addr(Place {
                        base: PlaceBase::Var(v),
                        ..
                    }) = &inst.op
                    {
                        if let Some(m) = mem.get_mut(v.index()) {
                            *m = true;
                        }
                    }
                }
                mem
            })
            .collect();
        Interp {
            module,
            layouts: Layouts::new(module),
            in_memory,
        }
    }

    /// A fresh state: globals initialised, no frames, stdin from `config`.
    pub fn new_state(&self, config: &RunConfig) -> Result<State, Trap> {
        let mem = Memory::new(self.module, &self.layouts, config.max_object)
            .map_err(|f| f.into_trap(&Span::default(), "<globals>"))?;
        Ok(State {
            mem,
            io: Io {
                stdin: config.stdin.clone(),
                ..Io::default()
            },
        })
    }

    /// Zeroed variables for a frame of `func` (objects allocated in `state` for those that
    /// live in memory).
    pub fn new_locals(
        &self,
        state: &mut State,
        func: FuncId,
        config: &RunConfig,
    ) -> Result<Locals, Trap> {
        let Some(f) = self.module.funcs.get(func) else {
            return Err(Trap::Malformed(format!("no function {func}")));
        };
        let flags = &self.in_memory[func.index()];
        let mut slots = Vec::with_capacity(f.vars.len());
        for (v, data) in f.vars.iter() {
            if flags[v.index()] {
                let size = self.layouts.size(&data.ty);
                let o = state
                    .mem
                    .alloc(
                        ObjKind::Local { func, var: v },
                        size,
                        false,
                        config.max_object,
                    )
                    .map_err(|e| e.into_trap(&data.span, &f.name))?;
                slots.push(VarSlot::Obj(o));
            } else {
                slots.push(VarSlot::Val(Val::zero(self.module, &data.ty)));
            }
        }
        Ok(Locals { func, slots })
    }

    /// Kills the memory objects of `locals` (the frame returned).
    pub fn release_locals(&self, state: &mut State, locals: &Locals) {
        for s in locals.slots.iter().rev() {
            if let VarSlot::Obj(o) = s {
                state.mem.kill(*o);
            }
        }
    }

    /// The current value of variable `var`.
    pub fn get_var(&self, state: &State, locals: &Locals, var: Var) -> Result<Val, Trap> {
        let Some(f) = self.module.funcs.get(locals.func) else {
            return Err(Trap::Malformed(format!("no function {}", locals.func)));
        };
        let Some(data) = f.vars.get(var) else {
            return Err(Trap::Malformed(format!("no variable {var} in {}", f.name)));
        };
        match locals.slots.get(var.index()) {
            Some(VarSlot::Val(v)) => Ok(v.clone()),
            Some(VarSlot::Obj(o)) => state
                .mem
                .load(&self.layouts, self.module, *o, 0, &data.ty)
                .map_err(|e| e.into_trap(&data.span, &f.name)),
            None => Err(Trap::Malformed(format!("no variable {var} in {}", f.name))),
        }
    }

    /// Sets variable `var` to `val` (which must have the variable's type).
    pub fn set_var(
        &self,
        state: &mut State,
        locals: &mut Locals,
        var: Var,
        val: Val,
    ) -> Result<(), Trap> {
        let Some(f) = self.module.funcs.get(locals.func) else {
            return Err(Trap::Malformed(format!("no function {}", locals.func)));
        };
        let Some(data) = f.vars.get(var) else {
            return Err(Trap::Malformed(format!("no variable {var} in {}", f.name)));
        };
        if !val.fits(self.module, &data.ty) {
            return Err(Trap::Malformed(format!(
                "value {val} does not fit {var}: {}",
                data.ty
            )));
        }
        match locals.slots.get_mut(var.index()) {
            Some(VarSlot::Val(v)) => {
                *v = val;
                Ok(())
            }
            Some(VarSlot::Obj(o)) => state
                .mem
                .store(&self.layouts, self.module, *o, 0, &data.ty, &val)
                .map_err(|e| e.into_trap(&data.span, &f.name)),
            None => Err(Trap::Malformed(format!("no variable {var} in {}", f.name))),
        }
    }

    /// Runs `main` to completion (or to a trap).
    pub fn run_main(&self, config: &RunConfig) -> RunResult {
        // C's initial generator state, so every run prints the same `rand()` sequence.
        xl_runtime::srand(1);
        let mut result = RunResult {
            stdout: Vec::new(),
            stderr: Vec::new(),
            exit_code: None,
            trap: None,
            steps: 0,
        };
        let mut state = match self.new_state(config) {
            Ok(s) => s,
            Err(t) => {
                result.trap = Some(t);
                return result;
            }
        };
        let outcome = self.run_main_in(&mut state, config, &mut result.steps);
        result.stdout = std::mem::take(&mut state.io.stdout);
        result.stderr = std::mem::take(&mut state.io.stderr);
        match outcome {
            Ok(code) => result.exit_code = Some(code),
            Err(t) => result.trap = Some(t),
        }
        result
    }

    fn run_main_in(
        &self,
        state: &mut State,
        config: &RunConfig,
        steps: &mut u64,
    ) -> Result<i32, Trap> {
        let Some(main) = self.module.func_by_name("main") else {
            return Err(Trap::Malformed("the module has no `main`".into()));
        };
        let f = &self.module.funcs[main];
        let args = match f.params.len() {
            0 => Vec::new(),
            2 => self
                .make_argv(state, config)
                .map_err(|e| e.into_trap(&f.span, "main"))?,
            n => {
                return Err(Trap::Malformed(format!(
                    "`main` takes {n} parameters (want 0 or 2)"
                )))
            }
        };
        let mut m = Machine::new(self, state, config);
        let r = m.push_call(main, args, None, &f.span);
        let r = r.and_then(|()| m.run(0, false));
        *steps = m.steps;
        match r? {
            BlockExit::Return(Some(Val::Int(v))) => Ok(v.signed() as i32),
            BlockExit::Return(None) => Ok(0),
            BlockExit::Return(Some(v)) => Err(Trap::Malformed(format!("`main` returned {v}"))),
            BlockExit::Exit(code) => Ok(code),
            BlockExit::Jump { .. } => Err(Trap::Malformed("run stopped at a jump".into())),
        }
    }

    /// `argc` and `argv` for `main(int, char **)`.
    fn make_argv(&self, state: &mut State, config: &RunConfig) -> Result<Vec<Val>, Fault> {
        let mut ptrs = Vec::new();
        for a in &config.args {
            let mut bytes = a.as_bytes().to_vec();
            bytes.push(0);
            let o = state
                .mem
                .alloc(ObjKind::Arg, bytes.len() as u64, false, config.max_object)?;
            state.mem.objects[o.index()].bytes.copy_from_slice(&bytes);
            ptrs.push(Pointer::Obj { obj: o, off: 0 });
        }
        ptrs.push(Pointer::Null);
        let arr = state.mem.alloc(
            ObjKind::Arg,
            8 * ptrs.len() as u64,
            false,
            config.max_object,
        )?;
        for (i, p) in ptrs.iter().enumerate() {
            let a = state.mem.addr_of(*p).to_le_bytes();
            state.mem.objects[arr.index()].bytes[8 * i..8 * i + 8].copy_from_slice(&a);
        }
        Ok(vec![
            Val::int(IntTy::I32, config.args.len() as i128),
            Val::Ptr(Pointer::Obj { obj: arr, off: 0 }),
        ])
    }

    /// Executes block `block` of `locals.func` with parameter values `params`, updating
    /// `state` and `locals`; calls run to completion. Returns the successor and its
    /// arguments, the returned value, or the `exit` code.
    pub fn eval_block(
        &self,
        state: &mut State,
        locals: &mut Locals,
        block: Block,
        params: &[Val],
        config: &RunConfig,
    ) -> Result<BlockExit, Trap> {
        let func = locals.func;
        let Some(f) = self.module.funcs.get(func) else {
            return Err(Trap::Malformed(format!("no function {func}")));
        };
        if f.blocks.get(block).is_none() {
            return Err(Trap::Malformed(format!("no {block} in {}", f.name)));
        }
        let mut m = Machine::new(self, state, config);
        let taken = std::mem::replace(
            locals,
            Locals {
                func,
                slots: Vec::new(),
            },
        );
        let mut frame = Frame::new(f, taken, block, None, f.span.clone());
        let r = frame
            .enter(f, block, params.to_vec())
            .map_err(|e| e.into_trap(&f.blocks[block].span, &f.name));
        m.frames.push(frame);
        let r = r.and_then(|()| m.run(0, true));
        if !m.frames.is_empty() {
            *locals = m.frames.swap_remove(0).locals;
        }
        r
    }
}

/// One activation of a function.
struct Frame<'m> {
    func: &'m Func,
    locals: Locals,
    block: Block,
    /// Index of the next instruction of `block`; its length means "the terminator".
    pos: usize,
    values: Vec<Option<Val>>,
    /// The caller's value that receives the result.
    ret_to: Option<Value>,
    /// The call's span (for traps about the call itself).
    call_span: Span,
}

impl<'m> Frame<'m> {
    fn new(
        func: &'m Func,
        locals: Locals,
        block: Block,
        ret_to: Option<Value>,
        call_span: Span,
    ) -> Frame<'m> {
        Frame {
            func,
            locals,
            block,
            pos: 0,
            values: vec![None; func.values.len()],
            ret_to,
            call_span,
        }
    }

    /// Enters `block` binding its parameters.
    fn enter(&mut self, f: &Func, block: Block, args: Vec<Val>) -> Result<(), Fault> {
        let Some(bd) = f.blocks.get(block) else {
            return malformed(format!("jump to missing {block}"));
        };
        if bd.params.len() != args.len() {
            return malformed(format!(
                "{block} takes {} arguments, got {}",
                bd.params.len(),
                args.len()
            ));
        }
        for (p, a) in bd.params.iter().zip(args) {
            match self.values.get_mut(p.index()) {
                Some(slot) => *slot = Some(a),
                None => return malformed(format!("parameter {p} of {block} is not a value")),
            }
        }
        self.block = block;
        self.pos = 0;
        Ok(())
    }

    fn val(&self, v: Value) -> Result<&Val, Fault> {
        match self.values.get(v.index()) {
            Some(Some(x)) => Ok(x),
            _ => malformed(format!("{v} is used before it is defined")),
        }
    }
}

/// A resolved place.
enum Loc<'m> {
    /// A variable held as a plain value.
    Slot(Var),
    /// Bytes in memory, of type `ty`.
    Mem { obj: ObjId, off: u64, ty: &'m Type },
}

/// The interpreter proper: the interpreter's tables, the state, and the frame stack.
pub(crate) struct Machine<'a, 'm> {
    pub(crate) interp: &'a Interp<'m>,
    pub(crate) st: &'a mut State,
    frames: Vec<Frame<'m>>,
    pub(crate) config: &'a RunConfig,
    fuel: u64,
    steps: u64,
}

impl<'a, 'm> Machine<'a, 'm> {
    fn new(interp: &'a Interp<'m>, st: &'a mut State, config: &'a RunConfig) -> Machine<'a, 'm> {
        Machine {
            interp,
            st,
            frames: Vec::new(),
            config,
            fuel: config.fuel,
            steps: 0,
        }
    }

    pub(crate) fn module(&self) -> &'m Module {
        self.interp.module
    }

    pub(crate) fn layouts(&self) -> &'a Layouts {
        &self.interp.layouts
    }

    /// Pushes a frame for `func` called with `args`; its result goes to `ret_to` of the
    /// current top frame.
    fn push_call(
        &mut self,
        func: FuncId,
        args: Vec<Val>,
        ret_to: Option<Value>,
        span: &Span,
    ) -> Result<(), Trap> {
        let module = self.interp.module;
        let Some(f) = module.funcs.get(func) else {
            return Err(Trap::Malformed(format!("call to missing {func}")));
        };
        if self.frames.len() >= self.config.max_depth {
            return Err(Trap::DepthLimit {
                depth: self.config.max_depth,
                span: span.clone(),
            });
        }
        if args.len() != f.params.len() {
            return Err(Trap::Malformed(format!(
                "{} takes {} arguments, got {} (at {span})",
                f.name,
                f.params.len(),
                args.len()
            )));
        }
        let mut locals = self.interp.new_locals(self.st, func, self.config)?;
        for (&p, a) in f.params.iter().zip(args) {
            if let Err(t) = self.interp.set_var(self.st, &mut locals, p, a) {
                self.interp.release_locals(self.st, &locals);
                return Err(t);
            }
        }
        let mut frame = Frame::new(f, locals, f.entry, ret_to, span.clone());
        frame
            .enter(f, f.entry, Vec::new())
            .map_err(|e| e.into_trap(span, &f.name))?;
        self.frames.push(frame);
        Ok(())
    }

    /// Pops the top frame, releasing its objects.
    fn pop_frame(&mut self) -> Option<Frame<'m>> {
        let fr = self.frames.pop()?;
        self.interp.release_locals(self.st, &fr.locals);
        Some(fr)
    }

    /// Runs until the frame at index `base` returns (its `Return` is the result, the frame
    /// is left on the stack), or, with `stop_at_base_term`, until that frame executes any
    /// terminator.
    fn run(&mut self, base: usize, stop_at_base_term: bool) -> Result<BlockExit, Trap> {
        loop {
            if self.fuel == 0 {
                return Err(Trap::OutOfFuel);
            }
            self.fuel -= 1;
            self.steps += 1;
            let top = self
                .frames
                .len()
                .checked_sub(1)
                .ok_or_else(|| Trap::Malformed("no frame to run".into()))?;
            let frame = &self.frames[top];
            let f = frame.func;
            let bd = &f.blocks[frame.block];
            if frame.pos < bd.insts.len() {
                let inst = bd.insts[frame.pos];
                self.frames[top].pos += 1;
                match self.exec_inst(inst) {
                    Ok(()) => {}
                    Err(Fault::Exit(code)) => return Ok(BlockExit::Exit(code)),
                    Err(e) => return Err(e.into_trap(&f.insts[inst].span, &f.name)),
                }
                continue;
            }
            let exit = self
                .exec_term(&bd.term)
                .map_err(|e| e.into_trap(&bd.span, &f.name))?;
            if top == base && stop_at_base_term {
                return Ok(exit);
            }
            match exit {
                BlockExit::Jump { block, args } => self.frames[top]
                    .enter(f, block, args)
                    .map_err(|e| e.into_trap(&bd.span, &f.name))?,
                BlockExit::Return(v) => {
                    if top == base {
                        return Ok(BlockExit::Return(v));
                    }
                    let Some(done) = self.pop_frame() else {
                        return Err(Trap::Malformed("return without a frame".into()));
                    };
                    let caller = self
                        .frames
                        .last_mut()
                        .ok_or_else(|| Trap::Malformed("return without a caller".into()))?;
                    match (done.ret_to, v) {
                        (Some(dst), Some(v)) => match caller.values.get_mut(dst.index()) {
                            Some(slot) => *slot = Some(v),
                            None => {
                                return Err(Trap::Malformed(format!(
                                    "call result {dst} is not a value"
                                )))
                            }
                        },
                        (Some(dst), None) => {
                            return Err(Trap::Malformed(format!(
                                "{} returned no value for {dst} (call at {})",
                                done.func.name, done.call_span
                            )))
                        }
                        (None, _) => {}
                    }
                }
                BlockExit::Exit(code) => return Ok(BlockExit::Exit(code)),
            }
        }
    }

    /// Calls `func` from a library function (a `qsort` comparator) and runs it to its
    /// return.
    pub(crate) fn call_nested(
        &mut self,
        func: FuncId,
        args: Vec<Val>,
        span: &Span,
    ) -> Result<Option<Val>, Fault> {
        self.push_call(func, args, None, span)
            .map_err(Fault::Trap)?;
        let base = self.frames.len() - 1;
        match self.run(base, false) {
            Ok(BlockExit::Return(v)) => {
                self.pop_frame();
                Ok(v)
            }
            Ok(BlockExit::Exit(code)) => Err(Fault::Exit(code)),
            Ok(BlockExit::Jump { .. }) => malformed("nested call stopped at a jump"),
            Err(t) => Err(Fault::Trap(t)),
        }
    }

    /// The span of the instruction being executed (for nested calls).
    pub(crate) fn current_span(&self) -> Span {
        self.frames
            .last()
            .and_then(|fr| {
                let bd = &fr.func.blocks[fr.block];
                fr.pos
                    .checked_sub(1)
                    .and_then(|i| bd.insts.get(i))
                    .map(|i| fr.func.insts[*i].span.clone())
            })
            .unwrap_or_default()
    }

    fn top(&self) -> Result<&Frame<'m>, Fault> {
        match self.frames.last() {
            Some(f) => Ok(f),
            None => malformed("no frame"),
        }
    }

    fn val(&self, v: Value) -> Result<&Val, Fault> {
        self.top()?.val(v)
    }

    fn int(&self, v: Value) -> Result<IntVal, Fault> {
        match self.val(v)? {
            Val::Int(i) => Ok(*i),
            other => malformed(format!("{v} = {other} is not an integer")),
        }
    }

    fn ptr(&self, v: Value) -> Result<Pointer, Fault> {
        match self.val(v)? {
            Val::Ptr(p) => Ok(*p),
            other => malformed(format!("{v} = {other} is not a pointer")),
        }
    }

    /// The pointee type of pointer value `v`.
    fn pointee(&self, v: Value) -> Result<&'m Type, Fault> {
        let f = self.top()?.func;
        match f.values.get(v).map(|d| &d.ty) {
            Some(Type::Ptr(t)) => Ok(t),
            _ => malformed(format!("{v} does not have a pointer type")),
        }
    }

    /// Resolves a place. `for_addr`: the place is only addressed, so its last `Index` may be
    /// one past the end of its array.
    fn place(&self, place: &'m Place, for_addr: bool) -> Result<Loc<'m>, Fault> {
        let frame = self.top()?;
        let f = frame.func;
        let module = self.interp.module;
        let lay = &self.interp.layouts;
        let (obj, mut off, mut ty) = match &place.base {
            PlaceBase::Var(v) => match frame.locals.slots.get(v.index()) {
                Some(VarSlot::Val(_)) if place.proj.is_empty() => return Ok(Loc::Slot(*v)),
                Some(VarSlot::Val(_)) => return malformed(format!("projection of scalar {v}")),
                Some(VarSlot::Obj(o)) => (*o, 0, &f.vars[*v].ty),
                None => return malformed(format!("no variable {v}")),
            },
            PlaceBase::Global(g) => {
                match (self.st.mem.globals.get(g.index()), module.globals.get(*g)) {
                    (Some(o), Some(gd)) => (*o, 0, &gd.ty),
                    _ => return malformed(format!("no global {g}")),
                }
            }
            PlaceBase::Deref(p) => {
                let ptr = self.ptr(*p)?;
                let (o, off) = self.st.mem.target(ptr, "deref")?;
                self.st.mem.check_access(o, off, 0, false, "deref")?;
                (o, off, self.pointee(*p)?)
            }
        };
        let Some(obj_size) = self.st.mem.objects.get(obj.index()).map(|o| o.size) else {
            return malformed(format!("place names missing object {}", obj.0));
        };
        let n = place.proj.len();
        for (k, proj) in place.proj.iter().enumerate() {
            match proj {
                Proj::Index(iv) if k == 0 && matches!(place.base, PlaceBase::Deref(_)) => {
                    let i = self.int(*iv)?.math();
                    let es = i128::from(lay.size(ty));
                    let new = i
                        .checked_mul(es)
                        .and_then(|d| i128::from(off).checked_add(d));
                    let Some(new) = new.filter(|n| *n >= 0 && *n <= i128::from(obj_size)) else {
                        return ub(format!(
                            "index: pointer index {i} leaves its {obj_size}-byte object (from offset {off})"
                        ));
                    };
                    off = new as u64;
                }
                Proj::Index(iv) => {
                    let Type::Array(elem, len) = ty else {
                        return malformed(format!("index into non-array type {ty}"));
                    };
                    let i = self.int(*iv)?.math();
                    let one_past_ok = for_addr && k + 1 == n;
                    if i < 0 || i > i128::from(*len) || (i == i128::from(*len) && !one_past_ok) {
                        return ub(format!("index: {i} is out of bounds of [{elem}; {len}]"));
                    }
                    off = off.saturating_add((i as u64).saturating_mul(lay.size(elem)));
                    ty = elem;
                }
                Proj::Field(fi) => {
                    let Type::Struct(s) = ty else {
                        return malformed(format!("field of non-struct type {ty}"));
                    };
                    let Some(field) = module
                        .structs
                        .get(*s)
                        .and_then(|d| d.fields.get(*fi as usize))
                    else {
                        return malformed(format!("no field {fi} in {s}"));
                    };
                    off = off.saturating_add(lay.field_offset(*s, *fi).unwrap_or(0));
                    ty = &field.ty;
                }
            }
        }
        Ok(Loc::Mem { obj, off, ty })
    }

    fn set(&mut self, v: Option<Value>, val: Val) -> Result<(), Fault> {
        let Some(v) = v else {
            return malformed("op result missing");
        };
        let frame = match self.frames.last_mut() {
            Some(f) => f,
            None => return malformed("no frame"),
        };
        match frame.values.get_mut(v.index()) {
            Some(slot) => {
                *slot = Some(val);
                Ok(())
            }
            None => malformed(format!("{v} is not a value of the function")),
        }
    }

    fn exec_inst(&mut self, inst: Inst) -> Result<(), Fault> {
        let frame = self.top()?;
        let f: &'m Func = frame.func;
        let data = &f.insts[inst];
        let result = data.result;
        let rty = result.and_then(|r| f.values.get(r)).map(|d| &d.ty);
        let interp: &'a Interp<'m> = self.interp;
        let module = interp.module;
        let lay = &interp.layouts;
        let val = match &data.op {
            Op::Iconst(n) => match rty {
                Some(Type::Int(t)) => Val::int(*t, *n),
                Some(Type::Bool) => Val::Bool(*n != 0),
                _ => return malformed("iconst without an integer result"),
            },
            Op::Bconst(b) => Val::Bool(*b),
            Op::Fconst(x) => match rty {
                Some(Type::Float(xl_ir::FloatTy::F32)) => Val::F32(*x as f32),
                _ => Val::F64(*x),
            },
            Op::Str(bytes) => {
                let o = self.st.mem.intern(bytes, self.config.max_object)?;
                Val::Ptr(Pointer::Obj { obj: o, off: 0 })
            }
            Op::Null => Val::Ptr(Pointer::Null),
            Op::FuncAddr(fid) => Val::Ptr(Pointer::Func(*fid)),
            Op::Unary { op, arg, nsw } => ops::unary(*op, *nsw, self.val(*arg)?)?,
            Op::Binary { op, lhs, rhs, nsw } => {
                ops::binary(*op, *nsw, self.val(*lhs)?, self.val(*rhs)?)?
            }
            Op::Icmp { cond, lhs, rhs } => {
                Val::Bool(ops::icmp(*cond, self.val(*lhs)?, self.val(*rhs)?)?)
            }
            Op::Fcmp { cond, lhs, rhs } => {
                Val::Bool(ops::fcmp(*cond, self.val(*lhs)?, self.val(*rhs)?)?)
            }
            Op::Cast { kind, arg } => match rty {
                Some(t) => ops::cast(*kind, self.val(*arg)?, t)?,
                None => return malformed("cast without a result"),
            },
            Op::Select {
                cond,
                if_true,
                if_false,
            } => match self.val(*cond)? {
                Val::Bool(true) => self.val(*if_true)?.clone(),
                Val::Bool(false) => self.val(*if_false)?.clone(),
                other => return malformed(format!("select condition {other} is not a bool")),
            },
            Op::Load(place) => match self.place(place, false)? {
                Loc::Slot(v) => match &self.top()?.locals.slots[v.index()] {
                    VarSlot::Val(x) => x.clone(),
                    VarSlot::Obj(_) => return malformed("slot changed kind"),
                },
                Loc::Mem { obj, off, ty } => self.st.mem.load(lay, module, obj, off, ty)?,
            },
            Op::Store(place, v) => {
                let x = self.val(*v)?.clone();
                match self.place(place, false)? {
                    Loc::Slot(var) => {
                        let ty = &f.vars[var].ty;
                        if !x.fits(module, ty) {
                            return malformed(format!("store of {x} to {var}: {ty}"));
                        }
                        let frame = self
                            .frames
                            .last_mut()
                            .ok_or(Fault::Malformed("no frame".into()))?;
                        frame.locals.slots[var.index()] = VarSlot::Val(x);
                    }
                    Loc::Mem { obj, off, ty } => {
                        self.st.mem.store(lay, module, obj, off, ty, &x)?
                    }
                }
                return Ok(());
            }
            Op::Addr(place) => match self.place(place, true)? {
                Loc::Slot(v) => return malformed(format!("address of register variable {v}")),
                Loc::Mem { obj, off, .. } => Val::Ptr(Pointer::Obj { obj, off }),
            },
            Op::PtrAdd { ptr, offset } => {
                let p = self.ptr(*ptr)?;
                let k = self.int(*offset)?.math();
                let es = i128::from(lay.size(self.pointee(*ptr)?));
                let Some(bytes) = k.checked_mul(es) else {
                    return ub(format!(
                        "ptradd: offset {k} elements of {es} bytes leaves any object"
                    ));
                };
                Val::Ptr(self.ptr_add(p, bytes)?)
            }
            Op::PtrDiff { lhs, rhs } => {
                let (a, b) = (self.ptr(*lhs)?, self.ptr(*rhs)?);
                let es = i128::from(lay.size(self.pointee(*lhs)?));
                let d = match (a, b) {
                    (Pointer::Null, Pointer::Null) => 0,
                    (Pointer::Obj { obj: o1, off: x }, Pointer::Obj { obj: o2, off: y })
                        if o1 == o2 =>
                    {
                        i128::from(x) - i128::from(y)
                    }
                    _ => {
                        return ub(format!(
                            "ptrdiff: pointers into different objects ({}, {})",
                            Val::Ptr(a),
                            Val::Ptr(b)
                        ))
                    }
                };
                if es == 0 {
                    return ub("ptrdiff: elements of size zero");
                }
                Val::int(IntTy::I64, d / es)
            }
            Op::Call { callee, args } => {
                let argv = args
                    .iter()
                    .map(|a| self.val(*a).cloned())
                    .collect::<Result<Vec<_>, _>>()?;
                return self.call(callee, argv, result, rty, &data.span);
            }
        };
        self.set(result, val)
    }

    /// `p + bytes` within its object.
    pub(crate) fn ptr_add(&self, p: Pointer, bytes: i128) -> Result<Pointer, Fault> {
        match p {
            Pointer::Null if bytes == 0 => Ok(Pointer::Null),
            Pointer::Null => ub(format!(
                "ptradd: arithmetic on a null pointer (+{bytes} bytes)"
            )),
            Pointer::Func(_) => ub("ptradd: arithmetic on a function pointer"),
            Pointer::Wild(a) => ub(format!("ptradd: arithmetic on invalid address {a:#x}")),
            Pointer::Obj { obj, off } => {
                self.st.mem.check_access(obj, off, 0, false, "ptradd")?;
                let size = self.st.mem.objects[obj.index()].size;
                let new = i128::from(off).checked_add(bytes).unwrap_or(-1);
                if new < 0 || new > i128::from(size) {
                    return ub(format!(
                        "ptradd: offset {new} is outside its {size}-byte object (from {off}, {bytes:+} bytes)"
                    ));
                }
                Ok(Pointer::Obj {
                    obj,
                    off: new as u64,
                })
            }
        }
    }

    fn call(
        &mut self,
        callee: &'m Callee,
        args: Vec<Val>,
        result: Option<Value>,
        rty: Option<&'m Type>,
        span: &Span,
    ) -> Result<(), Fault> {
        let module = self.interp.module;
        match callee {
            Callee::Func(fid) => self
                .push_call(*fid, args, result, span)
                .map_err(Fault::Trap),
            Callee::Indirect(v) => match self.ptr(*v)? {
                Pointer::Func(fid) => {
                    let Some(target) = module.funcs.get(fid) else {
                        return ub(format!("call: invalid function pointer {fid}"));
                    };
                    let params: Vec<&Type> =
                        target.params.iter().map(|p| &target.vars[*p].ty).collect();
                    let compatible = params.len() == args.len()
                        && params.iter().zip(&args).all(|(t, a)| a.fits(module, t))
                        && match (result, &target.ret) {
                            (Some(_), Type::Void) => false,
                            (Some(_), t) => rty == Some(t),
                            (None, _) => true,
                        };
                    if !compatible {
                        return ub(format!(
                            "call: {} called through a pointer of an incompatible type",
                            target.name
                        ));
                    }
                    self.push_call(fid, args, result, span).map_err(Fault::Trap)
                }
                Pointer::Null => ub("call: call through a null function pointer"),
                other => ub(format!(
                    "call: call through a pointer that is not a function ({})",
                    Val::Ptr(other)
                )),
            },
            Callee::Extern(name) => {
                // A function defined in the sources whose body was not lowered: never the C
                // library function of the same name.
                if self.module().decl_by_name(name).is_some() {
                    return Err(Fault::Unsupported(name.to_string()));
                }
                let r = self.call_extern(name, args, rty)?;
                match (result, r) {
                    (Some(dst), Some(v)) => self.set(Some(dst), v),
                    (Some(_), None) => malformed(format!("{name} returns no value")),
                    (None, _) => Ok(()),
                }
            }
        }
    }

    fn exec_term(&mut self, term: &'m Terminator) -> Result<BlockExit, Fault> {
        let args = |m: &Self, c: &BlockCall| -> Result<Vec<Val>, Fault> {
            c.args.iter().map(|a| m.val(*a).cloned()).collect()
        };
        Ok(match term {
            Terminator::Jump(c) => BlockExit::Jump {
                block: c.block,
                args: args(self, c)?,
            },
            Terminator::Branch {
                cond,
                then_dest,
                else_dest,
            } => {
                let c = match self.val(*cond)? {
                    Val::Bool(b) => *b,
                    other => return malformed(format!("branch condition {other} is not a bool")),
                };
                let dest = if c { then_dest } else { else_dest };
                BlockExit::Jump {
                    block: dest.block,
                    args: args(self, dest)?,
                }
            }
            Terminator::Switch {
                value,
                cases,
                default,
            } => {
                let v = self.int(*value)?.math();
                let block = cases
                    .iter()
                    .find(|(c, _)| *c == v)
                    .map_or(*default, |(_, b)| *b);
                BlockExit::Jump {
                    block,
                    args: Vec::new(),
                }
            }
            Terminator::Return(v) => {
                let f = self.top()?.func;
                let r = match v {
                    Some(v) => {
                        let x = self.val(*v)?.clone();
                        if !x.fits(self.interp.module, &f.ret) {
                            return malformed(format!(
                                "return of {x} from a function returning {}",
                                f.ret
                            ));
                        }
                        Some(x)
                    }
                    None => None,
                };
                BlockExit::Return(r)
            }
            Terminator::Unreachable => {
                return ub("unreachable: control reached an `unreachable` terminator")
            }
        })
    }
}
