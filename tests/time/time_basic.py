# time: struct_time conversions, strftime, asctime/ctime, the clocks' types.
import time
print(time.gmtime(0))
t = time.gmtime(1234567890.75)
print(t.tm_year, t[0], t.tm_zone, t.tm_gmtoff, len(t), t.tm_wday, t.tm_yday)
print(time.strftime('%Y-%m-%d %H:%M:%S %a %b %j %Z', time.gmtime(86400 * 365)))
print(time.strftime('%%|%y|%e|%I %p', (2024, 2, 29, 15, 4, 5, 3, 60, 0)))
print(time.asctime(time.gmtime(0)), '|', time.asctime((2000, 12, 31, 23, 59, 59, 6, 366, 0)))
print(time.mktime(time.localtime(1000)), time.mktime(time.localtime(86400 * 365 * 30)))
print(time.struct_time((2000, 1, 2, 3, 4, 5, 6, 7, 0)))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.__match_args__)
a, b = time.time(), time.time_ns()
print(type(a).__name__, type(b).__name__, abs(b / 1e9 - a) < 5)
m1, m2 = time.monotonic(), time.monotonic()
print(m1 <= m2, type(time.perf_counter()).__name__, type(time.perf_counter_ns()).__name__)
print(time.process_time() >= 0, time.thread_time() >= 0, time.monotonic_ns() > 0)
time.sleep(0)
time.sleep(0.001)
for bad in [lambda: time.sleep(-1), lambda: time.gmtime('x'), lambda: time.strftime('%Y', (1, 2)),
            lambda: time.strftime(5), lambda: time.get_clock_info('nope')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
info = time.get_clock_info('monotonic')
print(info.implementation, info.monotonic, info.adjustable)
print(type(time.timezone).__name__, type(time.tzname).__name__, len(time.tzname))
print(time.CLOCK_MONOTONIC, time.clock_gettime(time.CLOCK_MONOTONIC) > 0)
