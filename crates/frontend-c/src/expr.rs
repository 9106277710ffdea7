//! Expression lowering.
//!
//! An expression lowers to an [`Opnd`]: a place (an lvalue, not yet read), an rvalue ([`Rv`]),
//! a string literal, a function designator, or nothing (`void`). Rvalues are lazy constants
//! where possible ([`K::I`], [`K::F`], [`K::Null`]): operations on constants fold with exactly
//! the run-time semantics (wrap-around in the result type; division by zero and out-of-range
//! shifts are never folded), and a constant is materialised only where an instruction needs
//! it. The same machinery evaluates constant expressions (array sizes, case labels, enum
//! values, static initialisers) on a scratch builder.
//!
//! Invariants (the lowering contract):
//! - C's integer promotions and usual arithmetic conversions are explicit casts; binary
//!   integer ops see two operands of one type; signed `+ - * <<` and unary `-` carry `nsw`.
//! - Conditions are `bool` values; comparisons produce `bool` directly.
//! - SSA values never cross blocks: when a later operand may create blocks (`&&`, `||`, `?:`,
//!   a `noreturn` call), earlier operand values are spilled to temporary variables first.
//! - `p[i]`, `*(p + i)`: `Deref(p)` + `Index(i)`; `a[i][j]` on arrays is one place; indices are
//!   `i64`/`u64`; arrays decay to `Addr(a[0])`.

use crate::ctype::{from_ir, promote, usual_arith, CFunc, CType};
use crate::cx::{Cx, FuncSym, Sym, R};
use lang_c::ast::{
    BinaryOperator, CallExpression, Constant, Expression, FloatBase, FloatFormat, IntegerBase,
    IntegerSize, MemberOperator, OffsetMember, UnaryOperator,
};
use lang_c::span::Node;
use xl_base::{Diagnostic, Span};
use xl_ir::{
    BinaryOp, BlockCall, Callee, CastKind, FloatCC, FloatTy, FuncBuilder, FuncId, GlobalData, Init,
    IntCC, IntTy, Op, Place, PlaceBase, Proj, Terminator, Type, UnaryOp, Value, ValueDef, Var,
};

/// The kind of an rvalue: an SSA value or a lazy constant.
#[derive(Clone, Debug, PartialEq)]
pub enum K {
    /// An SSA value in the current block.
    V(Value),
    /// An integer (or bool 0/1) constant, in range of the type.
    I(i128),
    /// A float constant (exact in the type).
    F(f64),
    /// The null pointer.
    Null,
}

/// An rvalue with its C type.
#[derive(Clone, Debug, PartialEq)]
pub struct Rv {
    /// Value or constant.
    pub k: K,
    /// C type.
    pub ty: CType,
}

impl Rv {
    /// An integer constant.
    pub fn int(v: i128, ty: CType) -> Rv {
        Rv { k: K::I(v), ty }
    }
    /// A value.
    pub fn v(v: Value, ty: CType) -> Rv {
        Rv { k: K::V(v), ty }
    }
}

/// What an expression lowers to.
#[derive(Clone, Debug)]
pub enum Opnd {
    /// An rvalue.
    Rv(Rv),
    /// An lvalue: a place and its type.
    Place(Place, CType),
    /// A string literal (bytes including the NUL).
    Str(Vec<u8>),
    /// A function designator.
    Func(FuncSym),
    /// No value.
    Void,
}

/// An rvalue kept across control flow.
pub enum Kept {
    /// A constant (re-materialised where needed).
    Rv(Rv),
    /// Spilled to a temporary.
    Var(Var, CType),
}

/// A place whose operand values are kept across control flow.
pub struct KeptPlace {
    place: Place,
    saved: Vec<SavedValue>,
}

enum SavedValue {
    Const(i128, Type),
    Var(Var, Type),
}

enum KeptOpnd {
    Place(KeptPlace, CType),
    Rv(Kept),
    Other(Opnd),
}

/// Comparison operators of C.
fn is_comparison(op: &BinaryOperator) -> bool {
    use BinaryOperator::*;
    matches!(
        op,
        Less | Greater | LessOrEqual | GreaterOrEqual | Equals | NotEquals
    )
}

/// True when the expression's C type is `int` although we lower it to `bool`.
fn is_int_valued_bool(e: &Expression) -> bool {
    match e {
        Expression::BinaryOperator(b) => {
            is_comparison(&b.node.operator.node)
                || matches!(
                    b.node.operator.node,
                    BinaryOperator::LogicalAnd | BinaryOperator::LogicalOr
                )
        }
        Expression::UnaryOperator(u) => u.node.operator.node == UnaryOperator::Negate,
        _ => false,
    }
}

/// Folds an integer operation with run-time semantics; `None` where it must not fold.
fn fold_int(op: BinaryOp, a: i128, b: i128, t: IntTy) -> Option<i128> {
    use BinaryOp::*;
    let r = match op {
        Add => a.wrapping_add(b),
        Sub => a.wrapping_sub(b),
        Mul => a.wrapping_mul(b),
        SDiv | UDiv => {
            if b == 0 {
                return None;
            }
            a / b
        }
        SRem | URem => {
            if b == 0 {
                return None;
            }
            a % b
        }
        And => a & b,
        Or => a | b,
        Xor => a ^ b,
        Shl => {
            if b < 0 || b >= i128::from(t.bits) {
                return None;
            }
            (a as u128).wrapping_shl(b as u32) as i128
        }
        LShr | AShr => {
            if b < 0 || b >= i128::from(t.bits) {
                return None;
            }
            a >> b
        }
        _ => return None,
    };
    Some(t.wrap(r))
}

fn fold_float(op: BinaryOp, a: f64, b: f64, f: FloatTy) -> Option<f64> {
    use BinaryOp::*;
    match f {
        FloatTy::F64 => Some(match op {
            FAdd => a + b,
            FSub => a - b,
            FMul => a * b,
            FDiv => a / b,
            _ => return None,
        }),
        FloatTy::F32 => {
            let (a, b) = (a as f32, b as f32);
            Some(f64::from(match op {
                FAdd => a + b,
                FSub => a - b,
                FMul => a * b,
                FDiv => a / b,
                _ => return None,
            }))
        }
    }
}

fn round_to(x: f64, f: FloatTy) -> f64 {
    match f {
        FloatTy::F64 => x,
        FloatTy::F32 => f64::from(x as f32),
    }
}

fn int_to_float(v: i128, f: FloatTy) -> f64 {
    match f {
        FloatTy::F64 => v as f64,
        FloatTy::F32 => f64::from(v as f32),
    }
}

/// Decodes the escapes of a C character or string literal body into bytes.
pub fn unescape(body: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&c) = b.get(i) else {
            return Err("a trailing backslash".into());
        };
        i += 1;
        let v: u32 = match c {
            b'n' => 10,
            b't' => 9,
            b'r' => 13,
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'v' => 11,
            b'e' | b'E' => 27,
            b'\\' => 92,
            b'\'' => 39,
            b'"' => 34,
            b'?' => 63,
            b'0'..=b'7' => {
                let mut v = u32::from(c - b'0');
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                    n += 1;
                }
                v
            }
            b'x' => {
                let start = i;
                let mut v: u32 = 0;
                while i < b.len() && b[i].is_ascii_hexdigit() {
                    v = v.wrapping_mul(16) + (b[i] as char).to_digit(16).unwrap_or(0);
                    i += 1;
                }
                if i == start {
                    return Err("`\\x` without hex digits".into());
                }
                v
            }
            b'u' | b'U' => return Err("universal character names".into()),
            other => u32::from(other),
        };
        out.push((v & 0xff) as u8);
    }
    Ok(out)
}

/// Parses a hexadecimal float body such as `1.8p3` (without the `0x`).
fn parse_hex_float(s: &str) -> Option<f64> {
    let s = s.trim_start_matches("0x").trim_start_matches("0X");
    let (mant, exp) = match s.find(['p', 'P']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().ok()?),
        None => (s, 0),
    };
    let (int, frac) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let mut v = 0f64;
    for c in int.chars() {
        v = v * 16.0 + f64::from(c.to_digit(16)?);
    }
    let mut scale = 1.0 / 16.0;
    for c in frac.chars() {
        v += f64::from(c.to_digit(16)?) * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}

