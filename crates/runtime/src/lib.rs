//! Safe C runtime for translated programs. THIS FILE IS COPIED VERBATIM into every emitted
//! crate as `src/rt.rs` (the emitter does `include_str!("../../runtime/src/lib.rs")`).
//!
//! Invariants that keep the copy working: one self-contained file, `std` only, no `crate::`
//! paths, no `unsafe`, inner attributes valid both at a crate root and in a module, and
//! `dead_code` allowed so an emitted crate that calls only a few functions gets no warnings.
//! Tests live in `crates/runtime/tests/` (differential tests against the system C library).
//!
//! Conventions:
//! - A C string is a byte slice; its content ends at the first NUL or at the slice end.
//! - C undefined behaviour (buffer overflow, out-of-range index) panics deterministically.
//! - Behaviour follows glibc 2.36 on x86-64 (LP64), "C" locale: the printf family is
//!   byte-for-byte identical, `rand` reproduces glibc's `random_r` TYPE_3 generator, ctype
//!   predicates return glibc's table masks (nonzero is all C guarantees), `strcmp`/`memcmp`
//!   return the difference of the first differing bytes (as glibc's x86-64 code does).
//! - stdout is buffered in memory per thread and written out by [`flush`], [`exit`], when
//!   4096 bytes are pending, at each newline when stdout is a terminal (glibc line
//!   buffering), and best-effort when the thread's storage is destroyed. stderr is unbuffered.
//!   Emitted `main` functions should end with [`exit`] or [`flush`].
//!
//! Not supported: `%n` (consumes its argument, writes nothing), `%m`, `%lc`/`%ls` wide
//! conversions (treated as `%c`/`%s`), `%C`/`%S` (printed literally), `long double`
//! (`%Lf` formats the f64 it is given), locales other than "C".
#![allow(dead_code)]
#![forbid(unsafe_code)]

use std::cell::{Cell, RefCell};
use std::io::{IsTerminal, Read, Write};

// ---------------------------------------------------------------------------------------------
// Arguments and streams
// ---------------------------------------------------------------------------------------------

/// A printf argument after C's default promotions: signed integers (and `char`, `short`,
/// `unsigned char`, `unsigned short`, which promote to `int`) are `I`, `unsigned int`,
/// `unsigned long` and `size_t` are `U`, `float`/`double` are `F`, `char *` is `S` (content up
/// to its NUL), other pointers are `P` (their address; 0 is NULL).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Arg<'a> {
    I(i64),
    U(u64),
    F(f64),
    S(&'a [u8]),
    P(usize),
}

macro_rules! arg_from {
    ($($t:ty => $v:ident as $c:ty),* $(,)?) => {$(
        impl<'a> From<$t> for Arg<'a> {
            fn from(x: $t) -> Self {
                Arg::$v(x as $c)
            }
        }
    )*};
}
arg_from!(i8 => I as i64, i16 => I as i64, i32 => I as i64, i64 => I as i64, isize => I as i64,
    u8 => I as i64, u16 => I as i64, u32 => U as u64, u64 => U as u64, usize => U as u64,
    f32 => F as f64, f64 => F as f64);

impl<'a> From<&'a [u8]> for Arg<'a> {
    fn from(s: &'a [u8]) -> Self {
        Arg::S(s)
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::S(s.as_bytes())
    }
}

/// Output streams.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

// ---------------------------------------------------------------------------------------------
// stdio
// ---------------------------------------------------------------------------------------------

/// Pending stdout bytes; `line` is decided on first use (stdout is a terminal).
struct OutBuf {
    buf: Vec<u8>,
    line: Option<bool>,
}

impl OutBuf {
    fn write_out(&mut self) {
        if !self.buf.is_empty() {
            let mut so = std::io::stdout().lock();
            let _ = so.write_all(&self.buf);
            let _ = so.flush();
            self.buf.clear();
        }
    }
}

impl Drop for OutBuf {
    fn drop(&mut self) {
        self.write_out();
    }
}

thread_local! {
    static STDOUT: RefCell<OutBuf> = const { RefCell::new(OutBuf { buf: Vec::new(), line: None }) };
    static RAND: RefCell<RandState> = RefCell::new(RandState::seeded(1));
    static ERRNO: Cell<i32> = const { Cell::new(0) };
}

const STDOUT_BUFSIZ: usize = 4096;

/// Appends bytes to the buffered stdout.
pub fn write_stdout(bytes: &[u8]) {
    STDOUT.with(|o| {
        let mut o = o.borrow_mut();
        let line = *o
            .line
            .get_or_insert_with(|| std::io::stdout().is_terminal());
        o.buf.extend_from_slice(bytes);
        if o.buf.len() >= STDOUT_BUFSIZ || (line && bytes.contains(&b'\n')) {
            o.write_out();
        }
    });
}

/// Writes pending stdout bytes (C `fflush(stdout)`).
pub fn flush() {
    STDOUT.with(|o| o.borrow_mut().write_out());
}

/// C `fflush`: flushes stdout; stderr is unbuffered. Returns 0.
pub fn fflush(stream: Stream) -> i32 {
    if stream == Stream::Stdout {
        flush();
    }
    0
}

/// Writes bytes to a stream (stdout buffered, stderr direct).
pub fn write_stream(stream: Stream, bytes: &[u8]) {
    match stream {
        Stream::Stdout => write_stdout(bytes),
        Stream::Stderr => {
            let _ = std::io::stderr().lock().write_all(bytes);
        }
    }
}

/// C `exit`: flushes stdout, then ends the process.
pub fn exit(code: i32) -> ! {
    flush();
    std::process::exit(code)
}

/// C `abort`: ends the process abnormally without flushing stdout (as glibc >= 2.27).
pub fn abort() -> ! {
    std::process::abort()
}

