//! C frontend (work in progress): discovery of translation units, preprocessing, lang-c parse,
//! typed model, lowering to the IR.

use std::path::{Path, PathBuf};
use xl_base::{Diagnostic, Span};
use xl_ir::{FuncId, Module};

/// How to preprocess.
#[derive(Clone, Debug)]
pub struct Options {
    /// The C compiler used as preprocessor (`cc`).
    pub cc: String,
    /// Extra `-I` directories.
    pub include_dirs: Vec<PathBuf>,
    /// Extra `-D` definitions (`NAME` or `NAME=VALUE`).
    pub defines: Vec<String>,
}

/// What happened to one C function definition.
#[derive(Clone, Debug)]
pub enum FuncStatus {
    /// Lowered into the module.
    Lowered(FuncId),
    /// Not lowered; the reason names the construct.
    Failed {
        /// Why, e.g. "unsupported construct `union` at t.c:3:5".
        reason: String,
    },
}

/// One function definition found in the sources.
#[derive(Clone, Debug)]
pub struct FuncInfo {
    /// C name.
    pub name: String,
    /// Definition site.
    pub span: Span,
    /// Lowered or not.
    pub status: FuncStatus,
}

/// Result of lowering a project.
#[derive(Clone, Debug, Default)]
pub struct LowerOutput {
    /// Everything that lowered.
    pub module: Module,
    /// Every function definition seen, in source order.
    pub functions: Vec<FuncInfo>,
    /// Problems found, with locations.
    pub diagnostics: Vec<Diagnostic>,
}

/// Lowers the translation units `files` (paths relative to `root` are used in spans).
pub fn lower_files(root: &Path, files: &[PathBuf], opts: &Options) -> LowerOutput {
    let _ = (root, files, opts);
    LowerOutput::default()
}
