type A = int
class C:
    type B = list[C]
