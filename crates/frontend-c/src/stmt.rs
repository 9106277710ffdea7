//! Function bodies: statements, block-scope declarations, and whole function definitions.
//!
//! Control flow follows the lowering contract: loops get header/body/step/exit blocks; a
//! `switch` evaluates its promoted scrutinee in the current block, lowers its body (code before
//! the first label is unreachable), then ends the scrutinee block with a `Switch` terminator
//! whose cases were collected on the way; fallthrough is a jump to the next case's block;
//! labels get one block each. Falling off `main` returns 0; falling off another non-void
//! function is `Unreachable`.

use crate::ctype::{promote, CFunc, CType};
use crate::cx::{Cx, FnState, FuncSym, GlobalDecl, SwitchCx, Sym, R};
use crate::decl::declarator_name;
use lang_c::ast::*;
use lang_c::span::Node;
use xl_ir::{Block, BlockCall, Func, GlobalData, Init, Terminator};

/// True when a statement contains an identifier label.
fn has_label(s: &Statement) -> bool {
    let mut stack = vec![s];
    while let Some(s) = stack.pop() {
        match s {
            Statement::Labeled(l) => {
                if matches!(l.node.label.node, Label::Identifier(_)) {
                    return true;
                }
                stack.push(&l.node.statement.node);
            }
            Statement::Compound(items) => {
                for it in items {
                    if let BlockItem::Statement(st) = &it.node {
                        stack.push(&st.node);
                    }
                }
            }
            Statement::If(i) => {
                stack.push(&i.node.then_statement.node);
                if let Some(e) = &i.node.else_statement {
                    stack.push(&e.node);
                }
            }
            Statement::Switch(x) => stack.push(&x.node.statement.node),
            Statement::While(x) => stack.push(&x.node.statement.node),
            Statement::DoWhile(x) => stack.push(&x.node.statement.node),
            Statement::For(x) => stack.push(&x.node.statement.node),
            _ => {}
        }
    }
    false
}

