//! Why execution stopped early: [`Trap`] (public, with a source span) and the span-less
//! [`Fault`] that the evaluation helpers return and the machine turns into a trap (or into a
//! normal stop, for `exit`).
//!
//! Invariant: the interpreter never panics on any module or state; every problem becomes a
//! `Trap` value.

use xl_base::Span;

/// Why a run stopped before the program ended normally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Trap {
    /// A violated precondition (C undefined behaviour): `what` names the op and the reason.
    Ub {
        /// E.g. `sdiv: division by zero (in main)`.
        what: String,
        /// The instruction's (or, for terminators, the block's) source span.
        span: Span,
    },
    /// A call to an external function the interpreter does not implement (its name).
    Unsupported(String),
    /// The step budget ([`crate::RunConfig::fuel`]) ran out.
    OutOfFuel,
    /// The call depth exceeded [`crate::RunConfig::max_depth`].
    DepthLimit {
        /// The limit.
        depth: usize,
        /// The call that went too deep.
        span: Span,
    },
    /// `abort()` was called (directly or by a failed `assert`).
    Abort {
        /// The call.
        span: Span,
    },
    /// Heap allocation past [`crate::RunConfig::max_heap`] bytes.
    OutOfMemory {
        /// What was asked for.
        what: String,
        /// The call.
        span: Span,
    },
    /// The module is not well-formed (the IR verifier's findings, or a value of the wrong
    /// shape at run time): a bug in whoever produced the IR, not in the program.
    Malformed(String),
}

impl std::fmt::Display for Trap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Trap::Ub { what, span } => write!(f, "undefined behaviour at {span}: {what}"),
            Trap::Unsupported(name) => write!(f, "unsupported external function `{name}`"),
            Trap::OutOfFuel => write!(f, "out of fuel"),
            Trap::DepthLimit { depth, span } => {
                write!(f, "call depth limit {depth} exceeded at {span}")
            }
            Trap::Abort { span } => write!(f, "abort at {span}"),
            Trap::OutOfMemory { what, span } => write!(f, "out of memory at {span}: {what}"),
            Trap::Malformed(what) => write!(f, "malformed IR: {what}"),
        }
    }
}

impl std::error::Error for Trap {}

/// A problem found while evaluating one op, before a span is attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Undefined behaviour; the message names the op and reason.
    Ub(String),
    /// An operand of the wrong shape (the IR is ill-typed).
    Malformed(String),
    /// An unknown external function.
    Unsupported(String),
    /// Heap exhausted.
    OutOfMemory(String),
    /// `abort()`.
    Abort,
    /// `exit(code)`: not an error, the program ends.
    Exit(i32),
    /// A trap raised inside a nested call (a `qsort` comparator), passed through as is.
    Trap(Trap),
}

impl Fault {
    /// Attaches the location: `func` is the function being executed.
    pub(crate) fn into_trap(self, span: &xl_base::Span, func: &str) -> Trap {
        match self {
            Fault::Ub(what) => Trap::Ub {
                what: format!("{what} (in {func})"),
                span: span.clone(),
            },
            Fault::Malformed(what) => Trap::Malformed(format!("{what} (in {func} at {span})")),
            Fault::Unsupported(name) => Trap::Unsupported(name),
            Fault::OutOfMemory(what) => Trap::OutOfMemory {
                what,
                span: span.clone(),
            },
            Fault::Abort => Trap::Abort { span: span.clone() },
            Fault::Exit(code) => Trap::Malformed(format!("exit({code}) escaped the machine")),
            Fault::Trap(t) => t,
        }
    }
}

/// Shorthand for an undefined-behaviour fault.
pub(crate) fn ub<T>(what: impl Into<String>) -> Result<T, Fault> {
    Err(Fault::Ub(what.into()))
}

/// Shorthand for a malformed-IR fault.
pub(crate) fn malformed<T>(what: impl Into<String>) -> Result<T, Fault> {
    Err(Fault::Malformed(what.into()))
}
