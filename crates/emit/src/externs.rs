//! The C library functions the emitter maps to the safe runtime (`rt.rs`, the text of
//! `crates/runtime/src/lib.rs`), with how each argument and the result are passed.
//!
//! Invariant: every entry names a function that exists in the runtime with exactly the
//! parameter kinds listed (the snapshot tests compile calls to them). A call to an extern not
//! listed here makes the calling function untranslated, never a guess.

/// How one argument is passed to the runtime.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// A scalar passed as is (the frontend already converted it to the prototype's type).
    Value,
    /// A C string read by the callee: `&[u8]`.
    Str,
    /// A C string written by the callee: `&mut [u8]`.
    StrMut,
    /// A `FILE *` (only `stdout`/`stderr`): `rt::Stream::Stdout`/`Stderr`.
    Stream,
}

/// How the result comes back.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RetKind {
    /// The runtime returns the C result with the IR's Rust type.
    Value,
    /// The runtime returns `()`: the C result (e.g. `strcpy`'s pointer) must be unused.
    Unit,
    /// The function does not return (`exit`, `abort`).
    Never,
}

/// One runtime function.
#[derive(Copy, Clone, Debug)]
pub struct ExternFn {
    /// C name.
    pub c_name: &'static str,
    /// Function name inside the `rt` module.
    pub rust: &'static str,
    /// Argument kinds, one per C argument.
    pub params: &'static [ArgKind],
    /// Result.
    pub ret: RetKind,
}

use ArgKind::{Str as S, StrMut as M, Stream as F, Value as V};

macro_rules! ext {
    ($c:literal => $r:literal ($($k:expr),*) $ret:ident) => {
        ExternFn { c_name: $c, rust: $r, params: &[$($k),*], ret: RetKind::$ret }
    };
}

/// Every plain (non-printf) runtime mapping, sorted by C name.
const TABLE: &[ExternFn] = &[
    ext!("abort" => "abort" () Never),
    ext!("abs" => "abs" (V) Value),
    ext!("acos" => "acos" (V) Value),
    ext!("asin" => "asin" (V) Value),
    ext!("atan" => "atan" (V) Value),
    ext!("atan2" => "atan2" (V, V) Value),
    ext!("atof" => "atof" (S) Value),
    ext!("atoi" => "atoi" (S) Value),
    ext!("atol" => "atol" (S) Value),
    ext!("atoll" => "atoll" (S) Value),
    ext!("cbrt" => "cbrt" (V) Value),
    ext!("ceil" => "ceil" (V) Value),
    ext!("ceilf" => "ceilf" (V) Value),
    ext!("copysign" => "copysign" (V, V) Value),
    ext!("cos" => "cos" (V) Value),
    ext!("cosf" => "cosf" (V) Value),
    ext!("cosh" => "cosh" (V) Value),
    ext!("exit" => "exit" (V) Never),
    ext!("exp" => "exp" (V) Value),
    ext!("exp2" => "exp2" (V) Value),
    ext!("expf" => "expf" (V) Value),
    ext!("fabs" => "fabs" (V) Value),
    ext!("fabsf" => "fabsf" (V) Value),
    ext!("fflush" => "fflush" (F) Value),
    ext!("floor" => "floor" (V) Value),
    ext!("floorf" => "floorf" (V) Value),
    ext!("fmax" => "fmax" (V, V) Value),
    ext!("fmin" => "fmin" (V, V) Value),
    ext!("fmod" => "fmod" (V, V) Value),
    ext!("fmodf" => "fmodf" (V, V) Value),
    ext!("fputc" => "fputc" (V, F) Value),
    ext!("fputs" => "fputs" (S, F) Value),
    ext!("getchar" => "getchar" () Value),
    ext!("hypot" => "hypot" (V, V) Value),
    ext!("isalnum" => "isalnum" (V) Value),
    ext!("isalpha" => "isalpha" (V) Value),
    ext!("isblank" => "isblank" (V) Value),
    ext!("iscntrl" => "iscntrl" (V) Value),
    ext!("isdigit" => "isdigit" (V) Value),
    ext!("isfinite" => "isfinite" (V) Value),
    ext!("isgraph" => "isgraph" (V) Value),
    ext!("isinf" => "isinf" (V) Value),
    ext!("islower" => "islower" (V) Value),
    ext!("isnan" => "isnan" (V) Value),
    ext!("isprint" => "isprint" (V) Value),
    ext!("ispunct" => "ispunct" (V) Value),
    ext!("isspace" => "isspace" (V) Value),
    ext!("isupper" => "isupper" (V) Value),
    ext!("isxdigit" => "isxdigit" (V) Value),
    ext!("labs" => "labs" (V) Value),
    ext!("ldexp" => "ldexp" (V, V) Value),
    ext!("llabs" => "llabs" (V) Value),
    ext!("log" => "log" (V) Value),
    ext!("log10" => "log10" (V) Value),
    ext!("log2" => "log2" (V) Value),
    ext!("logf" => "logf" (V) Value),
    ext!("pow" => "pow" (V, V) Value),
    ext!("powf" => "powf" (V, V) Value),
    ext!("putc" => "fputc" (V, F) Value),
    ext!("putchar" => "putchar" (V) Value),
    ext!("puts" => "puts" (S) Value),
    ext!("rand" => "rand" () Value),
    ext!("round" => "round" (V) Value),
    ext!("roundf" => "roundf" (V) Value),
    ext!("sin" => "sin" (V) Value),
    ext!("sinf" => "sinf" (V) Value),
    ext!("sinh" => "sinh" (V) Value),
    ext!("sqrt" => "sqrt" (V) Value),
    ext!("sqrtf" => "sqrtf" (V) Value),
    ext!("srand" => "srand" (V) Unit),
    ext!("strcat" => "strcat" (M, S) Unit),
    ext!("strcmp" => "strcmp" (S, S) Value),
    ext!("strcpy" => "strcpy" (M, S) Unit),
    ext!("strcspn" => "strcspn" (S, S) Value),
    ext!("strlen" => "strlen" (S) Value),
    ext!("strncat" => "strncat" (M, S, V) Unit),
    ext!("strncmp" => "strncmp" (S, S, V) Value),
    ext!("strncpy" => "strncpy" (M, S, V) Unit),
    ext!("strspn" => "strspn" (S, S) Value),
    ext!("tan" => "tan" (V) Value),
    ext!("tanh" => "tanh" (V) Value),
    ext!("tolower" => "tolower" (V) Value),
    ext!("toupper" => "toupper" (V) Value),
    ext!("trunc" => "trunc" (V) Value),
];

