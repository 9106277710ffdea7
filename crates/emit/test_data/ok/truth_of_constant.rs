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

const G: i32 = 3;

fn c_main() -> i32 {
    let mut u: u32 = 1;
    u = 4294967295;
    let r = i32::from(true && G > 2);
    let mut p: i64 = 1;
    p = 8902980704163133769;
    let s = i32::from(true || G > 5);
    u = 0;
    let z = i32::from(false || G > 5);
    rt::printf(
        b"%d %u %d %lld %d\n",
        &[
            rt::Arg::I(r as i64),
            rt::Arg::U(u as u64),
            rt::Arg::I(s as i64),
            rt::Arg::I(p),
            rt::Arg::I(z as i64),
        ],
    );
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
