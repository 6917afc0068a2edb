# printf-style flags, widths and precisions.
for fmt in ["%5d", "%-5d|", "%05d", "%+d", "% d", "%+05d", "%-+5d|", "% 05d", "%.3d", "%5.3d", "%-5.3d|", "%05.3d", "%#o", "%#x", "%#X", "%#.3o", "%#08x", "%x"]:
    print(fmt, repr(fmt % 42), repr(fmt % -42))
for fmt in ["%f", "%.2f", "%10.3f", "%-10.1f|", "%010.2f", "%+.1e", "% .3g", "%#.0f", "%#g", "%.0e", "%g", "%.10g", "%05f", "%+08.3f"]:
    print(fmt, repr(fmt % 3.14159), repr(fmt % -0.5), repr(fmt % float("inf")))
print("%*d|%-*d|%.*f|%*.*f" % (5, 1, 5, 2, 2, 3.14159, 8, 3, 2.5), "%*d" % (-4, 7))
print("%5c|%-5c|%3s|%-3r|" % ("x", 65, "é", "é"))
