# a class keyword nobody accepts: object.__init_subclass__ rejects it
class Base:
    pass
print("defining")
class Child(Base, flavour="vanilla"):
    pass
