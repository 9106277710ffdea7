//! Memory: byte-addressed objects and the encoding of values into bytes.
//!
//! Model (the one the IR's pointer ops describe):
//! - Every global, every string literal, every heap allocation and every function variable
//!   whose address is taken (or that holds a struct or array) is an [`Object`]: a byte vector
//!   with a kind, a read-only flag and a liveness flag. Scalar variables whose address is never
//!   taken live in the frame instead (see [`crate::Locals`]).
//! - A pointer is (object, byte offset). The "element offset" of the IR's pointer arithmetic is
//!   the byte offset divided by the size of the pointee type (`layout::size_of`, `void` = 1).
//! - Each object also has a fake numeric *base address*. Bases increase with the object id and
//!   leave a gap of at least 16 bytes between objects, so (a) a pointer stored to memory is its
//!   8-byte little-endian address and decodes back to the same (object, offset) unambiguously,
//!   one-past-the-end included, and (b) `memcpy` of structs holding pointers just works.
//!   Function pointers are encoded as `FUNC_BASE + 16 * id`; null is 0; any other address
//!   decodes to [`Pointer::Wild`].
//! - Bounds are checked per access against the whole object (`p[i]` may not leave the object
//!   the pointer points into); `Index` projections of array places are additionally checked
//!   against the array length. Accesses to dead objects (returned frames, freed heap blocks)
//!   and writes to read-only objects (string literals, `const` globals) are undefined
//!   behaviour.
//! - Fresh objects are zero-filled (the emitter zero-initialises every variable; `malloc`
//!   memory reads as zero too).
//! - When a frame returns, its objects die; dead objects at the end of the table are removed,
//!   so their ids and addresses are reused by later frames (like a real stack: a dangling
//!   pointer into a returned frame is then not detected).

use crate::trap::{malformed, ub, Fault};
use crate::value::{IntVal, ObjId, Pointer, Val};
use std::collections::BTreeMap;
use xl_ir::{FloatTy, FuncId, GlobalId, Init, Module, StructId, Type, Var};

/// Address of the first object.
pub const OBJ_BASE: u64 = 0x1_0000;
/// Address of function 0; function `n` is at `FUNC_BASE + 16 * n`.
pub const FUNC_BASE: u64 = 0x7000_0000_0000;
/// Minimum number of unused bytes between two objects.
const GAP: u64 = 16;

/// What an object is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ObjKind {
    /// A module global.
    Global(GlobalId),
    /// A string literal (read-only).
    Str,
    /// A function variable of a frame.
    Local {
        /// Its function.
        func: FuncId,
        /// The variable.
        var: Var,
    },
    /// A `malloc`/`calloc`/`realloc`/`strdup` block.
    Heap,
    /// `argv` strings and the `argv` array.
    Arg,
    /// The `FILE` behind `stdin` (0), `stdout` (1) or `stderr` (2).
    Stream(u8),
}

/// One memory object.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    /// Fake numeric address of byte 0.
    pub base: u64,
    /// Size in bytes (kept after death).
    pub size: u64,
    /// The content while alive (empty once dead).
    pub bytes: Vec<u8>,
    /// What it is.
    pub kind: ObjKind,
    /// Writes are undefined behaviour.
    pub readonly: bool,
    /// False after its frame returned or it was freed.
    pub live: bool,
}

/// Sizes, alignments and field offsets of a module's types (LP64, as `xl_ir::layout`).
#[derive(Clone, Debug, Default)]
pub struct Layouts {
    /// Per struct: (field offsets, size, alignment).
    structs: Vec<(Vec<u64>, u64, u64)>,
}

