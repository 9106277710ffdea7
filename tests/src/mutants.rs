//! The mutation test of the checker (issue 3): single-token mutants of the emitted Rust that
//! change the program's behaviour must never be reported proven.
//!
//! Two halves:
//! - The generator ([`generate`]): a small lexer over `src/main.rs` that keeps byte spans, so a
//!   mutant is one token's bytes replaced and the rest of the file is unchanged byte for byte.
//!   Only tokens inside the bodies of top-level `fn` items are mutated (never `src/rt.rs`,
//!   crate attributes, statics or signatures). Operators are mutated only where the lexer can
//!   tell they are binary (the previous token ends an operand), never in `match` patterns,
//!   closure parameter lists or generic argument lists, so nearly every mutant compiles.
//! - The acceptance loop ([`mutate_program`]): checks the original crate, then every sampled
//!   mutant inside a function proven on the original. A mutant whose function is still
//!   reported proven is *accepted*: it is then built and run and its stdout and exit status are
//!   compared with the unmutated build's. Accepted with different behaviour is a soundness bug
//!   of the checker. The checker is a parameter ([`CheckFn`]) so the loop itself can be tested
//!   with a fake checker that accepts everything.
//!
//! Invariants: everything is deterministic (mutants in source order, sampling by a seeded
//! generator, reports ordered by program then position); a failing build, a hanging mutant or
//! a panicking checker is a counted outcome, never a panic of the harness.

use crate::harness;
use crate::proc;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

// ---------------------------------------------------------------------------------------------
// Lexer
// ---------------------------------------------------------------------------------------------

/// What a lexed token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Identifier or keyword (raw identifiers keep their `r#`).
    Ident,
    /// `'name` (lifetime or loop label).
    Lifetime,
    /// Integer literal, with its suffix.
    Int,
    /// Float literal.
    Float,
    /// String, byte string, raw string or char/byte literal.
    Literal,
    /// Punctuation (longest match: `<<=`, `..=`, `::`, `->`, `==` ...).
    Punct,
}

/// A token with its byte span in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Its kind.
    pub kind: TokKind,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Multi-character punctuation, longest first where one is a prefix of another.
const PUNCTS: [&str; 24] = [
    "<<=", ">>=", "...", "..=", "..", "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=",
    "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>",
];

/// Splits Rust source into tokens with byte spans, dropping whitespace and comments.
/// Never fails: an unterminated literal or comment runs to the end of the text.
pub fn lex(src: &str) -> Vec<Token> {
    let b = src.as_bytes();
    let mut toks = Vec::new();
    let mut i = 0;
    let is_ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        let start = i;
        let kind;
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        } else if c == b'/' && next == Some(b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        } else if c == b'/' && next == Some(b'*') {
            let mut depth = 0usize;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            continue;
        } else if c == b'"' {
            i = skip_quoted(b, i, b'"');
            kind = TokKind::Literal;
        } else if c == b'\'' {
            // A char literal when escaped or closed two bytes on (ASCII) or after one UTF-8
            // char; otherwise a lifetime or label.
            let char_len = src[i + 1..].chars().next().map_or(0, char::len_utf8);
            if next == Some(b'\\') || b.get(i + 1 + char_len) == Some(&b'\'') {
                i = skip_quoted(b, i, b'\'');
                kind = TokKind::Literal;
            } else {
                i += 1;
                while i < b.len() && is_ident(b[i]) {
                    i += 1;
                }
                kind = TokKind::Lifetime;
            }
        } else if c.is_ascii_digit() {
            i = lex_number(b, i);
            kind = if is_float(&src[start..i]) {
                TokKind::Float
            } else {
                TokKind::Int
            };
        } else if is_ident(c) {
            let mut j = i;
            while j < b.len() && is_ident(b[j]) {
                j += 1;
            }
            let word = &src[i..j];
            let after = b.get(j).copied();
            let str_prefix = matches!(word, "b" | "c" | "r" | "br" | "cr");
            if str_prefix && word.ends_with('r') && matches!(after, Some(b'"') | Some(b'#')) {
                // Raw string (`r"..."`, `r#"..."#`) unless it is a raw identifier `r#name`.
                let mut k = j;
                while b.get(k) == Some(&b'#') {
                    k += 1;
                }
                if b.get(k) == Some(&b'"') {
                    i = skip_raw(b, j);
                    kind = TokKind::Literal;
                } else {
                    i = k;
                    while i < b.len() && is_ident(b[i]) {
                        i += 1;
                    }
                    kind = TokKind::Ident;
                }
            } else if str_prefix && after == Some(b'"') {
                i = skip_quoted(b, j, b'"');
                kind = TokKind::Literal;
            } else if word == "b" && after == Some(b'\'') {
                i = skip_quoted(b, j, b'\'');
                kind = TokKind::Literal;
            } else {
                i = j;
                kind = TokKind::Ident;
            }
        } else {
            let rest = &src[i..];
            let p = PUNCTS.iter().find(|p| rest.starts_with(**p));
            i += match p {
                Some(p) => p.len(),
                None => rest.chars().next().map_or(1, char::len_utf8),
            };
            kind = TokKind::Punct;
        }
        toks.push(Token {
            kind,
            start,
            end: i.min(b.len()),
        });
    }
    toks
}

