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

fn length(s: &'static [u8]) -> i32 {
    let mut p = s;
    while p[0] != 0 {
        p = &p[1..];
    }
    (s.len() as i64).wrapping_sub(p.len() as i64) as i32
}

fn c_main() -> i32 {
    rt::printf(b"%d\n", &[rt::Arg::I(length(b"hello\0") as i64)]);
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
