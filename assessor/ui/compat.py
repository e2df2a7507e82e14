"""A guard against a reference-counting bug of shiboken6 6.12 on Python 3.11.

On Python < 3.12, PySide6/shiboken6 6.12.0 releases a reference to ``None`` that it never took
each time a C++ function returning void (``setText``, ``setValue``…) or an empty QVariant
(``index.data(role)``) is called from Python. ``None``'s count then falls by thousands a
minute and the interpreter aborts with "none_dealloc: deallocating None" — losing whatever
the user was typing. Python 3.12 made ``None`` immortal, which is why the bug only bites here.

The guard probes for the bug once and, if present, raises the counts of ``None``, ``True`` and
``False`` far out of reach
(what 3.12 does by design). It is a no-op on a fixed PySide6 or a newer Python.
"""

from __future__ import annotations

import ctypes
import sys

#: Added to None's reference count when the bug is present: 2**40 stolen references would
#: take years of continuous calls.
HEADROOM = 1 << 40


def void_calls_steal_none() -> bool:
    """Whether calling a void Qt function lowers None's reference count (the 6.12 bug)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(16):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 8


def guard_none_refcount() -> bool:
    """Apply the guard if needed; return whether it was applied."""
    if sys.version_info >= (3, 12) or not void_calls_steal_none():
        return False
    # The same slip hits True and False (a Python override returning a bool, e.g. an event
    # filter, loses one each call). ob_refcnt is the first field of every CPython object, at
    # the address id() gives.
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += HEADROOM
    return True
