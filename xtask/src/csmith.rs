//! `cargo xtask csmith`: the classic compiler differential test, adapted to a transpiler.
//!
//! For each seed, csmith generates a random, UB-free C program (with options that keep it
//! inside the transpiler's scope as far as csmith allows); gcc builds and runs it (the
//! oracle); the transpiler translates it; the Rust is built and run, and the outputs compared.
//! Every program lands in exactly one [`Class`]; the BUG classes make the command exit 1.
//!
//! Layout under `--out` (default `target/csmith`):
//! - `work/<name>/`: scratch for one program (`<name>/` the C project with csmith's runtime
//!   headers, `rust/` the generated package, binaries); removed once the program is done.
//! - `bugs/<name>/`: every BUG-class program is kept here with `REPRO.md` (how to reproduce,
//!   what differed).
//! - `summary.txt`: the per-program lines, the class table and the histograms of this run.
//!
//! Invariants:
//! - Nothing here panics on a bad program or a bad tool: every step is a value, every child
//!   process has a time limit (`xl_e2e::proc::run`), and the transpiler runs on a helper
//!   thread under a limit with panics caught (a hang or a panic is a BUG-class result).
//! - Output is deterministic for a given csmith and transpiler: results are in seed order,
//!   histograms are sorted by count then text (BTreeMap, never HashMap order).
//! - The per-step pipeline pieces (process limits, builds, output comparison, the `unsafe`
//!   audit, the worker pool) are `xl_e2e`'s, so "same output" means what it means for the
//!   corpus tests.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::{mpsc, Mutex};
use std::time::Duration;
use xl_e2e::harness::{self, Verdict};
use xl_e2e::proc::{self, Exit};
use xl_e2e::rustscan;

/// csmith options that keep programs inside the transpiler's scope: no pointers (pointer
/// locals and arithmetic are mostly out of scope), no unions, no bit-fields (both reported as
/// unsupported constructs), and small programs. Volatiles and packed structs stay on: they
/// translate. Chosen by measuring the fully-translated share of 20 seeds per option set (see
/// `tests/csmith/README.md`).
pub(crate) const DEFAULT_OPTIONS: &str = "--no-pointers --no-unions --no-bitfields \
     --max-funcs 3 --max-block-depth 3 --concise";

/// Time limits of the steps of one program.
#[derive(Clone, Debug)]
pub(crate) struct Limits {
    /// csmith generating one program.
    pub generate: Duration,
    /// gcc building the reference.
    pub cc_build: Duration,
    /// Running either binary.
    pub run: Duration,
    /// One transpiler call.
    pub transpile: Duration,
    /// Building the generated package.
    pub rust_build: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            generate: Duration::from_secs(60),
            cc_build: Duration::from_secs(60),
            run: Duration::from_secs(10),
            transpile: Duration::from_secs(120),
            rust_build: Duration::from_secs(300),
        }
    }
}

/// What the user asked for.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    /// Number of programs.
    pub count: u64,
    /// First seed; program `i` uses `seed + i`.
    pub seed: u64,
    /// Output directory.
    pub out: PathBuf,
    /// csmith options (without `--seed` and `--output`).
    pub options: String,
    /// Worker threads.
    pub threads: usize,
    /// Step limits.
    pub limits: Limits,
}

/// The outcome class of one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Complete translation, same stdout and exit code as gcc.
    Same,
    /// Complete translation, but the Rust program printed or exited differently, crashed,
    /// panicked or hung. BUG.
    Different(String),
    /// Complete translation that does not compile. BUG.
    BuildFailure(String),
    /// Complete translation whose sources use `unsafe` or lack `#![forbid(unsafe_code)]`. BUG.
    Unsafe(String),
    /// Some functions not translated; the normalized reasons (error diagnostics).
    Partial(Vec<String>),
    /// Nothing translated; the normalized reasons.
    Failed(Vec<String>),
    /// A caught panic (`D0100` or a panic of the call itself) or a transpiler hang. BUG.
    Internal(String),
    /// Not a test: csmith failed, or gcc's build failed, timed out or crashed.
    Skipped(String),
}

