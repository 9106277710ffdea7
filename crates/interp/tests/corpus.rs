//! Differential test over the C corpus: every `corpora/c/<name>/` program is lowered with the
//! C frontend, `main` is interpreted, and stdout and the exit status are compared with the
//! program built by `cc -O0 -w` and run. Prints one line per program and a pass count.
//!
//! A program the frontend could not lower without errors is reported and skipped (that is the
//! frontend's own test's business); every program that lowered must agree with gcc.
//! `XL_CORPUS=name1,name2` restricts the run to some programs; `XL_CORPUS_ROOT=dir` runs
//! another corpus laid out the same way.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use xl_interp::{run_main, RunConfig, Trap};

/// What the native program did.
struct Native {
    stdout: Vec<u8>,
    /// Exit status, or `None` when killed by a signal.
    code: Option<i32>,
    signal: Option<i32>,
}

/// `corpora/c`, or the directory named by `XL_CORPUS_ROOT` (another corpus of the same shape).
fn corpus_root() -> PathBuf {
    match std::env::var_os("XL_CORPUS_ROOT") {
        Some(p) => PathBuf::from(p),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpora/c"),
    }
}

fn programs() -> Vec<PathBuf> {
    let only: Option<Vec<String>> = std::env::var("XL_CORPUS")
        .ok()
        .map(|s| s.split(',').map(str::to_string).collect());
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(corpus_root())
        .expect("corpora/c exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            only.as_ref().is_none_or(|o| o.contains(&name))
        })
        .collect();
    dirs.sort();
    dirs
}

/// Runs `cmd` with a wall-clock limit, returning its stdout and status.
fn run_with_timeout(mut cmd: Command, limit: Duration) -> Result<Native, String> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let mut out = child.stdout.take().expect("piped");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out, &mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().map_err(|e| e.to_string())? {
            break st;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            return Err("timed out".into());
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stdout = reader.join().unwrap_or_default();
    use std::os::unix::process::ExitStatusExt;
    Ok(Native {
        stdout,
        code: status.code(),
        signal: status.signal(),
    })
}

fn native(dir: &Path, files: &[PathBuf], work: &Path) -> Result<Native, String> {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let exe = work.join(&name);
    let mut cc = Command::new("cc");
    cc.arg("-O0").arg("-w").arg("-o").arg(&exe);
    for f in files {
        cc.arg(dir.join(f));
    }
    cc.arg("-lm");
    let out = cc.output().map_err(|e| format!("cc: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "cc failed: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .next()
                .unwrap_or("")
        ));
    }
    run_with_timeout(Command::new(&exe), Duration::from_secs(20))
}

/// First differing line of two outputs, for the summary.
fn first_diff(a: &[u8], b: &[u8]) -> String {
    let (la, lb): (Vec<&[u8]>, Vec<&[u8]>) = (
        a.split(|&c| c == b'\n').collect(),
        b.split(|&c| c == b'\n').collect(),
    );
    for i in 0..la.len().max(lb.len()) {
        let (x, y) = (la.get(i), lb.get(i));
        if x != y {
            let show = |l: Option<&&[u8]>| match l {
                Some(l) => format!("{:?}", String::from_utf8_lossy(l)),
                None => "<end>".into(),
            };
            return format!("line {}: interp {} vs gcc {}", i + 1, show(x), show(y));
        }
    }
    "identical".into()
}

#[test]
fn corpus_agrees_with_gcc() {
    let work = std::env::temp_dir().join(format!("xl-interp-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let mut passed = 0;
    let mut failed = Vec::new();
    let mut skipped = Vec::new();
    let progs = programs();
    assert!(
        !progs.is_empty(),
        "no corpus programs under {}",
        corpus_root().display()
    );
    let config = RunConfig {
        fuel: 2_000_000_000,
        ..RunConfig::default()
    };
    for dir in &progs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let disc = xl_frontend_c::discover(dir);
        let opts = xl_frontend_c::Options {
            cc: "cc".into(),
            include_dirs: disc.include_dirs.clone(),
            defines: disc.defines.clone(),
        };
        let lowered = xl_frontend_c::lower_files(dir, &disc.files, &opts);
        let errors: Vec<String> = lowered
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect();
        if !errors.is_empty() {
            println!(
                "SKIP {name}: {} lowering error(s), first: {}",
                errors.len(),
                errors[0].lines().next().unwrap_or("")
            );
            skipped.push(name);
            continue;
        }
        let started = Instant::now();
        let got = run_main(&lowered.module, &config);
        let elapsed = started.elapsed();
        let want = match native(dir, &disc.files, &work) {
            Ok(n) => n,
            Err(e) => {
                println!("FAIL {name}: native build/run: {e}");
                failed.push(name);
                continue;
            }
        };
        let status_ok = match (&got.trap, got.exit_code, want.code, want.signal) {
            (None, Some(c), Some(w), _) => (c & 0xff) == w,
            // abort(): the process dies of SIGABRT; its unflushed stdout is lost, so gcc's
            // output is a prefix of what the program printed.
            (Some(Trap::Abort { .. }), None, None, Some(6)) => true,
            _ => false,
        };
        let stdout_ok = if matches!(got.trap, Some(Trap::Abort { .. })) {
            got.stdout.starts_with(&want.stdout)
        } else {
            got.stdout == want.stdout
        };
        if status_ok && stdout_ok {
            passed += 1;
            println!(
                "PASS {name}: exit {} ({} steps, {:.2}s)",
                want.code.map_or("signal".into(), |c| c.to_string()),
                got.steps,
                elapsed.as_secs_f64()
            );
        } else {
            let status = match (&got.trap, got.exit_code) {
                (Some(t), _) => format!("trap: {t}"),
                (None, Some(c)) => format!("exit {c}"),
                (None, None) => "no outcome".into(),
            };
            println!(
                "FAIL {name}: interp {status} vs gcc {}; stdout {}",
                match (want.code, want.signal) {
                    (Some(c), _) => format!("exit {c}"),
                    (None, Some(s)) => format!("signal {s}"),
                    _ => "?".into(),
                },
                first_diff(&got.stdout, &want.stdout)
            );
            failed.push(name);
        }
    }
    let _ = std::fs::remove_dir_all(&work);
    println!(
        "corpus: {passed} passed, {} failed, {} skipped (lowering errors) of {}",
        failed.len(),
        skipped.len(),
        progs.len()
    );
    assert!(
        failed.is_empty(),
        "programs that lowered but disagree with gcc: {failed:?}"
    );
}
