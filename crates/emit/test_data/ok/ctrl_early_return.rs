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

fn find(a: &[i32], n: i32, k: i32) -> i32 {
    let mut i: i32 = 0;
    while i < n {
        if a[i as usize] == k {
            return i;
        }
        i = i.wrapping_add(1);
    }
    -1
}

fn c_main() -> i32 {
    let mut arr: [i32; 5] = [0; 5];
    arr[0] = 4;
    arr[1] = 8;
    arr[2] = 15;
    arr[3] = 16;
    arr[4] = 23;
    let v13 = find(&arr, 5, 15);
    rt::printf(
        b"%d %d\n",
        &[rt::Arg::I(v13 as i64), rt::Arg::I(find(&arr, 5, 7) as i64)],
    );
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
