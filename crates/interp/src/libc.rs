//! External functions: the C library subset, implemented with `xl_runtime` (the same code the
//! emitted Rust calls) over the interpreter's memory.
//!
//! Conventions:
//! - Arguments arrive as the IR passed them (variadic ones already promoted); results are
//!   converted to the call's result type (an `int` result read into an `i64` is sign-extended
//!   as a C cast would). A call whose result is unused may have no result value.
//! - Output goes to the captured [`crate::Io`] buffers, never to the real stdout; input comes
//!   from [`crate::RunConfig::stdin`].
//! - Buffers are checked like any other access: writing past an object, reading a string that
//!   has no NUL in its object, or a null argument where C requires a pointer is undefined
//!   behaviour.
//! - `stdin`/`stdout`/`stderr` are the stream objects of [`crate::Memory::streams`]; any other
//!   `FILE *` is undefined behaviour (there is no `fopen`).
//! - Unknown names give `Fault::Unsupported`.

use crate::machine::Machine;
use crate::memory::ObjKind;
use crate::trap::{malformed, ub, Fault};
use crate::value::{Pointer, Val};
use std::collections::BTreeMap;
use xl_ir::{FloatTy, Type};

/// A library result before conversion to the call's result type.
enum Ret {
    Int(i128),
    F64(f64),
    F32(f32),
    Ptr(Pointer),
    Void,
    Val(Val),
}

/// Argument access with the function's name for messages.
struct Args<'v> {
    name: &'v str,
    v: &'v [Val],
}

impl Args<'_> {
    fn get(&self, i: usize) -> Result<&Val, Fault> {
        match self.v.get(i) {
            Some(v) => Ok(v),
            None => malformed(format!(
                "{}: called with {} arguments, needs more",
                self.name,
                self.v.len()
            )),
        }
    }
    fn int(&self, i: usize) -> Result<i128, Fault> {
        match self.get(i)? {
            Val::Int(x) => Ok(x.math()),
            Val::Bool(b) => Ok(i128::from(*b)),
            other => malformed(format!(
                "{}: argument {i} ({other}) is not an integer",
                self.name
            )),
        }
    }
    /// An `int` argument (C would convert it).
    fn i32(&self, i: usize) -> Result<i32, Fault> {
        Ok(self.int(i)? as i32)
    }
    /// A `size_t` argument.
    fn size(&self, i: usize) -> Result<u64, Fault> {
        Ok(self.int(i)? as u64)
    }
    fn ptr(&self, i: usize) -> Result<Pointer, Fault> {
        match self.get(i)? {
            Val::Ptr(p) => Ok(*p),
            other => malformed(format!(
                "{}: argument {i} ({other}) is not a pointer",
                self.name
            )),
        }
    }
    fn f64(&self, i: usize) -> Result<f64, Fault> {
        match self.get(i)? {
            Val::F64(x) => Ok(*x),
            Val::F32(x) => Ok(f64::from(*x)),
            Val::Int(x) => Ok(x.math() as f64),
            other => malformed(format!(
                "{}: argument {i} ({other}) is not a float",
                self.name
            )),
        }
    }
    fn f32(&self, i: usize) -> Result<f32, Fault> {
        match self.get(i)? {
            Val::F32(x) => Ok(*x),
            Val::F64(x) => Ok(*x as f32),
            Val::Int(x) => Ok(x.math() as f32),
            other => malformed(format!(
                "{}: argument {i} ({other}) is not a float",
                self.name
            )),
        }
    }
}

/// An owned printf argument (borrowed into `xl_runtime::Arg` for formatting).
enum OwnedArg {
    I(i64),
    U(u64),
    F(f64),
    S(Vec<u8>),
    P(u64),
}

/// For each argument index a format consumes, the conversion character that consumes it
/// (`*` for a width or precision). Mirrors the runtime's parser, positional `n$` included.
fn scan_format(fmt: &[u8]) -> BTreeMap<usize, u8> {
    fn num(fmt: &[u8], mut i: usize) -> (usize, usize) {
        let mut n = 0usize;
        while let Some(d) = fmt.get(i).filter(|d| d.is_ascii_digit()) {
            n = n.saturating_mul(10).saturating_add(usize::from(d - b'0'));
            i += 1;
        }
        (n, i)
    }
    fn pos(fmt: &[u8], i: usize) -> (Option<usize>, usize) {
        let (n, j) = num(fmt, i);
        if j > i && n > 0 && fmt.get(j) == Some(&b'$') {
            (Some(n - 1), j + 1)
        } else {
            (None, i)
        }
    }
    let mut out = BTreeMap::new();
    let mut next = 0usize;
    let mut take = |p: Option<usize>, conv: u8, out: &mut BTreeMap<usize, u8>| {
        let idx = p.unwrap_or_else(|| {
            next += 1;
            next - 1
        });
        out.insert(idx, conv);
    };
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        let (p, j) = pos(fmt, i);
        i = j;
        while fmt.get(i).is_some_and(|c| b"-+ #0'I".contains(c)) {
            i += 1;
        }
        if fmt.get(i) == Some(&b'*') {
            let (wp, j) = pos(fmt, i + 1);
            i = j;
            take(wp, b'*', &mut out);
        } else {
            i = num(fmt, i).1;
        }
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            if fmt.get(i) == Some(&b'*') {
                let (pp, j) = pos(fmt, i + 1);
                i = j;
                take(pp, b'*', &mut out);
            } else {
                i = num(fmt, i).1;
            }
        }
        while fmt.get(i).is_some_and(|c| b"hlqLzZjt".contains(c)) {
            i += 1;
        }
        let Some(&conv) = fmt.get(i) else { break };
        i += 1;
        if b"diuxXobBpcsfFeEgGaAn".contains(&conv) {
            take(p, conv, &mut out);
        }
    }
    out
}

