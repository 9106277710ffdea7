//! Source locations.
//!
//! A [`Span`] names a point in an input file by 1-based line and column, which is what
//! diagnostics print (`file.c:12:5`). For machine code the "line" is unused and `offset`
//! holds the instruction address. File names are stored as given (relative to the project
//! root when the driver can make them so), never as absolute temporary paths, so reports are
//! deterministic.

use serde::Serialize;

/// A source position: file, 1-based line and column, or an address for machine code.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// File path as shown to the user.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: u32,
    /// 1-based column (0 when unknown).
    pub col: u32,
}

impl Span {
    /// A span at `file:line:col`.
    pub fn new(file: impl Into<String>, line: u32, col: u32) -> Span {
        Span {
            file: file.into(),
            line,
            col,
        }
    }
    /// True when the span carries no position.
    pub fn is_unknown(&self) -> bool {
        self.file.is_empty() && self.line == 0
    }
}

impl std::fmt::Display for Span {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.col > 0 {
            write!(f, "{}:{}:{}", self.file, self.line, self.col)
        } else {
            write!(f, "{}:{}", self.file, self.line)
        }
    }
}
