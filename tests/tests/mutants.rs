//! The checker's mutation test (issue 3) on a fast representative subset, and the self-tests
//! that make its zero meaningful:
//! - the generator produces mutants at the expected places, each differing from the original
//!   in exactly one token;
//! - with a fake checker that accepts everything, the acceptance loop DOES report
//!   behaviour-changing accepted mutants (and equivalent ones as equivalent); with a fake
//!   checker that rejects every mutant, nothing is accepted;
//! - with the real checker, no behaviour-changing mutant of a few small corpus programs is
//!   accepted. The full sweep is `cargo xtask mutants`.

use std::collections::BTreeMap;
use std::path::PathBuf;
use xl_e2e::mutants::{self, FnVerdict, MutKind, Settings, Subject};

/// A crate root with the constructs the generator must tell apart.
const SRC: &str = r#"#![forbid(unsafe_code)]
mod rt;
static TABLE: [i32; 3] = [1, 2, 3];
fn f(a: i32, b: &mut [u8]) -> i32 {
    let mut x: [u32; 4] = [0; 4];
    let s = b"a+b";
    // 1 + 2 in a comment
    if a < 3 && b.len() >= 2 {
        x[1] = (a as u32).wrapping_add(7u32);
    }
    match a {
        1 | 2 => return -1,
        _ => {}
    }
    let g = |y: i32| y;
    'l1: loop {
        if a == 0 {
            break;
        }
        continue 'l1;
    }
    a * 2
}
fn main() {
    let c = f(1, &mut [0u8; 2]);
    rt::exit(c);
}
"#;

fn texts(src: &str) -> Vec<String> {
    mutants::lex(src)
        .iter()
        .map(|t| src[t.start..t.end].to_string())
        .collect()
}

#[test]
fn generator_mutates_the_expected_tokens_only() {
    let ms = mutants::generate(SRC);
    let got: Vec<String> = ms
        .iter()
        .map(|m| format!("{} {}:{} {}", m.func, m.line, m.col, m.describe()))
        .collect();
    let want = [
        "f 5:28 `0` -> `1`",
        "f 8:10 `<` -> `<=`",
        "f 8:12 `3` -> `2`",
        "f 8:12 `3` -> `4`",
        "f 8:14 `&&` -> `||`",
        "f 8:25 `>=` -> `>`",
        "f 8:28 `2` -> `1`",
        "f 8:28 `2` -> `3`",
        "f 9:11 `1` -> `0`",
        "f 9:11 `1` -> `2`",
        "f 9:27 `wrapping_add` -> `wrapping_sub`",
        "f 9:40 `7u32` -> `6u32`",
        "f 9:40 `7u32` -> `8u32`",
        "f 12:9 `1` -> `0`",
        "f 12:9 `1` -> `2`",
        "f 12:13 `2` -> `1`",
        "f 12:13 `2` -> `3`",
        "f 12:26 `1` -> `0`",
        "f 12:26 `1` -> `2`",
        "f 17:14 `==` -> `!=`",
        "f 17:17 `0` -> `1`",
        "f 18:13 `break` -> `continue`",
        "f 20:9 `continue` -> `break`",
        "f 22:7 `*` -> `+`",
        "f 22:9 `2` -> `1`",
        "f 22:9 `2` -> `3`",
        "main 25:15 `1` -> `0`",
        "main 25:15 `1` -> `2`",
        "main 25:24 `0u8` -> `1u8`",
    ];
    assert_eq!(got, want, "mutants:\n{}", got.join("\n"));
    let kinds: Vec<MutKind> = ms.iter().map(|m| m.kind).collect();
    for k in [
        MutKind::Arith,
        MutKind::Compare,
        MutKind::Logic,
        MutKind::Constant,
        MutKind::Wrapping,
        MutKind::Control,
    ] {
        assert!(kinds.contains(&k), "no {k:?} mutant");
    }

    // Each mutant changes exactly one token, and the rest of the file byte for byte.
    assert_single_token_mutants(SRC, &ms);
}