/// The end of a literal opened by `quote` at `i` (backslash escapes honoured).
fn skip_quoted(b: &[u8], i: usize, quote: u8) -> usize {
    let mut j = i + 1;
    while j < b.len() {
        if b[j] == b'\\' {
            j += 2;
        } else if b[j] == quote {
            return j + 1;
        } else {
            j += 1;
        }
    }
    b.len()
}

/// The end of a raw string whose `#`s (if any) start at `j`.
fn skip_raw(b: &[u8], mut j: usize) -> usize {
    let mut hashes = 0;
    while b.get(j) == Some(&b'#') {
        hashes += 1;
        j += 1;
    }
    j += 1; // the opening quote
    while j < b.len() {
        if b[j] == b'"'
            && b[j + 1..]
                .iter()
                .take(hashes)
                .filter(|c| **c == b'#')
                .count()
                == hashes
        {
            return j + 1 + hashes;
        }
        j += 1;
    }
    b.len()
}

/// The end of a number literal starting at `i`: digits, letters and `_` (radix prefix,
/// hex digits, suffix), a fraction when `.` is followed by a digit, an exponent sign.
fn lex_number(b: &[u8], mut i: usize) -> usize {
    let word = |b: &[u8], mut i: usize| {
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
            i += 1;
        }
        i
    };
    let start = i;
    let hex = b.get(i + 1).is_some_and(|c| matches!(c, b'x' | b'X'));
    i = word(b, i);
    // `1e-5`: an `e` right after the digits (not the `e` of a suffix like `usize`).
    let exp_sign = |b: &[u8], i: usize| {
        !hex && matches!(b[i - 1], b'e' | b'E')
            && b[start..i - 1]
                .iter()
                .all(|c| c.is_ascii_digit() || matches!(c, b'_' | b'.'))
            && matches!(b.get(i), Some(b'+') | Some(b'-'))
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if exp_sign(b, i) {
        i = word(b, i + 1);
    }
    if !hex && b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i = word(b, i + 1);
        if exp_sign(b, i) {
            i = word(b, i + 1);
        }
    }
    i
}

/// True for a float literal text (`1.5`, `1e3`, `2f64`).
fn is_float(text: &str) -> bool {
    const INT_SUFFIXES: [&str; 12] = [
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ];
    let lower = text.to_ascii_lowercase();
    if lower.starts_with("0x") || lower.starts_with("0o") || lower.starts_with("0b") {
        return false;
    }
    if INT_SUFFIXES.iter().any(|s| lower.ends_with(s)) {
        return false;
    }
    lower.contains('.') || lower.contains('e') || lower.ends_with("f32") || lower.ends_with("f64")
}

/// Splits an integer literal into (value, radix prefix, suffix).
fn parse_int(text: &str) -> Option<(u128, &str, &str)> {
    let (prefix, radix, body) = match text.get(..2) {
        Some("0x") | Some("0X") => (&text[..2], 16, &text[2..]),
        Some("0o") => (&text[..2], 8, &text[2..]),
        Some("0b") => (&text[..2], 2, &text[2..]),
        _ => ("", 10, text),
    };
    let digits_end = body
        .find(|c: char| c != '_' && !c.is_digit(radix))
        .unwrap_or(body.len());
    let (digits, suffix) = body.split_at(digits_end);
    let digits: String = digits.chars().filter(|c| *c != '_').collect();
    let v = u128::from_str_radix(&digits, radix).ok()?;
    Some((v, prefix, suffix))
}

