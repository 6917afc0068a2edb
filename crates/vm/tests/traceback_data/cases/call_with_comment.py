def boom():
    raise KeyError("boom")

boom()  # the call fails here
