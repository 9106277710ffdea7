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

fn squares(n: i32) -> Vec<i32> {
    if n <= 0 {
        return Vec::new();
    }
    let mut a = vec![0i32; n as u64 as usize];
    let mut p: usize = 0;
    let mut i: i32 = 0;
    while i < n {
        let v15 = p;
        p = v15.wrapping_add(1);
        a[v15] = i.wrapping_mul(i);
        i = i.wrapping_add(1);
    }
    a
}

fn c_main() -> i32 {
    let mut s = squares(5);
    if !!squares(0).is_empty() && !s.is_empty() {
        rt::printf(b"%d %d\n", &[rt::Arg::I(s[2] as i64), rt::Arg::I(s[4] as i64)]);
    }
    let mut t = std::mem::take(&mut s);
    t.resize(8, 0i32);
    let mut i: i32 = 5;
    while i < 8 {
        t[i as usize] = i.wrapping_neg();
        i = i.wrapping_add(1);
    }
    let mut sum: i64 = 0;
    let mut i_1: i32 = 0;
    while i_1 < 8 {
        sum = sum.wrapping_add(t[i_1 as usize] as i64);
        i_1 = i_1.wrapping_add(1);
    }
    let mut z = vec![0.0f64; 3u64 as usize];
    let mut d = rt::strdup(b"copy\0");
    d[0] = 67;
    rt::printf(
        b"%ld %.1f %s %zu\n",
        &[
            rt::Arg::I(sum),
            rt::Arg::F(z[1]),
            rt::Arg::S(&d[..]),
            rt::Arg::U(rt::strlen(&d[..])),
        ],
    );
    d = Vec::new();
    z = Vec::new();
    t = Vec::new();
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
