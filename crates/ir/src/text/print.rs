//! The printer: [`Module`] and [`Func`] to text.
//!
//! The printer never panics, even on ill-formed IR (dangling ids print as written, unknown value
//! types as `?`), so the verifier can show the text of a broken function next to its errors.

use crate::func::*;
use crate::op::*;
use std::fmt::Write;
use xl_base::Span;

/// What to print besides the IR itself.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PrintOptions {
    /// Print `; @line:col` span annotations. Without them the text is shorter (snapshots)
    /// and parses back with unknown spans.
    pub spans: bool,
}

impl Default for PrintOptions {
    fn default() -> Self {
        PrintOptions { spans: true }
    }
}

/// The whole module, with spans.
pub fn print_module(m: &Module) -> String {
    print_module_with(m, PrintOptions::default())
}

/// The whole module with `opts`: structs, then globals, then declarations of functions that
/// were not lowered, then functions, separated by blank lines.
pub fn print_module_with(m: &Module, opts: PrintOptions) -> String {
    let mut p = Printer {
        out: String::new(),
        opts,
        file: String::new(),
    };
    for (id, s) in m.structs.iter() {
        let _ = write!(p.out, "{id} {} {{", quote_str(&s.name));
        for (i, field) in s.fields.iter().enumerate() {
            let sep = if i == 0 { " " } else { ", " };
            let _ = write!(p.out, "{sep}{}: {}", quote_str(&field.name), field.ty);
        }
        p.out.push_str(if s.fields.is_empty() { "}" } else { " }" });
        p.span_abs(&s.span);
        p.out.push('\n');
    }
    if !m.structs.is_empty() && !m.globals.is_empty() {
        p.out.push('\n');
    }
    for (id, g) in m.globals.iter() {
        let konst = if g.is_const { "const " } else { "" };
        let _ = write!(p.out, "{konst}{id} {}: {} = ", quote_str(&g.name), g.ty);
        print_init(&mut p.out, &g.init);
        p.span_abs(&g.span);
        p.out.push('\n');
    }
    if !m.decls.is_empty() && !p.out.is_empty() {
        p.out.push('\n');
    }
    for d in &m.decls {
        p.decl(d);
    }
    for (_, f) in m.funcs.iter() {
        if !p.out.is_empty() {
            p.out.push('\n');
        }
        p.func(m, f);
    }
    p.out
}

/// One function, with spans. `m` gives the function its id (found by identity, else by name).
pub fn print_func(m: &Module, f: &Func) -> String {
    let mut p = Printer {
        out: String::new(),
        opts: PrintOptions::default(),
        file: String::new(),
    };
    p.func(m, f);
    p.out
}

struct Printer {
    out: String,
    opts: PrintOptions,
    /// The current function's file: spans in it omit the file name.
    file: String,
}

impl Printer {
    /// A span outside functions: always with its file.
    fn span_abs(&mut self, span: &Span) {
        if self.opts.spans && *span != Span::default() {
            let _ = write!(
                self.out,
                "  ; @{}:{}:{}",
                quote_str(&span.file),
                span.line,
                span.col
            );
        }
    }
    /// A span inside a function: the file is omitted when it is the function's.
    fn span_rel(&mut self, span: &Span) {
        if !self.opts.spans || *span == Span::default() {
            return;
        }
        if span.file == self.file {
            let _ = write!(self.out, "  ; @{}:{}", span.line, span.col);
        } else {
            let _ = write!(
                self.out,
                "  ; @{}:{}:{}",
                quote_str(&span.file),
                span.line,
                span.col
            );
        }
    }