/// The result for one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    /// `csmith_<seed>`.
    pub name: String,
    /// Its class.
    pub class: Class,
    /// The distinct normalized warnings of a complete translation (empty otherwise).
    pub warnings: Vec<String>,
}

/// Row labels of the summary table, in display order, with their BUG flag.
const ROWS: [(&str, bool); 8] = [
    ("complete, same output", false),
    ("complete, different output", true),
    ("complete, build failure", true),
    ("complete, unsafe output", true),
    ("partial", false),
    ("failed", false),
    ("internal error, panic or hang", true),
    ("skipped (csmith/gcc)", false),
];

impl Class {
    /// Index into [`ROWS`].
    fn row(&self) -> usize {
        match self {
            Class::Same => 0,
            Class::Different(_) => 1,
            Class::BuildFailure(_) => 2,
            Class::Unsafe(_) => 3,
            Class::Partial(_) => 4,
            Class::Failed(_) => 5,
            Class::Internal(_) => 6,
            Class::Skipped(_) => 7,
        }
    }

    /// True for the classes that are transpiler bugs.
    pub fn is_bug(&self) -> bool {
        ROWS[self.row()].1
    }

    /// A one-line description.
    fn describe(&self) -> String {
        let label = ROWS[self.row()].0;
        let detail = match self {
            Class::Same => return label.to_string(),
            Class::Different(m)
            | Class::BuildFailure(m)
            | Class::Unsafe(m)
            | Class::Internal(m)
            | Class::Skipped(m) => m.clone(),
            Class::Partial(r) | Class::Failed(r) => r.join("; "),
        };
        let bug = if self.is_bug() { "BUG " } else { "" };
        format!("{bug}{label}: {}", harness::truncate(&detail, 300))
    }
}

