//! Developer tool: transpile-free check of one C file or directory against an emitted crate
//! produced in memory: `cargo run -p xl-verify --example check_dir -- FILE.c|DIR`.
//! Prints each function's status and the block counts.

use xl_verify::{verify_crate, FuncStatus, Options};

fn main() {
    let arg = std::env::args()
        .nth(1)
        .expect("usage: check_dir FILE.c|DIR");
    let root = std::path::PathBuf::from(&arg);
    let disc = xl_frontend_c::discover(&root);
    let opts = xl_frontend_c::Options {
        cc: "cc".into(),
        include_dirs: disc.include_dirs.clone(),
        defines: disc.defines.clone(),
    };
    let dir = if root.is_dir() {
        root.clone()
    } else {
        root.parent().unwrap().to_path_buf()
    };
    let out = xl_frontend_c::lower_files(&dir, &disc.files, &opts);
    let emitted = xl_emit::emit_crate(
        &out.module,
        &xl_emit::EmitOptions {
            crate_name: "x".into(),
        },
    );
    if let Ok(name) = std::env::var("XL_DUMP") {
        let low = xl_verify::rust::lower_crate(&emitted.files, &out.module, &emitted.names);
        let text = xl_ir::text::print_module(&low.module);
        let ctext = xl_ir::text::print_module(&out.module);
        for (label, t) in [("C", ctext), ("Rust", text)] {
            println!("==== {label}");
            let mut on = false;
            for line in t.lines() {
                if line.contains("func ") {
                    on = line.contains(&format!("\"{name}\""));
                }
                if on {
                    println!("{line}");
                }
            }
        }
    }
    let t = std::time::Instant::now();
    let r = verify_crate(
        &out.module,
        &emitted.names,
        &emitted.files,
        &Options::default(),
    );
    for d in &r.diagnostics {
        println!("{d}");
    }
    for f in &r.functions {
        match &f.status {
            FuncStatus::Proven => println!("proven  {}", f.name),
            FuncStatus::NotTranslated => println!("not-translated  {}", f.name),
            FuncStatus::Failed { block, verdict } => {
                println!("FAILED  {}  {:?}: {:?}", f.name, block, verdict)
            }
        }
    }
    let (p, a) = r.block_counts();
    let q: usize = r.functions.iter().map(|f| f.query_ms.len()).sum();
    println!(
        "{p}/{a} blocks proven; {q} queries; {:.0} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
}
