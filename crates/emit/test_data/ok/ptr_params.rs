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
struct Pt {
    x: i32,
    y: i32,
}

impl Default for Pt {
    fn default() -> Self {
        Pt { x: 0, y: 0 }
    }
}

fn sum(a: &[i32], n: i32) -> i32 {
    let mut s: i32 = 0;
    let mut i: i32 = 0;
    while i < n {
        s = s.wrapping_add(a[i as usize]);
        i = i.wrapping_add(1);
    }
    s
}

fn scale(a: &mut [i32], n: i32, k: i32) {
    let mut i: i32 = 0;
    while i < n {
        a[i as usize] = a[i as usize].wrapping_mul(k);
        i = i.wrapping_add(1);
    }
}

fn fill_from(a: &mut [i32], n: i32, start: i32) {
    let mut i: i32 = 0;
    while i < n {
        a[i as usize] = start.wrapping_add(i);
        i = i.wrapping_add(1);
    }
    scale(a, n, 2);
}

fn inc(p: &mut i32) {
    *p = (*p).wrapping_add(1);
}

fn get(p: &i32) -> i32 {
    *p
}

fn move_pt(p: &mut Pt, dx: i32) {
    p.x = p.x.wrapping_add(dx);
    p.y = p.y.wrapping_sub(dx);
}

fn manhattan(p: &Pt) -> i32 {
    let v9 = if p.x < 0 { p.x.wrapping_neg() } else { p.x };
    let tmp = v9;
    let v19 = if p.y < 0 { p.y.wrapping_neg() } else { p.y };
    tmp.wrapping_add(v19)
}

fn trace(m: &mut [[i32; 3]], n: i32) -> i32 {
    let mut t: i32 = 0;
    let mut i: i32 = 0;
    while i < n {
        t = t.wrapping_add(m[i as usize][i as usize]);
        i = i.wrapping_add(1);
    }
    m[0][0] = -1;
    t
}

fn c_main() -> i32 {
    let mut a: [i32; 6] = [0; 6];
    fill_from(&mut a, 6, 1);
    let v8 = sum(&a, 6);
    rt::printf(
        b"sum=%d tail=%d\n",
        &[rt::Arg::I(v8 as i64), rt::Arg::I(sum(&a[3..], 3) as i64)],
    );
    let mut x: i32 = 41;
    inc(&mut x);
    inc(&mut a[5]);
    let x_old = x;
    let v21 = a[5];
    rt::printf(
        b"x=%d a5=%d get=%d\n",
        &[rt::Arg::I(x_old as i64), rt::Arg::I(v21 as i64), rt::Arg::I(get(&x) as i64)],
    );
    let mut p: Pt = Pt::default();
    p.x = 3;
    p.y = 4;
    move_pt(&mut p, 5);
    let v30 = p.x;
    let v31 = p.y;
    rt::printf(
        b"p=(%d,%d) d=%d\n",
        &[
            rt::Arg::I(v30 as i64),
            rt::Arg::I(v31 as i64),
            rt::Arg::I(manhattan(&p) as i64),
        ],
    );
    let mut m: [[i32; 3]; 3] = [[0; 3]; 3];
    m[0][0] = 1;
    m[0][1] = 2;
    m[0][2] = 3;
    m[1][0] = 4;
    m[1][1] = 5;
    m[1][2] = 6;
    m[2][0] = 7;
    m[2][1] = 8;
    m[2][2] = 9;
    let t = trace(&mut m, 3);
    rt::printf(
        b"trace=%d m00=%d\n",
        &[rt::Arg::I(t as i64), rt::Arg::I(m[0][0] as i64)],
    );
    sum(&a, 2)
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
