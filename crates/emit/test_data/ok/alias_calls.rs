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

#[derive(Clone, Copy, Debug, PartialEq)]
struct Acct {
    id: i32,
    bal: i64,
}

impl Default for Acct {
    fn default() -> Self {
        Acct { id: 0, bal: 0 }
    }
}

fn transfer(from: &mut Acct, to: &mut Acct, amt: i64) {
    from.bal = from.bal.wrapping_sub(amt);
    to.bal = to.bal.wrapping_add(amt);
}

fn add_into(dst: &mut [i32], src: &[i32], n: i32) {
    let mut i: i32 = 0;
    let mut tmp: [i32; 4] = [0; 4];
    while i < n {
        tmp[i as usize] = dst[i as usize].wrapping_add(src[i as usize]);
        i = i.wrapping_add(1);
    }
    let mut i_1: i32 = 0;
    while i_1 < n {
        dst[i_1 as usize] = tmp[i_1 as usize];
        i_1 = i_1.wrapping_add(1);
    }
}

fn c_main() -> i32 {
    let mut a: [Acct; 3] = [Acct::default(); 3];
    a[0].id = 1;
    a[0].bal = 100;
    a[1].id = 2;
    a[1].bal = 50;
    a[2].id = 3;
    a[2].bal = 0;
    let (a_lo, a_hi) = a.split_at_mut(2);
    transfer(&mut a_lo[0], &mut a_hi[0], 30);
    let (a_lo_1, a_hi_1) = a.split_at_mut(1);
    transfer(&mut a_hi_1[0], &mut a_lo_1[0], 20);
    let mut v: [i32; 4] = [0; 4];
    v[0] = 1;
    v[1] = 2;
    v[2] = 3;
    v[3] = 4;
    let v_copy = v;
    add_into(&mut v, &v_copy, 4);
    rt::printf(
        b"%ld %ld %ld | %d %d %d %d\n",
        &[
            rt::Arg::I(a[0].bal),
            rt::Arg::I(a[1].bal),
            rt::Arg::I(a[2].bal),
            rt::Arg::I(v[0] as i64),
            rt::Arg::I(v[1] as i64),
            rt::Arg::I(v[2] as i64),
            rt::Arg::I(v[3] as i64),
        ],
    );
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
