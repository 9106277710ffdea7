//! Safe runtime copied into emitted crates as `rt.rs` (work in progress).
