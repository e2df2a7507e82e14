"""Tab order on the assessment pane: the rating buttons, then Final, then the comment."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from assessor.ui.main_window import MainWindow


def _focus_walk(start: QWidget, count: int) -> list[QWidget]:
    walk: list[QWidget] = []
    widget = start
    for _ in range(count):
        widget = widget.nextInFocusChain()
        walk.append(widget)
    return walk


def test_the_rating_buttons_come_before_final(window: MainWindow) -> None:
    pane = window.workbench.assessment
    assert pane.rating.buttons
    buttons = list(pane.rating.buttons.values())
    walk = _focus_walk(buttons[0], len(buttons) + 2)
    assert walk[: len(buttons) - 1] == buttons[1:]
    assert walk.index(pane.final) == len(buttons) - 1
    assert walk.index(pane.final) < walk.index(pane.keep)
    # and nothing leads from Final back into the rating row
    after_final = _focus_walk(pane.final, 3)
    assert not set(after_final) & set(buttons)
