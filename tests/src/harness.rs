//! The corpus harness: for each C program, build and run it with the system C compiler (the
//! oracle), transpile it, audit the generated package for `unsafe`, build it, run it, and
//! compare stdout bytes and the exit code.
//!
//! Invariants:
//! - Every failure is a value ([`Verdict`]); nothing here panics on a bad program, a bad
//!   transpiler output, a crashing build or a hanging binary (every step has a time limit,
//!   and a transpiler call that overruns is abandoned on its thread).
//! - Paths are deterministic: the package for `<name>` is `<target>/e2e/<name>`, scratch
//!   files are under `<target>/e2e-work/<name>`, and every package builds into the one shared
//!   `<target>/e2e-target` so cargo's own caching works across runs. The transpiler writes
//!   into a fresh staging directory that is then mirrored into the package directory (only
//!   changed files are rewritten, stale files are deleted), so an old output never survives a
//!   failed run and unchanged packages are not rebuilt.
//! - Results come back in the order of the input list whatever the thread interleaving.

use crate::proc::{self, Exit};
use crate::rustscan;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

/// A transpiler: translate the C project in the first directory into a Cargo package in the
/// second. `Err` carries a one-line reason (status and first diagnostics).
pub type TranspileFn = dyn Fn(&Path, &Path) -> Result<(), String> + Send + Sync;

/// Where the harness keeps its files.
#[derive(Clone, Debug)]
pub struct Paths {
    /// Generated packages: `<dir>/<name>`.
    pub packages: PathBuf,
    /// Scratch: C binaries, staging directories, rustc outputs.
    pub work: PathBuf,
    /// The shared `CARGO_TARGET_DIR` for every generated package.
    pub cargo_target: PathBuf,
}

impl Paths {
    /// `<target>/<prefix>`, `<target>/<prefix>-work`, `<target>/<prefix>-target`.
    pub fn under(target: &Path, prefix: &str) -> Paths {
        Paths {
            packages: target.join(prefix),
            work: target.join(format!("{prefix}-work")),
            cargo_target: target.join(format!("{prefix}-target")),
        }
    }
}

/// How generated packages are compiled.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum BuildMode {
    /// `cargo build --release --quiet` with the shared target directory.
    Cargo,
    /// `rustc --edition 2021 -O src/main.rs`: no cargo start-up or lock; needs a
    /// dependency-free package whose crate root is `src/main.rs`.
    Rustc,
}

/// Knobs of a run.
#[derive(Clone, Debug)]
pub struct Options {
    /// Worker threads.
    pub threads: usize,
    /// The C compiler for the reference build.
    pub cc: String,
    /// Limit for running either binary.
    pub run_timeout: Duration,
    /// Limit for one transpiler call.
    pub transpile_timeout: Duration,
    /// Limit for one build.
    pub build_timeout: Duration,
    /// Which programs use cargo; the others use rustc. `None`: all use cargo.
    pub cargo_for: Option<Vec<String>>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            threads: 2,
            cc: "cc".to_string(),
            run_timeout: Duration::from_secs(10),
            transpile_timeout: Duration::from_secs(120),
            build_timeout: Duration::from_secs(300),
            cargo_for: None,
        }
    }
}

impl Options {
    /// The build mode for program `name`.
    pub fn build_mode(&self, name: &str) -> BuildMode {
        match &self.cargo_for {
            None => BuildMode::Cargo,
            Some(list) if list.iter().any(|n| n == name) => BuildMode::Cargo,
            Some(_) => BuildMode::Rustc,
        }
    }
}

/// One corpus program: `<corpus>/<name>/<name>.c`; its directory is the transpiler input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// Directory name, also the expected crate name.
    pub name: String,
    /// The directory holding the program.
    pub dir: PathBuf,
    /// The C source.
    pub source: PathBuf,
}

