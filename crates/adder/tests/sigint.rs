//! Ctrl-C: each program in `tests/sigint/` runs under adder with SIGINT at its default
//! action, gets SIGINT 0.2 s after its first line of output, and must end as the
//! reference did (`NAME.out`, `NAME.err`, `NAME.status`, made by
//! `tests/sigint/gen_expected.py`): KeyboardInterrupt raised at the loop, caught or
//! printed as a traceback before the process dies by the signal.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn run_interrupted(dir: &Path, program: &Path) -> (String, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_adder"));
    command
        .arg(program)
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: between fork and exec the child only resets one signal disposition,
    // which is async-signal-safe.
    unsafe {
        command.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = command.spawn().expect("adder starts");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut out = String::new();
    stdout.read_line(&mut out).expect("first line");
    std::thread::sleep(Duration::from_millis(200));
    // SAFETY: signalling a child process we started and have not reaped.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    stdout.read_to_string(&mut out).expect("rest of stdout");
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut err).expect("stderr");
    }
    let status = child.wait().expect("adder ends");
    let how = match status.signal() {
        Some(sig) => format!("signal {sig}\n"),
        None => format!("exit {}\n", status.code().unwrap_or(-1)),
    };
    let dir_text = format!("{}/", dir.display());
    (out, err.replace(&dir_text, "{TESTDIR}/"), how)
}

#[test]
fn sigint_raises_keyboard_interrupt_like_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sigint");
    let dir = dir.canonicalize().expect("test directory");
    for name in ["caught", "uncaught"] {
        let program = dir.join(format!("{name}.py"));
        let expected = |ext: &str| {
            std::fs::read_to_string(dir.join(format!("{name}.{ext}"))).expect("expected file")
        };
        let (out, err, status) = run_interrupted(&dir, &program);
        assert_eq!(out, expected("out"), "{name}: stdout");
        assert_eq!(err, expected("err"), "{name}: stderr");
        assert_eq!(status, expected("status"), "{name}: how it ended");
    }
}
