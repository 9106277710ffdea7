//! No-panic sweep: every block of every function of every verified `.ir` module in the
//! repository (the IR crate's round-trip, verifier and CFG cases, and this crate's own) is
//! executed with `eval_block` from a zeroed state and zero parameters. Whatever happens must
//! come back as a value (a successor, a return, an exit or a trap), never as a panic.

use std::path::{Path, PathBuf};
use xl_interp::{Interp, RunConfig, Val};

fn ir_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "ir") {
                out.push(p);
            }
        }
    }
}

#[test]
fn every_block_of_every_verified_module_runs_without_panicking() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    ir_files(&here.join("../ir/test_data"), &mut files);
    ir_files(&here.join("test_data"), &mut files);
    files.sort();
    let config = RunConfig {
        fuel: 20_000,
        max_depth: 64,
        ..RunConfig::default()
    };
    let (mut modules, mut blocks, mut trapped) = (0, 0, 0);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let Ok(module) = xl_ir::text::parse_module(&text) else {
            continue;
        };
        let Ok(interp) = Interp::new(&module) else {
            continue;
        };
        modules += 1;
        for (fid, func) in module.funcs.iter() {
            for (b, data) in func.blocks.iter() {
                let mut state = interp.new_state(&config).unwrap();
                let mut locals = interp.new_locals(&mut state, fid, &config).unwrap();
                let params: Vec<Val> = data
                    .params
                    .iter()
                    .map(|p| Val::zero(&module, func.value_type(*p)))
                    .collect();
                let r = interp.eval_block(&mut state, &mut locals, b, &params, &config);
                blocks += 1;
                if r.is_err() {
                    trapped += 1;
                }
            }
        }
    }
    println!("{modules} modules, {blocks} blocks, {trapped} trapped");
    assert!(modules >= 30, "only {modules} verified modules found");
    assert!(blocks >= 100, "only {blocks} blocks run");
}
