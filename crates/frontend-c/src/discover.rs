//! Discovery of the translation units of a C project.
//!
//! With a `compile_commands.json` at the project root, its entries name the translation units
//! and their `-I`/`-D` flags. Otherwise every `.c` file under the root is a translation unit
//! (sorted, recursive, skipping hidden directories and `target/`) and every directory holding a
//! `.h` file, with its ancestors up to the root, is an include directory. Output order is deterministic; problems with the JSON are
//! reported as diagnostics and discovery falls back to the directory walk.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use xl_base::{Diagnostic, Span};

/// The translation units of a project and how to preprocess them.
#[derive(Clone, Debug, Default)]
pub struct Discovery {
    /// Translation units (paths under the root, joined to it), in a deterministic order.
    pub files: Vec<PathBuf>,
    /// `-I` directories, in order, without duplicates.
    pub include_dirs: Vec<PathBuf>,
    /// `-D` definitions (`NAME` or `NAME=VALUE`), in order, without duplicates.
    pub defines: Vec<String>,
    /// True when the units came from `compile_commands.json`.
    pub from_compile_commands: bool,
    /// Problems found (an unreadable or malformed `compile_commands.json`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Finds the translation units under `root`.
pub fn discover(root: &Path) -> Discovery {
    let mut d = Discovery::default();
    let cc_path = root.join("compile_commands.json");
    if cc_path.is_file() {
        match read_compile_commands(root, &cc_path) {
            Ok(found) if !found.files.is_empty() => return found,
            Ok(_) => d.diagnostics.push(Diagnostic::warning(
                "C0010",
                "compile_commands.json lists no C translation units; using every .c file",
                Span::new("compile_commands.json", 0, 0),
            )),
            Err(msg) => d.diagnostics.push(Diagnostic::warning(
                "C0010",
                format!("cannot use compile_commands.json ({msg}); using every .c file"),
                Span::new("compile_commands.json", 0, 0),
            )),
        }
    }
    let mut c_files = Vec::new();
    let mut header_dirs = BTreeSet::new();
    walk(root, &mut c_files, &mut header_dirs);
    c_files.sort();
    d.files = c_files;
    // Headers are often included by a path relative to an ancestor (`#include "lexer/lex.h"`):
    // every ancestor of a header directory up to the root is an include directory too.
    let mut all = BTreeSet::new();
    for h in header_dirs {
        let mut cur = Some(h.as_path());
        while let Some(dir) = cur {
            all.insert(dir.to_path_buf());
            if dir == root {
                break;
            }
            cur = dir.parent().filter(|p| p.starts_with(root));
        }
    }
    d.include_dirs = all.into_iter().collect();
    d
}

/// Collects `.c` files and directories with `.h` files under `root`, with an explicit stack.
fn walk(root: &Path, c_files: &mut Vec<PathBuf>, header_dirs: &mut BTreeSet<PathBuf>) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let path = e.path();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if name.starts_with('.') || name == "target" {
                    continue;
                }
                stack.push(path);
            } else if ft.is_file() {
                if name.ends_with(".c") {
                    c_files.push(path);
                } else if name.ends_with(".h") {
                    header_dirs.insert(dir.clone());
                }
            }
        }
    }
}

/// Reads `compile_commands.json`: entries with a `.c` file, their `-I` and `-D` flags.
fn read_compile_commands(root: &Path, path: &Path) -> Result<Discovery, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let json: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let entries = json.as_array().ok_or("the top level is not an array")?;
    let mut d = Discovery {
        from_compile_commands: true,
        ..Discovery::default()
    };
    for entry in entries {
        let dir = entry
            .get("directory")
            .and_then(|v| v.as_str())
            .map(PathBuf::from)
            .unwrap_or_else(|| root.to_path_buf());
        let dir = if dir.is_absolute() {
            dir
        } else {
            root.join(dir)
        };
        let Some(file) = entry.get("file").and_then(|v| v.as_str()) else {
            continue;
        };
        let args: Vec<String> = if let Some(a) = entry.get("arguments").and_then(|v| v.as_array()) {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_string))
                .collect()
        } else if let Some(c) = entry.get("command").and_then(|v| v.as_str()) {
            split_command(c)
        } else {
            Vec::new()
        };
        if !file.ends_with(".c") {
            continue;
        }
        let file = dir.join(file);
        if !d.files.contains(&file) {
            d.files.push(file);
        }
        let mut i = 0;
        while i < args.len() {
            let a = &args[i];
            let (flag, value) = if a == "-I" || a == "-D" {
                i += 1;
                (a.as_str(), args.get(i).cloned())
            } else if let Some(rest) = a.strip_prefix("-I") {
                ("-I", Some(rest.to_string()))
            } else if let Some(rest) = a.strip_prefix("-D") {
                ("-D", Some(rest.to_string()))
            } else {
                ("", None)
            };
            i += 1;
            match (flag, value) {
                ("-I", Some(v)) => {
                    let p = dir.join(v);
                    if !d.include_dirs.contains(&p) {
                        d.include_dirs.push(p);
                    }
                }
                ("-D", Some(v)) if !d.defines.contains(&v) => d.defines.push(v),
                _ => {}
            }
        }
    }
    Ok(d)
}

/// Splits a shell command line into words (single and double quotes, backslash escapes).
fn split_command(cmd: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut has = false;
    let mut chars = cmd.chars();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some('"'), '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                has = true;
            }
            (None, '\\') => {
                if let Some(n) = chars.next() {
                    cur.push(n);
                    has = true;
                }
            }
            (None, c) if c.is_whitespace() => {
                if has || !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                    has = false;
                }
            }
            (None, c) => cur.push(c),
        }
    }
    if has || !cur.is_empty() {
        out.push(cur);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_commands() {
        assert_eq!(
            split_command(r#"cc -I inc -DNAME="a b" -c 'x y.c'"#),
            vec!["cc", "-I", "inc", "-DNAME=a b", "-c", "x y.c"]
        );
    }

    #[test]
    fn walks_directories() {
        let dir = std::env::temp_dir().join(format!("xl-discover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for p in [
            "b.c",
            "a.c",
            "inc/x.h",
            "sub/c.c",
            ".hidden/d.c",
            "target/e.c",
        ] {
            let f = dir.join(p);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(f, "").unwrap();
        }
        let d = discover(&dir);
        let rel: Vec<_> = d
            .files
            .iter()
            .map(|f| f.strip_prefix(&dir).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            rel,
            vec![PathBuf::from("a.c"), "b.c".into(), "sub/c.c".into()]
        );
        assert_eq!(d.include_dirs, vec![dir.clone(), dir.join("inc")]);
        assert!(!d.from_compile_commands);
        std::fs::write(
            dir.join("compile_commands.json"),
            r#"[{"directory": ".", "file": "b.c", "arguments": ["cc", "-Iinc", "-D", "X=1", "-c", "b.c"]},
                {"directory": ".", "command": "cc -DY -c a.c", "file": "a.c"}]"#,
        )
        .unwrap();
        let d = discover(&dir);
        assert!(d.from_compile_commands);
        assert_eq!(d.files, vec![dir.join("./b.c"), dir.join("./a.c")]);
        assert_eq!(d.include_dirs, vec![dir.join("./inc")]);
        assert_eq!(d.defines, vec!["X=1".to_string(), "Y".to_string()]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
