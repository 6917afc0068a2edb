# bytes patterns on bytes, bytearray and memoryview subjects; ASCII-only classes.
import re

p = re.compile(rb"(\w+)=(\d+)")
for s in (b"a=1 bb=22", bytearray(b"a=1 bb=22"), memoryview(b"a=1 bb=22")):
    m = p.search(s)
    print(type(m.string).__name__, m.group(1), m.groups(), m.span(2), p.findall(s))
print(re.sub(rb"\s+", b" ", b"a \t\n b"), re.split(rb"[,;]", bytearray(b"1,2;3")))
print(re.findall(rb"\w+", "héllo".encode()), re.findall(rb"(?i)[a-z]+", b"AbC\xc9"))
print(re.match(rb"\xff+", b"\xff\xff\x00"), re.match(rb"[\x80-\xff]+", b"\x80\x90a"))
print(re.match(b".", b"\n"), re.match(b"(?s).", b"\n"), re.search(rb"\d\b", b"12 3"))
print(re.escape(b"a.b*c"), re.escape("a.b*c\n-"), re.escape("日本"))
print(re.fullmatch(rb"\x00\x01", b"\x00\x01"), re.match(rb"(?i)\xe9", b"\xc9"))
print(re.sub(rb"(a)", rb"\1\1", bytearray(b"cat")), re.subn(b"", b"-", b"ab"))
m = re.match(rb"(?P<n>\d+)", b"42x")
print(m, m.groupdict(), m.expand(rb"<\g<n>>"), m[0], m["n"])
print(repr(re.compile(rb"\d+", re.I)), repr(re.compile(rb"a")))
