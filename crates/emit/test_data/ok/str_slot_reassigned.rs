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
struct Entry {
    name: &'static [u8],
    score: i32,
}

impl Default for Entry {
    fn default() -> Self {
        Entry { name: &[], score: 0 }
    }
}

static TABLE: [Entry; 3] = [
    Entry { name: b"ann\0", score: 7 },
    Entry { name: b"bo\0", score: 12 },
    Entry {
        name: b"cyrus\0",
        score: 9,
    },
];

fn c_main() -> i32 {
    let mut best: &'static [u8] = b"nobody\0";
    let mut top: i32 = 10;
    let mut i: i32 = 0;
    while i < 3 {
        if TABLE[i as usize].score > top {
            top = TABLE[i as usize].score;
            best = TABLE[i as usize].name;
        }
        i = i.wrapping_add(1);
    }
    rt::printf(b"best=%s top=%d\n", &[rt::Arg::S(best), rt::Arg::I(top as i64)]);
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
