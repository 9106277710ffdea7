//! IR types. Sizes follow LP64 (x86-64 SysV): see [`crate::layout`].
//!
//! Integer types carry width and signedness. Signedness matters only to the operations that
//! say so (division, remainder, right shift, comparison, widening casts, int<->float); the
//! representation is the two's-complement bit pattern either way.

use xl_base::Span;

xl_base::entity!(
    /// A struct (or union) definition in [`crate::Module::structs`].
    StructId,
    "struct"
);

/// An integer type: `bits` is 8, 16, 32 or 64.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct IntTy {
    /// Width in bits: 8, 16, 32 or 64.
    pub bits: u8,
    /// Two's-complement signed when true.
    pub signed: bool,
}

impl IntTy {
    /// `i8`.
    pub const I8: IntTy = IntTy {
        bits: 8,
        signed: true,
    };
    /// `u8`.
    pub const U8: IntTy = IntTy {
        bits: 8,
        signed: false,
    };
    /// `i16`.
    pub const I16: IntTy = IntTy {
        bits: 16,
        signed: true,
    };
    /// `u16`.
    pub const U16: IntTy = IntTy {
        bits: 16,
        signed: false,
    };
    /// `i32`.
    pub const I32: IntTy = IntTy {
        bits: 32,
        signed: true,
    };
    /// `u32`.
    pub const U32: IntTy = IntTy {
        bits: 32,
        signed: false,
    };
    /// `i64`.
    pub const I64: IntTy = IntTy {
        bits: 64,
        signed: true,
    };
    /// `u64`.
    pub const U64: IntTy = IntTy {
        bits: 64,
        signed: false,
    };

    /// Smallest representable value.
    pub fn min(self) -> i128 {
        if self.signed {
            -(1i128 << (self.bits - 1))
        } else {
            0
        }
    }
    /// Largest representable value.
    pub fn max(self) -> i128 {
        if self.signed {
            (1i128 << (self.bits - 1)) - 1
        } else {
            (1i128 << self.bits) - 1
        }
    }
    /// Reduces any mathematical integer to this type's range by two's-complement wrap-around
    /// (the C conversion rule for unsigned targets, and gcc's rule for signed ones).
    pub fn wrap(self, v: i128) -> i128 {
        let m = 1i128 << self.bits;
        let mut r = v.rem_euclid(m);
        if self.signed && r > self.max() {
            r -= m;
        }
        r
    }
    /// The same width with the other signedness.
    pub fn with_signed(self, signed: bool) -> IntTy {
        IntTy {
            bits: self.bits,
            signed,
        }
    }
}

impl std::fmt::Display for IntTy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", if self.signed { 'i' } else { 'u' }, self.bits)
    }
}

/// IEEE-754 binary32 or binary64.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FloatTy {
    /// binary32 (`float`).
    F32,
    /// binary64 (`double`; `long double` is mapped here with a warning by the C frontend).
    F64,
}

/// A function signature. Parameter names live on the function's [`crate::Var`]s.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FnSig {
    /// Parameter types in order.
    pub params: Vec<Type>,
    /// Return type ([`Type::Void`] for none).
    pub ret: Type,
    /// True for `...` functions (only external ones such as `printf`).
    pub variadic: bool,
}

/// An IR type.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Type {
    /// No value: only as a return type or pointee.
    Void,
    /// A truth value; the result of comparisons. Converted to/from integers explicitly.
    Bool,
    /// An integer.
    Int(IntTy),
    /// A float.
    Float(FloatTy),
    /// A pointer to `T`. Abstractly a pair (object, element offset); see [`crate::op::Place`].
    Ptr(Box<Type>),
    /// A fixed-length array `[T; n]`.
    Array(Box<Type>, u64),
    /// A struct defined in the module.
    Struct(StructId),
    /// A function type: only as the pointee of a function pointer.
    Fn(Box<FnSig>),
}

impl Type {
    /// Integer type `i32` (C `int`).
    pub const I32: Type = Type::Int(IntTy::I32);
    /// Integer type `i64` (C `long`).
    pub const I64: Type = Type::Int(IntTy::I64);
    /// Integer type `u64` (C `size_t`).
    pub const U64: Type = Type::Int(IntTy::U64);
    /// Integer type `i8` (C `char` on x86-64).
    pub const I8: Type = Type::Int(IntTy::I8);
    /// `f64`.
    pub const F64: Type = Type::Float(FloatTy::F64);

    /// A pointer to `self`.
    pub fn ptr_to(self) -> Type {
        Type::Ptr(Box::new(self))
    }
    /// The integer type, if this is one.
    pub fn as_int(&self) -> Option<IntTy> {
        match self {
            Type::Int(i) => Some(*i),
            _ => None,
        }
    }
    /// The pointee, if this is a pointer.
    pub fn pointee(&self) -> Option<&Type> {
        match self {
            Type::Ptr(t) => Some(t),
            _ => None,
        }
    }
    /// True for integers, bools, floats and pointers: values that fit a register.
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            Type::Bool | Type::Int(_) | Type::Float(_) | Type::Ptr(_)
        )
    }
}

impl std::fmt::Display for Type {
    /// The text-format spelling: `i32`, `u8`, `bool`, `f64`, `ptr<i32>`, `[i32; 4]`,
    /// `struct3`, `fn(i32, ptr<i8>, ...) -> void`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Type::Void => write!(f, "void"),
            Type::Bool => write!(f, "bool"),
            Type::Int(i) => write!(f, "{i}"),
            Type::Float(FloatTy::F32) => write!(f, "f32"),
            Type::Float(FloatTy::F64) => write!(f, "f64"),
            Type::Ptr(t) => write!(f, "ptr<{t}>"),
            Type::Array(t, n) => write!(f, "[{t}; {n}]"),
            Type::Struct(s) => write!(f, "{s}"),
            Type::Fn(sig) => {
                write!(f, "fn(")?;
                for (i, p) in sig.params.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{p}")?;
                }
                if sig.variadic {
                    if !sig.params.is_empty() {
                        write!(f, ", ")?;
                    }
                    write!(f, "...")?;
                }
                write!(f, ") -> {}", sig.ret)
            }
        }
    }
}

/// A struct field.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// Field name as in the source.
    pub name: String,
    /// Field type.
    pub ty: Type,
}

/// A struct definition. Layout is C's (fields in order, natural alignment; see
/// [`crate::layout`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StructDef {
    /// Source name (`Point` for `struct Point`; a synthesised name for anonymous structs).
    pub name: String,
    /// Fields in declaration order.
    pub fields: Vec<Field>,
    /// Where it is defined.
    pub span: Span,
}
