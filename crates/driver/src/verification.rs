//! The checker's results as plain data, and the two ways of getting them: right after
//! `transpile` emits a crate ([`run_checker`]), and for a crate on disk, possibly edited by
//! hand ([`verify_project`], behind `cargo xtask verify`).
//!
//! Invariants:
//! - Verification never fails a run and never panics: a panic of the checker is caught and
//!   every function is then reported `failed` with verdict `unknown` naming the panic.
//! - Verdicts are the four strings `proven`, `refuted`, `unknown`, `unsupported`, each with
//!   an optional detail (the counterexample, the limit, the construct); function statuses are
//!   `proven`, `failed`, `not-translated`.
//! - Functions are listed in C module order (defined functions, then the ones the frontend
//!   could not lower), as the checker reports them; the serialised form leaves out query
//!   times, so it is deterministic.

use crate::{catch, emit_module, lower_project, progress, Config, DriverError};
use serde::Serialize;
use std::path::{Path, PathBuf};
use xl_base::{Diagnostic, Span};
use xl_verify::{FuncStatus, Verdict};

/// The verdict on one IR block.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct BlockVerdict {
    /// IR block name (`block3`).
    pub block: String,
    /// `proven`, `refuted`, `unknown` or `unsupported`.
    pub verdict: String,
    /// The counterexample, the limit hit, or the unsupported construct.
    pub detail: Option<String>,
}

/// What the checker concluded about one function.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct FunctionVerdict {
    /// C name.
    pub name: String,
    /// Rust name in the crate.
    pub rust_name: String,
    /// `proven`, `failed` or `not-translated`.
    pub status: String,
    /// The first failing IR block, when the failure is local to one.
    pub failing_block: Option<String>,
    /// `proven`, or the verdict of the failure (`refuted`, `unknown`, `unsupported`);
    /// `None` for functions that were not translated.
    pub verdict: Option<String>,
    /// Why it failed: the counterexample, limit or construct.
    pub detail: Option<String>,
    /// Per IR block, in block order.
    pub blocks: Vec<BlockVerdict>,
    /// Wall time of each solver query, in milliseconds (not serialised: not deterministic).
    #[serde(skip)]
    pub query_ms: Vec<f64>,
    /// Proof time per block, in milliseconds (not serialised: not deterministic).
    #[serde(skip)]
    pub block_ms: Vec<f64>,
}

impl FunctionVerdict {
    /// True when the function is proven equivalent.
    pub fn is_proven(&self) -> bool {
        self.status == "proven"
    }
    /// One line for people: `proven`, `not translated`, or `block3: refuted: <detail>`.
    pub fn describe(&self) -> String {
        match self.status.as_str() {
            "proven" => "proven".to_string(),
            "not-translated" => "not translated (its Rust body is a panicking stub)".to_string(),
            _ => {
                let mut s = String::new();
                if let Some(b) = &self.failing_block {
                    s.push_str(b);
                    s.push_str(": ");
                }
                s.push_str(self.verdict.as_deref().unwrap_or("failed"));
                if let Some(d) = &self.detail {
                    s.push_str(": ");
                    s.push_str(d);
                }
                s
            }
        }
    }
}

/// The result for a whole crate.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Verification {
    /// Per function, in C module order.
    pub functions: Vec<FunctionVerdict>,
    /// Functions proven.
    pub proven: usize,
    /// Functions checked (every function the C module has).
    pub total: usize,
    /// Blocks proven, over every function.
    pub blocks_proven: usize,
    /// Blocks with a verdict, over every function.
    pub blocks_total: usize,
    /// Problems reading the crate (a Rust syntax error, a checker panic).
    pub diagnostics: Vec<Diagnostic>,
}