fn ctype(name: &str, c: i32) -> Option<i32> {
    use xl_runtime as rt;
    Some(match name {
        "isalnum" => rt::isalnum(c),
        "isalpha" => rt::isalpha(c),
        "isblank" => rt::isblank(c),
        "iscntrl" => rt::iscntrl(c),
        "isdigit" => rt::isdigit(c),
        "isgraph" => rt::isgraph(c),
        "islower" => rt::islower(c),
        "isprint" => rt::isprint(c),
        "ispunct" => rt::ispunct(c),
        "isspace" => rt::isspace(c),
        "isupper" => rt::isupper(c),
        "isxdigit" => rt::isxdigit(c),
        "isascii" => i32::from(c & !0x7f == 0),
        "tolower" => rt::tolower(c),
        "toupper" => rt::toupper(c),
        _ => return None,
    })
}

fn math1(name: &str, x: f64) -> Option<f64> {
    use xl_runtime as rt;
    Some(match name {
        "sqrt" => rt::sqrt(x),
        "fabs" => rt::fabs(x),
        "floor" => rt::floor(x),
        "ceil" => rt::ceil(x),
        "round" => rt::round(x),
        "trunc" => rt::trunc(x),
        "exp" => rt::exp(x),
        "exp2" => rt::exp2(x),
        "log" => rt::log(x),
        "log2" => rt::log2(x),
        "log10" => rt::log10(x),
        "sin" => rt::sin(x),
        "cos" => rt::cos(x),
        "tan" => rt::tan(x),
        "asin" => rt::asin(x),
        "acos" => rt::acos(x),
        "atan" => rt::atan(x),
        "sinh" => rt::sinh(x),
        "cosh" => rt::cosh(x),
        "tanh" => rt::tanh(x),
        "cbrt" => rt::cbrt(x),
        _ => return None,
    })
}

fn math2(name: &str, x: f64, y: f64) -> Option<f64> {
    use xl_runtime as rt;
    Some(match name {
        "pow" => rt::pow(x, y),
        "fmod" => rt::fmod(x, y),
        "atan2" => rt::atan2(x, y),
        "hypot" => rt::hypot(x, y),
        "fmin" => rt::fmin(x, y),
        "fmax" => rt::fmax(x, y),
        "copysign" => rt::copysign(x, y),
        _ => return None,
    })
}

fn math1f(name: &str, x: f32) -> Option<f32> {
    use xl_runtime as rt;
    Some(match name {
        "sqrtf" => rt::sqrtf(x),
        "fabsf" => rt::fabsf(x),
        "floorf" => rt::floorf(x),
        "ceilf" => rt::ceilf(x),
        "roundf" => rt::roundf(x),
        "truncf" => x.trunc(),
        "expf" => rt::expf(x),
        "logf" => rt::logf(x),
        "sinf" => rt::sinf(x),
        "cosf" => rt::cosf(x),
        "tanf" => x.tan(),
        _ => return None,
    })
}

fn math2f(name: &str, x: f32, y: f32) -> Option<f32> {
    use xl_runtime as rt;
    Some(match name {
        "powf" => rt::powf(x, y),
        "fmodf" => rt::fmodf(x, y),
        "atan2f" => x.atan2(y),
        // Exact: both operands are f32, and fmin/fmax return one of them.
        "fminf" => rt::fmin(f64::from(x), f64::from(y)) as f32,
        "fmaxf" => rt::fmax(f64::from(x), f64::from(y)) as f32,
        _ => return None,
    })
}

impl Machine<'_, '_> {
    /// Calls the library function `name`; `rty` is the call's result type (None when the
    /// call has no result value).
    pub(crate) fn call_extern(
        &mut self,
        name: &str,
        args: Vec<Val>,
        rty: Option<&Type>,
    ) -> Result<Option<Val>, Fault> {
        let r = self.extern_ret(name, &args)?;
        let Some(ty) = rty else { return Ok(None) };
        let v = match (r, ty) {
            (Ret::Int(v), Type::Int(t)) => Val::int(*t, v),
            (Ret::Int(v), Type::Bool) => Val::Bool(v != 0),
            (Ret::F64(x), Type::Float(FloatTy::F64)) => Val::F64(x),
            (Ret::F64(x), Type::Float(FloatTy::F32)) => Val::F32(x as f32),
            (Ret::F32(x), Type::Float(FloatTy::F32)) => Val::F32(x),
            (Ret::F32(x), Type::Float(FloatTy::F64)) => Val::F64(f64::from(x)),
            (Ret::Ptr(p), Type::Ptr(_)) => Val::Ptr(p),
            (Ret::Val(v), t) if v.fits(self.module(), t) => v,
            (Ret::Void, t) => return malformed(format!("{name} returns void, not {t}")),
            (_, t) => return malformed(format!("{name}: cannot return a {t}")),
        };
        Ok(Some(v))
    }

