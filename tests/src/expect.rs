//! Expectations of a bad-input case (`tests/bad/<case>/expect.toml`).
//!
//! The file is a small TOML subset, parsed here so the test package needs no TOML crate:
//! `#` comments, blank lines, and `key = value` where value is an integer, a basic string
//! (`"..."` with `\"` and `\\` escapes) or an array of strings that may span lines. Anything
//! else is an error naming the line, so a typo never silently weakens a test.
//!
//! Keys:
//! - `status` (required): the tool's exit status, 0 all translated, 2 partial, 1 nothing.
//! - `diagnostics`: substrings that must each appear in the rendered diagnostics. An entry
//!   may list alternatives separated by `|` (any one suffices); matching ignores ASCII case.
//! - `translated`: C functions that must be in the report as translated.
//! - `not_translated`: C functions that must be in the report as not translated.
//! - `description`: free text, shown in failure messages.

use std::collections::BTreeMap;

/// What a bad-input case expects from the tool.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expect {
    /// Expected exit status: 0, 1 or 2.
    pub status: i32,
    /// Required substrings of the diagnostics (alternatives separated by `|`).
    pub diagnostics: Vec<String>,
    /// Functions that must be translated.
    pub translated: Vec<String>,
    /// Functions that must be reported as not translated.
    pub not_translated: Vec<String>,
    /// What the case is about.
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Value {
    Int(i64),
    Str(String),
    List(Vec<String>),
}

impl Expect {
    /// Parses the text of an `expect.toml`.
    pub fn parse(text: &str) -> Result<Expect, String> {
        let values = parse_kv(text)?;
        let mut e = Expect::default();
        let mut have_status = false;
        for (key, (line, value)) in values {
            match (key.as_str(), value) {
                ("status", Value::Int(n)) if matches!(n, 0..=2) => {
                    e.status = n as i32;
                    have_status = true;
                }
                ("diagnostics", Value::List(v)) => e.diagnostics = v,
                ("translated", Value::List(v)) => e.translated = v,
                ("not_translated", Value::List(v)) => e.not_translated = v,
                ("description", Value::Str(s)) => e.description = s,
                (k, v) => return Err(format!("line {line}: unexpected `{k}` = {v:?}")),
            }
        }
        if !have_status {
            return Err("missing `status`".to_string());
        }
        Ok(e)
    }

    /// Checks a required diagnostic pattern against the rendered diagnostics.
    pub fn pattern_matches(pattern: &str, rendered: &str) -> bool {
        let hay = rendered.to_ascii_lowercase();
        pattern
            .split('|')
            .any(|alt| hay.contains(&alt.to_ascii_lowercase()))
    }
}

/// Parses `key = value` lines into a map from key to (line, value); duplicate keys are errors.
fn parse_kv(text: &str) -> Result<BTreeMap<String, (usize, Value)>, String> {
    let mut map = BTreeMap::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let lineno = i + 1;
        let line = strip_comment(lines[i]).trim().to_string();
        i += 1;
        if line.is_empty() {
            continue;
        }
        let Some((key, rest)) = line.split_once('=') else {
            return Err(format!("line {lineno}: expected `key = value`"));
        };
        let key = key.trim().to_string();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(format!("line {lineno}: bad key `{key}`"));
        }
        let mut rest = rest.trim().to_string();
        if rest.starts_with('[') {
            // Gather lines until the closing bracket (outside strings).
            while !array_closed(&rest) {
                if i >= lines.len() {
                    return Err(format!("line {lineno}: unterminated array"));
                }
                rest.push(' ');
                rest.push_str(strip_comment(lines[i]).trim());
                i += 1;
            }
        }
        let value = parse_value(&rest).map_err(|m| format!("line {lineno}: {m}"))?;
        if map.insert(key.clone(), (lineno, value)).is_some() {
            return Err(format!("line {lineno}: duplicate key `{key}`"));
        }
    }
    Ok(map)
}

