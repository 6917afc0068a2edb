# str.encode with the built-in codecs and error handlers.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = "aé€😀"
for enc in ["utf-8", "UTF8", "utf_8", "latin-1", "latin1", "iso-8859-1", "ascii", "US-ASCII"]:
    for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        print(enc, errors, s.encode(enc, errors))
print(s.encode(), "abc".encode("ascii"), s.encode(encoding="latin-1", errors="replace"))
t("encode('ascii')", lambda: s.encode("ascii"))
t("encode('latin-1')", lambda: "ab€€c".encode("latin-1"))
t("encode('foo')", lambda: s.encode("foo"))
t("encode('ascii', 'bogus')", lambda: s.encode("ascii", "bogus"))
t("encode('ascii', 'bogus') ok", lambda: "abc".encode("ascii", "bogus"))
t("encode(1)", lambda: s.encode(1))
t("encode(errors=1)", lambda: s.encode(errors=1))
t("encode(1, 2, 3)", lambda: s.encode(1, 2, 3))
try:
    "xé".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, repr(e.object), e.start, e.end, e.reason, isinstance(e, ValueError))
