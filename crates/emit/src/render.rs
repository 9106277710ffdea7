//! Structured statements plus block candidates to syn statements, and the sidecar that says
//! where each IR block's code went.
//!
//! Invariant: the sidecar describes the statements exactly as returned (paths index into the
//! returned lists), so a reader that re-parses the printed function with syn can find every
//! block: prettyplease printing and syn parsing preserve statement lists.

use crate::ast;
use crate::propose::{Candidate, TermCode};
use crate::rtypes::{int_lit, path_expr};
use crate::structure::{Edge, Label, SNode};
use serde::Serialize;
use std::collections::BTreeMap;
use syn::{parse_quote, Expr, Stmt};
use xl_ir::{Block, Func, IntTy, Terminator, Type};

/// One step of a path from a function body to a statement list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PathStep {
    /// Statement `i` of the current list (an `if`, `match`, loop or block).
    Stmt(usize),
    /// The `then` block of that `if`.
    Then,
    /// The `else` block of that `if`.
    Else,
    /// Arm `i` of that `match` (the `_` arm is the last).
    Arm(usize),
    /// The body of that loop, `while` or labeled block.
    Body,
}

/// How a block's terminator appears in the Rust code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum TermLoc {
    /// A jump: expressed by the structure (fall-through, `break`, `continue`), plus
    /// assignments of block arguments.
    Structural,
    /// The condition of the `if` at statement `stmt` of the same list.
    If {
        /// Statement index.
        stmt: usize,
        /// The condition is the IR condition negated.
        negated: bool,
    },
    /// The condition of the `while` at statement `stmt` of the same list (the block's own
    /// code is empty).
    While {
        /// Statement index.
        stmt: usize,
        /// Negated.
        negated: bool,
    },
    /// The condition of the `if` expression assigned at statement `stmt` of the same list
    /// (`v = if c { a } else { b };`: both arms only pass a value to one block parameter).
    ValueIf {
        /// Statement index.
        stmt: usize,
        /// Negated.
        negated: bool,
    },
    /// Inside the condition of the `while` at statement `stmt`: the block's branch picks the
    /// value (`a && b`) the loop test reads.
    WhileValue {
        /// Statement index.
        stmt: usize,
    },
    /// The scrutinee of the `match` at statement `stmt`.
    Match {
        /// Statement index.
        stmt: usize,
    },
    /// `return` at statement `stmt`.
    Return {
        /// Statement index.
        stmt: usize,
    },
    /// The function body's tail expression (or its end, for `void`).
    Tail,
    /// The block's statements diverge (a call to `exit`, ...).
    Diverges,
    /// State machine: the `state = ..` assignments after the statements.
    State,
}

/// Where one block's code is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BlockLoc {
    /// Path to the statement list holding the code.
    pub list: Vec<PathStep>,
    /// First statement of the block's code.
    pub start: usize,
    /// One past its last statement.
    pub end: usize,
    /// Its terminator.
    pub term: TermLoc,
}

impl BlockLoc {
    /// `body/3/then[0..2]`-style text for reports.
    pub fn describe(&self) -> String {
        let mut s = String::from("body");
        for st in &self.list {
            match st {
                PathStep::Stmt(i) => s.push_str(&format!("/{i}")),
                PathStep::Then => s.push_str("/then"),
                PathStep::Else => s.push_str("/else"),
                PathStep::Arm(i) => s.push_str(&format!("/arm{i}")),
                PathStep::Body => s.push_str("/body"),
            }
        }
        s.push_str(&format!("[{}..{}]", self.start, self.end));
        s
    }
}

/// Renders structured code of one function.
pub struct Renderer<'a> {
    /// The function.
    pub func: &'a Func,
    /// Candidate of every reachable block.
    pub cands: &'a BTreeMap<Block, Candidate>,
    /// Variable names of block parameters.
    pub param_names: &'a BTreeMap<xl_ir::Value, String>,
    /// Name of the state variable (state machines).
    pub state_var: String,
    /// Where each block went.
    pub locs: BTreeMap<Block, BlockLoc>,
    labels: BTreeMap<Label, String>,
    loops: usize,
    blocks: usize,
}

