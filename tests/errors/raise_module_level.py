# A raise at module level: one frame, no underline markers.
limit = 3
count = 0
while True:
    count += 1
    print("attempt", count)
    if count >= limit:
        raise ValueError("gave up after " + "three" + " attempts")
