"""Applying a merge plan: the differences taken and the choices made, in one transaction.

Every change goes to the history as "merged from Ann's package of 2026-05-01"; the result holds
what ``undo_merge`` needs to take the whole merge back in one step. ``services/merge.py``
prepares the plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.engine import Database
from assessor.db.models import Assessment, FollowUp, Recommendation, Theme, ThemeItem, utcnow
from assessor.domain.merge import Choice, Difference, Kind, MergePlan, Side
from assessor.i18n import N_, _, ngettext
from assessor.services.cancel import Cancel, check
from assessor.services.changes import NOTHING, Changes
from assessor.services.errors import ServiceError
from assessor.services.history import record


@dataclass(frozen=True)
class MergeResult:
    """What ``apply_merge`` wrote, and what ``undo_merge`` needs to take it back."""

    changes: Changes
    applied: int
    #: (recommendation id, assessment fields before, or None when there was no assessment)
    assessments_before: tuple[tuple[int, tuple[object, ...] | None], ...] = ()
    #: (new follow-up id, the id of the version it superseded or None)
    follow_ups_added: tuple[tuple[int, int | None], ...] = ()
    #: theme items created, and (item id, text, links) of items changed
    items_added: tuple[int, ...] = ()
    items_before: tuple[tuple[int, str, tuple[str, ...]], ...] = ()
    themes_added: tuple[int, ...] = ()
    by: str = ""
    notes: tuple[str, ...] = field(default=())


def unresolved(plan: MergePlan, choices: Mapping[str, Choice | str]) -> list[Difference]:
    """The conflicts that have no choice."""
    return [d for d in plan.conflicts if d.key not in choices]


def apply_merge(
    db: Database,
    plan: MergePlan,
    choices: Mapping[str, Choice | str] | None = None,
    *,
    prefer: Choice | str | None = None,
    by: str = "",
    cancel: Cancel | None = None,
) -> MergeResult:
    """Write the plan: theirs where only they changed, the choice made for each conflict.

    ``prefer`` ("mine" or "theirs") decides every conflict without a choice; without it every
    conflict needs one (a ``ServiceError`` lists those missing). Refused, with nothing written,
    when this database changed since the plan was prepared. ``cancel`` is checked per
    difference and before the commit: a cancelled merge writes nothing.
    """
    choices = dict(choices or {})
    if prefer is not None:
        wanted = Choice(prefer)
        if wanted is Choice.BOTH:
            raise ServiceError(_("Prefer “mine” or “theirs”; keeping both is chosen per comment."))
        choices = {d.key: wanted for d in unresolved(plan, choices)} | choices
    missing = unresolved(plan, choices)
    if missing:
        listed = "; ".join(
            f"{d.party} {d.label} ({subject_words(d.subject)})" for d in missing[:10]
        )
        if len(missing) > 10:
            listed = _("{listed} and {n} more").format(listed=listed, n=len(missing) - 10)
        raise ServiceError(
            ngettext(
                "{n} conflict needs a choice (keep mine or take theirs): {listed}.",
                "{n} conflicts need a choice (keep mine or take theirs): {listed}.",
                len(missing),
            ).format(n=len(missing), listed=listed)
        )
    for d in plan.conflicts:
        if Choice(choices[d.key]) not in d.choices:
            raise ServiceError(
                _("{party} {label}: the {subject} cannot keep both.").format(
                    party=d.party, label=d.label, subject=subject_words(d.subject)
                )
            )
    signer = f"{by}, merged from {plan.source}" if by else f"merged from {plan.source}"
    return _Applier(db, plan, choices, signer[:200], cancel).run()


#: What each subject of a difference is called (marked, translated where shown).
SUBJECTS = {
    "rating": N_("rating"),
    "comment": N_("comment"),
    "status": N_("status"),
    "follow_up": N_("follow-up"),
    "theme_item": N_("themed recommendation"),
}


def subject_words(subject: str) -> str:
    """A difference's subject in the user's language ("follow-up", « suivi »)."""
    return _(SUBJECTS[subject]) if subject in SUBJECTS else subject


def _sign(text: str, side: Side) -> str:
    who = side.by or "?"
    when = (side.at or "")[:10]
    return f"{text}\n\n— {who}, {when}" if when else f"{text}\n\n— {who}"


class _Applier:
    def __init__(
        self,
        db: Database,
        plan: MergePlan,
        choices: Mapping[str, Choice | str],
        by: str,
        cancel: Cancel | None = None,
    ) -> None:
        self.db, self.plan, self.choices, self.by = db, plan, choices, by
        self.cancel = cancel
        self.at = utcnow()
        self.recs: set[int] = set()
        self.themes: set[int] = set()
        self.before: dict[int, tuple[object, ...] | None] = {}
        self.follow_ups: list[tuple[int, int | None]] = []
        self.items_added: list[int] = []
        self.items_before: list[tuple[int, str, tuple[str, ...]]] = []
        self.themes_added: list[int] = []
        self.applied = 0

    def wanted(self, d: Difference) -> Choice | None:
        if d.kind is Kind.ONLY_THEIRS:
            return Choice.THEIRS
        if d.kind is Kind.CONFLICT:
            choice = Choice(self.choices[d.key])
            return None if choice is Choice.MINE else choice
        return None

    def run(self) -> MergeResult:
        todo = [(d, c) for d in self.plan.differences if (c := self.wanted(d)) is not None]
        with self.db.transaction() as s:
            ids = {d.recommendation_id for d, _ in todo if d.recommendation_id is not None}
            recs = {
                r.id: r
                for r in s.scalars(select(Recommendation).where(Recommendation.id.in_(ids)))
            } if ids else {}  # fmt: skip
            for d, choice in todo:
                check(self.cancel)  # per difference: Cancel rolls the whole merge back
                if d.recommendation_id is None:
                    self.theme_item(s, d, choice)
                    continue
                rec = recs.get(d.recommendation_id)
                if rec is None:
                    raise _stale(d)
                if d.subject == "follow_up":
                    self.follow_up(s, rec, d)
                else:
                    self.assessment(s, rec, d, choice)
                self.recs.add(rec.id)
                self.applied += 1
            check(self.cancel)  # the last moment to stop: nothing is committed yet
        changes = Changes(recommendations=frozenset(self.recs), themes=frozenset(self.themes))
        return MergeResult(
            changes=changes if self.applied else NOTHING,
            applied=self.applied,
            assessments_before=tuple(self.before.items()),
            follow_ups_added=tuple(self.follow_ups),
            items_added=tuple(self.items_added),
            items_before=tuple(self.items_before),
            themes_added=tuple(self.themes_added),
            by=self.by,
        )

    def assessment(self, s: Session, rec: Recommendation, d: Difference, choice: Choice) -> None:
        a = rec.assessment
        current = {
            "rating": a.rating if a else None,
            "comment": a.comment if a else "",
            "status": a.status if a else "draft",
        }[d.subject]
        if current != d.mine.value:
            raise _stale(d)
        if rec.id not in self.before:
            self.before[rec.id] = (
                (a.rating, a.comment, a.status, a.updated_at, a.updated_by) if a else None
            )
        if a is None:
            a = Assessment(recommendation=rec, rating=None, comment="", status="draft")
            s.add(a)
        new = d.theirs.value
        if choice is Choice.BOTH:
            new = f"{_sign(d.mine.value or '', d.mine)}\n\n{_sign(d.theirs.value or '', d.theirs)}"
        record(s, "recommendation", rec.id, d.subject, current, new, self.at, self.by)
        setattr(a, d.subject, new if new is not None or d.subject == "rating" else "")
        a.updated_at, a.updated_by = self.at, self.by

    def follow_up(self, s: Session, rec: Recommendation, d: Difference) -> None:
        current = next((f for f in rec.follow_ups if f.superseded_at is None), None)
        if (current.text if current else None) != d.mine.value:
            raise _stale(d)
        old_status = current.state_status if current else None
        old_refs = current.state_references if current else None
        if current is not None:
            current.superseded_at = self.at
        added = None
        if d.theirs.value is not None:
            received = d.detail("received_at")
            added = FollowUp(
                recommendation=rec,
                text=d.theirs.value,
                source=d.detail("source") or "",
                received_at=datetime.fromisoformat(received) if received else self.at,
                recorded_at=self.at,
                state_status=d.detail("state_status"),
                state_references=d.detail("references"),
            )
            s.add(added)
            s.flush()
        self.follow_ups.append((added.id if added else -1, current.id if current else None))
        record(
            s, "recommendation", rec.id, "follow_up", d.mine.value, d.theirs.value, self.at, self.by
        )
        new_status = d.detail("state_status") if added else None
        new_refs = d.detail("references") if added else None
        record(
            s,
            "recommendation",
            rec.id,
            "follow_up_state_status",
            old_status,
            new_status,
            self.at,
            self.by,
        )
        record(
            s,
            "recommendation",
            rec.id,
            "follow_up_references",
            old_refs,
            new_refs,
            self.at,
            self.by,
        )

    def theme_item(self, s: Session, d: Difference, choice: Choice) -> None:
        links = [x for x in (d.detail("links") or "").split(",") if x]
        mine_id = d.detail("mine_item_id")
        item = s.get(ThemeItem, int(mine_id)) if mine_id else None
        if mine_id and (item is None or (item.text != d.mine.value)):
            raise _stale(d)
        self.themes.add(d.factsheet_id)
        self.applied += 1
        if item is not None and d.detail("links_only"):
            self.items_before.append((item.id, item.text, tuple(item.links or ())))
            merged = list(dict.fromkeys([*(item.links or []), *links]))
            record(s, "theme_item", item.id, "links", item.links, merged, self.at, self.by)
            item.links = merged
            return
        if item is not None and choice is Choice.THEIRS and d.kind is Kind.CONFLICT:
            self.items_before.append((item.id, item.text, tuple(item.links or ())))
            record(s, "theme_item", item.id, "text", item.text, d.theirs.value, self.at, self.by)
            record(s, "theme_item", item.id, "links", item.links, links, self.at, self.by)
            item.text, item.links = d.theirs.value or "", links
            return
        if item is not None and d.kind is Kind.ONLY_THEIRS:
            self.items_before.append((item.id, item.text, tuple(item.links or ())))
            record(s, "theme_item", item.id, "text", item.text, d.theirs.value, self.at, self.by)
            item.text, item.links = d.theirs.value or "", links
            return
        # Added: only theirs have it, or both are kept (theirs after mine).
        theme = item.theme if item is not None else self.theme(s, d)
        position = (item.position + 1) if item is not None else len(theme.items)
        for other in theme.items:
            if other.position >= position:
                other.position += 1
        new = ThemeItem(theme=theme, position=position, text=d.theirs.value or "", links=links)
        s.add(new)
        s.flush()
        self.items_added.append(new.id)
        record(s, "theme_item", new.id, "created", None, new.text, self.at, self.by)

    def theme(self, s: Session, d: Difference) -> Theme:
        title = d.detail("theme") or d.label
        themes = s.scalars(select(Theme).where(Theme.factsheet_id == d.factsheet_id)).all()
        found = next((t for t in themes if t.title.casefold() == title.casefold()), None)
        if found is not None:
            return found
        theme = Theme(factsheet_id=d.factsheet_id, position=len(themes), title=title)
        s.add(theme)
        s.flush()
        self.themes_added.append(theme.id)
        record(s, "theme", theme.id, "created", None, title, self.at, self.by)
        return theme


def _stale(d: Difference) -> ServiceError:
    return ServiceError(
        _(
            "{party} {label} changed here since the merge was prepared; prepare it again "
            "(nothing was merged)."
        ).format(party=d.party, label=d.label)
    )


def undo_merge(db: Database, result: MergeResult, by: str = "") -> Changes:
    """Take a merge back in one transaction: every value it wrote returns to what it was."""
    label = f"{by}, undo of a merge" if by else "undo of a merge"
    at = utcnow()
    with db.transaction() as s:
        for rec_id, before in result.assessments_before:
            rec = s.get(Recommendation, rec_id)
            if rec is None or rec.assessment is None:
                continue
            a = rec.assessment
            old = before or (None, "", "draft", None, None)
            for name, value in zip(("rating", "comment", "status"), old[:3], strict=True):
                record(s, "recommendation", rec_id, name, getattr(a, name), value, at, label)
            if before is None:
                s.delete(a)
            else:
                a.rating, a.comment, a.status = before[0], before[1], before[2]  # type: ignore[assignment]
                a.updated_at, a.updated_by = before[3], before[4]  # type: ignore[assignment]
        for added_id, previous_id in result.follow_ups_added:
            added = s.get(FollowUp, added_id) if added_id > 0 else None
            previous = s.get(FollowUp, previous_id) if previous_id else None
            either = added or previous
            owner = either.recommendation_id if either is not None else None
            if added is not None:
                s.delete(added)
            if previous is not None:
                previous.superseded_at = None
            if owner is not None:
                record(
                    s, "recommendation", owner, "follow_up",
                    added.text if added else None, previous.text if previous else None, at, label,
                )  # fmt: skip
        for item_id in result.items_added:
            item = s.get(ThemeItem, item_id)
            if item is not None:
                record(s, "theme_item", item_id, "deleted", item.text, None, at, label)
                s.delete(item)
        for item_id, text, links in result.items_before:
            item = s.get(ThemeItem, item_id)
            if item is not None:
                record(s, "theme_item", item_id, "text", item.text, text, at, label)
                item.text, item.links = text, list(links)
        for theme_id in result.themes_added:
            theme = s.get(Theme, theme_id)
            if theme is not None:
                record(s, "theme", theme_id, "deleted", theme.title, None, at, label)
                s.delete(theme)
    return result.changes
