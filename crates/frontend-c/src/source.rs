//! Preprocessing with the system C compiler, source maps, and parsing with lang-c.
//!
//! The project's sources are preprocessed with `cc -E -nostdinc` against our own minimal C
//! library headers (embedded in the binary, written to a fresh temporary directory per run, so
//! the content is deterministic). The preprocessed text carries `# line "file"` markers;
//! [`SourceMap`] turns a byte offset of that text back into `file:line:col` of the ORIGINAL
//! file (paths relative to the project root; our headers show as `<libc>/name.h`), and gives
//! the original source line for diagnostics.
//!
//! Invariant: nothing here panics on user input; lang-c runs under `catch_unwind`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use xl_base::{Diagnostic, Span};

/// The embedded C library headers: (path relative to the include dir, content).
pub const HEADERS: &[(&str, &str)] = &[
    ("assert.h", include_str!("../include/assert.h")),
    ("ctype.h", include_str!("../include/ctype.h")),
    ("errno.h", include_str!("../include/errno.h")),
    ("float.h", include_str!("../include/float.h")),
    ("inttypes.h", include_str!("../include/inttypes.h")),
    ("iso646.h", include_str!("../include/iso646.h")),
    ("limits.h", include_str!("../include/limits.h")),
    ("malloc.h", include_str!("../include/malloc.h")),
    ("math.h", include_str!("../include/math.h")),
    ("setjmp.h", include_str!("../include/setjmp.h")),
    ("signal.h", include_str!("../include/signal.h")),
    ("stdalign.h", include_str!("../include/stdalign.h")),
    ("stdarg.h", include_str!("../include/stdarg.h")),
    ("stdbool.h", include_str!("../include/stdbool.h")),
    ("stddef.h", include_str!("../include/stddef.h")),
    ("stdint.h", include_str!("../include/stdint.h")),
    ("stdio.h", include_str!("../include/stdio.h")),
    ("stdlib.h", include_str!("../include/stdlib.h")),
    ("stdnoreturn.h", include_str!("../include/stdnoreturn.h")),
    ("string.h", include_str!("../include/string.h")),
    ("strings.h", include_str!("../include/strings.h")),
    ("sys/time.h", include_str!("../include/sys/time.h")),
    ("sys/types.h", include_str!("../include/sys/types.h")),
    ("time.h", include_str!("../include/time.h")),
    ("unistd.h", include_str!("../include/unistd.h")),
];

/// Display prefix of our own headers in spans.
pub const LIBC_PREFIX: &str = "<libc>/";

/// A temporary directory holding the embedded headers; removed on drop.
pub struct HeaderDir {
    /// The directory.
    pub path: PathBuf,
}

impl HeaderDir {
    /// Writes the headers to a fresh temporary directory.
    pub fn create() -> Result<HeaderDir, String> {
        use std::sync::atomic::{AtomicU64, Ordering};
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let path =
            std::env::temp_dir().join(format!("xl-libc-{}-{}-{}", std::process::id(), n, nanos));
        let dir = HeaderDir { path };
        for (name, text) in HEADERS {
            let f = dir.path.join(name);
            if let Some(parent) = f.parent() {
                std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
            }
            std::fs::write(&f, text).map_err(|e| e.to_string())?;
        }
        Ok(dir)
    }
}

impl Drop for HeaderDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// Where a line of preprocessed text came from.
#[derive(Clone, Debug)]
struct Origin {
    file: u32,
    line: u32,
}

/// Maps offsets of one translation unit's preprocessed text to original locations.
pub struct SourceMap {
    /// Display names of the files seen in line markers.
    files: Vec<String>,
    /// Original text lines, by display name.
    lines: BTreeMap<String, Vec<String>>,
    /// Byte offset where each preprocessed line starts.
    pp_starts: Vec<usize>,
    /// Origin of each preprocessed line (None for marker lines).
    pp_origin: Vec<Option<Origin>>,
    /// The preprocessed text.
    pp_text: String,
    /// Bytes prepended to the text given to the parser (declarations injected to recover from
    /// unknown type names); offsets below it have no original location.
    shift: usize,
    /// Insertions made in the preprocessed text before parsing (`\\e` escapes rewritten to
    /// `\\033`): (offset in the parsed text after the prefix, bytes inserted), sorted.
    inserted: Vec<(usize, usize)>,
}

