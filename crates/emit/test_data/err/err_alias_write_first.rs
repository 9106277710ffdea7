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

fn step(dst: &mut [i32], src: &[i32]) {
    dst[0] = 1;
    dst[1] = src[0].wrapping_add(1);
}

fn c_main() -> i32 {
    panic!(
        "xlate: function `main` was not translated: the same object is passed twice and written (aliasing mutable borrows) (err_alias_write_first.c:12:5)"
    )
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
