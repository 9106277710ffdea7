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

const VERBOSE: i32 = 0;

fn c_main() -> i32 {
    let mut a: [i32; 3] = [0; 3];
    a[0] = 1;
    a[1] = 2;
    a[2] = 3;
    let mut s: i32 = 0;
    let mut i: i32 = 0;
    while i < 3 {
        s = s.wrapping_add(a[i as usize]);
        i = i.wrapping_add(1);
    }
    if VERBOSE != 0 {
        rt::printf(b"%d\n", &[rt::Arg::I(low_byte(&a[1], 2) as i64)]);
        rt::printf(b"%u\n", &[rt::Arg::U(float_bits(1.0) as u64)]);
    }
    rt::printf(b"%d\n", &[rt::Arg::I(s as i64)]);
    0
}

fn float_bits(_f: f32) -> u32 {
    panic!(
        "xlate: function `float_bits` was not translated: unsupported construct `union` at decl_stub.c:8:5 (decl_stub.c:7:14)"
    )
}

fn low_byte(_v: &i32, _n: i32) -> i32 {
    panic!(
        "xlate: function `low_byte` was not translated: unsupported construct `union` at decl_stub.c:14:5 (decl_stub.c:13:12)"
    )
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
