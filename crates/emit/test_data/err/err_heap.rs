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

fn make_buf() {
    panic!(
        "xlate: function `make_buf` was not translated: returns a `ptr<i32>` pointer (err_heap.c:5:13)"
    )
}

fn twice(x: i32) -> i32 {
    x.wrapping_mul(2)
}

fn c_main() -> i32 {
    panic!(
        "xlate: function `main` was not translated: pointer variable `b`: assigned a pointer returned by a call (heap and returned pointers are not supported yet) (err_heap.c:15:10)"
    )
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
