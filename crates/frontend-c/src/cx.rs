//! The lowering context: program-wide tables ([`Program`]), per-translation-unit scopes
//! ([`Tu`]), and the cursor used while lowering one function or file-scope item ([`Cx`]).
//!
//! Invariants:
//! - Functions are numbered provisionally by definition order (`FuncId` = index into
//!   [`Program::funcs`]); the final module renumbers them, leaving out failed ones.
//! - Globals get their `GlobalId` when defined (after the declaration pass) or, for
//!   `extern` variables defined nowhere, on first use.
//! - Lookups use hash maps; nothing iterates them into output.
//! - Every error is a [`Diagnostic`] value (`R<T>`); nothing panics on user input.

use crate::ctype::{CFunc, CType};
use crate::source::SourceMap;
use lang_c::ast::Initializer;
use lang_c::span::Node;
use std::collections::{BTreeMap, HashMap};
use xl_base::{Diagnostic, Span};
use xl_ir::{Block, FuncBuilder, GlobalId, Module, StructId, Var};

/// Result of a lowering step: an error is a located diagnostic.
pub type R<T> = Result<T, Diagnostic>;

/// An ordinary identifier's meaning.
#[derive(Clone, Debug)]
pub enum Sym {
    /// A typedef name.
    Typedef(CType),
    /// An enumeration constant.
    Enum(i128),
    /// A function (declared or defined).
    Func(FuncSym),
    /// A global variable (index into [`Program::globals`]).
    Global(usize),
    /// A local variable of the function being lowered.
    Local(Var, CType),
    /// A name whose declaration could not be lowered; using it reports this error.
    Bad(Box<Diagnostic>),
}

/// A function name as seen from a scope.
#[derive(Clone, Debug)]
pub struct FuncSym {
    /// C name.
    pub name: String,
    /// Type.
    pub ty: CFunc,
    /// Internal linkage.
    pub is_static: bool,
    /// Declared `noreturn`.
    pub noreturn: bool,
}

/// A struct/union/enum tag's meaning.
#[derive(Clone, Debug)]
pub enum Tag {
    /// A struct in the module.
    Struct(StructId),
    /// An enum (its type is `int`).
    Enum,
    /// A tag that cannot be lowered (a union, a struct with bit-fields).
    Bad(Box<Diagnostic>),
}

/// One translation unit's file scope.
pub struct Tu {
    /// Display name of the file.
    pub file: String,
    /// Source map of its preprocessed text.
    pub map: SourceMap,
    /// Ordinary identifiers at file scope.
    pub scope: HashMap<String, Sym>,
    /// Tags at file scope.
    pub tags: HashMap<String, Tag>,
    /// `static` function definitions of this unit: C name -> definition index.
    pub static_funcs: HashMap<String, usize>,
    /// Unknown type names (declared by the parser's recovery) and their diagnostics.
    pub unknown_types: Vec<(String, Diagnostic)>,
}

/// A function definition found in some translation unit.
#[derive(Clone, Debug)]
pub struct FuncDef {
    /// C name.
    pub c_name: String,
    /// Unique module name (static functions whose names clash are renamed).
    pub name: String,
    /// Translation unit index.
    pub tu: usize,
    /// Index of the definition in the unit's external declarations.
    pub item: usize,
    /// Internal linkage.
    pub is_static: bool,
    /// Definition site.
    pub span: Span,
    /// Its type.
    pub ty: CFunc,
    /// Declared `noreturn`.
    pub noreturn: bool,
}

/// A global variable: a definition or tentative definition, or an extern declaration.
#[derive(Clone, Debug)]
pub struct GlobalDecl {
    /// Module name (static globals whose names clash are renamed).
    pub name: String,
    /// C name.
    pub c_name: String,
    /// Type (completed by the definition).
    pub ty: CType,
    /// Declared `const` at the top level.
    pub is_const: bool,
    /// Definition site (or first declaration).
    pub span: Span,
    /// Unit of the definition (or first declaration).
    pub tu: usize,
    /// Initialiser of the definition.
    pub init: Option<Node<Initializer>>,
    /// A definition (possibly tentative) was seen.
    pub defined: bool,
    /// Internal linkage.
    pub is_static: bool,
    /// Assigned id.
    pub id: Option<GlobalId>,
    /// The declaration could not be lowered.
    pub error: Option<Diagnostic>,
}

