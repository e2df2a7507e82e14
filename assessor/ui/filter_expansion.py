"""Which factsheets a filter opens: those holding its matches, so that none hide under a fold.

After a restart, the filters saved come back before anything is expanded: the matches of a
"↻ Newer than the rating" filter lay under collapsed Parties. A filter applied opens the
factsheets that were open; when none was, it opens those holding the matches, reading them
in until every match counted is in sight (up to a bound: a database of every Party and round
stays quick). Factsheets not read in are otherwise counted, not read (``unread_counts``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTreeView

from assessor.ui.tree_model import FactsheetTreeModel

#: At most this many factsheets are opened for their matches (beyond those open already).
MAX_OPENED = 10
#: At most this many factsheets not read in yet are read to look for matches.
MAX_READ = 40


def open_matches(tree: QTreeView, model: FactsheetTreeModel, opened: Iterable[int]) -> int:
    """Expand the factsheets open before, else those holding matches; how many were opened."""
    known = set(opened)
    for fid in known:
        index = model.index_of_factsheet(fid)
        if index.isValid():
            tree.expandRecursively(index)
    if known:
        return len(known)
    wanted = model.shown_count()[0]
    count = read = found = 0
    for fid in model.factsheet_ids():
        if found >= wanted or count >= MAX_OPENED or read >= MAX_READ:
            break
        index = model.index_of_factsheet(fid)
        if model.canFetchMore(index):  # not read in yet
            read += 1
            model.ensure_loaded(fid)
        shown = len(model.shown_recommendations(fid))
        if shown:
            tree.expandRecursively(index)
            count, found = count + 1, found + shown
    return count


def hidden_hint(shown: int) -> str:
    """The finding pane's words when the filters hide the recommendation that was shown.

    With matches in the tree, it says to choose one there (never that nothing matches).
    """
    if shown:
        return QCoreApplication.translate(
            "Workbench",
            "The recommendation you were reading is not among the matches. Choose a "
            "recommendation in the tree; clearing the filters (Ctrl+Shift+L) shows it again.",
        )
    return QCoreApplication.translate(
        "Workbench",
        "No recommendation shown matches the search and filters. Change them, or clear "
        "them (Esc in the search box, Ctrl+Shift+L for every filter), to see it again.",
    )
