//! Differential test of the printf family against glibc: a generated C program runs every
//! (format x value) pair of several tables through `snprintf` and prints the bytes and the
//! return value; the runtime's `snprintf` must produce the same lines byte for byte.

mod common;

use xl_runtime::{snprintf, Arg};

const INT_FMTS: &[&str] = &[
    "%d", "%i", "%5d", "%-5d|", "%05d", "%+d", "% d", "%+ d", "%.5d", "%.0d", "%8.3d", "%-+8.3d|",
    "%08.3d", "% 05d", "%2d", "%+.3i", "%'d", "%u", "%x", "%X", "%#x", "%#X", "%o", "%#o", "%#.0o",
    "%.0x", "%#10x", "%-#10x|", "%#010x", "%#.6x", "%hd", "%hu", "%hhd", "%hhu", "%hx", "%hhx",
    "%hho", "%c", "%3c", "%-3c|", "%03c", "%b", "%#b", "%B", "%#B", "%010b", "%+u", "% x",
];
const INT_VALS: &[(&str, i64)] = &[
    ("0", 0),
    ("1", 1),
    ("-1", -1),
    ("7", 7),
    ("42", 42),
    ("-42", -42),
    ("65", 65),
    ("127", 127),
    ("128", 128),
    ("200", 200),
    ("255", 255),
    ("256", 256),
    ("-129", -129),
    ("32767", 32767),
    ("-32768", -32768),
    ("65535", 65535),
    ("65536", 65536),
    ("123456789", 123456789),
    ("2147483647", 2147483647),
    ("(-2147483647-1)", -2147483648),
];

const LONG_FMTS: &[&str] = &[
    "%ld", "%li", "%lu", "%lx", "%lX", "%lo", "%lld", "%lli", "%llu", "%llx", "%llo", "%zu", "%zd",
    "%zx", "%jd", "%ju", "%td", "%qd", "%+ld", "%20ld", "%-20lu|", "%.20ld", "%#lx", "%#llo",
    "%020lld", "% ld", "%d", "%hd", "%u", "%x", "%lb", "%#lb",
];
const LONG_VALS: &[(&str, i64)] = &[
    ("0L", 0),
    ("1L", 1),
    ("-1L", -1),
    ("4294967295L", 4294967295),
    ("4294967296L", 4294967296),
    ("-4294967297L", -4294967297),
    ("1234567890123L", 1234567890123),
    ("9223372036854775807L", i64::MAX),
    ("(-9223372036854775807L-1)", i64::MIN),
];

const UNSIGNED_FMTS: &[&str] = &["%u", "%d", "%x", "%o", "%lu", "%hhu", "%10u", "%.12u"];
const UNSIGNED_VALS: &[(&str, u64)] = &[
    ("0u", 0),
    ("1u", 1),
    ("2147483648u", 2147483648),
    ("4294967295u", 4294967295),
];
const ULONG_FMTS: &[&str] = &["%lu", "%ld", "%lx", "%llu", "%zu", "%#lo", "%u"];
const ULONG_VALS: &[(&str, u64)] = &[
    ("0UL", 0),
    ("9223372036854775808UL", 9223372036854775808),
    ("18446744073709551615UL", u64::MAX),
];

