//! Running external programs with a time limit and capturing what they print.
//!
//! Invariants: a child that outlives its limit is killed and reaped, never left behind;
//! stdout and stderr are drained on their own threads so a chatty child cannot block on a
//! full pipe while we wait for it.

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a process ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Exit {
    /// Normal exit with this status code.
    Code(i32),
    /// Killed by this signal (e.g. 6 for an abort, 11 for a segfault).
    Signal(i32),
    /// Still running at the time limit; it was killed.
    Timeout,
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Code(c) => write!(f, "exit code {c}"),
            Exit::Signal(s) => write!(f, "killed by signal {s}"),
            Exit::Timeout => write!(f, "timed out"),
        }
    }
}

/// What a finished process left behind.
#[derive(Clone, Debug)]
pub struct Captured {
    /// How it ended.
    pub exit: Exit,
    /// Everything it wrote to stdout.
    pub stdout: Vec<u8>,
    /// Everything it wrote to stderr.
    pub stderr: Vec<u8>,
}

impl Captured {
    /// stderr as text (lossy), for messages.
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }
}

/// Runs `cmd` with stdin closed, capturing stdout and stderr, killing it after `limit`.
/// `Err` only when the program cannot be started at all.
pub fn run(mut cmd: Command, limit: Duration) -> Result<Captured, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = out_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(p) = err_pipe.as_mut() {
            let _ = p.read_to_end(&mut buf);
        }
        buf
    });
    let start = Instant::now();
    let exit = loop {
        match child.try_wait() {
            Ok(Some(status)) => break exit_of(status),
            Ok(None) if start.elapsed() >= limit => {
                let _ = child.kill();
                let _ = child.wait();
                break Exit::Timeout;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("waiting for {:?}: {e}", cmd.get_program()));
            }
        }
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Captured {
        exit,
        stdout,
        stderr,
    })
}

fn exit_of(status: std::process::ExitStatus) -> Exit {
    if let Some(c) = status.code() {
        return Exit::Code(c);
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(s) = status.signal() {
            return Exit::Signal(s);
        }
    }
    Exit::Code(-1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Command {
        let mut c = Command::new("sh");
        c.arg("-c").arg(script);
        c
    }

    #[test]
    fn captures_output_and_code() {
        let r = run(
            sh("printf 'a\\nb'; echo err >&2; exit 3"),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(r.exit, Exit::Code(3));
        assert_eq!(r.stdout, b"a\nb");
        assert_eq!(r.stderr, b"err\n");
    }

    #[test]
    fn kills_on_timeout() {
        let start = Instant::now();
        let r = run(sh("exec sleep 5"), Duration::from_millis(100)).unwrap();
        assert_eq!(r.exit, Exit::Timeout);
        assert!(start.elapsed() < Duration::from_secs(4));
    }

    #[test]
    fn reports_signals() {
        let r = run(sh("kill -ABRT $$"), Duration::from_secs(10)).unwrap();
        assert_eq!(r.exit, Exit::Signal(6));
    }

    #[test]
    fn missing_program_is_an_error() {
        let r = run(
            Command::new("/nonexistent/program-xl-e2e"),
            Duration::from_secs(1),
        );
        assert!(r.is_err());
    }
}