/// Lists the programs of a corpus, sorted by name. With a filter, keeps the names that
/// contain any of its comma-separated parts. Directories without `<name>.c` are errors.
pub fn discover(corpus: &Path, filter: Option<&str>) -> Result<Vec<Program>, String> {
    let entries =
        std::fs::read_dir(corpus).map_err(|e| format!("cannot read {}: {e}", corpus.display()))?;
    let mut out = Vec::new();
    for e in entries.flatten() {
        let dir = e.path();
        if !dir.is_dir() {
            continue;
        }
        let name = e.file_name().to_string_lossy().into_owned();
        let source = dir.join(format!("{name}.c"));
        if !source.is_file() {
            return Err(format!("{} has no {name}.c", dir.display()));
        }
        out.push(Program { name, dir, source });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    if let Some(f) = filter {
        let parts: Vec<&str> = f
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        out.retain(|p| parts.iter().any(|part| p.name.contains(part)));
    }
    Ok(out)
}

/// The outcome for one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Same stdout and exit code.
    Ok,
    /// The C reference could not be compiled or run (a corpus or environment problem).
    ReferenceFailed(String),
    /// The transpiler did not produce a complete translation.
    TranspileFailed(String),
    /// The generated sources use `unsafe` or lack `#![forbid(unsafe_code)]`.
    Unsafe(String),
    /// The generated package did not compile: the first compiler error.
    BuildFailed(String),
    /// The Rust binary crashed, panicked or hung.
    RunFailed(String),
    /// stdout differs: the first differing line.
    OutputDiffers(String),
    /// stdout is equal but the exit code is not.
    ExitDiffers {
        /// The C program's exit.
        expected: String,
        /// The Rust program's exit.
        got: String,
    },
}

impl Verdict {
    /// True for [`Verdict::Ok`].
    pub fn is_ok(&self) -> bool {
        *self == Verdict::Ok
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Verdict::Ok => write!(f, "ok"),
            Verdict::ReferenceFailed(m) => write!(f, "C reference failed: {m}"),
            Verdict::TranspileFailed(m) => write!(f, "transpile failed: {m}"),
            Verdict::Unsafe(m) => write!(f, "unsafe output: {m}"),
            Verdict::BuildFailed(m) => write!(f, "build failed: {m}"),
            Verdict::RunFailed(m) => write!(f, "run failed: {m}"),
            Verdict::OutputDiffers(m) => write!(f, "output differs: {m}"),
            Verdict::ExitDiffers { expected, got } => {
                write!(f, "exit differs: expected {expected}, got {got}")
            }
        }
    }
}

/// Checks every program on `opts.threads` workers; results are in input order.
pub fn run_all(
    programs: &[Program],
    paths: &Paths,
    opts: &Options,
    transpile: Arc<TranspileFn>,
) -> Vec<(String, Verdict)> {
    // Cargo builds share one target directory and would only queue on its lock: run them one
    // at a time (each rustc uses both cores anyway) and let the other steps overlap.
    let build_lock = Mutex::new(());
    parallel_map(programs, opts.threads, |p| {
        let v = check_program(p, paths, opts, transpile.clone(), &build_lock);
        (p.name.clone(), v)
    })
}

/// Runs the whole pipeline for one program.
pub fn check_program(
    p: &Program,
    paths: &Paths,
    opts: &Options,
    transpile: Arc<TranspileFn>,
    build_lock: &Mutex<()>,
) -> Verdict {
    let work = paths.work.join(&p.name);
    let pkg = paths.packages.join(&p.name);
    if let Err(e) = std::fs::create_dir_all(&work) {
        return Verdict::ReferenceFailed(format!("cannot create {}: {e}", work.display()));
    }

    // 1. The oracle.
    let reference = match run_reference(p, &work, opts) {
        Ok(r) => r,
        Err(m) => return Verdict::ReferenceFailed(m),
    };

    // 2. Transpile into a fresh staging directory, then mirror into the package directory.
    let stage = work.join("stage");
    let _ = std::fs::remove_dir_all(&stage);
    let transpiled = transpile_with_limit(&transpile, &p.dir, &stage, opts.transpile_timeout);
    // Mirror even after a failure: the package dir then shows what (if anything) was written,
    // and never an older run's output.
    if let Err(e) = mirror_dir(&stage, &pkg) {
        return Verdict::TranspileFailed(format!("cannot copy output to {}: {e}", pkg.display()));
    }
    if let Err(m) = transpiled {
        return Verdict::TranspileFailed(m);
    }

    // 3. Audit.
    let problems = rustscan::audit_package(&pkg);
    if !problems.is_empty() {
        return Verdict::Unsafe(problems.join("; "));
    }

    // 4. Build.
    let bin = match opts.build_mode(&p.name) {
        BuildMode::Cargo => {
            let _guard = build_lock.lock().unwrap_or_else(|e| e.into_inner());
            cargo_build(&pkg, &paths.cargo_target, opts.build_timeout)
        }
        BuildMode::Rustc => rustc_build(&pkg, &work.join("rust_bin"), opts.build_timeout),
    };
    let bin = match bin {
        Ok(b) => b,
        Err(m) => return Verdict::BuildFailed(m),
    };

    // 5. Run and compare.
    let got = match proc::run(Command::new(&bin), opts.run_timeout) {
        Ok(r) => r,
        Err(m) => return Verdict::RunFailed(m),
    };
    compare(&reference, &got)
}

