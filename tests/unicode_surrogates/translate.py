# str.translate and str.maketrans with lone surrogates in the subject, the table's
# keys and its values.
from _show import show

t = 'a\udcffb'


show('map surrogate', lambda: t.translate({0xdcff: 'Z'}))
show('to surrogate str', lambda: 'abc'.translate({ord('b'): '\udc01\udc02'}))
show('to surrogate int', lambda: 'abc'.translate({ord('c'): 0xdfff}))
show('both', lambda: t.translate({0xdcff: 'Z', ord('a'): '\udc01'}))
show('delete', lambda: t.translate({0xdcff: None}))
show('untouched', lambda: t.translate({}))
show('maketrans', lambda: str.maketrans('\udc80', 'x'))
show('maketrans z', lambda: str.maketrans('a', '\udc81', '\ud800'))
show('maketrans dict', lambda: str.maketrans({'\udc82': 'q'}))
show('round', lambda: 'a\udc80'.translate(str.maketrans('\udc80a', 'xy')))
show('bad value', lambda: t.translate({0xdcff: 1.5}))
show('big value', lambda: t.translate({0xdcff: 0x110000}))