impl Layouts {
    /// Computes every struct's layout. Structs that contain themselves (rejected by the IR
    /// verifier) get size 0.
    pub fn new(module: &Module) -> Layouts {
        let n = module.structs.len();
        let mut done: Vec<Option<(Vec<u64>, u64, u64)>> = vec![None; n];
        // Iterate to a fixpoint: a struct is laid out once all structs it holds by value are.
        loop {
            let mut progress = false;
            for (id, def) in module.structs.iter() {
                let i = xl_base::EntityRef::index(id);
                if done[i].is_some() {
                    continue;
                }
                if !def
                    .fields
                    .iter()
                    .all(|f| struct_deps(&f.ty).iter().all(|s| done[s.index()].is_some()))
                {
                    continue;
                }
                let partial = Layouts {
                    structs: done
                        .iter()
                        .map(|d| d.clone().unwrap_or((Vec::new(), 0, 1)))
                        .collect(),
                };
                let mut offsets = Vec::with_capacity(def.fields.len());
                let mut size = 0u64;
                let mut align = 1u64;
                for f in &def.fields {
                    let (s, a) = partial.size_align(&f.ty);
                    let a = a.max(1);
                    size = size.div_ceil(a).saturating_mul(a);
                    offsets.push(size);
                    size = size.saturating_add(s);
                    align = align.max(a);
                }
                done[i] = Some((offsets, size.div_ceil(align).saturating_mul(align), align));
                progress = true;
            }
            if !progress {
                break;
            }
        }
        Layouts {
            structs: done
                .into_iter()
                .map(|d| d.unwrap_or((Vec::new(), 0, 1)))
                .collect(),
        }
    }
    /// Size and alignment of `ty` (`void` and function types: 1, as gcc).
    pub fn size_align(&self, ty: &Type) -> (u64, u64) {
        match ty {
            Type::Void | Type::Fn(_) | Type::Bool => (1, 1),
            Type::Int(i) => (u64::from(i.bits / 8), u64::from(i.bits / 8)),
            Type::Float(FloatTy::F32) => (4, 4),
            Type::Float(FloatTy::F64) | Type::Ptr(_) => (8, 8),
            Type::Array(elem, n) => {
                let (s, a) = self.size_align(elem);
                (s.saturating_mul(*n), a)
            }
            Type::Struct(id) => self
                .structs
                .get(id.index())
                .map_or((0, 1), |(_, s, a)| (*s, *a)),
        }
    }
    /// Size of `ty` in bytes.
    pub fn size(&self, ty: &Type) -> u64 {
        self.size_align(ty).0
    }
    /// Byte offset of field `n` of struct `s`.
    pub fn field_offset(&self, s: StructId, n: u32) -> Option<u64> {
        self.structs
            .get(s.index())
            .and_then(|(offs, _, _)| offs.get(n as usize).copied())
    }
}

/// Structs held by value inside `ty`.
fn struct_deps(ty: &Type) -> Vec<StructId> {
    let mut t = ty;
    while let Type::Array(e, _) = t {
        t = e;
    }
    match t {
        Type::Struct(s) => vec![*s],
        _ => Vec::new(),
    }
}

trait StructIndex {
    fn index(self) -> usize;
}
impl StructIndex for StructId {
    fn index(self) -> usize {
        xl_base::EntityRef::index(self)
    }
}

/// All memory objects of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Memory {
    /// Every object ever allocated (dead ones at the end are dropped), by [`ObjId`]; their
    /// bases increase with the id.
    pub objects: Vec<Object>,
    /// The object of each global, by `GlobalId` index.
    pub globals: Vec<ObjId>,
    /// Interned string literals: equal literals share one object (as gcc merges them).
    pub strings: BTreeMap<Vec<u8>, ObjId>,
    /// The `stdin`, `stdout`, `stderr` stream objects.
    pub streams: Vec<ObjId>,
    /// Number of module functions (for decoding function pointers).
    pub num_funcs: u32,
    /// Live heap bytes.
    pub heap_bytes: u64,
}

