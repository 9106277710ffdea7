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
struct Vec {
    x: i32,
    y: i32,
}

impl Default for Vec {
    fn default() -> Self {
        Vec { x: 0, y: 0 }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Rect {
    min: Vec,
    max: Vec,
    name: [u8; 8],
}

impl Default for Rect {
    fn default() -> Self {
        Rect {
            min: Vec::default(),
            max: Vec::default(),
            name: [0; 8],
        }
    }
}

fn add(a: Vec, b: Vec) -> Vec {
    let mut r: Vec = Vec::default();
    r.x = a.x.wrapping_add(b.x);
    r.y = a.y.wrapping_add(b.y);
    r
}

fn area(r: Rect) -> i32 {
    r.max.x.wrapping_sub(r.min.x).wrapping_mul(r.max.y.wrapping_sub(r.min.y))
}

fn c_main() -> i32 {
    let mut r: Rect = Rect::default();
    r.min.x = 1;
    r.min.y = 2;
    r.max.x = 4;
    r.max.y = 6;
    r.name[0] = 98;
    r.name[1] = 111;
    r.name[2] = 120;
    r.name[3] = 0;
    let mut copy = r;
    let v14 = r.min;
    copy.max = add(copy.max, v14);
    let v20 = area(r);
    rt::printf(
        b"%s area=%d copy=%d\n",
        &[rt::Arg::S(&r.name), rt::Arg::I(v20 as i64), rt::Arg::I(area(copy) as i64)],
    );
    let mut big: [i32; 40] = [0; 40];
    rt::fill_zero(&mut big[..40]);
    let mut i: i32 = 0;
    while i < 40 {
        big[i as usize] = i.wrapping_mul(i);
        i = i.wrapping_add(1);
    }
    let mut other: [i32; 40] = [0; 40];
    other[..40].copy_from_slice(&big[..40]);
    other[39] = -1;
    rt::printf(
        b"big=%d %d other=%d\n",
        &[
            rt::Arg::I(big[39] as i64),
            rt::Arg::I(big[10] as i64),
            rt::Arg::I(other[39] as i64),
        ],
    );
    let r_old = r;
    let v64 = rt::Arg::I(area(r_old) as i64);
    let mut buf: [u8; 32] = [0; 32];
    rt::sprintf(&mut buf, b"%d-%s-%c", &[v64, rt::Arg::S(&r.name), rt::Arg::I(122)]);
    rt::printf(
        b"buf=[%s] len=%d\n",
        &[rt::Arg::S(&buf), rt::Arg::I(rt::strlen(&buf) as i32 as i64)],
    );
    let mut bytes: [u8; 4] = [0; 4];
    bytes[0] = 200;
    bytes[1] = 65;
    bytes[2] = 255;
    bytes[3] = 0;
    let mut s: i32 = 0;
    let mut i_1: i32 = 0;
    while i_1 < 3 {
        s = s.wrapping_add(bytes[i_1 as usize] as i8 as i32);
        i_1 = i_1.wrapping_add(1);
    }
    let u = bytes[0];
    rt::printf(
        b"s=%d u=%u c=%d\n",
        &[rt::Arg::I(s as i64), rt::Arg::I(u as i64), rt::Arg::I(bytes[2] as i8 as i64)],
    );
    rt::puts(
        if rt::strcmp(&r.name, b"box\0") == 0 { &b"same\0"[..] } else { &b"diff\0"[..] },
    );
    s & 127
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
