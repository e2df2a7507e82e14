"""A read the window makes on the GUI thread that fails says why in the error dialog."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import OperationalError

from assessor.services import backups, browsing
from assessor.ui import dialogs
from assessor.ui.main_window import MainWindow


def _locked(*_args: object, **_kwargs: object) -> object:
    raise OperationalError("SELECT …", {}, Exception("database is locked"))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The error dialogs shown (instead of failing the test, as the UI fixtures do)."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _p, title, message: shown.append((title, message))
    )
    return shown


def test_a_recommendation_that_cannot_be_read_is_said_in_words(
    window: MainWindow, errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = window.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(window.db, sheet, "II-6")
    assert rec_id is not None
    monkeypatch.setattr(browsing, "detail", _locked)
    window.workbench.show_recommendation(rec_id)  # no traceback reaches Qt's hook
    assert window.workbench.detail is None
    ((title, message),) = errors
    assert title == "Reading the database"
    assert "could not be written or read" in message and "database is locked" in message


def test_a_factsheet_list_that_cannot_be_read_keeps_the_tree(
    window: MainWindow, errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = window.workbench.model.factsheet_ids()
    monkeypatch.setattr(browsing, "factsheets", _locked)
    window.workbench.reload()
    assert window.workbench.model.factsheet_ids() == before and len(errors) == 1


def test_reads_failing_while_the_dialog_is_open_say_it_once(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    reads = window.workbench.reads

    def dialog(_parent: object, _title: str, message: str) -> None:
        shown.append(message)
        assert reads.tree(1) == []  # the view repaints under the dialog and reads again

    monkeypatch.setattr(dialogs, "show_error", dialog)
    monkeypatch.setattr(browsing, "tree", _locked)
    assert reads.tree(1) == []
    assert len(shown) == 1


def test_the_backup_list_that_cannot_be_read_is_said_in_words(
    window: MainWindow, errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "list_backups", _locked)
    assert window.workbench.reads.backups() == [] and len(errors) == 1


def test_an_import_whose_checks_cannot_read_the_database_says_why(
    qtbot, window: MainWindow, errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.conftest import FACTSHEET

    monkeypatch.setattr(browsing, "factsheets", _locked)  # the re-import check reads them
    window.import_files([FACTSHEET])
    qtbot.waitUntil(lambda: bool(errors), timeout=10_000)
    ((title, message),) = errors
    assert title == "Import" and "database is locked" in message


def test_a_rating_whose_stamp_cannot_be_read_is_still_saved(
    window: MainWindow, errors: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from assessor.services import assessments

    sheet = window.workbench.model.factsheet_ids()[0]
    rec_id = browsing.recommendation_for_code(window.db, sheet, "II-6")
    assert rec_id is not None and window.workbench.select_recommendation(rec_id, sheet)
    monkeypatch.setattr(assessments, "saved_stamp", _locked)
    monkeypatch.setattr(assessments, "assessment_version", _locked)
    window.workbench.rate(rec_id, "partly")  # no traceback reaches Qt's hook
    assert browsing.detail(window.db, rec_id).assessment.rating == "partly"  # type: ignore[union-attr]
    assert not errors  # the save went through; only its version is unknown
