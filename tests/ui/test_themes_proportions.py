"""The Themes tab: the list shows each recommendation's whole text, the editor has room."""

from __future__ import annotations

from assessor.services import browsing
from assessor.ui.main_window import MainWindow


def test_the_list_shows_whole_texts_and_the_editor_has_room(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentIndex(1)
    view = window.themes
    qtbot.waitUntil(lambda: view.splitter.width() > 0)
    themes = browsing.themes(window.db, view.factsheet_id)  # type: ignore[arg-type]
    longest = max((item for t in themes for item in t.items), key=lambda i: len(i.text))
    assert len(longest.text) > 110
    shown = [
        view.tree.topLevelItem(i).child(j).text(0)
        for i in range(view.tree.topLevelItemCount())
        for j in range(view.tree.topLevelItem(i).childCount())
    ]
    flat = " ".join(longest.text.split())
    assert any(text.startswith(flat) for text in shown)  # not cut with "…"
    assert not any(text.rstrip().endswith("…") for text in shown)
    assert view.tree.wordWrap()
    left, editor = view.splitter.sizes()
    assert editor >= 0.4 * (left + editor)
