# Modules imported by the import system have CPython's __spec__ and __loader__: a
# ModuleSpec with a SourceFileLoader for source modules, BuiltinImporter for built-in
# ones; find_spec, reload, inspect.getsource, pkgutil and runpy work with them.
import json
import math
import importlib
import importlib.machinery
import importlib.util

spec = json.__spec__
print(spec.name, spec.origin == json.__file__, spec.parent, spec.has_location)
print(type(json.__loader__).__name__, json.__loader__.name, spec.loader is json.__loader__)
print(spec.submodule_search_locations is json.__path__)
import json.decoder

d = json.decoder.__spec__
print(d.name, d.parent, d.origin == json.decoder.__file__, d.submodule_search_locations)
print(math.__spec__, math.__loader__)
print(importlib.util.find_spec("json.decoder").name, importlib.util.find_spec("nonexistent_mod"))
import inspect

print(inspect.getsource(json.dumps).splitlines()[0])
import pkgutil

print(sorted(m.name for m in pkgutil.iter_modules(json.__path__)))
print(importlib.reload(json) is json, json.__spec__ is spec)
import textwrap

print(
    isinstance(textwrap.__spec__, importlib.machinery.ModuleSpec),
    isinstance(textwrap.__loader__, importlib.machinery.SourceFileLoader),
)
print(textwrap.__loader__.get_source("textwrap").splitlines()[0])
print(textwrap.__spec__.cached == importlib.util.cache_from_source(textwrap.__file__))
import runpy

ns = runpy.run_module("keyword", run_name="not_main")
print(ns["__name__"], ns["__spec__"].name, "iskeyword" in ns)
print(__spec__, __package__)
