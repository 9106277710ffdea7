#![forbid(unsafe_code)]
mod rt;
use std::cell::{Cell, RefCell};
thread_local! {
    static TABLE: RefCell<[i32; 4]> = const { RefCell::new([0; 4]) };
}
fn f_abs(x: i32) -> i32 {
    x.abs()
}
fn f_wdiv(a: i32, b: i32) -> i32 {
    a.wrapping_div(b).wrapping_add(a.wrapping_rem(b))
}
fn f_umul(a: u64, b: u64) -> u64 {
    a * b
}
fn f_usub(a: u32, b: u32) -> u32 {
    let mut c = a - b;
    c += 1;
    c
}
fn f_ftoi(d: f64) -> i32 {
    d as i32
}
fn f_ftou8(d: f32) -> u8 {
    d as u8
}
fn f_match(x: i32) -> i32 {
    match x {
        i32::MIN..=-1 => -1,
        0 => 0,
        1 | 2 | 3 => { 10 }
        _ => x.wrapping_mul(2),
    }
}
fn f_loop(n: i32) -> i32 {
    let mut i: i32 = 0;
    let r = loop {
        if i >= n {
            break i;
        }
        i = i.wrapping_add(1);
    };
    'b: {
        if r == 3 {
            break 'b;
        }
        return r;
    }
    -r
}
fn f_slice(a: &mut [i32], n: i32) -> i32 {
    let rest = &mut a[1..];
    rest[0] = a.len() as i32;
    TABLE.with_borrow_mut(|table| table[0] = a[0]);
    i32::from(n > 0).min(n).max(-n)
}
fn f_minmax(a: i32, b: i32) -> i32 {
    a.min(b)
}
fn f_borrow(k: i32) -> i32 {
    TABLE.with_borrow_mut(|table| TABLE.with_borrow(|t2| t2[k as usize]))
}
fn f_unsupported(k: i32) -> i32 {
    let v: Vec<i32> = Vec::new();
    v.len() as i32
}
fn c_main() -> i32 {
    0
}
fn main() {}
