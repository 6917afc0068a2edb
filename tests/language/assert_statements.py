# assert with and without messages
def check(v):
    try:
        assert v, f"value was {v!r}"
        print("ok", v)
    except AssertionError as e:
        print("AssertionError:", e, e.args)
check(1)
check(0)
check([])
try:
    assert 1 == 2
except AssertionError as e:
    print("bare:", repr(e), e.args)
try:
    assert False, ("tuple", "message")
except AssertionError as e:
    print(e.args)
class Msg:
    def __str__(self):
        return "custom str"
try:
    assert None, Msg()
except AssertionError as e:
    print(e)
def final(x):
    assert x > 0, "x must be positive"
final(1)
try:
    final(-1)
except AssertionError as e:
    print("caught", e)