impl SourceMap {
    /// Builds the map for `pp_text`; `display` turns a marker's file name into a display name
    /// and `read` loads the original lines of a display name.
    fn new(
        pp_text: String,
        display: &dyn Fn(&str) -> String,
        read: &dyn Fn(&str) -> Option<Vec<String>>,
    ) -> SourceMap {
        let mut files: Vec<String> = Vec::new();
        let mut lines = BTreeMap::new();
        let mut pp_starts = Vec::new();
        let mut pp_origin = Vec::new();
        let mut cur: Option<Origin> = None;
        let mut start = 0usize;
        for l in pp_text.split('\n') {
            pp_starts.push(start);
            start += l.len() + 1;
            if let Some((line, name)) = parse_marker(l) {
                let shown = display(&name);
                let idx = match files.iter().position(|f| *f == shown) {
                    Some(i) => i,
                    None => {
                        if let Some(ls) = read(&shown) {
                            lines.insert(shown.clone(), ls);
                        }
                        files.push(shown);
                        files.len() - 1
                    }
                };
                cur = Some(Origin {
                    file: idx as u32,
                    line,
                });
                pp_origin.push(None);
                continue;
            }
            pp_origin.push(cur.clone());
            if let Some(o) = cur.as_mut() {
                o.line += 1;
            }
        }
        SourceMap {
            files,
            lines,
            pp_starts,
            pp_origin,
            pp_text,
            shift: 0,
            inserted: Vec::new(),
        }
    }

    /// The preprocessed text.
    pub fn text(&self) -> &str {
        &self.pp_text
    }

    /// The original location of byte `offset` of the parsed text.
    pub fn span(&self, offset: usize) -> Span {
        if self.pp_starts.is_empty() || offset < self.shift {
            return Span::default();
        }
        let mut offset = offset - self.shift;
        let moved: usize = self
            .inserted
            .iter()
            .take_while(|(at, _)| *at < offset)
            .map(|(_, n)| *n)
            .sum();
        offset = offset.saturating_sub(moved);
        let idx = match self.pp_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let Some(Some(origin)) = self.pp_origin.get(idx) else {
            return Span::default();
        };
        let file = self
            .files
            .get(origin.file as usize)
            .cloned()
            .unwrap_or_default();
        let start = self.pp_starts[idx];
        let end = self
            .pp_starts
            .get(idx + 1)
            .map(|e| e - 1)
            .unwrap_or(self.pp_text.len());
        let pp_line = self.pp_text.get(start..end).unwrap_or("");
        let pp_col = offset.saturating_sub(start);
        let col = match self
            .lines
            .get(&file)
            .and_then(|ls| ls.get(origin.line as usize - 1))
        {
            Some(orig) if origin.line > 0 => map_column(pp_line, orig, pp_col),
            _ => pp_col + 1,
        };
        Span::new(file, origin.line, col as u32)
    }

    /// The original text of the line `span` points at.
    pub fn source_line(&self, span: &Span) -> Option<String> {
        if span.line == 0 {
            return None;
        }
        let l = self.lines.get(&span.file)?.get(span.line as usize - 1)?;
        // Control characters (other than tabs) show as U+FFFD, safe for a terminal.
        Some(
            l.chars()
                .map(|c| {
                    if c.is_control() && c != '\t' {
                        '\u{fffd}'
                    } else {
                        c
                    }
                })
                .collect(),
        )
    }

    /// Attaches the source line to a diagnostic when known.
    pub fn attach(&self, d: Diagnostic) -> Diagnostic {
        match self.source_line(&d.span) {
            Some(l) => d.with_source_line(l),
            None => d,
        }
    }
}

/// Parses a `# 12 "file" flags` line marker.
fn parse_marker(l: &str) -> Option<(u32, String)> {
    let rest = l.strip_prefix("# ")?;
    let sp = rest.find(' ')?;
    let line: u32 = rest[..sp].parse().ok()?;
    let rest = rest[sp + 1..].strip_prefix('"')?;
    let mut name = String::new();
    let mut chars = rest.chars();
    loop {
        match chars.next()? {
            '"' => break,
            '\\' => name.push(chars.next()?),
            c => name.push(c),
        }
    }
    Some((line, name))
}

