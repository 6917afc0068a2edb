# tokenize.tokenize (bytes, ENCODING token, coding cookies), untokenize round trips
# in both modes, tokenize.open, and the command-line entry point's helpers.
import io
import os
import tokenize

SOURCES = [
    b"x = 1\n",
    b"# -*- coding: latin-1 -*-\ns = '\xe9'\n",
    b"\xef\xbb\xbfx = 'bom'\n",
    b"def f(a, *, b=2):\n    return f'{a!r:>{b}}' + \"\"\"x\ny\"\"\"\n\nclass C:  # c\n    pass\n",
    b"if x:\n\tif y:\n\t\tpass\n",
]

for src in SOURCES:
    print("==", src)
    toks = list(tokenize.tokenize(io.BytesIO(src).readline))
    for tok in toks[:6]:
        print(tok)
    print(len(toks), toks[0].string)
    full = tokenize.untokenize(toks)
    print("full:", full == src, repr(full))
    pairs = tokenize.untokenize((t.type, t.string) for t in toks)
    print("compat:", repr(pairs))
    again = [(t.type, t.string) for t in tokenize.tokenize(io.BytesIO(pairs).readline)]
    print("same tokens:", again == [(t.type, t.string) for t in toks])
    print(tokenize.detect_encoding(io.BytesIO(src).readline))

path = "_roundtrip_tmp.py"
with open(path, "wb") as f:
    f.write(b"# coding: latin-1\nx = '\xe9'\n")
try:
    with tokenize.open(path) as f:
        print(f.encoding, repr(f.read()))
finally:
    os.remove(path)