/// The entry point: checks the tools, runs every seed, prints and writes the summary.
/// Exit status: 0 when no BUG-class program was found, 1 when some were, 2 when the sweep
/// could not run (csmith, its runtime headers or gcc missing, unwritable output).
pub(crate) fn run(s: Settings) -> ExitCode {
    if let Err(e) = check_tool("csmith", &["--version"]) {
        eprintln!(
            "error: cannot run `csmith` ({e}).\n\
             Install it first, e.g. on Debian/Ubuntu: `apt-get install csmith libcsmith-dev`, \
             or build it from https://github.com/csmith-project/csmith and put it on PATH."
        );
        return ExitCode::from(2);
    }
    if let Err(e) = check_tool("gcc", &["--version"]) {
        eprintln!("error: cannot run `gcc`, the reference compiler ({e}); install gcc.");
        return ExitCode::from(2);
    }
    let Some(runtime) = find_runtime_headers() else {
        eprintln!(
            "error: csmith's runtime headers (csmith.h, safe_math.h, ...) were not found in \
             /usr/include/csmith*, /usr/local/include/csmith* or $CSMITH_HOME/runtime.\n\
             Install them, e.g. on Debian/Ubuntu: `apt-get install libcsmith-dev`, or set \
             CSMITH_HOME to a csmith checkout."
        );
        return ExitCode::from(2);
    };
    for dir in [s.out.join("work"), s.out.join("bugs")] {
        if let Err(e) = std::fs::create_dir_all(&dir) {
            eprintln!("error: cannot create {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    }
    let seeds: Vec<u64> = (0..s.count).map(|i| s.seed.wrapping_add(i)).collect();
    eprintln!(
        "csmith: {} programs, seeds {}..{}, options `{}`, runtime headers {}, {} threads",
        seeds.len(),
        s.seed,
        s.seed.wrapping_add(s.count.saturating_sub(1)),
        s.options,
        runtime.display(),
        s.threads
    );
    // Cargo builds (only for packages with dependencies) share one target directory.
    let build_lock = Mutex::new(());
    let done = std::sync::atomic::AtomicUsize::new(0);
    let results = harness::parallel_map(&seeds, s.threads, |seed| {
        let name = format!("csmith_{seed}");
        let finding = check_seed(*seed, &name, &s, &runtime, &build_lock);
        let n = done.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        eprintln!("[{n}/{}] {name}: {}", seeds.len(), finding.class.describe());
        finding
    });
    let summary = render(&results, &s);
    print!("{summary}");
    let path = s.out.join("summary.txt");
    if let Err(e) = std::fs::write(&path, &summary) {
        eprintln!("warning: cannot write {}: {e}", path.display());
    }
    let bugs = results.iter().filter(|f| f.class.is_bug()).count();
    if bugs > 0 {
        eprintln!(
            "{bugs} BUG-class program(s); each is kept under {} with REPRO.md",
            s.out.join("bugs").display()
        );
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Runs `tool args` once to see that it exists.
fn check_tool(tool: &str, args: &[&str]) -> Result<(), String> {
    let mut cmd = Command::new(tool);
    cmd.args(args);
    let r = proc::run(cmd, Duration::from_secs(20))?;
    match r.exit {
        Exit::Code(0) => Ok(()),
        other => Err(format!("`{tool} {}` {other}", args.join(" "))),
    }
}

/// The directory holding `csmith.h`: `$CSMITH_HOME/runtime`, `$CSMITH_HOME/include`, then
/// `{/usr,/usr/local}/include/csmith*` (sorted, so the choice is deterministic).
fn find_runtime_headers() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(home) = std::env::var_os("CSMITH_HOME") {
        let home = PathBuf::from(home);
        candidates.push(home.join("runtime"));
        candidates.push(home.join("include"));
        candidates.push(home.join("include/csmith"));
    }
    for base in ["/usr/include", "/usr/local/include"] {
        let Ok(entries) = std::fs::read_dir(base) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("csmith"))
            .map(|e| e.path())
            .collect();
        found.sort();
        candidates.extend(found);
    }
    candidates
        .into_iter()
        .find(|d| d.join("csmith.h").is_file())
}

/// Copies the top-level `.h` files of `runtime` into `dir` (not subdirectories such as
/// `windows/`, which would add an include directory shadowing our `stdint.h`, and not
/// `volatile_runtime.c`, which would become a translation unit).
fn copy_headers(runtime: &Path, dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(runtime)
        .map_err(|e| format!("cannot read {}: {e}", runtime.display()))?;
    let mut copied = 0;
    for e in entries.flatten() {
        let p = e.path();
        if p.is_file() && p.extension().is_some_and(|x| x == "h") {
            std::fs::copy(&p, dir.join(e.file_name()))
                .map_err(|err| format!("cannot copy {}: {err}", p.display()))?;
            copied += 1;
        }
    }
    if copied == 0 {
        return Err(format!("no headers in {}", runtime.display()));
    }
    Ok(())
}

/// The whole pipeline for one seed. The work directory is removed afterwards; BUG-class
/// programs are first copied to `bugs/<name>`.
fn check_seed(
    seed: u64,
    name: &str,
    s: &Settings,
    runtime: &Path,
    build_lock: &Mutex<()>,
) -> Finding {
    let work = s.out.join("work").join(name);
    let cdir = work.join(name);
    let pkg = work.join("rust");
    let _ = std::fs::remove_dir_all(&work);
    let mut notes = Notes::default();
    let class = pipeline(seed, name, s, runtime, &cdir, &pkg, build_lock, &mut notes);
    let bug_dir = s.out.join("bugs").join(name);
    let _ = std::fs::remove_dir_all(&bug_dir);
    if class.is_bug() {
        if let Err(e) = keep_bug(seed, name, s, &class, &notes, &cdir, &pkg, &bug_dir) {
            eprintln!("warning: cannot keep {name}: {e}");
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    let warnings = match class {
        Class::Same | Class::Different(_) | Class::BuildFailure(_) | Class::Unsafe(_) => {
            notes.warnings
        }
        _ => vec![],
    };
    Finding {
        name: name.to_string(),
        class,
        warnings,
    }
}

/// What a reproduction note needs beyond the class.
#[derive(Default)]
struct Notes {
    /// gcc's stdout.
    expected: Vec<u8>,
    /// The Rust program's stdout and stderr, when it ran.
    got: Option<(Vec<u8>, Vec<u8>)>,
    /// Every transpiler diagnostic, rendered.
    diagnostics: String,
    /// For a different output: the first difference of the per-global checksum runs.
    hashes: Option<String>,
    /// The distinct normalized warning diagnostics.
    warnings: Vec<String>,
}

#[allow(clippy::too_many_arguments)]
fn pipeline(
    seed: u64,
    name: &str,
    s: &Settings,
    runtime: &Path,
    cdir: &Path,
    pkg: &Path,
    build_lock: &Mutex<()>,
    notes: &mut Notes,
) -> Class {
    // 1. Generate.
    if let Err(e) = std::fs::create_dir_all(cdir) {
        return Class::Skipped(format!("cannot create {}: {e}", cdir.display()));
    }
    let source = cdir.join(format!("{name}.c"));
    // csmith writes `platform.info` into its working directory: run it in the program's.
    let mut gen = Command::new("csmith");
    gen.current_dir(cdir)
        .arg("--seed")
        .arg(seed.to_string())
        .args(s.options.split_whitespace())
        .arg("--output")
        .arg(format!("{name}.c"));
    match proc::run(gen, s.limits.generate) {
        Ok(r) if r.exit == Exit::Code(0) && source.is_file() => {}
        Ok(r) => {
            return Class::Skipped(format!(
                "csmith {}: {}",
                r.exit,
                harness::truncate(r.stderr_text().trim(), 200)
            ))
        }
        Err(e) => return Class::Skipped(e),
    }
    if let Err(e) = copy_headers(runtime, cdir) {
        return Class::Skipped(e);
    }

    // 2. The oracle: gcc -O0 -w, run under a limit; timeouts and crashes are skipped.
    let c_bin = cdir.parent().unwrap_or(cdir).join("c_prog");
    let mut cc = Command::new("gcc");
    cc.arg("-O0")
        .arg("-w")
        .arg("-I")
        .arg(cdir)
        .arg("-o")
        .arg(&c_bin)
        .arg(&source);
    match proc::run(cc, s.limits.cc_build) {
        Ok(r) if r.exit == Exit::Code(0) => {}
        Ok(r) => {
            return Class::Skipped(format!(
                "gcc {}: {}",
                r.exit,
                harness::truncate(r.stderr_text().trim(), 200)
            ))
        }
        Err(e) => return Class::Skipped(e),
    }
    let reference = match proc::run(Command::new(&c_bin), s.limits.run) {
        Ok(r) if matches!(r.exit, Exit::Code(_)) => r,
        Ok(r) => return Class::Skipped(format!("the gcc-built program {}", r.exit)),
        Err(e) => return Class::Skipped(e),
    };
    notes.expected = reference.stdout.clone();

    // 3. Transpile.
    let outcome = match transpile_with_limit(cdir, pkg, name, s.limits.transpile) {
        Ok(o) => o,
        Err(TranspileError::Environment(m)) => return Class::Failed(vec![m]),
        Err(TranspileError::Bug(m)) => return Class::Internal(m),
    };
    notes.diagnostics = outcome
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    notes.warnings = outcome
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| format!("{}: {}", d.code, normalize(&d.message)))
        .collect();
    notes.warnings.sort();
    notes.warnings.dedup();
    if let Some(d) = outcome
        .diagnostics
        .iter()
        .find(|d| d.code == "D0100" || d.message.contains("internal error"))
    {
        return Class::Internal(d.to_string().lines().next().unwrap_or("").to_string());
    }
    match outcome.status {
        xl_driver::RunStatus::Complete => {}
        xl_driver::RunStatus::Partial => return Class::Partial(reasons(&outcome)),
        xl_driver::RunStatus::Failed => return Class::Failed(reasons(&outcome)),
    }

    // 4. Audit and build.
    let problems = rustscan::audit_package(pkg);
    if !problems.is_empty() {
        return Class::Unsafe(problems.join("; "));
    }
    let built = if has_dependencies(pkg) {
        let _guard = build_lock.lock().unwrap_or_else(|e| e.into_inner());
        harness::cargo_build(pkg, &s.out.join("cargo-target"), s.limits.rust_build)
    } else {
        let out = pkg.parent().unwrap_or(pkg).join("rust_bin");
        harness::rustc_build(pkg, &out, s.limits.rust_build)
    };
    let bin = match built {
        Ok(b) => b,
        Err(m) => return Class::BuildFailure(m),
    };

    // 5. Run and compare.
    let got = match proc::run(Command::new(&bin), s.limits.run) {
        Ok(r) => r,
        Err(m) => return Class::Different(m),
    };
    notes.got = Some((got.stdout.clone(), got.stderr.clone()));
    match harness::compare(&reference, &got) {
        Verdict::Ok => Class::Same,
        other => {
            notes.hashes = hash_difference(&c_bin, &bin, s.limits.run);
            Class::Different(other.to_string())
        }
    }
}

/// csmith's `main` prints the checksum after hashing each global when its only argument is
/// `1`: runs both binaries that way and names the first differing line, which points at the
/// first global whose value differs (the place to start reducing).
fn hash_difference(c_bin: &Path, rust_bin: &Path, limit: Duration) -> Option<String> {
    let run = |bin: &Path| {
        let mut cmd = Command::new(bin);
        cmd.arg("1");
        proc::run(cmd, limit).ok()
    };
    let (c, r) = (run(c_bin)?, run(rust_bin)?);
    Some(match harness::first_difference(&c.stdout, &r.stdout) {
        Some(d) => format!("with argument `1` (a checksum line per global): {d}"),
        None => "with argument `1` (a checksum line per global): same output".to_string(),
    })
}

/// Why [`transpile_with_limit`] produced no outcome.
enum TranspileError {
    /// The driver's `Err`: an environment problem, not the program's.
    Environment(String),
    /// The call panicked or overran its limit.
    Bug(String),
}

/// Calls the driver on a helper thread, so a panic or a hang becomes a value. A call that
/// overruns is abandoned (its thread keeps running until the process ends).
fn transpile_with_limit(
    input: &Path,
    out: &Path,
    name: &str,
    limit: Duration,
) -> Result<xl_driver::Outcome, TranspileError> {
    let (tx, rx) = mpsc::channel();
    let (input, out) = (input.to_path_buf(), out.to_path_buf());
    let config = xl_driver::Config {
        crate_name: Some(name.to_string()),
        ..xl_driver::Config::default()
    };
    std::thread::spawn(move || {
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            xl_driver::transpile(&input, &out, &config)
        }));
        let _ = tx.send(r);
    });
    match rx.recv_timeout(limit) {
        Ok(Ok(Ok(outcome))) => Ok(outcome),
        Ok(Ok(Err(e))) => Err(TranspileError::Environment(format!("driver error: {e}"))),
        Ok(Err(payload)) => Err(TranspileError::Bug(format!(
            "the transpiler panicked: {}",
            harness::panic_text(&*payload)
        ))),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(TranspileError::Bug(format!(
            "the transpiler ran longer than {limit:?}"
        ))),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(TranspileError::Bug(
            "the transpiler thread died".to_string(),
        )),
    }
}

/// The distinct normalized reasons of a partial or failed run: its error diagnostics, or
/// when it has none, the reasons of its untranslated functions.
fn reasons(outcome: &xl_driver::Outcome) -> Vec<String> {
    let mut out: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}: {}", d.code, normalize(&d.message)))
        .collect();
    if out.is_empty() {
        out = outcome
            .report
            .functions
            .iter()
            .filter(|f| !f.translated)
            .map(|f| normalize(f.reason.as_deref().unwrap_or("function not translated")))
            .collect();
    }
    if out.is_empty() {
        out.push("no error diagnostic and no untranslated function".to_string());
    }
    out.sort();
    out.dedup();
    out
}