/// Maps a 0-based byte column of a preprocessed line to a 1-based column of the original line
/// by walking both lines in step, skipping whitespace (and comments in the original). Where
/// they stop agreeing (a macro expansion) the last agreeing position is used.
fn map_column(pp: &str, orig: &str, pp_col: usize) -> usize {
    let p = pp.as_bytes();
    let o = orig.as_bytes();
    let (mut i, mut j) = (0usize, 0usize);
    loop {
        while i < p.len() && i < pp_col && (p[i] == b' ' || p[i] == b'\t') {
            i += 1;
        }
        loop {
            while j < o.len() && (o[j] == b' ' || o[j] == b'\t') {
                j += 1;
            }
            if o.get(j) == Some(&b'/') && o.get(j + 1) == Some(&b'*') {
                match orig[j + 2..].find("*/") {
                    Some(k) => j = j + 2 + k + 2,
                    None => j = o.len(),
                }
                continue;
            }
            break;
        }
        if i >= pp_col {
            return j.min(o.len().saturating_sub(1)) + 1;
        }
        if i >= p.len() || j >= o.len() || p[i] != o[j] {
            // Disagreement: keep the remaining distance.
            return (j + (pp_col - i)).min(o.len().saturating_sub(1)) + 1;
        }
        i += 1;
        j += 1;
    }
}

/// One preprocessed and parsed translation unit.
pub struct ParsedUnit {
    /// Display name of the file (relative to the root).
    pub file: String,
    /// Source map of the preprocessed text.
    pub map: SourceMap,
    /// The AST.
    pub unit: lang_c::ast::TranslationUnit,
    /// Unknown type names the parser recovered from, with their `C0003` diagnostics.
    pub unknown_types: Vec<(String, Diagnostic)>,
}

/// Preprocesses and parses `file`. Errors are diagnostics (preprocessor failures, syntax
/// errors) located in the original sources.
pub fn parse_file(
    root: &Path,
    file: &Path,
    cc: &str,
    headers: &Path,
    include_dirs: &[PathBuf],
    defines: &[String],
) -> Result<ParsedUnit, Diagnostic> {
    // An empty root (the parent of a bare `file.c`) means the working directory; spawning a
    // process in "" fails.
    let root = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let root_abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    // Paths are taken as given (relative to the working directory), else relative to the root.
    let file_abs = if file.is_absolute() || file.exists() {
        file.to_path_buf()
    } else {
        root.join(file)
    };
    let file_abs = std::fs::canonicalize(&file_abs).unwrap_or(file_abs);
    let rel = file_abs
        .strip_prefix(&root_abs)
        .map(Path::to_path_buf)
        .unwrap_or(file_abs.clone());
    let shown = rel.to_string_lossy().to_string();
    let mut cmd = std::process::Command::new(cc);
    cmd.current_dir(&root_abs);
    cmd.arg("-E")
        .arg("-nostdinc")
        .arg(format!("-I{}", headers.display()));
    // The compiler runs in the root: relative include directories (given relative to the
    // working directory, like the files) are made absolute first.
    for d in include_dirs {
        let abs = std::fs::canonicalize(d).unwrap_or_else(|_| root_abs.join(d));
        cmd.arg(format!("-I{}", abs.display()));
    }
    for d in defines {
        cmd.arg(format!("-D{d}"));
    }
    cmd.arg("-D__XLATE__").arg(&rel);
    let out = cmd.output().map_err(|e| {
        Diagnostic::error(
            "C0004",
            format!("cannot run the C preprocessor `{cc}`: {e}"),
            Span::new(shown.clone(), 0, 0),
        )
    })?;
    let headers_abs = std::fs::canonicalize(headers).unwrap_or_else(|_| headers.to_path_buf());
    let display = |name: &str| -> String { display_name(name, &root_abs, &headers_abs) };
    let root_for_read = root_abs.clone();
    let read = move |shown: &str| -> Option<Vec<String>> {
        let text = if let Some(h) = shown.strip_prefix(LIBC_PREFIX) {
            HEADERS
                .iter()
                .find(|(n, _)| *n == h)
                .map(|(_, t)| t.to_string())?
        } else {
            let p = Path::new(shown);
            let p = if p.is_absolute() {
                p.to_path_buf()
            } else {
                root_for_read.join(p)
            };
            String::from_utf8_lossy(&std::fs::read(p).ok()?).to_string()
        };
        Some(
            text.split('\n')
                .map(|l| l.trim_end_matches('\r').to_string())
                .collect(),
        )
    };
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(preprocessor_error(&stderr, &shown, &display, &read));
    }
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let mut map = SourceMap::new(text, &display, &read);
    let (text, inserted) = rewrite_gnu_escapes(map.text());
    map.inserted = inserted;
    let (unit, prefix_len, unknown_types) = parse_recovering(cc, &map, &text)?;
    map.shift = prefix_len;
    Ok(ParsedUnit {
        file: shown,
        map,
        unit,
        unknown_types,
    })
}

