"""A package's passphrase in the window: too short is refused and asked again; a wrong one is
asked again, up to three times."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from assessor.db.engine import open_database
from assessor.exporters.package import write_package
from assessor.importers.package_file import read_package
from assessor.services import assessments
from assessor.ui import dialogs, exchange_actions, merge_dialog
from assessor.ui.dialogs import SendOptions
from assessor.ui.main_window import MainWindow

RIGHT = "correct horse"


@pytest.fixture
def sealed(template_db: Path, tmp_path: Path) -> Path:
    """Ann's package, sealed with a passphrase."""
    path = tmp_path / "ann.sqlite"
    shutil.copy(template_db, path)
    ann = open_database(path)
    assessments.rate_by_code(ann, "II-6", "implemented", by="Ann")
    out = tmp_path / "Ann.assessor"
    write_package(ann, out, passphrase=RIGHT, by="Ann")
    ann.close()
    return out


def _answers(monkeypatch: pytest.MonkeyPatch, *given: str) -> list[tuple[bool, bool]]:
    """Answer the passphrase dialog with ``given`` in turn; record (new, wrong) of each ask."""
    asked: list[tuple[bool, bool]] = []
    queue = list(given)

    def ask(_parent: object, _name: str, *, new: bool, wrong: bool = False) -> str | None:
        asked.append((new, wrong))
        return queue.pop(0) if queue else None

    monkeypatch.setattr(dialogs, "ask_package_passphrase", ask)
    return asked


def _errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, _t, message: shown.append(message))
    return shown


def _settle(qtbot, window: MainWindow, until: Callable[[], bool]) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: until() and not window.runner.busy, timeout=60000)


def test_a_short_passphrase_is_refused_and_asked_again(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        dialogs, "ask_send_options", lambda *a: SendOptions(party="Albania", protect=True)
    )
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "for-ann.assessor"))
    asked = _answers(monkeypatch, "x", "1234567", RIGHT)
    errors = _errors(monkeypatch)
    exchange_actions.send_assessment(window)
    _settle(qtbot, window, lambda: (tmp_path / "for-ann.assessor").exists())
    assert asked == [(True, False)] * 3
    assert len(errors) == 2 and all("at least 8 characters" in e for e in errors)
    assert read_package(tmp_path / "for-ann.assessor", RIGHT).encrypted


def test_a_wrong_passphrase_is_asked_again(
    qtbot, window: MainWindow, sealed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "ask_merge_file", lambda *a: str(sealed))
    reviewed: list[object] = []
    monkeypatch.setattr(
        merge_dialog, "ask_merge_choices", lambda _p, plan, _l: reviewed.append(plan)
    )
    asked = _answers(monkeypatch, "wrong one", "still wrong", RIGHT)
    errors = _errors(monkeypatch)
    exchange_actions.merge_assessment(window)
    _settle(qtbot, window, lambda: bool(reviewed))
    assert asked == [(False, False), (False, True), (False, True)]  # "does not open it"
    assert not errors and len(reviewed) == 1  # the third one opened it: the conflict screen


def test_three_wrong_passphrases_give_up_with_a_message(
    qtbot, window: MainWindow, sealed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dialogs, "ask_merge_file", lambda *a: str(sealed))
    asked = _answers(monkeypatch, "a", "b", "c", RIGHT)
    errors = _errors(monkeypatch)
    exchange_actions.merge_assessment(window)
    _settle(qtbot, window, lambda: bool(errors))
    assert len(asked) == 3
    assert "does not open Ann.assessor" in errors[0]
