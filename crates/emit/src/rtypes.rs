//! IR types to Rust types, zero values and literals.
//!
//! The `char` mapping (see crates/emit/README.md): C `char` is IR `i8`. Scalar `char`
//! values, variables and struct fields are Rust `i8`; `char` *memory that can be pointed to
//! as a string* (array elements, pointees, address-taken scalars) is Rust `u8`, so a
//! `char buf[16]` is a `[u8; 16]` that prints with `%s` and string literals are `b".."`
//! byte strings. Reads of such storage convert with `as i8`, writes with `as u8` (the same
//! bits, so the conversion is exact).
//!
//! Invariant: every function here is total on well-typed IR; types Rust cannot express
//! safely come back as `Err(reason)`.

use crate::plan::{ModulePlan, PtrClass};
use proc_macro2::Span;
use syn::parse_quote;
use xl_ir::{FloatTy, FnSig, IntTy, Module, Type};

/// Rust name of an integer type.
pub fn int_name(i: IntTy) -> &'static str {
    match (i.bits, i.signed) {
        (8, true) => "i8",
        (8, false) => "u8",
        (16, true) => "i16",
        (16, false) => "u16",
        (32, true) => "i32",
        (32, false) => "u32",
        (64, true) => "i64",
        _ => "u64",
    }
}

/// An identifier token.
pub fn ident(s: &str) -> syn::Ident {
    syn::Ident::new(s, Span::call_site())
}

