# Objects still alive at exit are finalized: module-level instances first, in the
# order of the module namespace, then what containers hold.
class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


first = A(1)
second = A(2)
group = [A(3), A(4)]
last = A(5)
print("end of program")
