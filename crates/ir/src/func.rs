//! Modules, functions, blocks, instructions, values and variables.

use crate::op::Op;
use crate::types::{StructDef, StructId, Type};
use xl_base::{PrimaryMap, Span};

xl_base::entity!(
    /// A basic block of a [`Func`].
    Block,
    "block"
);
xl_base::entity!(
    /// An SSA value (an instruction result or a block parameter), local to its block.
    Value,
    "v"
);
xl_base::entity!(
    /// An instruction of a [`Func`].
    Inst,
    "inst"
);
xl_base::entity!(
    /// A function variable: a C parameter or local, an x86 register or flag. Mutable state
    /// that lives across blocks.
    Var,
    "var"
);
xl_base::entity!(
    /// A function of a [`Module`].
    FuncId,
    "fn"
);
xl_base::entity!(
    /// A global variable of a [`Module`].
    GlobalId,
    "global"
);

/// A whole program: every translation unit of a project lowered together, so calls between
/// files resolve to [`FuncId`]s.
#[derive(Clone, Debug, Default)]
pub struct Module {
    /// Struct definitions.
    pub structs: PrimaryMap<StructId, StructDef>,
    /// Global variables (C globals and function-local statics).
    pub globals: PrimaryMap<GlobalId, GlobalData>,
    /// Functions, defined ones only. Calls to anything else are [`crate::Callee::Extern`].
    pub funcs: PrimaryMap<FuncId, Func>,
    /// Functions defined in the sources whose body could not be lowered but whose signature
    /// could, in definition order. They are not in [`Module::funcs`]; calls to them are
    /// [`crate::Callee::Extern`] by name, so a consumer can still give callers a callee with
    /// the right signature (the emitter generates a panicking stub). Names are unique and
    /// differ from every name in `funcs`.
    pub decls: Vec<FuncDecl>,
}

/// A function defined in the sources whose body could not be lowered (see [`Module::decls`]).
#[derive(Clone, Debug, PartialEq)]
pub struct FuncDecl {
    /// Module name, as used by [`crate::Callee::Extern`] calls to it.
    pub name: String,
    /// Its signature (never variadic: variadic definitions are not lowered at all).
    pub sig: crate::types::FnSig,
    /// Parameter names as in the source, one per `sig.params` entry.
    pub param_names: Vec<String>,
    /// The definition site.
    pub span: Span,
    /// Why the body was not lowered, in words (with its location).
    pub reason: String,
}

impl Module {
    /// The function named `name`, if defined.
    pub fn func_by_name(&self, name: &str) -> Option<FuncId> {
        self.funcs
            .iter()
            .find(|(_, f)| f.name == name)
            .map(|(id, _)| id)
    }

    /// The declaration of the not-lowered function named `name`, if any.
    pub fn decl_by_name(&self, name: &str) -> Option<&FuncDecl> {
        self.decls.iter().find(|d| d.name == name)
    }
}

/// A static initialiser: the value a global holds before `main` runs.
#[derive(Clone, Debug, PartialEq)]
pub enum Init {
    /// All bits zero (C's default for statics), for any type.
    Zero,
    /// An integer or bool (0/1) value, in range of the type.
    Int(i128),
    /// A float value.
    Float(f64),
    /// Element-wise (arrays) or field-wise (structs) initialisers; missing trailing ones are
    /// zero.
    Aggregate(Vec<Init>),
    /// A `char` array initialised from a string literal; bytes beyond are zero.
    Bytes(Vec<u8>),
    /// A pointer to a static NUL-terminated string (`bytes` includes the NUL).
    Str(Vec<u8>),
    /// A pointer to a function.
    Func(FuncId),
    /// A pointer to (the first element of) another global.
    GlobalAddr(GlobalId),
    /// The null pointer.
    Null,
}

/// A global variable.
#[derive(Clone, Debug, PartialEq)]
pub struct GlobalData {
    /// Name in the source; function-local statics are named `func.var`.
    pub name: String,
    /// Type.
    pub ty: Type,
    /// Initial value.
    pub init: Init,
    /// Declared `const` (never written).
    pub is_const: bool,
    /// Where it is defined.
    pub span: Span,
}

/// Whether a variable is a parameter.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum VarKind {
    /// A parameter, initialised by the caller.
    Param,
    /// A local, unspecified until written.
    Local,
}

/// A function variable.
#[derive(Clone, Debug, PartialEq)]
pub struct VarData {
    /// Source name (not necessarily unique: C scopes may shadow; the emitter renames).
    pub name: String,
    /// Type (scalars, structs, arrays).
    pub ty: Type,
    /// Parameter or local.
    pub kind: VarKind,
    /// Declaration site.
    pub span: Span,
}

/// Where a value comes from.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum ValueDef {
    /// The result of an instruction.
    Inst(Inst),
    /// Parameter `n` of a block.
    Param(Block, u32),
}

/// A value's definition and type.
#[derive(Clone, Debug, PartialEq)]
pub struct ValueData {
    /// Its type.
    pub ty: Type,
    /// Its definition.
    pub def: ValueDef,
}

