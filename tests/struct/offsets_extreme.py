# unpack_from/pack_into offsets anywhere in the Py_ssize_t range, and formats whose
# packed size cannot be allocated: errors, never a crash.
import _struct

def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)

for off in (-5, -4, -3, -1, 0, 1, 4, 2**63 - 1, -2**63):
    t(_struct.unpack_from, 'i', b'abcd', off)
    t(_struct.unpack_from, 'i', b'abcdefgh', off)
    t(_struct.unpack_from, '0i', b'', off)
    t(_struct.pack_into, 'i', bytearray(4), off, 1)
    t(_struct.pack_into, 'i', bytearray(8), off, 1)
    t(_struct.pack_into, '0i', bytearray(0), off)

t(_struct.pack, '999999999999s', b'')
t(_struct.pack_into, '999999999999s', bytearray(4), 0, b'')
t(_struct.calcsize, '999999999999s')
t(_struct.calcsize, '99999999999999999999999s')
t(_struct.calcsize, '4611686018427387904q')

b = bytearray(4)
for a in [('i', b, 0), ('i', b, 0, 1, 2), ('i', b, 9, 1), ('i', b, 0, 'x'), ('ii', b, 0, 1, 2)]:
    t(_struct.pack_into, *a)
import _struct
for off in (-3, -1, -5, -4):
  for n in (0, 2, 8):
    for f in (lambda: _struct.unpack_from("i", bytes(n), off), lambda: _struct.pack_into("i", bytearray(n), off, 1)):
      try: print(f())
      except Exception as e: print(off, n, type(e).__name__, e)
for a in [(4611686018427387903,), (2**62,), (9223372036854775807,)]:
  try: _struct.pack("%dx" % a)
  except Exception as e: print(type(e).__name__, e)
  try: _struct.pack("%ds" % a, b"")
  except Exception as e: print(type(e).__name__, e)
  try: _struct.pack_into("%dx" % a, bytearray(1), 0)
  except Exception as e: print(type(e).__name__, e)
t(_struct.pack, '9223372036854775807s')
t(_struct.pack, '9223372036854775807s', b'', b'')
