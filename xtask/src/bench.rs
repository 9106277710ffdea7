//! `cargo xtask bench verify [DIR...] [--json FILE] [--timeout-ms N]`: how long proofs take.
//!
//! Each program (a directory with C sources; a directory without C sources directly in it
//! stands for every program directory under it; default: every program of `corpora/c` and
//! `corpora/c-unseen`) is transpiled in-process into a temporary directory (nothing is written
//! to the repository), verified, and timed. Prints one line per program (functions and blocks
//! proven, solver queries, summed query time, wall time), then the distribution of solver
//! query times over all programs (count, median, 90th and 99th percentile, max, total) and how
//! many programs are fully proven. Programs run one after another so timings do not compete.
//! Exit status 0 (a measurement, not a test), 2 for unreadable directories.

use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `cargo xtask bench verify`.
#[derive(clap::Args)]
pub(crate) struct VerifyArgs {
    /// Program directories, or corpus directories holding program directories.
    dirs: Vec<PathBuf>,
    /// Also write the figures as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Solver time limit per query, in milliseconds.
    #[arg(long)]
    timeout_ms: Option<u32>,
    /// Also write a markdown scoreboard (per program: functions and blocks proven) to this
    /// file, e.g. `corpora/VERIFY.md`; timings are left out so the file only changes when
    /// results do.
    #[arg(long)]
    write_status: Option<PathBuf>,
}

/// One program's figures.
#[derive(Serialize)]
struct ProgramFigures {
    name: String,
    dir: String,
    /// Transpile status: `complete`, `partial`, `failed` or `error: ...`.
    status: String,
    functions_proven: usize,
    functions_total: usize,
    blocks_proven: usize,
    blocks_total: usize,
    queries: usize,
    query_ms_total: f64,
    wall_ms: f64,
    fully_proven: bool,
}

/// Distribution of solver query times, in milliseconds.
#[derive(Serialize, Default, PartialEq, Debug)]
pub(crate) struct QueryStats {
    count: usize,
    median_ms: f64,
    p90_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    total_ms: f64,
}

#[derive(Serialize)]
struct BenchReport {
    programs: Vec<ProgramFigures>,
    queries: QueryStats,
    /// Proof time per block (each region's query time split over its blocks).
    blocks: QueryStats,
    fully_proven: usize,
    programs_total: usize,
    timeout_ms: Option<u32>,
}

