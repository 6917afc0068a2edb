# re patterns and subjects with lone surrogates, and json, which runs on re.
import json
import os
import re
from _show import show

t = 'a\udcffb'


show('sub', lambda: re.sub('\udcff', 'X', t))
show('sub repl', lambda: re.sub('b', '\udc80', t))
show('sub group', lambda: re.sub('(.)b', r'<\1>', t))
show('search', lambda: re.search('a(.)b', t).group(1))
show('findall class', lambda: re.findall('[\udc00-\udcff]', t + '\udc80'))
show('split', lambda: re.split('\udcff', t))
show('escape', lambda: re.escape(t))
show('pattern', lambda: re.compile(t).pattern)
show('categories', lambda: [bool(re.fullmatch(p, '\udcff')) for p in [r'\w', r'\W', r'\s', r'\d', '.']])
show('ignorecase', lambda: bool(re.fullmatch('\udcff', '\udcff', re.I)))
show('span', lambda: re.search('b', t).span())
show('match repr', lambda: repr(re.search('.+', t)))
name = os.fsdecode(b'caf\xe9.txt')
show('fsdecode', lambda: name)
show('sub fs', lambda: re.sub(r'\.txt$', '.bak', name))
show('fsencode', lambda: os.fsencode(re.sub(r'\.txt$', '.bak', name)))
show('dumps', lambda: json.dumps(t))
show('dumps raw', lambda: json.dumps(t, ensure_ascii=False))
show('dumps key', lambda: json.dumps({'\ud800': [t]}))
show('loads escape', lambda: json.loads('"\\ud800"'))
show('loads pair', lambda: json.loads('["\\udcff", "\\ud83d\\ude00"]'))
show('loads raw', lambda: json.loads('"' + t + '"'))
show('round trip', lambda: json.loads(json.dumps([t, '\ud800'])) == [t, '\ud800'])
