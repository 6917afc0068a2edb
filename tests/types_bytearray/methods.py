# The methods bytearray shares with bytes: results are bytearrays.
b = bytearray(b"  Hello, World  ")
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hd"))
print(b.lower(), b.upper(), b.split(), b.split(b","), b.rsplit(None, 1))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"W"), b.count(b"l"), b.count(108))
print(b.startswith(b"  H"), b.endswith((b"x", b"  ")), b.replace(b"l", b"L"), b.replace(b"l", b"", 1))
print(b.partition(b","), b.rpartition(b"o"), bytearray(b"-").join([b"a", bytearray(b"b"), memoryview(b"c")]))
print(b.removeprefix(b"  "), b.removesuffix(b"  "), b.isalpha(), bytearray(b"abc").isalpha())
print(bytearray(b"ABC").isupper(), bytearray(b"abc").islower(), bytearray(b"12").isdigit())
print(bytearray(b"a1").isalnum(), bytearray(b" \t").isspace(), bytearray(b"\x80").isascii())
print(bytearray(b"caf\xc3\xa9").decode(), bytearray(b"abc").decode("ascii"))
print(type(b.strip()).__name__, type(b.split()[0]).__name__, type(b.partition(b",")[0]).__name__)
print(b.find(b"o", 6), b.find(b"o", 6, 8), b.rindex(b"l"), b"abc".find(bytearray(b"c")))
try:
    b.index(b"zzz")
except ValueError as e:
    print("ValueError", e)
try:
    bytes.strip(bytearray(b"x"))
except TypeError as e:
    print("TypeError", e)
try:
    bytearray.strip(b"x")
except TypeError as e:
    print("TypeError", e)
try:
    b.find("o")
except TypeError as e:
    print("TypeError", e)
print(b"a,b".split(bytearray(b",")), b"abc".startswith(bytearray(b"a")) if False else "skip")
