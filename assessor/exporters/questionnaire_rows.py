"""The recommendations a questionnaire asks about, in factsheet order, each with its current
follow-up as the "Previous follow-up" column shows it (the import compares with the same words)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from assessor.db.models import Chapter, Recommendation, RecommendationCode, Section
from assessor.db.queries import current_follow_ups
from assessor.domain.scope import IN_SCOPE_VERBS
from assessor.exporters.document_words import state_line
from assessor.i18n import Words, words

SCOPES = ("compliance", "all")


@dataclass(frozen=True)
class QuestionnaireLine:
    """One recommendation as the questionnaire shows it."""

    uid: str
    codes: tuple[str, ...]
    chapter: str
    verb: str
    text: str
    follow_up: str
    #: The current follow-up's State's own status and references ("" when none).
    follow_up_state_status: str = ""
    follow_up_references: str = ""

    @property
    def previous(self) -> str:
        """The "Previous follow-up" cell (English): the text, then the status and references."""
        return self.previous_in(words("en"))

    def previous_in(self, w: Words) -> str:
        """The "Previous follow-up" cell in ``w``'s language."""
        return previous_follow_up(
            self.follow_up, self.follow_up_state_status, self.follow_up_references, w
        )


def previous_follow_up(
    text: str, state_status: str | None, references: str | None, w: Words | None = None
) -> str:
    """A follow-up as the questionnaire's "Previous follow-up" column shows it (English unless
    ``w`` says otherwise).

    The import compares that locked cell with the database through this same function.
    """
    line = state_line(w or words("en"), state_status, references)
    return f"{text}\n\n{line}" if text and line else text


def questionnaire_lines(session: Session, factsheet_id: int, scope: str) -> list[QuestionnaireLine]:
    """The recommendations in scope, in factsheet order, with their current follow-up."""
    if scope not in SCOPES:
        raise ValueError(f"Unknown scope {scope!r}; use one of: {', '.join(SCOPES)}.")
    chapters = [
        (number, title)
        for number, title in session.execute(
            select(Chapter.number, Chapter.title)
            .where(Chapter.factsheet_id == factsheet_id)
            .order_by(Chapter.position, Chapter.id)
        )
    ]
    codes: dict[int, list[str]] = defaultdict(list)
    for rec_id, code in session.execute(
        select(RecommendationCode.recommendation_id, RecommendationCode.code)
        .where(RecommendationCode.factsheet_id == factsheet_id)
        .order_by(RecommendationCode.recommendation_id, RecommendationCode.position)
    ):
        codes[rec_id].append(code)
    follow_ups = {
        rec_id: (text, state_status or "", references or "")
        for rec_id, (text, state_status, references) in current_follow_ups(
            session, factsheet_id
        ).items()
    }
    query = (
        select(
            Recommendation.id,
            Recommendation.uid,
            Recommendation.chapter_number,
            Recommendation.verb,
            Recommendation.text,
            Section.position,
            Recommendation.section_position,
            Recommendation.position,
        )
        .outerjoin(Section, Section.id == Recommendation.section_id)
        .where(Recommendation.factsheet_id == factsheet_id, Recommendation.retired_at.is_(None))
    )
    if scope == "compliance":
        query = query.where(Recommendation.verb.in_(IN_SCOPE_VERBS))
    # The factsheet's reading order: chapter, section, place within the section.
    order = {number: i for i, (number, _) in enumerate(chapters)}
    rows = sorted(
        session.execute(query),
        key=lambda r: (order.get(r[2], len(order)), r[5] or 0, r[6], r[7], r[0]),
    )
    titles = dict(chapters)
    lines = []
    for rec_id, uid, chapter, verb, text, *_ in rows:
        title = titles.get(chapter, "")
        lines.append(
            QuestionnaireLine(
                uid,
                tuple(codes.get(rec_id, ())),
                f"{chapter}. {title}" if title else chapter,
                verb,
                text,
                *follow_ups.get(rec_id, ("", "", "")),
            )
        )
    return lines
