a = u"x" "y"
b = rb'\d' b"\x00\n"
c = f"{x!r:{w}.{p}} {y=} {z = !s} {{lit}} {'nested' + f'{q}'}"
d = t"hello {name!r:>{width}} {x=}"
e = "\N{BULLET} \u00e9 \U0001F600 \x41 \101 \q"
f = f"""multi
{line}
"""
g = 'single \'quote\'' "double \"quote\""
h = 1_000 + 0x_FF + 0o17 + 0b1010 + 1.5e-3 + 2j + .5 + 5.
i = f"{x:{'>' if a else '<'}10}"
