//! Whole-crate checking: pairs each C function with its Rust function, cuts both CFGs at
//! loop headers, and proves each region between cut points equivalent under the state
//! relation (C variable <-> Rust local of the same emitted name, globals <-> globals,
//! parameter pointees <-> parameter pointees).

use crate::api::{CrateReport, FuncReport, FuncStatus, Options};
use crate::Verdict;
use xl_emit::NameMap;
use xl_ir::Module;

/// Checks the Rust crate `files` (`(path, contents)`, as written by the emitter or read back
/// from disk; `src/main.rs` or `src/lib.rs` is read) against the C module it was translated
/// from. `names` says which Rust item stands for which C item.
pub fn verify_crate(
    module: &Module,
    names: &NameMap,
    files: &[(String, String)],
    opts: &Options,
) -> CrateReport {
    let _ = (files, opts);
    let mut report = CrateReport::default();
    for (fid, f) in module.funcs.iter() {
        let rust_name = names
            .funcs
            .iter()
            .find(|(id, _)| *id == fid)
            .map_or_else(|| f.name.clone(), |(_, n)| n.clone());
        report.functions.push(FuncReport {
            name: f.name.clone(),
            rust_name,
            status: FuncStatus::Failed {
                block: None,
                verdict: Verdict::Unsupported {
                    construct: "whole-function checking is not implemented yet".into(),
                },
            },
            blocks: Vec::new(),
            query_ms: Vec::new(),
        });
    }
    report
}
