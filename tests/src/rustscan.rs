//! Safety audit of a generated Cargo package: every crate root carries
//! `#![forbid(unsafe_code)]` and no `.rs` file contains the `unsafe` keyword as a token.
//!
//! The scan is a small Rust lexer, not a text search: the word `unsafe` inside comments,
//! string literals (plain, byte, raw, C), char literals or as part of a longer identifier
//! (`unsafe_code`) is not a token and does not count; a raw identifier `r#unsafe` is not the
//! keyword either. Lifetimes and labels (`'a`, `'outer:`) are told apart from char literals.

use std::path::{Path, PathBuf};

/// A token of interest: an identifier/keyword/number word, or one punctuation char.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    /// Identifier, keyword or number literal (raw identifiers keep their `r#`).
    Word(String),
    /// A single punctuation character.
    Punct(char),
}

/// A token with its 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned {
    /// The token.
    pub tok: Tok,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in chars).
    pub col: usize,
}

/// Splits Rust source into words and punctuation, dropping comments, whitespace and
/// string/char literals (a literal becomes the single word `"lit"`).
pub fn tokenize(src: &str) -> Vec<Spanned> {
    let chars: Vec<char> = src.chars().collect();
    let mut toks = Vec::new();
    let mut cur = Cursor {
        i: 0,
        line: 1,
        col: 1,
    };
    let lit = |line, col| Spanned {
        tok: Tok::Word("\"lit\"".to_string()),
        line,
        col,
    };
    while cur.i < chars.len() {
        let i = cur.i;
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let (l0, c0) = (cur.line, cur.col);
        if c.is_whitespace() {
            cur.to(&chars, i + 1);
        } else if c == '/' && next == Some('/') {
            let mut j = i;
            while j < chars.len() && chars[j] != '\n' {
                j += 1;
            }
            cur.to(&chars, j);
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            let mut j = i;
            while j < chars.len() {
                if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            cur.to(&chars, j);
        } else if c == '"' {
            let j = skip_quoted(&chars, i, '"');
            cur.to(&chars, j);
            toks.push(lit(l0, c0));
        } else if c == '\'' {
            // Char literal when escaped or when the char after next closes it; else lifetime.
            if next == Some('\\') || chars.get(i + 2) == Some(&'\'') {
                let j = skip_quoted(&chars, i, '\'');
                cur.to(&chars, j);
                toks.push(lit(l0, c0));
            } else {
                cur.to(&chars, i + 1);
                toks.push(Spanned {
                    tok: Tok::Punct('\''),
                    line: l0,
                    col: c0,
                });
            }
        } else if c.is_alphanumeric() || c == '_' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            let after = chars.get(j).copied();
            let is_str_prefix = matches!(word.as_str(), "b" | "c" | "r" | "br" | "cr");
            let raw = word.ends_with('r');
            if is_str_prefix && after == Some('"') {
                let k = if raw {
                    skip_raw(&chars, j)
                } else {
                    skip_quoted(&chars, j, '"')
                };
                cur.to(&chars, k);
                toks.push(lit(l0, c0));
            } else if raw && after == Some('#') && is_str_prefix {
                // r#"..."# (raw string) or r#ident (raw identifier).
                let mut k = j;
                while chars.get(k) == Some(&'#') {
                    k += 1;
                }
                if chars.get(k) == Some(&'"') {
                    let end = skip_raw(&chars, j);
                    cur.to(&chars, end);
                    toks.push(lit(l0, c0));
                } else {
                    let mut e = k;
                    while e < chars.len() && (chars[e].is_alphanumeric() || chars[e] == '_') {
                        e += 1;
                    }
                    let ident: String = chars[i..e].iter().collect();
                    cur.to(&chars, e);
                    toks.push(Spanned {
                        tok: Tok::Word(ident),
                        line: l0,
                        col: c0,
                    });
                }
            } else if word == "b" && after == Some('\'') {
                let k = skip_quoted(&chars, j, '\'');
                cur.to(&chars, k);
                toks.push(lit(l0, c0));
            } else {
                cur.to(&chars, j);
                toks.push(Spanned {
                    tok: Tok::Word(word),
                    line: l0,
                    col: c0,
                });
            }
        } else {
            cur.to(&chars, i + 1);
            toks.push(Spanned {
                tok: Tok::Punct(c),
                line: l0,
                col: c0,
            });
        }
    }
    toks
}

/// Position while lexing: index into the chars and the 1-based line and column there.
struct Cursor {
    i: usize,
    line: usize,
    col: usize,
}

impl Cursor {
    /// Advances to index `j` (not past the end), counting lines and columns.
    fn to(&mut self, chars: &[char], j: usize) {
        while self.i < j && self.i < chars.len() {
            if chars[self.i] == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
            self.i += 1;
        }
    }
}

/// Index just past a `quote`-delimited literal starting at `start` (which holds the quote),
/// honouring backslash escapes. An unterminated literal runs to the end.
fn skip_quoted(chars: &[char], start: usize, quote: char) -> usize {
    let mut j = start + 1;
    while j < chars.len() {
        if chars[j] == '\\' {
            j += 2;
        } else if chars[j] == quote {
            return j + 1;
        } else {
            j += 1;
        }
    }
    chars.len()
}

/// Index just past a raw string whose `#`s (zero or more) start at `start`.
fn skip_raw(chars: &[char], start: usize) -> usize {
    let mut hashes = 0;
    let mut j = start;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    j += 1; // opening quote
    while j < chars.len() {
        if chars[j] == '"' && (1..=hashes).all(|h| chars.get(j + h) == Some(&'#')) {
            return j + 1 + hashes;
        }
        j += 1;
    }
    chars.len()
}

