# A submodule whose own import fails: the importer must see this error.
import _no_such_module_here
