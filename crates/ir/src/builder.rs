//! [`FuncBuilder`]: appends instructions to a function under construction.
//!
//! Frontends create blocks, switch between them and append ops; the builder keeps track of
//! which blocks are terminated. Appending to a terminated block (dead code after `return` or
//! `break`) opens a fresh, unreachable block instead, so frontends need no special cases.

use crate::func::*;
use crate::op::*;
use crate::types::Type;
use xl_base::{PrimaryMap, SecondaryMap, Span};

/// Builds one [`Func`].
pub struct FuncBuilder {
    func: Func,
    current: Block,
    terminated: SecondaryMap<Block, bool>,
}

impl FuncBuilder {
    /// Starts function `name` returning `ret`; the entry block is current.
    pub fn new(name: impl Into<String>, ret: Type, span: Span) -> FuncBuilder {
        let mut blocks = PrimaryMap::new();
        let entry = blocks.push(BlockData {
            params: vec![],
            insts: vec![],
            term: Terminator::Unreachable,
            span: span.clone(),
        });
        FuncBuilder {
            func: Func {
                name: name.into(),
                params: vec![],
                ret,
                vars: PrimaryMap::new(),
                blocks,
                insts: PrimaryMap::new(),
                values: PrimaryMap::new(),
                entry,
                is_static: false,
                span,
            },
            current: entry,
            terminated: SecondaryMap::new(),
        }
    }
    /// The function so far (read-only).
    pub fn func(&self) -> &Func {
        &self.func
    }
    /// Marks the function `static`.
    pub fn set_static(&mut self, is_static: bool) {
        self.func.is_static = is_static;
    }
    /// Adds a parameter variable (in order).
    pub fn add_param(&mut self, name: impl Into<String>, ty: Type, span: Span) -> Var {
        let v = self.func.vars.push(VarData {
            name: name.into(),
            ty,
            kind: VarKind::Param,
            span,
        });
        self.func.params.push(v);
        v
    }
    /// Adds a local variable.
    pub fn add_local(&mut self, name: impl Into<String>, ty: Type, span: Span) -> Var {
        self.func.vars.push(VarData {
            name: name.into(),
            ty,
            kind: VarKind::Local,
            span,
        })
    }
    /// Creates an empty block (not current).
    pub fn create_block(&mut self, span: Span) -> Block {
        self.func.blocks.push(BlockData {
            params: vec![],
            insts: vec![],
            term: Terminator::Unreachable,
            span,
        })
    }
    /// Adds a parameter of type `ty` to `block`.
    pub fn append_block_param(&mut self, block: Block, ty: Type) -> Value {
        let n = self.func.blocks[block].params.len() as u32;
        let v = self.func.values.push(ValueData {
            ty,
            def: ValueDef::Param(block, n),
        });
        self.func.blocks[block].params.push(v);
        v
    }
    /// Makes `block` current.
    pub fn switch_to(&mut self, block: Block) {
        self.current = block;
    }
    /// The current block.
    pub fn current(&self) -> Block {
        self.current
    }
    /// True when the current block already has its terminator.
    pub fn is_terminated(&self) -> bool {
        self.terminated[self.current]
    }
    fn ensure_open(&mut self, span: &Span) {
        if self.terminated[self.current] {
            let b = self.create_block(span.clone());
            self.current = b;
        }
    }
    /// Appends `op`; when `result` is given, defines and returns a value of that type.
    pub fn ins(&mut self, op: Op, result: Option<Type>, span: Span) -> Option<Value> {
        self.ensure_open(&span);
        let inst = self.func.insts.next_key();
        let value = result.map(|ty| {
            self.func.values.push(ValueData {
                ty,
                def: ValueDef::Inst(inst),
            })
        });
        self.func.insts.push(InstData {
            op,
            result: value,
            span,
        });
        self.func.blocks[self.current].insts.push(inst);
        value
    }
    /// Appends an op that always has a result of type `ty`.
    pub fn value(&mut self, op: Op, ty: Type, span: Span) -> Value {
        self.ins(op, Some(ty), span).expect("result requested")
    }
    /// An integer constant of type `ty`.
    pub fn iconst(&mut self, ty: Type, v: i128, span: Span) -> Value {
        self.value(Op::Iconst(v), ty, span)
    }
    /// Loads `place` of type `ty`.
    pub fn load(&mut self, place: Place, ty: Type, span: Span) -> Value {
        self.value(Op::Load(place), ty, span)
    }
    /// Stores `v` to `place`.
    pub fn store(&mut self, place: Place, v: Value, span: Span) {
        self.ins(Op::Store(place, v), None, span);
    }
    /// Ends the current block with `term`. A no-op if it is already terminated (the new
    /// terminator would be dead code).
    pub fn terminate(&mut self, term: Terminator) {
        if self.terminated[self.current] {
            return;
        }
        self.func.blocks[self.current].term = term;
        self.terminated[self.current] = true;
    }
    /// Jumps from the current block to `target` (if not terminated).
    pub fn jump(&mut self, target: Block) {
        self.terminate(Terminator::Jump(BlockCall::plain(target)));
    }
    /// Finishes: blocks never terminated end in `Unreachable` (for a `void` function, in
    /// `Return(None)`, which is what falling off its end means).
    pub fn finish(mut self) -> Func {
        let void = self.func.ret == Type::Void;
        for b in self.func.blocks.keys().collect::<Vec<_>>() {
            if !self.terminated[b] && void {
                self.func.blocks[b].term = Terminator::Return(None);
            }
        }
        self.func
    }
}
