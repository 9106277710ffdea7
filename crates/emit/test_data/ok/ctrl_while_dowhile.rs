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
    while i < 3 {
        rt::printf(b"w%d ", &[rt::Arg::I(i as i64)]);
        i = i.wrapping_add(1);
    }
    let mut j: i32 = 5;
    loop {
        rt::printf(b"d%d ", &[rt::Arg::I(j as i64)]);
        j = j.wrapping_sub(1);
        if j <= 3 {
            break;
        }
    }
    rt::printf(b"\n", &[]);
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
