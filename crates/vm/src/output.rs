//! Standard output as `print` sees it: block-buffered into a pipe or file, line-buffered
//! on a terminal (and unbuffered with `-u`), flushed at exit, as CPython's `sys.stdout`.

use std::io::{IsTerminal, Write};

/// A handle on the buffer: every thread's `Vm` holds a clone of the main thread's, so
/// that all threads' output goes through one buffer, in order (used under the GIL).
#[derive(Clone)]
pub struct Output {
    buffer: std::rc::Rc<std::cell::RefCell<Buffer>>,
}

struct Buffer {
    bytes: Vec<u8>,
    line_buffered: bool,
}

const BLOCK: usize = 8192;

impl Output {
    pub fn stdout() -> Output {
        let buffer = Buffer {
            bytes: Vec::with_capacity(BLOCK),
            line_buffered: std::io::stdout().is_terminal(),
        };
        Output {
            buffer: std::rc::Rc::new(std::cell::RefCell::new(buffer)),
        }
    }

    pub fn set_unbuffered(&mut self) {
        self.buffer.borrow_mut().line_buffered = true;
    }

    /// Buffer `text`; returns an error message if writing to the OS failed.
    pub fn write(&mut self, text: &str) -> Result<(), std::io::Error> {
        let mut b = self.buffer.borrow_mut();
        b.bytes.extend_from_slice(text.as_bytes());
        if b.bytes.len() >= BLOCK || (b.line_buffered && text.contains('\n')) {
            b.flush()?;
        }
        Ok(())
    }

    pub fn flush(&mut self) -> Result<(), std::io::Error> {
        self.buffer.borrow_mut().flush()
    }
}

impl Buffer {
    fn flush(&mut self) -> Result<(), std::io::Error> {
        if self.bytes.is_empty() {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        let r = out.write_all(&self.bytes).and_then(|_| out.flush());
        self.bytes.clear();
        r
    }
}

impl crate::vm::Vm {
    pub fn write_stdout(&mut self, text: &str) -> crate::error::PyResult<()> {
        self.stdout.write(text).map_err(|e| self.os_error_from(&e))
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.flush();
    }

    fn os_error_from(&self, e: &std::io::Error) -> crate::error::PyErr {
        let errno = e.raw_os_error().unwrap_or(0);
        crate::error::PyErr(self.new_exception(
            &self.types().exc.os_error,
            vec![
                crate::value::Value::Int(errno as i64),
                self.new_str(&e.to_string()),
            ],
        ))
    }
}
