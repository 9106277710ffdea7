//! Structured control flow from a CFG.
//!
//! Reducible CFGs follow Ramsey, "Beyond Relooper" (ICFP 2022): walk the dominator tree;
//! a loop header becomes `'l: loop { .. }` (back edges are `continue 'l`); a *follower* of a
//! node (a dominator-tree child with two or more forward predecessors, or a loop exit that is
//! moved after its loop) becomes a labeled block `'b: { .. }` that the node's code is
//! nested in, exited by `break 'b`, followed by the follower's own code. Other children are
//! inlined where their single predecessor branches to them. Then the tree is simplified:
//! fall-through jumps dropped, `if`/`else` normalised (guard clauses keep the `else` code
//! after the `if`), loops starting with their exit test become `while`, unused labels
//! removed, labels dropped where a plain `break`/`continue` means the same.
//!
//! Irreducible CFGs become a state machine: `loop { match state { .. } }` with one arm per
//! block.
//!
//! Invariants: every reachable block's code appears exactly once in the output (so the
//! sidecar can point at it), unreachable blocks not at all; the generation walks the CFG with
//! explicit work stacks; a structural check runs on the result, and any failure falls back
//! to the state machine, which is always correct.

use std::collections::{BTreeMap, BTreeSet};
use xl_base::{SecondaryMap, Span};
use xl_ir::cfg::Cfg;
use xl_ir::{Block, Func, Terminator};

/// A jump target label.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// The labeled block before follower `b`.
    Block(Block),
    /// The loop headed by `b`.
    Loop(Block),
}

/// Which edge of a terminator an argument assignment belongs to.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The jump's target.
    Jump,
    /// The `then` target of a branch.
    Then,
    /// The `else` target of a branch.
    Else,
}

/// A structured statement.
#[derive(Clone, Debug, PartialEq)]
pub enum SNode {
    /// The straight-line code of a block.
    Code(Block),
    /// Assignment of block arguments to the parameters of `to` along an edge of `from`.
    Args {
        /// Source block.
        from: Block,
        /// Which edge.
        edge: Edge,
        /// Target block.
        to: Block,
    },
    /// `break ['l]` (`None`: the innermost loop).
    Break(Option<Label>),
    /// `continue ['l]`.
    Continue(Option<Label>),
    /// The return (or divergence) ending block `b`.
    Return(Block),
    /// `if cond(b) { then } else { els }` where `cond` is block `b`'s branch condition.
    If {
        /// Block whose condition this is.
        block: Block,
        /// Condition negated.
        negated: bool,
        /// Then branch.
        then_: Vec<SNode>,
        /// Else branch.
        else_: Vec<SNode>,
    },
    /// `match value(b) { .. }`.
    Match {
        /// Block whose switch this is.
        block: Block,
        /// `(case values, code)`.
        arms: Vec<(Vec<i128>, Vec<SNode>)>,
        /// The `_` arm.
        default: Vec<SNode>,
    },
    /// `['l:] loop { body }`.
    Loop {
        /// Label, if referenced.
        label: Option<Label>,
        /// Header block.
        header: Block,
        /// Body.
        body: Vec<SNode>,
    },
    /// `['l:] while cond(header) { body }`: the loop starts with empty blocks (`pre`) whose
    /// branch, or value-picking diamond feeding `header`'s branch, is the loop test.
    While {
        /// Label, if referenced.
        label: Option<Label>,
        /// The block whose branch is the test.
        header: Block,
        /// Test negated.
        negated: bool,
        /// The nodes forming the test: `[Code(header)]`, or `[Code(h), value-if, Code(header)]`.
        pre: Vec<SNode>,
        /// Body.
        body: Vec<SNode>,
    },
    /// `'b: { body }`.
    Labeled {
        /// Its label.
        label: Label,
        /// Body.
        body: Vec<SNode>,
    },
    /// State machine: `state = index(b)`.
    SetState(Block),
    /// State machine: `loop { match state { .. } }`, one arm per block.
    StateMachine {
        /// `(block, code)` in reverse post-order; the first is the entry.
        arms: Vec<(Block, Vec<SNode>)>,
    },
}

/// The structured body of a function.
#[derive(Clone, Debug)]
pub struct Structured {
    /// Statements.
    pub body: Vec<SNode>,
    /// True when the state-machine fallback was used.
    pub state_machine: bool,
    /// Why the state machine was used, if it was.
    pub why_state_machine: Option<String>,
}

