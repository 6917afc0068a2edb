# open()/FileIO convert the name with PyUnicode_FSConverter: "embedded null byte".
import _io
for p in ("/dev/null\0x", b"/dev/null\0x"):
  for f in (_io.open, _io.FileIO):
    try: f(p)
    except Exception as e: print(type(e).__name__, e)
