//! The reference interpreter of the IR: executes a [`Module`] exactly as `xl_ir::op`
//! documents each op, and stops with a [`Trap`] at every violated precondition (C undefined
//! behaviour). It is the oracle for the checker's counterexample replay and for differential
//! tests against gcc.
//!
//! Entry points:
//! - [`run_main`]: runs `main` of a module and returns what it printed, its exit code, or the
//!   trap that stopped it ([`RunResult`]).
//! - [`Interp::eval_block`]: executes ONE block from a given [`State`] (memory and I/O),
//!   [`Locals`] (the frame's variables) and block parameters, and returns the successor chosen
//!   with its arguments ([`BlockExit`]); the state is updated in place. Calls made by the
//!   block run to completion. State types are plain data so that a counterexample can be
//!   turned into one ([`Interp::new_state`], [`Interp::new_locals`], [`Interp::set_var`]).
//!
//! Semantics notes (where op.rs leaves room, this is what the interpreter does):
//! - Variables start zeroed (the emitter zero-initialises them), so reading a variable never
//!   written is *not* undefined behaviour here: it reads zero (false, 0.0, null). Heap memory
//!   from `malloc` also reads as zero.
//! - Memory is a set of byte-addressed objects (see [`memory`]); pointers are (object, byte
//!   offset), and `p[i]` / `ptradd` may not leave the pointer's object (one past the end is a
//!   valid pointer, not dereferenceable). `Index` on an array place must be below the array
//!   length, except that the address of the element one past the end may be taken (`&a[n]`,
//!   which C allows); loading or storing it is undefined behaviour.
//! - Ordered pointer comparisons (`icmp slt/ult/..` on pointers) are defined only within one
//!   object (or both null); across objects they trap. Equality never traps.
//! - `addr` of a place based on a null, wild or function pointer traps (no access happens,
//!   but no pointer could represent the result).
//! - External functions are the C library subset of `xl_runtime` (printf family into a
//!   captured stdout, strings, ctype, stdlib, math, `malloc`/`free`, `qsort`/`bsearch`);
//!   anything else, and every function in `Module::decls` (defined in the sources but not
//!   lowered), is [`Trap::Unsupported`]. `rand` uses the runtime's per-thread generator,
//!   which [`run_main`] reseeds with 1 (C's initial state) before each run.
//! - `abort()` stops with [`Trap::Abort`]; the captured stdout then holds everything printed
//!   (a real process would lose its unflushed stdio buffer).
//! - No host recursion per IR call: frames live on an explicit stack, bounded by
//!   [`RunConfig::max_depth`]; every instruction and terminator costs one unit of
//!   [`RunConfig::fuel`].

mod libc;
mod machine;
pub mod memory;
pub mod ops;
mod trap;
mod value;

pub use machine::{BlockExit, Interp, Io, Locals, State, VarSlot};
pub use memory::{Layouts, Memory, ObjKind, Object};
pub use trap::{Fault, Trap};
pub use value::{mask, IntVal, ObjId, Pointer, Val};

use xl_ir::Module;

/// Limits and inputs of a run.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// Maximum number of instructions and terminators executed.
    pub fuel: u64,
    /// Maximum call depth (frames on the stack, `main` included).
    pub max_depth: usize,
    /// Bytes `getchar`/`fgets` read.
    pub stdin: Vec<u8>,
    /// `argv` (the first is the program name) when `main` takes `(argc, argv)`.
    pub args: Vec<String>,
    /// Maximum live heap bytes; `malloc` beyond returns null.
    pub max_heap: u64,
    /// Largest single object in bytes (variables, globals, heap blocks); beyond is
    /// [`Trap::OutOfMemory`].
    pub max_object: u64,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig {
            fuel: 100_000_000,
            max_depth: 100_000,
            stdin: Vec::new(),
            args: vec!["prog".to_string()],
            max_heap: 1 << 30,
            max_object: 1 << 30,
        }
    }
}

/// The outcome of [`run_main`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunResult {
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
    /// `main`'s return value or `exit`'s argument (the full `int`; a process reports it
    /// modulo 256). `None` when a trap stopped the run.
    pub exit_code: Option<i32>,
    /// Why the run stopped early, if it did.
    pub trap: Option<Trap>,
    /// Instructions and terminators executed.
    pub steps: u64,
}

/// Runs `main` of `module` (verified first; an ill-formed module gives [`Trap::Malformed`]).
pub fn run_main(module: &Module, config: &RunConfig) -> RunResult {
    match Interp::new(module) {
        Ok(interp) => interp.run_main(config),
        Err(trap) => RunResult {
            stdout: Vec::new(),
            stderr: Vec::new(),
            exit_code: None,
            trap: Some(trap),
            steps: 0,
        },
    }
}
