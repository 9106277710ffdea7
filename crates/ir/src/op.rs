//! Operations and their exact semantics.
//!
//! Notation: `w` is the bit width of the operand type; arithmetic is on `w`-bit two's-complement
//! bit patterns; "signed" and "unsigned" name how an op *reads* the pattern. A **precondition**
//! is C undefined behaviour: on inputs that violate it the op has no defined result. The checker
//! assumes preconditions hold; the emitter must still produce something deterministic (a
//! wrapping result or a panic) and never `unsafe`.
//!
//! Operand typing (checked by the well-formedness verifier): binary integer ops take two
//! operands of the same [`IntTy`](crate::IntTy) and produce that type, except shifts, whose
//! amount may be any integer type (read as unsigned); float ops take two operands of the same
//! float type; comparisons produce [`Type::Bool`](crate::Type::Bool).

use crate::{FuncId, GlobalId, Value, Var};

/// A two-operand operation.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BinaryOp {
    /// `(a + b) mod 2^w`. With `nsw`: precondition that the signed sum fits (C signed `+`).
    Add,
    /// `(a - b) mod 2^w`. With `nsw`: precondition that the signed difference fits.
    Sub,
    /// `(a * b) mod 2^w`. With `nsw`: precondition that the signed product fits.
    Mul,
    /// Signed division truncating toward zero (C99 `/`). Preconditions: `b != 0` and not
    /// (`a == MIN` and `b == -1`).
    SDiv,
    /// Unsigned division. Precondition: `b != 0`.
    UDiv,
    /// Signed remainder with the sign of the dividend (C99 `%`): `a - (a sdiv b) * b`.
    /// Preconditions as [`BinaryOp::SDiv`].
    SRem,
    /// Unsigned remainder. Precondition: `b != 0`.
    URem,
    /// Bitwise and.
    And,
    /// Bitwise or.
    Or,
    /// Bitwise exclusive or.
    Xor,
    /// `(a << b) mod 2^w`. Precondition: `b < w` (read unsigned). With `nsw` additionally
    /// (C signed `<<`): `a >= 0` and the result as a mathematical integer fits in `w` signed bits.
    Shl,
    /// Logical right shift (zero fill). Precondition: `b < w`.
    LShr,
    /// Arithmetic right shift (sign fill; what gcc does for signed `>>`). Precondition: `b < w`.
    AShr,
    /// IEEE-754 addition, round to nearest even.
    FAdd,
    /// IEEE-754 subtraction.
    FSub,
    /// IEEE-754 multiplication.
    FMul,
    /// IEEE-754 division (`x/0` is ±inf or NaN; no precondition).
    FDiv,
    /// Logical and of two [`Type::Bool`](crate::Type::Bool)s (no short-circuit: both operands
    /// are already evaluated values).
    BAnd,
    /// Logical or of two bools.
    BOr,
}

impl BinaryOp {
    /// Text-format mnemonic.
    pub fn mnemonic(self) -> &'static str {
        use BinaryOp::*;
        match self {
            Add => "add",
            Sub => "sub",
            Mul => "mul",
            SDiv => "sdiv",
            UDiv => "udiv",
            SRem => "srem",
            URem => "urem",
            And => "and",
            Or => "or",
            Xor => "xor",
            Shl => "shl",
            LShr => "lshr",
            AShr => "ashr",
            FAdd => "fadd",
            FSub => "fsub",
            FMul => "fmul",
            FDiv => "fdiv",
            BAnd => "band",
            BOr => "bor",
        }
    }
    /// All binary ops, for parsers and exhaustive tests.
    pub const ALL: [BinaryOp; 19] = {
        use BinaryOp::*;
        [
            Add, Sub, Mul, SDiv, UDiv, SRem, URem, And, Or, Xor, Shl, LShr, AShr, FAdd, FSub, FMul,
            FDiv, BAnd, BOr,
        ]
    };
}

