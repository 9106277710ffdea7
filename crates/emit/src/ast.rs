//! Constructors for syn expressions and statements.
//!
//! Expressions are always built as syn nodes, never by interpolating expressions into
//! token templates (`quote!` does not parenthesise, so `#a.m()` with `a = x + y` would
//! re-parse wrongly). prettyplease inserts the parentheses precedence requires when
//! printing, so no node here adds any.

use crate::rtypes::ident;
use proc_macro2::Span;
use syn::punctuated::Punctuated;
use syn::{parse_quote, BinOp, Expr, Stmt, UnOp};

fn b(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// `recv.method(args)`.
pub fn mcall(recv: Expr, method: &str, args: Vec<Expr>) -> Expr {
    Expr::MethodCall(syn::ExprMethodCall {
        attrs: vec![],
        receiver: b(recv),
        dot_token: Default::default(),
        method: ident(method),
        turbofish: None,
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `func(args)`.
pub fn call(func: Expr, args: Vec<Expr>) -> Expr {
    Expr::Call(syn::ExprCall {
        attrs: vec![],
        func: b(func),
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// A path expression `a::b::c`.
pub fn path(segments: &[&str]) -> Expr {
    let mut p = syn::Path {
        leading_colon: None,
        segments: Punctuated::new(),
    };
    for s in segments {
        p.segments.push(syn::PathSegment::from(ident(s)));
    }
    Expr::Path(syn::ExprPath {
        attrs: vec![],
        qself: None,
        path: p,
    })
}

/// `l op r`.
pub fn bin(l: Expr, op: BinOp, r: Expr) -> Expr {
    Expr::Binary(syn::ExprBinary {
        attrs: vec![],
        left: b(l),
        op,
        right: b(r),
    })
}

/// Binary operator from its spelling.
pub fn binop(s: &str) -> BinOp {
    match s {
        "+" => parse_quote!(+),
        "-" => parse_quote!(-),
        "*" => parse_quote!(*),
        "/" => parse_quote!(/),
        "%" => parse_quote!(%),
        "&" => parse_quote!(&),
        "|" => parse_quote!(|),
        "^" => parse_quote!(^),
        "<<" => parse_quote!(<<),
        ">>" => parse_quote!(>>),
        "&&" => parse_quote!(&&),
        "||" => parse_quote!(||),
        "==" => parse_quote!(==),
        "!=" => parse_quote!(!=),
        "<" => parse_quote!(<),
        "<=" => parse_quote!(<=),
        ">" => parse_quote!(>),
        ">=" => parse_quote!(>=),
        other => unreachable!("not a binary operator: {other}"),
    }
}

/// `!e`.
pub fn not(e: Expr) -> Expr {
    Expr::Unary(syn::ExprUnary {
        attrs: vec![],
        op: UnOp::Not(Default::default()),
        expr: b(e),
    })
}

/// `-e`.
pub fn neg(e: Expr) -> Expr {
    Expr::Unary(syn::ExprUnary {
        attrs: vec![],
        op: UnOp::Neg(Default::default()),
        expr: b(e),
    })
}

/// `*e`.
pub fn deref(e: Expr) -> Expr {
    Expr::Unary(syn::ExprUnary {
        attrs: vec![],
        op: UnOp::Deref(Default::default()),
        expr: b(e),
    })
}

/// `e as ty`.
pub fn cast(e: Expr, ty: syn::Type) -> Expr {
    Expr::Cast(syn::ExprCast {
        attrs: vec![],
        expr: b(e),
        as_token: Default::default(),
        ty: Box::new(ty),
    })
}

/// `base[idx]`.
pub fn index(base: Expr, idx: Expr) -> Expr {
    Expr::Index(syn::ExprIndex {
        attrs: vec![],
        expr: b(base),
        bracket_token: Default::default(),
        index: b(idx),
    })
}

/// `base.name`.
pub fn field(base: Expr, name: &str) -> Expr {
    Expr::Field(syn::ExprField {
        attrs: vec![],
        base: b(base),
        dot_token: Default::default(),
        member: syn::Member::Named(ident(name)),
    })
}

/// `&e` or `&mut e`.
pub fn reference(e: Expr, mutable: bool) -> Expr {
    Expr::Reference(syn::ExprReference {
        attrs: vec![],
        and_token: Default::default(),
        mutability: if mutable {
            Some(Default::default())
        } else {
            None
        },
        expr: b(e),
    })
}

/// `start..`.
pub fn range_from(start: Expr) -> Expr {
    Expr::Range(syn::ExprRange {
        attrs: vec![],
        start: Some(b(start)),
        limits: syn::RangeLimits::HalfOpen(Default::default()),
        end: None,
    })
}

/// `..end`.
pub fn range_to(end: Expr) -> Expr {
    Expr::Range(syn::ExprRange {
        attrs: vec![],
        start: None,
        limits: syn::RangeLimits::HalfOpen(Default::default()),
        end: Some(b(end)),
    })
}

/// A block of statements.
pub fn block(stmts: Vec<Stmt>) -> syn::Block {
    syn::Block {
        brace_token: Default::default(),
        stmts,
    }
}

/// `if c { a } else { b }` as an expression.
pub fn if_else(c: Expr, a: Expr, e: Expr) -> Expr {
    Expr::If(syn::ExprIf {
        attrs: vec![],
        if_token: Default::default(),
        cond: b(c),
        then_branch: block(vec![Stmt::Expr(a, None)]),
        else_branch: Some((
            Default::default(),
            b(Expr::Block(syn::ExprBlock {
                attrs: vec![],
                label: None,
                block: block(vec![Stmt::Expr(e, None)]),
            })),
        )),
    })
}

/// `l = r`.
pub fn assign(l: Expr, r: Expr) -> Expr {
    Expr::Assign(syn::ExprAssign {
        attrs: vec![],
        left: b(l),
        eq_token: Default::default(),
        right: b(r),
    })
}

/// `|param| body`.
pub fn closure(param: &str, body: Expr) -> Expr {
    let id = ident(param);
    let pat: syn::Pat = parse_quote!(#id);
    Expr::Closure(syn::ExprClosure {
        attrs: vec![],
        lifetimes: None,
        constness: None,
        movability: None,
        asyncness: None,
        capture: None,
        or1_token: Default::default(),
        inputs: [pat].into_iter().collect(),
        or2_token: Default::default(),
        output: syn::ReturnType::Default,
        body: b(body),
    })
}

/// `[a, b, c]`.
pub fn array(elems: Vec<Expr>) -> Expr {
    Expr::Array(syn::ExprArray {
        attrs: vec![],
        bracket_token: Default::default(),
        elems: elems.into_iter().collect(),
    })
}

/// `[e; n]`.
pub fn repeat(e: Expr, n: u64) -> Expr {
    Expr::Repeat(syn::ExprRepeat {
        attrs: vec![],
        bracket_token: Default::default(),
        expr: b(e),
        semi_token: Default::default(),
        len: b(crate::rtypes::lit_usize(n)),
    })
}

/// `(a, b)`.
pub fn tuple(elems: Vec<Expr>) -> Expr {
    Expr::Tuple(syn::ExprTuple {
        attrs: vec![],
        paren_token: Default::default(),
        elems: elems.into_iter().collect(),
    })
}

/// A macro call expression such as `panic!("..")` from its tokens.
pub fn mac(name: &str, tokens: proc_macro2::TokenStream) -> Expr {
    Expr::Macro(syn::ExprMacro {
        attrs: vec![],
        mac: syn::Macro {
            path: ident(name).into(),
            bang_token: Default::default(),
            delimiter: syn::MacroDelimiter::Paren(Default::default()),
            tokens,
        },
    })
}

/// A string literal token.
pub fn str_lit(s: &str) -> syn::LitStr {
    syn::LitStr::new(s, Span::call_site())
}

/// `e;`.
pub fn semi(e: Expr) -> Stmt {
    Stmt::Expr(e, Some(Default::default()))
}

/// `let [mut] name[: ty] = init;`.
pub fn let_stmt(name: &str, mutable: bool, ty: Option<syn::Type>, init: Option<Expr>) -> Stmt {
    let id = ident(name);
    let pat: syn::Pat = if mutable {
        parse_quote!(mut #id)
    } else {
        parse_quote!(#id)
    };
    let pat = match ty {
        Some(t) => syn::Pat::Type(syn::PatType {
            attrs: vec![],
            pat: Box::new(pat),
            colon_token: Default::default(),
            ty: Box::new(t),
        }),
        None => pat,
    };
    Stmt::Local(syn::Local {
        attrs: vec![],
        let_token: Default::default(),
        pat,
        init: init.map(|e| syn::LocalInit {
            eq_token: Default::default(),
            expr: b(e),
            diverge: None,
        }),
        semi_token: Default::default(),
    })
}

/// A lifetime label `'name`.
pub fn label(name: &str) -> syn::Lifetime {
    syn::Lifetime::new(&format!("'{name}"), Span::call_site())
}

/// `break ['label]`.
pub fn brk(l: Option<&str>) -> Expr {
    Expr::Break(syn::ExprBreak {
        attrs: vec![],
        break_token: Default::default(),
        label: l.map(label),
        expr: None,
    })
}

/// `continue ['label]`.
pub fn cont(l: Option<&str>) -> Expr {
    Expr::Continue(syn::ExprContinue {
        attrs: vec![],
        continue_token: Default::default(),
        label: l.map(label),
    })
}

/// `return [e]`.
pub fn ret(e: Option<Expr>) -> Expr {
    Expr::Return(syn::ExprReturn {
        attrs: vec![],
        return_token: Default::default(),
        expr: e.map(b),
    })
}

/// A block expression, optionally labeled.
pub fn block_expr(l: Option<&str>, stmts: Vec<Stmt>) -> Expr {
    Expr::Block(syn::ExprBlock {
        attrs: vec![],
        label: l.map(|n| syn::Label {
            name: label(n),
            colon_token: Default::default(),
        }),
        block: block(stmts),
    })
}

/// `['l:] loop { body }`.
pub fn loop_expr(l: Option<&str>, body: Vec<Stmt>) -> Expr {
    Expr::Loop(syn::ExprLoop {
        attrs: vec![],
        label: l.map(|n| syn::Label {
            name: label(n),
            colon_token: Default::default(),
        }),
        loop_token: Default::default(),
        body: block(body),
    })
}

/// `['l:] while cond { body }`.
pub fn while_expr(l: Option<&str>, cond: Expr, body: Vec<Stmt>) -> Expr {
    Expr::While(syn::ExprWhile {
        attrs: vec![],
        label: l.map(|n| syn::Label {
            name: label(n),
            colon_token: Default::default(),
        }),
        while_token: Default::default(),
        cond: b(cond),
        body: block(body),
    })
}

/// `if cond { then } [else { els }]` as a statement expression.
pub fn if_stmt(cond: Expr, then: Vec<Stmt>, els: Option<Vec<Stmt>>) -> Expr {
    Expr::If(syn::ExprIf {
        attrs: vec![],
        if_token: Default::default(),
        cond: b(cond),
        then_branch: block(then),
        else_branch: els.map(|s| {
            // `else if` chains read better than `else { if .. }`.
            let e = if s.len() == 1 && matches!(&s[0], Stmt::Expr(Expr::If(_), _)) {
                match s.into_iter().next() {
                    Some(Stmt::Expr(e, _)) => e,
                    _ => unreachable!(),
                }
            } else {
                block_expr(None, s)
            };
            (Default::default(), b(e))
        }),
    })
}

/// A `match` arm `pats => { body }`.
pub fn arm(pat: syn::Pat, body: Vec<Stmt>) -> syn::Arm {
    syn::Arm {
        attrs: vec![],
        pat,
        guard: None,
        fat_arrow_token: Default::default(),
        body: b(block_expr(None, body)),
        comma: None,
    }
}

/// `match scrut { arms }`.
pub fn match_expr(scrut: Expr, arms: Vec<syn::Arm>) -> Expr {
    Expr::Match(syn::ExprMatch {
        attrs: vec![],
        match_token: Default::default(),
        expr: b(scrut),
        brace_token: Default::default(),
        arms,
    })
}

/// True when the expression certainly diverges (`return`, `break`, `continue`, a call to
/// `rt::exit`/`rt::abort`, `panic!`/`unreachable!`).
pub fn diverges(e: &Expr) -> bool {
    match e {
        Expr::Return(_) | Expr::Break(_) | Expr::Continue(_) => true,
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                let segs: Vec<String> = p
                    .path
                    .segments
                    .iter()
                    .map(|s| s.ident.to_string())
                    .collect();
                segs.len() == 2 && segs[0] == "rt" && (segs[1] == "exit" || segs[1] == "abort")
            }
            _ => false,
        },
        Expr::Macro(m) => m.mac.path.is_ident("panic") || m.mac.path.is_ident("unreachable"),
        _ => false,
    }
}
