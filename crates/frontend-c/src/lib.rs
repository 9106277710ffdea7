//! C frontend: discovery of translation units, preprocessing with the system `cc` against our
//! own minimal C library headers (`include/`, embedded), parsing with lang-c, and lowering to
//! the IR following the lowering contract shared with the emitter (`docs/` and
//! `/work/notes/lowering-contract.md`).
//!
//! Entry points: [`discover`] finds the translation units of a project; [`lower_files`]
//! lowers them into one [`Module`]. Errors are [`Diagnostic`]s: `C0001` syntax error, `C0002`
//! unsupported construct, `C0003` unknown name or type error, `C0004` preprocessor failure,
//! `C0006` a function takes the address of a function that failed, `C0999` internal error
//! (a frontend bug, e.g. IR the verifier rejects); warnings `C0101` long double mapped to
//! double, `C0102` implicit int, `C0103` implicit function declaration, `C0104` extern
//! variable defined nowhere, `C0105` excess initializer elements, `C0106` initializer points
//! to a function that failed. A failing function is left out and reported; everything else
//! is still lowered. Nothing here panics on bad input: lowering runs on a thread with a large
//! stack, each function under `catch_unwind`, and every lowered function passes
//! `xl_ir::verify`.
//!
//! Conventions beyond the contract:
//! - `stdin`/`stdout`/`stderr` are globals of type `ptr<FILE>` (`FILE` an empty struct),
//!   zero-initialised; the emitter and interpreter recognise them by name. Other `extern`
//!   variables defined in no unit become zero-initialised globals with a warning.
//! - A call to a function whose definition failed is `Callee::Extern(name)`.
//! - `static` functions and globals whose names clash across units are renamed
//!   `name_<file stem>`; function-local statics are globals named `func.var`.
//! - A definition repeated at the same place (a header included by several units) or an
//!   `inline` one is lowered once.
//! - Unknown type names are recovered from (declared as `int` for parsing only): the
//!   functions using them fail with `C0003`, the rest of the file still lowers.

mod ctype;
mod cx;
mod decl;
mod discover;
mod expr;
mod init;
mod lower;
pub mod source;
mod stmt;

pub use discover::{discover, Discovery};
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

impl Default for Options {
    fn default() -> Options {
        Options {
            cc: "cc".to_string(),
            include_dirs: vec![],
            defines: vec![],
        }
    }
}

/// Lowers the translation units `files` (paths relative to `root` are used in spans).
pub fn lower_files(root: &Path, files: &[PathBuf], opts: &Options) -> LowerOutput {
    let (root, files, opts) = (root.to_path_buf(), files.to_vec(), opts.clone());
    let handle = std::thread::Builder::new()
        .name("xl-frontend-c".into())
        .stack_size(512 << 20)
        .spawn(move || lower_impl(&root, &files, &opts));
    let failed = |msg: &str| LowerOutput {
        diagnostics: vec![Diagnostic::error(
            "C0999",
            format!("internal error in the C frontend: {msg}"),
            Span::default(),
        )],
        ..LowerOutput::default()
    };
    match handle {
        Ok(h) => match h.join() {
            Ok(out) => out,
            Err(_) => failed("the lowering thread panicked"),
        },
        Err(e) => failed(&e.to_string()),
    }
}

fn lower_impl(root: &Path, files: &[PathBuf], opts: &Options) -> LowerOutput {
    let headers = match source::HeaderDir::create() {
        Ok(h) => h,
        Err(e) => {
            return LowerOutput {
                diagnostics: vec![Diagnostic::error(
                    "C0004",
                    format!("cannot write the C library headers: {e}"),
                    Span::default(),
                )],
                ..LowerOutput::default()
            }
        }
    };
    let mut program = cx::Program::default();
    let mut units = Vec::new();
    for f in files {
        match source::parse_file(
            root,
            f,
            &opts.cc,
            &headers.path,
            &opts.include_dirs,
            &opts.defines,
        ) {
            Ok(pu) => {
                let (tu, unit) = lower::new_tu(pu);
                program.tus.push(tu);
                units.push(unit);
            }
            Err(d) => program.diags.push(d),
        }
    }
    lower::lower_program(program, &units)
}
