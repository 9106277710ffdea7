//! The IR: a program is a [`Module`] of [`Func`]s; a function is a CFG of basic blocks holding
//! typed three-address operations.
//!
//! The semantics of every operation is exact and documented on [`Op`]: widths, signedness,
//! wrap-around, and C undefined behaviour as explicit *preconditions* (an input that violates a
//! precondition has no defined result; the checker assumes it away, the emitter makes it
//! deterministic). The Z3 encoder, the reference interpreter and the emitter all read this one
//! contract.
//!
//! Architecture invariants:
//! - This crate knows nothing of C, x86, Rust syntax, Z3 or language models.
//! - Entities are typed `u32` ids in [`PrimaryMap`](xl_base::PrimaryMap)s; nothing points.
//! - Every block has exactly one terminator, held in a field, so it cannot be missing or doubled.
//! - SSA values are block-local: a value is used only in the block that defines it (as an
//!   instruction result or a block parameter). State that flows between blocks goes through
//!   function variables ([`Var`], read and written with `load`/`store`) or block parameters.
//!   This makes each block a function from (params, variables, memory) to (branch arguments,
//!   variables, memory): exactly the shape of a per-block equivalence query.
//! - The CFG (predecessors, successors, dominators, loops) is derived from the terminators by
//!   [`cfg`](mod@cfg); it is never stored.
//! - The IR has a text form ([`text`]) that prints and parses back identically, and a
//!   well-formedness verifier ([`verify`]) that every stage's output should pass. The grammar
//!   and a table of every op are in `docs/ir.md`.

pub mod builder;
pub mod cfg;
pub mod func;
pub mod layout;
pub mod op;
pub mod text;
pub mod types;
pub mod verify;

pub use builder::FuncBuilder;
pub use func::{
    Block, BlockCall, BlockData, Func, FuncDecl, FuncId, GlobalData, GlobalId, Init, Inst,
    InstData, Module, Terminator, Value, ValueData, ValueDef, Var, VarData, VarKind,
};
pub use op::{BinaryOp, Callee, CastKind, FloatCC, IntCC, Op, Place, PlaceBase, Proj, UnaryOp};
pub use types::{Field, FloatTy, FnSig, IntTy, StructDef, StructId, Type};
