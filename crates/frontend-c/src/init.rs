//! Initialisers: flattening C initialiser lists (nested braces, brace elision, designators
//! `.x =` and `[i] =`, string literals for char arrays) into leaves with paths, then either
//! stores (locals, compound literals) or a constant [`Init`] tree (globals and statics).
//!
//! Leaves are applied in source order, so a later initialiser of the same subobject wins, as
//! in C. Locals that may be initialised more than once (inside a loop, or in a function with
//! labels) get the uncovered parts zero-filled explicitly; otherwise the emitter's entry
//! zero-initialisation already holds.

use crate::ctype::{from_ir, CType};
use crate::cx::{Cx, R};
use crate::expr::Rv;
use lang_c::ast::{Designator, Expression, Initializer, InitializerListItem};
use lang_c::span::Node;
use xl_ir::{BlockCall, Init, IntCC, Op, Place, Proj, Terminator, Type};

/// One step of a path into an object.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// Array element.
    Index(u64),
    /// Struct field.
    Field(u32),
}

/// What initialises a leaf.
#[derive(Clone, Debug)]
pub enum Leaf<'a> {
    /// An expression (scalar, or a whole struct).
    Expr(&'a Node<Expression>),
    /// A char array from a string literal (bytes including the NUL).
    Str(Vec<u8>),
}

/// A leaf initialiser at a path.
#[derive(Clone, Debug)]
pub struct Item<'a> {
    /// Path from the object.
    pub path: Vec<Step>,
    /// Type of the subobject.
    pub ty: CType,
    /// Its initialiser.
    pub leaf: Leaf<'a>,
}

/// A partially built static initialiser.
enum Tree {
    Leaf(Init),
    Agg(Vec<Tree>),
}

fn is_char_array(t: &CType) -> bool {
    matches!(t, CType::Array(e, _) if matches!(**e, CType::Int(i) if i.bits == 8))
}

fn string_of(e: &Node<Expression>) -> Option<&Node<Vec<String>>> {
    match &e.node {
        Expression::StringLiteral(s) => Some(s),
        _ => None,
    }
}