/// The printf-family functions, handled specially (format string plus variadic arguments).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum PrintfKind {
    /// `printf(fmt, ...)`.
    Printf,
    /// `fprintf(stream, fmt, ...)`.
    Fprintf,
    /// `sprintf(buf, fmt, ...)`.
    Sprintf,
    /// `snprintf(buf, n, fmt, ...)`.
    Snprintf,
}

impl PrintfKind {
    /// Index of the format argument.
    pub fn fmt_index(self) -> usize {
        match self {
            PrintfKind::Printf => 0,
            PrintfKind::Fprintf | PrintfKind::Sprintf => 1,
            PrintfKind::Snprintf => 2,
        }
    }
}

/// The printf-family kind of `name`, if it is one.
pub fn printf_kind(name: &str) -> Option<PrintfKind> {
    match name {
        "printf" => Some(PrintfKind::Printf),
        "fprintf" => Some(PrintfKind::Fprintf),
        "sprintf" => Some(PrintfKind::Sprintf),
        "snprintf" => Some(PrintfKind::Snprintf),
        _ => None,
    }
}

/// The plain runtime mapping of `name`, if any.
pub fn lookup(name: &str) -> Option<&'static ExternFn> {
    TABLE
        .binary_search_by(|e| e.c_name.cmp(name))
        .ok()
        .map(|i| &TABLE[i])
}

/// True for runtime functions of scalars only with no side effects (ctype, `abs`, math):
/// calls to them may move past other effects.
pub fn is_pure(name: &str) -> bool {
    const IMPURE: &[&str] = &[
        "rand", "srand", "exit", "abort", "getchar", "fflush", "fputc", "putc", "putchar",
    ];
    lookup(name).is_some_and(|e| {
        e.params.iter().all(|k| *k == ArgKind::Value)
            && e.ret == RetKind::Value
            && !IMPURE.contains(&e.c_name)
    })
}

/// True for runtime functions that only read memory through their `char *` arguments and
/// have no other effect (`strlen`, `strcmp`, `atoi`, ...): they commute with loads.
pub fn is_read_only(name: &str) -> bool {
    is_pure(name)
        || lookup(name).is_some_and(|e| {
            e.params
                .iter()
                .all(|k| matches!(k, ArgKind::Value | ArgKind::Str))
                && e.ret == RetKind::Value
                && !matches!(e.c_name, "puts" | "fputs" | "rand" | "getchar")
        })
}

/// True when a call to `name` never returns.
pub fn diverges(name: &str) -> bool {
    lookup(name).is_some_and(|e| e.ret == RetKind::Never)
}

/// `memcpy`-like functions on typed arrays (through `void *`), handled specially.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum MemKind {
    /// `memcpy(dst, src, n)` (distinct objects).
    Copy,
    /// `memset(dst, c, n)`.
    Set,
    /// `memcmp(a, b, n)` (reads only).
    Cmp,
}

/// The kind of `name` if it is a `mem*` function handled on typed arrays.
pub fn mem_kind(name: &str) -> Option<MemKind> {
    match name {
        "memcpy" | "memmove" => Some(MemKind::Copy),
        "memset" => Some(MemKind::Set),
        "memcmp" => Some(MemKind::Cmp),
        _ => None,
    }
}

/// Names of the C stream globals and the runtime stream they denote.
pub fn stream_of_global(name: &str) -> Option<&'static str> {
    match name {
        "stdout" => Some("Stdout"),
        "stderr" => Some("Stderr"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn table_is_sorted() {
        let names: Vec<&str> = super::TABLE.iter().map(|e| e.c_name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        assert_eq!(super::lookup("strlen").map(|e| e.rust), Some("strlen"));
        assert!(super::lookup("malloc").is_none());
    }
}
