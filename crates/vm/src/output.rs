//! Standard output as `print` sees it: block-buffered into a pipe or file, line-buffered
//! on a terminal (and unbuffered with `-u`), flushed at exit, as CPython's `sys.stdout`.

use std::io::IsTerminal;

/// A handle on the buffer: every thread's `Vm` holds a clone of the main thread's, so
/// that all threads' output goes through one buffer, in order (used under the GIL).
#[derive(Clone)]
pub struct Output {
    buffer: std::rc::Rc<std::cell::RefCell<Buffer>>,
}

struct Buffer {
    bytes: Vec<u8>,
    line_buffered: bool,
    /// A thread is writing a batch taken from the buffer, without the GIL (the pipe
    /// may be full): the others only append meanwhile, and that thread writes what
    /// they appended after its batch, so the output keeps its order.
    writing: bool,
}

const BLOCK: usize = 8192;

impl Output {
    pub fn stdout() -> Output {
        let buffer = Buffer {
            bytes: Vec::with_capacity(BLOCK),
            line_buffered: std::io::stdout().is_terminal(),
            writing: false,
        };
        Output {
            buffer: std::rc::Rc::new(std::cell::RefCell::new(buffer)),
        }
    }

    pub fn set_unbuffered(&mut self) {
        self.buffer.borrow_mut().line_buffered = true;
    }

    /// Buffer `text`; whether the buffer is now due to go to the OS.
    fn append(&self, text: &str) -> bool {
        let mut b = self.buffer.borrow_mut();
        b.bytes.extend_from_slice(text.as_bytes());
        b.bytes.len() >= BLOCK || (b.line_buffered && text.contains('\n'))
    }

    /// The buffered bytes, taken out to be written; `None` when there are none or
    /// another thread is writing (it writes these too).
    fn take_batch(&self) -> Option<Vec<u8>> {
        let mut b = self.buffer.borrow_mut();
        if b.writing || b.bytes.is_empty() {
            return None;
        }
        b.writing = true;
        Some(std::mem::take(&mut b.bytes))
    }

    /// A batch was written (or failed): its memory serves the buffer again.
    fn finish_batch(&self, mut batch: Vec<u8>) {
        let mut b = self.buffer.borrow_mut();
        b.writing = false;
        if b.bytes.is_empty() {
            batch.clear();
            b.bytes = batch;
        }
    }
}

impl crate::vm::Vm {
    pub fn write_stdout(&mut self, text: &str) -> crate::error::PyResult<()> {
        if self.stdout.append(text) {
            self.write_out_stdout()?;
        }
        Ok(())
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.write_out_stdout();
    }

    /// Write the buffered bytes to file descriptor 1, without the GIL while the write
    /// blocks (a reader that is slow to empty the pipe may be another of our threads).
    fn write_out_stdout(&mut self) -> crate::error::PyResult<()> {
        let out = self.stdout.clone();
        while let Some(batch) = out.take_batch() {
            let written = self.write_all_fd(1, &batch);
            out.finish_batch(batch);
            written?;
        }
        Ok(())
    }

    /// Write all of `data` to `fd`; a failure is the OSError of its errno.
    fn write_all_fd(&mut self, fd: i32, data: &[u8]) -> crate::error::PyResult<()> {
        let mut rest = data;
        while !rest.is_empty() {
            // SAFETY: the pointer and length describe `rest`, which outlives the call.
            let n = self
                .blocking_call(|| unsafe { libc::write(fd, rest.as_ptr().cast(), rest.len()) })?;
            match n {
                Ok(n) => rest = rest.get(n as usize..).unwrap_or_default(),
                Err(errno) => {
                    return Err(self.os_error_from(&std::io::Error::from_raw_os_error(errno)))
                }
            }
        }
        Ok(())
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
