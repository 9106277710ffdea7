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
    let mut n: i32 = 27;
    let mut steps: i32 = 0;
    let mut v19: i32 = 0;
    loop {
        if n == 1 {
            break;
        }
        v19 = if n % 2 == 0 { n / 2 } else { n.wrapping_mul(3).wrapping_add(1) };
        n = v19;
        steps = steps.wrapping_add(1);
    }
    let mut i: i32 = 0;
    loop {
        let v26 = i.wrapping_add(1);
        i = v26;
        if v26 > 5 {
            rt::printf(b"steps=%d\n", &[rt::Arg::I(steps as i64)]);
            return 0;
        }
        rt::printf(b"%d ", &[rt::Arg::I(i as i64)]);
    }
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
