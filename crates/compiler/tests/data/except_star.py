def f():
    try:
        g()
    except* ValueError as e:
        print("v", e)
    except* (TypeError, KeyError):
        print("t")
    else:
        print("else")
    finally:
        print("fin")

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
except* ValueError as e:
    print(repr(e))
except* TypeError:
    print("type")
except* OSError as o:
    print(repr(o))

def h(items):
    for item in items:
        try:
            item()
        except* (KeyError, IndexError) as eg:
            log(eg)
        except* Exception:
            pass
    return len(items)

def only_finally():
    try:
        work()
    except* ValueError:
        pass
    finally:
        done()

async def coro():
    try:
        await thing()
    except* OSError as e:
        raise RuntimeError("x") from e
