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
    let mut n: i32 = 0;
    loop {
        n = n.wrapping_add(1);
        rt::printf(b"%d ", &[rt::Arg::I(n as i64)]);
        if n >= 3 {
            break;
        }
    }
    rt::printf(b"\n", &[]);
    n
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
