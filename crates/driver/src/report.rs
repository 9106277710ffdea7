//! `transpile-report.json`: per function, translated or not with the reason and the source
//! location; per block, its status and (once the checker exists) its verdict.
//!
//! The JSON is deterministic: functions sorted by file, line, name; keys in struct order.

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
    /// Equivalence verdict: `not-checked` until the Z3 checker runs.
    pub verdict: String,
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
    /// Blocks proven equivalent (0 until the checker exists).
    pub blocks_proven: usize,
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
    /// One entry per C function definition.
    pub functions: Vec<FunctionReport>,
}

impl Report {
    /// Builds a report, sorting functions and computing the summary.
    pub fn new(crate_name: &str, files: Vec<String>, mut functions: Vec<FunctionReport>) -> Report {
        functions.sort_by(|a, b| (&a.file, a.line, &a.name).cmp(&(&b.file, b.line, &b.name)));
        let summary = Summary {
            functions_total: functions.len(),
            functions_translated: functions.iter().filter(|f| f.translated).count(),
            blocks_total: functions.iter().map(|f| f.blocks.len()).sum(),
            blocks_proven: functions
                .iter()
                .flat_map(|f| &f.blocks)
                .filter(|b| b.verdict == "proven")
                .count(),
        };
        Report {
            tool: format!("xlate {}", env!("CARGO_PKG_VERSION")),
            crate_name: crate_name.to_string(),
            files,
            summary,
            functions,
        }
    }
    /// Pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string());
        s.push('\n');
        s
    }
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
            blocks,
        });
    }
    out
}