/// Drops a `#` comment that is not inside a string.
fn strip_comment(line: &str) -> &str {
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_str => escaped = true,
            '"' => in_str = !in_str,
            '#' if !in_str => return &line[..i],
            _ => {}
        }
    }
    line
}

fn array_closed(s: &str) -> bool {
    let mut in_str = false;
    let mut escaped = false;
    for c in s.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_str => escaped = true,
            '"' => in_str = !in_str,
            ']' if !in_str => return true,
            _ => {}
        }
    }
    false
}

fn parse_value(s: &str) -> Result<Value, String> {
    let s = s.trim();
    if let Ok(n) = s.parse::<i64>() {
        return Ok(Value::Int(n));
    }
    if s.starts_with('"') {
        let (v, rest) = parse_string(s)?;
        if !rest.trim().is_empty() {
            return Err(format!("trailing text `{}`", rest.trim()));
        }
        return Ok(Value::Str(v));
    }
    if let Some(inner) = s.strip_prefix('[') {
        let mut items = Vec::new();
        let mut rest = inner.trim_start();
        loop {
            if let Some(after) = rest.strip_prefix(']') {
                if !after.trim().is_empty() {
                    return Err(format!("trailing text `{}`", after.trim()));
                }
                return Ok(Value::List(items));
            }
            let (v, after) = parse_string(rest)?;
            items.push(v);
            rest = after.trim_start();
            if let Some(after) = rest.strip_prefix(',') {
                rest = after.trim_start();
            } else if !rest.starts_with(']') {
                return Err("expected `,` or `]` in array".to_string());
            }
        }
    }
    Err(format!("unsupported value `{s}`"))
}

/// Parses a leading basic string; returns it and the text after the closing quote.
fn parse_string(s: &str) -> Result<(String, &str), String> {
    let Some(body) = s.strip_prefix('"') else {
        return Err(format!("expected a string at `{s}`"));
    };
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &body[i + 1..])),
            '\\' => match chars.next() {
                Some((_, '"')) => out.push('"'),
                Some((_, '\\')) => out.push('\\'),
                Some((_, 'n')) => out.push('\n'),
                other => return Err(format!("unsupported escape {other:?}")),
            },
            _ => out.push(c),
        }
    }
    Err("unterminated string".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_all_keys() {
        let text = r#"
# a comment
description = "a union # not a comment"
status = 2   # partial
diagnostics = [
    "mixed.c:9:",       # position
    "union|type pun",
]
translated = ["add"]
not_translated = []
"#;
        let e = Expect::parse(text).unwrap();
        assert_eq!(e.status, 2);
        assert_eq!(e.description, "a union # not a comment");
        assert_eq!(e.diagnostics, vec!["mixed.c:9:", "union|type pun"]);
        assert_eq!(e.translated, vec!["add"]);
        assert!(e.not_translated.is_empty());
    }

    #[test]
    fn rejects_mistakes() {
        assert!(Expect::parse("diagnostics = []").is_err()); // no status
        assert!(Expect::parse("status = 5").is_err());
        assert!(Expect::parse("status = 1\nstatus = 1").is_err());
        assert!(Expect::parse("status = 1\ntranslted = []").is_err());
        assert!(Expect::parse("status = 1\ntranslated = [\"a\"").is_err());
        assert!(Expect::parse("status = 1\ntranslated = [\"a\" \"b\"]").is_err());
        assert!(Expect::parse("status = \"1\"").is_err());
    }

    #[test]
    fn patterns_use_alternatives_and_ignore_case() {
        let d = "bad.c:4:5: error[C0001]: Syntax error: unexpected token";
        assert!(Expect::pattern_matches("bad.c:4:5", d));
        assert!(Expect::pattern_matches("parse error|syntax error", d));
        assert!(!Expect::pattern_matches("bad.c:5:", d));
    }
}
