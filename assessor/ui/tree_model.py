"""The factsheet tree: Party (factsheet) → chapters → sections → recommendations.

One QAbstractItemModel adapting plain rows (``TreeRow``): a factsheet's rows are read (one
service call, a handful of queries) only when its node is expanded, a recommendation in it
is shown or a filter or search is applied, so opening a database of a hundred factsheets
reads only their summaries (which give the count of the unread ones). Nodes are
small slotted objects addressed by an integer in each index's ``internalId``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from assessor.domain.filters import FilterState
from assessor.domain.scales import level_labels
from assessor.domain.tree import (
    Node,
    NodeKind,
    apply_filter,
    around,
    build,
    is_shown,
    set_rating,
)
from assessor.domain.unread_counts import UnreadCounts
from assessor.domain.values import Facet, FactsheetSummary, Level, TreeRow
from assessor.i18n import current_language
from assessor.ui import tree_text
from assessor.ui.style import SECTION_NAMES, round_short
from assessor.ui.tree_memory import TreeMemory

Index = QModelIndex | QPersistentModelIndex

ROLE_KIND = Qt.ItemDataRole.UserRole + 1
ROLE_ID = Qt.ItemDataRole.UserRole + 2
ROLE_VERB = Qt.ItemDataRole.UserRole + 3
ROLE_CODES = Qt.ItemDataRole.UserRole + 4
ROLE_RATING = Qt.ItemDataRole.UserRole + 5
ROLE_PROGRESS = Qt.ItemDataRole.UserRole + 6
ROLE_RATING_LABEL = Qt.ItemDataRole.UserRole + 7
ROLE_RATING_COLOR = Qt.ItemDataRole.UserRole + 8
ROLE_FACTSHEET = Qt.ItemDataRole.UserRole + 9
ROLE_FINAL = Qt.ItemDataRole.UserRole + 10
#: Every row's flags, made once: the view asks them of every row it lays out or paints.
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class FactsheetTreeModel(TreeMemory, QAbstractItemModel):
    """The tree of every factsheet in the database, filled lazily."""

    def __init__(
        self,
        load_rows: Callable[[int], Sequence[TreeRow]],
        load_levels: Callable[[int], Sequence[Level]],
        parent: Any = None,
        load_facets: Callable[[], Sequence[Facet]] | None = None,
    ) -> None:
        super().__init__(parent)
        self._load_rows, self._load_levels = load_rows, load_levels
        self._unread = UnreadCounts(load_facets)
        self._nodes: dict[int, Node] = {}
        self._roots: list[Node] = []
        self._summaries: dict[int, FactsheetSummary] = {}
        self._recs: dict[int, Node] = {}
        self._loaded: set[int] = set()
        self._levels: dict[int, dict[str, tuple[str, str]]] = {}
        self._filter = FilterState()
        self._matches: set[int] | None = None
        self._next_uid = 1

    # --- filling -------------------------------------------------------------------------
    def _node(self, kind: NodeKind, id_: int, parent: Node | None, title: str) -> Node:
        node = Node(self._next_uid, kind, id_, parent, title)
        self._nodes[node.uid] = node
        self._next_uid += 1
        return node

    def set_factsheets(self, summaries: Sequence[FactsheetSummary]) -> None:
        """Show these factsheets (collapsed, not yet read)."""
        self.beginResetModel()
        self._nodes.clear()
        self._recs.clear()
        self._loaded.clear()
        self._levels.clear()
        self._summaries = {s.id: s for s in summaries}
        self._unread.forget()
        self._roots = []
        for s in summaries:
            node = self._node("factsheet", s.id, None, f"{s.party} — {round_short(s.round)}")
            node.tooltip = f"{s.party}\n{s.round}"
            self._roots.append(node)
        self._apply_filter_to_all()
        self.endResetModel()

    def factsheet_ids(self) -> list[int]:
        """The ids of the factsheets, in the order shown."""
        return [n.id for n in self._roots]

    def factsheets(self) -> list[FactsheetSummary]:
        """The summaries of the factsheets, in the order shown (as read at the last reset)."""
        return [self._summaries[n.id] for n in self._roots]

    def _fill(self, root: Node) -> list[Node]:
        """Read a factsheet's rows into nodes; return the top children to show (not yet set)."""
        fid = root.id
        levels = self._load_levels(fid)
        # The chips' short labels in the window's language (a scale's French when it has one).
        shorts = level_labels(levels, current_language(), short=True)
        self._levels[fid] = {
            lv.key: (short, lv.color) for lv, short in zip(levels, shorts, strict=True)
        }
        party = self._summaries[fid].party if fid in self._summaries else ""

        def section_title(row: TreeRow) -> str:
            name = SECTION_NAMES.get(row.section_kind or "", "") or row.title
            return name.format(party=party)

        for node in build(root, self._load_rows(fid), self._node, section_title):
            self._recs[node.id] = node
        self._loaded.add(fid)
        return [child for child in root.children if self._apply_filter(child)]

    def ensure_loaded(self, factsheet_id: int) -> bool:
        """Read a factsheet's rows if not done yet; False if it is not in the tree."""
        if factsheet_id in self._loaded:
            return True
        root = next((n for n in self._roots if n.id == factsheet_id), None)
        if root is None:
            return False
        parent = self.createIndex(root.row, 0, root.uid)
        shown = self._fill(root)
        if shown:
            self.beginInsertRows(parent, 0, len(shown) - 1)
        root.shown = shown
        for row, child in enumerate(shown):
            child.row = row
        if shown:
            self.endInsertRows()
        return True

    def canFetchMore(self, parent: Index) -> bool:
        node = self._at(parent)
        return node is not None and node.kind == "factsheet" and node.id not in self._loaded

    def fetchMore(self, parent: Index) -> None:
        node = self._at(parent)
        if node is not None and node.kind == "factsheet":
            self.ensure_loaded(node.id)

    # --- filtering -----------------------------------------------------------------------
    def set_filter(self, state: FilterState, matches: set[int] | None) -> None:
        """Show only the recommendations passing ``state`` (and in ``matches`` if given)."""
        self.beginResetModel()
        self._filter, self._matches = state, matches
        self._apply_filter_to_all()
        self.endResetModel()

    @property
    def filter_state(self) -> FilterState:
        """The filters the tree applies (the search is applied through ``matches``)."""
        return self._filter

    def _passes(self, node: Node) -> bool:
        if self._matches is not None and node.id not in self._matches:
            return False
        return self._filter.accepts(
            node.verb, node.scope, node.rating, node.has_follow_up, node.review
        )

    def _apply_filter_to_all(self) -> None:
        """Filter every factsheet read in; the others are counted, not read (see shown_count)."""
        for i, root in enumerate(self._roots):
            root.row = i
            self._apply_filter(root)

    def _apply_filter(self, node: Node) -> bool:
        """Recompute which children are shown; whether the node has anything to show."""
        return apply_filter(node, self._passes, self._loaded)

    def shown_count(self) -> tuple[int, int]:
        """(recommendations shown passing the filters now, in every factsheet read or not)."""
        unread = [root.id for root in self._roots if root.id not in self._loaded]
        total = sum(self._summaries[f].recommendations for f in unread if f in self._summaries)
        shown = sum(1 for node in self._recs.values() if is_shown(node) and self._passes(node))
        passing = self._unread.passing(unread, total, self._filter, self._matches)
        return shown + passing, total + len(self._recs)

    # --- updates -------------------------------------------------------------------------
    def update_recommendations(
        self, states: dict[int, tuple[str | None, bool, bool, bool]]
    ) -> None:
        """New ratings / follow-up states of some recommendations (rows stay where they are)."""
        touched: set[int] = set()
        if any(rec_id not in self._recs for rec_id in states):
            # A factsheet not read in changed (a questionnaire import): count it afresh.
            self._unread.forget()
        for rec_id, (rating, has_follow_up, review, final) in states.items():
            node = self._recs.get(rec_id)
            if node is None:
                continue
            set_rating(node, rating)
            node.has_follow_up, node.review, node.final = has_follow_up, review, final
            ancestor: Node | None = node
            while ancestor is not None:
                touched.add(ancestor.uid)
                ancestor = ancestor.parent
        for uid in touched:
            node = self._nodes[uid]
            if is_shown(node):
                index = self.createIndex(node.row, 0, node.uid)
                self.dataChanged.emit(index, index)

    # --- lookups -------------------------------------------------------------------------
    def _at(self, index: Index) -> Node | None:
        if not index.isValid():
            return None
        return self._nodes.get(index.internalId())

    def node(self, index: Index) -> Node | None:
        """The node behind an index (None for the invisible root)."""
        return self._at(index)

    def index_of_recommendation(self, rec_id: int) -> QModelIndex:
        """The index of a shown recommendation (invalid if unknown or filtered out)."""
        node = self._recs.get(rec_id)
        if node is None or not is_shown(node):
            return QModelIndex()
        return self.createIndex(node.row, 0, node.uid)

    def index_of_factsheet(self, factsheet_id: int) -> QModelIndex:
        """The index of a factsheet's node (invalid if unknown)."""
        for root in self._roots:
            if root.id == factsheet_id:
                return self.createIndex(root.row, 0, root.uid)
        return QModelIndex()

    def headings(self) -> list[tuple[tuple[str, int], QModelIndex]]:
        """Every shown factsheet, chapter and section of the loaded factsheets, with its index.

        The key (kind, id) outlives a reset of the model: the expansion of the tree is kept by it.
        """
        out: list[tuple[tuple[str, int], QModelIndex]] = []
        stack = list(self._roots)
        while stack:
            node = stack.pop()
            out.append(((node.kind, node.id), self.createIndex(node.row, 0, node.uid)))
            stack.extend(child for child in node.shown if child.kind != "recommendation")
        return out

    def around(self, node: Node) -> tuple[list[int], list[int]] | None:
        """The shown recommendations of a node's factsheet before and after it (None: not shown)."""
        root = next((n for n in self._roots if n.id == node.factsheet_id), None)
        if root is None or not is_shown(node):
            return None
        self.ensure_loaded(root.id)
        return around(root, node)

    # --- QAbstractItemModel --------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        siblings = self._roots if not parent.isValid() else self._children_of(parent)
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row].uid)

    def _children_of(self, parent: Index) -> list[Node]:
        node = self._at(parent)
        return node.shown if node is not None else []

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._at(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.uid)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        if not parent.isValid():
            return len(self._roots)
        node = self._at(parent)
        return len(node.shown) if node is not None else 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return bool(self._roots)
        node = self._at(parent)
        if node is None or parent.column() > 0:
            return False
        if node.kind == "factsheet" and node.id not in self._loaded:
            return True
        return bool(node.shown)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._at(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{node.codes}  {node.title}" if node.kind == "recommendation" else node.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return tree_text.tooltip(node)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(node)
        if role == ROLE_KIND:
            return node.kind
        if role == ROLE_ID:
            return node.id
        if role == ROLE_FACTSHEET:
            return node.factsheet_id
        if role == ROLE_VERB:
            return node.verb
        if role == ROLE_CODES:
            return node.codes
        if role == ROLE_RATING:
            return node.rating
        if role == ROLE_FINAL:
            return node.final
        if role in (ROLE_RATING_LABEL, ROLE_RATING_COLOR):
            chip = self._chip(node)
            if chip is None:
                return None
            return chip[0] if role == ROLE_RATING_LABEL else chip[1]
        if role == ROLE_PROGRESS and node.kind in ("factsheet", "chapter"):
            rated, total = self.progress(node)
            if not total:
                return self.tr("none in scope")
            return self.tr("{rated} of {total} rated").format(rated=rated, total=total)
        return None

    def paint_key(self, index: Index) -> tuple[object, ...]:
        """Everything a row shows, in one call: the delegate's cache key for its pixmap."""
        node = self._at(index)
        if node is None:
            return ()
        label, color = self._chip(node) or (None, None)
        progress = None
        if node.kind in ("factsheet", "chapter"):
            progress = self.data(index, ROLE_PROGRESS)
        return (
            node.uid,
            node.kind,
            node.codes,
            node.title,
            node.rating,
            label,
            color,
            progress,
            node.final,
        )

    def _chip(self, node: Node) -> tuple[str, str] | None:
        return tree_text.chip(node, self.levels_of(node.factsheet_id))

    def _spoken(self, node: Node) -> str:
        progress = None
        if node.kind != "recommendation":
            progress = self.data(self.createIndex(node.row, 0, node.uid), ROLE_PROGRESS)
        return tree_text.spoken(node, self._chip(node), progress)