impl<'a> Renderer<'a> {
    /// A renderer.
    pub fn new(
        func: &'a Func,
        cands: &'a BTreeMap<Block, Candidate>,
        param_names: &'a BTreeMap<xl_ir::Value, String>,
        state_var: String,
    ) -> Self {
        Renderer {
            func,
            cands,
            param_names,
            state_var,
            locs: BTreeMap::new(),
            labels: BTreeMap::new(),
            loops: 0,
            blocks: 0,
        }
    }

    fn label_name(&mut self, l: Label) -> String {
        if let Some(n) = self.labels.get(&l) {
            return n.clone();
        }
        let n = match l {
            Label::Loop(_) => {
                self.loops += 1;
                format!("l{}", self.loops)
            }
            Label::Block(_) => {
                self.blocks += 1;
                format!("b{}", self.blocks)
            }
        };
        self.labels.insert(l, n.clone());
        n
    }

    fn cond(&self, b: Block, negated: bool) -> Expr {
        match self.cands.get(&b).map(|c| &c.term) {
            Some(TermCode::Branch { cond, neg, .. }) => {
                if negated {
                    neg.clone().unwrap_or_else(|| negate(cond.clone()))
                } else {
                    cond.clone()
                }
            }
            _ => parse_quote!(true),
        }
    }

    /// Renders the whole function body.
    pub fn body(&mut self, nodes: &[SNode]) -> Vec<Stmt> {
        let mut path = Vec::new();
        let mut out = self.list(nodes, &mut path);
        // A final `return e;` becomes the tail expression `e`.
        if let Some(Stmt::Expr(Expr::Return(r), Some(_))) = out.last() {
            let e = r.expr.clone();
            let idx = out.len() - 1;
            out.pop();
            if let Some(e) = e {
                out.push(Stmt::Expr(*e, None));
            }
            for loc in self.locs.values_mut() {
                if loc.list.is_empty() && loc.term == (TermLoc::Return { stmt: idx }) {
                    loc.term = TermLoc::Tail;
                }
            }
        }
        out
    }