/// Formats `v` in the radix of `prefix`.
fn format_int(v: u128, prefix: &str, suffix: &str) -> String {
    match prefix {
        "0x" | "0X" => format!("{prefix}{v:x}{suffix}"),
        "0o" => format!("0o{v:o}{suffix}"),
        "0b" => format!("0b{v:b}{suffix}"),
        _ => format!("{v}{suffix}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------------------------

/// The class of a mutation, for reports.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MutKind {
    /// `+ - * / %` and their compound assignments.
    Arith,
    /// `< <= > >= == !=`.
    Compare,
    /// `&& ||`.
    Logic,
    /// `& | ^` and their compound assignments.
    Bitwise,
    /// `<< >>` and their compound assignments.
    Shift,
    /// An integer literal plus or minus one.
    Constant,
    /// `wrapping_add` / `wrapping_sub` / `wrapping_mul`.
    Wrapping,
    /// `true` / `false`.
    Bool,
    /// `break` / `continue`.
    Control,
}

/// One single-token mutant of a source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mutant {
    /// The Rust name of the function the token lies in.
    pub func: String,
    /// 1-based line of the token.
    pub line: usize,
    /// 1-based column (in chars) of the token.
    pub col: usize,
    /// Byte span of the replaced token.
    pub start: usize,
    /// End of that span.
    pub end: usize,
    /// The original token text.
    pub from: String,
    /// Its replacement.
    pub to: String,
    /// The class of the mutation.
    pub kind: MutKind,
}

impl Mutant {
    /// The mutated source: `src` with this mutant's span replaced.
    pub fn apply(&self, src: &str) -> String {
        format!("{}{}{}", &src[..self.start], self.to, &src[self.end..])
    }
    /// `` `+` -> `-` ``.
    pub fn describe(&self) -> String {
        format!("`{}` -> `{}`", self.from, self.to)
    }
}

/// Keywords after which an operator is unary (or after which no operand has ended).
const KEYWORDS: [&str; 22] = [
    "as", "break", "continue", "else", "fn", "for", "if", "in", "let", "loop", "match", "move",
    "mut", "ref", "return", "static", "const", "while", "unsafe", "where", "impl", "dyn",
];

/// Binary operator replacements.
fn binary_replacements(op: &str) -> Option<(MutKind, &'static [&'static str])> {
    Some(match op {
        "+" => (MutKind::Arith, &["-"]),
        "-" => (MutKind::Arith, &["+"]),
        "*" => (MutKind::Arith, &["+"]),
        "/" => (MutKind::Arith, &["%"]),
        "%" => (MutKind::Arith, &["/"]),
        "+=" => (MutKind::Arith, &["-="]),
        "-=" => (MutKind::Arith, &["+="]),
        "*=" => (MutKind::Arith, &["+="]),
        "/=" => (MutKind::Arith, &["%="]),
        "%=" => (MutKind::Arith, &["/="]),
        "<" => (MutKind::Compare, &["<="]),
        "<=" => (MutKind::Compare, &["<"]),
        ">" => (MutKind::Compare, &[">="]),
        ">=" => (MutKind::Compare, &[">"]),
        "==" => (MutKind::Compare, &["!="]),
        "!=" => (MutKind::Compare, &["=="]),
        "&&" => (MutKind::Logic, &["||"]),
        "||" => (MutKind::Logic, &["&&"]),
        "&" => (MutKind::Bitwise, &["|"]),
        "|" => (MutKind::Bitwise, &["&"]),
        "^" => (MutKind::Bitwise, &["|"]),
        "&=" => (MutKind::Bitwise, &["|="]),
        "|=" => (MutKind::Bitwise, &["&="]),
        "^=" => (MutKind::Bitwise, &["|="]),
        "<<" => (MutKind::Shift, &[">>"]),
        ">>" => (MutKind::Shift, &["<<"]),
        "<<=" => (MutKind::Shift, &[">>="]),
        ">>=" => (MutKind::Shift, &["<<="]),
        _ => return None,
    })
}

/// A top-level function: its name and the token range of its body (exclusive of braces).
struct FnBody {
    name: String,
    first: usize,
    last: usize,
}

