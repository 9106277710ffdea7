//! Rust types of the emitted subset ([`RTy`]) and their IR types.
//!
//! Invariant: `RTy::ir` is total on every type [`parse_type`] accepts; anything outside the
//! subset is an [`Unsupported`] naming the type, never a guess.

use super::Unsupported;
use xl_ir::{FloatTy, FnSig, IntTy, StructId, Type};

/// A Rust type of the emitted subset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RTy {
    /// `i8`..`u64`, `isize` (i64), `usize` (u64).
    Int(IntTy),
    /// `bool`.
    Bool,
    /// `f32`, `f64`.
    Float(FloatTy),
    /// `()`.
    Unit,
    /// `!`.
    Never,
    /// `[T; N]`.
    Array(Box<RTy>, u64),
    /// A struct of the module.
    Struct(StructId),
    /// `&T` / `&mut T` (the bool: mutable).
    Ref(Box<RTy>, bool),
    /// `[T]` (only behind a reference).
    Slice(Box<RTy>),
    /// `fn(A, B) -> R`.
    Fn(Vec<RTy>, Box<RTy>),
}

/// `usize`.
pub const USIZE: RTy = RTy::Int(IntTy::U64);

impl RTy {
    /// The IR type of a value of this type: references and slice references are pointers to
    /// the element. `None` for `()` and `!` and bare slices.
    pub fn ir(&self) -> Option<Type> {
        Some(match self {
            RTy::Int(i) => Type::Int(*i),
            RTy::Bool => Type::Bool,
            RTy::Float(f) => Type::Float(*f),
            RTy::Unit | RTy::Never | RTy::Slice(_) => return None,
            RTy::Array(e, n) => Type::Array(Box::new(e.ir()?), *n),
            RTy::Struct(s) => Type::Struct(*s),
            RTy::Ref(t, _) => match &**t {
                RTy::Slice(e) => Type::Ptr(Box::new(e.ir()?)),
                t => Type::Ptr(Box::new(t.ir()?)),
            },
            RTy::Fn(ps, r) => Type::Ptr(Box::new(Type::Fn(Box::new(FnSig {
                params: ps.iter().map(|p| p.ir()).collect::<Option<Vec<_>>>()?,
                ret: match &**r {
                    RTy::Unit => Type::Void,
                    r => r.ir()?,
                },
                variadic: false,
            })))),
        })
    }
    /// The integer type, if this is one.
    pub fn int(&self) -> Option<IntTy> {
        match self {
            RTy::Int(i) => Some(*i),
            _ => None,
        }
    }
    /// The referenced type of a reference.
    pub fn pointee(&self) -> Option<&RTy> {
        match self {
            RTy::Ref(t, _) => Some(t),
            _ => None,
        }
    }
    /// The element type of an array or slice.
    pub fn elem(&self) -> Option<&RTy> {
        match self {
            RTy::Array(e, _) | RTy::Slice(e) => Some(e),
            _ => None,
        }
    }
}

impl std::fmt::Display for RTy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RTy::Int(i) => write!(f, "{i}"),
            RTy::Bool => write!(f, "bool"),
            RTy::Float(FloatTy::F32) => write!(f, "f32"),
            RTy::Float(FloatTy::F64) => write!(f, "f64"),
            RTy::Unit => write!(f, "()"),
            RTy::Never => write!(f, "!"),
            RTy::Array(e, n) => write!(f, "[{e}; {n}]"),
            RTy::Struct(s) => write!(f, "{s}"),
            RTy::Ref(t, m) => write!(f, "&{}{t}", if *m { "mut " } else { "" }),
            RTy::Slice(e) => write!(f, "[{e}]"),
            RTy::Fn(ps, r) => {
                write!(f, "fn(")?;
                for (i, p) in ps.iter().enumerate() {
                    if i > 0 {
                        write!(f, ", ")?;
                    }
                    write!(f, "{p}")?;
                }
                write!(f, ") -> {r}")
            }
        }
    }
}

/// The scalar type named `name` (`i32`, `usize`, `bool`, `f64`, ...).
pub fn scalar(name: &str) -> Option<RTy> {
    Some(match name {
        "i8" => RTy::Int(IntTy::I8),
        "i16" => RTy::Int(IntTy::I16),
        "i32" => RTy::Int(IntTy::I32),
        "i64" | "isize" => RTy::Int(IntTy::I64),
        "u8" => RTy::Int(IntTy::U8),
        "u16" => RTy::Int(IntTy::U16),
        "u32" => RTy::Int(IntTy::U32),
        "u64" | "usize" => RTy::Int(IntTy::U64),
        "bool" => RTy::Bool,
        "f32" => RTy::Float(FloatTy::F32),
        "f64" => RTy::Float(FloatTy::F64),
        _ => return None,
    })
}

/// Parses a syn type; `structs` resolves struct names.
pub fn parse_type(
    t: &syn::Type,
    structs: &dyn Fn(&str) -> Option<StructId>,
    span: &dyn Fn(&dyn syn::spanned::Spanned) -> xl_base::Span,
) -> Result<RTy, Unsupported> {
    let bad = |what: String| Unsupported {
        construct: what,
        span: span(t),
    };
    match t {
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(id) = p.path.get_ident() else {
                return Err(bad(format!("type `{}`", quote_path(&p.path))));
            };
            let n = id.to_string();
            if let Some(s) = scalar(&n) {
                return Ok(s);
            }
            match structs(&n) {
                Some(s) => Ok(RTy::Struct(s)),
                None => Err(bad(format!("type `{n}`"))),
            }
        }
        syn::Type::Array(a) => {
            let n = match &a.len {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Int(i),
                    ..
                }) => i
                    .base10_parse::<u64>()
                    .map_err(|_| bad("array length".into()))?,
                _ => return Err(bad("array length that is not a literal".to_string())),
            };
            Ok(RTy::Array(Box::new(parse_type(&a.elem, structs, span)?), n))
        }
        syn::Type::Reference(r) => {
            let inner = match &*r.elem {
                syn::Type::Slice(s) => RTy::Slice(Box::new(parse_type(&s.elem, structs, span)?)),
                t => parse_type(t, structs, span)?,
            };
            Ok(RTy::Ref(Box::new(inner), r.mutability.is_some()))
        }
        syn::Type::Paren(p) => parse_type(&p.elem, structs, span),
        syn::Type::Group(g) => parse_type(&g.elem, structs, span),
        syn::Type::Tuple(t) if t.elems.is_empty() => Ok(RTy::Unit),
        syn::Type::Never(_) => Ok(RTy::Never),
        syn::Type::BareFn(f) => {
            if f.variadic.is_some() || f.lifetimes.is_some() {
                return Err(bad("function pointer type".to_string()));
            }
            let params = f
                .inputs
                .iter()
                .map(|a| parse_type(&a.ty, structs, span))
                .collect::<Result<Vec<_>, _>>()?;
            let ret = match &f.output {
                syn::ReturnType::Default => RTy::Unit,
                syn::ReturnType::Type(_, t) => parse_type(t, structs, span)?,
            };
            Ok(RTy::Fn(params, Box::new(ret)))
        }
        _ => Err(bad("type".to_string())),
    }
}

/// `a::b::c` as text.
pub fn quote_path(p: &syn::Path) -> String {
    p.segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}
