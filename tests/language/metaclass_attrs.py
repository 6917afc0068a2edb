# methods, properties and class methods defined on a metaclass
class Meta(type):
    def greet(cls):
        return "hello from " + cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    @classmethod
    def meta_cm(mcs):
        return mcs.__name__
    def __len__(cls):
        return 42
    def __getitem__(cls, key):
        return (cls.__name__, key)
    def __repr__(cls):
        return "<Meta class " + cls.__name__ + ">"
class Thing(metaclass=Meta):
    pass
print(Thing.greet(), Thing.upper_name, Thing.meta_cm(), Meta.meta_cm())
print(len(Thing), Thing["k"], repr(Thing), Thing)
print(hasattr(Thing(), "greet"))
class Sub(Thing):
    pass
print(Sub.greet(), type(Sub).__name__, Sub)
print(isinstance(Thing, Meta), issubclass(Meta, type))
