# Integer and bitwise arithmetic in tight while loops: Collatz chain lengths
# plus an xorshift pseudo-random generator folded into a running hash.


def collatz_length(n):
    steps = 0
    while n != 1:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        steps += 1
    return steps


def main():
    best = 0
    best_start = 0
    h = 0
    for start in range(1, 225000):
        length = collatz_length(start)
        if length > best:
            best = length
            best_start = start
        h = (h * 31 + length) & 0xFFFFFFFF
    state = 2463534242
    for i in range(450000):
        state ^= (state << 13) & 0xFFFFFFFF
        state ^= state >> 17
        state ^= (state << 5) & 0xFFFFFFFF
        h = (h ^ state) % 1000000007
    print("longest chain: start " + str(best_start) + " length " + str(best))
    print("checksum " + str(h))


main()
