//! Per-function indexes derived from the IR: the block of every instruction and the uses of
//! every value (values are block-local, so every use lies in the defining block).
//!
//! Invariant: use lists are in program order (instructions in block order, then the
//! terminator), and within one instruction in operand order.

use xl_base::SecondaryMap;
use xl_ir::{Block, Callee, Func, Inst, Op, Place, PlaceBase, Proj, Value};

/// Where a value is used.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Site {
    /// By an instruction.
    Inst(Inst),
    /// By the terminator of a block.
    Term(Block),
}

/// How a value is used at its site.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// As the pointer of a `Deref` place base.
    PlaceBase,
    /// As an `Index` projection.
    PlaceIndex,
    /// As the stored value of a `Store`.
    StoredValue,
    /// As argument `n` of a call.
    CallArg(usize),
    /// As the function pointer of an indirect call.
    Callee,
    /// As the pointer operand of `PtrAdd`.
    PtrAddBase,
    /// Any other operand (arithmetic, comparisons, casts, select, terminators).
    Operand,
}

/// One use.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Use {
    /// Where.
    pub site: Site,
    /// How.
    pub role: Role,
}

/// Indexes of one function.
#[derive(Clone, Debug)]
pub struct FuncIndex {
    /// The block holding each instruction.
    pub inst_block: SecondaryMap<Inst, Option<Block>>,
    /// Position of each instruction in its block.
    pub inst_pos: SecondaryMap<Inst, usize>,
    /// Uses of each value.
    pub uses: SecondaryMap<Value, Vec<Use>>,
}

fn place_uses(place: &Place, site: Site, out: &mut Vec<(Value, Use)>) {
    if let PlaceBase::Deref(v) = place.base {
        out.push((
            v,
            Use {
                site,
                role: Role::PlaceBase,
            },
        ));
    }
    for p in &place.proj {
        if let Proj::Index(v) = p {
            out.push((
                *v,
                Use {
                    site,
                    role: Role::PlaceIndex,
                },
            ));
        }
    }
}

/// The operand uses of `op` at `site`, in operand order.
pub fn op_uses(op: &Op, site: Site) -> Vec<(Value, Use)> {
    let mut out = Vec::new();
    let operand = |v: Value| {
        (
            v,
            Use {
                site,
                role: Role::Operand,
            },
        )
    };
    match op {
        Op::Load(p) | Op::Addr(p) => place_uses(p, site, &mut out),
        Op::Store(p, v) => {
            place_uses(p, site, &mut out);
            out.push((
                *v,
                Use {
                    site,
                    role: Role::StoredValue,
                },
            ));
        }
        Op::Call { callee, args } => {
            if let Callee::Indirect(v) = callee {
                out.push((
                    *v,
                    Use {
                        site,
                        role: Role::Callee,
                    },
                ));
            }
            for (i, a) in args.iter().enumerate() {
                out.push((
                    *a,
                    Use {
                        site,
                        role: Role::CallArg(i),
                    },
                ));
            }
        }
        Op::PtrAdd { ptr, offset } => {
            out.push((
                *ptr,
                Use {
                    site,
                    role: Role::PtrAddBase,
                },
            ));
            out.push(operand(*offset));
        }
        other => out.extend(other.operands().into_iter().map(operand)),
    }
    out
}

impl FuncIndex {
    /// Computes the indexes of `func`.
    pub fn compute(func: &Func) -> FuncIndex {
        let mut inst_block = SecondaryMap::new();
        let mut inst_pos = SecondaryMap::new();
        let mut uses: SecondaryMap<Value, Vec<Use>> = SecondaryMap::new();
        for (b, data) in func.blocks.iter() {
            for (i, &inst) in data.insts.iter().enumerate() {
                inst_block[inst] = Some(b);
                inst_pos[inst] = i;
                for (v, u) in op_uses(&func.insts[inst].op, Site::Inst(inst)) {
                    uses[v].push(u);
                }
            }
            for v in data.term.operands() {
                uses[v].push(Use {
                    site: Site::Term(b),
                    role: Role::Operand,
                });
            }
        }
        FuncIndex {
            inst_block,
            inst_pos,
            uses,
        }
    }
    /// The instruction defining `v`, if it is an instruction result.
    pub fn def_inst(func: &Func, v: Value) -> Option<Inst> {
        match func.values[v].def {
            xl_ir::ValueDef::Inst(i) => Some(i),
            xl_ir::ValueDef::Param(..) => None,
        }
    }
    /// The op defining `v`, if any.
    pub fn def_op(func: &Func, v: Value) -> Option<&Op> {
        Self::def_inst(func, v).map(|i| &func.insts[i].op)
    }
}
