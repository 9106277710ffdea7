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

fn c_main() -> i32 {
    let mut i: i32 = 0;
    let x: i32 = 7;
    if x <= 5 {
        rt::printf(b"small\n", &[]);
        i = 1;
    }
    rt::printf(b"i=%d\n", &[rt::Arg::I(i as i64)]);
    i
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
