# a group wider than 15 members is truncated; a BaseExceptionGroup escapes too
errors = [ValueError(i) for i in range(18)]
try:
    raise ExceptionGroup("wide", errors)
except ExceptionGroup as eg:
    print(len(eg.exceptions), eg)
    wrapped = BaseExceptionGroup("base", [KeyboardInterrupt(), eg])
print(type(wrapped).__name__)
raise wrapped
