# sys.stdout / sys.stderr / sys.stdin as text streams.
import sys

print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
n = sys.stdout.write("written\n")
print(n, sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.encoding)
print(sys.stdin.fileno(), sys.stdout.fileno(), sys.stderr.fileno(), sys.stdout.writable())
sys.stderr.write("error text\n")
sys.stdout.flush()
print("line from stdin:", repr(sys.stdin.readline()))
print("rest:", repr(sys.stdin.read()))