fn clamp_i32(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// C `printf`; returns the number of bytes written, or -1 (after writing what came before,
/// as glibc) for a format ending inside a conversion or a width/precision over `INT_MAX`.
pub fn printf(fmt: &[u8], args: &[Arg]) -> i32 {
    fprintf(Stream::Stdout, fmt, args)
}

/// C `fprintf`.
pub fn fprintf(stream: Stream, fmt: &[u8], args: &[Arg]) -> i32 {
    let mut out = Vec::new();
    let ok = format_into(&mut out, fmt, args);
    write_stream(stream, &out);
    if ok {
        clamp_i32(out.len())
    } else {
        -1
    }
}

/// C `sprintf`: writes the output and a NUL; panics if `buf` is too small (C UB).
pub fn sprintf(buf: &mut [u8], fmt: &[u8], args: &[Arg]) -> i32 {
    let mut out = Vec::new();
    let ok = format_into(&mut out, fmt, args);
    buf[..out.len()].copy_from_slice(&out);
    buf[out.len()] = 0;
    if ok {
        clamp_i32(out.len())
    } else {
        -1
    }
}

/// C `snprintf`: writes at most `n - 1` bytes and a NUL (nothing when `n == 0`); returns the
/// length the full output has. Panics if what must be written does not fit in `buf` (C UB:
/// `n` larger than the real buffer).
pub fn snprintf(buf: &mut [u8], n: usize, fmt: &[u8], args: &[Arg]) -> i32 {
    let mut out = Vec::new();
    let ok = format_into(&mut out, fmt, args);
    if n > 0 {
        let k = out.len().min(n - 1);
        buf[..k].copy_from_slice(&out[..k]);
        buf[k] = 0;
    }
    if ok {
        clamp_i32(out.len())
    } else {
        -1
    }
}

/// The formatting core: glibc's output for `fmt` (a C string) and `args`.
pub fn format(fmt: &[u8], args: &[Arg]) -> Vec<u8> {
    let mut out = Vec::new();
    format_into(&mut out, fmt, args);
    out
}

/// C `puts`: writes the string and a newline; returns length + 1 (as glibc).
pub fn puts(s: &[u8]) -> i32 {
    let s = cstr(s);
    write_stdout(s);
    write_stdout(b"\n");
    clamp_i32(s.len() + 1)
}

/// C `fputs`; returns 1 (as glibc).
pub fn fputs(s: &[u8], stream: Stream) -> i32 {
    write_stream(stream, cstr(s));
    1
}

/// C `putchar`; returns the byte written as `unsigned char`.
pub fn putchar(c: i32) -> i32 {
    fputc(c, Stream::Stdout)
}

/// C `fputc`/`putc`; returns the byte written as `unsigned char`.
pub fn fputc(c: i32, stream: Stream) -> i32 {
    let b = c as u8;
    write_stream(stream, &[b]);
    i32::from(b)
}

/// C `getchar`: the next stdin byte, or -1 at end of input or on error. Flushes stdout
/// first when stdout is a terminal (glibc flushes line-buffered streams before reading).
pub fn getchar() -> i32 {
    let line = STDOUT.with(|o| o.borrow().line.unwrap_or(false));
    if line {
        flush();
    }
    let mut b = [0u8; 1];
    let mut stdin = std::io::stdin().lock();
    loop {
        match stdin.read(&mut b) {
            Ok(1) => return i32::from(b[0]),
            Ok(_) => return -1,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return -1,
        }
    }
}

/// C `fgets(buf, n, stdin)`: reads up to `n - 1` bytes, stopping after a newline, and adds a
/// NUL. Returns false (C: NULL) if end of input came before any byte.
pub fn fgets(buf: &mut [u8], n: i32) -> bool {
    if n <= 0 {
        return false;
    }
    let max = (n - 1) as usize;
    let mut k = 0;
    while k < max {
        let c = getchar();
        if c < 0 {
            break;
        }
        buf[k] = c as u8;
        k += 1;
        if c == i32::from(b'\n') {
            break;
        }
    }
    if k == 0 && max > 0 {
        return false;
    }
    buf[k] = 0;
    true
}

// ---------------------------------------------------------------------------------------------
// printf formatting
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Len {
    Default,
    Hh,
    H,
    L,
    Ll,
    Z,
    J,
    T,
    BigL,
}

/// One parsed conversion specification.
#[derive(Clone, Copy, Debug)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    group: bool,
    i18n: bool,
    width: usize,
    prec: Option<usize>,
    len: Len,
    conv: u8,
}

/// Sequential and positional (`%n$`) argument access.
struct ArgList<'s, 'a> {
    args: &'s [Arg<'a>],
    next: usize,
}

impl<'s, 'a> ArgList<'s, 'a> {
    fn take(&mut self, pos: Option<usize>) -> Option<Arg<'a>> {
        match pos {
            Some(p) => self.args.get(p).copied(),
            None => {
                let a = self.args.get(self.next).copied();
                self.next += 1;
                a
            }
        }
    }
}

/// Parses decimal digits at `i`; returns (value, index after), the value being `usize::MAX`
/// when it exceeds `i32::MAX` (glibc then fails with EOVERFLOW).
fn parse_num(fmt: &[u8], mut i: usize) -> (usize, usize) {
    let mut n: usize = 0;
    while let Some(d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
        n = n.saturating_mul(10).saturating_add(usize::from(d - b'0'));
        if n > i32::MAX as usize {
            n = usize::MAX;
        }
        i += 1;
    }
    (n, i)
}

/// Parses an optional `m$` after `*` at `i`; returns (position, index after).
fn parse_pos(fmt: &[u8], i: usize) -> (Option<usize>, usize) {
    let (n, j) = parse_num(fmt, i);
    if j > i && n > 0 && fmt.get(j) == Some(&b'$') {
        (Some(n - 1), j + 1)
    } else {
        (None, i)
    }
}

fn arg_as_i64(a: Arg) -> i64 {
    match a {
        Arg::I(v) => v,
        Arg::U(v) => v as i64,
        Arg::F(f) => f as i64,
        Arg::S(s) => s.as_ptr() as usize as i64,
        Arg::P(p) => p as i64,
    }
}

fn arg_as_f64(a: Arg) -> f64 {
    match a {
        Arg::F(f) => f,
        Arg::I(v) => v as f64,
        Arg::U(v) => v as f64,
        Arg::S(_) => 0.0,
        Arg::P(p) => p as f64,
    }
}

/// Formats `fmt` into `out`; returns false (stopping there) if the format ends inside a
/// conversion or a width/precision exceeds `INT_MAX`.
fn format_into(out: &mut Vec<u8>, fmt: &[u8], args: &[Arg]) -> bool {
    let fmt = cstr(fmt);
    let mut al = ArgList { args, next: 0 };
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c != b'%' {
            let end = fmt[i..]
                .iter()
                .position(|&b| b == b'%')
                .map_or(fmt.len(), |p| i + p);
            out.extend_from_slice(&fmt[i..end]);
            i = end;
            continue;
        }
        i += 1;
        let mut spec = Spec {
            left: false,
            plus: false,
            space: false,
            alt: false,
            zero: false,
            group: false,
            i18n: false,
            width: 0,
            prec: None,
            len: Len::Default,
            conv: 0,
        };
        let (pos, j) = parse_pos(fmt, i);
        i = j;
        while let Some(&f) = fmt.get(i) {
            match f {
                b'-' => spec.left = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                b'#' => spec.alt = true,
                b'0' => spec.zero = true,
                b'\'' => spec.group = true,
                b'I' => spec.i18n = true,
                _ => break,
            }
            i += 1;
        }
        if fmt.get(i) == Some(&b'*') {
            let (wpos, j) = parse_pos(fmt, i + 1);
            i = j;
            let w = al.take(wpos).map_or(0, |a| arg_as_i64(a) as i32);
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs() as usize;
        } else {
            let (w, j) = parse_num(fmt, i);
            if w == usize::MAX {
                return false;
            }
            spec.width = w;
            i = j;
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            if fmt.get(i) == Some(&b'*') {
                let (ppos, j) = parse_pos(fmt, i + 1);
                i = j;
                let p = al.take(ppos).map_or(0, |a| arg_as_i64(a) as i32);
                spec.prec = if p < 0 { None } else { Some(p as usize) };
            } else {
                let (p, j) = parse_num(fmt, i);
                if p == usize::MAX {
                    return false;
                }
                spec.prec = Some(p);
                i = j;
            }
        }
        match fmt.get(i) {
            Some(b'h') if fmt.get(i + 1) == Some(&b'h') => {
                spec.len = Len::Hh;
                i += 2;
            }
            Some(b'h') => {
                spec.len = Len::H;
                i += 1;
            }
            Some(b'l') if fmt.get(i + 1) == Some(&b'l') => {
                spec.len = Len::Ll;
                i += 2;
            }
            Some(b'l') => {
                spec.len = Len::L;
                i += 1;
            }
            Some(b'q') => {
                spec.len = Len::Ll;
                i += 1;
            }
            Some(b'L') => {
                spec.len = Len::BigL;
                i += 1;
            }
            Some(b'z') | Some(b'Z') => {
                spec.len = Len::Z;
                i += 1;
            }
            Some(b'j') => {
                spec.len = Len::J;
                i += 1;
            }
            Some(b't') => {
                spec.len = Len::T;
                i += 1;
            }
            _ => {}
        }
        let Some(&conv) = fmt.get(i) else {
            return false;
        };
        i += 1;
        spec.conv = conv;
        convert(out, &spec, pos, &mut al);
    }
    true
}

