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

fn length(_s: &'static [u8]) -> i32 {
    panic!(
        "xlate: function `length` was not translated: pointer difference (err_pointer_arith.c:7:17)"
    )
}

fn c_main() -> i32 {
    rt::printf(b"%d\n", &[rt::Arg::I(length(b"hello\0") as i64)]);
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
