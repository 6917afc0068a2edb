# Recursion with list state: count all solutions of the N-queens problem by
# backtracking, marking columns and diagonals in lists of booleans.


def solve(row, n, cols, diag1, diag2):
    if row == n:
        return 1
    count = 0
    for col in range(n):
        d1 = row + col
        d2 = row - col + n - 1
        if not cols[col] and not diag1[d1] and not diag2[d2]:
            cols[col] = True
            diag1[d1] = True
            diag2[d2] = True
            count += solve(row + 1, n, cols, diag1, diag2)
            cols[col] = False
            diag1[d1] = False
            diag2[d2] = False
    return count


def queens(n):
    return solve(0, n, [False] * n, [False] * (2 * n - 1), [False] * (2 * n - 1))


def main():
    h = 0
    for rep in range(2):
        for n in range(4, 13):
            count = queens(n)
            if rep == 0:
                print("queens(" + str(n) + ") = " + str(count))
            h = (h * 100000 + count) % 1000000007
    print("checksum " + str(h))


main()
