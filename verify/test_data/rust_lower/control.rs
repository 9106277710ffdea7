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

fn collatz(mut n: i32) -> i32 {
    let mut steps: i32 = 0;
    while n != 1 {
        if n % 2 == 0 {
            n = n / 2;
        } else {
            n = n.wrapping_mul(3).wrapping_add(1);
        }
        steps = steps.wrapping_add(1);
        if steps > 1000 {
            break;
        }
    }
    steps
}

fn classify(c: i32) -> i32 {
    match c {
        97 | 101 | 105 | 111 | 117 => {
            return 1;
        }
        32 => {
            return 2;
        }
        _ => {
            return if c >= 48 && c <= 57 || c == 95 { 3i32 } else { 0 };
        }
    }
}

fn find(a: &[i32], n: i32, x: i32) -> i32 {
    let mut i: i32 = 0;
    while i < n {
        if a[i as usize] >= 0 {
            if a[i as usize] == x {
                return i;
            }
        }
        i = i.wrapping_add(1);
    }
    -1
}

fn c_main() -> i32 {
    let mut a: [i32; 5] = [0; 5];
    a[0] = 3;
    a[1] = -1;
    a[2] = 4;
    a[3] = 1;
    a[4] = 5;
    let v12 = collatz(27);
    let v14 = classify(101);
    rt::printf(
        b"%d %d %d\n",
        &[
            rt::Arg::I(v12 as i64),
            rt::Arg::I(v14 as i64),
            rt::Arg::I(find(&a, 5, 4) as i64),
        ],
    );
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
