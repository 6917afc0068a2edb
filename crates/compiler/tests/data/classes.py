class A:
    x = 1
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v

class B(A):
    def get(self):
        return super().get() + 1

print(B(2).get())