const DOUBLE_FMTS: &[&str] = &[
    "%f",
    "%F",
    "%e",
    "%E",
    "%g",
    "%G",
    "%a",
    "%A",
    "%.0f",
    "%.1f",
    "%.2f",
    "%.3f",
    "%.10f",
    "%.17g",
    "%.0e",
    "%.1e",
    "%.3e",
    "%.20e",
    "%#g",
    "%#.0f",
    "%#.0e",
    "%#.3g",
    "%#G",
    "%+f",
    "% f",
    "%+e",
    "%+g",
    "%010.3f",
    "%-12.4e|",
    "%12g",
    "%-12g|",
    "%012g",
    "%.0g",
    "%.1g",
    "%.2g",
    "%#.0g",
    "%#.1g",
    "%.30f",
    "%.60e",
    "%.40g",
    "%.1100f",
    "%10.4a",
    "%.0a",
    "%.1a",
    "%.3a",
    "%.12a",
    "%.13a",
    "%.20a",
    "%#a",
    "%#.0a",
    "%010a",
    "%+a",
    "% A",
    "%5.0f",
    "%.15g",
    "%.16g",
    "%-+012.3f|",
    "%+012.3e",
    "% 012G",
    "%5f",
    "%.3F",
    "%#.5G",
    "%#e",
    "%lf",
];
const DOUBLE_VALS: &[f64] = &[
    0.0,
    -0.0,
    1.0,
    -1.0,
    0.5,
    1.5,
    2.5,
    -2.5,
    3.5,
    0.125,
    0.375,
    0.1,
    0.2,
    1.0 / 3.0,
    2.0 / 3.0,
    1e-5,
    1e-4,
    0.0001234,
    0.000099999,
    0.045,
    0.05,
    0.95,
    2.675,
    9.5,
    std::f64::consts::PI,
    9.9999995,
    99999.95,
    999999.5,
    100000.0,
    1000000.0,
    123456789.0,
    1e15,
    1e16,
    1e17,
    1e21,
    4503599627370497.0,
    1.0000000000000002,
    1e300,
    -1e300,
    1e-300,
    5e-324,
    2.2250738585072014e-308,
    2.225073858507201e-308,
    1.7976931348623157e308,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    -f64::NAN,
    1.999999999999999,
    0.9999999999999999,
    0.00009999999,
    0.000099999999999,
    9.99999999e22,
    99999999.5,
    9999999.0,
    0.99999999,
];

const STR_FMTS: &[&str] = &[
    "%s", "%10s|", "%-10s|", "%.3s|", "%10.3s|", "%-10.3s|", "%.0s|", "%.20s|", "%05s|", "%-05s|",
    "%1s|",
];
const STR_VALS: &[&str] = &["", "a", "hello", "hello, world!", "tab\there", "\u{7f}del"];

const PTR_FMTS: &[&str] = &[
    "%p", "%20p|", "%-20p|", "%+p", "% p", "%.10p", "%#p", "%020p", "%.3p", "%10.8p", "%.0p",
    "%-3p|", "%3p|",
];
const PTR_VALS: &[(&str, usize)] = &[
    ("0", 0),
    ("1", 1),
    ("0x1234", 0x1234),
    ("0xdeadbeef", 0xdeadbeef),
    ("0x7fffffffffff", 0x7fffffffffff),
    ("0xffffffffffffffff", usize::MAX),
];

/// A hand-written case: format, C argument expressions, runtime arguments.
struct Custom {
    fmt: &'static str,
    c_args: &'static [&'static str],
    args: Vec<Arg<'static>>,
}