impl Memory {
    /// Memory holding the module's globals (initialised per their `Init`), plus the three
    /// stream objects. A global named `stdin`, `stdout` or `stderr` of pointer type with a
    /// zero initialiser (an `extern FILE *` declaration) is made to point to its stream.
    pub fn new(module: &Module, lay: &Layouts, max_object: u64) -> Result<Memory, Fault> {
        let mut mem = Memory {
            num_funcs: u32::try_from(module.funcs.len()).unwrap_or(u32::MAX),
            ..Memory::default()
        };
        for n in 0..3u8 {
            let o = mem.alloc(ObjKind::Stream(n), 1, true, max_object)?;
            mem.streams.push(o);
        }
        for (g, data) in module.globals.iter() {
            let size = lay.size(&data.ty);
            let o = mem.alloc(ObjKind::Global(g), size, data.is_const, max_object)?;
            mem.globals.push(o);
        }
        for (g, data) in module.globals.iter() {
            let o = mem.globals[xl_base::EntityRef::index(g)];
            let stream = match data.name.as_str() {
                "stdin" => Some(0),
                "stdout" => Some(1),
                "stderr" => Some(2),
                _ => None,
            };
            if let (Some(n), Type::Ptr(_), Init::Zero) = (stream, &data.ty, &data.init) {
                let p = Pointer::Obj {
                    obj: mem.streams[n],
                    off: 0,
                };
                let bytes = mem.addr_of(p).to_le_bytes();
                mem.objects[o.index()].bytes[..8].copy_from_slice(&bytes);
                continue;
            }
            mem.write_init(module, lay, o, 0, &data.ty, &data.init, max_object)?;
        }
        Ok(mem)
    }

    /// The address the next object gets.
    fn next_base(&self) -> u64 {
        match self.objects.last() {
            Some(o) => (o.base + o.size + GAP).div_ceil(16) * 16,
            None => OBJ_BASE,
        }
    }

    /// Allocates a zero-filled object of `size` bytes.
    pub fn alloc(
        &mut self,
        kind: ObjKind,
        size: u64,
        readonly: bool,
        max_object: u64,
    ) -> Result<ObjId, Fault> {
        let base = self.next_base();
        if size > max_object || base.saturating_add(size) >= FUNC_BASE {
            return Err(Fault::OutOfMemory(format!(
                "object of {size} bytes (limit {max_object})"
            )));
        }
        let id = ObjId(
            u32::try_from(self.objects.len())
                .map_err(|_| Fault::OutOfMemory("too many objects".into()))?,
        );
        self.objects.push(Object {
            base,
            size,
            bytes: vec![0; size as usize],
            kind,
            readonly,
            live: true,
        });
        Ok(id)
    }

    /// Marks `obj` dead and releases its bytes; then drops dead frame objects from the end
    /// of the table.
    pub fn kill(&mut self, obj: ObjId) {
        if let Some(o) = self.objects.get_mut(obj.index()) {
            o.live = false;
            o.bytes = Vec::new();
            if o.kind == ObjKind::Heap {
                self.heap_bytes = self.heap_bytes.saturating_sub(o.size);
            }
        }
        while self
            .objects
            .last()
            .is_some_and(|o| !o.live && matches!(o.kind, ObjKind::Local { .. }))
        {
            self.objects.pop();
        }
    }

    /// The interned read-only object holding `bytes` (a string literal).
    pub fn intern(&mut self, bytes: &[u8], max_object: u64) -> Result<ObjId, Fault> {
        if let Some(o) = self.strings.get(bytes) {
            return Ok(*o);
        }
        let o = self.alloc(ObjKind::Str, bytes.len() as u64, true, max_object)?;
        self.objects[o.index()].bytes.copy_from_slice(bytes);
        self.strings.insert(bytes.to_vec(), o);
        Ok(o)
    }

    /// The numeric address of a pointer.
    pub fn addr_of(&self, p: Pointer) -> u64 {
        match p {
            Pointer::Null => 0,
            Pointer::Obj { obj, off } => self
                .objects
                .get(obj.index())
                .map_or(off, |o| o.base.wrapping_add(off)),
            Pointer::Func(f) => FUNC_BASE + 16 * u64::from(f.as_u32()),
            Pointer::Wild(a) => a,
        }
    }

    /// The pointer an address denotes.
    pub fn decode_addr(&self, a: u64) -> Pointer {
        if a == 0 {
            return Pointer::Null;
        }
        if a >= FUNC_BASE
            && (a - FUNC_BASE).is_multiple_of(16)
            && (a - FUNC_BASE) / 16 < u64::from(self.num_funcs)
        {
            return Pointer::Func(FuncId::from_u32(((a - FUNC_BASE) / 16) as u32));
        }
        let i = self.objects.partition_point(|o| o.base <= a);
        if i > 0 {
            let o = &self.objects[i - 1];
            if a - o.base <= o.size {
                return Pointer::Obj {
                    obj: ObjId((i - 1) as u32),
                    off: a - o.base,
                };
            }
        }
        Pointer::Wild(a)
    }

