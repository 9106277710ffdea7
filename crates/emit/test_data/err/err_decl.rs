#![forbid(unsafe_code)]
#![allow(unknown_lints)]
#![allow(
    non_snake_case,
    non_camel_case_types,
    non_upper_case_globals,
    unused_variables,
    unused_mut,
    unused_parens,
    unused_labels,
    unused_assignments,
    unused_imports,
    unreachable_code,
    unreachable_patterns,
    dead_code,
    unpredictable_function_pointer_comparisons,
    clippy::all
)]

mod rt;

fn first(_p: &i32) -> i32 {
    panic!(
        "xlate: function `first` was not translated: calls `pick`, which was not translated and has no Rust signature (returns a `ptr<i32>` pointer) (err_decl.c:18:29)"
    )
}

fn c_main() -> i32 {
    let x: i32 = 7;
    rt::printf(b"start\n", &[]);
    rt::printf(b"%d\n", &[rt::Arg::I(bits(2.0) as i64)]);
    first(&x)
}

fn bits(_f: f32) -> i32 {
    panic!(
        "xlate: function `bits` was not translated: unsupported construct `union` at err_decl.c:13:5 (err_decl.c:12:5)"
    )
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