impl Verification {
    /// True when there is at least one function, every function is proven and the crate was
    /// read without problems.
    pub fn all_proven(&self) -> bool {
        self.total > 0 && self.proven == self.total && self.diagnostics.is_empty()
    }
    /// Pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        s.push('\n');
        s
    }
    fn from_functions(functions: Vec<FunctionVerdict>, diagnostics: Vec<Diagnostic>) -> Self {
        Verification {
            proven: functions.iter().filter(|f| f.is_proven()).count(),
            total: functions.len(),
            blocks_proven: functions
                .iter()
                .flat_map(|f| &f.blocks)
                .filter(|b| b.verdict == "proven")
                .count(),
            blocks_total: functions.iter().map(|f| f.blocks.len()).sum(),
            functions,
            diagnostics,
        }
    }
    /// Converts the checker's report.
    fn from_crate_report(r: &xl_verify::CrateReport) -> Verification {
        let functions = r
            .functions
            .iter()
            .map(|f| {
                let (status, failing_block, verdict, detail) = match &f.status {
                    FuncStatus::Proven => ("proven", None, Some("proven".to_string()), None),
                    FuncStatus::Failed { block, verdict } => {
                        let (v, d) = verdict_strings(verdict);
                        ("failed", block.clone(), Some(v), d)
                    }
                    FuncStatus::NotTranslated => ("not-translated", None, None, None),
                };
                FunctionVerdict {
                    name: f.name.clone(),
                    rust_name: f.rust_name.clone(),
                    status: status.to_string(),
                    failing_block,
                    verdict,
                    detail,
                    blocks: f
                        .blocks
                        .iter()
                        .map(|b| {
                            let (verdict, detail) = verdict_strings(&b.verdict);
                            BlockVerdict {
                                block: b.block.clone(),
                                verdict,
                                detail,
                            }
                        })
                        .collect(),
                    query_ms: f.query_ms.clone(),
                    block_ms: f.block_ms.clone(),
                }
            })
            .collect();
        Verification::from_functions(functions, r.diagnostics.clone())
    }
    /// Every function of `module` failed with verdict `unknown` and `detail` (used when the
    /// checker could not run).
    fn fallback(
        module: &xl_ir::Module,
        names: &xl_emit::NameMap,
        detail: &str,
        diagnostics: Vec<Diagnostic>,
    ) -> Verification {
        let mut functions: Vec<FunctionVerdict> = module
            .funcs
            .iter()
            .map(|(id, f)| FunctionVerdict {
                name: f.name.clone(),
                rust_name: names
                    .funcs
                    .iter()
                    .find(|(i, _)| *i == id)
                    .map_or_else(|| f.name.clone(), |(_, n)| n.clone()),
                status: "failed".to_string(),
                failing_block: None,
                verdict: Some("unknown".to_string()),
                detail: Some(detail.to_string()),
                blocks: Vec::new(),
                query_ms: Vec::new(),
                block_ms: Vec::new(),
            })
            .collect();
        functions.extend(module.decls.iter().map(|d| {
            FunctionVerdict {
                name: d.name.clone(),
                rust_name: names
                    .decls
                    .iter()
                    .find(|(c, _)| *c == d.name)
                    .map_or_else(|| d.name.clone(), |(_, n)| n.clone()),
                status: "not-translated".to_string(),
                failing_block: None,
                verdict: None,
                detail: None,
                blocks: Vec::new(),
                query_ms: Vec::new(),
                block_ms: Vec::new(),
            }
        }));
        Verification::from_functions(functions, diagnostics)
    }
}

/// `(kind, detail)` of a verdict.
fn verdict_strings(v: &Verdict) -> (String, Option<String>) {
    match v {
        Verdict::Proven => ("proven".to_string(), None),
        Verdict::Refuted { counterexample } => {
            ("refuted".to_string(), Some(counterexample.to_string()))
        }
        Verdict::Unknown { limit } => ("unknown".to_string(), Some(limit.clone())),
        Verdict::Unsupported { construct } => ("unsupported".to_string(), Some(construct.clone())),
    }
}