/// Emits one conversion.
fn convert(out: &mut Vec<u8>, spec: &Spec, pos: Option<usize>, al: &mut ArgList) {
    match spec.conv {
        b'%' => out.push(b'%'),
        b'd' | b'i' => {
            let Some(a) = al.take(pos) else { return };
            let v = arg_as_i64(a);
            let v = match spec.len {
                Len::Hh => i64::from(v as i8),
                Len::H => i64::from(v as i16),
                Len::Default | Len::BigL => i64::from(v as i32),
                _ => v,
            };
            fmt_int(out, spec, v < 0, v.unsigned_abs(), 10, true);
        }
        b'u' | b'x' | b'X' | b'o' | b'b' | b'B' => {
            let Some(a) = al.take(pos) else { return };
            let v = arg_as_i64(a) as u64;
            let v = match spec.len {
                Len::Hh => u64::from(v as u8),
                Len::H => u64::from(v as u16),
                Len::Default | Len::BigL => u64::from(v as u32),
                _ => v,
            };
            let base = match spec.conv {
                b'u' => 10,
                b'o' => 8,
                b'b' | b'B' => 2,
                _ => 16,
            };
            fmt_int(out, spec, false, v, base, false);
        }
        b'p' => {
            let Some(a) = al.take(pos) else { return };
            let v = arg_as_i64(a) as u64;
            if v == 0 {
                let mut s = *spec;
                s.prec = Some(s.prec.map_or(5, |p| p.max(5)));
                fmt_str(out, &s, b"(nil)");
            } else {
                let mut s = *spec;
                s.alt = true;
                s.conv = b'x';
                fmt_int(out, &s, false, v, 16, true);
            }
        }
        b'c' => {
            let Some(a) = al.take(pos) else { return };
            let b = [arg_as_i64(a) as u8];
            let mut s = *spec;
            s.prec = None;
            fmt_str(out, &s, &b);
        }
        b's' => {
            let Some(a) = al.take(pos) else { return };
            match a {
                Arg::S(bytes) => fmt_str(out, spec, cstr(bytes)),
                Arg::P(0) | Arg::I(0) | Arg::U(0) => {
                    let null: &[u8] = if spec.prec.is_none_or(|p| p >= 6) {
                        b"(null)"
                    } else {
                        b""
                    };
                    fmt_str(out, spec, null);
                }
                _ => {}
            }
        }
        b'f' | b'F' | b'e' | b'E' | b'g' | b'G' | b'a' | b'A' => {
            let Some(a) = al.take(pos) else { return };
            fmt_float(out, spec, arg_as_f64(a));
        }
        b'n' => {
            al.take(pos);
        }
        _ => fmt_unknown(out, spec),
    }
}

/// Pads `prefix ++ body` to the width: left-justified, zero-filled between prefix and body
/// (when `zero_ok` and the `0` flag is set), or right-justified with spaces.
fn pad(out: &mut Vec<u8>, spec: &Spec, prefix: &[u8], body: &[u8], zero_ok: bool) {
    let fill = spec.width.saturating_sub(prefix.len() + body.len());
    if spec.left {
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
        out.resize(out.len() + fill, b' ');
    } else if spec.zero && zero_ok {
        out.extend_from_slice(prefix);
        out.resize(out.len() + fill, b'0');
        out.extend_from_slice(body);
    } else {
        out.resize(out.len() + fill, b' ');
        out.extend_from_slice(prefix);
        out.extend_from_slice(body);
    }
}

fn fmt_str(out: &mut Vec<u8>, spec: &Spec, s: &[u8]) {
    let s = match spec.prec {
        Some(p) if p < s.len() => &s[..p],
        _ => s,
    };
    pad(out, spec, b"", s, false);
}

/// Integer body: magnitude `mag` in `base`, sign when `signed`, precision and `#` rules.
fn fmt_int(out: &mut Vec<u8>, spec: &Spec, neg: bool, mag: u64, base: u64, signed: bool) {
    let upper = matches!(spec.conv, b'X' | b'B');
    let digits_set: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut digits = Vec::new();
    let mut m = mag;
    while m > 0 {
        digits.push(digits_set[(m % base) as usize]);
        m /= base;
    }
    if spec.prec.is_none() && mag == 0 {
        digits.push(b'0');
    }
    if let Some(p) = spec.prec {
        if digits.len() < p {
            digits.resize(p, b'0');
        }
    }
    if spec.alt && base == 8 && digits.last() != Some(&b'0') {
        digits.push(b'0');
    }
    digits.reverse();
    let mut prefix = Vec::new();
    if signed {
        if neg {
            prefix.push(b'-');
        } else if spec.plus {
            prefix.push(b'+');
        } else if spec.space {
            prefix.push(b' ');
        }
    }
    if spec.alt && mag != 0 {
        match spec.conv {
            b'x' => prefix.extend_from_slice(b"0x"),
            b'X' => prefix.extend_from_slice(b"0X"),
            b'b' => prefix.extend_from_slice(b"0b"),
            b'B' => prefix.extend_from_slice(b"0B"),
            _ => {}
        }
    }
    pad(out, spec, &prefix, &digits, spec.prec.is_none());
}

/// Splits Rust's `{:e}` output ("1.5e-7") into mantissa and exponent.
fn split_exp(s: &str) -> (&str, i32) {
    match s.split_once('e') {
        Some((m, e)) => (m, e.parse().unwrap_or(0)),
        None => (s, 0),
    }
}

