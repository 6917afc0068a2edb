# os and os.path: paths, environment, directory listing.
import os
import os.path
print(os.name, os.sep, os.pathsep, os.cursep if hasattr(os, "cursep") else os.curdir)
print(os.path.join("a", "b", "c.txt"), os.path.join("/x", "/y"))
print(os.path.split("/a/b/c.txt"), os.path.splitext("archive.tar.gz"))
print(os.path.basename("/a/b/c"), os.path.dirname("/a/b/c"), os.path.isabs("/a"))
print(os.path.normpath("/a/./b/../c//d"), os.path.abspath("/tmp/../etc"))
here = os.path.dirname(os.path.abspath(__file__))
print(os.path.exists(__file__), os.path.isfile(__file__), os.path.isdir(here))
print(os.path.exists(os.path.join(here, "no_such_file")))
print(os.fspath("p"), os.fspath(b"q"))
print(isinstance(os.environ, os.__class__) is False, "PATH" in os.environ or True)
os.environ["ADDER_TEST_VAR"] = "v1"
print(os.environ["ADDER_TEST_VAR"], os.getenv("ADDER_TEST_VAR"), os.getenv("ADDER_NO_SUCH", "d"))
del os.environ["ADDER_TEST_VAR"]
print("ADDER_TEST_VAR" in os.environ)
print(os.getcwd() == here)
print("os_module.py" in os.listdir(here), "os_module.py" in os.listdir())
print(os.path.expanduser("~") != "~", os.path.commonprefix(["/usr/lib", "/usr/local"]))
print(os.path.relpath("/a/b/c", "/a"), os.path.splitdrive("/a/b"))

class P:
    def __fspath__(self):
        return "from_fspath"
print(os.fspath(P()), os.path.join(P(), "x"))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError", e)
st = os.stat(__file__)
print(st.st_size > 0, os.path.getsize(__file__) == st.st_size)
print(sorted(e.name for e in os.scandir(here) if e.name.startswith("os_module.p")))
print(list(os.walk(here))[0][0] == here)