fn customs() -> Vec<Custom> {
    use Arg::{F, I, P, S, U};
    let c = |fmt, c_args, args| Custom { fmt, c_args, args };
    vec![
        c("%*d|", &["5", "42"], vec![I(5), I(42)]),
        c("%*d|", &["-5", "42"], vec![I(-5), I(42)]),
        c("%-*d|", &["5", "42"], vec![I(5), I(42)]),
        c("%0*d|", &["6", "-42"], vec![I(6), I(-42)]),
        c("%.*d|", &["0", "0"], vec![I(0), I(0)]),
        c("%.*d|", &["-3", "7"], vec![I(-3), I(7)]),
        c("%.*f|", &["3", "2.46802"], vec![I(3), F(2.46802)]),
        c("%.*f|", &["-1", "2.46802"], vec![I(-1), F(2.46802)]),
        c(
            "%*.*f|",
            &["10", "2", "2.46802"],
            vec![I(10), I(2), F(2.46802)],
        ),
        c(
            "%*.*s|",
            &["8", "2", "\"hello\""],
            vec![I(8), I(2), S(b"hello")],
        ),
        c(
            "%-*.*e|",
            &["14", "3", "-0.000123"],
            vec![I(14), I(3), F(-0.000123)],
        ),
        c(
            "a=%d b=%s c=%5.2f%% d=%c",
            &["-7", "\"xy\"", "2.345", "'q'"],
            vec![I(-7), S(b"xy"), F(2.345), I(113)],
        ),
        c("%%|%5%|%-5%|", &[], vec![]),
        c("100%% sure", &[], vec![]),
        c("%y|%-5y|%-05.3y|%+ #05y|%'I10.2y|%hhy|", &[], vec![]),
        c("%2$s %1$s", &["\"a\"", "\"b\""], vec![S(b"a"), S(b"b")]),
        c("%1$d %1$x %2$5.1f", &["255", "2.25"], vec![I(255), F(2.25)]),
        c("%1$*2$d|", &["42", "6"], vec![I(42), I(6)]),
        c("%s|%.3s|%10s|%-8s|%.6s|", &["(char*)0"; 5], vec![P(0); 5]),
        c(
            "%c|%c|%c|%c",
            &["0", "255", "256", "-1"],
            vec![I(0), I(255), I(256), I(-1)],
        ),
        c("abc%", &[], vec![]),
        c("x%ld%", &["5L"], vec![I(5)]),
        c("%5", &[], vec![]),
        c("%n|%d", &["&nn", "3"], vec![P(0), I(3)]),
        c(
            "%lu %ld",
            &["4294967296UL", "-1L"],
            vec![U(4294967296), I(-1)],
        ),
        c("%s", &["\"embedded\\0nul\""], vec![S(b"embedded\0nul")]),
        c("%s|", &["\"\""], vec![S(b"")]),
        c(
            "%.3d|%.3x|%.3o",
            &["-5", "255", "8"],
            vec![I(-5), I(255), I(8)],
        ),
        c(
            "%zu %zd",
            &["(size_t)123", "(long)-123"],
            vec![U(123), I(-123)],
        ),
        c("%hhd %hd", &["-1000", "100000"], vec![I(-1000), I(100000)]),
        c("no conversions at all", &[], vec![]),
        c(
            "%08.3f|%-08.3f|%+08.3f",
            &["-1.5", "1.5", "1.5"],
            vec![F(-1.5), F(1.5), F(1.5)],
        ),
        c("%e|%g", &["1e100", "1e-100"], vec![F(1e100), F(1e-100)]),
        c(
            "%g %g %g %g",
            &["1e-4", "1e-5", "123456.0", "1234567.0"],
            vec![F(1e-4), F(1e-5), F(123456.0), F(1234567.0)],
        ),
    ]
}

fn c_string_literal(s: &str) -> String {
    let mut out = String::from("\"");
    for b in s.bytes() {
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push('"');
    out
}

fn c_list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(", ")
}

/// Emits a C loop over formats x values of one C type.
fn c_loop(src: &mut String, name: &str, ctype: &str, fmts: &[&str], vals: &str, n_vals: usize) {
    src.push_str(&format!(
        "  {{ static const char *f[] = {{{}}};\n    static const {ctype} v[] = {{{vals}}};\n    \
         for (int i = 0; i < {}; i++) for (int j = 0; j < {n_vals}; j++) \
         emit(snprintf(buf, sizeof buf, f[i], v[j])); }} /* {name} */\n",
        c_list(fmts, |f| c_string_literal(f)),
        fmts.len(),
    ));
}

