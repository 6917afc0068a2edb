from ._helpers import double
VERSION = "1.0"
