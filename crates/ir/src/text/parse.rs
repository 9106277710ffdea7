//! The parser: text to [`Module`], the inverse of the printer.
//!
//! Two stages: a lexer turns the text into tokens with line:column positions (a `;` outside
//! brackets starts a comment, or a span annotation when `@` follows), then a recursive-descent
//! parser builds the module. The parser checks syntax and id numbering only (entities declared
//! densely in id order, each value defined once); everything else, such as a use of an undefined
//! value or a call to a missing function, is left to [`crate::verify`] so that ill-formed IR can
//! be written down and tested. Nesting depth of types and initialisers is bounded, so hostile
//! input cannot overflow the stack.

use crate::func::*;
use crate::op::*;
use crate::types::{Field, FloatTy, FnSig, IntTy, StructDef, StructId, Type};
use std::collections::BTreeMap;
use xl_base::{PrimaryMap, Span};

/// A syntax error at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in characters).
    pub col: u32,
    /// What was wrong.
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Parses a whole module written by [`crate::text::print_module`] (or by hand).
pub fn parse_module(text: &str) -> Result<Module, ParseError> {
    let tokens = lex(text)?;
    let mut p = Parser {
        toks: tokens,
        pos: 0,
        depth: 0,
    };
    p.module()
}

/// Deepest nesting of types or initialisers accepted.
const MAX_DEPTH: u32 = 200;

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// A number as written: decimal integer, decimal float, or `0x` hex bits.
    Num(String),
    Str(Vec<u8>),
    Punct(&'static str),
    /// `; @line:col` (file `None`) or `; @"file":line:col`.
    Span(Option<String>, u32, u32),
    Eof,
}

impl std::fmt::Display for Tok {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Tok::Ident(s) => write!(f, "`{s}`"),
            Tok::Num(s) => write!(f, "number `{s}`"),
            Tok::Str(_) => write!(f, "string"),
            Tok::Punct(p) => write!(f, "`{p}`"),
            Tok::Span(..) => write!(f, "span annotation"),
            Tok::Eof => write!(f, "end of input"),
        }
    }
}

#[derive(Clone, Debug)]
struct Token {
    tok: Tok,
    line: u32,
    col: u32,
}

struct Lexer {
    chars: Vec<char>,
    pos: usize,
    line: u32,
    col: u32,
}

fn err<T>(line: u32, col: u32, message: impl Into<String>) -> Result<T, ParseError> {
    Err(ParseError {
        line,
        col,
        message: message.into(),
    })
}

