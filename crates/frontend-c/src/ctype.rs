//! C types as the frontend sees them, and their mapping to IR types (LP64, x86-64).
//!
//! `char` and `signed char` are `i8`, `unsigned char` `u8`, `short` `i16`, `int` `i32`,
//! `long`/`long long` `i64`, `_Bool` [`CType::Bool`], enums `i32`, `float` `f32`, `double` and
//! `long double` `f64`. Arrays may have an unknown length until an initialiser or a definition
//! completes them. Function types keep whether they are prototyped and variadic.
//!
//! Comparison and logical operators produce [`CType::Bool`] values inside the lowering (C says
//! `int`; the value set {0, 1} and every conversion agree), so conditions need no round trip.

use xl_ir::{FloatTy, FnSig, IntTy, StructId, Type};

/// A C type.
#[derive(Clone, Debug, PartialEq)]
pub enum CType {
    /// `void`.
    Void,
    /// `_Bool`.
    Bool,
    /// An integer type (also enums and `char`).
    Int(IntTy),
    /// `float` or `double`.
    Float(FloatTy),
    /// A pointer.
    Ptr(Box<CType>),
    /// An array; `None` length while incomplete.
    Array(Box<CType>, Option<u64>),
    /// A struct registered in the module.
    Struct(StructId),
    /// A function type.
    Func(Box<CFunc>),
}

/// A C function type.
#[derive(Clone, Debug, PartialEq)]
pub struct CFunc {
    /// Return type.
    pub ret: CType,
    /// Parameter types (after adjustment: arrays and functions become pointers).
    pub params: Vec<CType>,
    /// Ends in `...`.
    pub variadic: bool,
    /// False for `int f()` (no prototype): arguments get default promotions.
    pub prototyped: bool,
}

impl CType {
    /// `int`.
    pub const INT: CType = CType::Int(IntTy::I32);
    /// `char`.
    pub const CHAR: CType = CType::Int(IntTy::I8);
    /// `unsigned long` (`size_t`).
    pub const SIZE: CType = CType::Int(IntTy::U64);
    /// `long`.
    pub const LONG: CType = CType::Int(IntTy::I64);
    /// `double`.
    pub const DOUBLE: CType = CType::Float(FloatTy::F64);

    /// A pointer to `self`.
    pub fn ptr(self) -> CType {
        CType::Ptr(Box::new(self))
    }
    /// The integer type, if any.
    pub fn int(&self) -> Option<IntTy> {
        match self {
            CType::Int(i) => Some(*i),
            _ => None,
        }
    }
    /// True for integers and `_Bool`.
    pub fn is_integer(&self) -> bool {
        matches!(self, CType::Int(_) | CType::Bool)
    }
    /// True for integers, `_Bool` and floats.
    pub fn is_arith(&self) -> bool {
        matches!(self, CType::Int(_) | CType::Bool | CType::Float(_))
    }
    /// True for arithmetic types and pointers.
    pub fn is_scalar(&self) -> bool {
        self.is_arith() || matches!(self, CType::Ptr(_))
    }
    /// The pointee of a pointer.
    pub fn pointee(&self) -> Option<&CType> {
        match self {
            CType::Ptr(t) => Some(t),
            _ => None,
        }
    }
    /// True for pointers to functions.
    pub fn is_fn_ptr(&self) -> bool {
        matches!(self, CType::Ptr(t) if matches!(**t, CType::Func(_)))
    }
    /// The type after array-to-pointer and function-to-pointer decay.
    pub fn decay(&self) -> CType {
        match self {
            CType::Array(e, _) => CType::Ptr(e.clone()),
            CType::Func(_) => CType::Ptr(Box::new(self.clone())),
            t => t.clone(),
        }
    }

