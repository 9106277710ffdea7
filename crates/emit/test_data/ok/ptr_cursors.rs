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

fn rev(a: &mut [i32], n: i32) {
    let mut lo: usize = 0;
    let mut hi = (n as usize).wrapping_add(-1i64 as usize);
    let mut t: i32 = 0;
    while (lo as isize) < hi as isize {
        t = a[lo];
        a[lo] = a[hi];
        a[hi] = t;
        lo = lo.wrapping_add(1);
        hi = hi.wrapping_add(-1i64 as usize);
    }
}

fn count_words(mut s: &[u8]) -> i32 {
    let mut n: i32 = 0;
    let mut in_: i32 = 0;
    let mut s_i: usize = 0;
    while s[s_i] != 0 {
        if s[s_i] == b' ' {
            in_ = 0;
        } else if in_ == 0 {
            in_ = 1;
            n = n.wrapping_add(1);
        }
        s_i = s_i.wrapping_add(1);
    }
    n
}

fn upcase(mut s: &mut [u8]) {
    let mut s_i: usize = 0;
    let mut v8: bool = false;
    while s[s_i] != 0 {
        v8 = s[s_i] as i8 as i32 >= 97 && s[s_i] as i8 as i32 <= 122;
        if v8 {
            let v15 = s_i;
            s[v15] = (s[v15] as i8 as i32).wrapping_sub(32) as u8;
        }
        s_i = s_i.wrapping_add(1);
    }
}

fn find(a: &[i32], n: i32, x: i32) -> i32 {
    let mut hit = usize::MAX;
    let mut p: usize = 0;
    'b1: {
        loop {
            if (p as isize) < n as usize as isize {
                if a[p] == x {
                    break;
                }
                p = p.wrapping_add(1);
            } else {
                break 'b1;
            }
        }
        hit = p;
    }
    if !(hit != usize::MAX) {
        return -1;
    }
    (hit.wrapping_sub(0) as i64 as i32).wrapping_add(a[hit].wrapping_mul(0))
}

fn c_main() -> i32 {
    let mut a: [i32; 6] = [0; 6];
    a[0] = 1;
    a[1] = 2;
    a[2] = 3;
    a[3] = 4;
    a[4] = 5;
    a[5] = 6;
    let mut buf: [u8; 32] = [0; 32];
    buf[0] = 116;
    buf[1] = 119;
    buf[2] = 111;
    buf[3] = 32;
    buf[4] = 115;
    buf[5] = 109;
    buf[6] = 97;
    buf[7] = 108;
    buf[8] = 108;
    buf[9] = 32;
    buf[10] = 119;
    buf[11] = 111;
    buf[12] = 114;
    buf[13] = 100;
    buf[14] = 115;
    buf[15] = 0;
    rev(&mut a, 6);
    rev(&mut a[1..], 4);
    let mut p: usize = 0;
    while p != 6 {
        rt::printf(b"%d ", &[rt::Arg::I(a[p] as i64)]);
        p = p.wrapping_add(1);
    }
    let v70 = count_words(&buf);
    let v75 = find(&a, 6, 4);
    rt::printf(
        b"\n%d %d %d\n",
        &[
            rt::Arg::I(v70 as i64),
            rt::Arg::I(v75 as i64),
            rt::Arg::I(find(&a, 6, 9) as i64),
        ],
    );
    upcase(&mut buf[4..]);
    rt::printf(b"%s\n", &[rt::Arg::S(&buf)]);
    0
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
