//! The checker's public API for whole crates: what the driver and `cargo xtask verify` call,
//! and the report types they print and serialise.
//!
//! Invariants: reports list functions in the order of the C module (`Module::funcs`, then
//! `Module::decls`), blocks in IR block order, so output is deterministic. A function is
//! [`FuncStatus::Proven`] only when every block and branch condition of it is proven and the
//! two control-flow graphs match; anything else names the first failing block.

use crate::Verdict;
use xl_base::Diagnostic;

/// Checker settings.
#[derive(Clone, Debug)]
pub struct Options {
    /// Solver time limit per query, in milliseconds.
    pub timeout_ms: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options { timeout_ms: 2000 }
    }
}

/// The verdict on one IR block of a function.
#[derive(Clone, Debug)]
pub struct BlockReport {
    /// IR block name (`block3`), as in `transpile-report.json`.
    pub block: String,
    /// The verdict of the region (from a cut point to the next) this block lies in; the worst
    /// one when it lies in several.
    pub verdict: Verdict,
}

/// What the checker concluded about one function.
#[derive(Clone, Debug)]
pub enum FuncStatus {
    /// Every block and branch condition is proven and the CFGs match.
    Proven,
    /// Something is not proven: the first failing block (when the failure is local to one)
    /// and its verdict.
    Failed {
        /// IR block name, or `None` for function-level failures (no Rust function found, the
        /// loop structures differ, ...).
        block: Option<String>,
        /// Why.
        verdict: Verdict,
    },
    /// The function was not translated (its Rust body is a panicking stub); nothing to prove.
    NotTranslated,
}

/// One function's result.
#[derive(Clone, Debug)]
pub struct FuncReport {
    /// C name.
    pub name: String,
    /// Rust name in the crate.
    pub rust_name: String,
    /// The conclusion.
    pub status: FuncStatus,
    /// Per IR block, in block order.
    pub blocks: Vec<BlockReport>,
    /// Wall time of each solver query made for this function, in milliseconds.
    pub query_ms: Vec<f64>,
    /// Proof time per IR block (same order as `blocks`), in milliseconds: each region's
    /// query time split evenly over the region's blocks.
    pub block_ms: Vec<f64>,
}

/// The result for a whole crate.
#[derive(Clone, Debug, Default)]
pub struct CrateReport {
    /// Per function, in C module order.
    pub functions: Vec<FuncReport>,
    /// Problems reading the crate (a Rust syntax error with its line and column, a missing
    /// file), as diagnostics.
    pub diagnostics: Vec<Diagnostic>,
}

impl CrateReport {
    /// `(proven blocks, all blocks)` over every function.
    pub fn block_counts(&self) -> (usize, usize) {
        let all = self.functions.iter().map(|f| f.blocks.len()).sum();
        let proven = self
            .functions
            .iter()
            .flat_map(|f| &f.blocks)
            .filter(|b| matches!(b.verdict, Verdict::Proven))
            .count();
        (proven, all)
    }
    /// True when every function is proven (none failed, none left untranslated).
    pub fn all_proven(&self) -> bool {
        self.diagnostics.is_empty()
            && self
                .functions
                .iter()
                .all(|f| matches!(f.status, FuncStatus::Proven))
    }
}
