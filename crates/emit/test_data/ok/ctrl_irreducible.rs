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
    let mut state: u32 = 0;
    let mut i: i32 = 0;
    let mut s: i32 = 0;
    loop {
        match state {
            0 => {
                i = 0;
                s = 0;
                if i == 0 {
                    state = 2;
                } else {
                    state = 1;
                }
            }
            2 => {
                s = s.wrapping_add(1);
                i = i.wrapping_add(1);
                if i < 3 {
                    state = 1;
                } else {
                    state = 3;
                }
            }
            3 => {
                rt::printf(b"%d\n", &[rt::Arg::I(s as i64)]);
                return 0;
            }
            1 => {
                s = s.wrapping_add(10);
                state = 2;
            }
            _ => {
                unreachable!();
            }
        }
    }
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