/// Compares the reference run with the Rust run.
pub fn compare(reference: &proc::Captured, got: &proc::Captured) -> Verdict {
    let crashed = match &got.exit {
        Exit::Timeout => Some("timed out".to_string()),
        Exit::Signal(s) => Some(format!("killed by signal {s}")),
        Exit::Code(101) if reference.exit != Exit::Code(101) => {
            let err = got.stderr_text();
            let panic_line = err
                .lines()
                .skip_while(|l| !l.contains("panicked at"))
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            Some(if panic_line.is_empty() {
                "exit code 101".to_string()
            } else {
                format!("panic: {}", truncate(&panic_line, 200))
            })
        }
        Exit::Code(_) => None,
    };
    if let Some(m) = crashed {
        let where_ = match first_difference(&reference.stdout, &got.stdout) {
            Some(d) => format!(" (stdout before that: {d})"),
            None => " (stdout matched up to there)".to_string(),
        };
        return Verdict::RunFailed(format!("{m}{where_}"));
    }
    if let Some(d) = first_difference(&reference.stdout, &got.stdout) {
        let exit_note = if reference.exit != got.exit {
            format!("; also expected {}, got {}", reference.exit, got.exit)
        } else {
            String::new()
        };
        return Verdict::OutputDiffers(format!("{d}{exit_note}"));
    }
    if reference.exit != got.exit {
        return Verdict::ExitDiffers {
            expected: reference.exit.to_string(),
            got: got.exit.to_string(),
        };
    }
    Verdict::Ok
}

/// Builds the C program with `cc -O0 -w ... -lm` and runs it.
fn run_reference(p: &Program, work: &Path, opts: &Options) -> Result<proc::Captured, String> {
    let exe = work.join("c_prog");
    let mut cc = Command::new(&opts.cc);
    cc.arg("-O0")
        .arg("-w")
        .arg("-o")
        .arg(&exe)
        .arg(&p.source)
        .arg("-lm");
    let built = proc::run(cc, Duration::from_secs(60))?;
    if built.exit != Exit::Code(0) {
        return Err(format!(
            "{} {}: {}",
            opts.cc,
            built.exit,
            truncate(built.stderr_text().trim(), 300)
        ));
    }
    let r = proc::run(Command::new(&exe), Duration::from_secs(10))?;
    match r.exit {
        Exit::Code(_) => Ok(r),
        other => Err(format!("the C program {other}")),
    }
}

/// Calls the transpiler on a helper thread so a hang or a panic becomes a message.
fn transpile_with_limit(
    transpile: &Arc<TranspileFn>,
    input: &Path,
    out: &Path,
    limit: Duration,
) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    let t = transpile.clone();
    let (input, out) = (input.to_path_buf(), out.to_path_buf());
    std::thread::spawn(move || {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| t(&input, &out)));
        let _ = tx.send(r);
    });
    match rx.recv_timeout(limit) {
        Ok(Ok(r)) => r,
        Ok(Err(payload)) => Err(format!(
            "the transpiler panicked: {}",
            panic_text(&*payload)
        )),
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("the transpiler ran longer than {limit:?}"))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("the transpiler thread died".to_string()),
    }
}

