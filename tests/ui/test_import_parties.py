"""Themed recommendations imported from the window when the database holds several Parties."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor.db.engine import Database
from assessor.services import browsing
from assessor.services.changes import Changes
from assessor.services.imports import import_file
from assessor.ui import dialogs
from assessor.ui.import_actions import needs_party
from assessor.ui.main_window import MainWindow
from tests.ui.conftest import FACTSHEET, RECOMMENDATIONS
from tests.ui.test_files_and_restart import _drop


def _moldova(tmp_path: Path) -> Path:
    """The example factsheet as another Party's (the way tests make variant Parties)."""
    path = tmp_path / "factsheet-moldova-2nd-round.md"
    text = FACTSHEET.read_text(encoding="utf-8")
    path.write_text(text.replace("ALBANIA", "MOLDOVA").replace("Albania", "Moldova"), "utf-8")
    return path


def _fid(db: Database, party: str) -> int:
    return next(s.id for s in browsing.factsheets(db) if s.party == party)


def _theme_titles(db: Database, party: str) -> list[str]:
    return [t.title for t in browsing.themes(db, _fid(db, party))]


@pytest.fixture
def two_parties(window: MainWindow, tmp_path: Path) -> MainWindow:
    """The window over Albania (with its themes) and Moldova (none yet), Moldova shown."""
    report = import_file(window.db, _moldova(tmp_path))
    window.on_changed(Changes.of_factsheets([report.factsheet_id]))
    assert sorted(s.party for s in browsing.factsheets(window.db)) == ["Albania", "Moldova"]
    window.model_select_first(report.factsheet_id)
    assert window.shown_party() == "Moldova"
    assert _theme_titles(window.db, "Moldova") == []
    return window


def _wait(qtbot, win: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not win.runner.busy, timeout=15000)


