//! Runs the pipeline over one project: discover translation units, lower them to the IR, emit
//! the safe-Rust package, write it, check it against the C functions with the Z3 checker, and
//! write `transpile-report.json` with the verdicts. [`verify_project`] re-checks a crate on
//! disk (possibly edited by hand) against its C project with the same lowering.
//!
//! Invariants:
//! - The public API is plain data (paths, strings, counts, [`Diagnostic`]s); no IR, syn or Z3
//!   types cross it, which makes this crate the test boundary for end-to-end tests.
//! - `Err` is only for the environment (unreadable input, unwritable output, no C compiler).
//!   Problems in the input are diagnostics next to a partial result.
//! - A panic inside a stage is a bug; it is caught here and reported as an internal-error
//!   diagnostic, so one bad construct never loses the whole run. Verification never changes
//!   the run's status: a checker panic is a warning and every verdict says `unknown`.
//! - Output is deterministic byte for byte, and every file is written to a temporary name and
//!   renamed into place, so an interrupted run never leaves a half-written file.

mod report;
mod verification;

pub use report::{BlockReport, FunctionReport, Report, Summary};
pub use verification::{
    verify_project, BlockVerdict, FunctionVerdict, Verification, VerifyOutcome,
};

use std::path::{Path, PathBuf};
use xl_base::{Diagnostic, Span};

/// Settings for one run.
#[derive(Clone, Debug)]
pub struct Config {
    /// The C compiler used as preprocessor.
    pub cc: String,
    /// Print each stage's timing to stderr.
    pub verbose: bool,
    /// Print progress lines to stderr.
    pub progress: bool,
    /// Cargo package name of the output (default: derived from the input directory).
    pub crate_name: Option<String>,
    /// Check the emitted crate against the C functions after writing it (default: on).
    pub verify: bool,
    /// Solver time limit per query in milliseconds (default: the checker's own default).
    pub timeout_ms: Option<u32>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            cc: "cc".to_string(),
            verbose: false,
            progress: false,
            crate_name: None,
            verify: true,
            timeout_ms: None,
        }
    }
}

/// How complete a run was.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RunStatus {
    /// Every function was translated and no error was found.
    Complete,
    /// Some functions (or files) could not be translated; the report lists them.
    Partial,
    /// Nothing could be translated.
    Failed,
}

impl RunStatus {
    /// The process exit code for this status: 0, 2 or 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            RunStatus::Complete => 0,
            RunStatus::Partial => 2,
            RunStatus::Failed => 1,
        }
    }
}

/// What a run produced.
#[derive(Clone, Debug)]
pub struct Outcome {
    /// Complete, partial or failed.
    pub status: RunStatus,
    /// Every diagnostic, sorted by location.
    pub diagnostics: Vec<Diagnostic>,
    /// The report also written to `OUT/transpile-report.json`.
    pub report: Report,
    /// The checker's results (`None` when verification was off or nothing was emitted).
    pub verification: Option<Verification>,
}

/// A problem with the environment, not with the input program.
#[derive(Debug)]
pub enum DriverError {
    /// The input path does not exist or cannot be read.
    Input(PathBuf, std::io::Error),
    /// The output could not be written.
    Output(PathBuf, std::io::Error),
    /// The input is neither a directory nor a `.c` file.
    NotAProject(PathBuf),
    /// The Rust crate to verify cannot be read (missing, not a directory, no
    /// `src/main.rs` or `src/lib.rs`).
    Crate(PathBuf, String),
}

impl std::fmt::Display for DriverError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DriverError::Input(p, e) => write!(f, "cannot read input {}: {e}", p.display()),
            DriverError::Output(p, e) => write!(f, "cannot write output {}: {e}", p.display()),
            DriverError::NotAProject(p) => {
                write!(f, "{} is neither a directory nor a .c file", p.display())
            }
            DriverError::Crate(p, msg) => write!(f, "cannot read crate {}: {msg}", p.display()),
        }
    }
}

impl std::error::Error for DriverError {}