/// The message of a panic payload.
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(non-string panic payload)".to_string()
    }
}

/// `cargo build --release --quiet` in `pkg` with the shared target dir; returns the binary.
pub fn cargo_build(pkg: &Path, target_dir: &Path, limit: Duration) -> Result<PathBuf, String> {
    let manifest = pkg.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)
        .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
    let bin_name = binary_name(&text).ok_or("Cargo.toml names no package or binary")?;
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string()));
    cmd.arg("build")
        .arg("--release")
        .arg("--quiet")
        .arg("--manifest-path")
        .arg(&manifest)
        .env("CARGO_TARGET_DIR", target_dir)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    let r = proc::run(cmd, limit)?;
    if r.exit != Exit::Code(0) {
        return Err(match r.exit {
            Exit::Timeout => format!("cargo build ran longer than {limit:?}"),
            _ => first_compiler_error(&r.stderr_text()),
        });
    }
    let bin = target_dir.join("release").join(&bin_name);
    if !bin.is_file() {
        return Err(format!("cargo succeeded but {} is missing", bin.display()));
    }
    Ok(bin)
}

/// `rustc --edition 2021 -O src/main.rs -o OUT`.
pub fn rustc_build(pkg: &Path, out: &Path, limit: Duration) -> Result<PathBuf, String> {
    let main = pkg.join("src/main.rs");
    if !main.is_file() {
        return Err("no src/main.rs".to_string());
    }
    let mut cmd = Command::new("rustc");
    cmd.arg("--edition")
        .arg("2021")
        .arg("-O")
        .arg("--crate-type")
        .arg("bin")
        .arg(&main)
        .arg("-o")
        .arg(out);
    let r = proc::run(cmd, limit)?;
    match r.exit {
        Exit::Code(0) => Ok(out.to_path_buf()),
        Exit::Timeout => Err(format!("rustc ran longer than {limit:?}")),
        _ => Err(first_compiler_error(&r.stderr_text())),
    }
}

/// The binary name a manifest builds: the first `[[bin]]` name, else the package name.
pub fn binary_name(manifest: &str) -> Option<String> {
    let mut section = String::new();
    let mut package_name = None;
    for raw in manifest.lines() {
        let line = raw.trim();
        if line.starts_with('[') {
            section = line.to_string();
            continue;
        }
        let Some((k, v)) = line.split_once('=') else {
            continue;
        };
        if k.trim() != "name" {
            continue;
        }
        let v = v.trim().trim_matches('"').to_string();
        match section.as_str() {
            "[[bin]]" => return Some(v),
            "[package]" if package_name.is_none() => package_name = Some(v),
            _ => {}
        }
    }
    package_name
}

/// The first `error...` line of compiler output with its ` --> file:line:col` location.
pub fn first_compiler_error(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().collect();
    let Some(i) = lines
        .iter()
        .position(|l| l.starts_with("error") && !l.starts_with("error: could not compile"))
    else {
        let first = lines.iter().find(|l| !l.trim().is_empty()).unwrap_or(&"");
        return truncate(first.trim(), 300);
    };
    let mut msg = lines[i].to_string();
    if let Some(loc) = lines[i + 1..]
        .iter()
        .take(3)
        .find_map(|l| l.trim_start().strip_prefix("--> "))
    {
        msg.push_str(&format!(" at {loc}"));
    }
    truncate(&msg, 300)
}

