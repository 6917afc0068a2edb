# OSError(errno, ...) becomes the subclass for that errno; subclasses stay themselves.
import errno
for code in [errno.EPERM, errno.ENOENT, errno.ESRCH, errno.EINTR, errno.ECHILD,
             errno.EAGAIN, errno.EACCES, errno.EEXIST, errno.ENOTDIR, errno.EISDIR,
             errno.EPIPE, errno.ECONNABORTED, errno.ECONNREFUSED, errno.ECONNRESET,
             errno.ETIMEDOUT, errno.EALREADY, errno.EINPROGRESS, errno.ESHUTDOWN,
             errno.EIO, 9999]:
    e = OSError(code, 'msg')
    print(code, type(e).__name__, isinstance(e, OSError))
print(type(OSError(errno.ENOENT)).__name__)          # one argument: no mapping
print(type(OSError(errno.ENOENT, 'm', 'f', None, 'g', 'extra')).__name__)
print(type(FileNotFoundError(errno.EEXIST, 'm')).__name__)
for cls in [BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError,
            ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
            FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError,
            NotADirectoryError, PermissionError, ProcessLookupError, TimeoutError]:
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:-2]])
print(IOError is OSError, EnvironmentError is OSError)