/// The C side of a run: the project's translation units lowered to one module.
pub(crate) struct Lowering {
    /// The project root (the directory, or the `.c` file's directory).
    pub(crate) root: PathBuf,
    /// Output package name.
    pub(crate) crate_name: String,
    /// Translation units, relative to `root`.
    pub(crate) files: Vec<String>,
    /// Discovery and lowering diagnostics.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// `None` when there was nothing to lower or the frontend panicked (the diagnostics say
    /// which).
    pub(crate) lowered: Option<xl_frontend_c::LowerOutput>,
}

/// Discovers the translation units of `input` (a directory, or a single `.c` file) and lowers
/// them: the part `transpile` and `verify_project` share, so both see the same module.
pub(crate) fn lower_project(input: &Path, config: &Config) -> Result<Lowering, DriverError> {
    let meta = std::fs::metadata(input).map_err(|e| DriverError::Input(input.to_path_buf(), e))?;
    let (root, files_override) = if meta.is_dir() {
        (input.to_path_buf(), None)
    } else if input.extension().is_some_and(|e| e == "c") {
        // `Path::new("prog.c").parent()` is `Some("")`: that means the working directory.
        let root = match input.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        (root, Some(vec![input.to_path_buf()]))
    } else {
        return Err(DriverError::NotAProject(input.to_path_buf()));
    };
    let started = std::time::Instant::now();
    let mut diagnostics = Vec::new();
    let mut discovery = xl_frontend_c::discover(&root);
    diagnostics.append(&mut discovery.diagnostics);
    if let Some(files) = files_override {
        discovery.files = files;
    }
    let crate_name = config
        .crate_name
        .clone()
        .unwrap_or_else(|| crate_name_for(input));
    let files: Vec<String> = discovery.files.iter().map(|f| relative(&root, f)).collect();
    let mut lowering = Lowering {
        root,
        crate_name,
        files,
        diagnostics,
        lowered: None,
    };
    if discovery.files.is_empty() {
        lowering.diagnostics.push(Diagnostic::error(
            "D0001",
            "no C translation units found (no compile_commands.json and no .c files)",
            Span::new(input.display().to_string(), 0, 0),
        ));
        return Ok(lowering);
    }
    progress(
        config,
        &format!("lowering {} translation unit(s)", discovery.files.len()),
    );
    let opts = xl_frontend_c::Options {
        cc: config.cc.clone(),
        include_dirs: discovery.include_dirs.clone(),
        defines: discovery.defines.clone(),
    };
    match catch(|| xl_frontend_c::lower_files(&lowering.root, &discovery.files, &opts)) {
        Ok(l) => {
            lowering.diagnostics.extend(l.diagnostics.iter().cloned());
            lowering.lowered = Some(l);
        }
        Err(msg) => lowering
            .diagnostics
            .push(internal_error("C frontend", &msg, input)),
    }
    if config.verbose {
        eprintln!("xlate: lowered in {:.2?}", started.elapsed());
    }
    Ok(lowering)
}

/// Emits `module` in memory; a panic of the emitter becomes a diagnostic and an empty crate.
pub(crate) fn emit_module(
    module: &xl_ir::Module,
    crate_name: &str,
    input: &Path,
    diagnostics: &mut Vec<Diagnostic>,
) -> xl_emit::EmittedCrate {
    let emit_opts = xl_emit::EmitOptions {
        crate_name: crate_name.to_string(),
    };
    match catch(|| xl_emit::emit_crate(module, &emit_opts)) {
        Ok(e) => e,
        Err(msg) => {
            diagnostics.push(internal_error("emitter", &msg, input));
            xl_emit::EmittedCrate::default()
        }
    }
}

/// Prints a progress line when progress is on.
pub(crate) fn progress(config: &Config, msg: &str) {
    if config.progress {
        eprintln!("xlate: {msg}");
    }
}