/// Appends an exponent suffix: the `marker` letter, sign, at least `min_digits` digits.
fn push_exp(body: &mut Vec<u8>, e: i32, marker: u8, min_digits: usize) {
    body.push(marker);
    body.push(if e < 0 { b'-' } else { b'+' });
    let d = e.unsigned_abs().to_string();
    for _ in d.len()..min_digits {
        body.push(b'0');
    }
    body.extend_from_slice(d.as_bytes());
}

/// floor(log10(a)) of a finite positive value, exactly (767 digits cover any f64).
fn exact_exponent(a: f64) -> i32 {
    split_exp(&format!("{a:.800e}")).1
}

/// Removes trailing zeros of the fraction, then a trailing point (`%g` without `#`).
fn strip_zeros(m: &str) -> &str {
    if m.contains('.') {
        m.trim_end_matches('0').trim_end_matches('.')
    } else {
        m
    }
}

fn fmt_float(out: &mut Vec<u8>, spec: &Spec, x: f64) {
    let upper = spec.conv.is_ascii_uppercase();
    let mut prefix = Vec::new();
    if x.is_sign_negative() {
        prefix.push(b'-');
    } else if spec.plus {
        prefix.push(b'+');
    } else if spec.space {
        prefix.push(b' ');
    }
    let a = x.abs();
    if !a.is_finite() {
        let s: &[u8] = match (a.is_nan(), upper) {
            (true, false) => b"nan",
            (true, true) => b"NAN",
            (false, false) => b"inf",
            (false, true) => b"INF",
        };
        pad(out, spec, &prefix, s, false);
        return;
    }
    let mut body = Vec::new();
    match spec.conv {
        b'f' | b'F' => {
            let p = spec.prec.unwrap_or(6);
            body.extend_from_slice(format!("{a:.p$}").as_bytes());
            if spec.alt && p == 0 {
                body.push(b'.');
            }
        }
        b'e' | b'E' => {
            let p = spec.prec.unwrap_or(6);
            let s = format!("{a:.p$e}");
            let (m, e) = split_exp(&s);
            body.extend_from_slice(m.as_bytes());
            if spec.alt && p == 0 {
                body.push(b'.');
            }
            push_exp(&mut body, e, if upper { b'E' } else { b'e' }, 2);
        }
        b'g' | b'G' => {
            let p = spec.prec.unwrap_or(6).max(1);
            let es = format!("{:.*e}", p - 1, a);
            let (em, x_exp) = split_exp(&es);
            let x_exp = if a == 0.0 { 0 } else { x_exp };
            if x_exp >= -4 && x_exp < p as i32 {
                let fp = (p as i32 - 1 - x_exp) as usize;
                let s = format!("{a:.fp$}");
                if spec.alt {
                    body.extend_from_slice(s.as_bytes());
                    if !s.contains('.') {
                        body.push(b'.');
                    }
                } else {
                    body.extend_from_slice(strip_zeros(&s).as_bytes());
                }
            } else if spec.alt && x_exp == p as i32 && exact_exponent(a) == x_exp - 1 {
                // glibc quirk: when rounding carries into a new digit and forces the switch
                // to exponent style, `#` keeps no fraction digits ("%#g" of 999999.5 is
                // "1.e+06").
                body.extend_from_slice(b"1.");
                push_exp(&mut body, x_exp, if upper { b'E' } else { b'e' }, 2);
            } else {
                if spec.alt {
                    body.extend_from_slice(em.as_bytes());
                    if !em.contains('.') {
                        body.push(b'.');
                    }
                } else {
                    body.extend_from_slice(strip_zeros(em).as_bytes());
                }
                push_exp(&mut body, x_exp, if upper { b'E' } else { b'e' }, 2);
            }
        }
        _ => {
            // %a / %A: hexadecimal mantissa, binary exponent (glibc layout).
            prefix.extend_from_slice(if upper { b"0X" } else { b"0x" });
            let bits = a.to_bits();
            let biased = (bits >> 52) as i32;
            let frac = bits & ((1u64 << 52) - 1);
            let (lead, exp) = if a == 0.0 {
                (0u64, 0)
            } else if biased == 0 {
                (0u64, -1022)
            } else {
                (1u64, biased - 1023)
            };
            let full = (lead << 52) | frac;
            let hex: &[u8; 16] = if upper {
                b"0123456789ABCDEF"
            } else {
                b"0123456789abcdef"
            };
            let (lead_digit, fdigits) = match spec.prec {
                Some(p) if p < 13 => {
                    let shift = 4 * (13 - p as u32);
                    let mut q = full >> shift;
                    let rem = full & ((1u64 << shift) - 1);
                    let half = 1u64 << (shift - 1);
                    if rem > half || (rem == half && q & 1 == 1) {
                        q += 1;
                    }
                    let fbits = 4 * p as u32;
                    let digits: Vec<u8> = (0..p)
                        .map(|k| hex[((q >> (fbits - 4 - 4 * k as u32)) & 15) as usize])
                        .collect();
                    (q >> fbits, digits)
                }
                _ => {
                    let mut digits: Vec<u8> = (0..13)
                        .map(|k| hex[((frac >> (48 - 4 * k)) & 15) as usize])
                        .collect();
                    match spec.prec {
                        Some(p) => digits.resize(p, b'0'),
                        None => {
                            while digits.last() == Some(&b'0') {
                                digits.pop();
                            }
                        }
                    }
                    (lead, digits)
                }
            };
            body.push(hex[lead_digit as usize]);
            if !fdigits.is_empty() || spec.alt {
                body.push(b'.');
            }
            body.extend_from_slice(&fdigits);
            push_exp(&mut body, exp, if upper { b'P' } else { b'p' }, 1);
        }
    }
    pad(out, spec, &prefix, &body, true);
}

/// glibc prints an unknown conversion back as `%`, its flags, width, precision and letter.
fn fmt_unknown(out: &mut Vec<u8>, spec: &Spec) {
    out.push(b'%');
    if spec.alt {
        out.push(b'#');
    }
    if spec.group {
        out.push(b'\'');
    }
    if spec.plus {
        out.push(b'+');
    } else if spec.space {
        out.push(b' ');
    }
    if spec.left {
        out.push(b'-');
    } else if spec.zero {
        out.push(b'0');
    }
    if spec.i18n {
        out.push(b'I');
    }
    if spec.width != 0 {
        out.extend_from_slice(spec.width.to_string().as_bytes());
    }
    if let Some(p) = spec.prec {
        out.push(b'.');
        out.extend_from_slice(p.to_string().as_bytes());
    }
    out.push(spec.conv);
}

// ---------------------------------------------------------------------------------------------
// strings and memory
// ---------------------------------------------------------------------------------------------

/// The content of a C string: up to the first NUL, or the whole slice.
pub fn cstr(s: &[u8]) -> &[u8] {
    &s[..strlen(s) as usize]
}

/// C `strlen`.
pub fn strlen(s: &[u8]) -> u64 {
    s.iter().position(|&b| b == 0).unwrap_or(s.len()) as u64
}

