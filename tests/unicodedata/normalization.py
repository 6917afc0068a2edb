# unicodedata.normalize/is_normalized in the four forms, at Unicode 16.0.0.
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


texts = ['Å\u212b\ufb01 \u1e9b\u0323', '\uac00\u11a8 \u1100\u1161\u11a8', 'x\u0301\u0327',
         'e\u0301\u0301', '\u00c7\u0301', '①²ｶ㌀', 'a\ud800\u0301', 'q\U000e0080\u0301']
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    for t in texts:
        r = u.normalize(form, t)
        print(form, ascii(t), ascii(r), u.is_normalized(form, t), u.is_normalized(form, r))
    h = Digest()
    for cp in range(0, 0x30000, 7):
        if not 0xd800 <= cp < 0xe000:
            h.update(u.normalize(form, chr(cp) + '\u0301a\u0323\u0302'))
    print(form, h.hexdigest()[:16])
s = 'plain'
print(u.normalize('NFC', s) is s)
for call in ["u.normalize('X', 'a')", "u.normalize('NFC', 1)", "u.is_normalized(1, 'a')"]:
    try:
        print(eval(call))
    except Exception as e:
        print(call, type(e).__name__, e)