/// The checker's settings from the run's.
fn checker_options(config: &Config) -> xl_verify::Options {
    let mut opts = xl_verify::Options::default();
    if let Some(ms) = config.timeout_ms {
        opts.timeout_ms = ms;
    }
    opts
}

/// Checks the crate `files` against `module`; never panics. `label` names the crate in the
/// diagnostic for a checker panic. Progress prints one line per function once the checker is
/// done (the checker's API has no per-function callback).
pub(crate) fn run_checker(
    module: &xl_ir::Module,
    names: &xl_emit::NameMap,
    files: &[(String, String)],
    config: &Config,
    label: &Path,
) -> Verification {
    let opts = checker_options(config);
    progress(
        config,
        &format!(
            "verifying {} function(s) (solver limit {} ms per query)",
            module.funcs.len(),
            opts.timeout_ms
        ),
    );
    let started = std::time::Instant::now();
    let v = match catch(|| xl_verify::verify_crate(module, names, files, &opts)) {
        Ok(r) => Verification::from_crate_report(&r),
        Err(msg) => {
            let detail = format!("the checker panicked (a bug; please report it): {msg}");
            let d = Diagnostic::warning("D0101", detail.clone(), Span::new(label_of(label), 0, 0));
            Verification::fallback(module, names, &detail, vec![d])
        }
    };
    if config.progress {
        for f in &v.functions {
            let ms = f.query_ms.iter().fold(0.0, |a, b| a + b);
            eprintln!(
                "xlate: verified {}: {} ({} queries, {:.0} ms)",
                f.name,
                f.describe(),
                f.query_ms.len(),
                ms
            );
        }
    }
    if config.verbose {
        eprintln!("xlate: verified in {:.2?}", started.elapsed());
    }
    v
}

fn label_of(p: &Path) -> String {
    p.display().to_string()
}

/// What `verify_project` found.
#[derive(Clone, Debug)]
pub struct VerifyOutcome {
    /// Diagnostics of the C side (discovery, lowering) and of reading the crate, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The verdicts.
    pub verification: Verification,
}

/// Re-lowers the C project at `input` exactly as [`crate::transpile`] does, re-emits it in
/// memory only for the names the emitter gives C items, reads the crate at `crate_dir` from
/// disk (`src/main.rs` or `src/lib.rs`, and `src/rt.rs`) and checks it against the C
/// functions. The crate may have been edited by hand: what is on disk is what is checked.
///
/// `Err` when the input or the crate cannot be read; a Rust syntax error in the crate is a
/// diagnostic (and no function of the crate is then counted as proven).
pub fn verify_project(
    input: &Path,
    crate_dir: &Path,
    config: &Config,
) -> Result<VerifyOutcome, DriverError> {
    let files = read_crate(crate_dir)?;
    let lowering = lower_project(input, config)?;
    let mut diagnostics = lowering.diagnostics;
    let Some(lowered) = lowering.lowered else {
        diagnostics.sort();
        return Ok(VerifyOutcome {
            diagnostics,
            verification: Verification::default(),
        });
    };
    let mut emit_diags = Vec::new();
    let emitted = emit_module(
        &lowered.module,
        &lowering.crate_name,
        input,
        &mut emit_diags,
    );
    diagnostics.extend(emit_diags);
    let syntax: Vec<Diagnostic> = files
        .iter()
        .filter_map(|(rel, text)| syntax_error(crate_dir, rel, text))
        .collect();
    let mut verification = run_checker(&lowered.module, &emitted.names, &files, config, crate_dir);
    // Ours say file:line:col whatever the checker says; duplicates are harmless.
    verification.diagnostics.extend(syntax);
    diagnostics.extend(verification.diagnostics.iter().cloned());
    diagnostics.sort_by(|a, b| (&a.span, &a.code, &a.message).cmp(&(&b.span, &b.code, &b.message)));
    diagnostics.dedup();
    Ok(VerifyOutcome {
        diagnostics,
        verification,
    })
}