    /// Checks that `size` bytes at `off` of `obj` may be read (or written).
    pub fn check_access(
        &self,
        obj: ObjId,
        off: u64,
        size: u64,
        write: bool,
        what: &str,
    ) -> Result<(), Fault> {
        let Some(o) = self.objects.get(obj.index()) else {
            return ub(format!(
                "{what}: pointer to an object that no longer exists"
            ));
        };
        if !o.live {
            return ub(format!(
                "{what}: access to a dead object ({})",
                describe(&o.kind)
            ));
        }
        if off.checked_add(size).is_none_or(|end| end > o.size) {
            return ub(format!(
                "{what}: out of bounds: {size} bytes at offset {off} of a {}-byte object ({})",
                o.size,
                describe(&o.kind)
            ));
        }
        if write && o.readonly {
            return ub(format!(
                "{what}: write to a read-only object ({})",
                describe(&o.kind)
            ));
        }
        Ok(())
    }

    /// Reads a value of type `ty` at `off` of `obj`, checking the access.
    pub fn load(
        &self,
        lay: &Layouts,
        module: &Module,
        obj: ObjId,
        off: u64,
        ty: &Type,
    ) -> Result<Val, Fault> {
        let size = lay.size(ty);
        self.check_access(obj, off, size, false, "load")?;
        let bytes = &self.objects[obj.index()].bytes[off as usize..(off + size) as usize];
        self.decode(lay, module, bytes, ty)
    }

    /// Writes `val` of type `ty` at `off` of `obj`, checking the access.
    pub fn store(
        &mut self,
        lay: &Layouts,
        module: &Module,
        obj: ObjId,
        off: u64,
        ty: &Type,
        val: &Val,
    ) -> Result<(), Fault> {
        let size = lay.size(ty);
        self.check_access(obj, off, size, true, "store")?;
        let mut buf = vec![0u8; size as usize];
        self.encode(lay, module, &mut buf, ty, val)?;
        self.objects[obj.index()].bytes[off as usize..(off + size) as usize].copy_from_slice(&buf);
        Ok(())
    }

    /// Decodes `bytes` (exactly the size of `ty`) as a value of `ty`.
    pub fn decode(
        &self,
        lay: &Layouts,
        module: &Module,
        bytes: &[u8],
        ty: &Type,
    ) -> Result<Val, Fault> {
        let word = |n: usize| -> u64 {
            let mut b = [0u8; 8];
            b[..n].copy_from_slice(&bytes[..n]);
            u64::from_le_bytes(b)
        };
        Ok(match ty {
            Type::Bool => Val::Bool(bytes[0] != 0),
            Type::Int(i) => Val::Int(IntVal::from_bits(*i, word(usize::from(i.bits / 8)))),
            Type::Float(FloatTy::F32) => Val::F32(f32::from_bits(word(4) as u32)),
            Type::Float(FloatTy::F64) => Val::F64(f64::from_bits(word(8))),
            Type::Ptr(_) => Val::Ptr(self.decode_addr(word(8))),
            Type::Array(elem, n) => {
                let es = lay.size(elem) as usize;
                let mut items = Vec::with_capacity(*n as usize);
                for k in 0..*n as usize {
                    items.push(self.decode(lay, module, &bytes[k * es..(k + 1) * es], elem)?);
                }
                Val::Agg(items)
            }
            Type::Struct(s) => {
                let Some(def) = module.structs.get(*s) else {
                    return malformed(format!("unknown {s}"));
                };
                let mut items = Vec::with_capacity(def.fields.len());
                for (k, f) in def.fields.iter().enumerate() {
                    let off = lay.field_offset(*s, k as u32).unwrap_or(0) as usize;
                    let fs = lay.size(&f.ty) as usize;
                    items.push(self.decode(lay, module, &bytes[off..off + fs], &f.ty)?);
                }
                Val::Agg(items)
            }
            Type::Void | Type::Fn(_) => return malformed(format!("load of a value of type {ty}")),
        })
    }

