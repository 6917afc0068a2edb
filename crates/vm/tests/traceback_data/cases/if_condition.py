d = {}
if d["flag"]:
    pass
