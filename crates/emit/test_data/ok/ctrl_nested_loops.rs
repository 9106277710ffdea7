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
    let mut total: i32 = 0;
    let mut i: i32 = 0;
    let mut j: i32 = 0;
    while i < 5 {
        if i != 1 {
            j = 0;
            while j < 5 {
                if j > i {
                    break;
                }
                if j != 2 {
                    total = total.wrapping_add(i.wrapping_mul(10).wrapping_add(j));
                }
                j = j.wrapping_add(1);
            }
            if total > 100 {
                break;
            }
        }
        i = i.wrapping_add(1);
    }
    rt::printf(b"%d\n", &[rt::Arg::I(total as i64)]);
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