/// Positions (line, col) of every `unsafe` keyword token in `src`.
pub fn unsafe_tokens(src: &str) -> Vec<(usize, usize)> {
    tokenize(src)
        .into_iter()
        .filter(|t| t.tok == Tok::Word("unsafe".to_string()))
        .map(|t| (t.line, t.col))
        .collect()
}

/// True when `src` has an inner attribute `#![forbid(..., unsafe_code, ...)]`.
pub fn forbids_unsafe(src: &str) -> bool {
    let toks: Vec<Tok> = tokenize(src).into_iter().map(|t| t.tok).collect();
    let head = [
        Tok::Punct('#'),
        Tok::Punct('!'),
        Tok::Punct('['),
        Tok::Word("forbid".to_string()),
        Tok::Punct('('),
    ];
    (0..toks.len()).any(|i| {
        toks[i..].starts_with(&head)
            && toks[i + head.len()..]
                .iter()
                .take_while(|t| **t != Tok::Punct(')'))
                .any(|t| *t == Tok::Word("unsafe_code".to_string()))
    })
}

/// Audits the package at `pkg`: crate roots (`src/main.rs`, `src/lib.rs`, whichever exist;
/// at least one must) forbid unsafe code, and no `.rs` file anywhere in the package (outside
/// `target/`) has an `unsafe` token. Returns every problem found, empty when clean.
pub fn audit_package(pkg: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let roots: Vec<PathBuf> = ["src/main.rs", "src/lib.rs"]
        .iter()
        .map(|r| pkg.join(r))
        .filter(|p| p.is_file())
        .collect();
    if roots.is_empty() {
        problems.push("no src/main.rs or src/lib.rs".to_string());
    }
    for r in &roots {
        match std::fs::read_to_string(r) {
            Ok(text) if forbids_unsafe(&text) => {}
            Ok(_) => problems.push(format!("{} lacks #![forbid(unsafe_code)]", rel(pkg, r))),
            Err(e) => problems.push(format!("cannot read {}: {e}", rel(pkg, r))),
        }
    }
    for f in rust_files(pkg) {
        match std::fs::read_to_string(&f) {
            Ok(text) => {
                for (l, c) in unsafe_tokens(&text) {
                    problems.push(format!("`unsafe` at {}:{l}:{c}", rel(pkg, &f)));
                }
            }
            Err(e) => problems.push(format!("cannot read {}: {e}", rel(pkg, &f))),
        }
    }
    problems
}

fn rel(base: &Path, p: &Path) -> String {
    p.strip_prefix(base).unwrap_or(p).display().to_string()
}

/// Every `.rs` file under `dir`, sorted, skipping `target/` and hidden directories.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                if name != "target" && !name.starts_with('.') {
                    stack.push(p);
                }
            } else if name.ends_with(".rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_real_unsafe_only() {
        let src = r####"
// unsafe in a comment
/* unsafe /* nested unsafe */ still comment unsafe */
#![forbid(unsafe_code)]
fn f<'a>(x: &'a [u8]) -> char {
    let s = "unsafe \" unsafe";
    let b = b"unsafe";
    let r = r#"unsafe "# ;
    let rr = r##"a "# unsafe"##;
    let c = 'u';
    let q = '\'';
    let bc = b'u';
    let r#unsafe = 1;
    let not_unsafe_at_all = unsafe_code;
    'outer: loop { break 'outer; }
    unsafe { 'x' }
}
"####;
        assert_eq!(unsafe_tokens(src), vec![(16, 5)]);
        assert!(forbids_unsafe(src));
    }

    #[test]
    fn forbid_attribute_shapes() {
        assert!(forbids_unsafe("#![forbid(unsafe_code)]\nfn main(){}"));
        assert!(forbids_unsafe(
            "# ! [ forbid ( missing_docs , unsafe_code ) ]"
        ));
        assert!(!forbids_unsafe("#![deny(unsafe_code)]"));
        assert!(!forbids_unsafe("// #![forbid(unsafe_code)]"));
        assert!(!forbids_unsafe("#[forbid(unsafe_code)] fn f(){}"));
        assert!(!forbids_unsafe(
            "#![forbid(unused)] fn f(){ unsafe_code(); }"
        ));
    }

    #[test]
    fn lifetimes_do_not_swallow_code() {
        // A lifetime must not be taken for the start of a char literal that hides `unsafe`.
        let src = "fn f<'a, 'b>(x: &'a u8, y: &'b u8) { unsafe {} }";
        assert_eq!(unsafe_tokens(src).len(), 1);
    }

    #[test]
    fn audits_a_package_on_disk() {
        let dir = std::env::temp_dir().join(format!("xl-e2e-audit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src/sub")).unwrap();
        std::fs::write(
            dir.join("src/main.rs"),
            "#![forbid(unsafe_code)]\nmod sub;\nfn main(){}\n",
        )
        .unwrap();
        std::fs::write(dir.join("src/sub/mod.rs"), "// fine\npub fn g() {}\n").unwrap();
        assert!(audit_package(&dir).is_empty());
        std::fs::write(dir.join("src/sub/mod.rs"), "pub fn g() { unsafe {} }\n").unwrap();
        assert_eq!(
            audit_package(&dir),
            vec!["`unsafe` at src/sub/mod.rs:1:14".to_string()]
        );
        std::fs::write(dir.join("src/main.rs"), "fn main(){}\n").unwrap();
        std::fs::write(dir.join("src/sub/mod.rs"), "\n").unwrap();
        assert_eq!(
            audit_package(&dir),
            vec!["src/main.rs lacks #![forbid(unsafe_code)]".to_string()]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