/// An instruction: an op, its result (if any) and its source span.
#[derive(Clone, Debug, PartialEq)]
pub struct InstData {
    /// The operation.
    pub op: Op,
    /// The defined value, for ops that produce one.
    pub result: Option<Value>,
    /// Source location.
    pub span: Span,
}

/// A jump target with arguments for the target's block parameters.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BlockCall {
    /// Target block.
    pub block: Block,
    /// One argument per parameter of `block`.
    pub args: Vec<Value>,
}

impl BlockCall {
    /// A jump to `block` with no arguments.
    pub fn plain(block: Block) -> BlockCall {
        BlockCall {
            block,
            args: Vec::new(),
        }
    }
}

/// How a block ends. Exactly one per block.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Terminator {
    /// Unconditional jump.
    Jump(BlockCall),
    /// Two-way branch on a bool.
    Branch {
        /// A bool value.
        cond: Value,
        /// Taken when `cond` is true.
        then_dest: BlockCall,
        /// Taken when `cond` is false.
        else_dest: BlockCall,
    },
    /// Multi-way branch on an integer; targets take no arguments. Case values are distinct and
    /// in range of the scrutinee's type.
    Switch {
        /// The scrutinee (an integer).
        value: Value,
        /// `(case value, target)` in source order.
        cases: Vec<(i128, Block)>,
        /// Taken when no case matches.
        default: Block,
    },
    /// Return from the function, with a value unless it returns `void`.
    Return(Option<Value>),
    /// Control never reaches here (after a call to a `noreturn` function, or falling off a
    /// non-void function, which C makes undefined only if the result is used).
    Unreachable,
}

impl Terminator {
    /// Successor blocks in order (duplicates kept).
    pub fn successors(&self) -> Vec<Block> {
        match self {
            Terminator::Jump(c) => vec![c.block],
            Terminator::Branch {
                then_dest,
                else_dest,
                ..
            } => vec![then_dest.block, else_dest.block],
            Terminator::Switch { cases, default, .. } => {
                let mut out: Vec<Block> = cases.iter().map(|(_, b)| *b).collect();
                out.push(*default);
                out
            }
            Terminator::Return(_) | Terminator::Unreachable => vec![],
        }
    }
    /// The jumps that pass arguments to block parameters (`jump` and both arms of `br`; a
    /// `switch` targets take none), in order.
    pub fn block_calls(&self) -> Vec<&BlockCall> {
        match self {
            Terminator::Jump(c) => vec![c],
            Terminator::Branch {
                then_dest,
                else_dest,
                ..
            } => vec![then_dest, else_dest],
            _ => vec![],
        }
    }
    /// SSA values the terminator reads.
    pub fn operands(&self) -> Vec<Value> {
        match self {
            Terminator::Jump(c) => c.args.clone(),
            Terminator::Branch {
                cond,
                then_dest,
                else_dest,
            } => {
                let mut out = vec![*cond];
                out.extend(then_dest.args.iter().copied());
                out.extend(else_dest.args.iter().copied());
                out
            }
            Terminator::Switch { value, .. } => vec![*value],
            Terminator::Return(v) => v.iter().copied().collect(),
            Terminator::Unreachable => vec![],
        }
    }
}

/// A basic block.
#[derive(Clone, Debug, PartialEq)]
pub struct BlockData {
    /// Parameters, bound by the arguments of the jump that enters the block.
    pub params: Vec<Value>,
    /// Straight-line instructions in order.
    pub insts: Vec<Inst>,
    /// The one terminator.
    pub term: Terminator,
    /// Source location of the statement that starts the block.
    pub span: Span,
}

/// A function: variables, and a CFG of blocks starting at `entry`.
#[derive(Clone, Debug, PartialEq)]
pub struct Func {
    /// Name (unique in the module).
    pub name: String,
    /// Parameters, in order; each is a [`VarKind::Param`] variable.
    pub params: Vec<Var>,
    /// Return type.
    pub ret: Type,
    /// All variables.
    pub vars: PrimaryMap<Var, VarData>,
    /// All blocks (the order is the layout order for printing only; control flow comes from
    /// terminators).
    pub blocks: PrimaryMap<Block, BlockData>,
    /// All instructions.
    pub insts: PrimaryMap<Inst, InstData>,
    /// All values.
    pub values: PrimaryMap<Value, ValueData>,
    /// Entry block; it has no parameters.
    pub entry: Block,
    /// `static` in C (file-local).
    pub is_static: bool,
    /// Definition site.
    pub span: Span,
}

impl Func {
    /// The type of value `v`.
    pub fn value_type(&self, v: Value) -> &Type {
        &self.values[v].ty
    }
    /// The signature as a function type.
    pub fn signature(&self) -> crate::FnSig {
        crate::FnSig {
            params: self
                .params
                .iter()
                .map(|&p| self.vars[p].ty.clone())
                .collect(),
            ret: self.ret.clone(),
            variadic: false,
        }
    }
}
