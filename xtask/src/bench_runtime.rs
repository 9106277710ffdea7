//! `cargo xtask bench runtime [DIR...] [--runs N] [--json FILE] [--write-status FILE]`: how
//! fast the translated programs run compared with the C originals built with `cc -O2`.
//!
//! Each program (a directory with C sources; a directory without C sources directly in it
//! stands for every program directory under it; default: `corpora/bench`) goes through:
//! 1. every `.c` file of the directory built with `cc -O2 -w ... -lm` (`XL_E2E_CC` picks the
//!    compiler, as in the tests) and run once for its stdout and exit code;
//! 2. an in-process transpile (verification off: it is no part of run time) into
//!    `target/bench-runtime/<name>` (through a staging directory mirrored into place, so an
//!    unchanged package is not rebuilt), `cargo build --release` with the one shared
//!    `target/bench-runtime-target`, one run whose stdout and exit code must match the C's;
//! 3. `--runs` timed runs of each binary (default 5), C and Rust interleaved so both see the
//!    same machine noise; the median wall time of each; ratio = Rust median / C median.
//!
//! A program that is not completely translated, does not build, or whose output differs is
//! listed with its status and left out of the median ratio. Output: one line per program,
//! the median ratio over the programs that matched, and the copies the emitter inserted
//! (summed `copies` of the transpile reports). `--json` writes every figure (with the raw
//! samples), `--write-status` a markdown scoreboard of the ratios (2 decimals) with the date
//! and a machine note. Exit status 0 for a measurement (mismatches included), 2 for unreadable
//! directories, a missing C compiler or an unwritable output file. Programs run one after
//! another so timings do not compete.

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};
use xl_e2e::harness::{self, Verdict};
use xl_e2e::proc::{self, Exit};

/// Arguments of `cargo xtask bench runtime`.
#[derive(clap::Args)]
pub(crate) struct RuntimeArgs {
    /// Program directories, or corpus directories holding program directories
    /// (default: corpora/bench).
    dirs: Vec<PathBuf>,
    /// Timed runs of each binary; the median is kept.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Also write the figures as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Also write a markdown scoreboard of the ratios to this file, e.g. `corpora/BENCH.md`.
    #[arg(long)]
    write_status: Option<PathBuf>,
}

/// Limit for one run of either binary.
const RUN_LIMIT: Duration = Duration::from_secs(120);
/// Limit for compiling the C or building the Rust.
const BUILD_LIMIT: Duration = Duration::from_secs(600);

/// One program's figures. Times are in milliseconds; `None` where not measured.
#[derive(Serialize)]
struct ProgramFigures {
    name: String,
    dir: String,
    /// `ok` (output matched, timed), `not-translated`, `c-failed`, `transpile-error`,
    /// `build-failed`, `mismatch` or `run-failed`.
    status: String,
    /// What went wrong, for a status other than `ok`.
    detail: Option<String>,
    functions_translated: usize,
    functions_total: usize,
    /// Copies the emitter inserted (the transpile report's `copies`).
    copies: usize,
    c_ms: Option<f64>,
    rust_ms: Option<f64>,
    ratio: Option<f64>,
    c_samples_ms: Vec<f64>,
    rust_samples_ms: Vec<f64>,
}

#[derive(Serialize)]
struct RuntimeReport {
    runs: usize,
    cc: String,
    machine: String,
    date: String,
    programs: Vec<ProgramFigures>,
    /// Median of the ratios of the programs whose output matched; `None` when none did.
    median_ratio: Option<f64>,
    programs_matched: usize,
    programs_total: usize,
    /// Sum of the programs' `copies`.
    copies: usize,
}

/// Where the command keeps its files, all under the workspace `target/`.
struct Paths {
    /// Generated packages: `<packages>/<name>`.
    packages: PathBuf,
    /// C binaries and staging directories: `<work>/<name>/`.
    work: PathBuf,
    /// The shared `CARGO_TARGET_DIR` of every generated package.
    cargo_target: PathBuf,
}

