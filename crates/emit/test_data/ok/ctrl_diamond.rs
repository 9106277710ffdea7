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

fn classify(x: i32) -> i32 {
    let mut r: i32 = 0;
    if x < 0 {
        r = -1;
    } else if x == 0 {
        r = 0;
    } else {
        r = 1;
    }
    r
}

fn c_main() -> i32 {
    let v1 = classify(-5);
    let v3 = classify(0);
    rt::printf(
        b"%d %d %d\n",
        &[rt::Arg::I(v1 as i64), rt::Arg::I(v3 as i64), rt::Arg::I(classify(9) as i64)],
    );
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