    fn out(&mut self, stream: u8, bytes: &[u8]) {
        match stream {
            2 => self.st.io.stderr.extend_from_slice(bytes),
            _ => self.st.io.stdout.extend_from_slice(bytes),
        }
    }

    /// Which standard stream a `FILE *` is (0 stdin, 1 stdout, 2 stderr).
    fn stream(&self, p: Pointer, what: &str) -> Result<u8, Fault> {
        if let Pointer::Obj { obj, .. } = p {
            if let Some(ObjKind::Stream(n)) = self.st.mem.objects.get(obj.index()).map(|o| &o.kind)
            {
                return Ok(*n);
            }
        }
        ub(format!("{what}: {} is not a standard stream", Val::Ptr(p)))
    }

    /// The bytes from `p` to its first NUL (exclusive), or to the end of its object when it
    /// has none (for functions bounded by a count, which may stop before a NUL).
    fn bounded_str(&self, p: Pointer, what: &str) -> Result<Vec<u8>, Fault> {
        let t = self.st.mem.tail(p, what)?;
        let n = t.iter().position(|&b| b == 0).unwrap_or(t.len());
        Ok(t[..n].to_vec())
    }

    fn cstr(&self, p: Pointer, what: &str) -> Result<Vec<u8>, Fault> {
        self.st.mem.cstr(p, what)
    }

    fn write_ptr(&mut self, at: Pointer, val: Pointer, what: &str) -> Result<(), Fault> {
        let a = self.st.mem.addr_of(val).to_le_bytes();
        self.st.mem.write_bytes(at, &a, what)
    }

    /// A zeroed heap block of `n` bytes, or null when the heap limit would be exceeded.
    fn heap_alloc(&mut self, n: u64) -> Result<Pointer, Fault> {
        if self.st.mem.heap_bytes.saturating_add(n) > self.config.max_heap
            || n > self.config.max_object
        {
            return Ok(Pointer::Null);
        }
        let o = self
            .st
            .mem
            .alloc(ObjKind::Heap, n, false, self.config.max_object)?;
        self.st.mem.heap_bytes += n;
        Ok(Pointer::Obj { obj: o, off: 0 })
    }

    fn heap_free(&mut self, p: Pointer, what: &str) -> Result<(), Fault> {
        match p {
            Pointer::Null => Ok(()),
            Pointer::Obj { obj, off: 0 }
                if self
                    .st
                    .mem
                    .objects
                    .get(obj.index())
                    .is_some_and(|o| o.kind == ObjKind::Heap && o.live) =>
            {
                self.st.mem.kill(obj);
                Ok(())
            }
            _ => ub(format!(
                "{what}: {} was not returned by malloc or is already freed",
                Val::Ptr(p)
            )),
        }
    }

    /// Formats a printf-family call: returns the bytes and the C return value.
    fn format(&self, fmt: Pointer, rest: &[Val], what: &str) -> Result<(Vec<u8>, i32), Fault> {
        let fmt = self.cstr(fmt, what)?;
        let convs = scan_format(&fmt);
        let mut owned = Vec::with_capacity(rest.len());
        for (i, v) in rest.iter().enumerate() {
            let conv = convs.get(&i).copied();
            owned.push(match v {
                Val::Int(x) if x.ty.signed || x.ty.bits < 32 => OwnedArg::I(x.signed()),
                Val::Int(x) => OwnedArg::U(x.unsigned()),
                Val::Bool(b) => OwnedArg::I(i64::from(*b)),
                Val::F32(x) => OwnedArg::F(f64::from(*x)),
                Val::F64(x) => OwnedArg::F(*x),
                Val::Ptr(Pointer::Null) => OwnedArg::P(0),
                Val::Ptr(p) if conv == Some(b's') => OwnedArg::S(self.bounded_str(*p, what)?),
                Val::Ptr(p) => OwnedArg::P(self.st.mem.addr_of(*p)),
                Val::Agg(_) => {
                    return ub(format!("{what}: aggregate passed as a variadic argument"))
                }
            });
        }
        let args: Vec<xl_runtime::Arg> = owned
            .iter()
            .map(|o| match o {
                OwnedArg::I(x) => xl_runtime::Arg::I(*x),
                OwnedArg::U(x) => xl_runtime::Arg::U(*x),
                OwnedArg::F(x) => xl_runtime::Arg::F(*x),
                OwnedArg::S(s) => xl_runtime::Arg::S(s),
                OwnedArg::P(a) => xl_runtime::Arg::P(*a as usize),
            })
            .collect();
        let out = xl_runtime::format(&fmt, &args);
        let rc = xl_runtime::snprintf(&mut [], 0, &fmt, &args);
        Ok((out, rc))
    }

