"""What ingest builds once per immutable object (a catalog's matchers, a criteria set's detector).

Keyed by the object's identity and checked with ``is`` (an id can be reused once an object is gone),
and bounded: a long-running process that loads criteria again and again keeps only the newest few,
so memory stays flat.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")
KEEP = 8  # objects remembered per cache: the criteria of a run and a few more


class PerObject(Generic[Key, Value]):
    def __init__(self, build: Callable[[Key], Value], keep: int = KEEP) -> None:
        self._build = build
        self._keep = keep
        self._items: OrderedDict[int, tuple[Key, Value]] = OrderedDict()

    def __call__(self, key: Key) -> Value:
        found = self._items.get(id(key))
        if found is not None and found[0] is key:
            self._items.move_to_end(id(key))
            return found[1]
        value = self._build(key)
        self._items[id(key)] = (key, value)
        self._items.move_to_end(id(key))
        while len(self._items) > self._keep:
            self._items.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._items)