/// Describes the first differing line of two outputs, or `None` when they are equal.
pub fn first_difference(expected: &[u8], got: &[u8]) -> Option<String> {
    if expected == got {
        return None;
    }
    // Lines end at '\n'; a final '\n' terminates the last line rather than starting one.
    let lines = |b: &[u8]| -> Vec<Vec<u8>> {
        let body = b.strip_suffix(b"\n").unwrap_or(b);
        if b.is_empty() {
            return vec![];
        }
        body.split(|c| *c == b'\n').map(<[u8]>::to_vec).collect()
    };
    let (e, g) = (lines(expected), lines(got));
    let show = |l: &[u8]| truncate(&format!("{:?}", String::from_utf8_lossy(l)), 120);
    for i in 0..e.len().max(g.len()) {
        match (e.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => continue,
            (Some(a), Some(b)) => {
                return Some(format!(
                    "line {}: expected {}, got {}",
                    i + 1,
                    show(a),
                    show(b)
                ))
            }
            (Some(a), None) => {
                return Some(format!(
                    "line {}: expected {}, got end of output",
                    i + 1,
                    show(a)
                ))
            }
            (None, Some(b)) => {
                return Some(format!(
                    "line {}: expected end of output, got {}",
                    i + 1,
                    show(b)
                ))
            }
            (None, None) => break,
        }
    }
    Some(if expected.ends_with(b"\n") {
        "the output lacks the final newline".to_string()
    } else {
        "the output has an extra final newline".to_string()
    })
}

/// Makes `dst` hold exactly the files of `src`: copies new or changed files, leaves equal
/// files untouched (so their mtimes stay and cargo does not rebuild), deletes the rest except
/// `Cargo.lock`. A missing `src` empties `dst`.
pub fn mirror_dir(src: &Path, dst: &Path) -> std::io::Result<()> {
    let wanted = list_files(src);
    std::fs::create_dir_all(dst)?;
    for rel in &wanted {
        let from = src.join(rel);
        let to = dst.join(rel);
        let bytes = std::fs::read(&from)?;
        if std::fs::read(&to).ok().as_deref() != Some(&bytes[..]) {
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&to, &bytes)?;
        }
    }
    for rel in list_files(dst) {
        if !wanted.contains(&rel) && rel != Path::new("Cargo.lock") {
            std::fs::remove_file(dst.join(&rel))?;
        }
    }
    Ok(())
}

/// Files under `dir` as sorted relative paths (empty when `dir` does not exist).
fn list_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.push(rel.to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// Applies `f` to every item on `threads` workers; results keep the input order.
pub fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let slots: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1).min(items.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                if i >= items.len() {
                    break;
                }
                let r = f(&items[i]);
                slots.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
            });
        }
    });
    slots
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .flatten()
        .collect()
}

/// The per-program report: one line per program, then counts by kind and `passed N/M`.
pub fn render_summary(results: &[(String, Verdict)]) -> String {
    let mut s = String::new();
    for (name, v) in results {
        s.push_str(&format!("{name}: {v}\n"));
    }
    let mut kinds: Vec<(&str, usize)> = Vec::new();
    for (_, v) in results {
        let k = match v {
            Verdict::Ok => "ok",
            Verdict::ReferenceFailed(_) => "C reference failed",
            Verdict::TranspileFailed(_) => "transpile failed",
            Verdict::Unsafe(_) => "unsafe output",
            Verdict::BuildFailed(_) => "build failed",
            Verdict::RunFailed(_) => "run failed",
            Verdict::OutputDiffers(_) => "output differs",
            Verdict::ExitDiffers { .. } => "exit differs",
        };
        match kinds.iter_mut().find(|(n, _)| *n == k) {
            Some(e) => e.1 += 1,
            None => kinds.push((k, 1)),
        }
    }
    let passed = results.iter().filter(|(_, v)| v.is_ok()).count();
    let counts: Vec<String> = kinds.iter().map(|(k, n)| format!("{k}: {n}")).collect();
    s.push_str(&format!("by outcome: {}\n", counts.join(", ")));
    s.push_str(&format!("passed {passed}/{}\n", results.len()));
    s
}

