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

fn describe(x: i32) {
    'b1: {
        'b2: {
            match x {
                1 => {
                    rt::printf(b"one ", &[]);
                    break 'b2;
                }
                2 => {
                    break 'b2;
                }
                3 => {}
                4 => {
                    rt::printf(b"four ", &[]);
                    break 'b1;
                }
                _ => {
                    rt::printf(b"many ", &[]);
                }
            }
            rt::printf(b"three ", &[]);
            break 'b1;
        }
        rt::printf(b"two ", &[]);
    }
    rt::printf(b"| ", &[]);
}

fn c_main() -> i32 {
    let mut i: i32 = 0;
    while i < 6 {
        describe(i);
        i = i.wrapping_add(1);
    }
    rt::printf(b"\n", &[]);
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
