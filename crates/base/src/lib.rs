//! Foundation types shared by every stage of the toolkit.
//!
//! - [`entity`]: dense, typed `u32` ids with [`PrimaryMap`] (allocates ids, owns the data) and
//!   [`SecondaryMap`] (side tables keyed by ids, owned by whoever computed them).
//! - [`Span`]: a source location (file, line, column) for C text or an x86 address.
//! - [`Diagnostic`]: an error or warning as a value. Stages return `(T, Vec<Diagnostic>)` and
//!   never panic on bad input.
//!
//! This crate has no knowledge of C, x86, Rust or Z3.

pub mod diagnostic;
pub mod entity;
pub mod span;

pub use diagnostic::{Diagnostic, Severity};
pub use entity::{EntityRef, PrimaryMap, SecondaryMap};
pub use span::Span;