    fn list(&mut self, nodes: &[SNode], path: &mut Vec<PathStep>) -> Vec<Stmt> {
        let mut out: Vec<Stmt> = Vec::new();
        for n in nodes {
            let i = out.len();
            match n {
                SNode::Code(b) => {
                    if let Some(c) = self.cands.get(b) {
                        out.extend(c.stmts.iter().cloned());
                    }
                    self.locs.insert(
                        *b,
                        BlockLoc {
                            list: path.clone(),
                            start: i,
                            end: out.len(),
                            term: TermLoc::Structural,
                        },
                    );
                }
                SNode::Args { from, edge, to } => out.extend(self.args(*from, *edge, *to)),
                SNode::Break(l) => {
                    let name = l.map(|l| self.label_name(l));
                    out.push(ast::semi(ast::brk(name.as_deref())));
                }
                SNode::Continue(l) => {
                    let name = l.map(|l| self.label_name(l));
                    out.push(ast::semi(ast::cont(name.as_deref())));
                }
                SNode::Return(b) => {
                    let term = match self.cands.get(b).map(|c| &c.term) {
                        Some(TermCode::Return(e)) => {
                            out.push(ast::semi(ast::ret(e.clone())));
                            TermLoc::Return { stmt: i }
                        }
                        _ => TermLoc::Diverges,
                    };
                    if let Some(loc) = self.locs.get_mut(b) {
                        loc.term = term;
                    }
                }
                SNode::If { block, negated, .. } if self.value_if(n).is_some() => {
                    // `v = if c { a } else { b };` for a diamond that only picks a value.
                    let Some((name, e, inner)) = self.value_if(n) else {
                        unreachable!()
                    };
                    out.push(ast::semi(ast::assign(path_expr(&name), e)));
                    let mut p = path.clone();
                    p.push(PathStep::Stmt(i));
                    for b in inner {
                        self.locs.insert(
                            b,
                            BlockLoc {
                                list: p.clone(),
                                start: 0,
                                end: 0,
                                term: TermLoc::Structural,
                            },
                        );
                    }
                    if let Some(loc) = self.locs.get_mut(block) {
                        if loc.term == TermLoc::Structural {
                            loc.term = TermLoc::ValueIf {
                                stmt: i,
                                negated: *negated,
                            };
                        }
                    }
                }
                SNode::If {
                    block,
                    negated,
                    then_,
                    else_,
                } => {
                    let cond = self.cond(*block, *negated);
                    path.extend([PathStep::Stmt(i), PathStep::Then]);
                    let t = self.list(then_, path);
                    path.pop();
                    let e = if else_.is_empty() {
                        None
                    } else {
                        path.push(PathStep::Else);
                        let e = self.list(else_, path);
                        path.pop();
                        // Only empty blocks: no `else` at all.
                        (!e.is_empty()).then_some(e)
                    };
                    path.pop();
                    if let Some(loc) = self.locs.get_mut(block) {
                        if loc.term == TermLoc::Structural {
                            loc.term = TermLoc::If {
                                stmt: i,
                                negated: *negated,
                            };
                        }
                    }
                    out.push(Stmt::Expr(ast::if_stmt(cond, t, e), None));
                }
                SNode::Match {
                    block,
                    arms,
                    default,
                } => {
                    let (scrut, ty) = self.scrutinee(*block);
                    let mut rarms = Vec::new();
                    for (k, (vals, code)) in arms.iter().enumerate() {
                        path.extend([PathStep::Stmt(i), PathStep::Arm(k)]);
                        let body = self.list(code, path);
                        path.truncate(path.len() - 2);
                        rarms.push(ast::arm(pattern(vals, ty), body));
                    }
                    path.extend([PathStep::Stmt(i), PathStep::Arm(arms.len())]);
                    let body = self.list(default, path);
                    path.truncate(path.len() - 2);
                    rarms.push(ast::arm(parse_quote!(_), body));
                    if let Some(loc) = self.locs.get_mut(block) {
                        loc.term = TermLoc::Match { stmt: i };
                    }
                    out.push(Stmt::Expr(ast::match_expr(scrut, rarms), None));
                }
                SNode::Loop { label, body, .. } => {
                    let name = label.map(|l| self.label_name(l));
                    path.extend([PathStep::Stmt(i), PathStep::Body]);
                    let b = self.list(body, path);
                    path.truncate(path.len() - 2);
                    out.push(Stmt::Expr(ast::loop_expr(name.as_deref(), b), None));
                }
                SNode::While {
                    label,
                    header,
                    negated,
                    pre,
                    body,
                } => {
                    let name = label.map(|l| self.label_name(l));
                    let mut cond = self.cond(*header, *negated);
                    // A value-picking diamond before the test: its value replaces the
                    // parameter the test reads (`while j >= 0 && a[j] > k`).
                    let mut inner_blocks = Vec::new();
                    if let Some(vif) = pre.get(1) {
                        if let Some((pname, e, bs)) = self.value_if(vif) {
                            let test = self.cond(*header, false);
                            if matches!(&test, Expr::Path(p) if p.path.is_ident(&pname)) {
                                cond = if *negated { negate(e) } else { e };
                                inner_blocks = bs;
                                if let SNode::If { block, .. } = vif {
                                    inner_blocks.push(*block);
                                }
                            }
                        }
                    }
                    // `while (1)` / `for (;;)`: a constant-true test reads as `loop`; the
                    // header's branch is then structural (its exit is never taken).
                    let always = matches!(&cond, Expr::Lit(l) if matches!(&l.lit, syn::Lit::Bool(v) if v.value));
                    path.extend([PathStep::Stmt(i), PathStep::Body]);
                    let b = self.list(body, path);
                    path.truncate(path.len() - 2);
                    for n in pre {
                        if let SNode::Code(b) = n {
                            inner_blocks.push(*b);
                        }
                    }
                    for b in inner_blocks {
                        let term = if b == *header && always {
                            TermLoc::Structural
                        } else if b == *header {
                            TermLoc::While {
                                stmt: i,
                                negated: *negated,
                            }
                        } else if matches!(pre.get(1), Some(SNode::If { block, .. }) if *block == b)
                        {
                            TermLoc::WhileValue { stmt: i }
                        } else {
                            TermLoc::Structural
                        };
                        self.locs.insert(
                            b,
                            BlockLoc {
                                list: path.clone(),
                                start: i,
                                end: i,
                                term,
                            },
                        );
                    }
                    let stmt = if always {
                        ast::loop_expr(name.as_deref(), b)
                    } else {
                        ast::while_expr(name.as_deref(), cond, b)
                    };
                    out.push(Stmt::Expr(stmt, None));
                }
                SNode::Labeled { label, body } => {
                    let name = self.label_name(*label);
                    path.extend([PathStep::Stmt(i), PathStep::Body]);
                    let b = self.list(body, path);
                    path.truncate(path.len() - 2);
                    out.push(Stmt::Expr(ast::block_expr(Some(&name), b), None));
                }
                SNode::SetState(b) => {
                    let v = path_expr(&self.state_var);
                    out.push(ast::semi(ast::assign(
                        v,
                        int_lit(i128::from(b.as_u32()), IntTy::U32, false),
                    )));
                }
                SNode::StateMachine { arms } => {
                    let entry = arms.first().map(|(b, _)| b.as_u32()).unwrap_or(0);
                    out.push(ast::let_stmt(
                        &self.state_var,
                        true,
                        Some(parse_quote!(u32)),
                        Some(int_lit(i128::from(entry), IntTy::U32, false)),
                    ));
                    let i = out.len();
                    let mut rarms = Vec::new();
                    for (k, (b, code)) in arms.iter().enumerate() {
                        path.extend([
                            PathStep::Stmt(i),
                            PathStep::Body,
                            PathStep::Stmt(0),
                            PathStep::Arm(k),
                        ]);
                        let body = self.list(code, path);
                        path.truncate(path.len() - 4);
                        let pat: syn::Pat = pattern(&[i128::from(b.as_u32())], IntTy::U32);
                        rarms.push(ast::arm(pat, body));
                        if let Some(loc) = self.locs.get_mut(b) {
                            if loc.term == TermLoc::Structural {
                                loc.term = TermLoc::State;
                            }
                        }
                    }
                    rarms.push(ast::arm(
                        parse_quote!(_),
                        vec![ast::semi(ast::mac(
                            "unreachable",
                            proc_macro2::TokenStream::new(),
                        ))],
                    ));
                    let m = ast::match_expr(path_expr(&self.state_var), rarms);
                    out.push(Stmt::Expr(
                        ast::loop_expr(None, vec![Stmt::Expr(m, None)]),
                        None,
                    ));
                }
            }
        }
        out
    }

