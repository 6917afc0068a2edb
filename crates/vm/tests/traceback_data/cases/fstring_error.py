x = 0
message = f"value {1 / x}"
