//! Runtime values: what an SSA value, a variable or a memory cell holds while the interpreter
//! runs.
//!
//! Invariants:
//! - An [`IntVal`] keeps the two's-complement bit pattern of its [`IntTy`] in the low
//!   `ty.bits` bits of `bits`; the bits above are always zero. Signedness only says how the
//!   pattern reads as a number ([`IntVal::math`]); ops that care read it themselves.
//! - A [`Pointer`] is either null, a place in a memory object (object id and byte offset, the
//!   offset between 0 and the object's size inclusive: one past the end is a valid pointer),
//!   a module function, or a *wild* address: bytes read back from memory that name no object
//!   (dereferencing one is undefined behaviour).
//! - Aggregates (structs and arrays) are trees: [`Val::Agg`] holds fields or elements in order.
//! - Everything here is plain data (no references into the module or the memory), so a
//!   counterexample from the checker can be written down as values directly.

use xl_ir::{FloatTy, FuncId, IntTy, Module, Type};

/// A memory object's id: its index in [`crate::Memory::objects`].
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ObjId(pub u32);

impl ObjId {
    /// The index into the object table.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// An integer: a bit pattern and its type.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub struct IntVal {
    /// Width and signedness.
    pub ty: IntTy,
    /// The bit pattern, zero above `ty.bits`.
    pub bits: u64,
}

impl IntVal {
    /// The value of type `ty` congruent to `v` modulo `2^bits` (C's conversion rule).
    pub fn new(ty: IntTy, v: i128) -> IntVal {
        IntVal::from_bits(ty, v as u64)
    }
    /// The value of type `ty` with the low `ty.bits` bits of `bits`.
    pub fn from_bits(ty: IntTy, bits: u64) -> IntVal {
        IntVal {
            ty,
            bits: bits & mask(ty.bits),
        }
    }
    /// The pattern read as unsigned.
    pub fn unsigned(self) -> u64 {
        self.bits
    }
    /// The pattern read as signed (sign-extended to 64 bits).
    pub fn signed(self) -> i64 {
        let shift = 64 - u32::from(self.ty.bits).clamp(1, 64);
        ((self.bits << shift) as i64) >> shift
    }
    /// The mathematical value per the type's own signedness.
    pub fn math(self) -> i128 {
        if self.ty.signed {
            i128::from(self.signed())
        } else {
            i128::from(self.bits)
        }
    }
}

/// All-ones in the low `bits` bits.
pub fn mask(bits: u8) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    }
}

/// A pointer value.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Pointer {
    /// The null pointer.
    Null,
    /// Byte `off` of object `obj`.
    Obj {
        /// The object.
        obj: ObjId,
        /// Byte offset from its start (at most its size).
        off: u64,
    },
    /// A module function (a function pointer).
    Func(FuncId),
    /// An address read from memory that names no object and no function.
    Wild(u64),
}

/// A runtime value.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// An integer.
    Int(IntVal),
    /// A bool.
    Bool(bool),
    /// A binary32 float.
    F32(f32),
    /// A binary64 float.
    F64(f64),
    /// A data or function pointer.
    Ptr(Pointer),
    /// Struct fields or array elements, in order.
    Agg(Vec<Val>),
}

