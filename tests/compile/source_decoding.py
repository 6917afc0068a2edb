# compile() of bytes: coding cookies, BOMs and bytes invalid in the declared codec
# give CPython's SyntaxError message, line and offset.
sources = [
    b'x=1\n\xe9\n',
    b'\xef\xbb\xbfprint("\xff")\n',
    b'\xef\xbb\xbf\xef\xbb\xbfprint(1)\n',
    b'# coding: utf-8\nx = "\xff"\n',
    b'\xef\xbb\xbf# coding: utf-8\nx = "\xff"\n',
    b'# coding: utf-8\nx = 1 #\xe9',
    b'# coding: utf8\nx = 1\n\xc3\n',
    b'# coding: utf8\nx = 1\n\xe2\x82',
    b'# coding: u8\nx = "\xe2\x82x"\n',
    b'# coding: UTF8\nx = "\xff"\n',
    b'# coding: utf8\nx = "\xe0\x80"\n',
    b'# coding: utf8\nx = "\xed\xa0\x80"\n',
    b'print(1)\r# coding: latin-1\nprint("\xe9")\n',
    b'x=1\r\n\xe9\r\n',
    b'# coding=rot13\nprint(1)\n',
    b'# coding=base64\n',
    b'# coding: hex_codec\n',
    b'# coding: cp1252\nx = "\x80\x81"\n',
    b'# coding: cp1252\nprint("\x8d\x8f\x90\x9d\x80")\n',
    b'# coding: cp1250\nprint("\x81")\n',
    b'# coding: cp1251\nprint("\x98")\n',
    b'# coding: cp1253\nx = "\x80\xaa"\n',
    b'# coding: cp874\nprint("\xdb")\n',
    b'# coding: iso-8859-3\nprint("\xa5")\n',
    b'# coding: koi8_u\nx = "\xae\xbe"\n',
    b'# coding: koi8-r\nprint("\xff")\n',
    b'# coding: latin5\nx = "\x80\xd0"\n',
    b'# coding: iso8859-11\nx = "\x85\xa1"\n',
    b'# coding: latin2\nx = "\xa1"\n',
    b'# coding: greek\nx = "\xe1"\n',
    b'# coding: latin-1\n\xef\xbb\xbfprint(1)\n',
    b'\xef\xbb\xbf',
]
for src in sources:
    try:
        c = compile(src, 'f', 'exec')
        print('ok', [x for x in c.co_consts if isinstance(x, str)])
    except SyntaxError as e:
        print(repr(e.msg), e.lineno, e.offset, repr(e.text))
for text in ['\ufeffprint(1)', '\ufeff\ufeffprint(1)', 'x=1\n\ufeffy=2']:
    try:
        compile(text, 'f', 'exec')
        print('ok')
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
