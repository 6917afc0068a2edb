//! Runs one child process under a deadline: feeds its standard input, captures
//! its standard output and error, and kills it when time runs out.

use std::io::{self, Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// Bytes kept per stream; the rest is drained and dropped, so that a runaway
/// `print` loop cannot exhaust memory before the deadline kills it.
const CAPTURE_LIMIT: u64 = 8 << 20;

/// Longest pause between two checks of whether the child has finished.
const MAX_POLL_INTERVAL: Duration = Duration::from_millis(20);

/// One captured output stream.
pub struct Stream {
    pub bytes: Vec<u8>,
    /// Whether output beyond [`CAPTURE_LIMIT`] was dropped.
    pub truncated: bool,
}

/// How the child ended.
pub enum Termination {
    Exited(i32),
    /// Ended without an exit code (killed by a signal); the text describes how.
    Abnormal(String),
    /// Still running at the deadline, so it was killed.
    TimedOut,
}

/// Everything a finished (or killed) child left behind.
pub struct Captured {
    pub stdout: Stream,
    pub stderr: Stream,
    pub termination: Termination,
}

/// Runs `command` with `stdin` as its input (closed when `None`), killing it
/// once `timeout` has passed.
pub fn run(
    mut command: Command,
    stdin: Option<Vec<u8>>,
    timeout: Duration,
) -> io::Result<Captured> {
    command
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn()?;
    // Feeding input and draining output on their own threads keeps a child
    // that fills one pipe while we wait on another from deadlocking.
    let feeder = match (stdin, child.stdin.take()) {
        (Some(input), Some(mut pipe)) => Some(thread::spawn(move || {
            // A child that exits without reading all of its input is not an error.
            let _ = pipe.write_all(&input);
        })),
        _ => None,
    };
    let stdout = child.stdout.take().map(spawn_reader);
    let stderr = child.stderr.take().map(spawn_reader);

    let deadline = Instant::now() + timeout;
    let mut interval = Duration::from_millis(1);
    let termination = loop {
        if let Some(status) = child.try_wait()? {
            break termination_of(status);
        }
        if Instant::now() >= deadline {
            child.kill()?;
            child.wait()?;
            break Termination::TimedOut;
        }
        thread::sleep(interval);
        interval = (interval * 2).min(MAX_POLL_INTERVAL);
    };
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    Ok(Captured {
        stdout: collect(stdout),
        stderr: collect(stderr),
        termination,
    })
}

fn termination_of(status: ExitStatus) -> Termination {
    match status.code() {
        Some(code) => Termination::Exited(code),
        None => Termination::Abnormal(status.to_string()),
    }
}

fn spawn_reader(mut source: impl Read + Send + 'static) -> JoinHandle<Stream> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = (&mut source).take(CAPTURE_LIMIT).read_to_end(&mut bytes);
        let dropped = io::copy(&mut source, &mut io::sink()).unwrap_or(0);
        Stream {
            bytes,
            truncated: dropped > 0,
        }
    })
}

fn collect(reader: Option<JoinHandle<Stream>>) -> Stream {
    reader
        .and_then(|handle| handle.join().ok())
        .unwrap_or(Stream {
            bytes: Vec::new(),
            truncated: false,
        })
}