#[test]
fn generator_more_operators_and_literals() {
    let src = "fn g(mut a: u64, b: u64) -> u64 {\n    a ^= b << 0x1f;\n    a = a % b / 2 - 1 + \
               (a >> 3 | b & 1) ^ 5usize;\n    a *= 1.5e-3 as u64;\n    let t = true || false;\n    \
               a\n}\n";
    let got: Vec<String> = mutants::generate(src)
        .iter()
        .map(|m| m.describe())
        .collect();
    let want = [
        "`^=` -> `|=`",
        "`<<` -> `>>`",
        "`0x1f` -> `0x1e`",
        "`0x1f` -> `0x20`",
        "`%` -> `/`",
        "`/` -> `%`",
        "`2` -> `1`",
        "`2` -> `3`",
        "`-` -> `+`",
        "`1` -> `0`",
        "`1` -> `2`",
        "`+` -> `-`",
        "`>>` -> `<<`",
        "`3` -> `2`",
        "`3` -> `4`",
        "`|` -> `&`",
        "`&` -> `|`",
        "`1` -> `0`",
        "`1` -> `2`",
        "`^` -> `|`",
        "`5usize` -> `4usize`",
        "`5usize` -> `6usize`",
        "`*=` -> `+=`",
        "`true` -> `false`",
        "`||` -> `&&`",
        "`false` -> `true`",
    ];
    assert_eq!(got, want, "mutants:\n{}", got.join("\n"));
}

#[test]
fn sampling_is_deterministic_and_capped() {
    let all = mutants::generate(SRC);
    let a = mutants::sample(all.clone(), 7, 42, "p");
    let b = mutants::sample(all.clone(), 7, 42, "p");
    assert_eq!(a, b);
    assert_eq!(a.len(), 7);
    assert!(a
        .windows(2)
        .all(|w| (w[0].start, &w[0].to) <= (w[1].start, &w[1].to)));
    assert_ne!(a, mutants::sample(all.clone(), 7, 43, "p"));
    assert_eq!(mutants::sample(all.clone(), 100, 1, "p"), all);
}

/// A tiny program: `add` has behaviour-changing mutants; `clamp` is only called below its
/// threshold, so mutants of its comparison and constants are equivalent on this run.
const TINY: &str = r#"#include <stdio.h>
static int add(int a, int b) { return a + b; }
static int clamp(int x) { if (x > 100) return 100; return x; }
int main(void) { printf("%d %d\n", add(2, 3), clamp(7)); return 0; }
"#;

fn tiny_subject(tag: &str) -> (Subject, Settings) {
    let base = xl_e2e::workspace_target().join(format!("mutants-selftest-{tag}"));
    let src = base.join("tiny");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("tiny.c"), TINY).unwrap();
    let subject = mutants::prepare("tiny", &src, &xl_e2e::cc_from_env()).unwrap();
    let mut settings = Settings::new(base.join("work"));
    settings.per_program = 1000;
    (subject, settings)
}

#[test]
fn acceptance_loop_detects_accepted_behaviour_changes() {
    let (subject, settings) = tiny_subject("accept");
    let r = mutants::mutate_program(&subject, &settings, &mutants::accept_all);
    let table = mutants::render(std::slice::from_ref(&r));
    eprintln!("{table}");
    assert!(r.errors.is_empty(), "{table}");
    assert!(r.proven.contains(&"add".to_string()), "{table}");
    assert_eq!(r.tried, r.candidates, "{table}");
    assert_eq!(r.rejected_total(), 0, "{table}");
    assert_eq!(r.accepted(), r.tried, "{table}");
    // `a + b` (however it is emitted) turned into a subtraction prints -1 instead of 5.
    let changing: Vec<&mutants::Finding> = r
        .accepted_changing
        .iter()
        .filter(|f| f.mutant.func == "add")
        .collect();
    assert!(!changing.is_empty(), "{table}");
    assert!(
        changing.iter().any(|f| f.diff.contains("\"5 7\"")),
        "{table}"
    );
    assert!(table.contains("UNSOUND src/main.rs:"), "{table}");
    // Mutants of clamp's threshold do not change this run.
    assert!(
        r.accepted_equivalent.iter().any(|m| m.func == "clamp"),
        "{table}"
    );
}