/// A one-operand operation.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnaryOp {
    /// `(0 - a) mod 2^w`. With `nsw`: precondition `a != MIN` (C signed unary minus).
    Neg,
    /// Bitwise complement.
    Not,
    /// IEEE-754 negation (flips the sign bit, also of NaN and zero).
    FNeg,
    /// Logical not of a [`Type::Bool`](crate::Type::Bool).
    BNot,
}

impl UnaryOp {
    /// All unary ops, for parsers and exhaustive tests.
    pub const ALL: [UnaryOp; 4] = [UnaryOp::Neg, UnaryOp::Not, UnaryOp::FNeg, UnaryOp::BNot];
    /// Text-format mnemonic.
    pub fn mnemonic(self) -> &'static str {
        match self {
            UnaryOp::Neg => "neg",
            UnaryOp::Not => "not",
            UnaryOp::FNeg => "fneg",
            UnaryOp::BNot => "bnot",
        }
    }
}

/// Integer comparison; both operands have the same integer type (or are both pointers, for
/// `Eq`/`Ne` and, within one object, the ordered comparisons read as unsigned offsets).
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum IntCC {
    /// Equal.
    Eq,
    /// Not equal.
    Ne,
    /// Signed less than.
    Slt,
    /// Signed less or equal.
    Sle,
    /// Signed greater than.
    Sgt,
    /// Signed greater or equal.
    Sge,
    /// Unsigned less than.
    Ult,
    /// Unsigned less or equal.
    Ule,
    /// Unsigned greater than.
    Ugt,
    /// Unsigned greater or equal.
    Uge,
}

impl IntCC {
    /// All integer conditions, for parsers and exhaustive tests.
    pub const ALL: [IntCC; 10] = {
        use IntCC::*;
        [Eq, Ne, Slt, Sle, Sgt, Sge, Ult, Ule, Ugt, Uge]
    };
    /// Text-format mnemonic.
    pub fn mnemonic(self) -> &'static str {
        use IntCC::*;
        match self {
            Eq => "eq",
            Ne => "ne",
            Slt => "slt",
            Sle => "sle",
            Sgt => "sgt",
            Sge => "sge",
            Ult => "ult",
            Ule => "ule",
            Ugt => "ugt",
            Uge => "uge",
        }
    }
}

/// Float comparison with C semantics: every comparison with a NaN operand is false, except
/// `Ne`, which is true.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FloatCC {
    /// Ordered and equal.
    Eq,
    /// Unordered or not equal.
    Ne,
    /// Ordered and less than.
    Lt,
    /// Ordered and less or equal.
    Le,
    /// Ordered and greater than.
    Gt,
    /// Ordered and greater or equal.
    Ge,
}

impl FloatCC {
    /// All float conditions, for parsers and exhaustive tests.
    pub const ALL: [FloatCC; 6] = {
        use FloatCC::*;
        [Eq, Ne, Lt, Le, Gt, Ge]
    };
    /// Text-format mnemonic.
    pub fn mnemonic(self) -> &'static str {
        match self {
            FloatCC::Eq => "eq",
            FloatCC::Ne => "ne",
            FloatCC::Lt => "lt",
            FloatCC::Le => "le",
            FloatCC::Gt => "gt",
            FloatCC::Ge => "ge",
        }
    }
}

/// A conversion. The target type is the result type of the [`Op::Cast`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CastKind {
    /// Integer to integer, exactly C's conversion (and Rust's `as`): to a narrower type keep the
    /// low bits; to a wider type sign-extend if the *source* is signed, else zero-extend; to the
    /// same width reinterpret the bits.
    IntCast,
    /// Integer to bool: `a != 0`.
    IntToBool,
    /// Bool to integer: 1 or 0.
    BoolToInt,
    /// Float to integer, truncating toward zero. Precondition: the truncated value is
    /// representable in the target type (C UB otherwise; NaN included).
    FloatToInt,
    /// Integer to float (read signed or unsigned per the source type), round to nearest even.
    IntToFloat,
    /// f32 <-> f64 (round to nearest even when narrowing).
    FloatCast,
    /// Pointer to pointer of another pointee type, or a function pointer to another function
    /// pointer type. Kept for the record; the emitter and borrow analysis decide whether a
    /// safe mapping exists.
    PtrCast,
    /// Pointer to bool: `p != null`.
    PtrToBool,
}