impl Cx<'_> {
    fn children(&self, ty: &CType) -> Option<u64> {
        match ty {
            CType::Array(_, n) => Some(n.unwrap_or(u64::MAX)),
            CType::Struct(id) => Some(self.p.module.structs[*id].fields.len() as u64),
            _ => None,
        }
    }

    fn child(&self, ty: &CType, k: u64) -> Option<(CType, Step)> {
        match ty {
            CType::Array(e, n) => {
                if n.is_some_and(|n| k >= n) {
                    return None;
                }
                Some(((**e).clone(), Step::Index(k)))
            }
            CType::Struct(id) => {
                let f = self.p.module.structs[*id].fields.get(k as usize)?;
                Some((from_ir(&f.ty), Step::Field(k as u32)))
            }
            _ => None,
        }
    }

    /// Flattens the initialiser of an object of type `ty`; returns the completed type (an
    /// array of unknown length gets its length) and the leaves.
    pub fn flatten<'a>(
        &mut self,
        ty: &CType,
        init: &'a Node<Initializer>,
    ) -> R<(CType, Vec<Item<'a>>)> {
        match &init.node {
            Initializer::List(items) => self.flatten_list(ty, items),
            Initializer::Expression(e) => {
                let mut out = Vec::new();
                self.init_sub(ty, init, vec![], &mut out)?;
                let ty = match (ty, string_of(e)) {
                    (CType::Array(el, None), Some(s)) if is_char_array(ty) => {
                        let n = self.string_lit(&s.node, s.span)?.len() as u64;
                        CType::Array(el.clone(), Some(n))
                    }
                    _ => ty.clone(),
                };
                Ok((ty, out))
            }
        }
    }

    /// Flattens a braced list for an object of type `ty`.
    pub fn flatten_list<'a>(
        &mut self,
        ty: &CType,
        items: &'a [Node<InitializerListItem>],
    ) -> R<(CType, Vec<Item<'a>>)> {
        let mut out = Vec::new();
        if ty.is_scalar() {
            let Some(first) = items.first() else {
                return Err(self.err_here("C0003", "empty scalar initializer"));
            };
            self.init_sub(ty, &first.node.initializer, vec![], &mut out)?;
            return Ok((ty.clone(), out));
        }
        let n = self.braced(ty, items, &[], &mut out)?;
        let ty = match ty {
            CType::Array(e, None) => CType::Array(e.clone(), Some(n)),
            t => t.clone(),
        };
        Ok((ty, out))
    }

    /// Initialises the subobject of type `ty` at `path` from one initialiser.
    fn init_sub<'a>(
        &mut self,
        ty: &CType,
        init: &'a Node<Initializer>,
        path: Vec<Step>,
        out: &mut Vec<Item<'a>>,
    ) -> R<()> {
        match &init.node {
            Initializer::Expression(e) => {
                if is_char_array(ty) {
                    if let Some(s) = string_of(e) {
                        let bytes = self.string_lit(&s.node, s.span)?;
                        out.push(Item {
                            path,
                            ty: ty.clone(),
                            leaf: Leaf::Str(bytes),
                        });
                        return Ok(());
                    }
                }
                if matches!(ty, CType::Array(..)) {
                    return Err(self.err("C0003", "array initializer must be a list", e.span));
                }
                out.push(Item {
                    path,
                    ty: ty.clone(),
                    leaf: Leaf::Expr(e),
                });
                Ok(())
            }
            Initializer::List(items) => {
                if ty.is_scalar() {
                    match items.first() {
                        Some(first) => self.init_sub(ty, &first.node.initializer, path, out),
                        None => Err(self.err("C0003", "empty scalar initializer", init.span)),
                    }
                } else {
                    if matches!(ty, CType::Array(_, None)) {
                        return Err(self.err("C0003", "nested array of unknown size", init.span));
                    }
                    self.braced(ty, items, &path, out).map(|_| ())
                }
            }
        }
    }

    /// A braced list for an aggregate; returns one past the highest array index set.
    fn braced<'a>(
        &mut self,
        ty: &CType,
        items: &'a [Node<InitializerListItem>],
        path: &[Step],
        out: &mut Vec<Item<'a>>,
    ) -> R<u64> {
        let mut pos = 0usize;
        let mut cursor = 0u64;
        let mut max = 0u64;
        while pos < items.len() {
            let item = &items[pos];
            if !item.node.designation.is_empty() {
                let (first, sub_ty, sub_path) = self.designate(ty, &item.node.designation, path)?;
                self.init_sub(&sub_ty, &item.node.initializer, sub_path, out)?;
                cursor = first + 1;
                max = max.max(cursor);
                pos += 1;
                continue;
            }
            let Some((sub_ty, step)) = self.child(ty, cursor) else {
                self.warn("C0105", "excess elements in initializer", item.span);
                break;
            };
            let mut sub_path = path.to_vec();
            sub_path.push(step);
            pos = self.elem(&sub_ty, items, pos, sub_path, out)?;
            cursor += 1;
            max = max.max(cursor);
        }
        Ok(max)
    }

    /// Initialises one element of type `ty` from `items[pos]` (with brace elision, from as
    /// many items as it needs); returns the next position.
    fn elem<'a>(
        &mut self,
        ty: &CType,
        items: &'a [Node<InitializerListItem>],
        pos: usize,
        path: Vec<Step>,
        out: &mut Vec<Item<'a>>,
    ) -> R<usize> {
        let item = &items[pos];
        match &item.node.initializer.node {
            Initializer::List(_) => {
                self.init_sub(ty, &item.node.initializer, path, out)?;
                Ok(pos + 1)
            }
            Initializer::Expression(e) => {
                let whole = ty.is_scalar()
                    || (is_char_array(ty) && string_of(e).is_some())
                    || (matches!(ty, CType::Struct(_)) && self.type_of(e)? == *ty);
                if whole {
                    self.init_sub(ty, &item.node.initializer, path, out)?;
                    return Ok(pos + 1);
                }
                // Brace elision: the aggregate takes consecutive undesignated items.
                let n = self.children(ty).unwrap_or(0);
                if n == u64::MAX {
                    return Err(self.err("C0003", "nested array of unknown size", item.span));
                }
                let mut p = pos;
                let mut k = 0u64;
                while k < n && p < items.len() && items[p].node.designation.is_empty() {
                    let Some((sub_ty, step)) = self.child(ty, k) else {
                        break;
                    };
                    let mut sub_path = path.clone();
                    sub_path.push(step);
                    p = self.elem(&sub_ty, items, p, sub_path, out)?;
                    k += 1;
                }
                Ok(p)
            }
        }
    }

    /// Resolves a designator chain: (first index at this level, subobject type, its path).
    fn designate(
        &mut self,
        ty: &CType,
        ds: &[Node<Designator>],
        path: &[Step],
    ) -> R<(u64, CType, Vec<Step>)> {
        let mut cur = ty.clone();
        let mut p = path.to_vec();
        let mut first = None;
        for d in ds {
            let k = match &d.node {
                Designator::Index(e) => {
                    let (v, _) = self.const_int(e)?;
                    if v < 0 || !matches!(cur, CType::Array(..)) {
                        return Err(self.err("C0003", "bad array designator", d.span));
                    }
                    v as u64
                }
                Designator::Member(id) => {
                    let CType::Struct(sid) = &cur else {
                        return Err(self.err("C0003", "field designator on a non-struct", d.span));
                    };
                    let fields = &self.p.module.structs[*sid].fields;
                    match fields.iter().position(|f| f.name == id.node.name) {
                        Some(k) => k as u64,
                        None => {
                            return Err(self.err(
                                "C0003",
                                format!("no field `{}`", id.node.name),
                                id.span,
                            ))
                        }
                    }
                }
                Designator::Range(_) => return Err(self.unsupported("range designator", d.span)),
            };
            let Some((sub, step)) = self.child(&cur, k) else {
                return Err(self.err("C0003", "designator out of bounds", d.span));
            };
            first.get_or_insert(k);
            p.push(step);
            cur = sub;
        }
        Ok((first.unwrap_or(0), cur, p))
    }

    // ----- locals -----

    /// Number of scalar leaves of a type (saturating).
    fn leaves(&self, ty: &CType) -> u64 {
        match ty {
            CType::Array(e, n) => self.leaves(e).saturating_mul(n.unwrap_or(0)),
            CType::Struct(id) => {
                let fs = self.p.module.structs[*id].fields.clone();
                fs.iter()
                    .map(|f| self.leaves(&from_ir(&f.ty)))
                    .fold(0u64, u64::saturating_add)
            }
            _ => 1,
        }
    }

    /// True when the items certainly initialise every scalar of `ty`.
    fn covers(&self, ty: &CType, items: &[Item<'_>]) -> bool {
        // Overlapping paths (one a prefix of another) are adjacent once sorted.
        let mut paths: Vec<&Vec<Step>> = items.iter().map(|i| &i.path).collect();
        paths.sort();
        for w in paths.windows(2) {
            let n = w[0].len().min(w[1].len());
            if w[0][..n] == w[1][..n] {
                return false;
            }
        }
        let mut total = 0u64;
        for it in items {
            total = total.saturating_add(match (&it.leaf, &it.ty) {
                (Leaf::Str(b), CType::Array(_, Some(n))) => (b.len() as u64).min(*n),
                _ => self.leaves(&it.ty),
            });
        }
        total >= self.leaves(ty)
    }

    /// The place of a path inside `base`.
    fn path_place(&mut self, base: &Place, path: &[Step]) -> Place {
        let mut p = base.clone();
        for s in path {
            match s {
                Step::Index(i) => {
                    let v = self.emit(Op::Iconst(i128::from(*i)), Type::I64);
                    p.proj.push(Proj::Index(v));
                }
                Step::Field(f) => p.proj.push(Proj::Field(*f)),
            }
        }
        p
    }

    /// Emits the stores of an initialiser into `base` (of type `ty`).
    pub fn store_init(&mut self, base: &Place, ty: &CType, items: &[Item<'_>]) -> R<()> {
        let repeat = self.f.loop_depth > 0 || self.f.has_labels;
        if repeat && !self.covers(ty, items) {
            self.zero_fill(base.clone(), ty);
        }
        for it in items {
            match &it.leaf {
                Leaf::Expr(e) => {
                    let rv = self.rvalue(e)?;
                    let sp = self.span(e.span);
                    self.at(sp, |cx| {
                        cx.convert_assign(rv, &it.ty).map(|rv| {
                            let v = cx.val(&rv);
                            let p = cx.path_place(base, &it.path);
                            cx.emit_void(Op::Store(p, v));
                        })
                    })?;
                }
                Leaf::Str(bytes) => {
                    let CType::Array(elem, n) = &it.ty else {
                        continue;
                    };
                    let n = n.unwrap_or(bytes.len() as u64);
                    for (k, b) in bytes.iter().take(n as usize).enumerate() {
                        let mut path = it.path.clone();
                        path.push(Step::Index(k as u64));
                        let c = match **elem {
                            CType::Int(t) => t.wrap(i128::from(*b)),
                            _ => i128::from(*b),
                        };
                        let v = self.val(&Rv::int(c, (**elem).clone()));
                        let p = self.path_place(base, &path);
                        self.emit_void(Op::Store(p, v));
                    }
                }
            }
        }
        Ok(())
    }

    /// Stores zero into every scalar of `place` (loops over large arrays).
    pub fn zero_fill(&mut self, place: Place, ty: &CType) {
        match ty {
            CType::Struct(id) => {
                let fields = self.p.module.structs[*id].fields.clone();
                for (k, f) in fields.iter().enumerate() {
                    self.zero_fill(
                        place.clone().project(Proj::Field(k as u32)),
                        &from_ir(&f.ty),
                    );
                }
            }
            CType::Array(e, n) => {
                let n = n.unwrap_or(0);
                if n.saturating_mul(self.leaves(e)) <= 16 {
                    for i in 0..n {
                        let v = self.emit(Op::Iconst(i128::from(i)), Type::I64);
                        self.zero_fill(place.clone().project(Proj::Index(v)), e);
                    }
                    return;
                }
                let sp = self.f.span.clone();
                let i = self.f.b.add_local("i", Type::I64, sp.clone());
                let zero = self.emit(Op::Iconst(0), Type::I64);
                self.emit_void(Op::Store(Place::var(i), zero));
                let header = self.f.b.create_block(sp.clone());
                let body = self.f.b.create_block(sp.clone());
                let exit = self.f.b.create_block(sp);
                self.f.b.jump(header);
                self.f.b.switch_to(header);
                let iv = self.emit(Op::Load(Place::var(i)), Type::I64);
                let nv = self.emit(Op::Iconst(i128::from(n)), Type::I64);
                let c = self.emit(
                    Op::Icmp {
                        cond: IntCC::Slt,
                        lhs: iv,
                        rhs: nv,
                    },
                    Type::Bool,
                );
                self.f.b.terminate(Terminator::Branch {
                    cond: c,
                    then_dest: BlockCall::plain(body),
                    else_dest: BlockCall::plain(exit),
                });
                self.f.b.switch_to(body);
                let iv = self.emit(Op::Load(Place::var(i)), Type::I64);
                self.zero_fill(place.project(Proj::Index(iv)), e);
                let iv = self.emit(Op::Load(Place::var(i)), Type::I64);
                let one = self.emit(Op::Iconst(1), Type::I64);
                let next = self.emit(
                    Op::Binary {
                        op: xl_ir::BinaryOp::Add,
                        lhs: iv,
                        rhs: one,
                        nsw: true,
                    },
                    Type::I64,
                );
                self.emit_void(Op::Store(Place::var(i), next));
                self.f.b.jump(header);
                self.f.b.switch_to(exit);
            }
            CType::Void | CType::Func(_) => {}
            scalar => {
                let rv = match scalar {
                    CType::Float(_) => Rv {
                        k: crate::expr::K::F(0.0),
                        ty: scalar.clone(),
                    },
                    CType::Ptr(_) => Rv {
                        k: crate::expr::K::Null,
                        ty: scalar.clone(),
                    },
                    _ => Rv::int(0, scalar.clone()),
                };
                let v = self.val(&rv);
                self.emit_void(Op::Store(place, v));
            }
        }
    }

    /// A compound literal: a fresh local initialised from the list.
    pub fn compound_literal(
        &mut self,
        ty: CType,
        items: &[Node<InitializerListItem>],
        s: lang_c::span::Span,
    ) -> R<(xl_ir::Var, CType)> {
        let (ty, flat) = self.flatten_list(&ty, items)?;
        let sp = self.span(s);
        let var = self.f.b.add_local("compound", ty.ir(), sp);
        let place = Place::var(var);
        if !self.covers(&ty, &flat) {
            self.zero_fill(place.clone(), &ty);
        }
        let saved = self.f.loop_depth;
        self.f.loop_depth = 0;
        let r = self.store_init(&place, &ty, &flat);
        self.f.loop_depth = saved;
        r?;
        Ok((var, ty))
    }

    // ----- statics -----

    /// The constant initial value of a static object of type `ty`; returns the completed type.
    pub fn static_init(&mut self, ty: &CType, init: &Node<Initializer>) -> R<(CType, Init)> {
        let (ty, items) = self.flatten(ty, init)?;
        let mut tree = Tree::Leaf(Init::Zero);
        for it in &items {
            let too_far = it
                .path
                .iter()
                .any(|s| matches!(s, Step::Index(i) if *i > 1 << 24));
            if too_far {
                return Err(self.err_here(
                    "C0002",
                    "unsupported construct `static initializer with more than 2^24 elements`",
                ));
            }
            let value = match &it.leaf {
                Leaf::Expr(e) => {
                    if matches!(it.ty, CType::Struct(_) | CType::Array(..)) {
                        return Err(self.err(
                            "C0003",
                            "initializer element is not a constant",
                            e.span,
                        ));
                    }
                    self.const_init(e, &it.ty)?
                }
                Leaf::Str(bytes) => {
                    let n = match &it.ty {
                        CType::Array(_, Some(n)) => *n as usize,
                        _ => bytes.len(),
                    };
                    Init::Bytes(bytes.iter().copied().take(n).collect())
                }
            };
            set_tree(&mut tree, &it.path, value);
        }
        Ok((ty, finish_tree(tree)))
    }
}

fn set_tree(tree: &mut Tree, path: &[Step], value: Init) {
    let Some((first, rest)) = path.split_first() else {
        *tree = Tree::Leaf(value);
        return;
    };
    if !matches!(tree, Tree::Agg(_)) {
        *tree = Tree::Agg(Vec::new());
    }
    let Tree::Agg(children) = tree else { return };
    let k = match first {
        Step::Index(i) => *i as usize,
        Step::Field(f) => *f as usize,
    };
    while children.len() <= k {
        children.push(Tree::Leaf(Init::Zero));
    }
    set_tree(&mut children[k], rest, value);
}

fn finish_tree(tree: Tree) -> Init {
    match tree {
        Tree::Leaf(i) => i,
        Tree::Agg(children) => {
            let mut out: Vec<Init> = children.into_iter().map(finish_tree).collect();
            while out.last() == Some(&Init::Zero) {
                out.pop();
            }
            if out.is_empty() {
                Init::Zero
            } else {
                Init::Aggregate(out)
            }
        }
    }
}
