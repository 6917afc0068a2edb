d = {}
ok = True and d["missing"] or False