/// Cuts `s` to at most `max` chars, marking the cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push_str("...");
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_difference_cases() {
        assert_eq!(first_difference(b"a\nb\n", b"a\nb\n"), None);
        assert_eq!(
            first_difference(b"a\nb\nc\n", b"a\nX\nc\n").unwrap(),
            "line 2: expected \"b\", got \"X\""
        );
        assert_eq!(
            first_difference(b"a\nb\n", b"a\n").unwrap(),
            "line 2: expected \"b\", got end of output"
        );
        assert_eq!(
            first_difference(b"a\n", b"a\n\n").unwrap(),
            "line 2: expected end of output, got \"\""
        );
        assert_eq!(
            first_difference(b"a\n", b"a").unwrap(),
            "the output lacks the final newline"
        );
        assert_eq!(
            first_difference(b"", b"\n").unwrap(),
            "line 1: expected end of output, got \"\""
        );
    }

    #[test]
    fn compiler_error_extraction() {
        let stderr = "warning: unused variable\n --> src/main.rs:1:1\n\
                      error[E0308]: mismatched types\n  --> src/main.rs:12:5\n   |\n\
                      error: aborting due to 1 previous error\n\
                      error: could not compile `x`\n";
        assert_eq!(
            first_compiler_error(stderr),
            "error[E0308]: mismatched types at src/main.rs:12:5"
        );
        assert_eq!(first_compiler_error("\n  something odd\n"), "something odd");
    }

    #[test]
    fn binary_names() {
        assert_eq!(
            binary_name("[package]\nname = \"foo\"\nversion = \"0.1.0\"\n[workspace]\n"),
            Some("foo".to_string())
        );
        assert_eq!(
            binary_name("[package]\nname = \"foo\"\n[[bin]]\nname = \"bar\"\npath = \"x.rs\"\n"),
            Some("bar".to_string())
        );
        assert_eq!(binary_name("[workspace]\n"), None);
    }

    #[test]
    fn parallel_map_keeps_order() {
        let items: Vec<u32> = (0..50).collect();
        let out = parallel_map(&items, 3, |x| {
            std::thread::sleep(Duration::from_millis((x % 3) as u64));
            x * 2
        });
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(parallel_map(&Vec::<u32>::new(), 2, |x| *x).is_empty());
    }

    #[test]
    fn mirror_copies_changes_and_removes_stale_files() {
        let base = std::env::temp_dir().join(format!("xl-e2e-mirror-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let (src, dst) = (base.join("src"), base.join("dst"));
        std::fs::create_dir_all(src.join("a")).unwrap();
        std::fs::create_dir_all(dst.join("old")).unwrap();
        std::fs::write(src.join("a/x.rs"), "x").unwrap();
        std::fs::write(src.join("same"), "same").unwrap();
        std::fs::write(dst.join("same"), "same").unwrap();
        std::fs::write(dst.join("old/stale.rs"), "stale").unwrap();
        std::fs::write(dst.join("Cargo.lock"), "lock").unwrap();
        let before = std::fs::metadata(dst.join("same"))
            .unwrap()
            .modified()
            .unwrap();
        mirror_dir(&src, &dst).unwrap();
        assert_eq!(std::fs::read_to_string(dst.join("a/x.rs")).unwrap(), "x");
        assert!(!dst.join("old/stale.rs").exists());
        assert!(dst.join("Cargo.lock").exists());
        let after = std::fs::metadata(dst.join("same"))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(before, after);
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn compare_classifies() {
        let cap = |out: &[u8], exit: Exit, err: &str| proc::Captured {
            exit,
            stdout: out.to_vec(),
            stderr: err.as_bytes().to_vec(),
        };
        let r = cap(b"x\n", Exit::Code(3), "");
        assert_eq!(compare(&r, &cap(b"x\n", Exit::Code(3), "")), Verdict::Ok);
        assert!(matches!(
            compare(&r, &cap(b"y\n", Exit::Code(3), "")),
            Verdict::OutputDiffers(_)
        ));
        assert_eq!(
            compare(&r, &cap(b"x\n", Exit::Code(0), "")),
            Verdict::ExitDiffers {
                expected: "exit code 3".to_string(),
                got: "exit code 0".to_string()
            }
        );
        let v = compare(
            &r,
            &cap(
                b"",
                Exit::Code(101),
                "thread 'main' panicked at src/main.rs:3:5:\nindex out of bounds\n",
            ),
        );
        assert_eq!(
            v,
            Verdict::RunFailed(
                "panic: thread 'main' panicked at src/main.rs:3:5: index out of bounds (stdout before that: line 1: expected \"x\", got end of output)".to_string()
            )
        );
    }
}
