"""Build-once attributes for the immutable objects (computed on first use, under a lock)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

V = TypeVar("V")


def once(owner: object, attr: str, lock: threading.Lock, build: Callable[[], V]) -> V:
    """
    The value of *attr* on *owner*, building it with *build* the first time (the owner's
    ``__setattr__`` is bypassed: the objects are immutable from the outside).
    """
    value: V | None = getattr(owner, attr)
    if value is None:
        with lock:
            value = getattr(owner, attr)
            if value is None:
                value = build()
                object.__setattr__(owner, attr, value)
    return value