/// C keywords (and GNU spellings) that can never be an unknown type name.
const KEYWORDS: &[&str] = &[
    "auto",
    "break",
    "case",
    "char",
    "const",
    "continue",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extern",
    "float",
    "for",
    "goto",
    "if",
    "inline",
    "int",
    "long",
    "register",
    "restrict",
    "return",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "switch",
    "typedef",
    "union",
    "unsigned",
    "void",
    "volatile",
    "while",
    "_Bool",
    "_Complex",
    "_Atomic",
    "_Alignas",
    "_Alignof",
    "_Generic",
    "_Noreturn",
    "_Static_assert",
    "_Thread_local",
    "asm",
    "__asm__",
    "__asm",
    "__attribute__",
    "__attribute",
    "__inline",
    "__inline__",
    "__restrict",
    "__restrict__",
    "typeof",
    "__typeof__",
    "__typeof",
    "__extension__",
    "__const",
    "__volatile__",
    "__signed__",
    "__builtin_va_list",
];

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The identifier token ending right before `o` (skipping whitespace): (name, start offset).
fn prev_ident(text: &str, o: usize) -> Option<(String, usize)> {
    let b = text.as_bytes();
    let mut end = o.min(b.len());
    while end > 0 && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && is_ident_byte(b[start - 1]) {
        start -= 1;
    }
    if start == end || b[start].is_ascii_digit() {
        return None;
    }
    Some((text[start..end].to_string(), start))
}

/// At a syntax error at `o`: an identifier followed by an identifier or `*` is most likely an
/// unknown type name (`widget_t w;`, `gadget_t *make(void)`); the error is either at the
/// second token or at the name itself.
fn unknown_type_candidate(text: &str, o: usize) -> Option<(String, usize)> {
    let b = text.as_bytes();
    if b.get(o)
        .is_some_and(|c| is_ident_byte(*c) && !c.is_ascii_digit())
    {
        let mut end = o;
        while end < b.len() && is_ident_byte(b[end]) {
            end += 1;
        }
        let mut next = end;
        while next < b.len() && b[next].is_ascii_whitespace() {
            next += 1;
        }
        let follows = b
            .get(next)
            .is_some_and(|c| (is_ident_byte(*c) && !c.is_ascii_digit()) || *c == b'*');
        let name = &text[o..end];
        if follows
            && !KEYWORDS.contains(&name)
            && prev_ident(text, o).is_none_or(|(p, _)| KEYWORDS.contains(&p.as_str()))
        {
            return Some((name.to_string(), o));
        }
    }
    unknown_after_ident(text, o)
}

fn unknown_after_ident(text: &str, o: usize) -> Option<(String, usize)> {
    let next = *text.as_bytes().get(o)?;
    if (!is_ident_byte(next) || next.is_ascii_digit()) && next != b'*' {
        return None;
    }
    let (name, start) = prev_ident(text, o)?;
    if KEYWORDS.contains(&name.as_str()) {
        return None;
    }
    // Not a member name (`p->x y`, `s.x y`).
    let before = text[..start].trim_end();
    if before.ends_with('.') || before.ends_with("->") {
        return None;
    }
    Some((name, start))
}

