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
    let a: i32 = 2147483647;
    let b: i32 = -7;
    rt::printf(b"a+1=%d\n", &[rt::Arg::I(a.wrapping_add(1) as i64)]);
    rt::printf(b"%d %d\n", &[rt::Arg::I((b / 2) as i64), rt::Arg::I((b % 2) as i64)]);
    let u = b as u32;
    rt::printf(
        b"%u %u %x\n",
        &[rt::Arg::U((u >> 3) as u64), rt::Arg::U((u / 3) as u64), rt::Arg::U(u as u64)],
    );
    let v24 = b >> 1;
    rt::printf(
        b"%d %d %ld\n",
        &[
            rt::Arg::I(v24 as i64),
            rt::Arg::I((1i32 << 2) as i64),
            rt::Arg::I((v24 as i64).wrapping_mul(1000000000000)),
        ],
    );
    let c: i8 = -56;
    rt::printf(
        b"%d %c %.2f %s\n",
        &[
            rt::Arg::I(c as i64),
            rt::Arg::I(c as i64),
            rt::Arg::F(c as i32 as f64 * 0.5),
            rt::Arg::S(b"done\0"),
        ],
    );
    3
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