/// Byte `i` of a C string, 0 past the slice end.
fn byte_at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// C `strcmp`: difference of the first differing bytes (as unsigned char), 0 if equal.
pub fn strcmp(a: &[u8], b: &[u8]) -> i32 {
    strncmp(a, b, u64::MAX)
}

/// C `strncmp`.
pub fn strncmp(a: &[u8], b: &[u8], n: u64) -> i32 {
    let mut i = 0usize;
    while (i as u64) < n {
        let (x, y) = (byte_at(a, i), byte_at(b, i));
        if x != y {
            return i32::from(x) - i32::from(y);
        }
        if x == 0 {
            return 0;
        }
        i += 1;
    }
    0
}

/// C `strcpy`: copies the content and a NUL; panics if `dst` is too small.
pub fn strcpy(dst: &mut [u8], src: &[u8]) {
    let s = cstr(src);
    dst[..s.len()].copy_from_slice(s);
    dst[s.len()] = 0;
}

/// C `strncpy`: copies at most `n` bytes, NUL-padding to `n` (no NUL if `src` is longer).
pub fn strncpy(dst: &mut [u8], src: &[u8], n: u64) {
    let n = n as usize;
    let s = cstr(src);
    let k = s.len().min(n);
    dst[..k].copy_from_slice(&s[..k]);
    dst[k..n].fill(0);
}

/// C `strcat`.
pub fn strcat(dst: &mut [u8], src: &[u8]) {
    let d = strlen(dst) as usize;
    strcpy(&mut dst[d..], src);
}

/// C `strncat`: appends at most `n` bytes of `src`, then a NUL.
pub fn strncat(dst: &mut [u8], src: &[u8], n: u64) {
    let d = strlen(dst) as usize;
    let s = cstr(src);
    let k = s.len().min(usize::try_from(n).unwrap_or(usize::MAX));
    dst[d..d + k].copy_from_slice(&s[..k]);
    dst[d + k] = 0;
}

/// C `strchr`: index of the first `(char)c`; searching for 0 finds the terminator (the
/// content length).
pub fn strchr(s: &[u8], c: i32) -> Option<usize> {
    let s = cstr(s);
    let c = c as u8;
    if c == 0 {
        return Some(s.len());
    }
    s.iter().position(|&b| b == c)
}

/// C `strrchr`.
pub fn strrchr(s: &[u8], c: i32) -> Option<usize> {
    let s = cstr(s);
    let c = c as u8;
    if c == 0 {
        return Some(s.len());
    }
    s.iter().rposition(|&b| b == c)
}

/// C `strstr`: index of the first occurrence; an empty needle matches at 0.
pub fn strstr(h: &[u8], n: &[u8]) -> Option<usize> {
    let (h, n) = (cstr(h), cstr(n));
    if n.is_empty() {
        return Some(0);
    }
    h.windows(n.len()).position(|w| w == n)
}

/// C `strspn`.
pub fn strspn(s: &[u8], accept: &[u8]) -> u64 {
    let accept = cstr(accept);
    cstr(s).iter().take_while(|b| accept.contains(b)).count() as u64
}

/// C `strcspn`.
pub fn strcspn(s: &[u8], reject: &[u8]) -> u64 {
    let reject = cstr(reject);
    cstr(s).iter().take_while(|b| !reject.contains(b)).count() as u64
}

/// C `strpbrk`: index of the first byte of `s` that is in `accept`.
pub fn strpbrk(s: &[u8], accept: &[u8]) -> Option<usize> {
    let accept = cstr(accept);
    cstr(s).iter().position(|b| accept.contains(b))
}

/// C `memchr` over the first `n` bytes.
pub fn memchr(s: &[u8], c: i32, n: u64) -> Option<usize> {
    let c = c as u8;
    s[..n as usize].iter().position(|&b| b == c)
}

/// C `memset` on bytes: the first `n` bytes become `(unsigned char)c`.
pub fn memset_bytes(dst: &mut [u8], c: i32, n: u64) {
    dst[..n as usize].fill(c as u8);
}

/// `memset(p, 0, sizeof *p * len)` on any element type: every element becomes its default.
pub fn fill_zero<T: Default + Copy>(dst: &mut [T]) {
    dst.fill(T::default());
}

/// C `memcmp`: difference of the first differing bytes, 0 if the first `n` are equal.
pub fn memcmp(a: &[u8], b: &[u8], n: u64) -> i32 {
    let n = n as usize;
    for (x, y) in a[..n].iter().zip(&b[..n]) {
        if x != y {
            return i32::from(*x) - i32::from(*y);
        }
    }
    0
}

/// C `memcpy` of `n` bytes between distinct buffers.
pub fn memcpy_bytes(dst: &mut [u8], src: &[u8], n: u64) {
    let n = n as usize;
    dst[..n].copy_from_slice(&src[..n]);
}

/// C `memmove` inside one buffer: `n` bytes from index `src` to index `dst`.
pub fn memmove_within(buf: &mut [u8], dst: usize, src: usize, n: u64) {
    buf.copy_within(src..src + n as usize, dst);
}

/// A NUL-terminated copy of a C string's content (for `strdup`).
pub fn strdup(s: &[u8]) -> Vec<u8> {
    let mut v = cstr(s).to_vec();
    v.push(0);
    v
}

// ---------------------------------------------------------------------------------------------
// ctype ("C" locale). Results are glibc's table masks: nonzero means true.
// ---------------------------------------------------------------------------------------------

const CT_UPPER: i32 = 256;
const CT_LOWER: i32 = 512;
const CT_ALPHA: i32 = 1024;
const CT_DIGIT: i32 = 2048;
const CT_XDIGIT: i32 = 4096;
const CT_SPACE: i32 = 8192;
const CT_PRINT: i32 = 16384;
const CT_GRAPH: i32 = 32768;
const CT_BLANK: i32 = 1;
const CT_CNTRL: i32 = 2;
const CT_PUNCT: i32 = 4;
const CT_ALNUM: i32 = 8;

/// The glibc "C"-locale class bits of `c` (0 outside 0..=127, EOF included).
fn ctype_bits(c: i32) -> i32 {
    let Ok(b) = u8::try_from(c) else { return 0 };
    let mut m = 0;
    if b.is_ascii_uppercase() {
        m |= CT_UPPER | CT_ALPHA | CT_ALNUM;
    }
    if b.is_ascii_lowercase() {
        m |= CT_LOWER | CT_ALPHA | CT_ALNUM;
    }
    if b.is_ascii_digit() {
        m |= CT_DIGIT | CT_ALNUM;
    }
    if b.is_ascii_hexdigit() {
        m |= CT_XDIGIT;
    }
    if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
        m |= CT_SPACE;
    }
    if (0x20..=0x7e).contains(&b) {
        m |= CT_PRINT;
    }
    if (0x21..=0x7e).contains(&b) {
        m |= CT_GRAPH;
    }
    if b == b' ' || b == b'\t' {
        m |= CT_BLANK;
    }
    if b < 0x20 || b == 0x7f {
        m |= CT_CNTRL;
    }
    if b.is_ascii_punctuation() {
        m |= CT_PUNCT;
    }
    m
}

