def boom(*a):
    raise KeyError("boom")

x = [boom(

    1

)]