/// The top-level `fn` items of a token stream with their body token ranges.
fn top_level_fns(src: &str, toks: &[Token]) -> Vec<FnBody> {
    let text = |t: &Token| &src[t.start..t.end];
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind == TokKind::Punct {
            match text(t) {
                "{" | "(" | "[" => depth += 1,
                "}" | ")" | "]" => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
            continue;
        }
        let is_fn = depth == 0
            && t.kind == TokKind::Ident
            && text(t) == "fn"
            && toks.get(i + 1).is_some_and(|n| n.kind == TokKind::Ident);
        if !is_fn {
            i += 1;
            continue;
        }
        let name = text(&toks[i + 1]).to_string();
        // The body is the first `{` outside parentheses and brackets after the name.
        let mut j = i + 2;
        let mut nest = 0usize;
        while j < toks.len() {
            match text(&toks[j]) {
                "(" | "[" => nest += 1,
                ")" | "]" => nest = nest.saturating_sub(1),
                "{" if nest == 0 => break,
                ";" if nest == 0 => break, // a declaration without a body
                _ => {}
            }
            j += 1;
        }
        if j >= toks.len() || text(&toks[j]) != "{" {
            i = j + 1;
            continue;
        }
        let open = j;
        let mut level = 0usize;
        let mut close = toks.len();
        for (k, tk) in toks.iter().enumerate().skip(open) {
            if tk.kind != TokKind::Punct {
                continue;
            }
            match text(tk) {
                "{" => level += 1,
                "}" => {
                    level -= 1;
                    if level == 0 {
                        close = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push(FnBody {
            name,
            first: open + 1,
            last: close,
        });
        i = close + 1;
    }
    out
}

/// Brace/bracket/paren frames of a function body, for context decisions.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Frame {
    Paren,
    /// `[`; `after_semi` once a `;` was seen directly inside (the length of `[T; N]`).
    Bracket {
        after_semi: bool,
    },
    Brace,
    /// The body of a `match`: `in_pattern` between the start of an arm and its `=>`.
    MatchBody {
        in_pattern: bool,
    },
    /// A `{` that opened right after a `=>` in a match body (the arm's block).
    ArmBlock,
}

/// Every single-token mutant of `src` inside the bodies of its top-level functions, in source
/// order (several replacements of one token are in the order of [`MutKind`] then text).
pub fn generate(src: &str) -> Vec<Mutant> {
    let toks = lex(src);
    let text = |t: &Token| &src[t.start..t.end];
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(src.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let position = |byte: usize| {
        let line = line_starts.partition_point(|s| *s <= byte);
        let ls = line_starts[line - 1];
        (line, src[ls..byte].chars().count() + 1)
    };
    let mut out = Vec::new();
    for f in top_level_fns(src, &toks) {
        let body = &toks[f.first..f.last];
        // Labels of loops (`'l: loop|while|for`) in this function.
        let mut loop_labels = BTreeSet::new();
        let mut block_labels = BTreeSet::new();
        for w in body.windows(3) {
            if w[0].kind == TokKind::Lifetime && text(&w[1]) == ":" {
                if matches!(text(&w[2]), "loop" | "while" | "for") {
                    loop_labels.insert(text(&w[0]));
                } else {
                    block_labels.insert(text(&w[0]));
                }
            }
        }
        let mut frames: Vec<Frame> = Vec::new();
        let mut generic_depth = 0usize;
        let mut in_closure_params = false;
        let mut match_pending = false;
        let mut prev: Option<&Token> = None;
        for (k, t) in body.iter().enumerate() {
            let s = text(t);
            let next = body.get(k + 1).map(text);
            let in_pattern = matches!(frames.last(), Some(Frame::MatchBody { in_pattern: true }));
            let operand_ended = prev.is_some_and(|p| match p.kind {
                TokKind::Ident => !KEYWORDS.contains(&text(p)),
                TokKind::Int | TokKind::Float | TokKind::Literal => true,
                TokKind::Lifetime => false,
                TokKind::Punct => matches!(text(p), ")" | "]" | "?"),
            });
            let mut push = |to: String, kind: MutKind| {
                let (line, col) = position(t.start);
                out.push(Mutant {
                    func: f.name.clone(),
                    line,
                    col,
                    start: t.start,
                    end: t.end,
                    from: s.to_string(),
                    to,
                    kind,
                });
            };
            match t.kind {
                TokKind::Punct => {
                    match s {
                        "(" => frames.push(Frame::Paren),
                        "[" => frames.push(Frame::Bracket { after_semi: false }),
                        "{" => {
                            let after_arrow = prev.is_some_and(|p| text(p) == "=>");
                            if match_pending {
                                match_pending = false;
                                frames.push(Frame::MatchBody { in_pattern: true });
                            } else if after_arrow
                                && matches!(frames.last(), Some(Frame::MatchBody { .. }))
                            {
                                frames.push(Frame::ArmBlock);
                            } else {
                                frames.push(Frame::Brace);
                            }
                        }
                        ")" | "]" => {
                            frames.pop();
                        }
                        "}" => {
                            // When an arm's block ends, the next arm's pattern starts.
                            let closed = frames.pop();
                            if let (Some(Frame::ArmBlock), Some(Frame::MatchBody { in_pattern })) =
                                (closed, frames.last_mut())
                            {
                                *in_pattern = true;
                            }
                        }
                        ";" => {
                            if let Some(Frame::Bracket { after_semi }) = frames.last_mut() {
                                *after_semi = true;
                            }
                        }
                        "=>" => {
                            if let Some(Frame::MatchBody { in_pattern }) = frames.last_mut() {
                                *in_pattern = false;
                            }
                        }
                        "," => {
                            if let Some(Frame::MatchBody { in_pattern }) = frames.last_mut() {
                                *in_pattern = true;
                            }
                        }
                        _ => {}
                    }
                    if in_closure_params {
                        if s == "|" {
                            in_closure_params = false;
                        }
                    } else if !operand_ended && s == "|" {
                        in_closure_params = true;
                    } else if s == "<"
                        && (!operand_ended
                            || prev.is_some_and(|p| {
                                text(p).starts_with(|c: char| c.is_ascii_uppercase())
                            }))
                    {
                        // A generic argument list: after a type name, `::` or in unary
                        // position (`<T as Trait>::f`).
                        generic_depth += 1;
                    } else if generic_depth > 0 && (s == ">" || s == ">>") {
                        generic_depth = generic_depth.saturating_sub(if s == ">>" { 2 } else { 1 });
                    } else if generic_depth == 0 && operand_ended && !in_pattern {
                        if let Some((kind, tos)) = binary_replacements(s) {
                            for to in tos {
                                push(to.to_string(), kind);
                            }
                        }
                    }
                }
                TokKind::Int => {
                    let after_dot = prev.is_some_and(|p| text(p) == ".");
                    let array_len =
                        matches!(frames.last(), Some(Frame::Bracket { after_semi: true }));
                    if let (false, false, Some((v, prefix, suffix))) =
                        (after_dot, array_len, parse_int(s))
                    {
                        if v > 0 {
                            push(format_int(v - 1, prefix, suffix), MutKind::Constant);
                        }
                        push(format_int(v + 1, prefix, suffix), MutKind::Constant);
                    }
                }
                TokKind::Ident => match s {
                    "match" => match_pending = true,
                    "true" => push("false".into(), MutKind::Bool),
                    "false" => push("true".into(), MutKind::Bool),
                    "wrapping_add" => push("wrapping_sub".into(), MutKind::Wrapping),
                    "wrapping_sub" => push("wrapping_add".into(), MutKind::Wrapping),
                    "wrapping_mul" => push("wrapping_add".into(), MutKind::Wrapping),
                    "continue" => push("break".into(), MutKind::Control),
                    "break" => {
                        let nt = body.get(k + 1);
                        let plain = matches!(next, Some(";") | Some("}") | Some(","));
                        let to_loop = nt.is_some_and(|n| {
                            n.kind == TokKind::Lifetime
                                && loop_labels.contains(text(n))
                                && !block_labels.contains(text(n))
                                && matches!(
                                    body.get(k + 2).map(text),
                                    Some(";") | Some("}") | Some(",")
                                )
                        });
                        if plain || to_loop {
                            push("continue".into(), MutKind::Control);
                        }
                    }
                    _ => {}
                },
                TokKind::Lifetime | TokKind::Float | TokKind::Literal => {}
            }
            prev = Some(t);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Sampling
// ---------------------------------------------------------------------------------------------

/// splitmix64: a small deterministic generator for sampling.
fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a, to mix the program name into the seed.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Up to `cap` of `mutants`, chosen by `seed` and `salt` (a program name), in source order.
pub fn sample(mutants: Vec<Mutant>, cap: usize, seed: u64, salt: &str) -> Vec<Mutant> {
    if mutants.len() <= cap {
        return mutants;
    }
    let mut idx: Vec<usize> = (0..mutants.len()).collect();
    let mut state = seed ^ fnv(salt);
    for i in 0..cap {
        let j = i + (splitmix(&mut state) % (idx.len() - i) as u64) as usize;
        idx.swap(i, j);
    }
    let mut chosen: Vec<usize> = idx[..cap].to_vec();
    chosen.sort_unstable();
    let mut slots: Vec<Option<Mutant>> = mutants.into_iter().map(Some).collect();
    chosen.iter().filter_map(|i| slots[*i].take()).collect()
}

// ---------------------------------------------------------------------------------------------
// The acceptance loop
// ---------------------------------------------------------------------------------------------

/// A translated program: the C module, the emitter's name map and the crate files.
#[derive(Clone, Debug)]
pub struct Subject {
    /// Program name (also the crate name).
    pub name: String,
    /// The C module the crate was emitted from.
    pub module: xl_ir::Module,
    /// Which Rust item stands for which C item.
    pub names: xl_emit::NameMap,
    /// The crate files, `(relative path, contents)`.
    pub files: Vec<(String, String)>,
}

/// What the checker said about one Rust function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FnVerdict {
    /// Proven equivalent to its C function.
    Proven,
    /// Anything else; the kind of verdict in a word (`refuted`, `unknown`, ...).
    Rejected(String),
}

/// A checker: verdicts per Rust function name for the crate `files` (the subject's files with
/// `src/main.rs` possibly mutated). Functions it does not mention count as rejected.
pub type CheckFn<'a> = dyn Fn(&Subject, &[(String, String)]) -> BTreeMap<String, FnVerdict> + 'a;

/// The real checker's settings (re-exported so callers need no `xl-verify` dependency).
pub use xl_verify::Options as CheckerOptions;

/// The checker's default settings with another solver time limit per query.
#[allow(clippy::field_reassign_with_default)] // robust to fields added to the options later
pub fn checker_options(timeout_ms: u32) -> CheckerOptions {
    let mut o = CheckerOptions::default();
    o.timeout_ms = timeout_ms;
    o
}

/// The real checker, [`xl_verify::verify_crate`], as a [`CheckFn`].
pub fn verify_checker(
    opts: xl_verify::Options,
) -> impl Fn(&Subject, &[(String, String)]) -> BTreeMap<String, FnVerdict> {
    move |s, files| {
        let report = xl_verify::verify_crate(&s.module, &s.names, files, &opts);
        report
            .functions
            .iter()
            .map(|f| {
                let v = match &f.status {
                    xl_verify::FuncStatus::Proven => FnVerdict::Proven,
                    xl_verify::FuncStatus::NotTranslated => {
                        FnVerdict::Rejected("not translated".into())
                    }
                    xl_verify::FuncStatus::Failed { verdict, .. } => {
                        FnVerdict::Rejected(verdict_kind(verdict).into())
                    }
                };
                (f.rust_name.clone(), v)
            })
            .collect()
    }
}

/// A one-word name of a checker verdict.
pub fn verdict_kind(v: &xl_verify::Verdict) -> &'static str {
    match v {
        xl_verify::Verdict::Proven => "proven block",
        xl_verify::Verdict::Refuted { .. } => "refuted",
        xl_verify::Verdict::Unknown { .. } => "unknown",
        xl_verify::Verdict::Unsupported { .. } => "unsupported",
    }
}

/// A fake checker for self-tests: every function of the name map is proven, whatever the files.
pub fn accept_all(s: &Subject, _files: &[(String, String)]) -> BTreeMap<String, FnVerdict> {
    s.names
        .funcs
        .iter()
        .map(|(_, n)| (n.clone(), FnVerdict::Proven))
        .collect()
}

/// Knobs of a mutation run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// At most this many mutants per program (sampled deterministically).
    pub per_program: usize,
    /// Sampling seed.
    pub seed: u64,
    /// Scratch directory; program `<name>` uses `<work>/<name>`.
    pub work: PathBuf,
    /// The C compiler used as preprocessor by the frontend.
    pub cc: String,
    /// Limit for one run of a binary (a mutant that loops forever times out).
    pub run_timeout: Duration,
    /// Limit for one `rustc` build.
    pub build_timeout: Duration,
}

impl Settings {
    /// Defaults: 40 mutants per program, seed 0, 5 s runs, 120 s builds, `cc`.
    pub fn new(work: PathBuf) -> Settings {
        Settings {
            per_program: 40,
            seed: 0,
            work,
            cc: crate::cc_from_env(),
            run_timeout: Duration::from_secs(5),
            build_timeout: Duration::from_secs(120),
        }
    }
}

/// An accepted mutant that changes behaviour: a soundness bug of the checker.
#[derive(Clone, Debug)]
pub struct Finding {
    /// The mutant.
    pub mutant: Mutant,
    /// How the behaviour differs (first differing stdout line, exit statuses).
    pub diff: String,
}

/// The outcome for one program.
#[derive(Clone, Debug, Default)]
pub struct ProgramReport {
    /// Program name.
    pub name: String,
    /// Functions proven on the original crate.
    pub proven: Vec<String>,
    /// Functions the checker reported on.
    pub functions: usize,
    /// Mutants inside proven functions (before sampling).
    pub candidates: usize,
    /// Mutants checked.
    pub tried: usize,
    /// Rejected mutants by verdict kind.
    pub rejected: BTreeMap<String, usize>,
    /// Accepted, and the build behaves the same on the program's run.
    pub accepted_equivalent: Vec<Mutant>,
    /// Accepted, but the mutated crate does not compile (with the first compiler error).
    pub accepted_uncompilable: Vec<(Mutant, String)>,
    /// Accepted and behaviour differs: must be empty.
    pub accepted_changing: Vec<Finding>,
    /// Problems that stopped or limited the run (translation failed, original build failed).
    pub errors: Vec<String>,
    /// Wall time.
    pub elapsed: Duration,
}

impl ProgramReport {
    /// Mutants the checker accepted.
    pub fn accepted(&self) -> usize {
        self.accepted_equivalent.len()
            + self.accepted_uncompilable.len()
            + self.accepted_changing.len()
    }
    /// Mutants the checker rejected.
    pub fn rejected_total(&self) -> usize {
        self.rejected.values().sum()
    }
}

/// Translates the C project `input` in-process (frontend and emitter, as the driver does) and
/// keeps what the checker needs.
pub fn prepare(name: &str, input: &Path, cc: &str) -> Result<Subject, String> {
    let (root, files) = if input.is_dir() {
        let d = xl_frontend_c::discover(input);
        (input.to_path_buf(), d)
    } else {
        let root = input
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let mut d = xl_frontend_c::discover(&root);
        d.files = vec![input.to_path_buf()];
        (root, d)
    };
    if files.files.is_empty() {
        return Err(format!("no C files under {}", input.display()));
    }
    let opts = xl_frontend_c::Options {
        cc: cc.to_string(),
        include_dirs: files.include_dirs.clone(),
        defines: files.defines.clone(),
    };
    let lowered = catch(|| xl_frontend_c::lower_files(&root, &files.files, &opts))
        .map_err(|m| format!("the C frontend panicked: {m}"))?;
    if let Some(d) = lowered.diagnostics.iter().find(|d| d.is_error()) {
        return Err(format!("C frontend error: {d}"));
    }
    let emitted = catch(|| {
        xl_emit::emit_crate(
            &lowered.module,
            &xl_emit::EmitOptions {
                crate_name: name.to_string(),
            },
        )
    })
    .map_err(|m| format!("the emitter panicked: {m}"))?;
    if emitted.files.is_empty() {
        return Err("the emitter wrote no files".to_string());
    }
    Ok(Subject {
        name: name.to_string(),
        module: lowered.module,
        names: emitted.names,
        files: emitted.files,
    })
}

/// Runs `f`, turning a panic into its message.
fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|p| harness::panic_text(&*p))
}

/// The crate root the generator mutates.
fn main_file(files: &[(String, String)]) -> Option<usize> {
    ["src/main.rs", "src/lib.rs"]
        .iter()
        .find_map(|want| files.iter().position(|(p, _)| p == want))
}

/// Checks, with a panic of the checker turned into a rejection of everything.
fn run_checker(
    check: &CheckFn,
    s: &Subject,
    files: &[(String, String)],
) -> Result<BTreeMap<String, FnVerdict>, String> {
    catch(|| check(s, files))
}

/// Builds and runs a package directory with the crate `files`; `Err` when it does not compile.
fn build_and_run(
    dir: &Path,
    files: &[(String, String)],
    settings: &Settings,
) -> Result<proc::Captured, String> {
    let _ = std::fs::remove_dir_all(dir);
    for (rel, text) in files {
        let p = dir.join(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&p, text).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let bin = rustc_build(dir, settings.build_timeout)?;
    proc::run(Command::new(&bin), settings.run_timeout)
}

/// `rustc --edition 2021 -O --cap-lints allow src/main.rs`: like the corpus harness's rustc
/// build, but deny-by-default lints (`unconditional_panic`, `arithmetic_overflow`,
/// `overflowing_literals`) are capped, so a mutant that always panics or overflows still
/// builds and its behaviour is compared instead of being filed as not compiling.
fn rustc_build(dir: &Path, limit: Duration) -> Result<PathBuf, String> {
    let main = dir.join("src/main.rs");
    let out = dir.join("bin");
    let mut cmd = Command::new("rustc");
    cmd.args([
        "--edition",
        "2021",
        "-O",
        "--crate-type",
        "bin",
        "--cap-lints",
        "allow",
    ])
    .arg(&main)
    .arg("-o")
    .arg(&out);
    let r = proc::run(cmd, limit)?;
    match r.exit {
        proc::Exit::Code(0) => Ok(out),
        proc::Exit::Timeout => Err(format!("rustc ran longer than {limit:?}")),
        _ => Err(harness::first_compiler_error(&r.stderr_text())),
    }
}

/// How two runs differ, or `None` when stdout and the exit status are equal.
pub fn behaviour_difference(orig: &proc::Captured, got: &proc::Captured) -> Option<String> {
    let out = harness::first_difference(&orig.stdout, &got.stdout);
    let exit = (orig.exit != got.exit).then(|| format!("expected {}, got {}", orig.exit, got.exit));
    match (out, exit) {
        (None, None) => None,
        (Some(o), None) => Some(format!("stdout {o}")),
        (None, Some(e)) => Some(format!("exit: {e}")),
        (Some(o), Some(e)) => Some(format!("stdout {o}; exit: {e}")),
    }
}

/// The mutation test of one translated program with the checker `check`.
pub fn mutate_program(subject: &Subject, settings: &Settings, check: &CheckFn) -> ProgramReport {
    let started = Instant::now();
    let mut r = ProgramReport {
        name: subject.name.clone(),
        ..ProgramReport::default()
    };
    let finish = |mut r: ProgramReport| {
        r.elapsed = started.elapsed();
        r
    };
    let Some(main_ix) = main_file(&subject.files) else {
        r.errors
            .push("the crate has no src/main.rs or src/lib.rs".into());
        return finish(r);
    };
    let original = match run_checker(check, subject, &subject.files) {
        Ok(v) => v,
        Err(m) => {
            r.errors
                .push(format!("the checker panicked on the original: {m}"));
            return finish(r);
        }
    };
    r.functions = original.len();
    r.proven = original
        .iter()
        .filter(|(_, v)| **v == FnVerdict::Proven)
        .map(|(n, _)| n.clone())
        .collect();
    let main_src = &subject.files[main_ix].1;
    let candidates: Vec<Mutant> = generate(main_src)
        .into_iter()
        .filter(|m| r.proven.contains(&m.func))
        .collect();
    r.candidates = candidates.len();
    let chosen = sample(
        candidates,
        settings.per_program,
        settings.seed,
        &subject.name,
    );
    let dir = settings.work.join(&subject.name);
    // The unmutated build's behaviour, built only when a first mutant is accepted.
    let mut reference: Option<Result<proc::Captured, String>> = None;
    for m in chosen {
        r.tried += 1;
        let mut files = subject.files.clone();
        files[main_ix].1 = m.apply(main_src);
        let verdict = match run_checker(check, subject, &files) {
            Ok(v) => v
                .get(&m.func)
                .cloned()
                .unwrap_or_else(|| FnVerdict::Rejected("not reported".into())),
            Err(_) => FnVerdict::Rejected("checker panic".into()),
        };
        if let FnVerdict::Rejected(kind) = verdict {
            *r.rejected.entry(kind).or_default() += 1;
            continue;
        }
        let orig = reference
            .get_or_insert_with(|| build_and_run(&dir.join("original"), &subject.files, settings));
        let orig = match orig {
            Ok(o) => o,
            Err(e) => {
                let msg = format!("the unmutated crate does not build: {e}");
                if !r.errors.contains(&msg) {
                    r.errors.push(msg);
                }
                r.accepted_uncompilable
                    .push((m, "original does not build".into()));
                continue;
            }
        };
        match build_and_run(&dir.join("mutant"), &files, settings) {
            Err(e) => r.accepted_uncompilable.push((m, e)),
            Ok(got) => match behaviour_difference(orig, &got) {
                None => r.accepted_equivalent.push(m),
                Some(diff) => r.accepted_changing.push(Finding { mutant: m, diff }),
            },
        }
    }
    finish(r)
}

/// Translates and mutation-tests one corpus program; a translation failure is a report error.
pub fn run_program(
    name: &str,
    input: &Path,
    settings: &Settings,
    check: &CheckFn,
) -> ProgramReport {
    let started = Instant::now();
    match prepare(name, input, &settings.cc) {
        Ok(s) => {
            let mut r = mutate_program(&s, settings, check);
            r.elapsed = started.elapsed();
            r
        }
        Err(e) => ProgramReport {
            name: name.to_string(),
            errors: vec![format!("translation failed: {e}")],
            elapsed: started.elapsed(),
            ..ProgramReport::default()
        },
    }
}

/// Counts in words: `refuted 3, unknown 1` (or `-`).
fn render_counts(m: &BTreeMap<String, usize>) -> String {
    if m.is_empty() {
        return "-".to_string();
    }
    m.iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One program's lines: the counts, then each unsound finding, each accepted mutant with the
/// same behaviour (equivalent, or a difference this run does not show), each accepted mutant
/// that does not compile, and each error, indented.
pub fn render_program(r: &ProgramReport) -> String {
    let mut s = format!(
        "{}: proven fns {}/{}, mutants tried {} (of {}); rejected {} ({}); accepted: \
         equivalent {}, not compiling {}, BEHAVIOUR-CHANGING {} [{:.1}s]\n",
        r.name,
        r.proven.len(),
        r.functions,
        r.tried,
        r.candidates,
        r.rejected_total(),
        render_counts(&r.rejected),
        r.accepted_equivalent.len(),
        r.accepted_uncompilable.len(),
        r.accepted_changing.len(),
        r.elapsed.as_secs_f64(),
    );
    for f in &r.accepted_changing {
        let m = &f.mutant;
        s.push_str(&format!(
            "  UNSOUND src/main.rs:{}:{} in fn {}: {} accepted; {}\n",
            m.line,
            m.col,
            m.func,
            m.describe(),
            f.diff
        ));
    }
    for m in &r.accepted_equivalent {
        s.push_str(&format!(
            "  accepted, same behaviour on this run: src/main.rs:{}:{} in fn {}: {}\n",
            m.line,
            m.col,
            m.func,
            m.describe()
        ));
    }
    for (m, e) in &r.accepted_uncompilable {
        s.push_str(&format!(
            "  accepted but does not compile: src/main.rs:{}:{} in fn {}: {}: {}\n",
            m.line,
            m.col,
            m.func,
            m.describe(),
            harness::truncate(e, 160)
        ));
    }
    for e in &r.errors {
        s.push_str(&format!("  error: {}\n", harness::truncate(e, 300)));
    }
    s
}

/// The sums over several programs, as one report named `TOTAL over N programs`.
pub fn totals(reports: &[ProgramReport]) -> ProgramReport {
    let mut t = ProgramReport {
        name: format!("TOTAL over {} programs", reports.len()),
        ..ProgramReport::default()
    };
    for r in reports {
        t.proven.extend(r.proven.iter().cloned());
        t.functions += r.functions;
        t.tried += r.tried;
        t.candidates += r.candidates;
        for (k, n) in &r.rejected {
            *t.rejected.entry(k.clone()).or_default() += n;
        }
        t.accepted_equivalent
            .extend(r.accepted_equivalent.iter().cloned());
        t.accepted_changing
            .extend(r.accepted_changing.iter().cloned());
        t.accepted_uncompilable
            .extend(r.accepted_uncompilable.iter().cloned());
        t.elapsed += r.elapsed;
    }
    t
}

/// The report: [`render_program`] for each program, then the totals line.
pub fn render(reports: &[ProgramReport]) -> String {
    let mut s: String = reports.iter().map(render_program).collect();
    let t = totals(reports);
    s.push_str(render_program(&t).lines().next().unwrap_or(""));
    s.push('\n');
    s
}
