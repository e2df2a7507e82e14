"""Where the workbench's Next, Previous and Next unrated go, across the Parties' factsheets.

Pure decisions over the tree model: the workbench finds where the cursor is (the factsheet and
its shown recommendations before and after it) and selects what these functions return, as
``(recommendation id, factsheet id or None when it is the cursor's own factsheet)``.
"""

from __future__ import annotations

from assessor.domain.scope import IN_SCOPE_VERBS
from assessor.domain.tree import Node
from assessor.ui.tree_model import FactsheetTreeModel

Target = tuple[int, int | None]


def around(model: FactsheetTreeModel, node: Node | None) -> tuple[int, list[int], list[int]] | None:
    """The factsheet of ``node`` (the cursor) and its shown recommendations before and after it;
    with nothing chosen yet, the first factsheet from its start; None with no factsheet."""
    fids = model.factsheet_ids()
    if not fids:
        return None
    split = model.around(node) if node is not None else None
    if node is None or split is None:  # nothing chosen yet: start at the first factsheet
        model.ensure_loaded(fids[0])
        return fids[0], [], model.shown_recommendations(fids[0])
    return node.factsheet_id, *split


def party_first(model: FactsheetTreeModel, node: Node | None) -> list[int]:
    """The factsheets, that of ``node`` (the Party being worked on) first."""
    fids = model.factsheet_ids()
    if node is not None and node.factsheet_id in fids:
        fids.remove(node.factsheet_id)
        fids.insert(0, node.factsheet_id)
    return fids


def step(
    model: FactsheetTreeModel, fid: int, before: list[int], after: list[int], direction: int
) -> Target | None:
    """The next (+1) or previous (-1) recommendation shown; None past the last (first) one."""
    if direction > 0 and after:
        return after[0], None
    if direction < 0 and before:
        return before[-1], None
    # Past the end of this factsheet: continue in the next one (another Party's).
    fids = model.factsheet_ids()
    at = fids.index(fid) + direction
    while 0 <= at < len(fids):
        model.ensure_loaded(fids[at])
        other = model.shown_recommendations(fids[at])
        if other:
            return (other[0] if direction > 0 else other[-1]), fids[at]
        at += direction
    return None


def is_unrated(model: FactsheetTreeModel, rec_id: int) -> bool:
    """Whether a recommendation is in scope and has no rating yet."""
    node = model.recommendation_node(rec_id)
    return node is not None and node.verb in IN_SCOPE_VERBS and node.rating is None


def next_unrated(
    model: FactsheetTreeModel, fid: int, before: list[int], after: list[int]
) -> Target | None:
    """The next unrated recommendation in scope: the rest of this factsheet, the factsheets
    after it, those before, then this one's start; None if every one shown is rated."""
    fids = model.factsheet_ids()
    at = fids.index(fid)
    for rec_id in after:
        if is_unrated(model, rec_id):
            return rec_id, None
    for other in fids[at + 1 :] + fids[:at]:
        model.ensure_loaded(other)
        for rec_id in model.shown_recommendations(other):
            if is_unrated(model, rec_id):
                return rec_id, other
    for rec_id in before:
        if is_unrated(model, rec_id):
            return rec_id, None
    return None
