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

thread_local! {
    static CALLS: Cell<i32> = const { Cell::new(0) };
}

fn bump(p: i16) -> u64 {
    CALLS.set(CALLS.get().wrapping_add(1));
    p as u64
}

fn c_main() -> i32 {
    let l: i32 = 5;
    let _ = bump(3) == l as u64;
    let mut x = l;
    let _ = bump(4).wrapping_neg();
    x = x.wrapping_add(l);
    let _ = bump(5).wrapping_add(1);
    let _ = bump(6) != 0;
    let t: i32 = 1;
    let _ = bump(7) != 0;
    let f: i32 = 0;
    rt::printf(
        b"x=%d t=%d f=%d calls=%d\n",
        &[
            rt::Arg::I(x as i64),
            rt::Arg::I(t as i64),
            rt::Arg::I(f as i64),
            rt::Arg::I(CALLS.get() as i64),
        ],
    );
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
