//! Derived control-flow views: successors, predecessors, reverse post-order, dominators,
//! back edges, reducibility and natural loops. Always recomputed from the terminators, never
//! stored in the IR.
//!
//! All traversals use explicit worklists (no recursion), so very long functions cannot
//! overflow the stack.

use crate::{Block, Func};
use petgraph::graphmap::DiGraphMap;
use xl_base::SecondaryMap;

/// Predecessor and successor lists of every block.
#[derive(Clone, Debug)]
pub struct Cfg {
    /// Successors, in terminator order, without duplicates.
    pub succs: SecondaryMap<Block, Vec<Block>>,
    /// Predecessors, in block order, without duplicates.
    pub preds: SecondaryMap<Block, Vec<Block>>,
}

impl Cfg {
    /// Computes the CFG of `func`.
    pub fn compute(func: &Func) -> Cfg {
        let mut succs: SecondaryMap<Block, Vec<Block>> = SecondaryMap::new();
        let mut preds: SecondaryMap<Block, Vec<Block>> = SecondaryMap::new();
        for (b, data) in func.blocks.iter() {
            let mut s = data.term.successors();
            let mut seen = Vec::new();
            s.retain(|x| {
                if seen.contains(x) {
                    false
                } else {
                    seen.push(*x);
                    true
                }
            });
            for &t in &s {
                if !preds[t].contains(&b) {
                    preds[t].push(b);
                }
            }
            succs[b] = s;
        }
        Cfg { succs, preds }
    }

    /// Blocks reachable from the entry in reverse post-order (each block before its
    /// successors, except along back edges).
    pub fn reverse_post_order(&self, func: &Func) -> Vec<Block> {
        let mut visited: SecondaryMap<Block, bool> = SecondaryMap::new();
        let mut post = Vec::new();
        // Stack of (block, index of next successor to visit).
        let mut stack = vec![(func.entry, 0usize)];
        visited[func.entry] = true;
        while let Some((b, i)) = stack.pop() {
            let s = &self.succs[b];
            if i < s.len() {
                stack.push((b, i + 1));
                let n = s[i];
                if !visited[n] {
                    visited[n] = true;
                    stack.push((n, 0));
                }
            } else {
                post.push(b);
            }
        }
        post.reverse();
        post
    }

    /// The CFG as a petgraph graph over reachable blocks, for `petgraph::algo`.
    pub fn to_graph(&self, func: &Func) -> DiGraphMap<Block, ()> {
        let mut g = DiGraphMap::new();
        for b in self.reverse_post_order(func) {
            g.add_node(b);
            for &s in &self.succs[b] {
                g.add_edge(b, s, ());
            }
        }
        g
    }

    /// Immediate dominators of the reachable blocks (the entry has none).
    pub fn dominators(&self, func: &Func) -> Dominators {
        let g = self.to_graph(func);
        let doms = petgraph::algo::dominators::simple_fast(&g, func.entry);
        let mut idom: SecondaryMap<Block, Option<Block>> = SecondaryMap::new();
        for b in self.reverse_post_order(func) {
            idom[b] = doms.immediate_dominator(b);
        }
        Dominators {
            idom,
            entry: func.entry,
        }
    }

    /// Back edges `(from, to)` where `to` dominates `from`, i.e. the natural loops' latches
    /// and headers, in reverse post-order of `from`.
    pub fn back_edges(&self, func: &Func, doms: &Dominators) -> Vec<(Block, Block)> {
        let mut out = Vec::new();
        for b in self.reverse_post_order(func) {
            for &s in &self.succs[b] {
                if doms.dominates(s, b) {
                    out.push((b, s));
                }
            }
        }
        out
    }

