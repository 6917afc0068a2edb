# stdout is UTF-8 with errors='strict': a lone surrogate cannot be printed.
import sys

print(sys.stdout.errors, sys.stderr.errors)
sys.stderr.write('stderr escapes \udcff\n')
try:
    sys.stdout.write('x\udcff\n')
except UnicodeEncodeError as e:
    print('caught:', e, e.start, e.end, ascii(e.object))
try:
    print('fine', 'bad\ud800')
except UnicodeEncodeError as e:
    print()
    print('caught:', e)
print(ascii('\ud800'), repr('\ud800').encode('utf-8', 'backslashreplace'))
