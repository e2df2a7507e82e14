"""What the factsheet tree knows from memory, without a query: a factsheet's progress and
status, its rating levels, its recommendations read in. A base of ``FactsheetTreeModel``."""

from __future__ import annotations

from assessor.domain.tree import Node, shown_recommendation_ids
from assessor.domain.values import FactsheetSummary


class TreeMemory:
    """The tree model's answers from the rows it has read (see ``tree_model``)."""

    _roots: list[Node]
    _summaries: dict[int, FactsheetSummary]
    _recs: dict[int, Node]
    _loaded: set[int]
    _levels: dict[int, dict[str, tuple[str, str]]]

    def knows_recommendation(self, rec_id: int) -> bool:
        """Whether a recommendation is in a loaded factsheet."""
        return rec_id in self._recs

    def shown_recommendations(self, factsheet_id: int) -> list[int]:
        """The ids of a loaded factsheet's shown recommendations, in document order."""
        root = next((n for n in self._roots if n.id == factsheet_id), None)
        if root is None or factsheet_id not in self._loaded:
            return []
        return shown_recommendation_ids(root)

    def recommendation_node(self, rec_id: int) -> Node | None:
        """The node of a recommendation in a loaded factsheet."""
        return self._recs.get(rec_id)

    def progress(self, node: Node) -> tuple[int, int]:
        """(rated, in scope) among every recommendation under ``node``, filter or not."""
        if node.kind == "factsheet" and node.id not in self._loaded:
            summary = self._summaries.get(node.id)
            return (summary.rated_in_scope, summary.in_scope) if summary else (0, 0)
        return node.rated, node.in_scope

    def factsheet_status(self, factsheet_id: int | None) -> tuple[str, int, int, int] | None:
        """(Party, rated in scope, in scope, recommendations) from memory, no query.

        ``None`` picks the first factsheet; None is returned when there is none.
        """
        root = next((n for n in self._roots if factsheet_id in (None, n.id)), None)
        if root is None:
            return None
        summary = self._summaries[root.id]
        return summary.party, *self.progress(root), summary.recommendations

    def levels_of(self, factsheet_id: int) -> dict[str, tuple[str, str]]:
        """Short label and colour of each rating key of a loaded factsheet."""
        return self._levels.get(factsheet_id, {})