    /// The natural loops, one per header (back edges to one header share a loop), ordered by
    /// the header's reverse post-order position, so an enclosing loop comes before the loops
    /// nested in it. The body of the loop of back edges `latch -> header` is the header plus
    /// every block that reaches a latch without passing through the header, found by a
    /// backwards worklist from the latches. Cycles without a dominating header (irreducible
    /// control flow) form no natural loop; see [`Cfg::is_reducible`].
    pub fn natural_loops(&self, func: &Func, doms: &Dominators) -> Vec<Loop> {
        let mut loops: Vec<Loop> = Vec::new();
        for (latch, header) in self.back_edges(func, doms) {
            match loops.iter_mut().find(|l| l.header == header) {
                Some(l) => l.latches.push(latch),
                None => loops.push(Loop {
                    header,
                    latches: vec![latch],
                    body: vec![],
                    parent: None,
                }),
            }
        }
        let rpo = self.reverse_post_order(func);
        let mut pos: SecondaryMap<Block, usize> = SecondaryMap::with_default(usize::MAX);
        for (i, &b) in rpo.iter().enumerate() {
            pos[b] = i;
        }
        loops.sort_by_key(|l| pos[l.header]);
        for l in &mut loops {
            let mut in_body: SecondaryMap<Block, bool> = SecondaryMap::new();
            in_body[l.header] = true;
            let mut body = vec![l.header];
            let mut work = l.latches.clone();
            while let Some(b) = work.pop() {
                if in_body[b] {
                    continue;
                }
                in_body[b] = true;
                body.push(b);
                // Unreachable predecessors are not dominated by the header: not in the loop.
                work.extend(
                    self.preds[b]
                        .iter()
                        .copied()
                        .filter(|&p| doms.dominates(l.header, p)),
                );
            }
            body.sort();
            l.body = body;
            l.latches.sort();
        }
        // The parent is the innermost other loop whose body holds the header.
        for i in 0..loops.len() {
            let header = loops[i].header;
            loops[i].parent = (0..loops.len())
                .filter(|&j| j != i && loops[j].body.binary_search(&header).is_ok())
                .min_by_key(|&j| loops[j].body.len());
        }
        loops
    }

    /// True when every cycle is entered through a single header that dominates it (reducible
    /// CFG), so structured loops can express it.
    pub fn is_reducible(&self, func: &Func) -> bool {
        let doms = self.dominators(func);
        let rpo = self.reverse_post_order(func);
        let mut pos: SecondaryMap<Block, usize> = SecondaryMap::with_default(usize::MAX);
        for (i, &b) in rpo.iter().enumerate() {
            pos[b] = i;
        }
        // An edge that goes backwards in RPO must be a back edge to a dominator.
        rpo.iter().all(|&b| {
            self.succs[b]
                .iter()
                .all(|&s| pos[s] > pos[b] || doms.dominates(s, b))
        })
    }
}

/// A natural loop (see [`Cfg::natural_loops`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loop {
    /// The single entry of the loop; it dominates every block of the body.
    pub header: Block,
    /// Sources of the back edges to `header`, in block order.
    pub latches: Vec<Block>,
    /// Every block of the loop, the header included, in block order.
    pub body: Vec<Block>,
    /// Index (in the list [`Cfg::natural_loops`] returned) of the innermost enclosing loop.
    pub parent: Option<usize>,
}

/// The dominator tree as immediate dominators.
#[derive(Clone, Debug)]
pub struct Dominators {
    idom: SecondaryMap<Block, Option<Block>>,
    entry: Block,
}

impl Dominators {
    /// Immediate dominator of `b` (None for the entry and unreachable blocks).
    pub fn idom(&self, b: Block) -> Option<Block> {
        self.idom[b]
    }
    /// True when `a` dominates `b` (every block dominates itself).
    pub fn dominates(&self, a: Block, b: Block) -> bool {
        let mut cur = Some(b);
        while let Some(c) = cur {
            if c == a {
                return true;
            }
            if c == self.entry {
                return false;
            }
            cur = self.idom[c];
        }
        false
    }
}

#[cfg(test)]
mod tests;
