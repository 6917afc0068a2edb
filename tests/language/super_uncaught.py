# an error inside a super() chain shows every frame
class Base:
    def __init__(self, value):
        self.value = int(value)
class Middle(Base):
    def __init__(self, value):
        super().__init__(value)
class Leaf(Middle):
    def __init__(self, value):
        print("building", value)
        super().__init__(value)
print(Leaf("5").value)
Leaf("five")