/// Program-wide state shared by all translation units.
#[derive(Default)]
pub struct Program {
    /// The module under construction (structs, globals; functions are added at the end).
    pub module: Module,
    /// Diagnostics so far.
    pub diags: Vec<Diagnostic>,
    /// Translation units.
    pub tus: Vec<Tu>,
    /// Function definitions, provisional `FuncId` = index.
    pub funcs: Vec<FuncDef>,
    /// External-linkage definitions by C name.
    pub ext_funcs: HashMap<String, usize>,
    /// Globals (index = key).
    pub globals: Vec<GlobalDecl>,
    /// External-linkage globals by C name.
    pub ext_globals: HashMap<String, usize>,
    /// Struct ids by source name, for sharing definitions between units.
    pub struct_names: HashMap<String, Vec<StructId>>,
    /// Structs whose definition has been seen.
    pub struct_complete: HashMap<StructId, bool>,
    /// Structs whose definition failed, with the reason (reported where they are used).
    pub struct_bad: HashMap<StructId, Diagnostic>,
    /// Module names already taken by function-local statics.
    pub static_local_names: HashMap<String, u32>,
    /// Expression types computed by `type_of`, by (unit, start, end).
    pub type_cache: HashMap<(usize, usize, usize), CType>,
}

/// A pending `switch`: its cases as they are found.
pub struct SwitchCx {
    /// Promoted scrutinee type.
    pub ty: xl_ir::IntTy,
    /// `(value, block)` in source order.
    pub cases: Vec<(i128, Block)>,
    /// The `default:` block.
    pub default: Option<Block>,
    /// An empty block that the next label may take over (the block before the first label,
    /// or the block of a label followed directly by another label).
    pub reusable: Option<Block>,
}

/// Per-function lowering state.
pub struct FnState {
    /// The builder.
    pub b: FuncBuilder,
    /// C name of the function (for `__func__` and local statics).
    pub c_name: String,
    /// Module name of the function.
    pub name: String,
    /// Return type.
    pub ret: CType,
    /// `break` targets, innermost last.
    pub breaks: Vec<Block>,
    /// `continue` targets, innermost last.
    pub conts: Vec<Block>,
    /// Label blocks and whether the label was defined.
    pub labels: BTreeMap<String, (Block, bool, Span)>,
    /// Enclosing switches, innermost last.
    pub switches: Vec<SwitchCx>,
    /// Loop nesting depth (a declaration inside a loop runs more than once).
    pub loop_depth: u32,
    /// The function has labels (a backward `goto` may re-run declarations).
    pub has_labels: bool,
    /// Span used for instructions being emitted.
    pub span: Span,
}

impl FnState {
    /// A state for a function, or a scratch one for file-scope expressions.
    pub fn new(c_name: &str, name: &str, ret: CType, span: Span) -> FnState {
        FnState {
            b: FuncBuilder::new(name, ret.ir(), span.clone()),
            c_name: c_name.to_string(),
            name: name.to_string(),
            ret,
            breaks: vec![],
            conts: vec![],
            labels: BTreeMap::new(),
            switches: vec![],
            loop_depth: 0,
            has_labels: false,
            span,
        }
    }
}

/// The lowering cursor: program, current unit, block scopes, current function.
pub struct Cx<'p> {
    /// Program-wide state.
    pub p: &'p mut Program,
    /// Current translation unit.
    pub tu: usize,
    /// Block scopes of ordinary identifiers, innermost last (file scope is in the unit).
    pub scopes: Vec<HashMap<String, Sym>>,
    /// Block scopes of tags, innermost last.
    pub tag_scopes: Vec<HashMap<String, Tag>>,
    /// The function being lowered (a scratch one at file scope).
    pub f: FnState,
}