    /// Encodes `val` of type `ty` into `buf` (exactly the size of `ty`).
    pub fn encode(
        &self,
        lay: &Layouts,
        module: &Module,
        buf: &mut [u8],
        ty: &Type,
        val: &Val,
    ) -> Result<(), Fault> {
        match (ty, val) {
            (Type::Bool, Val::Bool(b)) => buf[0] = u8::from(*b),
            (Type::Int(i), Val::Int(v)) if v.ty.bits == i.bits => {
                let n = usize::from(i.bits / 8);
                buf[..n].copy_from_slice(&v.bits.to_le_bytes()[..n]);
            }
            (Type::Float(FloatTy::F32), Val::F32(x)) => {
                buf.copy_from_slice(&x.to_bits().to_le_bytes())
            }
            (Type::Float(FloatTy::F64), Val::F64(x)) => {
                buf.copy_from_slice(&x.to_bits().to_le_bytes())
            }
            (Type::Ptr(_), Val::Ptr(p)) => buf.copy_from_slice(&self.addr_of(*p).to_le_bytes()),
            (Type::Array(elem, n), Val::Agg(items)) if items.len() as u64 == *n => {
                let es = lay.size(elem) as usize;
                for (k, item) in items.iter().enumerate() {
                    self.encode(lay, module, &mut buf[k * es..(k + 1) * es], elem, item)?;
                }
            }
            (Type::Struct(s), Val::Agg(items)) => {
                let Some(def) = module.structs.get(*s) else {
                    return malformed(format!("unknown {s}"));
                };
                if def.fields.len() != items.len() {
                    return malformed(format!("store of {val} as {ty}"));
                }
                for (k, (f, item)) in def.fields.iter().zip(items).enumerate() {
                    let off = lay.field_offset(*s, k as u32).unwrap_or(0) as usize;
                    let fs = lay.size(&f.ty) as usize;
                    self.encode(lay, module, &mut buf[off..off + fs], &f.ty, item)?;
                }
            }
            _ => return malformed(format!("value {val} does not fit type {ty}")),
        }
        Ok(())
    }

    /// Writes a static initialiser (no read-only check: this is how constants get their value).
    #[allow(clippy::too_many_arguments)]
    fn write_init(
        &mut self,
        module: &Module,
        lay: &Layouts,
        obj: ObjId,
        off: u64,
        ty: &Type,
        init: &Init,
        max_object: u64,
    ) -> Result<(), Fault> {
        let val = match (init, ty) {
            (Init::Zero, _) => return Ok(()),
            (Init::Int(v), Type::Int(i)) => Val::int(*i, *v),
            (Init::Int(v), Type::Bool) => Val::Bool(*v != 0),
            (Init::Float(x), Type::Float(FloatTy::F32)) => Val::F32(*x as f32),
            (Init::Float(x), Type::Float(FloatTy::F64)) => Val::F64(*x),
            (Init::Null, Type::Ptr(_)) => Val::Ptr(Pointer::Null),
            (Init::Func(f), Type::Ptr(_)) => Val::Ptr(Pointer::Func(*f)),
            (Init::GlobalAddr(g), Type::Ptr(_)) => {
                match self.globals.get(xl_base::EntityRef::index(*g)) {
                    Some(o) => Val::Ptr(Pointer::Obj { obj: *o, off: 0 }),
                    None => return malformed(format!("initialiser names unknown {g}")),
                }
            }
            (Init::Str(bytes), Type::Ptr(_)) => {
                let o = self.intern(bytes, max_object)?;
                Val::Ptr(Pointer::Obj { obj: o, off: 0 })
            }
            (Init::Bytes(bytes), Type::Array(_, n)) => {
                let k = bytes.len().min(*n as usize);
                let start = off as usize;
                self.objects[obj.index()].bytes[start..start + k].copy_from_slice(&bytes[..k]);
                return Ok(());
            }
            (Init::Aggregate(items), Type::Array(elem, n)) => {
                let es = lay.size(elem);
                for (k, item) in items.iter().enumerate().take(*n as usize) {
                    self.write_init(
                        module,
                        lay,
                        obj,
                        off + k as u64 * es,
                        elem,
                        item,
                        max_object,
                    )?;
                }
                return Ok(());
            }
            (Init::Aggregate(items), Type::Struct(s)) => {
                let Some(def) = module.structs.get(*s) else {
                    return malformed(format!("unknown {s}"));
                };
                for (k, (f, item)) in def.fields.iter().zip(items).enumerate() {
                    let fo = lay.field_offset(*s, k as u32).unwrap_or(0);
                    self.write_init(module, lay, obj, off + fo, &f.ty, item, max_object)?;
                }
                return Ok(());
            }
            _ => return malformed(format!("initialiser {init:?} does not fit type {ty}")),
        };
        let size = lay.size(ty) as usize;
        let mut buf = vec![0u8; size];
        self.encode(lay, module, &mut buf, ty, &val)?;
        let start = off as usize;
        self.objects[obj.index()].bytes[start..start + size].copy_from_slice(&buf);
        Ok(())
    }

