def boom():
    raise KeyError("boom")

(boom)()
