//! Rust names for C names: sanitising (keywords, invalid characters) and uniqueness.
//!
//! Invariants: every name a [`Namer`] hands out is a valid Rust identifier (never a keyword,
//! never `_`), and no two names handed out by one namer are equal. Names are derived only
//! from the input, so output is deterministic.

use std::collections::BTreeSet;

/// Strict and reserved keywords of Rust 2021 (and 2024's `gen`), plus names that cannot be
/// raw identifiers.
const KEYWORDS: &[&str] = &[
    "as",
    "async",
    "await",
    "break",
    "const",
    "continue",
    "crate",
    "dyn",
    "else",
    "enum",
    "extern",
    "false",
    "fn",
    "for",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "match",
    "mod",
    "move",
    "mut",
    "pub",
    "ref",
    "return",
    "self",
    "Self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "type",
    "unsafe",
    "use",
    "where",
    "while",
    "abstract",
    "become",
    "box",
    "do",
    "final",
    "macro",
    "override",
    "priv",
    "typeof",
    "unsized",
    "virtual",
    "yield",
    "try",
    "gen",
    "union",
    "macro_rules",
    "raw",
];

/// True when `s` is a Rust keyword (strict, reserved or weak).
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// Makes `name` a valid, non-keyword Rust identifier: invalid characters become `_`, a
/// leading digit gets a `_` prefix, keywords get a `_` suffix (`type` -> `type_`).
pub fn sanitize(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.is_empty() || s.chars().all(|c| c == '_') {
        s.push('x');
    }
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    if is_keyword(&s) {
        s.push('_');
    }
    s
}

/// `point_2d` -> `Point2d`, `node` -> `Node` (for struct names).
pub fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut up = true;
    for c in sanitize(name).chars() {
        if c == '_' {
            up = true;
            continue;
        }
        if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'S');
    }
    out
}

/// `counter` -> `COUNTER`, `main.calls` -> `MAIN_CALLS` (for globals).
pub fn upper(name: &str) -> String {
    let s = sanitize(name).to_ascii_uppercase();
    if is_keyword(&s) {
        format!("{s}_")
    } else {
        s
    }
}

/// Hands out unique identifiers.
#[derive(Clone, Debug, Default)]
pub struct Namer {
    used: BTreeSet<String>,
}

impl Namer {
    /// A namer where `reserved` are already taken.
    pub fn with_reserved<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Namer {
        Namer {
            used: reserved.into_iter().map(str::to_string).collect(),
        }
    }
    /// Marks `name` as taken.
    pub fn reserve(&mut self, name: &str) {
        self.used.insert(name.to_string());
    }
    /// True when `name` is taken.
    pub fn is_used(&self, name: &str) -> bool {
        self.used.contains(name)
    }
    /// A fresh name derived from `base` (already a valid identifier or sanitised here):
    /// `base`, else `base_1`, `base_2`, ...
    pub fn fresh(&mut self, base: &str) -> String {
        let base = sanitize(base);
        if !self.used.contains(&base) {
            self.used.insert(base.clone());
            return base;
        }
        let mut n = 1usize;
        loop {
            let cand = format!("{base}_{n}");
            if !self.used.contains(&cand) {
                self.used.insert(cand.clone());
                return cand;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes_and_uniquifies() {
        assert_eq!(sanitize("type"), "type_");
        assert_eq!(sanitize("2x"), "_2x");
        assert_eq!(sanitize("_"), "_x");
        assert_eq!(sanitize("main.count"), "main_count");
        assert_eq!(camel("point_2d"), "Point2d");
        assert_eq!(upper("main.calls"), "MAIN_CALLS");
        let mut n = Namer::with_reserved(["main"]);
        assert_eq!(n.fresh("main"), "main_1");
        assert_eq!(n.fresh("x"), "x");
        assert_eq!(n.fresh("x"), "x_1");
        assert_eq!(n.fresh("x_1"), "x_1_1");
    }
}
