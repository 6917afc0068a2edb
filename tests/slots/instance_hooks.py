# isinstance()/issubclass() consult a metaclass's __instancecheck__/__subclasscheck__.
class Meta(type):
    def __instancecheck__(cls, obj):
        print('instancecheck', cls.__name__, obj)
        return obj == 42
    def __subclasscheck__(cls, sub):
        print('subclasscheck', cls.__name__, sub.__name__)
        return sub is int
class Answer(metaclass=Meta):
    pass
print(isinstance(42, Answer), isinstance(1, Answer), isinstance(Answer(), Answer))
print(issubclass(int, Answer), issubclass(str, Answer), isinstance(1, (str, Answer)))
class Deferring(type):
    def __instancecheck__(cls, obj):
        return super().__instancecheck__(obj) or obj == 'yes'
class Z(metaclass=Deferring):
    pass
print(isinstance(Z(), Z), isinstance('yes', Z), isinstance('no', Z))
print(type.__instancecheck__(int, 1), type.__subclasscheck__(int, bool), int.mro())
try:
    isinstance(1, 'int')
except TypeError as e:
    print(e)
