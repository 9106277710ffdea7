//! Compiles `src/lib.rs` the way emitted crates use it: as a module (`rt.rs`) of another crate,
//! under `deny(warnings)`, calling only a few of its functions. A warning (for example dead
//! code) or a construct invalid in a module fails this build.
#![deny(warnings)]

#[path = "../src/lib.rs"]
mod rt;

#[test]
fn runtime_compiles_as_a_module_without_warnings() {
    let s = rt::format(b"%s=%d", &[rt::Arg::S(b"x"), rt::Arg::I(3)]);
    assert_eq!(s, b"x=3");
    assert_eq!(rt::strlen(b"abc\0"), 3);
}
