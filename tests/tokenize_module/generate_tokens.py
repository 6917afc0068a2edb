# tokenize.generate_tokens over str sources: token types, strings, positions and
# the physical `line` of each token, including strings, f-/t-strings, comments,
# continuation lines, CRLF line ends, dedents and sources without a final newline.
import io
import tokenize

SOURCES = [
    "x = 1\n",
    "x = 1",
    "if x:\n    y = '''a\nb''' + z\n    w\nv\n",
    "a = (1,\n  2)  # c\n\n",
    "x = 1 + \\\n  2\n",
    "s = f'a{b!r:>{w}} c' + t'x{y}'\n",
    "x = f'''a\nb{c}\nd{\ne}f\ng'''\n",
    "x = f'''a\n{b}'''\n",
    "x = 'é' + yé  # ü\n",
    "a\r\nb = (1,\r\n 2)\r\n",
    "$ ? `\n",
    "def f():\n    pass\n",
    "\n\n# only comments\n",
    "",
    "  x\n",
    "if x:\n    pass",
    "async def f(): await x; x @= 3 ** 2 // 1 -> y ... := z != w\n",
]

for src in SOURCES:
    print("==", repr(src))
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        print(tok)
        if tok.type == tokenize.OP:
            print("   exact:", tokenize.tok_name[tok.exact_type])