pub(crate) fn run_verify(args: VerifyArgs) -> ExitCode {
    let root = xl_e2e::workspace_root();
    let dirs = if args.dirs.is_empty() {
        vec![root.join("corpora/c"), root.join("corpora/c-unseen")]
    } else {
        args.dirs
    };
    let mut programs = Vec::new();
    for d in &dirs {
        match programs_in(d) {
            Ok(mut p) => programs.append(&mut p),
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let scratch = std::env::temp_dir().join(format!("xlate-bench-{}", std::process::id()));
    let mut figures = Vec::new();
    let mut all_queries = Vec::new();
    let mut all_blocks: Vec<f64> = Vec::new();
    for dir in &programs {
        let name = dir
            .file_name()
            .map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into());
        let out = scratch.join(&name);
        let config = xl_driver::Config {
            verify: true,
            timeout_ms: args.timeout_ms,
            ..xl_driver::Config::default()
        };
        let started = std::time::Instant::now();
        let result = xl_driver::transpile(dir, &out, &config);
        let wall_ms = started.elapsed().as_secs_f64() * 1000.0;
        let _ = std::fs::remove_dir_all(&out);
        let mut fig = ProgramFigures {
            name,
            dir: dir.strip_prefix(&root).unwrap_or(dir).display().to_string(),
            status: String::new(),
            functions_proven: 0,
            functions_total: 0,
            blocks_proven: 0,
            blocks_total: 0,
            queries: 0,
            query_ms_total: 0.0,
            wall_ms,
            fully_proven: false,
        };
        match result {
            Err(e) => fig.status = format!("error: {e}"),
            Ok(outcome) => {
                fig.status = format!("{:?}", outcome.status).to_lowercase();
                if let Some(v) = &outcome.verification {
                    let q: Vec<f64> = v
                        .functions
                        .iter()
                        .flat_map(|f| f.query_ms.iter().copied())
                        .collect();
                    fig.functions_proven = v.proven;
                    fig.functions_total = v.total;
                    fig.blocks_proven = v.blocks_proven;
                    fig.blocks_total = v.blocks_total;
                    fig.queries = q.len();
                    fig.query_ms_total = q.iter().fold(0.0, |a, b| a + b);
                    fig.fully_proven = v.all_proven();
                    all_queries.extend(q);
                    all_blocks.extend(v.functions.iter().flat_map(|f| f.block_ms.iter().copied()));
                }
            }
        }
        println!(
            "{:<28} functions {:>3}/{:<3} blocks {:>4}/{:<4} queries {:>5}  solver {:>9.1} ms  wall {:>8.1} ms{}",
            fig.name,
            fig.functions_proven,
            fig.functions_total,
            fig.blocks_proven,
            fig.blocks_total,
            fig.queries,
            fig.query_ms_total,
            fig.wall_ms,
            if fig.status.starts_with("error") {
                format!("  ({})", fig.status)
            } else {
                String::new()
            }
        );
        figures.push(fig);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    let stats = query_stats(&all_queries);
    let bstats = query_stats(&all_blocks);
    println!(
        "proof time per block: {} blocks (median {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms, total {:.1} ms)",
        bstats.count, bstats.median_ms, bstats.p90_ms, bstats.p99_ms, bstats.max_ms, bstats.total_ms
    );
    let fully = figures.iter().filter(|f| f.fully_proven).count();
    println!(
        "solver queries: {} (median {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms, total {:.1} ms)",
        stats.count, stats.median_ms, stats.p90_ms, stats.p99_ms, stats.max_ms, stats.total_ms
    );
    println!("fully proven programs: {fully}/{}", figures.len());
    if let Some(path) = &args.write_status {
        let mut md = String::from(
            "# Proof scoreboard\n\nWritten by `cargo xtask bench verify --write-status`: per program, the \
             functions and blocks the Z3 checker proves equivalent to the C.\n\n\
             | program | functions proven | blocks proven | fully proven |\n|---|---|---|---|\n",
        );
        for f in &figures {
            md.push_str(&format!(
                "| {} | {}/{} | {}/{} | {} |\n",
                f.dir,
                f.functions_proven,
                f.functions_total,
                f.blocks_proven,
                f.blocks_total,
                if f.fully_proven { "yes" } else { "no" }
            ));
        }
        md.push_str(&format!("\nFully proven: {fully}/{}\n", figures.len()));
        if let Err(e) = std::fs::write(path, md) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    if let Some(path) = &args.json {
        let report = BenchReport {
            programs_total: figures.len(),
            programs: figures,
            queries: stats,
            blocks: bstats,
            fully_proven: fully,
            timeout_ms: args.timeout_ms,
        };
        let mut text = serde_json::to_string_pretty(&report).unwrap_or_else(|_| "{}".into());
        text.push('\n');
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("error: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}

/// `dir` itself when it holds C sources (or a compile_commands.json), else its
/// subdirectories that do, sorted by name.
pub(crate) fn programs_in(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if is_program(dir)? {
        return Ok(vec![dir.to_path_buf()]);
    }
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut out = Vec::new();
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() && is_program(&p)? {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

fn is_program(dir: &Path) -> Result<bool, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    Ok(entries.flatten().any(|e| {
        let p = e.path();
        p.is_file()
            && (p.extension().is_some_and(|x| x == "c")
                || p.file_name().is_some_and(|n| n == "compile_commands.json"))
    }))
}

/// Nearest-rank percentiles of `samples`.
pub(crate) fn query_stats(samples: &[f64]) -> QueryStats {
    if samples.is_empty() {
        return QueryStats::default();
    }
    let mut s = samples.to_vec();
    s.sort_by(f64::total_cmp);
    let rank = |p: f64| {
        let i = ((p / 100.0) * s.len() as f64).ceil() as usize;
        s[i.clamp(1, s.len()) - 1]
    };
    QueryStats {
        count: s.len(),
        median_ms: rank(50.0),
        p90_ms: rank(90.0),
        p99_ms: rank(99.0),
        max_ms: s[s.len() - 1],
        total_ms: s.iter().fold(0.0, |a, b| a + b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<f64> = (1..=100).rev().map(f64::from).collect();
        let st = query_stats(&samples);
        assert_eq!(st.count, 100);
        assert_eq!(st.median_ms, 50.0);
        assert_eq!(st.p90_ms, 90.0);
        assert_eq!(st.p99_ms, 99.0);
        assert_eq!(st.max_ms, 100.0);
        assert_eq!(st.total_ms, 5050.0);
        assert_eq!(query_stats(&[]), QueryStats::default());
        let one = query_stats(&[7.0]);
        assert_eq!((one.median_ms, one.p99_ms, one.max_ms), (7.0, 7.0, 7.0));
    }
}