/// Rewrites the GNU escape `\\e` (ESC), which lang-c rejects, to `\\033` inside string and
/// character literals; returns the text and the insertions made (for the source map).
fn rewrite_gnu_escapes(pp: &str) -> (String, Vec<(usize, usize)>) {
    if !pp.contains("\\e") && !pp.contains("\\E") {
        return (pp.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(pp.len());
    let mut inserted = Vec::new();
    for line in pp.split_inclusive('\n') {
        if line.starts_with('#') {
            out.push_str(line);
            continue;
        }
        let mut quote: Option<char> = None;
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            match (quote, c) {
                (None, '"' | '\'') => {
                    quote = Some(c);
                    out.push(c);
                }
                (Some(q), c) if c == q => {
                    quote = None;
                    out.push(c);
                }
                (Some(_), '\\') => match chars.next() {
                    Some('e' | 'E') => {
                        inserted.push((out.len() + 1, 2));
                        out.push_str("\\033");
                    }
                    Some(n) => {
                        out.push('\\');
                        out.push(n);
                    }
                    None => out.push('\\'),
                },
                _ => out.push(c),
            }
        }
    }
    (out, inserted)
}

/// A parsed unit, the length of the text prepended to it, and the unknown type names.
type Recovered = (
    lang_c::ast::TranslationUnit,
    usize,
    Vec<(String, Diagnostic)>,
);

/// Parses the preprocessed text; on a syntax error that looks like an unknown type name, the
/// name is declared (`typedef int NAME;` prepended) and parsing retried, so the rest of the
/// file still lowers; uses of the name then report `C0003`. Returns the unit, the length of
/// the prepended text, and the unknown names with their diagnostics.
fn parse_recovering(cc: &str, map: &SourceMap, pp: &str) -> Result<Recovered, Diagnostic> {
    let mut prefix = String::new();
    let mut unknown: Vec<(String, Diagnostic)> = Vec::new();
    loop {
        let config = lang_c::driver::Config {
            cpp_command: cc.to_string(),
            cpp_options: vec![],
            flavor: lang_c::driver::Flavor::GnuC11,
        };
        let text = format!("{prefix}{pp}");
        let parsed =
            std::panic::catch_unwind(move || lang_c::driver::parse_preprocessed(&config, text));
        let e = match parsed {
            Ok(Ok(p)) => return Ok((p.unit, prefix.len(), unknown)),
            Ok(Err(e)) => e,
            Err(_) => {
                return Err(Diagnostic::error(
                    "C0001",
                    "syntax error: the parser failed on this file",
                    map.span(0),
                ))
            }
        };
        let o = e.offset.saturating_sub(prefix.len());
        if unknown.len() < 64 {
            if let Some((name, start)) = unknown_type_candidate(pp, o) {
                if !unknown.iter().any(|(n, _)| *n == name) {
                    let d = Diagnostic::error(
                        "C0003",
                        format!("unknown type name `{name}`"),
                        map.span(start),
                    );
                    unknown.push((name.clone(), map.attach(d)));
                    prefix.push_str(&format!("typedef int {name};\n"));
                    continue;
                }
            }
        }
        let span = map.span(o);
        let rest = pp.get(o..).unwrap_or("");
        let computed_goto = (rest.starts_with("&&")
            && rest[2..]
                .bytes()
                .next()
                .is_some_and(|b| is_ident_byte(b) && !b.is_ascii_digit()))
            || (rest.starts_with('*') && prev_ident(pp, o).is_some_and(|(n, _)| n == "goto"));
        if computed_goto {
            let d = Diagnostic::error(
                "C0002",
                "unsupported construct `computed goto` (the file cannot be parsed)",
                span,
            );
            return Err(map.attach(d));
        }
        if let Some(c) = rest
            .chars()
            .next()
            .filter(|c| c.is_control() || !c.is_ascii())
        {
            let msg = format!("syntax error: unexpected character {c:?}");
            return Err(map.attach(Diagnostic::error("C0001", msg, span)));
        }
        let mut expected: Vec<&str> = e
            .expected
            .iter()
            .copied()
            .filter(|t| !t.is_empty())
            .collect();
        expected.sort();
        let list: Vec<String> = expected.iter().take(8).map(|t| format!("`{t}`")).collect();
        let more = if expected.len() > 8 { ", ..." } else { "" };
        let msg = match list.len() {
            0 => "syntax error".to_string(),
            1 => format!("syntax error: expected {}", list[0]),
            _ => format!("syntax error: expected one of {}{more}", list.join(", ")),
        };
        return Err(map.attach(Diagnostic::error("C0001", msg, span)));
    }
}

/// The display name of a file named in a line marker or a compiler message.
fn display_name(name: &str, root: &Path, headers: &Path) -> String {
    let p = Path::new(name);
    if let Ok(rest) = p.strip_prefix(headers) {
        return format!("{LIBC_PREFIX}{}", rest.to_string_lossy());
    }
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        root.join(p)
    };
    let abs = std::fs::canonicalize(&abs).unwrap_or(abs);
    if let Ok(rest) = abs.strip_prefix(headers) {
        return format!("{LIBC_PREFIX}{}", rest.to_string_lossy());
    }
    match abs.strip_prefix(root) {
        Ok(rest) => rest.to_string_lossy().to_string(),
        Err(_) => name.to_string(),
    }
}