impl Lexer {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }
    fn peek_at(&self, n: usize) -> Option<char> {
        self.chars.get(self.pos + n).copied()
    }
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }
    fn skip_blanks(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\r')) {
            self.bump();
        }
    }
    fn skip_line(&mut self) {
        while !matches!(self.peek(), None | Some('\n')) {
            self.bump();
        }
    }
    fn digits(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek().filter(char::is_ascii_digit) {
            s.push(c);
            self.bump();
        }
        s
    }
    fn u32_here(&mut self) -> Result<u32, ParseError> {
        let (line, col) = (self.line, self.col);
        let d = self.digits();
        d.parse()
            .or_else(|_| err(line, col, "expected a line or column number"))
    }
    /// A quoted string; the opening quote is next.
    fn string(&mut self) -> Result<Vec<u8>, ParseError> {
        let (line, col) = (self.line, self.col);
        self.bump();
        let mut out = Vec::new();
        loop {
            let (l, c) = (self.line, self.col);
            match self.bump() {
                None | Some('\n') => return err(line, col, "unterminated string"),
                Some('"') => return Ok(out),
                Some('\\') => match self.bump() {
                    Some('"') => out.push(b'"'),
                    Some('\\') => out.push(b'\\'),
                    Some('n') => out.push(b'\n'),
                    Some('t') => out.push(b'\t'),
                    Some('r') => out.push(b'\r'),
                    Some('0') => out.push(0),
                    Some('x') => {
                        let hi = self.bump().and_then(|c| c.to_digit(16));
                        let lo = self.bump().and_then(|c| c.to_digit(16));
                        match (hi, lo) {
                            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
                            _ => return err(l, c, "`\\x` needs two hex digits"),
                        }
                    }
                    _ => return err(l, c, "unknown escape"),
                },
                Some(ch) => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
    }
    /// After `; @`: `line:col` or `"file":line:col`.
    fn span(&mut self) -> Result<Tok, ParseError> {
        let file = if self.peek() == Some('"') {
            let (line, col) = (self.line, self.col);
            let bytes = self.string()?;
            let name =
                String::from_utf8(bytes).or_else(|_| err(line, col, "file name is not UTF-8"))?;
            if self.bump() != Some(':') {
                return err(self.line, self.col, "expected `:` after the span's file");
            }
            Some(name)
        } else {
            None
        };
        let line = self.u32_here()?;
        if self.bump() != Some(':') {
            return err(
                self.line,
                self.col,
                "expected `:` between span line and column",
            );
        }
        let col = self.u32_here()?;
        Ok(Tok::Span(file, line, col))
    }
}

fn lex(text: &str) -> Result<Vec<Token>, ParseError> {
    let mut lx = Lexer {
        chars: text.chars().collect(),
        pos: 0,
        line: 1,
        col: 1,
    };
    let mut out: Vec<Token> = Vec::new();
    let mut brackets = 0u32;
    loop {
        while matches!(lx.peek(), Some(' ' | '\t' | '\r' | '\n')) {
            lx.bump();
        }
        let (line, col) = (lx.line, lx.col);
        let Some(c) = lx.peek() else {
            out.push(Token {
                tok: Tok::Eof,
                line,
                col,
            });
            return Ok(out);
        };
        let after_dot = matches!(
            out.last(),
            Some(Token {
                tok: Tok::Punct("."),
                ..
            })
        );
        let tok = if c == ';' && brackets == 0 {
            lx.bump();
            lx.skip_blanks();
            if lx.peek() == Some('@') {
                lx.bump();
                let t = lx.span()?;
                lx.skip_line();
                t
            } else {
                lx.skip_line();
                continue;
            }
        } else if c.is_ascii_alphabetic() || c == '_' {
            let mut s = String::new();
            while let Some(c) = lx.peek().filter(|c| c.is_ascii_alphanumeric() || *c == '_') {
                s.push(c);
                lx.bump();
            }
            Tok::Ident(s)
        } else if c.is_ascii_digit()
            || (c == '-' && lx.peek_at(1).is_some_and(|d| d.is_ascii_digit()))
        {
            let mut s = String::new();
            if c == '-' {
                s.push('-');
                lx.bump();
            }
            if !after_dot && lx.peek() == Some('0') && lx.peek_at(1) == Some('x') {
                lx.bump();
                lx.bump();
                s.push_str("0x");
                while let Some(c) = lx.peek().filter(char::is_ascii_hexdigit) {
                    s.push(c);
                    lx.bump();
                }
            } else {
                s.push_str(&lx.digits());
                if !after_dot {
                    if lx.peek() == Some('.') && lx.peek_at(1).is_some_and(|d| d.is_ascii_digit()) {
                        lx.bump();
                        s.push('.');
                        s.push_str(&lx.digits());
                    }
                    let sign = matches!(lx.peek_at(1), Some('+' | '-'));
                    let exp_digit = lx.peek_at(if sign { 2 } else { 1 });
                    if lx.peek() == Some('e') && exp_digit.is_some_and(|d| d.is_ascii_digit()) {
                        s.push('e');
                        lx.bump();
                        if sign {
                            s.extend(lx.bump());
                        }
                        s.push_str(&lx.digits());
                    }
                }
            }
            Tok::Num(s)
        } else if c == '"' {
            Tok::Str(lx.string()?)
        } else {
            let three: String = lx.chars[lx.pos..].iter().take(3).collect();
            let p: &'static str = if three == "..." {
                "..."
            } else if three.starts_with("->") {
                "->"
            } else {
                match c {
                    '(' => "(",
                    ')' => ")",
                    '[' => "[",
                    ']' => "]",
                    '{' => "{",
                    '}' => "}",
                    '<' => "<",
                    '>' => ">",
                    ',' => ",",
                    ':' => ":",
                    ';' => ";",
                    '=' => "=",
                    '.' => ".",
                    '*' => "*",
                    '@' => "@",
                    '-' => "-",
                    _ => return err(line, col, format!("unexpected character `{c}`")),
                }
            };
            for _ in 0..p.chars().count() {
                lx.bump();
            }
            match p {
                "[" => brackets += 1,
                "]" => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            Tok::Punct(p)
        };
        out.push(Token { tok, line, col });
    }
}

struct Parser {
    toks: Vec<Token>,
    pos: usize,
    depth: u32,
}

/// Per-function parse state.
struct FuncState {
    file: String,
    values: BTreeMap<u32, ValueData>,
    insts: PrimaryMap<Inst, InstData>,
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].tok
    }
    fn peek_at(&self, n: usize) -> &Tok {
        let i = (self.pos + n).min(self.toks.len() - 1);
        &self.toks[i].tok
    }
    fn here(&self) -> (u32, u32) {
        let t = &self.toks[self.pos];
        (t.line, t.col)
    }
    fn next(&mut self) -> Tok {
        let t = self.toks[self.pos].tok.clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }
    fn error<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        let (line, col) = self.here();
        err(line, col, message)
    }
    fn unexpected<T>(&self, what: &str) -> Result<T, ParseError> {
        self.error(format!("expected {what}, found {}", self.peek()))
    }
    fn is_punct(&self, p: &str) -> bool {
        matches!(self.peek(), Tok::Punct(q) if *q == p)
    }
    fn eat_punct(&mut self, p: &str) -> bool {
        if self.is_punct(p) {
            self.next();
            true
        } else {
            false
        }
    }
    fn expect_punct(&mut self, p: &str) -> Result<(), ParseError> {
        if self.eat_punct(p) {
            Ok(())
        } else {
            self.unexpected(&format!("`{p}`"))
        }
    }
    fn is_ident(&self, s: &str) -> bool {
        matches!(self.peek(), Tok::Ident(i) if i == s)
    }
    fn eat_ident(&mut self, s: &str) -> bool {
        if self.is_ident(s) {
            self.next();
            true
        } else {
            false
        }
    }
    fn expect_ident(&mut self, s: &str) -> Result<(), ParseError> {
        if self.eat_ident(s) {
            Ok(())
        } else {
            self.unexpected(&format!("`{s}`"))
        }
    }
    fn ident(&mut self, what: &str) -> Result<String, ParseError> {
        match self.peek() {
            Tok::Ident(s) => {
                let s = s.clone();
                self.next();
                Ok(s)
            }
            _ => self.unexpected(what),
        }
    }
    fn string(&mut self) -> Result<Vec<u8>, ParseError> {
        match self.peek() {
            Tok::Str(s) => {
                let s = s.clone();
                self.next();
                Ok(s)
            }
            _ => self.unexpected("a quoted string"),
        }
    }
    fn name(&mut self) -> Result<String, ParseError> {
        let (line, col) = self.here();
        let bytes = self.string()?;
        String::from_utf8(bytes).or_else(|_| err(line, col, "name is not valid UTF-8"))
    }
    /// The number of an entity written `<prefix><n>`, if the next token is one.
    fn peek_entity(&self, prefix: &str) -> Option<u32> {
        match self.peek() {
            Tok::Ident(s) => entity_number(s, prefix),
            _ => None,
        }
    }
    fn entity<E: EntityFromU32>(&mut self, prefix: &str) -> Result<E, ParseError> {
        match self.peek_entity(prefix) {
            Some(n) => {
                self.next();
                Ok(E::from_number(n))
            }
            None => self.unexpected(&format!("`{prefix}N`")),
        }
    }
    fn value(&mut self) -> Result<Value, ParseError> {
        self.entity("v")
    }
    fn int(&mut self) -> Result<i128, ParseError> {
        match self.peek() {
            Tok::Num(s) if !s.contains(['.', 'e', 'x']) => match s.parse::<i128>() {
                Ok(n) => {
                    self.next();
                    Ok(n)
                }
                Err(_) => self.error("integer out of range"),
            },
            _ => self.unexpected("an integer"),
        }
    }
    fn u64(&mut self) -> Result<u64, ParseError> {
        let n = self.int()?;
        u64::try_from(n).or_else(|_| self.error("expected a non-negative 64-bit number"))
    }
    fn float(&mut self) -> Result<f64, ParseError> {
        let neg = self.eat_punct("-");
        let (line, col) = self.here();
        let x = match self.next() {
            Tok::Num(s) if s.starts_with("0x") || s.starts_with("-0x") => {
                let (sign, digits) = match s.strip_prefix('-') {
                    Some(rest) => (true, &rest[2..]),
                    None => (false, &s[2..]),
                };
                let bits = u64::from_str_radix(digits, 16)
                    .or_else(|_| err(line, col, "float bits must be at most 16 hex digits"))?;
                let x = f64::from_bits(bits);
                if sign {
                    -x
                } else {
                    x
                }
            }
            Tok::Num(s) => s.parse::<f64>().or_else(|_| err(line, col, "bad float"))?,
            Tok::Ident(s) if s == "inf" => f64::INFINITY,
            Tok::Ident(s) if s == "NaN" => f64::NAN,
            t => return err(line, col, format!("expected a float, found {t}")),
        };
        Ok(if neg { -x } else { x })
    }
    /// An optional span annotation; relative ones are in `file`, absolute ones need `file`
    /// to be `None` to be allowed without a file.
    fn span(&mut self, file: Option<&str>) -> Result<Span, ParseError> {
        match self.peek().clone() {
            Tok::Span(f, line, col) => {
                let file = match (f, file) {
                    (Some(f), _) => f,
                    (None, Some(default)) => default.to_string(),
                    (None, None) => return self.error("a span outside a function needs a file"),
                };
                self.next();
                Ok(Span { file, line, col })
            }
            _ => Ok(Span::default()),
        }
    }

    fn module(&mut self) -> Result<Module, ParseError> {
        let mut m = Module::default();
        loop {
            if *self.peek() == Tok::Eof {
                return Ok(m);
            }
            if let Some(n) = self.peek_entity("struct") {
                self.expect_number(n, m.structs.len(), "struct")?;
                self.next();
                let def = self.struct_def()?;
                m.structs.push(def);
            } else if self.is_ident("const") || self.peek_entity("global").is_some() {
                let is_const = self.eat_ident("const");
                let n = self.peek_entity("global").unwrap_or(u32::MAX);
                self.expect_number(n, m.globals.len(), "global")?;
                self.next();
                let name = self.name()?;
                self.expect_punct(":")?;
                let ty = self.ty()?;
                self.expect_punct("=")?;
                let init = self.init()?;
                let span = self.span(None)?;
                m.globals.push(GlobalData {
                    name,
                    ty,
                    init,
                    is_const,
                    span,
                });
            } else if self.eat_ident("decl") {
                let d = self.decl()?;
                m.decls.push(d);
            } else if self.is_ident("static") || self.is_ident("func") {
                let is_static = self.eat_ident("static");
                self.expect_ident("func")?;
                let n = self.peek_entity("fn").unwrap_or(u32::MAX);
                self.expect_number(n, m.funcs.len(), "fn")?;
                self.next();
                let f = self.func(is_static)?;
                m.funcs.push(f);
            } else {
                return self
                    .unexpected("`structN`, `globalN`, `const`, `decl`, `static` or `func`");
            }
        }
    }

    /// Entities are declared densely in id order.
    fn expect_number(&self, n: u32, next: usize, prefix: &str) -> Result<(), ParseError> {
        if n as usize == next {
            Ok(())
        } else {
            self.error(format!(
                "expected `{prefix}{next}` (declarations are numbered in order)"
            ))
        }
    }

    fn struct_def(&mut self) -> Result<StructDef, ParseError> {
        let name = self.name()?;
        self.expect_punct("{")?;
        let mut fields = Vec::new();
        if !self.eat_punct("}") {
            loop {
                let name = self.name()?;
                self.expect_punct(":")?;
                let ty = self.ty()?;
                fields.push(Field { name, ty });
                if self.eat_punct("}") {
                    break;
                }
                self.expect_punct(",")?;
            }
        }
        let span = self.span(None)?;
        Ok(StructDef { name, fields, span })
    }

    fn ty(&mut self) -> Result<Type, ParseError> {
        self.depth += 1;
        let r = self.ty_inner();
        self.depth -= 1;
        r
    }
    fn ty_inner(&mut self) -> Result<Type, ParseError> {
        if self.depth > MAX_DEPTH {
            return self.error("type nested too deeply");
        }
        if self.eat_punct("[") {
            let elem = self.ty()?;
            self.expect_punct(";")?;
            let n = self.u64()?;
            self.expect_punct("]")?;
            return Ok(Type::Array(Box::new(elem), n));
        }
        if let Some(n) = self.peek_entity("struct") {
            self.next();
            return Ok(Type::Struct(StructId::from_u32(n)));
        }
        let word = self.ident("a type")?;
        let int = |bits, signed| Ok(Type::Int(IntTy { bits, signed }));
        match word.as_str() {
            "void" => Ok(Type::Void),
            "bool" => Ok(Type::Bool),
            "i8" => int(8, true),
            "i16" => int(16, true),
            "i32" => int(32, true),
            "i64" => int(64, true),
            "u8" => int(8, false),
            "u16" => int(16, false),
            "u32" => int(32, false),
            "u64" => int(64, false),
            "f32" => Ok(Type::Float(FloatTy::F32)),
            "f64" => Ok(Type::Float(FloatTy::F64)),
            "ptr" => {
                self.expect_punct("<")?;
                let t = self.ty()?;
                self.expect_punct(">")?;
                Ok(Type::Ptr(Box::new(t)))
            }
            "fn" => {
                self.expect_punct("(")?;
                let mut params = Vec::new();
                let mut variadic = false;
                if !self.eat_punct(")") {
                    loop {
                        if self.eat_punct("...") {
                            variadic = true;
                            self.expect_punct(")")?;
                            break;
                        }
                        params.push(self.ty()?);
                        if self.eat_punct(")") {
                            break;
                        }
                        self.expect_punct(",")?;
                    }
                }
                self.expect_punct("->")?;
                let ret = self.ty()?;
                Ok(Type::Fn(Box::new(FnSig {
                    params,
                    ret,
                    variadic,
                })))
            }
            _ => {
                self.pos -= 1;
                self.unexpected("a type")
            }
        }
    }

    fn init(&mut self) -> Result<Init, ParseError> {
        self.depth += 1;
        let r = self.init_inner();
        self.depth -= 1;
        r
    }
    fn init_inner(&mut self) -> Result<Init, ParseError> {
        if self.depth > MAX_DEPTH {
            return self.error("initialiser nested too deeply");
        }
        if matches!(self.peek(), Tok::Num(_)) {
            return Ok(Init::Int(self.int()?));
        }
        if self.eat_punct("{") {
            let mut items = Vec::new();
            if !self.eat_punct("}") {
                loop {
                    items.push(self.init()?);
                    if self.eat_punct("}") {
                        break;
                    }
                    self.expect_punct(",")?;
                }
            }
            return Ok(Init::Aggregate(items));
        }
        if let Some(n) = self.peek_entity("fn") {
            self.next();
            return Ok(Init::Func(FuncId::from_u32(n)));
        }
        let word = self.ident("an initialiser")?;
        match word.as_str() {
            "zero" => Ok(Init::Zero),
            "null" => Ok(Init::Null),
            "float" => Ok(Init::Float(self.float()?)),
            "bytes" => Ok(Init::Bytes(self.string()?)),
            "str" => Ok(Init::Str(self.string()?)),
            "addr" => Ok(Init::GlobalAddr(self.entity("global")?)),
            _ => {
                self.pos -= 1;
                self.unexpected("an initialiser")
            }
        }
    }

    /// After `decl`: `"name"("p": ty, ..) -> ret not_lowered "reason"` and a span.
    fn decl(&mut self) -> Result<FuncDecl, ParseError> {
        let name = self.name()?;
        self.expect_punct("(")?;
        let (mut params, mut param_names, mut variadic) = (Vec::new(), Vec::new(), false);
        if !self.eat_punct(")") {
            loop {
                if self.eat_punct("...") {
                    variadic = true;
                    self.expect_punct(")")?;
                    break;
                }
                param_names.push(self.name()?);
                self.expect_punct(":")?;
                params.push(self.ty()?);
                if self.eat_punct(")") {
                    break;
                }
                self.expect_punct(",")?;
            }
        }
        self.expect_punct("->")?;
        let ret = self.ty()?;
        self.expect_ident("not_lowered")?;
        let reason = self.name()?;
        let span = self.span(None)?;
        Ok(FuncDecl {
            name,
            sig: FnSig {
                params,
                ret,
                variadic,
            },
            param_names,
            span,
            reason,
        })
    }

    fn func(&mut self, is_static: bool) -> Result<Func, ParseError> {
        let name = self.name()?;
        self.expect_punct("(")?;
        let mut params = Vec::new();
        if !self.eat_punct(")") {
            loop {
                params.push(self.entity("var")?);
                if self.eat_punct(")") {
                    break;
                }
                self.expect_punct(",")?;
            }
        }
        self.expect_punct("->")?;
        let ret = self.ty()?;
        self.expect_punct("{")?;
        let span = self.span(None)?;
        let mut st = FuncState {
            file: span.file.clone(),
            values: BTreeMap::new(),
            insts: PrimaryMap::new(),
        };
        let entry = if self.eat_ident("entry") {
            self.entity("block")?
        } else {
            Block::from_u32(0)
        };
        let mut vars = PrimaryMap::new();
        while self.is_ident("param") || self.is_ident("local") {
            let kind = if self.eat_ident("param") {
                VarKind::Param
            } else {
                self.next();
                VarKind::Local
            };
            let n = self.peek_entity("var").unwrap_or(u32::MAX);
            self.expect_number(n, vars.len(), "var")?;
            self.next();
            let name = self.name()?;
            self.expect_punct(":")?;
            let ty = self.ty()?;
            let span = self.span(Some(&st.file))?;
            vars.push(VarData {
                name,
                ty,
                kind,
                span,
            });
        }
        let mut blocks = PrimaryMap::new();
        while !self.eat_punct("}") {
            let n = self.peek_entity("block").unwrap_or(u32::MAX);
            if n == u32::MAX {
                return self.unexpected("`blockN` or `}`");
            }
            self.expect_number(n, blocks.len(), "block")?;
            self.next();
            let block = Block::from_u32(n);
            let data = self.block(block, &mut st)?;
            blocks.push(data);
        }
        // Values are numbered densely; numbers no block defines (values of deleted code) are
        // recreated as unused placeholders so the defined ones keep their numbers.
        let mut values = PrimaryMap::new();
        for (n, data) in st.values {
            while (values.len() as u32) < n {
                values.push(ValueData {
                    ty: Type::Void,
                    def: ValueDef::Param(Block::from_u32(u32::MAX), u32::MAX),
                });
            }
            values.push(data);
        }
        Ok(Func {
            name,
            params,
            ret,
            vars,
            blocks,
            insts: st.insts,
            values,
            entry,
            is_static,
            span,
        })
    }

    fn block(&mut self, block: Block, st: &mut FuncState) -> Result<BlockData, ParseError> {
        let mut params = Vec::new();
        if self.eat_punct("(") {
            loop {
                let (line, col) = self.here();
                let v = self.value()?;
                self.expect_punct(":")?;
                let ty = self.ty()?;
                let def = ValueDef::Param(block, params.len() as u32);
                if st
                    .values
                    .insert(v.as_u32(), ValueData { ty, def })
                    .is_some()
                {
                    return err(line, col, format!("{v} is defined twice"));
                }
                params.push(v);
                if self.eat_punct(")") {
                    break;
                }
                self.expect_punct(",")?;
            }
        }
        self.expect_punct(":")?;
        let span = self.span(Some(&st.file))?;
        let mut insts = Vec::new();
        loop {
            if let Some(term) = self.terminator()? {
                return Ok(BlockData {
                    params,
                    insts,
                    term,
                    span,
                });
            }
            let (line, col) = self.here();
            let result = if self.peek_entity("v").is_some() && *self.peek_at(1) == Tok::Punct(":") {
                let v = self.value()?;
                self.expect_punct(":")?;
                let ty = self.ty()?;
                self.expect_punct("=")?;
                Some((v, ty))
            } else {
                None
            };
            let op = self.op()?;
            let span = self.span(Some(&st.file))?;
            let inst = st.insts.next_key();
            let value = match result {
                Some((v, ty)) => {
                    if st
                        .values
                        .insert(
                            v.as_u32(),
                            ValueData {
                                ty,
                                def: ValueDef::Inst(inst),
                            },
                        )
                        .is_some()
                    {
                        return err(line, col, format!("{v} is defined twice"));
                    }
                    Some(v)
                }
                None => None,
            };
            st.insts.push(InstData {
                op,
                result: value,
                span,
            });
            insts.push(inst);
        }
    }

    fn block_call(&mut self) -> Result<BlockCall, ParseError> {
        let block = self.entity("block")?;
        let mut args = Vec::new();
        if self.eat_punct("(") {
            loop {
                args.push(self.value()?);
                if self.eat_punct(")") {
                    break;
                }
                self.expect_punct(",")?;
            }
        }
        Ok(BlockCall { block, args })
    }

    /// A terminator, if the next token starts one.
    fn terminator(&mut self) -> Result<Option<Terminator>, ParseError> {
        let Tok::Ident(word) = self.peek() else {
            return self.unexpected("an instruction or terminator");
        };
        let term = match word.as_str() {
            "jump" => {
                self.next();
                Terminator::Jump(self.block_call()?)
            }
            "br" => {
                self.next();
                let cond = self.value()?;
                self.expect_punct(",")?;
                let then_dest = self.block_call()?;
                self.expect_punct(",")?;
                let else_dest = self.block_call()?;
                Terminator::Branch {
                    cond,
                    then_dest,
                    else_dest,
                }
            }
            "switch" => {
                self.next();
                let value = self.value()?;
                self.expect_punct(",")?;
                self.expect_punct("[")?;
                let mut cases = Vec::new();
                if !self.eat_punct("]") {
                    loop {
                        let n = self.int()?;
                        self.expect_punct(":")?;
                        cases.push((n, self.entity("block")?));
                        if self.eat_punct("]") {
                            break;
                        }
                        self.expect_punct(",")?;
                    }
                }
                self.expect_punct(",")?;
                let default = self.entity("block")?;
                Terminator::Switch {
                    value,
                    cases,
                    default,
                }
            }
            "return" => {
                self.next();
                let v = if self.peek_entity("v").is_some() {
                    Some(self.value()?)
                } else {
                    None
                };
                Terminator::Return(v)
            }
            "unreachable" => {
                self.next();
                Terminator::Unreachable
            }
            _ => return Ok(None),
        };
        Ok(Some(term))
    }

    fn place(&mut self) -> Result<Place, ParseError> {
        let base = if self.eat_punct("*") {
            PlaceBase::Deref(self.value()?)
        } else if self.peek_entity("var").is_some() {
            PlaceBase::Var(self.entity("var")?)
        } else if self.peek_entity("global").is_some() {
            PlaceBase::Global(self.entity("global")?)
        } else {
            return self.unexpected("a place (`varN`, `globalN` or `*vN`)");
        };
        let mut proj = Vec::new();
        loop {
            if self.eat_punct(".") {
                let (line, col) = self.here();
                let n = self.int()?;
                let n =
                    u32::try_from(n).or_else(|_| err(line, col, "field number out of range"))?;
                proj.push(Proj::Field(n));
            } else if self.eat_punct("[") {
                proj.push(Proj::Index(self.value()?));
                self.expect_punct("]")?;
            } else {
                return Ok(Place { base, proj });
            }
        }
    }

    fn two_values(&mut self) -> Result<(Value, Value), ParseError> {
        let a = self.value()?;
        self.expect_punct(",")?;
        let b = self.value()?;
        Ok((a, b))
    }

    fn op(&mut self) -> Result<Op, ParseError> {
        let (line, col) = self.here();
        let word = self.ident("an instruction")?;
        let nsw = if self.is_punct(".") && *self.peek_at(1) == Tok::Ident("nsw".into()) {
            self.next();
            self.next();
            true
        } else {
            false
        };
        let no_nsw = |op: Op| {
            if nsw {
                err(line, col, format!("`{word}` takes no `.nsw`"))
            } else {
                Ok(op)
            }
        };
        if let Some(op) = BinaryOp::ALL.iter().find(|o| o.mnemonic() == word) {
            let (lhs, rhs) = self.two_values()?;
            return Ok(Op::Binary {
                op: *op,
                lhs,
                rhs,
                nsw,
            });
        }
        const UNARY: [UnaryOp; 4] = [UnaryOp::Neg, UnaryOp::Not, UnaryOp::FNeg, UnaryOp::BNot];
        if let Some(op) = UNARY.iter().find(|o| o.mnemonic() == word) {
            return Ok(Op::Unary {
                op: *op,
                arg: self.value()?,
                nsw,
            });
        }
        const CASTS: [CastKind; 8] = [
            CastKind::IntCast,
            CastKind::IntToBool,
            CastKind::BoolToInt,
            CastKind::FloatToInt,
            CastKind::IntToFloat,
            CastKind::FloatCast,
            CastKind::PtrCast,
            CastKind::PtrToBool,
        ];
        if let Some(kind) = CASTS.iter().find(|k| k.mnemonic() == word) {
            return no_nsw(Op::Cast {
                kind: *kind,
                arg: self.value()?,
            });
        }
        let op = match word.as_str() {
            "iconst" => Op::Iconst(self.int()?),
            "bconst" => {
                if self.eat_ident("true") {
                    Op::Bconst(true)
                } else if self.eat_ident("false") {
                    Op::Bconst(false)
                } else {
                    return self.unexpected("`true` or `false`");
                }
            }
            "fconst" => Op::Fconst(self.float()?),
            "str" => Op::Str(self.string()?),
            "null" => Op::Null,
            "funcaddr" => Op::FuncAddr(self.entity("fn")?),
            "icmp" => {
                let c = self.ident("a condition")?;
                let Some(cond) = IntCC::ALL.iter().find(|k| k.mnemonic() == c) else {
                    self.pos -= 1;
                    return self.unexpected("an integer condition (eq, ne, slt, ..., uge)");
                };
                let (lhs, rhs) = self.two_values()?;
                Op::Icmp {
                    cond: *cond,
                    lhs,
                    rhs,
                }
            }
            "fcmp" => {
                let c = self.ident("a condition")?;
                let Some(cond) = FloatCC::ALL.iter().find(|k| k.mnemonic() == c) else {
                    self.pos -= 1;
                    return self.unexpected("a float condition (eq, ne, lt, le, gt, ge)");
                };
                let (lhs, rhs) = self.two_values()?;
                Op::Fcmp {
                    cond: *cond,
                    lhs,
                    rhs,
                }
            }
            "select" => {
                let cond = self.value()?;
                self.expect_punct(",")?;
                let (if_true, if_false) = self.two_values()?;
                Op::Select {
                    cond,
                    if_true,
                    if_false,
                }
            }
            "load" => Op::Load(self.place()?),
            "store" => {
                let p = self.place()?;
                self.expect_punct(",")?;
                Op::Store(p, self.value()?)
            }
            "addr" => Op::Addr(self.place()?),
            "ptradd" => {
                let (ptr, offset) = self.two_values()?;
                Op::PtrAdd { ptr, offset }
            }
            "ptrdiff" => {
                let (lhs, rhs) = self.two_values()?;
                Op::PtrDiff { lhs, rhs }
            }
            "call" => {
                let callee = if self.eat_punct("@") {
                    match self.peek() {
                        Tok::Str(_) => Callee::Extern(self.name()?),
                        _ => Callee::Extern(self.ident("a function name")?),
                    }
                } else if self.peek_entity("fn").is_some() {
                    Callee::Func(self.entity("fn")?)
                } else {
                    Callee::Indirect(self.value()?)
                };
                self.expect_punct("(")?;
                let mut args = Vec::new();
                if !self.eat_punct(")") {
                    loop {
                        args.push(self.value()?);
                        if self.eat_punct(")") {
                            break;
                        }
                        self.expect_punct(",")?;
                    }
                }
                Op::Call { callee, args }
            }
            _ => return err(line, col, format!("unknown instruction `{word}`")),
        };
        no_nsw(op)
    }
}

/// `v12` with prefix `v` gives 12; `vx`, `v` and `v99999999999` give None.
fn entity_number(s: &str, prefix: &str) -> Option<u32> {
    let digits = s.strip_prefix(prefix)?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Entity ids the parser can build from their printed number.
trait EntityFromU32 {
    fn from_number(n: u32) -> Self;
}

macro_rules! from_number {
    ($($t:ty),*) => {$(
        impl EntityFromU32 for $t {
            fn from_number(n: u32) -> Self {
                <$t>::from_u32(n)
            }
        }
    )*};
}
from_number!(Value, Block, Var, FuncId, GlobalId);
