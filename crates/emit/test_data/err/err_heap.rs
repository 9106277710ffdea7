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

fn make_buf(n: i32) -> Vec<i32> {
    let mut p = vec![0i32; n as u64 as usize];
    let mut i: i32 = 0;
    while i < n {
        p[i as usize] = i;
        i = i.wrapping_add(1);
    }
    p
}

fn twice(x: i32) -> i32 {
    x.wrapping_mul(2)
}

fn c_main() -> i32 {
    rt::printf(b"%d\n", &[rt::Arg::I(twice(21) as i64)]);
    let mut b = make_buf(4);
    rt::printf(b"%d\n", &[rt::Arg::I(b[3] as i64)]);
    b = Vec::new();
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
