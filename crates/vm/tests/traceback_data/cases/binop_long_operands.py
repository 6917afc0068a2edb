first_value = {"k": 1}
second_value = [1, 2]
result = (first_value["k"] +
          first_value["k"] +
          second_value)