    /// The IR type. Incomplete arrays become zero-length arrays.
    pub fn ir(&self) -> Type {
        match self {
            CType::Void => Type::Void,
            CType::Bool => Type::Bool,
            CType::Int(i) => Type::Int(*i),
            CType::Float(f) => Type::Float(*f),
            CType::Ptr(t) => Type::Ptr(Box::new(t.ir())),
            CType::Array(t, n) => Type::Array(Box::new(t.ir()), n.unwrap_or(0)),
            CType::Struct(s) => Type::Struct(*s),
            CType::Func(f) => Type::Fn(Box::new(f.sig())),
        }
    }
}

impl CFunc {
    /// The IR signature.
    pub fn sig(&self) -> FnSig {
        FnSig {
            params: self.params.iter().map(CType::ir).collect(),
            ret: self.ret.ir(),
            variadic: self.variadic,
        }
    }
}

/// The integer promotion of an integer type: narrower than `int` becomes `int`.
pub fn promote_int(i: IntTy) -> IntTy {
    if i.bits < 32 {
        IntTy::I32
    } else {
        i
    }
}

/// The integer promotion of an arithmetic C type (`_Bool` becomes `int`; floats unchanged).
pub fn promote(t: &CType) -> CType {
    match t {
        CType::Bool => CType::INT,
        CType::Int(i) => CType::Int(promote_int(*i)),
        t => t.clone(),
    }
}

/// The usual arithmetic conversions: the common type of two arithmetic operands.
pub fn usual_arith(a: &CType, b: &CType) -> CType {
    match (a, b) {
        (CType::Float(x), CType::Float(y)) => CType::Float((*x).max(*y)),
        (CType::Float(x), _) | (_, CType::Float(x)) => CType::Float(*x),
        _ => {
            let x = promote(a).int().unwrap_or(IntTy::I32);
            let y = promote(b).int().unwrap_or(IntTy::I32);
            CType::Int(common_int(x, y))
        }
    }
}

/// The common type of two promoted integer types.
pub fn common_int(x: IntTy, y: IntTy) -> IntTy {
    if x == y {
        return x;
    }
    if x.signed == y.signed {
        return if x.bits >= y.bits { x } else { y };
    }
    let (s, u) = if x.signed { (x, y) } else { (y, x) };
    if u.bits >= s.bits {
        u
    } else {
        // The signed type is wider, so it represents every value of the unsigned one.
        s
    }
}

/// The C type of an IR type (struct field types are stored as IR types). Function types come
/// back prototyped; `const` is not recorded in IR types.
pub fn from_ir(t: &Type) -> CType {
    match t {
        Type::Void => CType::Void,
        Type::Bool => CType::Bool,
        Type::Int(i) => CType::Int(*i),
        Type::Float(f) => CType::Float(*f),
        Type::Ptr(p) => CType::Ptr(Box::new(from_ir(p))),
        Type::Array(e, n) => CType::Array(Box::new(from_ir(e)), Some(*n)),
        Type::Struct(s) => CType::Struct(*s),
        Type::Fn(sig) => CType::Func(Box::new(CFunc {
            ret: from_ir(&sig.ret),
            params: sig.params.iter().map(from_ir).collect(),
            variadic: sig.variadic,
            prototyped: true,
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_conversions() {
        let u = CType::Int(IntTy::U32);
        let l = CType::Int(IntTy::I64);
        assert_eq!(usual_arith(&CType::INT, &u), u);
        assert_eq!(usual_arith(&u, &l), l);
        assert_eq!(
            usual_arith(&CType::Int(IntTy::U64), &l),
            CType::Int(IntTy::U64)
        );
        assert_eq!(
            usual_arith(&CType::CHAR, &CType::Int(IntTy::U8)),
            CType::INT
        );
        assert_eq!(usual_arith(&CType::Bool, &CType::Bool), CType::INT);
        assert_eq!(usual_arith(&CType::INT, &CType::DOUBLE), CType::DOUBLE);
        assert_eq!(
            usual_arith(&CType::Float(FloatTy::F32), &CType::Int(IntTy::I64)),
            CType::Float(FloatTy::F32)
        );
    }
}