/// C `isdigit` (returns glibc's mask: 2048 or 0).
pub fn isdigit(c: i32) -> i32 {
    ctype_bits(c) & CT_DIGIT
}
/// C `isalpha` (1024 or 0).
pub fn isalpha(c: i32) -> i32 {
    ctype_bits(c) & CT_ALPHA
}
/// C `isalnum` (8 or 0).
pub fn isalnum(c: i32) -> i32 {
    ctype_bits(c) & CT_ALNUM
}
/// C `isspace` (8192 or 0).
pub fn isspace(c: i32) -> i32 {
    ctype_bits(c) & CT_SPACE
}
/// C `isupper` (256 or 0).
pub fn isupper(c: i32) -> i32 {
    ctype_bits(c) & CT_UPPER
}
/// C `islower` (512 or 0).
pub fn islower(c: i32) -> i32 {
    ctype_bits(c) & CT_LOWER
}
/// C `ispunct` (4 or 0).
pub fn ispunct(c: i32) -> i32 {
    ctype_bits(c) & CT_PUNCT
}
/// C `isxdigit` (4096 or 0).
pub fn isxdigit(c: i32) -> i32 {
    ctype_bits(c) & CT_XDIGIT
}
/// C `isprint` (16384 or 0).
pub fn isprint(c: i32) -> i32 {
    ctype_bits(c) & CT_PRINT
}
/// C `iscntrl` (2 or 0).
pub fn iscntrl(c: i32) -> i32 {
    ctype_bits(c) & CT_CNTRL
}
/// C `isgraph` (32768 or 0).
pub fn isgraph(c: i32) -> i32 {
    ctype_bits(c) & CT_GRAPH
}
/// C `isblank` (1 or 0).
pub fn isblank(c: i32) -> i32 {
    ctype_bits(c) & CT_BLANK
}

/// C `toupper`. Like glibc, -128..=-2 map to `c + 256` (the table for signed `char`).
pub fn toupper(c: i32) -> i32 {
    match c {
        97..=122 => c - 32,
        -128..=-2 => c + 256,
        _ => c,
    }
}

/// C `tolower`. Like glibc, -128..=-2 map to `c + 256`.
pub fn tolower(c: i32) -> i32 {
    match c {
        65..=90 => c + 32,
        -128..=-2 => c + 256,
        _ => c,
    }
}

// ---------------------------------------------------------------------------------------------
// errno
// ---------------------------------------------------------------------------------------------

/// `errno` values used by this runtime (Linux numbering).
pub const EDOM: i32 = 33;
pub const ERANGE: i32 = 34;
pub const EINVAL: i32 = 22;

/// The calling thread's `errno` (set by the `strto*` family).
pub fn errno() -> i32 {
    ERRNO.with(Cell::get)
}

/// Sets `errno`.
pub fn set_errno(v: i32) {
    ERRNO.with(|e| e.set(v));
}

// ---------------------------------------------------------------------------------------------
// stdlib: integers, conversions, rand
// ---------------------------------------------------------------------------------------------

/// C `abs` (wrapping: `abs(INT_MIN)` is `INT_MIN`, as glibc).
pub fn abs(x: i32) -> i32 {
    x.wrapping_abs()
}
/// C `labs`.
pub fn labs(x: i64) -> i64 {
    x.wrapping_abs()
}
/// C `llabs`.
pub fn llabs(x: i64) -> i64 {
    x.wrapping_abs()
}

fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// Shared integer scan: (negative, magnitude, overflowed u64, end index; 0 = no number).
fn scan_int(s: &[u8], base: i32) -> Option<(bool, u64, bool, usize)> {
    if base < 0 || base == 1 || base > 36 {
        set_errno(EINVAL);
        return None;
    }
    let s = cstr(s);
    let mut i = 0;
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if let Some(&c @ (b'+' | b'-')) = s.get(i) {
        neg = c == b'-';
        i += 1;
    }
    let mut base = base as u32;
    let hex_prefix = byte_at(s, i) == b'0'
        && matches!(byte_at(s, i + 1), b'x' | b'X')
        && byte_at(s, i + 2).is_ascii_hexdigit();
    if base == 0 {
        if hex_prefix {
            base = 16;
            i += 2;
        } else if byte_at(s, i) == b'0' {
            base = 8;
        } else {
            base = 10;
        }
    } else if base == 16 && hex_prefix {
        i += 2;
    }
    let start = i;
    let mut mag: u64 = 0;
    let mut over = false;
    while let Some(d) = s.get(i).and_then(|&b| (b as char).to_digit(base)) {
        match mag
            .checked_mul(u64::from(base))
            .and_then(|m| m.checked_add(u64::from(d)))
        {
            Some(m) => mag = m,
            None => over = true,
        }
        i += 1;
    }
    if i == start {
        return None;
    }
    Some((neg, mag, over, i))
}

/// C `strtol`: returns (value, end index into `s`; 0 when no number was found, as C sets
/// `*endptr = nptr`). Overflow clamps to `i64::MIN`/`i64::MAX` and sets `errno` to ERANGE;
/// a bad base returns (0, 0) with EINVAL.
pub fn strtol(s: &[u8], base: i32) -> (i64, usize) {
    let Some((neg, mag, over, end)) = scan_int(s, base) else {
        return (0, 0);
    };
    let limit = if neg { 1u64 << 63 } else { i64::MAX as u64 };
    if over || mag > limit {
        set_errno(ERANGE);
        return (if neg { i64::MIN } else { i64::MAX }, end);
    }
    let v = if neg {
        (mag as i64).wrapping_neg()
    } else {
        mag as i64
    };
    (v, end)
}

/// C `strtoll` (same as [`strtol`] on LP64).
pub fn strtoll(s: &[u8], base: i32) -> (i64, usize) {
    strtol(s, base)
}

/// C `strtoul`: a leading `-` negates in unsigned arithmetic; overflow gives `u64::MAX`
/// with ERANGE.
pub fn strtoul(s: &[u8], base: i32) -> (u64, usize) {
    let Some((neg, mag, over, end)) = scan_int(s, base) else {
        return (0, 0);
    };
    if over {
        set_errno(ERANGE);
        return (u64::MAX, end);
    }
    (if neg { mag.wrapping_neg() } else { mag }, end)
}

/// C `strtoull` (same as [`strtoul`] on LP64).
pub fn strtoull(s: &[u8], base: i32) -> (u64, usize) {
    strtoul(s, base)
}

/// C `atoi`: `(int) strtol(s, NULL, 10)`, as glibc (wraps on overflow).
pub fn atoi(s: &[u8]) -> i32 {
    strtol(s, 10).0 as i32
}
/// C `atol`.
pub fn atol(s: &[u8]) -> i64 {
    strtol(s, 10).0
}
/// C `atoll`.
pub fn atoll(s: &[u8]) -> i64 {
    strtol(s, 10).0
}