def _confirm_all(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []

    def yes(_parent: object, _title: str, message: str) -> bool:
        asked.append(message)
        return True

    monkeypatch.setattr(dialogs, "confirm", yes)
    return asked


def test_dropped_themes_go_to_the_party_shown(qtbot, two_parties: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = two_parties
    asked = _confirm_all(monkeypatch)
    albania = _theme_titles(win.db, "Albania")
    _drop(win, [RECOMMENDATIONS])
    _wait(qtbot, win)
    assert _theme_titles(win.db, "Moldova") == albania  # the same file, now Moldova's
    assert _theme_titles(win.db, "Albania") == albania  # untouched
    assert "Moldova" in win.statusBar().currentMessage()
    # The file speaks of Albania, not Moldova: the window said so before writing.
    assert asked and "names Albania, never Moldova" in asked[0]


def test_menu_import_goes_to_the_party_shown(qtbot, two_parties: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = two_parties
    win.model_select_first(_fid(win.db, "Albania"))
    assert win.shown_party() == "Albania"
    asked = _confirm_all(monkeypatch)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_lines", lambda _p, _t, intro, lines: shown.append(intro))
    monkeypatch.setattr(dialogs, "ask_import_files", lambda *a: [str(RECOMMENDATIONS)])
    win.ask_import()
    _wait(qtbot, win)
    # Albania holds these very themes already: nothing changes, and the window says so.
    message = win.statusBar().currentMessage() + " ".join(shown)
    assert "Nothing changed" in message and "Albania" in message, message
    assert _theme_titles(win.db, "Moldova") == []
    assert len(asked) == 1 and "Replace Albania’s 19 themed recommendations (4 themes)" in asked[0]


def test_declining_leaves_the_partys_themes_as_they_were(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    before = [
        (t.title, len(t.items)) for t in browsing.themes(window.db, _fid(window.db, "Albania"))
    ]
    _drop(window, [RECOMMENDATIONS])  # the fixture answers No to every question
    _wait(qtbot, window)
    after = [
        (t.title, len(t.items)) for t in browsing.themes(window.db, _fid(window.db, "Albania"))
    ]
    assert after == before and sum(n for _t, n in after) == 19


def test_with_no_party_shown_the_window_asks(qtbot, two_parties: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    win = two_parties
    win.workbench.detail = None  # nothing selected: no Party is shown
    asked: list[list[str]] = []

    def cancel(_parent: object, _title: str, message: str, parties: list[str]) -> None:
        assert "--" not in message  # never the command line's wording in the window
        asked.append(list(parties))

    monkeypatch.setattr(dialogs, "ask_party", cancel)
    _confirm_all(monkeypatch)
    _drop(win, [RECOMMENDATIONS])
    _wait(qtbot, win)
    assert asked == [["Albania", "Moldova"]]
    assert _theme_titles(win.db, "Moldova") == []  # cancelled: nothing written

    monkeypatch.setattr(dialogs, "ask_party", lambda *a: "Moldova")
    _drop(win, [RECOMMENDATIONS])
    _wait(qtbot, win)
    assert _theme_titles(win.db, "Moldova") == _theme_titles(win.db, "Albania")


def test_themes_dropped_with_a_factsheet_follow_it(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # Albania is shown; the Moldovan factsheet and its themes arrive together.
    _confirm_all(monkeypatch)
    assert window.shown_party() == "Albania"
    albania = _theme_titles(window.db, "Albania")
    _drop(window, [_moldova(tmp_path), RECOMMENDATIONS])
    _wait(qtbot, window)
    assert _theme_titles(window.db, "Moldova") == albania
    assert _theme_titles(window.db, "Albania") == albania


def test_which_files_need_a_party() -> None:
    assert needs_party(["recommendations"])
    assert needs_party([None, "recommendations", "factsheet"])
    assert not needs_party(["factsheet", "recommendations"])
    assert not needs_party(["factsheet", None])


def test_a_reimport_lists_what_it_changed(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        dialogs, "show_lines", lambda _p, _t, intro, lines: shown.append((intro, list(lines)))
    )
    newer = tmp_path / "factsheet-albania-v2.md"
    newer.write_text(
        FACTSHEET.read_text(encoding="utf-8").replace(
            "to connect with INTERPOL's ICSE database.", "to connect to INTERPOL's ICSE database."
        ),
        encoding="utf-8",
    )
    _drop(window, [newer])
    _wait(qtbot, window)
    assert len(shown) == 1
    intro, lines = shown[0]
    assert intro.startswith("Re-imported the factsheet of Albania")
    assert "factsheet-albania-v2.md: III-26: text updated" in lines


def test_the_count_covers_every_party_read_in_or_not(
    qtbot, real_db: Database, settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Factsheets are read lazily; the count above the tree uses the others' summaries."""
    from assessor.ui.main_window import MainWindow

    import_file(real_db, _moldova(tmp_path))
    win = MainWindow(real_db, settings)
    qtbot.addWidget(win)
    win.show()
    wb, model = win.workbench, win.workbench.model
    unread = [f for f in model.factsheet_ids() if model.canFetchMore(model.index_of_factsheet(f))]
    assert len(unread) == 1  # start-up reads only the factsheet shown
    bar = wb.filters
    assert bar.count.text() == "All 162 recommendations"

    bar.verb.setCurrentIndex(bar.verb.findData("in_scope"))  # 22 in each
    assert bar.count.text() == "Showing 44 of 162 recommendations"
    bar.reset()
    assert bar.count.text() == "All 162 recommendations"
    bar.search.setText("zzzqqq")
    bar.search.returnPressed.emit()
    assert bar.count.text() == "Showing 0 of 162 recommendations"
    bar.search.setText("Ministry of Justice")
    bar.search.returnPressed.emit()
    counted = bar.count.text()  # the unread factsheet is counted, not read in
    assert model.canFetchMore(model.index_of_factsheet(unread[0]))
    model.ensure_loaded(unread[0])  # expanding it reads it: its matches are those counted
    shown = [len(model.shown_recommendations(f)) for f in model.factsheet_ids()]
    assert shown[0] == shown[1] > 0  # the same text: as many matches in each
    assert counted == f"Showing {sum(shown)} of 162 recommendations"
    assert model.shown_count() == (sum(shown), 162)
    bar.reset()

    # After an import the tree is read again: the count stays whole.
    win.on_changed(Changes.of_factsheets(unread))
    assert bar.count.text() == "All 162 recommendations"


def test_a_factsheet_naming_another_party_is_asked_about(
    qtbot, two_parties: MainWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    win = two_parties
    half = tmp_path / "factsheet-half.md"  # the title says ALBANIA, the text Moldova
    half.write_text(FACTSHEET.read_text(encoding="utf-8").replace("Albania", "Moldova"), "utf-8")
    before = [(t.title, len(t.items)) for t in browsing.themes(win.db, _fid(win.db, "Albania"))]
    texts_before = browsing.tree(win.db, _fid(win.db, "Albania"))
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, message: asked.append(message) or False)
    _drop(win, [half])
    _wait(qtbot, win)
    assert len(asked) == 1 and "its title names Albania, but its text names Moldova" in asked[0]
    assert browsing.tree(win.db, _fid(win.db, "Albania")) == texts_before  # declined: untouched
    assert [
        (t.title, len(t.items)) for t in browsing.themes(win.db, _fid(win.db, "Albania"))
    ] == before
