//! C frontend: discovery of translation units, preprocessing with the system `cc` against our
//! own minimal C library headers, parsing with lang-c, and lowering to the IR (see
//! `/work/notes/lowering-contract.md` for the exact shape of the IR produced).
//!
//! Entry points: [`discover`] finds the translation units of a project; [`lower_files`]
//! lowers them into one [`Module`]. Errors are [`Diagnostic`]s (codes: `C0001` syntax,
//! `C0002` unsupported construct, `C0003` unknown name or type error, `C0004` preprocessor,
//! `C0006` reference to a function that failed, `C01xx` warnings); a failing function is left
//! out and reported, everything else is still lowered. Nothing here panics on bad input:
//! lowering runs on a thread with a large stack, each function under `catch_unwind`.

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
