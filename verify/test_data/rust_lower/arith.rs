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

fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

fn uadd(a: u32, b: u32) -> u32 {
    a.wrapping_add(b)
}

fn divide(a: i32, b: i32) -> i32 {
    (a / b).wrapping_add(a % b)
}

fn shifts(x: i64, n: i32) -> i64 {
    x << 3 ^ x.wrapping_shr(n as i64 as u32) ^ (x as u64 >> 60) as i64
}

fn mix(a: u64, c: u8) -> u64 {
    a.wrapping_mul(31).wrapping_add(c as u64)
}

fn avg(a: i32, b: i32) -> f64 {
    a.wrapping_add(b) as f64 / 2.0
}

fn to_int(d: f64) -> i32 {
    d as i32
}

fn neg(x: i32) -> i32 {
    let mut y = x.wrapping_neg();
    y = y.wrapping_mul(3);
    y = y.wrapping_sub(1);
    !y
}

fn c_main() -> i32 {
    let v2 = add(1, 2);
    let v5 = uadd(3, 4);
    let v10 = divide(9, 2);
    let v14 = avg(3, 4);
    v2.wrapping_add(v5 as i32).wrapping_add(v10).wrapping_add(to_int(v14))
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