// ----- generation -----

type ListId = usize;

#[derive(Clone, Debug)]
enum N {
    Code(Block),
    Args(Block, Edge, Block),
    Break(Label),
    Continue(Label),
    Return(Block),
    If(Block, ListId, ListId),
    Match(Block, Vec<(Vec<i128>, ListId)>, ListId),
    Loop(Block, ListId),
    Labeled(Label, ListId),
}

enum Task {
    Tree(Block, ListId),
    Branch(Block, Block, Option<Edge>, ListId),
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Kind {
    Inline,
    Follower,
}

struct Analysis {
    rpo: Vec<Block>,
    pos: SecondaryMap<Block, usize>,
    header: SecondaryMap<Block, bool>,
    /// Loop body of each header (as positions).
    loops: BTreeMap<Block, BTreeSet<Block>>,
    kind: SecondaryMap<Block, Option<Kind>>,
    parent: SecondaryMap<Block, Option<Block>>,
    followers: SecondaryMap<Block, Vec<Block>>,
}

const UNREACHED: usize = usize::MAX;

fn analyse(func: &Func, cfg: &Cfg) -> Analysis {
    let rpo = cfg.reverse_post_order(func);
    let mut pos: SecondaryMap<Block, usize> = SecondaryMap::with_default(UNREACHED);
    for (i, &b) in rpo.iter().enumerate() {
        pos[b] = i;
    }
    let doms = cfg.dominators(func);
    // Natural loops.
    let mut loops: BTreeMap<Block, BTreeSet<Block>> = BTreeMap::new();
    let mut header: SecondaryMap<Block, bool> = SecondaryMap::new();
    for (t, h) in cfg.back_edges(func, &doms) {
        header[h] = true;
        let body = loops.entry(h).or_default();
        body.insert(h);
        let mut work = vec![t];
        while let Some(n) = work.pop() {
            if body.insert(n) {
                for &p in &cfg.preds[n] {
                    if pos[p] != UNREACHED {
                        work.push(p);
                    }
                }
            }
        }
    }
    // Dominator tree: children, pre/post numbering for subtree tests.
    let mut children: SecondaryMap<Block, Vec<Block>> = SecondaryMap::new();
    for &b in &rpo {
        if let Some(d) = doms.idom(b) {
            children[d].push(b);
        }
    }
    let mut pre: SecondaryMap<Block, usize> = SecondaryMap::new();
    let mut post: SecondaryMap<Block, usize> = SecondaryMap::new();
    if let Some(&entry) = rpo.first() {
        let mut counter = 0;
        let mut stack = vec![(entry, 0usize)];
        pre[entry] = counter;
        counter += 1;
        while let Some((b, i)) = stack.pop() {
            if i < children[b].len() {
                stack.push((b, i + 1));
                let c = children[b][i];
                pre[c] = counter;
                counter += 1;
                stack.push((c, 0));
            } else {
                post[b] = counter;
            }
        }
    }
    let in_subtree = |root: Block, n: Block| pre[n] >= pre[root] && pre[n] < post[root];
    let terminal = |y: Block| {
        rpo.iter()
            .filter(|&&n| in_subtree(y, n))
            .all(|&n| cfg.succs[n].iter().all(|&s| s != y && in_subtree(y, s)))
    };
    let subtree_size = |y: Block| post[y] - pre[y];
    let max_line = |h: Block| {
        loops[&h]
            .iter()
            .map(|b| func.blocks[*b].span.line)
            .max()
            .unwrap_or(0)
    };
    // Is `y`'s code after loop `h` in the source? Compared with where the code after the
    // loop starts (the header's exit), else with the last line of the loop's blocks.
    // Where a block's code starts: its first instruction (a block's own span is that of the
    // statement that created it, e.g. the whole `for`).
    let code_span = |b: Block| -> &Span {
        match func.blocks[b].insts.first() {
            Some(i) => &func.insts[*i].span,
            None => &func.blocks[b].span,
        }
    };
    let span_after = |y: Block, h: Block| {
        let ys: &Span = code_span(y);
        let hs: &Span = &func.blocks[h].span;
        if ys.line == 0 || ys.file != hs.file {
            return false;
        }
        let exit = cfg.succs[h].iter().find(|s| !loops[&h].contains(s));
        match exit.map(|e| code_span(*e)) {
            Some(es) if es.line > 0 && es.file == ys.file => (ys.line, ys.col) >= (es.line, es.col),
            _ => ys.line > max_line(h),
        }
    };
    let mut kind: SecondaryMap<Block, Option<Kind>> = SecondaryMap::new();
    let mut parent: SecondaryMap<Block, Option<Block>> = SecondaryMap::new();
    let mut followers: SecondaryMap<Block, Vec<Block>> = SecondaryMap::new();
    for &y in rpo.iter().skip(1) {
        let Some(d) = doms.idom(y) else { continue };
        let fwd = cfg.preds[y]
            .iter()
            .filter(|&&p| pos[p] != UNREACHED && pos[p] < pos[y])
            .count();
        let merge = fwd >= 2;
        // Loops containing the idom but not y, outermost first.
        let exited: Vec<Block> = loops
            .iter()
            .filter(|(_, body)| body.contains(&d))
            .filter(|(_, body)| !body.contains(&y))
            .map(|(h, _)| *h)
            .collect::<Vec<_>>();
        let mut exited = exited;
        exited.sort_by_key(|h| pos[*h]);
        // A block that only jumps on is best left where it is: it becomes that jump.
        let trivial =
            func.blocks[y].insts.is_empty() && matches!(func.blocks[y].term, Terminator::Jump(_));
        let reloc = match exited.first() {
            _ if trivial => None,
            Some(&h0) if h0 == d || !terminal(y) || span_after(y, h0) || subtree_size(y) > 4 => {
                Some(h0)
            }
            Some(_) if exited.contains(&d) => Some(d),
            _ => None,
        };
        match reloc {
            Some(h) => {
                parent[y] = Some(h);
                kind[y] = Some(Kind::Follower);
                followers[h].push(y);
            }
            None => {
                parent[y] = Some(d);
                if merge {
                    kind[y] = Some(Kind::Follower);
                    followers[d].push(y);
                } else {
                    kind[y] = Some(Kind::Inline);
                }
            }
        }
    }
    for &b in &rpo {
        let mut f = std::mem::take(&mut followers[b]);
        f.sort_by_key(|x| pos[*x]);
        followers[b] = f;
    }
    Analysis {
        rpo,
        pos,
        header,
        loops,
        kind,
        parent,
        followers,
    }
}

fn generate(func: &Func, a: &Analysis) -> Result<Vec<SNode>, String> {
    let mut lists: Vec<Vec<N>> = vec![Vec::new()];
    let Some(&entry) = a.rpo.first() else {
        return Ok(vec![]);
    };
    let mut tasks = vec![Task::Tree(entry, 0)];
    let mut emitted: BTreeSet<Block> = BTreeSet::new();
    let new_list = |lists: &mut Vec<Vec<N>>| {
        lists.push(Vec::new());
        lists.len() - 1
    };
    while let Some(t) = tasks.pop() {
        match t {
            Task::Tree(x, list) => {
                if !emitted.insert(x) {
                    return Err(format!("{x} placed twice"));
                }
                let f = &a.followers[x];
                let is_header = a.header[x];
                let (out, inn): (Vec<Block>, Vec<Block>) = if is_header {
                    f.iter().partition(|b| !a.loops[&x].contains(b))
                } else {
                    (Vec::new(), f.clone())
                };
                let mut cur = list;
                for &y in out.iter().rev() {
                    let l = new_list(&mut lists);
                    lists[cur].push(N::Labeled(Label::Block(y), l));
                    tasks.push(Task::Tree(y, cur));
                    cur = l;
                }
                if is_header {
                    let l = new_list(&mut lists);
                    lists[cur].push(N::Loop(x, l));
                    cur = l;
                }
                for &y in inn.iter().rev() {
                    let l = new_list(&mut lists);
                    lists[cur].push(N::Labeled(Label::Block(y), l));
                    tasks.push(Task::Tree(y, cur));
                    cur = l;
                }
                lists[cur].push(N::Code(x));
                match &func.blocks[x].term {
                    Terminator::Jump(c) => {
                        tasks.push(Task::Branch(x, c.block, Some(Edge::Jump), cur))
                    }
                    Terminator::Branch {
                        then_dest,
                        else_dest,
                        ..
                    } => {
                        if then_dest.block == else_dest.block {
                            let (t, e) = (new_list(&mut lists), new_list(&mut lists));
                            if !func.blocks[then_dest.block].params.is_empty() {
                                lists[t].push(N::Args(x, Edge::Then, then_dest.block));
                                lists[e].push(N::Args(x, Edge::Else, then_dest.block));
                            }
                            lists[cur].push(N::If(x, t, e));
                            tasks.push(Task::Branch(x, then_dest.block, None, cur));
                        } else {
                            let (t, e) = (new_list(&mut lists), new_list(&mut lists));
                            lists[cur].push(N::If(x, t, e));
                            tasks.push(Task::Branch(x, else_dest.block, Some(Edge::Else), e));
                            tasks.push(Task::Branch(x, then_dest.block, Some(Edge::Then), t));
                        }
                    }
                    Terminator::Switch { cases, default, .. } => {
                        let mut groups: Vec<(Vec<i128>, Block)> = Vec::new();
                        for (v, b) in cases {
                            if b == default {
                                continue;
                            }
                            match groups.iter_mut().find(|(_, t)| t == b) {
                                Some(g) => g.0.push(*v),
                                None => groups.push((vec![*v], *b)),
                            }
                        }
                        let mut arms = Vec::new();
                        let mut pending = Vec::new();
                        for (vals, b) in groups {
                            let l = new_list(&mut lists);
                            arms.push((vals, l));
                            pending.push(Task::Branch(x, b, None, l));
                        }
                        let d = new_list(&mut lists);
                        pending.push(Task::Branch(x, *default, None, d));
                        lists[cur].push(N::Match(x, arms, d));
                        for t in pending.into_iter().rev() {
                            tasks.push(t);
                        }
                    }
                    Terminator::Return(_) | Terminator::Unreachable => {
                        lists[cur].push(N::Return(x))
                    }
                }
            }
            Task::Branch(from, to, edge, list) => {
                if let Some(e) = edge {
                    if !func.blocks[to].params.is_empty() {
                        lists[list].push(N::Args(from, e, to));
                    }
                }
                if a.pos[to] <= a.pos[from] {
                    if !a.header[to] {
                        return Err(format!("back edge {from} -> {to} to a non-header"));
                    }
                    lists[list].push(N::Continue(Label::Loop(to)));
                } else if a.kind[to] == Some(Kind::Follower) {
                    lists[list].push(N::Break(Label::Block(to)));
                } else if a.parent[to] == Some(from) {
                    tasks.push(Task::Tree(to, list));
                } else {
                    return Err(format!("edge {from} -> {to} has no structured form"));
                }
            }
        }
    }
    if emitted.len() != a.rpo.len() {
        return Err("not every reachable block was placed".to_string());
    }
    // Arena to tree (explicit stack, children before parents).
    Ok(build_tree(&mut lists, 0))
}

fn build_tree(lists: &mut [Vec<N>], root: ListId) -> Vec<SNode> {
    let mut done: BTreeMap<ListId, Vec<SNode>> = BTreeMap::new();
    // Post-order over list ids.
    let mut stack = vec![(root, false)];
    while let Some((l, expanded)) = stack.pop() {
        if expanded {
            let items = std::mem::take(&mut lists[l]);
            let mut out = Vec::new();
            for n in items {
                let mut take = |id: ListId| done.remove(&id).unwrap_or_default();
                out.push(match n {
                    N::Code(b) => SNode::Code(b),
                    N::Args(f, e, t) => SNode::Args {
                        from: f,
                        edge: e,
                        to: t,
                    },
                    N::Break(l) => SNode::Break(Some(l)),
                    N::Continue(l) => SNode::Continue(Some(l)),
                    N::Return(b) => SNode::Return(b),
                    N::If(b, t, e) => SNode::If {
                        block: b,
                        negated: false,
                        then_: take(t),
                        else_: take(e),
                    },
                    N::Match(b, arms, d) => SNode::Match {
                        block: b,
                        arms: arms.into_iter().map(|(v, l)| (v, take(l))).collect(),
                        default: take(d),
                    },
                    N::Loop(h, l) => SNode::Loop {
                        label: Some(Label::Loop(h)),
                        header: h,
                        body: take(l),
                    },
                    N::Labeled(lb, l) => SNode::Labeled {
                        label: lb,
                        body: take(l),
                    },
                });
            }
            done.insert(l, out);
        } else {
            stack.push((l, true));
            for n in &lists[l] {
                match n {
                    N::If(_, t, e) => {
                        stack.push((*t, false));
                        stack.push((*e, false));
                    }
                    N::Match(_, arms, d) => {
                        for (_, a) in arms {
                            stack.push((*a, false));
                        }
                        stack.push((*d, false));
                    }
                    N::Loop(_, l) | N::Labeled(_, l) => stack.push((*l, false)),
                    _ => {}
                }
            }
        }
    }
    done.remove(&root).unwrap_or_default()
}

/// The state-machine form of `func`: always correct, used for irreducible CFGs.
pub fn state_machine(func: &Func, cfg: &Cfg) -> Vec<SNode> {
    let rpo = cfg.reverse_post_order(func);
    let mut arms = Vec::new();
    for &b in &rpo {
        let mut code = vec![SNode::Code(b)];
        let goto = |from: Block, to: Block, edge: Option<Edge>| {
            let mut v = Vec::new();
            if let Some(e) = edge {
                if !func.blocks[to].params.is_empty() {
                    v.push(SNode::Args { from, edge: e, to });
                }
            }
            v.push(SNode::SetState(to));
            v
        };
        match &func.blocks[b].term {
            Terminator::Jump(c) => code.extend(goto(b, c.block, Some(Edge::Jump))),
            Terminator::Branch {
                then_dest,
                else_dest,
                ..
            } => code.push(SNode::If {
                block: b,
                negated: false,
                then_: goto(b, then_dest.block, Some(Edge::Then)),
                else_: goto(b, else_dest.block, Some(Edge::Else)),
            }),
            Terminator::Switch { cases, default, .. } => {
                let mut groups: Vec<(Vec<i128>, Block)> = Vec::new();
                for (v, t) in cases {
                    if t == default {
                        continue;
                    }
                    match groups.iter_mut().find(|(_, x)| x == t) {
                        Some(g) => g.0.push(*v),
                        None => groups.push((vec![*v], *t)),
                    }
                }
                code.push(SNode::Match {
                    block: b,
                    arms: groups
                        .into_iter()
                        .map(|(v, t)| (v, goto(b, t, None)))
                        .collect(),
                    default: goto(b, *default, None),
                });
            }
            Terminator::Return(_) | Terminator::Unreachable => code.push(SNode::Return(b)),
        }
        arms.push((b, code));
    }
    vec![SNode::StateMachine { arms }]
}

/// Structures `func`. `empty` lists blocks whose code is empty (candidates for `while`
/// headers).
pub fn structure(func: &Func, empty: &BTreeSet<Block>) -> Structured {
    let cfg = Cfg::compute(func);
    let fallback = |why: String| {
        let mut body = state_machine(func, &cfg);
        simplify(&mut body, empty, func);
        Structured {
            body,
            state_machine: true,
            why_state_machine: Some(why),
        }
    };
    if !cfg.is_reducible(func) {
        return fallback("irreducible control flow".to_string());
    }
    let a = analyse(func, &cfg);
    match generate(func, &a) {
        Ok(mut body) => {
            if let Err(e) = check(&body, &a.rpo) {
                return fallback(format!("internal: structuring check failed ({e})"));
            }
            simplify(&mut body, empty, func);
            if let Err(e) = check(&body, &a.rpo) {
                return fallback(format!("internal: simplification check failed ({e})"));
            }
            Structured {
                body,
                state_machine: false,
                why_state_machine: None,
            }
        }
        Err(e) => fallback(format!("internal: {e}")),
    }
}

// ----- checking -----

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Frame {
    Loop(Option<Label>),
    Block(Label),
}

/// Checks every jump's label is in scope and every reachable block appears once.
fn check(body: &[SNode], rpo: &[Block]) -> Result<(), String> {
    let mut seen = BTreeSet::new();
    let mut frames = Vec::new();
    check_list(body, &mut frames, &mut seen)?;
    for b in rpo {
        if !seen.contains(b) {
            return Err(format!("{b} missing"));
        }
    }
    Ok(())
}

fn check_list(
    list: &[SNode],
    frames: &mut Vec<Frame>,
    seen: &mut BTreeSet<Block>,
) -> Result<(), String> {
    for n in list {
        match n {
            SNode::Code(b) => {
                if !seen.insert(*b) {
                    return Err(format!("{b} twice"));
                }
            }
            SNode::Break(l) | SNode::Continue(l) => {
                let is_break = matches!(n, SNode::Break(_));
                let ok = match l {
                    None => {
                        // Innermost loop, with no labeled block in between (E0695).
                        matches!(
                            frames
                                .iter()
                                .rev()
                                .find(|f| matches!(f, Frame::Loop(_) | Frame::Block(_))),
                            Some(Frame::Loop(_))
                        )
                    }
                    Some(lb @ Label::Block(_)) => is_break && frames.contains(&Frame::Block(*lb)),
                    Some(lb @ Label::Loop(_)) => frames.contains(&Frame::Loop(Some(*lb))),
                };
                if !ok {
                    return Err(format!("jump {n:?} out of scope"));
                }
            }
            SNode::If { then_, else_, .. } => {
                check_list(then_, frames, seen)?;
                check_list(else_, frames, seen)?;
            }
            SNode::Match { arms, default, .. } => {
                for (_, a) in arms {
                    check_list(a, frames, seen)?;
                }
                check_list(default, frames, seen)?;
            }
            SNode::Loop { label, body, .. } => {
                frames.push(Frame::Loop(*label));
                check_list(body, frames, seen)?;
                frames.pop();
            }
            SNode::While {
                label, pre, body, ..
            } => {
                frames.push(Frame::Loop(*label));
                check_list(pre, frames, seen)?;
                check_list(body, frames, seen)?;
                frames.pop();
            }
            SNode::Labeled { label, body } => {
                frames.push(Frame::Block(*label));
                check_list(body, frames, seen)?;
                frames.pop();
            }
            SNode::StateMachine { arms } => {
                frames.push(Frame::Loop(None));
                for (_, a) in arms {
                    check_list(a, frames, seen)?;
                }
                frames.pop();
            }
            SNode::Args { .. } | SNode::Return(_) | SNode::SetState(_) => {}
        }
    }
    Ok(())
}

// ----- simplification -----

/// Runs all simplifications to a fixpoint (bounded).
pub fn simplify(body: &mut Vec<SNode>, empty: &BTreeSet<Block>, func: &Func) {
    for _ in 0..6 {
        let before = body.clone();
        relabel_loop_exits(body);
        strip_tails(body, &[]);
        normalize_ifs(body, empty);
        remove_unused_labels(body);
        if *body == before {
            break;
        }
    }
    make_whiles(body, empty, func);
    unlabel(body, &mut Vec::new());
    remove_unused_labels(body);
}

fn for_each_list(n: &mut SNode, f: &mut dyn FnMut(&mut Vec<SNode>)) {
    match n {
        SNode::If { then_, else_, .. } => {
            f(then_);
            f(else_);
        }
        SNode::Match { arms, default, .. } => {
            for (_, a) in arms {
                f(a);
            }
            f(default);
        }
        SNode::Loop { body, .. } | SNode::While { body, .. } | SNode::Labeled { body, .. } => {
            f(body)
        }
        SNode::StateMachine { arms } => {
            for (_, a) in arms {
                f(a);
            }
        }
        _ => {}
    }
}

/// `'b: { .. 'l: loop { .. break 'b .. } }`: inside the loop, `break 'b` is `break 'l`.
fn relabel_loop_exits(list: &mut [SNode]) {
    for n in list.iter_mut() {
        if let SNode::Labeled { label, body } = n {
            let b = *label;
            if let Some(SNode::Loop {
                label: Some(l),
                body: lbody,
                ..
            }) = body.last_mut()
            {
                let l = *l;
                rename_breaks(lbody, b, l);
            }
        }
        for_each_list(n, &mut |l| relabel_loop_exits(l));
    }
}

fn rename_breaks(list: &mut [SNode], from: Label, to: Label) {
    for n in list.iter_mut() {
        if let SNode::Break(Some(l)) = n {
            if *l == from {
                *l = to;
            }
        }
        for_each_list(n, &mut |l| rename_breaks(l, from, to));
    }
}

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
enum Jump {
    Break(Label),
    Continue(Label),
}

fn as_jump(n: &SNode) -> Option<Jump> {
    match n {
        SNode::Break(Some(l)) => Some(Jump::Break(*l)),
        SNode::Continue(Some(l)) => Some(Jump::Continue(*l)),
        _ => None,
    }
}

/// Removes jumps that only go where falling off the end goes anyway.
fn strip_tails(list: &mut Vec<SNode>, equiv: &[Jump]) {
    let n = list.len();
    for (i, node) in list.iter_mut().enumerate() {
        let last = i + 1 == n;
        let outer: Vec<Jump> = if last { equiv.to_vec() } else { Vec::new() };
        match node {
            SNode::Labeled { label, body } => {
                let mut e = outer.clone();
                e.push(Jump::Break(*label));
                strip_tails(body, &e);
            }
            SNode::Loop { label, body, .. } | SNode::While { label, body, .. } => {
                let e: Vec<Jump> = label.iter().map(|l| Jump::Continue(*l)).collect();
                strip_tails(body, &e);
            }
            SNode::If { then_, else_, .. } => {
                strip_tails(then_, &outer);
                strip_tails(else_, &outer);
            }
            SNode::Match { arms, default, .. } => {
                for (_, a) in arms.iter_mut() {
                    strip_tails(a, &outer);
                }
                strip_tails(default, &outer);
            }
            SNode::StateMachine { arms } => {
                for (_, a) in arms.iter_mut() {
                    strip_tails(a, &[]);
                }
            }
            _ => {}
        }
    }
    if let Some(j) = list.last().and_then(as_jump) {
        if equiv.contains(&j) {
            list.pop();
        }
    }
}

/// True when control cannot fall off the end of `list`.
fn diverges(list: &[SNode]) -> bool {
    match list.last() {
        Some(SNode::Break(_) | SNode::Continue(_) | SNode::Return(_)) => true,
        Some(SNode::If { then_, else_, .. }) => diverges(then_) && diverges(else_),
        Some(SNode::Match { arms, default, .. }) => {
            arms.iter().all(|(_, a)| diverges(a)) && diverges(default)
        }
        _ => false,
    }
}

/// True when `list` renders to no statements (only empty blocks' code).
fn renders_empty(list: &[SNode], empty: &BTreeSet<Block>) -> bool {
    list.iter()
        .all(|n| matches!(n, SNode::Code(b) if empty.contains(b)))
}

fn normalize_ifs(list: &mut Vec<SNode>, empty: &BTreeSet<Block>) {
    let mut i = 0;
    while i < list.len() {
        for_each_list(&mut list[i], &mut |l| normalize_ifs(l, empty));
        if let SNode::If {
            negated,
            then_,
            else_,
            ..
        } = &mut list[i]
        {
            if renders_empty(then_, empty) && !renders_empty(else_, empty) {
                std::mem::swap(then_, else_);
                *negated = !*negated;
            }
            // Guard clause: `if c { ..; return } else { rest }` -> `if c { ..; return } rest`.
            if !else_.is_empty() && diverges(then_) {
                let rest = std::mem::take(else_);
                let at = i + 1;
                list.splice(at..at, rest);
            }
        }
        i += 1;
    }
}

fn count_refs(list: &[SNode], counts: &mut BTreeMap<Label, usize>) {
    for n in list {
        match n {
            SNode::Break(Some(l)) | SNode::Continue(Some(l)) => *counts.entry(*l).or_default() += 1,
            _ => {}
        }
        let mut n2 = n.clone();
        for_each_list(&mut n2, &mut |l| count_refs(l, counts));
    }
}

fn remove_unused_labels(body: &mut Vec<SNode>) {
    let mut counts = BTreeMap::new();
    count_refs(body, &mut counts);
    drop_labels(body, &counts);
}

fn drop_labels(list: &mut Vec<SNode>, counts: &BTreeMap<Label, usize>) {
    let mut i = 0;
    while i < list.len() {
        for_each_list(&mut list[i], &mut |l| drop_labels(l, counts));
        match &mut list[i] {
            SNode::Labeled { label, body } if !counts.contains_key(label) => {
                let inner = std::mem::take(body);
                let k = inner.len();
                list.splice(i..=i, inner);
                i += k;
                continue;
            }
            SNode::Loop { label, .. } | SNode::While { label, .. }
                if label.is_some_and(|l| !counts.contains_key(&l)) =>
            {
                *label = None;
            }
            _ => {}
        }
        i += 1;
    }
}

/// True when `list` is empty blocks' code then `Args` into `m` (or a nested value-picking
/// `if`): one arm of a diamond that only picks the value of `m`'s parameter.
fn value_arm(list: &[SNode], m: Block, empty: &BTreeSet<Block>) -> bool {
    let rest: Vec<&SNode> = list
        .iter()
        .skip_while(|n| matches!(n, SNode::Code(b) if empty.contains(b)))
        .collect();
    match rest.as_slice() {
        [SNode::Args { to, .. }] => *to == m,
        [SNode::If { then_, else_, .. }] => {
            value_arm(then_, m, empty) && value_arm(else_, m, empty)
        }
        _ => false,
    }
}

/// For a loop body starting `Code(h); if .. { v = a } else { v = b }; Code(m)` where `m`
/// branches on its only parameter `v` and uses it nowhere else: the number of nodes that
/// form the condition (3) and the test block `m`.
fn value_test_prefix(
    func: &Func,
    body: &[SNode],
    empty: &BTreeSet<Block>,
) -> Option<(usize, Block)> {
    let [SNode::Code(h), SNode::If {
        block,
        then_,
        else_,
        ..
    }, SNode::Code(m), ..] = body
    else {
        return None;
    };
    if block != h || !empty.contains(h) || !empty.contains(m) {
        return None;
    }
    let bd = &func.blocks[*m];
    let [p] = bd.params.as_slice() else {
        return None;
    };
    let Terminator::Branch {
        cond,
        then_dest,
        else_dest,
    } = &bd.term
    else {
        return None;
    };
    let used_elsewhere = bd
        .insts
        .iter()
        .any(|i| func.insts[*i].op.operands().contains(p))
        || then_dest.args.contains(p)
        || else_dest.args.contains(p);
    if cond != p || used_elsewhere || !value_arm(then_, *m, empty) || !value_arm(else_, *m, empty) {
        return None;
    }
    Some((3, *m))
}

fn make_whiles(list: &mut [SNode], empty: &BTreeSet<Block>, func: &Func) {
    for n in list.iter_mut() {
        for_each_list(n, &mut |l| make_whiles(l, empty, func));
        let SNode::Loop {
            label,
            header,
            body,
        } = n
        else {
            continue;
        };
        let h = *header;
        if !matches!(body.first(), Some(SNode::Code(b)) if *b == h && empty.contains(&h)) {
            continue;
        }
        // The loop test: the header's own branch, or (for `a && b` conditions) the branch of
        // the block that receives the combined value.
        let (k, t) = value_test_prefix(func, body, empty).unwrap_or((1, h));
        let own = label.map(Jump::Break);
        let is_own_break = |x: &SNode| own.is_some() && as_jump(x) == own;
        let rebuilt = match body.get(k) {
            Some(SNode::If {
                block,
                negated,
                then_,
                else_,
            }) if *block == t => {
                if body.len() == k + 1 && else_.len() == 1 && is_own_break(&else_[0]) {
                    Some((*negated, then_.clone()))
                } else if then_.len() == 1 && is_own_break(&then_[0]) && else_.is_empty() {
                    Some((!*negated, body[k + 1..].to_vec()))
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some((negated, b)) = rebuilt {
            let pre = body[..k].to_vec();
            *n = SNode::While {
                label: *label,
                header: t,
                negated,
                pre,
                body: b,
            };
        }
    }
}

/// Drops labels from `break`/`continue` that target the innermost loop with no labeled
/// block in between.
fn unlabel(list: &mut [SNode], frames: &mut Vec<Frame>) {
    for n in list.iter_mut() {
        match n {
            SNode::Break(l) | SNode::Continue(l) => {
                if let Some(lb @ Label::Loop(_)) = l {
                    if frames.last() == Some(&Frame::Loop(Some(*lb))) {
                        *l = None;
                    }
                }
            }
            SNode::Loop { label, body, .. } | SNode::While { label, body, .. } => {
                frames.push(Frame::Loop(*label));
                unlabel(body, frames);
                frames.pop();
            }
            SNode::Labeled { label, body } => {
                frames.push(Frame::Block(*label));
                unlabel(body, frames);
                frames.pop();
            }
            SNode::StateMachine { arms } => {
                frames.push(Frame::Loop(None));
                for (_, a) in arms.iter_mut() {
                    unlabel(a, frames);
                }
                frames.pop();
            }
            other => for_each_list(other, &mut |l| unlabel(l, frames)),
        }
    }
}
