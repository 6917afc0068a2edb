x = y = int("nope")
