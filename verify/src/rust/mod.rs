//! The Rust side: reads the emitted crate's text with syn and lowers each function into the
//! IR (see `/work/notes/verify-contract.md` while this is being written).