pub(crate) fn run_runtime(args: RuntimeArgs) -> ExitCode {
    let root = xl_e2e::workspace_root();
    let dirs = if args.dirs.is_empty() {
        vec![root.join("corpora/bench")]
    } else {
        args.dirs
    };
    let mut programs = Vec::new();
    for d in &dirs {
        match crate::bench::programs_in(d) {
            Ok(mut p) => programs.append(&mut p),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let cc = xl_e2e::cc_from_env();
    let Some(cc_version) = first_line_of(&cc, "--version") else {
        eprintln!("error: no working C compiler `{cc}` (set XL_E2E_CC to choose one)");
        return ExitCode::from(2);
    };
    let runs = args.runs.max(1);
    let target = xl_e2e::workspace_target();
    let paths = Paths {
        packages: target.join("bench-runtime"),
        work: target.join("bench-runtime-work"),
        cargo_target: target.join("bench-runtime-target"),
    };
    let mut figures = Vec::new();
    for dir in &programs {
        let fig = measure(dir, &root, &cc, runs, &paths);
        println!("{}", render_line(&fig));
        figures.push(fig);
    }
    let ratios: Vec<f64> = figures.iter().filter_map(|f| f.ratio).collect();
    let median_ratio = median(&ratios);
    let copies = figures.iter().map(|f| f.copies).sum();
    let excluded = figures.len() - ratios.len();
    match median_ratio {
        Some(m) => println!(
            "median ratio (Rust / C): {m:.2} over {} programs ({excluded} left out)",
            ratios.len()
        ),
        None => println!("median ratio (Rust / C): none ({excluded} programs left out)"),
    }
    println!("copies inserted: {copies}");
    let report = RuntimeReport {
        runs,
        cc,
        machine: machine_note(&cc_version),
        date: today(),
        programs_matched: ratios.len(),
        programs_total: figures.len(),
        programs: figures,
        median_ratio,
        copies,
    };
    if let Some(path) = &args.write_status {
        if let Err(e) = std::fs::write(path, render_status(&report)) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if let Some(path) = &args.json {
        let mut text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
        text.push('\n');
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// Builds, transpiles, checks and times one program.
fn measure(dir: &Path, root: &Path, cc: &str, runs: usize, paths: &Paths) -> ProgramFigures {
    let name = dir
        .file_name()
        .map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into());
    let mut fig = ProgramFigures {
        dir: dir.strip_prefix(root).unwrap_or(dir).display().to_string(),
        name,
        status: String::new(),
        detail: None,
        functions_translated: 0,
        functions_total: 0,
        copies: 0,
        c_ms: None,
        rust_ms: None,
        ratio: None,
        c_samples_ms: vec![],
        rust_samples_ms: vec![],
    };
    let fail = |mut fig: ProgramFigures, status: &str, detail: String| {
        fig.status = status.to_string();
        fig.detail = Some(harness::truncate(&detail.replace('\n', " "), 300));
        fig
    };
    let work = paths.work.join(&fig.name);
    if let Err(e) = std::fs::create_dir_all(&work) {
        return fail(
            fig,
            "c-failed",
            format!("cannot create {}: {e}", work.display()),
        );
    }

    // 1. The C original.
    let c_bin = work.join("c_prog");
    let reference = match build_c(dir, cc, &c_bin).and_then(|()| run_once(&c_bin)) {
        Ok(r) => r,
        Err(m) => return fail(fig, "c-failed", m),
    };

    // 2. Transpile (staged, then mirrored so an unchanged package keeps its timestamps).
    let stage = work.join("stage");
    let pkg = paths.packages.join(&fig.name);
    let _ = std::fs::remove_dir_all(&stage);
    let config = xl_driver::Config {
        cc: cc.to_string(),
        verbose: false,
        progress: false,
        verify: false,
        ..xl_driver::Config::default()
    };
    let outcome = match xl_driver::transpile(dir, &stage, &config) {
        Ok(o) => o,
        Err(e) => return fail(fig, "transpile-error", e.to_string()),
    };
    let s = &outcome.report.summary;
    fig.functions_translated = s.functions_translated;
    fig.functions_total = s.functions_total;
    fig.copies = outcome.report.copies;
    if outcome.status != xl_driver::RunStatus::Complete {
        let missing: Vec<String> = outcome
            .report
            .functions
            .iter()
            .filter(|f| !f.translated)
            .map(|f| f.name.clone())
            .collect();
        let detail = if missing.is_empty() {
            format!("status {:?}", outcome.status).to_lowercase()
        } else {
            format!("missing: {}", missing.join(", "))
        };
        return fail(fig, "not-translated", detail);
    }
    if let Err(e) = harness::mirror_dir(&stage, &pkg) {
        return fail(
            fig,
            "transpile-error",
            format!("cannot copy to {}: {e}", pkg.display()),
        );
    }

    // 3. Build, run once, compare.
    let rust_bin = match harness::cargo_build(&pkg, &paths.cargo_target, BUILD_LIMIT) {
        Ok(b) => b,
        Err(m) => return fail(fig, "build-failed", m),
    };
    let got = match proc::run(Command::new(&rust_bin), RUN_LIMIT) {
        Ok(r) => r,
        Err(m) => return fail(fig, "run-failed", m),
    };
    match harness::compare(&reference, &got) {
        Verdict::Ok => {}
        Verdict::RunFailed(m) => return fail(fig, "run-failed", m),
        other => return fail(fig, "mismatch", other.to_string()),
    }

    // 4. Time both, interleaved.
    for _ in 0..runs {
        match (time_once(&c_bin), time_once(&rust_bin)) {
            (Ok(c), Ok(r)) => {
                fig.c_samples_ms.push(c);
                fig.rust_samples_ms.push(r);
            }
            (Err(m), _) | (_, Err(m)) => return fail(fig, "run-failed", m),
        }
    }
    fig.c_ms = median(&fig.c_samples_ms);
    fig.rust_ms = median(&fig.rust_samples_ms);
    fig.ratio = match (fig.c_ms, fig.rust_ms) {
        (Some(c), Some(r)) if c > 0.0 => Some(r / c),
        _ => None,
    };
    fig.status = "ok".to_string();
    fig
}

/// `cc -O2 -w -o OUT <every .c of dir, sorted> -lm`.
fn build_c(dir: &Path, cc: &str, out: &Path) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut sources: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "c"))
        .collect();
    sources.sort();
    if sources.is_empty() {
        return Err(format!("no .c files in {}", dir.display()));
    }
    let mut cmd = Command::new(cc);
    cmd.args(["-O2", "-w", "-o"])
        .arg(out)
        .args(&sources)
        .arg("-lm");
    let r = proc::run(cmd, BUILD_LIMIT)?;
    if r.exit != Exit::Code(0) {
        return Err(format!(
            "{cc} {}: {}",
            r.exit,
            harness::truncate(r.stderr_text().trim(), 300)
        ));
    }
    Ok(())
}

/// Runs the C binary once; it must exit normally.
fn run_once(bin: &Path) -> Result<proc::Captured, String> {
    let r = proc::run(Command::new(bin), RUN_LIMIT)?;
    match r.exit {
        Exit::Code(_) => Ok(r),
        other => Err(format!("the C program {other}")),
    }
}

/// Wall time of one run in milliseconds (output discarded; start-up included on both sides).
fn time_once(bin: &Path) -> Result<f64, String> {
    let started = Instant::now();
    let status = Command::new(bin)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if status.code().is_none() {
        return Err(format!("{} was killed during a timed run", bin.display()));
    }
    Ok(ms)
}

/// The median (mean of the middle two for an even count); `None` for no samples.
fn median(samples: &[f64]) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    let n = s.len();
    Some(if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    })
}

