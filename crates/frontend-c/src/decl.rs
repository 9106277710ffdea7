//! Declarations to C types: declaration specifiers, declarators (pointers, arrays, functions,
//! nested declarators), parameter lists, type names, struct and enum definitions.
//!
//! Struct definitions are shared between translation units by name: a definition whose fields
//! equal an existing struct of the same name reuses its id; a different one gets a fresh
//! struct with a suffixed name. Unions and bit-fields bind their tag to [`Tag::Bad`], so every
//! use reports the original diagnostic (the function using them fails; nothing else does).

use crate::ctype::{CFunc, CType};
use crate::cx::{Cx, Sym, Tag, R};
use lang_c::ast::*;
use lang_c::span::Node;
use xl_ir::{Field, FloatTy, IntTy, StructDef, StructId};

/// Resolved declaration specifiers.
#[derive(Clone, Debug)]
pub struct Spec {
    /// The base type.
    pub ty: CType,
    /// Storage class, if any.
    pub storage: Option<StorageClassSpecifier>,
    /// `const` on the base type.
    pub is_const: bool,
    /// `_Noreturn` or `__attribute__((noreturn))`.
    pub noreturn: bool,
    /// `inline`.
    pub inline: bool,
}

/// A declarator applied to a base type.
#[derive(Clone, Debug)]
pub struct Declared {
    /// The declared name and its span.
    pub name: Option<(String, lang_c::span::Span)>,
    /// The declared type.
    pub ty: CType,
    /// Top-level `const`.
    pub is_const: bool,
    /// Parameters of the function derivation closest to the name.
    pub params: Option<Vec<ParamDecl>>,
    /// Declared `noreturn` by an attribute on the declarator.
    pub noreturn: bool,
}

/// One parameter of a function declarator.
#[derive(Clone, Debug)]
pub struct ParamDecl {
    /// Name, if given.
    pub name: Option<String>,
    /// Adjusted type (arrays and functions become pointers).
    pub ty: CType,
    /// Where it is declared.
    pub span: lang_c::span::Span,
}

fn is_noreturn_attr(exts: &[Node<Extension>]) -> bool {
    exts.iter().any(|e| match &e.node {
        Extension::Attribute(a) => {
            let n = a.name.node.trim_matches('_');
            n == "noreturn"
        }
        _ => false,
    })
}

/// The name declared by a declarator, if any.
pub fn declarator_name(d: &Declarator) -> Option<String> {
    let mut cur = d;
    loop {
        match &cur.kind.node {
            DeclaratorKind::Identifier(id) => return Some(id.node.name.clone()),
            DeclaratorKind::Abstract => return None,
            DeclaratorKind::Declarator(inner) => cur = &inner.node,
        }
    }
}

