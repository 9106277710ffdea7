//! The textual form of the IR: a line-based, human-readable format that prints and parses
//! back identically (`print(parse(print(m))) == print(m)` for every module).
//!
//! The grammar is documented in `docs/ir.md`. In short:
//!
//! ```text
//! struct0 "Point" { "x": i32, "y": i32 }                ; @"p.c":1:8
//! const global0 "msg": [i8; 3] = bytes "hi\00"          ; @"p.c":2:12
//!
//! decl "bits"("f": f32) -> u32 not_lowered "unsupported construct `union` at p.c:3:5"
//!
//! static func fn0 "abs_i"(var0) -> i32 {                ; @"p.c":4:5
//!     param var0 "x": i32                               ; @4:15
//! block0:
//!     v0: i32 = load var0                               ; @5:9
//!     v1: i32 = iconst 0
//!     v2: bool = icmp slt v0, v1
//!     br v2, block1(v0), block2
//! block1(v3: i32):
//!     v4: i32 = neg.nsw v3
//!     return v4
//! block2:
//!     return v0
//! }
//! ```
//!
//! Invariants of the format:
//! - Entities are written with their `Display` names (`struct3`, `global1`, `fn2`, `var0`,
//!   `block4`, `v7`), so ids survive a round trip. Structs, globals, functions, variables and
//!   blocks are declared in id order; values may be defined in any order.
//! - Instruction ids are not written: the parser numbers instructions in layout order.
//! - Every defined value carries its type at its definition (`v3: i32 = ...`, `block2(v7: i32)`).
//! - Names are always quoted strings with escapes, so any string round-trips; extern callees are
//!   `@name` when the name is an identifier, `@"..."` otherwise.
//! - A `;` starts a comment, except that `; @...` right after an item is its span:
//!   `@line:col` in the function's own file, `@"file":line:col` otherwise. Unknown spans
//!   (`Span::default()`) are not printed.

mod parse;
mod print;

pub use parse::{parse_module, ParseError};
pub(crate) use print::{inst_text, quote_str as quote_name, term_text};
pub use print::{print_func, print_module, print_module_with, PrintOptions};

#[cfg(test)]
mod tests;
