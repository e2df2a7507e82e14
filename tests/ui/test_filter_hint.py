"""A filter leaving matches never says that nothing matches (new-user trial 2, shot 22)."""

from __future__ import annotations

from assessor.ui.main_window import MainWindow
from tests.ui.test_workbench import _click_recommendation


def test_a_filter_with_matches_asks_to_choose_one(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    wb = window.workbench
    bar = wb.filters
    _click_recommendation(qtbot, window, "II-6")  # a request
    bar.verb.setCurrentIndex(bar.verb.findData("invite"))  # hides it, shows others
    shown, _total = wb.model.shown_count()
    assert shown > 0 and bar.count.text().startswith(f"Showing {shown} of")
    text = wb.finding.browser.toPlainText()
    assert wb.detail is None
    assert "No recommendation shown matches" not in text
    assert "Choose a recommendation in the tree" in text