impl Cx<'_> {
    /// Resolves declaration specifiers. `hint` names an anonymous struct defined here.
    pub fn decl_spec(
        &mut self,
        specs: &[Node<DeclarationSpecifier>],
        hint: Option<&str>,
        span: lang_c::span::Span,
    ) -> R<Spec> {
        let mut storage = None;
        let mut is_const = false;
        let mut noreturn = false;
        let mut inline = false;
        let mut tss = Vec::new();
        for s in specs {
            match &s.node {
                DeclarationSpecifier::StorageClass(sc) => match sc.node {
                    StorageClassSpecifier::ThreadLocal => {
                        return Err(self.unsupported("_Thread_local", sc.span))
                    }
                    StorageClassSpecifier::Auto | StorageClassSpecifier::Register => {}
                    ref other => storage = Some(other.clone()),
                },
                DeclarationSpecifier::TypeSpecifier(t) => tss.push(t),
                DeclarationSpecifier::TypeQualifier(q) => match q.node {
                    TypeQualifier::Const => is_const = true,
                    TypeQualifier::Atomic => return Err(self.unsupported("_Atomic", q.span)),
                    _ => {}
                },
                DeclarationSpecifier::Function(f) => match f.node {
                    FunctionSpecifier::Noreturn => noreturn = true,
                    FunctionSpecifier::Inline => inline = true,
                },
                DeclarationSpecifier::Alignment(a) => {
                    return Err(self.unsupported("_Alignas", a.span));
                }
                DeclarationSpecifier::Extension(exts) => {
                    if is_noreturn_attr(exts) {
                        noreturn = true;
                    }
                }
            }
        }
        let ty = self.type_from_specifiers(&tss, hint, span)?;
        Ok(Spec {
            ty,
            storage,
            is_const,
            noreturn,
            inline,
        })
    }

    /// Resolves a specifier-qualifier list (struct fields, type names): (type, const).
    pub fn spec_qual(
        &mut self,
        specs: &[Node<SpecifierQualifier>],
        hint: Option<&str>,
        span: lang_c::span::Span,
    ) -> R<(CType, bool)> {
        let mut is_const = false;
        let mut tss = Vec::new();
        for s in specs {
            match &s.node {
                SpecifierQualifier::TypeSpecifier(t) => tss.push(t),
                SpecifierQualifier::TypeQualifier(q) => match q.node {
                    TypeQualifier::Const => is_const = true,
                    TypeQualifier::Atomic => return Err(self.unsupported("_Atomic", q.span)),
                    _ => {}
                },
                SpecifierQualifier::Extension(_) => {}
            }
        }
        Ok((self.type_from_specifiers(&tss, hint, span)?, is_const))
    }

    fn type_from_specifiers(
        &mut self,
        tss: &[&Node<TypeSpecifier>],
        hint: Option<&str>,
        span: lang_c::span::Span,
    ) -> R<CType> {
        let (mut void, mut boolean, mut char, mut short, mut int, mut long) = (0, 0, 0, 0, 0, 0);
        let (mut float, mut double, mut signed, mut unsigned) = (0, 0, 0, 0);
        let mut other: Option<CType> = None;
        for t in tss {
            match &t.node {
                TypeSpecifier::Void => void += 1,
                TypeSpecifier::Bool => boolean += 1,
                TypeSpecifier::Char => char += 1,
                TypeSpecifier::Short => short += 1,
                TypeSpecifier::Int => int += 1,
                TypeSpecifier::Long => long += 1,
                TypeSpecifier::Float => float += 1,
                TypeSpecifier::Double => double += 1,
                TypeSpecifier::Signed => signed += 1,
                TypeSpecifier::Unsigned => unsigned += 1,
                TypeSpecifier::Complex => return Err(self.unsupported("_Complex", t.span)),
                TypeSpecifier::Atomic(_) => return Err(self.unsupported("_Atomic", t.span)),
                TypeSpecifier::TS18661Float(_) => {
                    return Err(self.unsupported("_FloatN type", t.span))
                }
                TypeSpecifier::Struct(st) => other = Some(self.struct_type(st, hint)?),
                TypeSpecifier::Enum(et) => other = Some(self.enum_type(et)?),
                TypeSpecifier::TypedefName(id) => {
                    let name = &id.node.name;
                    if name == "__builtin_va_list" {
                        other = Some(CType::Void.ptr());
                        continue;
                    }
                    match self.lookup(name) {
                        Some(Sym::Typedef(ty)) => other = Some(ty),
                        Some(Sym::Bad(d)) => return Err(*d),
                        _ => {
                            return Err(self.err(
                                "C0003",
                                format!("unknown type name `{name}`"),
                                id.span,
                            ))
                        }
                    }
                }
                TypeSpecifier::TypeOf(to) => {
                    other = Some(match &to.node {
                        TypeOf::Type(tn) => self.type_name(tn)?,
                        TypeOf::Expression(e) => self.type_of(e)?,
                    })
                }
            }
        }
        if let Some(t) = other {
            if void + boolean + char + short + int + long + float + double + signed + unsigned > 0 {
                return Err(self.err("C0003", "invalid combination of type specifiers", span));
            }
            return Ok(t);
        }
        if signed > 0 && unsigned > 0 {
            return Err(self.err("C0003", "both `signed` and `unsigned`", span));
        }
        let sign = unsigned == 0;
        let ty = if void > 0 {
            CType::Void
        } else if boolean > 0 {
            CType::Bool
        } else if char > 0 {
            CType::Int(if unsigned > 0 { IntTy::U8 } else { IntTy::I8 })
        } else if short > 0 {
            CType::Int(IntTy {
                bits: 16,
                signed: sign,
            })
        } else if float > 0 {
            CType::Float(FloatTy::F32)
        } else if double > 0 {
            if long > 0 {
                self.warn("C0101", "`long double` is mapped to `double`", span);
            }
            CType::Float(FloatTy::F64)
        } else if long > 0 {
            CType::Int(IntTy {
                bits: 64,
                signed: sign,
            })
        } else if int > 0 || signed > 0 || unsigned > 0 {
            CType::Int(IntTy {
                bits: 32,
                signed: sign,
            })
        } else {
            // No type specifier: implicit int (C89).
            self.warn("C0102", "type specifier missing, defaults to `int`", span);
            CType::INT
        };
        Ok(ty)
    }

    /// Resolves a type name (casts, sizeof).
    pub fn type_name(&mut self, tn: &Node<TypeName>) -> R<CType> {
        let (base, c) = self.spec_qual(&tn.node.specifiers, None, tn.span)?;
        match &tn.node.declarator {
            Some(d) => Ok(self.declarator(base, c, d)?.ty),
            None => Ok(base),
        }
    }

    /// Applies a declarator to a base type.
    pub fn declarator(
        &mut self,
        base: CType,
        base_const: bool,
        d: &Node<Declarator>,
    ) -> R<Declared> {
        let mut ty = base;
        let mut is_const = base_const;
        let mut params = None;
        let mut noreturn = false;
        let mut cur = d;
        loop {
            if is_noreturn_attr(&cur.node.extensions) {
                noreturn = true;
            }
            let derived = &cur.node.derived;
            let split = derived
                .iter()
                .position(|x| !matches!(x.node, DerivedDeclarator::Pointer(_)))
                .unwrap_or(derived.len());
            for p in &derived[..split] {
                if let DerivedDeclarator::Pointer(quals) = &p.node {
                    ty = ty.ptr();
                    is_const = false;
                    for q in quals {
                        match &q.node {
                            PointerQualifier::TypeQualifier(tq) => match tq.node {
                                TypeQualifier::Const => is_const = true,
                                TypeQualifier::Atomic => {
                                    return Err(self.unsupported("_Atomic", tq.span))
                                }
                                _ => {}
                            },
                            PointerQualifier::Extension(_) => {}
                        }
                    }
                }
            }
            for s in derived[split..].iter().rev() {
                match &s.node {
                    DerivedDeclarator::Pointer(_) => {
                        return Err(self.err("C0003", "malformed declarator", s.span))
                    }
                    DerivedDeclarator::Block(_) => {
                        return Err(self.unsupported("block pointer", s.span))
                    }
                    DerivedDeclarator::Array(ad) => {
                        if matches!(ty, CType::Func(_)) {
                            return Err(self.err("C0003", "array of functions", s.span));
                        }
                        let n = match &ad.node.size {
                            ArraySize::Unknown => None,
                            ArraySize::VariableUnknown => {
                                return Err(self.unsupported("variable-length array", s.span))
                            }
                            ArraySize::VariableExpression(e) | ArraySize::StaticExpression(e) => {
                                match self.const_int(e) {
                                    Ok((v, _)) if v >= 0 => Some(v as u64),
                                    Ok(_) => {
                                        return Err(self.err(
                                            "C0003",
                                            "array size is negative",
                                            e.span,
                                        ))
                                    }
                                    Err(_) => {
                                        return Err(
                                            self.unsupported("variable-length array", s.span)
                                        )
                                    }
                                }
                            }
                        };
                        if let Some(n) = n {
                            let elem = xl_ir::layout::size_of(&self.p.module, &ty.ir()).max(1);
                            if n > (1u64 << 40) / elem {
                                return Err(self.err("C0003", "array is too large", s.span));
                            }
                        }
                        ty = CType::Array(Box::new(ty), n);
                    }
                    DerivedDeclarator::Function(fd) => {
                        if matches!(ty, CType::Array(..) | CType::Func(_)) {
                            return Err(self.err(
                                "C0003",
                                "function returning an array or a function",
                                s.span,
                            ));
                        }
                        let (ps, variadic) = self.params(&fd.node)?;
                        let f = CFunc {
                            ret: ty,
                            params: ps.iter().map(|p| p.ty.clone()).collect(),
                            variadic,
                            prototyped: true,
                        };
                        params = Some(ps);
                        ty = CType::Func(Box::new(f));
                        is_const = false;
                    }
                    DerivedDeclarator::KRFunction(ids) => {
                        if !ids.is_empty() {
                            return Err(self.unsupported("K&R function definition", s.span));
                        }
                        let f = CFunc {
                            ret: ty,
                            params: vec![],
                            variadic: false,
                            prototyped: false,
                        };
                        params = Some(vec![]);
                        ty = CType::Func(Box::new(f));
                        is_const = false;
                    }
                }
            }
            match &cur.node.kind.node {
                DeclaratorKind::Identifier(id) => {
                    let name = Some((id.node.name.clone(), id.span));
                    return Ok(Declared {
                        name,
                        ty,
                        is_const,
                        params,
                        noreturn,
                    });
                }
                DeclaratorKind::Abstract => {
                    return Ok(Declared {
                        name: None,
                        ty,
                        is_const,
                        params,
                        noreturn,
                    })
                }
                DeclaratorKind::Declarator(inner) => cur = inner,
            }
        }
    }

    /// Resolves a parameter list: adjusted parameter types and whether it ends in `...`.
    fn params(&mut self, fd: &FunctionDeclarator) -> R<(Vec<ParamDecl>, bool)> {
        let mut out = Vec::new();
        for p in &fd.parameters {
            let spec = self.decl_spec(&p.node.specifiers, None, p.span)?;
            let (name, ty) = match &p.node.declarator {
                Some(d) => {
                    let dd = self.declarator(spec.ty, spec.is_const, d)?;
                    (dd.name.map(|n| n.0), dd.ty)
                }
                None => (None, spec.ty),
            };
            let ty = match ty {
                CType::Array(e, _) => CType::Ptr(e),
                f @ CType::Func(_) => f.ptr(),
                t => t,
            };
            out.push(ParamDecl {
                name,
                ty,
                span: p.span,
            });
        }
        if out.len() == 1 && out[0].ty == CType::Void && out[0].name.is_none() {
            out.clear();
        }
        if out.iter().any(|p| p.ty == CType::Void) {
            return Err(self.err("C0003", "parameter of type `void`", fd.parameters[0].span));
        }
        Ok((out, fd.ellipsis == Ellipsis::Some))
    }

    /// A struct (or union) specifier: a reference, a forward declaration or a definition.
    fn struct_type(&mut self, st: &Node<StructType>, hint: Option<&str>) -> R<CType> {
        let tag = st.node.identifier.as_ref().map(|i| i.node.name.clone());
        if st.node.kind.node == StructKind::Union {
            let d = self.unsupported("union", st.span);
            if let Some(t) = &tag {
                self.declare_tag(t, Tag::Bad(Box::new(d.clone())));
            }
            return Err(d);
        }
        let Some(decls) = &st.node.declarations else {
            // A reference or forward declaration.
            let Some(t) = tag else {
                return Err(self.err("C0003", "anonymous struct without fields", st.span));
            };
            return match self.lookup_tag(&t) {
                Some(Tag::Struct(id)) => Ok(CType::Struct(id)),
                Some(Tag::Bad(d)) => Err(*d),
                Some(Tag::Enum) => Err(self.err(
                    "C0003",
                    format!("`{t}` is an enum, used as a struct"),
                    st.span,
                )),
                None => {
                    let id = match self.p.struct_names.get(&t).and_then(|v| v.first()) {
                        Some(&id) => id,
                        None => self.new_struct(&t, st.span),
                    };
                    self.declare_tag(&t, Tag::Struct(id));
                    Ok(CType::Struct(id))
                }
            };
        };
        let name = match (&tag, hint) {
            (Some(t), _) => t.clone(),
            (None, Some(h)) => h.to_string(),
            (None, None) => {
                let sp = self.span(st.span);
                format!("anon_{}", sp.line)
            }
        };
        // Pick the id to define: an incomplete one in scope, an equal one from another unit,
        // or a fresh one.
        let in_scope = tag
            .as_ref()
            .and_then(|t| match self.tag_in_current_scope(t) {
                Some(Tag::Struct(id)) => Some(id),
                _ => None,
            });
        let candidate = in_scope.or_else(|| {
            self.p.struct_names.get(&name).and_then(|v| {
                v.iter()
                    .copied()
                    .find(|id| !self.complete(*id))
                    .or_else(|| v.first().copied())
            })
        });
        if let Some(id) = candidate {
            if let Some(t) = &tag {
                self.declare_tag(t, Tag::Struct(id));
            }
            let fields = match self.struct_fields(decls, &name) {
                Ok(f) => f,
                Err(d) => return Err(self.bad_tag(&tag, d)),
            };
            if !self.complete(id) {
                self.define_struct(id, fields, st.span);
                return Ok(CType::Struct(id));
            }
            if self.p.module.structs[id].fields == fields {
                return Ok(CType::Struct(id));
            }
            // Equal names, different fields: a struct of its own (also for anonymous ones,
            // which may share a hint name).
            if let Some(same) = self
                .p
                .struct_names
                .get(&name)
                .and_then(|v| {
                    v.iter()
                        .copied()
                        .find(|i| self.p.module.structs[*i].fields == fields)
                })
                .filter(|_| tag.is_none())
            {
                return Ok(CType::Struct(same));
            }
        }
        let id = self.new_struct(&name, st.span);
        if let Some(t) = &tag {
            self.declare_tag(t, Tag::Struct(id));
        }
        let fields = match self.struct_fields(decls, &name) {
            Ok(f) => f,
            Err(d) => return Err(self.bad_tag(&tag, d)),
        };
        self.define_struct(id, fields, st.span);
        Ok(CType::Struct(id))
    }

    fn bad_tag(&mut self, tag: &Option<String>, d: xl_base::Diagnostic) -> xl_base::Diagnostic {
        if let Some(t) = tag {
            if let Some(Tag::Struct(id)) = self.tag_in_current_scope(t) {
                if !self.complete(id) {
                    self.p.struct_bad.entry(id).or_insert_with(|| d.clone());
                }
            }
            self.declare_tag(t, Tag::Bad(Box::new(d.clone())));
        }
        d
    }

    fn complete(&self, id: StructId) -> bool {
        self.p.struct_complete.get(&id).copied().unwrap_or(false)
    }

    /// Registers a new, incomplete struct named `name` (suffixed to be unique).
    fn new_struct(&mut self, name: &str, span: lang_c::span::Span) -> StructId {
        let existing = self.p.struct_names.get(name).map(|v| v.len()).unwrap_or(0);
        let shown = if existing == 0 {
            name.to_string()
        } else {
            format!("{name}_{}", existing + 1)
        };
        let sp = self.span(span);
        let id = self.p.module.structs.push(StructDef {
            name: shown,
            fields: vec![],
            span: sp,
        });
        self.p
            .struct_names
            .entry(name.to_string())
            .or_default()
            .push(id);
        self.p.struct_complete.insert(id, false);
        id
    }

    fn define_struct(&mut self, id: StructId, fields: Vec<Field>, span: lang_c::span::Span) {
        let sp = self.span(span);
        let def = &mut self.p.module.structs[id];
        def.fields = fields;
        def.span = sp;
        self.p.struct_complete.insert(id, true);
    }

    /// The fields of a struct definition.
    fn struct_fields(&mut self, decls: &[Node<StructDeclaration>], owner: &str) -> R<Vec<Field>> {
        let mut fields: Vec<Field> = Vec::new();
        let mut ctypes: Vec<CType> = Vec::new();
        for d in decls {
            let StructDeclaration::Field(f) = &d.node else {
                continue;
            };
            let first = f.node.declarators.first().and_then(|sd| {
                sd.node
                    .declarator
                    .as_ref()
                    .and_then(|dd| declarator_name(&dd.node))
            });
            let hint = first.map(|n| format!("{owner}_{n}"));
            let (base, c) = self.spec_qual(&f.node.specifiers, hint.as_deref(), f.span)?;
            if f.node.declarators.is_empty() {
                return Err(self.unsupported("anonymous struct member", f.span));
            }
            for sd in &f.node.declarators {
                if let Some(w) = &sd.node.bit_width {
                    return Err(self.unsupported("bit-field", w.span));
                }
                let Some(dd) = &sd.node.declarator else {
                    return Err(self.unsupported("anonymous struct member", sd.span));
                };
                let dec = self.declarator(base.clone(), c, dd)?;
                let name = dec.name.map(|n| n.0).unwrap_or_default();
                match &dec.ty {
                    CType::Array(_, None) => {
                        return Err(self.unsupported("flexible array member", sd.span))
                    }
                    CType::Func(_) => {
                        return Err(self.err("C0003", "field of function type", sd.span))
                    }
                    CType::Void => return Err(self.err("C0003", "field of type void", sd.span)),
                    CType::Struct(id) if !self.complete(*id) => {
                        return Err(self.incomplete(
                            *id,
                            "field has incomplete struct type",
                            sd.span,
                        ))
                    }
                    _ => {}
                }
                if fields.iter().any(|f| f.name == name) {
                    return Err(self.err("C0003", format!("duplicate field `{name}`"), sd.span));
                }
                fields.push(Field {
                    name,
                    ty: dec.ty.ir(),
                });
                ctypes.push(dec.ty);
            }
        }
        Ok(fields)
    }

    /// An enum specifier: defines its constants; the type is `int`.
    fn enum_type(&mut self, et: &Node<EnumType>) -> R<CType> {
        if let Some(id) = &et.node.identifier {
            if et.node.enumerators.is_empty() {
                return match self.lookup_tag(&id.node.name) {
                    Some(Tag::Enum) | None => Ok(CType::INT),
                    Some(Tag::Bad(d)) => Err(*d),
                    Some(Tag::Struct(_)) => Err(self.err(
                        "C0003",
                        format!("`{}` is a struct, used as an enum", id.node.name),
                        id.span,
                    )),
                };
            }
            self.declare_tag(&id.node.name, Tag::Enum);
        }
        let mut next: i128 = 0;
        for e in &et.node.enumerators {
            let v = match &e.node.expression {
                Some(x) => self.const_int(x)?.0,
                None => next,
            };
            self.declare(&e.node.identifier.node.name, Sym::Enum(v));
            next = v + 1;
        }
        Ok(CType::INT)
    }
}