impl Cx<'_> {
    // ----- emission helpers -----

    /// Appends an op with a result of type `ty`.
    pub fn emit(&mut self, op: Op, ty: Type) -> Value {
        let sp = self.f.span.clone();
        self.f.b.value(op, ty, sp)
    }

    /// Appends an op without a result.
    pub fn emit_void(&mut self, op: Op) {
        let sp = self.f.span.clone();
        self.f.b.ins(op, None, sp);
    }

    /// An error at the span currently being lowered.
    pub fn err_here(&self, code: &str, msg: impl Into<String>) -> Diagnostic {
        let d = Diagnostic::error(code, msg, self.f.span.clone());
        self.p.tus[self.tu].map.attach(d)
    }

    /// Materialises an rvalue as an SSA value.
    pub fn val(&mut self, rv: &Rv) -> Value {
        match rv.k {
            K::V(v) => v,
            K::I(i) => match rv.ty {
                CType::Bool => self.emit(Op::Bconst(i != 0), Type::Bool),
                _ => self.emit(Op::Iconst(i), rv.ty.ir()),
            },
            K::F(x) => self.emit(Op::Fconst(x), rv.ty.ir()),
            K::Null => self.emit(Op::Null, rv.ty.ir()),
        }
    }

    /// True when the rvalue is a null pointer (constant or an `Op::Null` value).
    pub fn is_null(&self, rv: &Rv) -> bool {
        match rv.k {
            K::Null => true,
            K::V(v) => {
                let f = self.f.b.func();
                match f.values.get(v).map(|d| d.def) {
                    Some(ValueDef::Inst(i)) => {
                        matches!(f.insts.get(i).map(|d| &d.op), Some(Op::Null))
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn new_temp(&mut self, ty: Type) -> Var {
        let sp = self.f.span.clone();
        self.f.b.add_local("tmp", ty, sp)
    }

    /// Keeps an rvalue across control flow.
    pub fn keep(&mut self, rv: Rv) -> Kept {
        match rv.k {
            K::V(v) => {
                let var = self.new_temp(rv.ty.ir());
                let sp = self.f.span.clone();
                self.f.b.store(Place::var(var), v, sp);
                Kept::Var(var, rv.ty)
            }
            _ => Kept::Rv(rv),
        }
    }

    /// Gets a kept rvalue back in the current block.
    pub fn restore(&mut self, k: Kept) -> Rv {
        match k {
            Kept::Rv(rv) => rv,
            Kept::Var(var, ty) => {
                let v = self.emit(Op::Load(Place::var(var)), ty.ir());
                Rv::v(v, ty)
            }
        }
    }

    fn const_def(&self, v: Value) -> Option<i128> {
        let f = self.f.b.func();
        match f.values.get(v).map(|d| d.def) {
            Some(ValueDef::Inst(i)) => match f.insts.get(i).map(|d| &d.op) {
                Some(Op::Iconst(c)) => Some(*c),
                _ => None,
            },
            _ => None,
        }
    }

    /// Keeps a place's operand values across control flow.
    pub fn keep_place(&mut self, place: Place) -> KeptPlace {
        let mut saved = Vec::new();
        for v in place.operands() {
            let ty = self
                .f
                .b
                .func()
                .values
                .get(v)
                .map(|d| d.ty.clone())
                .unwrap_or(Type::I64);
            match self.const_def(v) {
                Some(c) => saved.push(SavedValue::Const(c, ty)),
                None => {
                    let var = self.new_temp(ty.clone());
                    let sp = self.f.span.clone();
                    self.f.b.store(Place::var(var), v, sp);
                    saved.push(SavedValue::Var(var, ty));
                }
            }
        }
        KeptPlace { place, saved }
    }

    /// Gets a kept place back in the current block.
    pub fn restore_place(&mut self, k: KeptPlace) -> Place {
        let mut vals = Vec::new();
        for s in k.saved {
            vals.push(match s {
                SavedValue::Const(c, ty) => self.emit(Op::Iconst(c), ty),
                SavedValue::Var(var, ty) => self.emit(Op::Load(Place::var(var)), ty),
            });
        }
        let mut it = vals.into_iter();
        let mut place = k.place;
        if let PlaceBase::Deref(v) = &mut place.base {
            *v = it.next().unwrap_or(*v);
        }
        for p in &mut place.proj {
            if let Proj::Index(v) = p {
                *v = it.next().unwrap_or(*v);
            }
        }
        place
    }

    fn keep_opnd(&mut self, o: Opnd) -> KeptOpnd {
        match o {
            Opnd::Place(p, t) => KeptOpnd::Place(self.keep_place(p), t),
            Opnd::Rv(rv) => KeptOpnd::Rv(self.keep(rv)),
            o => KeptOpnd::Other(o),
        }
    }

    fn restore_opnd(&mut self, k: KeptOpnd) -> Opnd {
        match k {
            KeptOpnd::Place(p, t) => Opnd::Place(self.restore_place(p), t),
            KeptOpnd::Rv(k) => Opnd::Rv(self.restore(k)),
            KeptOpnd::Other(o) => o,
        }
    }

    // ----- syntactic predicates -----

    /// True when lowering `e` may create blocks (so values computed before it must be kept).
    pub fn has_cf(&self, e: &Node<Expression>) -> bool {
        match &e.node {
            Expression::BinaryOperator(b) => {
                matches!(
                    b.node.operator.node,
                    BinaryOperator::LogicalAnd | BinaryOperator::LogicalOr
                ) || self.has_cf(&b.node.lhs)
                    || self.has_cf(&b.node.rhs)
            }
            Expression::Conditional(_)
            | Expression::Statement(_)
            | Expression::CompoundLiteral(_) => true,
            Expression::Call(c) => {
                if let Expression::Identifier(id) = &c.node.callee.node {
                    let n = &id.node.name;
                    if n == "__builtin_unreachable" {
                        return true;
                    }
                    if let Some(Sym::Func(f)) = self.lookup(n) {
                        if f.noreturn || self.func_def(&f).is_some_and(|d| self.p.funcs[d].noreturn)
                        {
                            return true;
                        }
                    }
                }
                self.has_cf(&c.node.callee) || c.node.arguments.iter().any(|a| self.has_cf(a))
            }
            Expression::Comma(es) => es.iter().any(|x| self.has_cf(x)),
            Expression::Member(m) => self.has_cf(&m.node.expression),
            Expression::UnaryOperator(u) => self.has_cf(&u.node.operand),
            Expression::Cast(c) => self.has_cf(&c.node.expression),
            _ => false,
        }
    }

    /// True when `e` has no side effects and no precondition (no UB on any input), so it may
    /// be evaluated eagerly (for `BAnd`/`BOr`/`Select`).
    pub fn is_simple(&self, e: &Node<Expression>) -> bool {
        match &e.node {
            Expression::Constant(_) | Expression::StringLiteral(_) => true,
            Expression::Identifier(id) => match self.lookup(&id.node.name) {
                Some(Sym::Local(_, t)) => t.is_scalar(),
                Some(Sym::Global(k)) => {
                    let g = &self.p.globals[k];
                    g.error.is_none() && g.ty.is_scalar()
                }
                Some(Sym::Enum(_)) => true,
                _ => false,
            },
            Expression::UnaryOperator(u) => {
                matches!(
                    u.node.operator.node,
                    UnaryOperator::Negate | UnaryOperator::Complement | UnaryOperator::Plus
                ) && self.is_simple(&u.node.operand)
            }
            Expression::BinaryOperator(b) => {
                use BinaryOperator::*;
                let ordered = matches!(
                    b.node.operator.node,
                    Less | Greater | LessOrEqual | GreaterOrEqual
                );
                // Ordered pointer comparisons require both pointers in one object.
                let ptr_ident = |e: &Node<Expression>| match &e.node {
                    Expression::Identifier(id) => match self.lookup(&id.node.name) {
                        Some(Sym::Local(_, t)) => matches!(t, CType::Ptr(_)),
                        Some(Sym::Global(k)) => matches!(self.p.globals[k].ty, CType::Ptr(_)),
                        _ => false,
                    },
                    Expression::StringLiteral(_) => true,
                    _ => false,
                };
                if ordered && (ptr_ident(&b.node.lhs) || ptr_ident(&b.node.rhs)) {
                    return false;
                }
                (is_comparison(&b.node.operator.node)
                    || matches!(
                        b.node.operator.node,
                        BitwiseAnd | BitwiseOr | BitwiseXor | LogicalAnd | LogicalOr
                    ))
                    && self.is_simple(&b.node.lhs)
                    && self.is_simple(&b.node.rhs)
            }
            _ => false,
        }
    }

    // ----- entry points -----

    /// Runs `f` with the current span set to `span`, restoring it afterwards, so every op
    /// `f` emits is located at the expression being lowered.
    pub(crate) fn at<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = std::mem::replace(&mut self.f.span, span);
        let r = f(self);
        self.f.span = saved;
        r
    }

    /// Lowers an expression.
    pub fn lower(&mut self, e: &Node<Expression>) -> R<Opnd> {
        let sp = self.span(e.span);
        self.at(sp, |cx| cx.lower_inner(e))
    }

    /// Lowers an expression to an rvalue (arrays and functions decay).
    pub fn rvalue(&mut self, e: &Node<Expression>) -> R<Rv> {
        let o = self.lower(e)?;
        let sp = self.span(e.span);
        self.at(sp, |cx| cx.rv_of(o))
    }

    /// Lowers an expression for its side effects only.
    pub fn effect(&mut self, e: &Node<Expression>) -> R<()> {
        self.lower(e).map(|_| ())
    }

    /// Lowers a condition to a `bool` rvalue.
    pub fn cond_rv(&mut self, e: &Node<Expression>) -> R<Rv> {
        let rv = self.rvalue(e)?;
        let sp = self.span(e.span);
        self.at(sp, |cx| cx.bool_of(rv))
    }

    /// Lowers a condition to a `bool` value.
    pub fn cond(&mut self, e: &Node<Expression>) -> R<Value> {
        let rv = self.cond_rv(e)?;
        let sp = self.span(e.span);
        Ok(self.at(sp, |cx| cx.val(&rv)))
    }

    /// The C type of an expression, without emitting code (lowered on a scratch builder).
    pub fn type_of(&mut self, e: &Node<Expression>) -> R<CType> {
        let key = (self.tu, e.span.start, e.span.end);
        if !e.span.is_none() {
            if let Some(t) = self.p.type_cache.get(&key) {
                return Ok(t.clone());
            }
        }
        let saved = std::mem::replace(
            &mut self.f.b,
            FuncBuilder::new("scratch", Type::Void, self.f.span.clone()),
        );
        let r = self.lower(e);
        self.f.b = saved;
        let t = match r? {
            Opnd::Rv(rv) => rv.ty,
            Opnd::Place(_, t) => t,
            Opnd::Str(b) => CType::Array(Box::new(CType::CHAR), Some(b.len() as u64)),
            Opnd::Func(f) => CType::Func(Box::new(f.ty)),
            Opnd::Void => CType::Void,
        };
        let t = if t == CType::Bool && is_int_valued_bool(&e.node) {
            CType::INT
        } else {
            t
        };
        if !e.span.is_none() {
            self.p.type_cache.insert(key, t.clone());
        }
        Ok(t)
    }

    /// Evaluates an integer constant expression.
    pub fn const_int(&mut self, e: &Node<Expression>) -> R<(i128, CType)> {
        let saved = std::mem::replace(
            &mut self.f.b,
            FuncBuilder::new("scratch", Type::Void, self.f.span.clone()),
        );
        let r = self.rvalue(e);
        self.f.b = saved;
        match r? {
            Rv { k: K::I(v), ty } if ty.is_integer() => Ok((v, ty)),
            _ => Err(self.err("C0003", "expected an integer constant expression", e.span)),
        }
    }

    /// Evaluates a static initialiser expression converted to `ty`.
    pub fn const_init(&mut self, e: &Node<Expression>, ty: &CType) -> R<Init> {
        let saved = std::mem::replace(
            &mut self.f.b,
            FuncBuilder::new("scratch", Type::Void, self.f.span.clone()),
        );
        let r = self.const_init_inner(e, ty);
        self.f.b = saved;
        r
    }

    fn const_init_inner(&mut self, e: &Node<Expression>, ty: &CType) -> R<Init> {
        let rv = self.rvalue(e)?;
        let sp = self.span(e.span);
        self.f.span = sp;
        let rv = self.convert(rv, ty)?;
        let not_const = || "initializer element is not a constant";
        match rv.k {
            K::I(v) => Ok(Init::Int(v)),
            K::F(x) => Ok(Init::Float(x)),
            K::Null => Ok(Init::Null),
            K::V(mut v) => loop {
                let f = self.f.b.func();
                let Some(ValueDef::Inst(i)) = f.values.get(v).map(|d| d.def) else {
                    return Err(self.err("C0003", not_const(), e.span));
                };
                match &f.insts[i].op {
                    Op::Cast {
                        kind: CastKind::PtrCast,
                        arg,
                    } => v = *arg,
                    Op::Str(b) => return Ok(Init::Str(b.clone())),
                    Op::FuncAddr(fid) => return Ok(Init::Func(*fid)),
                    Op::Null => return Ok(Init::Null),
                    Op::Addr(Place {
                        base: PlaceBase::Global(g),
                        proj,
                    }) => {
                        let zero_index = |p: &Proj| match p {
                            Proj::Index(x) => self.const_def(*x) == Some(0),
                            Proj::Field(_) => false,
                        };
                        if proj.is_empty() || (proj.len() == 1 && zero_index(&proj[0])) {
                            return Ok(Init::GlobalAddr(*g));
                        }
                        return Err(self.unsupported("address constant with an offset", e.span));
                    }
                    _ => return Err(self.err("C0003", not_const(), e.span)),
                }
            },
        }
    }

    /// Turns an operand into an rvalue: loads places, decays arrays and functions.
    pub fn rv_of(&mut self, o: Opnd) -> R<Rv> {
        match o {
            Opnd::Rv(rv) => Ok(rv),
            Opnd::Place(p, CType::Array(elem, _)) => {
                let zero = self.emit(Op::Iconst(0), Type::I64);
                let p = self.project_index(p, zero);
                let ty = CType::Ptr(elem);
                let v = self.emit(Op::Addr(p), ty.ir());
                Ok(Rv::v(v, ty))
            }
            Opnd::Place(_, CType::Func(_)) => {
                Err(self.err_here("C0003", "function used as a value"))
            }
            Opnd::Place(_, CType::Void) => Err(self.err_here("C0003", "void value used")),
            Opnd::Place(p, ty) => {
                let v = self.emit(Op::Load(p), ty.ir());
                Ok(Rv::v(v, ty))
            }
            Opnd::Str(bytes) => {
                let ty = CType::CHAR.ptr();
                let v = self.emit(Op::Str(bytes), ty.ir());
                Ok(Rv::v(v, ty))
            }
            Opnd::Func(f) => self.func_addr(&f),
            Opnd::Void => Err(self.err_here("C0003", "void value used")),
        }
    }

    /// The definition a function symbol refers to (provisional id).
    pub fn func_def(&self, f: &FuncSym) -> Option<usize> {
        if let Some(&i) = self.p.tus[self.tu].static_funcs.get(&f.name) {
            return Some(i);
        }
        if f.is_static {
            return None;
        }
        self.p.ext_funcs.get(&f.name).copied()
    }

    fn func_addr(&mut self, f: &FuncSym) -> R<Rv> {
        match self.func_def(f) {
            Some(i) => {
                let ty = CType::Func(Box::new(self.p.funcs[i].ty.clone())).ptr();
                let v = self.emit(Op::FuncAddr(FuncId::from_u32(i as u32)), ty.ir());
                Ok(Rv::v(v, ty))
            }
            None => Err(self.err_here(
                "C0002",
                format!(
                    "unsupported construct `address of library function {}`",
                    f.name
                ),
            )),
        }
    }

    /// Appends `Index(idx)` to an array place (after `Deref` with no projection, the array
    /// itself is element 0 of the pointer first).
    pub fn project_index(&mut self, mut p: Place, idx: Value) -> Place {
        if matches!(p.base, PlaceBase::Deref(_)) && p.proj.is_empty() {
            let zero = self.emit(Op::Iconst(0), Type::I64);
            p.proj.push(Proj::Index(zero));
        }
        p.proj.push(Proj::Index(idx));
        p
    }

    /// Converts an index to `i64` (signed) or `u64` (unsigned) and materialises it.
    fn index_value(&mut self, rv: Rv) -> R<Value> {
        let t = match promote(&rv.ty) {
            CType::Int(i) if i.signed => IntTy::I64,
            CType::Int(_) => IntTy::U64,
            _ => return Err(self.err_here("C0003", "array index is not an integer")),
        };
        let rv = self.convert(rv, &CType::Int(t))?;
        Ok(self.val(&rv))
    }

    // ----- conversions -----

    /// Converts an rvalue to `to` (implicit or explicit conversion), folding constants.
    pub fn convert(&mut self, rv: Rv, to: &CType) -> R<Rv> {
        if rv.ty.ir() == to.ir() {
            return Ok(Rv {
                k: rv.k,
                ty: to.clone(),
            });
        }
        let cast = |s: &mut Self, kind: CastKind, v: Value| -> Rv {
            let nv = s.emit(Op::Cast { kind, arg: v }, to.ir());
            Rv::v(nv, to.clone())
        };
        match (&rv.ty, to) {
            (CType::Int(_) | CType::Bool, CType::Int(t)) => match rv.k {
                K::I(v) => Ok(Rv::int(t.wrap(v), to.clone())),
                K::V(v) if rv.ty == CType::Bool && *t != IntTy::I32 => {
                    // A truth value becomes an `int` first (the contract), then converts.
                    let i = self.emit(
                        Op::Cast {
                            kind: CastKind::BoolToInt,
                            arg: v,
                        },
                        Type::I32,
                    );
                    Ok(cast(self, CastKind::IntCast, i))
                }
                K::V(v) => {
                    let kind = if rv.ty == CType::Bool {
                        CastKind::BoolToInt
                    } else {
                        CastKind::IntCast
                    };
                    Ok(cast(self, kind, v))
                }
                _ => Err(self.err_here("C0003", "bad integer operand")),
            },
            (CType::Int(_), CType::Bool) => match rv.k {
                K::I(v) => Ok(Rv::int(i128::from(v != 0), CType::Bool)),
                K::V(v) => Ok(cast(self, CastKind::IntToBool, v)),
                _ => Err(self.err_here("C0003", "bad integer operand")),
            },
            (CType::Float(_), CType::Bool) => match rv.k {
                K::F(x) => Ok(Rv::int(i128::from(x != 0.0), CType::Bool)),
                K::V(v) => {
                    let z = self.emit(Op::Fconst(0.0), rv.ty.ir());
                    let b = self.emit(
                        Op::Fcmp {
                            cond: FloatCC::Ne,
                            lhs: v,
                            rhs: z,
                        },
                        Type::Bool,
                    );
                    Ok(Rv::v(b, CType::Bool))
                }
                _ => Err(self.err_here("C0003", "bad float operand")),
            },
            (CType::Ptr(_), CType::Bool) => {
                if self.is_null(&rv) {
                    return Ok(Rv::int(0, CType::Bool));
                }
                let v = self.val(&rv);
                Ok(cast(self, CastKind::PtrToBool, v))
            }
            (CType::Int(_) | CType::Bool, CType::Float(f)) => match rv.k {
                K::I(v) => Ok(Rv {
                    k: K::F(int_to_float(v, *f)),
                    ty: to.clone(),
                }),
                K::V(v) => {
                    let v = if rv.ty == CType::Bool {
                        self.emit(
                            Op::Cast {
                                kind: CastKind::BoolToInt,
                                arg: v,
                            },
                            Type::I32,
                        )
                    } else {
                        v
                    };
                    Ok(cast(self, CastKind::IntToFloat, v))
                }
                _ => Err(self.err_here("C0003", "bad integer operand")),
            },
            (CType::Float(_), CType::Int(t)) => match rv.k {
                K::F(x) => {
                    let tr = x.trunc();
                    if tr.is_finite() && tr >= (*t).min() as f64 && tr <= (*t).max() as f64 {
                        Ok(Rv::int(t.wrap(tr as i128), to.clone()))
                    } else {
                        let v = self.val(&rv);
                        Ok(cast(self, CastKind::FloatToInt, v))
                    }
                }
                K::V(v) => Ok(cast(self, CastKind::FloatToInt, v)),
                _ => Err(self.err_here("C0003", "bad float operand")),
            },
            (CType::Float(_), CType::Float(f)) => match rv.k {
                K::F(x) => Ok(Rv {
                    k: K::F(round_to(x, *f)),
                    ty: to.clone(),
                }),
                K::V(v) => Ok(cast(self, CastKind::FloatCast, v)),
                _ => Err(self.err_here("C0003", "bad float operand")),
            },
            (CType::Int(_) | CType::Bool, CType::Ptr(_)) => match rv.k {
                K::I(0) => Ok(Rv {
                    k: K::Null,
                    ty: to.clone(),
                }),
                _ => Err(self.err_here(
                    "C0002",
                    "unsupported construct `integer to pointer conversion`",
                )),
            },
            (CType::Ptr(_), CType::Ptr(_)) => {
                if self.is_null(&rv) {
                    return Ok(Rv {
                        k: K::Null,
                        ty: to.clone(),
                    });
                }
                let v = self.val(&rv);
                Ok(cast(self, CastKind::PtrCast, v))
            }
            (CType::Ptr(_), CType::Int(_)) => Err(self.err_here(
                "C0002",
                "unsupported construct `pointer to integer conversion`",
            )),
            (from, to) => Err(self.err_here(
                "C0003",
                format!("cannot convert `{}` to `{}`", from.ir(), to.ir()),
            )),
        }
    }

    /// Converts a scalar to a `bool` condition.
    pub fn bool_of(&mut self, rv: Rv) -> R<Rv> {
        match rv.ty {
            CType::Bool => Ok(rv),
            CType::Int(_) | CType::Float(_) | CType::Ptr(_) => self.convert(rv, &CType::Bool),
            _ => Err(self.err_here("C0003", "a scalar is required in a condition")),
        }
    }

    /// C's default argument promotions (variadic and unprototyped arguments).
    fn default_promote(&mut self, rv: Rv) -> R<Rv> {
        match &rv.ty {
            CType::Float(FloatTy::F32) => self.convert(rv, &CType::DOUBLE),
            CType::Bool | CType::Int(_) => {
                let t = promote(&rv.ty);
                self.convert(rv, &t)
            }
            _ => Ok(rv),
        }
    }

    // ----- the expression forms -----

    fn lower_inner(&mut self, e: &Node<Expression>) -> R<Opnd> {
        match &e.node {
            Expression::Identifier(id) => self.ident(&id.node.name, id.span),
            Expression::Constant(c) => Ok(Opnd::Rv(self.constant(&c.node, c.span)?)),
            Expression::StringLiteral(s) => Ok(Opnd::Str(self.string_lit(&s.node, s.span)?)),
            Expression::Member(m) => {
                let field = &m.node.identifier.node.name;
                match m.node.operator.node {
                    MemberOperator::Direct => {
                        let base = self.lower(&m.node.expression)?;
                        let (place, ty) = match base {
                            Opnd::Place(p, t) => (p, t),
                            Opnd::Rv(rv) if matches!(rv.ty, CType::Struct(_)) => {
                                let var = self.new_temp(rv.ty.ir());
                                let v = self.val(&rv);
                                self.emit_void(Op::Store(Place::var(var), v));
                                (Place::var(var), rv.ty)
                            }
                            _ => {
                                return Err(self.err_here("C0003", "member access on a non-struct"))
                            }
                        };
                        self.field(place, &ty, field, m.span)
                    }
                    MemberOperator::Indirect => {
                        let rv = self.rvalue(&m.node.expression)?;
                        let CType::Ptr(pointee) = &rv.ty else {
                            return Err(self.err_here("C0003", "`->` on a non-pointer"));
                        };
                        let pointee = (**pointee).clone();
                        let v = self.val(&rv);
                        self.field(Place::deref(v), &pointee, field, m.span)
                    }
                }
            }
            Expression::Call(c) => self.call(c),
            Expression::CompoundLiteral(cl) => {
                let ty = self.type_name(&cl.node.type_name)?;
                let (var, ty) = self.compound_literal(ty, &cl.node.initializer_list, cl.span)?;
                Ok(Opnd::Place(Place::var(var), ty))
            }
            Expression::SizeOfTy(s) => {
                let ty = self.type_name(&s.node.0)?;
                let n = self.size_of(&ty, s.span)?;
                Ok(Opnd::Rv(Rv::int(i128::from(n), CType::SIZE)))
            }
            Expression::SizeOfVal(s) => {
                let ty = self.type_of(&s.node.0)?;
                let n = self.size_of(&ty, s.span)?;
                Ok(Opnd::Rv(Rv::int(i128::from(n), CType::SIZE)))
            }
            Expression::AlignOf(a) => {
                let ty = self.type_name(&a.node.0)?;
                Ok(Opnd::Rv(Rv::int(
                    i128::from(self.align_of(&ty)),
                    CType::SIZE,
                )))
            }
            Expression::UnaryOperator(u) => self.unary(&u.node.operator.node, &u.node.operand),
            Expression::Cast(c) => {
                let ty = self.type_name(&c.node.type_name)?;
                if ty == CType::Void {
                    self.effect(&c.node.expression)?;
                    return Ok(Opnd::Void);
                }
                if !ty.is_scalar() {
                    return Err(self.err_here("C0003", "cast to a non-scalar type"));
                }
                let rv = self.rvalue(&c.node.expression)?;
                if !rv.ty.is_scalar() {
                    return Err(self.err_here("C0003", "cast of a non-scalar value"));
                }
                Ok(Opnd::Rv(self.convert(rv, &ty)?))
            }
            Expression::BinaryOperator(b) => {
                self.binary(&b.node.operator.node, &b.node.lhs, &b.node.rhs)
            }
            Expression::Conditional(c) => self.conditional(
                &c.node.condition,
                &c.node.then_expression,
                &c.node.else_expression,
            ),
            Expression::Comma(es) => {
                let n = es.len();
                for (i, x) in es.iter().enumerate() {
                    if i + 1 < n {
                        self.effect(x)?;
                    } else {
                        return match self.lower(x)? {
                            Opnd::Void => Ok(Opnd::Void),
                            o => Ok(Opnd::Rv(self.rv_of(o)?)),
                        };
                    }
                }
                Ok(Opnd::Void)
            }
            Expression::OffsetOf(o) => {
                let ty = self.type_name(&o.node.type_name)?;
                let d = &o.node.designator.node;
                let (mut off, mut ty) = self.member_offset(&ty, &d.base.node.name, d.base.span)?;
                for m in &d.members {
                    match &m.node {
                        OffsetMember::Member(id) => {
                            let (o2, t2) = self.member_offset(&ty, &id.node.name, id.span)?;
                            off += o2;
                            ty = t2;
                        }
                        OffsetMember::Index(x) => {
                            let (i, _) = self.const_int(x)?;
                            let CType::Array(elem, _) = ty else {
                                return Err(self.err_here("C0003", "offsetof index on a non-array"));
                            };
                            off += i * i128::from(self.size_of(&elem, x.span)?);
                            ty = *elem;
                        }
                        OffsetMember::IndirectMember(_) => {
                            return Err(self.unsupported("offsetof with ->", m.span))
                        }
                    }
                }
                Ok(Opnd::Rv(Rv::int(off, CType::SIZE)))
            }
            Expression::VaArg(v) => Err(self.unsupported("va_arg", v.span)),
            Expression::Statement(s) => Err(self.unsupported("statement expression", s.span)),
            Expression::GenericSelection(g) => Err(self.unsupported("_Generic", g.span)),
        }
    }

    fn member_offset(&self, ty: &CType, name: &str, s: lang_c::span::Span) -> R<(i128, CType)> {
        let CType::Struct(id) = ty else {
            return Err(self.err("C0003", "offsetof on a non-struct", s));
        };
        let def = &self.p.module.structs[*id];
        let mut off = 0u64;
        for f in &def.fields {
            let (sz, al) = xl_ir::layout::size_align(&self.p.module, &f.ty);
            off = off.div_ceil(al) * al;
            if f.name == name {
                return Ok((i128::from(off), from_ir(&f.ty)));
            }
            off += sz;
        }
        Err(self.err("C0003", format!("no field `{name}`"), s))
    }

    fn field(&mut self, place: Place, ty: &CType, name: &str, s: lang_c::span::Span) -> R<Opnd> {
        let CType::Struct(id) = ty else {
            return Err(self.err("C0003", format!("member `{name}` of a non-struct"), s));
        };
        if !self.p.struct_complete.get(id).copied().unwrap_or(false) {
            return Err(self.incomplete(*id, "member access into an incomplete struct", s));
        }
        let def = &self.p.module.structs[*id];
        let Some(k) = def.fields.iter().position(|f| f.name == name) else {
            return Err(self.err(
                "C0003",
                format!("no field `{name}` in struct `{}`", def.name),
                s,
            ));
        };
        let fty = from_ir(&def.fields[k].ty);
        Ok(Opnd::Place(place.project(Proj::Field(k as u32)), fty))
    }

    fn ident(&mut self, name: &str, s: lang_c::span::Span) -> R<Opnd> {
        match self.lookup(name) {
            Some(Sym::Local(v, ty)) => Ok(Opnd::Place(Place::var(v), ty)),
            Some(Sym::Global(k)) => {
                let (id, ty) = self.global_ref(k, s)?;
                Ok(Opnd::Place(Place::global(id), ty))
            }
            Some(Sym::Enum(v)) => Ok(Opnd::Rv(Rv::int(v, CType::INT))),
            Some(Sym::Func(f)) => Ok(Opnd::Func(f)),
            Some(Sym::Typedef(_)) => {
                Err(self.err("C0003", format!("unexpected type name `{name}`"), s))
            }
            Some(Sym::Bad(d)) => Err(*d),
            None if matches!(name, "__func__" | "__FUNCTION__" | "__PRETTY_FUNCTION__") => {
                let mut b = self.f.c_name.as_bytes().to_vec();
                b.push(0);
                Ok(Opnd::Str(b))
            }
            None => Err(self.err("C0003", format!("use of undeclared identifier `{name}`"), s)),
        }
    }

    /// The id and type of a global, allocating one for `extern` variables defined nowhere.
    pub fn global_ref(&mut self, k: usize, s: lang_c::span::Span) -> R<(xl_ir::GlobalId, CType)> {
        let g = &self.p.globals[k];
        if let Some(d) = &g.error {
            return Err(d.clone());
        }
        if let Some(id) = g.id {
            return Ok((id, g.ty.clone()));
        }
        let g = g.clone();
        if !matches!(g.c_name.as_str(), "stdin" | "stdout" | "stderr") {
            self.warn(
                "C0104",
                format!(
                    "`{}` is declared but defined in no translation unit; assumed zero-initialised",
                    g.c_name
                ),
                s,
            );
        }
        let id = self.p.module.globals.push(GlobalData {
            name: g.name.clone(),
            ty: g.ty.ir(),
            init: Init::Zero,
            is_const: g.is_const,
            span: g.span.clone(),
        });
        self.p.globals[k].id = Some(id);
        Ok((id, g.ty))
    }

    fn constant(&mut self, c: &Constant, s: lang_c::span::Span) -> R<Rv> {
        match c {
            Constant::Integer(i) => {
                if i.suffix.imaginary {
                    return Err(self.unsupported("_Complex", s));
                }
                let (radix, digits) = match i.base {
                    IntegerBase::Decimal => (10, &*i.number),
                    IntegerBase::Octal => (8, i.number.trim_start_matches('0')),
                    IntegerBase::Hexadecimal => (
                        16,
                        i.number.trim_start_matches("0x").trim_start_matches("0X"),
                    ),
                    IntegerBase::Binary => (
                        2,
                        i.number.trim_start_matches("0b").trim_start_matches("0B"),
                    ),
                };
                let digits = if digits.is_empty() { "0" } else { digits };
                let Ok(v) = u128::from_str_radix(digits, radix) else {
                    return Err(self.err("C0003", "integer constant is too large", s));
                };
                let v = v as i128;
                let decimal = matches!(i.base, IntegerBase::Decimal);
                use IntTy as T;
                let cands: &[IntTy] = match (i.suffix.unsigned, &i.suffix.size, decimal) {
                    (false, IntegerSize::Int, true) => &[T::I32, T::I64],
                    (false, IntegerSize::Int, false) => &[T::I32, T::U32, T::I64, T::U64],
                    (true, IntegerSize::Int, _) => &[T::U32, T::U64],
                    (false, _, true) => &[T::I64],
                    (false, _, false) => &[T::I64, T::U64],
                    (true, _, _) => &[T::U64],
                };
                match cands.iter().find(|t| v >= 0 && v <= (**t).max()) {
                    Some(t) => Ok(Rv::int(v, CType::Int(*t))),
                    None if v >= 0 && v <= IntTy::U64.max() => {
                        Ok(Rv::int(v, CType::Int(IntTy::U64)))
                    }
                    None => Err(self.err("C0003", "integer constant is too large", s)),
                }
            }
            Constant::Float(f) => {
                if f.suffix.imaginary {
                    return Err(self.unsupported("_Complex", s));
                }
                let fty = match f.suffix.format {
                    FloatFormat::Float => FloatTy::F32,
                    FloatFormat::Double => FloatTy::F64,
                    FloatFormat::LongDouble => {
                        self.warn("C0101", "`long double` is mapped to `double`", s);
                        FloatTy::F64
                    }
                    FloatFormat::TS18661Format(_) => {
                        return Err(self.unsupported("_FloatN constant", s))
                    }
                };
                let x = match f.base {
                    FloatBase::Decimal => match fty {
                        FloatTy::F32 => f.number.parse::<f32>().ok().map(f64::from),
                        FloatTy::F64 => f.number.parse::<f64>().ok(),
                    },
                    FloatBase::Hexadecimal => parse_hex_float(&f.number).map(|x| round_to(x, fty)),
                };
                match x {
                    Some(x) => Ok(Rv {
                        k: K::F(x),
                        ty: CType::Float(fty),
                    }),
                    None => Err(self.err("C0003", "malformed float constant", s)),
                }
            }
            Constant::Character(ch) => {
                let Some(body) = ch.strip_prefix('\'').and_then(|b| b.strip_suffix('\'')) else {
                    return Err(self.unsupported("wide character constant", s));
                };
                let bytes = unescape(body).map_err(|m| self.err("C0003", m, s))?;
                let v = match bytes.as_slice() {
                    [b] => i128::from(*b as i8),
                    [] => return Err(self.err("C0003", "empty character constant", s)),
                    many => {
                        let mut v: i128 = 0;
                        for b in many {
                            v = (v << 8) | i128::from(*b);
                        }
                        IntTy::I32.wrap(v)
                    }
                };
                Ok(Rv::int(v, CType::INT))
            }
        }
    }

    /// The bytes of a (possibly concatenated) string literal, including the final NUL.
    pub fn string_lit(&self, parts: &[String], s: lang_c::span::Span) -> R<Vec<u8>> {
        let mut out = Vec::new();
        for p in parts {
            let body = p.strip_prefix("u8").unwrap_or(p);
            let Some(body) = body.strip_prefix('"').and_then(|b| b.strip_suffix('"')) else {
                return Err(self.unsupported("wide string literal", s));
            };
            out.extend(unescape(body).map_err(|m| self.err("C0003", m, s))?);
        }
        out.push(0);
        Ok(out)
    }

    fn unary(&mut self, op: &UnaryOperator, x: &Node<Expression>) -> R<Opnd> {
        match op {
            UnaryOperator::PostIncrement => self.incdec(x, false, true),
            UnaryOperator::PostDecrement => self.incdec(x, false, false),
            UnaryOperator::PreIncrement => self.incdec(x, true, true),
            UnaryOperator::PreDecrement => self.incdec(x, true, false),
            UnaryOperator::Address => match self.lower(x)? {
                Opnd::Place(p, t) => {
                    let ty = t.ptr();
                    let v = self.emit(Op::Addr(p), ty.ir());
                    Ok(Opnd::Rv(Rv::v(v, ty)))
                }
                Opnd::Func(f) => Ok(Opnd::Rv(self.func_addr(&f)?)),
                Opnd::Rv(rv) if rv.ty.is_fn_ptr() => Ok(Opnd::Rv(rv)),
                Opnd::Str(_) => Err(self.unsupported("address of a string literal", x.span)),
                _ => Err(self.err_here("C0003", "cannot take the address of an rvalue")),
            },
            UnaryOperator::Indirection => {
                if let Expression::BinaryOperator(b) = &x.node {
                    if b.node.operator.node == BinaryOperator::Plus {
                        let (lt, rt) = (self.type_of(&b.node.lhs)?, self.type_of(&b.node.rhs)?);
                        let ptrish = |t: &CType| {
                            matches!(t, CType::Array(..))
                                || matches!(t, CType::Ptr(p) if !matches!(**p, CType::Func(_) | CType::Void))
                        };
                        if (ptrish(&lt) && rt.is_integer()) || (ptrish(&rt) && lt.is_integer()) {
                            return self.index(&b.node.lhs, &b.node.rhs);
                        }
                    }
                }
                let rv = self.rvalue(x)?;
                match &rv.ty {
                    CType::Ptr(t) if matches!(**t, CType::Func(_)) => Ok(Opnd::Rv(rv)),
                    CType::Ptr(t) if **t == CType::Void => {
                        Err(self.err_here("C0003", "dereferencing a `void *` pointer"))
                    }
                    CType::Ptr(t) => {
                        let t = (**t).clone();
                        let v = self.val(&rv);
                        Ok(Opnd::Place(Place::deref(v), t))
                    }
                    _ => Err(self.err_here("C0003", "dereferencing a non-pointer")),
                }
            }
            UnaryOperator::Plus => {
                let rv = self.rvalue(x)?;
                if !rv.ty.is_arith() {
                    return Err(self.err_here("C0003", "unary `+` on a non-arithmetic value"));
                }
                let t = promote(&rv.ty);
                Ok(Opnd::Rv(self.convert(rv, &t)?))
            }
            UnaryOperator::Minus => {
                let rv = self.rvalue(x)?;
                if !rv.ty.is_arith() {
                    return Err(self.err_here("C0003", "unary `-` on a non-arithmetic value"));
                }
                let t = promote(&rv.ty);
                let rv = self.convert(rv, &t)?;
                Ok(Opnd::Rv(self.negate(rv)))
            }
            UnaryOperator::Complement => {
                let rv = self.rvalue(x)?;
                if !rv.ty.is_integer() {
                    return Err(self.err_here("C0003", "`~` on a non-integer"));
                }
                let t = promote(&rv.ty);
                let rv = self.convert(rv, &t)?;
                let CType::Int(it) = t else {
                    return Err(self.err_here("C0003", "bad operand"));
                };
                if let K::I(v) = rv.k {
                    return Ok(Opnd::Rv(Rv::int(it.wrap(!v), t)));
                }
                let v = self.val(&rv);
                let r = self.emit(
                    Op::Unary {
                        op: UnaryOp::Not,
                        arg: v,
                        nsw: false,
                    },
                    t.ir(),
                );
                Ok(Opnd::Rv(Rv::v(r, t)))
            }
            UnaryOperator::Negate => {
                let b = self.cond_rv(x)?;
                if let K::I(v) = b.k {
                    return Ok(Opnd::Rv(Rv::int(i128::from(v == 0), CType::Bool)));
                }
                let v = self.val(&b);
                let r = self.emit(
                    Op::Unary {
                        op: UnaryOp::BNot,
                        arg: v,
                        nsw: false,
                    },
                    Type::Bool,
                );
                Ok(Opnd::Rv(Rv::v(r, CType::Bool)))
            }
        }
    }

    /// Arithmetic negation of a promoted operand.
    fn negate(&mut self, rv: Rv) -> Rv {
        match (&rv.k, &rv.ty) {
            (K::I(v), CType::Int(t)) => return Rv::int(t.wrap(-*v), rv.ty.clone()),
            (K::F(x), _) => {
                return Rv {
                    k: K::F(-*x),
                    ty: rv.ty.clone(),
                }
            }
            _ => {}
        }
        let v = self.val(&rv);
        let (op, nsw) = match &rv.ty {
            CType::Float(_) => (UnaryOp::FNeg, false),
            CType::Int(t) => (UnaryOp::Neg, t.signed),
            _ => (UnaryOp::Neg, false),
        };
        let r = self.emit(Op::Unary { op, arg: v, nsw }, rv.ty.ir());
        Rv::v(r, rv.ty)
    }

    fn incdec(&mut self, x: &Node<Expression>, pre: bool, inc: bool) -> R<Opnd> {
        let Opnd::Place(p, t) = self.lower(x)? else {
            return Err(self.err_here("C0003", "`++`/`--` needs an lvalue"));
        };
        if !t.is_scalar() {
            return Err(self.err_here("C0003", "`++`/`--` on a non-scalar"));
        }
        let old = self.emit(Op::Load(p.clone()), t.ir());
        let old = Rv::v(old, t.clone());
        let one = Rv::int(1, CType::INT);
        let op = if inc {
            BinaryOperator::Plus
        } else {
            BinaryOperator::Minus
        };
        let new = self.binop(&op, old.clone(), one)?;
        let new = self.convert(new, &t)?;
        let v = self.val(&new);
        self.emit_void(Op::Store(p, v));
        Ok(Opnd::Rv(if pre { Rv::v(v, t) } else { old }))
    }

    fn binary(
        &mut self,
        op: &BinaryOperator,
        l: &Node<Expression>,
        r: &Node<Expression>,
    ) -> R<Opnd> {
        use BinaryOperator::*;
        match op {
            Index => self.index(l, r),
            Assign => self.assign(l, r),
            AssignMultiply | AssignDivide | AssignModulo | AssignPlus | AssignMinus
            | AssignShiftLeft | AssignShiftRight | AssignBitwiseAnd | AssignBitwiseXor
            | AssignBitwiseOr => {
                let bop = match op {
                    AssignMultiply => Multiply,
                    AssignDivide => Divide,
                    AssignModulo => Modulo,
                    AssignPlus => Plus,
                    AssignMinus => Minus,
                    AssignShiftLeft => ShiftLeft,
                    AssignShiftRight => ShiftRight,
                    AssignBitwiseAnd => BitwiseAnd,
                    AssignBitwiseXor => BitwiseXor,
                    _ => BitwiseOr,
                };
                self.compound_assign(&bop, l, r)
            }
            LogicalAnd | LogicalOr => Ok(Opnd::Rv(self.logical(*op == LogicalAnd, l, r)?)),
            _ => {
                let a = self.rvalue(l)?;
                let a = if self.has_cf(r) {
                    let k = self.keep(a);
                    let b = self.rvalue(r)?;
                    let a = self.restore(k);
                    return Ok(Opnd::Rv(self.binop(op, a, b)?));
                } else {
                    a
                };
                let b = self.rvalue(r)?;
                Ok(Opnd::Rv(self.binop(op, a, b)?))
            }
        }
    }

    /// A C binary operator (not assignment, not `&&`/`||`) on evaluated operands.
    pub fn binop(&mut self, op: &BinaryOperator, a: Rv, b: Rv) -> R<Rv> {
        use BinaryOperator::*;
        if is_comparison(op) {
            return self.compare(op, a, b);
        }
        let ap = matches!(a.ty, CType::Ptr(_));
        let bp = matches!(b.ty, CType::Ptr(_));
        match op {
            Plus if ap && b.ty.is_integer() => return self.ptr_add(a, b, false),
            Plus if bp && a.ty.is_integer() => return self.ptr_add(b, a, false),
            Minus if ap && b.ty.is_integer() => return self.ptr_add(a, b, true),
            Minus if ap && bp => {
                let (x, y) = (self.val(&a), self.val(&b));
                let v = self.emit(Op::PtrDiff { lhs: x, rhs: y }, Type::I64);
                return Ok(Rv::v(v, CType::LONG));
            }
            _ => {}
        }
        if !a.ty.is_arith() || !b.ty.is_arith() {
            return Err(self.err_here("C0003", "invalid operands to a binary operator"));
        }
        if matches!(op, ShiftLeft | ShiftRight) {
            if !a.ty.is_integer() || !b.ty.is_integer() {
                return Err(self.err_here("C0003", "shift of a non-integer"));
            }
            let t = promote(&a.ty);
            let a = self.convert(a, &t)?;
            let b = self.convert(b, &t)?;
            let CType::Int(it) = t else {
                return Err(self.err_here("C0003", "bad shift"));
            };
            let bop = match op {
                ShiftLeft => BinaryOp::Shl,
                _ if it.signed => BinaryOp::AShr,
                _ => BinaryOp::LShr,
            };
            return Ok(self.arith(bop, a, b, &t));
        }
        let t = usual_arith(&a.ty, &b.ty);
        let a = self.convert(a, &t)?;
        let b = self.convert(b, &t)?;
        let bop = match (&t, op) {
            (CType::Float(_), Multiply) => BinaryOp::FMul,
            (CType::Float(_), Divide) => BinaryOp::FDiv,
            (CType::Float(_), Plus) => BinaryOp::FAdd,
            (CType::Float(_), Minus) => BinaryOp::FSub,
            (CType::Float(_), _) => {
                return Err(self.err_here("C0003", "invalid operands of floating type"))
            }
            (CType::Int(i), op) => match op {
                Multiply => BinaryOp::Mul,
                Divide if i.signed => BinaryOp::SDiv,
                Divide => BinaryOp::UDiv,
                Modulo if i.signed => BinaryOp::SRem,
                Modulo => BinaryOp::URem,
                Plus => BinaryOp::Add,
                Minus => BinaryOp::Sub,
                BitwiseAnd => BinaryOp::And,
                BitwiseOr => BinaryOp::Or,
                BitwiseXor => BinaryOp::Xor,
                _ => return Err(self.err_here("C0003", "unexpected operator")),
            },
            _ => return Err(self.err_here("C0003", "invalid operands")),
        };
        Ok(self.arith(bop, a, b, &t))
    }

    /// An IR binary op on two operands of type `t`, folded when both are constants.
    fn arith(&mut self, op: BinaryOp, a: Rv, b: Rv, t: &CType) -> Rv {
        match (&a.k, &b.k, t) {
            (K::I(x), K::I(y), CType::Int(it)) => {
                if let Some(v) = fold_int(op, *x, *y, *it) {
                    return Rv::int(v, t.clone());
                }
            }
            (K::F(x), K::F(y), CType::Float(f)) => {
                if let Some(v) = fold_float(op, *x, *y, *f) {
                    return Rv {
                        k: K::F(v),
                        ty: t.clone(),
                    };
                }
            }
            _ => {}
        }
        let (x, y) = (self.val(&a), self.val(&b));
        let nsw = matches!(t, CType::Int(i) if i.signed)
            && matches!(
                op,
                BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Shl
            );
        let v = self.emit(
            Op::Binary {
                op,
                lhs: x,
                rhs: y,
                nsw,
            },
            t.ir(),
        );
        Rv::v(v, t.clone())
    }

    fn ptr_add(&mut self, p: Rv, i: Rv, negate: bool) -> R<Rv> {
        let signed = match promote(&i.ty) {
            CType::Int(t) => t.signed,
            _ => true,
        };
        let target = if signed || negate {
            IntTy::I64
        } else {
            IntTy::U64
        };
        let mut off = self.convert(i, &CType::Int(target))?;
        if negate {
            off = self.negate(off);
        }
        if matches!(off.k, K::I(0)) {
            return Ok(p);
        }
        let (pv, ov) = (self.val(&p), self.val(&off));
        let v = self.emit(
            Op::PtrAdd {
                ptr: pv,
                offset: ov,
            },
            p.ty.ir(),
        );
        Ok(Rv::v(v, p.ty))
    }

    fn compare(&mut self, op: &BinaryOperator, a: Rv, b: Rv) -> R<Rv> {
        use BinaryOperator::*;
        if a.ty.is_arith() && b.ty.is_arith() {
            let t = usual_arith(&a.ty, &b.ty);
            let a = self.convert(a, &t)?;
            let b = self.convert(b, &t)?;
            match &t {
                CType::Float(_) => {
                    let cc = match op {
                        Less => FloatCC::Lt,
                        Greater => FloatCC::Gt,
                        LessOrEqual => FloatCC::Le,
                        GreaterOrEqual => FloatCC::Ge,
                        Equals => FloatCC::Eq,
                        _ => FloatCC::Ne,
                    };
                    if let (K::F(x), K::F(y)) = (&a.k, &b.k) {
                        let r = match cc {
                            FloatCC::Lt => x < y,
                            FloatCC::Gt => x > y,
                            FloatCC::Le => x <= y,
                            FloatCC::Ge => x >= y,
                            FloatCC::Eq => x == y,
                            FloatCC::Ne => x != y,
                        };
                        return Ok(Rv::int(i128::from(r), CType::Bool));
                    }
                    let (x, y) = (self.val(&a), self.val(&b));
                    let v = self.emit(
                        Op::Fcmp {
                            cond: cc,
                            lhs: x,
                            rhs: y,
                        },
                        Type::Bool,
                    );
                    Ok(Rv::v(v, CType::Bool))
                }
                CType::Int(it) => {
                    let cc = int_cc(op, it.signed);
                    if let (K::I(x), K::I(y)) = (&a.k, &b.k) {
                        return Ok(Rv::int(i128::from(eval_cc(cc, *x, *y)), CType::Bool));
                    }
                    let (x, y) = (self.val(&a), self.val(&b));
                    let v = self.emit(
                        Op::Icmp {
                            cond: cc,
                            lhs: x,
                            rhs: y,
                        },
                        Type::Bool,
                    );
                    Ok(Rv::v(v, CType::Bool))
                }
                _ => Err(self.err_here("C0003", "invalid comparison")),
            }
        } else {
            let (a, b) = match (&a.ty, &b.ty) {
                (CType::Ptr(_), CType::Ptr(_)) => {
                    if a.ty.ir() == b.ty.ir() {
                        (a, b)
                    } else if self.is_null(&b) {
                        let t = a.ty.clone();
                        (a, self.convert(b, &t)?)
                    } else if self.is_null(&a) {
                        let t = b.ty.clone();
                        (self.convert(a, &t)?, b)
                    } else {
                        let t = a.ty.clone();
                        (a, self.convert(b, &t)?)
                    }
                }
                (CType::Ptr(_), t) if t.is_integer() => {
                    let t = a.ty.clone();
                    (a, self.convert(b, &t)?)
                }
                (t, CType::Ptr(_)) if t.is_integer() => {
                    let t = b.ty.clone();
                    (self.convert(a, &t)?, b)
                }
                _ => return Err(self.err_here("C0003", "invalid comparison operands")),
            };
            let cc = int_cc(op, false);
            if a.k == K::Null && b.k == K::Null {
                let eq = matches!(cc, IntCC::Eq | IntCC::Ule | IntCC::Uge);
                return Ok(Rv::int(i128::from(eq), CType::Bool));
            }
            let (x, y) = (self.val(&a), self.val(&b));
            let v = self.emit(
                Op::Icmp {
                    cond: cc,
                    lhs: x,
                    rhs: y,
                },
                Type::Bool,
            );
            Ok(Rv::v(v, CType::Bool))
        }
    }

    fn logical(&mut self, and: bool, l: &Node<Expression>, r: &Node<Expression>) -> R<Rv> {
        let a = self.cond_rv(l)?;
        if let K::I(c) = a.k {
            return match (and, c != 0) {
                (true, false) => Ok(Rv::int(0, CType::Bool)),
                (false, true) => Ok(Rv::int(1, CType::Bool)),
                _ => self.cond_rv(r),
            };
        }
        if self.is_simple(r) {
            let b = self.cond_rv(r)?;
            if let K::I(c) = b.k {
                return Ok(match (and, c != 0) {
                    (true, true) | (false, false) => a,
                    (true, false) => Rv::int(0, CType::Bool),
                    (false, true) => Rv::int(1, CType::Bool),
                });
            }
            let (x, y) = (self.val(&a), self.val(&b));
            let op = if and { BinaryOp::BAnd } else { BinaryOp::BOr };
            let v = self.emit(
                Op::Binary {
                    op,
                    lhs: x,
                    rhs: y,
                    nsw: false,
                },
                Type::Bool,
            );
            return Ok(Rv::v(v, CType::Bool));
        }
        let av = self.val(&a);
        let sp = self.f.span.clone();
        let rhs_bb = self.f.b.create_block(self.span(r.span));
        let join = self.f.b.create_block(sp);
        let param = self.f.b.append_block_param(join, Type::Bool);
        let short = self.emit(Op::Bconst(!and), Type::Bool);
        let to_join = BlockCall {
            block: join,
            args: vec![short],
        };
        let to_rhs = BlockCall::plain(rhs_bb);
        let (then_dest, else_dest) = if and {
            (to_rhs, to_join)
        } else {
            (to_join, to_rhs)
        };
        self.f.b.terminate(Terminator::Branch {
            cond: av,
            then_dest,
            else_dest,
        });
        self.f.b.switch_to(rhs_bb);
        let b = self.cond(r)?;
        self.f.b.terminate(Terminator::Jump(BlockCall {
            block: join,
            args: vec![b],
        }));
        self.f.b.switch_to(join);
        Ok(Rv::v(param, CType::Bool))
    }

    /// The type of `c ? a : b` from the branch types; `a_null`/`b_null` say whether a branch
    /// may be a null pointer constant (which adapts to the other pointer type).
    fn cond_type(&self, ta: &CType, a_null: bool, tb: &CType, b_null: bool) -> R<CType> {
        if ta.is_arith() && tb.is_arith() {
            return Ok(usual_arith(ta, tb));
        }
        if *ta == CType::Void || *tb == CType::Void {
            return Ok(CType::Void);
        }
        match (ta, tb) {
            (CType::Ptr(_), CType::Ptr(_)) => {
                if ta.ir() == tb.ir() || b_null {
                    Ok(ta.clone())
                } else if a_null {
                    Ok(tb.clone())
                } else if matches!(ta, CType::Ptr(p) if **p == CType::Void) {
                    Ok(ta.clone())
                } else {
                    Ok(tb.clone())
                }
            }
            (CType::Ptr(_), t) if t.is_integer() => Ok(ta.clone()),
            (t, CType::Ptr(_)) if t.is_integer() => Ok(tb.clone()),
            (CType::Struct(x), CType::Struct(y)) if x == y => Ok(ta.clone()),
            _ => Err(self.err_here("C0003", "incompatible operand types in `?:`")),
        }
    }

    fn branch_rv(&mut self, e: &Node<Expression>) -> R<Rv> {
        match self.lower(e)? {
            Opnd::Void => Ok(Rv {
                k: K::I(0),
                ty: CType::Void,
            }),
            o => self.rv_of(o),
        }
    }

    fn conditional(
        &mut self,
        c: &Node<Expression>,
        t: &Node<Expression>,
        e: &Node<Expression>,
    ) -> R<Opnd> {
        let cr = self.cond_rv(c)?;
        if let K::I(cv) = cr.k {
            let (chosen, other) = if cv != 0 { (t, e) } else { (e, t) };
            let ot = self.type_of(other)?.decay();
            let rv = self.branch_rv(chosen)?;
            let null = self.is_null(&rv);
            let rt = self.cond_type(&rv.ty, null, &ot, ot.is_integer())?;
            if rt == CType::Void {
                return Ok(Opnd::Void);
            }
            return Ok(Opnd::Rv(self.convert(rv, &rt)?));
        }
        if self.is_simple(t) && self.is_simple(e) {
            let a = self.rvalue(t)?;
            let b = self.rvalue(e)?;
            let rt = self.cond_type(&a.ty, self.is_null(&a), &b.ty, self.is_null(&b))?;
            if rt.is_scalar() {
                let a = self.convert(a, &rt)?;
                let b = self.convert(b, &rt)?;
                let cv = self.val(&cr);
                let (x, y) = (self.val(&a), self.val(&b));
                let v = self.emit(
                    Op::Select {
                        cond: cv,
                        if_true: x,
                        if_false: y,
                    },
                    rt.ir(),
                );
                return Ok(Opnd::Rv(Rv::v(v, rt)));
            }
        }
        let cv = self.val(&cr);
        let then_bb = self.f.b.create_block(self.span(t.span));
        let else_bb = self.f.b.create_block(self.span(e.span));
        let join = self.f.b.create_block(self.f.span.clone());
        self.f.b.terminate(Terminator::Branch {
            cond: cv,
            then_dest: BlockCall::plain(then_bb),
            else_dest: BlockCall::plain(else_bb),
        });
        self.f.b.switch_to(then_bb);
        let a = self.branch_rv(t)?;
        let then_end = self.f.b.current();
        self.f.b.switch_to(else_bb);
        let b = self.branch_rv(e)?;
        let else_end = self.f.b.current();
        let rt = self.cond_type(&a.ty, self.is_null(&a), &b.ty, self.is_null(&b))?;
        if rt == CType::Void {
            for end in [then_end, else_end] {
                self.f.b.switch_to(end);
                self.f.b.jump(join);
            }
            self.f.b.switch_to(join);
            return Ok(Opnd::Void);
        }
        let param = self.f.b.append_block_param(join, rt.ir());
        for (end, rv) in [(then_end, a), (else_end, b)] {
            self.f.b.switch_to(end);
            if self.f.b.is_terminated() {
                continue;
            }
            let rv = self.convert(rv, &rt)?;
            let v = self.val(&rv);
            self.f.b.terminate(Terminator::Jump(BlockCall {
                block: join,
                args: vec![v],
            }));
        }
        self.f.b.switch_to(join);
        Ok(Opnd::Rv(Rv::v(param, rt)))
    }

    /// `a[i]` (either operand may be the array or pointer).
    pub fn index(&mut self, a: &Node<Expression>, i: &Node<Expression>) -> R<Opnd> {
        let x = self.lower(a)?;
        let x = if self.has_cf(i) {
            let k = self.keep_opnd(x);
            let y = self.lower(i)?;
            let x = self.restore_opnd(k);
            return self.index_opnds(x, y);
        } else {
            x
        };
        let y = self.lower(i)?;
        self.index_opnds(x, y)
    }

    fn index_opnds(&mut self, x: Opnd, y: Opnd) -> R<Opnd> {
        let is_base = |o: &Opnd| match o {
            Opnd::Place(_, CType::Array(..) | CType::Ptr(_)) | Opnd::Str(_) => true,
            Opnd::Rv(rv) => matches!(rv.ty, CType::Ptr(_)),
            _ => false,
        };
        let (base, idx) = if is_base(&x) { (x, y) } else { (y, x) };
        if !is_base(&base) {
            return Err(self.err_here("C0003", "subscript of a non-array, non-pointer value"));
        }
        let idx = self.rv_of(idx)?;
        match base {
            Opnd::Place(p, CType::Array(elem, _)) => {
                let iv = self.index_value(idx)?;
                let p = self.project_index(p, iv);
                Ok(Opnd::Place(p, *elem))
            }
            other => {
                let prv = self.rv_of(other)?;
                let CType::Ptr(elem) = prv.ty.clone() else {
                    return Err(self.err_here("C0003", "subscript of a non-pointer"));
                };
                if matches!(*elem, CType::Void | CType::Func(_)) {
                    return Err(self.err_here("C0003", "subscript of a `void` or function pointer"));
                }
                let pv = self.val(&prv);
                let iv = self.index_value(idx)?;
                Ok(Opnd::Place(
                    Place::deref(pv).project(Proj::Index(iv)),
                    *elem,
                ))
            }
        }
    }

    fn assign(&mut self, l: &Node<Expression>, r: &Node<Expression>) -> R<Opnd> {
        let Opnd::Place(p, t) = self.lower(l)? else {
            return Err(self.err_here("C0003", "expression is not assignable"));
        };
        if matches!(t, CType::Array(..) | CType::Func(_) | CType::Void) {
            return Err(self.err_here("C0003", "assignment to an array"));
        }
        let kp = self.has_cf(r).then(|| self.keep_place(p.clone()));
        let rv = self.rvalue(r)?;
        let rv = self.convert_assign(rv, &t)?;
        let v = self.val(&rv);
        let p = match kp {
            Some(k) => self.restore_place(k),
            None => p,
        };
        self.emit_void(Op::Store(p, v));
        Ok(Opnd::Rv(Rv::v(v, t)))
    }

    /// Conversion as by assignment (structs must match).
    pub fn convert_assign(&mut self, rv: Rv, t: &CType) -> R<Rv> {
        match (&rv.ty, t) {
            (CType::Struct(a), CType::Struct(b)) if a == b => Ok(rv),
            (CType::Struct(_), _) | (_, CType::Struct(_)) => {
                Err(self.err_here("C0003", "incompatible struct assignment"))
            }
            _ => self.convert(rv, t),
        }
    }

    fn compound_assign(
        &mut self,
        op: &BinaryOperator,
        l: &Node<Expression>,
        r: &Node<Expression>,
    ) -> R<Opnd> {
        let Opnd::Place(p, t) = self.lower(l)? else {
            return Err(self.err_here("C0003", "expression is not assignable"));
        };
        if !t.is_scalar() {
            return Err(self.err_here("C0003", "compound assignment to a non-scalar"));
        }
        let kp = self.has_cf(r).then(|| self.keep_place(p.clone()));
        let rv = self.rvalue(r)?;
        let p = match kp {
            Some(k) => self.restore_place(k),
            None => p,
        };
        let old = self.emit(Op::Load(p.clone()), t.ir());
        let res = self.binop(op, Rv::v(old, t.clone()), rv)?;
        let res = self.convert(res, &t)?;
        let v = self.val(&res);
        self.emit_void(Op::Store(p, v));
        Ok(Opnd::Rv(Rv::v(v, t)))
    }

    fn call(&mut self, c: &Node<CallExpression>) -> R<Opnd> {
        let callee_e = &c.node.callee;
        let args = &c.node.arguments;
        // Builtins and undeclared functions.
        if let Expression::Identifier(id) = &callee_e.node {
            let name = id.node.name.as_str();
            let sym = self.lookup(name);
            if sym.is_none() || matches!(sym, Some(Sym::Func(_))) {
                match name {
                    "__builtin_expect" if args.len() == 2 => {
                        return Ok(Opnd::Rv(self.rvalue(&args[0])?));
                    }
                    "__builtin_unreachable" => {
                        self.f.b.terminate(Terminator::Unreachable);
                        return Ok(Opnd::Void);
                    }
                    "setjmp" | "_setjmp" | "longjmp" | "sigsetjmp" | "siglongjmp" => {
                        return Err(self.unsupported("setjmp", c.span));
                    }
                    n if n.starts_with("__builtin_va_") => {
                        return Err(self.unsupported("va_list", c.span));
                    }
                    n if n.starts_with("__builtin_") && sym.is_none() => {
                        // `__builtin_memcpy` and friends: the library function, when declared.
                        let base = &n["__builtin_".len()..];
                        if let Some(Sym::Func(f)) = self.lookup(base) {
                            return self.call_with(Some(f), None, args);
                        }
                        return Err(self.unsupported(n, c.span));
                    }
                    _ => {}
                }
            }
            if sym.is_none() {
                self.warn(
                    "C0103",
                    format!("implicit declaration of function `{name}`"),
                    id.span,
                );
                let f = FuncSym {
                    name: name.to_string(),
                    ty: CFunc {
                        ret: CType::INT,
                        params: vec![],
                        variadic: false,
                        prototyped: false,
                    },
                    is_static: false,
                    noreturn: false,
                };
                return self.call_with(Some(f), None, args);
            }
        }
        match self.lower(callee_e)? {
            Opnd::Func(f) => self.call_with(Some(f), None, args),
            o => {
                let rv = self.rv_of(o)?;
                if !rv.ty.is_fn_ptr() {
                    return Err(self.err_here("C0003", "called object is not a function"));
                }
                self.call_with(None, Some(rv), args)
            }
        }
    }

    fn call_with(
        &mut self,
        direct: Option<FuncSym>,
        indirect: Option<Rv>,
        args: &[Node<Expression>],
    ) -> R<Opnd> {
        let (callee, fty, noreturn) = match (direct, indirect) {
            (Some(f), _) => match self.func_def(&f) {
                Some(i) => {
                    let d = &self.p.funcs[i];
                    (
                        Callee::Func(FuncId::from_u32(i as u32)),
                        d.ty.clone(),
                        d.noreturn || f.noreturn,
                    )
                }
                None => (Callee::Extern(f.name.clone()), f.ty.clone(), f.noreturn),
            },
            (None, Some(rv)) => {
                let Some(CType::Func(ft)) = rv.ty.pointee().cloned() else {
                    return Err(self.err_here("C0003", "called object is not a function"));
                };
                let has_cf = args.iter().any(|a| self.has_cf(a));
                let kept = if has_cf {
                    Some(self.keep(rv.clone()))
                } else {
                    None
                };
                let args_v = self.call_args(&ft, args)?;
                let rv = match kept {
                    Some(k) => self.restore(k),
                    None => rv,
                };
                let fv = self.val(&rv);
                return Ok(self.finish_call(Callee::Indirect(fv), args_v, &ft.ret, false));
            }
            (None, None) => return Err(self.err_here("C0003", "bad call")),
        };
        let args_v = self.call_args(&fty, args)?;
        Ok(self.finish_call(callee, args_v, &fty.ret, noreturn))
    }

    fn call_args(&mut self, fty: &CFunc, args: &[Node<Expression>]) -> R<Vec<Value>> {
        if fty.prototyped
            && (args.len() < fty.params.len() || (!fty.variadic && args.len() > fty.params.len()))
        {
            return Err(self.err_here(
                "C0003",
                format!(
                    "expected {} argument(s), got {}",
                    fty.params.len(),
                    args.len()
                ),
            ));
        }
        let mut kept: Vec<Kept> = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let rv = self.rvalue(a)?;
            let sp = self.span(a.span);
            let rv = self.at(sp, |cx| match fty.params.get(i) {
                Some(t) if fty.prototyped => cx.convert_assign(rv, t),
                _ => cx.default_promote(rv),
            })?;
            if rv.ty == CType::Void {
                return Err(self.err_here("C0003", "void value used as an argument"));
            }
            let later_cf = args[i + 1..].iter().any(|x| self.has_cf(x));
            if later_cf {
                kept.push(self.keep(rv));
            } else {
                kept.push(Kept::Rv(rv));
            }
        }
        let mut out = Vec::new();
        for k in kept {
            let rv = self.restore(k);
            out.push(self.val(&rv));
        }
        Ok(out)
    }

    fn finish_call(
        &mut self,
        callee: Callee,
        args: Vec<Value>,
        ret: &CType,
        noreturn: bool,
    ) -> Opnd {
        let res_ty = if *ret == CType::Void {
            None
        } else {
            Some(ret.ir())
        };
        let sp = self.f.span.clone();
        let v = self.f.b.ins(Op::Call { callee, args }, res_ty, sp);
        if noreturn {
            self.f.b.terminate(Terminator::Unreachable);
        }
        match v {
            Some(v) => Opnd::Rv(Rv::v(v, ret.clone())),
            None => Opnd::Void,
        }
    }
}

fn int_cc(op: &BinaryOperator, signed: bool) -> IntCC {
    use BinaryOperator::*;
    match (op, signed) {
        (Less, true) => IntCC::Slt,
        (Less, false) => IntCC::Ult,
        (Greater, true) => IntCC::Sgt,
        (Greater, false) => IntCC::Ugt,
        (LessOrEqual, true) => IntCC::Sle,
        (LessOrEqual, false) => IntCC::Ule,
        (GreaterOrEqual, true) => IntCC::Sge,
        (GreaterOrEqual, false) => IntCC::Uge,
        (Equals, _) => IntCC::Eq,
        _ => IntCC::Ne,
    }
}

fn eval_cc(cc: IntCC, x: i128, y: i128) -> bool {
    match cc {
        IntCC::Eq => x == y,
        IntCC::Ne => x != y,
        IntCC::Slt | IntCC::Ult => x < y,
        IntCC::Sle | IntCC::Ule => x <= y,
        IntCC::Sgt | IntCC::Ugt => x > y,
        IntCC::Sge | IntCC::Uge => x >= y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes() {
        assert_eq!(
            unescape(r"a\n\t\\\'\x41\101\0").unwrap(),
            b"a\n\t\\'AA\0".to_vec()
        );
        assert!(unescape(r"\x").is_err());
    }

    #[test]
    fn folds_ints() {
        assert_eq!(
            fold_int(BinaryOp::Add, 2147483647, 1, IntTy::I32),
            Some(-2147483648)
        );
        assert_eq!(fold_int(BinaryOp::SDiv, -7, 2, IntTy::I32), Some(-3));
        assert_eq!(fold_int(BinaryOp::SRem, -7, 2, IntTy::I32), Some(-1));
        assert_eq!(fold_int(BinaryOp::SDiv, 1, 0, IntTy::I32), None);
        assert_eq!(fold_int(BinaryOp::Shl, 1, 32, IntTy::I32), None);
        assert_eq!(
            fold_int(BinaryOp::Mul, u64::MAX as i128, 3, IntTy::U64),
            Some((u64::MAX - 2) as i128)
        );
        assert_eq!(fold_int(BinaryOp::AShr, -8, 1, IntTy::I32), Some(-4));
    }

    #[test]
    fn hex_floats() {
        assert_eq!(parse_hex_float("1.8p1"), Some(3.0));
        assert_eq!(parse_hex_float("0x10"), Some(16.0));
    }
}
