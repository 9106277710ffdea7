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
struct Impl {
    type_: i32,
    ref_: i32,
}

impl Default for Impl {
    fn default() -> Self {
        Impl { type_: 0, ref_: 0 }
    }
}

fn match_(loop_: i32, fn_: i32) -> i32 {
    loop_.wrapping_mul(10).wrapping_add(fn_)
}

fn max(a: i32, b: i32) -> i32 {
    if a > b { a } else { b }
}

fn c_main() -> i32 {
    let mut mut_: i32 = 1;
    let move_: i32 = 2;
    let self_: i32 = 3;
    let mut where_: Impl = Impl::default();
    where_.type_ = 4;
    where_.ref_ = 5;
    let x: i32 = 1;
    let x_1: i32 = 2;
    let mut x_2: i32 = 3;
    while x_2 < 5 {
        mut_ = mut_.wrapping_add(x_2);
        x_2 = x_2.wrapping_add(1);
    }
    mut_ = mut_.wrapping_add(x_1);
    mut_ = mut_.wrapping_add(x);
    let max_v = max(mut_, move_);
    let in_ = match_(self_, where_.type_).wrapping_add(where_.ref_);
    rt::printf(
        b"%d %d %d %d\n",
        &[
            rt::Arg::I(mut_ as i64),
            rt::Arg::I(max_v as i64),
            rt::Arg::I(in_ as i64),
            rt::Arg::I(match_(1, 2) as i64),
        ],
    );
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