/// `mant * 2^exp2` correctly rounded to nearest-even, where `sticky` says nonzero bits follow
/// below `mant`'s last bit. Returns (value, inexact).
fn make_f64(mant: u64, sticky: bool, exp2: i64) -> (f64, bool) {
    if mant == 0 {
        return (0.0, sticky);
    }
    let lz = mant.leading_zeros();
    let m = u128::from(mant << lz);
    let unbiased = exp2 - i64::from(lz) + 63;
    if unbiased > 1023 {
        return (f64::INFINITY, true);
    }
    let shift = if unbiased >= -1022 {
        11
    } else {
        11 + (-1022 - unbiased)
    };
    if shift > 64 {
        return (0.0, true);
    }
    let mut kept = m >> shift;
    let rem = m & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let inexact = rem != 0 || sticky;
    if rem > half || (rem == half && (sticky || kept & 1 == 1)) {
        kept += 1;
    }
    if shift > 11 {
        // Subnormal (rounding up to 2^52 lands exactly on the smallest normal's encoding).
        return (f64::from_bits(kept as u64), inexact);
    }
    let mut e = unbiased;
    if kept == 1u128 << 53 {
        kept >>= 1;
        e += 1;
        if e > 1023 {
            return (f64::INFINITY, true);
        }
    }
    let bits = (((e + 1023) as u64) << 52) | (kept as u64 & ((1u64 << 52) - 1));
    (f64::from_bits(bits), inexact)
}

/// C `ldexp`: `x * 2^e`, correctly rounded.
pub fn ldexp(x: f64, e: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp2) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let (v, _) = make_f64(mant, false, exp2 + i64::from(e));
    if x < 0.0 {
        -v
    } else {
        v
    }
}

