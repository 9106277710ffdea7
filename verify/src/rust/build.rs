//! A function builder for the Rust lowering: appends ops to the current block, opens a fresh
//! (unreachable) block after a terminator, and moves values across blocks.
//!
//! Invariant (the IR's block-local SSA): a value is only ever used in the block that defines
//! it. Expression lowering keeps values as [`RV`] (value + defining block); [`Fb::use_rv`]
//! returns a value usable in the current block, spilling it through a fresh temporary
//! variable (stored at the end of its defining block, which dominates every later point of
//! the same expression) when control flow came in between.

use xl_base::{PrimaryMap, Span};
use xl_ir::{
    Block, BlockCall, BlockData, Func, InstData, Op, Place, Terminator, Type, Value, ValueData,
    ValueDef, Var, VarData, VarKind,
};

/// A value and the block that defines it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct RV {
    /// The value.
    pub v: Value,
    /// Its block.
    pub b: Block,
}

/// Builds one function.
pub struct Fb {
    /// The function so far.
    pub f: Func,
    cur: Block,
    terminated: Vec<bool>,
    panic_block: Option<Block>,
    temps: u32,
    /// Values already spilled, and their temporaries.
    spilled: std::collections::BTreeMap<Value, Var>,
    /// Span given to new instructions.
    pub span: Span,
}

impl Fb {
    /// Starts function `name` returning `ret`.
    pub fn new(name: &str, ret: Type, span: Span) -> Fb {
        let mut blocks = PrimaryMap::new();
        let entry = blocks.push(BlockData {
            params: vec![],
            insts: vec![],
            term: Terminator::Unreachable,
            span: span.clone(),
        });
        Fb {
            f: Func {
                name: name.to_string(),
                params: vec![],
                ret,
                vars: PrimaryMap::new(),
                blocks,
                insts: PrimaryMap::new(),
                values: PrimaryMap::new(),
                entry,
                is_static: false,
                span: span.clone(),
            },
            cur: entry,
            terminated: vec![false],
            panic_block: None,
            temps: 0,
            spilled: std::collections::BTreeMap::new(),
            span,
        }
    }
    /// Adds a parameter variable.
    pub fn param(&mut self, name: &str, ty: Type) -> Var {
        let v = self.f.vars.push(VarData {
            name: name.to_string(),
            ty,
            kind: VarKind::Param,
            span: self.span.clone(),
        });
        self.f.params.push(v);
        v
    }
    /// Adds a local variable.
    pub fn local(&mut self, name: &str, ty: Type) -> Var {
        self.f.vars.push(VarData {
            name: name.to_string(),
            ty,
            kind: VarKind::Local,
            span: self.span.clone(),
        })
    }
    /// A fresh temporary (its name is no Rust identifier: `$tN`).
    pub fn temp(&mut self, ty: Type) -> Var {
        self.temps += 1;
        let n = format!("$t{}", self.temps);
        self.local(&n, ty)
    }
    /// A new empty block.
    pub fn block(&mut self) -> Block {
        self.terminated.push(false);
        self.f.blocks.push(BlockData {
            params: vec![],
            insts: vec![],
            term: Terminator::Unreachable,
            span: self.span.clone(),
        })
    }
    /// Makes `b` current.
    pub fn switch(&mut self, b: Block) {
        self.cur = b;
    }
    /// True when the current block has its terminator (following code is dead).
    pub fn is_terminated(&self) -> bool {
        self.terminated[self.cur.as_u32() as usize]
    }
    /// Opens a fresh block if the current one is terminated.
    pub fn ensure_open(&mut self) {
        if self.is_terminated() {
            let b = self.block();
            self.cur = b;
        }
    }
    /// Appends `op` whose result, if any, is `result`.
    fn push_inst(&mut self, op: Op, result: Option<Value>) {
        let inst = self.f.insts.push(InstData {
            op,
            result,
            span: self.span.clone(),
        });
        self.f.blocks[self.cur].insts.push(inst);
    }
    /// Appends `op`, which has no result.
    pub fn effect(&mut self, op: Op) {
        self.ensure_open();
        self.push_inst(op, None);
    }
    /// Appends an op with a result of type `ty`.
    pub fn val(&mut self, op: Op, ty: Type) -> RV {
        self.ensure_open();
        let v = self.f.values.push(ValueData {
            ty,
            def: ValueDef::Inst(self.f.insts.next_key()),
        });
        self.push_inst(op, Some(v));
        RV { v, b: self.cur }
    }
    /// Stores `v` (already usable here) to `place`.
    pub fn store(&mut self, place: Place, v: Value) {
        self.effect(Op::Store(place, v));
    }
    /// The type of a value.
    pub fn ty(&self, v: Value) -> Type {
        self.f.values[v].ty.clone()
    }
    /// `rv` as a value of the current block (spilled through a temporary if needed).
    pub fn use_rv(&mut self, rv: RV) -> Value {
        self.ensure_open();
        if rv.b == self.cur {
            return rv.v;
        }
        let ty = self.ty(rv.v);
        let t = match self.spilled.get(&rv.v) {
            Some(t) => *t,
            None => {
                let t = self.temp(ty.clone());
                // Stored at the end of the defining block: after the definition, before
                // the branch; the temporary is written nowhere else.
                let inst = self.f.insts.push(InstData {
                    op: Op::Store(Place::var(t), rv.v),
                    result: None,
                    span: self.span.clone(),
                });
                self.f.blocks[rv.b].insts.push(inst);
                self.spilled.insert(rv.v, t);
                t
            }
        };
        self.val(Op::Load(Place::var(t)), ty).v
    }
    /// Ends the current block with `t` (no-op when already terminated).
    pub fn term(&mut self, t: Terminator) {
        let i = self.cur.as_u32() as usize;
        if self.terminated[i] {
            return;
        }
        self.f.blocks[self.cur].term = t;
        self.terminated[i] = true;
    }
    /// Jumps to `b`.
    pub fn jump(&mut self, b: Block) {
        self.term(Terminator::Jump(BlockCall::plain(b)));
    }
    /// Branches on `c` (usable here).
    pub fn br(&mut self, c: Value, t: Block, e: Block) {
        self.term(Terminator::Branch {
            cond: c,
            then_dest: BlockCall::plain(t),
            else_dest: BlockCall::plain(e),
        });
    }
    /// The function's shared panic block (ends in `unreachable`).
    pub fn panic_block(&mut self) -> Block {
        match self.panic_block {
            Some(b) => b,
            None => {
                let b = self.block();
                self.terminated[b.as_u32() as usize] = true;
                self.panic_block = Some(b);
                b
            }
        }
    }
    /// Panics when `cond` (a bool usable here) holds; continues in a fresh block otherwise.
    pub fn panic_if(&mut self, cond: Value) {
        let p = self.panic_block();
        let ok = self.block();
        self.br(cond, p, ok);
        self.switch(ok);
    }
    /// Finishes: blocks left open return (void) or are unreachable.
    pub fn finish(mut self) -> Func {
        let void = self.f.ret == Type::Void;
        for (i, t) in self.terminated.iter().enumerate() {
            if !t && void {
                self.f.blocks[Block::from_u32(i as u32)].term = Terminator::Return(None);
            }
        }
        self.f
    }
}