    fn scrutinee(&self, b: Block) -> (Expr, IntTy) {
        let ty = match &self.func.blocks[b].term {
            Terminator::Switch { value, .. } => match self.func.values[*value].ty {
                Type::Int(t) => t,
                _ => IntTy::I32,
            },
            _ => IntTy::I32,
        };
        match self.cands.get(&b).map(|c| &c.term) {
            Some(TermCode::Switch { value }) => (value.clone(), ty),
            _ => (parse_quote!(0), ty),
        }
    }

    /// For `if` nodes whose arms only assign one block parameter (after empty blocks):
    /// the variable, the `if` expression, and the empty blocks inside.
    fn value_if(&self, n: &SNode) -> Option<(String, Expr, Vec<Block>)> {
        let SNode::If {
            block,
            negated,
            then_,
            else_,
        } = n
        else {
            return None;
        };
        let (tn, te, mut tb) = self.arm_value(then_)?;
        let (en, ee, eb) = self.arm_value(else_)?;
        if tn != en {
            return None;
        }
        tb.extend(eb);
        let c = self.cond(*block, *negated);
        let is_bool = |e: &Expr, v: bool| matches!(e, Expr::Lit(l) if matches!(&l.lit, syn::Lit::Bool(b) if b.value == v));
        // `if c { x } else { false }` is `c && x`; `if c { true } else { x }` is `c || x`.
        let e = if is_bool(&ee, false) && !is_bool(&te, true) {
            ast::bin(c, ast::binop("&&"), te)
        } else if is_bool(&te, true) && !is_bool(&ee, false) {
            ast::bin(c, ast::binop("||"), ee)
        } else {
            ast::if_else(c, te, ee)
        };
        Some((tn, e, tb))
    }

