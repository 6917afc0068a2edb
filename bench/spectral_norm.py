# Float arithmetic through many small function calls: the spectral norm of
# an infinite matrix (power iteration with A and its transpose), on lists.


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(u, out):
    n = len(u)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(i, j) * u[j]
        out[i] = total


def times_at(u, out):
    n = len(u)
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += eval_a(j, i) * u[j]
        out[i] = total


def times_ata(u, out, tmp):
    times_a(u, tmp)
    times_at(tmp, out)


def main():
    n = 550
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for i in range(10):
        times_ata(u, v, tmp)
        times_ata(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print("norm squared: " + str(vbv / vv))
    print("checksum " + str(u[0] + v[n - 1]))


main()
