//! The emitter: an IR [`Module`] to a Cargo package of safe Rust, in memory.
//!
//! Pipeline per module: [`plan`] (names, pointer classes, static strings, global storage) ->
//! per function: [`propose`] (each IR block to Rust statements, by a [`propose::Proposer`];
//! [`propose::RuleProposer`] is the default) -> [`structure`] (structured control flow from
//! the CFG) -> [`render`] (syn statements plus the block sidecar) -> [`package`] (items,
//! `Cargo.toml`, `src/main.rs` or `src/lib.rs`, `src/rt.rs`).
//!
//! Invariants:
//! - The output compiles on stable Rust, has `#![forbid(unsafe_code)]` at its root and no
//!   `unsafe` anywhere; it behaves like the C program (gcc, x86-64) or, where the C program
//!   has undefined behaviour, panics or wraps deterministically.
//! - A function that cannot be mapped safely is emitted as a stub that panics with the
//!   reason, reported as not translated with a diagnostic; nothing is guessed. Functions
//!   the frontend could not lower (`Module::decls`) get the same kind of stub, so their
//!   callers are still translated.
//! - Output is deterministic: only ordered maps, ids in allocation order.

pub mod ast;
pub mod externs;
pub mod func;
pub mod heap;
pub mod index;
pub mod names;
pub mod package;
pub mod plan;
pub mod propose;
pub mod ptrs;
pub mod render;
pub mod rtypes;
pub mod structure;

pub use propose::{BlockContext, Candidate, Proposer, RuleProposer, TermCode};
pub use render::{BlockLoc, PathStep, TermLoc};

use xl_base::{Diagnostic, Span};
use xl_ir::Module;

/// Emission settings.
#[derive(Clone, Debug)]
pub struct EmitOptions {
    /// Cargo package name of the output.
    pub crate_name: String,
}

/// Status of one block of one function.
#[derive(Clone, Debug)]
pub struct BlockInfo {
    /// IR block name (`block3`).
    pub block: String,
    /// Source span of the block.
    pub span: Span,
    /// `translated`, `not-translated` or `unreachable` (dropped: no path from the entry).
    pub status: String,
    /// Where the block's code is in the emitted function (translated blocks only). The
    /// checker aligns IR blocks with Rust code through this.
    pub loc: Option<BlockLoc>,
}

/// What happened to one function.
#[derive(Clone, Debug)]
pub struct FuncEmit {
    /// C name.
    pub name: String,
    /// Rust name in the output.
    pub rust_name: String,
    /// True when a real translation was emitted.
    pub translated: bool,
    /// Why not, when not.
    pub reason: Option<String>,
    /// Per-block status.
    pub blocks: Vec<BlockInfo>,
    /// Set when the function's control flow was emitted as a state machine, with why.
    pub state_machine: Option<String>,
}

/// The emitted package, in memory.
#[derive(Clone, Debug, Default)]
pub struct EmittedCrate {
    /// `(path relative to the package root, contents)`, sorted by path.
    pub files: Vec<(String, String)>,
    /// One entry per function of the module, in module order.
    pub functions: Vec<FuncEmit>,
    /// Problems found.
    pub diagnostics: Vec<Diagnostic>,
    /// How the Rust names the module's items (for the checker).
    pub names: NameMap,
}

/// How the emitted Rust names the C module's items: the correspondence the checker starts
/// from. It is untrusted: a wrong entry makes a proof fail, never succeed wrongly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NameMap {
    /// Defined function -> Rust fn name.
    pub funcs: Vec<(xl_ir::FuncId, String)>,
    /// Module declaration (a function whose body failed to lower) -> Rust stub fn name.
    pub decls: Vec<(String, String)>,
    /// Struct -> Rust struct name and its field names, in field order.
    pub structs: Vec<(xl_ir::StructId, String, Vec<String>)>,
    /// Global -> Rust item name and how it is stored.
    pub globals: Vec<(xl_ir::GlobalId, String, GlobalStorage)>,
    /// Per defined function: its variables -> Rust local (or parameter) names.
    pub locals: Vec<(xl_ir::FuncId, Vec<(xl_ir::Var, String)>)>,
}

/// How a global is stored in the emitted Rust.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum GlobalStorage {
    /// `const NAME: T = ..;`
    Const,
    /// `static NAME: T = ..;` (never written)
    Static,
    /// `thread_local!` `Cell<T>`: `.get()` / `.set(..)`.
    Cell,
    /// `thread_local!` `RefCell<T>`: `.with_borrow(|x| ..)` / `.with_borrow_mut(|x| ..)`.
    RefCell,
}

/// Emits `module` as a Cargo package with the rule-based proposer.
pub fn emit_crate(module: &Module, opts: &EmitOptions) -> EmittedCrate {
    emit_crate_with(module, opts, &RuleProposer)
}

/// Emits `module` as a Cargo package, proposing block translations with `proposer`.
///
/// Runs on a thread with a large stack: the syn trees of deeply nested code are walked
/// recursively by syn and prettyplease.
pub fn emit_crate_with(
    module: &Module,
    opts: &EmitOptions,
    proposer: &(dyn Proposer + Sync),
) -> EmittedCrate {
    let r = std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("xl-emit".to_string())
            .stack_size(256 << 20)
            .spawn_scoped(s, || package::emit(module, opts, proposer))
            .map(|h| h.join())
    });
    match r {
        Ok(Ok(out)) => out,
        Ok(Err(p)) => std::panic::resume_unwind(p),
        // No thread could be started: emit on this one.
        Err(_) => package::emit(module, opts, proposer),
    }
}
