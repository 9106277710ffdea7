//! The emitter's `NameMap` names what the package text really uses: for every snapshot case
//! (`test_data/ok/*.ir`, several lowered from C by the frontend), every function, struct,
//! field, global and variable name in the map occurs in the root file as a whole identifier,
//! with the expected item form (`fn NAME`, `struct NAME`, `const`/`static`/`Cell`/`RefCell`).

use std::path::Path;
use xl_emit::{emit_crate, EmitOptions, GlobalStorage, NameMap};

/// Identifiers of `text`, by a plain scan (good enough for emitted code).
fn idents(text: &str) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.insert(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.insert(cur);
    }
    out
}

fn check_case(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let module = xl_ir::text::parse_module(&text).unwrap();
    let out = emit_crate(
        &module,
        &EmitOptions {
            crate_name: "t".to_string(),
        },
    );
    let root = out
        .files
        .iter()
        .find(|(p, _)| p == "src/main.rs" || p == "src/lib.rs")
        .map(|(_, t)| t.clone())
        .unwrap();
    let ids = idents(&root);
    let names: &NameMap = &out.names;
    let case = path.file_stem().unwrap().to_string_lossy().to_string();
    let mut errs = Vec::new();
    let mut need = |what: String, ok: bool| {
        if !ok {
            errs.push(format!("{case}: {what}"));
        }
    };
    assert_eq!(
        names.funcs.len(),
        module.funcs.len(),
        "{case}: one entry per function"
    );
    for (f, n) in &names.funcs {
        need(
            format!("fn {n} ({})", module.funcs[*f].name),
            root.contains(&format!("fn {n}(")),
        );
    }
    for (c, n) in &names.decls {
        need(
            format!("decl stub fn {n} ({c})"),
            root.contains(&format!("fn {n}(")),
        );
    }
    for (_, n, fields) in &names.structs {
        need(
            format!("struct {n}"),
            root.contains(&format!("struct {n} {{")),
        );
        for f in fields {
            need(format!("field {n}.{f}"), root.contains(&format!("{f}: ")));
        }
    }
    for (g, n, storage) in &names.globals {
        let form = match storage {
            GlobalStorage::Const => format!("const {n}: "),
            GlobalStorage::Static => format!("static {n}: "),
            GlobalStorage::Cell => format!("static {n}: Cell<"),
            GlobalStorage::RefCell => format!("static {n}: RefCell<"),
        };
        need(
            format!("global {n} ({}) as `{form}`", module.globals[*g].name),
            root.contains(&form),
        );
    }
    for (f, vars) in &names.locals {
        let func = &module.funcs[*f];
        for (v, n) in vars {
            need(
                format!("local {n} ({}) of {}", func.vars[*v].name, func.name),
                ids.contains(n),
            );
        }
        // Every parameter of a translated function has its binding.
        let translated = out
            .functions
            .iter()
            .any(|fe| fe.name == func.name && fe.translated);
        if translated {
            for p in &func.params {
                need(
                    format!("parameter {} of {}", func.vars[*p].name, func.name),
                    vars.iter().any(|(v, _)| v == p),
                );
            }
        }
    }
    errs
}

#[test]
fn name_map_names_occur_in_the_emitted_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/ok");
    let mut cases: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ir"))
        .collect();
    cases.sort();
    assert!(cases.len() > 10);
    let mut errs = Vec::new();
    let mut with_locals = 0;
    for c in &cases {
        errs.extend(check_case(c));
        with_locals += 1;
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
    assert!(with_locals > 0);
}

#[test]
fn name_map_of_a_small_program() {
    // Lowered from C: a struct, a written scalar global (Cell), an array global (RefCell), a
    // const global, locals that get renamed on clashes.
    let text = r#"
struct0 "Point" { "x": i32, "type": i32 }
global0 "counter": i32 = 0
global1 "table": [i32; 4] = zero
const global2 "limit": i32 = 7

func fn0 "bump"(var0) -> i32 {
    param var0 "p": ptr<struct0>
    local var1 "counter": i32
block0:
    v0: i32 = load global0
    v1: i32 = iconst 1
    v2: i32 = add v0, v1
    store global0, v2
    store var1, v2
    v8: ptr<struct0> = load var0
    v3: i32 = load *v8.1
    v4: i64 = iconst 0
    store global1[v4], v3
    v5: i32 = load var1
    v6: i32 = load global2
    v7: i32 = add v5, v6
    return v7
}
"#;
    let module = xl_ir::text::parse_module(text).unwrap();
    let out = emit_crate(
        &module,
        &EmitOptions {
            crate_name: "t".to_string(),
        },
    );
    let n = &out.names;
    let got = format!(
        "funcs {:?}\nstructs {:?}\nglobals {:?}\nlocals {:?}\n",
        n.funcs
            .iter()
            .map(|(f, s)| format!("{f}={s}"))
            .collect::<Vec<_>>(),
        n.structs
            .iter()
            .map(|(s, r, f)| format!("{s}={r}{f:?}"))
            .collect::<Vec<_>>(),
        n.globals
            .iter()
            .map(|(g, r, k)| format!("{g}={r}:{k:?}"))
            .collect::<Vec<_>>(),
        n.locals
            .iter()
            .map(|(f, vs)| format!(
                "{f}: {}",
                vs.iter()
                    .map(|(v, s)| format!("{v}={s}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ))
            .collect::<Vec<_>>(),
    );
    assert!(
        out.functions.iter().all(|f| f.translated),
        "{:?}",
        out.functions
    );
    expect_test::expect![[r#"
        funcs ["fn0=bump"]
        structs ["struct0=Point[\"x\", \"type_\"]"]
        globals ["global0=COUNTER:Cell", "global1=TABLE:RefCell", "global2=LIMIT:Const"]
        locals ["fn0: var0=p var1=counter"]
    "#]]
    .assert_eq(&got);
}
