def boom(*args):
    raise KeyError("boom")

def run():
        total = boom(1,
    2,
  3)
        return total

run()
