# Lists: literals, indexing, item assignment, append, len, concatenation.
empty = []
print(empty, len(empty))
nums = [3, 1, 4, 1, 5]
print(nums)
print(nums[0], nums[-1], nums[2])
nums[1] = 10
nums[-1] = nums[0] * 2
print(nums)
nums.append(9)
nums.append("mixed")
print(nums, len(nums))
print(nums[1:3], nums[::-1], nums[::2])
print([1, 2] + [3])
print([0] * 5)
print(["ab"] * 2)
print(3 in nums, 7 in nums, "mixed" in nums)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] == [])
squares = []
for i in range(8):
    squares.append(i * i)
print(squares)
total = 0
for s in squares:
    total += s
print(total)
alias = squares
alias.append(64)
print(squares[-1], len(squares))
matrix = [[0] * 3, [0] * 3]
matrix[0][1] = 5
print(matrix)
print([len("abc"), [], [[]], [1.5, None, True]])
