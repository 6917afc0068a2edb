# Two threads importing two modules that import each other: each holds one module's
# import lock and wants the other's. The import system sees the cycle and lets the
# second one go on with the partial module instead of waiting forever (CPython's
# _DeadlockError handling).
import threading

results = {}


def first():
    import _cycle_a

    results["a"] = (_cycle_a.DONE, _cycle_a.FROM_B)


def second():
    import _cycle_b

    results["b"] = (_cycle_b.DONE, _cycle_b.FROM_A)


ta = threading.Thread(target=first)
tb = threading.Thread(target=second)
ta.start()
tb.start()
ta.join(10)
tb.join(10)
print(sorted(results.items()))
