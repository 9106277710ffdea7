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
struct Kv {
    key: i32,
    val: i32,
}

impl Default for Kv {
    fn default() -> Self {
        Kv { key: 0, val: 0 }
    }
}

static TABLE: [Kv; 3] = [
    Kv { key: 1, val: 10 },
    Kv { key: 2, val: 20 },
    Kv { key: 3, val: 30 },
];

fn find() {
    panic!(
        "xlate: function `find` was not translated: returns a `ptr<struct0>` pointer (err_nullable.c:7:19)"
    )
}

fn c_main() -> i32 {
    panic!(
        "xlate: function `main` was not translated: pointer variable `e`: assigned a pointer returned by a call (heap and returned pointers are not supported yet) (err_nullable.c:14:16)"
    )
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
