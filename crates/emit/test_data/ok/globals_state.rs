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
struct Anon9 {
    hits: i32,
    misses: i32,
}

impl Default for Anon9 {
    fn default() -> Self {
        Anon9 { hits: 0, misses: 0 }
    }
}

const LIMIT: i32 = 3;

static PRIMES: [i32; 5] = [2, 3, 5, 7, 11];

static NAMES: [&'static [u8]; 3] = [b"zero\0", b"one\0", b"two\0"];

thread_local! {
    static COUNTER: Cell<i32> = const { Cell::new(0) };
    static HISTORY: RefCell<[i64; 4]> = const { RefCell::new([0; 4]) };
    static STATS: RefCell<Anon9> = const { RefCell::new(Anon9 { hits: 0, misses: 0 }) };
    static GREETING: Cell<&'static [u8]> = const { Cell::new(b"hello\0") };
    static NEXT_ID_ID: Cell<i32> = const { Cell::new(100) };
}

fn next_id() -> i32 {
    let v0 = NEXT_ID_ID.get();
    NEXT_ID_ID.set(v0.wrapping_add(1));
    v0
}

fn record(h: &mut [i64], n: i32, v: i64) {
    let mut i = n.wrapping_sub(1);
    while i > 0 {
        h[i as usize] = h[i.wrapping_sub(1) as usize];
        i = i.wrapping_sub(1);
    }
    h[0] = v;
}

fn show(label: &'static [u8], words: &[&'static [u8]], n: i32) {
    rt::printf(b"%s:", &[rt::Arg::S(label)]);
    let mut i: i32 = 0;
    while i < n {
        rt::printf(b" %s", &[rt::Arg::S(words[i as usize])]);
        i = i.wrapping_add(1);
    }
    rt::printf(b"\n", &[]);
}

fn c_main() -> i32 {
    let mut i: i32 = 0;
    while i < 5 {
        if PRIMES[i as usize] > LIMIT {
            STATS.with_borrow_mut(|stats| stats.hits = stats.hits.wrapping_add(1));
        } else {
            STATS.with_borrow_mut(|stats| stats.misses = stats.misses.wrapping_add(1));
        }
        COUNTER.set(COUNTER.get().wrapping_add(PRIMES[i as usize]));
        let v25 = (COUNTER.get() as i64).wrapping_mul(10);
        HISTORY.with_borrow_mut(|history| record(history, 4, v25));
        i = i.wrapping_add(1);
    }
    rt::printf(
        b"counter=%d hits=%d misses=%d\n",
        &[
            rt::Arg::I(COUNTER.get() as i64),
            rt::Arg::I(STATS.with_borrow(|stats| stats.hits) as i64),
            rt::Arg::I(STATS.with_borrow(|stats| stats.misses) as i64),
        ],
    );
    rt::printf(
        b"history=%ld %ld %ld %ld\n",
        &[
            rt::Arg::I(HISTORY.with_borrow(|history| history[0])),
            rt::Arg::I(HISTORY.with_borrow(|history| history[1])),
            rt::Arg::I(HISTORY.with_borrow(|history| history[2])),
            rt::Arg::I(HISTORY.with_borrow(|history| history[3])),
        ],
    );
    let a = next_id();
    let b = next_id();
    rt::printf(
        b"ids=%d %d %s %s\n",
        &[
            rt::Arg::I(a as i64),
            rt::Arg::I(b as i64),
            rt::Arg::S(NAMES[(COUNTER.get() % 3) as usize]),
            rt::Arg::S(GREETING.get()),
        ],
    );
    show(b"names\0", &NAMES, 3);
    GREETING.set(NAMES[1]);
    rt::printf(b"greeting=%s\n", &[rt::Arg::S(GREETING.get())]);
    COUNTER.get() % 7
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
