//! Process-level behaviour of the buffered stdout: this test binary re-runs itself as a child
//! (selected by an environment variable) that prints through the runtime, and the parent checks
//! what reached the real stdout/stderr, including that `exit` flushes and that stderr is not
//! buffered (it appears in the stderr stream even though stdout is still pending).

use std::process::Command;

const CHILD_ENV: &str = "XL_RT_STDOUT_CHILD";

fn run_child(mode: &str) -> std::process::Output {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_entry", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, mode)
        .output()
        .unwrap()
}

/// The child's body; a no-op when run as an ordinary test.
#[test]
fn child_entry() {
    let Ok(mode) = std::env::var(CHILD_ENV) else {
        return;
    };
    use xl_runtime::*;
    match mode.as_str() {
        "exit" => {
            printf(b"<<%d-%s\n", &[Arg::I(7), Arg::S(b"x")]);
            fprintf(Stream::Stderr, b"err %d\n", &[Arg::I(1)]);
            puts(b"line");
            putchar(i32::from(b'c'));
            fputs(b">>", Stream::Stdout);
            exit(3);
        }
        "flush" => {
            write_stdout(b"<<");
            let big = vec![b'z'; 10000];
            write_stdout(&big);
            fflush(Stream::Stdout);
            write_stdout(b">>");
            flush();
            std::process::exit(0);
        }
        _ => panic!("unknown child mode"),
    }
}

fn between_markers(out: &[u8]) -> &[u8] {
    let s = out
        .windows(2)
        .position(|w| w == b"<<")
        .expect("start marker")
        + 2;
    let e = out
        .windows(2)
        .rposition(|w| w == b">>")
        .expect("end marker");
    &out[s..e]
}

#[test]
fn exit_flushes_buffered_stdout() {
    let out = run_child("exit");
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(between_markers(&out.stdout), b"7-x\nline\nc");
    assert!(String::from_utf8_lossy(&out.stderr).contains("err 1\n"));
}

#[test]
fn flush_writes_everything_in_order() {
    let out = run_child("flush");
    assert!(out.status.success());
    let body = between_markers(&out.stdout);
    assert_eq!(body.len(), 10000);
    assert!(body.iter().all(|&b| b == b'z'));
}