/// Makes reasons from different programs comparable: every run of digits becomes `N`
/// (csmith's names are `func_12`, `g_345`, `l_6`, `struct S0`, ...).
pub(crate) fn normalize(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_digits = false;
    for c in message.chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                out.push('N');
            }
            in_digits = true;
        } else {
            in_digits = false;
            out.push(c);
        }
    }
    out
}

/// True when the package's `Cargo.toml` has a non-empty `[dependencies]` table (then it is
/// built with cargo; otherwise with a plain, lock-free rustc call).
pub(crate) fn has_dependencies(pkg: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(pkg.join("Cargo.toml")) else {
        return true;
    };
    manifest_has_dependencies(&text)
}

/// [`has_dependencies`] on the manifest text.
pub(crate) fn manifest_has_dependencies(manifest: &str) -> bool {
    let mut in_deps = false;
    for raw in manifest.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') {
            in_deps = line == "[dependencies]" || line.starts_with("[dependencies.");
            if line.starts_with("[dependencies.") {
                return true;
            }
            continue;
        }
        if in_deps {
            return true;
        }
    }
    false
}

/// Copies a BUG-class program (C project and generated package) to `bug_dir` and writes
/// `REPRO.md` there.
#[allow(clippy::too_many_arguments)]
fn keep_bug(
    seed: u64,
    name: &str,
    s: &Settings,
    class: &Class,
    notes: &Notes,
    cdir: &Path,
    pkg: &Path,
    bug_dir: &Path,
) -> std::io::Result<()> {
    harness::mirror_dir(cdir, &bug_dir.join(name))?;
    if pkg.is_dir() {
        harness::mirror_dir(pkg, &bug_dir.join("rust"))?;
    }
    let mut md = format!(
        "# {name}: {}\n\n{}\n\n## Reproduce\n\n```sh\n\
         csmith --seed {seed} {} --output {name}.c   # already in {name}/\n\
         gcc -O0 -w -I {name} -o c_prog {name}/{name}.c && ./c_prog\n\
         cargo xtask transpile {name} --out rust\n\
         (cd rust && cargo run --release)\n```\n\n\
         `rust/` holds the package this run generated (it may be absent for a transpiler \
         panic or hang). The C program is UB-free by csmith's construction, so any difference \
         is the transpiler's.\n",
        ROWS[class.row()].0,
        class.describe(),
        s.options,
    );
    md.push_str(&format!(
        "\n## Expected stdout (gcc)\n\n```\n{}```\n",
        String::from_utf8_lossy(&notes.expected)
    ));
    if let Some((out, err)) = &notes.got {
        md.push_str(&format!(
            "\n## Rust stdout\n\n```\n{}```\n\n## Rust stderr\n\n```\n{}```\n",
            String::from_utf8_lossy(out),
            String::from_utf8_lossy(err)
        ));
    }
    if let Some(h) = &notes.hashes {
        md.push_str(&format!("\n## First differing global\n\n{h}\n"));
    }
    if !notes.diagnostics.is_empty() {
        md.push_str(&format!(
            "\n## Transpiler diagnostics\n\n```\n{}\n```\n",
            notes.diagnostics
        ));
    }
    std::fs::write(bug_dir.join("REPRO.md"), md)
}

