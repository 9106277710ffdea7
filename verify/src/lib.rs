//! The equivalence checker (not built yet; see issue 3).
//!
//! What comes here: the Z3 encoding of IR blocks (bit-vectors for integers, floating point for
//! f32/f64, arrays for memory objects, C preconditions as assumptions), a symbolic evaluator of
//! the Rust subset the emitter produces (re-read from the text on disk with syn), the alignment
//! of Rust regions with IR blocks, and per-block verdicts: proven, refuted with a replayed
//! counterexample, unknown with the limit hit, or unsupported naming the construct.
//!
//! Invariant: this is the only package of the workspace that links z3. Until it exists, every
//! block in `transpile-report.json` says `"verdict": "not-checked"`; nothing is called proven.
