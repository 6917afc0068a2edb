print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((255).to_bytes(), (0).to_bytes(0), (-1).to_bytes(2, "big", signed=True))
print((2**70).to_bytes(10, byteorder="little"))
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff"))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(b"", "big"))
print(int.from_bytes(bytes=b"\x01", byteorder="little"))
for f in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"),
          lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1, "big"),
          lambda: int.from_bytes([256], "big"), lambda: int.from_bytes("ab", "big"),
          lambda: (1).to_bytes(1, 5)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class I(int):
    pass
print(type(I.from_bytes(b"\x02", "big")).__name__, I.from_bytes(b"\x02", "big"))
