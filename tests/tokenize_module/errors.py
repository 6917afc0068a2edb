# Tokenizer errors through the tokenize module: plain SyntaxErrors become
# TokenError(msg, (lineno, offset)); IndentationError/TabError propagate with
# CPython's arguments. Tokens before the error are still produced.
import io
import tokenize
import _tokenize

SOURCES = [
    "x = (\n",
    "x = (1,\n\n",
    "x = 1\\\n",
    "x = (1 \\\n  + 2 \\\n",
    "x = '''\nabc\n",
    "x = 'abc\n",
    "if x:\n  a\n b\n",
    "x = 1 \\ y\n",
    "if 1:\n\tx\n        y\n",
    "0xg\n",
    "1_000_\n",
    "x = f'{a\n",
    "€ = 1\n",
]

for src in SOURCES:
    print("==", repr(src))
    try:
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            print(tok)
    except tokenize.TokenError as e:
        print("TokenError", e.args)
    except SyntaxError as e:
        print(type(e).__name__, e.args)
    try:
        list(_tokenize.TokenizerIter(io.StringIO(src).readline, extra_tokens=True))
    except SyntaxError as e:
        print(" raw:", type(e).__name__, e.args, e.filename, e.lineno, e.offset,
              e.end_lineno, e.end_offset)
