# `-m symtable`: PEP 649 annotation scopes — module, class (reading the class
# namespace), functions (parameters and return), conditional annotations, and
# annotations inside a function body, which are never evaluated.
from typing import Optional

x: int = 1
if x:
    y: Optional[int] = None


class Point:
    x: float
    y: float
    if True:
        z: "Point"

    def move(self, dx: float, dy: float = 0.0) -> "Point":
        local_hint: list[int] = []
        return self


def plain(a, b):
    return a


async def fetch(url: str) -> bytes:
    data: bytes = b""
    return data
