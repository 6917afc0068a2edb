# abc: abstract base classes.
import abc

class Base(abc.ABC):
    @abc.abstractmethod
    def run(self):
        ...

class Impl(Base):
    def run(self):
        return "ran"

try:
    Base()
except TypeError as e:
    print("TypeError", e)
print(Impl().run(), isinstance(Impl(), Base), Base.__abstractmethods__)