/// Turns the preprocessor's stderr into a diagnostic at its first error.
fn preprocessor_error(
    stderr: &str,
    shown: &str,
    display: &dyn Fn(&str) -> String,
    read: &dyn Fn(&str) -> Option<Vec<String>>,
) -> Diagnostic {
    for l in stderr.lines() {
        let Some(pos) = l.find(": error: ").or_else(|| l.find(": fatal error: ")) else {
            continue;
        };
        let loc = &l[..pos];
        let msg = l[pos..]
            .split_once("error: ")
            .map(|x| x.1)
            .unwrap_or("")
            .trim();
        let mut parts = loc.rsplitn(3, ':');
        let col = parts.next().and_then(|c| c.parse::<u32>().ok());
        let line = parts.next().and_then(|c| c.parse::<u32>().ok());
        let file = parts.next();
        let (span, source) = match (file, line, col) {
            (Some(f), Some(line), Some(col)) => {
                let f = display(f);
                let src = read(&f).and_then(|ls| ls.get(line as usize - 1).cloned());
                (Span::new(f, line, col), src)
            }
            _ => (Span::new(shown, 0, 0), None),
        };
        let lexical = msg.contains("unterminated") || msg.contains("missing terminating");
        let d = if lexical {
            Diagnostic::error("C0001", format!("syntax error: {msg}"), span)
        } else {
            Diagnostic::error("C0004", format!("preprocessor error: {msg}"), span)
        };
        return match source {
            Some(s) => d.with_source_line(s),
            None => d,
        };
    }
    let first = stderr.lines().next().unwrap_or("failed").trim().to_string();
    Diagnostic::error(
        "C0004",
        format!("preprocessor error: {first}"),
        Span::new(shown, 0, 0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_columns_across_collapsed_whitespace() {
        let orig = "    int  x =   a /* c */ + b;";
        let pp = "    int x = a + b;";
        // `b` in pp is at byte 16.
        assert_eq!(map_column(pp, orig, 16), orig.find("b;").unwrap() + 1);
        assert_eq!(map_column(pp, orig, 4), 5);
    }

    #[test]
    fn every_header_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("include");
        let mut stack = vec![dir.clone()];
        let mut found = Vec::new();
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    found.push(p.strip_prefix(&dir).unwrap().to_string_lossy().to_string());
                }
            }
        }
        found.sort();
        let mut embedded: Vec<String> = HEADERS.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(found, embedded);
    }

    #[test]
    fn rewrites_gnu_escapes() {
        let (t, ins) = rewrite_gnu_escapes("# 1 \"a\\e.c\"\nx = \"\\e[1m\" '\\e';\n");
        assert_eq!(t, "# 1 \"a\\e.c\"\nx = \"\\033[1m\" '\\033';\n");
        assert_eq!(ins.len(), 2);
    }

    #[test]
    fn parses_markers() {
        assert_eq!(
            parse_marker("# 12 \"a b.c\" 1 3"),
            Some((12, "a b.c".to_string()))
        );
        assert_eq!(parse_marker("#pragma x"), None);
    }
}
