//! Development aid: lowers the C files (or a project directory) given on the command line and
//! prints the IR text and the diagnostics.

use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(first) = args.first() else {
        eprintln!("usage: dump FILE.c... | DIR");
        return;
    };
    let p = Path::new(first);
    let (root, files, opts) = if p.is_dir() {
        let d = xl_frontend_c::discover(p);
        let opts = xl_frontend_c::Options {
            include_dirs: d.include_dirs.clone(),
            defines: d.defines.clone(),
            ..Default::default()
        };
        (p.to_path_buf(), d.files, opts)
    } else {
        let root = p
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        (
            root,
            args.iter().map(PathBuf::from).collect(),
            Default::default(),
        )
    };
    let out = xl_frontend_c::lower_files(&root, &files, &opts);
    print!("{}", xl_ir::text::print_module(&out.module));
    for f in &out.functions {
        if let xl_frontend_c::FuncStatus::Failed { reason } = &f.status {
            println!("FAILED {}: {}", f.name, reason);
        }
    }
    for d in &out.diagnostics {
        println!("{d}");
    }
}
