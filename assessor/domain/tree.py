"""The factsheet tree as plain data: nodes, which of them the filter shows, rating progress.

No Qt: ``assessor.ui.tree_model`` adapts it to a ``QAbstractItemModel``. Progress (rated and
in-scope recommendations under a node) is counted once when a factsheet is read in and kept up
to date as ratings change, so painting a row never walks its subtree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from assessor.domain.scope import IN_SCOPE_VERBS
from assessor.domain.values import TreeRow

#: What a node of the tree is.
NodeKind = Literal["factsheet", "chapter", "section", "recommendation"]


class Node:
    """One row of the tree; recommendations carry the few fields a row shows."""

    __slots__ = (
        "children",
        "codes",
        "factsheet_id",
        "final",
        "has_follow_up",
        "id",
        "in_scope",
        "kind",
        "parent",
        "rated",
        "rating",
        "review",
        "row",
        "scope",
        "shown",
        "title",
        "tooltip",
        "uid",
        "verb",
    )

    def __init__(self, uid: int, kind: NodeKind, id_: int, parent: Node | None, title: str) -> None:
        self.uid, self.kind, self.id, self.parent, self.title = uid, kind, id_, parent, title
        self.children: list[Node] = []  # every child, in document order
        self.shown: list[Node] = []  # the children the filter lets through
        self.row = 0  # index in parent.shown
        self.factsheet_id: int = parent.factsheet_id if parent else id_
        self.tooltip = title
        self.codes = ""
        self.verb: str | None = None
        self.scope: str | None = None
        self.rating: str | None = None
        self.has_follow_up = False
        self.review = False  # rated, and the follow-up changed since
        self.final = False  # the assessment is final (ready for the Committee)
        self.rated = 0  # rated in-scope recommendations below this node (see count_progress)
        self.in_scope = 0  # in-scope recommendations below this node

    def counts_as_rated(self) -> bool:
        """Whether this is an in-scope recommendation with a rating."""
        return self.kind == "recommendation" and self.in_scope_item() and self.rating is not None

    def in_scope_item(self) -> bool:
        """Whether this is a recommendation the compliance procedure covers."""
        return self.kind == "recommendation" and self.verb in IN_SCOPE_VERBS


def count_progress(root: Node) -> None:
    """Count rated and in-scope recommendations under every node of a subtree (once)."""
    order: list[Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(node.children)
    for node in reversed(order):  # children before their parents
        node.rated = node.in_scope = 0
        for child in node.children:
            if child.kind == "recommendation":
                node.in_scope += child.in_scope_item()
                node.rated += child.counts_as_rated()
            else:
                node.in_scope += child.in_scope
                node.rated += child.rated


def set_rating(node: Node, rating: str | None) -> None:
    """Give a recommendation a new rating, keeping its ancestors' progress right."""
    before = node.counts_as_rated()
    node.rating = rating
    delta = node.counts_as_rated() - before
    if delta:
        ancestor = node.parent
        while ancestor is not None:
            ancestor.rated += delta
            ancestor = ancestor.parent


def apply_filter(node: Node, passes: Callable[[Node], bool], loaded: set[int]) -> bool:
    """Recompute which children are shown; whether the node has anything to show."""
    if node.kind == "recommendation":
        return passes(node)
    if node.kind == "factsheet" and node.id not in loaded:
        return True
    # Headings without recommendations (introductions) are left out: nothing to assess.
    node.shown = [child for child in node.children if apply_filter(child, passes, loaded)]
    for row, child in enumerate(node.shown):
        child.row = row
    return bool(node.shown) or node.kind == "factsheet"


def is_shown(node: Node) -> bool:
    """Whether the node and every ancestor are among the shown children of their parents."""
    while node.parent is not None:
        parent = node.parent
        if node.row >= len(parent.shown) or parent.shown[node.row] is not node:
            return False
        node = parent
    return True


def shown_recommendation_ids(root: Node) -> list[int]:
    """The ids of the shown recommendations under a node, in document order."""
    out: list[int] = []
    stack = list(reversed(root.shown))
    while stack:
        node = stack.pop()
        if node.kind == "recommendation":
            out.append(node.id)
        else:
            stack.extend(reversed(node.shown))
    return out


def around(root: Node, target: Node) -> tuple[list[int], list[int]]:
    """The shown recommendations of a factsheet before ``target`` and after it, in order.

    ``target`` is any shown node of the factsheet (a heading, or a recommendation, which is in
    neither list): stepping starts from wherever the tree's cursor is, not from what the panes
    last showed.
    """
    before: list[int] = []
    after: list[int] = []
    passed = target is root
    stack = list(reversed(root.shown))
    while stack:
        node = stack.pop()
        if node is target:
            passed = True
            if node.kind == "recommendation":
                continue
        if node.kind == "recommendation":
            (after if passed else before).append(node.id)
        else:
            stack.extend(reversed(node.shown))
    return before, after


#: Makes a node (kind, id, parent, title) and registers it with the tree holding it.
MakeNode = Callable[[NodeKind, int, Node, str], Node]


def build(
    root: Node, rows: Iterable[TreeRow], make: MakeNode, section_title: Callable[[TreeRow], str]
) -> list[Node]:
    """A factsheet's rows as nodes under ``root`` (its progress counted); the recommendations.

    ``section_title`` names a section as the window shows it (its kind's name, else its title).
    """
    by_key: dict[str, Node] = {}
    root.children = []
    recommendations = []
    for row in rows:
        parent = by_key.get(row.parent_key or "", root)
        if row.kind == "chapter":
            node = make("chapter", row.id, parent, f"{row.chapter_number}. {row.title}")
        elif row.kind == "section":
            node = make("section", row.id, parent, section_title(row))
            node.tooltip = row.title
        else:
            node = make("recommendation", row.id, parent, row.title)
            node.codes = ", ".join(row.codes)
            node.verb, node.scope = row.verb, row.scope
            node.rating, node.has_follow_up = row.rating, row.has_follow_up
            node.review, node.final = row.review, row.final
            node.tooltip = f"{node.codes} ({row.verb}): {row.title}"
            recommendations.append(node)
        by_key[row.key] = node
        parent.children.append(node)
    count_progress(root)
    return recommendations
