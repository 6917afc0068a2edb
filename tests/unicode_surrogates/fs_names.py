# File names that are not UTF-8 round-trip through os.fsdecode/fsencode, open() and
# os.listdir as lone surrogates (surrogateescape).
import os
import tempfile

d = tempfile.mkdtemp()
name = os.fsdecode(b'caf\xe9-\xff.txt')
print(ascii(name))
path = os.path.join(d, name)
with open(path, 'w') as f:
    f.write('hi')
listed = os.listdir(d)
print(ascii(listed), listed == [name])
with open(os.path.join(d, listed[0])) as f:
    print(f.read())
print(os.listdir(os.fsencode(d)))
print(os.path.exists(path), os.path.basename(path) == name)
renamed = os.path.join(d, '%s.bak' % name)
os.rename(path, renamed)
print(ascii(sorted(os.listdir(d))))
os.remove(renamed)
os.rmdir(d)
try:
    os.fsencode('\ud800')
except UnicodeEncodeError as e:
    print(type(e).__name__, ascii(str(e)))
