# Nested containers: building, mutating through paths, and printing them.
data = {"name": "widget", "tags": ["a", "b"], "size": (3, 4), "meta": {"ok": True, "n": None}}
print(data)
data["tags"].append("c")
data["meta"]["n"] = [1, [2, [3]]]
print(data["tags"])
print(data["meta"])
print(data["meta"]["n"][1][1][0])
grid = []
for r in range(3):
    row = []
    for c in range(3):
        row.append(r * 3 + c)
    grid.append(row)
print(grid)
grid[1][1] = "center"
print(grid)
print(grid[2][::-1])
# A tree as [value, [children...]].
tree = [1, [[2, [[4, []], [5, []]]], [3, [[6, []], [7, []]]]]]


def total(node):
    result = node[0]
    for child in node[1]:
        result += total(child)
    return result


print(total(tree))
print(tree[1][0])
records = [("ann", 31, 1.5), ("bob", 25, 2.25)]
print(records)
index = {}
for name, age, score in records:
    index[name] = {"age": age, "score": score}
print(index)
print([[], [[]], [[], [[]]]])
print([(), ((),), {}, {1: {}}])
print([[1, 2], (3, 4), {5: 6}, "7", 8.0])