impl<'p> Cx<'p> {
    /// A cursor at file scope of unit `tu`.
    pub fn new(p: &'p mut Program, tu: usize) -> Cx<'p> {
        Cx {
            p,
            tu,
            scopes: vec![],
            tag_scopes: vec![],
            f: FnState::new("", "", CType::Void, Span::default()),
        }
    }

    /// The original location of a lang-c span.
    pub fn span(&self, s: lang_c::span::Span) -> Span {
        if s.is_none() {
            return self.f.span.clone();
        }
        self.p.tus[self.tu].map.span(s.start)
    }

    /// A located error with the source line attached.
    pub fn err(&self, code: &str, msg: impl Into<String>, s: lang_c::span::Span) -> Diagnostic {
        let span = self.span(s);
        self.p.tus[self.tu]
            .map
            .attach(Diagnostic::error(code, msg, span))
    }

    /// `C0002 unsupported construct `what``.
    pub fn unsupported(&self, what: &str, s: lang_c::span::Span) -> Diagnostic {
        self.err("C0002", format!("unsupported construct `{what}`"), s)
    }

    /// A warning with the source line attached, recorded in the program.
    pub fn warn(&mut self, code: &str, msg: impl Into<String>, s: lang_c::span::Span) {
        let span = self.span(s);
        let d = self.p.tus[self.tu]
            .map
            .attach(Diagnostic::warning(code, msg, span));
        self.p.diags.push(d);
    }

    /// Looks up an ordinary identifier, innermost scope first.
    pub fn lookup(&self, name: &str) -> Option<Sym> {
        for s in self.scopes.iter().rev() {
            if let Some(sym) = s.get(name) {
                return Some(sym.clone());
            }
        }
        self.p.tus[self.tu].scope.get(name).cloned()
    }

    /// Declares an ordinary identifier in the innermost scope.
    pub fn declare(&mut self, name: &str, sym: Sym) {
        match self.scopes.last_mut() {
            Some(s) => {
                s.insert(name.to_string(), sym);
            }
            None => {
                self.p.tus[self.tu].scope.insert(name.to_string(), sym);
            }
        }
    }

    /// Looks up a tag, innermost scope first.
    pub fn lookup_tag(&self, name: &str) -> Option<Tag> {
        for s in self.tag_scopes.iter().rev() {
            if let Some(t) = s.get(name) {
                return Some(t.clone());
            }
        }
        self.p.tus[self.tu].tags.get(name).cloned()
    }

    /// True when the tag is declared in the innermost scope.
    pub fn tag_in_current_scope(&self, name: &str) -> Option<Tag> {
        match self.tag_scopes.last() {
            Some(s) => s.get(name).cloned(),
            None => self.p.tus[self.tu].tags.get(name).cloned(),
        }
    }

    /// Declares a tag in the innermost scope.
    pub fn declare_tag(&mut self, name: &str, tag: Tag) {
        match self.tag_scopes.last_mut() {
            Some(s) => {
                s.insert(name.to_string(), tag);
            }
            None => {
                self.p.tus[self.tu].tags.insert(name.to_string(), tag);
            }
        }
    }

    /// Enters a block scope.
    pub fn push_scope(&mut self) {
        self.scopes.push(HashMap::new());
        self.tag_scopes.push(HashMap::new());
    }

    /// Leaves a block scope.
    pub fn pop_scope(&mut self) {
        self.scopes.pop();
        self.tag_scopes.pop();
    }

    /// The error for using struct `id` while it is incomplete: the reason its definition
    /// failed, if it did, else `msg` at `s`.
    pub fn incomplete(&self, id: StructId, msg: &str, s: lang_c::span::Span) -> Diagnostic {
        match self.p.struct_bad.get(&id) {
            Some(d) => d.clone(),
            None => self.err("C0003", msg, s),
        }
    }

    /// `sizeof` of a complete type; errors for incomplete ones.
    pub fn size_of(&self, t: &CType, s: lang_c::span::Span) -> R<u64> {
        match t {
            CType::Array(_, None) => Err(self.err("C0003", "sizeof of an incomplete array", s)),
            CType::Struct(id) if !self.p.struct_complete.get(id).copied().unwrap_or(false) => {
                Err(self.incomplete(*id, "sizeof of an incomplete struct", s))
            }
            CType::Func(_) => Ok(1),
            _ => Ok(xl_ir::layout::size_of(&self.p.module, &t.ir())),
        }
    }

    /// `_Alignof` of a type.
    pub fn align_of(&self, t: &CType) -> u64 {
        xl_ir::layout::size_align(&self.p.module, &t.ir()).1
    }
}
