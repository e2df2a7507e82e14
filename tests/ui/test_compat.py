"""The guard against shiboken6 6.12's stolen references to None on Python 3.11."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel

import assessor.ui


def test_many_void_calls_cannot_exhaust_none(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(20_000):  # several times None's natural count on Python 3.11
        label.setText("x")
    assert sys.getrefcount(None) > 1000
    if sys.version_info < (3, 12) and assessor.ui.NONE_GUARD_APPLIED:
        assert sys.getrefcount(None) > 1 << 39