    /// The object and offset a data pointer points to, or the UB of using it for `what`.
    pub fn target(&self, p: Pointer, what: &str) -> Result<(ObjId, u64), Fault> {
        match p {
            Pointer::Obj { obj, off } => Ok((obj, off)),
            Pointer::Null => ub(format!("{what}: null pointer dereference")),
            Pointer::Func(f) => ub(format!("{what}: dereference of a function pointer ({f})")),
            Pointer::Wild(a) => ub(format!("{what}: dereference of invalid address {a:#x}")),
        }
    }

    /// The bytes of the C string `p` points to, without its NUL. Undefined behaviour if the
    /// pointer is invalid or no NUL comes before the end of its object.
    pub fn cstr(&self, p: Pointer, what: &str) -> Result<Vec<u8>, Fault> {
        let (obj, off) = self.target(p, what)?;
        self.check_access(obj, off, 0, false, what)?;
        let bytes = &self.objects[obj.index()].bytes[off as usize..];
        match bytes.iter().position(|&b| b == 0) {
            Some(n) => Ok(bytes[..n].to_vec()),
            None => ub(format!(
                "{what}: string is not NUL-terminated within its object"
            )),
        }
    }

    /// `n` bytes at `p`, checked.
    pub fn read_bytes(&self, p: Pointer, n: u64, what: &str) -> Result<&[u8], Fault> {
        let (obj, off) = self.target(p, what)?;
        self.check_access(obj, off, n, false, what)?;
        Ok(&self.objects[obj.index()].bytes[off as usize..(off + n) as usize])
    }

    /// Writes `bytes` at `p`, checked.
    pub fn write_bytes(&mut self, p: Pointer, bytes: &[u8], what: &str) -> Result<(), Fault> {
        let (obj, off) = self.target(p, what)?;
        self.check_access(obj, off, bytes.len() as u64, true, what)?;
        let start = off as usize;
        self.objects[obj.index()].bytes[start..start + bytes.len()].copy_from_slice(bytes);
        Ok(())
    }

    /// The bytes from `p` to the end of its object (for functions that read a C string and
    /// may stop early), checked for liveness.
    pub fn tail(&self, p: Pointer, what: &str) -> Result<&[u8], Fault> {
        let (obj, off) = self.target(p, what)?;
        self.check_access(obj, off, 0, false, what)?;
        Ok(&self.objects[obj.index()].bytes[off as usize..])
    }
}

/// A short description of an object kind for messages.
pub fn describe(kind: &ObjKind) -> String {
    match kind {
        ObjKind::Global(g) => format!("global {g}"),
        ObjKind::Str => "string literal".into(),
        ObjKind::Local { func, var } => format!("variable {var} of {func}"),
        ObjKind::Heap => "heap block".into(),
        ObjKind::Arg => "argv".into(),
        ObjKind::Stream(n) => format!("stream {n}"),
    }
}
