# Deeply nested recursive calls: Ackermann and Hanoi.
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


for m in range(3):
    for n in range(4):
        print("ack", m, n, ack(m, n))
print(ack(2, 20))
print(ack(3, 3))

moves = []


def hanoi(n, source, target, spare):
    if n == 0:
        return
    hanoi(n - 1, source, spare, target)
    moves.append((source, target))
    hanoi(n - 1, spare, target, source)


hanoi(3, "A", "C", "B")
print(len(moves))
print(moves)
moves = []
hanoi(10, "A", "C", "B")
print(len(moves))
print(moves[0], moves[-1])
