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
struct Acc {
    total: i32,
    count: i32,
}

impl Default for Acc {
    fn default() -> Self {
        Acc { total: 0, count: 0 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Op {
    sym: i8,
    fn_: fn(i32, i32) -> i32,
}

impl Default for Op {
    fn default() -> Self {
        Op { sym: 0, fn_: null_fn_0 }
    }
}

static OPS: [Op; 3] = [
    Op { sym: 43, fn_: add },
    Op { sym: 42, fn_: mul },
    Op { sym: 77, fn_: maxi },
];

fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

fn mul(a: i32, b: i32) -> i32 {
    a.wrapping_mul(b)
}

fn maxi(a: i32, b: i32) -> i32 {
    if a > b { a } else { b }
}

fn count_even(s: &mut Acc, v: i32) {
    if v % 2 == 0 {
        s.total = s.total.wrapping_add(v);
        s.count = s.count.wrapping_add(1);
    }
}

fn count_all(s: &mut Acc, v: i32) {
    s.total = s.total.wrapping_add(v);
    s.count = s.count.wrapping_add(1);
}

fn each(a: &[i32], n: i32, f: fn(&mut Acc, i32), s: &mut Acc) {
    let mut i: i32 = 0;
    while i < n {
        f(s, a[i as usize]);
        i = i.wrapping_add(1);
    }
}

fn find(c: i8) -> fn(i32, i32) -> i32 {
    let mut i: i32 = 0;
    while i < 3 {
        if OPS[i as usize].sym as i32 == c as i32 {
            return OPS[i as usize].fn_;
        }
        i = i.wrapping_add(1);
    }
    add
}

fn c_main() -> i32 {
    let mut data: [i32; 5] = [0; 5];
    data[0] = 4;
    data[1] = 7;
    data[2] = 10;
    data[3] = 3;
    data[4] = 8;
    let mut e: Acc = Acc::default();
    e.total = 0;
    e.count = 0;
    let mut all: Acc = Acc::default();
    all.total = 0;
    all.count = 0;
    each(&data, 5, count_even, &mut e);
    each(&data, 5, count_all, &mut all);
    rt::printf(
        b"even=%d/%d all=%d/%d\n",
        &[
            rt::Arg::I(e.total as i64),
            rt::Arg::I(e.count as i64),
            rt::Arg::I(all.total as i64),
            rt::Arg::I(all.count as i64),
        ],
    );
    let mut r: i32 = 1;
    let prog: &'static [u8] = b"+*M+\0";
    let mut i: i32 = 0;
    let mut f: fn(i32, i32) -> i32 = null_fn_0;
    while prog[i as usize] != 0 {
        let v43 = prog[i as usize] as i8;
        f = find(v43);
        let v49 = data[i as usize];
        r = f(r, v49);
        rt::printf(
            b"%c -> %d\n",
            &[rt::Arg::I(prog[i as usize] as i8 as i64), rt::Arg::I(r as i64)],
        );
        i = i.wrapping_add(1);
    }
    let g = find(42);
    rt::printf(
        b"g==mul %d g==add %d\n",
        &[
            rt::Arg::I(i32::from(g == mul as fn(i32, i32) -> i32) as i64),
            rt::Arg::I(i32::from(g == add as fn(i32, i32) -> i32) as i64),
        ],
    );
    r % 50
}

fn null_fn_0(_: i32, _: i32) -> i32 {
    panic!("call through a null function pointer")
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
