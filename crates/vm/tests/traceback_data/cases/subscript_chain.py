d = {"a": {"b": {}}}
value = d["a"]["b"]["c"]
