a = "%s.%s() x" % (b, c)
a = "%r|%a|%%" % (b, c)
a = "%5s" % (b,)
a = "%d" % (b,)
a = "%s" % b
a = "%-5.2s" % (b,)
t = tuple(x for x in b)
al = all(x for x in b)
