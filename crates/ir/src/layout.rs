//! Sizes and alignments under the LP64 data model (x86-64 System V).
//!
//! `sizeof` in C and the lifter's address arithmetic both come from here.

use crate::{FloatTy, Module, Type};

/// Size and alignment of `ty` in bytes. `Void` and function types have size 1 (gcc's
/// extension for `sizeof(void)`), alignment 1.
pub fn size_align(module: &Module, ty: &Type) -> (u64, u64) {
    match ty {
        Type::Void | Type::Fn(_) => (1, 1),
        Type::Bool => (1, 1),
        Type::Int(i) => (u64::from(i.bits / 8), u64::from(i.bits / 8)),
        Type::Float(FloatTy::F32) => (4, 4),
        Type::Float(FloatTy::F64) => (8, 8),
        Type::Ptr(_) => (8, 8),
        Type::Array(elem, n) => {
            let (s, a) = size_align(module, elem);
            (s * n, a)
        }
        Type::Struct(id) => {
            let def = &module.structs[*id];
            let mut size = 0u64;
            let mut align = 1u64;
            for field in &def.fields {
                let (s, a) = size_align(module, &field.ty);
                size = size.div_ceil(a) * a + s;
                align = align.max(a);
            }
            (size.div_ceil(align) * align, align)
        }
    }
}

/// Size of `ty` in bytes.
pub fn size_of(module: &Module, ty: &Type) -> u64 {
    size_align(module, ty).0
}
