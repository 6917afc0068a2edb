x = int("nope")
