# `-m symtable` with `from __future__ import annotations`: annotations become
# strings, so no annotation scopes appear.
from __future__ import annotations


class Node:
    value: int
    next: Node | None

    def link(self, other: Node) -> Node:
        self.next = other
        return other


def walk(node: Node) -> list[int]:
    out: list[int] = []
    return out
