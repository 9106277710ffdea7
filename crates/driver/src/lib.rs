//! Pipeline driver (work in progress).