fn opt_ms(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_string(), |x| format!("{x:.1}"))
}

/// `name  status  C ms  Rust ms  ratio  copies`, with the detail for a failure.
fn render_line(f: &ProgramFigures) -> String {
    let status = if f.status == "not-translated" {
        format!(
            "not-translated ({}/{})",
            f.functions_translated, f.functions_total
        )
    } else {
        f.status.clone()
    };
    let mut line = format!(
        "{:<16} {:<22} C {:>8} ms  Rust {:>8} ms  ratio {:>5}  copies {}",
        f.name,
        status,
        opt_ms(f.c_ms),
        opt_ms(f.rust_ms),
        f.ratio
            .map_or_else(|| "-".to_string(), |r| format!("{r:.2}")),
        f.copies
    );
    if let Some(d) = &f.detail {
        line.push_str(&format!("  ({d})"));
    }
    line
}

/// The markdown scoreboard: ratios rounded to 2 decimals, the date and the machine.
fn render_status(r: &RuntimeReport) -> String {
    let mut md = format!(
        "# Run-time scoreboard\n\nWritten by `cargo xtask bench runtime --write-status`: each \
         program is built with `cc -O2` and transpiled to Rust (`cargo build --release`); both \
         binaries must print the same output, then run {} times each, interleaved. Ratio = \
         median Rust time / median C time (1.00: as fast as the C; lower is better). Programs \
         that are not translated yet are listed and left out of the median.\n\n\
         Measured {} on {}.\n\n\
         | program | status | ratio | copies |\n|---|---|---|---|\n",
        r.runs, r.date, r.machine
    );
    for f in &r.programs {
        let status = match (&f.status[..], &f.detail) {
            ("ok", _) => "ok".to_string(),
            ("not-translated", _) => format!(
                "not translated ({}/{} functions)",
                f.functions_translated, f.functions_total
            ),
            (s, Some(d)) => format!("{s}: {}", harness::truncate(d, 120)),
            (s, None) => s.to_string(),
        };
        md.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            f.dir,
            status.replace('|', "\\|"),
            f.ratio
                .map_or_else(|| "-".to_string(), |x| format!("{x:.2}")),
            f.copies
        ));
    }
    md.push_str(&format!(
        "\nMedian ratio: {} over {} of {} programs.\n\nCopies inserted: {}\n",
        r.median_ratio
            .map_or_else(|| "-".to_string(), |x| format!("{x:.2}")),
        r.programs_matched,
        r.programs_total,
        r.copies
    ));
    md
}

/// The first line a program prints for `arg` (e.g. a compiler's `--version`), or `None`
/// when it cannot be run or fails.
fn first_line_of(program: &str, arg: &str) -> Option<String> {
    let r = proc::run(
        {
            let mut c = Command::new(program);
            c.arg(arg);
            c
        },
        Duration::from_secs(30),
    )
    .ok()?;
    if r.exit != Exit::Code(0) {
        return None;
    }
    let text = String::from_utf8_lossy(&r.stdout).into_owned();
    Some(text.lines().next().unwrap_or("").trim().to_string())
}

/// CPU model and core count, the C compiler and rustc versions.
fn machine_note(cc_version: &str) -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".to_string());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let rustc = first_line_of("rustc", "--version").unwrap_or_else(|| "rustc ?".to_string());
    format!("{cpu} ({cores} cores), {cc_version}, {rustc}")
}

/// Today's date (UTC) as `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn dates_from_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
    }
}
