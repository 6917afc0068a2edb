# Run as `adder -m dis dis_module.py`: module-level code only, so the listing has
# no nested code objects (whose addresses differ from run to run).
total = 0
for i in range(10):
    if i % 2 == 0 and i > 2:
        total += i * 2
    elif i == 7:
        continue
    else:
        total -= 1
words = [w.upper() for w in ("a", "b") if w]
pairs = {k: v for k, v in zip("ab", (1, 2))}
x, *rest = [1, 2, 3]
print(total, words, pairs, x, rest)
