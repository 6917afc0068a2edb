def get():
    return {}

value = get()["key"]
