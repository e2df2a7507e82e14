"""The window (PySide6). The only package that imports Qt."""

from assessor.ui.compat import guard_none_refcount

# Before any other Qt call: see assessor.ui.compat (PySide6 6.12 on Python 3.11).
NONE_GUARD_APPLIED = guard_none_refcount()
