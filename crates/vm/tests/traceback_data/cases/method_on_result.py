def get():
    return None

get().strip()