impl CastKind {
    /// All conversions, for parsers and exhaustive tests.
    pub const ALL: [CastKind; 8] = {
        use CastKind::*;
        [
            IntCast, IntToBool, BoolToInt, FloatToInt, IntToFloat, FloatCast, PtrCast, PtrToBool,
        ]
    };
    /// Text-format mnemonic.
    pub fn mnemonic(self) -> &'static str {
        match self {
            CastKind::IntCast => "intcast",
            CastKind::IntToBool => "inttobool",
            CastKind::BoolToInt => "booltoint",
            CastKind::FloatToInt => "floattoint",
            CastKind::IntToFloat => "inttofloat",
            CastKind::FloatCast => "floatcast",
            CastKind::PtrCast => "ptrcast",
            CastKind::PtrToBool => "ptrtobool",
        }
    }
}

/// The root of a memory place.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceBase {
    /// A function variable (parameter or local).
    Var(Var),
    /// A module global.
    Global(GlobalId),
    /// The object a pointer value points at, at the pointer's element offset. Precondition of
    /// any access: the pointer is not null and, with the projections applied, in bounds of its
    /// object.
    Deref(Value),
}

/// One step from a place to a sub-place.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Proj {
    /// Field `n` of a struct place.
    Field(u32),
    /// Element `i` of an array place, or, directly after [`PlaceBase::Deref`], the element `i`
    /// positions after the pointed-to element (`p[i]`). The index is an integer value read per
    /// its own signedness. Precondition: the element is in bounds.
    Index(Value),
}

/// A memory location: a base and a path of projections, e.g. `%grid[v3][v4]` or `*v0.f1`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    /// Where the path starts.
    pub base: PlaceBase,
    /// Field and index steps, outermost first.
    pub proj: Vec<Proj>,
}

impl Place {
    /// The whole variable `v`.
    pub fn var(v: Var) -> Place {
        Place {
            base: PlaceBase::Var(v),
            proj: Vec::new(),
        }
    }
    /// The whole global `g`.
    pub fn global(g: GlobalId) -> Place {
        Place {
            base: PlaceBase::Global(g),
            proj: Vec::new(),
        }
    }
    /// The element `*p`.
    pub fn deref(p: Value) -> Place {
        Place {
            base: PlaceBase::Deref(p),
            proj: Vec::new(),
        }
    }
    /// This place extended by `proj`.
    pub fn project(mut self, proj: Proj) -> Place {
        self.proj.push(proj);
        self
    }
    /// Values this place reads (the pointer of a `Deref`, then index values), in order.
    pub fn operands(&self) -> Vec<Value> {
        let mut out = Vec::new();
        if let PlaceBase::Deref(v) = self.base {
            out.push(v);
        }
        for p in &self.proj {
            if let Proj::Index(v) = p {
                out.push(*v);
            }
        }
        out
    }
}

/// What a call calls.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Callee {
    /// A function defined in the module.
    Func(FuncId),
    /// A function defined elsewhere, by name: the C library (`printf`, `strlen`, `abs`, ...)
    /// which the emitter maps to its safe runtime, or anything the emitter must report.
    Extern(String),
    /// A function pointer value.
    Indirect(Value),
}