    /// `decl "name"("p": ty, ..) -> ret not_lowered "reason"`, then its span.
    fn decl(&mut self, d: &FuncDecl) {
        let _ = write!(self.out, "decl {}(", quote_str(&d.name));
        for (i, t) in d.sig.params.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            let name = d.param_names.get(i).map(String::as_str).unwrap_or("");
            let _ = write!(self.out, "{}: {t}", quote_str(name));
        }
        if d.sig.variadic {
            self.out.push_str(if d.sig.params.is_empty() {
                "..."
            } else {
                ", ..."
            });
        }
        let _ = write!(
            self.out,
            ") -> {} not_lowered {}",
            d.sig.ret,
            quote_str(&d.reason)
        );
        self.span_abs(&d.span);
        self.out.push('\n');
    }

    fn func(&mut self, m: &Module, f: &Func) {
        let id = m
            .funcs
            .iter()
            .find(|(_, g)| std::ptr::eq(*g, f))
            .or_else(|| m.funcs.iter().find(|(_, g)| g.name == f.name))
            .map(|(id, _)| id.to_string())
            .unwrap_or_else(|| format!("fn{}", m.funcs.len()));
        let stat = if f.is_static { "static " } else { "" };
        let _ = write!(self.out, "{stat}func {id} {}(", quote_str(&f.name));
        for (i, v) in f.params.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            let _ = write!(self.out, "{v}");
        }
        let _ = write!(self.out, ") -> {} {{", f.ret);
        self.span_abs(&f.span);
        self.out.push('\n');
        self.file = f.span.file.clone();
        if f.entry.as_u32() != 0 {
            let _ = writeln!(self.out, "    entry {}", f.entry);
        }
        for (v, data) in f.vars.iter() {
            let kind = match data.kind {
                VarKind::Param => "param",
                VarKind::Local => "local",
            };
            let _ = write!(
                self.out,
                "    {kind} {v} {}: {}",
                quote_str(&data.name),
                data.ty
            );
            self.span_rel(&data.span);
            self.out.push('\n');
        }
        for (b, data) in f.blocks.iter() {
            let _ = write!(self.out, "{b}");
            if !data.params.is_empty() {
                self.out.push('(');
                for (i, &v) in data.params.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    let _ = write!(self.out, "{v}: {}", ty_of(f, v));
                }
                self.out.push(')');
            }
            self.out.push(':');
            self.span_rel(&data.span);
            self.out.push('\n');
            for &inst in &data.insts {
                // A dangling instruction id prints as `<dangling instN>`, which does not parse:
                // it is a bug in whatever built the function.
                let _ = write!(self.out, "    {}", inst_text(f, inst));
                if let Some(d) = f.insts.get(inst) {
                    self.span_rel(&d.span);
                }
                self.out.push('\n');
            }
            self.out.push_str("    ");
            print_term(&mut self.out, &data.term);
            self.out.push('\n');
        }
        self.out.push_str("}\n");
        self.file.clear();
    }
}

/// One instruction as printed, without its span (for error messages).
pub(crate) fn inst_text(f: &Func, inst: Inst) -> String {
    let mut out = String::new();
    match f.insts.get(inst) {
        Some(d) => {
            if let Some(r) = d.result {
                let _ = write!(out, "{r}: {} = ", ty_of(f, r));
            }
            print_op(&mut out, &d.op);
        }
        None => {
            let _ = write!(out, "<dangling {inst}>");
        }
    }
    out
}

/// A terminator as printed (for error messages).
pub(crate) fn term_text(t: &Terminator) -> String {
    let mut out = String::new();
    print_term(&mut out, t);
    out
}

fn ty_of(f: &Func, v: Value) -> String {
    match f.values.get(v) {
        Some(d) => d.ty.to_string(),
        None => "?".to_string(),
    }
}

/// An instruction without its result, e.g. `add.nsw v1, v2`.
fn print_op(out: &mut String, op: &Op) {
    let _ = match op {
        Op::Iconst(n) => write!(out, "iconst {n}"),
        Op::Bconst(b) => write!(out, "bconst {b}"),
        Op::Fconst(x) => write!(out, "fconst {}", float(*x)),
        Op::Str(bytes) => write!(out, "str {}", quote(bytes)),
        Op::Null => write!(out, "null"),
        Op::FuncAddr(f) => write!(out, "funcaddr {f}"),
        Op::Unary { op, arg, nsw } => write!(out, "{}{} {arg}", op.mnemonic(), nsw_suffix(*nsw)),
        Op::Binary { op, lhs, rhs, nsw } => {
            write!(out, "{}{} {lhs}, {rhs}", op.mnemonic(), nsw_suffix(*nsw))
        }
        Op::Icmp { cond, lhs, rhs } => write!(out, "icmp {} {lhs}, {rhs}", cond.mnemonic()),
        Op::Fcmp { cond, lhs, rhs } => write!(out, "fcmp {} {lhs}, {rhs}", cond.mnemonic()),
        Op::Cast { kind, arg } => write!(out, "{} {arg}", kind.mnemonic()),
        Op::Select {
            cond,
            if_true,
            if_false,
        } => {
            write!(out, "select {cond}, {if_true}, {if_false}")
        }
        Op::Load(p) => write!(out, "load {}", place(p)),
        Op::Store(p, v) => write!(out, "store {}, {v}", place(p)),
        Op::Addr(p) => write!(out, "addr {}", place(p)),
        Op::PtrAdd { ptr, offset } => write!(out, "ptradd {ptr}, {offset}"),
        Op::PtrDiff { lhs, rhs } => write!(out, "ptrdiff {lhs}, {rhs}"),
        Op::Call { callee, args } => {
            let _ = match callee {
                Callee::Func(f) => write!(out, "call {f}("),
                Callee::Extern(name) => write!(out, "call @{}(", extern_name(name)),
                Callee::Indirect(v) => write!(out, "call {v}("),
            };
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "{a}");
            }
            write!(out, ")")
        }
    };
}

