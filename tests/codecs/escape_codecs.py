# The escape codecs: unicode_escape, raw_unicode_escape, escape_encode/decode.
import codecs

print(codecs.escape_encode(b"'\"\n\x00\xff\\\t\r"))
print(codecs.escape_decode(b"\\x41\\n\\101\\\\\\'\\a\\\n"), codecs.escape_decode("\\x41"))
for bad in [b"\\x4", b"\\x", b"ab\\"]:
    try:
        codecs.escape_decode(bad)
    except ValueError as e:
        print("ValueError", e)
print(codecs.unicode_escape_encode("a'\"\\\n\t\x7f\xe9\u20ac\U0001f600"))
print(codecs.raw_unicode_escape_encode("a\\\xe9\u20ac\U0001f600"))
print(codecs.unicode_escape_decode(b"\\u20ac\\N{BULLET}\\x41\\t\\101 \\N{LATIN SMALL LETTER E WITH ACUTE}"))
print(codecs.raw_unicode_escape_decode(b"\\u20ac\\\\u20ac\\x41\\U0001f600"))
for bad in [b"\\u12", b"\\U00110000", b"\\N{NOPE}", b"\\N{", b"\\x4", b"ab\\"]:
    try:
        print(codecs.unicode_escape_decode(bad))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e, e.start, e.end)
for bad in [b"\\u12", b"\\U0011000"]:
    try:
        print(codecs.raw_unicode_escape_decode(bad))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError", e, e.start, e.end)
print(codecs.unicode_escape_decode(b"a\\u12", "replace"), codecs.unicode_escape_decode(b"a\\u12x", "ignore"))
print(codecs.unicode_escape_decode(b"a\\u12", "strict", False), codecs.unicode_escape_decode(b"a\\", "strict", False))
