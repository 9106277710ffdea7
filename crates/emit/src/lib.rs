//! Emitter (work in progress): IR module to a Cargo package of safe Rust.

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
    /// `translated` or `not-translated`.
    pub status: String,
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
}

/// Emits `module` as a Cargo package.
pub fn emit_crate(module: &Module, opts: &EmitOptions) -> EmittedCrate {
    let _ = (module, opts);
    EmittedCrate::default()
}
