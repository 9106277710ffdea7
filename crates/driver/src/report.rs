//! `transpile-report.json`: per function, translated or not with the reason and the source
//! location, and whether the checker proved it; per block, its status and its verdict.
//!
//! The JSON is deterministic: functions sorted by file, line, name; keys in struct order.
//! Without verification (`--no-verify`) every verdict and `verified` say `not-checked`.

use crate::verification::{FunctionVerdict, Verification};
use serde::Serialize;

/// Status of one block.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct BlockReport {
    /// IR block name (`block3`).
    pub block: String,
    /// Source line where the block starts.
    pub line: u32,
    /// `translated`, `not-translated` or `unreachable`.
    pub status: String,
    /// Where the block's code sits in the emitted function (`body/2/then[0..3]`: statement
    /// path from the function body, then the statement range), for aligning the Rust with
    /// the IR after re-parsing.
    pub rust_path: Option<String>,
    /// Equivalence verdict: `proven`, `refuted`, `unknown` or `unsupported`; `not-checked`
    /// when verification was off or the function was not translated.
    pub verdict: String,
    /// For a verdict other than `proven`: the counterexample, the limit or the construct.
    pub verdict_detail: Option<String>,
}

/// What happened to one C function.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct FunctionReport {
    /// C name.
    pub name: String,
    /// Rust name in the output, when emitted.
    pub rust_name: Option<String>,
    /// Source file, relative to the project root.
    pub file: String,
    /// Definition line.
    pub line: u32,
    /// Definition column.
    pub col: u32,
    /// True when a real translation is in the output.
    pub translated: bool,
    /// Why not, when not.
    pub reason: Option<String>,
    /// Set when the control flow was emitted as a loop-and-match state machine, with why.
    pub state_machine: Option<String>,
    /// `proven`, `failed`, `not-translated`, or `not-checked` when verification was off.
    pub verified: String,
    /// The first block the proof failed in, when the failure is local to one block.
    pub failing_block: Option<String>,
    /// Why the proof failed: `<verdict>: <detail>`.
    pub verified_detail: Option<String>,
    /// Per-block status.
    pub blocks: Vec<BlockReport>,
}

/// Totals.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Function definitions found.
    pub functions_total: usize,
    /// Of those, translated.
    pub functions_translated: usize,
    /// Blocks emitted.
    pub blocks_total: usize,
    /// Blocks proven equivalent (0 when verification was off).
    pub blocks_proven: usize,
    /// Functions proven equivalent (0 when verification was off).
    pub functions_proven: usize,
    /// True when the checker ran.
    pub verified: bool,
}

/// The whole report.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Report {
    /// Name and version of the tool.
    pub tool: String,
    /// Output package name.
    pub crate_name: String,
    /// Translation units, relative to the project root.
    pub files: Vec<String>,
    /// Totals.
    pub summary: Summary,
    /// Copies the emitter inserted that the C does not make (its translation notes that
    /// mention a copy, e.g. an array passed twice, once written, whose read-only use gets a
    /// copy): a run-time cost `cargo xtask bench runtime` reports beside the timings.
    pub copies: usize,
    /// One entry per C function definition.
    pub functions: Vec<FunctionReport>,
}

impl Report {
    /// Builds a report, sorting functions and computing the summary.
    pub fn new(crate_name: &str, files: Vec<String>, mut functions: Vec<FunctionReport>) -> Report {
        functions.sort_by(|a, b| (&a.file, a.line, &a.name).cmp(&(&b.file, b.line, &b.name)));
        let summary = summary_of(&functions, false);
        Report {
            tool: format!("xlate {}", env!("CARGO_PKG_VERSION")),
            crate_name: crate_name.to_string(),
            files,
            summary,
            copies: 0,
            functions,
        }
    }
    /// Records the checker's verdicts: per function `verified` and the first failing block,
    /// per block `verdict` and `verdict_detail`, and the summary's proven counts.
    ///
    /// A function is matched by C name and Rust name (by C name alone when the Rust names
    /// differ). A translated function the checker says nothing about is `failed`, its blocks
    /// `unknown`; a block the checker gives no verdict for takes the function's failure when it
    /// failed as a whole, else `unknown`. Blocks of untranslated functions stay `not-checked`.
    pub fn apply_verification(&mut self, v: &Verification) {
        for f in &mut self.functions {
            let found = v
                .functions
                .iter()
                .find(|g| g.name == f.name && f.rust_name.as_deref() == Some(g.rust_name.as_str()))
                .or_else(|| v.functions.iter().find(|g| g.name == f.name));
            apply_function(f, found);
        }
        self.summary = summary_of(&self.functions, true);
    }
    /// Pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        s.push('\n');
        s
    }
}