#[test]
fn printf_family_matches_glibc() {
    let mut src = String::from(
        "#include <stdio.h>\n#include <string.h>\n#include <stddef.h>\n\
         static char buf[65536]; static int nn;\n\
         static void emit(int n) { if (n >= 0) fwrite(buf, 1, n, stdout); \
         else fputs(buf, stdout); printf(\"|%d\\n\", n); }\n\
         int main(void) {\n",
    );
    let mut labels = Vec::new();
    let mut rust_out = Vec::new();
    let mut buf = vec![0u8; 65536];
    let mut emit = |fmt: &str, args: &[Arg], label: String| {
        let n = snprintf(&mut buf, 65536, fmt.as_bytes(), args);
        let len = if n >= 0 {
            n as usize
        } else {
            buf.iter().position(|&b| b == 0).unwrap()
        };
        rust_out.extend_from_slice(&buf[..len]);
        rust_out.extend_from_slice(format!("|{n}\n").as_bytes());
        labels.push(label);
    };

    let int_vals = c_list(INT_VALS, |v| v.0.to_string());
    c_loop(&mut src, "int", "int", INT_FMTS, &int_vals, INT_VALS.len());
    for f in INT_FMTS {
        for (c, v) in INT_VALS {
            emit(f, &[Arg::I(*v)], format!("{f:?} int {c}"));
        }
    }
    let long_vals = c_list(LONG_VALS, |v| v.0.to_string());
    c_loop(
        &mut src,
        "long",
        "long",
        LONG_FMTS,
        &long_vals,
        LONG_VALS.len(),
    );
    for f in LONG_FMTS {
        for (c, v) in LONG_VALS {
            emit(f, &[Arg::I(*v)], format!("{f:?} long {c}"));
        }
    }
    let u_vals = c_list(UNSIGNED_VALS, |v| v.0.to_string());
    c_loop(
        &mut src,
        "unsigned",
        "unsigned",
        UNSIGNED_FMTS,
        &u_vals,
        UNSIGNED_VALS.len(),
    );
    for f in UNSIGNED_FMTS {
        for (c, v) in UNSIGNED_VALS {
            emit(f, &[Arg::U(*v)], format!("{f:?} unsigned {c}"));
        }
    }
    let ul_vals = c_list(ULONG_VALS, |v| v.0.to_string());
    c_loop(
        &mut src,
        "ulong",
        "unsigned long",
        ULONG_FMTS,
        &ul_vals,
        ULONG_VALS.len(),
    );
    for f in ULONG_FMTS {
        for (c, v) in ULONG_VALS {
            emit(f, &[Arg::U(*v)], format!("{f:?} ulong {c}"));
        }
    }
    // Doubles travel as bit patterns so the C side gets exactly the same values.
    let d_vals = c_list(DOUBLE_VALS, |v| format!("0x{:016x}ULL", v.to_bits()));
    src.push_str(&format!(
        "  {{ static const char *f[] = {{{}}};\n    static const unsigned long long v[] = {{{d_vals}}};\n    \
         for (int i = 0; i < {}; i++) for (int j = 0; j < {}; j++) {{ double x; \
         memcpy(&x, &v[j], 8); emit(snprintf(buf, sizeof buf, f[i], x)); }} }}\n",
        c_list(DOUBLE_FMTS, |f| c_string_literal(f)),
        DOUBLE_FMTS.len(),
        DOUBLE_VALS.len(),
    ));
    for f in DOUBLE_FMTS {
        for v in DOUBLE_VALS {
            emit(f, &[Arg::F(*v)], format!("{f:?} double {v:e}"));
        }
    }
    let s_vals = c_list(STR_VALS, |s| c_string_literal(s));
    c_loop(&mut src, "str", "char *", STR_FMTS, &s_vals, STR_VALS.len());
    for f in STR_FMTS {
        for s in STR_VALS {
            emit(f, &[Arg::S(s.as_bytes())], format!("{f:?} str {s:?}"));
        }
    }
    let p_vals = c_list(PTR_VALS, |p| format!("(void *){}", p.0));
    c_loop(&mut src, "ptr", "void *", PTR_FMTS, &p_vals, PTR_VALS.len());
    for f in PTR_FMTS {
        for (c, p) in PTR_VALS {
            emit(f, &[Arg::P(*p)], format!("{f:?} ptr {c}"));
        }
    }
    for case in customs() {
        let mut call = format!(
            "  emit(snprintf(buf, sizeof buf, {}",
            c_string_literal(case.fmt)
        );
        for a in case.c_args {
            call.push_str(", ");
            call.push_str(a);
        }
        call.push_str("));\n");
        src.push_str(&call);
        emit(case.fmt, &case.args, format!("custom {:?}", case.fmt));
    }
    src.push_str("  return 0;\n}\n");

    let c_out = common::run_c("printf", &src);
    assert!(
        labels.len() > 3000,
        "table unexpectedly small: {}",
        labels.len()
    );
    common::compare_lines(&c_out, &rust_out, &labels);
}