/// A path expression for a single identifier.
pub fn path_expr(s: &str) -> syn::Expr {
    let id = ident(s);
    parse_quote!(#id)
}

/// A type path for a single identifier.
pub fn path_type(s: &str) -> syn::Type {
    let id = ident(s);
    parse_quote!(#id)
}

/// Type mapping over one module.
pub struct Types<'a> {
    /// The module.
    pub module: &'a Module,
    /// Its plan.
    pub plan: &'a ModulePlan,
}

impl<'a> Types<'a> {
    /// The Rust type of a value (or of a variable or field holding it) of IR type `ty`.
    /// Pointers to `char` are static strings here; other data pointers have no value type.
    pub fn value_ty(&self, ty: &Type) -> Result<syn::Type, String> {
        Ok(match ty {
            Type::Void => parse_quote!(()),
            Type::Bool => parse_quote!(bool),
            Type::Int(i) => path_type(int_name(*i)),
            Type::Float(FloatTy::F32) => parse_quote!(f32),
            Type::Float(FloatTy::F64) => parse_quote!(f64),
            Type::Array(e, n) => {
                let e = self.elem_ty(e)?;
                let n = lit_usize(*n);
                parse_quote!([#e; #n])
            }
            Type::Struct(s) => {
                if let Some(why) = self.plan.bad_structs.get(s) {
                    return Err(why.clone());
                }
                path_type(&self.plan.struct_names[s.as_u32() as usize])
            }
            Type::Ptr(t) => match &**t {
                Type::Fn(sig) => self.fn_ty(sig)?,
                Type::Int(i) if i.bits == 8 => parse_quote!(&'static [u8]),
                other => {
                    return Err(format!(
                        "pointer to `{other}` held in a variable, field or global"
                    ))
                }
            },
            Type::Fn(_) => return Err("function type used as a value".to_string()),
        })
    }

    /// The Rust type of memory holding `ty` that can be pointed to: `i8` becomes `u8`.
    pub fn elem_ty(&self, ty: &Type) -> Result<syn::Type, String> {
        match ty {
            Type::Int(i) if i.bits == 8 && i.signed => Ok(parse_quote!(u8)),
            other => self.value_ty(other),
        }
    }

    /// `&T`, `&mut T`, `&[T]` or `&mut [T]` for a data pointer to `pointee`.
    pub fn ptr_ty(&self, pointee: &Type, class: PtrClass) -> Result<syn::Type, String> {
        if matches!(pointee, Type::Void) {
            return Err("`void *` pointer".to_string());
        }
        let t = self.elem_ty(pointee)?;
        Ok(match (class.slice, class.mutable) {
            (true, true) => parse_quote!(&mut [#t]),
            (true, false) => parse_quote!(&[#t]),
            (false, true) => parse_quote!(&mut #t),
            (false, false) => parse_quote!(&#t),
        })
    }

    /// `fn(A, B) -> R` for a function pointer. Pointers to `char` in the signature are
    /// `&[u8]`; other pointers are not supported here.
    pub fn fn_ty(&self, sig: &FnSig) -> Result<syn::Type, String> {
        if sig.variadic {
            return Err("pointer to a variadic function".to_string());
        }
        let mut params = Vec::new();
        for (i, p) in sig.params.iter().enumerate() {
            let t = match p {
                Type::Ptr(pointee) if !matches!(**pointee, Type::Fn(_)) => {
                    self.ptr_ty(pointee, self.plan.fn_sig_class(sig, i))?
                }
                _ => self.fn_part_ty(p)?,
            };
            params.push(t);
        }
        let ret = self.fn_part_ty(&sig.ret)?;
        Ok(if sig.ret == Type::Void {
            parse_quote!(fn(#(#params),*))
        } else {
            parse_quote!(fn(#(#params),*) -> #ret)
        })
    }

    fn fn_part_ty(&self, t: &Type) -> Result<syn::Type, String> {
        match t {
            Type::Ptr(p) if matches!(**p, Type::Int(i) if i.bits == 8) => Ok(parse_quote!(&[u8])),
            Type::Ptr(p) if !matches!(**p, Type::Fn(_)) => Err(format!(
                "function pointer type with a `{t}` parameter or result"
            )),
            other => self.value_ty(other),
        }
    }

    /// True when `ty` (or its elements) contains a function pointer, which has no zero.
    pub fn has_fn_ptr(&self, ty: &Type) -> bool {
        let mut work = vec![ty];
        while let Some(t) = work.pop() {
            match t {
                Type::Ptr(p) if matches!(**p, Type::Fn(_)) => return true,
                Type::Array(e, _) => work.push(e),
                Type::Struct(s) => {
                    work.extend(self.module.structs[*s].fields.iter().map(|f| &f.ty))
                }
                _ => {}
            }
        }
        false
    }
}

/// An unsuffixed `usize` literal.
pub fn lit_usize(n: u64) -> syn::Expr {
    let l = syn::LitInt::new(&n.to_string(), Span::call_site());
    parse_quote!(#l)
}

/// An integer literal of type `ty` (with a suffix when `suffix`); minimum values of signed
/// types are written `i32::MIN`.
pub fn int_lit(v: i128, ty: IntTy, suffix: bool) -> syn::Expr {
    let name = int_name(ty);
    if ty.signed && v == ty.min() {
        let t = ident(name);
        return parse_quote!(#t::MIN);
    }
    let text = if suffix {
        format!("{}{}", v.unsigned_abs(), name)
    } else {
        v.unsigned_abs().to_string()
    };
    let l = syn::LitInt::new(&text, Span::call_site());
    if v < 0 {
        parse_quote!(-#l)
    } else {
        parse_quote!(#l)
    }
}

/// A float literal of type `ty` (exact: Rust's shortest round-trip formatting).
pub fn float_lit(v: f64, ty: FloatTy, suffix: bool) -> syn::Expr {
    let tname = if ty == FloatTy::F32 { "f32" } else { "f64" };
    let t = ident(tname);
    if v.is_nan() {
        return parse_quote!(#t::NAN);
    }
    if v.is_infinite() {
        return if v > 0.0 {
            parse_quote!(#t::INFINITY)
        } else {
            parse_quote!(#t::NEG_INFINITY)
        };
    }
    let mag = v.abs();
    let mut text = if ty == FloatTy::F32 {
        format!("{:?}", mag as f32)
    } else {
        format!("{mag:?}")
    };
    if suffix {
        text.push_str(tname);
    }
    let l = syn::LitFloat::new(&text, Span::call_site());
    if v.is_sign_negative() {
        parse_quote!(-#l)
    } else {
        parse_quote!(#l)
    }
}

/// A byte-string literal `b".."` of `bytes`.
pub fn byte_str(bytes: &[u8]) -> syn::Expr {
    let l = syn::LitByteStr::new(bytes, Span::call_site());
    parse_quote!(#l)
}
