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

use std::cell::{Cell, RefCell};

#[derive(Clone, Copy, Debug, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

impl Default for Point {
    fn default() -> Self {
        Point { x: 0, y: 0 }
    }
}

static PRIMES: [i32; 4] = [2, 3, 5, 7];

static NAMES: [&'static [u8]; 2] = [b"zero\0", b"one\0"];

thread_local! {
    static COUNTER: Cell<i32> = const { Cell::new(0) };
    static HIST: RefCell<[i32; 8]> = const { RefCell::new([0; 8]) };
}

fn dist2(p: &Point, q: &Point) -> i32 {
    let dx = p.x.wrapping_sub(q.x);
    let dy = p.y.wrapping_sub(q.y);
    dx.wrapping_mul(dx).wrapping_add(dy.wrapping_mul(dy))
}

fn bump(k: i32) {
    COUNTER.set(COUNTER.get().wrapping_add(1));
    let v5 = k & 7;
    HIST.with_borrow_mut(|hist| {
        hist[v5 as usize] = hist[v5 as usize].wrapping_add(PRIMES[(k & 3) as usize]);
    });
}

fn mid(a: Point, b: Point) -> Point {
    let mut m: Point = Point::default();
    m.x = a.x.wrapping_add(b.x) / 2;
    m.y = a.y.wrapping_add(b.y) / 2;
    m
}

fn c_main() -> i32 {
    let mut a: Point = Point::default();
    a.x = 1;
    a.y = 2;
    let mut b: Point = Point::default();
    b.x = 4;
    b.y = 6;
    let mut i: i32 = 0;
    while i < 10 {
        bump(i);
        i = i.wrapping_add(1);
    }
    let mut buf: [u8; 16] = [0; 16];
    rt::strcpy(&mut buf, b"hi\0");
    let a_old = a;
    let b_old = b;
    let m = mid(a_old, b_old);
    let v22 = dist2(&a, &b);
    rt::printf(
        b"%d %d %s %s %lu %d\n",
        &[
            rt::Arg::I(v22 as i64),
            rt::Arg::I(COUNTER.get() as i64),
            rt::Arg::S(NAMES[1]),
            rt::Arg::S(&buf),
            rt::Arg::U(rt::strlen(&buf)),
            rt::Arg::I(m.x as i64),
        ],
    );
    HIST.with_borrow(|hist| hist[3])
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
