def load():
    try:
        {}["key"]
    except KeyError as e:
        raise RuntimeError("load failed") from e

load()