/// Totals over `functions`.
fn summary_of(functions: &[FunctionReport], verified: bool) -> Summary {
    Summary {
        functions_total: functions.len(),
        functions_translated: functions.iter().filter(|f| f.translated).count(),
        blocks_total: functions.iter().map(|f| f.blocks.len()).sum(),
        blocks_proven: functions
            .iter()
            .flat_map(|f| &f.blocks)
            .filter(|b| b.verdict == "proven")
            .count(),
        functions_proven: functions.iter().filter(|f| f.verified == "proven").count(),
        verified,
    }
}

/// Fills one function's verification fields from its checker entry (if any).
fn apply_function(f: &mut FunctionReport, v: Option<&FunctionVerdict>) {
    const NO_VERDICT: &str = "the checker gave no verdict for this block";
    let Some(v) = v.filter(|_| f.translated) else {
        if f.translated {
            f.verified = "failed".to_string();
            f.verified_detail = Some("unknown: the checker did not report this function".into());
            for b in &mut f.blocks {
                b.verdict = "unknown".to_string();
                b.verdict_detail = Some(NO_VERDICT.to_string());
            }
        } else {
            f.verified = "not-translated".to_string();
        }
        return;
    };
    f.verified = v.status.clone();
    f.failing_block = v.failing_block.clone();
    f.verified_detail = match (&v.verdict, &v.detail) {
        _ if v.is_proven() => None,
        (Some(k), Some(d)) => Some(format!("{k}: {d}")),
        (Some(k), None) => Some(k.clone()),
        (None, d) => d.clone(),
    };
    if v.status == "not-translated" {
        return;
    }
    // A failure that names no block applies to every block without its own verdict.
    let whole = (v.failing_block.is_none() && !v.is_proven()).then(|| {
        (
            v.verdict.clone().unwrap_or_else(|| "unknown".into()),
            v.detail.clone(),
        )
    });
    for b in &mut f.blocks {
        let (verdict, detail) = match v.blocks.iter().find(|x| x.block == b.block) {
            Some(x) => (x.verdict.clone(), x.detail.clone()),
            None => whole
                .clone()
                .unwrap_or_else(|| ("unknown".to_string(), Some(NO_VERDICT.to_string()))),
        };
        b.verdict = verdict;
        b.verdict_detail = detail;
    }
}

/// How many copies the emitter inserted, given its diagnostics: the translation notes
/// (`E0102` warnings) whose text mentions a copy. Feeds [`Report::copies`].
pub(crate) fn copies_inserted(emitter_diagnostics: &[xl_base::Diagnostic]) -> usize {
    emitter_diagnostics
        .iter()
        .filter(|d| d.code == "E0102" && d.message.contains("copy"))
        .count()
}

/// One report entry per function definition the frontend saw: failures from lowering, and for
/// lowered functions the emitter's verdict.
pub(crate) fn merge_functions(
    lowered: &xl_frontend_c::LowerOutput,
    emitted: &xl_emit::EmittedCrate,
) -> Vec<FunctionReport> {
    let mut out = Vec::new();
    for info in &lowered.functions {
        let (translated, reason, rust_name, state_machine, blocks) = match &info.status {
            xl_frontend_c::FuncStatus::Failed { reason } => {
                (false, Some(reason.clone()), None, None, vec![])
            }
            xl_frontend_c::FuncStatus::Lowered(id) => {
                let name = &lowered.module.funcs[*id].name;
                match emitted.functions.iter().find(|f| &f.name == name) {
                    Some(f) => (
                        f.translated,
                        f.reason.clone(),
                        Some(f.rust_name.clone()),
                        f.state_machine.clone(),
                        f.blocks
                            .iter()
                            .map(|b| BlockReport {
                                block: b.block.clone(),
                                line: b.span.line,
                                status: b.status.clone(),
                                rust_path: b.loc.as_ref().map(|l| l.describe()),
                                verdict: "not-checked".to_string(),
                                verdict_detail: None,
                            })
                            .collect(),
                    ),
                    None => (false, Some("not emitted".to_string()), None, None, vec![]),
                }
            }
        };
        out.push(FunctionReport {
            name: info.name.clone(),
            rust_name,
            file: info.span.file.clone(),
            line: info.span.line,
            col: info.span.col,
            translated,
            reason,
            state_machine,
            verified: "not-checked".to_string(),
            failing_block: None,
            verified_detail: None,
            blocks,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use xl_base::{Diagnostic, Span};

    #[test]
    fn copies_count_the_emitter_notes_that_mention_a_copy() {
        let note = |code: &str, msg: &str| Diagnostic::warning(code, msg, Span::default());
        let passed_twice = "`a` is passed twice, once written: the read-only argument is a copy";
        let diagnostics = vec![
            note("E0102", &format!("function `f`: {passed_twice}")),
            note("E0102", &format!("function `g`: {passed_twice}")),
            note(
                "E0101",
                "function `h`: control flow emitted as a state machine (copy)",
            ),
            note("E0102", "function `k`: some other note"),
        ];
        assert_eq!(copies_inserted(&diagnostics), 2);
        assert_eq!(Report::new("x", vec![], vec![]).copies, 0);
    }
}