#[test]
fn acceptance_loop_counts_rejections() {
    let (subject, settings) = tiny_subject("reject");
    // Proves the original crate and rejects any change.
    let strict = |s: &Subject, files: &[(String, String)]| -> BTreeMap<String, FnVerdict> {
        let v = if files == s.files.as_slice() {
            FnVerdict::Proven
        } else {
            FnVerdict::Rejected("refuted".into())
        };
        s.names
            .funcs
            .iter()
            .map(|(_, n)| (n.clone(), v.clone()))
            .collect()
    };
    let r = mutants::mutate_program(&subject, &settings, &strict);
    let table = mutants::render(std::slice::from_ref(&r));
    assert!(r.tried > 0, "{table}");
    assert_eq!(r.rejected.get("refuted"), Some(&r.tried), "{table}");
    assert_eq!(r.accepted(), 0, "{table}");
}

/// Asserts that every mutant of `src` differs from it in exactly one token, byte for byte
/// elsewhere.
fn assert_single_token_mutants(src: &str, ms: &[mutants::Mutant]) {
    let orig = texts(src);
    for m in ms {
        let mutated = m.apply(src);
        assert_eq!(&mutated[..m.start], &src[..m.start]);
        assert_eq!(&mutated[m.start + m.to.len()..], &src[m.end..]);
        let toks = texts(&mutated);
        assert_eq!(toks.len(), orig.len(), "token count changed by {m:?}");
        let diffs: Vec<usize> = (0..toks.len()).filter(|i| toks[*i] != orig[*i]).collect();
        assert_eq!(diffs.len(), 1, "{m:?} changed tokens {diffs:?}");
        assert_eq!(toks[diffs[0]], m.to);
    }
}

/// The real checker on a few small corpus programs: no behaviour-changing mutant accepted.
/// (Also: the generator finds mutants in every function of their emitted crates, each a
/// single-token change.)
#[test]
fn checker_accepts_no_behaviour_changing_mutant() {
    let root = xl_e2e::workspace_root();
    let work = xl_e2e::workspace_target().join("mutants-test");
    let mut settings = Settings::new(work);
    settings.per_program = 10;
    let check = mutants::verify_checker(mutants::checker_options(500));
    let programs = ["algo_gcd", "int_divmod", "bits_ops", "expr_shortcircuit"];
    let filter = xl_e2e::filter_from_env();
    let mut reports = Vec::new();
    for p in programs.iter().filter(|p| {
        filter
            .as_deref()
            .is_none_or(|f| f.split(',').any(|part| p.contains(part.trim())))
    }) {
        let dir: PathBuf = root.join("corpora/c").join(p);
        let subject = mutants::prepare(p, &dir, &settings.cc).unwrap();
        let (_, main) = subject
            .files
            .iter()
            .find(|(path, _)| path == "src/main.rs")
            .unwrap();
        let ms = mutants::generate(main);
        assert_single_token_mutants(main, &ms);
        for (_, name) in &subject.names.funcs {
            assert!(
                ms.iter().any(|m| &m.func == name),
                "{p}: no mutant in fn {name}"
            );
        }
        reports.push(mutants::mutate_program(&subject, &settings, &check));
    }
    let table = mutants::render(&reports);
    eprintln!("{table}");
    for r in &reports {
        assert!(r.errors.is_empty(), "{table}");
        assert!(r.functions > 0, "{table}");
    }
    if reports.iter().all(|r| r.proven.is_empty()) {
        eprintln!("note: the checker proved no function, so no mutant was tried");
    }
    let bad: usize = reports.iter().map(|r| r.accepted_changing.len()).sum();
    assert_eq!(bad, 0, "behaviour-changing mutants were proven:\n{table}");
}