/// Translates the C project at `input` (a directory, or a single `.c` file) into a Cargo
/// package at `out`, then (unless `config.verify` is off) checks the written crate against
/// the C functions and records the verdicts in the report.
///
/// The status (and so the exit code) is about translation only: a failed or crashed proof
/// never changes it; verification problems show in the report, in
/// [`Outcome::verification`] and as warning diagnostics.
pub fn transpile(input: &Path, out: &Path, config: &Config) -> Result<Outcome, DriverError> {
    let started = std::time::Instant::now();
    let Lowering {
        crate_name,
        files,
        mut diagnostics,
        lowered,
        ..
    } = lower_project(input, config)?;
    let Some(lowered) = lowered else {
        let report = Report::new(&crate_name, vec![], vec![]);
        write_report(out, &report)?;
        return Ok(Outcome {
            status: RunStatus::Failed,
            diagnostics,
            report,
            verification: None,
        });
    };

    progress(
        config,
        &format!("emitting {} function(s)", lowered.module.funcs.len()),
    );
    let emitted = emit_module(&lowered.module, &crate_name, input, &mut diagnostics);
    diagnostics.extend(emitted.diagnostics.iter().cloned());

    let functions = report::merge_functions(&lowered, &emitted);
    let mut report = Report::new(&crate_name, files, functions);
    report.copies = report::copies_inserted(&emitted.diagnostics);

    if !emitted.files.is_empty() {
        for (rel, text) in &emitted.files {
            write_atomic(&out.join(rel), text.as_bytes())?;
        }
    }

    // The status is decided before verification: proofs never change it.
    let has_errors = diagnostics.iter().any(Diagnostic::is_error);
    let status = if report.summary.functions_translated == 0 || emitted.files.is_empty() {
        RunStatus::Failed
    } else if has_errors || report.summary.functions_translated < report.summary.functions_total {
        RunStatus::Partial
    } else {
        RunStatus::Complete
    };

    let verification = if config.verify && !emitted.files.is_empty() {
        let v = verification::run_checker(
            &lowered.module,
            &emitted.names,
            &emitted.files,
            config,
            Path::new(out),
        );
        diagnostics.extend(v.diagnostics.iter().cloned().map(|mut d| {
            d.severity = xl_base::Severity::Warning;
            d
        }));
        report.apply_verification(&v);
        Some(v)
    } else {
        None
    };
    write_report(out, &report)?;
    if config.verbose {
        eprintln!("xlate: done in {:.2?}", started.elapsed());
    }

    diagnostics.sort_by(|a, b| (&a.span, &a.code, &a.message).cmp(&(&b.span, &b.code, &b.message)));
    diagnostics.dedup();
    Ok(Outcome {
        status,
        diagnostics,
        report,
        verification,
    })
}

/// Runs `f`, turning a panic into its message.
pub(crate) fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        if let Some(s) = payload.downcast_ref::<&str>() {
            s.to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "unknown panic".to_string()
        }
    })
}

fn internal_error(stage: &str, msg: &str, input: &Path) -> Diagnostic {
    Diagnostic::error(
        "D0100",
        format!("internal error in the {stage} (a bug; please report it): {msg}"),
        Span::new(input.display().to_string(), 0, 0),
    )
}

/// A Cargo package name from the input path: lowercase, `[a-z0-9_-]`, not starting with a digit.
fn crate_name_for(input: &Path) -> String {
    let stem = input
        .canonicalize()
        .ok()
        .and_then(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "translated".to_string());
    let mut name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "c_");
    }
    name
}

/// `path` relative to `root` when it lies under it, with `/` separators.
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let p = path.strip_prefix(root).unwrap_or(path);
    p.to_string_lossy().replace('\\', "/")
}

fn write_report(out: &Path, report: &Report) -> Result<(), DriverError> {
    let json = report.to_json();
    write_atomic(&out.join("transpile-report.json"), json.as_bytes())
}

/// Writes `bytes` to `path` through a temporary file and a rename, creating parent dirs.
/// Files whose content is unchanged are not touched, so cargo does not rebuild needlessly.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), DriverError> {
    let err = |e| DriverError::Output(path.to_path_buf(), e);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(err)?;
    }
    if std::fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    let tmp = path.with_extension(format!(
        "{}.xlate-tmp",
        path.extension()
            .map(|e| e.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    std::fs::write(&tmp, bytes).map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}