impl Val {
    /// An integer of type `ty` with mathematical value `v` (wrapped into range).
    pub fn int(ty: IntTy, v: i128) -> Val {
        Val::Int(IntVal::new(ty, v))
    }
    /// `i32` value `v`.
    pub fn i32(v: i32) -> Val {
        Val::int(IntTy::I32, i128::from(v))
    }
    /// The all-zero value of `ty` (what the emitter zero-initialises variables to). `void` and
    /// function types have no values; they give an empty aggregate.
    pub fn zero(module: &Module, ty: &Type) -> Val {
        match ty {
            Type::Bool => Val::Bool(false),
            Type::Int(i) => Val::int(*i, 0),
            Type::Float(FloatTy::F32) => Val::F32(0.0),
            Type::Float(FloatTy::F64) => Val::F64(0.0),
            Type::Ptr(_) => Val::Ptr(Pointer::Null),
            Type::Array(elem, n) => {
                let z = Val::zero(module, elem);
                Val::Agg(vec![z; usize::try_from(*n).unwrap_or(0)])
            }
            Type::Struct(s) => match module.structs.get(*s) {
                Some(def) => Val::Agg(
                    def.fields
                        .iter()
                        .map(|f| Val::zero(module, &f.ty))
                        .collect(),
                ),
                None => Val::Agg(Vec::new()),
            },
            Type::Void | Type::Fn(_) => Val::Agg(Vec::new()),
        }
    }
    /// The integer, if this is one.
    pub fn as_int(&self) -> Option<IntVal> {
        match self {
            Val::Int(i) => Some(*i),
            _ => None,
        }
    }
    /// The bool, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            _ => None,
        }
    }
    /// The pointer, if this is one.
    pub fn as_ptr(&self) -> Option<Pointer> {
        match self {
            Val::Ptr(p) => Some(*p),
            _ => None,
        }
    }
    /// The float widened to f64, if this is a float.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Val::F32(x) => Some(f64::from(*x)),
            Val::F64(x) => Some(*x),
            _ => None,
        }
    }
    /// True when the value has the shape of `ty` (integers of exactly that `IntTy`, any
    /// pointer for any pointer type, aggregates element by element).
    pub fn fits(&self, module: &Module, ty: &Type) -> bool {
        match (self, ty) {
            (Val::Int(i), Type::Int(t)) => i.ty == *t,
            (Val::Bool(_), Type::Bool) => true,
            (Val::F32(_), Type::Float(FloatTy::F32)) => true,
            (Val::F64(_), Type::Float(FloatTy::F64)) => true,
            (Val::Ptr(_), Type::Ptr(_)) => true,
            (Val::Agg(items), Type::Array(elem, n)) => {
                items.len() as u64 == *n && items.iter().all(|v| v.fits(module, elem))
            }
            (Val::Agg(items), Type::Struct(s)) => match module.structs.get(*s) {
                Some(def) => {
                    items.len() == def.fields.len()
                        && items
                            .iter()
                            .zip(&def.fields)
                            .all(|(v, f)| v.fits(module, &f.ty))
                }
                None => false,
            },
            _ => false,
        }
    }
}

impl std::fmt::Display for Val {
    /// A compact rendering for messages: `i32 -5`, `true`, `f64 0.5`, `ptr obj3+8`, `{..}`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Val::Int(i) => write!(f, "{} {}", i.ty, i.math()),
            Val::Bool(b) => write!(f, "{b}"),
            Val::F32(x) => write!(f, "f32 {x:?}"),
            Val::F64(x) => write!(f, "f64 {x:?}"),
            Val::Ptr(Pointer::Null) => write!(f, "null"),
            Val::Ptr(Pointer::Obj { obj, off }) => write!(f, "ptr obj{}+{off}", obj.0),
            Val::Ptr(Pointer::Func(id)) => write!(f, "ptr {id}"),
            Val::Ptr(Pointer::Wild(a)) => write!(f, "ptr wild {a:#x}"),
            Val::Agg(items) => {
                write!(f, "{{")?;
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{v}")?;
                }
                write!(f, "}}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_patterns_read_both_ways() {
        let v = IntVal::new(IntTy::I8, -1);
        assert_eq!((v.bits, v.signed(), v.math()), (0xff, -1, -1));
        let u = IntVal::new(IntTy::U8, -1);
        assert_eq!((u.bits, u.signed(), u.math()), (0xff, -1, 255));
        let w = IntVal::new(IntTy::U64, -1);
        assert_eq!(w.math(), i128::from(u64::MAX));
        assert_eq!(IntVal::new(IntTy::I32, 1 << 31).math(), -(1 << 31));
    }
}
