# The _tokenize.TokenizerIter type itself: arguments, readline protocols (str or
# bytes with an encoding, StopIteration or '' at the end), errors from readline.
import _tokenize


def show(*args, **kwargs):
    try:
        print(list(_tokenize.TokenizerIter(*args, **kwargs)))
    except BaseException as e:
        print(type(e).__name__, e.args)


show(iter(["x = 1\n", "y\n"]).__next__, extra_tokens=True)
show(iter([b"x = 1\n"]).__next__, extra_tokens=True, encoding="utf-8")
show(iter([b"x\xff\n"]).__next__, extra_tokens=True, encoding="utf-8")
show(iter([b"x\xe9\n"]).__next__, extra_tokens=True, encoding="latin-1")
show(iter([b"x\n"]).__next__, extra_tokens=True)
show(iter(["x\n"]).__next__, extra_tokens=True, encoding="utf-8")
show(iter(["x\n", 1]).__next__, extra_tokens=True)
show(iter(["x\n", "", "y\n"]).__next__, extra_tokens=True)
show(iter(["x\n"]).__next__)
show(lambda: 1 / 0, extra_tokens=True)
show(42, extra_tokens=True)

it = _tokenize.TokenizerIter(iter(["a + b\n"]).__next__, extra_tokens=True)
print(type(it).__name__, type(it).__module__, iter(it) is it)
print(next(it))
print(list(it))
print(list(it))
try:
    class Sub(_tokenize.TokenizerIter):
        pass
except TypeError as e:
    print("TypeError", e)