/// Reason histogram: reason -> number of programs citing it.
fn histogram<'a>(lists: impl Iterator<Item = &'a Vec<String>>) -> Vec<(usize, String)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for list in lists {
        for r in list {
            *counts.entry(r.as_str()).or_default() += 1;
        }
    }
    let mut v: Vec<(usize, String)> = counts
        .into_iter()
        .map(|(r, n)| (n, r.to_string()))
        .collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    v
}

/// The report: per-program lines, the class table, the reason histograms.
pub(crate) fn render(results: &[Finding], s: &Settings) -> String {
    let mut out = String::new();
    for f in results {
        out.push_str(&format!("{}: {}\n", f.name, f.class.describe()));
    }
    out.push_str(&format!(
        "\ncsmith sweep: {} programs from seed {}, options `{}`\n\n",
        results.len(),
        s.seed,
        s.options
    ));
    let mut counts = [0usize; ROWS.len()];
    for f in results {
        counts[f.class.row()] += 1;
    }
    out.push_str(&format!("{:<34} {:>6}\n", "class", "count"));
    for ((label, bug), n) in ROWS.iter().zip(counts) {
        let mark = if *bug && n > 0 { "  <- BUG" } else { "" };
        out.push_str(&format!("{label:<34} {n:>6}{mark}\n"));
    }
    out.push_str(&format!("{:<34} {:>6}\n", "total", results.len()));
    for (title, row) in [("partial", 4), ("failed", 5)] {
        let hist = histogram(results.iter().filter_map(|f| match &f.class {
            Class::Partial(r) | Class::Failed(r) if f.class.row() == row => Some(r),
            _ => None,
        }));
        if hist.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\ntop reasons for {title} translations (programs citing each):\n"
        ));
        for (n, reason) in hist.iter().take(20) {
            out.push_str(&format!("{n:>6}  {}\n", harness::truncate(reason, 160)));
        }
    }
    let warnings = histogram(results.iter().map(|f| &f.warnings));
    if !warnings.is_empty() {
        out.push_str("\nwarnings in complete translations (programs citing each):\n");
        for (n, w) in warnings.iter().take(20) {
            out.push_str(&format!("{n:>6}  {}\n", harness::truncate(w, 160)));
        }
    }
    let bugs: Vec<&String> = results
        .iter()
        .filter(|f| f.class.is_bug())
        .map(|f| &f.name)
        .collect();
    if !bugs.is_empty() {
        out.push_str(&format!(
            "\nBUG-class programs (kept under {}): {}\n",
            s.out.join("bugs").display(),
            bugs.iter()
                .map(|n| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_replaces_digit_runs() {
        assert_eq!(
            normalize("function `func_12` not translated: call to `func_3`"),
            "function `func_N` not translated: call to `func_N`"
        );
        assert_eq!(normalize("ptr<i32> in g_405"), "ptr<iN> in g_N");
        assert_eq!(normalize("no digits"), "no digits");
    }

    #[test]
    fn dependencies_in_manifests() {
        let empty = "[package]\nname = \"x\"\n\n[dependencies]\n\n[profile.release]\n\
                     overflow-checks = false\n\n[workspace]\n";
        assert!(!manifest_has_dependencies(empty));
        assert!(manifest_has_dependencies(
            "[package]\nname = \"x\"\n[dependencies]\n# c\nxl-runtime = \"0.1\"\n"
        ));
        assert!(manifest_has_dependencies(
            "[dependencies.foo]\nversion = \"1\"\n"
        ));
        assert!(!manifest_has_dependencies("[package]\nname = \"x\"\n"));
    }

    #[test]
    fn missing_tools_are_errors_not_panics() {
        let e = check_tool("xl-csmith-test-no-such-program", &["--version"]).unwrap_err();
        assert!(e.contains("cannot start"), "{e}");
        assert!(check_tool("sh", &["-c", "exit 3"])
            .unwrap_err()
            .contains("exit code 3"));
        assert!(check_tool("sh", &["-c", "true"]).is_ok());
    }

    #[test]
    fn copies_only_top_level_headers() {
        let base = std::env::temp_dir().join(format!("xl-csmith-hdr-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&base);
        let (rt, dst) = (base.join("rt"), base.join("dst"));
        std::fs::create_dir_all(rt.join("windows")).unwrap();
        std::fs::create_dir_all(&dst).unwrap();
        std::fs::write(rt.join("csmith.h"), "x").unwrap();
        std::fs::write(rt.join("safe_math.h"), "y").unwrap();
        std::fs::write(rt.join("volatile_runtime.c"), "z").unwrap();
        std::fs::write(rt.join("windows/stdint.h"), "w").unwrap();
        copy_headers(&rt, &dst).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&dst)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["csmith.h", "safe_math.h"]);
        assert!(copy_headers(&rt.join("windows/none"), &dst).is_err());
        std::fs::remove_file(rt.join("csmith.h")).unwrap();
        std::fs::remove_file(rt.join("safe_math.h")).unwrap();
        assert!(copy_headers(&rt, &dst).unwrap_err().contains("no headers"));
        let _ = std::fs::remove_dir_all(&base);
    }

    #[test]
    fn bug_classes() {
        assert!(!Class::Same.is_bug());
        assert!(Class::Different(String::new()).is_bug());
        assert!(Class::BuildFailure(String::new()).is_bug());
        assert!(Class::Unsafe(String::new()).is_bug());
        assert!(Class::Internal(String::new()).is_bug());
        assert!(!Class::Partial(vec![]).is_bug());
        assert!(!Class::Failed(vec![]).is_bug());
        assert!(!Class::Skipped(String::new()).is_bug());
    }

    #[test]
    fn summary_counts_classes_and_reasons() {
        let s = Settings {
            count: 5,
            seed: 7,
            out: PathBuf::from("/tmp/cs"),
            options: "--no-pointers".to_string(),
            threads: 2,
            limits: Limits::default(),
        };
        let f = |name: &str, class: Class, warnings: &[&str]| Finding {
            name: name.to_string(),
            class,
            warnings: warnings.iter().map(|w| w.to_string()).collect(),
        };
        let results = vec![
            f("csmith_7", Class::Same, &["E0101: state machine"]),
            f(
                "csmith_8",
                Class::Partial(vec!["C0002: a".to_string(), "E0001: b".to_string()]),
                &[],
            ),
            f(
                "csmith_9",
                Class::Partial(vec!["C0002: a".to_string()]),
                &[],
            ),
            f(
                "csmith_10",
                Class::Different("output differs: line 1".to_string()),
                &["E0101: state machine", "E0005: copy"],
            ),
            f(
                "csmith_11",
                Class::Skipped("the gcc build timed out".to_string()),
                &[],
            ),
        ];
        let expected = "\
csmith_7: complete, same output
csmith_8: partial: C0002: a; E0001: b
csmith_9: partial: C0002: a
csmith_10: BUG complete, different output: output differs: line 1
csmith_11: skipped (csmith/gcc): the gcc build timed out

csmith sweep: 5 programs from seed 7, options `--no-pointers`

class                               count
complete, same output                   1
complete, different output              1  <- BUG
complete, build failure                 0
complete, unsafe output                 0
partial                                 2
failed                                  0
internal error, panic or hang           0
skipped (csmith/gcc)                    1
total                                   5

top reasons for partial translations (programs citing each):
     2  C0002: a
     1  E0001: b

warnings in complete translations (programs citing each):
     2  E0101: state machine
     1  E0005: copy

BUG-class programs (kept under /tmp/cs/bugs): csmith_10
";
        assert_eq!(render(&results, &s), expected);
    }
}