    fn arm_value(&self, list: &[SNode]) -> Option<(String, Expr, Vec<Block>)> {
        let mut empties = Vec::new();
        let mut rest = Vec::new();
        for n in list {
            match n {
                SNode::Code(b)
                    if self.cands.get(b).is_some_and(|c| c.stmts.is_empty()) && rest.is_empty() =>
                {
                    empties.push(*b)
                }
                other => rest.push(other),
            }
        }
        match rest.as_slice() {
            [SNode::Args { from, edge, to }] => {
                let params = &self.func.blocks[*to].params;
                if params.len() != 1 {
                    return None;
                }
                let name = self.param_names.get(&params[0])?.clone();
                let mut stmts = self.args(*from, *edge, *to);
                let Some(Stmt::Expr(Expr::Assign(a), _)) = stmts.pop() else {
                    return None;
                };
                Some((name, *a.right, empties))
            }
            [inner @ SNode::If { .. }] => {
                let (name, e, mut bs) = self.value_if(inner)?;
                empties.append(&mut bs);
                Some((name, e, empties))
            }
            _ => None,
        }
    }

    fn args(&self, from: Block, edge: Edge, to: Block) -> Vec<Stmt> {
        let exprs: Vec<Expr> = match (self.cands.get(&from).map(|c| &c.term), edge) {
            (Some(TermCode::Jump { args }), _) => args.clone(),
            (Some(TermCode::Branch { then_args, .. }), Edge::Then) => then_args.clone(),
            (Some(TermCode::Branch { else_args, .. }), Edge::Else) => else_args.clone(),
            _ => return vec![],
        };
        let params = &self.func.blocks[to].params;
        if params.len() != exprs.len() {
            return vec![];
        }
        // Parameters without a variable (pointers that always name one place) take no code.
        let (names, exprs): (Vec<Expr>, Vec<Expr>) = params
            .iter()
            .zip(exprs)
            .filter_map(|(p, e)| self.param_names.get(p).map(|n| (path_expr(n), e)))
            .unzip();
        if names.is_empty() {
            return vec![];
        }
        if names.len() == 1 {
            let (n, e) = (names.into_iter().next(), exprs.into_iter().next());
            match (n, e) {
                (Some(n), Some(e)) => vec![ast::semi(ast::assign(n, e))],
                _ => vec![],
            }
        } else {
            // Parallel assignment: every argument is evaluated before any parameter changes.
            vec![ast::semi(ast::assign(ast::tuple(names), ast::tuple(exprs)))]
        }
    }
}

/// `1 | 2 | -3` for the case values.
fn pattern(vals: &[i128], ty: IntTy) -> syn::Pat {
    let mut ts = proc_macro2::TokenStream::new();
    for (k, v) in vals.iter().enumerate() {
        if k > 0 {
            ts.extend(quote::quote!(|));
        }
        let e = int_lit(*v, ty, false);
        ts.extend(quote::ToTokens::to_token_stream(&e));
    }
    syn::parse::Parser::parse2(syn::Pat::parse_multi, ts).unwrap_or_else(|_| parse_quote!(_))
}

/// The negation of a condition of unknown type: `!x` becomes `x`, anything else `!(..)`.
pub fn negate(e: Expr) -> Expr {
    match e {
        Expr::Unary(syn::ExprUnary {
            op: syn::UnOp::Not(_),
            expr,
            ..
        }) => *expr,
        other => ast::not(other),
    }
}

/// The exact negation of an integer (or bool) comparison: the operator flipped (`<` to
/// `>=`); for floats only `==`/`!=` may be flipped (the caller decides).
pub fn flip_cmp(e: Expr) -> Expr {
    match e {
        Expr::Binary(mut b) => {
            b.op = match b.op {
                syn::BinOp::Eq(_) => ast::binop("!="),
                syn::BinOp::Ne(_) => ast::binop("=="),
                syn::BinOp::Lt(_) => ast::binop(">="),
                syn::BinOp::Le(_) => ast::binop(">"),
                syn::BinOp::Gt(_) => ast::binop("<="),
                syn::BinOp::Ge(_) => ast::binop("<"),
                _ => return ast::not(Expr::Binary(b)),
            };
            Expr::Binary(b)
        }
        other => negate(other),
    }
}
