# unicodedata's character properties at Unicode 16.0.0: digests over a sample of
# code points, and CPython's errors and defaults.
import unicodedata as u


class Digest:
    """A polynomial checksum of the text fed to it."""
    def __init__(self):
        self.value = 0
    def update(self, text):
        for ch in text:
            self.value = (self.value * 1000003 + ord(ch)) % (1 << 61)
    def hexdigest(self):
        return '%016x' % self.value


print(u.unidata_version)
props = {
    'category': u.category, 'bidirectional': u.bidirectional,
    'east_asian_width': u.east_asian_width, 'combining': u.combining,
    'mirrored': u.mirrored, 'decomposition': u.decomposition,
    'decimal': lambda c: u.decimal(c, None), 'digit': lambda c: u.digit(c, None),
    'numeric': lambda c: u.numeric(c, None), 'name': lambda c: u.name(c, None),
}
sample = [chr(c) for c in range(0, 0x110000, 61)] + [chr(c) for c in range(0x2000, 0x2400)]
for key, prop in props.items():
    h = Digest()
    for c in sample:
        h.update(str(prop(c)))
    print(key, h.hexdigest()[:16])
for c in 'aA1½٣⑦ \u0301€日\uac00\U0001f600\ud800\U000e0080':
    print(ascii(c), u.category(c), u.bidirectional(c), u.east_asian_width(c), u.combining(c),
          u.mirrored(c), u.decomposition(c), u.decimal(c, -1), u.digit(c, -1),
          u.numeric(c, -1), u.name(c, '?'))
for call in ["u.category('ab')", "u.category(1)", "u.category('')", "u.decimal('a')",
             "u.digit('a')", "u.numeric('a')", "u.name('\\x00')", "u.lookup('NOPE')",
             "u.lookup('latin small letter a')", "u.lookup('HANGUL SYLLABLE GA')",
             "u.lookup('CJK UNIFIED IDEOGRAPH-4E00')", "u.lookup('BYTE ORDER MARK')",
             "u.lookup(b'DIGIT ONE')", "u.name(chr(0x31350))", "u.decimal('a', 5)"]:
    try:
        print(call, ascii(eval(call)))
    except Exception as e:
        print(call, type(e).__name__, e)
