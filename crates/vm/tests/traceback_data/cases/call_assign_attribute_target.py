class C:
    pass
c = C()
c.value = int("nope")