    /// Stores `strto*`'s end pointer when `end` is not null.
    fn set_end(
        &mut self,
        end: Pointer,
        s: Pointer,
        consumed: usize,
        what: &str,
    ) -> Result<(), Fault> {
        if end == Pointer::Null {
            return Ok(());
        }
        let p = self.ptr_add(s, consumed as i128)?;
        self.write_ptr(end, p, what)
    }

    /// Runs `f` with the runtime's `errno` synchronised with a module global named `errno`.
    fn with_errno<T>(&mut self, f: impl FnOnce() -> T) -> Result<T, Fault> {
        let module = self.module();
        let g = module
            .globals
            .iter()
            .find(|(_, g)| g.name == "errno" && g.ty == Type::I32)
            .map(|(id, _)| id);
        let obj = g.and_then(|g| {
            self.st
                .mem
                .globals
                .get(xl_base::EntityRef::index(g))
                .copied()
        });
        if let Some(o) = obj {
            let v = self.st.mem.load(self.layouts(), module, o, 0, &Type::I32)?;
            xl_runtime::set_errno(v.as_int().map_or(0, |i| i.signed() as i32));
        }
        let r = f();
        if let Some(o) = obj {
            let v = Val::i32(xl_runtime::errno());
            self.st
                .mem
                .store(self.layouts(), module, o, 0, &Type::I32, &v)?;
        }
        Ok(r)
    }