fn nsw_suffix(nsw: bool) -> &'static str {
    if nsw {
        ".nsw"
    } else {
        ""
    }
}

/// A place: `var2`, `global0.1`, `*v3[v4]`, `var0[v1].2`.
fn place(p: &Place) -> String {
    let mut s = match &p.base {
        PlaceBase::Var(v) => v.to_string(),
        PlaceBase::Global(g) => g.to_string(),
        PlaceBase::Deref(v) => format!("*{v}"),
    };
    for proj in &p.proj {
        let _ = match proj {
            Proj::Field(n) => write!(s, ".{n}"),
            Proj::Index(v) => write!(s, "[{v}]"),
        };
    }
    s
}

fn block_call(out: &mut String, c: &BlockCall) {
    let _ = write!(out, "{}", c.block);
    if !c.args.is_empty() {
        out.push('(');
        for (i, a) in c.args.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "{a}");
        }
        out.push(')');
    }
}

/// A terminator, e.g. `br v2, block1(v3), block2`.
fn print_term(out: &mut String, t: &Terminator) {
    match t {
        Terminator::Jump(c) => {
            out.push_str("jump ");
            block_call(out, c);
        }
        Terminator::Branch {
            cond,
            then_dest,
            else_dest,
        } => {
            let _ = write!(out, "br {cond}, ");
            block_call(out, then_dest);
            out.push_str(", ");
            block_call(out, else_dest);
        }
        Terminator::Switch {
            value,
            cases,
            default,
        } => {
            let _ = write!(out, "switch {value}, [");
            for (i, (n, b)) in cases.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "{n}: {b}");
            }
            let _ = write!(out, "], {default}");
        }
        Terminator::Return(None) => out.push_str("return"),
        Terminator::Return(Some(v)) => {
            let _ = write!(out, "return {v}");
        }
        Terminator::Unreachable => out.push_str("unreachable"),
    }
}

fn print_init(out: &mut String, init: &Init) {
    let _ = match init {
        Init::Zero => write!(out, "zero"),
        Init::Int(n) => write!(out, "{n}"),
        Init::Float(x) => write!(out, "float {}", float(*x)),
        Init::Aggregate(items) => {
            out.push('{');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { " " } else { ", " });
                print_init(out, item);
            }
            write!(out, "{}", if items.is_empty() { "}" } else { " }" })
        }
        Init::Bytes(b) => write!(out, "bytes {}", quote(b)),
        Init::Str(b) => write!(out, "str {}", quote(b)),
        Init::Func(f) => write!(out, "{f}"),
        Init::GlobalAddr(g) => write!(out, "addr {g}"),
        Init::Null => write!(out, "null"),
    };
}

/// A float that parses back to the same bits: Rust's shortest round-tripping decimal
/// (`1.5`, `-0.0`, `1e-7`, `inf`), or `0x` and the 16 hex digits of the bits for NaNs, whose
/// sign and payload a decimal cannot carry.
pub(crate) fn float(x: f64) -> String {
    if x.is_nan() {
        format!("0x{:016x}", x.to_bits())
    } else {
        format!("{x:?}")
    }
}

/// A quoted name: as [`quote`], except that non-ASCII characters other than controls stay as
/// they are (the parser reads them back as their UTF-8 bytes).
pub(crate) fn quote_str(name: &str) -> String {
    let mut s = String::with_capacity(name.len() + 2);
    for ch in name.chars() {
        if ch.is_ascii() || ch.is_control() {
            let mut buf = [0u8; 4];
            let q = quote(ch.encode_utf8(&mut buf).as_bytes());
            s.push_str(&q[1..q.len() - 1]);
        } else {
            s.push(ch);
        }
    }
    format!("\"{s}\"")
}

/// A quoted byte string: printable ASCII stays, `"` and `\` are escaped, `\n` `\t` `\r` `\0` by
/// name, other bytes as `\xNN`.
pub(crate) fn quote(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() + 2);
    s.push('"');
    for &b in bytes {
        match b {
            b'"' => s.push_str("\\\""),
            b'\\' => s.push_str("\\\\"),
            b'\n' => s.push_str("\\n"),
            b'\t' => s.push_str("\\t"),
            b'\r' => s.push_str("\\r"),
            0 => s.push_str("\\0"),
            0x20..=0x7e => s.push(b as char),
            _ => {
                let _ = write!(s, "\\x{b:02x}");
            }
        }
    }
    s.push('"');
    s
}

/// An extern callee name: bare when it is an identifier, quoted otherwise.
fn extern_name(name: &str) -> String {
    if is_ident(name) {
        name.to_string()
    } else {
        quote_str(name)
    }
}

/// `[A-Za-z_][A-Za-z0-9_]*`.
pub(crate) fn is_ident(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}