/// The crate's sources as `(path relative to the crate root, contents)`, sorted by path.
fn read_crate(crate_dir: &Path) -> Result<Vec<(String, String)>, DriverError> {
    let err = |msg: String| DriverError::Crate(crate_dir.to_path_buf(), msg);
    let meta = std::fs::metadata(crate_dir).map_err(|e| err(e.to_string()))?;
    if !meta.is_dir() {
        return Err(err("not a directory".to_string()));
    }
    let mut files = Vec::new();
    for rel in ["src/lib.rs", "src/main.rs", "src/rt.rs"] {
        let path: PathBuf = crate_dir.join(rel);
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push((rel.to_string(), text)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(err(format!("cannot read {rel}: {e}"))),
        }
    }
    if !files
        .iter()
        .any(|(rel, _)| rel == "src/main.rs" || rel == "src/lib.rs")
    {
        return Err(err("has neither src/main.rs nor src/lib.rs".to_string()));
    }
    Ok(files)
}

/// A `D0201` error when `text` is not valid Rust, at the error's line and column.
fn syntax_error(crate_dir: &Path, rel: &str, text: &str) -> Option<Diagnostic> {
    let e = syn::parse_file(text).err()?;
    let start = e.span().start();
    let line_text = text
        .lines()
        .nth(start.line.saturating_sub(1))
        .map(str::to_string);
    let d = Diagnostic::error(
        "D0201",
        format!("Rust syntax error: {e}"),
        Span::new(
            crate_dir.join(rel).display().to_string(),
            start.line as u32,
            start.column as u32 + 1,
        ),
    );
    Some(match line_text {
        Some(l) => d.with_source_line(l),
        None => d,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{BlockReport, FunctionReport, Report};
    use xl_verify::{BlockReport as VBlock, Counterexample, CrateReport, FuncReport};

    fn vblock(name: &str, verdict: Verdict) -> VBlock {
        VBlock {
            block: name.to_string(),
            verdict,
        }
    }

    fn func(name: &str, status: FuncStatus, blocks: Vec<VBlock>, queries: usize) -> FuncReport {
        FuncReport {
            name: name.to_string(),
            rust_name: format!("r_{name}"),
            status,
            blocks,
            query_ms: vec![1.5; queries],
            block_ms: Vec::new(),
        }
    }

    fn refuted() -> Verdict {
        Verdict::Refuted {
            counterexample: Counterexample {
                inputs: vec![("x".to_string(), xl_interp::Val::Bool(true))],
                src_result: None,
                cand_result: Err("overflow".to_string()),
            },
        }
    }

    /// Four functions: proven, refuted in block1, unknown as a whole, not translated.
    fn crate_report() -> CrateReport {
        CrateReport {
            functions: vec![
                func(
                    "p",
                    FuncStatus::Proven,
                    vec![
                        vblock("block0", Verdict::Proven),
                        vblock("block1", Verdict::Proven),
                    ],
                    3,
                ),
                func(
                    "r",
                    FuncStatus::Failed {
                        block: Some("block1".into()),
                        verdict: refuted(),
                    },
                    vec![
                        vblock("block0", Verdict::Proven),
                        vblock("block1", refuted()),
                    ],
                    2,
                ),
                func(
                    "u",
                    FuncStatus::Failed {
                        block: None,
                        verdict: Verdict::Unknown {
                            limit: "timeout 2000 ms".into(),
                        },
                    },
                    vec![],
                    1,
                ),
                func("n", FuncStatus::NotTranslated, vec![], 0),
            ],
            diagnostics: vec![],
        }
    }

    fn freport(name: &str, translated: bool, blocks: &[&str]) -> FunctionReport {
        FunctionReport {
            name: name.to_string(),
            rust_name: Some(format!("r_{name}")),
            file: "a.c".to_string(),
            line: 1,
            col: 1,
            translated,
            reason: None,
            state_machine: None,
            verified: "not-checked".to_string(),
            failing_block: None,
            verified_detail: None,
            blocks: blocks
                .iter()
                .map(|b| BlockReport {
                    block: b.to_string(),
                    line: 1,
                    status: "translated".to_string(),
                    rust_path: None,
                    verdict: "not-checked".to_string(),
                    verdict_detail: None,
                })
                .collect(),
        }
    }

    #[test]
    fn converts_verdicts_to_strings_and_counts() {
        let v = Verification::from_crate_report(&crate_report());
        assert_eq!((v.proven, v.total), (1, 4));
        assert_eq!((v.blocks_proven, v.blocks_total), (3, 4));
        assert!(!v.all_proven());
        let lines: Vec<String> = v.functions.iter().map(FunctionVerdict::describe).collect();
        assert_eq!(lines[0], "proven");
        assert_eq!(
            lines[1],
            "block1: refuted: x = true: source returns nothing, candidate is undefined (overflow)"
        );
        assert_eq!(lines[2], "unknown: timeout 2000 ms");
        assert!(lines[3].starts_with("not translated"));
        assert_eq!(v.functions[1].failing_block.as_deref(), Some("block1"));
        assert_eq!(v.functions[3].verdict, None);
        assert_eq!(v.functions[0].query_ms.len(), 3);
        let json: serde_json::Value = serde_json::from_str(&v.to_json()).unwrap();
        assert_eq!(json["functions"][1]["blocks"][1]["verdict"], "refuted");
        assert_eq!(
            json["functions"][1]["blocks"][0]["detail"],
            serde_json::Value::Null
        );

        let only_proven = CrateReport {
            functions: vec![crate_report().functions.remove(0)],
            diagnostics: vec![],
        };
        assert!(Verification::from_crate_report(&only_proven).all_proven());
        assert!(
            !Verification::default().all_proven(),
            "nothing checked is not all proven"
        );
    }

    #[test]
    fn applies_verdicts_to_the_report() {
        let v = Verification::from_crate_report(&crate_report());
        let mut report = Report::new(
            "c",
            vec![],
            vec![
                freport("p", true, &["block0", "block1"]),
                freport("r", true, &["block0", "block1", "block2"]),
                freport("u", true, &["block0"]),
                freport("n", false, &["block0"]),
                freport("missing", true, &["block0"]),
            ],
        );
        report.apply_verification(&v);
        let f = |n: &str| report.functions.iter().find(|f| f.name == n).unwrap();
        let verdicts =
            |n: &str| -> Vec<String> { f(n).blocks.iter().map(|b| b.verdict.clone()).collect() };
        assert_eq!(f("p").verified, "proven");
        assert_eq!(verdicts("p"), ["proven", "proven"]);
        assert_eq!(f("r").verified, "failed");
        assert_eq!(f("r").failing_block.as_deref(), Some("block1"));
        assert!(f("r")
            .verified_detail
            .as_deref()
            .unwrap()
            .starts_with("refuted: x = true"));
        // block2 got no verdict from the checker: unknown, saying so.
        assert_eq!(verdicts("r"), ["proven", "refuted", "unknown"]);
        assert!(f("r").blocks[1]
            .verdict_detail
            .as_deref()
            .unwrap()
            .contains("overflow"));
        // A whole-function failure covers every block.
        assert_eq!(verdicts("u"), ["unknown"]);
        assert_eq!(
            f("u").blocks[0].verdict_detail.as_deref(),
            Some("timeout 2000 ms")
        );
        assert_eq!(f("n").verified, "not-translated");
        assert_eq!(verdicts("n"), ["not-checked"]);
        assert_eq!(f("missing").verified, "failed");
        assert_eq!(verdicts("missing"), ["unknown"]);
        let s = &report.summary;
        assert!(s.verified);
        assert_eq!(
            (s.functions_proven, s.blocks_proven, s.blocks_total),
            (1, 3, 8)
        );
    }
}
