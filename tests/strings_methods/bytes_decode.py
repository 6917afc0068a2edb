# bytes.decode with error handlers; UnicodeDecodeError messages.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

data = [b"abc", b"\xc3\xa9", b"a\xffb", b"\xe2\x82", b"\xe2\x28\xa1", b"\xf0\x90\x80", b"\xed\xa0\x80", b"\xc0\xaf", b"\x80\x80", b"ok\xf4\x90\x80\x80"]
for d in data:
    for errors in ["strict", "ignore", "replace", "backslashreplace"]:
        t((d, errors), lambda: d.decode("utf-8", errors))
for d in [b"abc\xe9", b"\x80\xff"]:
    t(("ascii", d), lambda: d.decode("ascii"))
    t(("ascii replace", d), lambda: d.decode("ascii", "replace"))
    t(("latin-1", d), lambda: d.decode("latin-1"))
t("decode(encoding=1)", lambda: b"a".decode(encoding=1))
t("decode('nope')", lambda: b"a".decode("nope"))
t("decode(errors='bogus')", lambda: b"\xff".decode(errors="bogus"))
try:
    b"ab\xfe".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