/// C `frexp`: (mantissa in [0.5, 1), exponent) with `x = m * 2^e`.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let mut e = 0;
    let mut y = x;
    if y.abs() < f64::MIN_POSITIVE {
        y *= 2f64.powi(64);
        e -= 64;
    }
    let biased = ((y.to_bits() >> 52) & 0x7ff) as i32;
    e += biased - 1022;
    let m = f64::from_bits((y.to_bits() & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// C `modf`: (fractional part, integral part), both with the sign of `x`.
pub fn modf(x: f64) -> (f64, f64) {
    let i = x.trunc();
    let f = if x.is_infinite() { 0.0 } else { x - i };
    (f.copysign(x), i)
}

fn starts_with_ci(s: &[u8], word: &[u8]) -> bool {
    s.len() >= word.len() && s[..word.len()].eq_ignore_ascii_case(word)
}

/// C `strtod`: returns (value, end index; 0 when nothing was parsed). Accepts decimal and
/// hexadecimal floats, `inf`, `infinity`, `nan`, `nan(chars)`. Sets ERANGE on overflow and
/// on inexact results in the subnormal range (as glibc).
pub fn strtod(s: &[u8]) -> (f64, usize) {
    let s = cstr(s);
    let mut i = 0;
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    let mut neg = false;
    if let Some(&c @ (b'+' | b'-')) = s.get(i) {
        neg = c == b'-';
        i += 1;
    }
    let sign = |v: f64| if neg { -v } else { v };
    let rest = &s[i..];
    if starts_with_ci(rest, b"infinity") {
        return (sign(f64::INFINITY), i + 8);
    }
    if starts_with_ci(rest, b"inf") {
        return (sign(f64::INFINITY), i + 3);
    }
    if starts_with_ci(rest, b"nan") {
        let mut end = i + 3;
        let mut nan = f64::NAN;
        if byte_at(s, end) == b'(' {
            let mut j = end + 1;
            while byte_at(s, j).is_ascii_alphanumeric() || byte_at(s, j) == b'_' {
                j += 1;
            }
            if byte_at(s, j) == b')' {
                // glibc: a sequence that is wholly a number (base 0) becomes the payload.
                let inner = &s[end + 1..j];
                let saved = errno();
                let (payload, used) = strtoul(inner, 0);
                set_errno(saved);
                if used == inner.len() && !inner.is_empty() {
                    let bits = 0x7ff8_0000_0000_0000u64 | (payload & ((1u64 << 51) - 1));
                    nan = f64::from_bits(bits);
                }
                end = j + 1;
            }
        }
        return (sign(nan), end);
    }
    let is_hex = byte_at(s, i) == b'0'
        && matches!(byte_at(s, i + 1), b'x' | b'X')
        && (byte_at(s, i + 2).is_ascii_hexdigit()
            || (byte_at(s, i + 2) == b'.' && byte_at(s, i + 3).is_ascii_hexdigit()));
    if is_hex {
        let (v, end, inexact) = scan_hex_float(s, i + 2);
        if v.is_infinite() || (inexact && v < f64::MIN_POSITIVE) {
            set_errno(ERANGE);
        }
        return (sign(v), end);
    }
    // Decimal: digits [. digits] [e [sign] digits], at least one mantissa digit.
    let start = i;
    let mut j = i;
    let mut ndig = 0;
    let mut nonzero = false;
    while byte_at(s, j).is_ascii_digit() {
        nonzero |= byte_at(s, j) != b'0';
        j += 1;
        ndig += 1;
    }
    if byte_at(s, j) == b'.' {
        j += 1;
        while byte_at(s, j).is_ascii_digit() {
            nonzero |= byte_at(s, j) != b'0';
            j += 1;
            ndig += 1;
        }
    }
    if ndig == 0 {
        return (0.0, 0);
    }
    if matches!(byte_at(s, j), b'e' | b'E') {
        let mut k = j + 1;
        if matches!(byte_at(s, k), b'+' | b'-') {
            k += 1;
        }
        if byte_at(s, k).is_ascii_digit() {
            while byte_at(s, k).is_ascii_digit() {
                k += 1;
            }
            j = k;
        }
    }
    let text = std::str::from_utf8(&s[start..j]).unwrap_or("0");
    let v: f64 = text.parse().unwrap_or(0.0);
    if v.is_infinite() || (nonzero && v < f64::MIN_POSITIVE) {
        set_errno(ERANGE);
    }
    (sign(v), j)
}

/// Scans hex-float digits after "0x" at `i`: returns (magnitude, end, inexact).
fn scan_hex_float(s: &[u8], mut i: usize) -> (f64, usize, bool) {
    let mut mant: u64 = 0;
    let mut exp2: i64 = 0;
    let mut sticky = false;
    let mut seen_point = false;
    loop {
        let b = byte_at(s, i);
        if b == b'.' && !seen_point {
            seen_point = true;
            i += 1;
            continue;
        }
        let Some(d) = (b as char).to_digit(16) else {
            break;
        };
        if mant >> 60 == 0 {
            mant = (mant << 4) | u64::from(d);
            if seen_point {
                exp2 -= 4;
            }
        } else {
            sticky |= d != 0;
            if !seen_point {
                exp2 += 4;
            }
        }
        i += 1;
    }
    if matches!(byte_at(s, i), b'p' | b'P') {
        let mut k = i + 1;
        let mut eneg = false;
        if let c @ (b'+' | b'-') = byte_at(s, k) {
            eneg = c == b'-';
            k += 1;
        }
        if byte_at(s, k).is_ascii_digit() {
            let mut e: i64 = 0;
            while byte_at(s, k).is_ascii_digit() {
                e = (e * 10 + i64::from(byte_at(s, k) - b'0')).min(1 << 20);
                k += 1;
            }
            exp2 += if eneg { -e } else { e };
            i = k;
        }
    }
    let (v, inexact) = make_f64(mant, sticky, exp2);
    (v, i, inexact)
}

/// C `atof`.
pub fn atof(s: &[u8]) -> f64 {
    strtod(s).0
}

/// C `RAND_MAX` (glibc).
pub const RAND_MAX: i32 = 2147483647;

/// glibc `random_r` TYPE_3 state: additive feedback generator, degree 31, separation 3.
struct RandState {
    r: [i32; 31],
    f: usize,
    b: usize,
}

impl RandState {
    fn seeded(seed: u32) -> RandState {
        let seed = if seed == 0 { 1 } else { seed };
        let mut r = [0i32; 31];
        r[0] = seed as i32;
        // glibc keeps the seed in an int32_t, so seeds >= 2^31 start negative.
        let mut word = i64::from(seed as i32);
        for slot in r.iter_mut().skip(1) {
            let hi = word / 127773;
            let lo = word % 127773;
            word = 16807 * lo - 2836 * hi;
            if word < 0 {
                word += 2147483647;
            }
            *slot = word as i32;
        }
        let mut st = RandState { r, f: 3, b: 0 };
        for _ in 0..310 {
            st.next();
        }
        st
    }

    fn next(&mut self) -> i32 {
        let v = (self.r[self.f] as u32).wrapping_add(self.r[self.b] as u32);
        self.r[self.f] = v as i32;
        self.f = (self.f + 1) % 31;
        self.b = (self.b + 1) % 31;
        (v >> 1) as i32
    }
}

/// C `rand`: glibc's sequence (unseeded = `srand(1)`), per thread.
pub fn rand() -> i32 {
    RAND.with(|s| s.borrow_mut().next())
}

/// C `srand`.
pub fn srand(seed: u32) {
    RAND.with(|s| *s.borrow_mut() = RandState::seeded(seed));
}

// ---------------------------------------------------------------------------------------------
// math (thin wrappers; Rust's f64 methods call the platform libm)
// ---------------------------------------------------------------------------------------------

pub fn fabs(x: f64) -> f64 {
    x.abs()
}
pub fn sqrt(x: f64) -> f64 {
    x.sqrt()
}
pub fn pow(x: f64, y: f64) -> f64 {
    x.powf(y)
}
pub fn floor(x: f64) -> f64 {
    x.floor()
}
pub fn ceil(x: f64) -> f64 {
    x.ceil()
}
/// C `fmod` (Rust's `%` on floats is fmod).
pub fn fmod(x: f64, y: f64) -> f64 {
    x % y
}
pub fn sin(x: f64) -> f64 {
    x.sin()
}
pub fn cos(x: f64) -> f64 {
    x.cos()
}
pub fn tan(x: f64) -> f64 {
    x.tan()
}
pub fn asin(x: f64) -> f64 {
    x.asin()
}
pub fn acos(x: f64) -> f64 {
    x.acos()
}
pub fn atan(x: f64) -> f64 {
    x.atan()
}
pub fn atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}
pub fn sinh(x: f64) -> f64 {
    x.sinh()
}
pub fn cosh(x: f64) -> f64 {
    x.cosh()
}
pub fn tanh(x: f64) -> f64 {
    x.tanh()
}
pub fn exp(x: f64) -> f64 {
    x.exp()
}
pub fn exp2(x: f64) -> f64 {
    x.exp2()
}
pub fn log(x: f64) -> f64 {
    x.ln()
}
pub fn log10(x: f64) -> f64 {
    x.log10()
}
pub fn log2(x: f64) -> f64 {
    x.log2()
}
/// C `cbrt`, glibc's algorithm (glibc's result is not always correctly rounded and Rust's
/// `f64::cbrt` differs from it in the last bit for about half of all inputs).
pub fn cbrt(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_2;
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_5;
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let u = 0.354_895_765_043_919_86
        + ((1.508_191_937_815_849
            + ((-2.114_994_941_673_713
                + ((2.446_931_225_635_344_3
                    + ((-1.834_692_774_836_130_9
                        + (0.784_932_344_976_639_3 - 0.145_263_899_385_486_38 * xm) * xm)
                        * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp(ym, xe / 3).copysign(x)
}
/// C `round`: half away from zero.
pub fn round(x: f64) -> f64 {
    x.round()
}
pub fn trunc(x: f64) -> f64 {
    x.trunc()
}
pub fn hypot(x: f64, y: f64) -> f64 {
    x.hypot(y)
}
/// C `fmin` as glibc on x86-64 (`minsd`): a NaN operand yields the other; on equal operands
/// (0 and -0) the second is returned.
pub fn fmin(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        y
    } else if y.is_nan() || x < y {
        x
    } else {
        y
    }
}
/// C `fmax` as glibc on x86-64 (`maxsd`).
pub fn fmax(x: f64, y: f64) -> f64 {
    if x.is_nan() {
        y
    } else if y.is_nan() || x > y {
        x
    } else {
        y
    }
}
pub fn copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}
pub fn fabsf(x: f32) -> f32 {
    x.abs()
}
pub fn sqrtf(x: f32) -> f32 {
    x.sqrt()
}
pub fn powf(x: f32, y: f32) -> f32 {
    x.powf(y)
}
pub fn floorf(x: f32) -> f32 {
    x.floor()
}
pub fn ceilf(x: f32) -> f32 {
    x.ceil()
}
pub fn fmodf(x: f32, y: f32) -> f32 {
    x % y
}
pub fn sinf(x: f32) -> f32 {
    x.sin()
}
pub fn cosf(x: f32) -> f32 {
    x.cos()
}
pub fn expf(x: f32) -> f32 {
    x.exp()
}
pub fn logf(x: f32) -> f32 {
    x.ln()
}
pub fn roundf(x: f32) -> f32 {
    x.round()
}
/// C `isnan` (1 or 0).
pub fn isnan(x: f64) -> i32 {
    i32::from(x.is_nan())
}
/// C `isinf` as gcc/glibc: -1 for -inf, 1 for +inf, else 0.
pub fn isinf(x: f64) -> i32 {
    if x == f64::INFINITY {
        1
    } else if x == f64::NEG_INFINITY {
        -1
    } else {
        0
    }
}
/// C `isfinite` (1 or 0).
pub fn isfinite(x: f64) -> i32 {
    i32::from(x.is_finite())
}
