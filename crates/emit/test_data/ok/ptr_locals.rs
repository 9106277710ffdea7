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

#[derive(Clone, Copy, Debug, PartialEq)]
struct Item {
    id: i32,
    qty: i32,
}

impl Default for Item {
    fn default() -> Self {
        Item { id: 0, qty: 0 }
    }
}

thread_local! {
    static STOCK: RefCell<[Item; 4]> = const {
        RefCell::new([
            Item { id: 1, qty: 5 },
            Item { id: 2, qty: 0 },
            Item { id: 3, qty: 9 },
            Item { id: 4, qty: 2 },
        ])
    };
}

fn restock(it: &mut Item, n: i32) {
    it.qty = it.qty.wrapping_add(n);
}

fn c_main() -> i32 {
    let mut x: i32 = 10;
    x = x.wrapping_add(5);
    let mut vals: [i32; 5] = [0; 5];
    vals[0] = 7;
    vals[1] = 3;
    vals[2] = 9;
    vals[3] = 1;
    vals[4] = 4;
    let mut best: usize = 0;
    let mut i: i32 = 1;
    while i < 5 {
        if vals[i as usize] > vals[best] {
            best = i as usize;
        }
        i = i.wrapping_add(1);
    }
    vals[best] = 0;
    let mut lo: i32 = 0;
    let mut hi: i32 = 0;
    let mut i_1: i32 = 0;
    let mut dst: usize = 0;
    let mut v49: usize = 0;
    while i_1 < 6 {
        v49 = if i_1 % 2 == 0 { 0 } else { 1 };
        dst = v49;
        let v50 = dst;
        *if v50 == 0 { &mut lo } else { &mut hi } = (*if v50 == 0 { &lo } else { &hi })
            .wrapping_add(i_1);
        i_1 = i_1.wrapping_add(1);
    }
    x = x.wrapping_add(1);
    let mut low: usize = 0;
    let mut i_2: i32 = 1;
    while i_2 < 4 {
        if STOCK.with_borrow(|stock| stock[i_2 as usize].qty)
            < STOCK.with_borrow(|stock| stock[low].qty)
        {
            low = i_2 as usize;
        }
        i_2 = i_2.wrapping_add(1);
    }
    STOCK.with_borrow_mut(|stock| restock(&mut stock[low], 10));
    let q: usize = 2;
    let v85 = q;
    STOCK.with_borrow_mut(|stock| stock[v85].qty = stock[v85].qty.wrapping_sub(1));
    let first: usize = 1;
    let last: usize = 4;
    rt::printf(
        b"x=%d vals=%d,%d,%d,%d,%d lo=%d hi=%d\n",
        &[
            rt::Arg::I(x as i64),
            rt::Arg::I(vals[0] as i64),
            rt::Arg::I(vals[1] as i64),
            rt::Arg::I(vals[2] as i64),
            rt::Arg::I(vals[3] as i64),
            rt::Arg::I(vals[4] as i64),
            rt::Arg::I(lo as i64),
            rt::Arg::I(hi as i64),
        ],
    );
    rt::printf(
        b"low=%d qty=%d q=%d ordered=%d\n",
        &[
            rt::Arg::I(STOCK.with_borrow(|stock| stock[low].id) as i64),
            rt::Arg::I(STOCK.with_borrow(|stock| stock[low].qty) as i64),
            rt::Arg::I(STOCK.with_borrow(|stock| stock[2].qty) as i64),
            rt::Arg::I(i32::from((first as isize) < last as isize) as i64),
        ],
    );
    x
}

fn main() {
    let code = c_main();
    rt::exit(code);
}
