for n in [0, 1, -1, 7, 8, 255, 256, -256, 2**63, -2**63, 2**100 - 1, 10**30]:
    print(n, n.bit_length(), n.bit_count())
print(True.bit_length(), (5).bit_count())
try:
    (5).bit_length(1)
except TypeError as e:
    print("TypeError:", e)