/// An operation. Ops with a result define exactly one [`Value`]; its type is stored on the
/// value (see [`crate::ValueData`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Op {
    /// An integer constant, stored as its mathematical value, which lies in the range of the
    /// result type.
    Iconst(i128),
    /// A bool constant.
    Bconst(bool),
    /// A float constant; for `f32` results the value is exactly representable as `f32`.
    Fconst(f64),
    /// A pointer to the first byte of a static, read-only, NUL-terminated byte string. `bytes`
    /// includes the final NUL. Result type `ptr<i8>` (or the pointer type the source chose).
    Str(Vec<u8>),
    /// The null pointer of the result type.
    Null,
    /// A pointer to a defined function. Result type `ptr<fn(..)>`.
    FuncAddr(FuncId),
    /// See [`UnaryOp`].
    Unary {
        /// Which operation.
        op: UnaryOp,
        /// Operand.
        arg: Value,
        /// No-signed-wrap precondition (C signed arithmetic).
        nsw: bool,
    },
    /// See [`BinaryOp`].
    Binary {
        /// Which operation.
        op: BinaryOp,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
        /// No-signed-wrap precondition (C signed arithmetic).
        nsw: bool,
    },
    /// Integer (or pointer) comparison; result `bool`.
    Icmp {
        /// Condition.
        cond: IntCC,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
    },
    /// Float comparison; result `bool`.
    Fcmp {
        /// Condition.
        cond: FloatCC,
        /// Left operand.
        lhs: Value,
        /// Right operand.
        rhs: Value,
    },
    /// Conversion of `arg` to the result type.
    Cast {
        /// Which conversion.
        kind: CastKind,
        /// Operand.
        arg: Value,
    },
    /// `if cond { a } else { b }`; both already evaluated.
    Select {
        /// A bool.
        cond: Value,
        /// Result when true.
        if_true: Value,
        /// Result when false.
        if_false: Value,
    },
    /// Reads the value stored at a place (any type: scalars, whole structs and arrays are
    /// copied). Precondition: the place is in bounds. Reading a variable never written yields
    /// an unspecified value (the emitter zero-initialises).
    Load(Place),
    /// Writes `value` to a place; no result.
    Store(Place, Value),
    /// The address of a place; result `ptr<T>` where `T` is the place's type.
    Addr(Place),
    /// `ptr + offset` in elements of the pointee type (C pointer arithmetic); `offset` is an
    /// integer read per its own signedness. Precondition: the result stays within its object
    /// (one past the end allowed, not dereferenced).
    PtrAdd {
        /// The pointer.
        ptr: Value,
        /// Element offset.
        offset: Value,
    },
    /// `lhs - rhs` in elements, as `i64` (C `ptrdiff_t`). Precondition: both point into the
    /// same object.
    PtrDiff {
        /// Minuend pointer.
        lhs: Value,
        /// Subtrahend pointer.
        rhs: Value,
    },
    /// Calls a function. The result is absent for `void` callees. Arguments of variadic calls
    /// have C's default argument promotions applied already.
    Call {
        /// What is called.
        callee: Callee,
        /// Arguments, in order.
        args: Vec<Value>,
    },
}

impl Op {
    /// The SSA values this op reads, in operand order.
    pub fn operands(&self) -> Vec<Value> {
        match self {
            Op::Iconst(_)
            | Op::Bconst(_)
            | Op::Fconst(_)
            | Op::Str(_)
            | Op::Null
            | Op::FuncAddr(_) => vec![],
            Op::Unary { arg, .. } | Op::Cast { arg, .. } => vec![*arg],
            Op::Binary { lhs, rhs, .. } | Op::Icmp { lhs, rhs, .. } | Op::Fcmp { lhs, rhs, .. } => {
                vec![*lhs, *rhs]
            }
            Op::Select {
                cond,
                if_true,
                if_false,
            } => vec![*cond, *if_true, *if_false],
            Op::PtrAdd { ptr, offset } => vec![*ptr, *offset],
            Op::PtrDiff { lhs, rhs } => vec![*lhs, *rhs],
            Op::Load(p) | Op::Addr(p) => p.operands(),
            Op::Store(p, v) => {
                let mut out = p.operands();
                out.push(*v);
                out
            }
            Op::Call { callee, args } => {
                let mut out = Vec::new();
                if let Callee::Indirect(v) = callee {
                    out.push(*v);
                }
                out.extend(args.iter().copied());
                out
            }
        }
    }
    /// True when the op reads or writes memory or calls: its position relative to other
    /// effects matters.
    pub fn has_effects(&self) -> bool {
        matches!(self, Op::Load(_) | Op::Store(..) | Op::Call { .. })
    }
}
