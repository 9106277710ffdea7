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

static COLORS: [&'static [u8]; 3] = [b"red\0", b"green\0", b"blue\0"];

thread_local! {
    static LAST: Cell<&'static [u8]> = const { Cell::new(b"none\0") };
}

fn hash(s: &[u8]) -> u32 {
    let mut h: u32 = 5381;
    let mut i: i32 = 0;
    while s[i as usize] as i32 != 0 {
        h = h.wrapping_mul(33).wrapping_add(s[i as usize] as u32);
        i = i.wrapping_add(1);
    }
    h
}

fn note(who: &'static [u8]) {
    rt::printf(b"%s after %s\n", &[rt::Arg::S(who), rt::Arg::S(LAST.get())]);
    LAST.set(who);
}

fn longest(names: &[&'static [u8]], n: i32) -> i32 {
    let mut best: i32 = 0;
    let mut i: i32 = 1;
    while i < n {
        if rt::strlen(names[i as usize]) > rt::strlen(names[best as usize]) {
            best = i;
        }
        i = i.wrapping_add(1);
    }
    best
}

fn c_main() -> i32 {
    note(b"alpha\0");
    note(b"beta\0");
    let mut word: [u8; 8] = [0; 8];
    word[0] = 99;
    word[1] = 97;
    word[2] = 102;
    word[3] = 233;
    word[4] = 0;
    let v14 = hash(b"abc\0");
    let v17 = hash(&word);
    let v19 = COLORS[2];
    rt::printf(
        b"%u %u %u\n",
        &[rt::Arg::U(v14 as u64), rt::Arg::U(v17 as u64), rt::Arg::U(hash(v19) as u64)],
    );
    let b = longest(&COLORS, 3);
    rt::printf(
        b"longest=%s (%d)\n",
        &[
            rt::Arg::S(COLORS[b as usize]),
            rt::Arg::I(rt::strlen(COLORS[b as usize]) as i32 as i64),
        ],
    );
    let v36 = LAST.get();
    (hash(v36) % 100) as i32
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
