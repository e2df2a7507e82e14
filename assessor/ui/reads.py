"""The reads the window makes on the GUI thread, each through the op runner's guard.

A read can fail too — the server gone, the file locked or damaged — and the user should learn
it from the plain-words error dialog, not from a traceback in Qt's hook. Each read here answers
what the view needs when it failed: nothing to show (an empty list, None), so the view stays
usable and the next action tries again.
"""

from __future__ import annotations

from collections.abc import Iterable

from assessor.domain.values import (
    Facet,
    FactsheetSummary,
    HistoryEntry,
    Level,
    RecommendationDetail,
    ThemeInfo,
    TreeRow,
)
from assessor.search import search
from assessor.services import backups, browsing
from assessor.services.opening import Handle
from assessor.ui.ops import OpRunner

#: A recommendation's state in the tree: rating, has a follow-up, one newer than the rating, final.
State = tuple[str | None, bool, bool, bool]


class Reads:
    """The window's reads of one database; a failed one says why, then answers nothing."""

    def __init__(self, db: Handle, runner: OpRunner) -> None:
        self.db, self.runner = db, runner

    def factsheets(self) -> list[FactsheetSummary] | None:
        """Every factsheet, or None when they could not be read (keep what is shown)."""
        return self.runner.read(lambda: browsing.factsheets(self.db), None)

    def facets(self) -> list[Facet]:
        """What the filters count per recommendation (none if it failed)."""
        return self.runner.read(lambda: browsing.facets(self.db), [])

    def tree(self, factsheet_id: int) -> list[TreeRow]:
        """A factsheet's rows for the tree (none if it failed)."""
        return self.runner.read(lambda: browsing.tree(self.db, factsheet_id), [])

    def levels(self, factsheet_id: int) -> tuple[Level, ...]:
        """A factsheet's rating levels (none if it failed)."""
        return self.runner.read(lambda: browsing.levels(self.db, factsheet_id), ())

    def detail(
        self, recommendation_id: int, levels: tuple[Level, ...] | None = None
    ) -> RecommendationDetail | None:
        """One recommendation to show, or None (gone, or it could not be read)."""
        return self.runner.read(lambda: browsing.detail(self.db, recommendation_id, levels), None)

    def history(self, recommendation_id: int) -> list[HistoryEntry]:
        """A recommendation's recorded changes (none if it failed)."""
        return self.runner.read(lambda: browsing.history(self.db, recommendation_id), [])

    def recommendation_states(self, ids: Iterable[int]) -> dict[int, State]:
        """The tree's state of the recommendations a change touched (none if it failed)."""
        wanted = list(ids)
        return self.runner.read(lambda: browsing.recommendation_states(self.db, wanted), {})

    def recommendation_for_code(self, factsheet_id: int, code: str) -> int | None:
        """The recommendation carrying ``code`` in a factsheet, or None."""
        return self.runner.read(
            lambda: browsing.recommendation_for_code(self.db, factsheet_id, code), None
        )

    def search(self, query: str) -> set[int]:
        """The recommendations matching a search (none if it failed)."""
        return self.runner.read(lambda: search(self.db, query), set())

    def themes(self, factsheet_id: int) -> list[ThemeInfo]:
        """A factsheet's themed recommendations (none if it failed)."""
        return self.runner.read(lambda: browsing.themes(self.db, factsheet_id), [])

    def theme_history(self, theme_id: int, item_ids: Iterable[int]) -> list[HistoryEntry]:
        """A theme's and its items' recorded changes (none if it failed)."""
        items = list(item_ids)
        return self.runner.read(lambda: browsing.theme_history(self.db, theme_id, items), [])

    def backups(self) -> list[backups.BackupInfo]:
        """The open database's backups, newest first (none if they could not be listed)."""
        return self.runner.read(lambda: backups.list_backups(self.db), [])
