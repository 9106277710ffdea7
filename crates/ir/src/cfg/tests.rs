//! CFG view tests: for every function of `test_data/cfg/*.ir`, a dump of successors,
//! predecessors, immediate dominators, reverse post-order, back edges, natural loops and
//! reducibility, compared with the blessed `*.cfg` file beside it.

use super::*;
use crate::text::parse_module;
use std::fmt::Write;
use std::path::Path;

fn list(blocks: &[Block]) -> String {
    let names: Vec<String> = blocks.iter().map(|b| b.to_string()).collect();
    format!("[{}]", names.join(", "))
}

fn dump(func: &Func) -> String {
    let mut out = String::new();
    let cfg = Cfg::compute(func);
    let doms = cfg.dominators(func);
    for b in func.blocks.keys() {
        let idom = doms.idom(b).map_or("-".to_string(), |d| d.to_string());
        let _ = writeln!(
            out,
            "  {b}: succs {} preds {} idom {idom}",
            list(&cfg.succs[b]),
            list(&cfg.preds[b])
        );
    }
    let _ = writeln!(out, "  rpo {}", list(&cfg.reverse_post_order(func)));
    let edges: Vec<String> = cfg
        .back_edges(func, &doms)
        .iter()
        .map(|(from, to)| format!("{from}->{to}"))
        .collect();
    let _ = writeln!(out, "  back edges [{}]", edges.join(", "));
    for (i, l) in cfg.natural_loops(func, &doms).iter().enumerate() {
        let parent = l.parent.map_or("-".to_string(), |p| format!("loop{p}"));
        let _ = writeln!(
            out,
            "  loop{i}: header {} latches {} body {} parent {parent}",
            l.header,
            list(&l.latches),
            list(&l.body)
        );
    }
    let _ = writeln!(out, "  reducible {}", cfg.is_reducible(func));
    out
}

#[test]
fn cfg_views_of_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/cfg");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ir"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 4);
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let m = parse_module(&text).unwrap_or_else(|e| panic!("{}:{e}", path.display()));
        crate::verify::verify_module(&m).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        let mut out = String::new();
        for (id, f) in m.funcs.iter() {
            let _ = writeln!(out, "{id} {:?}", f.name);
            out.push_str(&dump(f));
        }
        expect_test::expect_file![path.with_extension("cfg")].assert_eq(&out);
    }
}