impl Cx<'_> {
    /// Declares (or re-declares) a function name in the current scope.
    pub fn declare_func(&mut self, name: &str, ty: CFunc, is_static: bool, noreturn: bool) {
        let (ty, is_static, noreturn) = match self.lookup(name) {
            Some(Sym::Func(old)) => {
                let ty = if ty.prototyped || !old.ty.prototyped {
                    ty
                } else {
                    old.ty
                };
                (ty, is_static || old.is_static, noreturn || old.noreturn)
            }
            _ => (ty, is_static, noreturn),
        };
        self.declare(
            name,
            Sym::Func(FuncSym {
                name: name.to_string(),
                ty,
                is_static,
                noreturn,
            }),
        );
    }

    /// The type and parameters of a function definition, or why they have no IR form (K&R
    /// definitions, variadic ones, incomplete struct parameters or results).
    pub fn function_header(
        &mut self,
        fd: &Node<FunctionDefinition>,
    ) -> R<(CFunc, Vec<crate::decl::ParamDecl>)> {
        if let Some(k) = fd.node.declarations.first() {
            return Err(self.unsupported("K&R function definition", k.span));
        }
        let spec = self.decl_spec(&fd.node.specifiers, None, fd.span)?;
        let dd = self.declarator(spec.ty, spec.is_const, &fd.node.declarator)?;
        let CType::Func(fty) = &dd.ty else {
            return Err(self.err(
                "C0003",
                "function definition without a function type",
                fd.span,
            ));
        };
        if fty.variadic {
            return Err(self.unsupported("variadic function definition", fd.node.declarator.span));
        }
        if let CType::Struct(id) = fty.ret {
            if !self.p.struct_complete.get(&id).copied().unwrap_or(false) {
                return Err(self.incomplete(id, "function returns an incomplete struct", fd.span));
            }
        }
        let params = dd.params.clone().unwrap_or_default();
        for p in &params {
            if let CType::Struct(id) = &p.ty {
                if !self.p.struct_complete.get(id).copied().unwrap_or(false) {
                    return Err(self.incomplete(
                        *id,
                        "parameter has an incomplete struct type",
                        p.span,
                    ));
                }
            }
        }
        Ok(((**fty).clone(), params))
    }

    /// Lowers the definition `def` (index into the program's functions).
    pub fn lower_function(&mut self, def: usize, fd: &Node<FunctionDefinition>) -> R<Func> {
        let d = self.p.funcs[def].clone();
        let (fty, params) = self.function_header(fd)?;
        self.f = FnState::new(&d.c_name, &d.name, fty.ret.clone(), d.span.clone());
        self.f.b.set_static(d.is_static);
        self.f.has_labels = has_label(&fd.node.statement.node);
        self.push_scope();
        for (i, p) in params.iter().enumerate() {
            let name = p.name.clone().unwrap_or_else(|| format!("arg{i}"));
            let sp = self.span(p.span);
            let var = self.f.b.add_param(&name, p.ty.ir(), sp);
            if let Some(n) = &p.name {
                self.declare(n, Sym::Local(var, p.ty.clone()));
            }
        }
        self.stmt(&fd.node.statement)?;
        if !self.f.b.is_terminated() {
            let sp = self.span(fd.span);
            if d.c_name == "main" && fty.ret.is_integer() {
                let zero = self.f.b.iconst(fty.ret.ir(), 0, sp);
                self.f.b.terminate(Terminator::Return(Some(zero)));
            } else if fty.ret == CType::Void {
                self.f.b.terminate(Terminator::Return(None));
            } else {
                self.f.b.terminate(Terminator::Unreachable);
            }
        }
        for (name, (_, defined, sp)) in &self.f.labels {
            if !defined {
                let d = xl_base::Diagnostic::error(
                    "C0003",
                    format!("use of undeclared label `{name}`"),
                    sp.clone(),
                );
                return Err(self.p.tus[self.tu].map.attach(d));
            }
        }
        self.pop_scope();
        let f = std::mem::replace(&mut self.f, FnState::new("", "", CType::Void, d.span));
        Ok(f.b.finish())
    }

    fn label_block(&mut self, name: &str, define: bool, s: lang_c::span::Span) -> R<Block> {
        let sp = self.span(s);
        if let Some((b, defined, _)) = self.f.labels.get(name).cloned() {
            if define {
                if defined {
                    return Err(self.err("C0003", format!("redefinition of label `{name}`"), s));
                }
                self.f.labels.insert(name.to_string(), (b, true, sp));
            }
            return Ok(b);
        }
        let b = self.f.b.create_block(sp.clone());
        self.f.labels.insert(name.to_string(), (b, define, sp));
        Ok(b)
    }

    /// Lowers a statement.
    pub fn stmt(&mut self, s: &Node<Statement>) -> R<()> {
        let sp = self.span(s.span);
        self.f.span = sp.clone();
        match &s.node {
            Statement::Labeled(l) => {
                match &l.node.label.node {
                    Label::Identifier(id) => {
                        let b = self.label_block(&id.node.name, true, id.span)?;
                        self.f.b.jump(b);
                        self.f.b.switch_to(b);
                    }
                    Label::Case(e) => {
                        let (v, _) = self.const_int(e)?;
                        self.case_label(vec![v], l.node.label.span)?;
                    }
                    Label::CaseRange(r) => {
                        let (lo, _) = self.const_int(&r.node.low)?;
                        let (hi, _) = self.const_int(&r.node.high)?;
                        if hi < lo || hi - lo > 1024 {
                            return Err(self.unsupported("large case range", r.span));
                        }
                        self.case_label((lo..=hi).collect(), l.node.label.span)?;
                    }
                    Label::Default => {
                        if self
                            .f
                            .switches
                            .last()
                            .is_some_and(|sw| sw.default.is_some())
                        {
                            return Err(self.err("C0003", "duplicate `default` label", s.span));
                        }
                        let b = self.switch_label_block(s.span)?;
                        if let Some(sw) = self.f.switches.last_mut() {
                            sw.default = Some(b);
                        }
                    }
                }
                self.stmt(&l.node.statement)
            }
            Statement::Compound(items) => {
                self.push_scope();
                let r = self.block_items(items);
                self.pop_scope();
                r
            }
            Statement::Expression(e) => match e {
                Some(e) => self.effect(e),
                None => Ok(()),
            },
            Statement::If(i) => {
                let c = self.cond(&i.node.condition)?;
                let then_bb = self.f.b.create_block(self.span(i.node.then_statement.span));
                let join = self.f.b.create_block(sp.clone());
                let else_bb = match &i.node.else_statement {
                    Some(e) => self.f.b.create_block(self.span(e.span)),
                    None => join,
                };
                self.f.b.terminate(Terminator::Branch {
                    cond: c,
                    then_dest: BlockCall::plain(then_bb),
                    else_dest: BlockCall::plain(else_bb),
                });
                self.f.b.switch_to(then_bb);
                self.stmt(&i.node.then_statement)?;
                self.f.b.jump(join);
                if let Some(e) = &i.node.else_statement {
                    self.f.b.switch_to(else_bb);
                    self.stmt(e)?;
                    self.f.b.jump(join);
                }
                self.f.b.switch_to(join);
                Ok(())
            }
            Statement::While(w) => {
                let header = self.f.b.create_block(self.span(w.node.expression.span));
                let body = self.f.b.create_block(self.span(w.node.statement.span));
                let exit = self.f.b.create_block(sp);
                self.f.b.jump(header);
                self.f.b.switch_to(header);
                let c = self.cond(&w.node.expression)?;
                self.branch(c, body, exit);
                self.f.b.switch_to(body);
                self.loop_body(&w.node.statement, exit, header)?;
                self.f.b.jump(header);
                self.f.b.switch_to(exit);
                Ok(())
            }
            Statement::DoWhile(w) => {
                let body = self.f.b.create_block(self.span(w.node.statement.span));
                let cond_bb = self.f.b.create_block(self.span(w.node.expression.span));
                let exit = self.f.b.create_block(sp);
                self.f.b.jump(body);
                self.f.b.switch_to(body);
                self.loop_body(&w.node.statement, exit, cond_bb)?;
                self.f.b.jump(cond_bb);
                self.f.b.switch_to(cond_bb);
                let c = self.cond(&w.node.expression)?;
                self.branch(c, body, exit);
                self.f.b.switch_to(exit);
                Ok(())
            }
            Statement::For(f) => {
                self.push_scope();
                let r = self.for_stmt(f, sp);
                self.pop_scope();
                r
            }
            Statement::Goto(id) => {
                let b = self.label_block(&id.node.name, false, id.span)?;
                self.f.b.jump(b);
                Ok(())
            }
            Statement::Continue => match self.f.conts.last() {
                Some(&b) => {
                    self.f.b.jump(b);
                    Ok(())
                }
                None => Err(self.err("C0003", "`continue` outside a loop", s.span)),
            },
            Statement::Break => match self.f.breaks.last() {
                Some(&b) => {
                    self.f.b.jump(b);
                    Ok(())
                }
                None => Err(self.err("C0003", "`break` outside a loop or switch", s.span)),
            },
            Statement::Return(e) => {
                let ret = self.f.ret.clone();
                match e {
                    Some(e) if ret == CType::Void => {
                        self.effect(e)?;
                        self.f.b.terminate(Terminator::Return(None));
                    }
                    Some(e) => {
                        let rv = self.rvalue(e)?;
                        self.f.span = sp;
                        let rv = self.convert_assign(rv, &ret)?;
                        let v = self.val(&rv);
                        self.f.b.terminate(Terminator::Return(Some(v)));
                    }
                    None if ret == CType::Void => self.f.b.terminate(Terminator::Return(None)),
                    None => {
                        return Err(self.err(
                            "C0003",
                            "`return` without a value in a function returning a value",
                            s.span,
                        ))
                    }
                }
                Ok(())
            }
            Statement::Switch(sw) => self.switch(&sw.node.expression, &sw.node.statement, sp),
            Statement::Asm(a) => Err(self.unsupported("inline assembly", a.span)),
        }
    }

    fn branch(&mut self, c: xl_ir::Value, t: Block, e: Block) {
        self.f.b.terminate(Terminator::Branch {
            cond: c,
            then_dest: BlockCall::plain(t),
            else_dest: BlockCall::plain(e),
        });
    }

    fn loop_body(&mut self, body: &Node<Statement>, brk: Block, cont: Block) -> R<()> {
        self.f.breaks.push(brk);
        self.f.conts.push(cont);
        self.f.loop_depth += 1;
        let r = self.stmt(body);
        self.f.loop_depth -= 1;
        self.f.breaks.pop();
        self.f.conts.pop();
        r
    }

    fn block_items(&mut self, items: &[Node<BlockItem>]) -> R<()> {
        for it in items {
            match &it.node {
                BlockItem::Declaration(d) => self.local_decl(d)?,
                BlockItem::StaticAssert(a) => self.static_assert(a)?,
                BlockItem::Statement(s) => self.stmt(s)?,
            }
        }
        Ok(())
    }

    /// Checks a `_Static_assert`.
    pub fn static_assert(&mut self, a: &Node<StaticAssert>) -> R<()> {
        let (v, _) = self.const_int(&a.node.expression)?;
        if v == 0 {
            return Err(self.err("C0003", "static assertion failed", a.span));
        }
        Ok(())
    }

    fn for_stmt(&mut self, f: &Node<ForStatement>, sp: xl_base::Span) -> R<()> {
        match &f.node.initializer.node {
            ForInitializer::Empty => {}
            ForInitializer::Expression(e) => self.effect(e)?,
            ForInitializer::Declaration(d) => self.local_decl(d)?,
            ForInitializer::StaticAssert(a) => self.static_assert(a)?,
        }
        let header_sp = match &f.node.condition {
            Some(c) => self.span(c.span),
            None => sp.clone(),
        };
        let header = self.f.b.create_block(header_sp);
        let body = self.f.b.create_block(self.span(f.node.statement.span));
        let step_sp = match &f.node.step {
            Some(s) => self.span(s.span),
            None => sp.clone(),
        };
        let step = self.f.b.create_block(step_sp);
        let exit = self.f.b.create_block(sp);
        self.f.b.jump(header);
        self.f.b.switch_to(header);
        match &f.node.condition {
            Some(c) => {
                let cv = self.cond(c)?;
                self.branch(cv, body, exit);
            }
            None => self.f.b.jump(body),
        }
        self.f.b.switch_to(body);
        self.loop_body(&f.node.statement, exit, step)?;
        self.f.b.jump(step);
        self.f.b.switch_to(step);
        if let Some(s) = &f.node.step {
            self.effect(s)?;
        }
        self.f.b.jump(header);
        self.f.b.switch_to(exit);
        Ok(())
    }

    /// The block a `case`/`default` label starts: the current one when it is empty and
    /// reusable (consecutive labels share a block), else a fresh one entered by fallthrough.
    fn switch_label_block(&mut self, s: lang_c::span::Span) -> R<Block> {
        let cur = self.f.b.current();
        let empty = !self.f.b.is_terminated() && self.f.b.func().blocks[cur].insts.is_empty();
        let Some(sw) = self.f.switches.last() else {
            return Err(self.err("C0003", "`case` or `default` outside a switch", s));
        };
        let b = if empty && sw.reusable == Some(cur) {
            cur
        } else {
            let sp = self.span(s);
            let b = self.f.b.create_block(sp);
            self.f.b.jump(b);
            self.f.b.switch_to(b);
            b
        };
        if let Some(sw) = self.f.switches.last_mut() {
            sw.reusable = Some(b);
        }
        Ok(b)
    }

    fn case_label(&mut self, values: Vec<i128>, s: lang_c::span::Span) -> R<()> {
        let Some(ty) = self.f.switches.last().map(|sw| sw.ty) else {
            return Err(self.err("C0003", "`case` outside a switch", s));
        };
        let values: Vec<i128> = values.into_iter().map(|v| ty.wrap(v)).collect();
        for v in &values {
            if self
                .f
                .switches
                .last()
                .is_some_and(|sw| sw.cases.iter().any(|(c, _)| c == v))
            {
                return Err(self.err("C0003", format!("duplicate case value {v}"), s));
            }
        }
        let b = self.switch_label_block(s)?;
        if let Some(sw) = self.f.switches.last_mut() {
            sw.cases.extend(values.into_iter().map(|v| (v, b)));
        }
        Ok(())
    }

    fn switch(&mut self, e: &Node<Expression>, body: &Node<Statement>, sp: xl_base::Span) -> R<()> {
        let rv = self.rvalue(e)?;
        if !rv.ty.is_integer() {
            return Err(self.err("C0003", "switch on a non-integer", e.span));
        }
        let t = promote(&rv.ty);
        let rv = self.convert(rv, &t)?;
        let v = self.val(&rv);
        let CType::Int(it) = t else {
            return Err(self.err("C0003", "switch on a non-integer", e.span));
        };
        let scrut = self.f.b.current();
        let exit = self.f.b.create_block(sp.clone());
        let dead = self.f.b.create_block(self.span(body.span));
        self.f.b.switch_to(dead);
        self.f.switches.push(SwitchCx {
            ty: it,
            cases: vec![],
            default: None,
            reusable: Some(dead),
        });
        self.f.breaks.push(exit);
        let r = self.stmt(body);
        self.f.breaks.pop();
        let sw = self.f.switches.pop();
        r?;
        self.f.b.jump(exit);
        let Some(sw) = sw else { return Ok(()) };
        self.f.b.switch_to(scrut);
        self.f.b.terminate(Terminator::Switch {
            value: v,
            cases: sw.cases,
            default: sw.default.unwrap_or(exit),
        });
        self.f.b.switch_to(exit);
        Ok(())
    }

    /// A block-scope declaration.
    pub fn local_decl(&mut self, d: &Node<Declaration>) -> R<()> {
        let is_typedef = d.node.specifiers.iter().any(|s| {
            matches!(&s.node, DeclarationSpecifier::StorageClass(c) if c.node == StorageClassSpecifier::Typedef)
        });
        let hint = if is_typedef {
            d.node
                .declarators
                .first()
                .and_then(|i| declarator_name(&i.node.declarator.node))
        } else {
            None
        };
        let spec = self.decl_spec(&d.node.specifiers, hint.as_deref(), d.span)?;
        for idecl in &d.node.declarators {
            let dd = self.declarator(spec.ty.clone(), spec.is_const, &idecl.node.declarator)?;
            let Some((name, name_span)) = dd.name.clone() else {
                return Err(self.err("C0003", "declaration without a name", idecl.span));
            };
            let sp = self.span(name_span);
            self.f.span = sp.clone();
            if let CType::Func(fty) = &dd.ty {
                if spec.storage == Some(StorageClassSpecifier::Typedef) {
                    self.declare(&name, Sym::Typedef(dd.ty.clone()));
                } else {
                    let is_static = spec.storage == Some(StorageClassSpecifier::Static);
                    self.declare_func(
                        &name,
                        (**fty).clone(),
                        is_static,
                        spec.noreturn || dd.noreturn,
                    );
                }
                continue;
            }
            match spec.storage {
                Some(StorageClassSpecifier::Typedef) => {
                    self.declare(&name, Sym::Typedef(dd.ty.clone()));
                }
                Some(StorageClassSpecifier::Extern) => {
                    let k = match self.p.tus[self.tu].scope.get(&name) {
                        Some(Sym::Global(k)) => *k,
                        _ => match self.p.ext_globals.get(&name) {
                            Some(&k) => k,
                            None => {
                                let k = self.p.globals.len();
                                self.p.globals.push(GlobalDecl {
                                    name: name.clone(),
                                    c_name: name.clone(),
                                    ty: dd.ty.clone(),
                                    is_const: dd.is_const,
                                    span: sp.clone(),
                                    tu: self.tu,
                                    init: None,
                                    defined: false,
                                    is_static: false,
                                    id: None,
                                    error: None,
                                });
                                self.p.ext_globals.insert(name.clone(), k);
                                k
                            }
                        },
                    };
                    self.declare(&name, Sym::Global(k));
                }
                Some(StorageClassSpecifier::Static) => {
                    let (ty, init) = match &idecl.node.initializer {
                        Some(i) => self.static_init(&dd.ty, i)?,
                        None => (dd.ty.clone(), Init::Zero),
                    };
                    self.check_complete(&ty, name_span)?;
                    let base = format!("{}.{}", self.f.name, name);
                    let n = self.p.static_local_names.entry(base.clone()).or_insert(0);
                    *n += 1;
                    let gname = if *n == 1 { base } else { format!("{base}.{n}") };
                    let id = self.p.module.globals.push(GlobalData {
                        name: gname.clone(),
                        ty: ty.ir(),
                        init,
                        is_const: dd.is_const,
                        span: sp.clone(),
                    });
                    let k = self.p.globals.len();
                    self.p.globals.push(GlobalDecl {
                        name: gname,
                        c_name: name.clone(),
                        ty,
                        is_const: dd.is_const,
                        span: sp,
                        tu: self.tu,
                        init: None,
                        defined: true,
                        is_static: true,
                        id: Some(id),
                        error: None,
                    });
                    self.declare(&name, Sym::Global(k));
                }
                _ => {
                    let (ty, items) = match &idecl.node.initializer {
                        Some(i) => {
                            let (t, items) = self.flatten(&dd.ty, i)?;
                            (t, Some(items))
                        }
                        None => (dd.ty.clone(), None),
                    };
                    self.check_complete(&ty, name_span)?;
                    let var = self.f.b.add_local(&name, ty.ir(), sp);
                    self.declare(&name, Sym::Local(var, ty.clone()));
                    if let Some(items) = items {
                        self.store_init(&xl_ir::Place::var(var), &ty, &items)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Errors for objects of incomplete type.
    pub fn check_complete(&self, ty: &CType, s: lang_c::span::Span) -> R<()> {
        match ty {
            CType::Array(_, None) => Err(self.err("C0003", "array size missing", s)),
            CType::Struct(id) if !self.p.struct_complete.get(id).copied().unwrap_or(false) => {
                Err(self.incomplete(*id, "variable has an incomplete struct type", s))
            }
            CType::Void => Err(self.err("C0003", "variable of type `void`", s)),
            CType::Array(e, _) => self.check_complete(e, s),
            _ => Ok(()),
        }
    }
}