    fn extern_ret(&mut self, name: &str, v: &[Val]) -> Result<Ret, Fault> {
        use xl_runtime as rt;
        let a = Args { name, v };
        if let Some(f) = ctype_name(name) {
            return Ok(Ret::Int(i128::from(ctype(f, a.i32(0)?).unwrap_or(0))));
        }
        // Probe the tables with dummy operands first, so an argument of the wrong shape is
        // reported only for the functions that take it.
        if math1(name, 0.0).is_some() {
            let x = a.f64(0)?;
            return Ok(Ret::F64(math1(name, x).unwrap_or(x)));
        }
        if math1f(name, 0.0).is_some() {
            let x = a.f32(0)?;
            return Ok(Ret::F32(math1f(name, x).unwrap_or(x)));
        }
        if math2(name, 0.0, 0.0).is_some() {
            let (x, y) = (a.f64(0)?, a.f64(1)?);
            return Ok(Ret::F64(math2(name, x, y).unwrap_or(x)));
        }
        if math2f(name, 0.0, 0.0).is_some() {
            let (x, y) = (a.f32(0)?, a.f32(1)?);
            return Ok(Ret::F32(math2f(name, x, y).unwrap_or(x)));
        }
        Ok(match name {
            // ---- stdio ----
            "printf" => {
                let (out, rc) = self.format(a.ptr(0)?, &v[1..], name)?;
                self.out(1, &out);
                Ret::Int(rc.into())
            }
            "fprintf" => {
                let s = self.stream(a.ptr(0)?, name)?;
                let (out, rc) = self.format(a.ptr(1)?, &v[2..], name)?;
                if s == 0 {
                    return Ok(Ret::Int(-1));
                }
                self.out(s, &out);
                Ret::Int(rc.into())
            }
            "sprintf" => {
                let dst = a.ptr(0)?;
                let (mut out, rc) = self.format(a.ptr(1)?, &v[2..], name)?;
                out.push(0);
                self.st.mem.write_bytes(dst, &out, name)?;
                Ret::Int(rc.into())
            }
            "snprintf" => {
                let dst = a.ptr(0)?;
                let n = a.size(1)?;
                let (mut out, rc) = self.format(a.ptr(2)?, &v[3..], name)?;
                if n > 0 {
                    out.truncate((n - 1).min(out.len() as u64) as usize);
                    out.push(0);
                    self.st.mem.write_bytes(dst, &out, name)?;
                }
                Ret::Int(rc.into())
            }
            "puts" => {
                let mut s = self.cstr(a.ptr(0)?, name)?;
                s.push(b'\n');
                self.out(1, &s);
                Ret::Int(s.len() as i128)
            }
            "fputs" => {
                let s = self.cstr(a.ptr(0)?, name)?;
                let st = self.stream(a.ptr(1)?, name)?;
                if st == 0 {
                    return Ok(Ret::Int(-1));
                }
                self.out(st, &s);
                Ret::Int(1)
            }
            "putchar" => {
                let c = a.i32(0)? as u8;
                self.out(1, &[c]);
                Ret::Int(c.into())
            }
            "fputc" | "putc" => {
                let c = a.i32(0)? as u8;
                let st = self.stream(a.ptr(1)?, name)?;
                if st == 0 {
                    return Ok(Ret::Int(-1));
                }
                self.out(st, &[c]);
                Ret::Int(c.into())
            }
            "fwrite" => {
                let n = a.size(1)?.saturating_mul(a.size(2)?);
                let st = self.stream(a.ptr(3)?, name)?;
                let bytes = self.st.mem.read_bytes(a.ptr(0)?, n, name)?.to_vec();
                if st == 0 {
                    return Ok(Ret::Int(0));
                }
                self.out(st, &bytes);
                Ret::Int(a.int(2)?)
            }
            "fflush" => {
                let p = a.ptr(0)?;
                if p != Pointer::Null {
                    self.stream(p, name)?;
                }
                Ret::Int(0)
            }
            "setbuf" | "setvbuf" => {
                self.stream(a.ptr(0)?, name)?;
                if name == "setbuf" {
                    Ret::Void
                } else {
                    Ret::Int(0)
                }
            }
            "getchar" => Ret::Int(self.getc().into()),
            "getc" | "fgetc" => {
                if self.stream(a.ptr(0)?, name)? != 0 {
                    return Ok(Ret::Int(-1));
                }
                Ret::Int(self.getc().into())
            }
            "fgets" => {
                let dst = a.ptr(0)?;
                let n = a.i32(1)?;
                if self.stream(a.ptr(2)?, name)? != 0 || n <= 0 {
                    return Ok(Ret::Ptr(Pointer::Null));
                }
                let mut line = Vec::new();
                while line.len() < (n - 1) as usize {
                    let c = self.getc();
                    if c < 0 {
                        break;
                    }
                    line.push(c as u8);
                    if c == i32::from(b'\n') {
                        break;
                    }
                }
                if line.is_empty() && n > 1 {
                    return Ok(Ret::Ptr(Pointer::Null));
                }
                line.push(0);
                self.st.mem.write_bytes(dst, &line, name)?;
                Ret::Ptr(dst)
            }
            // ---- process ----
            "exit" | "_Exit" => return Err(Fault::Exit(a.i32(0)?)),
            "abort" => return Err(Fault::Abort),
            "__assert_fail" => {
                let expr = self.cstr(a.ptr(0)?, name)?;
                let file = self.cstr(a.ptr(1)?, name)?;
                let line = a.int(2)?;
                let mut msg = file;
                msg.extend_from_slice(format!(":{line}: Assertion `").as_bytes());
                msg.extend_from_slice(&expr);
                msg.extend_from_slice(b"' failed.\n");
                self.out(2, &msg);
                return Err(Fault::Abort);
            }
            // ---- stdlib ----
            "abs" => Ret::Int(rt::abs(a.i32(0)?).into()),
            "labs" | "llabs" | "imaxabs" => Ret::Int(rt::labs(a.int(0)? as i64).into()),
            "div" | "ldiv" | "lldiv" => {
                let (x, y) = (a.int(0)?, a.int(1)?);
                let bits = if name == "div" { 32 } else { 64 };
                let t = xl_ir::IntTy { bits, signed: true };
                if y == 0 || (x == t.min() && y == -1) {
                    return ub(format!("{name}: division by zero or overflow ({x} / {y})"));
                }
                Ret::Val(Val::Agg(vec![Val::int(t, x / y), Val::int(t, x % y)]))
            }
            "atoi" => Ret::Int(rt::atoi(&self.cstr(a.ptr(0)?, name)?).into()),
            "atol" | "atoll" => Ret::Int(rt::atol(&self.cstr(a.ptr(0)?, name)?).into()),
            "atof" => Ret::F64(rt::atof(&self.cstr(a.ptr(0)?, name)?)),
            "strtol" | "strtoll" | "strtoimax" => {
                let s = a.ptr(0)?;
                let bytes = self.cstr(s, name)?;
                let base = a.i32(2)?;
                let (x, n) = self.with_errno(|| rt::strtol(&bytes, base))?;
                self.set_end(a.ptr(1)?, s, n, name)?;
                Ret::Int(x.into())
            }
            "strtoul" | "strtoull" | "strtoumax" => {
                let s = a.ptr(0)?;
                let bytes = self.cstr(s, name)?;
                let base = a.i32(2)?;
                let (x, n) = self.with_errno(|| rt::strtoul(&bytes, base))?;
                self.set_end(a.ptr(1)?, s, n, name)?;
                Ret::Int(x.into())
            }
            "strtod" | "strtof" => {
                let s = a.ptr(0)?;
                let bytes = self.cstr(s, name)?;
                let (x, n) = self.with_errno(|| rt::strtod(&bytes))?;
                self.set_end(a.ptr(1)?, s, n, name)?;
                if name == "strtof" {
                    Ret::F32(x as f32)
                } else {
                    Ret::F64(x)
                }
            }
            "rand" => Ret::Int(rt::rand().into()),
            "srand" => {
                rt::srand(a.int(0)? as u32);
                Ret::Void
            }
            "malloc" => Ret::Ptr(self.heap_alloc(a.size(0)?)?),
            "calloc" => match a.size(0)?.checked_mul(a.size(1)?) {
                Some(n) => Ret::Ptr(self.heap_alloc(n)?),
                None => Ret::Ptr(Pointer::Null),
            },
            "realloc" => {
                let p = a.ptr(0)?;
                let n = a.size(1)?;
                if p == Pointer::Null {
                    return Ok(Ret::Ptr(self.heap_alloc(n)?));
                }
                // Validate before copying: realloc of a non-heap pointer is undefined.
                let old_size = match p {
                    Pointer::Obj { obj, off: 0 }
                        if self
                            .st
                            .mem
                            .objects
                            .get(obj.index())
                            .is_some_and(|o| o.kind == ObjKind::Heap && o.live) =>
                    {
                        self.st.mem.objects[obj.index()].size
                    }
                    _ => {
                        return ub(format!(
                            "realloc: {} was not returned by malloc or is already freed",
                            Val::Ptr(p)
                        ))
                    }
                };
                if n == 0 {
                    self.heap_free(p, name)?;
                    return Ok(Ret::Ptr(Pointer::Null));
                }
                let q = self.heap_alloc(n)?;
                if q == Pointer::Null {
                    return Ok(Ret::Ptr(q));
                }
                let keep = self.st.mem.read_bytes(p, old_size.min(n), name)?.to_vec();
                self.st.mem.write_bytes(q, &keep, name)?;
                self.heap_free(p, name)?;
                Ret::Ptr(q)
            }
            "free" => {
                self.heap_free(a.ptr(0)?, name)?;
                Ret::Void
            }
            "qsort" => {
                self.qsort(a.ptr(0)?, a.size(1)?, a.size(2)?, a.ptr(3)?)?;
                Ret::Void
            }
            "bsearch" => {
                Ret::Ptr(self.bsearch(a.ptr(0)?, a.ptr(1)?, a.size(2)?, a.size(3)?, a.ptr(4)?)?)
            }
            "getenv" => {
                self.cstr(a.ptr(0)?, name)?;
                Ret::Ptr(Pointer::Null)
            }
            // ---- string.h ----
            "strlen" => Ret::Int(self.cstr(a.ptr(0)?, name)?.len() as i128),
            "strnlen" => {
                let n = a.size(1)?;
                let s = self.bounded_str(a.ptr(0)?, name)?;
                Ret::Int(i128::from((s.len() as u64).min(n)))
            }
            "strcmp" => {
                let x = self.bounded_str(a.ptr(0)?, name)?;
                let y = self.bounded_str(a.ptr(1)?, name)?;
                Ret::Int(rt::strcmp(&x, &y).into())
            }
            "strncmp" => {
                let x = self.bounded_str(a.ptr(0)?, name)?;
                let y = self.bounded_str(a.ptr(1)?, name)?;
                Ret::Int(rt::strncmp(&x, &y, a.size(2)?).into())
            }
            "strcasecmp" | "strncasecmp" => {
                let x = self.bounded_str(a.ptr(0)?, name)?;
                let y = self.bounded_str(a.ptr(1)?, name)?;
                let n = if name == "strcasecmp" {
                    u64::MAX
                } else {
                    a.size(2)?
                };
                let low =
                    |s: &[u8]| -> Vec<u8> { s.iter().map(|b| b.to_ascii_lowercase()).collect() };
                Ret::Int(rt::strncmp(&low(&x), &low(&y), n).into())
            }
            "strcpy" => {
                let dst = a.ptr(0)?;
                let mut s = self.cstr(a.ptr(1)?, name)?;
                s.push(0);
                self.st.mem.write_bytes(dst, &s, name)?;
                Ret::Ptr(dst)
            }
            "strncpy" => {
                let dst = a.ptr(0)?;
                let n = a.size(2)?;
                let mut s = self.bounded_str(a.ptr(1)?, name)?;
                s.truncate(n.min(s.len() as u64) as usize);
                // Check the destination before building the padded copy.
                self.st.mem.read_bytes(dst, n, name)?;
                s.resize(n as usize, 0);
                self.st.mem.write_bytes(dst, &s, name)?;
                Ret::Ptr(dst)
            }
            "strcat" | "strncat" => {
                let dst = a.ptr(0)?;
                let d = self.cstr(dst, name)?.len();
                let mut s = if name == "strcat" {
                    self.cstr(a.ptr(1)?, name)?
                } else {
                    let mut s = self.bounded_str(a.ptr(1)?, name)?;
                    s.truncate(a.size(2)?.min(s.len() as u64) as usize);
                    s
                };
                s.push(0);
                let at = self.ptr_add(dst, d as i128)?;
                self.st.mem.write_bytes(at, &s, name)?;
                Ret::Ptr(dst)
            }
            "strchr" | "strrchr" => {
                let p = a.ptr(0)?;
                let s = self.cstr(p, name)?;
                let mut with_nul = s;
                with_nul.push(0);
                let c = a.i32(1)?;
                let found = if name == "strchr" {
                    rt::strchr(&with_nul, c)
                } else {
                    rt::strrchr(&with_nul, c)
                };
                Ret::Ptr(self.offset_or_null(p, found)?)
            }
            "strstr" => {
                let p = a.ptr(0)?;
                let h = self.cstr(p, name)?;
                let n = self.cstr(a.ptr(1)?, name)?;
                Ret::Ptr(self.offset_or_null(p, rt::strstr(&h, &n))?)
            }
            "strpbrk" => {
                let p = a.ptr(0)?;
                let s = self.cstr(p, name)?;
                let acc = self.cstr(a.ptr(1)?, name)?;
                Ret::Ptr(self.offset_or_null(p, rt::strpbrk(&s, &acc))?)
            }
            "strspn" | "strcspn" => {
                let s = self.cstr(a.ptr(0)?, name)?;
                let set = self.cstr(a.ptr(1)?, name)?;
                Ret::Int(
                    if name == "strspn" {
                        rt::strspn(&s, &set)
                    } else {
                        rt::strcspn(&s, &set)
                    }
                    .into(),
                )
            }
            "strtok" => Ret::Ptr(self.strtok(a.ptr(0)?, a.ptr(1)?)?),
            "strdup" | "strndup" => {
                let mut s = if name == "strdup" {
                    self.cstr(a.ptr(0)?, name)?
                } else {
                    let mut s = self.bounded_str(a.ptr(0)?, name)?;
                    s.truncate(a.size(1)?.min(s.len() as u64) as usize);
                    s
                };
                s.push(0);
                let q = self.heap_alloc(s.len() as u64)?;
                if q != Pointer::Null {
                    self.st.mem.write_bytes(q, &s, name)?;
                }
                Ret::Ptr(q)
            }
            "memcpy" | "memmove" => {
                let (dst, src, n) = (a.ptr(0)?, a.ptr(1)?, a.size(2)?);
                if n == 0 {
                    return Ok(Ret::Ptr(dst));
                }
                let bytes = self.st.mem.read_bytes(src, n, name)?.to_vec();
                if name == "memcpy" {
                    if let (Pointer::Obj { obj: o1, off: d }, Pointer::Obj { obj: o2, off: s }) =
                        (dst, src)
                    {
                        if o1 == o2 && d < s + n && s < d + n {
                            return ub("memcpy: source and destination overlap");
                        }
                    }
                }
                self.st.mem.write_bytes(dst, &bytes, name)?;
                Ret::Ptr(dst)
            }
            "memset" => {
                let (dst, c, n) = (a.ptr(0)?, a.i32(1)?, a.size(2)?);
                if n > self.config.max_object {
                    return ub(format!("{name}: count {n} exceeds any object"));
                }
                self.st
                    .mem
                    .write_bytes(dst, &vec![c as u8; n as usize], name)?;
                Ret::Ptr(dst)
            }
            "memcmp" => {
                let n = a.size(2)?;
                let x = self.st.mem.read_bytes(a.ptr(0)?, n, name)?;
                let y = self.st.mem.read_bytes(a.ptr(1)?, n, name)?;
                Ret::Int(rt::memcmp(x, y, n).into())
            }
            "memchr" => {
                let p = a.ptr(0)?;
                let n = a.size(2)?;
                let s = self.st.mem.read_bytes(p, n, name)?;
                let found = rt::memchr(s, a.i32(1)?, n);
                Ret::Ptr(self.offset_or_null(p, found)?)
            }
            // ---- math with pointers or integer results ----
            "ldexp" => Ret::F64(rt::ldexp(a.f64(0)?, a.i32(1)?)),
            "frexp" => {
                let (m, e) = rt::frexp(a.f64(0)?);
                let ep = a.ptr(1)?;
                self.st.mem.write_bytes(ep, &e.to_le_bytes(), name)?;
                Ret::F64(m)
            }
            "modf" => {
                let (frac, int) = rt::modf(a.f64(0)?);
                let ip = a.ptr(1)?;
                self.st
                    .mem
                    .write_bytes(ip, &int.to_bits().to_le_bytes(), name)?;
                Ret::F64(frac)
            }
            "lround" | "llround" => {
                let x = rt::round(a.f64(0)?);
                match crate::ops::float_to_int(x, xl_ir::IntTy::I64) {
                    Ok(i) => Ret::Int(i.math()),
                    // glibc returns LONG_MIN for NaN and out-of-range values (FE_INVALID).
                    Err(_) => Ret::Int(i128::from(i64::MIN)),
                }
            }
            "isnan" => Ret::Int(rt::isnan(a.f64(0)?).into()),
            "isinf" => Ret::Int(rt::isinf(a.f64(0)?).into()),
            "isfinite" => Ret::Int(rt::isfinite(a.f64(0)?).into()),
            "signbit" => Ret::Int(i128::from(a.f64(0)?.is_sign_negative())),
            _ => return Err(Fault::Unsupported(name.to_string())),
        })
    }

