# File names that are not UTF-8 round-trip through str with surrogateescape.
import os
import shutil
import tempfile

print(ascii(os.fsdecode(b'caf\xe9')), os.fsencode('caf\udce9'), os.fsencode('caf\xe9'))
try:
    os.fsencode('bad\ud800')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e)

d = tempfile.mkdtemp()
try:
    with open(os.path.join(d.encode(), b'raw\xff'), 'w') as f:
        f.write('1')
    with open(os.path.join(d, 'str\udcfe'), 'w') as f:
        f.write('2')
    names = sorted(os.listdir(d))
    print([ascii(n) for n in names])
    print(sorted(os.listdir(d.encode())))
    print(sorted(ascii(e.name) for e in os.scandir(d)))
    for n in names:
        p = os.path.join(d, n)
        print(ascii(n), os.path.exists(p), os.path.getsize(p), os.fsencode(n))
        with open(p) as f:
            print(f.read())
    os.rename(os.path.join(d, 'raw\udcff'), os.path.join(d, 'moved\udcff'))
    print(sorted(os.listdir(d.encode())))
finally:
    shutil.rmtree(d)

os.environ['ADDER_SURROGATE_TEST'] = 'v\udcffw'
print(ascii(os.environ['ADDER_SURROGATE_TEST']), os.environb[b'ADDER_SURROGATE_TEST'])
print(ascii(os.getenv('ADDER_SURROGATE_TEST')))
