# Float arithmetic in nested loops: escape-time iteration of the Mandelbrot set
# over a grid, counting iterations and points inside the set.


def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    n = 0
    while n < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        n += 1
    return limit


def main():
    size = 660
    limit = 100
    inside = 0
    total = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.5 * x / size - 2.0
            n = escape_time(cr, ci, limit)
            total += n
            if n == limit:
                inside += 1
    print("points inside: " + str(inside))
    print("checksum " + str(total))


main()