    /// `p + off` for a found index, or null.
    fn offset_or_null(&self, p: Pointer, found: Option<usize>) -> Result<Pointer, Fault> {
        match found {
            Some(i) => self.ptr_add(p, i as i128),
            None => Ok(Pointer::Null),
        }
    }

    fn getc(&mut self) -> i32 {
        let io = &mut self.st.io;
        match io.stdin.get(io.stdin_pos) {
            Some(b) => {
                io.stdin_pos += 1;
                i32::from(*b)
            }
            None => -1,
        }
    }

    /// glibc's `strtok`.
    fn strtok(&mut self, s: Pointer, delim: Pointer) -> Result<Pointer, Fault> {
        let start = if s == Pointer::Null {
            match self.st.io.strtok {
                Some(p) => p,
                None => return Ok(Pointer::Null),
            }
        } else {
            s
        };
        let d = self.cstr(delim, "strtok")?;
        let text = self.cstr(start, "strtok")?;
        let skip = text.iter().take_while(|b| d.contains(b)).count();
        if skip == text.len() {
            self.st.io.strtok = Some(self.ptr_add(start, skip as i128)?);
            return Ok(Pointer::Null);
        }
        let tok = self.ptr_add(start, skip as i128)?;
        let len = text[skip..].iter().take_while(|b| !d.contains(b)).count();
        let end = self.ptr_add(tok, len as i128)?;
        if skip + len < text.len() {
            self.st.mem.write_bytes(end, &[0], "strtok")?;
            self.st.io.strtok = Some(self.ptr_add(end, 1)?);
        } else {
            self.st.io.strtok = Some(end);
        }
        Ok(tok)
    }

