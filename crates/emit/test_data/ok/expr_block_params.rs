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

fn f(x: i32) -> i32 {
    CALLS.set(CALLS.get().wrapping_add(1));
    x
}

fn c_main() -> i32 {
    let v7 = f(1) != 0 && f(0) != 0;
    let a = i32::from(v7);
    let v16 = f(0) != 0 || f(2) != 0;
    let b = i32::from(v16);
    rt::printf(
        b"%d %d %d\n",
        &[rt::Arg::I(a as i64), rt::Arg::I(b as i64), rt::Arg::I(CALLS.get() as i64)],
    );
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
