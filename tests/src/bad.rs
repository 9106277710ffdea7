//! Bad-input cases: `tests/bad/<case>/` holds C files (possibly none) and an `expect.toml`
//! (see [`crate::expect`]). The C files are copied into a fresh input directory, so a case
//! with no C files is the "empty project" case, and diagnostics name files relative to that
//! directory (`bad.c:4:5`).
//!
//! Invariant: checking a case never panics; every mismatch, and a panic of the tool itself,
//! comes back as a problem string.

use crate::expect::Expect;
use std::path::{Path, PathBuf};

/// One case directory with its parsed expectations.
#[derive(Clone, Debug)]
pub struct BadCase {
    /// Directory name.
    pub name: String,
    /// The case directory.
    pub dir: PathBuf,
    /// What the tool must do.
    pub expect: Expect,
}

/// What the tool did on one input, reduced to what the expectations look at.
#[derive(Clone, Debug, Default)]
pub struct ToolRun {
    /// Exit status the command line would return (0, 2 or 1).
    pub status: i32,
    /// Every diagnostic rendered with `Display`, one after another.
    pub diagnostics: String,
    /// (function name, translated) for every function in the report.
    pub functions: Vec<(String, bool)>,
    /// Internal errors: panics the tool caught and turned into diagnostics. Always a failure.
    pub internal_errors: Vec<String>,
}

/// Every case under `dir`, sorted by name. A case without a valid `expect.toml` is an error.
pub fn discover(dir: &Path) -> Result<Vec<BadCase>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut cases = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        if !path.is_dir() {
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        let file = path.join("expect.toml");
        let text =
            std::fs::read_to_string(&file).map_err(|err| format!("{}: {err}", file.display()))?;
        let expect = Expect::parse(&text).map_err(|m| format!("{}: {m}", file.display()))?;
        cases.push(BadCase {
            name,
            dir: path,
            expect,
        });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// Runs `tool(input, out)` on a fresh copy of the case's C files under `work/<case>/` and
/// returns every way the result falls short of the expectations (empty: the case passes).
pub fn check(
    case: &BadCase,
    work: &Path,
    tool: &dyn Fn(&Path, &Path) -> Result<ToolRun, String>,
) -> Vec<String> {
    let base = work.join(&case.name);
    let (input, out) = (base.join("in"), base.join("out"));
    let _ = std::fs::remove_dir_all(&base);
    if let Err(e) = copy_sources(&case.dir, &input) {
        return vec![format!("cannot prepare {}: {e}", input.display())];
    }
    let run = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| tool(&input, &out))) {
        Ok(Ok(run)) => run,
        Ok(Err(m)) => return vec![format!("the tool returned an error: {m}")],
        Err(payload) => {
            return vec![format!(
                "the tool panicked: {}",
                crate::harness::panic_text(&*payload)
            )]
        }
    };
    let mut problems: Vec<String> = run
        .internal_errors
        .iter()
        .map(|m| format!("the tool hit an internal error (a caught panic): {m}"))
        .collect();
    let e = &case.expect;
    if run.status != e.status {
        problems.push(format!(
            "exit status {} (expected {})",
            run.status, e.status
        ));
    }
    for pat in &e.diagnostics {
        if !Expect::pattern_matches(pat, &run.diagnostics) {
            problems.push(format!("no diagnostic contains `{pat}`"));
        }
    }
    for f in &e.translated {
        match run.functions.iter().find(|(n, _)| n == f) {
            Some((_, true)) => {}
            Some((_, false)) => problems.push(format!("`{f}` was not translated")),
            None => problems.push(format!("`{f}` is missing from the report")),
        }
    }
    for f in &e.not_translated {
        match run.functions.iter().find(|(n, _)| n == f) {
            Some((_, false)) => {}
            Some((_, true)) => problems.push(format!("`{f}` was translated but should not be")),
            None => problems.push(format!("`{f}` is missing from the report")),
        }
    }
    if !problems.is_empty() {
        let funcs: Vec<String> = run
            .functions
            .iter()
            .map(|(n, t)| format!("{n}:{}", if *t { "yes" } else { "no" }))
            .collect();
        problems.push(format!(
            "(status {}, functions [{}], diagnostics:\n{})",
            run.status,
            funcs.join(", "),
            indent(&run.diagnostics)
        ));
    }
    problems
}

/// Copies the `.c` and `.h` files of `case_dir` (top level only) into a new `input` dir.
fn copy_sources(case_dir: &Path, input: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(input)?;
    let mut entries: Vec<PathBuf> = std::fs::read_dir(case_dir)?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for p in entries {
        let is_source = p.extension().is_some_and(|x| x == "c" || x == "h");
        if p.is_file() && is_source {
            if let Some(name) = p.file_name() {
                std::fs::copy(&p, input.join(name))?;
            }
        }
    }
    Ok(())
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("      {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(expect: &str) -> (BadCase, PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "xl-e2e-bad-{}-{}",
            std::process::id(),
            expect.len()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("case")).unwrap();
        std::fs::write(dir.join("case/a.c"), "int f(void) { return 0; }\n").unwrap();
        std::fs::write(dir.join("case/notes.txt"), "not copied").unwrap();
        let c = BadCase {
            name: "case".to_string(),
            dir: dir.join("case"),
            expect: Expect::parse(expect).unwrap(),
        };
        (c, dir)
    }

    #[test]
    fn passing_and_failing_expectations() {
        let (c, dir) = case("status = 2\ndiagnostics = [\"a.c:1:|zzz\"]\ntranslated = [\"f\"]\nnot_translated = [\"g\"]");
        let tool = |input: &Path, _out: &Path| -> Result<ToolRun, String> {
            assert!(input.join("a.c").is_file());
            assert!(!input.join("notes.txt").exists());
            Ok(ToolRun {
                status: 2,
                diagnostics: "a.c:1:5: error[C1]: nope".to_string(),
                functions: vec![("f".to_string(), true), ("g".to_string(), false)],
                internal_errors: vec![],
            })
        };
        assert!(check(&c, &dir.join("work"), &tool).is_empty());

        let wrong = |_: &Path, _: &Path| -> Result<ToolRun, String> {
            Ok(ToolRun {
                status: 1,
                diagnostics: String::new(),
                functions: vec![("g".to_string(), true)],
                internal_errors: vec!["D0100 boom".to_string()],
            })
        };
        let problems = check(&c, &dir.join("work"), &wrong);
        assert_eq!(problems.len(), 6, "{problems:?}");
        assert_eq!(
            problems[0],
            "the tool hit an internal error (a caught panic): D0100 boom"
        );
        assert_eq!(problems[1], "exit status 1 (expected 2)");

        let panics = |_: &Path, _: &Path| -> Result<ToolRun, String> { panic!("boom") };
        assert_eq!(
            check(&c, &dir.join("work"), &panics),
            vec!["the tool panicked: boom".to_string()]
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