    /// Calls comparator `cmp` on two pointers.
    fn compare(&mut self, cmp: Pointer, x: Pointer, y: Pointer, what: &str) -> Result<i32, Fault> {
        let Pointer::Func(f) = cmp else {
            return ub(format!(
                "{what}: comparator {} is not a function",
                Val::Ptr(cmp)
            ));
        };
        let span = self.current_span();
        match self.call_nested(f, vec![Val::Ptr(x), Val::Ptr(y)], &span)? {
            Some(Val::Int(r)) => Ok(r.signed() as i32),
            other => malformed(format!("{what}: comparator returned {other:?}")),
        }
    }

    /// `qsort`: a stable merge sort (what glibc's `msort` gives for a consistent
    /// comparator). The comparator sees pointers into a temporary copy of the array.
    fn qsort(&mut self, base: Pointer, n: u64, size: u64, cmp: Pointer) -> Result<(), Fault> {
        let total = n
            .checked_mul(size)
            .ok_or_else(|| Fault::Ub("qsort: array size overflows".into()))?;
        let data = self.st.mem.read_bytes(base, total, "qsort")?.to_vec();
        // With zero-size elements every permutation is the same array.
        if n <= 1 || size == 0 {
            return Ok(());
        }
        let tmp = self
            .st
            .mem
            .alloc(ObjKind::Heap, total, false, self.config.max_object)?;
        self.st.mem.objects[tmp.index()]
            .bytes
            .copy_from_slice(&data);
        let at = |i: usize| Pointer::Obj {
            obj: tmp,
            off: i as u64 * size,
        };
        let n = n as usize;
        let mut order: Vec<usize> = (0..n).collect();
        let mut buf = vec![0usize; n];
        let mut width = 1;
        let mut result = Ok(());
        'outer: while width < n {
            let mut lo = 0;
            while lo < n {
                let mid = (lo + width).min(n);
                let hi = (lo + 2 * width).min(n);
                let (mut i, mut j, mut k) = (lo, mid, lo);
                while i < mid && j < hi {
                    match self.compare(cmp, at(order[i]), at(order[j]), "qsort") {
                        Ok(c) if c <= 0 => {
                            buf[k] = order[i];
                            i += 1;
                        }
                        Ok(_) => {
                            buf[k] = order[j];
                            j += 1;
                        }
                        Err(e) => {
                            result = Err(e);
                            break 'outer;
                        }
                    }
                    k += 1;
                }
                buf[k..k + (mid - i)].copy_from_slice(&order[i..mid]);
                k += mid - i;
                buf[k..k + (hi - j)].copy_from_slice(&order[j..hi]);
                lo = hi;
            }
            std::mem::swap(&mut order, &mut buf);
            width *= 2;
        }
        self.st.mem.kill(tmp);
        result?;
        let size = size as usize;
        let mut sorted = Vec::with_capacity(data.len());
        for &i in &order {
            sorted.extend_from_slice(&data[i * size..(i + 1) * size]);
        }
        self.st.mem.write_bytes(base, &sorted, "qsort")
    }

    /// glibc's `bsearch`.
    fn bsearch(
        &mut self,
        key: Pointer,
        base: Pointer,
        n: u64,
        size: u64,
        cmp: Pointer,
    ) -> Result<Pointer, Fault> {
        let (mut l, mut u) = (0u64, n);
        while l < u {
            let idx = (l + u) / 2;
            let p = self.ptr_add(base, i128::from(idx).saturating_mul(i128::from(size)))?;
            let c = self.compare(cmp, key, p, "bsearch")?;
            if c < 0 {
                u = idx;
            } else if c > 0 {
                l = idx + 1;
            } else {
                return Ok(p);
            }
        }
        Ok(Pointer::Null)
    }
}

/// The ctype function `name`, if it is one.
fn ctype_name(name: &str) -> Option<&str> {
    ctype(name, 0).map(|_| name)
}

#[cfg(test)]
mod tests {
    use super::scan_format;

    #[test]
    fn format_scan_marks_string_arguments() {
        let m = scan_format(b"%d %s %*.*f %%%5.2s %p");
        let got: Vec<(usize, u8)> = m.into_iter().collect();
        assert_eq!(
            got,
            vec![
                (0, b'd'),
                (1, b's'),
                (2, b'*'),
                (3, b'*'),
                (4, b'f'),
                (5, b's'),
                (6, b'p')
            ]
        );
        let m = scan_format(b"%2$s %1$d");
        assert_eq!(m.get(&1), Some(&b's'));
        assert_eq!(m.get(&0), Some(&b'd'));
    }
}
